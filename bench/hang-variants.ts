// Experiment: where the time between a hung test's deadline and the verdict goes, and what two small
// changes to guest/watchdog.sh would save. Runs the stalled gate (stall=write, mmap-write, timeout 3)
// with the stock watchdog and with variants, alternating, and prints the marks after the deadline.
// The variants ride on the payload disk (bench/hang.ts, watchdogVariantSeams); nothing in src/ or
// guest/ is changed.
//
//   control      the stock script, but delivered through the payload like the variants (same path)
//   gap          the second sample starts GAP_S after the first one STARTED (not after it ended)
//   reuse-tree   Linux: the final SIGKILL uses the process tree sample 2 just computed instead of
//                walking /proc once more
//   both         gap + reuse-tree
//
// Run: npx tsc -p . && node lib/bench/hang-variants.js [REPS=4]

import path from 'node:path';
import type { GateSeams } from '../src/gate/run.js';
import { benchDir, loadAverage, machine, spread } from './common.js';
import {
  describeHang,
  HANG_MARKS,
  measureHang,
  replaceOnce,
  watchdogVariantSeams,
  type HangRun,
} from './hang.js';

const reps = Number(process.argv[2] ?? 4);
const root = benchDir('hangvar');

const gap = (script: string) =>
  replaceOnce(
    script,
    `sample 1
start_timer "$GAP_S"
wait_cmd`,
    `now_ms
_s1=$_now
sample 1
now_ms
# What is left of the gap once sample 1 is done (at least 0.1 s), so the samples start GAP_S apart.
_rest=$((GAP_S * 1000 - (_now - _s1)))
[ "$_rest" -ge 100 ] || _rest=100
start_timer "$((_rest / 1000)).$((_rest % 1000 / 100))$((_rest % 100 / 10))$((_rest % 10))"
wait_cmd`,
  );
const reuseTree = (script: string) =>
  replaceOnce(
    script,
    `# Hung: kill once (a task in an uninterruptible sleep stays) and move on.
kill_tree
`,
    `# Hung: kill once (a task in an uninterruptible sleep stays) and move on.
if [ "$OS" = FreeBSD ]; then kill_tree; else kill -KILL $_tree 2>/dev/null; fi
`,
  );

const variants: [string, (s: string) => string][] = [
  ['control', (s) => s],
  ['gap', gap],
  ['reuse-tree', reuseTree],
  ['both', (s) => reuseTree(gap(s))],
];
const seams = new Map<string, GateSeams>(
  variants.map(([name, edit]) => [name, watchdogVariantSeams(edit, path.join(root, `watchdog-${name}.sh`))]),
);

console.log(
  `watchdog variants, ${reps} hang runs each (stall=write, mmap-write, timeout 3); out dirs under ${root}`,
);
for (const line of machine()) console.log(`  ${line}`);
const runs = new Map<string, HangRun[]>(variants.map(([name]) => [name, []]));
for (let rep = 1; rep <= reps; rep++) {
  for (const [name] of variants) {
    const run = await measureHang(path.join(root, `${name}-${rep}`), 3, seams.get(name));
    runs.get(name)!.push(run);
    const proof = run.report.proof?.ok ? '' : ` PROOF FAILED: ${run.report.proof?.details.join('; ')}`;
    console.log(`  ${name.padEnd(10)} ${rep}: ${describeHang(run)}  load ${loadAverage()}${proof}`);
  }
}
for (const [name, list] of runs) {
  console.log(`${name}: verdicts ${list.map((r) => r.verdict).join(', ')}`);
  for (const mark of HANG_MARKS)
    console.log(`  deadline -> ${mark.padEnd(15)} ${spread(list.map((r) => r.marks[mark] ?? NaN))}`);
  const gaps = list.map((r) => (r.marks['sample 2 begin'] ?? NaN) - (r.marks['sample 1 begin'] ?? NaN));
  console.log(`  sample 1 begin -> sample 2 begin ${spread(gaps)}`);
}
