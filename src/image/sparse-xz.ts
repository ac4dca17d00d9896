// `xz -dc SRC` into DEST, keeping DEST sparse: all-zero blocks are skipped (a hole), so a 6 GiB
// BASIC-CI raw image (5 GiB root file system plus swap, mostly never written: release/tools/
// basic-ci.conf, release/Makefile.vm) takes only the disk its data needs. xz is spawned with an
// argument array (no shell); its output is read in blocks and written at their offsets.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

/** Hole granularity: a multiple of every common file-system block size. */
export const SPARSE_BLOCK = 64 * 1024;

export interface SparseWriteStats {
  /** Length of the decompressed image. */
  size: number;
  /** Bytes actually written (the non-zero blocks). */
  written: number;
}

export class DecompressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecompressError';
  }
}

const ZERO = Buffer.alloc(SPARSE_BLOCK);

/** Decompresses `src` (.xz) to `dest` (created or truncated), sparse. */
export async function xzToSparseFile(src: string, dest: string): Promise<SparseWriteStats> {
  const child = spawn('xz', ['-dc', '--', src], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (e) => reject(new DecompressError(`cannot run xz to decompress ${src}: ${e.message}`)));
    child.on('close', (code) => resolve(code));
  });
  // Awaited after the output is read; a spawn failure must not count as unhandled meanwhile.
  exited.catch(() => undefined);
  const out = await fs.promises.open(dest, 'w');
  const block = Buffer.alloc(SPARSE_BLOCK);
  let fill = 0;
  let offset = 0;
  let written = 0;
  const flush = async (length: number) => {
    const part = block.subarray(0, length);
    if (!(length === SPARSE_BLOCK ? part.equals(ZERO) : part.equals(ZERO.subarray(0, length)))) {
      await out.write(part, 0, length, offset);
      written += length;
    }
    offset += length;
  };
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let at = 0;
      while (at < chunk.length) {
        const n = Math.min(SPARSE_BLOCK - fill, chunk.length - at);
        chunk.copy(block, fill, at, at + n);
        fill += n;
        at += n;
        if (fill === SPARSE_BLOCK) {
          await flush(SPARSE_BLOCK);
          fill = 0;
        }
      }
    }
    if (fill > 0) await flush(fill);
    // A trailing hole has no block to write: the length comes from truncate.
    await out.truncate(offset);
  } catch (error) {
    child.kill('SIGKILL');
    await exited.catch(() => undefined);
    throw error;
  } finally {
    await out.close();
  }
  const code = await exited;
  if (code !== 0) throw new DecompressError(`xz -dc ${src} failed (exit ${code}): ${stderr.trim()}`);
  return { size: offset, written };
}
