// More of what README's input table promises (issue 16), each case one single-change bug in
// parse.ts that the other tests let through (bench/RESULTS.md lists the survivors).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/config/errors.js';
import { defaultArtifactName, parseConfig, splitList, type RawInputs } from '../../../src/config/parse.js';
import { makeFreebsdTree } from '../../helpers/freebsd-tree.js';

const work = mkdtempSync(path.join(tmpdir(), 'fg-config-more-'));
const context = { cwd: work, env: {} };
const tree = path.join(work, 'freebsd-src');
makeFreebsdTree(tree);
/** The FreeBSD-only inputs (image, kernconf, freebsd-version) mean nothing on guest 'linux'. */
const freebsd = { guest: 'freebsd', 'source-tree': tree } as const;
const parse = (raw: RawInputs, env: NodeJS.ProcessEnv = {}) =>
  parseConfig({ guest: 'linux', 'output-dir': path.join(work, 'out'), ...raw }, { cwd: work, env });

function refusal(raw: RawInputs, env: NodeJS.ProcessEnv = {}): BadInputError {
  try {
    parse(raw, env);
  } catch (error) {
    if (error instanceof BadInputError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
}

describe('values', () => {
  it('are trimmed, and an empty or blank value counts as not given', () => {
    expect(parse({ timeout: ' 90 ', accel: ' tcg ' })).toMatchObject({ timeoutSec: 90, accel: 'tcg' });
    expect(parse({ timeout: '', cpus: '   ' })).toMatchObject({ timeoutSec: 60, cpus: 2 });
  });

  it('take fractions of seconds with more than one decimal', () => {
    expect(parse({ timeout: '2.25' }).timeoutSec).toBe(2.25);
  });

  it('refuse a number past its maximum with a message naming the maximum', () => {
    expect(refusal({ timeout: '86401' }).message).toBe(
      "invalid input 'timeout': 86401 is more than the maximum 86400",
    );
    expect(parse({ timeout: '86400' }).timeoutSec).toBe(86_400);
    expect(refusal({ 'retention-days': '2.5' }).message).toBe(
      'invalid input \'retention-days\': "2.5" is not a whole number',
    );
    expect(refusal({ cpus: '1.5' }).input).toBe('cpus');
  });

  it('name the input in one message', () => {
    expect(refusal({ accel: 'hvf' }).message).toBe(
      'invalid input \'accel\': "hvf" is not one of auto, kvm, tcg',
    );
    expect(refusal({ accel: 'hvf' }).name).toBe('BadInputError');
    expect(refusal({ 'fail-on': ' , ' }).message).toBe(
      "invalid input 'fail-on': the list is empty: nothing would run, and nothing ran is never a pass",
    );
    expect(refusal({ memory: 'lots' }).message).toBe(
      'invalid input \'memory\': "lots" is not a size like 2048, 2048M or 2G',
    );
    expect(refusal({ 'disk-size': 'big' }).message).toBe(
      'invalid input \'disk-size\': "big" is not a size like 20 or 20G',
    );
    expect(refusal({ memory: '64' }).message).toBe("invalid input 'memory': 64 is outside 128..1048576M");
    expect(refusal({ fault: 'stall=all' }).message).toBe(
      'invalid input \'fault\': "stall=all" is not a fault (stall=|crash=|eio=|panic=|slow= write|read|flush, stall_after=N)',
    );
  });
});

describe('sizes', () => {
  it('take the maximum and refuse one more', () => {
    expect(parse({ 'disk-size': '4096' }).diskSizeGiB).toBe(4096);
    expect(refusal({ 'disk-size': '4097' }).input).toBe('disk-size');
    expect(parse({ memory: '1048576' }).memoryMiB).toBe(1_048_576);
    expect(refusal({ memory: '1048577' }).input).toBe('memory');
  });

  it('read M for a disk size as MiB, in whole GiB only', () => {
    expect(parse({ 'disk-size': '20G' }).diskSizeGiB).toBe(20);
    expect(parse({ 'disk-size': '20' }).diskSizeGiB).toBe(20);
    expect(parse({ memory: '2048M' }).memoryMiB).toBe(2048);
  });
});

describe('faults and fixture options', () => {
  it('take a stall after more than nine requests', () => {
    expect(parse({ fault: 'stall_after=12' }).fault).toBe('stall_after=12');
    expect(parse({ 'fixture-options': 'direct_io,stall_after=12' }).fixtureOptions).toEqual([
      'direct_io',
      'stall_after=12',
    ]);
    expect(refusal({ 'fixture-options': 'stall_after=x' }).input).toBe('fixture-options');
  });

  it('take a backing folder path, and refuse one with characters a shell would read', () => {
    expect(parse({ 'fixture-options': 'direct_io,backing=/var/tmp/fg-back.d' }).fixtureOptions).toEqual([
      'direct_io',
      'backing=/var/tmp/fg-back.d',
    ]);
    expect(refusal({ 'fixture-options': 'backing=$(id)' }).input).toBe('fixture-options');
    expect(refusal({ 'fixture-options': 'backing=' }).input).toBe('fixture-options');
  });

  it('take every fault the fixture knows as a fixture option too', () => {
    expect(parse({ 'fixture-options': 'stall=flush,crash=read,eio=write' }).fixtureOptions).toEqual([
      'stall=flush',
      'crash=read',
      'eio=write',
    ]);
  });
});

describe('images', () => {
  it('take an http(s) URL as it is, and resolve a file against the working folder', () => {
    expect(parse({ ...freebsd, image: 'http://mirror.invalid/a.raw.xz' }).image).toBe(
      'http://mirror.invalid/a.raw.xz',
    );
    expect(parse({ ...freebsd, image: 'https://mirror.invalid/a.raw.xz' }).image).toBe(
      'https://mirror.invalid/a.raw.xz',
    );
    writeFileSync(path.join(work, 'local.raw'), '');
    expect(parse({ ...freebsd, image: 'local.raw' }).image).toBe(path.join(work, 'local.raw'));
    expect(refusal({ ...freebsd, image: 'ftp://mirror.invalid/a.raw' }).input).toBe('image');
    expect(refusal({ ...freebsd, image: 'see https://mirror.invalid/a.raw' }).input).toBe('image');
  });

  it('refuse a bad sha512 with its own message', () => {
    expect(
      refusal({ ...freebsd, image: 'https://mirror.invalid/a.raw', 'image-sha512': 'abc' }).message,
    ).toBe("invalid input 'image-sha512': expected 128 hexadecimal digits");
    expect(refusal({ ...freebsd, 'image-sha512': 'ab'.repeat(64) }).message).toBe(
      "invalid input 'image-sha512': only means something together with 'image'",
    );
  });
});

describe('a FreeBSD source tree', () => {
  it('must be a folder with sys/fs/fuse, and the message says which folder', () => {
    const file = path.join(work, 'a-file');
    writeFileSync(file, '');
    expect(refusal({ guest: 'freebsd', 'source-tree': file }).message).toBe(
      `invalid input 'source-tree': ${JSON.stringify(file)} is not a directory`,
    );
    const empty = path.join(work, 'empty-tree');
    mkdirSync(empty, { recursive: true });
    expect(refusal({ guest: 'freebsd', 'source-tree': empty }).message).toBe(
      `invalid input 'source-tree': ${JSON.stringify(empty)} has no sys/fs/fuse: point it at a FreeBSD source tree checkout`,
    );
    const partial = path.join(work, 'partial-tree');
    mkdirSync(path.join(partial, 'sys', 'fs', 'fuse'), { recursive: true });
    expect(
      refusal({ guest: 'freebsd', 'source-tree': partial, build: 'module', tests: 'workloads' }).message,
    ).toMatch(
      new RegExp(
        `^invalid input 'source-tree': ${JSON.stringify(partial).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} lacks what build 'module' and tests 'workloads' need: `,
      ),
    );
  });

  it('is resolved against the working folder', () => {
    expect(parse({ guest: 'freebsd', 'source-tree': 'freebsd-src' }).sourceTree).toBe(tree);
  });

  it.each([
    '14.3-RELEASE',
    '15.0-STABLE',
    '16.0-CURRENT',
    '15.0-PRERELEASE',
    '15.1-ALPHA12',
    '15.1-BETA10',
    '14.3-RC12',
  ])('takes the version %s', (version) => {
    expect(parse({ guest: 'freebsd', 'source-tree': tree, 'freebsd-version': version }).freebsdVersion).toBe(
      version,
    );
  });

  it.each(['14.3', 'x14.3-RELEASE', '14.3-RELEASEx', '14.3-BETA', '14.3-RC', '14-RELEASE'])(
    'refuses the version %s',
    (version) => {
      const error = refusal({ guest: 'freebsd', 'source-tree': tree, 'freebsd-version': version });
      expect(
        error.message.startsWith(
          `invalid input 'freebsd-version': ${JSON.stringify(version)} is not 'auto' or a version`,
        ),
      ).toBe(true);
    },
  );
});

describe('paths and names', () => {
  it('resolve fuse-server-source against the working folder and refuse a missing one', () => {
    mkdirSync(path.join(work, 'server-src'), { recursive: true });
    const server = { 'fuse-server': '/gate/fuse-server/run/x {mountpoint}' };
    expect(parse({ ...server, 'fuse-server-source': 'server-src' }).fuseServerSource).toBe(
      path.join(work, 'server-src'),
    );
    expect(refusal({ ...server, 'fuse-server-source': 'no-such-src' }).message).toBe(
      'invalid input \'fuse-server-source\': "no-such-src" is not a directory',
    );
  });

  it('refuse a fuse-server-source without the fuse-server that would use it, naming fuse-server-source', () => {
    mkdirSync(path.join(work, 'server-src'), { recursive: true });
    expect(refusal({ 'fuse-server-source': 'server-src' }).message).toBe(
      "invalid input 'fuse-server-source': \"server-src\" is shipped only for a server of your own: give 'fuse-server' too (the command line that starts it), or leave it out",
    );
  });

  it('refuse a fuse-server without {mountpoint}, naming fuse-server', () => {
    expect(refusal({ 'fuse-server': '/gate/fuse-server/run/x /mnt/fg' }).message).toBe(
      "invalid input 'fuse-server': the command line must contain {mountpoint}, where the gate puts the mount point",
    );
  });

  it('put the cache in cache-dir, else FUSEFS_GATE_CACHE, else ~/.cache/fusefs-gate', () => {
    expect(parse({ 'cache-dir': 'c' }, { FUSEFS_GATE_CACHE: '/elsewhere' }).cacheDir).toBe(
      path.join(work, 'c'),
    );
    expect(parse({}, { FUSEFS_GATE_CACHE: '/elsewhere' }).cacheDir).toBe('/elsewhere');
    expect(parse({}).cacheDir).toBe(path.join(homedir(), '.cache', 'fusefs-gate'));
  });

  it('put the evidence under RUNNER_TEMP on a runner, else in ./fusefs-gate-out', () => {
    const runnerTemp = path.join(work, 'runner-temp');
    expect(parseConfig({ guest: 'linux' }, { cwd: work, env: { RUNNER_TEMP: runnerTemp } }).outDir).toBe(
      path.join(runnerTemp, 'fusefs-gate'),
    );
    expect(parseConfig({ guest: 'linux' }, context).outDir).toBe(path.join(work, 'fusefs-gate-out'));
  });

  it('refuse an output folder below a file, saying why', () => {
    writeFileSync(path.join(work, 'plain-file'), '');
    expect(refusal({ 'output-dir': path.join(work, 'plain-file', 'out') }).message).toBe(
      `invalid input 'output-dir': ${JSON.stringify(path.join(work, 'plain-file', 'out'))} cannot be written: ENOTDIR`,
    );
  });

  it('name a Linux run’s artifact after linux, and replace what an artifact name cannot hold', () => {
    expect(parse({}, { GITHUB_JOB: 'gate', GITHUB_RUN_ATTEMPT: '3' }).artifactName).toBe(
      'fusefs-gate-linux-gate-attempt3',
    );
    expect(
      defaultArtifactName('freebsd', '15.0-CURRENT', { GITHUB_JOB: 'a b/c', GITHUB_ACTION: '__run:2' }),
    ).toBe('fusefs-gate-15.0-CURRENT-a_b_c-__run_2');
    expect(parse({ 'artifact-name': 'mine' }).artifactName).toBe('mine');
  });

  it('take the kernel config as given, empty by default', () => {
    expect(parse(freebsd).kernconf).toBe('');
    expect(parse({ ...freebsd, kernconf: 'GENERIC-NODEBUG' }).kernconf).toBe('GENERIC-NODEBUG');
  });
});

describe('booleans and lists', () => {
  it.each(['true', 'yes', '1', 'TRUE', 'Yes'])('reads %s as true', (text) => {
    expect(parse({ 'allow-error': text }).allowError).toBe(true);
  });

  it.each(['false', 'no', '0', 'NO'])('reads %s as false', (text) => {
    expect(parse({ 'upload-artifact': text }).uploadArtifact).toBe(false);
  });

  it.each(['truex', 'xtrue', 'yess', 'nope', '10'])('refuses %s', (text) => {
    expect(refusal({ 'cache-images': text }).message).toBe(
      `invalid input 'cache-images': ${JSON.stringify(text)} is not true or false`,
    );
  });

  it('split on commas, spaces and newlines, dropping empty items', () => {
    expect(splitList(' a, b\n c,,d ')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitList('a,,b')).toEqual(['a', 'b']);
  });

  it('install QEMU and cache images unless told not to', () => {
    expect(parse({})).toMatchObject({
      installQemu: true,
      cacheImages: true,
      uploadArtifact: true,
      allowError: false,
    });
    expect(parse({ 'install-qemu': 'false' }).installQemu).toBe(false);
  });

  it('default to the FreeBSD guest, which needs a source tree', () => {
    const error = (() => {
      try {
        parseConfig({ 'output-dir': path.join(work, 'out') }, context);
      } catch (caught) {
        return caught as BadInputError;
      }
      throw new Error('expected a refusal');
    })();
    expect(error.input).toBe('source-tree');
  });

  it('list what a list allows when an item is not one of them', () => {
    expect(refusal({ 'fail-on': 'hang,pass' }).message).toBe(
      'invalid input \'fail-on\': "pass" is not one of fail, hang, panic, error',
    );
  });

  it('keep retention-days unset unless given', () => {
    expect(parse({}).retentionDays).toBeUndefined();
    expect(parse({ 'retention-days': '7' }).retentionDays).toBe(7);
  });

  it('refuse an output folder that is a file', () => {
    writeFileSync(path.join(work, 'out-file'), '');
    expect(refusal({ 'output-dir': path.join(work, 'out-file') }).message).toMatch(
      /cannot be written: ENOTDIR$/,
    );
  });

  it('squeeze a run of characters an artifact name cannot hold into one underscore', () => {
    expect(defaultArtifactName('linux', 'auto', { GITHUB_JOB: 'a  b' })).toBe('fusefs-gate-linux-a_b');
  });
});

describe('a FreeBSD tree without the driver', () => {
  it('is refused when sys/fs exists but sys/fs/fuse does not', () => {
    const tree = path.join(work, 'no-fuse-tree');
    mkdirSync(path.join(tree, 'sys', 'fs', 'nfs'), { recursive: true });
    expect(refusal({ guest: 'freebsd', 'source-tree': tree }).message).toMatch(/has no sys\/fs\/fuse/);
  });
});

describe("an input named in another input's refusal is spelled as the user types it", () => {
  const cliRefusal = (raw: RawInputs): string => {
    try {
      parseConfig(
        { guest: 'linux', 'output-dir': path.join(tmpdir(), 'fg-spell-out'), ...raw },
        { cwd: tmpdir(), env: {}, spell: (input) => `--${input}` },
      );
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('accepted');
  };

  it('on the CLI the other input carries its -- too', () => {
    expect(cliRefusal({ 'bisect-max-builds': '3' })).toContain("together with '--bisect-good'");
    expect(cliRefusal({ 'fuse-server-source': tmpdir() })).toContain("give '--fuse-server' too");
  });
});
