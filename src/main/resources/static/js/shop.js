// The shop: landing page, catalog, product pages, the sizing quote, the quote-to-order funnel, installers' public
// profiles and the legal pages. Texts are read at render time, so the language switch re-renders them.
import { safeCheckoutUrl, sameOriginPath } from './links.js';
import { h, mount, money, number, day, when, list, form } from './dom.js';
import { api, publicGet, publicPost, currentUser } from './api.js';
import { addressBlock, searchPlaces } from './address.js';
import { mapFigure } from './map.js';
import { placesText, errorText, moneyText } from './texts.js';
import { says } from './installation.js';
import { plural, lang, locale } from './i18n.js';
import { buildHash } from './router.js';
import { commonText } from './messages/common.js';
import { shopText } from './messages/shop.js';
import { SORTS, PAGE_SIZE, catalogState, catalogHashState, catalogApiQuery, pageCount, starParts, orderStateFromQuote,
  orderState, stepStates, estimate, paragraphs } from './shop-state.js';

/**
 * A star rating with its text alternative ("4.5 out of 5 stars"): the glyphs are decoration (aria-hidden), the
 * sentence is what screen readers read. Shared with the order pages.
 */
export function stars(rating) {
  const p = starParts(rating);
  const glyphs = [];
  for (let i = 0; i < p.full; i += 1) glyphs.push(h('span', { class: 'star full' }, '★'));
  if (p.half) glyphs.push(h('span', { class: 'star half' }, '★'));
  for (let i = 0; i < p.empty; i += 1) glyphs.push(h('span', { class: 'star empty' }, '★'));
  return h('span', { class: 'rating', dataset: { rating: String(p.value) } },
    h('span', { class: 'stars', 'aria-hidden': 'true' }, ...glyphs),
    h('span', { class: 'visually-hidden' }, shopText().starsLabel(number(p.value))));
}

/** replaceChildren without the optional parts: a null child would show as the text "null". */
/**
 * A panel's first photo when it is served by this site: the content security policy allows images only from here
 * (img-src 'self'), so a photo on another host would only be blocked; the card then shows no photo instead.
 */
function panelPhoto(p) {
  return (p && Array.isArray(p.photoUrls) && p.photoUrls.length && sameOriginPath(p.photoUrls[0], location.origin)) || null;
}

function put(el, ...nodes) {
  el.replaceChildren(...nodes.flat().filter((n) => n !== null && n !== undefined && n !== false));
}

function panelTitle(p) {
  return `${p.manufacturer} ${p.name}`;
}

function panelCard(p, headingLevel = 'h3') {
  const t = shopText();
  return h('article', { class: 'card panel-card', dataset: { id: p.id, model: p.name, price: p.price ? p.price.amount : '',
    watts: String(p.wattsPeak), efficiency: String(p.efficiencyPercent) } },
  panelPhoto(p) ? h('img', { src: panelPhoto(p), alt: t.photoOf(panelTitle(p)), loading: 'lazy' }) : null,
  h(headingLevel, {}, h('a', { href: `#/panel/${encodeURIComponent(p.id)}` }, panelTitle(p))),
  h('p', { class: 'specs' }, [t.wattsPeak(number(p.wattsPeak)), t.efficiency(number(p.efficiencyPercent)),
    plural(p.warrantyYears, t.warrantyYears)].join(' · ')),
  h('p', { class: 'price' }, money(p.price)),
  h('p', { class: 'muted stock' }, p.stock > 0 ? plural(p.stock, t.inStock) : t.outOfStock));
}

/** A review as a card: the stars, the words, who wrote it and (when known) the installer it is about. */
function reviewCard(r, { withInstaller = true } = {}) {
  const t = shopText();
  return h('article', { class: 'card review' },
    stars(r.rating),
    r.comment ? h('blockquote', {}, h('p', {}, r.comment)) : null,
    h('p', { class: 'review-by muted' }, r.author || t.formerCustomer,
      r.createdAt ? [' · ', h('time', { datetime: r.createdAt }, day(r.createdAt))] : null),
    withInstaller && r.company ? h('p', { class: 'review-installer' }, `${t.reviewFor} `,
      r.installerId ? h('a', { href: `#/installers/${encodeURIComponent(r.installerId)}` }, r.company) : r.company) : null);
}

