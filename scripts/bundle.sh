#!/usr/bin/env bash
# Builds dist/: tsc writes JavaScript with source maps to .build/, ncc bundles each entry with its
# source map, the runtime hook that applies it (sourcemap-register) and the licences of everything it
# bundled (licenses.txt), and the maps are then composed with tsc's so stack traces name src/*.ts.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf .build dist
npx tsc -p . --outDir .build --sourceMap
for entry in main post cli; do
  npx ncc build ".build/src/$entry.js" -o "dist/$entry" -q --source-map --license licenses.txt
done
node scripts/remap-sourcemaps.mjs .build dist/main dist/post dist/cli
