// What a bisection decides, from what a user is promised: skips cost a build each but do not use up
// the search (git bisect skip), a hard --bisect-max-builds is never exceeded, the time budget is asked
// before every step, the answer is always inside the range still open, and a run is bisected only
// when its verdict is hang or panic and job-timeout leaves time beyond what publishing needs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bisectAfterRun,
  bisectionBudgetMs,
  checkoutHint,
  PUBLISH_MARGIN_MS,
  whyNoBisection,
} from '../../../src/bisect/after-run.js';
import { bisect, defaultMaxBuilds, type StepResult } from '../../../src/bisect/engine.js';
import { resolveRange } from '../../../src/bisect/range.js';
import { classifyStep, failureKey, isCompileFailure } from '../../../src/bisect/step.js';
import { BadInputError } from '../../../src/config/errors.js';
import type { GateConfig } from '../../../src/config/types.js';
import type { GateReport } from '../../../src/report/model.js';
import { gateReport } from '../../helpers/gate-report.js';

/**
 * A history whose first bad commit is `firstBad`; `skip(index, asked)` says which commits do not
 * build (asked: the commits tested before this one, bad end first).
 */
function history(firstBad: number, skip: (index: number, asked: number[]) => boolean = () => false) {
  const asked: number[] = [];
  const test = async (index: number): Promise<StepResult> => {
    const skipped = skip(index, [...asked]);
    asked.push(index);
    if (skipped) return { outcome: 'skip', why: 'does not compile' };
    return index >= firstBad ? { outcome: 'bad', why: 'hang: hang in f' } : { outcome: 'good', why: 'pass' };
  };
  return { asked, test };
}

const always = () => true;

