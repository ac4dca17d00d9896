// The job summary's bisection section, against markdown written by hand from what a reader must
// see: the first bad commit as a link with its subject and the failure, or why it is undecided,
// and one row per step.
import { describe, expect, it } from 'vitest';
import { commitUrlFor } from '../../../src/action/bisect-outputs.js';
import { bisectionBudgetMs, whyNoBisection } from '../../../src/bisect/after-run.js';
import { renderBisectSection } from '../../../src/report/bisect-summary.js';
import type { GateReport } from '../../../src/report/model.js';
import { renderSummary } from '../../../src/report/summary.js';

const GOOD = '1111111111111111111111111111111111111111';
const FIRST = 'aaaaaaaaaaaabbbbbbbbbbbbccccccccccccdddd';
const HEAD = 'eeeeeeeeeeeeffffffffffff0000000000009999';
const MIDDLE = '2222222222223333333333334444444444445555';

const github = commitUrlFor(
  { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'me/linux' },
  undefined,
);

const found = {
  kind: 'found' as const,
  good: GOOD,
  commitCount: 4,
  firstBad: {
    sha: FIRST,
    subject: 'fuse: take the inode lock <early>',
    why: 'hang: hang in fuse_file_write_iter',
  },
  candidates: [],
  durationMs: 125_000,
  steps: [
    {
      commit: HEAD,
      subject: 'fuse: dir: harmless | change',
      outcome: 'bad' as const,
      why: 'hang: hang in fuse_file_write_iter',
      verdict: 'hang',
      buildMs: 12_000,
      testMs: 31_500,
      runs: 1,
    },
    {
      commit: MIDDLE,
      subject: 'fuse: inode: harmless change',
      outcome: 'good' as const,
      why: 'pass: every test passed',
      verdict: 'pass',
      buildMs: 4_000,
      testMs: 8_000,
      runs: 1,
    },
    {
      commit: FIRST,
      subject: 'fuse: take the inode lock <early>',
      outcome: 'bad' as const,
      why: 'hang: hang in fuse_file_write_iter',
      verdict: 'hang',
      buildMs: 3_500,
      testMs: 30_000,
      runs: 1,
    },
  ],
};

describe('the bisection section', () => {
  it('found: the first bad commit linked on GitHub with its subject, the failure, every step', () => {
    expect(renderBisectSection(found, github).join('\n')).toBe(
      [
        '### Bisection: first bad commit found',
        '',
        '**First bad commit:** [`aaaaaaaaaaaabbbbbbbbbbbbccccccccccccdddd`](https://github.com/me/linux/commit/aaaaaaaaaaaabbbbbbbbbbbbccccccccccccdddd) fuse: take the inode lock &lt;early&gt;',
        '',
        '**Failure:** `hang: hang in fuse_file_write_iter`, the same verdict and signature as HEAD.',
        '',
        '3 step(s) for 4 commit(s) after `111111111111`, in 2 min 05 s.',
        '',
        '| Step | Commit | Subject | Outcome | Why | Build | Test | Runs |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| 1 | [`eeeeeeeeeeee`](https://github.com/me/linux/commit/eeeeeeeeeeeeffffffffffff0000000000009999) | fuse: dir: harmless \\| change | ❌ bad | hang: hang in fuse_file_write_iter | 12.0 s | 31.5 s | 1 |',
        '| 2 | [`222222222222`](https://github.com/me/linux/commit/2222222222223333333333334444444444445555) | fuse: inode: harmless change | ✅ good | pass: every test passed | 4.0 s | 8.0 s | 1 |',
        '| 3 | [`aaaaaaaaaaaa`](https://github.com/me/linux/commit/aaaaaaaaaaaabbbbbbbbbbbbccccccccccccdddd) | fuse: take the inode lock &lt;early&gt; | ❌ bad | hang: hang in fuse_file_write_iter | 3.5 s | 30.0 s | 1 |',
      ].join('\n'),
    );
  });

  it('without GITHUB_SERVER_URL and GITHUB_REPOSITORY: plain shas, no links', () => {
    const text = renderBisectSection(found, commitUrlFor({}, undefined)).join('\n');
    expect(text).toContain(
      '**First bad commit:** `aaaaaaaaaaaabbbbbbbbbbbbccccccccccccdddd` fuse: take the inode lock &lt;early&gt;',
    );
    expect(text).toContain('| 2 | `222222222222` | fuse: inode: harmless change |');
    expect(text).not.toContain('](');
  });

  it('undecided: why, the commits it is among, and that the verdict is still HEAD’s', () => {
    const undecided = {
      ...found,
      kind: 'undecided' as const,
      undecided: 'the build limit (2) was reached',
      candidates: [
        { sha: FIRST, subject: 'fuse: take the inode lock' },
        { sha: MIDDLE, subject: 'fuse: inode: harmless change' },
      ],
      steps: found.steps.slice(0, 2),
    };
    delete (undecided as { firstBad?: unknown }).firstBad;
    expect(renderBisectSection(undecided, github).slice(0, 8)).toEqual([
      '### Bisection: undecided',
      '',
      "**Undecided:** the build limit (2) was reached. The job's verdict is HEAD's.",
      '',
      'The first bad commit is one of:',
      '',
      '- [`aaaaaaaaaaaa`](https://github.com/me/linux/commit/aaaaaaaaaaaabbbbbbbbbbbbccccccccccccdddd) fuse: take the inode lock',
      '- [`222222222222`](https://github.com/me/linux/commit/2222222222223333333333334444444444445555) fuse: inode: harmless change',
    ]);
  });

  it('not run: says why in one line', () => {
    expect(
      renderBisectSection(
        { kind: 'not-run', why: 'the verdict is pass; a bisection runs on hang or panic' },
        github,
      ),
    ).toEqual(['### Bisection: not run', '', 'the verdict is pass; a bisection runs on hang or panic.']);
  });

  it('sits right below the verdict, before the tests', () => {
    const report: GateReport = {
      verdict: 'hang',
      reason: 'workload/write-readback did not finish',
      exitCode: 2,
      guest: 'linux',
      tests: [{ name: 'workload/write-readback', status: 'hang', durationMs: 10_000, iteration: 1 }],
      threads: [],
      phases: [],
      bootAttempts: 1,
      startedAt: '2026-12-02T00:00:00.000Z',
      finishedAt: '2026-12-02T00:01:00.000Z',
      files: {},
    };
    const text = renderSummary(report, { afterVerdict: ['### Bisection: not run', '', 'because.'] });
    const verdict = text.indexOf('**Verdict:**');
    const bisection = text.indexOf('### Bisection: not run');
    const tests = text.indexOf('### Tests');
    expect(verdict).toBeGreaterThan(-1);
    expect(bisection).toBeGreaterThan(verdict);
    expect(tests).toBeGreaterThan(bisection);
  });
});

