// The incremental file for a re-measure after new tests (bench/mutation.sh --retest-survivors): the
// module's last Stryker report without its survivors. Stryker reuses a kill when the test that killed
// the mutant is unchanged, and tests every mutant missing from the file against all the tests that now
// cover it, new test files included; a plain incremental run would reuse a survivor's old result when
// the test that now kills it is in a file the old report did not know.
//
// Run: node lib/bench/mutation-retest.js reports/mutation/MODULE.json reports/mutation/MODULE.incremental.json

import { readFileSync, writeFileSync } from 'node:fs';

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

/** The report without its survivors and uncovered mutants; how many were left out. */
export function withoutSurvivors(report: Report): { report: Report; dropped: number } {
  let dropped = 0;
  const files: Report['files'] = {};
  for (const [name, file] of Object.entries(report.files)) {
    const kept = file.mutants.filter((m) => m.status !== 'Survived' && m.status !== 'NoCoverage');
    dropped += file.mutants.length - kept.length;
    files[name] = { ...file, mutants: kept };
  }
  return { report: { ...report, files }, dropped };
}

if (process.argv[1] === import.meta.filename) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node lib/bench/mutation-retest.js REPORT.json INCREMENTAL.json');
    process.exit(64);
  }
  const { report, dropped } = withoutSurvivors(JSON.parse(readFileSync(input, 'utf8')) as Report);
  writeFileSync(output, JSON.stringify(report));
  console.log(`${input}: ${dropped} survivors left out, to be tested again`);
}
