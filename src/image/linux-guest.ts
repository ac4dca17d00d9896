// The Linux test guest: a Debian kernel and a busybox initramfs built by scripts/build-linux-guest.sh
// into the cache. Built on first use; rebuilt by the script only when its inputs changed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root.js';

export interface LinuxGuestImage {
  dir: string;
  kernel: string;
  initrd: string;
  append: string;
  kernelRelease: string;
  /** sha256 of each guest program, as built into the initramfs. */
  programs: Record<string, string>;
}

export class GuestBuildError extends Error {
  constructor(message: string, readonly outputTail: string) {
    super(message);
    this.name = 'GuestBuildError';
  }
}

interface Manifest {
  kernelRelease: string;
  append: string;
  programs: Record<string, string>;
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
  };
}

/**
 * Runs the build script (a no-op when nothing changed) and returns the guest it names.
 * Bounded: a build that does not finish in `timeoutMs` is an error, and its process group is killed.
 */
export async function ensureLinuxGuest(cacheDir: string, timeoutMs: number, onLine?: (line: string) => void): Promise<LinuxGuestImage> {
  const script = path.join(packageRoot(), 'scripts', 'build-linux-guest.sh');
  const lines: string[] = [];
  const code = await new Promise<number | string>((resolve) => {
    const child = spawn('bash', [script], {
      env: { ...process.env, FUSEFS_GATE_CACHE: cacheDir },
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
    child.stdout.on('data', collect);
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
  if (code !== 0) throw new GuestBuildError(`building the Linux test guest failed (${code}); last lines:\n${tail}`, tail);
  const dir = lines.at(-1)?.trim() ?? '';
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new GuestBuildError(`the Linux test guest build did not name an output folder with a manifest (got ${JSON.stringify(dir)})`, tail);
  }
  return readLinuxGuest(dir);
}