describe('the search', () => {
  it('a single commit after the good end is the answer once it fails like the bad end', async () => {
    const h = history(0);
    const trace = await bisect(1, h.test, { maxBuilds: defaultMaxBuilds(1), timeLeft: always });
    expect(trace.end).toEqual({ kind: 'found', index: 0 });
    expect(h.asked).toEqual([0]);
    expect(trace.tested).toEqual([{ index: 0, result: { outcome: 'bad', why: 'hang: hang in f' } }]);
  });

  it('halves: 1000 commits take the bad end and at most ceil(log2 1000) = 10 more tests, whatever the answer', async () => {
    for (const firstBad of [0, 1, 2, 333, 499, 500, 501, 998, 999]) {
      const h = history(firstBad);
      const trace = await bisect(1000, h.test, { maxBuilds: defaultMaxBuilds(1000), timeLeft: always });
      expect(trace.end, `first bad ${firstBad}`).toEqual({ kind: 'found', index: firstBad });
      expect(h.asked.length, `first bad ${firstBad}`).toBeLessThanOrEqual(11);
      // No commit is built twice.
      expect(new Set(h.asked).size).toBe(h.asked.length);
    }
  });

  it('the first step after the bad end is the middle of the range', async () => {
    const h = history(3);
    await bisect(9, h.test, { maxBuilds: defaultMaxBuilds(9), timeLeft: always });
    // 9 commits, the last the bad end: 9 possible answers (0..8); testing 3 or 4 leaves at most 5.
    expect(h.asked[0]).toBe(8);
    expect([3, 4]).toContain(h.asked[1]);
  });

  it('every step is recorded in test order with its result', async () => {
    const h = history(2, (index) => index === 1);
    const trace = await bisect(4, h.test, { maxBuilds: 10, timeLeft: always });
    expect(trace.tested.map((t) => t.index)).toEqual(h.asked);
    expect(trace.tested.find((t) => t.index === 1)?.result).toEqual({
      outcome: 'skip',
      why: 'does not compile',
    });
  });

  it('a skip costs one build more than the bound, not one step of the search', async () => {
    // The bound for 16 is ceil(log2 16) + 2 = 6: the bad end, four halvings and one spare. Every commit
    // asked first after the bad end, and the one after it, does not build: two skips, two more builds.
    for (let firstBad = 0; firstBad < 16; firstBad++) {
      const h = history(firstBad, (_index, asked) => asked.length === 1 || asked.length === 2);
      const trace = await bisect(16, h.test, { maxBuilds: 5, timeLeft: always });
      const skipped = h.asked.slice(1, 3);
      if (skipped.includes(firstBad) || skipped.includes(firstBad - 1)) continue;
      expect(trace.end, `first bad ${firstBad}`).toEqual({ kind: 'found', index: firstBad });
    }
  });

  it('a hard limit is never passed, skips or not, and the answer is then the range still open', async () => {
    for (let firstBad = 0; firstBad < 16; firstBad++) {
      const h = history(firstBad, (_index, asked) => asked.length === 1);
      const trace = await bisect(16, h.test, { maxBuilds: 3, hardMaxBuilds: 3, timeLeft: always });
      expect(h.asked.length).toBeLessThanOrEqual(3);
      expect(trace.end).toMatchObject({ kind: 'undecided', why: 'the build limit (3) was reached' });
      if (trace.end.kind !== 'undecided') continue;
      expect(trace.end.candidates).toContain(firstBad);
      // The open range: after the last good commit tested, up to the first bad one tested.
      const goods = h.asked.filter((i) => i < firstBad && i !== h.asked[1]);
      const bads = h.asked.filter((i) => i >= firstBad && i !== h.asked[1]);
      const from = Math.max(-1, ...goods) + 1;
      const to = Math.min(...bads);
      expect(trace.end.candidates).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
    }
  });

  it('without a hard limit, the soft bound names its own figure (raised by the skips)', async () => {
    const h = history(9, (_index, asked) => asked.length === 1);
    const trace = await bisect(16, h.test, { maxBuilds: 2, timeLeft: always });
    expect(trace.end).toMatchObject({ kind: 'undecided', why: 'the build limit (3) was reached' });
    expect(h.asked.length).toBe(3);
  });

  it('the time budget is asked before each step: two steps of time, two steps after the bad end', async () => {
    let left = 2;
    const h = history(11);
    const trace = await bisect(16, h.test, { maxBuilds: 100, timeLeft: () => left-- > 0 });
    expect(h.asked.length).toBe(3);
    expect(trace.end).toMatchObject({ kind: 'undecided', why: 'the time budget ran out' });
    if (trace.end.kind === 'undecided') {
      expect(trace.end.candidates).toContain(11);
      expect(trace.end.candidates.length).toBeLessThanOrEqual(4);
    }
  });

  it('when every commit that could be the answer was skipped, they are all named, and only they', async () => {
    // 0 good, 1 and 2 do not build, 3 bad (the bad end is 4): the first bad one is 1, 2 or 3.
    const h = history(3, (index) => index === 1 || index === 2);
    const trace = await bisect(5, h.test, { maxBuilds: 100, timeLeft: always });
    expect(trace.end).toEqual({
      kind: 'undecided',
      why: 'every commit that could be the first bad one was skipped',
      candidates: [1, 2, 3],
    });
  });

  it('a bad end that does not fail the way a bad end must is reported with its own why', async () => {
    const trace = await bisect(8, async () => ({ outcome: 'skip', why: 'does not compile: x.c:1: error' }), {
      maxBuilds: 5,
      timeLeft: always,
    });
    expect(trace.end).toEqual({
      kind: 'undecided',
      why: 'the bad end is not bad: does not compile: x.c:1: error',
      candidates: [],
    });
    expect(trace.tested).toHaveLength(1);
  });

  it('the default bound of no commits is that of one', () => {
    expect(defaultMaxBuilds(0)).toBe(2);
    expect(defaultMaxBuilds(2)).toBe(3);
    expect(defaultMaxBuilds(1000)).toBe(12);
  });
});

const report = (partial: Partial<GateReport>): GateReport =>
  gateReport({ startedAt: '2026-12-02T08:00:00.000Z', finishedAt: '2026-12-02T08:10:00.000Z', ...partial });

