// The Linux test guest's cache: locked builds, a byte-reproducible initramfs, and a damaged cache
// detected and rebuilt. Everything runs in a temporary cache (the kernel .deb copied from the
// machine's cache, so nothing is downloaded) so other runs on the machine are not disturbed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  existsSync,
  statSync,
} from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLinuxGuest } from '../../src/image/linux-guest.js';
import { repoRoot, tempDir } from '../helpers/gate.js';

const script = path.join(repoRoot, 'scripts', 'build-linux-guest.sh');
const machineDebs = path.join(
  process.env.FUSEFS_GATE_CACHE ?? path.join(homedir(), '.cache', 'fusefs-gate'),
  'linux-guest',
  'debs',
);
let cache: string;

function build(args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [script, ...args], {
      env: { ...process.env, FUSEFS_GATE_CACHE: cache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 280_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(() => {
  cache = tempDir('guest-cache');
  const debs = path.join(cache, 'linux-guest', 'debs');
  mkdirSync(debs, { recursive: true });
  const kernels = existsSync(machineDebs)
    ? readdirSync(machineDebs).filter((name) => name.endsWith('.deb'))
    : [];
  if (kernels.length === 0)
    throw new Error(`no kernel .deb in ${machineDebs}: run scripts/build-linux-guest.sh once first`);
  for (const name of kernels) copyFileSync(path.join(machineDebs, name), path.join(debs, name));
});
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('building the Linux test guest', () => {
  it('two first builds at once: one builds, the other waits for the lock and finds it up to date', async () => {
    const [a, b] = await Promise.all([build(), build()]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stdout.trim().split('\n').at(-1)).toBe(b.stdout.trim().split('\n').at(-1));
    const said = [a.stderr, b.stderr];
    expect(said.filter((text) => /build-linux-guest: built /.test(text))).toHaveLength(1);
    expect(said.filter((text) => /build-linux-guest: up to date: /.test(text))).toHaveLength(1);
  }, 300_000);

  it('the initramfs is byte-reproducible: a forced rebuild gives the same file', async () => {
    const first = await build();
    const dir = first.stdout.trim().split('\n').at(-1)!;
    const before = sha256(path.join(dir, 'initramfs.cpio.gz'));
    const again = await build(['--force']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/build-linux-guest: built /);
    expect(sha256(path.join(dir, 'initramfs.cpio.gz'))).toBe(before);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      initramfsSha256: string;
    };
    expect(manifest.initramfsSha256).toBe(before);
  }, 300_000);

  it('a truncated cached initramfs is detected before boot and rebuilt, and the run says so', async () => {
    const first = await ensureLinuxGuest(cache, 280_000);
    expect(first.rebuiltBecause).toBeUndefined();
    const good = sha256(first.initrd);
    truncateSync(first.initrd, Math.floor(statSync(first.initrd).size / 2));
    const lines: string[] = [];
    const rebuilt = await ensureLinuxGuest(cache, 280_000, (line) => lines.push(line));
    expect(rebuilt.rebuiltBecause).toMatch(
      /^cache damaged, rebuilt: initramfs\.cpio\.gz has SHA-256 [0-9a-f]{16}\.\.\., manifest\.json says [0-9a-f]{16}\.\.\.$/,
    );
    expect(lines.join('\n')).toMatch(/cache damaged: initramfs\.cpio\.gz/);
    expect(sha256(rebuilt.initrd)).toBe(good);
    // The kernel too.
    truncateSync(rebuilt.kernel, 4096);
    expect((await ensureLinuxGuest(cache, 280_000)).rebuiltBecause).toMatch(/vmlinuz has SHA-256/);
  }, 600_000);
});
