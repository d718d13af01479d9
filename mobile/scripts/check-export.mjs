// Fails when a web export carries the other variant's app config (Metro's transform cache once inlined a stale
// manifest: the exports run with --clear, and this checks it).  node scripts/check-export.mjs dist-homeowner homeowner
import fs from 'node:fs';
import path from 'node:path';

const [dir, variant] = process.argv.slice(2);
const jsDir = path.join(dir, '_expo', 'static', 'js', 'web');
const bundles = fs.readdirSync(jsDir).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(jsDir, f), 'utf8'));
const found = new Set(bundles.flatMap((b) => [...b.matchAll(/\\"variant\\":\\"(installer|homeowner)\\"/g)].map((m) => m[1])));
if (found.size !== 1 || !found.has(variant)) {
  process.stderr.write(`${dir}: expected the ${variant} app config, found ${[...found].join(', ') || 'none'}\n`);
  process.exit(1);
}
process.stdout.write(`${dir}: ${variant} app config\n`);
