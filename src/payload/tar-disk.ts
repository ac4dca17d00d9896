// Bulk data in and out of the guest: a tar archive written straight onto a raw disk. The guest
// reads the payload disk with `tar -xf /dev/vtbd1` (FreeBSD bsdtar) or `tar -xf /dev/vdb`
// (busybox), and writes its results with `tar -cf DEV ...` onto a blank disk the host reads back.
//
// Why our own tar writer and reader (tar-format.ts) instead of the host's `tar`:
// - the output must not depend on which tar the runner has (GNU tar on Ubuntu, bsdtar on a Mac
//   laptop): their defaults differ (GNU tar's default format, pax headers for mtimes, sparse files);
//   here the format is fixed: ustar, plus a GNU long-name record only for a path that needs it;
// - names come from argv arrays either way, but mapping many host paths onto guest paths with
//   --transform is GNU-only and its sed syntax turns special characters into a quoting problem;
// - the reader must enforce safety rules GNU tar does not apply by default (refuse symlinks that
//   lead out of the folder, never write through a symlink), stop at the end-of-archive zeros,
//   treat an all-zero disk as "nothing written" and name the byte where a corrupt archive breaks.
// Both are small and stream file data in 1 MiB chunks, so a large tree is never held in memory.

import { constants as fsConstants } from 'node:fs';
import {
  copyFile,
  lstat,
  mkdir,
  open,
  readdir,
  readlink,
  rm,
  stat,
  symlink,
  utimes,
  type FileHandle,
} from 'node:fs/promises';
import path from 'node:path';
import {
  BLOCK,
  TarFormatError,
  decodeHeader,
  entryHeaderBlocks,
  isZeroBlock,
  paddedSize,
  parsePaxRecords,
  type TarEntryType,
  type TarHeader,
} from './tar-format.js';

export { TarFormatError } from './tar-format.js';

/** One file or folder (recursively) from the host, placed at `guestPath` in the archive. */
export interface PathEntry {
  hostPath: string;
  guestPath: string;
}

/** The contents of the host folder `dir`, placed under `as` ('' or '.' for the top). */
export interface DirEntry {
  dir: string;
  as: string;
}

export type PayloadEntry = PathEntry | DirEntry;

export interface TarDiskSummary {
  files: number;
  dirs: number;
  symlinks: number;
  /** Bytes of file data archived. */
  dataBytes: number;
  /** Size of the disk image: the archive padded to whole MiB (or to the size asked for). */
  diskBytes: number;
  /** Bytes of the archive itself, end-of-archive blocks included. */
  archiveBytes: number;
}

export interface ExtractedEntry {
  /** Path relative to destDir, with '/' separators. */
  path: string;
  kind: Exclude<TarEntryType, 'other'>;
  size: number;
}

/** A path in the archive that would leave the destination folder, or be written through a symlink. */
export class UnsafeTarEntryError extends Error {
  constructor(
    readonly entry: string,
    readonly why: string,
  ) {
    super(`refusing tar entry ${JSON.stringify(entry)}: ${why}`);
    this.name = 'UnsafeTarEntryError';
  }
}

const MIB = 1024 * 1024;
const CHUNK = MIB;

/**
 * Writes a tar archive of `entries` to `diskPath` (replacing its contents in place: the same file,
 * so a QEMU that has it open sees the new bytes), padded with zeros to a whole number of MiB, or to
 * `sizeBytes` when that is larger, so it can be attached as a raw disk. Directories are walked in
 * sorted order; symlinks inside a walked folder are kept as symlinks, a top-level hostPath is followed.
 */
export async function writeTarDisk(
  entries: readonly PayloadEntry[],
  diskPath: string,
  options: { sizeBytes?: number } = {},
): Promise<TarDiskSummary> {
  const plan = await planEntries(entries);
  const out = await open(diskPath, 'w');
  const summary: TarDiskSummary = {
    files: 0,
    dirs: 0,
    symlinks: 0,
    dataBytes: 0,
    diskBytes: 0,
    archiveBytes: 0,
  };
  let position = 0;
  const write = async (buffer: Buffer): Promise<void> => {
    let done = 0;
    while (done < buffer.length) {
      const { bytesWritten } = await out.write(buffer, done, buffer.length - done, position);
      done += bytesWritten;
      position += bytesWritten;
    }
  };
  try {
    for (const item of plan) {
      for (const block of entryHeaderBlocks(item.header)) await write(block);
      if (item.header.type === 'dir') summary.dirs++;
      else if (item.header.type === 'symlink') summary.symlinks++;
      else {
        summary.files++;
        summary.dataBytes += item.header.size;
        await copyFileData(item.source!, item.header.size, write);
      }
    }
    // End of archive: two zero blocks; then zeros up to a whole MiB (ftruncate leaves a hole).
    await write(Buffer.alloc(2 * BLOCK));
    summary.archiveBytes = position;
    summary.diskBytes = Math.max(Math.ceil(position / MIB) * MIB, options.sizeBytes ?? 0);
    await out.truncate(summary.diskBytes);
  } finally {
    await out.close();
  }
  return summary;
}

