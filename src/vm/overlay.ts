// A copy-on-write overlay over a cached base image, so every boot (and every retry) starts from
// the pristine image and the cache is never written. qemu-img(1): "create [-f FMT] [-b
// BACKING_FILE [-F BACKING_FMT]] FILENAME [SIZE]". -F is required: -b without -F was deprecated in
// 5.0 and removed by QEMU commit 497a30dbb ("qemu-img: Require -F with -b backing image",
// docs/about/removed-features); 7.2 here answers "Backing file specified without backing format"
// (measured). A relative backing path
// would be resolved relative to the overlay's folder, so the base is made absolute here.

import path from 'node:path';
import { runBounded } from './process.js';
import type { DiskFormat } from './qemu-argv.js';

export class OverlayError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'OverlayError';
  }
}

export interface OverlayOptions {
  qemuImg?: string;
  /** Default 60 s: creating an overlay takes milliseconds; a stuck NFS cache should not hang the run. */
  timeoutMs?: number;
}

export interface Overlay {
  path: string;
  /** Virtual size in bytes, as qemu-img reports it. */
  virtualSize: number;
  /** Set when a requested size was not applied, and why. */
  note?: string;
}

/** `qemu-img info --output=json`: the virtual size of an image. */
export async function virtualSize(
  file: string,
  format: DiskFormat,
  options: OverlayOptions = {},
): Promise<number> {
  const qemuImg = options.qemuImg ?? 'qemu-img';
  const result = await runBounded(qemuImg, ['info', '--output=json', '-f', format, file], {
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  if (result.spawnError) throw new OverlayError(`could not run ${qemuImg}: ${result.spawnError.message}`, '');
  if (result.timedOut || result.code !== 0)
    throw new OverlayError(
      `${qemuImg} info ${file} failed: ${result.stderr.trim() || `exit ${result.code ?? result.signal}`}`,
      result.stderr,
    );
  return Number((JSON.parse(result.stdout) as { 'virtual-size': number })['virtual-size']);
}

/**
 * Creates a qcow2 overlay at `overlayPath` backed by `base`. With sizeGiB the overlay (the disk the
 * guest sees) is that large, which lets the guest grow its file system (BASIC-CI images run growfs,
 * release/tools/basic-ci.conf); a size below the image's is not applied (a smaller disk would cut
 * the file system off), and the note says so.
 */
export async function createOverlay(
  base: string,
  format: DiskFormat,
  overlayPath: string,
  sizeGiB?: number,
  options: OverlayOptions = {},
): Promise<Overlay> {
  if (sizeGiB !== undefined && !(sizeGiB > 0)) {
    throw new OverlayError(`overlay size must be a positive number of GiB, got ${sizeGiB}`, '');
  }
  const qemuImg = options.qemuImg ?? 'qemu-img';
  const timeoutMs = options.timeoutMs ?? 60_000;
  const args = ['create', '-q', '-f', 'qcow2', '-b', path.resolve(base), '-F', format, overlayPath];
  let note: string | undefined;
  if (sizeGiB !== undefined) {
    const baseSize = await virtualSize(base, format, options);
    const wanted = Math.round(sizeGiB * 1024 ** 3);
    if (wanted > baseSize) args.push(String(wanted));
    else
      note = `disk-size ${sizeGiB} GiB is not larger than the image (${(baseSize / 1024 ** 3).toFixed(1)} GiB): kept the image size`;
  }
  const result = await runBounded(qemuImg, args, { timeoutMs });
  if (result.spawnError) throw new OverlayError(`could not run ${qemuImg}: ${result.spawnError.message}`, '');
  if (result.timedOut)
    throw new OverlayError(
      `${qemuImg} create did not finish within ${Math.round(timeoutMs / 1000)} s (overlay ${overlayPath} over ${base})`,
      result.stderr,
    );
  if (result.code !== 0) {
    throw new OverlayError(
      `${qemuImg} create failed for overlay ${overlayPath} over ${base}: ${result.stderr.trim() || `exit ${result.code ?? result.signal}`}`,
      result.stderr,
    );
  }
  return {
    path: overlayPath,
    virtualSize: await virtualSize(overlayPath, 'qcow2', options),
    ...(note ? { note } : {}),
  };
}
