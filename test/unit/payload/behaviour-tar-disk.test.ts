// The tar disk both ways, from what it promises (src/payload/tar-disk.ts's header and doc comments),
// against archives real tars write (GNU tar here; `git archive` for a pax global header), or, where
// no tar at hand writes the case, headers built to POSIX pax / ustar with tar-format.ts's encoder.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCK, decodeHeader, encodeHeader, paddedSize } from '../../../src/payload/tar-format.js';
import {
  TarFormatError,
  UnsafeTarEntryError,
  createBlankDisk,
  readTarDisk,
  writeTarDisk,
} from '../../../src/payload/tar-disk.js';

const MIB = 1024 * 1024;
let dir: string;
let count = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fg-tar-disk-behaviour-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function folder(name = 'f'): Promise<string> {
  const made = path.join(dir, `${name}-${++count}`);
  await mkdir(made, { recursive: true });
  return made;
}

/** The headers of an archive in order (GNU long names resolved), read with tar-format's decoder. */
async function headers(disk: string) {
  const data = await readFile(disk);
  const out: { name: string; type: string; mode: number; mtime: number; size: number; linkname: string }[] =
    [];
  let longName: string | undefined;
  for (let at = 0; at + BLOCK <= data.length; ) {
    const block = data.subarray(at, at + BLOCK);
    if (block.every((b) => b === 0)) break;
    const h = decodeHeader(Buffer.from(block), at);
    const body = data.subarray(at + BLOCK, at + BLOCK + h.size);
    at += BLOCK + paddedSize(h.size);
    if (h.typeflag === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    // Folder names end in '/' in the archive (ustar); listed without it.
    out.push({
      name: (longName ?? h.name).replace(/\/$/, ''),
      type: h.type,
      mode: h.mode,
      mtime: h.mtime,
      size: h.size,
      linkname: h.linkname,
    });
    longName = undefined;
  }
  return out;
}

/** Open descriptors of this process that point at `file`. */
function openOn(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}

const gnuTar = (args: string[]) => execFileSync('tar', args, { stdio: ['ignore', 'pipe', 'pipe'] });

describe('writeTarDisk', () => {
  it('refuses a guest path with a NUL in it, and an empty one', async () => {
    const src = await folder();
    await writeFile(path.join(src, 'a.txt'), 'a');
    const disk = path.join(dir, 'nul.img');
    await expect(
      writeTarDisk([{ hostPath: path.join(src, 'a.txt'), guestPath: 'x\0y' }], disk),
    ).rejects.toThrow('payload guest path "x\\u0000y" contains NUL');
    await expect(writeTarDisk([{ dir: src, as: 'sub\0dir' }], disk)).rejects.toThrow(/contains NUL/);
    for (const empty of ['', '.', '/', './'])
      await expect(
        writeTarDisk([{ hostPath: path.join(src, 'a.txt'), guestPath: empty }], disk),
      ).rejects.toThrow(`payload guest path ${JSON.stringify(empty)} is empty`);
  });

  it('normalizes guest paths: leading and trailing slashes go', async () => {
    const src = await folder();
    await writeFile(path.join(src, 'a.txt'), 'a');
    await mkdir(path.join(src, 'd'));
    const disk = path.join(dir, 'slashes.img');
    await writeTarDisk(
      [
        { hostPath: path.join(src, 'a.txt'), guestPath: '//deep//x.txt' },
        { hostPath: path.join(src, 'd'), guestPath: 'top/sub/' },
        { dir: src, as: '//under/' },
      ],
      disk,
    );
    expect((await headers(disk)).map((h) => `${h.type} ${h.name}`)).toEqual([
      'dir deep',
      'file deep/x.txt',
      'dir top',
      'dir top/sub',
      'dir under',
      'file under/a.txt',
      'dir under/d',
    ]);
  });

  it('counts what it wrote; a folder named twice is one folder, a file and a folder at one path are refused', async () => {
    const one = await folder('one');
    const two = await folder('two');
    await mkdir(path.join(one, 'shared'));
    await mkdir(path.join(two, 'shared'));
    await writeFile(path.join(one, 'shared', 'a'), 'aaa');
    await writeFile(path.join(two, 'shared', 'b'), 'bb');
    await symlink('a', path.join(one, 'shared', 'to-a'));
    const disk = path.join(dir, 'merge.img');
    const summary = await writeTarDisk(
      [
        { dir: one, as: '' },
        { dir: two, as: '.' },
        { hostPath: path.join(two, 'shared', 'b'), guestPath: 'shared/more/b' },
      ],
      disk,
    );
    // The archive: six 512-byte headers, one data block for each of the three non-empty files, and
    // the two zero blocks that end a tar archive.
    expect(summary).toEqual({
      files: 3,
      dirs: 2,
      symlinks: 1,
      dataBytes: 7,
      archiveBytes: (6 + 3 + 2) * 512,
      diskBytes: MIB,
    });
    expect((await headers(disk)).map((h) => `${h.type} ${h.name}`)).toEqual([
      'dir shared',
      'file shared/a',
      'symlink shared/to-a',
      'file shared/b',
      'dir shared/more',
      'file shared/more/b',
    ]);
    await writeFile(path.join(two, 'file-here'), 'x');
    await mkdir(path.join(one, 'file-here'));
    await expect(
      writeTarDisk(
        [
          { dir: one, as: '' },
          { dir: two, as: '' },
        ],
        disk,
      ),
    ).rejects.toThrow(/two payload entries map to the same guest path "file-here"/);
    await expect(
      writeTarDisk(
        [
          { dir: two, as: '' },
          { dir: one, as: '' },
        ],
        disk,
      ),
    ).rejects.toThrow(/two payload entries map to the same guest path "file-here"/);
    // A folder made up for a single file's guest path clashes with a file there too.
    await expect(
      writeTarDisk(
        [
          { hostPath: path.join(two, 'file-here'), guestPath: 'x' },
          { hostPath: path.join(two, 'shared', 'b'), guestPath: 'x/b' },
        ],
        disk,
      ),
    ).rejects.toThrow(
      `two payload entries map to the same guest path "x": ${path.join(two, 'file-here')} and (parent folder)`,
    );
    await expect(writeTarDisk([{ dir: path.join(two, 'shared', 'b'), as: 'x' }], disk)).rejects.toThrow(
      `payload folder ${path.join(two, 'shared', 'b')} is not a folder`,
    );
  });

  it('walks a folder in name order, keeps modes and mtimes; made-up parent folders are 0755 and of now', async () => {
    const src = await folder();
    for (const name of ['c', 'a', 'b']) await writeFile(path.join(src, name), name);
    await utimes(path.join(src, 'b'), 1_600_000_000, 1_600_000_000);
    await utimes(src, 1_500_000_000, 1_500_000_000);
    const disk = path.join(dir, 'order.img');
    const before = Math.floor(Date.now() / 1000);
    await writeTarDisk([{ dir: src, as: 'p/q' }], disk);
    const list = await headers(disk);
    expect(list.map((h) => h.name)).toEqual(['p', 'p/q', 'p/q/a', 'p/q/b', 'p/q/c']);
    expect(list[0]).toMatchObject({ type: 'dir', mode: 0o755, linkname: '', size: 0 });
    expect(list[0]!.mtime).toBeGreaterThanOrEqual(before - 1);
    expect(list[0]!.mtime).toBeLessThanOrEqual(before + 3600);
    expect(list[1]).toMatchObject({ type: 'dir', mtime: 1_500_000_000, linkname: '' });
    expect(list[3]).toMatchObject({ type: 'file', mtime: 1_600_000_000, size: 1 });
  });

  it('follows a top-level symlink, keeps inner ones, and leaves out FIFOs', async () => {
    const src = await folder();
    await writeFile(path.join(src, 'real.txt'), 'real');
    await symlink('real.txt', path.join(src, 'inner-link'));
    execFileSync('mkfifo', [path.join(src, 'pipe')]);
    const outside = await folder();
    await symlink(path.join(src, 'real.txt'), path.join(outside, 'top-link'));
    const disk = path.join(dir, 'links.img');
    await writeTarDisk(
      [
        { hostPath: path.join(outside, 'top-link'), guestPath: 'top.txt' },
        { dir: src, as: 'tree' },
      ],
      disk,
    );
    expect((await headers(disk)).map((h) => `${h.type} ${h.name} ${h.linkname}`.trim())).toEqual([
      'file top.txt',
      'dir tree',
      'symlink tree/inner-link real.txt',
      'file tree/real.txt',
    ]);
  });

  it('ends the archive with two zero blocks even when its data ends on a MiB boundary', async () => {
    const src = await folder();
    await writeFile(path.join(src, 'fill'), Buffer.alloc(MIB - BLOCK, 1));
    const disk = path.join(dir, 'boundary.img');
    const summary = await writeTarDisk([{ hostPath: path.join(src, 'fill'), guestPath: 'fill' }], disk);
    expect(summary.diskBytes).toBe(2 * MIB);
    const data = await readFile(disk);
    expect(data.subarray(MIB, MIB + 2 * BLOCK).every((b) => b === 0)).toBe(true);
    expect(gnuTar(['-tf', disk]).toString()).toBe('fill\n');
  });

  it('stops with an error naming the file when a file gives fewer bytes than its size said (a /sys attribute)', async () => {
    // sysfs reports 4096 bytes for an attribute and reads as a few: what a file that shrank looks like.
    const attribute = ['/sys/kernel/mm/transparent_hugepage/enabled', '/sys/power/state'].find(existsSync)!;
    expect(statSync(attribute).size).toBe(4096);
    await expect(
      writeTarDisk([{ hostPath: attribute, guestPath: 'attr' }], path.join(dir, 'shrank.img')),
    ).rejects.toThrow(new RegExp(`^${attribute} shrank while it was archived \\(\\d+ of 4096 bytes\\)$`));
  });

  it('leaves no descriptor open on the disk or the files, whatever the outcome', async () => {
    const src = await folder();
    await writeFile(path.join(src, 'a'), 'a');
    const disk = path.join(dir, 'fds.img');
    await writeTarDisk([{ dir: src, as: '' }], disk);
    expect(openOn(disk)).toBe(0);
    expect(openOn(path.join(src, 'a'))).toBe(0);
    const out = await folder();
    await readTarDisk(disk, out);
    expect(openOn(disk)).toBe(0);
    expect(openOn(path.join(out, 'a'))).toBe(0);
    await createBlankDisk(disk, 1);
    expect(openOn(disk)).toBe(0);
    expect((await stat(disk)).size).toBe(MIB);
    await writeFile(disk, Buffer.alloc(BLOCK, 7));
    await expect(readTarDisk(disk, await folder())).rejects.toThrow();
    expect(openOn(disk)).toBe(0);
  });
});

describe('readTarDisk on what GNU tar writes', () => {
  it('lists folders, files and links as it extracts them, without the "./" of `tar -C dir .`', async () => {
    const src = await folder();
    await mkdir(path.join(src, 'sub'));
    await writeFile(path.join(src, 'sub', 'f'), 'ff');
    await writeFile(path.join(src, 'g'), 'g');
    const disk = path.join(dir, 'dot.tar');
    gnuTar(['-cf', disk, '--sort=name', '-C', src, '.']);
    const out = await folder();
    expect(await readTarDisk(disk, out)).toEqual([
      { path: 'g', kind: 'file', size: 1 },
      { path: 'sub', kind: 'dir', size: 0 },
      { path: 'sub/f', kind: 'file', size: 2 },
    ]);
  });

  it('a long symlink target (GNU K record) and a long name (L record)', async () => {
    const src = await folder();
    const deep = `${'d'.repeat(60)}/${'e'.repeat(60)}`;
    await mkdir(path.join(src, deep), { recursive: true });
    await writeFile(path.join(src, deep, `${'n'.repeat(90)}.txt`), 'deep');
    await symlink(`${deep}/${'n'.repeat(90)}.txt`, path.join(src, 'far'));
    const disk = path.join(dir, 'long.tar');
    gnuTar(['-cf', disk, '--format=gnu', '-C', src, 'far', deep]);
    const out = await folder();
    await readTarDisk(disk, out);
    expect(readlinkSync(path.join(out, 'far'))).toBe(`${deep}/${'n'.repeat(90)}.txt`);
    expect(await readFile(path.join(out, 'far'), 'utf8')).toBe('deep');
  });

  it('takes a pax mtime (GNU tar --format=posix keeps sub-seconds), and the ustar mtime otherwise', async () => {
    const src = await folder();
    await writeFile(path.join(src, 'half'), 'h');
    await utimes(path.join(src, 'half'), 1_600_000_000.5, 1_600_000_000.5);
    await writeFile(path.join(src, 'whole'), 'w');
    await utimes(path.join(src, 'whole'), 1_500_000_000, 1_500_000_000);
    const pax = path.join(dir, 'pax.tar');
    gnuTar(['-cf', pax, '--format=posix', '-C', src, 'half']);
    const ustar = path.join(dir, 'ustar.tar');
    gnuTar(['-cf', ustar, '--format=ustar', '-C', src, 'whole']);
    const out = await folder();
    await readTarDisk(pax, out);
    await readTarDisk(ustar, out);
    expect(lstatSync(path.join(out, 'half')).mtimeMs).toBeCloseTo(1_600_000_000_500, -1);
    expect(lstatSync(path.join(out, 'whole')).mtimeMs).toBe(1_500_000_000_000);
  });

  it('a name archived twice: the later one wins', async () => {
    const [one, two] = [await folder(), await folder()];
    await writeFile(path.join(one, 'a.txt'), 'old');
    await writeFile(path.join(two, 'a.txt'), 'new');
    const disk = path.join(dir, 'twice.tar');
    gnuTar(['-cf', disk, '-C', one, 'a.txt', '-C', two, 'a.txt']);
    const out = await folder();
    await readTarDisk(disk, out);
    expect(await readFile(path.join(out, 'a.txt'), 'utf8')).toBe('new');
  });

  it('refuses a folder where a file was, and a file where a folder was', async () => {
    const [one, two] = [await folder(), await folder()];
    await writeFile(path.join(one, 'x'), 'file');
    await mkdir(path.join(two, 'x'));
    await writeFile(path.join(two, 'x', 'y'), 'y');
    const fileThenDir = path.join(dir, 'file-dir.tar');
    gnuTar(['-cf', fileThenDir, '-C', one, 'x', '-C', two, 'x/y']);
    const error = await readTarDisk(fileThenDir, await folder()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeTarEntryError);
    expect((error as Error).name).toBe('UnsafeTarEntryError');
    expect((error as Error).message).toBe(
      'refusing tar entry "x": a folder where a file was extracted before',
    );
    const [three, four] = [await folder(), await folder()];
    await mkdir(path.join(three, 'x'));
    await writeFile(path.join(four, 'x'), 'file');
    const dirThenFile = path.join(dir, 'dir-file.tar');
    gnuTar(['-cf', dirThenFile, '-C', three, 'x', '-C', four, 'x']);
    await expect(readTarDisk(dirThenFile, await folder())).rejects.toThrow(
      'refusing tar entry "x": a file where a folder was extracted before',
    );
  });

  it('a hard link is a copy of the file before it; one to a file not extracted is refused', async () => {
    const src = await folder();
    await writeFile(path.join(src, 'first'), 'shared');
    execFileSync('ln', [path.join(src, 'first'), path.join(src, 'second')]);
    const disk = path.join(dir, 'hard.tar');
    gnuTar(['-cf', disk, '-C', src, 'first', 'second']);
    const out = await folder();
    expect(await readTarDisk(disk, out)).toEqual([
      { path: 'first', kind: 'file', size: 6 },
      { path: 'second', kind: 'hardlink', size: 6 },
    ]);
    expect(await readFile(path.join(out, 'second'), 'utf8')).toBe('shared');
    gnuTar(['--delete', '-f', disk, 'first']);
    await expect(readTarDisk(disk, await folder())).rejects.toThrow(
      'refusing tar entry "second": hard link to "first", which is not a file extracted before it',
    );
  });

  it('refuses a symlink to the folder above', async () => {
    const src = await folder();
    await symlink('..', path.join(src, 'up'));
    const disk = path.join(dir, 'up.tar');
    gnuTar(['-cf', disk, '-C', src, 'up']);
    await expect(readTarDisk(disk, await folder())).rejects.toThrow(
      'refusing tar entry "up": symlink to ".." leads out of the folder',
    );
  });

  it('reads an archive that fills its disk without the end blocks, up to its last, empty file', async () => {
    const src = await folder();
    await writeFile(path.join(src, 'data'), randomBytes(700));
    await writeFile(path.join(src, 'zz-empty'), '');
    const disk = path.join(dir, 'no-end.tar');
    gnuTar(['-cf', disk, '--sort=name', '-C', src, 'data', 'zz-empty']);
    // Headers and data: 512 + 1024 + 512 bytes; the rest is the end blocks and the record padding.
    await truncate(disk, BLOCK + paddedSize(700) + BLOCK);
    const out = await folder();
    expect(await readTarDisk(disk, out)).toEqual([
      { path: 'data', kind: 'file', size: 700 },
      { path: 'zz-empty', kind: 'file', size: 0 },
    ]);
  });

  it('copies a file of several MiB whole', async () => {
    const src = await folder();
    const content = randomBytes(3 * MIB + 123);
    await writeFile(path.join(src, 'big'), content);
    const disk = path.join(dir, 'big.tar');
    gnuTar(['-cf', disk, '-C', src, 'big']);
    const out = await folder();
    await readTarDisk(disk, out);
    expect((await readFile(path.join(out, 'big'))).equals(content)).toBe(true);
  });

  it('skips a pax global header (`git archive` writes one with the commit)', async () => {
    const repo = await folder();
    execFileSync('git', ['init', '-q', repo]);
    await writeFile(path.join(repo, 'file.txt'), 'in git');
    execFileSync('git', ['-C', repo, 'add', 'file.txt']);
    execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'x']);
    const disk = path.join(dir, 'git.tar');
    execFileSync('git', ['-C', repo, 'archive', '--format=tar', '-o', disk, 'HEAD']);
    expect((await headers(disk))[0]).toMatchObject({ name: 'pax_global_header', type: 'other' });
    const out = await folder();
    expect(await readTarDisk(disk, out)).toEqual([{ path: 'file.txt', kind: 'file', size: 6 }]);
  });
});

