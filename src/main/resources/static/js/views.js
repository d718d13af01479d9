import { h, mount, flash, money, when, list, form } from './dom.js';
import { api, publicGet, publicPost, login as signIn, verifyMfa, currentUser, reloadMe } from './api.js';
import { addressBlock, searchPlaces } from './address.js';
import { mapFigure } from './map.js';
import { placesText, errorText, installText, moneyText } from './texts.js';
import { zoneFor, range, dateOnly, heading, replaceSection, schedulingBlock, appointmentBlock, actionButton, reasonForm,
  disclosure, reportView, disputeView, follow, jobSignature, says } from './installation.js';
import { confirmAction } from './dialog.js';
import { ref, summaryTable, documentsSection, refundsSection, cancellationText, times } from './billing.js';

export function notFound() {
  mount(h('h1', {}, 'Not found'), h('p', {}, 'There is nothing here. ', h('a', { href: '#/' }, 'Back home')));
}

function panelCard(p) {
  return h('article', { class: 'card panel-card', dataset: { id: p.id } },
    p.photoUrls && p.photoUrls[0] ? h('img', { src: p.photoUrls[0], alt: `${p.manufacturer} ${p.name}` }) : null,
    h('h3', {}, h('a', { href: `#/panel/${p.id}` }, `${p.manufacturer} ${p.name}`)),
    h('p', {}, `${p.wattsPeak} Wp · ${p.efficiencyPercent} % · ${p.warrantyYears} years warranty`),
    h('p', { class: 'price' }, money(p.price)),
    h('p', { class: 'muted' }, p.stock > 0 ? `${p.stock} in stock` : 'Out of stock'));
}

export async function home() {
  const faq = h('div', { id: 'faq' });
  const panels = h('div', { class: 'grid', id: 'home-panels' });
  const hero = h('section', { class: 'hero' }, h('h1', {}, 'Solar panels, installed by verified installers near you'),
    h('p', { id: 'tagline' }), h('p', { id: 'counts', class: 'muted' }),
    h('p', {}, h('a', { href: '#/quote' }, 'How many panels do I need?'), ' · ', h('a', { href: '#/catalog' }, 'Browse all panels')));
  mount(hero, h('h2', {}, 'Panels'), panels, h('h2', {}, 'Questions and answers'), faq);
  publicGet('/api/v1/public/info').then((info) => {
    hero.querySelector('#tagline').textContent = info.tagline;
    hero.querySelector('#counts').textContent =
      `${info.counts.panels} panels on sale · ${info.counts.verifiedInstallers} verified installers · ${info.serviceRegions.join(', ')}`;
    document.getElementById('foot-info').textContent = `${info.name} · ${info.contact.email}`;
  }).catch(() => {});
  list(panels, async () => (await publicGet('/api/v1/catalog/panels?size=8&sort=price')).items, panelCard, 'No panels yet.');
  list(faq, () => publicGet('/api/v1/public/faq'),
    (f) => h('details', { class: 'faq-entry' }, h('summary', {}, f.question), h('p', {}, f.answer)), 'No questions yet.');
}

export async function catalog() {
  const results = h('div', { class: 'grid', id: 'results' });
  const pager = h('p', { class: 'muted', id: 'pager' });
  let page = 0;
  const search = form([
    { name: 'q', label: 'Search', placeholder: 'name or maker' },
    { name: 'minWatts', label: 'Min. watts', type: 'number', min: 0 },
    { name: 'maxPrice', label: 'Max. price (EUR)', type: 'number', min: 0, step: '0.01' },
    { name: 'sort', label: 'Sort by', type: 'select', options: [['', 'Name'], ['price', 'Price ↑'], ['-price', 'Price ↓'], ['-watts', 'Watts ↓'], ['-efficiency', 'Efficiency ↓']] },
  ], 'Search', async (v) => { page = 0; await load(v); }, { inline: true });
  search.id = 'catalog-search';
  async function load(v) {
    const params = new URLSearchParams({ page, size: 12 });
    for (const [k, val] of Object.entries(v)) if (val !== null && val !== '') params.set(k, val);
    const data = await publicGet(`/api/v1/catalog/panels?${params}`);
    if (data.items.length === 0) results.replaceChildren(h('p', { class: 'muted' }, 'No panels match.'));
    else results.replaceChildren(...data.items.map(panelCard));
    pager.textContent = `${data.totalItems} panel(s)`;
  }
  mount(h('h1', {}, 'Panels'), search, pager, results);
  results.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  await load({});
}

