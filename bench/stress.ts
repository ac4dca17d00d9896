// Stress: the clean gate K times (must be `pass`) and the stalled gate K times (must be `hang`),
// in-process through runGate, one after the other, each with a fresh out dir; after every run, no
// QEMU of ours may be left. Prints the two counts that must be 0, each verdict tally, time per run,
// and for every run that misbehaved its reason and out dir (kept; good runs keep only their evidence).
//
// Run: npx tsc -p . && node lib/bench/stress.js [K] [--keep]
//   K (default 20) runs of each kind. Figures are printed, not asserted; exit status 1 when a count is not 0.

import { rmSync } from 'node:fs';
import path from 'node:path';
import { runGate } from '../src/gate/run.js';
import type { GateReport } from '../src/report/model.js';
import { runningVmPids } from '../src/vm/registry.js';
import { alive, benchDir, benchIO, linuxConfig, loadAverage, machine, qemuMentioning, sleep, spread } from './common.js';

interface Kind {
  name: 'clean' | 'stalled';
  expected: GateReport['verdict'];
  raw: Record<string, string>;
}

const KINDS: Kind[] = [
  { name: 'clean', expected: 'pass', raw: { timeout: '20' } },
  { name: 'stalled', expected: 'hang', raw: { timeout: '3', fault: 'stall=write', workloads: 'mmap-write' } },
];

interface RunRecord {
  kind: Kind['name'];
  index: number;
  verdict: string;
  reason: string;
  outDir: string;
  wallMs: number;
  phases: string;
  problems: string[];
}

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const K = Number(args.find((a) => /^\d+$/.test(a)) ?? 20);
const root = benchDir('stress');

console.log(`fusefs-gate stress: ${K} clean runs (expect pass) and ${K} stalled runs (expect hang); out dirs under ${root}`);
for (const line of machine()) console.log(`  ${line}`);

const records: RunRecord[] = [];
const startedAll = performance.now();
for (const kind of KINDS) {
  for (let index = 1; index <= K; index++) {
    records.push(await oneRun(kind, index));
  }
}
const totalMs = performance.now() - startedAll;

console.log('');
for (const kind of KINDS) {
  const runs = records.filter((r) => r.kind === kind.name);
  const tally = new Map<string, number>();
  for (const r of runs) tally.set(r.verdict, (tally.get(r.verdict) ?? 0) + 1);
  const wrong = runs.filter((r) => r.verdict !== kind.expected);
  const other = runs.filter((r) => r.verdict === kind.expected && r.problems.length > 0);
  console.log(`${kind.name} (${JSON.stringify(kind.raw)}): ${runs.length} runs`);
  console.log(`  ${kind.name} runs that were not ${kind.expected}: ${wrong.length}`);
  console.log(`  verdicts: ${[...tally].map(([v, n]) => `${v} ${n}`).join(', ')}`);
  console.log(`  time per run: ${spread(runs.map((r) => r.wallMs))}`);
  for (const r of [...wrong, ...other]) {
    console.log(`  run ${r.index}: ${r.verdict}: ${r.reason}`);
    console.log(`    out dir: ${r.outDir}`);
    for (const p of r.problems) console.log(`    problem: ${p}`);
  }
}
const leaks = records.filter((r) => r.problems.some((p) => p.startsWith('QEMU left')));
console.log(`runs that left a QEMU behind: ${leaks.length}`);
console.log(`total ${(totalMs / 1000).toFixed(0)} s; load average now ${loadAverage()}; bench process maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
const failed = records.filter((r) => r.verdict !== KINDS.find((k) => k.name === r.kind)!.expected).length + leaks.length;
process.exitCode = failed === 0 ? 0 : 1;

async function oneRun(kind: Kind, index: number): Promise<RunRecord> {
  const outDir = path.join(root, `${kind.name}-${String(index).padStart(2, '0')}`);
  const config = linuxConfig(outDir, kind.raw);
  const io = benchIO();
  const problems: string[] = [];
  const started = performance.now();
  let report: GateReport | undefined;
  try {
    report = await runGate(config, io);
  } catch (error) {
    problems.push(`runGate threw: ${(error as Error).stack ?? error}`);
  }
  const wallMs = performance.now() - started;

  // No QEMU left: the registry is empty, every VM's exit was observed, and no qemu-system process
  // on the machine mentions this run's folder (the sockets live under OUT/.work).
  const registered = runningVmPids();
  if (registered.length) problems.push(`QEMU left in the registry: pids ${registered.join(', ')}`);
  for (const vm of io.vms) {
    const exited = await Promise.race([vm.exited.then(() => true), sleep(2_000).then(() => false)]);
    if (!exited || alive(vm.pid)) problems.push(`QEMU left: pid ${vm.pid} has not exited 2 s after runGate returned`);
  }
  const strays = qemuMentioning(outDir);
  if (strays.length) problems.push(`QEMU left: qemu-system pids ${strays.join(', ')} mention ${outDir}`);
  if (report && report.bootAttempts > 1) problems.push(`boot needed ${report.bootAttempts} attempts`);
  for (const w of io.warnings) if (!w.startsWith('using TCG software emulation')) problems.push(`warning: ${w}`);

  const verdict = report?.verdict ?? 'threw';
  const phases = report ? report.phases.map((p) => `${p.phase} ${(p.durationMs / 1000).toFixed(1)}`).join(', ') : '';
  const ok = verdict === kind.expected && problems.length === 0;
  console.log(
    `${kind.name} ${String(index).padStart(2)}/${K}: ${verdict.padEnd(5)} ${(wallMs / 1000).toFixed(1).padStart(5)} s  [${phases}]` +
      `  rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB  load ${loadAverage()}${ok ? '' : `  <-- ${report?.reason ?? ''}`}`,
  );
  if (ok && !keep) rmSync(path.join(outDir, '.work'), { recursive: true, force: true });
  return { kind: kind.name, index, verdict, reason: report?.reason ?? problems[0] ?? '', outDir, wallMs, phases, problems };
}
