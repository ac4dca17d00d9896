// FreeBSD image: resolve -> download -> SHA-512 check (before any use) -> xz -dc -> cache -> overlay.
// Every failure here is an ImageError (verdict `error`): the image is the gate's business, never the tree's.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { withCacheLock } from '../cache/lock.js';
import { BadInputError } from '../config/errors.js';
import {
  ImageError,
  actionsCacheKey,
  scratchDir,
  type ImageKey,
  type ImageStore,
  type RemoteCache,
} from './cache.js';
import { endOfLifeWarning, unknownReleaseNote } from './freebsd-releases.js';
import {
  parseChecksumFile,
  pickFromChecksums,
  resolveVersionInput,
  type ImageResolution,
} from './freebsd-resolve.js';
import { checkIntegrity, recordIntegrity } from './image-integrity.js';
import { DecompressError, xzToSparseFile } from './sparse-xz.js';

export { ImageError } from './cache.js';

/** Fetches a URL to a local file and returns its path. @actions/tool-cache downloadTool in production. */
export interface Downloader {
  download(url: string, dest: string): Promise<string>;
}

/** The production downloader: @actions/tool-cache downloadTool (retries, redirects). */
export async function toolCacheDownloader(): Promise<Downloader> {
  const tc = await import('@actions/tool-cache');
  return { download: (url, dest) => tc.downloadTool(url, dest) };
}

/** Decompresses an .xz file to `dest`, which it creates. */
export type Decompressor = (src: string, dest: string) => Promise<void>;

/** `xz -dc SRC` into DEST, sparse (sparse-xz.ts): zero blocks become holes, nothing is copied. */
export const xzDecompress: Decompressor = async (src, dest) => {
  try {
    await xzToSparseFile(src, dest);
  } catch (error) {
    throw error instanceof DecompressError ? new ImageError(error.message) : error;
  }
};

export type ImageFormat = 'raw' | 'qcow2';

const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
// qcow2 header magic 'QFI\xfb' (QEMU docs/interop/qcow2.txt).
const QCOW2_MAGIC = Buffer.from([0x51, 0x46, 0x49, 0xfb]);

async function head(file: string, n: number): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** raw or qcow2, by the qcow2 magic bytes; never by the file name. */
export async function detectFormat(file: string): Promise<ImageFormat> {
  const h = await head(file, 4);
  return h.equals(QCOW2_MAGIC) ? 'qcow2' : 'raw';
}

export async function isXz(file: string): Promise<boolean> {
  return (await head(file, 6)).equals(XZ_MAGIC);
}

export async function sha512File(file: string): Promise<string> {
  const hash = createHash('sha512');
  await new Promise<void>((resolve, reject) => {
    fs.createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('end', () => resolve())
      .on('error', reject);
  });
  return hash.digest('hex');
}

export interface ImageRequest {
  /** `freebsd-version` input: `auto`, `14.3-RELEASE`, ... (ignored when `image` is set). */
  version: string;
  /** `image` input: URL or local path of a raw or qcow2 image, optionally .xz. */
  image?: string;
  /** `image-sha512` input: expected SHA-512 of the file as downloaded (the .xz when compressed). */
  imageSha512?: string;
  /** Text of the tree's sys/conf/newvers.sh, for `auto`. */
  newversText?: string;
  cacheDir: string;
  /** Download base, for tests. */
  base?: string;
  /** Archive base, for tests. */
  archiveBase?: string;
  /** "Today" for the release table, for tests. */
  today?: Date;
  /** How long to wait for another run fetching the same image (src/cache/lock.ts); default one hour. */
  lockWaitMs?: number;
  /** A cancelled run stops waiting for that lock. */
  signal?: AbortSignal;
}

/**
 * The folder whose lock guards one image file name. The entries themselves live in the tool cache
 * (perhaps outside cacheDir); the lock lives in cacheDir, beside the scratch folder the downloads use.
 */
export function imageLockFolder(cacheDir: string, fileName: string): string {
  return path.join(cacheDir || os.tmpdir(), 'freebsd-images', fileName.replace(/[^A-Za-z0-9._-]/g, '_'));
}

export interface ImageDeps {
  download: Downloader;
  store: ImageStore;
  /** The Actions cache, only on GitHub. */
  remote?: RemoteCache;
  decompress?: Decompressor;
  log?: (line: string) => void;
  /** Warnings the user should see (an end-of-life release, a damaged cache). */
  warn?: (line: string) => void;
}

export interface FreeBSDImage {
  /** The decompressed image, ready to be the backing file of an overlay. */
  path: string;
  format: ImageFormat;
  /** SHA-512 of the downloaded file (what the checksum file lists). */
  sha512: string;
  /** Where it came from: a URL or a local path. */
  source: string;
  fileName: string;
  why: string;
  /** Where the bytes came from on this run. */
  from: 'tool-cache' | 'actions-cache' | 'download' | 'local';
  /** Set when the release is past its end of life (also sent to `warn`). */
  endOfLife?: string;
  checksumUrl?: string;
}

const SHA512_RE = /^[0-9a-f]{128}$/;

