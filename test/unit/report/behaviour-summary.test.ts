// The job summary (src/report/summary.ts) beyond the hang snapshot: a passing run, a panic, a failed
// build, the bounds on threads, frames and tests, and text that would break markdown. Each expected
// line is what a reader of that run should see, written out here.
import { describe, expect, it } from 'vitest';
import type { GateReport, Thread } from '../../../src/report/model.js';
import { groupStacks, renderSummary } from '../../../src/report/summary.js';
import { hangReport } from './sample-reports.js';

const stuck = (pid: number, frames: string[], over: Partial<Thread> = {}): Thread => ({
  pid,
  tid: pid,
  comm: `w${pid}`,
  state: 'D',
  format: 'linux-proc-stack',
  frames: frames.map((fn) => ({ fn })),
  ...over,
});

function passReport(): GateReport {
  return {
    ...hangReport(),
    verdict: 'pass',
    reason: 'every test passed',
    signature: undefined,
    knownBug: undefined,
    threads: [],
    tests: [
      { name: 'workload/a', status: 'pass', durationMs: 5, iteration: 1 },
      { name: 'workload/b', status: 'skipped', durationMs: 0, iteration: 1 },
      { name: 'workload/c', status: 'pass', durationMs: 7, iteration: 1 },
    ],
  };
}

