// Time to verdict, hang detection latency and peak memory of the gate on the Linux test guest (TCG).
// Figures are printed, never asserted.
//
//  (a) A passing run with the default workloads: wall clock of runGate and its phases, against the
//      floor measured in the same run (bench/floor.ts: the same kernel and initramfs booted by a bare
//      qemu-system-x86_64 that runs the same workload binaries on a fixture mount and powers off).
//      Floor and gate runs alternate, so both see the same machine load. Each gate run starts with
//      an empty KVM probe cache, as a fresh CLI process does; the probe is also timed on its own.
//      Target: gate / floor within 1.5x (medians).
//  (b) Hang detection: `--fault stall=write`, workload mmap-write, timeout 3. The deadline is the
//      host time of the test's `start` marker + timeout; measured: deadline -> the guest's deadline
//      marker, each sample, the watchdog's `stuck`, runGate resolving (the verdict), QEMU gone.
//      Target: verdict within 3 s of the deadline.
//  (c) Peak host memory: the CLI spawned as a user runs it, its ru_maxrss (preload) and VmHWM, and
//      QEMU's VmHWM; plus this bench process's own maxRSS after all the in-process runs.
//
// Run: npx tsc -p . && node lib/bench/time-to-verdict.js [REPS=5] [HANG_REPS=5]

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runGate } from '../src/gate/run.js';
import { readLinuxGuest } from '../src/image/linux-guest.js';
import type { GateReport } from '../src/report/model.js';
import { clearKvmProbeCache, probeKvm } from '../src/vm/accel.js';
import { benchDir, benchIO, linuxConfig, loadAverage, machine, median, repoRoot, spread } from './common.js';
import { makeFloorMedia, runFloor, type FloorRun } from './floor.js';
import { describeHang, HANG_MARKS, measureHang, type HangRun } from './hang.js';

const reps = Number(process.argv[2] ?? 5);
const hangReps = Number(process.argv[3] ?? 5);
const root = benchDir('ttv');
console.log(
  `fusefs-gate time to verdict: ${reps} gate/floor pairs, ${hangReps} hang runs; out dirs under ${root}`,
);
for (const line of machine()) console.log(`  ${line}`);

// ---------------------------------------------------------------- (a) passing run vs the floor
console.log('\n(a) time to verdict of a passing run (default workloads, timeout 20) vs the floor');
const baseConfig = linuxConfig(path.join(root, 'config-probe'), { timeout: '20' });
const image = readLinuxGuest(path.join(baseConfig.cacheDir, 'linux-guest', 'current'));
const floorMedia = makeFloorMedia(
  image,
  path.join(root, 'floor'),
  baseConfig.workloads,
  baseConfig.fixtureOptions,
);
console.log(
  `  floor: qemu-system-x86_64 -machine q35 -accel tcg -cpu max -smp ${baseConfig.cpus} -m ${baseConfig.memoryMiB}M -no-reboot -serial stdio`,
);
console.log(`         -kernel ${image.kernel} -initrd ${floorMedia.initrd} -append '${floorMedia.append}'`);
console.log(
  `         runs: fusefs-fixture -o ${baseConfig.fixtureOptions.join(',')} /mnt/fg; fusefs-workloads {${baseConfig.workloads.join(',')}} /mnt/fg; poweroff -f`,
);

