import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runInGroup } from '../../../src/linux-tree/host-run.js';

/** Gone, or a zombie nobody has reaped yet: either way it runs no more. */
function running(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  const state = readFileSync(stat, 'utf8').replace(/^.*\) /s, '')[0];
  return state !== 'Z' && state !== 'X';
}

describe('a host build run in its own process group', () => {
  it('a cancelled run kills the whole group, grandchildren included, long before its deadline', async () => {
    const controller = new AbortController();
    const run = runInGroup('sh', ['-c', 'sleep 300 & echo "child $!"; wait'], {
      timeoutMs: 120_000,
      signal: controller.signal,
    });
    // Wait for the grandchild to exist, then cancel.
    await new Promise((resolve) => setTimeout(resolve, 500));
    controller.abort('SIGINT');
    const result = await run;
    expect(result.timedOut).toBe(false);
    const pid = Number(/child (\d+)/.exec(result.output)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(running(pid)).toBe(false);
  }, 60_000);
});
