// ncc bundles the JavaScript tsc wrote to .build/ and maps the bundle to those files; tsc mapped each
// of them to its src/*.ts. This composes the two, so a stack trace from dist/ names src/ lines:
//   node scripts/remap-sourcemaps.mjs BUILD_DIR DIST_DIR...
// Sources are kept as paths relative to the map (the action's checkout has src/ beside dist/), and
// their contents are left out: dist/ is committed, and the sources are in the repository anyway.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import remapping from '@jridgewell/remapping';

const [buildDir, ...distDirs] = process.argv.slice(2);
if (!buildDir || distDirs.length === 0) {
  process.stderr.write('usage: node scripts/remap-sourcemaps.mjs BUILD_DIR DIST_DIR...\n');
  process.exit(64);
}
const buildRoot = path.resolve(buildDir);

for (const dir of distDirs) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js.map'))) {
    const mapPath = path.resolve(dir, name);
    const bundleMap = JSON.parse(readFileSync(mapPath, 'utf8'));
    // ncc names a bundled file `.././PATH`, PATH relative to the directory it was run in (the repo).
    bundleMap.sources = bundleMap.sources.map((s) => {
      const inRepo = /^(?:\.\.\/)?\.\/(.*)$/.exec(s);
      return inRepo ? path.resolve(inRepo[1]) : s;
    });
    const remapped = remapping(
      bundleMap,
      (file) => {
        if (!file.startsWith(buildRoot + path.sep)) return null;
        const tscMap = `${file}.map`;
        if (!existsSync(tscMap)) return null;
        const map = JSON.parse(readFileSync(tscMap, 'utf8'));
        map.sources = map.sources.map((s) => path.resolve(path.dirname(file), map.sourceRoot ?? '', s));
        map.sourceRoot = undefined;
        return map;
      },
      { excludeContent: true },
    );
    const out = JSON.parse(remapped.toString());
    out.sources = out.sources.map((s) => (s ? path.relative(path.dirname(mapPath), s) : s));
    writeFileSync(mapPath, JSON.stringify(out));
  }
}
