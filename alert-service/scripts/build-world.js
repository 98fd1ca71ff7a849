#!/usr/bin/env node
// Builds the dashboard's world-110m.json from world-atlas's countries-110m.json (see regenerate-world.sh).
// Usage: node build-world.js NODE_MODULES_DIR COUNTRIES_TSV OUTPUT_JSON PACKAGE_VERSIONS
// What changes from the input: each country's id becomes its ISO 3166-1 alpha-2 code (world-atlas uses numeric codes),
// the 'land' object is dropped (the page draws countries only), a 'wirewatch' member says where the data comes from,
// and 'wirewatch.points' gives [longitude, latitude] for each state that only the 1:50m file draws (its centroid).
// Arcs, quantisation and names are kept as published.
'use strict';

const fs = require('fs');
const path = require('path');

const [modules, countriesTsv, output, versions] = process.argv.slice(2);
if (!modules || !countriesTsv || !output) {
  console.error('usage: build-world.js NODE_MODULES_DIR COUNTRIES_TSV OUTPUT_JSON "package@version ..."');
  process.exit(2);
}

// Natural Earth draws three areas without an ISO numeric code. Kosovo has the code alerts use for it (XK, as in
// countries.tsv); Northern Cyprus and Somaliland are keyed by the state they are internationally recognised as part of,
// so that an alert about Cyprus or Somalia shades the whole of it, as the alert's codes mean.
const WITHOUT_NUMERIC_CODE = { 'Kosovo': 'XK', 'N. Cyprus': 'CY', 'Somaliland': 'SO' };

const world = JSON.parse(fs.readFileSync(path.join(modules, 'world-atlas', 'countries-110m.json'), 'utf8'));
const iso = require(path.join(modules, 'i18n-iso-countries'));
const world50 = JSON.parse(fs.readFileSync(path.join(modules, 'world-atlas', 'countries-50m.json'), 'utf8'));
const topojson = require(path.join(modules, 'topojson-client'));
const d3 = require(path.join(modules, 'd3-geo'));
const known = new Set(fs.readFileSync(countriesTsv, 'utf8').split('\n')
  .filter((line) => line && !line.startsWith('#') && !line.startsWith('iso2\t'))
  .map((line) => line.split('\t')[0]));

const unknown = [];
for (const geometry of world.objects.countries.geometries) {
  const name = geometry.properties && geometry.properties.name;
  const code = geometry.id !== undefined ? iso.numericToAlpha2(geometry.id) : WITHOUT_NUMERIC_CODE[name];
  if (!code || !known.has(code)) {
    unknown.push(`${name} (${geometry.id} -> ${code})`);
    continue;
  }
  geometry.id = code;
  geometry.properties = { name };
}
const drawn = new Set(world.objects.countries.geometries.map((geometry) => geometry.id));
const points = {};
for (const feature of topojson.feature(world50, world50.objects.countries).features) {
  const code = feature.id !== undefined ? iso.numericToAlpha2(feature.id) : undefined;
  if (code && known.has(code) && !drawn.has(code) && !points[code]) {
    const [longitude, latitude] = d3.geoCentroid(feature);
    points[code] = [Math.round(longitude * 100) / 100, Math.round(latitude * 100) / 100];
  }
}
if (unknown.length > 0) {
  console.error('countries with no code in countries.tsv: ' + unknown.join(', '));
  process.exit(1);
}
delete world.objects.land;
world.wirewatch = {
  source: 'Natural Earth 1:110m Admin 0 countries, version 4.1.0 (public domain, naturalearthdata.com), as TopoJSON '
    + 'from the npm package world-atlas (ISC)',
  ids: 'ISO 3166-1 alpha-2, from the numeric codes by i18n-iso-countries; Kosovo XK; Northern Cyprus and Somaliland '
    + 'keyed CY and SO',
  points,
  packages: versions || '',
  regenerate: 'alert-service/scripts/regenerate-world.sh',
};
fs.writeFileSync(output, JSON.stringify(world));
