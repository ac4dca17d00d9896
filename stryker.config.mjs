// Mutation testing (issue 16): how many single-change bugs in the code that decides verdicts,
// titles and trust the unit tests notice. Run by bench/mutation.sh, one module at a time; not in CI.
// No TypeScript checker: @stryker-mutator/typescript-checker drives the TypeScript compiler API,
// which TypeScript 7 (the native compiler this project uses) does not have.
//
// bench/mutation.sh runs one module at a time: FG_MUTATION_MODULE names it (a key of MODULES), and
// each module keeps its own incremental file and JSON report under reports/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const MODULES = {
  'watchdog-compare': ['src/watchdog/compare.ts'],
  'watchdog-run-test': ['src/watchdog/run-test.ts'],
  'gate-verdict': ['src/gate/verdict.ts'],
  'gate-run': ['src/gate/run.ts'],
  'gate-blame': ['src/gate/blame.ts'],
  config: ['src/config/**/*.ts'],
  'vm-accel': ['src/vm/accel.ts'],
  payload: ['src/payload/**/*.ts'],
  // The two halves apart: tar-disk's tests run real tar programs and take most of a payload run.
  'payload-format': ['src/payload/tar-format.ts'],
  'payload-disk': ['src/payload/tar-disk.ts'],
  'report-signature': ['src/report/signature.ts', 'src/report/frame-classes.ts'],
  'report-catalogue': ['src/report/catalogue.ts'],
  'report-parsers': [
    'src/report/parsers/**/*.ts',
    'src/report/stacks.ts',
    'src/report/analyze.ts',
    'src/report/chunk-cut.ts',
  ],
  'report-render': ['src/report/summary.ts', 'src/report/junit.ts', 'src/report/bisect-summary.ts'],
  'freebsd-parse': ['src/guest/freebsd-parse.ts'],
  // src/report/ modules measured on branch mut-report (issue 16).
  'report-crash-title': ['src/report/crash-title.ts'],
  // report-parsers cut by file: as one module its 2,600 mutants take hours on the shared 2 cores.
  'report-procstat': ['src/report/parsers/freebsd-procstat.ts'],
  'report-parsers-freebsd': ['src/report/parsers/freebsd-ddb.ts', 'src/report/parsers/freebsd-panic.ts'],
  'report-parsers-linux': ['src/report/parsers/linux-*.ts'],
  'report-parsers-common': ['src/report/parsers/common.ts'],
  // kgdb (gdb) and lldb backtraces of FreeBSD kernels.
  'report-parsers-kgdb': ['src/report/parsers/freebsd-kgdb.ts'],
  'report-stacks': ['src/report/stacks.ts', 'src/report/analyze.ts', 'src/report/chunk-cut.ts'],
  // What decides that a build error is the tree's `fail`, not the gate's `error`.
  'report-build-errors': ['src/report/compiler-errors.ts', 'src/report/link-errors.ts'],
  // What decides which commit is first bad: the search, the good/bad/skip of a step, the range check and
  // when a run is bisected. Not git.ts, run-bisection.ts or command.ts: git and VM plumbing.
  bisect: ['src/bisect/engine.ts', 'src/bisect/step.ts', 'src/bisect/range.ts', 'src/bisect/after-run.ts'],
};
const module = process.env.FG_MUTATION_MODULE;
if (module !== undefined && !(module in MODULES))
  throw new Error(`FG_MUTATION_MODULE: no module ${module} (${Object.keys(MODULES).join(', ')})`);
const tag = module ?? 'all';

// The src/report modules are tested with the unit test files that import src/report (a file that
// does not cannot tell a mutant of it apart, unless through another module: those can only add
// kills, so the score is a lower bound). Most of their mutants are static (skip lists, regexes made
// at load), which Stryker runs against every selected test: the whole unit suite made that hours.
// vitest.mutation.config.ts reads the list from FG_MUTATION_TESTS.
if (module?.startsWith('report-')) {
  const files = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? files(path.join(dir, e.name))
        : e.name.endsWith('.test.ts')
          ? [path.join(dir, e.name)]
          : [],
    );
  // The streaming tests (megabytes of text, most of a run's time) are kept only for the modules
  // they test: the stream reader and the parsers of the log they stream.
  const streamed = ['report-stacks', 'report-parsers-linux', 'report-parsers-common', 'report-parsers'];
  process.env.FG_MUTATION_TESTS = files('test/unit')
    .filter((f) => readFileSync(f, 'utf8').includes('src/report/'))
    .filter((f) => streamed.includes(module) || !f.endsWith('parsers-stream.test.ts'))
    // Every corpus case read across a chunk boundary: seconds a mutant, and only the chunk cutter's.
    .filter((f) => module === 'report-stacks' || !f.endsWith('stream-boundary.test.ts'))
    .join(',');
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Only the unit tests; `related` (vitest's import graph) finds none of them from the sandbox here.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: module ? MODULES[module] : Object.values(MODULES).flat(),
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/mutation/${tag}.incremental.json`,
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: `reports/mutation/${tag}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  // Stryker rewrites the named tsconfig in its sandbox with the TypeScript API, which TypeScript 7
  // lacks; ours has no `extends` or `references` to rewrite, so it is named as absent.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 20_000,
  thresholds: { high: 85, low: 70, break: null },
};
