// The in-app inbox while a page is open: polls the first page of notifications with If-None-Match (a 304 costs
// the server next to nothing), keeps the bell's unread count, shows a toast for each item that arrives while the
// page is open, and reacts to the kinds that change what this user may do or see right now.
import { sameOriginPath } from './links.js';
import { h } from './dom.js';
import { api, pollGet, refresh, currentUser } from './api.js';
import { notifyText } from './texts.js';

const FIRST_PAGE = '/api/v1/me/notifications?size=20';
// Installers poll every second (an offer is first come, first served and the app promises it within 2 s);
// everyone else every 3 s, which keeps a household's devices behind one address well inside the per-address
// rate limit (300 requests a minute by default).
const INSTALLER_VISIBLE_MS = 1000;
const VISIBLE_MS = 3000;
const HIDDEN_MS = 15000;
const FAILED_MS = 5000;
const MAX_TOASTS = 3;
// A new role is in the next access token only: these take a refresh at once instead of "Refresh my access".
const ACCESS_KINDS = new Set(['APPLICATION_APPROVED', 'ROLE_CHANGED', 'INSTALLER_ROLE_REVOKED']);
const OFFER_KINDS = new Set(['OFFER_CREATED', 'OFFER_TAKEN', 'OFFER_EXPIRED']);

let state = null;
const hooks = { accessChanged: () => {}, offersChanged: () => {} };
const listeners = new Set();

/** What to do when access or offers changed: set once by the router. */
export function configure(reactions) {
  Object.assign(hooks, reactions);
}

/** Called with (page data, items not seen before) after every answer that changed something. */
export function onInboxChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Starts polling for the signed-in user (a no-op while it already runs for them). */
export function start() {
  const me = currentUser();
  if (!me) {
    stop();
    return;
  }
  if (state && state.userId === me.id) return;
  stop();
  state = { userId: me.id, etag: null, seen: new Set(), primed: false, unread: 0, timer: null, busy: false };
  renderBell();
  poll();
}

/** Signed out: no more polling, no bell, no toasts of the previous user. */
export function stop() {
  if (state) clearTimeout(state.timer);
  state = null;
  renderBell();
  const box = document.getElementById('toasts');
  if (box) box.replaceChildren();
}

function schedule(ms) {
  if (!state) return;
  clearTimeout(state.timer);
  const me = currentUser();
  const visible = me && me.role === 'INSTALLER' ? INSTALLER_VISIBLE_MS : VISIBLE_MS;
  state.timer = setTimeout(poll, ms || (document.hidden ? HIDDEN_MS : visible));
}

/** One poll now (skipped while one is on its way); the next one is scheduled after it. */
export async function poll() {
  const s = state;
  if (!s || s.busy) return;
  s.busy = true;
  clearTimeout(s.timer);
  let delay = 0;
  try {
    const answer = await pollGet(FIRST_PAGE, s.etag);
    if (state === s && answer.status !== 304) {
      s.etag = answer.etag;
      await take(s, answer.data);
    }
  } catch (e) {
    // Rate limited or offline: wait as long as the server asks, else a little, and try again.
    delay = e && e.retryAfter ? e.retryAfter * 1000 : FAILED_MS;
  } finally {
    s.busy = false;
  }
  if (state === s) schedule(delay);
}

async function take(s, data) {
  if (!data || !Array.isArray(data.items)) return;
  s.unread = Number(data.unreadCount) || 0;
  const fresh = data.items.filter((item) => !s.seen.has(item.id));
  fresh.forEach((item) => s.seen.add(item.id));
  const first = !s.primed;
  s.primed = true;
  renderBell();
  listeners.forEach((fn) => fn(data, first ? [] : fresh));
  // A toast whose notification was read meanwhile (here, in the list, or in another tab) has said its piece.
  const read = new Set(data.items.filter((item) => item.readAt).map((item) => item.id));
  document.querySelectorAll('#toasts .toast').forEach((el) => { if (read.has(el.dataset.id)) dismiss(el); });
  // What was there when the page opened is the bell's business, not a toast's.
  if (first) return;
  fresh.filter((item) => !item.readAt).reverse().forEach(toast);
  if (fresh.some((item) => ACCESS_KINDS.has(item.kind))) {
    if (await refresh()) hooks.accessChanged();
  }
  if (fresh.some((item) => OFFER_KINDS.has(item.kind))) hooks.offersChanged();
}