interface PlannedEntry {
  /** What entryHeaderBlocks writes: a header without a raw typeflag, of a type the writer makes. */
  header: Omit<TarHeader, 'typeflag' | 'type'> & { type: Exclude<TarEntryType, 'other'> };
  source?: string;
}

async function planEntries(entries: readonly PayloadEntry[]): Promise<PlannedEntry[]> {
  const planned: PlannedEntry[] = [];
  const seen = new Map<string, string>();
  const add = (item: PlannedEntry, from: string): void => {
    const key = item.header.name;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      if (item.header.type === 'dir' && planned.find((p) => p.header.name === key)?.header.type === 'dir')
        return;
      throw new Error(
        `two payload entries map to the same guest path ${JSON.stringify(key)}: ${earlier} and ${from}`,
      );
    }
    seen.set(key, from);
    planned.push(item);
  };
  const addParents = (guestPath: string): void => {
    const parts = guestPath.split('/');
    for (let index = 1; index < parts.length; index++) {
      const dir = parts.slice(0, index).join('/');
      // add() merges it with a folder already there, and refuses a file already there.
      add({ header: dirHeader(dir, 0o755, Date.now() / 1000) }, '(parent folder)');
    }
  };
  const walk = async (hostDir: string, guestDir: string): Promise<void> => {
    const names = (await readdir(hostDir)).sort();
    for (const name of names) {
      const hostPath = path.join(hostDir, name);
      const guestPath = guestDir ? `${guestDir}/${name}` : name;
      await addPath(hostPath, guestPath, false);
    }
  };
  const addPath = async (hostPath: string, guestPath: string, follow: boolean): Promise<void> => {
    const info = follow ? await stat(hostPath) : await lstat(hostPath);
    const mtime = Math.floor(info.mtimeMs / 1000);
    if (info.isDirectory()) {
      add({ header: dirHeader(guestPath, info.mode & 0o777, mtime) }, hostPath);
      await walk(hostPath, guestPath);
    } else if (info.isFile()) {
      add(
        {
          header: {
            name: guestPath,
            mode: info.mode & 0o777,
            uid: 0,
            gid: 0,
            size: info.size,
            mtime,
            type: 'file',
            linkname: '',
          },
          source: hostPath,
        },
        hostPath,
      );
    } else if (info.isSymbolicLink()) {
      add(
        {
          header: {
            name: guestPath,
            mode: 0o777,
            uid: 0,
            gid: 0,
            size: 0,
            mtime,
            type: 'symlink',
            linkname: await readlink(hostPath),
          },
        },
        hostPath,
      );
    }
    // Sockets, FIFOs and devices are not payload: left out.
  };
  for (const entry of entries) {
    if ('dir' in entry) {
      const as = guestRelative(entry.as, true);
      const info = await stat(entry.dir);
      if (!info.isDirectory()) throw new Error(`payload folder ${entry.dir} is not a folder`);
      if (as) {
        addParents(as);
        add({ header: dirHeader(as, info.mode & 0o777, Math.floor(info.mtimeMs / 1000)) }, entry.dir);
      }
      await walk(entry.dir, as);
    } else {
      const guestPath = guestRelative(entry.guestPath, false);
      addParents(guestPath);
      await addPath(entry.hostPath, guestPath, true);
    }
  }
  return planned;
}

function dirHeader(name: string, mode: number, mtime: number): PlannedEntry['header'] {
  return { name, mode, uid: 0, gid: 0, size: 0, mtime: Math.floor(mtime), type: 'dir', linkname: '' };
}

/** A guest path relative to the archive root: no leading '/', no '..', normalized. */
function guestRelative(guestPath: string, allowRoot: boolean): string {
  const normalized = path.posix.normalize(guestPath.replace(/^\/+/, '')).replace(/\/+$/, '');
  if (normalized === '.' || normalized === '') {
    if (allowRoot) return '';
    throw new Error(`payload guest path ${JSON.stringify(guestPath)} is empty`);
  }
  if (normalized.split('/').includes('..'))
    throw new Error(`payload guest path ${JSON.stringify(guestPath)} leaves the archive root`);
  if (guestPath.includes('\0'))
    throw new Error(`payload guest path ${JSON.stringify(guestPath)} contains NUL`);
  return normalized;
}

