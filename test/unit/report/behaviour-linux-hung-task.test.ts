// Linux hung-task reports and sysrq task dumps, header by header across kernel versions (issue 16:
// tests from the format strings, each cited beside its case).
//
// kernel/hung_task.c check_hung_task() / hung_task_info(): pr_err("INFO: task %s:%d blocked for more
// than %ld seconds.\n", comm, pid, secs), the taint line, the "echo 0 > ..." hint, sched_show_task(t).
// kernel/sched/core.c sched_show_task():
// - 3.x/4.x: "%-15.15s %c" comm and state, on 64-bit " %016lx " the saved pc (pre-4.x), then
//   "%5lu %5d %6d 0x%08lx\n" free stack, pid, ppid, flags;
// - 5.9 (commit 0f03d6805bfc): "task:%-15.15s state:%c" then " stack:%5lu pid:%5d ppid:%6d flags:0x%08lx\n";
// - 6.x: " stack:%-5lu pid:%-5d tgid:%-5d ppid:%-6d flags:0x%08lx\n", 6.14+ with "task_flags:0x%04x" before flags.

import { describe, expect, it } from 'vitest';
import type { Thread } from '../../../src/report/model.js';
import { linuxHungTaskParser, parseHungTaskLines } from '../../../src/report/parsers/linux-hung-task.js';

const parse = (lines: string[]): Thread[] => linuxHungTaskParser.parse(lines.join('\n'));
const fns = (t: Thread | undefined): string[] => (t ? t.frames.map((f) => f.fn) : []);

const X86_TRACE = [
  'Call Trace:',
  ' <TASK>',
  ' __schedule+0x403/0xbc0',
  ' schedule+0x27/0xf0',
  ' request_wait_answer+0x12b/0x210 [fuse]',
  ' fuse_simple_request+0xcd/0x190 [fuse]',
  ' </TASK>',
];
const X86_FRAMES = ['__schedule', 'schedule', 'request_wait_answer', 'fuse_simple_request'];

