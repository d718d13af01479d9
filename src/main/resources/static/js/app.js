import { h, flash } from './dom.js';
import { currentUser, onSessionChange, restoreSession, logout, publicGet } from './api.js';
import * as views from './views.js';
import * as account from './account.js';
import * as installer from './installer.js';
import * as admin from './admin.js';
import * as notifications from './notifications.js';
import * as inbox from './inbox.js';
import * as billing from './billing.js';
import { setUserLanguage, notifyText, placesText } from './texts.js';
import { disablePush } from './push.js';

// Signing out also ends push on this device (while the session can still tell the server), so the next person
// on a shared computer does not see the previous account's notifications.
async function signOut() {
  try { await disablePush(); } catch { /* sign out regardless */ }
  await logout();
}

const routes = [
  [/^#?\/?$/, views.home],
  [/^#\/catalog$/, views.catalog],
  [/^#\/panel\/([\w-]+)$/, views.panel],
  [/^#\/quote$/, views.quote],
  [/^#\/register$/, views.register],
  [/^#\/login$/, views.login],
  [/^#\/forgot$/, views.forgot],
  [/^#\/orders$/, views.orders, 'auth'],
  [/^#\/orders\/([\w-]+)$/, views.order, 'auth'],
  [/^#\/account$/, account.page, 'auth'],
  [/^#\/installer$/, installer.page, 'auth'],
  [/^#\/installer\/earnings$/, billing.earnings, 'INSTALLER'],
  [/^#\/installer\/jobs\/([\w-]+)$/, installer.job, 'auth'],
  [/^#\/notifications$/, notifications.page, 'auth'],
  [/^#\/settings\/notifications$/, notifications.settings, 'auth'],
  [/^#\/admin(?:\/(\w+)(?:\/([\w-]+))?)?$/, admin.page, 'ADMIN'],
];

function nav() {
  const me = currentUser();
  const links = [h('a', { href: '#/catalog' }, 'Panels'), h('a', { href: '#/quote' }, 'Sizing quote')];
  if (!me) {
    links.push(h('a', { href: '#/login', id: 'nav-login' }, 'Sign in'), h('a', { href: '#/register' }, 'Register'));
  } else {
    links.push(h('a', { href: '#/orders' }, 'My orders'));
    // An applicant sees where to apply; once approved the same link becomes the installer's workplace.
    if (me.role === 'INSTALLER') links.push(h('a', { href: '#/installer', id: 'nav-installer', dataset: { role: 'INSTALLER' } }, 'Installer'));
    if (me.role === 'CUSTOMER') links.push(h('a', { href: '#/installer', id: 'nav-installer', dataset: { role: 'CUSTOMER' } }, notifyText().becomeInstaller));
    if (me.role === 'ADMIN') links.push(h('a', { href: '#/admin' }, 'Admin'));
    links.push(h('a', { href: '#/account', id: 'nav-account' }, me.fullName),
      h('button', { class: 'secondary', id: 'logout', onclick: signOut }, 'Sign out'));
  }
  document.getElementById('nav').replaceChildren(...links);
}

async function route() {
  // Mailed links and the sandbox checkout arrive on their own paths, with their token in the fragment.
  if (location.pathname === '/verify-email') return views.verifyEmail();
  if (location.pathname === '/reset-password') return views.resetPassword();
  if (location.pathname === '/sandbox-checkout') return views.checkout();
  const hash = location.hash || '#/';
  for (const [pattern, view, guard] of routes) {
    const match = hash.match(pattern);
    if (!match) continue;
    const me = currentUser();
    if (guard && !me) {
      sessionStorage.setItem('sd_flash', 'Please sign in first.');
      location.hash = '#/login';
      return undefined;
    }
    if ((guard === 'ADMIN' || guard === 'INSTALLER') && me.role !== guard) return views.notFound();
    return view(...match.slice(1));
  }
  return views.notFound();
}

async function render() {
  const pending = sessionStorage.getItem('sd_flash');
  sessionStorage.removeItem('sd_flash');
  flash(pending || '');
  nav();
  try {
    await route();
  } catch (e) {
    flash(e.message || 'Something went wrong.', 'error');
  }
  inbox.renderBell();
  document.getElementById('app').focus({ preventScroll: true });
}

/** The data attribution in the footer (GeoNames CC BY 4.0, OpenStreetMap ODbL, Natural Earth), in the user's language. */
function attribution() {
  const box = document.getElementById('data-attribution');
  if (box && box.firstChild && box.firstChild.nodeType === Node.TEXT_NODE) box.firstChild.textContent = placesText().dataAttribution;
}

onSessionChange((me, reason) => {
  setUserLanguage(me && me.language);
  attribution();
  document.getElementById('toasts').setAttribute('aria-label', notifyText().toastRegion);
  nav();
  if (me) inbox.start();
  else inbox.stop();
  if (reason === 'ended') render();
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

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => { /* the app works without it */ });
}

// Test mode (the sandbox payment provider) is announced on every page, so nobody mistakes it for a real shop.
publicGet('/api/v1/public/info').then((info) => {
  document.getElementById('test-mode').hidden = info.paymentsTestMode !== true;
}).catch(() => { /* the banner stays hidden; the checkout itself says "test mode" */ });

restoreSession().then(render);
