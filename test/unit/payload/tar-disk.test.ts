// writeTarDisk's archives read by the tars that run in guests (busybox tar, FreeBSD's bsdtar) and
// by GNU tar; readTarDisk reading what those tars write; and readTarDisk's safety rules.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHeaderBlocks, paddedSize } from '../../../src/payload/tar-format.js';
import {
  TarFormatError,
  UnsafeTarEntryError,
  createBlankDisk,
  readTarDisk,
  writeTarDisk,
} from '../../../src/payload/tar-disk.js';

const has = (program: string): boolean =>
  spawnSync(program, ['--help'], { stdio: 'ignore' }).error === undefined;
const hasBusybox = has('busybox');
const hasBsdtar = has('bsdtar');

let dir: string;
let tree: string;
const longName = `${'deep/'.repeat(30)}${'n'.repeat(120)} with spaces $(x); 'q' "d" & ü.txt`;
const oddName = "name with spaces $(x); `y` 'q'.txt";

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fg-tardisk-'));
  tree = path.join(dir, 'tree');
  await mkdir(path.join(tree, 'sub', 'empty'), { recursive: true });
  await writeFile(path.join(tree, 'a.txt'), 'alpha\n');
  await writeFile(path.join(tree, oddName), 'odd\n');
  await writeFile(path.join(tree, 'run.sh'), '#!/bin/sh\necho hi\n');
  await chmod(path.join(tree, 'run.sh'), 0o755);
  await writeFile(path.join(tree, 'sub', 'block.bin'), Buffer.alloc(512, 7)); // exactly one block
  await writeFile(path.join(tree, 'sub', 'zero.bin'), '');
  await symlink('../a.txt', path.join(tree, 'sub', 'link'));
  await mkdir(path.join(tree, path.dirname(longName)), { recursive: true });
  await writeFile(path.join(tree, longName), 'long\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every path under root with what it is: file contents, link target, or 'dir'. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const name of await readdir(folder)) {
      const full = path.join(folder, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      const info = lstatSync(full);
      if (info.isSymbolicLink()) out[rel] = `-> ${await readlink(full)}`;
      else if (info.isDirectory()) {
        out[rel] = 'dir';
        await walk(full, rel);
      } else
        out[rel] = `${(info.mode & 0o111) !== 0 ? 'x ' : ''}${(await readFile(full)).toString('base64')}`;
    }
  };
  await walk(root, '');
  return out;
}

async function fresh(name: string): Promise<string> {
  const folder = path.join(dir, name);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  return folder;
}

describe('writeTarDisk', () => {
  it('writes an archive padded to whole MiB that GNU tar lists in full', async () => {
    const disk = path.join(dir, 'payload.img');
    const summary = await writeTarDisk([{ dir: tree, as: 'src' }], disk);
    expect((await stat(disk)).size).toBe(summary.diskBytes);
    expect(summary.diskBytes % (1024 * 1024)).toBe(0);
    expect(summary).toMatchObject({ symlinks: 1, files: 6, dataBytes: 6 + 4 + 18 + 512 + 0 + 5 });
    const listing = execFileSync('tar', ['-tf', disk], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listing).toContain(`src/${longName}`);
    expect(listing).toContain(`src/${oddName}`);
    expect(listing).toContain('src/sub/empty/');
  });

  it.skipIf(!hasBusybox && !process.env.CI)(
    'is extracted unchanged by busybox tar (the Linux guest)',
    async () => {
      const disk = path.join(dir, 'bb.img');
      await writeTarDisk([{ dir: tree, as: '' }], disk);
      const out = await fresh('bb-out');
      execFileSync('busybox', ['tar', '-xf', disk, '-C', out]);
      expect(await snapshot(out)).toEqual(await snapshot(tree));
    },
  );

  it.skipIf(!hasBsdtar && !process.env.CI)("is extracted unchanged by bsdtar (FreeBSD's tar)", async () => {
    const disk = path.join(dir, 'bsd.img');
    await writeTarDisk([{ dir: tree, as: '' }], disk);
    const out = await fresh('bsd-out');
    execFileSync('bsdtar', ['-xf', disk, '-C', out]);
    expect(await snapshot(out)).toEqual(await snapshot(tree));
  });

  it('places single files at their guest paths (creating parent folders) and refuses bad guest paths', async () => {
    const disk = path.join(dir, 'single.img');
    await writeTarDisk(
      [
        { hostPath: path.join(tree, 'a.txt'), guestPath: 'x/y/a copy.txt' },
        { hostPath: path.join(tree, 'sub'), guestPath: 'x/sub' },
      ],
      disk,
    );
    const out = await fresh('single-out');
    execFileSync('tar', ['-xf', disk, '-C', out]);
    expect(await readFile(path.join(out, 'x/y/a copy.txt'), 'utf8')).toBe('alpha\n');
    expect(await readFile(path.join(out, 'x/sub/block.bin'))).toEqual(Buffer.alloc(512, 7));
    await expect(
      writeTarDisk([{ hostPath: path.join(tree, 'a.txt'), guestPath: '../escape' }], disk),
    ).rejects.toThrow(/leaves the archive root/);
    await expect(
      writeTarDisk(
        [
          { hostPath: path.join(tree, 'a.txt'), guestPath: 'same' },
          { hostPath: path.join(tree, 'run.sh'), guestPath: 'same' },
        ],
        disk,
      ),
    ).rejects.toThrow(/same guest path "same"/);
  });
});

