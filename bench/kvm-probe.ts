// How long the KVM probe takes on this machine: a figure to read, not a timed test.
// Run: npx tsc -p . && node lib/bench/kvm-probe.js [runs] [timeoutMs]
// Each run clears the probe cache, so every run boots a fresh probe guest (or fails to).

import { clearKvmProbeCache, probeKvm } from '../src/vm/accel.js';

const runs = Number(process.argv[2] ?? 5);
const timeoutMs = Number(process.argv[3] ?? 8_000);
const times: number[] = [];
let last = '';
for (let run = 0; run < runs; run++) {
  clearKvmProbeCache();
  const startedAt = process.hrtime.bigint();
  const result = await probeKvm({ timeoutMs });
  const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
  times.push(ms);
  last = `usable=${result.usable}: ${result.reason}`;
  console.log(`run ${run + 1}: ${ms.toFixed(1)} ms, ${last}`);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
console.log(
  `kvm probe over ${runs} runs: min ${times[0]?.toFixed(1)} ms, median ${median.toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms (bound ${timeoutMs} ms)`,
);
