// The FreeBSD guest: the official BASIC-CI image (verified, cached), a fresh copy-on-write overlay
// per boot attempt, and a payload with the parts of the target tree the build needs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GateConfig } from '../config/types.js';
import { FreeBSDGuest } from '../guest/freebsd.js';
import { githubActionsCache, toolCacheStore } from '../image/cache.js';
import { obtainFreeBSDImage, toolCacheDownloader } from '../image/freebsd-image.js';
import { createOverlay } from '../vm/overlay.js';
import { packageRoot } from '../package-root.js';
import type { PayloadEntry } from '../payload/tar-disk.js';
import type { GuestPlan } from './boot.js';
import type { GateIO } from './run.js';

/** What a module build and the write tests read of the tree (see src/guest/freebsd.ts FREEBSD_TREE_PATHS). */
const MODULE_BUILD_PARTS = ['sys', 'share/mk', 'tests/sys/fs/fusefs', 'tests/freebsd_test_suite', 'sbin/mount'];

export async function planFreebsdGuest(config: GateConfig, io: GateIO, paths: { workDir: string; serialLogPath: string }): Promise<GuestPlan> {
  const newvers = path.join(config.sourceTree, 'sys', 'conf', 'newvers.sh');
  const image = await obtainFreeBSDImage(
    {
      version: config.freebsdVersion,
      image: config.image,
      imageSha512: config.imageSha512,
      newversText: existsSync(newvers) ? readFileSync(newvers, 'utf8') : undefined,
      cacheDir: config.cacheDir,
    },
    {
      download: await toolCacheDownloader(),
      store: await toolCacheStore(config.cacheDir),
      remote: config.cacheImages ? await githubActionsCache(io.warn) : undefined,
      log: io.note,
    },
  );
  io.note(`fusefs-gate: image ${image.fileName} (${image.from}): ${image.why}`);
  return {
    adapter: new FreeBSDGuest(),
    media: async (attempt) => {
      const overlay = path.join(paths.workDir, `overlay-${attempt}.qcow2`);
      const made = await createOverlay(image.path, image.format, overlay, config.diskSizeGiB);
      if (made.note) io.warn(made.note);
      return { kind: 'disk', path: overlay, format: 'qcow2' };
    },
    imageInfo: { description: image.fileName, path: image.path, url: image.source, sha512: image.sha512, why: image.why },
    payload: freebsdPayload(config),
    serialLogPath: paths.serialLogPath,
    workDir: paths.workDir,
  };
}

/**
 * The tree goes to /gate/src: all of it but .git for a kernel build (or `auto` on a full checkout,
 * which may decide on a kernel build in the guest), else the parts a module build needs.
 */
export function freebsdPayload(config: GateConfig): PayloadEntry[] {
  const tree = config.sourceTree;
  const fullCheckout = existsSync(path.join(tree, 'Makefile.inc1'));
  const wholeTree = config.build === 'kernel' || (config.build === 'auto' && fullCheckout);
  const parts = wholeTree ? readdirSync(tree).filter((name) => name !== '.git') : MODULE_BUILD_PARTS.filter((part) => existsSync(path.join(tree, part)));
  return [
    ...parts.map((part) => ({ hostPath: path.join(tree, part), guestPath: `src/${part}` })),
    { hostPath: path.join(packageRoot(), 'guest'), guestPath: 'guest' },
    ...(config.fuseServerSource ? [{ hostPath: config.fuseServerSource, guestPath: 'fuse-server' }] : []),
  ];
}