describe('what one step means', () => {
  it('a failure without a signature is told apart by the test that failed with that verdict', () => {
    const failing = (name: string) =>
      report({
        verdict: 'hang',
        tests: [
          { name: 'workload/read', status: 'pass', durationMs: 1, iteration: 1 },
          { name, status: 'hang', durationMs: 1, iteration: 1 },
        ],
      });
    expect(failureKey(failing('workload/write-readback'))).toBe('hang: workload/write-readback');
    const key = failureKey(failing('workload/write-readback'));
    expect(classifyStep(failing('workload/write-readback'), key)).toEqual({
      outcome: 'bad',
      why: 'hang: workload/write-readback',
    });
    expect(classifyStep(failing('workload/mmap'), key).outcome).toBe('skip');
    expect(failureKey(report({ verdict: 'panic' }))).toBe('panic: ');
  });

  it('a build that failed without compiler or link errors is no compile failure: the run decides', () => {
    const failedBuild = report({
      verdict: 'fail',
      reason: 'the build ran out of time',
      build: { mode: 'module', why: '', ok: false, compilerErrors: [], linkErrors: [] },
    });
    expect(isCompileFailure(failedBuild)).toBe(false);
    expect(classifyStep(failedBuild, 'hang: x')).toMatchObject({
      outcome: 'skip',
      why: expect.stringContaining('fails differently'),
    });
    // A build that succeeded is never a compile failure, whatever it logged.
    const built = report({
      build: { mode: 'module', why: '', ok: true, compilerErrors: [{ file: 'a.c', line: 1, message: 'x' }] },
    });
    expect(isCompileFailure(built)).toBe(false);
    expect(classifyStep(built, 'hang: x')).toEqual({ outcome: 'good', why: 'pass: r' });
    // Link errors alone make it one.
    const unlinked = report({
      verdict: 'fail',
      build: {
        mode: 'kernel',
        why: '',
        ok: false,
        linkErrors: [{ kind: 'undefined', symbol: 's', message: 'undefined reference to s' }],
      },
    });
    expect(isCompileFailure(unlinked)).toBe(true);
  });

  it('the bad end decides what bad is: its own failure, whatever it is, is bad; an error is not', () => {
    const panic = report({ verdict: 'panic', signature: 'panic: page fault in fuse_vnop_write' });
    expect(classifyStep(panic, undefined)).toEqual({
      outcome: 'bad',
      why: 'panic: panic: page fault in fuse_vnop_write',
    });
    expect(classifyStep(report({ verdict: 'error', reason: 'boot failed' }), undefined)).toEqual({
      outcome: 'skip',
      why: 'undecided (error): boot failed',
    });
    expect(classifyStep(report({ reason: 'all 3 tests passed' }), undefined)).toEqual({
      outcome: 'good',
      why: 'pass: all 3 tests passed',
    });
    expect(classifyStep(report({ verdict: 'hang', signature: 's' }), 'hang: t')).toEqual({
      outcome: 'skip',
      why: 'fails differently (hang: s), not like the bad end (hang: t)',
    });
  });
});

describe('when a run is bisected', () => {
  it('only a hang or a panic is bisected', () => {
    expect(whyNoBisection(report({ verdict: 'hang' }), 1)).toBeUndefined();
    expect(whyNoBisection(report({ verdict: 'panic' }), 1)).toBeUndefined();
    for (const verdict of ['pass', 'fail', 'error'] as const)
      expect(whyNoBisection(report({ verdict }), 60_000)).toBe(
        `the verdict is ${verdict}; a bisection runs on hang or panic`,
      );
  });

  it('the budget is job-timeout less the time used and the publishing margin; none left, no bisection', () => {
    expect(PUBLISH_MARGIN_MS).toBe(120_000);
    expect(bisectionBudgetMs(3600, 600_000)).toBe(3_600_000 - 600_000 - 120_000);
    expect(bisectionBudgetMs(100, 0)).toBe(-20_000);
    expect(whyNoBisection(report({ verdict: 'hang' }), 0)).toBe(
      'no time left: job-timeout leaves less than the 120 s kept for publishing',
    );
    expect(whyNoBisection(report({ verdict: 'hang' }), -5)).toContain('no time left');
  });

  it('a run not to bisect returns why, and says nothing', async () => {
    const notes: string[] = [];
    const io = { note: (line: string) => notes.push(line) } as unknown as Parameters<
      typeof bisectAfterRun
    >[3]['io'];
    const config = { jobTimeoutSec: 3600 } as GateConfig;
    const range = { repo: '/nonexistent', good: 'a'.repeat(40), bad: 'b'.repeat(40), commits: [] };
    const signal = new AbortController().signal;
    expect(
      await bisectAfterRun(report({ verdict: 'fail' }), config, range, { io, signal, elapsedMs: 0 }),
    ).toEqual({
      kind: 'not-run',
      why: 'the verdict is fail; a bisection runs on hang or panic',
    });
    // 130 s of job-timeout, 10 s used: nothing left beyond the 120 s margin.
    expect(
      await bisectAfterRun(report({ verdict: 'hang' }), { jobTimeoutSec: 130 } as GateConfig, range, {
        io,
        signal,
        elapsedMs: 10_000,
      }),
    ).toEqual({
      kind: 'not-run',
      why: 'no time left: job-timeout leaves less than the 120 s kept for publishing',
    });
    expect(notes).toEqual([]);
  });

  it('what to tell about a ref git does not know: a shallow clone first, then fetching; nothing for a non-ancestor', () => {
    for (const problem of ['unknown', 'not-ancestor'] as const)
      expect(checkoutHint(problem, true)).toContain('fetch-depth: 0');
    expect(checkoutHint('unknown', true)).toContain('shallow clone');
    expect(checkoutHint('unknown', false)).toBe(
      'fetch it first (actions/checkout with fetch-depth: 0 fetches every branch and tag)',
    );
    expect(checkoutHint('not-ancestor', false)).toBeUndefined();
  });
});

