// The job summary and JUnit XML at their edges: the counts exactly at a bound, the singular and the
// plural, threads that lack a pid, tid or state, a report without phases, files, image hash or
// accelerator, a bisection that could not decide. Each expected text is what a reader of that run should see, written out here.
import { describe, expect, it } from 'vitest';
import { renderBisectSection } from '../../../src/report/bisect-summary.js';
import { renderJunit } from '../../../src/report/junit.js';
import type { GateReport, TestResult, Thread } from '../../../src/report/model.js';
import { code, formatDuration, groupStacks, renderSummary } from '../../../src/report/summary.js';
import { gateReport } from '../../helpers/gate-report.js';

/** A Linux thread asleep in D in FUSE's request wait (the shape of a real hung-task report). */
const stuck = (over: Partial<Thread> = {}): Thread => ({
  pid: 2000,
  tid: 2000,
  comm: 'mmap-write',
  state: 'D',
  format: 'linux-proc-stack',
  frames: ['__schedule', 'schedule', 'request_wait_answer', 'fuse_simple_request', 'fuse_flush'].map(
    (fn) => ({
      fn,
    }),
  ),
  ...over,
});

const report = (over: Partial<GateReport> = {}): GateReport =>
  gateReport({ reason: 'every test passed', ...over });

/** The lines of one `### NAME` section of a summary, up to the next section. */
function sectionOf(md: string, name: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(`### ${name}`);
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.startsWith('### '));
  const out = lines.slice(start, end < 0 ? undefined : end);
  // The page ends with a newline: the last section's last line is not a line of its own.
  return end < 0 && out.at(-1) === '' ? out.slice(0, -1) : out;
}

const test = (name: string, status: TestResult['status'], over: Partial<TestResult> = {}): TestResult => ({
  name,
  status,
  durationMs: 1500,
  iteration: 1,
  ...over,
});

describe('durations', () => {
  it('an unknown or negative duration is "?"; a minute is said in minutes', () => {
    expect(formatDuration(Number.NaN)).toBe('?');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('?');
    expect(formatDuration(-1)).toBe('?');
    expect(formatDuration(59_949)).toBe('59.9 s');
    expect(formatDuration(60_000)).toBe('1 min 00 s');
  });
});

describe('inline code', () => {
  it('a run of backticks in the text gets a longer fence; a backtick at either end is padded', () => {
    expect(code('a``b')).toBe('```a``b```');
    expect(code('x`')).toBe('`` x` ``');
    expect(code('`x')).toBe('`` `x ``');
    // A line break (CRLF too) is one blank: inline code is one line.
    expect(code('hang in\r\nfuse_flush')).toBe('`hang in fuse_flush`');
  });
});

describe('the tests section', () => {
  it('only passing tests: the count and the folded table, no open table', () => {
    const md = renderSummary(report({ tests: [test('workload/a', 'pass')] }));
    expect(sectionOf(md, 'Tests')).toEqual([
      '### Tests',
      '',
      'All 1 test(s): 1 passed.',
      '',
      '<details>',
      '<summary>1 passed</summary>',
      '',
      '| Test | Status | Duration | Iteration |',
      '| --- | --- | --- | --- |',
      '| workload/a | ✅ pass | 1.5 s | 1 |',
      '',
      '</details>',
      '',
    ]);
  });

  it('only failing tests: the open table and the messages, nothing folded', () => {
    const md = renderSummary(
      report({ verdict: 'fail', tests: [test('workload/a', 'fail', { message: 'exit 1' })] }),
    );
    expect(sectionOf(md, 'Tests')).toEqual([
      '### Tests',
      '',
      '| Test | Status | Duration | Iteration |',
      '| --- | --- | --- | --- |',
      '| workload/a | ❌ fail | 1.5 s | 1 |',
      '',
      '**workload/a** (iteration 1): exit 1',
      '',
    ]);
  });

  it('exactly maxTests of each kind: all listed, no "more" line; one more: the count of the rest', () => {
    const fails = (n: number) => Array.from({ length: n }, (_, i) => test(`workload/f${i}`, 'fail'));
    const passes = (n: number) => Array.from({ length: n }, (_, i) => test(`workload/p${i}`, 'pass'));
    const exact = renderSummary(report({ verdict: 'fail', tests: [...fails(3), ...passes(3)] }), {
      maxTests: 3,
    });
    expect(exact).not.toContain('more tests not listed');
    expect(exact).not.toContain('more not listed');
    const over = renderSummary(report({ verdict: 'fail', tests: [...fails(4), ...passes(4)] }), {
      maxTests: 3,
    });
    expect(over).toContain(
      '| workload/f2 | ❌ fail | 1.5 s | 1 |\n\n_1 more tests not listed; see the JUnit XML._',
    );
    expect(over).toContain(
      '| workload/p2 | ✅ pass | 1.5 s | 1 |\n\n_1 more not listed; see the JUnit XML._',
    );
  });

  it('at most ten failure messages are spelled out', () => {
    const tests = Array.from({ length: 11 }, (_, i) =>
      test(`workload/f${i}`, 'fail', { message: `exit ${i}` }),
    );
    const md = renderSummary(report({ verdict: 'fail', tests }));
    expect(md).toContain('**workload/f9** (iteration 1): exit 9');
    expect(md).not.toContain('**workload/f10**');
  });
});

