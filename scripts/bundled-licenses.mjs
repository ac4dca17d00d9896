// Writes DIST_DIR/licenses.txt: the licence of every npm package a bundle contains, found from the
// bundle's source maps (each bundled file is a source there), with the package's own licence text.
// ncc's --license output lists only the few packages whose licence file it recognises.
//   node scripts/bundled-licenses.mjs DIST_DIR...
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.|-|$)/i;

/** The package directory that holds a bundled file: the part up to its last node_modules/NAME. */
function packageDir(file) {
  const match = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match ? match[1] : undefined;
}

function licenceEntry(dir) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const declared = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'not declared');
  const texts = readdirSync(dir)
    .filter((name) => LICENCE_FILE.test(name))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8').trim());
  const body =
    texts.length > 0
      ? texts.join('\n\n')
      : `(the package ships no licence file; its package.json says ${declared})`;
  return { key: `${pkg.name}@${pkg.version}`, text: `${pkg.name}@${pkg.version}\n${declared}\n\n${body}\n` };
}

const distDirs = process.argv.slice(2);
if (distDirs.length === 0) {
  process.stderr.write('usage: node scripts/bundled-licenses.mjs DIST_DIR...\n');
  process.exit(64);
}
for (const dist of distDirs) {
  const dirs = new Set();
  for (const name of readdirSync(dist).filter((n) => n.endsWith('.js.map'))) {
    for (const source of JSON.parse(readFileSync(path.join(dist, name), 'utf8')).sources) {
      const dir = packageDir(path.resolve(dist, source));
      if (dir && existsSync(path.join(dir, 'package.json'))) dirs.add(dir);
    }
  }
  const entries = new Map();
  for (const dir of dirs) {
    const entry = licenceEntry(dir);
    entries.set(entry.key, entry.text);
  }
  const sorted = [...entries.keys()].sort().map((key) => entries.get(key));
  const header = `Third-party software bundled in ${path.basename(dist)}/index.js and its chunks (${sorted.length} packages).\n`;
  writeFileSync(path.join(dist, 'licenses.txt'), [header, ...sorted].join(`\n${'-'.repeat(78)}\n\n`));
}