async function copyFileData(
  source: string,
  size: number,
  write: (buffer: Buffer) => Promise<void>,
): Promise<void> {
  const input = await open(source, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    let copied = 0;
    while (copied < size) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, size - copied), copied);
      if (bytesRead === 0)
        throw new Error(`${source} shrank while it was archived (${copied} of ${size} bytes)`);
      await write(buffer.subarray(0, bytesRead));
      copied += bytesRead;
    }
    const padding = paddedSize(size) - size;
    if (padding > 0) await write(Buffer.alloc(padding));
  } finally {
    await input.close();
  }
}

/** A blank raw disk of `sizeMiB` MiB: a sparse file (a hole) that reads as zeros. Replaces `diskPath`. */
export async function createBlankDisk(diskPath: string, sizeMiB: number): Promise<void> {
  if (!Number.isInteger(sizeMiB) || sizeMiB < 1)
    throw new Error(`blank disk size must be a whole number of MiB of at least 1, got ${sizeMiB}`);
  const handle = await open(diskPath, 'w');
  try {
    await handle.truncate(sizeMiB * MIB);
  } finally {
    await handle.close();
  }
}

/**
 * Extracts the tar archive the guest wrote to the raw disk `diskPath` into `destDir` (created if
 * missing). Stops at the first zero block (the end-of-archive marker). A disk that is all zeros
 * where the archive would start means the guest wrote nothing: an empty list, not an error.
 * A bad header checksum, a truncated member, or an entry that would leave destDir (absolute path,
 * '..', a symlink pointing outside, a path through a symlink) is an error.
 */
export async function readTarDisk(diskPath: string, destDir: string): Promise<ExtractedEntry[]> {
  const input = await open(diskPath, 'r');
  const extracted: ExtractedEntry[] = [];
  try {
    const diskSize = (await input.stat()).size;
    const root = path.resolve(destDir);
    await mkdir(root, { recursive: true });
    const header = Buffer.alloc(BLOCK);
    let offset = 0;
    let longName: string | undefined;
    let longLink: string | undefined;
    let pax: Record<string, string> = {};
    for (;;) {
      if (offset + BLOCK > diskSize) break; // end of the disk without a marker: GNU tar accepts that too
      await readExactly(input, header, offset);
      if (isZeroBlock(header)) break;
      const at = offset;
      let entry: ReturnType<typeof decodeHeader>;
      try {
        entry = decodeHeader(header, at);
      } catch (error) {
        if (error instanceof TarFormatError)
          throw new TarFormatError(`${diskPath} is not a readable tar archive: ${error.message}`);
        throw error;
      }
      const meta =
        entry.typeflag === 'x' || entry.typeflag === 'g' || entry.typeflag === 'L' || entry.typeflag === 'K';
      // Data that follows the header: a file's contents (pax may override a size ustar cannot
      // hold), a meta record's payload, or an unknown type's data, which is skipped.
      const size = entry.type === 'file' && pax.size !== undefined ? Number(pax.size) : entry.size;
      if (!Number.isSafeInteger(size) || size < 0)
        throw new TarFormatError(`${diskPath}: bad size ${JSON.stringify(pax.size)} at byte ${at}`);
      const dataSize = meta || entry.type === 'file' || entry.type === 'other' ? size : 0;
      const dataStart = offset + BLOCK;
      const next = dataStart + paddedSize(dataSize);
      if (next > diskSize) {
        throw new TarFormatError(
          `${diskPath}: tar member ${JSON.stringify(entry.name)} at byte ${at} runs past the end of the disk (truncated archive)`,
        );
      }
      offset = next;
      if (meta) {
        const data = Buffer.alloc(entry.size);
        await readExactly(input, data, dataStart);
        if (entry.typeflag === 'L') longName = cString(data);
        else if (entry.typeflag === 'K') longLink = cString(data);
        else if (entry.typeflag === 'x') pax = parsePaxRecords(data, at);
        continue; // 'g' (global pax) carries nothing the gate uses
      }
      const name = pax.path ?? longName ?? entry.name;
      const linkname = pax.linkpath ?? longLink ?? entry.linkname;
      const mtime = pax.mtime !== undefined ? Number(pax.mtime) : entry.mtime;
      longName = longLink = undefined;
      pax = {};
      if (entry.type === 'other') continue; // devices, FIFOs: not evidence
      const relative = safeRelative(name);
      if (relative === '') {
        if (entry.type === 'dir') continue; // "./" itself
        throw new UnsafeTarEntryError(name, 'it names the destination folder itself');
      }
      const target = path.join(root, ...relative.split('/'));
      await ensureParents(root, relative);
      switch (entry.type) {
        case 'dir':
          await ensureDir(root, relative);
          extracted.push({ path: relative, kind: 'dir', size: 0 });
          break;
        case 'file':
          await removeIfNotDir(target, relative);
          await extractFile(input, dataStart, size, target, entry.mode & 0o777);
          await utimes(target, mtime, mtime).catch(() => undefined);
          extracted.push({ path: relative, kind: 'file', size });
          break;
        case 'symlink': {
          if (path.posix.isAbsolute(linkname))
            throw new UnsafeTarEntryError(
              relative,
              `symlink to the absolute path ${JSON.stringify(linkname)}`,
            );
          const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(relative), linkname));
          if (resolved === '..' || resolved.startsWith('../'))
            throw new UnsafeTarEntryError(
              relative,
              `symlink to ${JSON.stringify(linkname)} leads out of the folder`,
            );
          await removeIfNotDir(target, relative);
          await symlink(linkname, target);
          extracted.push({ path: relative, kind: 'symlink', size: 0 });
          break;
        }
        case 'hardlink': {
          const source = safeRelative(linkname);
          const sourcePath = path.join(root, ...source.split('/'));
          const info = await lstat(sourcePath).catch(() => undefined);
          if (!info?.isFile())
            throw new UnsafeTarEntryError(
              relative,
              `hard link to ${JSON.stringify(linkname)}, which is not a file extracted before it`,
            );
          await removeIfNotDir(target, relative);
          await copyFile(sourcePath, target);
          extracted.push({ path: relative, kind: 'hardlink', size: info.size });
          break;
        }
      }
    }
  } finally {
    await input.close();
  }
  return extracted;
}

