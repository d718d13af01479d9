// Hash routes with their state in the query (Node's built-in test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHash, buildHash, matchRoute } from '../../main/resources/static/js/router.js';

test('a hash splits into path and query', () => {
  const { path, params } = parseHash('#/catalog?q=mono&sort=-price&page=2');
  assert.equal(path, '/catalog');
  assert.equal(params.get('q'), 'mono');
  assert.equal(params.get('sort'), '-price');
  assert.equal(params.get('page'), '2');
  assert.equal(parseHash('').path, '/');
  assert.equal(parseHash('#/').path, '/');
  assert.equal(parseHash('#').path, '/');
});

test('a built hash leaves out empty values and keeps a stable order', () => {
  assert.equal(buildHash('/catalog', { sort: 'price', q: 'mono', page: 0, maxPrice: '' }), '#/catalog?page=0&q=mono&sort=price');
  assert.equal(buildHash('/catalog', {}), '#/catalog');
  assert.equal(buildHash('/catalog', { q: 'a&b=c' }), '#/catalog?q=a%26b%3Dc');
});

test('a built hash parses back to the same state', () => {
  const state = { q: 'Süd Solar', sort: '-watts', page: '3' };
  const { params } = parseHash(buildHash('/catalog', state));
  assert.deepEqual(Object.fromEntries(params), state);
});

test('the first matching route wins and its groups become arguments', () => {
  const routes = [{ pattern: /^\/orders$/, view: 'list' }, { pattern: /^\/orders\/([\w-]+)$/, view: 'one' }];
  assert.equal(matchRoute(routes, '/orders').route.view, 'list');
  const m = matchRoute(routes, '/orders/ab-12');
  assert.equal(m.route.view, 'one');
  assert.deepEqual(m.args, ['ab-12']);
  assert.equal(matchRoute(routes, '/nothing'), null);
});
