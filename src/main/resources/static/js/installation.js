// The parts of the installation life cycle (issue 16) that the installer's job page, the customer's order page and
// the admin's disputes share: dates in the installation's time zone, the appointment forms, the completion report
// (as a form and as a record), photos fetched with the bearer token, and a poller that changes the page only when
// something changed. Words come from texts.js in English or German; server codes become sentences there, never
// the server's own text.
import { h, flash } from './dom.js';
import { api, imageUrl, download, upload } from './api.js';
import { installText, errorText } from './texts.js';

const ZONES = { DE: 'Europe/Berlin', AT: 'Europe/Vienna', CH: 'Europe/Zurich' };

/** The installation's time zone from its country (the server judges "the day" there too). */
export function zoneFor(country) {
  return ZONES[country] || 'Europe/Berlin';
}

function browserZone() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone; } catch { return null; }
}

function fmt(options, tz) {
  return new Intl.DateTimeFormat(installText().locale, { ...options, timeZone: tz });
}

/** "Tue, 9 Dec 2026, 08:00" (en-GB) or "Di., 9. Dez. 2026, 08:00" (de-DE): no seconds. */
export function dateTime(iso, tz) {
  if (!iso) return '';
  return fmt({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }, tz)
    .format(new Date(iso));
}

export function dateOnly(iso, tz) {
  if (!iso) return '';
  return fmt({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, tz).format(new Date(iso));
}

function timeOnly(iso, tz) {
  return fmt({ hour: '2-digit', minute: '2-digit' }, tz).format(new Date(iso));
}

function dayKey(iso, tz) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** A span of time, shortened to one date when it starts and ends on the same day. */
export function range(start, end, tz) {
  if (!start) return '';
  if (!end) return dateTime(start, tz);
  if (dayKey(start, tz) === dayKey(end, tz)) {
    return `${fmt({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, tz).format(new Date(start))}, ${timeOnly(start, tz)}–${timeOnly(end, tz)}`;
  }
  return `${dateTime(start, tz)} – ${dateTime(end, tz)}`;
}

/** The UTC offset of {@code tz} at an instant, in minutes. */
function offsetMinutes(ms, tz) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(ms));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return (Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - ms) / 60000;
}

/** A wall-clock date ("2026-12-09") and time ("08:00") in {@code tz} as an instant. */
export function zonedInstant(date, time, tz) {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let t = guess - offsetMinutes(guess, tz) * 60000;
  const again = guess - offsetMinutes(t, tz) * 60000;
  if (again !== t) t = again;
  return new Date(t);
}

/** The wall-clock date and time of an instant in {@code tz}, as input values. */
function zonedParts(ms, tz) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(ms));
  const get = (type) => parts.find((p) => p.type === type).value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** A sentence for a refused call: the code's sentence, or a general one; never the server's own text. */
export function says(e) {
  if (e && e.code && errorText(e.code)) return errorText(e.code);
  if (e && e.status === 404) return errorText('not_found');
  if (e && e.status === 413) return errorText('file_too_large');
  return installText().failed;
}

let counter = 0;
function uid(prefix) { counter += 1; return `${prefix}-${counter}`; }

/** A heading that focus can move to when the control a person was on disappears (tabindex -1, not in the tab order). */
export function heading(level, text, id) {
  return h(level, { id, tabindex: '-1' }, text);
}

/**
 * Marks a part of a section for {@link replaceSection}: a part with the same key and signature as the one on the
 * screen is kept as it is (with what is typed in it, an open disclosure, the focus), any other is replaced.
 */
export function keyed(node, key, signature = '') {
  if (node && node.dataset) {
    node.dataset.key = key;
    node.dataset.sig = typeof signature === 'string' ? signature : JSON.stringify(signature);
  }
  return node;
}

/** Whether a freshly built part says the same as the one on the screen (then the one on the screen stays). */
function samePart(shown, fresh) {
  if (shown.nodeType !== fresh.nodeType) return false;
  if (fresh.nodeType !== Node.ELEMENT_NODE) return shown.isEqualNode(fresh);
  if (fresh.dataset.key || shown.dataset.key) {
    return shown.dataset.key === fresh.dataset.key && shown.dataset.sig === fresh.dataset.sig;
  }
  return shown.isEqualNode(fresh);
}

