// `--guest linux --source-tree DIR`: module or kernel, from what the tree is and what the guest kernel
// can load. A module is built against the guest kernel's own headers, so it loads only when the tree
// is of that kernel's series (vermagic carries the release; the headers fix the structures the code is
// compiled against); a tree of another series needs its own kernel, which needs the whole tree.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FUSE_DIR } from './module-build.js';

/**
 * The series of the generic guest's kernel: scripts/build-linux-guest.sh pins bookworm's
 * linux-image-6.1.0-N-amd64 and falls back only to another 6.1.0-N (KERNEL_FALLBACK_RE), so the
 * series is known before the guest is built. The plan checks the built guest against it.
 */
export const GUEST_KERNEL_SERIES = { version: 6, patchlevel: 1 } as const;

export interface LinuxVersion {
  version: number;
  patchlevel: number;
  sublevel: number;
  extraversion: string;
}

export interface LinuxTreeFacts {
  tree: string;
  /** From the top Makefile's VERSION/PATCHLEVEL/SUBLEVEL/EXTRAVERSION; undefined without one. */
  version?: LinuxVersion;
  /** What a kernel build reads that the tree lacks (empty: a whole tree). */
  missingForKernel: string[];
}

/** What a kernel build of the tree reads first; their absence means a partial tree (e.g. only fs/fuse). */
export const KERNEL_TREE_PATHS = [
  'Makefile',
  'Kconfig',
  'arch/x86/Makefile',
  'arch/x86/Kconfig',
  'scripts/Kbuild.include',
  'scripts/kconfig/Makefile',
  'init/main.c',
  'kernel/fork.c',
] as const;

export function readLinuxTreeFacts(tree: string): LinuxTreeFacts {
  const makefile = path.join(tree, 'Makefile');
  const version = existsSync(makefile) ? parseMakefileVersion(readFileSync(makefile, 'utf8')) : undefined;
  return {
    tree,
    ...(version ? { version } : {}),
    missingForKernel: KERNEL_TREE_PATHS.filter((relative) => !existsSync(path.join(tree, relative))),
  };
}

/** The top Makefile's `VERSION = 6`, `PATCHLEVEL = 1`, `SUBLEVEL = 176`, `EXTRAVERSION = -rc2`. */
export function parseMakefileVersion(text: string): LinuxVersion | undefined {
  const field = (name: string) => new RegExp(`^${name}\\s*=[ \\t]*(\\S*)[ \\t]*$`, 'm').exec(text)?.[1];
  const version = field('VERSION');
  const patchlevel = field('PATCHLEVEL');
  if (!version || !/^\d+$/.test(version) || !patchlevel || !/^\d+$/.test(patchlevel)) return undefined;
  const sublevel = field('SUBLEVEL') ?? '0';
  return {
    version: Number(version),
    patchlevel: Number(patchlevel),
    sublevel: /^\d+$/.test(sublevel) ? Number(sublevel) : 0,
    extraversion: field('EXTRAVERSION') ?? '',
  };
}

export function versionText(v: LinuxVersion): string {
  return `${v.version}.${v.patchlevel}.${v.sublevel}${v.extraversion}`;
}

export type LinuxBuildChoice =
  | { mode: 'module' | 'kernel'; why: string }
  /** Bad input: `input` is the one to change (`source-tree` or `build`), `problem` says how. */
  | { refuse: string; input: 'source-tree' | 'build' };

export function chooseLinuxTreeBuild(
  facts: LinuxTreeFacts,
  requested: 'auto' | 'module' | 'kernel',
  guest: { version: number; patchlevel: number } = GUEST_KERNEL_SERIES,
): LinuxBuildChoice {
  const series = `${guest.version}.${guest.patchlevel}`;
  const tree = JSON.stringify(facts.tree);
  const treeIs = facts.version
    ? `the tree's Makefile says Linux ${versionText(facts.version)}`
    : 'the tree has no top Makefile naming its version (VERSION, PATCHLEVEL)';
  const sameSeries =
    facts.version === undefined ||
    (facts.version.version === guest.version && facts.version.patchlevel === guest.patchlevel);
  const whole = facts.missingForKernel.length === 0;
  const lacks = `lacks ${facts.missingForKernel.join(', ')}`;

  if (requested === 'kernel') {
    if (!whole)
      return {
        input: 'source-tree',
        refuse: `${tree} ${lacks}, which a kernel build reads (build: kernel): point it at a whole Linux tree, or use build: module for a tree of the guest kernel's Linux ${series} series`,
      };
    return { mode: 'kernel', why: `build: kernel was asked for (${treeIs})` };
  }
  if (requested === 'module') {
    if (!sameSeries)
      return {
        input: 'build',
        refuse: `'module' builds fs/fuse against the guest kernel's Linux ${series} headers, but ${treeIs} (another series: the module would not load, vermagic): use 'kernel' or 'auto' with a whole tree`,
      };
    return {
      mode: 'module',
      why: `build: module was asked for (${treeIs}; the guest kernel is Linux ${series} with CONFIG_FUSE_FS=m)`,
    };
  }
  if (sameSeries)
    return {
      mode: 'module',
      why: facts.version
        ? `${treeIs}, the guest kernel's series (Linux ${series}, CONFIG_FUSE_FS=m): its ${FUSE_DIR} is built against that kernel's headers and loaded in place of the packaged driver, so a module (seconds to rebuild)`
        : `${treeIs}: taken to be of the guest kernel's Linux ${series} series, so its ${FUSE_DIR} is built as a module against that kernel's headers`,
    };
  if (whole)
    return {
      mode: 'kernel',
      why: `${treeIs} and the guest kernel is Linux ${series}: a fuse.ko from this tree would not load into that kernel (vermagic, and the headers' structures are not the tree's), so a kernel built from the whole tree is booted instead`,
    };
  return {
    input: 'source-tree',
    refuse: `${tree}: ${treeIs}, another series than the guest kernel's Linux ${series}, so its fuse.ko would not load (vermagic); and a kernel cannot be built from it: it ${lacks}. Point it at the whole Linux ${versionText(facts.version!)} tree (a kernel build), or at a Linux ${series} tree (a module)`,
  };
}