describe('the hung task header of each kernel era', () => {
  it('3.x: comm and state, the saved pc, free stack, pid, ppid, flags; then raw stack words', () => {
    const threads = parse([
      'INFO: task nfsd:2308 blocked for more than 120 seconds.',
      '      Tainted: P           OX 3.13.0-71-generic #114-Ubuntu',
      '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
      'nfsd            D ffff88043fd13180     0  2308      2 0x00000000',
      ' ffff8804256499a0 0000000000000046 ffff8804282de000 ffff880425649fd8',
      'Call Trace:',
      ' [<ffffffff81729189>] schedule_preempt_disabled+0x29/0x70',
      ' [<ffffffff8172aff5>] __mutex_lock_slowpath+0x135/0x1b0',
      ' [<ffffffff8172b08f>] mutex_lock+0x1f/0x2f',
    ]);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({
      comm: 'nfsd',
      state: 'D',
      pid: 2308,
      tid: 2308,
      format: 'linux-hung-task',
    });
    expect(fns(threads[0])).toEqual(['schedule_preempt_disabled', '__mutex_lock_slowpath', 'mutex_lock']);
  });

  it('4.x before 5.9: no saved pc, the free stack glued to the state letter when wide', () => {
    const threads = parse([
      'INFO: task fusefs-workload:912 blocked for more than 120 seconds.',
      '      Not tainted 4.15.0-20-generic #21-Ubuntu',
      '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
      'fusefs-workloa D23520   912    880 0x00000000',
      ...X86_TRACE,
    ]);
    // sched_show_task prints 15 characters of comm; the INFO line has all of it.
    expect(threads[0]).toMatchObject({
      comm: 'fusefs-workload',
      state: 'D',
      pid: 912,
      tid: 912,
      format: 'linux-hung-task',
    });
    expect(fns(threads[0])).toEqual(X86_FRAMES);
  });

  it('RHEL 6 (2.6.32): one more number before the flags', () => {
    const threads = parse([
      'INFO: task spl_system_task:3209 blocked for more than 120 seconds.',
      'spl_system_ta D ffff88087bb0ae60     0  3209      2    0 0x00000000',
      'Call Trace:',
      ' [<ffffffff81538f86>] __mutex_lock_slowpath+0x96/0x210',
    ]);
    expect(threads[0]).toMatchObject({ comm: 'spl_system_task', pid: 3209, format: 'linux-hung-task' });
  });

  it('5.9+: "task:%-15.15s state:%c stack:%5lu pid:%5d ppid:%6d flags:0x%08lx" with its padding', () => {
    const threads = parse([
      'INFO: task kworker/u8:0:5 blocked for more than 122 seconds.',
      '      Not tainted 5.10.2 #10',
      '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
      'task:kworker/u8:0    state:D stack:    0 pid:    5 ppid:     2 flags:0x00004000',
      'Workqueue: writeback wb_workfn (flush-8:1-fuseblk)',
      ...X86_TRACE,
    ]);
    expect(threads[0]).toMatchObject({
      comm: 'kworker/u8:0',
      state: 'D',
      pid: 5,
      tid: 5,
      format: 'linux-hung-task',
    });
    expect(fns(threads[0])).toEqual(X86_FRAMES);
  });

  it('6.7+: tgid is the process, pid the thread', () => {
    const threads = parse([
      'INFO: task fuse-worker:1235 blocked for more than 241 seconds.',
      'task:fuse-worker     state:D stack:0     pid:1235  tgid:1234  ppid:1      flags:0x00000002',
      ...X86_TRACE,
    ]);
    expect(threads[0]).toMatchObject({
      comm: 'fuse-worker',
      pid: 1234,
      tid: 1235,
      format: 'linux-hung-task',
    });
  });

  it('6.14+: task_flags before flags; the fields read by name', () => {
    const threads = parse([
      'INFO: task syz.0.17:5841 blocked for more than 143 seconds.',
      'task:syz.0.17        state:D stack:26064 pid:5841  tgid:5840  ppid:5802   task_flags:0x400140 flags:0x00004006',
      ...X86_TRACE,
    ]);
    expect(threads[0]).toMatchObject({ comm: 'syz.0.17', state: 'D', pid: 5840, tid: 5841 });
  });

  it('6.x "in I/O wait" variant of the header', () => {
    const threads = parse([
      'INFO: task df:4846 blocked in I/O wait for more than 120 seconds.',
      'task:df              state:D stack:0     pid:4846  tgid:4846  ppid:4790   flags:0x00000004',
      ...X86_TRACE,
    ]);
    expect(threads[0]).toMatchObject({ comm: 'df', pid: 4846, format: 'linux-hung-task' });
  });

  it('a header whose pid or seconds are not numbers is not one', () => {
    for (const header of [
      'INFO: task df:x blocked for more than 120 seconds.',
      'INFO: task df:4846 blocked for more than many seconds.',
      'INFO: task :4846 blocked for more than 120 seconds.',
    ]) {
      const threads = parse([
        header,
        'task:df              state:D stack:0 pid:4846 ppid:1 flags:0x0',
        ...X86_TRACE,
      ]);
      expect(threads[0]?.format, header).toBe('linux-sysrq');
    }
  });

  it('a one-letter comm, and a multi-digit pid and seconds', () => {
    const threads = parse([
      'INFO: task a:48 blocked for more than 12 seconds.',
      'task:a               state:D stack:0 pid:48 ppid:1 flags:0x0',
      ...X86_TRACE,
    ]);
    expect(threads[0]).toMatchObject({ comm: 'a', pid: 48, format: 'linux-hung-task' });
  });
});

