// Experiment: the Linux test guest's boot under multi-threaded TCG (QEMU's default for x86 on an
// x86 host: one host thread per vCPU) against `-accel tcg,thread=single` (one host thread runs every
// vCPU in turn), using the floor (bench/floor.ts). Prints the floor's wall time for each and counts
// guest kernel oopses: under MTTCG the guest has been seen to die during boot with
// "Oops: int3" in code the kernel was live-patching (run_timer_softirq, sched_clock_cpu).
//
// Run: npx tsc -p . && node lib/bench/tcg-threads.js [REPS=6]

import path from 'node:path';
import { readLinuxGuest } from '../src/image/linux-guest.js';
import { benchDir, linuxConfig, loadAverage, machine, spread } from './common.js';
import { makeFloorMedia, runFloor, type FloorRun } from './floor.js';

const reps = Number(process.argv[2] ?? 6);
const root = benchDir('tcgthreads');
const config = linuxConfig(path.join(root, 'config'), {});
const image = readLinuxGuest(path.join(config.cacheDir, 'linux-guest', 'current'));
const media = makeFloorMedia(image, path.join(root, 'floor'), config.workloads, config.fixtureOptions);
console.log(
  `floor boots, ${reps} each: -accel tcg (MTTCG) vs -accel tcg,thread=single; -smp ${config.cpus} -m ${config.memoryMiB}M`,
);
for (const line of machine()) console.log(`  ${line}`);
const accels = ['tcg', 'tcg,thread=single'];
const runs = new Map<string, FloorRun[]>(accels.map((a) => [a, []]));
for (let rep = 1; rep <= reps; rep++) {
  for (const accel of accels) {
    const run = await runFloor(media, {
      cpus: config.cpus,
      memoryMiB: config.memoryMiB,
      timeoutMs: 120_000,
      accel,
    });
    runs.get(accel)!.push(run);
    const ok =
      run.exitCode === 0 &&
      run.statuses.length === config.workloads.length &&
      run.statuses.every(([, s]) => s === 0);
    const oops = /Oops: .*/.exec(run.output)?.[0];
    console.log(
      `  ${accel.padEnd(18)} ${rep}: ${(run.wallMs / 1000).toFixed(2)} s (banner ${(run.bannerMs / 1000).toFixed(2)}, init ${(run.initMs / 1000).toFixed(2)}, done ${(run.doneMs / 1000).toFixed(2)}) ${ok ? 'ok' : 'NOT OK'}${oops ? ` ${oops}` : ''}  load ${loadAverage()}`,
    );
  }
}
for (const [accel, list] of runs) {
  const oopses = list.filter((r) => /Oops: /.test(r.output)).length;
  console.log(
    `${accel}: wall ${spread(list.map((r) => r.wallMs))}; spawn -> init ${spread(list.map((r) => r.initMs))}; init -> done ${spread(list.map((r) => r.doneMs - r.initMs))}; oopses ${oopses}/${list.length}`,
  );
}
