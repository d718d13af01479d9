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

/** The names a module exports: declarations, `export { a, b as c }` and `export * from` (followed). */
function exportsOf(path, seen = new Set()) {
  if (seen.has(path)) return new Set();
  seen.add(path);
  const src = readFileSync(path, 'utf8');
  const names = new Set();
  for (const m of src.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of src.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop().trim();
      if (name) names.add(name);
    }
  }
  for (const m of src.matchAll(/^export\s*\*\s*from\s*'([^']+)'/gm)) {
    for (const n of exportsOf(join(path, '..', m[1]), seen)) names.add(n);
  }
  return names;
}

test('every named import of a client module is exported by the module it names (no build step catches it)', () => {
  const broken = [];
  for (const module of modules(join(STATIC, 'js'))) {
    const path = join(STATIC, module);
    const src = readFileSync(path, 'utf8');
    for (const m of src.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
      const target = join(path, '..', m[2]);
      if (!existsSync(target)) {
        broken.push(`${module}: ${m[2]} does not exist`);
        continue;
      }
      const available = exportsOf(target);
      for (const part of m[1].split(',')) {
        const name = part.trim().split(/\s+as\s+/)[0].trim();
        if (name && !available.has(name)) broken.push(`${module}: ${name} is not exported by ${m[2]}`);
      }
    }
  }
  assert.deepEqual(broken, []);
});
