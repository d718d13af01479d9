// The shop's pure rules: catalog state <-> hash, star ratings, the quote's numbers carried into the order funnel,
// the funnel's steps, the review's estimate, password guidance (Node's built-in test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SORTS, catalogState, catalogHashState, catalogApiQuery, pageCount, starParts, orderStateFromQuote, orderState,
  stepStates, estimate, paragraphs, safeNext, passwordStrength } from '../../main/resources/static/js/shop-state.js';
import { buildHash, parseHash } from '../../main/resources/static/js/router.js';

test('a catalog state goes into the hash and comes back the same', () => {
  const state = { q: 'mono', minWatts: 400, maxPrice: 150.5, sort: '-price', page: 2 };
  const hash = buildHash('/catalog', catalogHashState(state));
  assert.equal(hash, '#/catalog?maxPrice=150.5&minWatts=400&page=2&q=mono&sort=-price');
  assert.deepEqual(catalogState(parseHash(hash).params), state);
});

test('the default catalog state is the plain catalog link', () => {
  assert.equal(buildHash('/catalog', catalogHashState(catalogState(new URLSearchParams()))), '#/catalog');
  assert.equal(buildHash('/catalog', catalogHashState({ q: '', minWatts: null, maxPrice: null, sort: 'name', page: 1 })), '#/catalog');
});

test('broken or unknown values in a hand-edited link fall back to the defaults', () => {
  const s = catalogState(new URLSearchParams('sort=colour&page=-3&minWatts=abc&maxPrice=-1'));
  assert.deepEqual(s, { q: '', minWatts: null, maxPrice: null, sort: 'name', page: 1 });
  assert.equal(catalogState(new URLSearchParams('page=2.7')).page, 2);
});

test('the server is asked for name order explicitly and counts pages from 0', () => {
  assert.equal(catalogApiQuery({ page: 1, sort: 'name' }), 'page=0&size=12&sort=name');
  assert.equal(catalogApiQuery({ page: 3, sort: '-watts', q: 'a b', minWatts: 0 }), 'page=2&size=12&sort=-watts&q=a+b&minWatts=0');
  assert.deepEqual(SORTS, ['name', '-name', 'price', '-price', '-watts', '-efficiency']);
});

test('pages are counted up, and an empty result is one page', () => {
  assert.equal(pageCount(14, 12), 2);
  assert.equal(pageCount(12, 12), 1);
  assert.equal(pageCount(0, 12), 1);
});

test('ratings become five glyphs, rounded to half stars, with the value for the text', () => {
  assert.deepEqual(starParts(4.5), { full: 4, half: 1, empty: 0, value: 4.5 });
  assert.deepEqual(starParts(4.2), { full: 4, half: 0, empty: 1, value: 4.2 });
  assert.deepEqual(starParts(3.8), { full: 4, half: 0, empty: 1, value: 3.8 });
  assert.deepEqual(starParts(null), { full: 0, half: 0, empty: 5, value: 0 });
  assert.deepEqual(starParts(7), { full: 5, half: 0, empty: 0, value: 5 });
});

test("a quote for 7 panels leads to an order for 7 of the quoted panel, never a default", () => {
  const q = { panelCount: 7, panel: { id: 'p-1' }, installationFee: { amount: '950.00', currency: 'EUR' } };
  const carried = orderStateFromQuote(q, 250, { postalCode: '10117', city: '', country: 'DE' });
  assert.deepEqual(carried, { panel: 'p-1', quantity: 7, kwh: 250, postalCode: '10117', city: null, country: 'DE' });
  const back = orderState(parseHash(buildHash('/order', carried)).params);
  assert.equal(back.quantity, 7);
  assert.equal(back.panel, 'p-1');
  assert.equal(back.kwh, 250);
  assert.equal(orderState(new URLSearchParams('quantity=9999')).quantity, 1);
});

test('the funnel marks done steps and the current one', () => {
  const states = stepStates({ size: true, panels: true });
  assert.deepEqual(states.map((s) => [s.step, s.done, s.current]), [
    ['size', true, false], ['panels', true, false], ['address', false, true], ['date', false, false],
    ['review', false, false], ['pay', false, false]]);
  assert.equal(stepStates({ size: true, panels: true }, 'panels').find((s) => s.current).step, 'panels');
});

test('the review adds the installation only when the quote priced the same count', () => {
  const quote = { panelCount: 7, installationFee: { amount: '950.00', currency: 'EUR' } };
  const e = estimate({ amount: '150.10', currency: 'EUR' }, 7, quote);
  assert.deepEqual(e.panels, { amount: '1050.70', currency: 'EUR' });
  assert.deepEqual(e.total, { amount: '2000.70', currency: 'EUR' });
  assert.equal(e.complete, true);
  const other = estimate({ amount: '150.10', currency: 'EUR' }, 8, quote);
  assert.equal(other.installationFee, null);
  assert.equal(other.total, null);
  assert.equal(other.complete, false);
  assert.equal(estimate({ amount: '150.10', currency: 'EUR' }, 0, quote), null);
});

test('legal texts split into paragraphs on blank lines', () => {
  assert.deepEqual(paragraphs('One\nstill one\n\n  Two  \r\n\r\nThree\n\n\n'), ['One\nstill one', 'Two', 'Three']);
  assert.deepEqual(paragraphs(null), []);
});

test('after signing in only the client’s own pages are a place to return to', () => {
  assert.equal(safeNext('#/order?panel=p-1&quantity=7'), '#/order?panel=p-1&quantity=7');
  assert.equal(safeNext('https://evil.example/'), null);
  assert.equal(safeNext('#/login?next=x'), null);
  assert.equal(safeNext('javascript:alert(1)'), null);
  assert.equal(safeNext(null), null);
});

test('password guidance names what is missing and never promises acceptance', () => {
  assert.deepEqual(passwordStrength('short'), { level: 'short', missing: ['needLength', 'needOther'] });
  assert.equal(passwordStrength('').level, 'empty');
  assert.deepEqual(passwordStrength('grace-hopper-2026', { fullName: 'Grace Hopper' }).missing, ['notName']);
  assert.equal(passwordStrength('Password1234').level, 'weak');
  assert.equal(passwordStrength('Tulpen;Regen7x').level, 'fair');
  assert.equal(passwordStrength('correct horse battery staple 42').level, 'strong');
  for (const p of ['Password1234', 'correct horse battery staple 42']) {
    assert.ok(['weak', 'fair', 'strong'].includes(passwordStrength(p).level));
  }
});
