// The payload round trip on the host: what writeTarDisk puts on a disk, readTarDisk gets back
// byte for byte, including a large random file and names that a shell would mangle.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlankDisk, readTarDisk, writeTarDisk } from '../../src/payload/tar-disk.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fg-payload-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('payload round trip', () => {
  it('carries a 2 MiB random file and a name with spaces and $(x); unchanged', async () => {
    const source = path.join(dir, 'source');
    await mkdir(path.join(source, 'nested dir'), { recursive: true });
    const random = randomBytes(2 * 1024 * 1024 + 123);
    const oddName = 'a name with spaces $(x); `rm -rf x` & "quotes" \\ back.txt';
    await writeFile(path.join(source, 'random.bin'), random);
    await writeFile(path.join(source, 'nested dir', oddName), 'still here\n');

    const disk = path.join(dir, 'payload.img');
    const summary = await writeTarDisk(
      [
        { dir: source, as: 'work/src' },
        { hostPath: path.join(source, 'random.bin'), guestPath: 'work/copy of random.bin' },
      ],
      disk,
    );
    expect(summary.diskBytes % (1024 * 1024)).toBe(0);
    expect((await stat(disk)).size).toBe(summary.diskBytes);
    expect(summary.dataBytes).toBe(2 * random.length + 11);

    const out = path.join(dir, 'out');
    const entries = await readTarDisk(disk, out);
    // Buffer.equals, not toEqual: a deep comparison of 2 MiB element by element takes seconds.
    expect((await readFile(path.join(out, 'work/src/random.bin'))).equals(random)).toBe(true);
    expect((await readFile(path.join(out, 'work/copy of random.bin'))).equals(random)).toBe(true);
    expect(await readFile(path.join(out, 'work/src/nested dir', oddName), 'utf8')).toBe('still here\n');
    expect(
      entries
        .filter((entry) => entry.kind === 'file')
        .map((entry) => entry.path)
        .sort(),
    ).toEqual(['work/copy of random.bin', `work/src/nested dir/${oddName}`, 'work/src/random.bin'].sort());
  });

  it('an all-zero results disk (the guest wrote nothing) gives an empty list', async () => {
    const disk = path.join(dir, 'results.img');
    await createBlankDisk(disk, 64);
    const out = path.join(dir, 'results');
    expect(await readTarDisk(disk, out)).toEqual([]);
    expect(await readdir(out)).toEqual([]);
  });
});