describe('readTarDisk reads what guest tars write', () => {
  /** A blank 4 MiB disk with `archive` written at its start, as `tar -cf /dev/vdb` leaves it. */
  async function diskWith(archive: Buffer, name: string): Promise<string> {
    const disk = path.join(dir, name);
    await createBlankDisk(disk, 4);
    const handle = await import('node:fs/promises').then((fs) => fs.open(disk, 'r+'));
    await handle.write(archive, 0, archive.length, 0);
    await handle.close();
    return disk;
  }

  const writers: [string, boolean, (out: string) => Buffer][] = [
    ['GNU tar, gnu format', true, () => execFileSync('tar', ['--format=gnu', '-cf', '-', '-C', tree, '.'])],
    ['GNU tar, pax format', true, () => execFileSync('tar', ['--format=pax', '-cf', '-', '-C', tree, '.'])],
    [
      'busybox tar',
      hasBusybox,
      () => execFileSync('busybox', ['tar', '-cf', '-', '-C', tree, '.'], { maxBuffer: 1 << 26 }),
    ],
    ['bsdtar (restricted pax)', hasBsdtar, () => execFileSync('bsdtar', ['-cf', '-', '-C', tree, '.'])],
  ];
  for (const [name, available, make] of writers) {
    it.skipIf(!available && !process.env.CI)(`extracts an archive made by ${name} unchanged`, async () => {
      const disk = await diskWith(make(dir), `${name.replace(/\W+/g, '-')}.img`);
      const out = await fresh(`read-${name.replace(/\W+/g, '-')}`);
      const entries = await readTarDisk(disk, out);
      expect(await snapshot(out)).toEqual(await snapshot(tree));
      expect(entries.find((entry) => entry.path === longName)).toMatchObject({ kind: 'file', size: 5 });
      expect(entries.find((entry) => entry.path === 'sub/link')).toMatchObject({ kind: 'symlink' });
    });
  }

  it('round-trips its own archives', async () => {
    const disk = path.join(dir, 'own.img');
    await writeTarDisk([{ dir: tree, as: 'r' }], disk);
    const out = await fresh('own-out');
    await readTarDisk(disk, out);
    expect(await snapshot(path.join(out, 'r'))).toEqual(await snapshot(tree));
  });

  it('an all-zero disk means nothing was written: an empty list', async () => {
    const disk = path.join(dir, 'blank.img');
    await createBlankDisk(disk, 2);
    const out = await fresh('blank-out');
    expect(await readTarDisk(disk, out)).toEqual([]);
    expect(await readdir(out)).toEqual([]);
  });

  it('a corrupt header is a TarFormatError naming the byte; a truncated member too', async () => {
    const disk = path.join(dir, 'corrupt.img');
    await writeTarDisk([{ dir: tree, as: '' }], disk);
    // Entries are sorted: 'a.txt' (6 bytes) first, so the second header starts at 512 + 512.
    const broken = await readFile(disk);
    expect(broken.subarray(1024, 1024 + 'deep/'.length).toString()).toBe('deep/');
    broken[1024 + 3] ^= 0x55;
    await writeFile(disk, broken);
    await expect(readTarDisk(disk, await fresh('corrupt-out'))).rejects.toThrow(
      /not a valid tar header at byte 1024/,
    );

    const random = path.join(dir, 'random.img');
    await writeFile(random, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) & 0xff)));
    await expect(readTarDisk(random, await fresh('random-out'))).rejects.toBeInstanceOf(TarFormatError);

    const truncated = path.join(dir, 'truncated.img');
    await writeFile(
      truncated,
      Buffer.concat([
        ...entryHeaderBlocks({
          name: 'big',
          mode: 0o644,
          uid: 0,
          gid: 0,
          size: 1 << 20,
          mtime: 0,
          type: 'file',
          linkname: '',
        }),
        Buffer.alloc(1024),
      ]),
    );
    await expect(readTarDisk(truncated, await fresh('trunc-out'))).rejects.toThrow(
      /runs past the end of the disk/,
    );
  });
});

