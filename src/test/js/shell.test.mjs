// The service worker caches exactly the application shell: every module of the client, and nothing that is gone
// (one missing file makes the whole offline cache fail to install).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const STATIC = fileURLToPath(new URL('../../main/resources/static/', import.meta.url));
const sw = readFileSync(join(STATIC, 'sw.js'), 'utf8');
const files = [...sw.match(/const FILES = \[([\s\S]*?)\];/)[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);

function modules(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? modules(path) : path.endsWith('.js') ? [`/${relative(STATIC, path)}`] : [];
  });
}

test('every client module is in the offline shell', () => {
  const missing = modules(join(STATIC, 'js')).filter((m) => !files.includes(m));
  assert.deepEqual(missing, []);
});

test('every file of the offline shell exists', () => {
  const gone = files.filter((f) => !f.startsWith('/webjars/') && f !== '/')
    .filter((f) => !existsSync(join(STATIC, f)));
  assert.deepEqual(gone, []);
});

test('the service worker never caches the API', () => {
  assert.match(sw, /url\.pathname\.startsWith\('\/api\/'\)/);
  assert.ok(!files.some((f) => f.startsWith('/api/')));
});
