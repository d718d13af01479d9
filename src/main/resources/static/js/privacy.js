// "Your data" on the account page (the data export and account deletion), the page the export mail's link opens,
// the landing page of the deletion mail's "keep my account" link, and the banner shown on every page while a
// deletion is scheduled. Mailed tokens arrive in the URL fragment (never sent to a server), are moved out of the
// address bar at once and travel to the API only in a request body.
import { h, mount, busy, when, flash } from './dom.js';
import { api, currentUser, publicPost, download, onSessionChange } from './api.js';
import { confirmAction } from './dialog.js';
import { buildHash } from './router.js';
import { fill } from './i18n.js';
import { privacyText } from './messages/privacy.js';
import { errorText } from './messages/errors.js';
import { commonText } from './messages/common.js';

const EXPORT_LINK = 'sd_export_link';

// The latest known deletion state of the signed-in account (null: not asked yet), for the banner.
let deletion = null;

function failure(e) {
  return errorText(e && e.code) || (e && e.message) || errorText('generic');
}

async function loadDeletion() {
  if (!currentUser()) {
    deletion = null;
    return deletion;
  }
  try {
    deletion = await api('GET', '/api/v1/me/deletion');
  } catch {
    deletion = null;
  }
  return deletion;
}

onSessionChange((me) => {
  deletion = null;
  if (me) loadDeletion().then(renderBanner);
  else renderBanner();
});

/** Keeps the account; shows the result in {@code status} (a live region) and updates the banner. */
async function keepAccount(button, status) {
  const t = privacyText();
  try {
    await busy(button, () => api('DELETE', '/api/v1/me/deletion'));
    deletion = { scheduled: false };
    if (status) status.textContent = t.kept;
    renderBanner();
    const part = document.getElementById('privacy-delete');
    if (part) part.replaceWith(deletePart());
    return true;
  } catch (e) {
    if (status) status.textContent = failure(e);
    return false;
  }
}

/**
 * The banner above every page while a deletion is scheduled: when, and "Keep my account". Drawn from the cached
 * state, so a page change costs no request.
 */
export function renderBanner() {
  let banner = document.getElementById('deletion-banner');
  const show = currentUser() && deletion && deletion.scheduled;
  if (!show) {
    if (banner) banner.remove();
    return;
  }
  const t = privacyText();
  if (!banner) {
    banner = h('div', { id: 'deletion-banner', class: 'deletion-banner', role: 'region', 'aria-label': t.deleteHeading });
    const app = document.getElementById('app');
    app.parentNode.insertBefore(banner, app);
  }
  const status = h('span', { class: 'form-status', role: 'status', id: 'deletion-banner-status' });
  const keep = h('button', { type: 'button', class: 'secondary', id: 'deletion-banner-keep',
    onclick: (event) => keepAccount(event.currentTarget, status).then((ok) => {
      if (ok) flash(t.kept, 'ok');
    }) }, t.keepButton);
  banner.replaceChildren(h('p', {}, fill(t.banner, { time: when(deletion.dueAt) }), ' ', keep, ' ', status));
}

function exportState(s) {
  const t = privacyText();
  const lines = [];
  if (s.status === 'NONE') lines.push(t.exportNone);
  if (s.status === 'PENDING') lines.push(t.exportPending);
  if (s.status === 'READY') lines.push(fill(t.exportReady, { time: when(s.expiresAt) }));
  if (s.status === 'EXPIRED') lines.push(t.exportExpired);
  if (s.nextRequestAt) lines.push(fill(t.exportNext, { time: when(s.nextRequestAt) }));
  return lines.join(' ');
}

function exportPart() {
  const t = privacyText();
  const state = h('p', { class: 'muted', id: 'export-state' });
  const status = h('p', { class: 'form-status ok', role: 'status', id: 'export-status' });
  const button = h('button', { type: 'button', id: 'export-request', onclick: async (event) => {
    status.textContent = '';
    try {
      const s = await busy(event.currentTarget, () => api('POST', '/api/v1/me/export'));
      status.textContent = t.exportRequested;
      state.textContent = exportState(s);
    } catch (e) {
      status.textContent = failure(e);
    }
  } }, t.exportButton);
  api('GET', '/api/v1/me/export').then((s) => { state.textContent = exportState(s); }).catch(() => { /* the button still works */ });
  return h('div', { id: 'privacy-export' }, h('h3', {}, t.exportHeading), h('p', {}, t.exportIntro), state, button, status);
}