export async function home() {
  const t = shopText();
  const trust = h('ul', { class: 'trust', id: 'counts', 'aria-label': t.trustLabel });
  const hero = h('section', { class: 'hero landing-hero' },
    h('h1', {}, t.heroTitle),
    h('p', { class: 'lead', id: 'tagline' }, t.heroLead),
    h('p', { class: 'hero-actions' }, h('a', { class: 'cta', href: '#/quote', id: 'start-quote' }, t.ctaQuote),
      h('a', { class: 'cta secondary', href: '#/catalog' }, t.ctaBrowse)),
    trust);
  const step = (n, title, text) => h('li', { class: 'card how-step' }, h('span', { class: 'how-number', 'aria-hidden': 'true' }, String(n)),
    h('h3', {}, title), h('p', {}, text));
  const how = h('section', { class: 'how', 'aria-labelledby': 'how-title' }, h('h2', { id: 'how-title' }, t.howTitle),
    h('ol', { class: 'how-steps' }, step(1, t.how1Title, t.how1Text), step(2, t.how2Title, t.how2Text), step(3, t.how3Title, t.how3Text)));
  const promise = (title, text) => h('li', { class: 'card guarantee' }, h('h3', {}, title), h('p', {}, text));
  const guarantees = h('section', { id: 'guarantees', 'aria-labelledby': 'guarantees-title' }, h('h2', { id: 'guarantees-title' }, t.guaranteesTitle),
    h('ul', { class: 'guarantees' }, promise(t.guaranteeHeldTitle, t.guaranteeHeldText), promise(t.guaranteeVerifiedTitle, t.guaranteeVerifiedText),
      promise(t.guaranteePriceTitle, t.guaranteePriceText), promise(t.guaranteeCancelTitle, t.guaranteeCancelText)));
  const reviewSummary = h('p', { id: 'reviews-summary' });
  const reviewList = h('div', { class: 'grid reviews', id: 'reviews' });
  const reviews = h('section', { id: 'home-reviews', 'aria-labelledby': 'reviews-title', hidden: true },
    h('h2', { id: 'reviews-title' }, t.reviewsTitle), reviewSummary, reviewList);
  const panels = h('div', { class: 'grid', id: 'home-panels' });
  const faq = h('div', { id: 'faq' });
  mount(hero, how, guarantees, reviews,
    h('section', { 'aria-labelledby': 'featured-title' }, h('h2', { id: 'featured-title' }, t.featuredTitle), panels,
      h('p', {}, h('a', { href: '#/catalog' }, t.allPanels))),
    h('section', { 'aria-labelledby': 'faq-title' }, h('h2', { id: 'faq-title' }, t.faqTitle), faq));
  publicGet('/api/v1/public/info').then((info) => {
    // A count of none is no trust signal: only numbers worth saying are shown.
    const items = [info.counts.verifiedInstallers > 0 ? plural(info.counts.verifiedInstallers, t.verifiedInstallers) : null,
      info.counts.panels > 0 ? plural(info.counts.panels, t.panelsOnSale) : null].filter(Boolean);
    if (info.serviceRegions && info.serviceRegions.length) items.push(t.servedIn(new Intl.ListFormat(locale(), { type: 'conjunction' }).format(info.serviceRegions)));
    trust.replaceChildren(...items.map((text) => h('li', {}, text)));
    document.getElementById('foot-info').textContent = `${info.name} · ${info.contact.email}`;
  }).catch(() => { /* the page works without the numbers */ });
  publicGet('/api/v1/public/reviews?size=6').then((r) => {
    if (!r || !r.items || r.items.length === 0) return;
    reviews.hidden = false;
    reviewSummary.replaceChildren(stars(r.rating.average), ' ',
      t.reviewsAverage(number(r.rating.average, { maximumFractionDigits: 1 }), plural(r.rating.count, t.reviewCount)));
    reviewList.replaceChildren(...r.items.map((item) => reviewCard(item)));
  }).catch(() => { /* no reviews to show: the section stays hidden */ });
  list(panels, async () => (await publicGet('/api/v1/catalog/panels?size=4&sort=-watts')).items, (p) => panelCard(p), t.noPanels);
  list(faq, () => publicGet('/api/v1/public/faq'),
    (f) => h('details', { class: 'faq-entry' }, h('summary', {}, f.question), h('p', {}, f.answer)), t.noFaq);
}

let focusResults = false;

