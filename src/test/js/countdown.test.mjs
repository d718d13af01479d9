// The offer countdown: time left, its text, and the few moments that are announced (Node's built-in test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { remaining, countdownState, crossed, minutesOf, THRESHOLDS } from '../../main/resources/static/js/countdown.js';

const AT = Date.parse('2026-12-02T10:00:00Z');

test('time left is counted to the expiry and never negative', () => {
  assert.equal(remaining('2026-12-02T10:09:05Z', AT), 545000);
  assert.equal(remaining('2026-12-02T09:59:00Z', AT), 0);
  assert.equal(remaining('not a date', AT), 0);
});

test('the countdown reads as minutes and seconds and says when it expired', () => {
  assert.deepEqual(countdownState('2026-12-02T10:09:05Z', AT), { ms: 545000, text: '9:05', expired: false });
  assert.deepEqual(countdownState('2026-12-02T10:00:00Z', AT), { ms: 0, text: '0:00', expired: true });
  assert.equal(countdownState('2026-12-02T11:01:02Z', AT).text, '1:01:02');
});

test('one second later the countdown shows one second less', () => {
  const first = countdownState('2026-12-02T10:05:00Z', AT);
  const second = countdownState('2026-12-02T10:05:00Z', AT + 1000);
  assert.equal(first.text, '5:00');
  assert.equal(second.text, '4:59');
});

test('only the thresholds are announced, not every second', () => {
  assert.equal(crossed(62000, 61000), null);
  assert.equal(crossed(61000, 60000), 60000);
  assert.equal(crossed(60000, 59000), null);
  assert.equal(crossed(300500, 299500), 300000);
  assert.equal(crossed(1000, 0), 'expired');
  assert.equal(crossed(0, 0), null);
});

test('the first reading is not announced, even under a threshold', () => {
  assert.equal(crossed(null, 30000), null);
  assert.equal(crossed(undefined, 0), null);
});

test('a tab that slept over several thresholds announces the most urgent one', () => {
  assert.equal(crossed(400000, 30000), 60000);
  assert.equal(crossed(400000, 0), 'expired');
});

test('thresholds are whole minutes, the longest first', () => {
  assert.deepEqual(THRESHOLDS.map(minutesOf), [5, 1]);
});