function deletePart() {
  const t = privacyText();
  const status = h('p', { class: 'form-status', role: 'status', id: 'delete-status' });
  const part = h('div', { id: 'privacy-delete' }, h('h3', {}, t.deleteHeading));
  if (deletion && deletion.scheduled) {
    const keep = h('button', { type: 'button', id: 'delete-keep', onclick: (event) => keepAccount(event.currentTarget, status) },
      t.keepButton);
    part.append(h('p', { class: 'notice warning', id: 'delete-scheduled' }, fill(t.scheduled, { time: when(deletion.dueAt) })),
      keep, status);
    return part;
  }
  const button = h('button', { type: 'button', class: 'danger', id: 'delete-account', onclick: async () => {
    status.textContent = '';
    const done = await confirmAction({ id: 'delete-confirm', title: t.confirmTitle, text: t.confirmText,
      confirmText: t.confirmButton, danger: true,
      // The API client opens the "Confirm it's you" dialog when the server asks for a step-up, then repeats the call.
      onConfirm: async () => api('POST', '/api/v1/me/deletion') });
    if (!done) return;
    deletion = done;
    renderBanner();
    const fresh = deletePart();
    part.replaceWith(fresh);
    const line = fresh.querySelector('#delete-scheduled');
    if (line) line.setAttribute('role', 'status');
    const keep = fresh.querySelector('#delete-keep');
    if (keep) keep.focus();
  } }, t.deleteButton);
  part.append(h('p', {}, t.deleteIntro), h('p', {}, t.deleteKept), h('p', { class: 'muted' }, t.deleteBlockedHint),
    button, status);
  return part;
}

/** The "Your data" part of the account page. */
export function section() {
  const t = privacyText();
  const box = h('section', { class: 'card account-part privacy-part', id: 'privacy-section', 'aria-labelledby': 'privacy-title' },
    h('h2', { id: 'privacy-title' }, t.title), exportPart(), deletePart());
  loadDeletion().then(() => {
    renderBanner();
    const part = box.querySelector('#privacy-delete');
    if (part && deletion && deletion.scheduled) part.replaceWith(deletePart());
  });
  return box;
}

/** The export mail's link (/data-export#token=...&id=...): keeps the link for this tab, then shows the page. */
export function exportLanding() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token');
  const id = params.get('id');
  if (token && id) sessionStorage.setItem(EXPORT_LINK, JSON.stringify({ token, id }));
  history.replaceState(null, '', '/#/data-export');
  return exportPage();
}

/** Downloads the export the mailed link names: needs the signed-in owner and the link's token. */
export function exportPage() {
  const t = privacyText();
  let link = null;
  try { link = JSON.parse(sessionStorage.getItem(EXPORT_LINK) || 'null'); } catch { link = null; }
  if (!currentUser()) {
    return mount(h('h1', {}, t.downloadTitle), h('p', {}, t.downloadSignIn),
      h('p', {}, h('a', { class: 'cta', id: 'export-sign-in', href: buildHash('/login', { next: '#/data-export' }) },
        commonText().signIn)));
  }
  if (!link) {
    return mount(h('h1', {}, t.downloadTitle), h('p', { class: 'error' }, t.downloadNoLink),
      h('p', {}, h('a', { href: '#/account' }, t.toAccount)));
  }
  const status = h('p', { class: 'form-status ok', role: 'status', id: 'download-status' });
  const button = h('button', { type: 'button', id: 'export-download', onclick: async (event) => {
    status.textContent = '';
    status.className = 'form-status ok';
    try {
      const name = await busy(event.currentTarget, () => download(`/api/v1/me/export/${encodeURIComponent(link.id)}/download`,
        'sundispatch-data.json', { method: 'POST', body: { token: link.token } }));
      status.textContent = fill(t.downloaded, { name });
    } catch (e) {
      status.className = 'form-status error';
      status.textContent = failure(e);
    }
  } }, t.downloadButton);
  return mount(h('h1', {}, t.downloadTitle), h('p', {}, t.downloadIntro), button, status,
    h('p', {}, h('a', { href: '#/account' }, t.toAccount)));
}

/** The deletion mail's link (/keep-account#token=...): keeps the account without signing in. */
export async function keepLanding() {
  const t = privacyText();
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  history.replaceState(null, '', '/#/');
  try {
    await publicPost('/api/v1/auth/deletion/undo', { token });
    deletion = currentUser() ? { scheduled: false } : null;
    renderBanner();
    mount(h('h1', {}, t.keptTitle), h('p', { id: 'kept', class: 'ok' }, t.keptText),
      h('p', {}, h('a', { class: 'cta', href: currentUser() ? '#/account' : '#/login' }, t.toAccount)));
  } catch (e) {
    mount(h('h1', {}, t.badLinkTitle), h('p', { class: 'error', id: 'keep-failed' }, failure(e)));
  }
}
