// The shop's rules without the DOM (Node's test runner checks them in src/test/js/shop-state.test.mjs): the
// catalog's search state in the hash, page counting, star ratings as numbers, what a quote carries into the order
// funnel, and how far the funnel is.

/** Sort options of the catalog, in the order of the select; the first is the default. */
export const SORTS = ['name', '-name', 'price', '-price', '-watts', '-efficiency'];
export const PAGE_SIZE = 12;

function whole(value, min = 0) {
  const n = Number(value);
  return value !== null && value !== undefined && value !== '' && Number.isFinite(n) && n >= min ? n : null;
}

/**
 * The catalog's state from the hash's query (URLSearchParams or a plain object): unknown or broken values fall
 * back to the defaults, so a hand-edited link still shows a page. {@code page} counts from 1 as people do.
 */
export function catalogState(params) {
  const get = (k) => (params && typeof params.get === 'function' ? params.get(k) : params && params[k]);
  const q = String(get('q') || '').trim().slice(0, 100);
  const minWatts = whole(get('minWatts'));
  const maxPrice = whole(get('maxPrice'));
  const sort = SORTS.includes(get('sort')) ? get('sort') : SORTS[0];
  const page = Math.max(1, Math.floor(whole(get('page'), 1) || 1));
  return { q, minWatts, maxPrice, sort, page };
}

/** The hash state of a catalog view: defaults left out, so "#/catalog" is the plain first page. */
export function catalogHashState(state) {
  return {
    q: state.q || null,
    minWatts: state.minWatts ?? null,
    maxPrice: state.maxPrice ?? null,
    sort: state.sort && state.sort !== SORTS[0] ? state.sort : null,
    page: state.page && state.page > 1 ? state.page : null,
  };
}

/** The catalog API's query for a state (the server counts pages from 0). */
export function catalogApiQuery(state, size = PAGE_SIZE) {
  const q = new URLSearchParams({ page: String(Math.max(0, (state.page || 1) - 1)), size: String(size), sort: state.sort || SORTS[0] });
  if (state.q) q.set('q', state.q);
  if (state.minWatts !== null && state.minWatts !== undefined) q.set('minWatts', String(state.minWatts));
  if (state.maxPrice !== null && state.maxPrice !== undefined) q.set('maxPrice', String(state.maxPrice));
  return q.toString();
}

export function pageCount(totalItems, size = PAGE_SIZE) {
  return Math.max(1, Math.ceil((Number(totalItems) || 0) / size));
}

/**
 * A rating (average 0..5) as glyph counts: full, half and empty stars adding up to five, and the value rounded to
 * one decimal for the text alternative ("4.5 out of 5 stars"). Averages are rounded to the nearest half star.
 */
export function starParts(average) {
  const value = Math.min(5, Math.max(0, Number(average) || 0));
  const halves = Math.round(value * 2);
  const full = Math.floor(halves / 2);
  const half = halves % 2;
  return { full, half, empty: 5 - full - half, value: Math.round(value * 10) / 10 };
}

/**
 * What a quote carries into the order funnel's hash: the panel, the suggested count, the monthly use and the
 * place. The count is the quote's own, never a default.
 */
export function orderStateFromQuote(quote, monthlyKwh, address = {}) {
  return {
    panel: quote.panel && quote.panel.id,
    quantity: quote.panelCount,
    kwh: monthlyKwh,
    postalCode: address.postalCode || null,
    city: address.city || null,
    country: address.country || null,
  };
}

/** The funnel's state from its hash: a whole quantity between 1 and 500 (else 1), the rest as given. */
export function orderState(params) {
  const get = (k) => (params && typeof params.get === 'function' ? params.get(k) : params && params[k]);
  const n = Math.floor(Number(get('quantity')));
  return {
    panel: get('panel') || null,
    quantity: Number.isFinite(n) && n >= 1 && n <= 500 ? n : 1,
    kwh: whole(get('kwh'), 1),
    postalCode: get('postalCode') || null,
    city: get('city') || null,
    country: get('country') || null,
  };
}