function cString(data: Buffer): string {
  const end = data.indexOf(0);
  return data.subarray(0, end < 0 ? data.length : end).toString('utf8');
}

/** The archive path as a clean relative path, or UnsafeTarEntryError. */
function safeRelative(name: string): string {
  if (name.includes('\0')) throw new UnsafeTarEntryError(name, 'the name contains NUL');
  if (name.startsWith('/')) throw new UnsafeTarEntryError(name, 'absolute path');
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw new UnsafeTarEntryError(name, "'..' would leave the destination folder");
  return parts.join('/');
}

/** Creates the parent folders of `relative` under root, refusing to pass through a symlink. */
async function ensureParents(root: string, relative: string): Promise<void> {
  const parts = relative.split('/');
  for (let index = 1; index < parts.length; index++) await ensureDir(root, parts.slice(0, index).join('/'));
}

async function ensureDir(root: string, relative: string): Promise<void> {
  const dir = path.join(root, ...relative.split('/'));
  const info = await lstat(dir).catch(() => undefined);
  if (info?.isSymbolicLink()) throw new UnsafeTarEntryError(relative, 'a path through a symlink');
  if (info && !info.isDirectory())
    throw new UnsafeTarEntryError(relative, 'a folder where a file was extracted before');
  if (!info) await mkdir(dir);
}

async function removeIfNotDir(target: string, relative: string): Promise<void> {
  const info = await lstat(target).catch(() => undefined);
  if (!info) return;
  if (info.isDirectory())
    throw new UnsafeTarEntryError(relative, 'a file where a folder was extracted before');
  await rm(target, { force: true });
}

async function extractFile(
  input: FileHandle,
  start: number,
  size: number,
  target: string,
  mode: number,
): Promise<void> {
  // O_NOFOLLOW: never write through a symlink placed at the target; O_EXCL: the path was cleared above.
  const output = await open(
    target,
    fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_NOFOLLOW,
    mode || 0o644,
  );
  try {
    const buffer = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
    let copied = 0;
    while (copied < size) {
      const length = Math.min(buffer.length, size - copied);
      await readExactly(input, buffer.subarray(0, length), start + copied);
      let written = 0;
      while (written < length)
        written += (await output.write(buffer, written, length - written, copied + written)).bytesWritten;
      copied += length;
    }
  } finally {
    await output.close();
  }
}

async function readExactly(input: FileHandle, buffer: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await input.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) throw new TarFormatError(`unexpected end of disk at byte ${position + done}`);
    done += bytesRead;
  }
}