export async function catalog(params) {
  const t = shopText();
  const c = commonText();
  const state = catalogState(params || new URLSearchParams());
  const results = h('div', { class: 'grid', id: 'results' });
  const count = h('p', { class: 'result-count', id: 'result-count', tabindex: '-1', role: 'status' });
  const pager = h('nav', { class: 'pager', id: 'pager', 'aria-label': t.pagerLabel });
  const search = form([
    { name: 'q', label: t.searchLabel, placeholder: t.searchPlaceholder, value: state.q, max: 100, type: 'search' },
    { name: 'minWatts', label: t.minWattsLabel, type: 'number', min: 0, step: '1', value: state.minWatts, invalid: t.minWattsInvalid, inputmode: 'numeric' },
    { name: 'maxPrice', label: t.maxPriceLabel, type: 'number', min: 0, step: '0.01', value: state.maxPrice, invalid: t.maxPriceInvalid, inputmode: 'decimal' },
    { name: 'sort', label: t.sortLabel, type: 'select', options: SORTS.map((s) => [s, t.sorts[s]]), value: state.sort },
  ], t.searchButton, async (v) => {
    const next = catalogHashState(catalogState({ ...v, page: 1 }));
    const hash = buildHash('/catalog', next);
    if (hash === (location.hash || '')) await load();
    else location.hash = hash;
  }, { inline: true });
  search.id = 'catalog-search';
  search.classList.add('catalog-search');
  search.setAttribute('role', 'search');
  search.inputs.sort.addEventListener('change', () => search.requestSubmit());

  const link = (page, text, rel, id) => h('a', { class: 'cta secondary', href: buildHash('/catalog', catalogHashState({ ...state, page })),
    rel, id, onclick: () => { focusResults = true; } }, text);
  async function load() {
    results.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await publicGet(`/api/v1/catalog/panels?${catalogApiQuery(state)}`);
    } catch (e) {
      results.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message || c.couldNotLoad));
      results.removeAttribute('aria-busy');
      return;
    }
    results.removeAttribute('aria-busy');
    // What the cards show, for tests and tools: the sort and page actually loaded.
    results.dataset.sort = state.sort;
    results.dataset.page = String(state.page);
    const pages = pageCount(data.totalItems, PAGE_SIZE);
    count.textContent = plural(data.totalItems, t.resultCount);
    if (data.items.length === 0) {
      results.replaceChildren(h('p', { class: 'muted' }, t.noMatch),
        h('p', { hidden: state.page <= 1 }, h('a', { href: buildHash('/catalog', catalogHashState({ ...state, page: 1 })) }, t.firstPage)));
    } else {
      results.replaceChildren(...data.items.map((p) => panelCard(p, 'h2')));
    }
    const parts = [];
    if (state.page > 1) parts.push(link(Math.min(state.page - 1, pages), c.previous, 'prev', 'page-prev'));
    parts.push(h('span', { class: 'page-status', id: 'page-status', 'aria-current': 'page' }, c.pageOf(number(Math.min(state.page, pages)), number(pages))));
    if (state.page < pages) parts.push(link(state.page + 1, c.next, 'next', 'page-next'));
    pager.replaceChildren(...parts);
    pager.hidden = pages <= 1 && state.page <= 1;
    if (focusResults) {
      focusResults = false;
      count.focus();
    }
  }
  const clear = state.q || state.minWatts !== null || state.maxPrice !== null || state.sort !== SORTS[0]
    ? h('p', {}, h('a', { href: '#/catalog', id: 'clear-search' }, t.clearSearch)) : null;
  mount(h('h1', {}, t.catalogTitle), search, clear, count, results, pager);
  results.replaceChildren(h('p', { class: 'muted' }, c.loading));
  await load();
}

function facts(p) {
  const t = shopText();
  const rows = [
    [t.factWatts, t.wattsPeak(number(p.wattsPeak)), 'watts'],
    [t.factEfficiency, `${number(p.efficiencyPercent)} %`, 'efficiency'],
    p.lengthMm && p.widthMm && p.thicknessMm ? [t.factDimensions, t.dimensions(number(p.lengthMm), number(p.widthMm), number(p.thicknessMm)), 'dimensions'] : null,
    p.weightKg ? [t.factWeight, t.weight(number(p.weightKg)), 'weight'] : null,
    p.cellType && t.cellTypes[p.cellType] ? [t.factCellType, t.cellTypes[p.cellType], 'cell-type'] : null,
    p.warrantyYears ? [t.factWarranty, plural(p.warrantyYears, t.years), 'warranty'] : null,
    p.performanceWarrantyYears && p.performanceWarrantyPercent
      ? [t.factPerformance, t.performance(number(p.performanceWarrantyPercent), plural(p.performanceWarrantyYears, t.years)), 'performance'] : null,
    [t.factStock, p.stock > 0 ? plural(p.stock, t.inStock) : t.outOfStock, 'stock'],
  ].filter(Boolean);
  return h('dl', { class: 'facts facts-narrow', id: 'panel-facts' }, ...rows.flatMap(([label, value, key]) =>
    [h('dt', { dataset: { fact: key } }, label), h('dd', { dataset: { fact: key } }, value)]));
}

function notFoundPage(title, text) {
  mount(h('h1', {}, title), h('p', {}, text), h('p', {}, h('a', { href: '#/catalog' }, shopText().backToCatalog)));
}