describe('the blocked threads section', () => {
  it('a pass without blocked threads has none', () => {
    const md = renderSummary(report({ threads: [stuck({ state: 'S', frames: [{ fn: 'ep_poll' }] })] }));
    expect(md).not.toContain('### Blocked threads');
    expect(md.split('\n').filter((l) => l.startsWith('### '))).toEqual(['### Tests', '### Environment']);
  });

  it('without a stacks file name anywhere, the stacks are said to be in stacks.txt', () => {
    const idle = stuck({ state: 'S', frames: [{ fn: 'ep_poll' }] });
    expect(renderSummary(report({ verdict: 'hang', threads: [idle] }))).toContain(
      'None of the 1 captured threads is blocked in the kernel; all stacks are in `stacks.txt`.',
    );
  });

  it('the hung thread (uninterruptible) comes first and stays open, even when captured after the others', () => {
    // Both blocked: the first only in FUSE's interruptible wait, the second in D (pickHungThread's choice).
    const waiting = stuck({ pid: 3000, tid: 3000, comm: 'fuse-waiter', state: 'S' });
    const hung = stuck({
      pid: 3001,
      tid: 3001,
      comm: 'writer',
      frames: [{ fn: 'folio_wait_bit' }, { fn: 'filemap_fault' }],
    });
    const md = renderSummary(report({ verdict: 'hang', threads: [waiting, hung] }));
    const stacks = sectionOf(md, 'Blocked threads');
    expect(stacks[2]).toBe('2 blocked threads of 2 captured, in 2 distinct stacks.');
    expect(stacks[4]).toMatch(/^\*\*pid 3001 `writer`/);
    expect(stacks).toContain('<summary>1 more distinct stack</summary>');
  });

  it('stacks past maxThreads are counted in the singular or the plural, and the folded ones are each set apart', () => {
    const threads = ['a_wait', 'b_wait', 'c_wait'].map((fn, i) =>
      stuck({ pid: 10 + i, tid: 10 + i, frames: [{ fn }, { fn: 'fuse_flush' }] }),
    );
    const two = renderSummary(report({ verdict: 'hang', threads }), { maxThreads: 2 });
    expect(two).toContain('_1 more distinct stack in `stacks.txt`._');
    const one = renderSummary(report({ verdict: 'hang', threads }), { maxThreads: 1 });
    expect(one).toContain('_2 more distinct stacks in `stacks.txt`._');
    const all = sectionOf(
      renderSummary(report({ verdict: 'hang', threads }), { maxThreads: 3 }),
      'Blocked threads',
    );
    const summary = all.indexOf('<summary>2 more distinct stacks</summary>');
    expect(summary).toBeGreaterThan(0);
    // Each folded stack: a blank line, its label, a blank line, its frames.
    expect(all[summary + 1]).toBe('');
    expect(all[summary + 2]).toBe('');
    expect(all[summary + 3]).toMatch(/^\*\*pid 1[12] /);
  });

  it('a thread without pid, tid or state is labelled by its name and format only', () => {
    const bare: Thread = {
      comm: 'fsx',
      format: 'linux-proc-stack',
      frames: [{ fn: 'request_wait_answer' }, { fn: 'fuse_flush' }],
    };
    const md = renderSummary(report({ verdict: 'hang', threads: [bare] }));
    expect(md).toContain('**`fsx` — linux-proc-stack**');
  });

  it('a stack of exactly maxFrames frames is shown whole, with no "more frames" line', () => {
    const md = renderSummary(report({ verdict: 'hang', threads: [stuck()] }), { maxFrames: 5 });
    expect(md).toContain('fuse_flush\n```');
    expect(md).not.toContain('more frames');
  });

  it('a thread seen in one sample only says nothing of samples', () => {
    const md = renderSummary(report({ verdict: 'hang', threads: [stuck({ sample: 1 })] }));
    expect(md).not.toContain('same stack in samples');
  });

  it('threads that share a stack: each distinct thread counts, the same thread in both samples once', () => {
    // Linux hung-task reports give a pid and no tid; FreeBSD procstat gives both, several tids a pid.
    const pidOnly = [1, 2].map((sample) => stuck({ pid: 10, tid: undefined, sample }));
    expect(groupStacks([...pidOnly, stuck({ pid: 11, tid: undefined })]).map((g) => g.count)).toEqual([2]);
    const sameProcess = [100001, 100002].map((tid) => stuck({ pid: 900, tid, format: 'freebsd-procstat' }));
    expect(groupStacks(sameProcess).map((g) => [g.count, g.threads])).toEqual([[2, sameProcess]]);
    const anonymous = [stuck({ pid: undefined, tid: undefined }), stuck({ pid: undefined, tid: undefined })];
    expect(groupStacks(anonymous).map((g) => g.count)).toEqual([2]);
  });

  it('a shared stack lists the pids, at most eight, and says how many more', () => {
    const eight = Array.from({ length: 8 }, (_, i) => stuck({ pid: 20 + i, tid: 20 + i }));
    const md8 = renderSummary(report({ verdict: 'hang', threads: eight }));
    expect(md8).toContain('**8 threads share this stack** (pid 20, 21, 22, 23, 24, 25, 26, 27)');
    const nine = [...eight, stuck({ pid: 28, tid: 28 })];
    expect(renderSummary(report({ verdict: 'hang', threads: nine }))).toContain(
      '(pid 20, 21, 22, 23, 24, 25, 26, 27 and 1 more)',
    );
    // Threads with no pid at all: the count alone, no empty list.
    const anonymous = [stuck({ pid: undefined, tid: undefined }), stuck({ pid: undefined, tid: undefined })];
    const md = renderSummary(report({ verdict: 'hang', threads: anonymous }));
    expect(md).toContain('**2 threads share this stack**');
    expect(md).not.toContain('**2 threads share this stack** (');
    // A pid-less thread beside numbered ones adds no entry to the list.
    const mixed = [stuck({ pid: undefined, tid: undefined }), stuck({ pid: 30, tid: 30 })];
    expect(renderSummary(report({ verdict: 'hang', threads: mixed }))).toContain(
      '**2 threads share this stack** (pid 30)',
    );
  });
});

