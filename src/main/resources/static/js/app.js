import { h, flash, setTitle, sentenceFor } from './dom.js';
import { api, currentUser, onSessionChange, restoreSession, logout, publicGet } from './api.js';
import * as views from './views.js';
import * as account from './account.js';
import * as accountSecurity from './account-security.js';
import * as installer from './installer.js';
import * as admin from './admin.js';
import * as notifications from './notifications.js';
import * as inbox from './inbox.js';
import * as billing from './billing.js';
import * as privacy from './privacy.js';
import { notifyText, placesText } from './texts.js';
import { lang, setProfileLanguage, chooseLanguage, onLanguageChange, LANGUAGES } from './i18n.js';
import { parseHash, matchRoute } from './router.js';
import { commonText } from './messages/common.js';
import { disablePush } from './push.js';

// Signing out also ends push on this device (while the session can still tell the server), so the next person
// on a shared computer does not see the previous account's notifications.
async function signOut() {
  try { await disablePush(); } catch { /* sign out regardless */ }
  await logout();
}

// Each view gets the route's groups, then the query parameters of the hash (the view's state, e.g. the catalog's
// search), so Back and a shared link restore what was on screen.
const routes = [
  { pattern: /^\/$/, view: views.home },
  { pattern: /^\/catalog$/, view: views.catalog },
  { pattern: /^\/panel\/([\w-]+)$/, view: views.panel },
  { pattern: /^\/quote$/, view: views.quote },
  { pattern: /^\/order$/, view: views.orderFunnel },
  { pattern: /^\/installers\/([\w-]+)$/, view: views.installerProfile },
  { pattern: /^\/imprint$/, view: views.imprint },
  { pattern: /^\/privacy$/, view: views.privacy },
  { pattern: /^\/register$/, view: views.register },
  { pattern: /^\/login$/, view: views.login },
  { pattern: /^\/forgot$/, view: views.forgot },
  { pattern: /^\/orders$/, view: views.orders, guard: 'auth' },
  { pattern: /^\/orders\/([\w-]+)$/, view: views.order, guard: 'auth' },
  { pattern: /^\/account$/, view: account.page, guard: 'auth' },
  { pattern: /^\/data-export$/, view: privacy.exportPage },
  { pattern: /^\/account\/activity$/, view: accountSecurity.activity, guard: 'auth' },
  { pattern: /^\/account\/secured$/, view: accountSecurity.secured },
  { pattern: /^\/installer$/, view: installer.page, guard: 'auth' },
  { pattern: /^\/installer\/offers\/([\w-]+)$/, view: installer.offerPage, guard: 'auth' },
  { pattern: /^\/installer\/earnings$/, view: billing.earnings, guard: 'INSTALLER' },
  { pattern: /^\/installer\/jobs\/([\w-]+)$/, view: installer.job, guard: 'auth' },
  { pattern: /^\/notifications$/, view: notifications.page, guard: 'auth' },
  { pattern: /^\/settings\/notifications$/, view: notifications.settings, guard: 'auth' },
  { pattern: /^\/admin(?:\/(\w+)(?:\/([\w-]+))?)?$/, view: admin.page, guard: 'ADMIN' },
];

function link(href, text, attrs = {}) {
  const here = (location.hash || '#/').split('?')[0] === href;
  return h('a', { href, 'aria-current': here ? 'page' : null, ...attrs }, text);
}

function nav() {
  const me = currentUser();
  const t = commonText();
  const links = [link('#/catalog', t.panels), link('#/quote', t.quote)];
  if (!me) {
    links.push(link('#/login', t.signIn, { id: 'nav-login' }), link('#/register', t.register));
  } else {
    links.push(link('#/orders', t.myOrders));
    // An applicant sees where to apply; once approved the same link becomes the installer's workplace.
    if (me.role === 'INSTALLER') links.push(link('#/installer', t.installer, { id: 'nav-installer', dataset: { role: 'INSTALLER' } }));
    if (me.role === 'CUSTOMER') links.push(link('#/installer', notifyText().becomeInstaller, { id: 'nav-installer', dataset: { role: 'CUSTOMER' } }));
    if (me.role === 'ADMIN') links.push(link('#/admin', t.admin));
    links.push(link('#/account', me.fullName || t.account, { id: 'nav-account' }),
      h('button', { type: 'button', class: 'secondary', id: 'logout', onclick: signOut }, t.signOut));
  }
  const list = document.getElementById('nav-links');
  list.replaceChildren(...links.map((l) => h('li', {}, l)));
  document.querySelector('#nav').setAttribute('aria-label', t.mainNav);
  const toggle = document.getElementById('menu-toggle');
  toggle.querySelector('.menu-label').textContent = t.menu;
}

