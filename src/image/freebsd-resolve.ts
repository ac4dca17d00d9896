// FreeBSD version string -> official amd64 BASIC-CI image. Pure: text in, data out; no network.
//
// Facts relied on (freebsd/freebsd-src):
// - release/Makefile.mirrors: BRANCH STABLE, CURRENT, PRERELEASE and ALPHA* are snapshots
//   (TLD=${FTPDIR}/snapshots); everything else, including BETAn and RCn, goes to ${FTPDIR}/releases.
//   target `ci-images-stage` publishes under `CI-IMAGES/${REVISION}-${BRANCH}/${TARGET_ARCH}/`:
//   releases copy `${OSRELEASE}-${CW}-${FS}.${VMFORMAT}.xz` and `CHECKSUM.SHA512` into `Latest/`;
//   snapshots rename each image to `${OSRELEASE}-${CW}-${SNAP_SUFFIX}-${FS}.${VMFORMAT}.xz`
//   (SNAP_SUFFIX = ${BUILDDATE}-${GITREV}-${GITCOUNT}), store it in `${BUILDDATE}/`, symlink the
//   undated name into `Latest/`, and write CHECKSUM.SHA512 (via `sha512 ${OSRELEASE}*`) after the
//   rename, so the checksum file lists only the dated names.
// - release/Makefile.vm: BASIC-CI_FORMAT=raw, BASIC-CI_FSLIST?=ufs, and `cloud-install-BASIC-CI`
//   names the file `${OSRELEASE}-BASIC-CI-${_FS}.${_FMT}` then xz-compresses it, then
//   `sha512 ${OSRELEASE}* > CHECKSUM.SHA512` (BSD format: `SHA512 (name) = hex`).
//   Older release trees named it `${OSRELEASE}-BASIC-CI.raw.xz` (no FS part); public CI scripts
//   still download e.g. FreeBSD-14.3-RELEASE-amd64-BASIC-CI.raw.xz, while
//   FreeBSD-15.1-RELEASE-amd64-BASIC-CI-ufs.raw.xz carries the FS part. So the file name is read
//   from the checksum file, never guessed.
// - OSRELEASE is `${TYPE}-${REVISION}-${BRANCH}-${TARGET}` for amd64 (TARGET == TARGET_ARCH),
//   e.g. FreeBSD-14.3-RELEASE-amd64 (as in the published names above).
// - sys/conf/newvers.sh: `TYPE="FreeBSD"`, `REVISION="15.0"`, `BRANCH="CURRENT"` (or
//   "STABLE", "RELEASE-p9", "BETA2", ...); release/Makefile.vm reads them with
//   awk '/^${_V}=/{print}' — one assignment at the start of a line, which is what we read too.
// - sys/sys/param.h: `#define __FreeBSD_version 1500068	/* Master, propagated to newvers */`;
//   scheme <major><two digit minor>Rxx, so major = floor(v / 100000).

import { BadInputError } from '../config/errors.js';
import { defaultRelease, isoDay } from './freebsd-releases.js';

/**
 * FreeBSD's own hosts: the product's data source (the images under test), not a mirror of our
 * build's dependencies. The download tree serves supported releases and snapshots; FreeBSD moves an
 * end-of-life release to the archive (`old-releases/`, same `CI-IMAGES/<name>/<arch>/Latest/`
 * layout as seen in public CI scripts, e.g. 13.5-RELEASE), which public scripts reach over plain
 * HTTP only.
 */
export const FREEBSD_HOSTS = {
  download: 'https://download.freebsd.org/',
  archive: 'http://ftp-archive.freebsd.org/pub/FreeBSD-Archive/old-releases/',
} as const;
export const FREEBSD_DOWNLOAD_BASE = FREEBSD_HOSTS.download;
export const FREEBSD_VERSION_INPUT = 'freebsd-version';

export type FreeBSDBranch = 'RELEASE' | 'STABLE' | 'CURRENT' | 'PRERELEASE' | 'BETA' | 'RC' | 'ALPHA';

export interface FreeBSDVersion {
  /** `14.3` */
  revision: string;
  major: number;
  minor: number;
  branch: FreeBSDBranch;
  /** n of BETAn / RCn / ALPHAn. */
  n?: number;
  /** `14.3-RELEASE`, `16.0-CURRENT`, `15.0-BETA2`: the CI-IMAGES folder name. */
  name: string;
  /** Which download tree publishes it (release/Makefile.mirrors). */
  tree: 'releases' | 'snapshots';
}

// The one grammar of a FreeBSD version, for the input parser and the resolver alike:
// <major>.<minor>-<BRANCH>[-p<N>], BRANCH as sys/conf/newvers.sh writes it (RELEASE, STABLE, CURRENT,
// PRERELEASE, ALPHAn, BETAn, RCn); `-pN` only after RELEASE (newvers.sh's "RELEASE-p9").
const VERSION_RE = /^(\d+)\.(\d+)-(RELEASE|STABLE|CURRENT|PRERELEASE|(?:BETA|RC|ALPHA)(\d+))(?:-p(\d+))?$/;

