// DOM helpers. Text always goes in through textContent / DOM nodes, never innerHTML, so data cannot become markup.
import { lang, locale as localeOf } from './i18n.js';
import { formatMoney, formatNumber, formatDay, formatWhen } from './format.js';
import { commonText } from './messages/common.js';
import { errorText } from './messages/errors.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key in el && typeof value !== 'string') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function mount(...nodes) {
  const app = document.getElementById('app');
  // Optional parts arrive as null ("cond ? node : null"); replaceChildren would show them as the text "null".
  app.replaceChildren(...nodes.flat().filter((n) => n !== null && n !== undefined && n !== false));
  // The document title follows the page: its h1, then the product's name.
  const h1 = app.querySelector('h1');
  if (h1) setTitle(h1.textContent);
  return app;
}

/** The document title: "Page · SunDispatch". */
export function setTitle(text) {
  const suffix = commonText().titleSuffix;
  document.title = text ? `${text.trim()} · ${suffix}` : suffix;
}

/**
 * The page-wide message (a live region, so screen readers announce it). It is scrolled into view when the page is
 * scrolled away from it, without moving keyboard focus.
 */
export function flash(message, kind = 'info') {
  const box = document.getElementById('flash');
  box.className = kind === 'error' ? 'error' : kind === 'ok' ? 'ok' : '';
  box.textContent = message || '';
  if (message && box.getBoundingClientRect && box.getBoundingClientRect().top < 0) box.scrollIntoView({ block: 'nearest' });
}

/** The user's locale for Intl: en-GB or de-DE. */
export function locale() {
  return localeOf(lang());
}

/** An amount in the user's language: "€1,140.00" (en-GB) or "1.140,00 €" (de-DE). */
export function money(m) {
  return formatMoney(m, locale());
}

/** A number in the user's language ("1,234.5" / "1.234,5"). */
export function number(n, options) {
  return formatNumber(n, locale(), options);
}

/** A calendar date ("2026-12-02", as the server sends dates without a time) in the user's language. */
export function day(isoDate) {
  return formatDay(isoDate, locale());
}

/** A date and time in the user's language, without seconds. */
export function when(iso, timeZone) {
  return formatWhen(iso, locale(), timeZone);
}

/**
 * Marks a button as working while the promise runs: disabled (no double submit), aria-busy and a spinner, then
 * restored. Returns the promise's result.
 */
export async function busy(button, work) {
  if (!button) return work();
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.classList.add('busy');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.classList.remove('busy');
  }
}

/**
 * A table that becomes a list of cards on narrow screens: every cell carries its column's name (data-label), shown
 * by the stylesheet beside the value when the header row is hidden. {@code columns} are header texts; each row is
 * an array of cells (text or nodes); {@code opts.caption} names the table for screen readers.
 */
export function dataTable(columns, rows, opts = {}) {
  const table = h('table', { class: `stack ${opts.wide ? 'wide' : ''} ${opts.className || ''}`.trim(), id: opts.id },
    opts.caption ? h('caption', { class: opts.captionVisible ? '' : 'visually-hidden' }, opts.caption) : null,
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows.map((cells) => {
      const row = cells.row || {};
      const list = Array.isArray(cells) ? cells : cells.cells;
      return h('tr', row, ...list.map((cell, i) => h('td', { dataset: { label: columns[i] || '' } }, cell)));
    })));
  return table;
}

/**
 * What to tell people about a failure: an API error's sentence (always one for people, see api.js), else the
 * fallback, never a browser's or a script's own message.
 */
export function sentenceFor(e, fallback) {
  return e && typeof e.status === 'number' && e.message ? e.message : fallback;
}

/** A list with its loading, empty and error states. */
export async function list(container, load, render, emptyText) {
  container.replaceChildren(h('p', { class: 'muted', role: 'status' }, commonText().loading));
  try {
    const items = await load();
    if (!items || items.length === 0) {
      container.replaceChildren(h('p', { class: 'muted' }, emptyText));
      return [];
    }
    container.replaceChildren(...items.map(render));
    return items;
  } catch (e) {
    container.replaceChildren(h('p', { class: 'error', role: 'alert' }, sentenceFor(e, commonText().couldNotLoad)));
    return [];
  }
}

