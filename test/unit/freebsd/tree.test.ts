// What the tree really holds, decided before boot, on real git checkouts: a cone-mode sparse
// checkout made with `git sparse-checkout set` (what actions/checkout's `sparse-checkout:` runs)
// has every top file, Makefile.inc1 included, and none of the folders a kernel build needs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/config/errors.js';
import { KERNEL_BUILD_NEEDS, parseSparsePatterns, readTreeFacts } from '../../../src/config/freebsd-tree.js';
import { parseConfig } from '../../../src/config/parse.js';
import type { GateConfig } from '../../../src/config/types.js';
import { freebsdPayload } from '../../../src/guest/freebsd-plan.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'init.defaultBranch=main', ...args],
    { cwd, encoding: 'utf8' },
  );

const SPARSE = ['sys', 'share/mk', 'tests/sys/fs/fusefs', 'tests/freebsd_test_suite', 'sbin/mount'];

/** A tiny "releng/14.4" tree as a git repository: newvers.sh, param.h, and the kernel-build files. */
function releng144(freebsdVersion: number): string {
  const origin = path.join(mkdtempSync(path.join(tmpdir(), 'fg-tree-')), 'origin');
  const files: Record<string, string> = {
    Makefile: '# top\n',
    'Makefile.inc1': '# buildkernel lives here\n',
    'sys/conf/newvers.sh': 'TYPE="FreeBSD"\nREVISION="14.4"\nBRANCH="RELEASE-p3"\n',
    'sys/sys/param.h': `#define __FreeBSD_version ${freebsdVersion}\t/* Master, propagated to newvers */\n`,
    'sys/fs/fuse/fuse_vnops.c': '/* */\n',
    'sys/modules/fusefs/Makefile': 'KMOD= fusefs\n',
    'tests/sys/fs/fusefs/Makefile': '# write.cc\n',
    'tests/freebsd_test_suite/macros.h': '\n',
    'sbin/mount/getmntopts.c': '\n',
    'sbin/init/Makefile': '\n',
  };
  for (const need of KERNEL_BUILD_NEEDS) files[need] ??= '# kernel build\n';
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(origin, rel)), { recursive: true });
    writeFileSync(path.join(origin, rel), body);
  }
  git(origin, 'init', '-q');
  git(origin, 'add', '.');
  git(origin, 'commit', '-qm', 'releng/14.4');
  return origin;
}

function checkout(origin: string, sparse: boolean): string {
  const tree = path.join(path.dirname(origin), sparse ? 'sparse' : 'full');
  git(path.dirname(origin), 'clone', '-q', ...(sparse ? ['--sparse'] : []), origin, tree);
  if (sparse) git(tree, 'sparse-checkout', 'set', '--cone', ...SPARSE);
  return tree;
}

function config(tree: string, raw: Record<string, string> = {}): GateConfig {
  return parseConfig(
    { guest: 'freebsd', 'source-tree': tree, 'output-dir': path.join(tree, '..', 'out'), ...raw },
    { cwd: tree, env: {}, spell: (i) => `--${i}` },
  );
}

function refusal(tree: string, raw: Record<string, string> = {}): BadInputError {
  try {
    config(tree, raw);
  } catch (error) {
    if (error instanceof BadInputError) return error;
    throw error;
  }
  throw new Error('expected the config to refuse the tree');
}

