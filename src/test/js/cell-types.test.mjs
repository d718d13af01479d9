// Every panel cell type the server knows has a name for people in English and German, so a product page never
// leaves out (or shows as a code) a cell type an admin chose (Node's built-in test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SHOP } from '../../main/resources/static/js/messages/shop.js';

const source = readFileSync(new URL('../../main/java/com/sundispatch/catalog/internal/CellType.java', import.meta.url), 'utf8');
const CELL_TYPES = source.match(/enum CellType\s*\{([^;}]*)/)[1].split(',').map((v) => v.trim()).filter((v) => /^[A-Z_]+$/.test(v));

test('the server has the cell types the admin form offers', () => {
  const admin = readFileSync(new URL('../../main/resources/static/js/admin.js', import.meta.url), 'utf8');
  const offered = JSON.parse(admin.match(/const CELL_TYPES = (\[[^\]]*\])/)[1].replaceAll("'", '"'));
  assert.deepEqual([...offered].sort(), [...CELL_TYPES].sort());
});

test('every cell type has a name in English and German', () => {
  assert.ok(CELL_TYPES.length >= 7, CELL_TYPES.join());
  for (const language of ['en', 'de']) {
    for (const type of CELL_TYPES) {
      const name = SHOP[language].cellTypes[type];
      assert.ok(typeof name === 'string' && name.trim().length > 0, `${type} has no ${language} name`);
      assert.notEqual(name, type);
    }
  }
});