const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@invalid', ...args], {
    encoding: 'utf8',
  }).trim();

/** A repository: `good`, then two commits on main, and a side branch off `good`. */
function repository(): string {
  const repo = mkdtempSync(path.join(tmpdir(), 'fg-range-'));
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(repo, 'f'), '0\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  git(repo, 'tag', 'good');
  for (const n of [1, 2]) {
    writeFileSync(path.join(repo, 'f'), `${n}\n`);
    git(repo, 'commit', '-q', '-am', `change ${n}`);
  }
  git(repo, 'checkout', '-q', '-b', 'side', 'good');
  writeFileSync(path.join(repo, 'g'), 'side\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'side');
  git(repo, 'checkout', '-q', 'main');
  return repo;
}

describe('the range, as the CLI names it', () => {
  const repo = repository();
  const asked: [string, boolean][] = [];
  const request = (goodRef: string, badRef: string) => ({
    tree: repo,
    goodRef,
    badRef,
    names: { tree: '--source-tree', good: '--good', bad: '--bad' },
    badLabel: { short: '--bad', full: `--bad ${JSON.stringify(badRef)}` },
    hint: (problem: 'unknown' | 'not-ancestor', shallow: boolean) => {
      asked.push([problem, shallow]);
      return `hint for ${problem}`;
    },
  });
  const problem = async (goodRef: string, badRef: string): Promise<[string, string]> => {
    try {
      await resolveRange(request(goodRef, badRef));
    } catch (error) {
      if (error instanceof BadInputError) return [error.input, error.message];
      throw error;
    }
    throw new Error('expected a BadInputError');
  };

  it('the commits after good up to bad, oldest first, each with its subject', async () => {
    const range = await resolveRange(request('good', 'main'));
    expect(range).toEqual({
      repo,
      good: git(repo, 'rev-parse', 'good'),
      bad: git(repo, 'rev-parse', 'main'),
      commits: [
        { sha: git(repo, 'rev-parse', 'main~1'), subject: 'change 1' },
        { sha: git(repo, 'rev-parse', 'main'), subject: 'change 2' },
      ],
    });
  });

  it('each problem names the input it is about, with the hint the caller gives for it', async () => {
    asked.length = 0;
    expect(await problem('good', 'no-such-ref')).toEqual([
      '--bad',
      `invalid input '--bad': "no-such-ref" names no commit in ${repo}; hint for unknown`,
    ]);
    expect(await problem('no-such-ref', 'main')).toEqual([
      '--good',
      `invalid input '--good': "no-such-ref" names no commit in ${repo}; hint for unknown`,
    ]);
    expect(await problem('side', 'main')).toEqual([
      '--good',
      `invalid input '--good': "side" is not an ancestor of --bad "main"; hint for not-ancestor`,
    ]);
    expect(await problem('main', 'main')).toEqual([
      '--good',
      `invalid input '--good': "main" is the same commit as --bad`,
    ]);
    expect(asked).toEqual([
      ['unknown', false],
      ['unknown', false],
      ['not-ancestor', false],
    ]);
  });

  it('without a hint, or with a hint that has nothing to say, the message ends at the problem', async () => {
    const plain = { ...request('no-such-ref', 'main'), hint: undefined };
    await expect(resolveRange(plain)).rejects.toThrow(
      new BadInputError('--good', `"no-such-ref" names no commit in ${repo}`),
    );
    const silent = { ...request('side', 'main'), hint: () => undefined };
    await expect(resolveRange(silent)).rejects.toThrow(
      new BadInputError('--good', `"side" is not an ancestor of --bad "main"`),
    );
  });

  it('a shallow clone is said to be one', async () => {
    const shallow = path.join(mkdtempSync(path.join(tmpdir(), 'fg-range-shallow-')), 'tree');
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'main', `file://${repo}`, shallow]);
    asked.length = 0;
    await expect(resolveRange({ ...request('good', 'HEAD'), tree: shallow })).rejects.toThrow(BadInputError);
    expect(asked).toEqual([['unknown', true]]);
  });
});
