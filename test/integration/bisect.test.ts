// fusefs-gate bisect on a real Linux FUSE tree under real QEMU: a git history of 16 commits after
// the imported tree (fs/fuse of Debian's linux-source-6.1), each a one-file change so every step
// is an incremental module build. Exactly one commit brings the deliberate deadlock; one earlier
// commit does not compile (the next one repairs it). The bisection must name the deadlock commit
// with at most 6 builds, skip the broken commit without blaming it, and leave the user's dirty
// working copy exactly as it was. About 4 min under TCG on 2 cores (the bad-input cases: seconds).
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qemuProcessesMentioning, runCli, runProcess, tail, tempDir } from '../helpers/cli.js';
import { applyDeadlock, cachedLinuxFuseTree, copyTree, DEADLOCKED_FUNCTION } from '../helpers/linux-tree.js';

const BISECT_BOUND_MS = 1_200_000;
const DEADLOCK_SUBJECT = 'fuse: take the inode lock around direct-I/O writes (DELIBERATE DEADLOCK, test fixture)';
const BROKEN_SUBJECT = 'fuse: ioctl: start a refactor that does not compile';
/** The files the harmless commits touch, in turn (one file per commit). */
const TOUCHED = ['dir.c', 'inode.c', 'readdir.c', 'xattr.c', 'acl.c', 'control.c', 'dev.c'];

let repo = '';
let cachedTree = '';
const subjects: string[] = [];

async function git(args: string[]): Promise<string> {
  const result = await runProcess('git', ['-C', repo, '-c', 'user.name=fusefs-gate test', '-c', 'user.email=test@invalid', ...args], { timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}:\n${tail(result)}`);
  return result.stdout.trim();
}

async function commit(subject: string): Promise<void> {
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', subject]);
  subjects.push(subject);
}

beforeAll(async () => {
  cachedTree = await cachedLinuxFuseTree();
  repo = copyTree(cachedTree, 'bisect-repo');
  await git(['init', '-q', '-b', 'main']);
  await commit('import fs/fuse of Debian linux-source-6.1');
  await git(['tag', 'good']);
  // Commits 1..16 after the good end: the 4th breaks the build, the 5th repairs it, the 11th deadlocks.
  for (let n = 1; n <= 16; n++) {
    if (n === 4) {
      appendFileSync(path.join(repo, 'fs/fuse/ioctl.c'), '\nstatic int fusefs_gate_refactor = ;\n');
      await commit(BROKEN_SUBJECT);
    } else if (n === 5) {
      const ioctl = path.join(repo, 'fs/fuse/ioctl.c');
      writeFileSync(ioctl, readFileSync(ioctl, 'utf8').replace('\nstatic int fusefs_gate_refactor = ;\n', ''));
      await commit('fuse: ioctl: back out the broken refactor');
    } else if (n === 11) {
      await applyDeadlock(repo);
      await commit(DEADLOCK_SUBJECT);
    } else {
      const file = TOUCHED[n % TOUCHED.length]!;
      appendFileSync(path.join(repo, 'fs/fuse', file), `\n/* fusefs-gate test history: harmless change ${n} */\n`);
      await commit(`fuse: ${file.replace(/\.c$/, '')}: harmless change ${n}`);
    }
  }
  await git(['tag', 'bad']);
}, 1_300_000);

describe('fusefs-gate bisect (real QEMU, a Linux FUSE tree)', () => {
  it('names the one commit that brings the deadlock, with at most 6 builds; skips the commit that does not compile; leaves a dirty working copy as it was', async () => {
    // The user's working copy: a modified tracked file and an untracked one.
    appendFileSync(path.join(repo, 'fs/fuse/file.c'), '\n/* uncommitted work of the user */\n');
    writeFileSync(path.join(repo, 'NOTES.txt'), 'untracked notes\n');
    const before = { status: await git(['status', '--porcelain']), head: await git(['rev-parse', 'HEAD']), file: readFileSync(path.join(repo, 'fs/fuse/file.c'), 'utf8') };

    const out = tempDir('bisect-out');
    const result = await runCli(
      ['bisect', '--source-tree', repo, '--good', 'good', '--bad', 'bad', '--guest', 'linux', '--build', 'module', '--accel', 'tcg', '--quiet',
        '--timeout', '10', '--workloads', 'write-readback', '--fixture-options', 'direct_io', '--out', out],
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
      steps: { commit: string; subject: string; outcome: string; why: string; verdict: string }[];
    };
    expect(summary.result.firstBad?.sha).toBe(deadlockSha);
    expect(summary.builds).toBeLessThanOrEqual(6);
    expect(summary.badFailure).toContain(DEADLOCKED_FUNCTION);
    expect(summary.steps[0]).toMatchObject({ outcome: 'bad', verdict: 'hang' });
    // The broken commit, when it was tested, was skipped, not blamed.
    for (const step of summary.steps.filter((s) => s.subject === BROKEN_SUBJECT)) expect(step).toMatchObject({ outcome: 'skip', why: expect.stringContaining('does not compile') });

    expect(await git(['status', '--porcelain'])).toBe(before.status);
    expect(await git(['rev-parse', 'HEAD'])).toBe(before.head);
    expect(readFileSync(path.join(repo, 'fs/fuse/file.c'), 'utf8')).toBe(before.file);
    expect((await git(['worktree', 'list'])).split('\n')).toHaveLength(1);
    expect(qemuProcessesMentioning(out)).toEqual([]);
  }, BISECT_BOUND_MS + 30_000);

  it('a bad end that does not fail leaves the bisection undecided after one build: exit 125', async () => {
    // good..bad~11 is commits 1..5; its bad end (commit 5, the repair) passes.
    const out = tempDir('bisect-undecided');
    const result = await runCli(
      ['bisect', '--source-tree', repo, '--good', 'good', '--bad', 'bad~11', '--guest', 'linux', '--accel', 'tcg', '--quiet', '--timeout', '10', '--workloads', 'write-readback', '--fixture-options', 'direct_io', '--out', out],
      { timeoutMs: 400_000 },
    );
    expect(result.code, tail(result)).toBe(125);
    expect(result.stdout).toContain('bisect: undecided: the bad end is not bad');
  }, 420_000);

  it('bad input is exit 64 naming the input: unknown refs, a good end that is not an ancestor of the bad end, a tree that is not a git repository', async () => {
    const common = ['--guest', 'linux', '--quiet'];
    const unknown = await runCli(['bisect', '--source-tree', repo, '--good', 'no-such-ref', '--bad', 'bad', ...common], { timeoutMs: 60_000 });
    expect(unknown.code, tail(unknown)).toBe(64);
    expect(unknown.stderr).toContain(`'--good': "no-such-ref" names no commit`);
    const reversed = await runCli(['bisect', '--source-tree', repo, '--good', 'bad', '--bad', 'good', ...common], { timeoutMs: 60_000 });
    expect(reversed.code, tail(reversed)).toBe(64);
    expect(reversed.stderr).toContain(`'--good': "bad" is not an ancestor of --bad "good"`);
    const plain = path.join(tempDir('not-git'), 'linux');
    cpSync(cachedTree, plain, { recursive: true });
    rmSync(path.join(plain, '.git'), { recursive: true, force: true });
    const notGit = await runCli(['bisect', '--source-tree', plain, '--good', 'good', '--bad', 'bad', ...common], { timeoutMs: 60_000 });
    expect(notGit.code, tail(notGit)).toBe(64);
    expect(notGit.stderr).toContain('is not in a git repository');
  }, 200_000);
});
