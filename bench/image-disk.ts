// Disk on the runner for a FreeBSD image, from `.xz` to ready to boot: bytes written and the peak
// disk in use, for a synthetic sparse raw image of BASIC-CI's size (6 GiB: 5 GiB root file system
// plus 1 GiB swap, release/tools/basic-ci.conf and release/Makefile.vm). The image's data is a few
// hundred MiB spread as a fresh UFS image would have it (boot blocks, used root blocks, cylinder
// group headers, the backup GPT header); the rest is zeros.
//
// The gate's path runs for real (obtainFreeBSDImage with the real xz and a folder store); the
// "download" is a copy of the .xz, counted apart. Figures:
// - written: /proc/self/io write_bytes of this process (the sparse writer runs in-process; xz only
//   writes to a pipe), during decompression + caching, and for the whole obtain;
// - allocated: st_blocks of every file under the work folder, sampled every 50 ms: its peak is the
//   peak disk in use; at the end, what stays.
// `--old` also measures the previous way (xz -dc through a pipe into a fully allocated file, then a
// copy into the cache, the .xz kept), which writes the full 6 GiB twice: run it on a quiet machine.
//
//   node lib/bench/image-disk.js [--old] [--size-gib 6] [--keep]

import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { folderStore } from '../src/image/cache.js';
import { obtainFreeBSDImage, type Downloader } from '../src/image/freebsd-image.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

const args = process.argv.slice(2);
const old = args.includes('--old');
const keep = args.includes('--keep');
const sizeGiB = Number(args[args.indexOf('--size-gib') + 1] ?? 6) || 6;
const SIZE = sizeGiB * GiB;

function writeBytes(): number {
  const m = /^write_bytes: (\d+)$/m.exec(fs.readFileSync('/proc/self/io', 'utf8'));
  return Number(m?.[1] ?? 0);
}

function allocated(dir: string): number {
  let sum = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      try {
        if (e.isDirectory()) walk(p);
        else sum += fs.lstatSync(p).blocks * 512;
      } catch {
        // A file renamed or removed while sampling.
      }
    }
  };
  walk(dir);
  return sum;
}

/** Samples the allocated bytes under `dir` until stopped; returns the peak. */
function peakSampler(dir: string): { stop(): number } {
  let peak = allocated(dir);
  const timer = setInterval(() => (peak = Math.max(peak, allocated(dir))), 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, allocated(dir));
    },
  };
}

/**
 * Bytes that compress about as file-system data does (half random, half a repeated pattern):
 * the .xz then has a realistic size next to the data, and xz -0 still takes them quickly.
 */
function dataBlock(seed: number, length: number): Buffer {
  const b = Buffer.alloc(length, 0x46);
  const random = createHash('sha256').update(String(seed)).digest();
  for (let i = 0; i < length; i += 4096) {
    // 2 KiB of pseudo-random bytes per 4 KiB, from a hash chain (deterministic per seed).
    for (let j = 0; j < 2048 && i + j < length; j += 32) {
      random.set(createHash('sha256').update(random).digest());
      random.copy(b, i + j, 0, Math.min(32, length - i - j));
    }
  }
  return b;
}

/** A sparse raw image: data regions written at their offsets, everything else a hole. */
function syntheticImage(file: string): number {
  const fd = fs.openSync(file, 'w');
  let data = 0;
  const put = (offset: number, length: number, seed: number) => {
    fs.writeSync(fd, dataBlock(seed, length), 0, length, offset);
    data += length;
  };
  put(0, 1 * MiB, 1); // GPT, boot code
  put(1 * MiB, 160 * MiB, 2); // the used part of a fresh root file system
  for (let off = 256 * MiB, i = 0; off < SIZE - 1 * GiB; off += 188 * MiB, i++) put(off, 256 * 1024, 10 + i); // cylinder groups
  put(SIZE - 1 * MiB, 1 * MiB, 3); // backup GPT header
  fs.ftruncateSync(fd, SIZE);
  fs.closeSync(fd);
  return data;
}

function fmt(bytes: number): string {
  return bytes >= GiB ? `${(bytes / GiB).toFixed(2)} GiB` : `${(bytes / MiB).toFixed(1)} MiB`;
}

