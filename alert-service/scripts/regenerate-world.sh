#!/usr/bin/env bash
# Regenerates alert-service/src/main/resources/web/world-110m.json, the country shapes of the dashboard's map, from
# Natural Earth's 1:110m Admin 0 countries (public domain) as world-atlas publishes them in TopoJSON, with every country
# keyed by its ISO 3166-1 alpha-2 code, the code alerts carry. Needs node and npm; the npm registry is the only place
# this project reaches the data (no direct download, nothing fetched at run time). Takes a few seconds.
#
#   alert-service/scripts/regenerate-world.sh        # writes the file in place; commit it with this script's changes
#
# Why these packages: world-atlas is Natural Earth's data as TopoJSON (ISC), keyed by ISO 3166-1 numeric codes;
# i18n-iso-countries (MIT) carries the numeric-to-alpha-2 table, kept up to date with ISO, so the codes are looked up
# in data rather than typed here. The map keys shapes by alpha-2 once, here, so the page needs no code table and the
# knowledge module's countries.tsv (the project's one country list) stays as it is: build-world.js checks that every
# code it writes is one of its rows. States too small for 1:110m (Bahrain, Singapore, Malta ...) get one point each,
# the centroid of their 1:50m shape, so the map can still mark and link them; topojson-client and d3-geo compute
# those points here and are not shipped (the page draws with its own code).
set -euo pipefail

PACKAGES=(
  world-atlas@2.0.2          # ISC; Natural Earth 4.1.0 (public domain) as TopoJSON
  i18n-iso-countries@7.14.0  # MIT; ISO 3166-1 numeric -> alpha-2
  topojson-client@3.1.0      # ISC; used here only, to read the 1:50m shapes of states too small for 1:110m
  d3-geo@3.1.2               # ISC; used here only, for their centroids
)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/../src/main/resources/web/world-110m.json"
countries="$here/../../knowledge/src/main/resources/io/wirewatch/knowledge/world/countries.tsv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm init -y >/dev/null && npm install --ignore-scripts --no-audit --no-fund --silent "${PACKAGES[@]}")

node "$here/build-world.js" "$work/node_modules" "$countries" "$target" "${PACKAGES[*]}"
echo "wrote $target ($(wc -c < "$target") bytes)" >&2