describe('the task line (sched_show_task) on its own: sysrq-t / sysrq-w dumps', () => {
  it('tasks of a sysrq dump are linux-sysrq, with the comm as printed', () => {
    const threads = parse([
      'sysrq: Show Blocked State',
      'task:fusefs-workloa  state:D stack:0     pid:912   tgid:912   ppid:880    flags:0x00000000',
      ...X86_TRACE,
      'task:kworker/0:1     state:I stack:0     pid:17    tgid:17    ppid:2      flags:0x00004000',
      'Call Trace:',
      ' <TASK>',
      ' __schedule+0x403/0xbc0',
      ' worker_thread+0x5b/0x3a0',
      ' </TASK>',
    ]);
    expect(threads.map((t) => [t.comm, t.state, t.pid, t.tid, t.format])).toEqual([
      ['fusefs-workloa', 'D', 912, 912, 'linux-sysrq'],
      ['kworker/0:1', 'I', 17, 17, 'linux-sysrq'],
    ]);
    expect(fns(threads[1])).toEqual(['__schedule', 'worker_thread']);
  });

  it('pre-5.9 sysrq dump: every state letter and a comm with a blank', () => {
    const threads = parse([
      'sysrq: Show State',
      'kworker/0:1     I    0    17      2 0x80000000',
      ...X86_TRACE,
      'Xorg wrapper    S    0   700    650 0x00000000',
      ...X86_TRACE,
    ]);
    expect(threads.map((t) => [t.comm, t.state, t.pid, t.format])).toEqual([
      ['kworker/0:1', 'I', 17, 'linux-sysrq'],
      ['Xorg wrapper', 'S', 700, 'linux-sysrq'],
    ]);
  });

  it('a task line whose continuation went to the next line (pr_cont lost to another CPU) still names the task', () => {
    const threads = parse([
      'task:fusefs-workloa  state:D',
      ' stack:0     pid:912   ppid:880    flags:0x00000000',
      ...X86_TRACE,
    ]);
    expect(threads).toHaveLength(1);
    // No pid or tid is known: the thread says so by having none (not a key set to undefined).
    const { frames, ...rest } = threads[0] as Thread;
    expect(rest).toStrictEqual({ comm: 'fusefs-workloa', state: 'D', format: 'linux-sysrq' });
    expect(frames.map((f) => f.fn)).toEqual(X86_FRAMES);
  });

  it('the same task dumped again later by sysrq is no longer the hung-task report', () => {
    const threads = parse([
      'INFO: task fusefs-workload:912 blocked for more than 120 seconds.',
      'task:fusefs-workloa  state:D stack:0     pid:912   tgid:912   ppid:880    flags:0x00000000',
      ...X86_TRACE,
      'sysrq: Show Blocked State',
      'task:fusefs-workloa  state:D stack:0     pid:912   tgid:912   ppid:880    flags:0x00000000',
      ...X86_TRACE,
    ]);
    expect(threads.map((t) => [t.comm, t.format])).toEqual([
      ['fusefs-workload', 'linux-hung-task'],
      ['fusefs-workloa', 'linux-sysrq'],
    ]);
  });

  it("6.16+ debug_show_blocker(): the owner's dump after the hung task's is not the hung task", () => {
    // kernel/hung_task.c debug_show_blocker(): "INFO: task %s:%d is blocked on a mutex likely owned by
    // task %s:%d.\n", then sched_show_task(owner).
    const threads = parse([
      'INFO: task fusefs-workload:912 blocked for more than 120 seconds.',
      'task:fusefs-workloa  state:D stack:0     pid:912   tgid:912   ppid:880    flags:0x00000000',
      ...X86_TRACE,
      'INFO: task fusefs-workload:912 is blocked on a mutex likely owned by task fuse-daemon:901.',
      'task:fuse-daemon     state:S stack:0     pid:901   tgid:901   ppid:880    flags:0x00000000',
      ...X86_TRACE,
    ]);
    expect(threads.map((t) => [t.comm, t.pid, t.format])).toEqual([
      ['fusefs-workload', 912, 'linux-hung-task'],
      ['fuse-daemon', 901, 'linux-sysrq'],
    ]);
  });

  it("another CPU's task line between the INFO line and the hung task's own keeps the hung task's report", () => {
    // Two CPUs printing at once interleave whole lines on the console.
    const threads = parse([
      'INFO: task fusefs-workload:912 blocked for more than 120 seconds.',
      'task:kworker/1:2     state:I stack:0     pid:77    tgid:77    ppid:2      flags:0x00004000',
      'task:kworker/1:3     state:I stack:0     pid:78    tgid:78    ppid:2      flags:0x00004000',
      'Call Trace:',
      ' __schedule+0x403/0xbc0',
      ' worker_thread+0x5b/0x3a0',
      '',
      'task:fusefs-workloa  state:D stack:0     pid:912   tgid:912   ppid:880    flags:0x00000000',
      ...X86_TRACE,
    ]);
    expect(threads.map((t) => [t.comm, t.pid, t.format])).toEqual([
      ['kworker/1:3', 78, 'linux-sysrq'],
      ['fusefs-workload', 912, 'linux-hung-task'],
    ]);
  });
});

