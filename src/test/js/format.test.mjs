// Money, numbers, dates and countdowns through Intl (Node's built-in test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMoney, formatNumber, formatDay, formatWhen, formatCountdown, formatAgo } from '../../main/resources/static/js/format.js';

const nbsp = (s) => s.replace(/[\u00a0\u202f]/g, ' ');

test('money is formatted for each language, exactly from the decimal string', () => {
  assert.equal(formatMoney({ amount: '1234.50', currency: 'EUR' }, 'en-GB'), '€1,234.50');
  assert.equal(nbsp(formatMoney({ amount: '1234.50', currency: 'EUR' }, 'de-DE')), '1.234,50 €');
  assert.equal(formatMoney({ amount: '199.00', currency: 'EUR' }, 'en-GB'), '€199.00');
  assert.equal(nbsp(formatMoney({ amount: '0.1', currency: 'CHF' }, 'de-DE')), '0,10 CHF');
});

test('missing money is an empty string, never "undefined" or "NaN"', () => {
  assert.equal(formatMoney(null, 'en-GB'), '');
  assert.equal(formatMoney({ currency: 'EUR' }, 'en-GB'), '');
  assert.equal(formatNumber(undefined, 'en-GB'), '');
  assert.equal(formatNumber('abc', 'en-GB'), '');
});

test('numbers follow the locale', () => {
  assert.equal(formatNumber(1234.5, 'en-GB'), '1,234.5');
  assert.equal(formatNumber(1234.5, 'de-DE'), '1.234,5');
});

test('dates are day-month-year, and times have no seconds', () => {
  assert.equal(formatDay('2026-12-02', 'en-GB'), '2 Dec 2026');
  assert.equal(formatDay('2026-12-02T23:00:00Z', 'de-DE'), '02.12.2026');
  assert.equal(formatDay('', 'en-GB'), '');
  assert.equal(formatDay('not a date', 'en-GB'), '');
  const when = formatWhen('2026-12-02T14:05:09Z', 'en-GB', 'UTC');
  assert.equal(when, '2 Dec 2026, 14:05');
  assert.equal(formatWhen('2026-12-02T14:05:09Z', 'de-DE', 'Europe/Berlin'), '02.12.2026, 15:05');
  assert.equal(formatWhen(null, 'en-GB'), '');
});

test('a countdown shows minutes and seconds and never goes below zero', () => {
  assert.equal(formatCountdown(600_000), '10:00');
  assert.equal(formatCountdown(65_000), '1:05');
  assert.equal(formatCountdown(999), '0:01');
  assert.equal(formatCountdown(-5000), '0:00');
  assert.equal(formatCountdown(3_723_000), '1:02:03');
});

test('relative times read naturally in both languages', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');
  assert.equal(formatAgo('2026-12-02T11:55:00Z', 'en-GB', now), '5 minutes ago');
  assert.equal(formatAgo('2026-12-02T11:55:00Z', 'de-DE', now), 'vor 5 Minuten');
  assert.equal(formatAgo('2026-12-01T12:00:00Z', 'en-GB', now), 'yesterday');
});
