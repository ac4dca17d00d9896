// build: auto/module/kernel on the Linux guest, decided from small trees written here: a whole tree
// or only fs/fuse, of the guest kernel's series (6.1) or of another (6.12), with a top Makefile in
// the form every Linux release has (VERSION, PATCHLEVEL, SUBLEVEL, EXTRAVERSION, NAME).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import {
  chooseLinuxTreeBuild,
  parseMakefileVersion,
  readLinuxTreeFacts,
} from '../../../src/linux-tree/choose-build.js';

const WHOLE_TREE_FILES = [
  'Kconfig',
  'arch/x86/Makefile',
  'arch/x86/Kconfig',
  'scripts/Kbuild.include',
  'scripts/kconfig/Makefile',
  'init/main.c',
  'kernel/fork.c',
];

function writeTree(options: { release?: [number, number, number]; whole: boolean }): string {
  const tree = mkdtempSync(path.join(tmpdir(), 'fg-choose-'));
  const put = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(tree, relative)), { recursive: true });
    writeFileSync(path.join(tree, relative), text);
  };
  put('fs/fuse/Makefile', 'obj-$(CONFIG_FUSE_FS) += fuse.o\n');
  put('fs/fuse/fuse_i.h', '/* */\n');
  if (options.release) {
    const [v, p, s] = options.release;
    put(
      'Makefile',
      `# SPDX-License-Identifier: GPL-2.0\nVERSION = ${v}\nPATCHLEVEL = ${p}\nSUBLEVEL = ${s}\nEXTRAVERSION =\nNAME = a name\n\n# *DOCUMENTATION*\n`,
    );
  }
  if (options.whole) for (const file of WHOLE_TREE_FILES) put(file, '# \n');
  return tree;
}

const parse = (raw: Record<string, string>) =>
  parseConfig(
    { guest: 'linux', 'output-dir': mkdtempSync(path.join(tmpdir(), 'fg-out-')), ...raw },
    { cwd: tmpdir(), env: {}, spell: (input) => `--${input}` },
  );

describe('the top Makefile names the release', () => {
  it('reads VERSION, PATCHLEVEL, SUBLEVEL and EXTRAVERSION; a Makefile without them names none', () => {
    expect(
      parseMakefileVersion('VERSION = 6\nPATCHLEVEL = 13\nSUBLEVEL = 0\nEXTRAVERSION = -rc4\nNAME = x\n'),
    ).toEqual({ version: 6, patchlevel: 13, sublevel: 0, extraversion: '-rc4' });
    expect(parseMakefileVersion('obj-y += fuse.o\n')).toBeUndefined();
    // A variable whose name ends in VERSION is not VERSION.
    expect(parseMakefileVersion('KERNELVERSION = 6.1\nPATCHLEVEL = 1\n')).toBeUndefined();
  });
});

describe('build: auto on the Linux guest (its kernel is of the 6.1 series, FUSE as a module)', () => {
  it('a whole tree of the guest kernel series: a module', () => {
    const config = parse({ 'source-tree': writeTree({ release: [6, 1, 170], whole: true }) });
    expect(config.linuxTreeBuild?.mode).toBe('module');
    expect(config.linuxTreeBuild?.why).toMatch(/6\.1\.170/);
  });

  it('only fs/fuse and the Makefile of the guest kernel series: a module', () => {
    const config = parse({ 'source-tree': writeTree({ release: [6, 1, 176], whole: false }) });
    expect(config.linuxTreeBuild?.mode).toBe('module');
  });

  it('only fs/fuse without any Makefile: a module, and the why says the version is unknown', () => {
    const config = parse({ 'source-tree': writeTree({ whole: false }) });
    expect(config.linuxTreeBuild?.mode).toBe('module');
    expect(config.linuxTreeBuild?.why).toMatch(/no top Makefile/);
  });

  it('a whole tree of another series: a kernel, because its module would not load (vermagic)', () => {
    const config = parse({ 'source-tree': writeTree({ release: [6, 12, 117], whole: true }) });
    expect(config.linuxTreeBuild?.mode).toBe('kernel');
    expect(config.linuxTreeBuild?.why).toMatch(/6\.12\.117.*6\.1.*vermagic/);
  });

  it('a tree of another major release but the same patchlevel number is another series too', () => {
    const config = parse({ 'source-tree': writeTree({ release: [5, 1, 0], whole: true }) });
    expect(config.linuxTreeBuild?.mode).toBe('kernel');
  });

  it('only fs/fuse of another series: bad input naming --source-tree, saying what to change', () => {
    const tree = writeTree({ release: [6, 12, 117], whole: false });
    expect(() => parse({ 'source-tree': tree })).toThrow(
      /'--source-tree'.*6\.12\.117.*lacks Kconfig.*whole Linux 6\.12\.117 tree/,
    );
  });
});

describe('build: module and build: kernel asked for', () => {
  it('kernel on a whole tree of either series is a kernel build', () => {
    for (const release of [
      [6, 1, 176],
      [6, 12, 117],
    ] as const) {
      const config = parse({
        'source-tree': writeTree({ release: [...release], whole: true }),
        build: 'kernel',
      });
      expect(config.linuxTreeBuild?.mode).toBe('kernel');
    }
  });

  it('kernel on a partial tree names --source-tree and the files a kernel build lacks', () => {
    const tree = writeTree({ release: [6, 1, 176], whole: false });
    expect(() => parse({ 'source-tree': tree, build: 'kernel' })).toThrow(
      /'--source-tree'.*lacks Kconfig, arch\/x86\/Makefile/,
    );
  });

  it('module on a tree of another series names --build: that module would not load', () => {
    const tree = writeTree({ release: [6, 12, 117], whole: true });
    expect(() => parse({ 'source-tree': tree, build: 'module' })).toThrow(/'--build'.*vermagic.*'kernel'/);
  });

  it('the choice does not depend on the guest series being 6.1: a 6.12 guest takes a 6.12 tree as a module', () => {
    const facts = readLinuxTreeFacts(writeTree({ release: [6, 12, 117], whole: false }));
    expect(chooseLinuxTreeBuild(facts, 'auto', { version: 6, patchlevel: 12 })).toMatchObject({
      mode: 'module',
    });
    expect(chooseLinuxTreeBuild(facts, 'auto', { version: 6, patchlevel: 1 })).toMatchObject({
      input: 'source-tree',
    });
  });
});