describe('readTarDisk on headers built to POSIX pax', () => {
  const ustar = (name: string, typeflag: string, size: number) =>
    encodeHeader({ name, prefix: '', mode: 0o644, uid: 0, gid: 0, size, mtime: 0, typeflag, linkname: '' });
  const pad = (data: Buffer) => Buffer.concat([data, Buffer.alloc(paddedSize(data.length) - data.length)]);
  const record = (key: string, value: string) => {
    const body = ` ${key}=${value}\n`;
    let length = body.length + 1;
    while (String(length).length + body.length !== length) length = String(length).length + body.length;
    return Buffer.from(`${length}${body}`);
  };

  it('a pax size record overrides the ustar size of the file after it', async () => {
    const pax = record('size', '5');
    const disk = path.join(dir, 'pax-size.tar');
    await writeFile(
      disk,
      Buffer.concat([
        ustar('PaxHeader', 'x', pax.length),
        pad(pax),
        ustar('f', '0', 0),
        pad(Buffer.from('hello')),
        Buffer.alloc(2 * BLOCK),
      ]),
    );
    const out = await folder();
    expect(await readTarDisk(disk, out)).toEqual([{ path: 'f', kind: 'file', size: 5 }]);
    expect(await readFile(path.join(out, 'f'), 'utf8')).toBe('hello');
  });

  it('a pax size that is not a whole number is a format error naming it', async () => {
    const pax = record('size', '-3');
    const disk = path.join(dir, 'pax-bad-size.tar');
    await writeFile(
      disk,
      Buffer.concat([
        ustar('PaxHeader', 'x', pax.length),
        pad(pax),
        ustar('f', '0', 0),
        Buffer.alloc(2 * BLOCK),
      ]),
    );
    const error = await readTarDisk(disk, await folder()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TarFormatError);
    expect((error as Error).message).toBe(`${disk}: bad size "-3" at byte ${BLOCK + paddedSize(pax.length)}`);
  });

  it('a file entry that names the folder itself is refused; the folder itself is skipped', async () => {
    const disk = path.join(dir, 'dot-file.tar');
    await writeFile(disk, Buffer.concat([ustar('./', '5', 0), ustar('.', '0', 0), Buffer.alloc(2 * BLOCK)]));
    await expect(readTarDisk(disk, await folder())).rejects.toThrow(
      'refusing tar entry ".": it names the destination folder itself',
    );
  });

  it('a header that does not decode names the disk', async () => {
    const disk = path.join(dir, 'garbage.tar');
    await writeFile(disk, Buffer.alloc(4 * BLOCK, 0x41));
    await expect(readTarDisk(disk, await folder())).rejects.toThrow(
      new RegExp(`^${disk} is not a readable tar archive: `),
    );
  });
});

describe('createBlankDisk', () => {
  it('makes a disk of one MiB, the smallest there is', async () => {
    const disk = path.join(dir, 'blank-1.img');
    await createBlankDisk(disk, 1);
    expect((await stat(disk)).size).toBe(MIB);
    await expect(createBlankDisk(disk, 0)).rejects.toThrow(/at least 1, got 0/);
  });
});
