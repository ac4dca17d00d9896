// The FreeBSD guest: the official BASIC-CI image (verified, cached), a fresh copy-on-write overlay
// per boot attempt, and a payload with the parts of the target tree the build needs. Planning sits
// next to the FreeBSD adapter; the gate (gate/boot.ts) loads it on demand and shares only the plan
// types (gate/guest-plan.ts) with it, so the gate's modules do not import each other in a circle.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkBuildBeforeBoot, imageKernelOf, readTreeFacts } from '../config/freebsd-tree.js';
import type { GateConfig } from '../config/types.js';
import type { GateIO, GuestPlan } from '../gate/guest-plan.js';
import { githubActionsCache, toolCacheStore } from '../image/cache.js';
import { obtainFreeBSDImage, toolCacheDownloader } from '../image/freebsd-image.js';
import { parseVersionInput, versionFromNewvers } from '../image/freebsd-resolve.js';
import { packageRoot } from '../package-root.js';
import type { PayloadEntry } from '../payload/tar-disk.js';
import { createOverlay } from '../vm/overlay.js';
import { FreeBSDGuest } from './freebsd.js';

/** What a module build and the write tests read of the tree (see src/guest/freebsd.ts FREEBSD_TREE_PATHS). */
const MODULE_BUILD_PARTS = [
  'sys',
  'share/mk',
  'tests/sys/fs/fusefs',
  'tests/freebsd_test_suite',
  'sbin/mount',
];

export async function planFreebsdGuest(
  config: GateConfig,
  io: GateIO,
  paths: { workDir: string; serialLogPath: string },
): Promise<GuestPlan> {
  const newvers = path.join(config.sourceTree, 'sys', 'conf', 'newvers.sh');
  // The config refused a build that cannot work (config/parse.ts); what is left undecided before
  // boot is said here, so the log explains a later refusal by the booted kernel.
  const facts = readTreeFacts(config.sourceTree);
  const input = parseVersionInput(config.freebsdVersion);
  const version =
    input.kind === 'version'
      ? input.version
      : input.kind === 'auto' && facts.newvers
        ? versionFromNewvers(facts.newvers).version
        : undefined;
  const check = checkBuildBeforeBoot(facts, config.build, imageKernelOf(version, config.image));
  if (check.note) io.note(`fusefs-gate: ${check.note}`);
  const image = await obtainFreeBSDImage(
    {
      version: config.freebsdVersion,
      image: config.image,
      imageSha512: config.imageSha512,
      newversText: existsSync(newvers) ? readFileSync(newvers, 'utf8') : undefined,
      cacheDir: config.cacheDir,
      lockWaitMs: config.buildTimeoutSec * 1000,
      signal: io.signal,
    },
    {
      download: await toolCacheDownloader(),
      store: await toolCacheStore(config.cacheDir),
      remote: config.cacheImages ? await githubActionsCache(io.warn) : undefined,
      log: io.note,
      warn: io.warn,
    },
  );
  io.note(`fusefs-gate: image ${image.fileName} (${image.from}): ${image.why}`);
  return {
    adapter: new FreeBSDGuest({ tree: facts }),
    media: async (attempt: number) => {
      const overlay = path.join(paths.workDir, `overlay-${attempt}.qcow2`);
      const made = await createOverlay(image.path, image.format, overlay, config.diskSizeGiB);
      if (made.note) io.warn(made.note);
      return { kind: 'disk', path: overlay, format: 'qcow2' };
    },
    imageInfo: {
      description: image.fileName,
      path: image.path,
      url: image.source,
      sha512: image.sha512,
      why: image.why,
    },
    payload: freebsdPayload(config),
    serialLogPath: paths.serialLogPath,
    workDir: paths.workDir,
  };
}

/**
 * The tree goes to /gate/src: all of it but .git for a kernel build (or `auto` on a tree that can
 * build a kernel, which may decide on one in the guest), else the parts a module build needs.
 * "Can build a kernel" is what the tree holds (config/freebsd-tree.ts KERNEL_BUILD_NEEDS), not
 * Makefile.inc1 alone: a cone-mode sparse checkout has every top file.
 */
export function freebsdPayload(config: GateConfig): PayloadEntry[] {
  const tree = config.sourceTree;
  const canBuildKernel = readTreeFacts(tree).missingForKernel.length === 0;
  const wholeTree = config.build === 'kernel' || (config.build === 'auto' && canBuildKernel);
  const parts = wholeTree
    ? readdirSync(tree).filter((name) => name !== '.git')
    : MODULE_BUILD_PARTS.filter((part) => existsSync(path.join(tree, part)));
  return [
    ...parts.map((part) => ({ hostPath: path.join(tree, part), guestPath: `src/${part}` })),
    { hostPath: path.join(packageRoot(), 'guest'), guestPath: 'guest' },
    ...(config.fuseServerSource ? [{ hostPath: config.fuseServerSource, guestPath: 'fuse-server' }] : []),
  ];
}
