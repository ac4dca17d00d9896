// Which mutation-score rows of bench/RESULTS.md still describe the code at HEAD: a row names the
// commit its module was measured on, and a row is current only when none of the module's files
// (MODULES in stryker.config.mjs) differs between that commit and HEAD. A change of layout alone
// counts as a change: Stryker's mutants are places in the text, so only a new run says they are the
// same. Prints one line per row and exits 1 when a row is not current (a check to run before calling
// the scores current; not part of CI, where any code change would fail it until a re-measure).
//
// Run: npx tsc -p . && node lib/bench/mutation-current.js

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

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
    const changed = changedSince(commit, patterns);
    if (changed.length > 0) stale++;
    console.log(
      `${module} @${commit}: ${changed.length === 0 ? 'current' : `NOT current (${changed.join(', ')} changed since)`}`,
    );
  }
  process.exit(stale > 0 ? 1 : 0);
}

if (process.argv[1] === import.meta.filename) await main();
