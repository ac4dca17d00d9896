// The Linux FUSE tree the integration tests use: fs/fuse of Debian's linux-source-6.1, the same
// version as the generic guest kernel, unpacked once into the cache by scripts/fetch-linux-fuse-tree.sh.
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runProcess, tail, tempDir } from './cli.js';
import { repoRoot } from './gate.js';

export const DEADLOCK_PATCH = path.join(repoRoot, 'test', 'fixtures', 'linux-tree', 'deliberate-deadlock-fuse_file_write_iter.patch');
/** The function the deliberate deadlock patches; the hang's title must name it. */
export const DEADLOCKED_FUNCTION = 'fuse_file_write_iter';

/** Builds the generic guest (a no-op once built) and unpacks the tree; returns the cached tree. */
export async function cachedLinuxFuseTree(): Promise<string> {
  const env = { ...process.env, FUSEFS_GATE_GUEST_FLAVOUR: 'generic' };
  const guest = await runProcess('bash', ['scripts/build-linux-guest.sh'], { timeoutMs: 600_000, env });
  if (guest.code !== 0) throw new Error(`building the generic Linux guest failed:\n${tail(guest)}`);
  const fetched = await runProcess('bash', ['scripts/fetch-linux-fuse-tree.sh'], { timeoutMs: 600_000 });
  if (fetched.code !== 0) throw new Error(`fetching the Linux FUSE tree failed:\n${tail(fetched)}`);
  return fetched.stdout.trim().split('\n').at(-1)!;
}

/** A private copy of the cached tree, to patch or put under git. */
export function copyTree(cached: string, label: string): string {
  const tree = path.join(tempDir(label), 'linux');
  cpSync(cached, tree, { recursive: true });
  return tree;
}

/** Applies the deliberate deadlock to a tree with `patch -p1`. */
export async function applyDeadlock(tree: string): Promise<void> {
  const result = await runProcess('patch', ['-p1', '-i', DEADLOCK_PATCH], { cwd: tree, timeoutMs: 30_000 });
  if (result.code !== 0) throw new Error(`patch -p1 < ${DEADLOCK_PATCH} failed in ${tree}:\n${tail(result)}`);
  if (!readFileSync(path.join(tree, 'fs/fuse/file.c'), 'utf8').includes('DELIBERATE DEADLOCK')) throw new Error('the deadlock patch applied but is not in file.c');
}