describe('the blocked threads section, more edges', () => {
  it('a thread with a pid and no tid (a Linux hung-task report) names the pid only', () => {
    const md = renderSummary(report({ verdict: 'hang', threads: [stuck({ tid: undefined })] }));
    expect(md).toContain('**pid 2000 `mmap-write` — state `D`, linux-proc-stack**');
  });

  it('a thread known by its tid alone, seen in both samples, counts once', () => {
    const tidOnly = [1, 2].map((sample) => stuck({ pid: undefined, tid: 100123, sample }));
    expect(groupStacks(tidOnly).map((g) => g.count)).toEqual([1]);
  });

  it('blocked threads are shown for a verdict other than hang too (a fail whose test timed out)', () => {
    const md = renderSummary(report({ verdict: 'fail', threads: [stuck()] }));
    expect(md).toContain('### Blocked threads\n\n1 blocked thread of 1 captured, in one stack.');
  });

  it('a blocked stack with no named frame has no title line', () => {
    // Frames without a symbol (bare addresses) name nothing, so no hang title can be made.
    const md = renderSummary(
      report({ verdict: 'hang', threads: [stuck({ frames: [{ fn: '0xffffffff8108f5e5' }] })] }),
    );
    expect(md).toContain(
      '**pid 2000 `mmap-write` — state `D`, linux-proc-stack**\n\n```text\n0xffffffff8108f5e5\n```',
    );
  });

  it('the folded stacks and the count of the rest are each set apart by a blank line', () => {
    const threads = ['a_wait', 'b_wait', 'c_wait'].map((fn, i) =>
      stuck({ pid: 10 + i, tid: 10 + i, frames: [{ fn }, { fn: 'fuse_flush' }] }),
    );
    const lines = sectionOf(
      renderSummary(report({ verdict: 'hang', threads }), { maxThreads: 2 }),
      'Blocked threads',
    );
    const details = lines.indexOf('<details>');
    expect(lines[details - 1]).toBe('');
    const rest = lines.indexOf('_1 more distinct stack in `stacks.txt`._');
    expect(lines[rest - 1]).toBe('');
  });

  it('threads sharing a stack without any pid: the count and nothing after it', () => {
    const anonymous = [stuck({ pid: undefined, tid: undefined }), stuck({ pid: undefined, tid: undefined })];
    const md = renderSummary(report({ verdict: 'hang', threads: anonymous }));
    expect(md).toMatch(/<br>\*\*2 threads share this stack\*\*\n/);
  });
});

