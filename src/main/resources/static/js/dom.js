// DOM helpers. Text always goes in through textContent / DOM nodes, never innerHTML, so data cannot become markup.
import { lang } from './texts.js';

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
  app.replaceChildren(...nodes.filter((n) => n !== null && n !== undefined && n !== false));
  return app;
}

export function flash(message, kind = 'info') {
  const box = document.getElementById('flash');
  box.className = kind === 'error' ? 'error' : '';
  box.textContent = message || '';
}

/** The locale of numbers and dates: en-GB or de-DE, after the user's language. */
export function locale() {
  return lang() === 'de' ? 'de-DE' : 'en-GB';
}

/**
 * An amount in the user's language: "€1,140.00" (en-GB) or "1.140,00 €" (de-DE). The decimal string goes to
 * Intl as it is (exact in current browsers), never through arithmetic.
 */
export function money(m) {
  if (!m || m.amount === undefined || m.amount === null) return '';
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency: m.currency || 'EUR' }).format(m.amount);
  } catch {
    return `${m.amount} ${m.currency}`;
  }
}

/** A calendar date ("2026-12-02", as the server sends dates without a time) in the user's language. */
export function day(isoDate) {
  if (!isoDate) return '';
  const d = new Date(`${String(isoDate).slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(locale(), { dateStyle: 'medium', timeZone: 'UTC' });
}

/** A date and time in the user's language (de-DE or en-GB), without seconds. */
export function when(iso) {
  return iso ? new Date(iso).toLocaleString(lang() === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/** A list with its loading, empty and error states. */
export async function list(container, load, render, emptyText) {
  container.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    const items = await load();
    if (!items || items.length === 0) {
      container.replaceChildren(h('p', { class: 'muted' }, emptyText));
      return [];
    }
    container.replaceChildren(...items.map(render));
    return items;
  } catch (e) {
    container.replaceChildren(h('p', { class: 'error' }, e.message || 'Could not load.'));
    return [];
  }
}

/**
 * A form from field specs. On a problem+json answer, each field's message from the server shows next to it and
 * the general message above the button.
 */
let formCounter = 0;

export function form(fields, submitText, onSubmit, opts = {}) {
  const errors = {};
  const inputs = {};
  const general = h('p', { class: 'error', role: 'alert' });
  const prefix = `f${++formCounter}`;
  const el = h('form', { class: opts.inline ? 'inline' : '', novalidate: true });
  for (const f of fields) {
    const input = f.type === 'select'
      ? h('select', { name: f.name }, ...f.options.map(([v, t]) => h('option', { value: v }, t)))
      : f.type === 'textarea'
        ? h('textarea', { name: f.name, rows: f.rows || 3, maxlength: f.max })
        : h('input', { name: f.name, type: f.type || 'text', required: f.required, autocomplete: f.autocomplete,
          step: f.step, min: f.min, max: f.maxValue, maxlength: f.max, placeholder: f.placeholder });
    if (f.value !== undefined && f.value !== null) input.value = f.value;
    inputs[f.name] = input;
    // The field's error is tied to it (aria-describedby), so a screen reader reads it with the field.
    errors[f.name] = h('span', { class: 'field-error', id: `${prefix}-${f.name}-error`, dataset: { field: f.name } });
    input.setAttribute('aria-describedby', errors[f.name].id);
    el.append(h('label', {}, f.label, input, f.hint || null, errors[f.name]));
  }
  const button = h('button', { type: 'submit' }, submitText);
  el.append(general, button);
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    Object.values(errors).forEach((e) => { e.textContent = ''; });
    Object.values(inputs).forEach((i) => i.removeAttribute('aria-invalid'));
    general.textContent = '';
    const values = {};
    for (const f of fields) {
      const raw = inputs[f.name].value;
      values[f.name] = f.type === 'number' ? (raw === '' ? null : Number(raw)) : raw;
    }
    button.disabled = true;
    try {
      await onSubmit(values, el);
    } catch (e) {
      let shown = false;
      // A refused password belongs next to the password field, with the server's reason.
      const passwordField = errors.password ? 'password' : errors.newPassword ? 'newPassword' : null;
      if (e.code === 'weak_password' && passwordField) {
        errors[passwordField].textContent = e.message;
        shown = true;
      }
      for (const fe of (e.problem && e.problem.errors) || []) {
        const key = fe.field.split('.').pop();
        if (errors[key]) { errors[key].textContent = fe.message; shown = true; }
      }
      if (!shown) general.textContent = e.message || 'Something went wrong.';
      const invalid = Object.keys(errors).filter((k) => errors[k].textContent);
      invalid.forEach((k) => inputs[k].setAttribute('aria-invalid', 'true'));
      if (invalid.length) inputs[invalid[0]].focus();
    } finally {
      button.disabled = false;
    }
  });
  el.inputs = inputs;
  return el;
}