function normalizeSha(input: string | undefined, name = 'image-sha512'): string | undefined {
  if (input === undefined || input.trim() === '') return undefined;
  const s = input.trim().toLowerCase();
  if (!SHA512_RE.test(s)) throw new BadInputError(name, 'expected 128 hexadecimal digits (a SHA-512)');
  return s;
}

function isUrl(s: string): boolean {
  return /^(https?|ftp):\/\//i.test(s);
}

/** rename, or a copy when the two folders are on different file systems. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await fs.promises.rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await fs.promises.copyFile(from, to);
    await fs.promises.rm(from, { force: true });
  }
}

function httpStatus(error: unknown): number | undefined {
  // @actions/tool-cache downloadTool rejects with an HTTPError carrying httpStatusCode.
  const code = (error as { httpStatusCode?: unknown }).httpStatusCode;
  return typeof code === 'number' ? code : undefined;
}

async function downloadOrFail(deps: ImageDeps, url: string, dest: string, what: string): Promise<string> {
  try {
    return await deps.download.download(url, dest);
  } catch (e) {
    throw new ImageError(`could not download ${what} from ${url}: ${(e as Error).message}`);
  }
}

/**
 * The download tree answered 404 for a release's checksum file: look in the archive (where
 * FreeBSD moves end-of-life releases) and say what both places gave. The gate does not take the
 * image from the archive itself: the archive serves plain HTTP, so the checksum file it serves
 * authenticates nothing.
 */
async function goneError(
  deps: ImageDeps,
  res: ImageResolution,
  scratch: string,
  first: unknown,
  eol: string | undefined,
): Promise<ImageError> {
  const looked = [`${res.checksumUrl} (${(first as Error).message})`];
  let found = '';
  if (res.archiveFolderUrl) {
    const archiveSums = `${res.archiveFolderUrl}Latest/CHECKSUM.SHA512`;
    try {
      const file = await deps.download.download(
        archiveSums,
        path.join(scratch, `CHECKSUM.SHA512-archive-${res.version.name}-${process.pid}`),
      );
      const names = parseChecksumFile(await fs.promises.readFile(file, 'utf8'))
        .map((e) => e.name)
        .filter((n) => n.includes('-BASIC-CI'));
      await fs.promises.rm(file, { force: true });
      looked.push(
        `${archiveSums} (found${names.length ? `: ${names.join(', ')}` : ', but it lists no BASIC-CI image'})`,
      );
      if (names.length) {
        found =
          ` The archive has it at ${res.archiveFolderUrl}Latest/${names[0]}, over plain HTTP: check that file against the SHA-512 in FreeBSD's PGP-signed ` +
          `release announcement and pass it as \`image\` with \`image-sha512\`, or pick a supported release.`;
      }
    } catch (e) {
      looked.push(`${archiveSums} (${(e as Error).message})`);
    }
  }
  return new ImageError(
    `no ${res.osRelease}-BASIC-CI image for ${res.version.name}: looked at ${looked.join(' and at ')}.${eol ? ` ${eol}.` : ''}${found}`,
  );
}

/**
 * Get the verified, decompressed image for a run. The second run with the same key neither
 * downloads nor decompresses: the tool cache answers before anything is fetched.
 */
