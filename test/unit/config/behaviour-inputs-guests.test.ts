// What README's input table promises about source-tree on each guest, the FreeBSD-only inputs on
// guest linux, and the bisect inputs: each case a single-change bug in src/config/parse.ts that the
// other tests let through (bench/RESULTS.md lists the survivors).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/config/errors.js';
import { parseConfig, type RawInputs } from '../../../src/config/parse.js';
import { makeFreebsdTree } from '../../helpers/freebsd-tree.js';
import { partialLinuxTree as linuxTree } from '../../helpers/partial-linux-tree.js';

const work = mkdtempSync(path.join(tmpdir(), 'fg-config-guests-'));
const out = path.join(work, 'out');
const parseIn = (cwd: string, raw: RawInputs) => parseConfig({ 'output-dir': out, ...raw }, { cwd, env: {} });

function refusalIn(cwd: string, raw: RawInputs): BadInputError {
  try {
    parseIn(cwd, raw);
  } catch (error) {
    if (error instanceof BadInputError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
}

/** The two files that make a folder a Linux FUSE tree (fs/fuse/Makefile, fs/fuse/fuse_i.h). */

describe('source-tree on guest linux', () => {
  const plain = path.join(work, 'plain');
  mkdirSync(plain, { recursive: true });

  it('a path that is no folder is refused as such', () => {
    const missing = path.join(work, 'no-such-tree');
    expect(refusalIn(work, { guest: 'linux', 'source-tree': missing }).message).toBe(
      `invalid input 'source-tree': ${JSON.stringify(missing)} is not a directory`,
    );
  });

  it('a folder given by name must be a Linux tree; the default `.` without one is the packaged driver', () => {
    expect(refusalIn(work, { guest: 'linux', 'source-tree': plain }).message).toBe(
      `invalid input 'source-tree': ${JSON.stringify(plain)} has no fs/fuse/Makefile and fs/fuse/fuse_i.h: point it at a Linux kernel tree`,
    );
    const packaged = parseIn(plain, { guest: 'linux', 'source-tree': '.' });
    expect(packaged.linuxFuseTree).toBeUndefined();
    expect(parseIn(plain, { guest: 'linux' }).linuxFuseTree).toBeUndefined();
  });

  it('build none with a Linux tree given by name is refused; with the default `.`, it tests the packaged driver', () => {
    const tree = linuxTree(path.join(work, 'linux'));
    expect(refusalIn(work, { guest: 'linux', 'source-tree': tree, build: 'none' })).toMatchObject({
      input: 'build',
      problem: "'none' with a Linux source tree would test nothing of it: use 'module' or 'auto'",
    });
    for (const raw of [{ 'source-tree': '.' }, {}]) {
      const config = parseIn(tree, { guest: 'linux', build: 'none', ...raw });
      expect(config.linuxFuseTree).toBeUndefined();
      expect(config.linuxTreeBuild).toBeUndefined();
    }
    expect(parseIn(tree, { guest: 'linux' }).linuxFuseTree).toBe(tree);
  });
});

describe('FreeBSD-only inputs on guest linux', () => {
  it.each([
    ['image', 'https://download.example/x.qcow2', 'the test guest boots its own Debian kernel, not an image'],
    ['image-sha512', 'a'.repeat(128), 'the test guest boots its own Debian kernel, not an image'],
    ['gtest-filter', 'Write.*', "gtest runs the FreeBSD tree's write.cc tests"],
    ['freebsd-version', '14.4-RELEASE', 'there is no FreeBSD image to choose'],
    ['kernconf', 'GENERIC-DEBUG', 'the test guest builds no kernel'],
  ] as const)('%s is refused with why it means nothing there', (input, value, why) => {
    expect(refusalIn(work, { guest: 'linux', [input]: value }).message).toBe(
      `invalid input '${input}': means nothing on guest 'linux' (${why}): leave it out or use guest 'freebsd'`,
    );
  });
});

describe('a FreeBSD tree', () => {
  it('that lacks several paths the build and tests need names them all, and the tests asked for', () => {
    const tree = makeFreebsdTree(path.join(work, 'lacking'));
    rmSync(path.join(tree, 'tests', 'freebsd_test_suite'), { recursive: true });
    rmSync(path.join(tree, 'sbin', 'mount', 'getmntopts.c'));
    expect(refusalIn(work, { guest: 'freebsd', 'source-tree': tree }).message).toBe(
      `invalid input 'source-tree': ${JSON.stringify(tree)} lacks what build 'auto' and tests 'workloads,gtest' need: tests/freebsd_test_suite, sbin/mount/getmntopts.c`,
    );
  });

  it('whose newvers.sh names another system than FreeBSD is refused naming source-tree', () => {
    const tree = makeFreebsdTree(path.join(work, 'other-type'));
    writeFileSync(
      path.join(tree, 'sys', 'conf', 'newvers.sh'),
      'TYPE="OtherBSD"\nREVISION="14.4"\nBRANCH="RELEASE"\n',
    );
    expect(refusalIn(work, { guest: 'freebsd', 'source-tree': tree })).toMatchObject({
      input: 'source-tree',
      problem: 'sys/conf/newvers.sh says TYPE="OtherBSD", not FreeBSD',
    });
    // On the CLI the input is named as its flag, like every other bad input.
    expect(() =>
      parseConfig(
        { guest: 'freebsd', 'source-tree': tree, 'output-dir': out },
        { cwd: work, env: {}, spell: (input) => `--${input}` },
      ),
    ).toThrow('invalid input \'--source-tree\': sys/conf/newvers.sh says TYPE="OtherBSD", not FreeBSD');
  });

  it('freebsd-version latest is checked against the newest release, not the tree’s own version', () => {
    // A sparse 13.5 tree (no kernel-build files): a module for 13 cannot load into the newest
    // release's kernel, which is of a later branch, and the tree cannot build a kernel.
    const tree = makeFreebsdTree(path.join(work, 'releng13'));
    writeFileSync(
      path.join(tree, 'sys', 'conf', 'newvers.sh'),
      'TYPE="FreeBSD"\nREVISION="13.5"\nBRANCH="RELEASE"\n',
    );
    writeFileSync(
      path.join(tree, 'sys', 'sys', 'param.h'),
      '#define __FreeBSD_version 1305000\t/* Master, propagated to newvers */\n',
    );
    expect(
      refusalIn(work, { guest: 'freebsd', 'source-tree': tree, 'freebsd-version': 'latest' }).message,
    ).toMatch(
      /^invalid input 'source-tree': build: auto needs a kernel build here: .*FreeBSD 13, and \d+\.\d+-RELEASE runs FreeBSD 1[4-9]/,
    );
  });

  it('an image that is neither a URL nor a file is refused', () => {
    const tree = makeFreebsdTree(path.join(work, 'for-image'));
    expect(refusalIn(work, { guest: 'freebsd', 'source-tree': tree, image: 'nowhere.qcow2' }).message).toBe(
      `invalid input 'image': "nowhere.qcow2" is neither an http(s) URL nor an existing file`,
    );
  });
});

describe('bisect inputs', () => {
  it('bisect-good is taken on guest freebsd, with no build limit unless one is given', () => {
    const tree = makeFreebsdTree(path.join(work, 'bisect-freebsd'));
    const config = parseIn(work, { guest: 'freebsd', 'source-tree': tree, 'bisect-good': 'release/14.4.0' });
    expect(config.bisectGood).toBe('release/14.4.0');
    expect(config.bisectMaxBuilds).toBeUndefined();
    const linux = linuxTree(path.join(work, 'bisect-linux'));
    expect(
      parseIn(work, { guest: 'linux', 'source-tree': linux, 'bisect-good': 'v6.1' }).bisectMaxBuilds,
    ).toBe(undefined);
  });
});
