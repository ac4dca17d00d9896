import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests boot real QEMU guests; each sets its own generous bound.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at once: the integration tests mostly wait on TCG guests (a whole serial run used
    // 12 of its 23 minutes of CPU on 2 cores), and vitest's default on 2 cores is one worker.
    maxWorkers: 2,
    globalSetup: [],
  },
});
