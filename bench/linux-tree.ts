// Bench: a Linux FUSE tree as the target. (1) the first build and boot: a cold build folder, fs/fuse
// built, guest booted, tests run to a verdict; (2) a one-file change: incremental rebuild, load,
// test; (3) the whole bisection of the 16-commit history of the integration test, through the CLI.
// Figures are printed (the section for bench/RESULTS.md), never asserted.
//
//   npx tsc -p . && node lib/bench/linux-tree.js
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runGate } from '../src/gate/run.js';
import { cachedLinuxFuseTree, copyTree, makeBisectHistory, packageDir } from '../test/helpers/linux-tree.js';
import { runProcess } from '../test/helpers/cli.js';
import { benchDir, benchIO, linuxConfig, loadAverage, machine } from './common.js';

const RUN_FLAGS = {
  workloads: 'write-readback',
  'fixture-options': 'direct_io',
  timeout: '10',
  accel: 'tcg',
} as const;

async function timedRun(tree: string, label: string) {
  const out = benchDir(label);
  const config = linuxConfig(out, { ...RUN_FLAGS, 'source-tree': tree, build: 'module' });
  const started = performance.now();
  const report = await runGate(config, benchIO());
  const totalMs = performance.now() - started;
  const build = JSON.parse(readFileSync(path.join(out, '.work', 'module-build.json'), 'utf8')) as {
    durationMs: number;
    changed: string[];
  };
  const phase = (name: string) => report.phases.find((p) => p.phase === name)?.durationMs ?? NaN;
  return {
    verdict: report.verdict,
    totalMs,
    buildMs: build.durationMs,
    changed: build.changed.length,
    bootMs: phase('boot'),
    testsMs: phase('tests'),
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const lines = [...machine()];
  const cached = await cachedLinuxFuseTree();
  const tree = copyTree(cached, 'bench-linux-tree');
  const first = await timedRun(tree, 'bench-lt-first');
  appendFileSync(path.join(tree, 'fs/fuse/dir.c'), '\n/* bench: a one-file change */\n');
  const again = await timedRun(tree, 'bench-lt-incremental');

  const repo = copyTree(cached, 'bench-bisect-repo');
  await makeBisectHistory(repo);
  const out = benchDir('bench-bisect-out');
  const started = performance.now();
  const bisect = await runProcess(
    process.execPath,
    [
      path.join(packageDir, 'dist', 'cli', 'index.js'),
      'bisect',
      '--source-tree',
      repo,
      '--good',
      'good',
      '--bad',
      'bad',
      '--guest',
      'linux',
      '--build',
      'module',
      '--quiet',
      '--out',
      out,
      ...Object.entries(RUN_FLAGS).flatMap(([k, v]) => [`--${k}`, v]),
    ],
    { timeoutMs: 3_600_000, cwd: packageDir },
  );
  const bisectMs = performance.now() - started;
  const summary = JSON.parse(readFileSync(path.join(out, 'bisect', 'bisect.json'), 'utf8')) as {
    builds: number;
    steps: { buildMs: number; totalMs: number; outcome: string; guest?: string }[];
  };
  const firstBad = /^first bad commit: (.*)$/m.exec(bisect.stdout)?.[1] ?? `none (exit ${bisect.code})`;

  lines.push(
    `load average after: ${loadAverage()}`,
    '',
    '| | figure |',
    '| --- | --- |',
    `| first build and boot (cold build folder): run to verdict | **${s(first.totalMs)}** (${first.verdict}; fs/fuse build ${s(first.buildMs)}, ${first.changed} files; boot ${s(first.bootMs)}; tests ${s(first.testsMs)}) |`,
    `| one-file change: rebuild + load + test, run to verdict | **${s(again.totalMs)}** (${again.verdict}; rebuild ${s(again.buildMs)}, ${again.changed} file; boot ${s(again.bootMs)}; tests ${s(again.testsMs)}) |`,
    `| whole bisection, 16 commits (one deadlock, one that does not compile) | **${s(bisectMs)}**, ${summary.builds} builds (${summary.steps.map((st) => st.outcome).join(', ')}); per step ${summary.steps.map((st) => `${s(st.totalMs)} (${st.guest ?? 'no guest'})`).join(', ')} |`,
    '',
    `first bad commit named: ${firstBad}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