describe('the other sections', () => {
  it('a panic of exactly 60 lines is shown whole; trailing blank lines do not end up in the block', () => {
    const sixty = Array.from({ length: 60 }, (_, i) => `line ${i}`).join('\n');
    const md = renderSummary(report({ verdict: 'panic', panicText: sixty }));
    expect(md).toContain('line 59\n```');
    expect(md).not.toContain('more lines in the serial log');
    const short = renderSummary(report({ verdict: 'panic', panicText: 'panic: page fault\n\n' }));
    expect(short).toContain('```text\npanic: page fault\n```');
  });

  it('no phases, no files: neither section', () => {
    const md = renderSummary(report({ files: { report: '', stacks: undefined } }));
    expect(md).not.toContain('### Phases');
    expect(md).not.toContain('### Evidence');
  });

  it('the evidence names only the files there are', () => {
    const md = renderSummary(report({ files: { report: '/out/report.json', stacks: '', junit: undefined } }));
    expect(sectionOf(md, 'Evidence')).toEqual(['### Evidence', '', '`report.json` in the output folder.']);
  });

  it('the environment says only what is known: no accelerator line without one, an image without its hash', () => {
    const md = renderSummary(report({ image: { description: 'FreeBSD 14.3-RELEASE' } }));
    expect(sectionOf(md, 'Environment')).toEqual([
      '### Environment',
      '',
      '- **Guest:** linux',
      '- **Image:** FreeBSD 14.3-RELEASE',
      '- **Boot attempts:** 1',
    ]);
    const kvm = renderSummary(report({ accelerator: 'kvm' }));
    expect(kvm).toContain('- **Accelerator:** kvm\n');
    const tcg = renderSummary(report({ accelerator: 'tcg', acceleratorNote: 'no /dev/kvm' }));
    expect(tcg).toContain('- **Accelerator:** tcg (no /dev/kvm)\n');
  });

  it("an ok build's log tail is not shown; a failed one's is set apart by blank lines", () => {
    const ok = renderSummary(report({ build: { mode: 'module', why: 'x', ok: true, tail: 'all good' } }));
    expect(ok).not.toContain('all good');
    const failed = renderSummary(
      report({ verdict: 'error', build: { mode: 'module', why: 'x', ok: false, tail: 'make: stopped' } }),
    );
    expect(sectionOf(failed, 'Environment').slice(2)).toEqual([
      '- **Guest:** linux',
      '- **Build:** `module` **failed** (x)',
      '',
      '```text',
      'make: stopped',
      '```',
      '',
      '- **Boot attempts:** 1',
    ]);
  });

  it('exactly ten link errors are all listed, with no "more" line', () => {
    const linkErrors = Array.from({ length: 10 }, (_, i) => ({
      kind: 'undefined' as const,
      symbol: `s${i}`,
      message: `undefined symbol s${i}`,
    }));
    const md = renderSummary(
      report({ verdict: 'fail', build: { mode: 'kernel', why: 'x', ok: false, linkErrors } }),
    );
    expect(md).toContain('  - link error: undefined symbol s9\n');
    expect(md).not.toContain('more in report.json');
  });

  it('the run line needs a start or an end', () => {
    expect(renderSummary(report())).not.toContain('**Run:**');
    expect(renderSummary(report({ startedAt: '2026-12-02T07:00:00.000Z' }))).toContain(
      '- **Run:** 2026-12-02T07:00:00.000Z → ',
    );
  });

  it('a FreeBSD run without a version or an image is labelled FreeBSD', () => {
    expect(renderSummary(report({ guest: 'freebsd' })).split('\n')[0]).toBe(
      '## ✅ fusefs-gate: PASS · FreeBSD',
    );
  });
});

