// Stress (issue 14 "What must show"): K clean runs (must be `pass`) and S stalled runs (must be
// `hang`), in-process through runGate, one after the other, while B other gates run clean in the
// background the whole time (the bundled CLI, dist/cli/index.js, in a loop, each its own process
// and QEMU). Prints: wrong verdicts (target 0) of the measured runs and of the background runs,
// QEMUs left behind, deadline -> verdict of the stalled runs (median and worst), and the guest
// kernel's boot time under that load (host clock, kernel banner -> the initramfs's ready line; and
// the guest's own printk clock at the last kernel line before ready). Ends with a markdown block
// for bench/RESULTS.md.
//
// Run: npx tsc -p . && node lib/bench/stress.js [K=100] [S=K] [--background B=2] [--cache-dir DIR] [--keep]
//   Figures are printed, not asserted; exit status 1 when a wrong-verdict or leak count is not 0.
//   --cache-dir: the guest cache for every run (default: the gate's default cache).

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runGate } from '../src/gate/run.js';
import type { GateReport } from '../src/report/model.js';
import { runningVmPids } from '../src/vm/registry.js';
import {
  alive,
  benchDir,
  benchIO,
  linuxConfig,
  loadAverage,
  machine,
  median,
  qemuMentioning,
  repoRoot,
  sleep,
  spread,
} from './common.js';
import { measureHang } from './hang.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const keep = args.includes('--keep');
const counts = args
  .filter((a, i) => /^\d+$/.test(a) && !['--background', '--cache-dir'].includes(args[i - 1] ?? ''))
  .map(Number);
const K = counts[0] ?? 100;
const S = counts[1] ?? K;
const B = Number(option('--background') ?? 2);
const cacheDir = option('--cache-dir');
// parseConfig reads the cache from FUSEFS_GATE_CACHE when no input names it; the background CLIs inherit it.
if (cacheDir) process.env.FUSEFS_GATE_CACHE = path.resolve(cacheDir);
const CLEAN_RAW = { timeout: '20' };
const STALL_TIMEOUT_S = 3;
const root = benchDir('stress');
const cli = path.join(repoRoot, 'dist', 'cli', 'index.js');
if (B > 0 && !existsSync(cli))
  throw new Error(`${cli} is missing: run 'npm run bundle' first (the background gates are the bundled CLI)`);

console.log(
  `fusefs-gate stress: ${K} clean runs (expect pass), ${S} stalled runs (expect hang, timeout ${STALL_TIMEOUT_S} s), ${B} clean gates in the background; out dirs under ${root}`,
);
for (const line of machine()) console.log(`  ${line}`);

interface RunRecord {
  kind: 'clean' | 'stalled';
  index: number;
  verdict: string;
  reason: string;
  outDir: string;
  wallMs: number;
  problems: string[];
  /** Stalled runs: the test's deadline -> runGate returned. */
  deadlineToVerdictMs?: number;
  /** Host clock: the kernel's banner line -> the initramfs's ready line (last boot attempt). */
  bootHostMs?: number;
  /** The guest's printk clock at the last kernel line before ready. */
  bootGuestS?: number;
  load: string;
}

// ------------------------------------------------------------------ background gates
interface Background {
  runs: { verdict: string; reason: string; outDir: string }[];
  stop(): Promise<void>;
}

function startBackground(slot: number): Background {
  const runs: Background['runs'] = [];
  let stopping = false;
  let current: ChildProcess | undefined;
  let finished: Promise<void> = Promise.resolve();
  const loop = async () => {
    for (let index = 1; !stopping; index++) {
      const outDir = path.join(root, `background${slot}-${String(index).padStart(3, '0')}`);
      const child = spawn(
        process.execPath,
        [cli, 'run', '--guest', 'linux', '--quiet', '--timeout', CLEAN_RAW.timeout, '--out', outDir],
        { stdio: 'ignore' },
      );
      current = child;
      await new Promise<void>((resolve) => child.on('close', () => resolve()));
      current = undefined;
      if (stopping) break; // ended by us: not counted
      let report: GateReport | undefined;
      try {
        report = JSON.parse(readFileSync(path.join(outDir, 'report.json'), 'utf8')) as GateReport;
      } catch {
        // no report: counted as wrong below
      }
      runs.push({
        verdict: report?.verdict ?? 'no report',
        reason: report?.reason ?? `exit ${child.exitCode ?? child.signalCode}`,
        outDir,
      });
      if (report?.verdict === 'pass' && !keep)
        rmSync(path.join(outDir, '.work'), { recursive: true, force: true });
    }
  };
  finished = loop();
  return {
    runs,
    async stop() {
      stopping = true;
      // SIGTERM: the CLI stops its QEMU and exits 143; bounded by its own teardown.
      current?.kill('SIGTERM');
      const killer = setTimeout(() => current?.kill('SIGKILL'), 30_000);
      await finished;
      clearTimeout(killer);
    },
  };
}

// ------------------------------------------------------------------ boot time from the console
const BANNER = /Linux version \d/;
const READY = /linux test guest ready/;
const PRINTK = /^\[\s*(\d+\.\d+)\]/;