describe('readTarDisk safety', () => {
  const header = (
    name: string,
    type: 'file' | 'symlink' | 'dir' | 'hardlink',
    data = '',
    linkname = '',
  ): Buffer[] => {
    const body = Buffer.from(data);
    const blocks = entryHeaderBlocks({
      name,
      mode: 0o644,
      uid: 0,
      gid: 0,
      size: body.length,
      mtime: 0,
      type,
      linkname,
    });
    return type === 'file'
      ? [...blocks, Buffer.concat([body, Buffer.alloc(paddedSize(body.length) - body.length)])]
      : blocks;
  };
  const archive = (...entries: Buffer[][]): Buffer =>
    Buffer.concat([...entries.flat(), Buffer.alloc(1024 * 1024)]);

  const cases: [string, Buffer, RegExp][] = [
    ['a .. path', archive(header('../evil.txt', 'file', 'x')), /"\.\.\/evil\.txt": '\.\.' would leave/],
    ['a .. in the middle', archive(header('ok/../../evil.txt', 'file', 'x')), /would leave/],
    ['an absolute path', archive(header('/tmp/evil.txt', 'file', 'x')), /absolute path/],
    [
      'a symlink out of the folder',
      archive(header('link', 'symlink', '', '../../etc')),
      /leads out of the folder/,
    ],
    ['an absolute symlink', archive(header('link', 'symlink', '', '/etc')), /absolute path "\/etc"/],
    [
      'a write through a symlink',
      archive(
        header('sub', 'dir'),
        header('alias', 'symlink', '', 'sub'),
        header('alias/x.txt', 'file', 'x'),
      ),
      /a path through a symlink/,
    ],
    [
      'a hard link to something outside',
      archive(header('h', 'hardlink', '', '../../etc/passwd')),
      /would leave/,
    ],
  ];
  for (const [name, bytes, message] of cases) {
    it(`refuses ${name}`, async () => {
      const disk = path.join(dir, 'evil.img');
      await writeFile(disk, bytes);
      const outer = await fresh('evil-outer');
      const out = path.join(outer, 'out');
      const error = await readTarDisk(disk, out).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnsafeTarEntryError);
      expect((error as Error).message).toMatch(message);
      expect(existsSync(path.join(outer, 'evil.txt'))).toBe(false);
      expect(existsSync(path.join(dir, 'evil.txt'))).toBe(false);
    });
  }

  it('a symlink that stays inside is extracted', async () => {
    const disk = path.join(dir, 'inside.img');
    await writeFile(
      disk,
      archive(header('d/f.txt', 'file', 'hi'), header('d/e/l', 'symlink', '', '../f.txt')),
    );
    const out = await fresh('inside-out');
    expect((await readTarDisk(disk, out)).map((entry) => entry.path)).toEqual(['d/f.txt', 'd/e/l']);
    expect(await readFile(path.join(out, 'd/e/l'), 'utf8')).toBe('hi');
  });
});

describe('createBlankDisk', () => {
  it('makes a sparse file of exactly the size', async () => {
    const disk = path.join(dir, 'sparse.img');
    await createBlankDisk(disk, 256);
    const info = await stat(disk);
    expect(info.size).toBe(256 * 1024 * 1024);
    expect(info.blocks * 512).toBeLessThan(1024 * 1024);
    await expect(createBlankDisk(disk, 0)).rejects.toThrow(/at least 1/);
  });
});
