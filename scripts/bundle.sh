#!/usr/bin/env bash
# Builds dist/: tsc writes JavaScript with source maps to .build/; ncc bundles each entry with its
# source map and the runtime hook that applies it (sourcemap-register); the maps are composed with
# tsc's so stack traces name src/*.ts; licenses.txt beside each bundle holds the licence of every
# package in it.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf .build dist
npx tsc -p . --outDir .build --sourceMap
for entry in main post cli; do
  npx ncc build ".build/src/$entry.js" -o "dist/$entry" -q --source-map
done
node scripts/remap-sourcemaps.mjs .build dist/main dist/post dist/cli
node scripts/bundled-licenses.mjs dist/main dist/post dist/cli
