// Two gate runs of one Linux tree at once on one machine (a self-hosted runner with two jobs, the
// CLI started twice): both build fs/fuse into the same cache folder, so one must wait for the other's
// build (its log says so, naming the other run's pid), and each must load the module it built itself
// (this run's copy, proved by build id and hash), not a half-written one. The tree is a fresh copy,
// so its build folder is new and the first build is long enough (tens of seconds) to overlap.
import { readFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acquireCacheLock, lockPathOf } from '../../src/cache/lock.js';
import { moduleBuildDir } from '../../src/gate/linux-tree-plan.js';
import { readLinuxGuest } from '../../src/image/linux-guest.js';
import { qemuProcessesMentioning, tail } from '../helpers/cli.js';
import { cachedLinuxFuseTree, copyTree, runTreeModuleGate } from '../helpers/linux-tree.js';

const RUN_BOUND_MS = 480_000;
let tree = '';

beforeAll(async () => {
  tree = copyTree(await cachedLinuxFuseTree(), 'cache-lock-tree');
}, 1_300_000);

async function gate(label: string, extra: string[] = []) {
  const run = await runTreeModuleGate(tree, label, RUN_BOUND_MS, extra);
  const build = JSON.parse(readFileSync(path.join(run.out, '.work', 'module-build.json'), 'utf8')) as {
    module: string;
    sha256: string;
    buildId: string;
    changed: string[];
  };
  return { ...run, build };
}

const WAITED =
  /^fusefs-gate: waiting \(up to \d+ s\) for another run, pid (\d+) on .*linux-fuse-build\/[0-9a-f]{16}\.lock$/m;

describe('two runs of one Linux tree at once', () => {
  it(
    'both pass on their own module; one waited for the other, naming its pid',
    async () => {
      const runs = await Promise.all([gate('cache-lock-a'), gate('cache-lock-b')]);
      for (const run of runs) {
        expect(run.result.code, tail(run.result)).toBe(0);
        expect(run.report.verdict).toBe('pass');
        expect(run.report.proof?.ok).toBe(true);
        expect(run.report.proof?.details).toContain(
          `loaded fuse module has build id ${run.build.buildId}, the build's`,
        );
        // The run's own copy, outside the shared build folder.
        expect(run.build.module).toBe(path.join(run.out, '.work', 'fuse.ko'));
        expect(qemuProcessesMentioning(run.out)).toEqual([]);
      }
      // Progress notes go to stderr (stdout holds the verdict).
      const waiters = runs.filter((run) => WAITED.test(run.result.stderr));
      expect(waiters, runs.map((run) => tail(run.result)).join('\n')).toHaveLength(1);
      const waiter = waiters[0]!;
      const other = runs.find((run) => run !== waiter)!;
      expect(WAITED.exec(waiter.result.stderr)![1]).toBe(String(other.result.pid));
      expect(waiter.result.stderr).toMatch(
        /^fusefs-gate: got .*linux-fuse-build\/[0-9a-f]{16}\.lock after waiting/m,
      );
      // The waiter built after the other had finished: the sources were already mirrored, nothing changed.
      expect(other.build.changed.length).toBeGreaterThan(0);
      expect(waiter.build.changed).toEqual([]);
      expect(waiter.build.sha256).toBe(other.build.sha256);
    },
    RUN_BOUND_MS + 30_000,
  );

  it(
    'a run that finds the build folder held past its bound ends in error (exit 125) naming the lock and the holder',
    async () => {
      // The holder is this test process (alive, on this host): its lock is never stale. The folder
      // is the one the CLI's build will want: the default cache, this tree, the generic guest's kernel.
      const cacheDir = process.env.FUSEFS_GATE_CACHE ?? path.join(homedir(), '.cache', 'fusefs-gate');
      const guest = readLinuxGuest(path.join(cacheDir, 'linux-guest-generic', 'current'));
      const folder = moduleBuildDir(cacheDir, tree, guest.kernelRelease);
      const lockPath = lockPathOf(folder);
      const lock = await acquireCacheLock(folder, { waitMs: 10_000 });
      try {
        const run = await gate('cache-lock-held', ['--build-timeout', '10']);
        expect(run.result.code, tail(run.result)).toBe(125);
        expect(run.report.verdict).toBe('error');
        expect(run.report.reason).toContain(
          `${lockPath} is still held by pid ${process.pid} on ${hostname()}`,
        );
        expect(qemuProcessesMentioning(run.out)).toEqual([]);
      } finally {
        lock.release();
      }
    },
    RUN_BOUND_MS + 30_000,
  );
});