describe('commit links', () => {
  it('GITHUB_REPOSITORY, unless the tree was cloned from another repository on the same server', () => {
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'me/ci' };
    expect(commitUrlFor(env, undefined)(FIRST)).toBe(`https://github.com/me/ci/commit/${FIRST}`);
    expect(commitUrlFor(env, 'https://github.com/freebsd/freebsd-src')(FIRST)).toBe(
      `https://github.com/freebsd/freebsd-src/commit/${FIRST}`,
    );
    expect(commitUrlFor(env, 'https://github.com/freebsd/freebsd-src.git')(FIRST)).toBe(
      `https://github.com/freebsd/freebsd-src/commit/${FIRST}`,
    );
    // A clone from elsewhere (a local path, another host) links to the workflow's repository.
    expect(commitUrlFor(env, '/srv/git/linux')(FIRST)).toBe(`https://github.com/me/ci/commit/${FIRST}`);
    expect(commitUrlFor({ GITHUB_SERVER_URL: 'https://github.com' }, undefined)(FIRST)).toBeUndefined();
    expect(commitUrlFor({ GITHUB_REPOSITORY: 'me/ci' }, undefined)(FIRST)).toBeUndefined();
  });
});

describe('when the action bisects', () => {
  const report = (verdict: GateReport['verdict']) => ({ verdict }) as GateReport;

  it('on hang and panic only, and only with time left after the margin for publishing', () => {
    expect(whyNoBisection(report('hang'), 1)).toBeUndefined();
    expect(whyNoBisection(report('panic'), 1)).toBeUndefined();
    for (const verdict of ['pass', 'fail', 'error'] as const)
      expect(whyNoBisection(report(verdict), 1_000_000)).toBe(
        `the verdict is ${verdict}; a bisection runs on hang or panic`,
      );
    expect(whyNoBisection(report('hang'), 0)).toBe(
      'no time left: job-timeout leaves less than the 120 s kept for publishing',
    );
  });

  it('within what is left of job-timeout minus two minutes', () => {
    // job-timeout 5400 s, 10 minutes spent on HEAD: 80 minutes left, 78 of them for the bisection.
    expect(bisectionBudgetMs(5400, 600_000)).toBe(78 * 60_000);
    expect(bisectionBudgetMs(100, 0)).toBeLessThan(0);
  });
});
