// The Linux test guest: a Debian kernel and a busybox initramfs built by scripts/build-linux-guest.sh
// into the cache. Built on first use; rebuilt by the script only when its inputs changed, and
// rebuilt here when a cached file no longer has the SHA-256 its manifest recorded (a damaged cache).
// The script builds under its own flock and renames a finished folder into place; the gate also
// holds the flavour folder's lock (src/cache/lock.ts) over the script, the damage check and the
// forced rebuild, so no run checks, or rebuilds, a guest another run is rebuilding.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { withCacheLock } from '../cache/lock.js';
import { packageRoot } from '../package-root.js';

export interface LinuxGuestImage {
  dir: string;
  kernel: string;
  initrd: string;
  append: string;
  kernelRelease: string;
  /** sha256 of each guest program, as built into the initramfs. */
  programs: Record<string, string>;
  /** Set when the cached guest was damaged and has been rebuilt: what was wrong. */
  rebuiltBecause?: string;
  /** Flavour `generic`: the kernel's headers for external module builds (`make -C DIR M=...`). */
  moduleBuildDir?: string;
}

/** `cloud`: Debian's cloud kernel (FUSE built in); `generic`: a kernel with CONFIG_FUSE_FS=m and its headers. */
export type LinuxGuestFlavour = 'cloud' | 'generic';

export class GuestBuildError extends Error {
  constructor(
    message: string,
    readonly outputTail: string,
  ) {
    super(message);
    this.name = 'GuestBuildError';
  }
}

interface Manifest {
  kernelRelease: string;
  append: string;
  programs: Record<string, string>;
  vmlinuzSha256?: string;
  initramfsSha256?: string;
  moduleBuildDir?: string;
}

function sha256File(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with a built guest folder: each of vmlinuz and initramfs.cpio.gz must have the
 * SHA-256 manifest.json recorded for it. Undefined when all is well.
 */
export function damageOf(dir: string): string | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch (error) {
    return `manifest.json unreadable (${(error as Error).message})`;
  }
  const problems: string[] = [];
  for (const [file, expected] of [
    ['vmlinuz', manifest.vmlinuzSha256],
    ['initramfs.cpio.gz', manifest.initramfsSha256],
  ] as const) {
    if (!expected) {
      problems.push(`manifest.json records no SHA-256 for ${file}`);
      continue;
    }
    const actual = sha256File(path.join(dir, file));
    if (actual === undefined) problems.push(`${file} is missing`);
    else if (actual !== expected)
      problems.push(
        `${file} has SHA-256 ${actual.slice(0, 16)}..., manifest.json says ${expected.slice(0, 16)}...`,
      );
  }
  return problems.length > 0 ? problems.join('; ') : undefined;
}

export function readLinuxGuest(dir: string): LinuxGuestImage {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  return {
    dir,
    kernel: path.join(dir, 'vmlinuz'),
    initrd: path.join(dir, 'initramfs.cpio.gz'),
    append: manifest.append,
    kernelRelease: manifest.kernelRelease,
    programs: manifest.programs,
    ...(manifest.moduleBuildDir ? { moduleBuildDir: path.join(dir, manifest.moduleBuildDir) } : {}),
  };
}

/**
 * Runs the build script (a no-op when nothing changed) and returns the guest it names, after
 * checking the cached kernel and initramfs against the manifest's SHA-256 values: a damaged cache
 * is rebuilt (`--force`) once, and the image says so in `rebuiltBecause`.
 * Bounded: a build that does not finish in `timeoutMs` is an error, and its process group is killed.
 */
export async function ensureLinuxGuest(
  cacheDir: string,
  timeoutMs: number,
  onLine?: (line: string) => void,
  flavour: LinuxGuestFlavour = 'cloud',
  /** A cancelled run stops waiting for another run's build of the guest. */
  signal?: AbortSignal,
): Promise<LinuxGuestImage> {
  const lockOptions = {
    waitMs: timeoutMs,
    ...(onLine ? { log: onLine } : {}),
    ...(signal ? { signal } : {}),
  };
  return withCacheLock(guestCacheDir(cacheDir, flavour), lockOptions, () =>
    ensureHoldingLock(cacheDir, timeoutMs, onLine, flavour),
  );
}

/** The flavour's folder in the cache, as scripts/build-linux-guest.sh names it (CACHE). */
export function guestCacheDir(cacheDir: string, flavour: LinuxGuestFlavour): string {
  return path.join(cacheDir, flavour === 'cloud' ? 'linux-guest' : `linux-guest-${flavour}`);
}

async function ensureHoldingLock(
  cacheDir: string,
  timeoutMs: number,
  onLine: ((line: string) => void) | undefined,
  flavour: LinuxGuestFlavour,
): Promise<LinuxGuestImage> {
  const startedAt = Date.now();
  const dir = await runBuild(cacheDir, timeoutMs, [], flavour, onLine);
  const damage = damageOf(dir);
  if (!damage) return readLinuxGuest(dir);
  onLine?.(`cache damaged: ${damage}; rebuilding`);
  const rebuilt = await runBuild(
    cacheDir,
    Math.max(1, timeoutMs - (Date.now() - startedAt)),
    ['--force'],
    flavour,
    onLine,
  );
  const still = damageOf(rebuilt);
  if (still)
    throw new GuestBuildError(
      `the Linux test guest in ${rebuilt} is damaged even after a rebuild: ${still}`,
      still,
    );
  return { ...readLinuxGuest(rebuilt), rebuiltBecause: `cache damaged, rebuilt: ${damage}` };
}

/** One run of the build script; returns the output folder it names (its last line). */
async function runBuild(
  cacheDir: string,
  timeoutMs: number,
  args: string[],
  flavour: LinuxGuestFlavour,
  onLine?: (line: string) => void,
): Promise<string> {
  const script = path.join(packageRoot(), 'scripts', 'build-linux-guest.sh');
  const lines: string[] = [];
  // The output folder is stdout's last line. The log goes to stderr, and the two pipes are read in
  // no fixed order: the last line of both together can be a log line (seen under load).
  let stdout = '';
  const code = await new Promise<number | string>((resolve) => {
    const child = spawn('bash', [script, ...args], {
      env: { ...process.env, FUSEFS_GATE_CACHE: cacheDir, FUSEFS_GATE_GUEST_FLAVOUR: flavour },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve(`did not finish within ${Math.round(timeoutMs / 1000)} s`);
    }, timeoutMs);
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(line);
        if (lines.length > 200) lines.shift();
        onLine?.(line);
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString()).slice(-4096);
      collect(chunk);
    });
    child.stderr.on('data', collect);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve(status ?? 'killed');
    });
  });
  const tail = lines.slice(-15).join('\n');
  if (code !== 0)
    throw new GuestBuildError(`building the Linux test guest failed (${code}); last lines:\n${tail}`, tail);
  const dir =
    stdout
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1) ?? '';
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new GuestBuildError(
      `the Linux test guest build did not name an output folder with a manifest (got ${JSON.stringify(dir)})`,
      tail,
    );
  }
  return dir;
}
