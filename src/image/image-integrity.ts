// A cheap integrity record for a cached disk image: its size and SHA-256 of its first and last
// MiB, written beside it when it is cached and checked on every cache hit. A full hash of a 6 GiB
// image would cost a minute per run. The size catches a truncated file; the first MiB holds the
// partition table and boot code, and on a GPT disk the last sectors hold the backup header: what a
// partly written or overwritten file loses first.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

const SPAN = 1024 * 1024;

export interface IntegrityRecord {
  size: number;
  headSha256: string;
  tailSha256: string;
  /** SHA-512 of the file it was made from (the download), tying the record to its cache key. */
  sourceSha512: string;
}

export function integrityPath(image: string): string {
  return `${image}.integrity.json`;
}

async function spanHash(fh: fs.promises.FileHandle, position: number, length: number): Promise<string> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return createHash('sha256').update(buf.subarray(0, bytesRead)).digest('hex');
}

export async function measure(image: string, sourceSha512: string): Promise<IntegrityRecord> {
  const fh = await fs.promises.open(image, 'r');
  try {
    const { size } = await fh.stat();
    const head = Math.min(SPAN, size);
    const tail = Math.min(SPAN, size);
    return {
      size,
      headSha256: await spanHash(fh, 0, head),
      tailSha256: await spanHash(fh, size - tail, tail),
      sourceSha512,
    };
  } finally {
    await fh.close();
  }
}

/** Writes the record beside the image (before the cache entry is marked complete). */
export async function recordIntegrity(image: string, recordFor: string, sourceSha512: string): Promise<void> {
  await fs.promises.writeFile(
    integrityPath(recordFor),
    `${JSON.stringify(await measure(image, sourceSha512), null, 2)}\n`,
  );
}

/** Undefined when the cached image matches its record, else what is wrong with it. */
export async function checkIntegrity(image: string, sourceSha512: string): Promise<string | undefined> {
  let record: IntegrityRecord;
  try {
    record = JSON.parse(await fs.promises.readFile(integrityPath(image), 'utf8')) as IntegrityRecord;
  } catch {
    return `no readable integrity record ${integrityPath(image)}`;
  }
  if (record.sourceSha512 !== sourceSha512) return 'its integrity record belongs to another download';
  const now = await measure(image, sourceSha512);
  if (now.size !== record.size) return `its size is ${now.size} bytes, ${record.size} when it was cached`;
  if (now.headSha256 !== record.headSha256) return 'its first MiB changed since it was cached';
  if (now.tailSha256 !== record.tailSha256) return 'its last MiB changed since it was cached';
  return undefined;
}
