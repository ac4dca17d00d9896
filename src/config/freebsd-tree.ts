// What a FreeBSD source tree on the host really holds, and whether the asked-for build can work
// with it, decided before anything is downloaded or booted.
//
// Facts relied on (freebsd/freebsd-src):
// - Makefile.inc1 `buildkernel` runs from the top of a whole tree (Makefile, Makefile.inc1,
//   share/mk, sys/): stage 1 runs config(8) found through PATH=${TMPPATH} (the image's own
//   /usr/sbin/config when no kernel-toolchain was built), stage 2.3 `kernel-tools` runs
//   `mtree -f ${.CURDIR}/etc/mtree/BSD.usr.dist -p ${WORLDTMP}/usr`, so etc/mtree/BSD.usr.dist must
//   be there; Makefile.inc1 also reads lib/clang's version files to decide whether the image's cc
//   matches the tree (WANT_COMPILER_VERSION). The `legacy` and bootstrap stages of buildworld and
//   kernel-toolchain build tools/build, `_config_deps` (lib/libnv, usr.bin/lex/lib) and
//   usr.bin/file2c: their Makefiles stand for the rest of a whole tree here.
// - sys/sys/module.h: DECLARE_MODULE adds MODULE_DEPEND(name, kernel, __FreeBSD_version,
//   __FreeBSD_version, MODULE_KERNEL_MAXVER), MAXVER = the end of the major branch; the kernel
//   linker (sys/kern/kern_linker.c) refuses a module whose dependency is not met. So fusefs.ko from
//   a tree whose __FreeBSD_version is above the image's kern.osreldate does not load: such a tree
//   needs its own kernel, and so a whole tree.
// - actions/checkout's `sparse-checkout:` uses git's cone mode, which also checks out every file at
//   the top of the tree (Makefile, Makefile.inc1, ...): a sparse tree looks whole at its top. The
//   cone patterns are in .git/info/sparse-checkout (`/dir/` included, `!/dir/*/` its subfolders
//   excluded again), so the folders a kernel build needs are checked, not the top files.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  osreldateMajor,
  parseFreebsdVersion,
  parseNewvers,
  type FreeBSDVersion,
  type Newvers,
} from '../image/freebsd-resolve.js';
import { releaseInfo } from '../image/freebsd-releases.js';

/** Files whose presence shows the tree can run Makefile.inc1 buildkernel (see the header). */
export const KERNEL_BUILD_NEEDS = [
  'Makefile.inc1',
  'sys/amd64/conf/GENERIC',
  'share/mk/bsd.prog.mk',
  'tools/build/Makefile',
  'lib/libnv/Makefile',
  'usr.bin/lex/lib/Makefile',
  'usr.bin/file2c/Makefile',
  'usr.sbin/config/Makefile',
  'etc/mtree/BSD.usr.dist',
] as const;

export interface SparseCheckout {
  /** Where the patterns were read. */
  file: string;
  /** Folders checked out with everything under them, from the cone patterns. */
  folders: string[];
}

export interface TreeFacts {
  tree: string;
  newvers?: Newvers;
  /** `__FreeBSD_version` of sys/sys/param.h. */
  version?: number;
  /** KERNEL_BUILD_NEEDS entries the tree lacks. */
  missingForKernel: string[];
  sparse?: SparseCheckout;
}

/** The git folder of a checkout: `.git` itself, or the `gitdir:` a worktree's `.git` file names. */
function gitDir(tree: string): string | undefined {
  const dotGit = path.join(tree, '.git');
  if (!existsSync(dotGit)) return undefined;
  if (statSync(dotGit).isDirectory()) return dotGit;
  const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
  return m ? path.resolve(tree, m[1]!.trim()) : undefined;
}

/**
 * The folders of git's cone-mode patterns: `/a/` and `/a/b/` are included; a folder followed by
 * `!/a/*\/` keeps only its top files, so it is not a whole folder. Non-cone patterns are kept as
 * written.
 */