/** What the `freebsd-version` input accepts, for messages and docs. */
export const VERSION_INPUT_HELP =
  "'auto', 'latest', or a version like 15.1-RELEASE, 14.4-RELEASE-p3, 15.1-STABLE, 16.0-CURRENT, 15.0-PRERELEASE, 15.0-BETA2, 15.0-RC1, 15.0-ALPHA3";

export type VersionInput =
  | { kind: 'auto' }
  | { kind: 'latest' }
  | { kind: 'version'; version: FreeBSDVersion; patch?: number };

/**
 * Parse the `freebsd-version` input (the one parser: config/parse.ts calls it too). An empty input
 * is `latest`. Malformed is a BadInputError naming `freebsd-version`.
 */
export function parseVersionInput(input: string): VersionInput {
  const text = input.trim();
  if (text === 'auto') return { kind: 'auto' };
  if (text === '' || text === 'latest') return { kind: 'latest' };
  const version = parseVersion(text);
  const patch = /-p(\d+)$/.exec(text);
  return patch ? { kind: 'version', version, patch: Number(patch[1]) } : { kind: 'version', version };
}

/** The input text of a parsed version input: parseVersionInput(formatVersionInput(x)) equals x. */
export function formatVersionInput(v: VersionInput): string {
  if (v.kind !== 'version') return v.kind;
  return v.patch !== undefined ? `${v.version.name}-p${v.patch}` : v.version.name;
}

/** Parse and validate a version; malformed is a BadInputError naming `freebsd-version`. */
export function parseVersion(input: string): FreeBSDVersion {
  const text = input.trim();
  const m = VERSION_RE.exec(text);
  if (!m) {
    throw new BadInputError(
      FREEBSD_VERSION_INPUT,
      `'${input}' is not a FreeBSD version; expected ${VERSION_INPUT_HELP}`,
    );
  }
  const [, maj, min, br, num, patch] = m;
  const major = Number(maj);
  const minor = Number(min);
  const branch = (num !== undefined ? br!.replace(/\d+$/, '') : br) as FreeBSDBranch;
  if (patch !== undefined && branch !== 'RELEASE') {
    throw new BadInputError(FREEBSD_VERSION_INPUT, `'${input}': only a RELEASE has patch levels (-pN)`);
  }
  const revision = `${major}.${minor}`;
  const name = num !== undefined ? `${revision}-${branch}${Number(num)}` : `${revision}-${branch}`;
  const snapshot =
    branch === 'STABLE' || branch === 'CURRENT' || branch === 'PRERELEASE' || branch === 'ALPHA';
  const v: FreeBSDVersion = {
    revision,
    major,
    minor,
    branch,
    name,
    tree: snapshot ? 'snapshots' : 'releases',
  };
  if (num !== undefined) v.n = Number(num);
  return v;
}

export interface ImageResolution {
  /** URL of the image (for snapshots: the dated file once known, else the `Latest/` link). */
  url: string;
  checksumUrl: string;
  /** The file name as listed in the checksum file (dated for snapshots) once known. */
  fileName: string;
  /** Why this image: which rule picked it. */
  why: string;
  version: FreeBSDVersion;
  /** `FreeBSD-14.3-RELEASE-amd64`, the prefix of every file in the folder. */
  osRelease: string;
  /** `https://download.freebsd.org/releases/CI-IMAGES/14.3-RELEASE/amd64/` */
  folderUrl: string;
  /** Set once the checksum file was read. */
  sha512?: string;
  /**
   * Releases only: the same folder in the archive, where FreeBSD moves end-of-life releases
   * (FREEBSD_HOSTS.archive). Looked at when the download tree no longer has the image.
   */
  archiveFolderUrl?: string;
}

export interface ResolveOptions {
  base?: string;
  /** Archive base, for tests. */
  archiveBase?: string;
  /** "Today" for the release table (default and end-of-life), for tests. */
  today?: Date;
  arch?: string;
  fs?: 'ufs' | 'zfs';
}

/**
 * Where the image of a version lives. Before the checksum file is read the file name is the
 * `Latest/` name; call `pickFromChecksums` with the checksum file to get the real (dated) one.
 */
