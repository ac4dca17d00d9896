// Preloaded into a CLI run by bench/time-to-verdict.ts (`node --import`): on exit, writes the
// process's peak resident set (getrusage ru_maxrss, KiB) to $FG_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.FG_BENCH_RSS_FILE;
if (file)
  process.on('exit', () =>
    writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })),
  );
