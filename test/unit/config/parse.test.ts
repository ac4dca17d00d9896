import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/config/errors.js';
import { parseConfig, type RawInputs } from '../../../src/config/parse.js';
import { makeFreebsdTree } from '../../helpers/freebsd-tree.js';

const work = mkdtempSync(path.join(tmpdir(), 'fg-config-'));
const tree = path.join(work, 'src tree $(touch pwned);');
makeFreebsdTree(tree);
const sparse = path.join(work, 'sparse');
mkdirSync(path.join(sparse, 'sys', 'fs', 'fuse'), { recursive: true });
const context = { cwd: work, env: {}, spell: (input: string) => `--${input}` };

function parse(raw: RawInputs) {
  return parseConfig({ 'output-dir': path.join(work, 'out'), ...raw }, context);
}

function problem(raw: RawInputs): BadInputError {
  try {
    parse(raw);
  } catch (error) {
    if (error instanceof BadInputError) return error;
    throw error;
  }
  throw new Error('expected a BadInputError');
}

describe('parseConfig', () => {
  it('gives a Linux guest run the documented defaults', () => {
    const config = parse({ guest: 'linux' });
    expect(config).toMatchObject({
      guest: 'linux',
      tests: ['workloads'],
      workloads: ['mmap-write', 'mmap-msync', 'write-readback', 'truncate-mmap', 'mmap-while-write'],
      fixtureOptions: ['direct_io'],
      timeoutSec: 60,
      bootTimeoutSec: 60,
      repeat: 1,
      failOn: ['fail', 'hang', 'panic', 'error'],
      accel: 'auto',
      memoryMiB: 2048,
    });
  });

  it('accepts a FreeBSD tree whose path has spaces and shell metacharacters, as data', () => {
    const config = parse({ guest: 'freebsd', 'source-tree': tree, memory: '4G', 'disk-size': '20G' });
    expect(config.sourceTree).toBe(tree);
    expect(config.memoryMiB).toBe(4096);
    expect(config.diskSizeGiB).toBe(20);
    expect(config.tests).toEqual(['workloads', 'gtest']);
  });

  it.each([
    [{ guest: 'windows' }, '--guest', /not one of linux, freebsd/],
    [{ guest: 'linux', workloads: 'mmap-write,bogus' }, '--workloads', /"bogus" is not one of/],
    [{ guest: 'linux', timeout: 'abc' }, '--timeout', /not a positive number/],
    [{ guest: 'linux', timeout: '-5' }, '--timeout', /not a positive number/],
    [{ guest: 'linux', timeout: '0' }, '--timeout', /not a positive number/],
    [{ guest: 'linux', repeat: '1.5' }, '--repeat', /not a whole number/],
    [{ guest: 'linux', cpus: '999' }, '--cpus', /maximum/],
    [{ guest: 'linux', accel: 'hvf' }, '--accel', /not one of auto, kvm, tcg/],
    [{ guest: 'linux', 'fail-on': 'hang,pass' }, '--fail-on', /"pass" is not one of/],
    [{ guest: 'linux', tests: 'gtest' }, '--tests', /needs guest 'freebsd'/],
    [{ guest: 'linux', fault: 'stall=everything' }, '--fault', /not a fault/],
    [
      { guest: 'linux', 'fixture-options': 'direct_io,allow_root' },
      '--fixture-options',
      /not a fixture option/,
    ],
    [{ guest: 'linux', 'fuse-server': 'bindfs /src /mnt' }, '--fuse-server', /\{mountpoint\}/],
    [{ guest: 'linux', memory: 'lots' }, '--memory', /not a size/],
    [{ guest: 'linux', 'upload-artifact': 'maybe' }, '--upload-artifact', /not true or false/],
    [{ guest: 'freebsd', 'source-tree': '/does/not/exist' }, '--source-tree', /not a directory/],
    [{ guest: 'freebsd', 'source-tree': work }, '--source-tree', /has no sys\/fs\/fuse/],
    [
      { guest: 'freebsd', 'source-tree': tree, 'freebsd-version': '14.3' },
      '--freebsd-version',
      /not 'auto' or a version/,
    ],
    [
      { guest: 'freebsd', 'source-tree': sparse },
      '--source-tree',
      /lacks what build 'auto' and tests 'workloads,gtest' need: sys\/sys\/param.h/,
    ],
    [
      { guest: 'freebsd', 'source-tree': tree, image: '/no/such/image.raw' },
      '--image',
      /neither an http\(s\) URL nor an existing file/,
    ],
    [{ guest: 'linux', timeout: '2.5000' }, '--timeout', /more precise than a millisecond/],
    [{ guest: 'linux', timeout: '1e3' }, '--timeout', /not a positive number/],
    // Inputs the Linux test guest would silently ignore.
    [{ guest: 'linux', image: 'https://example.invalid/x.raw' }, '--image', /means nothing on guest 'linux'/],
    [
      { guest: 'linux', 'source-tree': tree },
      '--source-tree',
      /has no fs\/fuse\/Makefile .*: point it at a Linux kernel tree/,
    ],
    [{ guest: 'linux', 'gtest-filter': 'Write.*' }, '--gtest-filter', /means nothing on guest 'linux'/],
    [
      { guest: 'linux', 'freebsd-version': '14.3-RELEASE' },
      '--freebsd-version',
      /means nothing on guest 'linux'/,
    ],
    [{ guest: 'linux', kernconf: 'GENERIC' }, '--kernconf', /means nothing on guest 'linux'/],
    [{ guest: 'linux', workloads: ' , ' }, '--workloads', /empty/],
    // The title leaves the inputs out: some hold temporary paths, and a title that changes from run
    // to run cannot be matched by name (Stryker's per-test coverage, bench/mutation.sh).
  ] as [RawInputs, string, RegExp][])('rejects case %# naming %s', (raw, input, message) => {
    const error = problem(raw);
    expect(error.input).toBe(input);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`invalid input '${input}'`)).toBe(true);
  });

  it('takes a fractional timeout as the guest watchdog does: seconds with up to three decimals', () => {
    expect(parse({ guest: 'linux', timeout: '2.5' }).timeoutSec).toBe(2.5);
    expect(parse({ guest: 'linux', timeout: '0.125' }).timeoutSec).toBe(0.125);
  });

  it("accepts on guest 'linux' the action's defaults of the FreeBSD-only inputs (the action always passes them)", () => {
    const config = parse({
      guest: 'linux',
      'source-tree': '.',
      'gtest-filter': '*',
      'freebsd-version': 'auto',
      image: '',
      kernconf: '',
    });
    expect(config.guest).toBe('linux');
  });

  it('rejects an output folder that cannot be created', () => {
    const error = problem({ guest: 'linux', 'output-dir': '/proc/fusefs-gate-out' });
    expect(error.input).toBe('--output-dir');
    expect(error.message).toMatch(/cannot be written/);
  });

  it('names artifacts uniquely per version, job and attempt', () => {
    const config = parseConfig(
      {
        guest: 'freebsd',
        'source-tree': tree,
        'freebsd-version': '15.0-STABLE',
        'output-dir': path.join(work, 'o2'),
      },
      { cwd: work, env: { GITHUB_JOB: 'gate', GITHUB_RUN_ATTEMPT: '2' } },
    );
    expect(config.artifactName).toBe('fusefs-gate-15.0-STABLE-gate-attempt2');
  });

  it('gives two matrix legs with the same version, and two steps of one job, different artifact names', () => {
    const name = (leg: string, step: string) =>
      parseConfig(
        {
          guest: 'freebsd',
          'source-tree': tree,
          'freebsd-version': '15.0-STABLE',
          'output-dir': path.join(work, 'o3'),
          'matrix-leg': leg,
        },
        { cwd: work, env: { GITHUB_JOB: 'gate', GITHUB_RUN_ATTEMPT: '1', GITHUB_ACTION: step } },
      ).artifactName;
    expect(name('0', 'gate')).toBe('fusefs-gate-15.0-STABLE-gate-leg0-gate-attempt1');
    expect(new Set([name('0', 'gate'), name('1', 'gate'), name('0', '__fusefs-gate_2')]).size).toBe(3);
  });

  it('lets an undecided run through only when allow-error says so in so many words', () => {
    expect(parse({ guest: 'linux', 'fail-on': 'hang,panic' }).allowError).toBe(false);
    expect(parse({ guest: 'linux', 'allow-error': 'true' }).allowError).toBe(true);
    expect(problem({ guest: 'linux', 'allow-error': 'sometimes' }).input).toBe('--allow-error');
    expect(problem({ guest: 'linux', 'retention-days': '365' }).input).toBe('--retention-days');
  });
});
