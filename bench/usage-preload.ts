// Preloaded into a CLI run by bench/stacks-stream.ts (`node --import`): on exit, writes the process's
// peak resident set (getrusage ru_maxrss, KiB) and CPU time (µs) to $FG_BENCH_USAGE_FILE. CPU time
// gives a throughput that does not depend on how loaded the shared machine is.
import { writeFileSync } from 'node:fs';

const file = process.env.FG_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime }));
  });
}
