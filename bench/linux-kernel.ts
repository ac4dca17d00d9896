// Bench: build kernel on the Linux guest. (1) the first build and boot: a copy of the whole tree at a
// new path (so a cold build folder) and an emptied ccache, kernel built with the gate's fragment,
// booted, tests run to a verdict; (2) the same tree again, unchanged (make finds nothing to do);
// (3) a one-file change in fs/fuse: incremental rebuild + boot + test. Figures are printed (the
// section for bench/RESULTS.md), never asserted.
//
//   npx tsc -p . && node lib/bench/linux-kernel.js
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runGate } from '../src/gate/run.js';
import { kernelBuildDir } from '../src/linux-tree/kernel-build.js';
import { cachedWholeLinuxTree, copyTree, gateCacheRoot } from '../test/helpers/linux-tree.js';
import { benchDir, benchIO, linuxConfig, loadAverage, machine } from './common.js';

const RUN_FLAGS = {
  workloads: 'write-readback',
  'fixture-options': 'direct_io',
  timeout: '10',
  accel: 'tcg',
} as const;

async function timedRun(tree: string, label: string) {
  const out = benchDir(label);
  const config = linuxConfig(out, { ...RUN_FLAGS, 'source-tree': tree, build: 'kernel' });
  const started = performance.now();
  const report = await runGate(config, benchIO());
  const totalMs = performance.now() - started;
  const build = JSON.parse(readFileSync(path.join(out, '.work', 'kernel-build.json'), 'utf8')) as {
    durationMs: number;
    configured: boolean;
    ccache: boolean;
  };
  const phase = (name: string) => report.phases.find((p) => p.phase === name)?.durationMs ?? NaN;
  return {
    verdict: report.verdict,
    proof: report.proof?.ok === true,
    totalMs,
    buildMs: build.durationMs,
    configured: build.configured,
    ccache: build.ccache,
    bootMs: phase('boot'),
    testsMs: phase('tests'),
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const row = (label: string, r: Awaited<ReturnType<typeof timedRun>>) =>
  `| ${label} | **${s(r.totalMs)}** (${r.verdict}, proof ${r.proof ? 'ok' : 'NOT ok'}; kernel build ${s(r.buildMs)}${r.configured ? ', config step' : ''}${r.ccache ? ', ccache' : ''}; boot ${s(r.bootMs)}; tests ${s(r.testsMs)}) |`;

async function main(): Promise<void> {
  const lines = [...machine()];
  const tree = copyTree(await cachedWholeLinuxTree(), 'bench-linux-kernel');
  // Cold: the copy's path is new (a new build folder) and ccache starts empty (its own folder).
  process.env.CCACHE_DIR = path.join(path.dirname(tree), 'ccache');
  const first = await timedRun(tree, 'bench-lk-first');
  const same = await timedRun(tree, 'bench-lk-unchanged');
  appendFileSync(path.join(tree, 'fs/fuse/dir.c'), '\n/* bench: a one-file change */\n');
  const again = await timedRun(tree, 'bench-lk-incremental');
  lines.push(
    `load average after: ${loadAverage()}`,
    '',
    '| | figure |',
    '| --- | --- |',
    row('first build and boot (cold build folder, empty ccache): run to verdict', first),
    row('same tree again, nothing changed: run to verdict', same),
    row('one-file change (fs/fuse/dir.c): rebuild + boot + test, run to verdict', again),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  rmSync(kernelBuildDir(gateCacheRoot(), tree), { recursive: true, force: true });
  rmSync(path.dirname(tree), { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
