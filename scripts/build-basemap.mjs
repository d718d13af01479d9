// Builds the web client's offline base layer (src/main/resources/static/assets/map/countries.geojson): country
// outlines of Germany, Austria, Switzerland and their neighbours from Natural Earth (public domain) as shipped in
// the npm package world-atlas@2.0.2, simplified so the file stays small. The map then works with no tile server.
//
// Nothing here is committed but this script and its output. Get the two packages into /tmp first:
//   cd /tmp && npm pack world-atlas@2.0.2 topojson-client@3.1.0
//   mkdir -p wa tc && tar xzf world-atlas-2.0.2.tgz -C wa && tar xzf topojson-client-3.1.0.tgz -C tc
//   node scripts/build-basemap.mjs /tmp/wa/package /tmp/tc/package
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [atlasDir = '/tmp/wa/package', clientDir = '/tmp/tc/package'] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const topojson = require(join(clientDir, 'dist/topojson-client.js'));

// ISO 3166-1 numeric (Natural Earth's ids) -> alpha-2, name in English and German.
const COUNTRIES = {
  276: ['DE', 'Germany', 'Deutschland'], 40: ['AT', 'Austria', 'Österreich'], 756: ['CH', 'Switzerland', 'Schweiz'],
  438: ['LI', 'Liechtenstein', 'Liechtenstein'], 250: ['FR', 'France', 'Frankreich'], 56: ['BE', 'Belgium', 'Belgien'],
  528: ['NL', 'Netherlands', 'Niederlande'], 442: ['LU', 'Luxembourg', 'Luxemburg'], 208: ['DK', 'Denmark', 'Dänemark'],
  616: ['PL', 'Poland', 'Polen'], 203: ['CZ', 'Czechia', 'Tschechien'], 703: ['SK', 'Slovakia', 'Slowakei'],
  348: ['HU', 'Hungary', 'Ungarn'], 705: ['SI', 'Slovenia', 'Slowenien'], 380: ['IT', 'Italy', 'Italien'],
  191: ['HR', 'Croatia', 'Kroatien'],
};
// Only mainland Europe around the DACH countries: drops overseas territories (French Guiana, Réunion, ...).
const WINDOW = { west: -6, east: 25, south: 36, north: 58 };
const TOLERANCE = 0.01; // degrees (about 1 km): plenty for an outline under markers.
const DIGITS = 3;

const atlas = JSON.parse(readFileSync(join(atlasDir, 'countries-10m.json'), 'utf8'));
const all = topojson.feature(atlas, atlas.objects.countries).features;

/** Douglas-Peucker on a ring, keeping its first and last point. */
function simplify(points, tolerance) {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let worst = -1;
    let index = -1;
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
      if (d > worst) { worst = d; index = i; }
    }
    if (worst > tolerance) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round = (v) => Number(v.toFixed(DIGITS));
const inWindow = (ring) => ring.some(([x, y]) => x >= WINDOW.west && x <= WINDOW.east && y >= WINDOW.south && y <= WINDOW.north);

function polygons(geometry) {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

const features = [];
for (const f of all) {
  const meta = COUNTRIES[Number(f.id)];
  if (!meta) continue;
  const kept = polygons(f.geometry)
    .filter((polygon) => inWindow(polygon[0]))
    .map((polygon) => polygon.map((ring) => simplify(ring, TOLERANCE).map(([x, y]) => [round(x), round(y)]))
      .filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0);
  if (kept.length === 0) continue;
  features.push({ type: 'Feature', properties: { code: meta[0], en: meta[1], de: meta[2] },
    geometry: { type: 'MultiPolygon', coordinates: kept } });
}
features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
const out = { type: 'FeatureCollection',
  attribution: 'Natural Earth (public domain), via world-atlas 2.0.2; simplified by scripts/build-basemap.mjs',
  features };
const target = new URL('../src/main/resources/static/assets/map/countries.geojson', import.meta.url);
writeFileSync(target, JSON.stringify(out));
console.log(`${features.length} countries, ${JSON.stringify(out).length} bytes -> ${target.pathname}`);
