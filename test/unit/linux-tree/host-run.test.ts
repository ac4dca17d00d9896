import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDidNotFinish, runInGroup } from '../../../src/linux-tree/host-run.js';

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

  it('says why a run never got to decide: a program that cannot start, or one stopped at its deadline', async () => {
    const missing = await runInGroup('/no/such/make', [], { timeoutMs: 10_000 });
    expect(runDidNotFinish(missing, 'make', '10 s')).toMatch(/^cannot run make: .*ENOENT/);
    const late = await runInGroup('sh', ['-c', 'echo compiling fs/fuse/dir.o; sleep 30'], {
      timeoutMs: 2_000,
    });
    expect(runDidNotFinish(late, 'make bzImage', '0 s (build-timeout)')).toBe(
      'make bzImage did not finish within 0 s (build-timeout)\ncompiling fs/fuse/dir.o',
    );
    const finished = await runInGroup('sh', ['-c', 'exit 2'], { timeoutMs: 10_000 });
    expect(runDidNotFinish(finished, 'make', '10 s')).toBeUndefined();
  }, 60_000);
});