export async function panel(id) {
  const t = shopText();
  let p;
  try {
    p = await publicGet(`/api/v1/catalog/panels/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e.status === 404 || e.status === 400) {
      notFoundPage(t.panelNotFoundTitle, t.panelNotFoundText);
      return;
    }
    throw e;
  }
  const photo = panelPhoto(p)
    ? h('figure', { class: 'product-photo' }, h('img', { src: panelPhoto(p), alt: t.photoOf(panelTitle(p)) })) : null;
  const description = p.description ? paragraphs(p.description).map((text) => h('p', {}, text)) : [];
  const buy = h('section', { id: 'buy', class: 'card', 'aria-labelledby': 'buy-title' },
    h('h2', { id: 'buy-title' }, t.buyTitle), h('p', {}, t.buyText),
    h('p', {}, h('a', { class: 'cta', id: 'order-cta', href: buildHash('/order', { panel: p.id }) }, t.buyCta)),
    currentUser() ? null : h('p', { class: 'muted' }, t.buySignIn));
  const sizing = h('section', { id: 'sizing', class: 'card', 'aria-labelledby': 'sizing-title' },
    h('h2', { id: 'sizing-title' }, t.sizingTitle), h('p', {}, t.sizingText),
    h('p', {}, h('a', { class: 'cta secondary', id: 'sizing-cta', href: buildHash('/quote', { panel: p.id }) }, t.sizingCta)));
  mount(h('p', { class: 'crumbs' }, h('a', { href: '#/catalog' }, `← ${t.backToCatalog}`)),
    h('article', { class: 'product', id: 'product', dataset: { id: p.id } },
      h('div', { class: 'product-main' }, photo,
        h('div', { class: 'product-info' },
          h('p', { class: 'maker muted' }, p.manufacturer),
          h('h1', {}, panelTitle(p)),
          h('p', { class: 'price product-price' }, money(p.price), ' ', h('span', { class: 'muted price-note' }, t.priceEach)),
          ...description,
          h('div', { class: 'product-actions' }, sizing, buy))),
      h('section', { 'aria-labelledby': 'facts-title' }, h('h2', { id: 'facts-title' }, t.factsTitle), facts(p))));
}

const QUOTE_KEY = 'sd_quote';

/** The last quote, kept for the funnel (its installation fee for the quoted count) while the tab is open. */
function rememberQuote(q, monthlyKwh) {
  try {
    sessionStorage.setItem(QUOTE_KEY, JSON.stringify({ panelId: q.panel.id, panelCount: q.panelCount, installationFee: q.installationFee,
      monthlyKwh }));
  } catch { /* the funnel then says the fee comes with the order */ }
}

function rememberedQuote(panelId) {
  try {
    const q = JSON.parse(sessionStorage.getItem(QUOTE_KEY) || 'null');
    return q && q.panelId === panelId ? q : null;
  } catch {
    return null;
  }
}

export async function quote(params) {
  const t = shopText();
  const pt = placesText();
  const given = params || new URLSearchParams();
  const panelId = given.get('panel');
  let chosen = null;
  if (panelId) {
    try { chosen = await publicGet(`/api/v1/catalog/panels/${encodeURIComponent(panelId)}`); } catch { chosen = null; }
  }
  const out = h('div', { id: 'quote-result', 'aria-live': 'polite' });
  const address = addressBlock({ street: false, cityOptional: true, locate: true, legend: pt.quoteWhere,
    value: { postalCode: given.get('postalCode') || '', city: given.get('city') || '', country: given.get('country') || 'DE' } });
  const f = form([
    { name: 'monthlyKwh', label: t.monthlyKwh, type: 'number', value: given.get('kwh') || 300, min: 1, maxValue: 100000, step: 'any',
      hint: t.monthlyKwhHint, invalid: t.monthlyKwhInvalid, missing: t.monthlyKwhMissing, required: true, inputmode: 'decimal' },
  ], t.estimateButton, async (v) => {
    address.clearProblem();
    const a = address.values();
    let q;
    try {
      q = await publicPost('/api/v1/quotes', { monthlyKwh: v.monthlyKwh, panelId: chosen ? chosen.id : undefined,
        address: { postalCode: a.postalCode, city: a.city || null, country: a.country } });
    } catch (e) {
      if (address.showProblem(e)) return;
      throw e;
    }
    address.showUsed(q.place);
    rememberQuote(q, v.monthlyKwh);
    const countText = plural(q.panelCount, t.countPanels);
    const next = buildHash('/order', orderStateFromQuote(q, v.monthlyKwh, a));
    const line = (label, value, id) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', { class: 'num', id }, value));
    out.replaceChildren(h('section', { class: 'card quote-card', 'aria-labelledby': 'quote-result-title' },
      h('h2', { id: 'quote-result-title', tabindex: '-1' }, t.resultTitle),
      h('p', { class: 'quote-summary', id: 'quote-summary' }, t.resultText(countText, q.panel.name, number(q.systemKwp),
        number(q.annualProductionKwh))),
      q.place ? h('p', { class: 'quote-place muted' }, pt.placeUsed(q.place.label)) : null,
      h('table', { class: 'money-table quote-price', id: 'quote-price' }, h('caption', {}, t.resultPriceCaption),
        h('tbody', {}, line(t.resultPanels(number(q.panelCount), money(q.panel.unitPrice)), money(q.panelsTotal), 'quote-panels'),
          line(t.resultInstallation, money(q.installationFee), 'quote-fee')),
        h('tfoot', {}, h('tr', { class: 'total' }, h('th', { scope: 'row' }, t.resultTotal), h('td', { class: 'num', id: 'quote-total' }, money(q.price))))),
      h('details', { class: 'assumptions', id: 'quote-assumptions' }, h('summary', {}, t.howEstimated),
        h('p', {}, t.howEstimatedText),
        h('dl', { class: 'facts facts-narrow' },
          h('dt', {}, t.assumptionSun), h('dd', { id: 'assumption-sun' }, number(q.assumptions.peakSunHours, { maximumFractionDigits: 1 })),
          h('dt', {}, t.assumptionRatio), h('dd', { id: 'assumption-ratio' }, number(q.assumptions.performanceRatio, { style: 'percent' }))),
        h('p', { class: 'muted' }, t.assumptionNote)),
      h('p', {}, h('a', { class: 'cta', id: 'quote-continue', href: next }, t.continueWith(countText)))));
    out.querySelector('h2').focus({ preventScroll: false });
  });
  f.id = 'quote-form';
  f.querySelector(':scope > label').after(address.element);
  mount(h('h1', {}, t.quoteTitle), h('p', { class: 'lead' }, t.quoteLead),
    chosen ? h('p', { class: 'next-step', id: 'quote-panel' }, t.quoteFor(panelTitle(chosen)), ' ',
      h('a', { href: '#/quote' }, t.quoteAnyPanel)) : null,
    f, out);
}

/** The funnel's progress: an ordered list with the current step marked (aria-current="step"). */
function stepper(states) {
  const t = shopText();
  return states.map((s) => {
    const li = h('li', { class: s.done ? 'done' : '', 'aria-current': s.current ? 'step' : null, dataset: { step: s.step } },
      t.steps[s.step], s.done ? h('span', { class: 'visually-hidden' }, ` ${t.stepDone}`) : null);
    return li;
  });
}

function localInput(d) {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/**
 * The quote-to-order funnel: size → panels → address → date → review → pay, on one page so nothing typed is lost;
 * the stepper follows where the customer is. The count and the panel come from the hash (a quote's numbers);
 * "Place order and pay" places the order and opens the payment as the order page does.
 */
export async function orderFunnel(params) {
  const t = shopText();
  const pt = placesText();
  const m = moneyText();
  const s = orderState(params || new URLSearchParams());
  const explicitCount = !!(params && params.get('quantity'));
  const steps = h('ol', { class: 'stepper', id: 'order-steps', 'aria-label': t.stepsLabel });
  const sizeNote = s.kwh
    ? h('p', { class: 'next-step', id: 'from-quote' }, t.fromQuote(plural(s.quantity, t.countPanels), number(s.kwh)), ' ',
      h('a', { href: buildHash('/quote', { kwh: s.kwh, postalCode: s.postalCode, city: s.city, country: s.country, panel: s.panel }) }, t.changeQuote))
    : h('p', { class: 'muted', id: 'from-quote' }, `${t.noQuote} `, h('a', { href: buildHash('/quote', { panel: s.panel }) }, t.noQuoteLink));

  // The panels on offer (for choosing another one), and the chosen one.
  let offer = [];
  try {
    offer = (await publicGet('/api/v1/catalog/panels?size=50&sort=price')).items || [];
  } catch { offer = []; }
  let chosen = s.panel ? offer.find((p) => p.id === s.panel) : null;
  if (s.panel && !chosen) {
    try { chosen = await publicGet(`/api/v1/catalog/panels/${encodeURIComponent(s.panel)}`); } catch { chosen = null; }
  }
  const quoteFacts = chosen ? rememberedQuote(chosen.id) : null;

  const me = currentUser();
  const start = new Date(Date.now() + 14 * 86400000);
  start.setHours(8, 0, 0, 0);
  const fields = [
    { name: 'quantity', label: t.quantity, type: 'number', value: explicitCount || s.kwh ? s.quantity : null, min: 1, maxValue: 500, step: '1',
      hint: t.quantityHint, invalid: t.quantityInvalid, missing: t.quantityMissing, required: true, inputmode: 'numeric' },
  ];
  if (me) {
    fields.push(
      { name: 'preferredStart', label: t.windowFrom, type: 'datetime-local', value: localInput(start), required: true, invalid: t.windowInvalid, missing: t.windowMissing },
      { name: 'preferredEnd', label: t.windowTo, type: 'datetime-local', value: localInput(new Date(start.getTime() + 9 * 3600000)), required: true,
        invalid: t.windowInvalid, missing: t.windowMissing });
  }
  const address = me ? addressBlock({ street: true, legend: pt.orderWhere,
    value: { postalCode: s.postalCode || '', city: s.city || '', country: s.country || 'DE' } }) : null;

  // The position preview: where the address was found, as a pin the customer may drag (a map-pin correction).
  let pinned = null;
  let preview = null;
  let asked = 0;
  const pinStatus = h('p', { class: 'muted pin-status', 'aria-live': 'polite' }, pt.noPreview);
  const pinProblem = h('p', { class: 'error pin-problem', role: 'alert' });
  const mapSlot = h('div', { class: 'map-slot' });
  const check = h('section', { class: 'position-check', 'aria-labelledby': 'position-check-title' },
    h('h3', { id: 'position-check-title' }, pt.checkPosition), h('p', { class: 'muted' }, pt.checkPositionHint), mapSlot, pinStatus, pinProblem);
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
      pinStatus.textContent = pt.noPreview;
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
      preview = mapFigure({ label: pt.homeMap(label), caption: label, className: 'map-checkout', interactive: true });
      mapSlot.replaceChildren(preview.figure);
    } else {
      preview.canvas.setAttribute('aria-label', pt.homeMap(label));
      preview.figure.querySelector('figcaption').textContent = label;
    }
    const map = await preview.ready;
    if (mine !== asked) return;
    map.clear();
    map.home(place.latitude, place.longitude, { title: pt.homePin, onMove: (lat, lon) => {
      pinned = { latitude: lat, longitude: lon };
      pinProblem.textContent = '';
      pinStatus.textContent = pt.pinMoved;
    } });
    pinStatus.textContent = pt.pinFromAddress;
  };
  const relocate = () => { clearTimeout(timer); timer = setTimeout(locate, 600); };

  const f = form(fields, t.placeAndPay, async (v) => {
    if (!chosen) throw new Error(t.noPanelChosen);
    address.clearProblem();
    pinProblem.textContent = '';
    const a = address.values();
    let placed;
    try {
      placed = await api('POST', '/api/v1/orders', {
        items: [{ panelId: chosen.id, quantity: v.quantity }],
        installation: { addressLine: a.addressLine, city: a.city, postalCode: a.postalCode, country: a.country,
          latitude: pinned ? pinned.latitude : undefined, longitude: pinned ? pinned.longitude : undefined,
          preferredStart: v.preferredStart ? new Date(v.preferredStart).toISOString() : null,
          preferredEnd: v.preferredEnd ? new Date(v.preferredEnd).toISOString() : null },
      });
    } catch (e) {
      if (e.code === 'pin_too_far') {
        pinProblem.textContent = errorText('pin_too_far');
        return;
      }
      if (address.showProblem(e)) return;
      throw e;
    }
    // The order exists now: the payment starts as on the order page (one Idempotency-Key per order, so a repeated
    // click opens the same payment); if it cannot start, the order page offers to pay.
    try {
      const p = await api('POST', `/api/v1/orders/${encodeURIComponent(placed.id)}/payments`, undefined,
        { headers: { 'Idempotency-Key': `pay-${placed.id}` } });
      const target = safeCheckoutUrl(p.checkoutUrl, location.origin);
      if (!target) throw new Error('unsafe checkout url');
      location.href = target;
    } catch (e) {
      sessionStorage.setItem('sd_flash', `${t.paymentLater} ${e.status ? says(e) : ''}`.trim());
      location.hash = `#/orders/${placed.id}`;
    }
  });
  f.id = 'order-form';
  f.classList.add('funnel');
  const qty = f.inputs.quantity;
  const qtyLabel = qty.closest('label');

  // Panels: the chosen one with its price for the count, or a choice among the panels on offer.
  const priceFor = (p) => {
    const n = Number(qty.value);
    const e = Number.isInteger(n) && n > 0 ? estimate(p.price, n, null) : null;
    return e ? t.priceForCount(plural(n, t.countPanels), money(e.panels)) : '';
  };
  const chosenBox = h('div', { class: 'chosen-panel', id: 'chosen-panel' });
  const choices = h('fieldset', { class: 'panel-choices', id: 'panel-choices' }, h('legend', {}, t.choosePanel));
  const toggle = h('button', { type: 'button', class: 'secondary', id: 'change-panel', 'aria-expanded': 'false', 'aria-controls': 'panel-choices' }, t.changePanel);
  const renderChosen = () => {
    put(chosenBox, ...(chosen ? [
      panelPhoto(chosen) ? h('img', { src: panelPhoto(chosen), alt: '' }) : null,
      h('div', {}, h('p', { class: 'chosen-name' }, h('strong', {}, panelTitle(chosen))),
        h('p', { class: 'muted' }, `${t.wattsPeak(number(chosen.wattsPeak))} · ${money(chosen.price)} ${t.priceEach}`),
        h('p', { class: 'chosen-total', id: 'chosen-total' }, priceFor(chosen)))] : [h('p', { class: 'muted' }, t.noPanelChosen)]));
  };
  const renderChoices = () => {
    choices.replaceChildren(h('legend', {}, t.choosePanel), ...offer.filter((p) => p.stock > 0 || (chosen && p.id === chosen.id)).map((p) =>
      h('label', { class: 'check panel-choice' },
        h('input', { type: 'radio', name: 'panelId', value: p.id, checked: !!chosen && chosen.id === p.id, onchange: () => {
          chosen = p;
          renderChosen();
          update();
        } }),
        h('span', {}, h('strong', {}, panelTitle(p)), h('span', { class: 'muted choice-detail' },
          ` ${t.wattsPeak(number(p.wattsPeak))} · ${money(p.price)}`), h('span', { class: 'choice-total' }, ` · ${priceFor(p)}`)))));
  };
  const showChoices = (open) => {
    choices.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? t.keepPanel : t.changePanel;
  };
  toggle.addEventListener('click', () => showChoices(choices.hidden));
  renderChosen();
  renderChoices();
  showChoices(!chosen);
  // What the panels come to, as the quantity changes (exact, in cents); the binding sum follows with the order.
  const orderEstimate = h('p', { class: 'estimate', id: 'order-estimate', 'aria-live': 'polite' });
  const panelsSet = h('fieldset', { class: 'funnel-step', id: 'step-panels', dataset: { step: 'panels' } },
    h('legend', {}, t.panelsLegend), chosenBox, chosen ? toggle : null, choices, qtyLabel, orderEstimate);

  // Review: the estimate before the server prices the order, labelled as such.
  const review = h('section', { class: 'funnel-step review-step', id: 'step-review', dataset: { step: 'review' }, 'aria-labelledby': 'review-title' },
    h('h2', { id: 'review-title' }, t.reviewLegend));
  const renderReview = () => {
    const n = Number(qty.value);
    const e = chosen && Number.isInteger(n) && n > 0 ? estimate(chosen.price, n, quoteFacts) : null;
    const rows = [];
    if (e) {
      rows.push(h('tr', {}, h('th', { scope: 'row' }, t.reviewPanels(number(n), panelTitle(chosen), money(chosen.price))), h('td', { class: 'num', id: 'review-panels' }, money(e.panels))));
      rows.push(h('tr', {}, h('th', { scope: 'row' }, t.reviewFee), h('td', { class: 'num', id: 'review-fee' }, e.installationFee ? money(e.installationFee) : t.reviewFeeLater)));
    }
    const foot = e ? h('tr', { class: 'total' }, h('th', { scope: 'row' }, e.complete ? t.reviewTotal : t.reviewPanelsOnly),
      h('td', { class: 'num', id: 'review-total' }, money(e.complete ? e.total : e.panels))) : null;
    const a = address ? address.values() : {};
    const where = a.postalCode && a.city ? [a.addressLine, `${a.postalCode} ${a.city}`].filter(Boolean).join(', ') : t.reviewNotYet;
    const startValue = f.inputs.preferredStart ? f.inputs.preferredStart.value : '';
    const endValue = f.inputs.preferredEnd ? f.inputs.preferredEnd.value : '';
    const span = startValue && endValue ? `${when(new Date(startValue).toISOString())} – ${when(new Date(endValue).toISOString())}` : t.reviewNotYet;
    put(review, h('h2', { id: 'review-title' }, t.reviewLegend),
      e ? h('table', { class: 'money-table', id: 'review-summary' }, h('caption', {}, t.reviewCaption),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.reviewItem), h('th', { scope: 'col', class: 'num' }, t.reviewAmount))),
        h('tbody', {}, ...rows), h('tfoot', {}, foot)) : h('p', { class: 'muted' }, chosen ? t.quantityMissing : t.noPanelChosen),
      me ? h('dl', { class: 'facts facts-narrow review-facts' }, h('dt', {}, t.reviewWhere), h('dd', { id: 'review-where' }, where),
        h('dt', {}, t.reviewWhen), h('dd', { id: 'review-when' }, span)) : null,
      h('p', { class: 'muted', id: 'order-estimate-note' }, t.reviewNote));
  };

  let working = null;
  const update = () => {
    const n = Number(qty.value);
    const total = chosen && Number.isInteger(n) && n > 0 ? estimate(chosen.price, n, null) : null;
    orderEstimate.textContent = total ? m.estimate(n, money(chosen.price), money(total.panels)) : '';
    const chosenTotal = chosenBox.querySelector('#chosen-total');
    if (chosenTotal && chosen) chosenTotal.textContent = priceFor(chosen);
    choices.querySelectorAll('.panel-choice').forEach((label, i) => {
      const p = offer.filter((o) => o.stock > 0 || (chosen && o.id === chosen.id))[i];
      const slot = label.querySelector('.choice-total');
      if (p && slot) slot.textContent = ` · ${priceFor(p)}`;
    });
    renderReview();
    const a = address ? address.values() : {};
    const startValue = f.inputs.preferredStart ? f.inputs.preferredStart.value : '';
    const endValue = f.inputs.preferredEnd ? f.inputs.preferredEnd.value : '';
    const done = {
      size: !!s.kwh,
      panels: !!chosen && Number.isInteger(n) && n > 0,
      address: !!(a.addressLine && a.postalCode && a.city),
      date: !!(startValue && endValue && endValue > startValue),
    };
    done.review = done.panels && done.address && done.date && working === 'pay';
    steps.replaceChildren(...stepper(stepStates(done, working)));
  };
  qty.addEventListener('input', update);
  f.addEventListener('input', update);
  f.addEventListener('change', update);
  f.addEventListener('focusin', (e) => {
    const part = e.target.closest('[data-step]');
    const next = e.target.type === 'submit' ? 'review' : part ? part.dataset.step : working;
    if (next !== working) {
      working = next;
      update();
    }
  });

  const submit = f.querySelector('button[type=submit]');
  if (me) {
    for (const input of Object.values(address.inputs)) if (input) input.addEventListener('change', relocate);
    // Suggestions fill postal code and city without a change event: look the position up then too.
    address.element.addEventListener('click', (e) => { if (e.target.closest('.suggestion, .choose-suggestion, .use-location')) { relocate(); update(); } });
    address.element.addEventListener('mousedown', (e) => { if (e.target.closest('.suggestion')) relocate(); });
    address.element.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target.getAttribute('role') === 'combobox') relocate(); });
    const addressSet = h('div', { class: 'funnel-step', id: 'step-address', dataset: { step: 'address' } }, address.element, check);
    const dateSet = h('fieldset', { class: 'funnel-step', id: 'step-date', dataset: { step: 'date' } }, h('legend', {}, t.dateLegend),
      h('p', { class: 'muted hint' }, t.dateHint),
      h('div', { class: 'field-row window-row' }, f.inputs.preferredStart.closest('label'), f.inputs.preferredEnd.closest('label')));
    f.prepend(panelsSet, addressSet, dateSet, review);
    submit.classList.add('pay-button');
    if (s.postalCode && s.city) relocate();
  } else {
    // Signed out: the choice stays in the hash, sign-in (or registration) comes back here.
    const back = location.hash || buildHash('/order', s);
    const signIn = h('section', { class: 'funnel-step card', id: 'step-signin', dataset: { step: 'address' }, 'aria-labelledby': 'signin-title' },
      h('h2', { id: 'signin-title' }, t.signInTitle), h('p', {}, t.signInText),
      h('p', { class: 'hero-actions' }, h('a', { class: 'cta', id: 'funnel-login', href: buildHash('/login', { next: back }) }, commonText().signIn),
        h('a', { class: 'cta secondary', href: buildHash('/register', { next: back }) }, commonText().register)));
    f.prepend(panelsSet, review);
    submit.remove();
    f.append(signIn);
  }
  mount(h('h1', {}, t.funnelTitle), steps, sizeNote, f);
  update();
}

