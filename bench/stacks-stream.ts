// `fusefs-gate stacks FILE` on big and hostile input: a synthetic 1 GiB console log (the real texts of
// test/fixtures/stacks/ repeated with fresh pids, between ordinary console lines), 50 MB of random
// bytes, and 100k frames on one line. Prints and appends to bench/RESULTS.md: wall time, MB/s and
// the CLI's peak resident set and CPU time (getrusage, bench/usage-preload.ts). Figures only, never asserted.
//
//   npx tsc -p . && node lib/bench/stacks-stream.js [GiB]     (default 1)

import { spawn } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHUNK_CHARS } from '../src/report/analyze.js';
import { benchDir, repoRoot } from './common.js';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'stacks');
const CLI = path.join(repoRoot, 'lib', 'src', 'cli.js');

/** The real texts of the corpus (not transcripts), to make the synthetic log out of. */
function realTexts(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt') && !f.endsWith('.transcript.txt'))
    .sort()
    .map((f) => readFileSync(path.join(FIXTURES, f), 'latin1'));
}

/** A log of about `bytes`: filler console lines with a real report every ~2000 lines, pids renumbered. */
function writeLog(file: string, bytes: number): number {
  const texts = realTexts();
  const fd = openSync(file, 'w');
  let written = 0;
  let n = 0;
  let pid = 100000;
  const filler: string[] = [];
  for (let i = 0; i < 2000; i++) {
    filler.push(
      `[${(i / 10).toFixed(6).padStart(12)}] usb 1-1: new high-speed USB device number ${i % 128} using xhci_hcd`,
    );
  }
  const block = `${filler.join('\n')}\n`;
  try {
    while (written < bytes) {
      const text = (texts[n++ % texts.length] as string).replace(
        /\b(pid[: ]\s*|PID: |task \S+:)(\d+)/g,
        (_m, p: string) => `${p}${pid++}`,
      );
      const piece = block + text;
      written += writeSync(fd, piece, null, 'latin1');
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

function writeRandom(file: string, bytes: number): void {
  const fd = openSync(file, 'w');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    for (let done = 0; done < bytes; done += chunk.length) {
      for (let i = 0; i < chunk.length; i++) chunk[i] = (Math.random() * 256) | 0;
      writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
}

function writeLongLine(file: string, frames: number): void {
  const parts: string[] = [
    '  PID    TID COMM                TDNAME              KSTACK',
    `  783 100068 mmap-write          -                   `,
  ];
  const stack: string[] = [];
  for (let i = 0; i < frames; i++) stack.push(`fuse_vnop_write+0x${(i % 4096).toString(16)}`);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `${parts[0]}\n${parts[1]}${stack.join(' ')}\n`);
    const trace = [
      'Call Trace:',
      ...Array.from({ length: frames }, (_, i) => ` fuse_file_write_iter+0x${i.toString(16)}/0x400`),
    ].join(' ');
    writeSync(fd, `INFO: task x:1 blocked for more than 120 seconds.\n${trace}\n`);
  } finally {
    closeSync(fd);
  }
}

interface Run {
  ms: number;
  cpuMs: number;
  maxRssMiB: number;
  exit: number | null;
  threads: number;
  omitted: number;
  signature?: string;
}

async function runStacks(file: string): Promise<Run> {
  const rssFile = path.join(os.tmpdir(), `fg-bench-usage-${process.pid}-${Date.now()}.json`);
  const preload = pathToFileURL(path.join(import.meta.dirname, 'usage-preload.js')).href;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', preload, CLI, 'stacks', file], {
    env: { ...process.env, FG_BENCH_USAGE_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const out: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - started;
  const rss = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKiB: number; cpuMicros: number };
  rmSync(rssFile, { force: true });
  const result = JSON.parse(Buffer.concat(out).toString('utf8')) as {
    threads: unknown[];
    threadsOmitted?: number;
    signature?: string;
  };
  const run: Run = {
    ms,
    cpuMs: rss.cpuMicros / 1000,
    maxRssMiB: rss.maxRssKiB / 1024,
    exit,
    threads: result.threads.length,
    omitted: result.threadsOmitted ?? 0,
  };
  if (result.signature !== undefined) run.signature = result.signature;
  return run;
}

async function main(): Promise<void> {
  const gib = Number(process.argv[2] ?? '1');
  const dir = benchDir('stacks');
  try {
    const log = path.join(dir, 'console.log');
    const bytes = writeLog(log, gib * 1024 ** 3);
    const random = path.join(dir, 'random.bin');
    writeRandom(random, 50 * 1000 * 1000);
    const long = path.join(dir, 'long-line.txt');
    writeLongLine(long, 100_000);

    const big = await runStacks(log);
    const rnd = await runStacks(random);
    const line = await runStacks(long);
    const mb = bytes / 1e6;
    const fig = (r: Run, megabytes: number) =>
      `${(r.ms / 1000).toFixed(1)} s (CPU ${(r.cpuMs / 1000).toFixed(1)} s) | ${(megabytes / (r.ms / 1000)).toFixed(0)} MB/s (**${(megabytes / (r.cpuMs / 1000)).toFixed(0)} MB/s** of CPU)`;
    const longMb = statSync(long).size / 1e6;
    const rows = [
      `| synthetic console log, ${(bytes / 1024 ** 3).toFixed(2)} GiB | ${fig(big, mb)} | **${big.maxRssMiB.toFixed(0)} MiB** | ${big.threads} kept, ${big.omitted} over the bound; \`${big.signature ?? '-'}\` |`,
      `| random bytes, 50 MB | ${fig(rnd, 50)} | ${rnd.maxRssMiB.toFixed(0)} MiB | ${rnd.threads} threads |`,
      `| 100k frames on one procstat line and in one Call Trace line, ${longMb.toFixed(1)} MB | ${fig(line, longMb)} | ${line.maxRssMiB.toFixed(0)} MiB | ${line.threads} threads |`,
    ];
    const section = [
      '',
      `## \`fusefs-gate stacks\` on big and hostile input (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`node lib/bench/stacks-stream.js ${gib}\`, load ${os.loadavg()[0]!.toFixed(1)})`,
      '',
      `Targets: under 200 MB peak RSS and at least 50 MB/s on the 1 GiB log (issue 12). The CLI streams the file in 1 MiB reads and parses ${CHUNK_CHARS / 1024 / 1024} MiB chunks cut before a record start (src/report/analyze.ts); ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}.`,
      '',
      '| input | wall time (CPU time) | throughput, wall (CPU) | peak RSS | result |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n');
    process.stdout.write(section);
    appendFileSync(path.join(repoRoot, 'bench', 'RESULTS.md'), section);
    if ([big, rnd, line].some((r) => r.exit !== 0)) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
