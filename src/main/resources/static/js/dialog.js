// Accessible modal dialogs on the native <dialog> element: showModal() makes the rest of the page inert (focus
// stays inside), Escape cancels, focus returns to where it was. Errors are tied to their field with
// aria-describedby. No native prompt/confirm, no innerHTML.
import { h } from './dom.js';
import { stepUpText } from './messages/account.js';
import { commonText } from './messages/common.js';
import { errorText } from './messages/errors.js';

let counter = 0;

function field(label, attrs, hint, multiline) {
  const id = `dlg-${++counter}`;
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  const hintEl = hint ? h('p', { class: 'hint muted', id: `${id}-hint` }, hint) : null;
  // The error comes first in aria-describedby: a screen reader reads what is wrong before the advice.
  const describedBy = [`${id}-error`, hintEl ? hintEl.id : null].filter(Boolean).join(' ');
  const input = multiline
    ? h('textarea', { id, rows: 3, ...attrs, 'aria-describedby': describedBy })
    : h('input', { id, ...attrs, 'aria-describedby': describedBy });
  return { input, error, hint: hintEl, label: h('label', { for: id }, label) };
}

/**
 * Focus back where it was. A button busy with the call that opened this dialog (the step-up) is disabled until
 * that call ends and cannot take focus yet: it gets it once enabled, unless the person has moved on meanwhile.
 */
function restoreFocus(el) {
  if (!el || typeof el.focus !== 'function' || !document.contains(el)) return;
  if (!el.disabled) {
    el.focus();
    return;
  }
  const until = Date.now() + 30_000;
  const later = () => {
    if (!document.contains(el)) return;
    if (el.disabled) {
      if (Date.now() < until) setTimeout(later, 50);
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body) el.focus();
  };
  setTimeout(later, 50);
}

/** A sentence for a failed call: the code's, else the one the API client made from the status. */
function failure(e) {
  return errorText(e && e.code) || (e && e.message) || errorText('generic');
}

/**
 * Opens a modal dialog and resolves with what {@code submit} returned, or null when cancelled.
 * {@code build(content)} fills the dialog and returns { focus, submit(values) }; submit may throw to show an error.
 */
function open(title, build) {
  return new Promise((resolve) => {
    const titleId = `dlg-title-${++counter}`;
    const returnTo = document.activeElement;
    const dialog = h('dialog', { class: 'modal', 'aria-labelledby': titleId });
    const content = h('form', { method: 'dialog', novalidate: true });
    dialog.append(h('h2', { id: titleId }, title), content);
    document.body.append(dialog);
    let result = null;
    const spec = build(content, (value) => { result = value; dialog.close(); });
    dialog.addEventListener('close', () => {
      dialog.remove();
      restoreFocus(returnTo);
      resolve(result);
    });
    dialog.showModal();
    if (spec.focus) spec.focus.focus();
  });
}

function buttons(confirmText, cancel, danger, cancelText) {
  const ok = h('button', { type: 'submit', class: danger ? 'danger' : '' }, confirmText);
  const no = h('button', { type: 'button', class: 'secondary', onclick: cancel }, cancelText || commonText().cancel);
  return { ok, row: h('div', { class: 'dialog-buttons' }, ok, no) };
}