export async function obtainFreeBSDImage(req: ImageRequest, deps: ImageDeps): Promise<FreeBSDImage> {
  const log = deps.log ?? (() => {});
  const warn = deps.warn ?? log;
  const scratch = scratchDir(req.cacheDir);
  const wantedSha = normalizeSha(req.imageSha512);

  let source: string;
  let fileName: string;
  let why: string;
  let expected: string | undefined;
  let checksumUrl: string | undefined;
  let endOfLife: string | undefined;

  if (req.image) {
    source = req.image;
    fileName = path.basename(isUrl(source) ? new URL(source).pathname : source) || 'image';
    why = `the image input: ${source}`;
    expected = wantedSha;
    if (!isUrl(source) && !fs.existsSync(source)) {
      throw new BadInputError('image', `${source} does not exist`);
    }
  } else {
    const options = {
      ...(req.base ? { base: req.base } : {}),
      ...(req.archiveBase ? { archiveBase: req.archiveBase } : {}),
      ...(req.today ? { today: req.today } : {}),
    };
    const res: ImageResolution = resolveVersionInput(req.version, req.newversText, options);
    if (res.version.branch === 'RELEASE') {
      endOfLife = endOfLifeWarning(res.version.name, req.today);
      if (endOfLife) warn(endOfLife);
      const note = unknownReleaseNote(res.version.name);
      if (note) log(note);
    }
    checksumUrl = res.checksumUrl;
    let sumsPath: string;
    try {
      sumsPath = await deps.download.download(
        res.checksumUrl,
        path.join(scratch, `CHECKSUM.SHA512-${res.version.name}-${process.pid}`),
      );
    } catch (e) {
      if (httpStatus(e) === 404) throw await goneError(deps, res, scratch, e, endOfLife);
      throw new ImageError(
        `could not download the checksum file from ${res.checksumUrl}: ${(e as Error).message}`,
      );
    }
    const sums = await fs.promises.readFile(sumsPath, 'utf8');
    await fs.promises.rm(sumsPath, { force: true });
    const picked = pickFromChecksums(res, sums);
    if (!picked?.sha512) {
      throw new ImageError(
        `${res.checksumUrl} lists no ${res.osRelease}-BASIC-CI raw image; is ${res.version.name} published?`,
      );
    }
    if (wantedSha && wantedSha !== picked.sha512) {
      throw new ImageError(
        `image-sha512 ${wantedSha} does not match the SHA-512 ${picked.sha512} that ${res.checksumUrl} lists for ${picked.fileName}`,
      );
    }
    source = picked.url;
    fileName = picked.fileName;
    why = picked.why;
    expected = picked.sha512;
  }

  const targetName = fileName.replace(/\.xz$/, '');
  const extra = { ...(checksumUrl ? { checksumUrl } : {}), ...(endOfLife ? { endOfLife } : {}) };

  // One run at a time per image file name, from the cache lookup to the committed entry: two runs
  // must not download into the same Actions-cache file, nor reserve (which empties the entry) an
  // entry another run is decompressing into, nor judge an entry damaged while it is being written.
  const lockOptions = {
    waitMs: req.lockWaitMs ?? 3_600_000,
    log,
    ...(req.signal ? { signal: req.signal } : {}),
  };
  return withCacheLock(imageLockFolder(req.cacheDir, fileName), lockOptions, async () => {
    // 1. The tool cache, keyed by file name + expected checksum: no download, no decompression, as
    //    long as the cached image still matches the record made when it was cached.
    if (expected) {
      const key: ImageKey = { fileName, sha512: expected };
      const hit = deps.store.find(key, targetName);
      if (hit) {
        const damage = await checkIntegrity(hit, expected);
        if (!damage) {
          log(`image ${fileName} found in the tool cache (sha512 ${expected.slice(0, 16)}...)`);
          return {
            path: hit,
            format: await detectFormat(hit),
            sha512: expected,
            source,
            fileName,
            why,
            from: 'tool-cache',
            ...extra,
          };
        }
        warn(`cached image ${hit} is damaged (${damage}): cache damaged, re-downloading`);
        await deps.store.evict(key);
      }
    }

    // 2. Get the bytes: a local file, the Actions cache, or a download.
    let file: string;
    let from: FreeBSDImage['from'];
    if (!isUrl(source)) {
      file = source;
      from = 'local';
    } else {
      file = path.join(scratch, `${fileName}.${process.pid}.download`);
      from = 'download';
      if (expected && deps.remote) {
        const ak = actionsCacheKey({ fileName, sha512: expected });
        const cached = path.join(scratch, fileName);
        if ((await deps.remote.restore([cached], ak)) && fs.existsSync(cached)) {
          file = cached;
          from = 'actions-cache';
          log(`image ${fileName} restored from the Actions cache (${ak})`);
        }
      }
      if (from === 'download') {
        log(`downloading ${source}`);
        file = await downloadOrFail(deps, source, file, 'the image');
      }
    }
    const dropDownload = async () => {
      if (from !== 'local') await fs.promises.rm(file, { force: true });
    };

    // 3. Verify BEFORE use.
    const actual = await sha512File(file);
    if (expected && actual !== expected) {
      await dropDownload();
      throw new ImageError(
        `SHA-512 mismatch for ${fileName} (${source}): expected ${expected}${checksumUrl ? ` (from ${checksumUrl})` : ' (image-sha512)'}, got ${actual}`,
      );
    }
    const sha512 = expected ?? actual;
    if (!expected)
      log(
        `image ${fileName} has no expected SHA-512 (no image-sha512 input): recorded ${actual}, not verified`,
      );

    if (from === 'download' && deps.remote) {
      const ak = actionsCacheKey({ fileName, sha512 });
      const keep = path.join(scratch, fileName);
      await fs.promises.rename(file, keep);
      file = keep;
      await deps.remote.save([keep], ak);
    }

    const xz = await isXz(file);
    // 4a. A local uncompressed image is used where it is: the overlay only reads it.
    if (from === 'local' && !xz) {
      return { path: file, format: await detectFormat(file), sha512, source, fileName, why, from, ...extra };
    }

    // 4b. Decompress (xz magic, not the name) straight into the cache entry, sparse; or move a
    //     downloaded uncompressed image there. Then the compressed download is dropped.
    const key: ImageKey = { fileName, sha512 };
    const entry = await deps.store.reserve(key, targetName);
    try {
      if (xz) {
        log(`decompressing ${fileName} (sparse) into the tool cache`);
        await (deps.decompress ?? xzDecompress)(file, entry.path);
      } else {
        await moveFile(file, entry.path);
      }
      await recordIntegrity(entry.path, path.join(path.dirname(entry.path), targetName), sha512);
    } catch (error) {
      await entry.abort();
      await dropDownload();
      throw error;
    }
    const stored = await entry.commit();
    if (xz) await dropDownload();
    return {
      path: stored,
      format: await detectFormat(stored),
      sha512,
      source,
      fileName,
      why,
      from,
      ...extra,
    };
  });
}
