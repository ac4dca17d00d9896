// How a failed write of a host file is worded; the limits text is this machine's /proc/self/limits
// format (proc(5)) under `ulimit -f 256000`.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  describeWriteErrno,
  fileSizeLimitBytes,
  folderWriteProblem,
  HostFileError,
  writingHostFile,
} from '../../../src/gate/host-files.js';

const LIMITS = [
  'Limit                     Soft Limit           Hard Limit           Units     ',
  'Max cpu time              unlimited            unlimited            seconds   ',
  'Max file size             262144000            unlimited            bytes     ',
].join('\n');

describe('host file write failures', () => {
  it('reads the soft file size limit, unlimited as none', () => {
    expect(fileSizeLimitBytes(LIMITS)).toBe(262_144_000);
    expect(
      fileSizeLimitBytes('Max file size             unlimited            unlimited            bytes\n'),
    ).toBeUndefined();
  });

  it('says what each errno means; EFBIG names the limit', () => {
    expect(describeWriteErrno('ENOSPC')).toBe('ENOSPC (the file system holding it is full)');
    expect(describeWriteErrno('EROFS')).toBe('EROFS (the file system holding it is read-only)');
    expect(describeWriteErrno('EXDEV')).toBe('EXDEV');
    expect(describeWriteErrno('EFBIG', LIMITS)).toBe(
      'EFBIG (larger than this process may write: its file size limit, ulimit -f, is 256000 KiB)',
    );
  });

  it('writingHostFile turns an errno into one sentence naming the file; other errors pass', async () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const failed = await writingHostFile('/out/.work/payload.tar', 'the payload disk', async () => {
      throw enospc;
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(HostFileError);
    expect((failed as Error).message).toBe(
      'cannot write the payload disk /out/.work/payload.tar: ENOSPC (the file system holding it is full)',
    );
    const plain = new Error('not an errno');
    await expect(
      writingHostFile('/x', 'x', async () => {
        throw plain;
      }),
    ).rejects.toBe(plain);
  });

  it('folderWriteProblem: none for a writable folder or a missing one under it (a read-only one: evidence.test.ts)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fg-host-files-'));
    expect(folderWriteProblem(dir)).toBeUndefined();
    expect(folderWriteProblem(path.join(dir, 'results', 'deeper'))).toBeUndefined();
  });
});