/** After "mark all as read": no toast is news any more. */
export function clearToasts() {
  document.querySelectorAll('#toasts .toast').forEach(dismiss);
}

export function unreadCount() {
  return state ? state.unread : 0;
}

/** Shows a count at once (after a mark-as-read), before the next poll confirms it. */
export function setUnread(n) {
  if (!state) return;
  state.unread = Math.max(0, n);
  renderBell();
}

export function renderBell() {
  const bell = document.getElementById('bell');
  if (!bell) return;
  const t = notifyText();
  const n = state ? state.unread : 0;
  bell.hidden = !state;
  // Marks that the first answer arrived: from then on, anything new shows as a toast (tests wait for it).
  bell.toggleAttribute('data-primed', !!(state && state.primed));
  bell.setAttribute('aria-label', n > 0 ? t.bellUnread(n) : t.bell);
  bell.title = t.bell;
  if (location.hash === '#/notifications') bell.setAttribute('aria-current', 'page');
  else bell.removeAttribute('aria-current');
  const badge = bell.querySelector('.bell-count');
  badge.textContent = n > 99 ? '99+' : String(n);
  badge.hidden = n === 0;
}

/** Only an app-relative link that stays on this site is followed (parsed as the browser would; see links.js). */
export function safeLink(link) {
  return sameOriginPath(link, location.origin);
}

/** Marks one read (when unread) and follows its link. */
export async function openNotification(item) {
  if (!item.readAt) await markRead(item);
  const link = safeLink(item.link);
  if (link) location.assign(link);
}

/** Marks one read; a vanished one (404) counts as done. Resolves true when the server agreed. */
export async function markRead(item) {
  try {
    await api('POST', `/api/v1/me/notifications/${encodeURIComponent(item.id)}/read`);
    item.readAt = item.readAt || new Date().toISOString();
    setUnread(unreadCount() - 1);
    return true;
  } catch (e) {
    if (e.status !== 404) throw e;
    return false;
  } finally {
    poll();
  }
}

/** Removes a toast; focus inside it moves to the next toast, else back to the page, never into nowhere. */
function dismiss(el) {
  const hadFocus = el.contains(document.activeElement);
  const next = el.nextElementSibling || el.previousElementSibling;
  el.remove();
  if (!hadFocus) return;
  const target = next ? next.querySelector('.toast-close') : document.getElementById('app');
  if (target) target.focus();
}

function toast(item) {
  const box = document.getElementById('toasts');
  if (!box) return;
  const t = notifyText();
  const link = safeLink(item.link);
  const el = h('div', { class: 'toast', dataset: { kind: item.kind, id: item.id } });
  const close = h('button', { type: 'button', class: 'secondary toast-close', 'aria-label': t.toastDismiss,
    onclick: () => dismiss(el) }, '×');
  const title = link
    ? h('a', { href: link, class: 'toast-title', onclick: (event) => {
      event.preventDefault();
      el.remove();
      openNotification(item).catch(() => { location.assign(link); });
    } }, item.title)
    : h('strong', { class: 'toast-title' }, item.title);
  el.append(h('div', { class: 'toast-text' }, title, item.body ? h('p', {}, item.body) : null), close);
  el.addEventListener('keydown', (event) => { if (event.key === 'Escape') dismiss(el); });
  box.append(el);
  while (box.children.length > MAX_TOASTS) box.firstElementChild.remove();
}

document.addEventListener('visibilitychange', () => {
  // Back in view: catch up at once rather than after the slow hidden-tab interval.
  if (state && !document.hidden) poll();
});
