// fusefs-gate bisect on a real Linux FUSE tree under real QEMU: a git history of 16 commits after
// the imported tree (fs/fuse of Debian's linux-source-6.1), each a one-file change so every step
// is an incremental module build. Exactly one commit brings the deliberate deadlock; one earlier
// commit does not compile (the next one repairs it). The bisection must name the deadlock commit
// with at most 6 builds, skip the broken commit without blaming it, and leave the user's dirty
// working copy exactly as it was. One guest serves consecutive steps while they leave it healthy:
// the step after a pass reuses the running guest (rmmod, the next fuse.ko through the rewritten
// payload disk, insmod, proof), the step after a hang boots a fresh one. 2.5 min (load 7) to 4.5 min (load 12) under TCG on 2 cores; the
// undecided case under a minute, the bad-input cases seconds.
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qemuProcessesMentioning, runCli, tail, tempDir } from '../helpers/cli.js';
import { spawnCli } from '../helpers/gate.js';
import {
  BROKEN_SUBJECT,
  cachedLinuxFuseTree,
  copyTree,
  DEADLOCK_SUBJECT,
  DEADLOCKED_FUNCTION,
  gitIn,
  makeBisectHistory,
} from '../helpers/linux-tree.js';

const BISECT_BOUND_MS = 1_200_000;

let repo = '';
let cachedTree = '';
const git = (args: string[]) => gitIn(repo, args);

beforeAll(async () => {
  cachedTree = await cachedLinuxFuseTree();
  repo = copyTree(cachedTree, 'bisect-repo');
  await makeBisectHistory(repo);
}, 1_300_000);

