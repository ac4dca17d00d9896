// The evidence disk's tar extractor must never write outside its folder, whatever the guest put in
// the archive (issue 16). A pax `path` record can carry any byte, NUL among them; a name with a NUL
// means something else to the guest's tar (C strings end there) than to us, so it is refused.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCK, encodeHeader, paddedSize } from '../../../src/payload/tar-format.js';
import { UnsafeTarEntryError, readTarDisk } from '../../../src/payload/tar-disk.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fg-tar-behaviour-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const header = (name: string, typeflag: string, size: number, linkname = '') =>
  encodeHeader({ name, prefix: '', mode: 0o644, uid: 0, gid: 0, size, mtime: 0, typeflag, linkname });
const padded = (data: Buffer) => Buffer.concat([data, Buffer.alloc(paddedSize(data.length) - data.length)]);

/** One pax record "LEN key=value\n", LEN counting the whole record (POSIX pax). */
function paxRecord(key: string, value: string): Buffer {
  const body = Buffer.from(` ${key}=${value}\n`, 'utf8');
  let length = body.length + 1;
  while (String(length).length + body.length !== length) length = String(length).length + body.length;
  return Buffer.concat([Buffer.from(String(length)), body]);
}

async function archive(name: string, members: Buffer[]): Promise<string> {
  const disk = path.join(dir, `${name}.tar`);
  await writeFile(disk, Buffer.concat([...members, Buffer.alloc(2 * BLOCK)]));
  return disk;
}

async function extractError(disk: string, dest: string): Promise<unknown> {
  try {
    await readTarDisk(disk, dest);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('readTarDisk refuses', () => {
  it('a pax path with a NUL in it, and writes nothing', async () => {
    const pax = paxRecord('path', 'evidence\0../../etc/passwd');
    const data = Buffer.from('x\n');
    const disk = await archive('nul', [
      header('PaxHeader', 'x', pax.length),
      padded(pax),
      header('evidence', '0', data.length),
      padded(data),
    ]);
    const dest = path.join(dir, 'out-nul');
    const error = await extractError(disk, dest);
    expect(error).toBeInstanceOf(UnsafeTarEntryError);
    expect((error as UnsafeTarEntryError).why).toMatch(/NUL/);
    expect(existsSync(dest) ? await readdir(dest) : []).toEqual([]);
  });

  it('a pax linkpath with a NUL in it', async () => {
    const target = Buffer.from('a.txt');
    const pax = paxRecord('linkpath', 'a.txt\0/etc/passwd');
    const disk = await archive('nul-link', [
      header('a.txt', '0', target.length),
      padded(target),
      header('PaxHeader', 'x', pax.length),
      padded(pax),
      header('hard', '1', 0, 'a.txt'),
    ]);
    expect(await extractError(disk, path.join(dir, 'out-nul-link'))).toBeInstanceOf(UnsafeTarEntryError);
  });

  it('a pax path that leaves the folder, although the ustar name is harmless', async () => {
    const pax = paxRecord('path', '../escaped');
    const disk = await archive('dotdot', [
      header('PaxHeader', 'x', pax.length),
      padded(pax),
      header('harmless', '0', 0),
    ]);
    const error = await extractError(disk, path.join(dir, 'out-dotdot', 'inner'));
    expect(error).toBeInstanceOf(UnsafeTarEntryError);
    expect(existsSync(path.join(dir, 'out-dotdot', 'escaped'))).toBe(false);
  });

  it('an absolute pax path', async () => {
    const pax = paxRecord('path', '/tmp/fg-absolute-escape');
    const disk = await archive('absolute', [
      header('PaxHeader', 'x', pax.length),
      padded(pax),
      header('harmless', '0', 0),
    ]);
    expect(await extractError(disk, path.join(dir, 'out-absolute'))).toBeInstanceOf(UnsafeTarEntryError);
    expect(existsSync('/tmp/fg-absolute-escape')).toBe(false);
  });
});

describe('readTarDisk takes', () => {
  it('a pax path over the ustar name, for that member only', async () => {
    const pax = paxRecord('path', 'long/évidence name.txt');
    const one = Buffer.from('one\n');
    const two = Buffer.from('two\n');
    const disk = await archive('pax-ok', [
      header('PaxHeader', 'x', pax.length),
      padded(pax),
      header('short', '0', one.length),
      padded(one),
      header('second', '0', two.length),
      padded(two),
    ]);
    const entries = await readTarDisk(disk, path.join(dir, 'out-pax-ok'));
    expect(entries.filter((e) => e.kind === 'file').map((e) => [e.path, e.size])).toEqual([
      ['long/évidence name.txt', 4],
      ['second', 4],
    ]);
  });
});