/** The funnel's steps in order. */
export const STEPS = ['size', 'panels', 'address', 'date', 'review', 'pay'];

/**
 * Which steps are done and which is current: {@code done} names the parts already complete (e.g. {size: true,
 * panels: true}), the current step is the first one not done (or the one the person is working on, if given).
 */
export function stepStates(done, working) {
  const current = working && STEPS.includes(working) ? working : STEPS.find((s) => !done[s]) || 'pay';
  return STEPS.map((s) => ({ step: s, done: !!done[s] && s !== current, current: s === current }));
}

/**
 * The review's estimate from what is known before the server prices the order: the panels exactly (in cents),
 * and the installation fee only when the quote priced the same number of panels. {@code complete} says whether
 * the sum is the whole amount.
 */
export function estimate(unitPrice, quantity, quote) {
  const panels = timesCents(unitPrice && unitPrice.amount, quantity);
  if (panels === null) return null;
  const currency = (unitPrice && unitPrice.currency) || 'EUR';
  const fee = quote && quote.panelCount === quantity && quote.installationFee ? quote.installationFee : null;
  const feeCents = fee ? cents(fee.amount) : null;
  return {
    panels: { amount: fromCents(panels), currency },
    installationFee: fee,
    total: feeCents === null ? null : { amount: fromCents(panels + feeCents), currency },
    complete: feeCents !== null,
  };
}

function cents(amount) {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(amount ?? ''));
  return m ? BigInt(m[1]) * 100n + BigInt((m[2] || '0').padEnd(2, '0')) : null;
}

function timesCents(amount, quantity) {
  const c = cents(amount);
  return c === null || !Number.isInteger(quantity) || quantity < 1 ? null : c * BigInt(quantity);
}

function fromCents(c) {
  return `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
}

/** A legal text as paragraphs: split on blank lines, each trimmed, empty ones dropped. */
export function paragraphs(text) {
  return String(text || '').split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean);
}

/** A place to return to after signing in: only the client's own hash routes, never another site. */
export function safeNext(next) {
  const n = String(next || '');
  return /^#\/[\w/?=&%.,+-]*$/.test(n) && !n.startsWith('#/login') ? n : null;
}

const COMMON_PARTS = ['password', 'passwort', 'qwert', 'qwertz', 'asdf', '1234', 'abcd', 'letmein', 'welcome', 'willkommen',
  'admin', 'iloveyou', 'sommer', 'summer', 'winter', 'hallo', 'hello', 'monkey', 'dragon', 'sunshine', 'solar'];

/**
 * Guidance for a new password, never a verdict: the rules the server checks first (length, a letter, a digit or
 * symbol, not the email or name) as {@code missing}, and a rough level from length and variety. The server also
 * refuses guessable and breached passwords (weak_password), which no level here can promise.
 */
export function passwordStrength(password, { email = '', fullName = '' } = {}) {
  const v = String(password || '');
  if (!v) return { level: 'empty', missing: [] };
  const missing = [];
  if ([...v].length < 12) missing.push('needLength');
  if (!/\p{L}/u.test(v)) missing.push('needLetter');
  if (!/[^\p{L}]/u.test(v)) missing.push('needOther');
  const lower = v.toLowerCase();
  const local = String(email).split('@')[0].toLowerCase();
  if (local.length >= 3 && lower.includes(local)) missing.push('notEmail');
  if (String(fullName).toLowerCase().split(/[\s'.-]+/).some((part) => part.length >= 3 && lower.includes(part))) missing.push('notName');
  if (missing.includes('needLength')) return { level: 'short', missing };
  if (missing.length) return { level: 'weak', missing };
  // The most guessed parts of passwords: a password built on one is weak whatever its length.
  if (COMMON_PARTS.some((part) => lower.includes(part))) return { level: 'weak', missing };
  const variety = new Set(v).size;
  const level = [...v].length >= 16 && variety >= 10 ? 'strong' : variety >= 8 ? 'fair' : 'weak';
  return { level, missing };
}
