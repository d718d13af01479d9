// Every error code the server can answer has a sentence for people in English and German (Node's test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERRORS, STATUS, errorText, problemText } from '../../main/resources/static/js/messages/errors.js';

const JAVA = fileURLToPath(new URL('../../main/java/', import.meta.url));

function javaFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? javaFiles(path) : path.endsWith('.java') ? [path] : [];
  });
}

/** The codes the server declares: literal codes of ApiException factories and constants named like codes. */
function serverCodes() {
  const codes = new Set();
  const constants = new Map();
  const sources = javaFiles(JAVA).map((f) => readFileSync(f, 'utf8'));
  for (const src of sources) {
    for (const m of src.matchAll(/static final String ([A-Z_]+) = "([a-z]+(?:_[a-z]+)+)"/g)) constants.set(m[1], m[2]);
  }
  for (const src of sources) {
    for (const m of src.matchAll(/ApiException\.(?:badRequest|conflict|forbidden|unauthorized)\(\s*"([a-z_]+)"/g)) codes.add(m[1]);
    for (const m of src.matchAll(/ApiException\.(?:badRequest|conflict|forbidden|unauthorized)\(\s*(?:[A-Za-z]+\.)?([A-Z_]+)\b/g)) {
      if (constants.has(m[1])) codes.add(constants.get(m[1]));
    }
    for (const m of src.matchAll(/new ApiException\([^,]+,\s*"([a-z_]+)"/g)) codes.add(m[1]);
  }
  for (const m of readFileSync(join(JAVA, 'com/sundispatch/shared/ErrorCodes.java'), 'utf8').matchAll(/= "([a-z_]+)"/g)) codes.add(m[1]);
  return [...codes].sort();
}

test('the server declares many codes (the scan works)', () => {
  assert.ok(serverCodes().length > 60, `only ${serverCodes().length} codes found`);
});

test('every code the server declares has an English and a German sentence', () => {
  const missing = serverCodes().filter((c) => !ERRORS.en[c] || !ERRORS.de[c]);
  assert.deepEqual(missing, []);
});

test('an unknown code falls back to its status, then to a general sentence, never the server words', () => {
  assert.equal(problemText('no_such_code', 404, 'en'), STATUS.en[404]);
  assert.equal(problemText('no_such_code', 503, 'de'), STATUS.de[500]);
  assert.equal(problemText(undefined, 0, 'en'), ERRORS.en.generic);
  assert.equal(errorText('offer_taken', 'de'), ERRORS.de.offer_taken);
  assert.equal(errorText('__proto__', 'en'), null);
});