interface GateRun {
  wallMs: number;
  report: GateReport;
  /** runGate start -> the kernel's first console line (QEMU up, connected). */
  firstLineMs: number;
  /** runGate start -> the initramfs's "ready" line. */
  readyMs: number;
  probeMs: number;
  load: string;
}
const floors: FloorRun[] = [];
const gates: GateRun[] = [];
for (let rep = 1; rep <= reps; rep++) {
  const floor = await runFloor(floorMedia, {
    cpus: baseConfig.cpus,
    memoryMiB: baseConfig.memoryMiB,
    timeoutMs: 120_000,
  });
  const floorOk =
    floor.exitCode === 0 &&
    floor.statuses.length === baseConfig.workloads.length &&
    floor.statuses.every(([, s]) => s === 0);
  if (!floorOk)
    console.log(
      `  floor ${rep} did not run cleanly (exit ${floor.exitCode}, statuses ${JSON.stringify(floor.statuses)}):\n${floor.output.slice(-2000)}`,
    );
  floors.push(floor);
  console.log(
    `  floor ${rep}: ${(floor.wallMs / 1000).toFixed(2)} s (kernel banner at ${(floor.bannerMs / 1000).toFixed(2)} s, init at ${(floor.initMs / 1000).toFixed(2)} s, workloads done at ${(floor.doneMs / 1000).toFixed(2)} s)  load ${loadAverage()}`,
  );

  clearKvmProbeCache();
  const probeStarted = performance.now();
  await probeKvm();
  const probeMs = performance.now() - probeStarted;
  clearKvmProbeCache();

  const config = linuxConfig(path.join(root, `pass-${rep}`), { timeout: '20' });
  let firstLineAt = NaN;
  let readyAt = NaN;
  const io = benchIO((line, at) => {
    if (Number.isNaN(firstLineAt)) firstLineAt = at;
    if (Number.isNaN(readyAt) && line.includes('linux test guest ready')) readyAt = at;
  });
  const started = performance.now();
  const report = await runGate(config, io);
  const wallMs = performance.now() - started;
  // ensureLinuxGuest's build-script lines also arrive through consoleLine; the kernel's come later.
  const kernelLine = io.lines.find(([, line]) => /Linux version \d/.test(line));
  gates.push({
    wallMs,
    report,
    firstLineMs: (kernelLine?.[0] ?? firstLineAt) - started,
    readyMs: readyAt - started,
    probeMs,
    load: loadAverage(),
  });
  console.log(
    `  gate  ${rep}: ${(wallMs / 1000).toFixed(2)} s ${report.verdict} [${phaseList(report)}] probe ${(probeMs / 1000).toFixed(2)} s, ` +
      `kernel banner at ${(((kernelLine?.[0] ?? NaN) - started) / 1000).toFixed(2)} s, ready at ${((readyAt - started) / 1000).toFixed(2)} s  load ${loadAverage()}`,
  );
}
const passing = gates.filter((g) => g.report.verdict === 'pass');
const gateMedian = median(passing.map((g) => g.wallMs));
const floorMedian = median(floors.map((f) => f.wallMs));
console.log(
  `  gate runGate wall: ${spread(passing.map((g) => g.wallMs))}${passing.length < gates.length ? ` (${gates.length - passing.length} runs not pass, left out)` : ''}`,
);
console.log(`  floor wall:        ${spread(floors.map((f) => f.wallMs))}`);
console.log(`  ratio gate/floor (medians): ${(gateMedian / floorMedian).toFixed(2)}x  (target <= 1.5x)`);
const pairRatios = gates.map((g, i) => g.wallMs / floors[i]!.wallMs);
console.log(
  `  ratio per pair: ${pairRatios.map((r) => r.toFixed(2)).join(', ')}; median ${median(pairRatios).toFixed(2)}x`,
);
console.log(`  KVM probe (included in the gate's boot phase): ${spread(gates.map((g) => g.probeMs))}`);
console.log(
  `  gate without the probe / floor: ${((gateMedian - median(gates.map((g) => g.probeMs))) / floorMedian).toFixed(2)}x`,
);
console.log('  gate phases (median):');
for (const phase of passing[0]?.report.phases.map((p) => p.phase) ?? []) {
  const values = passing.map((g) => g.report.phases.find((p) => p.phase === phase)?.durationMs ?? NaN);
  console.log(`    ${phase.padEnd(9)} ${spread(values, 'ms')}`);
}
console.log(
  `  gate: runGate start -> kernel banner ${spread(passing.map((g) => g.firstLineMs))}; -> guest ready ${spread(passing.map((g) => g.readyMs))}`,
);
console.log(
  `  floor: spawn -> kernel banner ${spread(floors.map((f) => f.bannerMs))}; -> floor init ${spread(floors.map((f) => f.initMs))}; -> workloads done ${spread(floors.map((f) => f.doneMs))}`,
);
const gateTests = passing.map((g) => g.report.tests.reduce((sum, t) => sum + t.durationMs, 0));
console.log(`  gate: sum of the workloads' own durations (guest clock) ${spread(gateTests, 'ms')}`);