function countryName(code) {
  try {
    return new Intl.DisplayNames([locale()], { type: 'region' }).of(code) || code;
  } catch {
    return code;
  }
}

export async function installerProfile(id) {
  const t = shopText();
  let p;
  try {
    p = await publicGet(`/api/v1/public/installers/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e.status === 404 || e.status === 400) {
      mount(h('h1', {}, t.installerNotFoundTitle), h('p', {}, t.installerNotFoundText),
        h('p', {}, h('a', { href: '#/' }, commonText().backHome)));
      return;
    }
    throw e;
  }
  const area = p.area || {};
  const place = [[area.postalCode, area.city].filter(Boolean).join(' '), area.country ? countryName(area.country) : null].filter(Boolean).join(', ');
  const rating = p.rating || { average: 0, count: 0 };
  const reviews = p.reviews || [];
  mount(h('article', { class: 'installer-profile', id: 'installer-profile' },
    h('h1', {}, t.installerTitle(p.company)),
    p.verifiedSince ? h('p', { class: 'badge good verified' }, t.verifiedSince(day(p.verifiedSince))) : null,
    area.radiusKm && place ? h('p', { id: 'installer-area' }, t.installerArea(number(area.radiusKm), place)) : null,
    rating.count > 0 ? h('p', { class: 'rating-summary', id: 'installer-rating' }, stars(rating.average), ' ',
      t.reviewsAverage(number(rating.average, { maximumFractionDigits: 1 }), plural(rating.count, t.reviewCount))) : null,
    h('section', { 'aria-labelledby': 'installer-reviews-title' }, h('h2', { id: 'installer-reviews-title' }, t.installerReviews),
      reviews.length ? h('div', { class: 'grid reviews', id: 'installer-reviews' }, ...reviews.map((r) => reviewCard(r, { withInstaller: false })))
        : h('p', { class: 'muted' }, t.installerNoReviews))));
}

async function legal() {
  return publicGet('/api/v1/public/legal');
}

export async function imprint() {
  const t = shopText();
  let l;
  try { l = await legal(); } catch {
    mount(h('h1', {}, t.imprintTitle), h('p', { class: 'error' }, t.legalMissing));
    return;
  }
  const i = l.imprint || {};
  const rows = [[t.imprintCompany, i.company], [t.imprintAddress, i.address], [t.imprintRepresentative, i.representative],
    [t.imprintEmail, i.email ? h('a', { href: `mailto:${i.email}` }, i.email) : null], [t.imprintPhone, i.phone ? h('a', { href: `tel:${String(i.phone).replace(/[^\d+]/g, '')}` }, i.phone) : null],
    [t.imprintRegister, i.register], [t.imprintVatId, i.vatId]].filter(([, v]) => v);
  mount(h('h1', {}, t.imprintTitle), h('dl', { class: 'facts facts-narrow', id: 'imprint' },
    ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', { class: 'pre-line' }, v)])));
}

export async function privacy() {
  const t = shopText();
  let l;
  try { l = await legal(); } catch {
    mount(h('h1', {}, t.privacyTitle), h('p', { class: 'error' }, t.legalMissing));
    return;
  }
  const text = (l.privacy && (l.privacy[lang()] || l.privacy.en)) || '';
  const parts = paragraphs(text);
  mount(h('h1', {}, t.privacyTitle), h('div', { class: 'legal-text', id: 'privacy' },
    ...(parts.length ? parts.map((p) => h('p', {}, p)) : [h('p', { class: 'muted' }, t.legalMissing)])));
}