export function resolveImage(
  version: string | FreeBSDVersion,
  options: ResolveOptions = {},
  why?: string,
): ImageResolution {
  const v = typeof version === 'string' ? parseVersion(version) : version;
  const base = (options.base ?? FREEBSD_DOWNLOAD_BASE).replace(/\/?$/, '/');
  const arch = options.arch ?? 'amd64';
  const fs = options.fs ?? 'ufs';
  const folderUrl = `${base}${v.tree}/CI-IMAGES/${v.name}/${arch}/`;
  const osRelease = `FreeBSD-${v.name}-${arch}`;
  const fileName = `${osRelease}-BASIC-CI-${fs}.raw.xz`;
  const archiveBase = (options.archiveBase ?? FREEBSD_HOSTS.archive).replace(/\/?$/, '/');
  return {
    ...(v.tree === 'releases' ? { archiveFolderUrl: `${archiveBase}CI-IMAGES/${v.name}/${arch}/` } : {}),
    url: `${folderUrl}Latest/${fileName}`,
    checksumUrl: `${folderUrl}Latest/CHECKSUM.SHA512`,
    fileName,
    why: why ?? `${v.name} is published in the ${v.tree}/ tree (release/Makefile.mirrors ci-images-stage)`,
    version: v,
    osRelease,
    folderUrl,
  };
}

/** The default version: the newest release supported on `today` (freebsd-releases.json). */
export function defaultVersion(today: Date = new Date()): string {
  return defaultRelease(today).name;
}

export interface ChecksumEntry {
  algorithm: string;
  name: string;
  hash: string;
}

/**
 * Parse a checksum file, BSD style (`SHA512 (name) = hex`, what sha512(1) prints) or GNU style
 * (`hex  name` or `hex *name`, what sha512sum prints). Lines that are neither are ignored.
 */