/**
 * Updates a section to show {@code nodes}, in place: parts that did not change stay the same DOM nodes (compared
 * by key and signature, see {@link keyed}, else by their content), only the changed ones are swapped, so a live
 * update never rebuilds the page and never moves the focus. Only when the focused part itself had to go does
 * focus move, to the section's first heading, so a keyboard user is not dropped at the top of the page;
 * {@code moveFocus} (after the person's own action) does the same when the control they used is gone.
 */
export function replaceSection(section, nodes, moveFocus = false) {
  const fresh = nodes.filter((n) => n !== null && n !== undefined && n !== false);
  const focused = document.activeElement;
  const hadFocus = !!focused && section.contains(focused) && focused !== section;
  const shown = [...section.childNodes];
  let from = 0;
  const wanted = fresh.map((n) => {
    // In order: a part that is still there is found after the last one kept.
    for (let i = from; i < shown.length; i += 1) {
      if (shown[i] && samePart(shown[i], n)) {
        const keep = shown[i];
        shown[i] = null;
        from = i + 1;
        return keep;
      }
    }
    return n;
  });
  shown.forEach((old) => { if (old) old.remove(); });
  let at = section.firstChild;
  for (const n of wanted) {
    if (n === at) {
      at = at.nextSibling;
    } else {
      section.insertBefore(n, at);
    }
  }
  const lost = !focused || focused === document.body || !focused.isConnected;
  if (lost && (hadFocus || moveFocus)) {
    const target = section.querySelector('h2[tabindex], h3[tabindex]');
    if (target) target.focus({ preventScroll: false });
  }
}

function timeZoneHint(tz) {
  const zone = browserZone();
  if (!zone || zone === tz) return null;
  const city = tz.split('/').pop().replace(/_/g, ' ');
  return h('p', { class: 'muted zone-hint' }, installText().zoneHint(city));
}

const DURATIONS = [[2, 'h'], [3, 'h'], [4, 'h'], [5, 'h'], [6, 'h'], [8, 'h'], [10, 'h'], [24, 'd'], [48, 'd'], [72, 'd']];

/**
 * Date, start time and duration of a proposed appointment, first filled with the window's start (rounded up to a
 * quarter hour) so a proposal inside it is one click away. {@code submit({start, end})} calls the server.
 */
