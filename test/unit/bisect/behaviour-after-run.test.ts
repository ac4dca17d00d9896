// bisect-good after the run of HEAD, where no guest has to boot: one commit after the good end and a
// clean working copy, so the run just made is the bad end and the answer; a FreeBSD tree's history;
// and what a step's times are made of (the build done on the host before the boot counts as build).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { bisectAfterRun, planHeadBisection } from '../../../src/bisect/after-run.js';
import { stepTimes } from '../../../src/bisect/step.js';
import { acquireCacheLock } from '../../../src/cache/lock.js';
import { parseConfig } from '../../../src/config/parse.js';
import { guestCacheDir } from '../../../src/image/linux-guest.js';
import type { GateReport } from '../../../src/report/model.js';
import { makeFreebsdTree } from '../../helpers/freebsd-tree.js';
import { partialLinuxTree } from '../../helpers/partial-linux-tree.js';
import { gateReport } from '../../helpers/gate-report.js';

const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@invalid', ...args], {
    encoding: 'utf8',
  }).trim();

/** `tree` as a repository: its files as one commit tagged `good`, then `changes` more commits. */
function history(tree: string, file: string, changes: number): string {
  git(tree, 'init', '-q', '-b', 'main');
  git(tree, 'add', '-A');
  git(tree, 'commit', '-q', '-m', 'import');
  git(tree, 'tag', 'good');
  for (let n = 1; n <= changes; n++) {
    writeFileSync(path.join(tree, file), `/* change ${n} */\n`);
    git(tree, 'add', '-A');
    git(tree, 'commit', '-q', '-m', `change ${n}`);
  }
  return tree;
}

const report = (partial: Partial<GateReport>): GateReport =>
  gateReport({ startedAt: '2026-12-02T08:00:00.000Z', finishedAt: '2026-12-02T08:00:42.500Z', ...partial });

describe('bisect-good on a FreeBSD tree', () => {
  it('the range is the history of source-tree', async () => {
    const tree = makeFreebsdTree(mkdtempSync(path.join(tmpdir(), 'fg-bisect-fbsd-')));
    history(tree, 'sys/fs/fuse/fuse_vnops.c', 2);
    const config = parseConfig(
      {
        guest: 'freebsd',
        'source-tree': tree,
        'bisect-good': 'good',
        'output-dir': mkdtempSync(path.join(tmpdir(), 'fg-bisect-fbsd-out-')),
      },
      { cwd: tree, env: {} },
    );
    const range = await planHeadBisection(config);
    expect(range?.repo).toBe(git(tree, 'rev-parse', '--show-toplevel'));
    expect(range?.commits.map((c) => c.subject)).toEqual(['change 1', 'change 2']);
  });
});

describe('a hang at HEAD, one commit after bisect-good, a clean working copy', () => {
  it('is bisected without another build: the run just made is the bad end, and HEAD is the first bad commit', async () => {
    const tree = partialLinuxTree(mkdtempSync(path.join(tmpdir(), 'fg-bisect-one-')));
    history(tree, 'fs/fuse/file.c', 1);
    const out = mkdtempSync(path.join(tmpdir(), 'fg-bisect-one-out-'));
    const config = parseConfig(
      {
        guest: 'linux',
        'source-tree': tree,
        'bisect-good': 'good',
        'output-dir': out,
        'cache-dir': mkdtempSync(path.join(tmpdir(), 'fg-bisect-one-cache-')),
        'job-timeout': '3600',
        'build-timeout': '1',
      },
      { cwd: tree, env: {} },
    );
    // A step that did build (the bad end not taken from the run just made) would first ask for the
    // test guest: its cache folder is held here, so such a step fails after the 1 s build-timeout
    // instead of building a guest.
    const guestLock = await acquireCacheLock(guestCacheDir(config.cacheDir, 'generic'), { waitMs: 0 });
    onTestFinished(() => guestLock.release());
    const range = await planHeadBisection(config);
    if (!range) throw new Error('expected a range');
    const head = report({
      verdict: 'hang',
      signature: 'hang in fuse_file_write_iter',
      reason: 'workload/write-readback hung',
      tests: [{ name: 'workload/write-readback', status: 'hang', durationMs: 1, iteration: 1 }],
      phases: [
        { phase: 'build', durationMs: 7000, outcome: 'ok' },
        { phase: 'tests', durationMs: 30_000, outcome: 'ok' },
      ],
    });
    const notes: string[] = [];
    const io = {
      note: (line: string) => notes.push(line),
      warn: (line: string) => notes.push(`warn: ${line}`),
      consoleLine: () => undefined,
    } as unknown as Parameters<typeof bisectAfterRun>[3]['io'];
    const steps: number[] = [];
    const result = await bisectAfterRun(head, config, range, {
      io,
      signal: new AbortController().signal,
      elapsedMs: 60_000,
      onStep: (number) => steps.push(number),
    });
    expect(result).toMatchObject({
      kind: 'found',
      firstBad: { sha: git(tree, 'rev-parse', 'HEAD'), subject: 'change 1' },
      badFailure: 'hang: hang in fuse_file_write_iter',
      commitCount: 1,
    });
    if (result.kind !== 'found') return;
    // One step, the run of HEAD itself: its verdict, its folder, its times (42.5 s from start to finish).
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({
      outcome: 'bad',
      verdict: 'hang',
      outDir: out,
      buildMs: 7000,
      testMs: 30_000,
      totalMs: 42_500,
      runs: 1,
    });
    expect(steps).toEqual([1]);
    // The budget: job-timeout less the minute used and the 120 s kept for publishing.
    expect(notes[0]).toBe(
      `fusefs-gate bisect: hang at HEAD; bisecting 1 commit(s) after ${git(tree, 'rev-parse', 'good').slice(0, 12)} within 3420 s`,
    );
  });
});

describe('the times of a step', () => {
  it('build is the build phases and the host module build; test the test phases; runs the last iteration', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'fg-step-times-'));
    const run = report({
      phases: [
        { phase: 'boot', durationMs: 5000, outcome: 'ok' },
        { phase: 'build', durationMs: 1500, outcome: 'ok' },
        { phase: 'tests', durationMs: 2000, outcome: 'ok' },
        { phase: 'build', durationMs: 500, outcome: 'ok' },
        { phase: 'tests', durationMs: 3000, outcome: 'ok' },
      ],
      tests: [
        { name: 'workload/a', status: 'pass', durationMs: 1, iteration: 1 },
        { name: 'workload/a', status: 'pass', durationMs: 1, iteration: 3 },
        { name: 'workload/a', status: 'pass', durationMs: 1, iteration: 2 },
      ],
    });
    expect(stepTimes(run, out, 12_345)).toEqual({ buildMs: 2000, testMs: 5000, totalMs: 12_345, runs: 3 });
    // The Linux tree's module, built on the host before the boot, writes its time to module-build.json.
    mkdirSync(path.join(out, '.work'));
    writeFileSync(path.join(out, '.work', 'module-build.json'), JSON.stringify({ durationMs: 40_000 }));
    expect(stepTimes(run, out, 1).buildMs).toBe(42_000);
    writeFileSync(path.join(out, '.work', 'module-build.json'), JSON.stringify({}));
    expect(stepTimes(run, out, 1).buildMs).toBe(2000);
  });

  it('a run stopped early by repeat counts the runs it had; a run with no tests had none', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'fg-step-times-'));
    expect(stepTimes(report({ stoppedAtIteration: 2 }), out, 0).runs).toBe(2);
    expect(stepTimes(report({}), out, 0)).toEqual({ buildMs: 0, testMs: 0, totalMs: 0, runs: 0 });
  });
});