describe('a passing run', () => {
  it('counts the tests in one line and folds them, with no stacks section', () => {
    const md = renderSummary(passReport());
    expect(md.split('\n')[0]).toMatch(/^## ✅ fusefs-gate: PASS · /);
    expect(md).toContain('**Verdict:** `pass` — every test passed');
    expect(md).toContain(
      'All 3 test(s): 2 passed, 1 skipped.\n\n<details>\n<summary>2 passed, 1 skipped</summary>',
    );
    expect(md).toContain('| workload/b | ⏭️ skipped | 0 ms | 1 |');
    expect(md).not.toContain('### Blocked threads');
    expect(md).not.toContain('**Signature:**');
    expect(md).not.toContain('Infrastructure error');
  });

  it('says so when no test ran', () => {
    expect(renderSummary({ ...passReport(), tests: [] })).toContain('### Tests\n\nNo test ran.');
  });

  it('a hang whose captured threads are all idle says where the stacks are', () => {
    const idle = stuck(5, ['__schedule', 'schedule', 'ep_poll'], { state: 'S' });
    const md = renderSummary({ ...passReport(), verdict: 'hang', threads: [idle, { ...idle, pid: 6 }] });
    expect(md).toContain(
      'None of the 2 captured threads is blocked in the kernel; all stacks are in `stacks.txt`.',
    );
    const linked = renderSummary(
      { ...passReport(), verdict: 'hang', threads: [idle] },
      { stacksFile: 'out-stacks.txt', stacksUrl: 'https://example.invalid/s' },
    );
    expect(linked).toContain('all stacks are in [out-stacks.txt](https://example.invalid/s).');
  });
});

describe('the sections of a failing run', () => {
  it('names the verdict with its badge: fail, panic, error', () => {
    expect(renderSummary({ ...passReport(), verdict: 'fail' }).split('\n')[0]).toMatch(
      /^## ❌ fusefs-gate: FAIL · /,
    );
    expect(renderSummary({ ...passReport(), verdict: 'panic' }).split('\n')[0]).toMatch(
      /^## 💥 fusefs-gate: PANIC · /,
    );
  });

  it('lists failing tests with their status and message, and folds what passed', () => {
    const md = renderSummary({
      ...passReport(),
      verdict: 'fail',
      tests: [
        { name: 'workload/a', status: 'pass', durationMs: 5, iteration: 1 },
        {
          name: 'gtest/Write.x',
          status: 'fail',
          durationMs: 1500,
          iteration: 2,
          message: 'expected 4096\ngot 0',
        },
        { name: 'gtest/Write.y', status: 'panic', durationMs: 125_000, iteration: 2 },
      ],
    });
    expect(md).toContain(
      '| gtest/Write.x | ❌ fail | 1.5 s | 2 |\n| gtest/Write.y | 💥 panic | 2 min 05 s | 2 |',
    );
    expect(md).toContain('\n\n<details>\n<summary>1 passed</summary>');
    expect(md).toContain('**gtest/Write.x** (iteration 2): expected 4096 got 0');
    expect(md).not.toContain('**gtest/Write.y** (iteration');
    expect(md).not.toContain('All 3 test(s)');
  });

  it('lists at most maxTests failing tests and says how many more', () => {
    const tests = Array.from({ length: 5 }, (_, i) => ({
      name: `t${i}`,
      status: 'fail' as const,
      durationMs: 1,
      iteration: 1,
    }));
    const md = renderSummary({ ...passReport(), verdict: 'fail', tests }, { maxTests: 2 });
    expect(md).toContain('| t1 | ❌ fail |');
    expect(md).not.toContain('| t2 |');
    expect(md).toContain('_3 more tests not listed; see the JUnit XML._');
  });

  it('shows the panic text, cut at 60 lines', () => {
    const short = renderSummary({
      ...passReport(),
      verdict: 'panic',
      panicText: 'panic: page fault\ncpuid = 0',
    });
    expect(short).toContain('### Panic\n\n```text\npanic: page fault\ncpuid = 0\n```');
    const long = Array.from({ length: 65 }, (_, i) => `line ${i}`).join('\n');
    const md = renderSummary({ ...passReport(), verdict: 'panic', panicText: long });
    expect(md).toContain('line 59\n... 5 more lines in the serial log\n```');
    expect(md).not.toContain('line 60');
  });

  it('shows a failed build with the last 30 lines of its log', () => {
    const tail = Array.from({ length: 40 }, (_, i) => `cc: error ${i}`).join('\n');
    const md = renderSummary({
      ...passReport(),
      verdict: 'error',
      build: { mode: 'module', why: 'only sys/fs/fuse changed', ok: false, tail },
    });
    expect(md).toContain('- **Build:** `module` **failed** (only sys/fs/fuse changed)');
    expect(md).toContain('```text\ncc: error 10\n');
    expect(md).not.toContain('cc: error 9\n');
    const ok = renderSummary(passReport());
    expect(ok).toContain('- **Build:** `module` ok (only sys/fs/fuse changed)');
    expect(ok).not.toContain('cc: error');
  });

  it("lists a failed build's link errors under it, with the tree's file and line when the linker named one", () => {
    const md = renderSummary({
      ...passReport(),
      verdict: 'fail',
      build: {
        mode: 'kernel',
        why: 'a kernel build',
        ok: false,
        tail: 'make bzImage failed',
        linkErrors: [
          {
            kind: 'undefined',
            symbol: 'fusefs_gate_nowhere',
            file: 'fs/fuse/file.c',
            line: 12,
            message: 'undefined reference to fusefs_gate_nowhere in fuse_foo (fs/fuse/file.o)',
          },
          {
            kind: 'undefined',
            symbol: 'fusefs_gate_nowhere',
            message:
              'undefined symbol fusefs_gate_nowhere in fs/fuse/fuse.ko (modpost: no kernel or module exports it)',
          },
        ],
      },
    });
    expect(md).toContain(
      [
        '- **Build:** `kernel` **failed** (a kernel build)',
        '  - link error: undefined reference to fusefs_gate_nowhere in fuse_foo (fs/fuse/file.o) (`fs/fuse/file.c:12`)',
        '  - link error: undefined symbol fusefs_gate_nowhere in fs/fuse/fuse.ko (modpost: no kernel or module exports it)',
      ].join('\n'),
    );
    const many = renderSummary({
      ...passReport(),
      verdict: 'fail',
      build: {
        mode: 'kernel',
        why: 'x',
        ok: false,
        linkErrors: Array.from({ length: 13 }, (_, i) => ({
          kind: 'undefined' as const,
          symbol: `s${i}`,
          message: `undefined symbol s${i}`,
        })),
      },
    });
    expect(many).toContain('  - link error: undefined symbol s9\n  - ... 3 more in report.json');
    expect(many).not.toContain('undefined symbol s10');
  });

  it('tells proof, image, phases, boot attempts and the stopping iteration', () => {
    const md = renderSummary({
      ...passReport(),
      verdict: 'fail',
      stoppedAtIteration: 3,
      proof: { ok: false, details: ['module not loaded'] },
      image: { description: 'FreeBSD 14.3', sha512: 'ab'.repeat(64), why: 'cached' },
      phases: [
        { phase: 'boot', durationMs: 1_000, outcome: 'ok' },
        { phase: 'tests', durationMs: 2_000, outcome: 'timeout', note: 'a|b' },
      ],
    });
    expect(md).toContain('- **Code under test ran:** ❌ not proven\n  - module not loaded');
    expect(md).toContain('- **Image:** FreeBSD 14.3 SHA-512 `abababababababab`… (cached)');
    expect(md).toContain('| boot | 1.0 s | ok |  |\n| tests | 2.0 s | **timeout** | a\\|b |');
    expect(md).toContain('- **Boot attempts:** 1\n- **Stopped at iteration:** 3');
    expect(md).toContain('- **Run:** 2025-11-24T18:00:00.000Z → 2025-11-24T18:03:43.000Z');
    expect(renderSummary(passReport())).toContain('- **Code under test ran:** ✅ proven');
    expect(renderSummary({ ...passReport(), phases: [] })).not.toContain('### Phases');
  });

  it('labels a Linux guest run, and an artifact without a link by its name', () => {
    const md = renderSummary({ ...passReport(), guest: 'linux' }, { artifact: { name: 'gate-leg2' } });
    expect(md.split('\n')[0]).toBe('## ✅ fusefs-gate: PASS · Linux test guest · `gate-leg2`');
    expect(md).toContain('in the artifact `gate-leg2`.');
    expect(renderSummary(passReport())).toContain(
      '`report.json`, `serial.log`, `stacks.txt`, `junit.xml` in the output folder.',
    );
    expect(renderSummary({ ...passReport(), files: {} })).not.toContain('### Evidence');
  });
});

describe('blocked threads', () => {
  const a = (pid: number) =>
    stuck(pid, ['__schedule', 'schedule', 'io_schedule', 'folio_wait_bit_common', 'filemap_fault']);
  const b = (pid: number) =>
    stuck(pid, ['__schedule', 'schedule', 'mutex_lock', 'fuse_lock_inode', 'fuse_perform_write']);

  it('shows at most maxThreads distinct stacks and points at the file for the rest', () => {
    const threads = [
      b(1),
      a(2),
      stuck(3, ['__schedule', 'schedule', 'rwsem_down_read_slowpath', 'iterate_dir']),
    ];
    const md = renderSummary({ ...passReport(), verdict: 'hang', threads }, { maxThreads: 2 });
    expect(md).toContain('3 blocked threads of 3 captured, in 3 distinct stacks.');
    expect(md).toContain('<summary>1 more distinct stack</summary>');
    expect(md).toContain('_1 more distinct stack in `stacks.txt`._');
    expect(md).not.toContain('iterate_dir\n');
  });

  it('one blocked thread is said in the singular, and its stack is cut at maxFrames', () => {
    const md = renderSummary({ ...passReport(), verdict: 'hang', threads: [b(1)] }, { maxFrames: 3 });
    expect(md).toContain('1 blocked thread of 1 captured, in one stack.');
    expect(md).toContain('```text\n__schedule\nschedule\nmutex_lock\n... 2 more frames\n```');
    expect(md).toContain('<br>`hang in fuse_lock_inode from fuse_perform_write`');
  });

  it('labels a thread with pid, tid, name, thread name, state, wait channel, progress counter and its format', () => {
    const t = stuck(7, ['mi_switch', 'sleepq_wait', 'vm_page_busy_sleep', 'fuse_vnop_write'], {
      tid: 100_007,
      comm: 'mmap-write',
      tdname: 'writer',
      wchan: 'vmopar',
      cpuTicks: 12,
      format: 'freebsd-procstat',
    });
    const md = renderSummary({ ...passReport(), verdict: 'hang', threads: [t] });
    expect(md).toContain(
      '**pid 7 tid 100007 `mmap-write` (`writer`) — state `D`, wchan `vmopar`, progress 12 (CPU 1/100 s + context switches), freebsd-procstat**',
    );
    const same = renderSummary({
      ...passReport(),
      verdict: 'hang',
      threads: [stuck(7, ['fuse_flush'], { comm: '' })],
    });
    expect(same).toContain('**pid 7 `?` — state `D`, linux-proc-stack**');
    // Linux's counter is clock ticks plus finished calls (the watchdog's PROGRESS), FreeBSD's ps's TIME and switches.
    const linux = renderSummary({
      ...passReport(),
      verdict: 'hang',
      threads: [stuck(7, ['fuse_flush'], { cpuTicks: 12 })],
    });
    expect(linux).toContain('12 CPU ticks, linux-proc-stack**');
  });

  it('prints a frame with its offset, size, module and source line', () => {
    const t: Thread = {
      ...b(1),
      frames: [
        { fn: 'fuse_flush', offset: '0x12', size: '0x80', module: 'fuse', file: 'fs/fuse/file.c', line: 490 },
        { fn: 'filp_flush', file: 'fs/open.c' },
      ],
    };
    const md = renderSummary({ ...passReport(), verdict: 'hang', threads: [t] });
    expect(md).toContain('fuse_flush+0x12/0x80 [fuse] (fs/fuse/file.c:490)\nfilp_flush (fs/open.c)\n');
  });

  it('groups one thread seen in both samples once, and says which samples', () => {
    const first = { ...a(4), sample: 1 };
    const second = { ...a(4), sample: 2 };
    const groups = groupStacks([first, second, a(5)]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 2, samples: [1, 2] });
    const md = renderSummary({ ...passReport(), verdict: 'hang', threads: [first, second] });
    expect(md).toContain('(same stack in samples 1 and 2)');
    expect(md).not.toContain('threads share this stack');
    // Threads without pid or tid are told apart by their place.
    const anon = { ...a(0), pid: undefined, tid: undefined };
    expect(groupStacks([anon, { ...anon }])[0]?.count).toBe(2);
  });
});

describe('text that would break markdown', () => {
  it('inline code survives backticks, a fenced block survives fences', () => {
    const md = renderSummary({
      ...passReport(),
      verdict: 'panic',
      signature: '`weird` name',
      panicText: 'before\n```\ninside\n````\nafter',
    });
    expect(md).toContain('**Signature:** `` `weird` name ``');
    expect(md).toContain('`````text\nbefore\n```\ninside\n````\nafter\n`````');
  });

  it('escapes HTML and folds newlines in the reason', () => {
    const md = renderSummary({ ...passReport(), reason: 'a <b> & c\r\nnext' });
    expect(md).toContain('**Verdict:** `pass` — a &lt;b&gt; &amp; c next');
  });
});