async function oldWay(xz: string, work: string): Promise<{ written: number; peak: number; final: number }> {
  const scratch = path.join(work, 'scratch');
  const cache = path.join(work, 'cache');
  fs.mkdirSync(scratch, { recursive: true });
  fs.mkdirSync(cache, { recursive: true });
  const sampler = peakSampler(work);
  const before = writeBytes();
  const tmp = path.join(scratch, 'image.raw.tmp');
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(tmp);
    const child = spawn('xz', ['-dc', '--', xz], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.pipe(out);
    child.on('error', reject);
    child.on('close', (code) =>
      out.close(() => (code === 0 ? resolve() : reject(new Error(`xz exit ${code}`)))),
    );
  });
  // @actions/tool-cache cacheFile: io.cp into the tool folder, then the temporary file is removed.
  // copyFileSync blocks the sampler's timer, so the peak (both copies on disk) is taken right here.
  fs.copyFileSync(tmp, path.join(cache, 'image.raw'));
  const bothCopies = allocated(work);
  fs.rmSync(tmp);
  const written = writeBytes() - before;
  return { written, peak: Math.max(sampler.stop(), bothCopies), final: allocated(work) };
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'fg-image-disk-'));
  const src = path.join(work, 'src');
  fs.mkdirSync(src);
  const raw = path.join(src, 'FreeBSD-15.1-RELEASE-amd64-BASIC-CI-ufs.raw');
  const t0 = performance.now();
  const data = syntheticImage(raw);
  execFileSync('xz', ['-T2', '-0', '-k', raw]);
  const xz = `${raw}.xz`;
  const xzSize = fs.statSync(xz).size;
  const sha = createHash('sha512').update(fs.readFileSync(xz)).digest('hex');
  const prepSec = (performance.now() - t0) / 1000;
  fs.rmSync(raw);

  const name = path.basename(xz);
  const base = 'https://download.example.test/';
  const folder = `${base}releases/CI-IMAGES/15.1-RELEASE/amd64/Latest/`;
  const sums = path.join(src, 'CHECKSUM.SHA512');
  fs.writeFileSync(sums, `SHA512 (${name}) = ${sha}\n`);
  let downloaded = 0;
  const download: Downloader = {
    async download(url, dest) {
      const from = url === `${folder}CHECKSUM.SHA512` ? sums : url === `${folder}${name}` ? xz : undefined;
      if (!from) throw new Error(`no such URL ${url}`);
      fs.copyFileSync(from, dest);
      downloaded += fs.statSync(from).size;
      return dest;
    },
  };

  const run = path.join(work, 'new');
  fs.mkdirSync(run);
  const sampler = peakSampler(run);
  let decompressWritten = 0;
  const before = writeBytes();
  const t1 = performance.now();
  const img = await obtainFreeBSDImage(
    {
      version: '15.1-RELEASE',
      cacheDir: path.join(run, 'cache'),
      base,
      today: new Date('2026-12-01T00:00:00Z'),
    },
    {
      download,
      store: folderStore(path.join(run, 'store')),
      decompress: async (from, to) => {
        const w0 = writeBytes();
        const { xzDecompress } = await import('../src/image/freebsd-image.js');
        await xzDecompress(from, to);
        decompressWritten = writeBytes() - w0;
      },
    },
  );
  const sec = (performance.now() - t1) / 1000;
  const totalWritten = writeBytes() - before;
  const peak = sampler.stop();
  const final = allocated(run);
  const imgSize = fs.statSync(img.path).size;
  const imgAlloc = fs.statSync(img.path).blocks * 512;

  const load = os.loadavg()[0]!.toFixed(1);
  const lines = [
    `## FreeBSD image on disk, .xz to ready to boot (\`node lib/bench/image-disk.js${old ? ' --old' : ''}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load ${load})`,
    '',
    `Synthetic BASIC-CI-sized raw image: ${fmt(SIZE)} long, ${fmt(data)} of data (boot blocks, a used root file system, cylinder-group headers, backup GPT), the rest holes; xz -0: ${fmt(xzSize)} (made in ${prepSec.toFixed(0)} s). File system: ${execFileSync('stat', ['-f', '-c', '%T', work], { encoding: 'utf8' }).trim()}.`,
    '',
    '| | now (sparse, written once, .xz dropped) |',
    '| --- | --- |',
    `| image length / allocated | ${fmt(imgSize)} / **${fmt(imgAlloc)}** |`,
    `| written by decompression + caching | **${fmt(decompressWritten)}** (target: at most the allocated size, once) |`,
    `| written in all, with the download | ${fmt(totalWritten)} (download ${fmt(downloaded)}) |`,
    `| peak disk in use | **${fmt(peak)}** (.xz + the allocated image, while decompressing) |`,
    `| disk in use when ready | ${fmt(final)} (the image and its integrity record) |`,
    `| time | ${sec.toFixed(1)} s |`,
  ];
  if (old) {
    const o = await oldWay(xz, path.join(work, 'old'));
    lines.push(
      '',
      `Previous way (pipe into a fully allocated file, then a copy into the cache, .xz kept): written **${fmt(o.written)}**, peak disk ${fmt(o.peak + xzSize)} with the kept .xz, ${fmt(o.final + xzSize)} when ready.`,
    );
  } else {
    lines.push(
      '',
      `Previous way, not run (\`--old\`): it wrote the full length twice (${fmt(2 * SIZE)}: the pipe into a plain file, then @actions/tool-cache cacheFile's copy) and kept the .xz, so its peak was about ${fmt(2 * SIZE + xzSize)}.`,
    );
  }
  const section = `${lines.join('\n')}\n`;
  process.stdout.write(`${section}\n`);
  fs.appendFileSync(path.join(import.meta.dirname, '..', '..', 'bench', 'RESULTS.md'), `\n${section}`);
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
  else process.stdout.write(`kept ${work}\n`);
}

await main();