// ---------------------------------------------------------------- (b) hang detection latency
console.log('\n(b) hang detection latency (--fault stall=write, workloads mmap-write, timeout 3)');
const hangs: HangRun[] = [];
for (let rep = 1; rep <= hangReps; rep++) {
  const run = await measureHang(path.join(root, `hang-${rep}`), 3);
  hangs.push(run);
  console.log(`  hang ${rep}: ${describeHang(run)}  load ${loadAverage()}`);
}
for (const name of HANG_MARKS) {
  console.log(`  deadline -> ${name.padEnd(15)} ${spread(hangs.map((h) => h.marks[name] ?? NaN))}`);
}
console.log(
  `  verdicts: ${hangs.map((h) => h.verdict).join(', ')}  (target: verdict <= 3 s after the deadline)`,
);

// ---------------------------------------------------------------- (c) peak memory
console.log('\n(c) peak host memory');
for (const [label, cli] of [
  ['CLI (lib/src/cli.js)', path.join(repoRoot, 'lib', 'src', 'cli.js')],
  ['bundle (dist/cli/index.js)', path.join(repoRoot, 'dist', 'cli', 'index.js')],
] as const) {
  if (!existsSync(cli)) {
    console.log(`  ${label}: missing, skipped`);
    continue;
  }
  const memory = await cliMemory(cli, path.join(root, `rss-${path.basename(path.dirname(cli))}`));
  console.log(
    `  ${label} run --guest linux --timeout 20 --quiet: ${memory.stdoutVerdict}; wall ${(memory.wallMs / 1000).toFixed(2)} s (verdict line at ${(memory.verdictMs / 1000).toFixed(2)} s); ` +
      `node maxRSS ${mib(memory.maxRssKiB)}, VmHWM ${mib(memory.vmHwmKiB)}; QEMU VmHWM ${mib(memory.qemuHwmKiB)}`,
  );
}
console.log(
  `  this bench process after ${reps + hangReps} in-process runGate runs: maxRSS ${mib(process.resourceUsage().maxRSS)}, rss now ${mib(process.memoryUsage().rss / 1024)}`,
);
console.log(`\nload average at the end: ${loadAverage()}`);

function phaseList(report: GateReport): string {
  return report.phases.map((p) => `${p.phase} ${(p.durationMs / 1000).toFixed(2)}`).join(', ');
}

function mib(kib: number): string {
  return Number.isFinite(kib) ? `${(kib / 1024).toFixed(0)} MiB` : 'n/a';
}

function statusKiB(pid: number, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s*(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(name));
    } catch {
      // gone
    }
  }
  return children;
}

async function cliMemory(cli: string, outDir: string) {
  const rssFile = path.join(os.tmpdir(), `fg-bench-rss-${process.pid}-${Date.now()}.json`);
  const preload = pathToFileURL(path.join(import.meta.dirname, 'rss-preload.js')).href;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', preload, cli, 'run', '--guest', 'linux', '--timeout', '20', '--quiet', '--out', outDir],
    {
      cwd: repoRoot,
      env: { ...process.env, FG_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let verdictMs = NaN;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (Number.isNaN(verdictMs) && stdout.includes('verdict:')) verdictMs = performance.now() - started;
  });
  child.stderr.on('data', () => undefined);
  let vmHwmKiB = NaN;
  let qemuHwmKiB = NaN;
  const poll = setInterval(() => {
    const own = statusKiB(child.pid!, 'VmHWM');
    if (Number.isFinite(own)) vmHwmKiB = Number.isFinite(vmHwmKiB) ? Math.max(vmHwmKiB, own) : own;
    for (const pid of childrenOf(child.pid!)) {
      const hwm = statusKiB(pid, 'VmHWM');
      if (Number.isFinite(hwm)) qemuHwmKiB = Number.isFinite(qemuHwmKiB) ? Math.max(qemuHwmKiB, hwm) : hwm;
    }
  }, 250);
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  clearInterval(poll);
  const wallMs = performance.now() - started;
  let maxRssKiB = NaN;
  try {
    maxRssKiB = (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKiB: number }).maxRssKiB;
  } catch {
    // the preload did not write (the CLI was killed)
  }
  return {
    wallMs,
    verdictMs,
    maxRssKiB,
    vmHwmKiB,
    qemuHwmKiB,
    stdoutVerdict: stdout.split('\n').find((l) => l.startsWith('verdict:')) ?? 'no verdict line',
  };
}
