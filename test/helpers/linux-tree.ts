// The Linux FUSE tree the integration tests use: fs/fuse of Debian's linux-source-6.1, the same
// version as the generic guest kernel, unpacked once into the cache by scripts/fetch-linux-fuse-tree.sh.
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { GateReport } from '../../src/report/model.js';
import { runCli, runProcess, tail, tempDir } from './cli.js';

/** The package root, found upwards: these helpers also run compiled under lib/ (bench/linux-tree.ts). */
export const packageDir = (() => {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

export const DEADLOCK_PATCH = path.join(
  packageDir,
  'test',
  'fixtures',
  'linux-tree',
  'deliberate-deadlock-fuse_file_write_iter.patch',
);
/** The function the deliberate deadlock patches; the hang's title must name it. */
export const DEADLOCKED_FUNCTION = 'fuse_file_write_iter';

/** Builds the generic guest (a no-op once built) and unpacks the tree; returns the cached tree. */
export async function cachedLinuxFuseTree(): Promise<string> {
  const env = { ...process.env, FUSEFS_GATE_GUEST_FLAVOUR: 'generic' };
  const guest = await runProcess('bash', [path.join(packageDir, 'scripts/build-linux-guest.sh')], {
    timeoutMs: 600_000,
    env,
  });
  if (guest.code !== 0) throw new Error(`building the generic Linux guest failed:\n${tail(guest)}`);
  const fetched = await runProcess('bash', [path.join(packageDir, 'scripts/fetch-linux-fuse-tree.sh')], {
    timeoutMs: 600_000,
  });
  if (fetched.code !== 0) throw new Error(`fetching the Linux FUSE tree failed:\n${tail(fetched)}`);
  return fetched.stdout.trim().split('\n').at(-1)!;
}

/** A private copy of the cached tree, to patch or put under git. */
export function copyTree(cached: string, label: string): string {
  const tree = path.join(tempDir(label), 'linux');
  cpSync(cached, tree, { recursive: true });
  return tree;
}

export const UNDEFINED_FUNCTION_PATCH = path.join(
  packageDir,
  'test',
  'fixtures',
  'linux-tree',
  'undefined-function-fuse_ctl_init.patch',
);
/** The function the undefined-function patch calls and nothing defines. */
export const UNDEFINED_FUNCTION = 'fusefs_gate_defined_nowhere';

/** Makes fuse_ctl_init() call a function defined nowhere (`patch -p1`); `reverse` takes it out again. */
export async function applyUndefinedFunction(tree: string, reverse = false): Promise<void> {
  const control = path.join(tree, 'fs/fuse/control.c');
  if (readFileSync(control, 'utf8').includes(UNDEFINED_FUNCTION) !== reverse) return;
  const result = await runProcess(
    'patch',
    [...(reverse ? ['-R'] : []), '-p1', '-i', UNDEFINED_FUNCTION_PATCH],
    {
      cwd: tree,
      timeoutMs: 30_000,
    },
  );
  if (result.code !== 0)
    throw new Error(
      `patch ${reverse ? '-R ' : ''}-p1 < ${UNDEFINED_FUNCTION_PATCH} failed in ${tree}:\n${tail(result)}`,
    );
}

/** Applies the deliberate deadlock to a tree with `patch -p1`. */
export async function applyDeadlock(tree: string): Promise<void> {
  const result = await runProcess('patch', ['-p1', '-i', DEADLOCK_PATCH], { cwd: tree, timeoutMs: 30_000 });
  if (result.code !== 0) throw new Error(`patch -p1 < ${DEADLOCK_PATCH} failed in ${tree}:\n${tail(result)}`);
  if (!readFileSync(path.join(tree, 'fs/fuse/file.c'), 'utf8').includes('DELIBERATE DEADLOCK'))
    throw new Error('the deadlock patch applied but is not in file.c');
}

export const DEADLOCK_SUBJECT =
  'fuse: take the inode lock around direct-I/O writes (DELIBERATE DEADLOCK, test fixture)';
export const BROKEN_SUBJECT = 'fuse: ioctl: start a refactor that does not compile';
/** The files the harmless commits touch, in turn (one file per commit). */
const TOUCHED = ['dir.c', 'inode.c', 'readdir.c', 'xattr.c', 'acl.c', 'control.c', 'dev.c'];
const BROKEN_LINE = '\nstatic int fusefs_gate_refactor = ;\n';

/** `git -C repo ...` with a fixed identity; throws with the output when git fails. */
export async function gitIn(repo: string, args: string[]): Promise<string> {
  const result = await runProcess(
    'git',
    ['-C', repo, '-c', 'user.name=fusefs-gate test', '-c', 'user.email=test@invalid', ...args],
    { timeoutMs: 60_000 },
  );
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}:\n${tail(result)}`);
  return result.stdout.trim();
}

/** Where a history's commits are: how many after the import, which one breaks the build (the next repairs it), which brings the deadlock. */
export interface HistoryShape {
  commits: number;
  broken?: number;
  deadlock: number;
}

/**
 * The bisect test's history: commit 8 does not compile (the search's first pick after the bad end,
 * so the skip is always exercised), commit 9 repairs it, commit 11 (bad~5) brings the deadlock.
 */
export const SIXTEEN_COMMITS: HistoryShape = { commits: 16, broken: 8, deadlock: 11 };

/**
 * Puts `repo` (a copy of the tree) under git: the import tagged `good`, then `shape.commits`
 * one-file commits tagged `bad` at the end, HEAD on the last: the one that breaks the build, its
 * repair, the deliberate deadlock, and harmless comments for the others.
 */
export async function makeBisectHistory(repo: string, shape: HistoryShape = SIXTEEN_COMMITS): Promise<void> {
  const commit = async (subject: string) => {
    await gitIn(repo, ['add', '-A']);
    await gitIn(repo, ['commit', '-q', '-m', subject]);
  };
  await gitIn(repo, ['init', '-q', '-b', 'main']);
  await commit('import fs/fuse of Debian linux-source-6.1');
  await gitIn(repo, ['tag', 'good']);
  for (let n = 1; n <= shape.commits; n++) {
    if (n === shape.broken) {
      appendFileSync(path.join(repo, 'fs/fuse/ioctl.c'), BROKEN_LINE);
      await commit(BROKEN_SUBJECT);
    } else if (shape.broken !== undefined && n === shape.broken + 1) {
      const ioctl = path.join(repo, 'fs/fuse/ioctl.c');
      writeFileSync(ioctl, readFileSync(ioctl, 'utf8').replace(BROKEN_LINE, ''));
      await commit('fuse: ioctl: back out the broken refactor');
    } else if (n === shape.deadlock) {
      await applyDeadlock(repo);
      await commit(DEADLOCK_SUBJECT);
    } else {
      const file = TOUCHED[n % TOUCHED.length]!;
      appendFileSync(
        path.join(repo, 'fs/fuse', file),
        `\n/* fusefs-gate test history: harmless change ${n} */\n`,
      );
      await commit(`fuse: ${file.replace(/\.c$/, '')}: harmless change ${n}`);
    }
  }
  await gitIn(repo, ['tag', 'bad']);
}

/** The gate's cache root, as the CLI finds it without --cache-dir. */
export function gateCacheRoot(): string {
  return process.env.FUSEFS_GATE_CACHE ?? path.join(homedir(), '.cache', 'fusefs-gate');
}

/** Builds the generic guest and unpacks the whole linux-source-6.1 tree once; returns the cached tree. */
export async function cachedWholeLinuxTree(): Promise<string> {
  await cachedLinuxFuseTree();
  const fetched = await runProcess(
    'bash',
    [path.join(packageDir, 'scripts/fetch-linux-fuse-tree.sh'), '--full'],
    {
      timeoutMs: 900_000,
    },
  );
  if (fetched.code !== 0) throw new Error(`unpacking the whole Linux tree failed:\n${tail(fetched)}`);
  return fetched.stdout.trim().split('\n').at(-1)!;
}

/**
 * The whole tree the kernel-build tests boot: one copy at a fixed place in the cache, made once, so
 * its build folder (kept per tree path) and ccache carry over from run to run and a warm run
 * rebuilds only what changed. A deadlock patch an interrupted run left in it is reversed first.
 */
export async function kernelTestTree(name: string): Promise<string> {
  const cached = await cachedWholeLinuxTree();
  const tree = path.join(gateCacheRoot(), 'test-trees', `${name}-${path.basename(cached)}`);
  if (!existsSync(path.join(tree, '.fusefs-gate-complete'))) {
    rmSync(tree, { recursive: true, force: true });
    rmSync(`${tree}.partial`, { recursive: true, force: true });
    mkdirSync(path.dirname(tree), { recursive: true });
    const copied = await runProcess('cp', ['-a', cached, `${tree}.partial`], { timeoutMs: 900_000 });
    if (copied.code !== 0) throw new Error(`copying ${cached} failed:\n${tail(copied)}`);
    renameSync(`${tree}.partial`, tree);
  }
  await revertDeadlock(tree);
  return tree;
}

/** Takes the deliberate deadlock out again (`patch -R`) when the tree has it. */
export async function revertDeadlock(tree: string): Promise<void> {
  if (!readFileSync(path.join(tree, 'fs/fuse/file.c'), 'utf8').includes('DELIBERATE DEADLOCK')) return;
  const result = await runProcess('patch', ['-R', '-p1', '-i', DEADLOCK_PATCH], {
    cwd: tree,
    timeoutMs: 30_000,
  });
  if (result.code !== 0)
    throw new Error(`patch -R -p1 < ${DEADLOCK_PATCH} failed in ${tree}:\n${tail(result)}`);
}

/**
 * One `fusefs-gate run --guest linux --source-tree TREE --build module` of the write-readback
 * workload through the CLI, as the tree tests run it; `extra` goes before the other options.
 */
export async function runTreeModuleGate(tree: string, label: string, boundMs: number, extra: string[] = []) {
  const out = tempDir(label);
  const result = await runCli(
    [
      'run',
      ...extra,
      '--guest',
      'linux',
      '--source-tree',
      tree,
      '--build',
      'module',
      '--accel',
      'tcg',
      '--quiet',
      '--timeout',
      '15',
      '--workloads',
      'write-readback',
      '--fixture-options',
      'direct_io',
      '--out',
      out,
    ],
    { timeoutMs: boundMs },
  );
  const reportPath = path.join(out, 'report.json');
  if (!existsSync(reportPath)) throw new Error(`no report.json in ${out}:\n${tail(result)}`);
  return { out, result, report: JSON.parse(readFileSync(reportPath, 'utf8')) as GateReport };
}
