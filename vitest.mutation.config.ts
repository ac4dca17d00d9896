// The unit tests (test/unit) as Stryker's vitest runner runs them (stryker.config.mjs): it forces
// worker threads, where process.chdir() throws, so the one test file that needs chdir (overlay
// paths relative to the working folder; src/vm/overlay.ts is not mutated) is left out here.
// Spread, not mergeConfig: mergeConfig would add this include to the base one instead of replacing it.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// FG_MUTATION_TESTS (comma-separated test files, set by stryker.config.mjs for some modules) narrows
// the run to the tests that can see the mutated module.
const only = process.env.FG_MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: only?.length ? only : ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/vm/overlay.test.ts'],
  },
});