export function parseSparsePatterns(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const excludedBelow = new Set(lines.filter((l) => /^!\/.*\/\*\/$/.test(l)).map((l) => l.slice(1, -2)));
  return lines
    .filter((l) => !l.startsWith('!') && l !== '/*')
    .map((l) => l.replace(/^\//, '').replace(/\/$/, ''))
    .filter((l) => l && !excludedBelow.has(`/${l}/`));
}

function readSparse(tree: string): SparseCheckout | undefined {
  const dir = gitDir(tree);
  if (!dir) return undefined;
  const file = path.join(dir, 'info', 'sparse-checkout');
  if (!existsSync(file)) return undefined;
  return { file, folders: parseSparsePatterns(readFileSync(file, 'utf8')) };
}

export function readTreeFacts(tree: string): TreeFacts {
  const read = (rel: string) => {
    const p = path.join(tree, rel);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  };
  const facts: TreeFacts = {
    tree,
    missingForKernel: KERNEL_BUILD_NEEDS.filter((rel) => !existsSync(path.join(tree, rel))),
  };
  const newvers = read('sys/conf/newvers.sh');
  const param = read('sys/sys/param.h');
  // Unreadable files leave the fact unknown: the guest adapter reports them when it needs them.
  const tryRead = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch {
      return undefined;
    }
  };
  const nv = newvers === undefined ? undefined : tryRead(() => parseNewvers(newvers));
  const version = param === undefined ? undefined : tryRead(() => parseFreebsdVersion(param));
  if (nv) facts.newvers = nv;
  if (version !== undefined) facts.version = version;
  const sparse = readSparse(tree);
  if (sparse) facts.sparse = sparse;
  return facts;
}

/** What the gate knows of the image's kernel before booting it. */
export interface ImageKernel {
  /** `14.4-RELEASE`, or the image input. */
  name: string;
  major?: number;
  /** kern.osreldate, when the release table has it. */
  osreldate?: number;
  source?: string;
}

/** The image's kernel as far as the version tells (user images: nothing). */
export function imageKernelOf(version: FreeBSDVersion | undefined, imageInput?: string): ImageKernel {
  if (imageInput || !version) return { name: imageInput ?? 'the image' };
  const row = version.branch === 'RELEASE' ? releaseInfo(version.name) : undefined;
  return {
    name: version.name,
    major: version.major,
    ...(row?.osreldate !== undefined
      ? { osreldate: row.osreldate, source: `src/image/freebsd-releases.json: ${row.osreldateSource}` }
      : {}),
  };
}

export interface PreBootCheck {
  /** Set when the build cannot succeed: what is wrong and what to change in the workflow. */
  refuse?: string;
  /** Said in the log when the choice has to wait for the booted kernel. */
  note?: string;
}

function sparseWords(facts: TreeFacts): string {
  if (!facts.sparse) return '';
  const shown = facts.sparse.folders.slice(0, 8).join(', ');
  return ` It is a sparse checkout (${facts.sparse.file} lists ${shown || 'no folders'}${facts.sparse.folders.length > 8 ? ', ...' : ''}); its top files, Makefile.inc1 among them, are there because cone mode always checks them out.`;
}

function whatToChange(facts: TreeFacts, image: ImageKernel, why: 'branch' | 'newer'): string {
  const revision = facts.newvers?.revision ?? 'X.Y';
  const major = revision.split('.')[0];
  const whole =
    "check out the whole tree (drop `sparse-checkout:` from the actions/checkout step; `fetch-depth: 1` keeps it small) so the gate can build and boot the tree's kernel";
  const options =
    why === 'branch'
      ? [
          whole,
          `or run on the tree's own branch (\`freebsd-version: auto\`, or a FreeBSD ${major} version) so fusefs.ko is built as a module`,
        ]
      : [
          whole,
          `or check out the release's own tag (e.g. \`ref: release/${revision}.0\`), whose __FreeBSD_version is the RELEASE image's`,
          `or set \`build: module\` with a newer kernel of the same branch (\`freebsd-version: ${major}.N-STABLE\`, a snapshot, or \`image:\` with a kern.osreldate of at least ${facts.version ?? "the tree's __FreeBSD_version"})`,
        ];
  const module =
    why === 'branch'
      ? 'a module built for another major branch'
      : 'a module built for a newer kernel (its __FreeBSD_version is above kern.osreldate)';
  return ` Change the workflow: ${options.join('; ')}. \`build: module\` on ${image.name} would not help: the kernel linker refuses ${module} (DECLARE_MODULE's MODULE_DEPEND on kernel, sys/sys/module.h).`;
}

/**
 * Can `build` succeed with this tree on this image? Refuses before boot when the tree cannot build
 * a kernel and a kernel is asked for or certainly needed (another major branch, or a tree newer
 * than the image's known kern.osreldate, e.g. a releng erratum bump of __FreeBSD_version). When
 * the image's kern.osreldate is not known before boot, the booted kernel decides (a note says so).
 */
export function checkBuildBeforeBoot(
  facts: TreeFacts,
  build: 'auto' | 'module' | 'kernel' | 'none',
  image: ImageKernel,
): PreBootCheck {
  const canKernel = facts.missingForKernel.length === 0;
  const lacks = `${facts.tree} lacks ${facts.missingForKernel.join(', ')}, which a kernel build needs (Makefile.inc1 buildkernel).`;
  if (build === 'kernel') {
    return canKernel
      ? {}
      : {
          refuse: `build: kernel, but ${lacks}${sparseWords(facts)} Check out the whole tree (drop \`sparse-checkout:\`), or use \`build: module\`.`,
        };
  }
  if (facts.version === undefined) return {};
  const treeMajor = osreldateMajor(facts.version);
  const tree = `the tree's __FreeBSD_version is ${facts.version} (sys/sys/param.h)`;
  if (build === 'module') {
    // Asked for explicitly, and certain not to load: say so now rather than after the build.
    const other = image.major !== undefined && image.major !== treeMajor;
    const newer = image.osreldate !== undefined && facts.version > image.osreldate;
    if (!other && !newer) return {};
    const against = other
      ? `${image.name} runs FreeBSD ${image.major}`
      : `${image.name}'s kern.osreldate is ${image.osreldate} (${image.source})`;
    return {
      refuse: `build: module cannot work: ${tree} and ${against}; the kernel linker refuses such a module (DECLARE_MODULE's MODULE_DEPEND on kernel, sys/sys/module.h). Use \`build: auto\` or \`build: kernel\` on a whole checkout, or a freebsd-version whose kernel is of the tree's branch and not older than it.`,
    };
  }
  if (build !== 'auto' || canKernel) return {};
  if (image.major !== undefined && image.major !== treeMajor) {
    return {
      refuse: `build: auto needs a kernel build here: ${tree}, FreeBSD ${treeMajor}, and ${image.name} runs FreeBSD ${image.major}; a module does not load into another major branch's kernel. But ${lacks}${sparseWords(facts)}${whatToChange(facts, image, 'branch')}`,
    };
  }
  if (image.osreldate !== undefined && facts.version > image.osreldate) {
    return {
      refuse: `build: auto needs a kernel build here: ${tree}, above ${image.name}'s kern.osreldate ${image.osreldate} (${image.source}), as after a releng erratum bump. But ${lacks}${sparseWords(facts)}${whatToChange(facts, image, 'newer')}`,
    };
  }
  if (image.osreldate === undefined) {
    return {
      note: `the tree cannot build a kernel (it lacks ${facts.missingForKernel.join(', ')}); ${image.name}'s kern.osreldate is not known before boot, so the booted kernel decides, and a tree newer than it cannot be gated`,
    };
  }
  return {};
}