describe('the verdict lines', () => {
  it('an error is marked as the gate’s, set apart; allow-error adds its warning only to an error', () => {
    const lines = renderSummary(report({ verdict: 'error', reason: 'QEMU did not start' }), {
      errorAllowed: true,
    }).split('\n');
    expect(lines.slice(2, 7)).toEqual([
      '**Verdict:** `error` — QEMU did not start',
      '',
      '_Infrastructure error: the gate could not decide. This is not a result about the tree under test._',
      '',
      '**Warning:** this undecided run was let through by `allow-error: true`; the job did not fail, and nothing was checked.',
    ]);
    expect(renderSummary(report(), { errorAllowed: true })).not.toContain('**Warning:**');
  });

  it('the reason is one trimmed line', () => {
    expect(renderSummary(report({ reason: ' every test passed\n' }))).toContain(
      '**Verdict:** `pass` — every test passed\n',
    );
  });
});

describe('JUnit edges', () => {
  const hang = (over: Partial<TestResult> = {}): GateReport =>
    report({ verdict: 'hang', signature: 'hang in fuse_flush', tests: [test('workload/a', 'hang', over)] });

  it("a test's stack head names only what is known of the thread", () => {
    const bare: Thread = { comm: 'fsx', format: 'linux-proc-stack', frames: [{ fn: 'request_wait_answer' }] };
    const xml = renderJunit(hang({ threads: [bare] }));
    expect(xml).toContain('\nfsx\n  request_wait_answer</failure>');
  });

  it("a test's threads are each a stack of their own, set apart by a blank line", () => {
    const one: Thread = { comm: 'a', format: 'linux-proc-stack', frames: [{ fn: 'request_wait_answer' }] };
    const two: Thread = { comm: 'b', format: 'linux-proc-stack', frames: [{ fn: 'folio_wait_bit' }] };
    expect(renderJunit(hang({ threads: [one, two] }))).toContain(
      'a\n  request_wait_answer\n\nb\n  folio_wait_bit',
    );
  });

  it('a test with an empty thread list takes the report’s signature and adds no stack', () => {
    const xml = renderJunit(hang({ threads: [], message: 'no exit' }));
    expect(xml).toContain(
      '<failure message="hang: hang in fuse_flush" type="hang">no exit\n\nsignature: hang in fuse_flush</failure>',
    );
  });

  it('an error no test carries names the first phase that went wrong, not a later one', () => {
    const r = report({
      verdict: 'error',
      reason: 'the guest did not boot',
      phases: [
        { phase: 'build', durationMs: 1000, outcome: 'ok' },
        { phase: 'boot', durationMs: 2000, outcome: 'timeout' },
        { phase: 'tests', durationMs: 0, outcome: 'cancelled' },
      ],
    });
    expect(renderJunit(r)).toContain('<testcase name="boot" classname="fusefs-gate" time="2.000">');
  });

  it('an error before any phase is filed under start, with no time', () => {
    expect(renderJunit(report({ verdict: 'error', reason: 'bad config' }))).toContain(
      '<testcase name="start" classname="fusefs-gate" time="0.000">',
    );
  });

  it("the gate's error case is in the last test's iteration", () => {
    const r = report({
      verdict: 'error',
      reason: 'the guest stopped answering',
      tests: [1, 2, 3].map((iteration) => test('workload/a', 'pass', { iteration })),
      phases: [{ phase: 'tests', durationMs: 1, outcome: 'failed' }],
    });
    expect(renderJunit(r)).toContain('<testcase name="tests [iteration 3]" classname="fusefs-gate"');
  });
});