export async function panel(id) {
  const p = await publicGet(`/api/v1/catalog/panels/${encodeURIComponent(id)}`);
  const buy = h('section', { id: 'buy' });
  mount(h('p', {}, h('a', { href: '#/catalog' }, '← All panels')), panelCard(p), buy);
  if (!currentUser()) {
    buy.append(h('p', {}, h('a', { href: '#/login' }, 'Sign in'), ' to order these panels with installation.'));
    return;
  }
  const start = new Date(Date.now() + 14 * 86400000);
  start.setHours(8, 0, 0, 0);
  const local = (d) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  const t = placesText();
  const address = addressBlock({ street: true, legend: t.orderWhere });
  // The position preview: where the address was found, as a pin the customer may drag (a map-pin correction).
  let pinned = null;
  let preview = null;
  let asked = 0;
  const pinStatus = h('p', { class: 'muted pin-status', 'aria-live': 'polite' }, t.noPreview);
  const pinProblem = h('p', { class: 'error pin-problem', role: 'alert' });
  const mapSlot = h('div', { class: 'map-slot' });
  const check = h('section', { class: 'position-check', 'aria-labelledby': 'position-check-title' },
    h('h3', { id: 'position-check-title' }, t.checkPosition), h('p', { class: 'muted' }, t.checkPositionHint), mapSlot, pinStatus, pinProblem);
  let timer = null;
  let located = '';
  const locate = async () => {
    const a = address.values();
    // A blur without a real change (or the same place chosen again) keeps the pin where the customer put it.
    const key = JSON.stringify(a);
    if (key === located) return;
    located = key;
    pinned = null;
    pinProblem.textContent = '';
    if (!a.postalCode || !a.city) {
      pinStatus.textContent = t.noPreview;
      return;
    }
    const mine = ++asked;
    let found = [];
    try {
      if (a.addressLine) found = await searchPlaces(`${a.addressLine}, ${a.postalCode} ${a.city}`, a.country, 1);
      if (!found.length) found = await searchPlaces(`${a.postalCode} ${a.city}`, a.country, 1);
    } catch { found = []; }
    if (mine !== asked) return;
    if (!found.length) {
      pinStatus.textContent = errorText('address_not_found');
      return;
    }
    const place = found[0];
    const label = [a.addressLine, `${a.postalCode} ${a.city}`].filter(Boolean).join(', ');
    if (!preview) {
      preview = mapFigure({ label: t.homeMap(label), caption: label, className: 'map-checkout', interactive: true });
      mapSlot.replaceChildren(preview.figure);
    } else {
      preview.canvas.setAttribute('aria-label', t.homeMap(label));
      preview.figure.querySelector('figcaption').textContent = label;
    }
    const m = await preview.ready;
    if (mine !== asked) return;
    m.clear();
    m.home(place.latitude, place.longitude, { title: t.homePin, onMove: (lat, lon) => {
      pinned = { latitude: lat, longitude: lon };
      pinProblem.textContent = '';
      pinStatus.textContent = t.pinMoved;
    } });
    pinStatus.textContent = t.pinFromAddress;
  };
  const relocate = () => { clearTimeout(timer); timer = setTimeout(locate, 600); };
  for (const input of Object.values(address.inputs)) if (input) input.addEventListener('change', relocate);
  const f = form([
    { name: 'quantity', label: 'Panels', type: 'number', value: 10, min: 1, maxValue: 500 },
    { name: 'preferredStart', label: 'Installation window from', type: 'datetime-local', value: local(start) },
    { name: 'preferredEnd', label: 'to', type: 'datetime-local', value: local(new Date(start.getTime() + 9 * 3600000)) },
  ], 'Place order', async (v) => {
    address.clearProblem();
    pinProblem.textContent = '';
    const a = address.values();
    try {
      const order = await api('POST', '/api/v1/orders', {
        items: [{ panelId: p.id, quantity: v.quantity }],
        installation: { addressLine: a.addressLine, city: a.city, postalCode: a.postalCode, country: a.country,
          latitude: pinned ? pinned.latitude : undefined, longitude: pinned ? pinned.longitude : undefined,
          preferredStart: v.preferredStart ? new Date(v.preferredStart).toISOString() : null,
          preferredEnd: v.preferredEnd ? new Date(v.preferredEnd).toISOString() : null },
      });
      location.hash = `#/orders/${order.id}`;
    } catch (e) {
      if (e.code === 'pin_too_far') {
        pinProblem.textContent = errorText('pin_too_far');
        return;
      }
      if (address.showProblem(e)) return;
      throw e;
    }
  });
  f.id = 'order-form';
  f.querySelector(':scope > label').after(address.element, check);
  // What the panels come to, as the quantity changes (exact, in cents); the full summary with VAT follows the order.
  const m = moneyText();
  const estimate = h('p', { class: 'estimate', id: 'order-estimate', 'aria-live': 'polite' });
  const estimateNote = h('p', { class: 'muted', id: 'order-estimate-note' }, m.estimateNote);
  const showEstimate = () => {
    const q = Number(f.inputs.quantity.value);
    const total = Number.isInteger(q) && q > 0 && p.price ? times(p.price.amount, q) : null;
    estimate.textContent = total ? m.estimate(q, money(p.price), money({ amount: total, currency: p.price.currency })) : '';
  };
  f.inputs.quantity.addEventListener('input', showEstimate);
  f.inputs.quantity.closest('label').after(estimate, estimateNote);
  showEstimate();
  // Suggestions fill postal code and city without a change event: look the position up then too.
  address.element.addEventListener('click', (e) => { if (e.target.closest('.suggestion, .choose-suggestion, .use-location')) relocate(); });
  address.element.addEventListener('mousedown', (e) => { if (e.target.closest('.suggestion')) relocate(); });
  address.element.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target.getAttribute('role') === 'combobox') relocate(); });
  buy.append(h('h2', {}, 'Order with installation'), f);
}