/**
 * A form from field specs { name, label, type, required, hint, invalid, ... }. On a refused answer each field the
 * server names shows the field's own sentence ({@code invalid}, else a general "check this field"), never the
 * server's words; the error is tied to the field (aria-invalid, aria-describedby) and focus moves to the first
 * one. The general sentence comes from the error code. The button shows progress while the server works and a
 * second submit is not possible. {@code opts.reset}: clear the form after success.
 */
let formCounter = 0;

export function form(fields, submitText, onSubmit, opts = {}) {
  const errors = {};
  const inputs = {};
  const general = h('p', { class: 'error form-error', role: 'alert' });
  const prefix = `f${++formCounter}`;
  const el = h('form', { class: opts.inline ? 'inline' : '', novalidate: true });
  for (const f of fields) {
    const id = `${prefix}-${f.name}`;
    const input = f.type === 'select'
      ? h('select', { name: f.name, id }, ...f.options.map(([v, t]) => h('option', { value: v }, t)))
      : f.type === 'textarea'
        ? h('textarea', { name: f.name, id, rows: f.rows || 3, maxlength: f.max, required: f.required })
        : h('input', { name: f.name, id, type: f.type || 'text', required: f.required, autocomplete: f.autocomplete,
          step: f.step, min: f.min, max: f.maxValue, maxlength: f.max, placeholder: f.placeholder, inputmode: f.inputmode });
    if (f.value !== undefined && f.value !== null) input.value = f.value;
    inputs[f.name] = input;
    // The field's hint and error are tied to it (aria-describedby), so a screen reader reads them with the field.
    errors[f.name] = h('span', { class: 'field-error', id: `${id}-error`, dataset: { field: f.name } });
    const hint = f.hint ? h('span', { class: 'hint muted', id: `${id}-hint` }, f.hint) : null;
    input.setAttribute('aria-describedby', [hint ? hint.id : null, errors[f.name].id].filter(Boolean).join(' '));
    el.append(h('label', { for: id, class: f.type === 'checkbox' ? 'check' : '' }, f.label, input, hint, errors[f.name]));
  }
  const button = h('button', { type: 'submit' }, submitText);
  el.append(general, button);
  const clear = () => {
    Object.values(errors).forEach((e) => { e.textContent = ''; });
    Object.values(inputs).forEach((i) => i.removeAttribute('aria-invalid'));
    general.textContent = '';
  };
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    clear();
    const values = {};
    for (const f of fields) {
      const raw = f.type === 'checkbox' ? inputs[f.name].checked : inputs[f.name].value;
      values[f.name] = f.type === 'number' ? (raw === '' ? null : Number(raw)) : raw;
    }
    // Required fields left empty are named before anything goes to the server.
    const empty = fields.filter((f) => f.required && f.type !== 'checkbox' && String(values[f.name] ?? '').trim() === '');
    if (empty.length) {
      empty.forEach((f) => { errors[f.name].textContent = f.missing || commonText().fieldRequired; });
      mark();
      return;
    }
    try {
      await busy(button, () => onSubmit(values, el));
      if (opts.reset) el.reset();
    } catch (e) {
      let shown = false;
      // A refused password belongs next to the password field.
      const passwordField = errors.password ? 'password' : errors.newPassword ? 'newPassword' : null;
      if (e.code === 'weak_password' && passwordField) {
        errors[passwordField].textContent = errorText('weak_password');
        shown = true;
      }
      for (const fe of (e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [])) {
        const key = String(fe.field || '').split('.').pop();
        const spec = fields.find((f) => f.name === key);
        if (spec && errors[key]) {
          errors[key].textContent = spec.invalid || commonText().fieldInvalid;
          shown = true;
        }
      }
      general.textContent = shown ? '' : sentenceFor(e, errorText('generic'));
      if (opts.onError) opts.onError(e);
      mark();
      if (!shown) general.scrollIntoView({ block: 'nearest' });
    }
  });
  function mark() {
    const invalid = Object.keys(errors).filter((k) => errors[k].textContent);
    invalid.forEach((k) => inputs[k].setAttribute('aria-invalid', 'true'));
    if (invalid.length) inputs[invalid[0]].focus();
  }
  el.inputs = inputs;
  el.general = general;
  el.clearErrors = clear;
  return el;
}