function bootTimes(lines: [number, string][]): { bootHostMs?: number; bootGuestS?: number } {
  let banner: number | undefined;
  let lastPrintk: number | undefined;
  let result: { bootHostMs?: number; bootGuestS?: number } = {};
  for (const [at, line] of lines) {
    if (BANNER.test(line)) {
      banner = at;
      lastPrintk = undefined;
    }
    const stamp = PRINTK.exec(line);
    if (stamp) lastPrintk = Number(stamp[1]);
    // The last boot attempt counts (a retry starts a new banner).
    if (READY.test(line) && banner !== undefined)
      result = { bootHostMs: at - banner, ...(lastPrintk !== undefined ? { bootGuestS: lastPrintk } : {}) };
  }
  return result;
}

// ------------------------------------------------------------------ measured runs
async function cleanRun(index: number): Promise<RunRecord> {
  const outDir = path.join(root, `clean-${String(index).padStart(3, '0')}`);
  const io = benchIO();
  const problems: string[] = [];
  const started = performance.now();
  let report: GateReport | undefined;
  try {
    report = await runGate(linuxConfig(outDir, CLEAN_RAW), io);
  } catch (error) {
    problems.push(`runGate threw: ${(error as Error).stack ?? error}`);
  }
  const wallMs = performance.now() - started;
  problems.push(...(await leftovers(outDir, io.vms)));
  for (const w of io.warnings)
    if (!w.startsWith('using TCG software emulation')) problems.push(`warning: ${w}`);
  return finish(
    {
      kind: 'clean',
      index,
      verdict: report?.verdict ?? 'threw',
      reason: report?.reason ?? '',
      outDir,
      wallMs,
      problems,
      ...bootTimes(io.lines),
      load: loadAverage(),
    },
    report,
  );
}

async function stalledRun(index: number): Promise<RunRecord> {
  const outDir = path.join(root, `stalled-${String(index).padStart(3, '0')}`);
  const problems: string[] = [];
  const started = performance.now();
  const lines: [number, string][] = [];
  try {
    const run = await measureHang(outDir, STALL_TIMEOUT_S, {}, (line, at) => lines.push([at, line]));
    const wallMs = performance.now() - started;
    problems.push(...(await leftovers(outDir, [])));
    return finish(
      {
        kind: 'stalled',
        index,
        verdict: run.verdict,
        reason: run.reason,
        outDir,
        wallMs,
        problems,
        deadlineToVerdictMs: run.marks.verdict,
        ...bootTimes(lines),
        load: loadAverage(),
      },
      run.report,
    );
  } catch (error) {
    problems.push(`runGate threw: ${(error as Error).stack ?? error}`);
    return finish(
      {
        kind: 'stalled',
        index,
        verdict: 'threw',
        reason: '',
        outDir,
        wallMs: performance.now() - started,
        problems,
        load: loadAverage(),
      },
      undefined,
    );
  }
}

/** No QEMU left: the registry is empty, every VM exited, and no qemu-system process mentions the run's folder. */
async function leftovers(
  outDir: string,
  vms: { pid: number; exited: Promise<unknown> }[],
): Promise<string[]> {
  const problems: string[] = [];
  const registered = runningVmPids();
  if (registered.length) problems.push(`QEMU left in the registry: pids ${registered.join(', ')}`);
  for (const vm of vms) {
    const exited = await Promise.race([vm.exited.then(() => true), sleep(2_000).then(() => false)]);
    if (!exited || alive(vm.pid))
      problems.push(`QEMU left: pid ${vm.pid} has not exited 2 s after runGate returned`);
  }
  const strays = qemuMentioning(outDir);
  if (strays.length) problems.push(`QEMU left: qemu-system pids ${strays.join(', ')} mention ${outDir}`);
  return problems;
}

function finish(record: RunRecord, report: GateReport | undefined): RunRecord {
  if (report && report.bootAttempts > 1) record.problems.push(`boot needed ${report.bootAttempts} attempts`);
  const expected = record.kind === 'clean' ? 'pass' : 'hang';
  const ok = record.verdict === expected && record.problems.length === 0;
  const total = record.kind === 'clean' ? K : S;
  const d2v =
    record.deadlineToVerdictMs !== undefined
      ? `  deadline->verdict ${(record.deadlineToVerdictMs / 1000).toFixed(2)} s`
      : '';
  const boot =
    record.bootHostMs !== undefined
      ? `  boot ${(record.bootHostMs / 1000).toFixed(2)} s (guest ${record.bootGuestS?.toFixed(2) ?? '?'} s)`
      : '';
  console.log(
    `${record.kind} ${String(record.index).padStart(3)}/${total}: ${record.verdict.padEnd(5)} ${(record.wallMs / 1000).toFixed(1).padStart(5)} s${d2v}${boot}  load ${record.load}${ok ? '' : `  <-- ${record.reason}`}`,
  );
  if (ok && !keep) rmSync(path.join(record.outDir, '.work'), { recursive: true, force: true });
  return record;
}

