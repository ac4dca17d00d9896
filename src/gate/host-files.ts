// A host file the run must write (a disk image, the serial log, the evidence) that could not be
// written: one sentence naming the file, the errno and what the errno means on this host, instead
// of node's bare "EFBIG: file too large, ftruncate".
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What an errno of a failed write means for the folder the file is in. */
const WRITE_FAILURE_HINTS: Record<string, string> = {
  ENOSPC: ' (the file system holding it is full)',
  EDQUOT: ' (the disk quota there is used up)',
  EROFS: ' (the file system holding it is read-only)',
  EACCES: ' (the folder is not writable by this user)',
  EPERM: ' (the folder is not writable by this user)',
  ENOENT: ' (its folder was removed during the run)',
  EIO: ' (the disk holding it failed)',
};

/**
 * The soft RLIMIT_FSIZE of this process from /proc/self/limits (proc(5): "Max file size  <soft>
 * <hard> bytes"), in bytes; undefined when unlimited or unknown.
 */
export function fileSizeLimitBytes(limits = readLimits()): number | undefined {
  const soft = /^Max file size\s+(\S+)\s+\S+\s+bytes\s*$/m.exec(limits ?? '')?.[1];
  return soft === undefined || soft === 'unlimited' ? undefined : Number(soft);
}

function readLimits(): string | undefined {
  try {
    return readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return undefined;
  }
}

/** `ENOSPC (the file system holding it is full)`; EFBIG names the process's file size limit. */
export function describeWriteErrno(code: string, limits?: string): string {
  if (code === 'EFBIG') {
    const limit = fileSizeLimitBytes(limits);
    return `EFBIG (larger than this process may write: its file size limit, ulimit -f, is ${limit === undefined ? 'set' : `${Math.floor(limit / 1024)} KiB`})`;
  }
  return `${code}${WRITE_FAILURE_HINTS[code] ?? ''}`;
}

/** A host file the run needs could not be written. */
export class HostFileError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
    what: string,
  ) {
    super(`cannot write ${what} ${file}: ${describeWriteErrno(code)}`);
    this.name = 'HostFileError';
  }
}

/** Runs `write`; a failure with an errno becomes a HostFileError naming `what` and `file`. */
export async function writingHostFile<T>(file: string, what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    throw new HostFileError(file, code, what);
  }
}

/**
 * Why nothing can be written into `dir` (or the nearest folder above it that exists), or undefined
 * when it can: node's recursive mkdir reports ENOENT on a read-only file system, which would send a
 * reader looking for a removed folder.
 */
export function folderWriteProblem(dir: string): string | undefined {
  let existing = dir;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${existing}: ${describeWriteErrno(code)}` : undefined;
  }
}
