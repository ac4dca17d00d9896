// The module and kernel builds wait for their build folder's lock; one held past the bound is the
// gate's failure (blame `gate`, never the tree's), and nothing in the folder is touched meanwhile.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireCacheLock, lockPathOf } from '../../../src/cache/lock.js';
import { buildKernel } from '../../../src/linux-tree/kernel-build.js';
import { buildFuseModule } from '../../../src/linux-tree/module-build.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fg-build-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fuseTree(): string {
  const tree = path.join(dir, 'tree');
  mkdirSync(path.join(tree, 'fs', 'fuse'), { recursive: true });
  writeFileSync(path.join(tree, 'fs', 'fuse', 'Makefile'), 'obj-m += fuse.o\n');
  writeFileSync(path.join(tree, 'fs', 'fuse', 'inode.c'), 'int x;\n');
  return tree;
}

describe('a build folder held by another run', () => {
  it("the module build waits, says so, and ends as the gate's failure naming the lock and holder", async () => {
    const buildDir = path.join(dir, 'linux-fuse-build', 'k1');
    const held = await acquireCacheLock(buildDir, { waitMs: 1_000 });
    const notes: string[] = [];
    try {
      const build = await buildFuseModule({
        tree: fuseTree(),
        kernelBuildDir: path.join(dir, 'no-headers'),
        buildDir,
        moduleDir: path.join(dir, 'run1'),
        timeoutMs: 60_000,
        lockWaitMs: 500,
        log: (m) => notes.push(m),
      });
      expect(build).toMatchObject({ ok: false, blame: 'gate', compilerErrors: [], changed: [] });
      expect(build.tail).toContain(`${lockPathOf(buildDir)} is still held by pid ${process.pid}`);
      expect(notes[0]).toMatch(/^fusefs-gate: waiting \(up to 1 s\) for another run, pid \d+/);
      // Nothing was mirrored into the held folder.
      expect(existsSync(path.join(buildDir, 'fuse'))).toBe(false);
    } finally {
      held.release();
    }
  });

  it('the kernel build too', async () => {
    const buildDir = path.join(dir, 'linux-kernel-build', 'k2');
    const held = await acquireCacheLock(buildDir, { waitMs: 1_000 });
    try {
      const build = await buildKernel({
        tree: fuseTree(),
        buildDir,
        imageDir: path.join(dir, 'run2'),
        timeoutMs: 60_000,
        lockWaitMs: 500,
      });
      expect(build).toMatchObject({ ok: false, blame: 'gate', configured: false });
      expect(build.tail).toContain(`${lockPathOf(buildDir)} is still held by pid ${process.pid}`);
      expect(existsSync(path.join(buildDir, '.config'))).toBe(false);
    } finally {
      held.release();
    }
  });
});
