// Account self-service: the "Email address" part of the account page (current address, a pending change with
// cancel, the change form behind a step-up), the landing pages of the emailed confirm and undo links, the sign-in
// activity page ("was this you?") and the one-click "secure my account" with the page that says what happened.
import { h, mount, form, busy, dataTable, when, sentenceFor } from './dom.js';
import { api, currentUser, reloadMe, publicPost, endSession } from './api.js';
import { confirmAction } from './dialog.js';
import { fill } from './i18n.js';
import { securityText } from './messages/security.js';
import { commonText } from './messages/common.js';

const PAGE_SIZE = 20;

function part(id, title, ...content) {
  return h('section', { class: 'card account-part', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title), ...content);
}

/** The account page's "Email address" part. */
export function emailPart(me) {
  const t = securityText();
  const body = h('div', { id: 'email-change' });
  renderEmail(body, me, '');
  return part('email-section', t.emailTitle, body);
}

/** A sentence under the part's content says what just happened (announced politely). */
function renderEmail(body, me, message) {
  const t = securityText();
  const status = h('p', { class: 'form-status ok', role: 'status', id: 'email-status' }, message);
  const current = h('p', { id: 'current-email' }, `${t.currentEmail} `, h('strong', {}, me.email),
    ` (${me.emailVerified ? t.verified : t.unverified})`);
  if (me.pendingEmail) {
    const cancel = h('button', { type: 'button', class: 'secondary', id: 'cancel-email-change', onclick: async (event) => {
      status.textContent = '';
      try {
        await busy(event.currentTarget, () => api('DELETE', '/api/v1/me/email-change'));
        renderEmail(body, await reloadMe(), t.cancelled);
      } catch (e) {
        status.textContent = sentenceFor(e, commonText().couldNotLoad);
      }
    } }, t.cancelChange);
    body.replaceChildren(current,
      h('p', { class: 'notice', id: 'pending-email' }, fill(t.pendingText, { email: me.pendingEmail, until: when(me.pendingEmailExpiresAt) })),
      cancel, status);
    return;
  }
  const f = form([{ name: 'newEmail', label: t.newEmail, type: 'email', autocomplete: 'email', required: true, max: 254,
    hint: t.newEmailHint, missing: t.newEmailMissing, invalid: t.newEmailInvalid }],
  t.changeEmail, async (v) => {
    const newEmail = v.newEmail.trim();
    await api('POST', '/api/v1/me/email', { newEmail });
    renderEmail(body, await reloadMe(), fill(t.checkInbox, { email: newEmail }));
  });
  f.id = 'email-change-form';
  body.replaceChildren(current, f, status);
}

/** The account page's link to the activity page. */
export function activityPart() {
  const t = securityText();
  return part('activity-section', t.activityLink, h('p', { class: 'muted' }, t.activityIntro),
    h('p', {}, h('a', { href: '#/account/activity', id: 'account-activity-link' }, t.activityOpen)));
}

function fragmentToken() {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
}

/** The landing page of the link mailed to the new address. A signed-in browser of the account keeps its session. */
export async function confirmEmailChange() {
  const t = securityText();
  const token = fragmentToken();
  history.replaceState(null, '', '/#/');
  const status = h('p', { role: 'status', id: 'email-change-result' }, t.confirmingText);
  mount(h('h1', {}, t.confirmTitle), status);
  try {
    if (currentUser()) await api('POST', '/api/v1/auth/email-change/confirm', { token });
    else await publicPost('/api/v1/auth/email-change/confirm', { token });
  } catch (e) {
    mount(h('h1', {}, t.badLinkTitle), h('p', { class: 'error', id: 'email-change-result' }, sentenceFor(e, commonText().couldNotLoad)));
    return;
  }
  const me = currentUser() ? await reloadMe() : null;
  mount(h('h1', {}, t.confirmTitle),
    h('p', { class: 'ok', id: 'email-change-result' }, t.confirmedText),
    h('p', {}, h('a', { class: 'cta', href: me ? '#/account' : '#/login' }, me ? t.toAccount : t.signIn)));
}

/** Forgets this browser's session, which the server has just ended, without the sign-in page taking over. */
function leaveSession() {
  if (currentUser()) {
    endSession('');
    sessionStorage.removeItem('sd_flash');
  }
}