export async function quote() {
  const t = placesText();
  const out = h('div', { id: 'quote-result', 'aria-live': 'polite' });
  const address = addressBlock({ street: false, cityOptional: true, locate: true, legend: t.quoteWhere });
  const f = form([
    { name: 'monthlyKwh', label: 'Monthly electricity use (kWh)', type: 'number', value: 300, min: 1 },
  ], 'Estimate', async (v) => {
    address.clearProblem();
    const a = address.values();
    let q;
    try {
      q = await publicPost('/api/v1/quotes', { monthlyKwh: v.monthlyKwh,
        address: { postalCode: a.postalCode, city: a.city || null, country: a.country } });
    } catch (e) {
      if (address.showProblem(e)) return;
      throw e;
    }
    address.showUsed(q.place);
    out.replaceChildren(h('div', { class: 'card' },
      h('p', { class: 'price' }, `${q.panelCount} × ${q.panel.name} · ${q.systemKwp} kWp · about ${q.annualProductionKwh} kWh a year`),
      q.place ? h('p', { class: 'quote-place' }, t.placeUsed(q.place.label)) : null,
      h('p', {}, `Panels ${money(q.panelsTotal)} + installation ${money(q.installationFee)} = ${money(q.price)}`),
      h('p', { class: 'muted' }, `Assumptions: ${q.assumptions.peakSunHours} peak-sun hours a day, performance ratio ${q.assumptions.performanceRatio}. ${q.assumptions.model}`),
      h('p', {}, h('a', { href: `#/panel/${q.panel.id}` }, 'Order this panel'))));
  });
  f.id = 'quote-form';
  f.querySelector(':scope > label').after(address.element);
  mount(h('h1', {}, 'How many panels do I need?'), f, out);
}