export function parseChecksumFile(text: string): ChecksumEntry[] {
  const out: ChecksumEntry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const bsd = /^(SHA\d+|MD5)\s*\((.+)\)\s*=\s*([0-9a-fA-F]+)$/.exec(line);
    if (bsd) {
      out.push({ algorithm: bsd[1]!.toUpperCase(), name: bsd[2]!, hash: bsd[3]!.toLowerCase() });
      continue;
    }
    const gnu = /^([0-9a-fA-F]{32,128})\s+\*?(.+)$/.exec(line);
    if (gnu) {
      const hash = gnu[1]!.toLowerCase();
      const algorithm =
        hash.length === 128
          ? 'SHA512'
          : hash.length === 64
            ? 'SHA256'
            : hash.length === 32
              ? 'MD5'
              : 'UNKNOWN';
      out.push({ algorithm, name: gnu[2]!.trim(), hash });
    }
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Choose the image file from the folder's CHECKSUM.SHA512 and return the resolution with the real
 * file name, its SHA-512 and a URL that names that exact file (snapshots: the dated file in its
 * `${BUILDDATE}/` folder, so the run can be repeated on the same snapshot).
 * Returns undefined when the checksum file lists no BASIC-CI raw image for this version.
 */
export function pickFromChecksums(
  res: ImageResolution,
  checksumText: string,
  fs: 'ufs' | 'zfs' = 'ufs',
): ImageResolution | undefined {
  const entries = parseChecksumFile(checksumText).filter((e) => e.algorithm === 'SHA512');
  const pre = escapeRe(`${res.osRelease}-BASIC-CI`);
  if (res.version.tree === 'releases') {
    // Current trees: -BASIC-CI-ufs.raw.xz; older trees: -BASIC-CI.raw.xz (release/Makefile.vm history).
    for (const [re, note] of [
      [new RegExp(`^${pre}-${fs}\\.raw\\.xz$`), `file system ${fs}`],
      [new RegExp(`^${pre}\\.raw\\.xz$`), 'the older name without a file-system part'],
    ] as const) {
      const e = entries.find((x) => re.test(x.name));
      if (e) {
        return {
          ...res,
          fileName: e.name,
          url: `${res.folderUrl}Latest/${e.name}`,
          sha512: e.hash,
          why: `${res.why}; ${e.name} (${note}) from ${res.checksumUrl}`,
        };
      }
    }
    return undefined;
  }
  // Snapshots: ${OSRELEASE}-BASIC-CI-${BUILDDATE}-${GITREV}-${GITCOUNT}-${FS}.raw.xz
  const re = new RegExp(`^${pre}-(\\d{8})-([0-9a-f]+)-(\\d+)-${fs}\\.raw\\.xz$`);
  const dated = entries
    .map((e) => ({ e, m: re.exec(e.name) }))
    .filter((x): x is { e: ChecksumEntry; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => b.m[1]!.localeCompare(a.m[1]!));
  const best = dated[0];
  if (!best) return undefined;
  const [, buildDate, gitRev, gitCount] = best.m;
  return {
    ...res,
    fileName: best.e.name,
    url: `${res.folderUrl}${buildDate}/${best.e.name}`,
    sha512: best.e.hash,
    why: `${res.why}; snapshot built ${buildDate} from git ${gitRev} (commit count ${gitCount}), dated name read from ${res.checksumUrl}`,
  };
}

export interface Newvers {
  type: string;
  revision: string;
  branch: string;
}

/** Read TYPE, REVISION and BRANCH from a tree's sys/conf/newvers.sh (first `NAME="..."` at line start). */
export function parseNewvers(text: string): Newvers {
  const get = (name: string): string | undefined => {
    const m = new RegExp(`^${name}="([^"]*)"`, 'm').exec(text);
    return m?.[1];
  };
  const type = get('TYPE');
  const revision = get('REVISION');
  const branch = get('BRANCH');
  if (!type || !revision || !branch) {
    const missing = [!type && 'TYPE', !revision && 'REVISION', !branch && 'BRANCH']
      .filter(Boolean)
      .join(', ');
    throw new BadInputError(
      'source-tree',
      `sys/conf/newvers.sh has no ${missing} assignment; is this a FreeBSD source tree?`,
    );
  }
  return { type, revision, branch };
}

/**
 * `auto`: the image that matches a tree. RELEASE (and RELEASE-pN) trees -> that release; STABLE,
 * PRERELEASE, CURRENT and ALPHAn trees -> the branch's newest snapshot (snapshots/ tree, dated
 * name from its checksum file); BETAn and RCn trees -> the image of that BETA/RC, which
 * release/Makefile.mirrors publishes in the releases/ tree (it has no snapshot of a releng branch).
 */
export function versionFromNewvers(nv: Newvers): { version: FreeBSDVersion; why: string } {
  if (nv.type !== 'FreeBSD') {
    throw new BadInputError('source-tree', `sys/conf/newvers.sh says TYPE="${nv.type}", not FreeBSD`);
  }
  const v = parseVersion(`${nv.revision}-${nv.branch}`);
  const tree = `the tree's sys/conf/newvers.sh says ${nv.revision}-${nv.branch}`;
  switch (v.branch) {
    case 'RELEASE':
      return {
        version: v,
        why: `${tree}: a release tree, so the ${v.name} image (patch levels share the release image)`,
      };
    case 'BETA':
    case 'RC':
      return {
        version: v,
        why: `${tree}: a ${v.branch} tree, so the ${v.name} image, which FreeBSD publishes in releases/ (release/Makefile.mirrors)`,
      };
    default:
      return { version: v, why: `${tree}: a ${v.branch} tree, so the newest ${v.name} snapshot` };
  }
}

/** `__FreeBSD_version` from a tree's sys/sys/param.h. */
export function parseFreebsdVersion(paramH: string): number {
  const m = /^#define[ \t]+__FreeBSD_version[ \t]+(\d+)/m.exec(paramH);
  if (!m)
    throw new BadInputError(
      'source-tree',
      'sys/sys/param.h defines no __FreeBSD_version; is this a FreeBSD source tree?',
    );
  return Number(m[1]);
}

/** Major branch of a `__FreeBSD_version` / `kern.osreldate` value (<major><2-digit minor>Rxx). */
export function osreldateMajor(v: number): number {
  return Math.floor(v / 100000);
}

/**
 * The image for a `freebsd-version` input: `auto` needs the tree's newvers.sh text; an empty
 * input or `latest` means the newest release supported today; `X.Y-RELEASE-pN` runs on the
 * X.Y-RELEASE image, because FreeBSD publishes BASIC-CI images of releases, not of patch levels
 * (release/Makefile.mirrors `ci-images-stage` copies one `Latest/` per release build).
 */
export function resolveVersionInput(
  input: string,
  newversText?: string,
  options: ResolveOptions = {},
): ImageResolution {
  const parsed = parseVersionInput(input);
  switch (parsed.kind) {
    case 'auto': {
      if (newversText === undefined) {
        throw new BadInputError(FREEBSD_VERSION_INPUT, "'auto' needs a source tree with sys/conf/newvers.sh");
      }
      const { version, why } = versionFromNewvers(parseNewvers(newversText));
      return resolveImage(version, options, why);
    }
    case 'latest': {
      const latest = defaultRelease(options.today);
      return resolveImage(
        latest.name,
        options,
        `freebsd-version '${input.trim() || 'latest'}': the newest release supported on ${isoDay(options.today ?? new Date())}, ${latest.name} (supported until ${latest.eol}, src/image/freebsd-releases.json)`,
      );
    }
    case 'version':
      if (parsed.patch !== undefined) {
        return resolveImage(
          parsed.version,
          options,
          `${formatVersionInput(parsed)} runs on the ${parsed.version.name} image (BASIC-CI images exist per release, not per patch level)`,
        );
      }
      return resolveImage(
        parsed.version,
        options,
        `freebsd-version ${parsed.version.name}: published in the ${parsed.version.tree}/ tree (release/Makefile.mirrors ci-images-stage)`,
      );
  }
}