/** The landing page of the undo link mailed to the old address. Every session ends, this browser's too. */
export async function undoEmailChange() {
  const t = securityText();
  const token = fragmentToken();
  history.replaceState(null, '', '/#/');
  mount(h('h1', {}, t.undoTitle), h('p', { role: 'status', id: 'email-undo-result' }, t.undoingText));
  try {
    await publicPost('/api/v1/auth/email-change/undo', { token });
  } catch (e) {
    mount(h('h1', {}, t.badLinkTitle), h('p', { class: 'error', id: 'email-undo-result' }, sentenceFor(e, commonText().couldNotLoad)));
    return;
  }
  sessionStorage.setItem('sd_secured', 'undo');
  leaveSession();
  location.hash = '#/account/secured';
}

function deviceText(item, t) {
  const browser = item.browser && item.browser !== 'other' ? item.browser : t.unknownBrowser;
  const system = item.operatingSystem && item.operatingSystem !== 'other' ? item.operatingSystem : t.unknownSystem;
  return fill(t.deviceOn, { browser, system });
}

function outcomeBadge(outcome, t) {
  const known = ['success', 'failure', 'info'].includes(outcome) ? outcome : 'info';
  return h('span', { class: `badge outcome-${known}` }, t.outcomes[known]);
}

/** "Was this you?": the last 90 days of my own account's events, then the button that secures the account. */
export async function activity() {
  const t = securityText();
  const table = h('div', { id: 'activity-list', 'aria-live': 'polite' });
  const secureButton = h('button', { type: 'button', class: 'danger', id: 'secure-account', onclick: secureAccount }, t.secure);
  mount(h('h1', {}, t.activityTitle),
    h('p', { class: 'muted' }, t.activityExplain),
    table,
    h('section', { class: 'card not-me', 'aria-labelledby': 'not-me-title' },
      h('h2', { id: 'not-me-title' }, t.notMeTitle), h('p', {}, t.notMeText), secureButton),
    h('p', {}, h('a', { href: '#/account', id: 'activity-back' }, t.back)));
  await loadPage(table, 0);
}

async function loadPage(container, page) {
  const t = securityText();
  container.replaceChildren(h('p', { class: 'muted', role: 'status' }, commonText().loading));
  let data;
  try {
    data = await api('GET', `/api/v1/me/security-events?page=${page}&size=${PAGE_SIZE}`);
  } catch (e) {
    container.replaceChildren(h('p', { class: 'error', role: 'alert' }, sentenceFor(e, commonText().couldNotLoad)));
    return;
  }
  if (!data.items.length) {
    container.replaceChildren(h('p', { class: 'muted', id: 'activity-empty' }, t.empty));
    return;
  }
  const rows = data.items.map((item) => ({
    row: { dataset: { kind: item.kind, outcome: item.outcome } },
    cells: [when(item.at), t.kinds[item.kind] || t.kinds.other, deviceText(item, t),
      item.network && item.network !== 'unknown' ? item.network : t.unknownNetwork, outcomeBadge(item.outcome, t)],
  }));
  const pages = Math.max(1, Math.ceil(data.totalItems / data.size));
  const nav = pages > 1 ? h('nav', { class: 'pager', 'aria-label': t.activityCaption },
    h('button', { type: 'button', class: 'secondary', disabled: page === 0, onclick: () => loadPage(container, page - 1) }, t.newer),
    h('span', {}, fill(t.pageOf, { page: page + 1, pages })),
    h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages, onclick: () => loadPage(container, page + 1) }, t.older)) : null;
  container.replaceChildren(dataTable([t.colWhen, t.colWhat, t.colDevice, t.colNetwork, t.colOutcome], rows,
    { caption: t.activityCaption, id: 'activity-table' }), ...(nav ? [nav] : []));
}

async function secureAccount() {
  const t = securityText();
  const done = await confirmAction({ title: t.secureDialogTitle, text: t.secureDialogText, confirmText: t.secureConfirm,
    cancelText: t.cancel, danger: true, id: 'secure-account-form',
    onConfirm: () => api('POST', '/api/v1/me/secure-account') });
  if (!done) return;
  sessionStorage.setItem('sd_secured', 'owner');
  leaveSession();
  location.hash = '#/account/secured';
}

/** What happened and what to do next, after securing (the session is gone, so this page needs none). */
export function secured() {
  const t = securityText();
  const how = sessionStorage.getItem('sd_secured');
  mount(h('h1', {}, how === 'undo' ? t.undoTitle : t.securedTitle),
    h('p', { class: 'ok', id: 'secured-result' }, how === 'undo' ? t.undoneText : t.securedText),
    h('h2', {}, t.securedNext),
    h('ol', { id: 'secured-steps' }, h('li', {}, t.securedStep1), h('li', {}, t.securedStep2), h('li', {}, t.securedStep3)),
    h('p', { class: 'muted' }, t.securedMissing, ' ', h('a', { href: '#/forgot' }, t.forgotLink)));
}