export function proposalForm({ id, window, tz, submitText, submit }) {
  const t = installText();
  // Ids from the form's own id, so the same form built again is recognised as unchanged (see replaceSection).
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const quarter = 15 * 60000;
  const startMs = Math.ceil(new Date(window.start).getTime() / quarter) * quarter;
  const first = zonedParts(startMs, tz);
  const last = zonedParts(new Date(window.end).getTime(), tz);
  const date = h('input', { type: 'date', name: 'date', required: true, min: first.date, max: last.date, value: first.date,
    'aria-describedby': `${hintId} ${errorId}` });
  const time = h('input', { type: 'time', name: 'time', required: true, step: 900, value: first.time, 'aria-describedby': `${hintId} ${errorId}` });
  const duration = h('select', { name: 'duration' }, ...DURATIONS.map(([hours, unit]) =>
    h('option', { value: String(hours) }, unit === 'h' ? t.hours(hours) : t.days(hours / 24))));
  duration.value = '4';
  const error = h('p', { class: 'error', id: errorId, role: 'alert' });
  const button = h('button', { type: 'submit' }, submitText || t.proposeSend);
  const form = h('form', { id, class: 'proposal-form', novalidate: true, dataset: { key: id, sig: JSON.stringify([window.start, window.end, tz]) } },
    h('p', { class: 'muted', id: hintId }, t.windowHint(range(window.start, window.end, tz))),
    timeZoneHint(tz),
    h('div', { class: 'field-row' }, h('label', {}, t.date, date), h('label', {}, t.startTime, time), h('label', {}, t.duration, duration)),
    error, h('div', { class: 'tabs' }, button));
  form.addEventListener('change', () => { error.textContent = ''; [date, time].forEach((i) => i.removeAttribute('aria-invalid')); });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    [date, time].forEach((i) => i.removeAttribute('aria-invalid'));
    if (!date.value || !time.value) {
      error.textContent = t.missingDate;
      (date.value ? time : date).setAttribute('aria-invalid', 'true');
      (date.value ? time : date).focus();
      return;
    }
    const start = zonedInstant(date.value, time.value, tz);
    if (start < new Date(window.start) || start > new Date(window.end)) {
      error.textContent = errorText('outside_window');
      date.setAttribute('aria-invalid', 'true');
      date.focus();
      return;
    }
    const end = new Date(start.getTime() + Number(duration.value) * 3600000);
    button.disabled = true;
    try {
      await submit({ start: start.toISOString(), end: end.toISOString() });
    } catch (e) {
      error.textContent = e.code === 'validation_failed' ? errorText('invalid_appointment') : says(e);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** A reason form (reschedule, dispute): a labelled textarea with its length rule said up front. */
export function reasonForm({ id, label, submitText, min, max, danger, submit }) {
  const t = installText();
  const textId = id ? `${id}-reason` : uid('reason');
  const hintId = `${textId}-hint`;
  const errorId = `${textId}-error`;
  const text = h('textarea', { id: textId, name: 'reason', rows: 4, maxlength: max, required: true, 'aria-describedby': `${hintId} ${errorId}` });
  const error = h('p', { class: 'error', id: errorId, role: 'alert' });
  const button = h('button', { type: 'submit', class: danger ? 'danger' : '' }, submitText);
  const form = h('form', { id, class: 'reason-form', novalidate: true },
    h('label', { for: textId }, label), text, h('p', { class: 'muted', id: hintId }, t.reasonLength(min, max)), error, h('div', { class: 'tabs' }, button));
  text.addEventListener('input', () => {
    const n = [...text.value.trim()].length;
    if (error.textContent && n >= min && n <= max) { error.textContent = ''; text.removeAttribute('aria-invalid'); }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const value = text.value.trim();
    if ([...value].length < min || [...value].length > max) {
      error.textContent = t.reasonLength(min, max);
      text.setAttribute('aria-invalid', 'true');
      text.focus();
      return;
    }
    text.removeAttribute('aria-invalid');
    button.disabled = true;
    try {
      await submit(value);
    } catch (e) {
      error.textContent = e.code === 'validation_failed' ? t.reasonLength(min, max) : says(e);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** A disclosure button that shows and hides a panel below it (aria-expanded), focus moving into it when opened. */
export function disclosure(label, panel, className = 'secondary') {
  const inner = panel.querySelector('form[id]');
  const panelId = panel.id || (inner ? `${inner.id}-panel` : uid('panel'));
  panel.id = panelId;
  panel.hidden = true;
  const button = h('button', { type: 'button', class: className, 'aria-expanded': 'false', 'aria-controls': panelId, onclick: () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      const first = panel.querySelector('textarea, input, select');
      if (first) first.focus();
    }
  } }, label);
  return h('div', { class: 'disclosure' }, button, panel);
}

/** A button that runs one call, says the result in the status region and reports a refusal next to itself. */
export function actionButton({ id, text, className, run, done }) {
  const error = h('p', { class: 'error', role: 'alert' });
  const button = h('button', { type: 'button', id, class: className || '', onclick: async () => {
    error.textContent = '';
    button.disabled = true;
    try {
      const answer = await run();
      if (done) done(answer);
    } catch (e) {
      error.textContent = says(e);
    } finally {
      button.disabled = false;
    }
  } }, text);
  return { button, error };
}

/** The agreed appointment with "Add to calendar" (an .ics fetched with the token) and the reschedule form. */
export function appointmentBlock({ appointment, tz, icsPath, reschedule }) {
  const t = installText();
  const problem = h('p', { class: 'error', role: 'alert' });
  const calendar = h('button', { type: 'button', class: 'secondary add-to-calendar', onclick: async () => {
    problem.textContent = '';
    try { await download(icsPath, 'appointment.ics'); } catch { problem.textContent = t.calendarFailed; }
  } }, t.addToCalendar);
  const block = keyed(h('div', { class: 'card appointment', id: 'appointment' },
    h('h3', {}, t.appointment),
    h('p', { class: 'appointment-when' }, h('strong', {}, range(appointment.start, appointment.end, tz))),
    timeZoneHint(tz),
    h('div', { class: 'tabs' }, calendar), problem), 'appointment',
  [appointment.start, appointment.end, appointment.rescheduleUntil, appointment.agreedAt, tz, !!reschedule]);
  if (reschedule) {
    const until = appointment.rescheduleUntil ? h('p', { class: 'muted' }, t.rescheduleUntil(dateTime(appointment.rescheduleUntil, tz))) : null;
    const form = reasonForm({ id: 'reschedule-form', label: t.rescheduleReason, submitText: t.rescheduleSend, min: 3, max: 500, submit: reschedule });
    if (until) block.append(until);
    block.append(disclosure(t.reschedule, h('div', { class: 'disclosure-panel' }, form)));
  }
  return block;
}

/**
 * The open proposal and what this party may do with it: accept the other side's, or propose another time.
 * {@code me} is "INSTALLER" or "CUSTOMER".
 */
export function schedulingBlock({ me, scheduling, window, tz, accept, propose }) {
  const t = installText();
  const open = scheduling && scheduling.openProposal;
  const left = scheduling ? scheduling.proposalsLeft : 0;
  const nodes = [];
  if (open) {
    const when = range(open.start, open.end, tz);
    const mine = open.proposedBy === me;
    nodes.push(h('p', { class: 'open-proposal', id: 'open-proposal', dataset: { by: open.proposedBy, proposal: open.id } },
      mine ? t.openProposalMine(when) : me === 'CUSTOMER' ? t.openProposalInstaller(when) : t.openProposalCustomer(when)));
    if (!mine) {
      const a = actionButton({ id: 'accept-proposal', text: me === 'CUSTOMER' ? t.confirmProposal : t.acceptProposal, run: () => accept(open.id) });
      // Keyed by the proposal: the button accepts exactly the proposal shown above it.
      nodes.push(keyed(h('div', { class: 'tabs accept-proposal' }, a.button, a.error), 'accept-proposal', open.id));
    }
  } else if (me === 'CUSTOMER') {
    nodes.push(h('p', { class: 'muted' }, t.waitingForInstaller));
  } else {
    nodes.push(h('p', { class: 'muted' }, t.noProposalYet));
  }
  if (left <= 0) {
    nodes.push(h('p', { class: 'notice' }, t.noProposalsLeft));
    return nodes;
  }
  nodes.push(h('p', { class: 'muted proposals-left' }, t.proposalsLeft(left)));
  const form = proposalForm({ id: 'proposal-form', window, tz, submit: propose });
  // The installer's first proposal is the next step, so its form is open; otherwise it waits behind a button.
  if (me === 'INSTALLER' && !open) nodes.push(h('h3', {}, t.propose), form);
  else nodes.push(keyed(disclosure(t.proposeAnother, h('div', { class: 'disclosure-panel' }, form)), 'propose-another', form.dataset.sig));
  return nodes;
}

// Object URLs of photos already fetched on this page, by photo url: a live update reuses them instead of
// downloading again. Revoked when the person leaves the page.
const photoUrls = new Map();
// Previews of files chosen for upload, read from the device: also released when the person leaves the page.
const localPreviews = new Set();
window.addEventListener('hashchange', () => {
  photoUrls.forEach((p) => p.then((u) => URL.revokeObjectURL(u)).catch(() => {}));
  photoUrls.clear();
  localPreviews.forEach((u) => URL.revokeObjectURL(u));
  localPreviews.clear();
});

export function photoSource(url) {
  if (!photoUrls.has(url)) {
    const p = imageUrl(url);
    p.catch(() => photoUrls.delete(url));
    photoUrls.set(url, p);
  }
  return photoUrls.get(url);
}

/** Shows one photo large in a modal dialog (Escape or the button closes it; focus returns to the thumbnail). */
function showLarge(src, alt) {
  const t = installText();
  const returnTo = document.activeElement;
  const close = h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t.closePhoto);
  const dialog = h('dialog', { class: 'modal photo-viewer', 'aria-label': alt },
    h('img', { src, alt, class: 'photo-large' }), h('div', { class: 'dialog-buttons' }, close));
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (returnTo && document.contains(returnTo)) returnTo.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}

/** Thumbnails that open larger, each with an alt text saying what it is. */
export function gallery(photos, tz, submittedAt) {
  const t = installText();
  const when = dateTime(submittedAt, tz);
  return h('ul', { class: 'photo-grid' }, ...photos.map((p, i) => {
    const alt = t.photoAlt(i + 1, photos.length, when);
    const img = h('img', { alt, class: 'thumb', width: 160, height: 120 });
    const button = h('button', { type: 'button', class: 'thumb-button', 'aria-label': t.openPhoto(i + 1), disabled: true }, img);
    const item = h('li', { dataset: { photo: p.photoId } }, button);
    photoSource(p.url).then((src) => {
      img.src = src;
      button.disabled = false;
      button.addEventListener('click', () => showLarge(src, alt));
    }).catch(() => item.replaceChildren(h('p', { class: 'error photo-failed' }, t.photoFailed)));
    return item;
  }));
}

const CHECKS = ['panelsMounted', 'inverterConnected', 'systemCommissioned', 'gridDocumentsHandedOver'];

/** A submitted completion report: checklist, serial numbers, notes and photos. */
export function reportView(report, tz, { id = 'report' } = {}) {
  const t = installText();
  const checklist = report.checklist || {};
  return keyed(h('div', { class: 'card report', id },
    h('h3', {}, t.report),
    h('p', { class: 'muted' }, t.submittedAt(dateTime(report.submittedAt, tz))),
    h('h4', {}, t.checklist),
    h('ul', { class: 'checklist' }, ...CHECKS.map((k) => h('li', { class: checklist[k] ? 'done' : 'not-done' },
      h('span', { 'aria-hidden': 'true', class: 'check-mark' }, checklist[k] ? '✓' : '✗'), ' ', t.checks[k],
      h('span', { class: 'visually-hidden' }, `: ${checklist[k] ? t.reportChecked : t.reportNotChecked}`)))),
    h('h4', {}, t.serials),
    h('ol', { class: 'serials' }, ...(report.serialNumbers || []).map((s) => h('li', {}, h('code', {}, s)))),
    h('h4', {}, t.notes.replace(/ \(.*\)$/, '')),
    h('p', { class: 'report-notes' }, report.notes ? report.notes : t.noNotes),
    h('h4', {}, t.photos),
    gallery(report.photos || [], tz, report.submittedAt)), id, [report.submittedAt, (report.photos || []).map((p) => p.photoId), tz]);
}

/** The customer's problem report and, once decided, the admin's resolution. */
export function disputeView(dispute, tz, { id = 'dispute' } = {}) {
  const t = installText();
  const r = dispute.resolution;
  return keyed(h('div', { class: 'card dispute', id },
    h('h3', {}, t.disputeTitle),
    h('p', { class: 'muted' }, t.disputeAt(dateTime(dispute.disputedAt, tz))),
    h('blockquote', { class: 'dispute-reason' }, dispute.reason),
    r ? h('div', { class: 'resolution' }, h('h4', {}, t.resolution),
      h('p', {}, h('strong', {}, t.outcomes[r.outcome] || t.unknownStatus)), r.note ? h('p', {}, r.note) : null,
      h('p', { class: 'muted' }, t.resolvedAt(dateTime(r.resolvedAt, tz)))) : null), id, [dispute.disputedAt, r && r.resolvedAt, tz]);
}

/**
 * The installer's completion report form: four checklist boxes, one serial number input per panel, notes and
 * photos uploaded one by one (previews, progress and a reason per photo), then POST .../complete.
 */
export function reportForm({ job, tz, onSubmitted }) {
  const t = installText();
  const base = `/api/v1/installer/jobs/${encodeURIComponent(job.jobId)}`;
  const error = h('p', { class: 'error', role: 'alert', id: 'report-error' });
  const checks = CHECKS.map((k) => h('input', { type: 'checkbox', name: k, id: `check-${k}` }));
  const checklist = h('fieldset', { class: 'checklist-fields' }, h('legend', {}, t.checklist),
    ...CHECKS.map((k, i) => h('label', { class: 'check', for: `check-${k}` }, checks[i], ` ${t.checks[k]}`)));
  const serialHint = 'serial-hint';
  const serials = Array.from({ length: job.panelCount }, (_, i) => h('input', { type: 'text', name: 'serial', id: `serial-${i + 1}`,
    autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters', maxlength: 40, 'aria-describedby': serialHint }));
  const serialFields = h('fieldset', { class: 'serial-fields' }, h('legend', {}, t.serials),
    h('p', { class: 'muted', id: serialHint }, t.serialsHint(job.panelCount)),
    h('ol', { class: 'serial-list' }, ...serials.map((input, i) => h('li', {}, h('label', { for: input.id }, h('span', { class: 'visually-hidden' }, t.serialLabel(i + 1, job.panelCount)), input)))));
  const notes = h('textarea', { id: 'report-notes', name: 'notes', rows: 4, maxlength: 2000 });

  // Photos: each entry {name, status: uploading|done|failed, photoId, item}.
  const entries = [];
  const photoHint = 'photo-hint';
  const list = h('ul', { class: 'photo-uploads', 'aria-live': 'polite' });
  const picker = h('input', { type: 'file', id: 'photo-input', name: 'photo', accept: 'image/jpeg,image/png,image/webp', capture: 'environment',
    multiple: true, 'aria-describedby': photoHint, class: 'file-input' });
  let named = 0;
  const addEntry = ({ name, src, photoId, status }) => {
    const entry = { name, status, photoId };
    const img = h('img', { alt: t.previewAlt(name), class: 'thumb', width: 120, height: 90 });
    // A file the browser cannot show (not an image at all) gets a plain box instead of a broken image.
    img.addEventListener('error', () => img.replaceWith(h('span', { class: 'thumb thumb-placeholder', 'aria-hidden': 'true' })));
    if (src) img.src = src;
    const state = h('p', { class: 'photo-state' });
    const progress = h('progress', { max: 100, value: 0, 'aria-label': t.uploading(name) });
    const remove = h('button', { type: 'button', class: 'secondary remove-photo', 'aria-label': t.removePhoto(name) }, '✕');
    const item = h('li', { class: 'photo-upload', dataset: { status } }, img, h('div', { class: 'photo-meta' }, h('span', { class: 'photo-name' }, name), progress, state), remove);
    entry.item = item;
    entry.img = img;
    entry.state = state;
    entry.progress = progress;
    entry.setStatus = (s) => { entry.status = s; item.dataset.status = s; progress.hidden = s !== 'uploading'; };
    entry.setStatus(status);
    remove.addEventListener('click', async () => {
      remove.disabled = true;
      try {
        if (entry.photoId) await api('DELETE', `${base}/photos/${encodeURIComponent(entry.photoId)}`);
      } catch (e) {
        if (e.status !== 404) { state.textContent = says(e); remove.disabled = false; return; }
      }
      entries.splice(entries.indexOf(entry), 1);
      const next = item.nextElementSibling || item.previousElementSibling;
      item.remove();
      flash(t.photoRemoved(name));
      (next ? next.querySelector('.remove-photo') : picker).focus();
    });
    entries.push(entry);
    list.append(item);
    return entry;
  };
  for (const p of job.draftPhotos || []) {
    named += 1;
    const entry = addEntry({ name: t.photoName(named), photoId: p.photoId, status: 'done' });
    photoSource(p.url).then((src) => { entry.img.src = src; }).catch(() => { entry.state.textContent = t.photoFailed; });
  }
  picker.addEventListener('change', () => {
    for (const file of [...picker.files]) {
      named += 1;
      const name = file.name || t.photoName(named);
      const local = URL.createObjectURL(file);
      localPreviews.add(local);
      const entry = addEntry({ name, src: local, status: 'uploading' });
      const waiting = entries.filter((x) => x.status !== 'failed').length;
      if (waiting > 10) {
        entry.setStatus('failed');
        entry.state.textContent = t.uploadFailed(name, errorText('too_many_photos'));
        continue;
      }
      if (file.size > 10 * 1024 * 1024) {
        entry.setStatus('failed');
        entry.state.textContent = t.uploadFailed(name, errorText('file_too_large'));
        continue;
      }
      entry.state.textContent = t.uploading(name);
      upload(`${base}/photos`, 'photo', file, (pct) => { entry.progress.value = pct; }).then((photo) => {
        entry.photoId = photo.photoId;
        entry.setStatus('done');
        entry.state.textContent = t.uploaded(name);
      }).catch((e) => {
        entry.setStatus('failed');
        entry.state.textContent = t.uploadFailed(name, says(e));
      });
    }
    picker.value = '';
  });
  const photos = h('fieldset', { class: 'photo-fields' }, h('legend', {}, t.photos),
    h('p', { class: 'muted', id: photoHint }, t.photosHint),
    h('label', { for: 'photo-input', class: 'file-label' }, t.choosePhotos), picker, list);

  const button = h('button', { type: 'submit', id: 'submit-report' }, t.submitReport);
  // Keyed by the job: a live update leaves the typed serial numbers and the uploaded photos alone.
  const form = h('form', { id: 'report-form', class: 'report-form', novalidate: true, dataset: { key: 'report-form', sig: `${job.jobId}:${job.panelCount}` } },
    h('p', { class: 'muted' }, t.reportIntro), checklist, serialFields,
    h('label', { for: 'report-notes' }, t.notes), notes, photos, error, h('div', { class: 'tabs' }, button));
  // A message about what was missing goes once the person changes something.
  form.addEventListener('change', () => { error.textContent = ''; });
  const refuse = (message, focus) => {
    error.textContent = message;
    if (focus) focus.focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const missing = checks.find((c) => !c.checked);
    if (missing) return refuse(errorText('checklist_incomplete'), missing);
    const values = serials.map((s) => s.value.trim());
    const empty = serials.find((s, i) => !values[i]);
    if (empty) return refuse(errorText('serial_count_mismatch'), empty);
    const seen = new Set();
    const duplicate = serials.find((s, i) => { const v = values[i].toUpperCase(); if (seen.has(v)) return true; seen.add(v); return false; });
    if (duplicate) return refuse(errorText('duplicate_serial'), duplicate);
    if (entries.some((x) => x.status === 'uploading')) return refuse(t.waitForUploads, picker);
    const done = entries.filter((x) => x.status === 'done');
    if (entries.some((x) => x.status === 'failed')) return refuse(t.waitForUploads, list.querySelector('[data-status=failed] .remove-photo'));
    if (done.length === 0) return refuse(errorText('photos_required'), picker);
    button.disabled = true;
    try {
      const answer = await api('POST', `${base}/complete`, {
        checklist: Object.fromEntries(CHECKS.map((k, i) => [k, checks[i].checked])),
        serialNumbers: values, notes: notes.value.trim() || null, photoIds: done.map((x) => x.photoId),
      });
      onSubmitted(answer);
    } catch (e) {
      refuse(says(e), null);
    } finally {
      button.disabled = false;
    }
    return undefined;
  });
  return form;
}

/**
 * Polls {@code load} every {@code every} ms while {@code hash} is the page, and calls {@code changed(data)} only
 * when {@code signature(data)} differs from the last one, so a page that did not change is left alone (no
 * rebuilt forms, no lost focus or typing). Returns a function that sets the signature after an own action.
 */
export function follow({ hash, every, load, signature, changed, initial, until }) {
  let last = initial;
  let timer = null;
  const tick = async () => {
    if (location.hash !== hash) return;
    try {
      const data = await load();
      if (location.hash !== hash) return;
      const sig = signature(data);
      if (sig !== last) {
        last = sig;
        changed(data);
      }
      if (until && until(data)) return;
    } catch { /* a missed poll is retried on the next tick */ }
    if (location.hash === hash) timer = setTimeout(tick, every);
  };
  timer = setTimeout(tick, every);
  window.addEventListener('hashchange', () => clearTimeout(timer), { once: true });
  return (data) => { last = signature(data); };
}

/** What decides whether a job or installation page must change. */
export function jobSignature(j) {
  if (!j) return 'none';
  const s = j.scheduling || {};
  return JSON.stringify([j.status, s.openProposal && s.openProposal.id, s.proposalsLeft, j.appointment && j.appointment.agreedAt,
    j.report && j.report.submittedAt, j.dispute && j.dispute.disputedAt, j.dispute && j.dispute.resolution && j.dispute.resolution.resolvedAt,
    !!j.canStart, j.reviewed]);
}
