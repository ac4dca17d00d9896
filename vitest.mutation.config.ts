// The unit tests (test/unit) as Stryker's vitest runner runs them (stryker.config.mjs): it forces
// worker threads, where process.chdir() throws, so the one test file that needs chdir (overlay
// paths relative to the working folder; src/vm/overlay.ts is not mutated) is left out here.
// Spread, not mergeConfig: mergeConfig would add this include to the base one instead of replacing it.
import type { Reporter, TestModule } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// FG_MUTATION_TESTS (comma-separated test files, set by stryker.config.mjs for some modules) narrows
// the run to the tests that can see the mutated module.
const only = process.env.FG_MUTATION_TESTS?.split(',').filter(Boolean);

/**
 * Stryker's vitest runner reads only the tests vitest collected (stryker-js issue 6150): a test file
 * whose import throws, as it does when a mutant breaks a module's load-time work (the catalogue's
 * check of its data), collects none, and that mutant counts as survived. Such a file gets one failed
 * test carrying its load error, so the mutant counts as killed.
 */
const loadFailureIsAFailedTest: Reporter = {
  onTestRunEnd(testModules: readonly TestModule[]) {
    for (const module of testModules) {
      const file = module.task;
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
      file.tasks.push({
        type: 'test',
        id: `${file.id}_load`,
        name: 'the test file loads',
        mode: 'run',
        file,
        suite: file,
        meta: {},
        context: undefined as never,
        timeout: 0,
        annotations: [],
        artifacts: [],
        result: { state: 'fail', errors: file.result.errors ?? [] },
      } as unknown as (typeof file.tasks)[number]);
    }
  },
};

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    reporters: ['default', loadFailureIsAFailedTest],
    include: only?.length ? only : ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/vm/overlay.test.ts'],
  },
});
