// Mutation scores from Stryker's JSON reports (reports/mutation/<module>.json, written by
// bench/mutation.sh): per module and per file, killed / (killed + survived + no coverage), timeouts
// counted as killed (Stryker's own "mutation score"), and every mutant that survived with its place
// and change. Writes the section between the mutation markers of bench/RESULTS.md, replacing only the
// rows and survivors of the modules named: the other modules' rows (measured on other commits) stay.
//
// Run: npx tsc -p . && node lib/bench/mutation-score.js [--section NAME] MODULE...
//   --section NAME writes between `<!-- mutation-NAME:begin -->` and its end marker instead (the
//   src/report modules have a table of their own, measured apart from the others).
//   (each module's commit is read from reports/mutation/MODULE.commit, written by bench/mutation.sh)

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status:
    | 'Killed'
    | 'Survived'
    | 'NoCoverage'
    | 'Timeout'
    | 'CompileError'
    | 'RuntimeError'
    | 'Ignored'
    | 'Pending';
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const root = path.resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const sectionName = args[0] === '--section' ? args[1] : undefined;
const tag = sectionName === undefined ? 'mutation' : `mutation-${sectionName}`;
const BEGIN = `<!-- ${tag}:begin -->`;
const END = `<!-- ${tag}:end -->`;

function score(mutants: readonly Mutant[]): {
  killed: number;
  survived: number;
  noCoverage: number;
  counted: number;
  percent: number;
} {
  const killed = mutants.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
  const survived = mutants.filter((m) => m.status === 'Survived').length;
  const noCoverage = mutants.filter((m) => m.status === 'NoCoverage').length;
  const counted = killed + survived + noCoverage;
  return { killed, survived, noCoverage, counted, percent: counted === 0 ? 100 : (100 * killed) / counted };
}

/** The modules whose globs (stryker.config.mjs, `*` and `**`) take in a file; a file can be in two. */
function modulesOf(modules: Record<string, string[]>): (file: string) => string[] {
  const tests = Object.entries(modules).map(([name, globs]) => {
    const res = globs.map(
      (g) =>
        new RegExp(
          `^${g
            .split(/(\*\*\/|\*)/)
            .map((part) =>
              part === '**/'
                ? '(?:.*/)?'
                : part === '*'
                  ? '[^/]*'
                  : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
            )
            .join('')}$`,
        ),
    );
    return { name, matches: (f: string) => res.some((r) => r.test(f)) };
  });
  return (file) => tests.filter((t) => t.matches(file)).map((t) => t.name);
}

/** The rows of a table already written, by module: a module's bold row and its file rows under it. */
function oldRows(section: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of section.split('\n')) {
    const head = /^\| (?:\*\*)?([\w-]+)(?:\*\*)? \|/.exec(line);
    if (head && !line.startsWith('| module') && !line.startsWith('| ---')) {
      current = [line];
      out.set(head[1] as string, current);
    } else if (line.startsWith('| &nbsp;') && current) current.push(line);
    else current = undefined;
  }
  return out;
}

