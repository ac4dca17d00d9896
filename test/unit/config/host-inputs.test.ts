// The host folders a run writes besides its output: the cache (guests, builds, locks) and the
// temporary folder (the KVM probe, QEMU's sockets). One that cannot be used is bad input, found
// before anything starts, naming the input or the variable.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/config/errors.js';
import { parseConfig, type RawInputs } from '../../../src/config/parse.js';

const work = mkdtempSync(path.join(tmpdir(), 'fg-host-inputs-'));
const plainFile = path.join(work, 'plain-file');
writeFileSync(plainFile, '');

function refusal(raw: RawInputs, env: NodeJS.ProcessEnv = {}): BadInputError {
  try {
    parseConfig({ guest: 'linux', 'output-dir': path.join(work, 'out'), ...raw }, { cwd: work, env });
  } catch (error) {
    if (error instanceof BadInputError) return error;
    throw error;
  }
  throw new Error('expected a BadInputError');
}

describe('cache-dir', () => {
  it('is made when missing, and one that cannot be made names the input and the errno', () => {
    const cacheDir = path.join(work, 'new', 'cache');
    const config = parseConfig(
      { guest: 'linux', 'output-dir': path.join(work, 'out'), 'cache-dir': cacheDir },
      { cwd: work, env: {} },
    );
    expect(config.cacheDir).toBe(cacheDir);
    expect(refusal({ 'cache-dir': path.join(plainFile, 'cache') }).message).toBe(
      `invalid input 'cache-dir': ${JSON.stringify(path.join(plainFile, 'cache'))} cannot be written: ENOTDIR`,
    );
  });

  it('FUSEFS_GATE_CACHE is checked the same way when cache-dir is not given', () => {
    expect(refusal({}, { FUSEFS_GATE_CACHE: path.join(plainFile, 'c') }).message).toMatch(
      /^invalid input 'cache-dir': ".*plain-file\/c" cannot be written: ENOTDIR$/,
    );
  });
});

describe('TMPDIR', () => {
  it('a missing folder, or a file, is refused naming the variable', () => {
    const missing = path.join(work, 'no-such-tmp');
    expect(refusal({}, { TMPDIR: missing }).message).toBe(
      `invalid input 'TMPDIR': ${JSON.stringify(missing)} cannot hold temporary files: ENOENT; point TMPDIR at a writable folder or unset it`,
    );
    expect(refusal({}, { TMPDIR: plainFile }).message).toMatch(/^invalid input 'TMPDIR': .* ENOTDIR;/);
  });

  it('TMP counts when TMPDIR is unset (as os.tmpdir() reads them); an empty TMPDIR is unset', () => {
    expect(refusal({}, { TMPDIR: '', TMP: path.join(work, 'gone') }).message).toMatch(
      /^invalid input 'TMP': /,
    );
  });

  it('a writable folder is taken', () => {
    const dir = path.join(work, 'tmp-ok');
    mkdirSync(dir);
    chmodSync(dir, 0o700);
    expect(() =>
      parseConfig(
        { guest: 'linux', 'output-dir': path.join(work, 'out') },
        { cwd: work, env: { TMPDIR: dir } },
      ),
    ).not.toThrow();
  });
});