describe('a tree checked before boot', () => {
  it('a cone-mode sparse checkout has Makefile.inc1 but lacks what a kernel build needs, and says it is sparse', () => {
    const tree = checkout(releng144(1404000), true);
    const facts = readTreeFacts(tree);
    expect(facts.missingForKernel).toContain('lib/libnv/Makefile');
    expect(facts.missingForKernel).not.toContain('Makefile.inc1');
    expect(facts.sparse?.folders).toEqual(expect.arrayContaining(SPARSE));
    expect(facts.sparse?.folders).not.toContain('share');
    expect(facts.version).toBe(1404000);
  });

  it('a sparse releng tree with an erratum bump above the image is refused before boot, saying what to change', () => {
    const tree = checkout(releng144(1404001), true);
    const err = refusal(tree);
    expect(err.input).toBe('--source-tree');
    expect(err.message).toMatch(
      /build: auto needs a kernel build here: the tree's __FreeBSD_version is 1404001 .* above 14\.4-RELEASE's kern\.osreldate 1404000/,
    );
    expect(err.message).toMatch(/lacks .*lib\/libnv\/Makefile.*which a kernel build needs/);
    expect(err.message).toMatch(
      /It is a sparse checkout \(.*\.git\/info\/sparse-checkout lists [^)]*share\/mk[^)]*\); its top files, Makefile\.inc1 among them/,
    );
    expect(err.message).toMatch(/Change the workflow: check out the whole tree \(drop `sparse-checkout:`/);
    expect(err.message).toMatch(/`ref: release\/14\.4\.0`/);
    expect(err.message).toMatch(/`build: module` on 14\.4-RELEASE would not help/);
  });

  it('the same tree checked out whole is accepted (the kernel path can work), and goes to the guest whole', () => {
    const tree = checkout(releng144(1404001), false);
    const c = config(tree);
    expect(c.build).toBe('auto');
    expect(freebsdPayload(c).map((e) => ('guestPath' in e ? e.guestPath : e.as))).toContain('src/lib');
  });

  it('a sparse tree the release image can load a module from is accepted, and only its module parts travel', () => {
    const tree = checkout(releng144(1404000), true);
    const c = config(tree);
    const guestPaths = freebsdPayload(c).map((e) => ('guestPath' in e ? e.guestPath : e.as));
    expect(guestPaths).toContain('src/sys');
    expect(guestPaths).not.toContain('src/Makefile.inc1');
  });

  it('a sparse tree asked to run on another major branch is refused before boot', () => {
    const tree = checkout(releng144(1404000), true);
    const err = refusal(tree, { 'freebsd-version': '15.1-RELEASE' });
    expect(err.message).toMatch(
      /FreeBSD 14, and 15\.1-RELEASE runs FreeBSD 15; a module does not load into another major branch's kernel/,
    );
    expect(err.message).toMatch(/`freebsd-version: auto`/);
  });

  it('build: kernel on a sparse tree is refused before boot', () => {
    const tree = checkout(releng144(1404000), true);
    expect(refusal(tree, { build: 'kernel' }).message).toMatch(/lacks /);
  });

  it('build: module that is certain not to load is refused before boot, sparse or whole', () => {
    for (const sparse of [true, false]) {
      const tree = checkout(releng144(1404001), sparse);
      expect(refusal(tree, { build: 'module' }).message).toMatch(
        /build: module cannot work: the tree's __FreeBSD_version is 1404001 .* 14\.4-RELEASE's kern\.osreldate is 1404000/,
      );
    }
    expect(config(checkout(releng144(1404000), true), { build: 'module' }).build).toBe('module');
  });

  it('reads cone patterns: a folder followed by !/folder/*/ keeps only its top files', () => {
    expect(parseSparsePatterns('/*\n!/*/\n/share/\n!/share/*/\n/share/mk/\n/sys/\n')).toEqual([
      'share/mk',
      'sys',
    ]);
  });
});

describe('what a kernel build needs of the tree', () => {
  it("counts etc/mtree/BSD.usr.dist, which buildkernel's kernel-tools stage hands to mtree (Makefile.inc1)", () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'fg-kneeds-'));
    for (const need of KERNEL_BUILD_NEEDS.filter((n) => n !== 'etc/mtree/BSD.usr.dist')) {
      mkdirSync(path.dirname(path.join(tree, need)), { recursive: true });
      writeFileSync(path.join(tree, need), '\n');
    }
    expect(readTreeFacts(tree).missingForKernel).toEqual(['etc/mtree/BSD.usr.dist']);
    mkdirSync(path.join(tree, 'etc/mtree'), { recursive: true });
    writeFileSync(path.join(tree, 'etc/mtree/BSD.usr.dist'), '/set type=dir\n');
    expect(readTreeFacts(tree).missingForKernel).toEqual([]);
  });
});