/** The shell's fixed words (skip link, language switch, footer, banners) in the current language. */
function shell() {
  const t = commonText();
  document.documentElement.lang = lang();
  document.getElementById('skip-link').textContent = t.skipLink;
  const select = document.getElementById('language');
  select.replaceChildren(...LANGUAGES.map((l) => h('option', { value: l, lang: l, selected: l === lang() }, t.languageNames[l])));
  select.value = lang();
  document.getElementById('language-label').textContent = t.language;
  document.getElementById('test-mode').textContent = t.testMode;
  document.getElementById('link-imprint').textContent = t.imprint;
  document.getElementById('link-privacy').textContent = t.privacy;
  const box = document.getElementById('data-attribution');
  if (box && box.firstChild && box.firstChild.nodeType === Node.TEXT_NODE) box.firstChild.textContent = placesText().dataAttribution;
  document.getElementById('toasts').setAttribute('aria-label', notifyText().toastRegion);
  document.getElementById('bell').setAttribute('aria-label', t.notifications);
  offline();
}

function closeMenu() {
  document.getElementById('menu-toggle').setAttribute('aria-expanded', 'false');
  document.getElementById('nav').classList.remove('open');
}

async function route() {
  // Mailed links and the sandbox checkout arrive on their own paths, with their token in the fragment.
  if (location.pathname === '/verify-email') return views.verifyEmail();
  if (location.pathname === '/reset-password') return views.resetPassword();
  if (location.pathname === '/confirm-email-change') return accountSecurity.confirmEmailChange();
  if (location.pathname === '/undo-email-change') return accountSecurity.undoEmailChange();
  if (location.pathname === '/sandbox-checkout') return views.checkout();
  if (location.pathname === '/data-export') return privacy.exportLanding();
  if (location.pathname === '/keep-account') return privacy.keepLanding();
  const { path, params } = parseHash(location.hash);
  const found = matchRoute(routes, path);
  if (!found) return views.notFound();
  const { route: r, args } = found;
  const me = currentUser();
  if (r.guard && !me) {
    sessionStorage.setItem('sd_flash', commonText().signInFirst);
    location.hash = '#/login';
    return undefined;
  }
  if ((r.guard === 'ADMIN' || r.guard === 'INSTALLER') && me.role !== r.guard) return views.notFound();
  return r.view(...args, params);
}

let lastPath = null;

async function render() {
  const pending = sessionStorage.getItem('sd_flash');
  sessionStorage.removeItem('sd_flash');
  flash(pending || '');
  closeMenu();
  nav();
  setTitle('');
  const path = `${location.pathname}${(location.hash || '#/').split('?')[0]}`;
  // The first page of a visit keeps focus at the document's start, so the first Tab reaches the skip link.
  const moved = lastPath !== null && path !== lastPath;
  lastPath = path;
  try {
    await route();
  } catch (e) {
    flash(sentenceFor(e, commonText().couldNotLoad), 'error');
  }
  inbox.renderBell();
  privacy.renderBanner();
  // A new page moves focus to its top (for screen readers and keyboards); a state change within the same page
  // (a new search, the next catalog page) leaves focus where the person is.
  if (moved) {
    const main = document.getElementById('app');
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

function offline() {
  const banner = document.getElementById('offline');
  banner.hidden = navigator.onLine !== false;
  banner.textContent = commonText().offline;
}

onSessionChange((me, reason) => {
  setProfileLanguage(me && me.language);
  shell();
  nav();
  if (me) inbox.start();
  else inbox.stop();
  if (reason === 'ended') render();
});

onLanguageChange(() => {
  shell();
  render();
});

// A notification said this user's role changed: the refreshed token is in place, so show what it allows now.
inbox.configure({
  accessChanged: () => {
    sessionStorage.setItem('sd_flash', notifyText().accessUpdated);
    render();
  },
  offersChanged: () => installer.reloadOffers(),
});
window.addEventListener('hashchange', render);
window.addEventListener('online', offline);
window.addEventListener('offline', offline);

// A link to the page already shown does not change the hash, so no hashchange: show the page afresh anyway (the
// catalog's "Panels" link resets its search, the orders link reloads the list).
document.addEventListener('click', (event) => {
  const a = event.target.closest && event.target.closest('a[href^="#/"]');
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
  if (a.getAttribute('href') === (location.hash || '#/')) {
    event.preventDefault();
    lastPath = '';
    render();
  }
});

// The skip link moves focus to the page's content without touching the hash (which is the router's).
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('app').focus();
});

document.getElementById('menu-toggle').addEventListener('click', () => {
  const toggle = document.getElementById('menu-toggle');
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', String(open));
  document.getElementById('nav').classList.toggle('open', open);
});

document.getElementById('language').addEventListener('change', async (event) => {
  const language = event.target.value;
  // The profile remembers it too, so mails and notifications arrive in the same language.
  if (currentUser() && currentUser().language !== language) {
    try { await api('PATCH', '/api/v1/me', { language }); } catch { /* the switch still works on this browser */ }
  }
  chooseLanguage(language);
});

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => { /* the app works without it */ });
}

// Test mode (the sandbox payment provider) is announced on every page, so nobody mistakes it for a real shop.
publicGet('/api/v1/public/info').then((info) => {
  document.getElementById('test-mode').hidden = info.paymentsTestMode !== true;
}).catch(() => { /* the banner stays hidden; the checkout itself says "test mode" */ });

shell();
restoreSession().then(render);