function showError(target, input, message) {
  target.textContent = message;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

/**
 * "Confirm it's you": the password, or (with MFA on) an authenticator code. {@code check(proof)} calls the server;
 * resolves true once it accepted, false when cancelled.
 */
export function reauthenticate({ mfa, check }) {
  const STEP_UP = stepUpText();
  return open(STEP_UP.title, (form, done) => {
    let useCode = false;
    const general = h('p', { class: 'error', role: 'alert', id: `dlg-general-${++counter}` });
    const pw = field(STEP_UP.password, { name: 'password', type: 'password', autocomplete: 'current-password', maxlength: 1024 });
    const code = field(STEP_UP.code, { name: 'code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6, pattern: '[0-9]{6}' });
    const slot = h('div', { class: 'dialog-field' });
    const current = () => (useCode ? code : pw);
    const show = () => {
      const f = current();
      slot.replaceChildren(f.label, f.input, f.error);
      f.error.textContent = '';
      f.input.removeAttribute('aria-invalid');
    };
    show();
    const toggle = mfa ? h('button', { type: 'button', class: 'secondary', id: 'reauth-toggle', onclick: () => {
      useCode = !useCode;
      toggle.textContent = useCode ? STEP_UP.usePassword : STEP_UP.useCode;
      show();
      current().input.focus();
    } }, STEP_UP.useCode) : null;
    const { ok, row } = buttons(STEP_UP.confirm, () => done(false));
    form.id = 'reauth-form';
    form.append(h('p', {}, STEP_UP.intro), slot, toggle, general, row);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const f = current();
      f.error.textContent = '';
      general.textContent = '';
      f.input.removeAttribute('aria-invalid');
      const value = f.input.value;
      if (!value.trim()) {
        showError(f.error, f.input, useCode ? STEP_UP.missingCode : STEP_UP.missingPassword);
        return;
      }
      working(ok, true);
      try {
        await check(useCode ? { code: value.trim() } : { password: value });
        done(true);
      } catch (e) {
        const message = failure(e);
        if (e.code === 'wrong_password' || e.code === 'invalid_mfa_code' || e.code === 'validation_failed') {
          f.input.value = '';
          showError(f.error, f.input, message);
        } else {
          showError(general, null, message);
        }
      } finally {
        working(ok, false);
      }
    });
    return { focus: pw.input };
  }).then((r) => r === true);
}

/** The confirm button while the server works: disabled (no double submit), aria-busy and the spinner. */
function working(button, on) {
  button.disabled = on;
  button.classList.toggle('busy', on);
  if (on) button.setAttribute('aria-busy', 'true');
  else button.removeAttribute('aria-busy');
}

/**
 * A confirmation with optional text fields (e.g. a reason). {@code onConfirm(values)} runs while the dialog is
 * open, so its error shows in the dialog; resolves with its result, or null when cancelled. A field is
 * { name, label, required, missing, invalid, pattern, max, hint, multiline, type, autocomplete, inputmode }; a field
 * the server refuses shows its own {@code invalid} sentence (else a general "check this field"), never the
 * server's words.
 */
export function confirmAction({ title, text, fields = [], confirmText, cancelText, danger = false, onConfirm, id }) {
  return open(title, (form, done) => {
    const general = h('p', { class: 'error', role: 'alert' });
    const inputs = fields.map((f) => ({ spec: f, ...field(f.label, { name: f.name, type: f.multiline ? undefined : (f.type || 'text'),
      maxlength: f.max || 200, required: !!f.required, autocomplete: f.autocomplete || 'off', inputmode: f.inputmode }, f.hint, f.multiline) }));
    const { ok, row } = buttons(confirmText, () => done(null), danger, cancelText);
    if (id) form.id = id;
    // The consequences are the dialog's description: a screen reader reads them with the title when it opens.
    const textId = `dlg-text-${++counter}`;
    form.closest('dialog').setAttribute('aria-describedby', textId);
    form.append(h('p', { id: textId }, text),
      ...inputs.map((f) => h('div', { class: 'dialog-field' }, f.label, f.input, f.hint, f.error)), general, row);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (ok.disabled) return;
      general.textContent = '';
      const values = {};
      for (const f of inputs) {
        f.error.textContent = '';
        f.input.removeAttribute('aria-invalid');
        values[f.spec.name] = f.input.value.trim();
      }
      for (const f of inputs) {
        if (f.spec.required && !values[f.spec.name]) {
          showError(f.error, f.input, f.spec.missing || commonText().fieldRequired);
          return;
        }
        if (f.spec.pattern && values[f.spec.name] && !f.spec.pattern.test(values[f.spec.name])) {
          showError(f.error, f.input, f.spec.invalid || f.spec.missing || commonText().fieldInvalid);
          return;
        }
      }
      working(ok, true);
      try {
        const result = await onConfirm(values);
        done(result ?? true);
      } catch (e) {
        const names = ((e.problem && e.problem.errors) || []).map((p) => String(p.field || '').split('.').pop());
        const f = inputs.find((x) => names.includes(x.spec.name));
        if (f) showError(f.error, f.input, f.spec.invalid || commonText().fieldInvalid);
        else showError(general, null, failure(e));
      } finally {
        working(ok, false);
      }
    });
    return { focus: inputs.length ? inputs[0].input : ok };
  });
}

/**
 * A confirmation that asks for a reason (ban, reject, revoke): one required text area. Resolves with what
 * {@code onConfirm(reason)} returned, or null when cancelled.
 */
export function reasonForm({ title, text, label, missing, invalid, max = 200, confirmText, cancelText, danger = true, id, onConfirm }) {
  return confirmAction({ title, text, confirmText, cancelText, danger, id,
    fields: [{ name: 'reason', label, required: true, max, missing, invalid, multiline: true }],
    onConfirm: (values) => onConfirm(values.reason) });
}
