// The language rule, plurals and the message catalogs of the web client (Node's built-in test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { pickLanguage, plural, fill, pick, locale } from '../../main/resources/static/js/i18n.js';
import * as texts from '../../main/resources/static/js/texts.js';

const STATIC = new URL('../../main/resources/static/js/', import.meta.url);

test('the remembered choice wins over the profile and the browser', () => {
  assert.equal(pickLanguage({ chosen: 'de', profile: 'en', browser: 'en-US' }), 'de');
  assert.equal(pickLanguage({ chosen: null, profile: 'de', browser: 'en-US' }), 'de');
  assert.equal(pickLanguage({ chosen: null, profile: null, browser: 'de-AT' }), 'de');
  assert.equal(pickLanguage({ browser: 'fr-FR' }), 'en');
  assert.equal(pickLanguage({ chosen: 'xx', profile: 'DE' }), 'de');
  assert.equal(pickLanguage(), 'en');
});

test('the locale for Intl follows the language', () => {
  assert.equal(locale('de'), 'de-DE');
  assert.equal(locale('en'), 'en-GB');
});

test('plurals follow each language and format the number', () => {
  const forms = { en: { one: '{n} panel', other: '{n} panels' }, de: { one: '{n} Modul', other: '{n} Module' } };
  assert.equal(plural(1, forms.en, 'en'), '1 panel');
  assert.equal(plural(0, forms.en, 'en'), '0 panels');
  assert.equal(plural(1200, forms.en, 'en'), '1,200 panels');
  assert.equal(plural(1, forms.de, 'de'), '1 Modul');
  assert.equal(plural(1200, forms.de, 'de'), '1.200 Module');
});

test('placeholders are filled and a missing value stays visible', () => {
  assert.equal(fill('{a} of {b}', { a: 1, b: 2 }), '1 of 2');
  assert.equal(fill('{a} of {b}', { a: 1 }), '1 of {b}');
});

test('pick gives the current language half of a catalog', () => {
  assert.equal(pick({ en: { x: 'a' }, de: { x: 'b' } }, 'de').x, 'b');
  assert.equal(pick({ en: { x: 'a' }, de: { x: 'b' } }, 'fr').x, 'a');
});

/** Every key path of a catalog half, with functions marked by their number of parameters. */
function shape(value, path = '') {
  if (typeof value === 'function') return [`${path}()${value.length}`];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.keys(value).sort().flatMap((k) => shape(value[k], path ? `${path}.${k}` : k));
  }
  return [path];
}

/** Every fixed message (the strings; functions build theirs from data) of a catalog half. */
function strings(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

async function catalogs() {
  const found = [];
  for (const [name, value] of Object.entries(texts)) {
    if (value && typeof value === 'object' && value.en && value.de) found.push([`texts.${name}`, value]);
  }
  for (const file of readdirSync(new URL('messages/', STATIC)).filter((f) => f.endsWith('.js'))) {
    const mod = await import(new URL(`messages/${file}`, STATIC));
    for (const [name, value] of Object.entries(mod)) {
      if (value && typeof value === 'object' && value.en && value.de) found.push([`${file}:${name}`, value]);
    }
  }
  return found;
}

test('every catalog has the same messages in English and German', async () => {
  const all = await catalogs();
  assert.ok(all.length >= 6, `found only ${all.length} catalogs`);
  for (const [name, catalog] of all) {
    assert.deepEqual(shape(catalog.de), shape(catalog.en), `${name}: English and German differ`);
  }
});

test('no message is empty or carries a developer artefact', async () => {
  for (const [name, catalog] of await catalogs()) {
    for (const language of ['en', 'de']) {
      for (const s of strings(catalog[language])) {
        assert.ok(s.trim().length > 0 || s === ' ', `${name}.${language}: an empty message`);
        assert.doesNotMatch(s, /\b(undefined|null|NaN)\b|\[object Object\]/, `${name}.${language}: "${s}"`);
      }
    }
  }
});