// ------------------------------------------------------------------ the run
const backgrounds = Array.from({ length: B }, (_, i) => startBackground(i + 1));
// Let the background gates boot before the first measured run, so every run sees the load.
if (B > 0) await sleep(15_000);
const records: RunRecord[] = [];
const startedAll = performance.now();
const loads: number[] = [];
const loadSampler = setInterval(() => loads.push(Number(loadAverage().split(' ')[0])), 5_000);
for (let index = 1; index <= K; index++) records.push(await cleanRun(index));
for (let index = 1; index <= S; index++) records.push(await stalledRun(index));
clearInterval(loadSampler);
const totalMs = performance.now() - startedAll;
await Promise.all(backgrounds.map((b) => b.stop()));

// ------------------------------------------------------------------ figures
const clean = records.filter((r) => r.kind === 'clean');
const stalled = records.filter((r) => r.kind === 'stalled');
const wrongClean = clean.filter((r) => r.verdict !== 'pass');
const wrongStalled = stalled.filter((r) => r.verdict !== 'hang');
const backgroundRuns = backgrounds.flatMap((b) => b.runs);
const wrongBackground = backgroundRuns.filter((r) => r.verdict !== 'pass');
const leaks = records.filter((r) => r.problems.some((p) => p.startsWith('QEMU left')));
const d2v = stalled
  .map((r) => r.deadlineToVerdictMs)
  .filter((v): v is number => v !== undefined && Number.isFinite(v));
const bootHost = records.map((r) => r.bootHostMs).filter((v): v is number => v !== undefined);
const bootGuest = records
  .map((r) => r.bootGuestS)
  .filter((v): v is number => v !== undefined)
  .map((s) => s * 1000);
const tally = (runs: { verdict: string }[]) => {
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${v} ${n}`).join(', ') || 'none';
};
const worst = (values: number[]) => (values.length ? `${(Math.max(...values) / 1000).toFixed(2)} s` : 'n/a');
const med = (values: number[]) => (values.length ? `${(median(values) / 1000).toFixed(2)} s` : 'n/a');

console.log('');
console.log(`clean runs that were not pass: ${wrongClean.length} of ${clean.length} (${tally(clean)})`);
console.log(
  `stalled runs that were not hang: ${wrongStalled.length} of ${stalled.length} (${tally(stalled)})`,
);
console.log(
  `background runs that were not pass: ${wrongBackground.length} of ${backgroundRuns.length} finished (${tally(backgroundRuns)})`,
);
console.log(`runs that left a QEMU behind: ${leaks.length}`);
console.log(`deadline -> verdict (stalled): ${spread(d2v)}`);
console.log(`guest kernel boot, host clock banner -> ready: ${spread(bootHost)}`);
console.log(`guest kernel boot, guest printk clock at the last kernel line: ${spread(bootGuest)}`);
console.log(
  `time per clean run: ${spread(clean.map((r) => r.wallMs))}; per stalled run: ${spread(stalled.map((r) => r.wallMs))}`,
);
console.log(
  `1-min load average during the measured runs: ${loads.length ? `${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)}` : 'n/a'}; total ${(totalMs / 1000).toFixed(0)} s`,
);
for (const r of [...wrongClean, ...wrongStalled, ...records.filter((x) => x.problems.length > 0)]) {
  console.log(`  ${r.kind} ${r.index}: ${r.verdict}: ${r.reason} (out dir ${r.outDir})`);
  for (const p of r.problems) console.log(`    problem: ${p}`);
}
for (const r of wrongBackground) console.log(`  background: ${r.verdict}: ${r.reason} (out dir ${r.outDir})`);

console.log('\n--- for bench/RESULTS.md ---');
console.log(`| | runs | wrong verdicts | verdicts |`);
console.log(`| --- | --- | --- | --- |`);
console.log(`| clean (expect pass) | ${clean.length} | ${wrongClean.length} | ${tally(clean)} |`);
console.log(
  `| stalled, timeout ${STALL_TIMEOUT_S} s (expect hang) | ${stalled.length} | ${wrongStalled.length} | ${tally(stalled)} |`,
);
console.log(
  `| background clean gates (${B}) | ${backgroundRuns.length} | ${wrongBackground.length} | ${tally(backgroundRuns)} |`,
);
console.log('');
console.log(`| figure | median | worst | n |`);
console.log(`| --- | --- | --- | --- |`);
console.log(`| deadline -> verdict (stalled runs) | ${med(d2v)} | ${worst(d2v)} | ${d2v.length} |`);
console.log(
  `| guest kernel boot, host clock (banner -> ready) | ${med(bootHost)} | ${worst(bootHost)} | ${bootHost.length} |`,
);
console.log(
  `| guest kernel boot, guest printk clock | ${med(bootGuest)} | ${worst(bootGuest)} | ${bootGuest.length} |`,
);
console.log(
  `QEMU left behind: ${leaks.length}; load average (1 min) ${loads.length ? `${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)}` : 'n/a'}`,
);

const failed = wrongClean.length + wrongStalled.length + wrongBackground.length + leaks.length;
process.exitCode = failed === 0 ? 0 : 1;
