// A Linux test guest that boots but never gives the gate a shell: the real kernel and initramfs, with
// init replaced on the kernel command line by a shell that prints LINE on the console and sleeps.
// It lives in its own cache folder (the gate reads the guest from `cache-dir`), so the real one is untouched.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, tempDir } from './gate.js';

/** Returns a cache folder for `cache-dir` holding the never-a-shell guest. */
export function neverAShellGuestCache(line: string): string {
  // The build script is a no-op when the real guest is up to date, and names its folder last.
  const real = execFileSync('bash', [path.join(repoRoot, 'scripts', 'build-linux-guest.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .trim()
    .split('\n')
    .at(-1)!;
  const cache = tempDir('never-a-shell');
  // Same inputs hash as the real guest, so the build script finds it "up to date" in this cache.
  const dir = path.join(cache, 'linux-guest', path.basename(real));
  mkdirSync(dir, { recursive: true });
  for (const file of ['vmlinuz', 'initramfs.cpio.gz'])
    symlinkSync(path.join(real, file), path.join(dir, file));
  const manifest = JSON.parse(readFileSync(path.join(real, 'manifest.json'), 'utf8')) as { append: string };
  if (/["=]/.test(line)) throw new Error('the line must not hold quotes or = (kernel command line)');
  // The kernel hands what follows `--` to init as its arguments, quotes removed (init/main.c).
  manifest.append += ` rdinit=/bin/sh -- -c "mount -t devtmpfs d /dev; exec >/dev/console 2>&1; echo ${line}; exec sleep 3600"`;
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return cache;
}
