// The smallest folder the input parser accepts as a FreeBSD source tree for a module build and the
// write tests (src/config/parse.ts, FREEBSD_TREE_PATHS): the folders those need, and empty files
// where a file is looked for. Files a test needs with content it writes itself afterwards.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const TREE_DIRS = [
  'sys/fs/fuse',
  'sys/sys',
  'sys/conf',
  'sys/modules/fusefs',
  'share/mk',
  'tests/sys/fs/fusefs',
  'tests/freebsd_test_suite',
  'sbin/mount',
];
const TREE_FILES = [
  'sys/sys/param.h',
  'sys/conf/newvers.sh',
  'sys/modules/fusefs/Makefile',
  'tests/sys/fs/fusefs/Makefile',
  'sbin/mount/getmntopts.c',
];

/** Makes that tree at `tree` (created if missing) and returns `tree`. */
export function makeFreebsdTree(tree: string): string {
  for (const dir of TREE_DIRS) mkdirSync(path.join(tree, dir), { recursive: true });
  for (const file of TREE_FILES) writeFileSync(path.join(tree, file), '');
  return tree;
}
