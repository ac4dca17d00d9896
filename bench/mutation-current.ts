// Which mutation-score rows of bench/RESULTS.md still describe the code at HEAD: a row names the
// commit its module was measured on, and a row is current only when none of the module's files
// (MODULES in stryker.config.mjs) differs in its code between that commit and HEAD. A change of layout,
// comments or types alone (Biome's reflow) is no change: both versions go through the oxc transform
// and a printer that keeps every name and expression (rolldown's, already installed for vitest), and
// the same output, with the same Stryker directive comments, is the same mutants. Prints one line per
// row and exits 1 when a row is not current (a check to run before calling the scores current; not
// part of CI, where any code change would fail it until a re-measure).
//
// Run: npx tsc -p . && node lib/bench/mutation-current.js

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { minifySync, transformSync } from 'rolldown/experimental';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Each table row's module and the commit in its last column: `| **MODULE** | ... | \`abc1234\` |`. */
export function tableRows(markdown: string): { module: string; commit: string }[] {
  const rows: { module: string; commit: string }[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^\| \*\*([a-z0-9-]+)\*\* \|.*\| `([0-9a-f]{7,40})` \|$/.exec(line);
    if (m) rows.push({ module: m[1] as string, commit: m[2] as string });
  }
  return rows;
}

/** The module's files that differ between the commit and HEAD (git pathspecs, globs included). */
function changedSince(commit: string, patterns: readonly string[]): string[] {
  const out = execFileSync('git', ['diff', '--name-only', commit, 'HEAD', '--', ...patterns], {
    cwd: root,
    encoding: 'utf8',
  });
  return out.split('\n').filter(Boolean);
}

/** The file's code without layout, comments or types, and its Stryker directives (which change mutants). */
export function codeOf(name: string, source: string): string {
  const js = transformSync(name, source, { lang: 'ts' }).code;
  const printed = minifySync(name.replace(/\.ts$/, '.js'), js, {
    compress: false,
    mangle: false,
    codegen: { removeWhitespace: true },
  }).code;
  const directives = source.split('\n').filter((line) => /\/\/\s*Stryker\s/.test(line));
  return [printed, ...directives.map((line) => line.trim())].join('\n');
}

/** Does the file's code differ between the commit and HEAD (not only its layout)? */
function codeChanged(commit: string, file: string): boolean {
  let before: string;
  try {
    before = execFileSync('git', ['show', `${commit}:${file}`], { cwd: root, encoding: 'utf8' });
  } catch {
    return true; // new since the commit
  }
  let now: string;
  try {
    now = readFileSync(path.join(root, file), 'utf8');
  } catch {
    return true; // gone since the commit
  }
  return codeOf(file, before) !== codeOf(file, now);
}

async function main(): Promise<void> {
  const config = (await import(path.join(root, 'stryker.config.mjs'))) as {
    MODULES: Record<string, string[]>;
  };
  const rows = tableRows(readFileSync(path.join(root, 'bench', 'RESULTS.md'), 'utf8'));
  let stale = 0;
  const seen = new Set<string>();
  for (const { module, commit } of rows) {
    if (seen.has(module)) continue;
    seen.add(module);
    const patterns = config.MODULES[module];
    if (!patterns) {
      console.log(`${module} @${commit}: no such module in stryker.config.mjs`);
      stale++;
      continue;
    }
    const touched = changedSince(commit, patterns);
    const changed = touched.filter((file) => codeChanged(commit, file));
    const layout = touched.filter((file) => !changed.includes(file));
    if (changed.length > 0) stale++;
    const also = layout.length > 0 ? ` (layout only since: ${layout.join(', ')})` : '';
    console.log(
      `${module} @${commit}: ${changed.length === 0 ? `current${also}` : `NOT current (${changed.join(', ')} changed since)`}`,
    );
  }
  process.exit(stale > 0 ? 1 : 0);
}

if (process.argv[1] === import.meta.filename) await main();
