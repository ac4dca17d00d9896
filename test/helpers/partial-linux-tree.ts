// The smallest Linux FUSE tree the config accepts (fs/fuse with its Makefile and fuse_i.h): enough for
// the input checks and the plans, built by no test.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function partialLinuxTree(dir = mkdtempSync(path.join(tmpdir(), 'fg-linux-tree-'))): string {
  mkdirSync(path.join(dir, 'fs', 'fuse'), { recursive: true });
  writeFileSync(path.join(dir, 'fs', 'fuse', 'Makefile'), 'obj-$(CONFIG_FUSE_FS) += fuse.o\n');
  writeFileSync(path.join(dir, 'fs', 'fuse', 'fuse_i.h'), '/* */\n');
  return dir;
}
