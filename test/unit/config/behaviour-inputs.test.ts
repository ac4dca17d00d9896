// Input validation, from the rules README and action.yml state (issue 16): each case is a bug that
// a single change to parse.ts would let through, so each names the input it must be refused for.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/config/errors.js';
import { parseConfig, type RawInputs } from '../../../src/config/parse.js';
import { makeFreebsdTree } from '../../helpers/freebsd-tree.js';

const work = mkdtempSync(path.join(tmpdir(), 'fg-config-behaviour-'));
const context = { cwd: work, env: {} };
const parse = (raw: RawInputs) =>
  parseConfig({ guest: 'linux', 'output-dir': path.join(work, 'out'), ...raw }, context);

function refusal(raw: RawInputs): BadInputError {
  try {
    parse(raw);
  } catch (error) {
    if (error instanceof BadInputError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
}

const sha = 'ab'.repeat(64);
// image and image-sha512 mean something on guest 'freebsd' only, which needs a source tree.
const tree = path.join(work, 'freebsd-src');
makeFreebsdTree(tree);
const freebsd = { guest: 'freebsd', 'source-tree': tree } as const;

describe('numbers are plain decimal', () => {
  it.each(['1e3', '0x10', '1_000', '+5', '5.', '.5', 'Infinity', '10s'])('refuses timeout %j', (timeout) => {
    expect(refusal({ timeout }).input).toBe('timeout');
  });

  it.each(['1e1', '0x2', '2.0e0'])('refuses cpus %j', (cpus) => {
    expect(refusal({ cpus }).input).toBe('cpus');
  });

  it('takes plain decimals, fractional where a duration allows it', () => {
    expect(parse({ timeout: '90', 'boot-timeout': '2.5', cpus: '4', repeat: '3' })).toMatchObject({
      timeoutSec: 90,
      bootTimeoutSec: 2.5,
      cpus: 4,
      repeat: 3,
    });
  });

  it('takes the maximum itself and refuses one more', () => {
    expect(parse({ cpus: '64' }).cpus).toBe(64);
    expect(refusal({ cpus: '65' }).input).toBe('cpus');
    expect(parse({ 'retention-days': '90' }).retentionDays).toBe(90);
    expect(refusal({ 'retention-days': '91' }).input).toBe('retention-days');
  });
});

describe('memory', () => {
  it.each(['64', '127', '64M', '0'])('refuses %j MiB: below the 128 MiB a guest needs', (memory) => {
    expect(refusal({ memory }).input).toBe('memory');
  });

  it('takes 128 MiB and reads G as GiB', () => {
    expect(parse({ memory: '128' }).memoryMiB).toBe(128);
    expect(parse({ memory: '3G' }).memoryMiB).toBe(3072);
    expect(parse({ memory: '3GiB' }).memoryMiB).toBe(3072);
  });

  it.each(['1e3', '0x800', '2048K', '2T', '-2048'])('refuses %j', (memory) => {
    expect(refusal({ memory }).input).toBe('memory');
  });

  it('refuses a disk size that is not whole GiB', () => {
    expect(refusal({ 'disk-size': '1536M' }).input).toBe('disk-size');
    expect(parse({ 'disk-size': '2048M' }).diskSizeGiB).toBe(2);
  });
});

describe('fault', () => {
  it.each([
    'xstall=write',
    'stall=writex',
    'stall=write,crash=read',
    ' stall=write; rm -rf /',
    'stall_after=',
    'stall_after=1x',
    'prefix stall_after=3',
  ])('refuses %j (the pattern is anchored at both ends)', (fault) => {
    const error = refusal({ fault });
    expect(error.input).toBe('fault');
  });

  it.each(['stall=write', 'crash=read', 'eio=flush', 'panic=write', 'slow=read', 'stall_after=3'])(
    'takes %j',
    (fault) => {
      expect(parse({ fault }).fault).toBe(fault);
    },
  );

  it.each(['direct_io,stall=writer', 'xdirect_io', 'backing=/a b', 'direct_io,eio=flushing'])(
    'refuses fixture options %j',
    (options) => {
      expect(refusal({ 'fixture-options': options }).input).toBe('fixture-options');
    },
  );
});

describe('image-sha512', () => {
  it('must be 128 hexadecimal digits', () => {
    expect(
      refusal({ ...freebsd, image: 'https://example.invalid/x.raw', 'image-sha512': 'ab'.repeat(63) }).input,
    ).toBe('image-sha512');
    expect(
      refusal({ ...freebsd, image: 'https://example.invalid/x.raw', 'image-sha512': `${'ab'.repeat(64)}a` })
        .input,
    ).toBe('image-sha512');
    expect(
      refusal({ ...freebsd, image: 'https://example.invalid/x.raw', 'image-sha512': 'zz'.repeat(64) }).input,
    ).toBe('image-sha512');
  });

  it('means something only together with image', () => {
    const error = refusal({ ...freebsd, 'image-sha512': sha });
    expect(error.input).toBe('image-sha512');
    expect(error.message).toMatch(/image/);
  });

  it('is kept, lower case, with an image', () => {
    expect(
      parse({ ...freebsd, image: 'https://example.invalid/x.raw', 'image-sha512': sha.toUpperCase() })
        .imageSha512,
    ).toBe(sha);
  });
});

describe('output-dir', () => {
  it('refuses an existing folder that cannot be written, even by root', () => {
    // /proc/sys exists on every Linux; the kernel refuses writing to it to root too (EACCES).
    const error = refusal({ 'output-dir': '/proc/sys' });
    expect(error.input).toBe('output-dir');
    expect(error.message).toMatch(/cannot be written/);
  });

  it('refuses a path under a file', () => {
    expect(refusal({ 'output-dir': '/etc/hostname/out' }).input).toBe('output-dir');
  });
});

describe('lists', () => {
  it('refuses fail-on pass and an empty fail-on', () => {
    expect(refusal({ 'fail-on': 'pass' }).input).toBe('fail-on');
    expect(refusal({ 'fail-on': ',' }).input).toBe('fail-on');
  });

  it('drops repeats but keeps the order given', () => {
    expect(parse({ workloads: 'mmap-msync,mmap-write,mmap-msync' }).workloads).toEqual([
      'mmap-msync',
      'mmap-write',
    ]);
  });
});