describe('the bisection section at its edges', () => {
  const GOOD = '1111111111111111111111111111111111111111';
  const noLinks = () => undefined;

  it('a bisection that failed to run: undecided, and the verdict stays HEAD’s', () => {
    expect(renderBisectSection({ kind: 'failed', why: 'git bisect could not start' }, noLinks)).toEqual([
      '### Bisection: undecided',
      '',
      "**Undecided:** git bisect could not start. The job's verdict is HEAD's.",
    ]);
  });

  it('cancelled before any step, without candidates: the default reason, the count, no table', () => {
    const section = renderBisectSection(
      { kind: 'cancelled', good: GOOD, commitCount: 3, candidates: [], steps: [], durationMs: 0 },
      noLinks,
    );
    expect(section).toEqual([
      '### Bisection: undecided',
      '',
      "**Undecided:** no first bad commit was found. The job's verdict is HEAD's.",
      '',
      '0 step(s) for 3 commit(s) after `111111111111`, in 0 ms.',
    ]);
  });

  it('at most twenty candidates are listed, the rest counted; a skipped step says so', () => {
    const candidates = Array.from({ length: 22 }, (_, i) => ({
      sha: `${String(i).padStart(2, '0')}${'a'.repeat(38)}`,
      subject: `fuse: change ${i}`,
    }));
    const step = {
      commit: candidates[0]!.sha,
      subject: 'fuse: change 0',
      outcome: 'skip' as const,
      why: 'the tree did not build',
      verdict: 'error',
      buildMs: 2000,
      testMs: 0,
      runs: 0,
    };
    const section = renderBisectSection(
      {
        kind: 'undecided',
        good: GOOD,
        commitCount: 22,
        undecided: 'every commit left was skipped',
        candidates,
        steps: [step],
        durationMs: 2000,
      },
      noLinks,
    );
    expect(section.filter((l) => l.startsWith('- '))).toHaveLength(21);
    expect(section).toContain('- `19aaaaaaaaaa` fuse: change 19');
    expect(section).not.toContain('- `20aaaaaaaaaa` fuse: change 20');
    expect(section).toContain('- _2 more in bisect.json_');
    expect(section.at(-1)).toBe(
      '| 1 | `00aaaaaaaaaa` | fuse: change 0 | ⏭️ skip | the tree did not build | 2.0 s | 0 ms | 0 |',
    );
  });

  it('exactly twenty candidates: all listed, no "more" line', () => {
    const candidates = Array.from({ length: 20 }, (_, i) => ({
      sha: `${i}`.padEnd(40, 'b'),
      subject: `s${i}`,
    }));
    const section = renderBisectSection(
      { kind: 'undecided', good: GOOD, commitCount: 20, candidates, steps: [], durationMs: 1 },
      noLinks,
    );
    expect(section.filter((l) => l.startsWith('- '))).toHaveLength(20);
    expect(section.join('\n')).not.toContain('more in bisect.json');
  });
});