describe('fusefs-gate bisect (real QEMU, a Linux FUSE tree)', () => {
  it(
    'names the one commit that brings the deadlock, with at most 6 builds; skips the commit that does not compile; leaves a dirty working copy as it was',
    async () => {
      // The user's working copy: a modified tracked file and an untracked one.
      appendFileSync(path.join(repo, 'fs/fuse/file.c'), '\n/* uncommitted work of the user */\n');
      writeFileSync(path.join(repo, 'NOTES.txt'), 'untracked notes\n');
      const before = {
        status: await git(['status', '--porcelain']),
        head: await git(['rev-parse', 'HEAD']),
        file: readFileSync(path.join(repo, 'fs/fuse/file.c'), 'utf8'),
      };

      const out = tempDir('bisect-out');
      const result = await runCli(
        [
          'bisect',
          '--source-tree',
          repo,
          '--good',
          'good',
          '--bad',
          'bad',
          '--guest',
          'linux',
          '--build',
          'module',
          '--accel',
          'tcg',
          '--quiet',
          '--timeout',
          '10',
          '--workloads',
          'write-readback',
          '--fixture-options',
          'direct_io',
          '--out',
          out,
        ],
        { timeoutMs: BISECT_BOUND_MS },
      );
      expect(result.code, tail(result)).toBe(0);
      const deadlockSha = await git(['rev-parse', 'bad~5']);
      expect(await git(['log', '-1', '--format=%s', deadlockSha])).toBe(DEADLOCK_SUBJECT);
      expect(result.stdout).toContain(`first bad commit: ${deadlockSha} ${DEADLOCK_SUBJECT}`);
      const summary = JSON.parse(readFileSync(path.join(out, 'bisect', 'bisect.json'), 'utf8')) as {
        builds: number;
        badFailure: string;
        result: { firstBad?: { sha: string } };
        steps: {
          commit: string;
          subject: string;
          outcome: string;
          why: string;
          verdict: string;
          outDir: string;
          guest?: string;
        }[];
      };
      expect(summary.result.firstBad?.sha).toBe(deadlockSha);
      expect(summary.builds).toBeLessThanOrEqual(6);
      expect(summary.badFailure).toContain(DEADLOCKED_FUNCTION);
      expect(summary.steps[0]).toMatchObject({ outcome: 'bad', verdict: 'hang' });
      // The search's first pick after the bad end is the commit that does not compile: skipped, not blamed.
      const broken = summary.steps.filter((s) => s.subject === BROKEN_SUBJECT);
      expect(broken).toHaveLength(1);
      expect(broken[0]).toMatchObject({
        outcome: 'skip',
        why: expect.stringContaining('does not compile: fs/fuse/ioctl.c:'),
      });

      // Guest reuse: a step that ran a guest reuses it exactly when the step that ran one before it
      // passed; the first one, and the one after a hang, boot fresh. The skipped commit runs none.
      const ran = summary.steps.filter((s) => s.guest !== undefined);
      expect(broken[0]!.guest).toBeUndefined();
      ran.forEach((step, index) => {
        const previous = ran[index - 1];
        const expected = previous?.verdict === 'pass' ? 'reused guest' : 'fresh boot';
        expect(step.guest, `${step.subject} after ${previous?.verdict ?? 'nothing'}`).toBe(expected);
        const report = JSON.parse(readFileSync(path.join(step.outDir, 'report.json'), 'utf8')) as {
          reusedGuest?: boolean;
          phases: { phase: string }[];
          proof?: { ok: boolean };
        };
        expect(report.reusedGuest).toBe(expected === 'reused guest');
        expect(report.phases.some((p) => p.phase === 'boot')).toBe(expected === 'fresh boot');
        expect(report.phases.some((p) => p.phase === 'reuse')).toBe(expected === 'reused guest');
        // The proof holds: the fuse.ko loaded is this step's build, read through the rewritten disk.
        expect(report.proof?.ok, step.subject).toBe(true);
        // Each step's serial log is its own slice: a reused guest's has no boot banner.
        const serial = readFileSync(path.join(step.outDir, 'serial.log'), 'latin1');
        expect(/Linux version \d+\.\d+/.test(serial), step.subject).toBe(expected === 'fresh boot');
        expect(existsSync(path.join(step.outDir, 'results', 'dmesg.txt')), step.subject).toBe(true);
      });
      expect(ran.filter((s) => s.guest === 'reused guest').length).toBeGreaterThanOrEqual(1);
      expect(
        ran.filter((_s, i) => i > 0 && ran[i - 1]!.verdict === 'hang').every((s) => s.guest === 'fresh boot'),
      ).toBe(true);
      expect(result.stdout).toContain('; reused guest, build ');
      expect(result.stdout).toContain('; fresh boot, build ');

      expect(await git(['status', '--porcelain'])).toBe(before.status);
      expect(await git(['rev-parse', 'HEAD'])).toBe(before.head);
      expect(readFileSync(path.join(repo, 'fs/fuse/file.c'), 'utf8')).toBe(before.file);
      expect((await git(['worktree', 'list'])).split('\n')).toHaveLength(1);
      expect(qemuProcessesMentioning(out)).toEqual([]);
    },
    BISECT_BOUND_MS + 30_000,
  );

  it(
    'SIGTERM while a passed step has left its guest running for the next: exit 143, no QEMU left',
    async () => {
      const out = tempDir('bisect-sigterm');
      const run = spawnCli(
        [
          'bisect',
          '--source-tree',
          repo,
          '--good',
          'good',
          '--bad',
          'bad',
          '--guest',
          'linux',
          '--accel',
          'tcg',
          '--quiet',
          '--timeout',
          '10',
          '--workloads',
          'write-readback',
          '--fixture-options',
          'direct_io',
          '--out',
          out,
        ],
        BISECT_BOUND_MS,
      );
      // A step line that says good is printed once its run has kept the guest for the next step.
      const deadline = Date.now() + BISECT_BOUND_MS;
      while (
        !/^step \d+: \S+ good /m.test(run.stdout) &&
        run.child.exitCode === null &&
        Date.now() < deadline
      )
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect(run.stdout).toMatch(/^step \d+: \S+ good .*; fresh boot, /m);
      expect(qemuProcessesMentioning(out)).toHaveLength(1);
      run.child.kill('SIGTERM');
      const done = await run.done;
      expect(done.code, done.stderr.slice(-2000)).toBe(143);
      expect(done.stdout).toContain('bisect: cancelled by SIGTERM');
      expect(qemuProcessesMentioning(out)).toEqual([]);
      expect((await git(['worktree', 'list'])).split('\n')).toHaveLength(1);
    },
    BISECT_BOUND_MS + 60_000,
  );

  it('a bad end that does not fail leaves the bisection undecided after one build: exit 125', async () => {
    // good..bad~11 is commits 1..5; its bad end (commit 5, harmless) passes.
    const out = tempDir('bisect-undecided');
    const result = await runCli(
      [
        'bisect',
        '--source-tree',
        repo,
        '--good',
        'good',
        '--bad',
        'bad~11',
        '--guest',
        'linux',
        '--accel',
        'tcg',
        '--quiet',
        '--timeout',
        '10',
        '--workloads',
        'write-readback',
        '--fixture-options',
        'direct_io',
        '--out',
        out,
      ],
      { timeoutMs: 400_000 },
    );
    expect(result.code, tail(result)).toBe(125);
    expect(result.stdout).toContain('bisect: undecided: the bad end is not bad');
  }, 420_000);

  it('bad input is exit 64 naming the input: unknown refs, a good end that is not an ancestor of the bad end, a tree that is not a git repository', async () => {
    const common = ['--guest', 'linux', '--quiet'];
    const unknown = await runCli(
      ['bisect', '--source-tree', repo, '--good', 'no-such-ref', '--bad', 'bad', ...common],
      { timeoutMs: 60_000 },
    );
    expect(unknown.code, tail(unknown)).toBe(64);
    expect(unknown.stderr).toContain(`'--good': "no-such-ref" names no commit`);
    const reversed = await runCli(
      ['bisect', '--source-tree', repo, '--good', 'bad', '--bad', 'good', ...common],
      { timeoutMs: 60_000 },
    );
    expect(reversed.code, tail(reversed)).toBe(64);
    expect(reversed.stderr).toContain(`'--good': "bad" is not an ancestor of --bad "good"`);
    const plain = path.join(tempDir('not-git'), 'linux');
    cpSync(cachedTree, plain, { recursive: true });
    rmSync(path.join(plain, '.git'), { recursive: true, force: true });
    const notGit = await runCli(
      ['bisect', '--source-tree', plain, '--good', 'good', '--bad', 'bad', ...common],
      { timeoutMs: 60_000 },
    );
    expect(notGit.code, tail(notGit)).toBe(64);
    expect(notGit.stderr).toContain('is not in a git repository');
  }, 200_000);
});
