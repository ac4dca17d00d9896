// One hang run, timed from the watchdog's deadline: the host time of the test's `start` marker plus
// the timeout. Marks: the guest's deadline marker, the end of each stack sample, the watchdog's
// `stuck`, runGate resolving (the verdict) and QEMU gone (vm.exited).

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { planGuest } from '../src/gate/boot.js';
import { runGate, type GateSeams } from '../src/gate/run.js';
import { LinuxGuest } from '../src/guest/linux.js';
import { readLinuxGuest } from '../src/image/linux-guest.js';
import type { GateReport } from '../src/report/model.js';
import { benchIO, linuxConfig, repoRoot } from './common.js';

export const HANG_MARKS = [
  'deadline marker',
  'sample 1 end',
  'sample 2 end',
  'stuck marker',
  'verdict',
  'QEMU gone',
] as const;

export interface HangRun {
  verdict: string;
  reason: string;
  bootAttempts: number;
  /** Milliseconds after the deadline, by mark. */
  marks: Record<string, number>;
  report: GateReport;
}

const PATTERNS: [string, RegExp][] = [
  ['start', /@@fg:\w+:test:t\d+:start@@/],
  ['deadline marker', /@@fg:\w+:test:t\d+:deadline:\d+@@/],
  ['sample 1 begin', /@@fg:\w+:sample:1:begin@@/],
  ['sample 1 end', /@@fg:\w+:sample:1:end@@/],
  ['sample 2 begin', /@@fg:\w+:sample:2:begin@@/],
  ['sample 2 end', /@@fg:\w+:sample:2:end@@/],
  ['stuck marker', /@@fg:\w+:test:t\d+:(stuck|late-exit):/],
];

export async function measureHang(
  outDir: string,
  timeoutSec = 3,
  seams: GateSeams = {},
  onLine?: (line: string, at: number) => void,
): Promise<HangRun> {
  const config = linuxConfig(outDir, {
    timeout: String(timeoutSec),
    fault: 'stall=write',
    workloads: 'mmap-write',
  });
  const at: Record<string, number> = {};
  const mark = (name: string, time = performance.now()) => {
    if (!(name in at)) at[name] = time;
  };
  const io = benchIO((line, time) => {
    for (const [name, pattern] of PATTERNS) if (pattern.test(line)) mark(name, time);
    onLine?.(line, time);
  });
  // QEMU gone: the exit of the last VM (a boot retry starts a second one), timed as it happens.
  const exitTimes: number[] = [];
  const exits: Promise<void>[] = [];
  const onVm = io.onVm!;
  io.onVm = (vm) => {
    onVm(vm);
    const index = exitTimes.push(NaN) - 1;
    exits.push(
      vm.exited.then(() => {
        exitTimes[index] = performance.now();
      }),
    );
  };
  const report = await runGate(config, io, seams);
  mark('verdict');
  await Promise.all(exits);
  if (exitTimes.length) mark('QEMU gone', exitTimes.at(-1));
  const deadline = (at.start ?? NaN) + timeoutSec * 1000;
  const marks: Record<string, number> = {};
  for (const [name, time] of Object.entries(at)) marks[name] = time - deadline;
  return { verdict: report.verdict, reason: report.reason, bootAttempts: report.bootAttempts, marks, report };
}

export function describeHang(run: HangRun): string {
  const after = Object.entries(run.marks)
    .filter(([name]) => name !== 'start')
    .sort((a, b) => a[1] - b[1])
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)}`)
    .join(', ');
  const tail = run.report.phases
    .filter((p) => ['collect', 'teardown', 'backstop'].includes(p.phase))
    .map((p) => `${p.phase} ${p.durationMs} ms`)
    .join(', ');
  return `${run.verdict}${run.bootAttempts > 1 ? ` (boot attempts ${run.bootAttempts})` : ''}; s after the deadline: ${after}; ${tail}`;
}

/**
 * An experiment, not the product: seams that put a changed watchdog.sh on the payload disk (the
 * payload is unpacked over /gate, so it replaces /gate/bin/watchdog.sh) and tell the adapter its
 * hash, so the proof of what runs still holds. `edit` turns the repo's guest/watchdog.sh into the variant.
 */
export function watchdogVariantSeams(edit: (script: string) => string, workFile: string): GateSeams {
  const original = readFileSync(path.join(repoRoot, 'guest', 'watchdog.sh'), 'utf8');
  const variant = edit(original);
  writeFileSync(workFile, variant, { mode: 0o755 });
  const sha = createHash('sha256').update(variant).digest('hex');
  return {
    planGuest: async (config, io) => {
      const plan = await planGuest(config, io);
      const image = readLinuxGuest(plan.imageInfo.path!);
      return {
        ...plan,
        adapter: new LinuxGuest({ ...image, programs: { ...image.programs, 'watchdog.sh': sha } }),
        payload: [...plan.payload, { hostPath: workFile, guestPath: 'bin/watchdog.sh' }],
      };
    },
  };
}

/** `text` with `from` replaced by `to`; throws when `from` is not there exactly once. */
export function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0 || text.indexOf(from, first + 1) >= 0)
    throw new Error(`watchdog variant: expected exactly one ${JSON.stringify(from.slice(0, 60))}`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}