describe('where the trace of a task line is', () => {
  it('32-bit ARM: the frames follow the task line (or its Workqueue: line) with no header', () => {
    const threads = parse([
      'INFO: task kworker/u8:0:5 blocked for more than 120 seconds.',
      'kworker/u8:0    D    0     5      2 0x00000000',
      'Workqueue: writeback wb_workfn (flush-8:1-fuseblk)',
      '[<807762c0>] (__schedule) from [<80776938>] (schedule+0x50/0xa8)',
      '[<80776938>] (schedule) from [<8014ac8c>] (io_schedule+0x20/0x40)',
      '[<8014ac8c>] (io_schedule) from [<8021c4e4>] (__lock_page+0x100/0x128)',
    ]);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ comm: 'kworker/u8:0', pid: 5, format: 'linux-hung-task' });
    expect(fns(threads[0])).toEqual(['__schedule', 'schedule', 'io_schedule']);
  });

  it('32-bit ARM 5.x+ ("%ps from %pS"): no header either', () => {
    const threads = parse([
      'task:rcu_sched       state:I stack:0     pid:10    ppid:2      flags:0x00000000',
      '__schedule from schedule+0x5b/0xa4',
      'schedule from schedule_timeout+0x8f/0xc4',
      'schedule_timeout from rcu_gp_fqs_loop+0x124/0x3fc',
    ]);
    expect(fns(threads[0])).toEqual(['__schedule', 'schedule', 'schedule_timeout']);
  });

  it('an x86 frame right after a task line, before its Call Trace:, is not its stack (x86 prints the header first)', () => {
    // show_trace_log_lvl() prints "Call Trace:" before any frame: a header-less frame here is another
    // CPU's line interleaved on the console.
    const threads = parse([
      'task:fusefs-workloa  state:D stack:0     pid:912   ppid:880    flags:0x00000000',
      ' ? stray_cpu_frame+0x1/0x2',
      ' other_cpu_frame+0x10/0x20',
      ...X86_TRACE,
    ]);
    expect(threads).toHaveLength(1);
    expect(fns(threads[0])).toEqual(X86_FRAMES);
  });

  it('a kernel line with " from " in it between the task line and its Call Trace: is not a frame', () => {
    // systemd-journald writes its own messages to /dev/kmsg; they land among the kernel's.
    const threads = parse([
      'task:fusefs-workloa  state:D stack:0     pid:912   ppid:880    flags:0x00000000',
      'systemd-journald[180]: Received SIGTERM from PID 1 (systemd).',
      ...X86_TRACE,
    ]);
    expect(fns(threads[0])).toEqual(X86_FRAMES);
  });

  it('a trace up to 40 lines after the task line is its own (raw stack words between), not further', () => {
    const words = (n: number): string[] =>
      Array.from({ length: n }, () => ' ffff8804256499a0 0000000000000046 ffff8804282de000 ffff880425649fd8');
    const near = parse([
      'nfsd            D ffff88043fd13180     0  2308      2 0x00000000',
      ...words(39),
      ...X86_TRACE,
    ]);
    expect(near.map((t) => t.comm)).toEqual(['nfsd']);
    expect(fns(near[0])).toEqual(X86_FRAMES);
    const far = parse([
      'nfsd            D ffff88043fd13180     0  2308      2 0x00000000',
      ...words(40),
      ...X86_TRACE,
    ]);
    expect(far).toEqual([]);
  });

  it('a Call Trace with no task line before it is no task dump', () => {
    expect(parse(['WARNING: CPU: 0 PID: 1 at fs/fuse/dev.c:1 x', ...X86_TRACE])).toEqual([]);
  });
});

describe('text as people paste it', () => {
  it('a report indented as a Markdown code block is read the same', () => {
    const report = [
      'INFO: task fusefs-workload:912 blocked for more than 120 seconds.',
      '      Not tainted 6.12.0 #1',
      'task:fusefs-workloa  state:D stack:0     pid:912   tgid:912   ppid:880    flags:0x00000000',
      ...X86_TRACE,
    ];
    const indented = parseHungTaskLines(report.map((l) => `    ${l}`));
    expect(indented.map((t) => [t.comm, t.pid, t.format])).toEqual([
      ['fusefs-workload', 912, 'linux-hung-task'],
    ]);
    expect(fns(indented[0])).toEqual(X86_FRAMES);
  });

  it('a comm that begins with a blank keeps it (prctl(PR_SET_NAME) takes any bytes)', () => {
    const threads = parse([
      'task: lead         state:S stack:0     pid:42    ppid:1      flags:0x00000000',
      ...X86_TRACE,
    ]);
    expect(threads[0]?.comm).toBe(' lead');
  });
});

describe('the parser', () => {
  it('names its format and finds its texts', () => {
    expect(linuxHungTaskParser.format).toBe('linux-hung-task');
    expect(linuxHungTaskParser.matches('INFO: task df:1 blocked for more than 1 seconds.')).toBe(true);
    expect(linuxHungTaskParser.matches('Call trace:\n __switch_to+0xe4/0x160')).toBe(true);
    expect(linuxHungTaskParser.matches('panic: page fault')).toBe(false);
  });
});