/** Client-side hints that mirror the server's rules; the server's verdict (zxcvbn) is the one that counts. */
function strength(input, meter, hint, context) {
  input.addEventListener('input', () => {
    const v = input.value;
    const { email = '', fullName = '' } = context();
    const problems = [];
    if ([...v].length < 12) problems.push('at least 12 characters');
    if (!/\p{L}/u.test(v)) problems.push('a letter');
    if (!/[^\p{L}]/u.test(v)) problems.push('a digit or symbol');
    const local = email.split('@')[0].toLowerCase();
    if (local.length >= 3 && v.toLowerCase().includes(local)) problems.push('not your email');
    for (const part of fullName.toLowerCase().split(/[\s'.-]+/)) {
      if (part.length >= 3 && v.toLowerCase().includes(part)) { problems.push('not your name'); break; }
    }
    const variety = new Set(v).size;
    const score = problems.length ? Math.min(1, problems.length === 1 ? 1 : 0) : Math.min(4, 2 + Math.floor(variety / 8));
    meter.firstChild.style.width = `${(score / 4) * 100}%`;
    meter.firstChild.style.background = score >= 3 ? 'var(--ok)' : 'var(--bad)';
    hint.textContent = problems.length ? `Needs ${problems.join(', ')}.` : 'Looks good; the server also checks it is not easy to guess.';
  });
}

export function register() {
  const meter = h('div', { class: 'strength' }, h('span'));
  const hint = h('span', { class: 'muted', id: 'password-hint' });
  const f = form([
    { name: 'fullName', label: 'Full name', autocomplete: 'name', max: 100 },
    { name: 'email', label: 'Email', type: 'email', autocomplete: 'email', max: 254 },
    { name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', max: 128 },
  ], 'Create account', async (v) => {
    // The answer is the same whether or not the address already has an account (no id): the mail says which.
    await publicPost('/api/v1/auth/register', v);
    mount(h('h1', {}, 'Check your mailbox'),
      h('div', { class: 'card', id: 'register-done' },
        h('p', {}, 'We sent a mail to ', h('strong', {}, v.email.trim()), '.'),
        h('p', {}, 'Open the link in it to confirm your address, then sign in. If you already have an account, '
          + 'the mail tells you how to sign in or reset your password.'),
        h('p', { class: 'muted' }, 'No mail after a few minutes? Look in your spam folder, or register again.'),
        h('p', {}, h('a', { href: '#/login' }, 'Sign in'))));
  });
  f.id = 'register-form';
  f.inputs.password.after(meter, hint);
  strength(f.inputs.password, meter, hint, () => ({ email: f.inputs.email.value, fullName: f.inputs.fullName.value }));
  mount(h('h1', {}, 'Create your account'), f);
}

export function login() {
  const area = h('div');
  const f = form([
    { name: 'email', label: 'Email', type: 'email', autocomplete: 'username' },
    { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' },
  ], 'Sign in', async (v) => {
    const result = await signIn(v.email, v.password);
    if (result.mfaRequired) {
      const mfa = form([{ name: 'code', label: 'Code from your authenticator app (or a recovery code)', autocomplete: 'one-time-code' }],
        'Verify', async (c) => { await verifyMfa(result.mfaToken, c.code.trim()); location.hash = '#/'; });
      mfa.id = 'mfa-form';
      area.replaceChildren(h('p', {}, 'Two-factor authentication is on for this account.'), mfa);
      return;
    }
    location.hash = currentUser().role === 'ADMIN' && !currentUser().mfaEnabled ? '#/account' : '#/';
  });
  f.id = 'login-form';
  area.append(f, h('p', {}, h('a', { href: '#/forgot' }, 'Forgot your password?'), ' · ', h('a', { href: '#/register' }, 'Create an account')));
  mount(h('h1', {}, 'Sign in'), area);
}

export function forgot() {
  mount(h('h1', {}, 'Forgot your password?'), form([{ name: 'email', label: 'Email', type: 'email' }], 'Send me a link',
    async (v) => {
      const r = await publicPost('/api/v1/auth/password-reset/request', v);
      flash(r.message);
    }));
}

function fragmentToken(name) {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get(name);
}

export async function verifyEmail() {
  const token = fragmentToken('token');
  history.replaceState(null, '', '/#/');
  try {
    await publicPost('/api/v1/auth/verify-email', { token });
    if (currentUser()) await reloadMe();
    mount(h('h1', {}, 'Email confirmed'), h('p', { id: 'verified', class: 'ok' }, 'Thank you: your email is confirmed.'),
      h('p', {}, h('a', { href: currentUser() ? '#/catalog' : '#/login' }, currentUser() ? 'Shop panels' : 'Sign in')));
  } catch (e) {
    mount(h('h1', {}, 'This link does not work'), h('p', { class: 'error' }, e.message));
  }
}

export function resetPassword() {
  const token = fragmentToken('token');
  history.replaceState(null, '', '/#/');
  mount(h('h1', {}, 'Choose a new password'), form([{ name: 'newPassword', label: 'New password', type: 'password', autocomplete: 'new-password' }],
    'Set password', async (v) => {
      await publicPost('/api/v1/auth/password-reset/confirm', { token, newPassword: v.newPassword });
      sessionStorage.setItem('sd_flash', 'Your password is changed; every session was signed out. Sign in with the new one.');
      location.hash = '#/login';
    }));
}

function orderStatusText(status) {
  const t = installText();
  return t.orderStatus[status] || t.unknownStatus;
}

export async function orders() {
  const box = h('div', { id: 'orders' });
  mount(h('h1', {}, 'My orders'), box);
  await list(box, async () => (await api('GET', '/api/v1/orders?size=50')).items,
    (o) => h('div', { class: 'card order-row' }, h('a', { href: `#/orders/${o.id}` }, `${o.items.map((i) => `${i.quantity} × ${i.panelName}`).join(', ')}`),
      ' ', h('span', { class: 'badge order-status' }, orderStatusText(o.status)), h('p', { class: 'muted' }, `${money(o.total)} · ${when(o.createdAt)}`)),
    'No orders yet.');
}

// The order statuses for which an installation exists to show.
const WITH_INSTALLATION = ['PAID', 'SCHEDULED', 'INSTALLING', 'AWAITING_CONFIRMATION', 'DISPUTED', 'COMPLETED'];

async function installationOf(o) {
  if (!WITH_INSTALLATION.includes(o.status)) return null;
  try {
    return await api('GET', `/api/v1/orders/${o.id}/installation`);
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

export async function order(id) {
  const hash = `#/orders/${id}`;
  const o = await api('GET', `/api/v1/orders/${encodeURIComponent(id)}`);
  // The person may have moved on while the order loaded (a slow answer, a link followed at once): an order page
  // that arrives late must not cover the page they are on now.
  if (location.hash !== hash) return;
  let j = await installationOf(o);
  if (location.hash !== hash) return;
  const actions = h('div', { class: 'tabs', id: 'order-actions' });
  const installation = h('section', { id: 'installation', 'aria-label': installText().installation });
  const status = h('span', { class: 'badge', id: 'order-status' }, orderStatusText(o.status));
  const t = placesText();
  const tz = zoneFor(o.installation.country);
  const homeAddress = `${o.installation.addressLine}, ${o.installation.postalCode} ${o.installation.city}`;
  const homeMap = h('section', { id: 'order-map', 'aria-labelledby': 'order-map-title' }, h('h2', { id: 'order-map-title' }, t.homeOnMap));
  if (Number.isFinite(o.installation.latitude) && Number.isFinite(o.installation.longitude)) {
    const shown = mapFigure({ label: t.homeMap(homeAddress), caption: homeAddress });
    homeMap.append(shown.figure);
    shown.ready.then((m) => m.home(o.installation.latitude, o.installation.longitude, { title: homeAddress })).catch(() => {});
  } else {
    homeMap.append(h('p', {}, homeAddress));
  }
  const w = installText();
  const m = moneyText();
  // The older "a refund is due" line is for a server without refund details; the refunds section says more.
  const refund = h('p', { class: 'ok', id: 'refund-due', hidden: !o.refundDue || o.refundStatus !== undefined }, w.refundDue);
  const moneyBox = h('div', { id: 'order-money' });
  let moneyShown = null;
  const renderMoney = (x) => {
    // Drawn again only when refunds or documents changed, so a download's status and the focus stay put otherwise.
    const key = JSON.stringify([x.refundStatus, x.refunded, x.refunds, x.documents]);
    if (key === moneyShown) return;
    moneyShown = key;
    const docs = Array.isArray(x.documents) && x.documents.length ? documentsSection(x.documents,
      (d) => `/api/v1/orders/${encodeURIComponent(x.id)}/documents/${encodeURIComponent(d.id)}`) : null;
    moneyBox.replaceChildren(...[refundsSection(x), docs].filter(Boolean));
  };
  const title = h('h1', { id: 'order-title', tabindex: '-1' }, `${w.order} `, status);
  mount(h('p', {}, h('a', { href: '#/orders' }, w.backToOrders)), title,
    h('p', { class: 'muted order-ref' }, `${m.reference}: `, h('strong', { id: 'order-ref' }, ref(o.id))),
    summaryTable(o),
    h('p', { class: 'muted', id: 'order-address' }, `${homeAddress} · ${range(o.installation.preferredStart, o.installation.preferredEnd, tz)}`),
    refund, actions, moneyBox, installation, homeMap);
  renderMoney(o);

  let current = o;
  let setSeen = () => {};
  const actionError = h('p', { class: 'error', role: 'alert', id: 'order-action-error' });
  const renderActions = () => {
    const nodes = [];
    if (current.status === 'PENDING_PAYMENT') {
      const pay = h('button', { id: 'pay', 'aria-describedby': actionError.id, onclick: async () => {
        actionError.textContent = '';
        pay.disabled = true;
        try {
          const p = await api('POST', `/api/v1/orders/${current.id}/payments`);
          // The provider's page: the sandbox's path here, or the provider's https page; nothing else is followed.
          const target = String(p.checkoutUrl || '');
          if (!(/^\/(?!\/)/.test(target) || /^https:\/\//i.test(target))) throw new Error('unsafe checkout url');
          location.href = target;
        } catch (e) {
          actionError.textContent = says(e);
          pay.disabled = false;
        }
      } }, w.payNow);
      nodes.push(pay);
      if (current.reservedUntil) nodes.push(h('span', { class: 'muted' }, w.reservedUntil(when(current.reservedUntil))));
    }
    // A server with money details says while cancelling is possible (cancellation is then set); an older one by status.
    const cancellable = current.cancellation !== undefined ? !!current.cancellation
      : ['PENDING_PAYMENT', 'PAID', 'SCHEDULED'].includes(current.status);
    if (cancellable) {
      nodes.push(h('button', { class: 'secondary', id: 'cancel', onclick: async () => {
        actionError.textContent = '';
        const consequence = cancellationText(current.cancellation);
        const done = await confirmAction({ id: 'cancel-order-form', title: m.cancelTitle, text: consequence,
          confirmText: m.cancelConfirm, cancelText: m.cancelKeep, danger: true,
          onConfirm: () => api('POST', `/api/v1/orders/${encodeURIComponent(current.id)}/cancel`) });
        if (!done) return;
        const refunded = current.cancellation && current.cancellation.refund && Number(current.cancellation.refund.amount) > 0;
        await refreshAll(refunded ? m.cancelledRefund(money(current.cancellation.refund)) : m.cancelled);
        // The cancel button is gone: focus goes to the page's heading, the flash above says what happened.
        title.focus();
      } }, w.cancelOrder));
    }
    replaceSection(actions, nodes);
    actions.append(actionError);
  };
  const refreshAll = async (message) => {
    const fresh = { o: await api('GET', `/api/v1/orders/${encodeURIComponent(id)}`), j: null };
    fresh.j = await installationOf(fresh.o);
    setSeen(fresh);
    update(fresh, true);
    if (message) flash(message);
  };
  const update = (fresh, moveFocus) => {
    const orderChanged = fresh.o.status !== current.status
      || JSON.stringify(fresh.o.cancellation || null) !== JSON.stringify(current.cancellation || null);
    current = fresh.o;
    status.textContent = orderStatusText(current.status);
    refund.hidden = !current.refundDue || current.refundStatus !== undefined;
    renderMoney(current);
    if (orderChanged) renderActions();
    j = fresh.j;
    renderInstallation(installation, current, j, tz, moveFocus, refreshAll);
  };
  renderActions();
  renderInstallation(installation, current, j, tz, false, refreshAll);
  // Follows the order while something may still happen; the page changes only when something did.
  const signature = (x) => JSON.stringify([x.o.status, !!x.o.refundDue, x.o.refundStatus || null,
    (x.o.refunds || []).map((r) => r.status), (x.o.documents || []).length, jobSignature(x.j)]);
  // A cancelled order is still followed while its refund is on its way.
  setSeen = follow({ hash, every: 5000, initial: signature({ o, j }), signature,
    until: (x) => (x.o.status === 'CANCELLED' && x.o.refundStatus !== 'PENDING') || (x.o.status === 'COMPLETED' && x.j && x.j.reviewed),
    load: async () => { const fo = await api('GET', `/api/v1/orders/${encodeURIComponent(id)}`); return { o: fo, j: await installationOf(fo) }; },
    changed: (fresh) => {
      const before = current.status;
      const refundBefore = current.refundStatus;
      update(fresh, false);
      if (fresh.o.status !== before) flash(installText().updated(orderStatusText(fresh.o.status)));
      else if (fresh.o.refundStatus !== refundBefore && m.refundStatus[fresh.o.refundStatus]) flash(m.refundStatus[fresh.o.refundStatus]);
    } });
}

/** The installation part of the order page: installer, appointment, report and sign-off, dispute, review. */
function renderInstallation(section, o, j, tz, moveFocus, refreshAll) {
  const t = installText();
  if (!j) {
    replaceSection(section, []);
    return;
  }
  const base = `/api/v1/installations/${encodeURIComponent(j.jobId)}`;
  const nodes = [heading('h2', t.installation, 'installation-title'),
    h('p', { id: 'job-status', class: 'status-line', dataset: { status: j.status } }, t.customerStatus[j.status] || t.unknownStatus)];
  if (j.installer) {
    const phone = j.installer.phone ? h('a', { href: `tel:${j.installer.phone.replace(/[^+0-9]/g, '')}`, class: 'phone' }, j.installer.phone) : null;
    nodes.push(h('p', { id: 'installer-line' }, `${t.installer}: ${t.installerLine(j.installer)}`, phone ? ' · ' : '', phone));
  }
  if (j.window && !j.appointment && ['DISPATCHING', 'UNASSIGNED', 'ASSIGNED'].includes(j.status)) {
    nodes.push(h('p', { class: 'muted' }, `${t.yourWindow}: ${range(j.window.start, j.window.end, tz)}`));
  }
  const act = (call, message) => async (arg) => { await call(arg); await refreshAll(message); };
  switch (j.status) {
    case 'ASSIGNED':
      nodes.push(h('h3', {}, t.scheduling), ...schedulingBlock({ me: 'CUSTOMER', scheduling: j.scheduling, window: j.window, tz,
        accept: act((proposalId) => api('POST', `${base}/appointment/proposals/${encodeURIComponent(proposalId)}/accept`), t.agreed),
        propose: act((body) => api('POST', `${base}/appointment/proposals`, body), t.proposed) }));
      break;
    case 'SCHEDULED':
      if (j.appointment) {
        nodes.push(appointmentBlock({ appointment: j.appointment, tz, icsPath: `${base}/appointment.ics`,
          reschedule: act((reason) => api('POST', `${base}/appointment/reschedule`, { reason }), t.rescheduled) }));
      }
      break;
    case 'IN_PROGRESS':
      if (j.dispute) nodes.push(disputeView(j.dispute, tz));
      break;
    case 'AWAITING_CONFIRMATION': {
      if (j.confirmBy) nodes.push(h('p', { class: 'confirm-by', id: 'confirm-by' }, t.confirmBy(dateOnly(j.confirmBy, tz))));
      if (j.report) nodes.push(reportView(j.report, tz));
      const confirmButton = actionButton({ id: 'confirm-installation', text: t.confirm,
        run: () => api('POST', `${base}/confirm`), done: () => refreshAll(t.confirmed) });
      const dispute = reasonForm({ id: 'dispute-form', label: t.disputeReason, submitText: t.disputeSend, min: 10, max: 2000, danger: true,
        submit: act((reason) => api('POST', `${base}/dispute`, { reason }), t.disputed) });
      nodes.push(h('div', { class: 'card sign-off' }, h('p', {}, h('strong', {}, t.confirmQuestion)),
        h('div', { class: 'tabs' }, confirmButton.button), confirmButton.error,
        disclosure(t.dispute, h('div', { class: 'disclosure-panel' }, dispute))));
      break;
    }
    case 'DISPUTED':
      nodes.push(h('p', {}, t.disputedText));
      if (j.dispute) nodes.push(disputeView(j.dispute, tz));
      if (j.report) nodes.push(reportView(j.report, tz));
      break;
    case 'COMPLETED':
      if (j.report) nodes.push(reportView(j.report, tz));
      if (j.dispute) nodes.push(disputeView(j.dispute, tz));
      nodes.push(h('h3', {}, t.reviewTitle));
      if (j.reviewed) {
        nodes.push(h('p', { class: 'ok', id: 'reviewed' }, t.reviewed));
      } else {
        const review = form([
          { name: 'rating', label: t.rating, type: 'number', value: 5, min: 1, maxValue: 5 },
          { name: 'comment', label: t.comment, type: 'textarea', max: 2000 },
        ], t.sendReview, async (v) => {
          if (!(v.rating >= 1 && v.rating <= 5)) throw new Error(t.ratingRange);
          await api('POST', `/api/v1/installations/${j.jobId}/review`, v);
          await refreshAll(t.reviewThanks);
        });
        review.id = 'review-form';
        nodes.push(review);
      }
      break;
    default:
      break;
  }
  replaceSection(section, nodes, moveFocus);
}

export async function checkout() {
  const t = moneyText();
  const paymentId = new URLSearchParams(location.hash.replace(/^#/, '')).get('payment') || '';
  const notice = h('div', { class: 'test-notice', id: 'checkout-notice' },
    h('p', { class: 'test-notice-title' }, h('strong', {}, t.testNotice)), h('p', {}, t.testNoticeMore));
  const broken = (text) => mount(h('h1', {}, t.badLink), notice, h('p', { class: 'error', id: 'checkout-problem' }, text),
    h('p', {}, h('a', { href: '/#/orders' }, installText().backToOrders)));
  if (!/^[0-9a-f-]{36}$/.test(paymentId)) {
    broken(t.badLinkText);
    return;
  }
  let p;
  try {
    p = await api('GET', `/api/v1/payments/${encodeURIComponent(paymentId)}`);
  } catch (e) {
    broken(e.status === 401 ? t.signInFirst : says(e));
    return;
  }
  const orderId = p.orderId || (p.order && p.order.id);
  const done = (id) => { history.replaceState(null, '', `/#/orders/${id}`); window.dispatchEvent(new HashChangeEvent('hashchange')); };
  const header = [h('h1', {}, t.checkoutTitle), notice,
    h('p', { class: 'checkout-ref' }, `${t.reference}: `, h('strong', { id: 'checkout-order' }, ref(orderId)))];
  const back = h('p', {}, h('a', { href: `/#/orders/${orderId}` }, t.backToOrder));
  if (p.status && p.status !== 'REQUIRES_CONFIRMATION') {
    mount(...header, h('p', { id: 'checkout-state', class: p.status === 'SUCCEEDED' ? 'ok' : 'error' },
      p.status === 'SUCCEEDED' ? t.paymentDone : t.paymentFailed), back);
    return;
  }
  const error = h('p', { class: 'error', role: 'alert', id: 'checkout-error' });
  const confirmWith = (outcome) => async () => {
    error.textContent = '';
    payButton.disabled = true;
    declineButton.disabled = true;
    try {
      const answer = await api('POST', `/api/v1/payments/sandbox/${encodeURIComponent(paymentId)}/confirm`, { outcome });
      done(answer.orderId || orderId);
    } catch (e) {
      error.textContent = says(e);
      payButton.disabled = false;
      declineButton.disabled = false;
    }
  };
  const payButton = h('button', { id: 'confirm-payment', 'aria-describedby': 'checkout-notice' }, t.payTest(money(p.amount)));
  const declineButton = h('button', { class: 'secondary', id: 'decline-payment' }, t.declineTest);
  payButton.addEventListener('click', confirmWith('succeeded'));
  declineButton.addEventListener('click', confirmWith('failed'));
  mount(...header,
    p.order ? summaryTable(p.order, { id: 'checkout-summary', totalId: 'checkout-total', vatId: 'checkout-vat' }) : null,
    h('p', { class: 'amount-due' }, `${t.amountDue}: `, h('strong', { id: 'checkout-amount' }, money(p.amount))),
    h('div', { class: 'tabs' }, payButton, declineButton), error, back);
}
