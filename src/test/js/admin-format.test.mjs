// The administration's presentation rules (Node's built-in test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { label, shortRef, isId, detailEntries, localToInstant, looksLikeIp } from '../../main/resources/static/js/admin-format.js';

test('enums show the catalog label, or readable words when the catalog has none', () => {
  assert.equal(label({ LOGIN_FAILED: 'Sign-in failed' }, 'LOGIN_FAILED'), 'Sign-in failed');
  assert.equal(label({}, 'REFUND_ISSUED'), 'Refund issued');
  assert.equal(label(undefined, 'NEW_THING'), 'New thing');
  assert.equal(label({}, null), '');
  assert.equal(label({}, ''), '');
});

test('ids become short references, other text stays', () => {
  assert.equal(shortRef('3f2a9c1e-0b7d-4e8f-9a6b-5c4d3e2f1a0b'), '3F2A9C1E');
  assert.equal(shortRef('203.0.113.0/24'), '203.0.113.0/24');
  assert.equal(shortRef(null), '');
  assert.ok(isId('3f2a9c1e-0b7d-4e8f-9a6b-5c4d3e2f1a0b'));
  assert.ok(!isId('many address ranges'));
});

test('audit details become key and value pairs, never JSON', () => {
  assert.deepEqual(detailEntries('{"method":"GET","path":"/api/v1/admin/users","reason":"mfa_setup_required"}'),
    [['method', 'GET'], ['path', '/api/v1/admin/users'], ['reason', 'mfa_setup_required']]);
  assert.deepEqual(detailEntries({ refund: { amount: '10.00', currency: 'EUR' }, ids: ['a', 'b'] }),
    [['refund.amount', '10.00'], ['refund.currency', 'EUR'], ['ids', 'a, b']]);
  assert.deepEqual(detailEntries('not json'), [['', 'not json']]);
  assert.deepEqual(detailEntries('{}'), []);
  assert.deepEqual(detailEntries(null), []);
  assert.deepEqual(detailEntries('{"by":null,"to":"ADMIN"}'), [['to', 'ADMIN']]);
});

test('a local date-time becomes an instant; nothing stays nothing', () => {
  assert.match(localToInstant('2026-12-02T10:30'), /^2026-12-0[12]T\d\d:30:00\.000Z$/);
  assert.equal(localToInstant(''), null);
  assert.equal(localToInstant('no date'), null);
});

test('addresses are recognised before the server is asked', () => {
  assert.ok(looksLikeIp('203.0.113.7'));
  assert.ok(looksLikeIp('2001:db8::1'));
  assert.ok(!looksLikeIp('300.1.1.1'));
  assert.ok(!looksLikeIp('example.com'));
});
