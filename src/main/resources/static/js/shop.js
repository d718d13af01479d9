// The shop: landing page, catalog, product pages and the sizing quote that leads to an order.
import { h, mount, flash, money, when, list, form } from './dom.js';
import { api, publicGet, publicPost, login as signIn, verifyMfa, currentUser, reloadMe } from './api.js';
import { addressBlock, searchPlaces } from './address.js';
import { mapFigure } from './map.js';
import { placesText, errorText, installText, moneyText } from './texts.js';
import { zoneFor, range, dateOnly, heading, replaceSection, schedulingBlock, appointmentBlock, actionButton, reasonForm,
  disclosure, reportView, disputeView, follow, jobSignature, says } from './installation.js';
import { confirmAction } from './dialog.js';
import { ref, summaryTable, documentsSection, refundsSection, cancellationText, times } from './billing.js';

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