async function main(): Promise<void> {
  const modules = sectionName === undefined ? args : args.slice(2);
  if (modules.length === 0) throw new Error('usage: mutation-score MODULE...');
  const config = (await import(path.join(root, 'stryker.config.mjs'))) as {
    MODULES: Record<string, string[]>;
  };
  const candidates = modulesOf(config.MODULES);
  const results = path.join(root, 'bench', 'RESULTS.md');
  const text = readFileSync(results, 'utf8');
  const at = text.indexOf(BEGIN);
  const before = at >= 0 ? text.slice(at, text.indexOf(END)) : '';
  const kept = oldRows(before);
  // A survivor belongs to the module run now if one of its modules is, else to one in the table.
  const ownerOf = (file: string): string | undefined => {
    const c = candidates(file);
    return c.find((m) => modules.includes(m)) ?? c.find((m) => kept.has(m)) ?? c[0];
  };
  // A module named but not run (no JSON report) keeps its row, so it keeps its survivors too.
  const run = modules.filter((m) => existsSync(path.join(root, 'reports', 'mutation', `${m}.json`)));
  const keptSurvivors = before
    .split('\n')
    .filter((l) => l.startsWith('- src/'))
    .filter((l) => {
      const owner = ownerOf(l.slice(2, l.indexOf(':')));
      return owner === undefined || !run.includes(owner);
    });
  const measured = new Map<string, string[]>();
  const survivors: string[] = [];
  for (const module of modules) {
    const file = path.join(root, 'reports', 'mutation', `${module}.json`);
    const rows: string[] = [];
    measured.set(module, rows);
    if (!existsSync(file)) {
      rows.push(`| ${module} | not run | | | | | |`);
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
    const commitFile = path.join(root, 'reports', 'mutation', `${module}.commit`);
    const commit = existsSync(commitFile) ? readFileSync(commitFile, 'utf8').trim() : 'unknown';
    const all = Object.values(report.files).flatMap((f) => f.mutants);
    const s = score(all);
    rows.push(
      `| **${module}** | **${s.percent.toFixed(1)}%** | ${s.killed} | ${s.survived} | ${s.noCoverage} | ${s.percent >= 85 ? 'met' : 'below'} | \`${commit}\` |`,
    );
    for (const [name, entry] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
      const f = score(entry.mutants);
      if (Object.keys(report.files).length > 1)
        rows.push(
          `| &nbsp;&nbsp;${name} | ${f.percent.toFixed(1)}% | ${f.killed} | ${f.survived} | ${f.noCoverage} | | |`,
        );
      const lines = entry.source.split('\n');
      for (const m of entry.mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
        const line = m.location.start.line;
        const original = (lines[line - 1] ?? '').trim().slice(0, 100);
        const change = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80);
        survivors.push(
          `- ${name}:${line} ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no test covers it)' : ''}: \`${original.replace(/`/g, "'")}\` → \`${change.replace(/`/g, "'")}\``,
        );
      }
    }
  }
  // The modules already in the table keep their place; a module not in it yet goes at the end.
  const rows = new Map(kept);
  for (const [module, lines] of measured) {
    if (lines[0]?.includes('not run') && kept.has(module)) continue;
    rows.set(module, lines);
  }
  const allRows = [...rows.values()].flat();
  const commits = new Set(
    allRows.map((r) => /`([0-9a-f]{7,}[^`]*)` \|$/.exec(r)?.[1]).filter((c): c is string => c !== undefined),
  );
  const bySurvivorOrder = [...rows.keys()];
  const allSurvivors = [...keptSurvivors, ...survivors].sort(
    (a, b) =>
      bySurvivorOrder.indexOf(ownerOf(a.slice(2, a.indexOf(':'))) ?? '') -
      bySurvivorOrder.indexOf(ownerOf(b.slice(2, b.indexOf(':'))) ?? ''),
  );
  // A section already written keeps its preamble (how its runs were made); only its first line, which
  // names the commits, is written anew.
  const firstLine = `Measured on commit${commits.size > 1 ? 's' : ''} ${[...commits].map((c) => `\`${c}\``).join(', ')} (the column says which; written ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC) by \`bash bench/mutation.sh ${[...rows.keys()].join(' ')}\`, a module at a time (each run rewrites only its own rows):`;
  const oldPreamble = before.split('\n').slice(1);
  const tableAt = oldPreamble.findIndex((l) => l.startsWith('| module / file'));
  // Notes written between the table and the list of survivors (how some rows were run) stay too.
  const listAt = oldPreamble.findIndex((l) => l.startsWith('Surviving mutants ('));
  const lastRow = oldPreamble.findLastIndex((l, i) => l.startsWith('| ') && (listAt < 0 || i < listAt));
  const between = tableAt >= 0 && listAt > lastRow ? oldPreamble.slice(lastRow + 1, listAt) : [];
  const notes = between.join('\n').trim();
  const preamble =
    tableAt > 0
      ? [firstLine, ...oldPreamble.slice(1, tableAt)]
      : [
          firstLine,
          'Stryker with the vitest runner, unit tests only (vitest.mutation.config.ts), `--concurrency 1`, incremental.',
          'Score = (killed + timed out) / (killed + timed out + survived + not covered).',
          '',
        ];
  const section = [
    BEGIN,
    ...preamble,
    '| module / file | score | killed | survived | no coverage | target 85% | commit |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...allRows,
    '',
    ...(notes ? [notes, ''] : []),
    `Surviving mutants (${allSurvivors.length}); the notes below the list say which are equivalent and why:`,
    '',
    ...allSurvivors,
    END,
  ].join('\n');
  const next =
    at >= 0
      ? text.slice(0, at) + section + text.slice(text.indexOf(END) + END.length)
      : `${text.trimEnd()}\n\n## Mutation score (bench/mutation.sh)\n\n${section}\n`;
  writeFileSync(results, next);
  console.log(section);
}

await main();
