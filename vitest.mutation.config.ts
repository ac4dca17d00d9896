// The unit tests (test/unit) as Stryker's vitest runner runs them (stryker.config.mjs): it forces
// worker threads, where process.chdir() throws, so the one test file that needs chdir (overlay
// paths relative to the working folder; src/vm/overlay.ts is not mutated) is left out here.
// Spread, not mergeConfig: mergeConfig would add this include to the base one instead of replacing it.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/unit/**/*.test.ts'], exclude: ['test/unit/vm/overlay.test.ts'] },
});
