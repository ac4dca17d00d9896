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

/** A local store of decompressed images. */
export interface ImageStore {
  /** The cached image file for this key, or undefined. */
  find(key: ImageKey, targetName: string): string | undefined;
  /** Copy `file` into the store under this key; returns the stored path. */
  put(file: string, key: ImageKey, targetName: string): Promise<string>;
}

/** A cache shared between jobs (the Actions cache); holds the verified compressed download. */
export interface RemoteCache {
  restore(paths: string[], key: string): Promise<boolean>;
  save(paths: string[], key: string): Promise<void>;
}

/**
 * The runner tool cache (@actions/tool-cache cacheFile/find). Outside Actions (the CLI) it lives
 * under `cacheDir`: tool-cache reads RUNNER_TOOL_CACHE / RUNNER_TEMP, so they are set when absent.
 */
export async function toolCacheStore(cacheDir: string, arch = 'x64'): Promise<ImageStore> {
  process.env['RUNNER_TOOL_CACHE'] ||= path.join(cacheDir, 'tool-cache');
  process.env['RUNNER_TEMP'] ||= path.join(cacheDir, 'tmp');
  fs.mkdirSync(process.env['RUNNER_TOOL_CACHE']!, { recursive: true });
  fs.mkdirSync(process.env['RUNNER_TEMP']!, { recursive: true });
  const tc = await import('@actions/tool-cache');
  return {
    find(key, targetName) {
      const { tool, version } = toolCacheCoordinates(key);
      const dir = tc.find(tool, version, arch);
      if (!dir) return undefined;
      const file = path.join(dir, targetName);
      return fs.existsSync(file) ? file : undefined;
    },
    async put(file, key, targetName) {
      const { tool, version } = toolCacheCoordinates(key);
      const dir = await tc.cacheFile(file, targetName, tool, version, arch);
      return path.join(dir, targetName);
    },
  };
}

/** A plain folder store (tests, and runs that want no tool-cache semantics). */
export function folderStore(root: string): ImageStore {
  const dirOf = (key: ImageKey) => {
    const { tool, version } = toolCacheCoordinates(key);
    return path.join(root, tool, version);
  };
  return {
    find(key, targetName) {
      const file = path.join(dirOf(key), targetName);
      return fs.existsSync(file) && fs.existsSync(`${dirOf(key)}.complete`) ? file : undefined;
    },
    async put(file, key, targetName) {
      const dir = dirOf(key);
      await fs.promises.mkdir(dir, { recursive: true });
      const dest = path.join(dir, targetName);
      await fs.promises.copyFile(file, dest);
      await fs.promises.writeFile(`${dir}.complete`, '');
      return dest;
    },
  };
}

/** True when the job runs on GitHub with the cache service reachable (env set by the runner). */
export function onGitHubWithCache(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env['ACTIONS_CACHE_URL'] || env['ACTIONS_RESULTS_URL']);
}

/** The Actions cache through @actions/cache, or undefined when not on GitHub. Failures only warn. */
export async function githubActionsCache(warn: (msg: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<RemoteCache | undefined> {
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
