// Mutation scores from Stryker's JSON reports (reports/mutation/<module>.json, written by
// bench/mutation.sh): per module and per file, killed / (killed + survived + no coverage), timeouts
// counted as killed (Stryker's own "mutation score"), and every mutant that survived with its place
// and change. Writes the section between the mutation markers of bench/RESULTS.md.
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

function main(): void {
  const modules = sectionName === undefined ? args : args.slice(2);
  if (modules.length === 0) throw new Error('usage: mutation-score MODULE...');
  const commits = new Set<string>();
  const rows: string[] = [];
  const survivors: string[] = [];
  for (const module of modules) {
    const file = path.join(root, 'reports', 'mutation', `${module}.json`);
    if (!existsSync(file)) {
      rows.push(`| ${module} | not run | | | | | |`);
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
    const commitFile = path.join(root, 'reports', 'mutation', `${module}.commit`);
    const commit = existsSync(commitFile) ? readFileSync(commitFile, 'utf8').trim() : 'unknown';
    commits.add(commit);
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
  const section = [
    BEGIN,
    `Measured on commit${commits.size > 1 ? 's' : ''} ${[...commits].map((c) => `\`${c}\``).join(', ')} (the column says which; written ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC) by \`bash bench/mutation.sh ${modules.join(' ')}\`:`,
    'Stryker with the vitest runner, unit tests only (vitest.mutation.config.ts), `--concurrency 1`, incremental.',
    'Score = (killed + timed out) / (killed + timed out + survived + not covered).',
    '',
    '| module / file | score | killed | survived | no coverage | target 85% | commit |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Surviving mutants (${survivors.length}); the notes below the list say which are equivalent and why:`,
    '',
    ...survivors,
    END,
  ].join('\n');
  const results = path.join(root, 'bench', 'RESULTS.md');
  const text = readFileSync(results, 'utf8');
  const at = text.indexOf(BEGIN);
  const next =
    at >= 0
      ? text.slice(0, at) + section + text.slice(text.indexOf(END) + END.length)
      : `${text.trimEnd()}\n\n## Mutation score (bench/mutation.sh)\n\n${section}\n`;
  writeFileSync(results, next);
  console.log(section);
}

main();
