// Where verified images are kept between runs: the runner's tool cache (every run, every machine)
// and, on GitHub only, the Actions cache (across jobs). Both are behind small interfaces so the
// image code is tested without a runner.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** An image could not be had or failed its check: verdict `error` (the gate's fault, never the tree's). */
export class ImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageError';
  }
}

/** What identifies one cached image: its file name and its SHA-512 (of the downloaded file). */
export interface ImageKey {
  /** e.g. FreeBSD-14.3-RELEASE-amd64-BASIC-CI-ufs.raw.xz, or the base name of a user image. */
  fileName: string;
  sha512: string;
}

/** The Actions cache key of an image: `fusefs-gate-image-<fileName>-<sha512 prefix>`. */
export function actionsCacheKey(key: ImageKey): string {
  return `fusefs-gate-image-${key.fileName}-${key.sha512.slice(0, 16)}`;
}

/**
 * Tool-cache coordinates. @actions/tool-cache wants a semver version (find() resolves a
 * non-semver spec through semver ranges), so the checksum goes into a prerelease tag; the `h`
 * keeps an all-digit prefix from being a numeric identifier with a leading zero.
 */
export function toolCacheCoordinates(key: ImageKey): { tool: string; version: string } {
  const tool = `fusefs-gate-${key.fileName.replace(/\.xz$/, '').replace(/[^A-Za-z0-9._-]/g, '_')}`;
  return { tool, version: `0.0.0-h${key.sha512.slice(0, 16).toLowerCase()}` };
}

/**
 * A new file in the store, written in place: the image is decompressed straight into it and
 * committed with a rename in the same folder, so it is written once and never copied.
 */
export interface Reservation {
  /** Write the image here (a `.partial` name in the entry's own folder). */
  path: string;
  /** Renames it to its final name and marks the entry complete; returns the final path. */
  commit(): Promise<string>;
  /** Removes the partial entry. */
  abort(): Promise<void>;
}

/** A local store of decompressed images. */
export interface ImageStore {
  /** The cached image file for this key, or undefined. */
  find(key: ImageKey, targetName: string): string | undefined;
  /** A fresh, empty entry for this key (any old one is removed first). */
  reserve(key: ImageKey, targetName: string): Promise<Reservation>;
  /** Removes the entry (a damaged image). */
  evict(key: ImageKey): Promise<void>;
}

/** A cache shared between jobs (the Actions cache); holds the verified compressed download. */
export interface RemoteCache {
  restore(paths: string[], key: string): Promise<boolean>;
  save(paths: string[], key: string): Promise<void>;
}

/** One entry folder with a `<folder>.complete` marker: the layout @actions/tool-cache uses. */
function folderEntries(
  dirOf: (key: ImageKey) => string,
  find: (key: ImageKey, targetName: string) => string | undefined,
): ImageStore {
  return {
    find,
    async reserve(key, targetName) {
      const dir = dirOf(key);
      await fs.promises.rm(`${dir}.complete`, { force: true });
      await fs.promises.rm(dir, { recursive: true, force: true });
      await fs.promises.mkdir(dir, { recursive: true });
      const partial = path.join(dir, `${targetName}.partial`);
      return {
        path: partial,
        async commit() {
          const dest = path.join(dir, targetName);
          await fs.promises.rename(partial, dest);
          await fs.promises.writeFile(`${dir}.complete`, '');
          return dest;
        },
        async abort() {
          await fs.promises.rm(dir, { recursive: true, force: true });
        },
      };
    },
    async evict(key) {
      const dir = dirOf(key);
      await fs.promises.rm(`${dir}.complete`, { force: true });
      await fs.promises.rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The runner tool cache. Found with @actions/tool-cache `find`; written in its layout
 * (`$RUNNER_TOOL_CACHE/<tool>/<version>/<arch>` plus `<that>.complete`, tool-cache.js
 * `_createToolPath`/`_completeToolPath`) but without `cacheFile`, which copies the file in: the
 * image is written in place and renamed. Outside Actions (the CLI) it lives under `cacheDir`:
 * tool-cache reads RUNNER_TOOL_CACHE / RUNNER_TEMP, so they are set when absent.
 */
export async function toolCacheStore(cacheDir: string, arch = 'x64'): Promise<ImageStore> {
  process.env.RUNNER_TOOL_CACHE ||= path.join(cacheDir, 'tool-cache');
  process.env.RUNNER_TEMP ||= path.join(cacheDir, 'tmp');
  const root = process.env.RUNNER_TOOL_CACHE!;
  fs.mkdirSync(root, { recursive: true });
  fs.mkdirSync(process.env.RUNNER_TEMP!, { recursive: true });
  const tc = await import('@actions/tool-cache');
  const dirOf = (key: ImageKey) => {
    const { tool, version } = toolCacheCoordinates(key);
    return path.join(root, tool, version, arch);
  };
  return folderEntries(dirOf, (key, targetName) => {
    const { tool, version } = toolCacheCoordinates(key);
    const dir = tc.find(tool, version, arch);
    if (!dir) return undefined;
    const file = path.join(dir, targetName);
    return fs.existsSync(file) ? file : undefined;
  });
}

/** A plain folder store (tests, and runs that want no tool-cache semantics). */
export function folderStore(root: string): ImageStore {
  const dirOf = (key: ImageKey) => {
    const { tool, version } = toolCacheCoordinates(key);
    return path.join(root, tool, version);
  };
  return folderEntries(dirOf, (key, targetName) => {
    const file = path.join(dirOf(key), targetName);
    return fs.existsSync(file) && fs.existsSync(`${dirOf(key)}.complete`) ? file : undefined;
  });
}

/** True when the job runs on GitHub with the cache service reachable (env set by the runner). */
export function onGitHubWithCache(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL);
}

/** The Actions cache through @actions/cache, or undefined when not on GitHub. Failures only warn. */
export async function githubActionsCache(
  warn: (msg: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RemoteCache | undefined> {
  if (!onGitHubWithCache(env)) return undefined;
  const cache = await import('@actions/cache');
  return {
    async restore(paths, key) {
      try {
        return (await cache.restoreCache(paths, key)) === key;
      } catch (e) {
        warn(`Actions cache restore of ${key} failed, downloading instead: ${(e as Error).message}`);
        return false;
      }
    },
    async save(paths, key) {
      try {
        await cache.saveCache(paths, key);
      } catch (e) {
        warn(`Actions cache save of ${key} failed (the run goes on): ${(e as Error).message}`);
      }
    },
  };
}

/** A scratch folder for downloads and decompression. */
export function scratchDir(cacheDir: string): string {
  const dir = path.join(cacheDir || os.tmpdir(), 'scratch');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
