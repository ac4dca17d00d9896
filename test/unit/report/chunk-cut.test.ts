// Where a big log's chunk is cut (src/report/chunk-cut.ts), on small buffers: just before the last
// record near the buffer's end, for each record the Linux and FreeBSD kernels and the gate's watchdog
// print, with the spacing they print it in (the format strings are cited at each case); never inside a
// trace, a report or a capture; else after a blank line, else after the last line. The end-to-end
// property (a chunk boundary anywhere in a real report reads as the report alone) is
// stream-boundary.test.ts's.

import { describe, expect, it } from 'vitest';
import {
  CUT_SEARCH_LINES,
  cutPoint,
  MAX_LINE_CHARS,
  PANIC_REPORT_LINES,
  REPORT_HEADER_LINES,
} from '../../../src/report/chunk-cut.js';

/** A console line that starts no record, holds none of a record's words and is no frame. */
const FILLER = '[   12.345678] usb 1-1: new high-speed USB device number 5 using xhci_hcd';
const fill = (n: number): string[] => Array.from({ length: n }, () => FILLER);

/**
 * The buffer of `lines` (each ended by a newline) and a `tail` not ended yet; the line index the
 * cut falls before (lines.length: after the last line), or the offset when it is no line's start.
 */
function cutLine(lines: readonly string[], tail = 'partial line of the next rec'): number | string {
  const buffer = `${lines.join('\n')}\n${tail}`;
  const cut = cutPoint(buffer);
  let at = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (at === cut) return i;
    at += (lines[i]?.length ?? 0) + 1;
  }
  return `offset ${cut}`;
}

/** The last line of a console log that follows a report: no frame, no record, not blank. */
const AFTER = '[   99.000001] fusefs-workloads: still waiting';

describe('Linux hung-task reports and task dumps', () => {
  // kernel/hung_task.c check_hung_task(): pr_err("INFO: task %s:%d blocked for more than %ld seconds.\n"),
  // pr_err("      %s %s %.*s\n", print_tainted(), init_utsname()->release, ...), the hint
  // "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.", then sched_show_task().
  const HUNG = [
    '[  246.100000] INFO: task fusefs-workload:214 blocked for more than 122 seconds.',
    '[  246.100201]       Not tainted 6.1.0-13-amd64 #1 Debian 6.1.55-1',
    '[  246.100305] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
  ];
  // kernel/sched/core.c sched_show_task() since 5.9: "task:%-15.15s state:%c" then
  // " stack:%-5lu pid:%-5d ppid:%-6d flags:0x%08lx\n"; then show_stack()'s "Call Trace:" block.
  const TASK =
    '[  246.100411] task:fusefs-workload state:D stack:0     pid:214   ppid:205    flags:0x00004002';
  const TRACE = [
    '[  246.100500] Call Trace:',
    '[  246.100510]  <TASK>',
    '[  246.100520]  __schedule+0x2e5/0x8b0',
    '[  246.100530]  schedule+0x5e/0xd0',
    '[  246.100540]  request_wait_answer+0xcb/0x250 [fuse]',
    '[  246.100550]  fuse_direct_io+0x57e/0x8e0 [fuse]',
    '[  246.100560]  </TASK>',
  ];

  it('cuts before the INFO: task header, not before its task: line', () => {
    expect(cutLine([...fill(20), ...HUNG, TASK, ...TRACE, AFTER])).toBe(20);
  });

  it('cuts before the header when the buffer ends before the task line came', () => {
    expect(cutLine([...fill(20), ...HUNG])).toBe(20);
    expect(cutLine([...fill(20), HUNG[0]!])).toBe(20);
  });

  it('cuts before the last of several reports, each with its own header', () => {
    const report = [...HUNG, TASK, ...TRACE, ...fill(10)];
    expect(cutLine([...fill(5), ...report, ...report, AFTER])).toBe(5 + report.length);
  });

  it('takes a header at most REPORT_HEADER_LINES above the task line as the same report', () => {
    const above = (gap: number) => cutLine([...fill(20), HUNG[0]!, ...fill(gap - 1), TASK, ...TRACE, AFTER]);
    expect(above(REPORT_HEADER_LINES)).toBe(20);
    expect(above(REPORT_HEADER_LINES + 1)).toBe(20 + REPORT_HEADER_LINES + 1);
  });

  it('a report that starts the buffer is no cut (an empty chunk)', () => {
    const lines = [...HUNG, TASK, ...TRACE, AFTER];
    expect(cutLine(lines)).toBe(lines.length);
  });

  it('chains starts: each within REPORT_HEADER_LINES of the next', () => {
    const lines = [
      ...fill(20),
      HUNG[0]!,
      ...fill(REPORT_HEADER_LINES - 1),
      HUNG[0]!,
      ...fill(5),
      TASK,
      AFTER,
    ];
    expect(cutLine(lines)).toBe(20);
  });

  it('cuts before a lone task of a sysrq-t dump (5.9+), whose trace is longer than the chain gap', () => {
    const dump = [
      '[  300.000000] sysrq: Show State',
      ...Array.from({ length: 3 }, (_, i) => [
        `[  300.0000${i}0] task:kworker/0:${i}     state:I stack:0     pid:${15 + i}    ppid:2      flags:0x00004000`,
        ...TRACE,
        ...TRACE,
      ]).flat(),
    ];
    expect(cutLine([...fill(5), ...dump, AFTER])).toBe(5 + 1 + 2 * (1 + 2 * TRACE.length));
  });

  it('does not take x86 show_regs\'s "task: %p" line (3.x, inside an oops) for a task', () => {
    // arch/x86/kernel/process_64.c __show_regs() before 4.x: "task: %p ti: %p task.ti: %p".
    const lines = [
      ...fill(5),
      'task: ffff88003d8e0000 ti: ffff88003d8e8000 task.ti: ffff88003d8e8000',
      AFTER,
    ];
    expect(cutLine(lines)).toBe(lines.length);
  });

  it("cuts before an old (pre-5.9) sched_show_task line, in each era's spacing", () => {
    // "%-15.15s %c" comm and state, "%5lu %5d %6d 0x%08lx" free stack, pid, ppid, flags (4.x: the free
    // stack glued to a D); before 4.x " %016lx " the saved pc first; RHEL 6 one more number.
    for (const task of [
      '[  615.411181] syz-executor5   D23584 10045   3045 0x00000004',
      'fusefs-workloa  D    0   214    205 0x00000000',
      '(mount)         D ffff88013fd13180     0 15548  15398 0x00000104',
      'spl_system_ta D ffff88087bb0ae60     0  3209      2    0 0x00000000',
    ]) {
      expect(cutLine([...fill(20), task, ...TRACE, ...TRACE, AFTER]), task).toBe(20);
    }
  });
});

describe('Linux crash reports', () => {
  it('cuts before the banner of = that KASAN prints above its BUG line', () => {
    // mm/kasan/report.c start_report(): pr_err("==================================================================\n"),
    // then print_error_description(): "BUG: KASAN: %s in %pS".
    const banner = '[   25.450699] ==================================================================';
    const bug = '[   25.451012] BUG: KASAN: slab-use-after-free in fuse_dev_do_read+0x1234/0x1500';
    expect(
      cutLine([...fill(20), banner, bug, 'Read of size 8 at addr ffff888012345678 by task a/1', AFTER]),
    ).toBe(20);
    // The buffer's end between the two.
    expect(cutLine([...fill(20), banner])).toBe(20);
  });

  it('does not take a line that only begins with = for a banner', () => {
    const lines = [...fill(5), '===== fio: 4 jobs, direct=1 =====', AFTER];
    expect(cutLine(lines)).toBe(lines.length);
  });

  it("cuts before lockdep's banner above its WARNING", () => {
    // kernel/locking/lockdep.c print_circular_bug_header(): "======================================================",
    // "WARNING: possible circular locking dependency detected", the release line, "-----...".
    const lines = [
      ...fill(20),
      '[  121.451623] ======================================================',
      '[  121.451630] WARNING: possible circular locking dependency detected',
      '[  121.451640] 6.1.0 #1 Not tainted',
      '[  121.451650] ------------------------------------------------------',
      AFTER,
    ];
    expect(cutLine(lines)).toBe(20);
  });

  it('cuts before the cut-here line above a WARNING, also when the buffer ends between them', () => {
    // include/asm-generic/bug.h CUT_HERE, then kernel/panic.c __warn(): "WARNING: CPU: %d PID: %d at %pS".
    const cut = '[   30.492495] ------------[ cut here ]------------';
    const warn =
      '[   30.492600] WARNING: CPU: 1 PID: 214 at fs/fuse/file.c:1418 fuse_perform_write+0x59/0x5e0 [fuse]';
    expect(cutLine([...fill(20), cut, warn, 'Modules linked in: fuse', AFTER])).toBe(20);
    expect(cutLine([...fill(20), cut])).toBe(20);
    // Without the cut-here line (WARN_ON_ONCE without CUT_HERE on some arches), the WARNING itself.
    expect(cutLine([...fill(20), warn, 'Modules linked in: fuse', AFTER])).toBe(20);
  });

  it('cuts before arm\'s cut line above "Unable to handle kernel ..."', () => {
    // arch/arm/mm/fault.c __do_kernel_fault(): pr_alert("8<--- cut here ---\n"), then
    // "Unable to handle kernel %s at virtual address %08lx".
    const lines = [
      ...fill(20),
      '[   10.683249] 8<--- cut here ---',
      '[   10.683300] Unable to handle kernel NULL pointer dereference at virtual address 00000008',
      '[   10.683400] [00000008] *pgd=00000000',
      AFTER,
    ];
    expect(cutLine(lines)).toBe(20);
    expect(cutLine(lines.slice(0, 21))).toBe(20);
  });

  it('cuts before x86 oops lines (traps.c), and before kernel BUG at with its invalid opcode', () => {
    // arch/x86/kernel/traps.c: "general protection fault, probably for non-canonical address 0x%lx";
    // lib/bug.c report_bug(): "kernel BUG at %s:%u!", then die("invalid opcode") a few lines below.
    const gpf =
      'general protection fault, probably for non-canonical address 0xdffffc0000000001: 0000 [#1] PREEMPT SMP KASAN';
    expect(cutLine([...fill(20), gpf, 'CPU: 0 PID: 214 Comm: a Not tainted 6.1.0 #1', AFTER])).toBe(20);
    expect(cutLine([...fill(20), `Oops: ${gpf}`, AFTER])).toBe(20);
    const bug = [
      'kernel BUG at fs/fuse/dev.c:2121!',
      'Oops: invalid opcode: 0000 [#1] PREEMPT SMP KASAN NOPTI',
      'CPU: 0 PID: 214 Comm: a Not tainted 6.13.0 #1',
      AFTER,
    ];
    expect(cutLine([...fill(20), ...bug])).toBe(20);
  });

  it('cuts before an RCU stall and a soft lockup', () => {
    // kernel/rcu/tree_stall.h "INFO: %s self-detected stall on CPU" (pr_fmt "rcu: ");
    // kernel/watchdog.c "BUG: soft lockup - CPU#%d stuck for %us! [%s:%d]" (pr_fmt "watchdog: ").
    for (const start of [
      'rcu: INFO: rcu_preempt self-detected stall on CPU',
      'watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [fusefs-workload:214]',
    ]) {
      expect(cutLine([...fill(20), start, AFTER]), start).toBe(20);
    }
  });

  it('a report is a record of its own, not the end of one started above it, as a panic is', () => {
    // A soft lockup (kernel/watchdog.c) some time after a sysrq dump began.
    const lines = [
      ...fill(20),
      'sysrq: Show Blocked State',
      ...fill(30),
      'watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [a:1]',
      AFTER,
    ];
    expect(cutLine(lines)).toBe(20 + 1 + 30);
  });

  it('a WARNING the kernel prints is always followed by text (kernel/panic.c __warn)', () => {
    // "WARNING: CPU: %d PID: %d at %pS", since 6.x "WARNING: %s:%d at %pS, CPU#%d: %s/%d".
    const warn = 'WARNING: fs/fuse/file.c:1418 at fuse_perform_write+0x59/0x5e0, CPU#1: a/214';
    expect(cutLine([...fill(20), warn, AFTER])).toBe(20);
  });
});

describe('sysrq', () => {
  it('cuts before the sysrq line that starts a dump, in both spellings', () => {
    // drivers/tty/sysrq.c __handle_sysrq(): pr_info("%s\n", op_p->action_msg) with pr_fmt "sysrq: "
    // (5.x); older printk("SysRq : ") then the action message.
    for (const line of [
      '[  300.000000] sysrq: Show Blocked State',
      'Feb 28 07:45:55 pimbra kernel: [71706.375798] SysRq : Show Blocked State',
      'sysrq: Show backtrace of all active CPUs',
    ]) {
      expect(cutLine([...fill(20), line, AFTER]), line).toBe(20);
    }
  });
});

describe('FreeBSD', () => {
  // sys/ddb/db_command.c db_stack_trace_all(): db_printf("\nTracing command %s pid %d tid %ld td %p\n");
  // db_stack_trace(): db_printf("Tracing pid %d tid %ld td %p\n"); frames from sys/amd64/amd64/db_trace.c
  // "%s() at %s+%#lr/frame %#lx", the syscall separator "--- syscall (%d, FreeBSD ELF64, %s), rip = %#lr, ...".
  const DDB = [
    'sched_switch() at sched_switch+0x5d1/frame 0xfffffe00d5a1e8f0',
    'mi_switch() at mi_switch+0x171/frame 0xfffffe00d5a1e910',
    '--- syscall (4, FreeBSD ELF64, write), rip = 0x826bd7a1a, rsp = 0x820a4f9c8, rbp = 0x820a4fa00 ---',
  ];

  it("cuts before a thread of ddb's bt all, and before a single bt", () => {
    expect(
      cutLine([
        ...fill(20),
        'Tracing command fusefs-fixture pid 905 tid 100147 td 0xfffff80003e1a000',
        ...DDB,
      ]),
    ).toBe(20);
    expect(cutLine([...fill(20), 'Tracing pid 905 tid 100147 td 0xfffff80003e1a000', ...DDB])).toBe(20);
  });

  it("cuts before procstat -kk's header", () => {
    // usr.bin/procstat/procstat_kstack.c: "%5s %6s %-19s %-19s %-29s" header; a thread line
    // "%5d %6d %-19s %-19s " then frames, or <running> for a thread on a CPU.
    const lines = [
      ...fill(20),
      '  PID    TID COMM                TDNAME              KSTACK                       ',
      '  905 100147 fusefs-fixture      -                   mi_switch+0x171 sleepq_catch_signals+0x3e8',
      '   11 100003 idle                idle: cpu0          <running>                    ',
    ];
    expect(cutLine(lines)).toBe(20);
  });

  it('cuts before a Fatal trap report, not before the panic that ends it', () => {
    // sys/amd64/amd64/trap.c trap_fatal(): printf("\n\nFatal trap %d: %s while in %s mode\n"), its
    // fields, then panic(): sys/kern/kern_shutdown.c vpanic() "panic: %s", "cpuid = %d", "time = %jd",
    // sys/kern/subr_kdb.c "KDB: stack backtrace:", sys/kern/subr_stack.c "#%d %p at %s+%#lx".
    const lines = [
      ...fill(20),
      '',
      '',
      'Fatal trap 12: page fault while in kernel mode',
      'cpuid = 1; apic id = 01',
      'fault virtual address\t= 0x18',
      'fault code\t\t= supervisor read data, page not present',
      'instruction pointer\t= 0x20:0xffffffff80e2c6b1',
      'current process\t\t= 905 (fusefs-fixture)',
      'trap number\t\t= 12',
      'panic: page fault',
      'cpuid = 1',
      'time = 1700000000',
      'KDB: stack backtrace:',
      '#0 0xffffffff80b9cf5d at kdb_backtrace+0x5d',
      '#1 0xffffffff80b4ec51 at vpanic+0x131',
      'Uptime: 2m13s',
    ];
    expect(cutLine(lines)).toBe(22);
  });
});

describe('a panic line', () => {
  // sys/kern/kern_shutdown.c vpanic(): "panic: %s"; a non-debug kernel prints no report before it.
  const PANIC = [
    'panic: vm_fault_lookup: fault on nofault entry, addr: 0x1000',
    'cpuid = 0',
    'time = 1700000000',
  ];
  const BACKTRACE = ['KDB: stack backtrace:', '#0 0xffffffff80b9cf5d at kdb_backtrace+0x5d', 'Uptime: 2m13s'];

  it('with no report above it is the cut, once PANIC_REPORT_LINES above it start nothing', () => {
    expect(cutLine([...fill(100), ...PANIC, ...BACKTRACE])).toBe(100);
    // Also when a blank line follows it: what follows a panic belongs to it.
    expect(cutLine([...fill(100), ...PANIC, '', ...BACKTRACE])).toBe(100);
  });

  it('takes a report starting at most PANIC_REPORT_LINES above it as its first part', () => {
    const report = (above: number) =>
      cutLine([
        ...fill(20),
        'Fatal trap 9: general protection fault while in kernel mode',
        ...fill(above - 1),
        ...PANIC,
      ]);
    expect(report(PANIC_REPORT_LINES)).toBe(20);
    expect(report(PANIC_REPORT_LINES + 1)).toBe(20 + PANIC_REPORT_LINES + 1);
  });

  it("is the cut when the search reaches the buffer's start first", () => {
    expect(cutLine([...fill(3), ...PANIC, ...BACKTRACE])).toBe(3);
  });

  it("at the buffer's very start is no cut (an empty chunk)", () => {
    const lines = [...PANIC, ...fill(PANIC_REPORT_LINES + 10), AFTER];
    expect(cutLine(lines)).toBe(lines.length);
  });

  it('counts only the lowest panic line of several, from which it looks up', () => {
    // A second panic while panicking (sys/kern/kern_shutdown.c: "panic: %s" again, or Linux's
    // panic() on another CPU): the report above the first is still within reach of the last.
    const lines = [
      ...fill(20),
      'Fatal trap 12: page fault while in kernel mode',
      ...fill(40),
      ...PANIC,
      ...fill(30),
      ...PANIC,
    ];
    expect(cutLine(lines)).toBe(20);
  });

  it('Linux: cuts before "Kernel panic - not syncing", not before its end marker', () => {
    // kernel/panic.c panic(): pr_emerg("Kernel panic - not syncing: %s\n"), dump_stack(), then
    // pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n").
    const lines = [
      ...fill(100),
      'Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
      'CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0 #1',
      'Call Trace:',
      ' <TASK>',
      ' dump_stack_lvl+0x44/0x5c',
      ' panic+0x118/0x2ed',
      ' </TASK>',
      '---[ end Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0) ]---',
    ];
    expect(cutLine(lines)).toBe(100);
  });

  it('a panic line a report start follows closely is not part of that report', () => {
    // Another CPU's RCU stall printed right after the panic line (kernel/rcu/tree_stall.h).
    const lines = [
      ...fill(100),
      'Kernel panic - not syncing: hung_task: blocked tasks',
      'rcu: INFO: rcu_preempt self-detected stall on CPU',
      AFTER,
    ];
    expect(cutLine(lines)).toBe(101);
  });

  it('is not a sysctl whose name ends in panic', () => {
    // sbin/sysctl prints "%s: " and the value: `sysctl debug.kdb` lists debug.kdb.panic.
    const lines = [...fill(100), 'debug.kdb.panic: 0', 'debug.kdb.panic_str: ', AFTER];
    expect(cutLine(lines)).toBe(lines.length);
  });

  it('is found after a non-word character, as FreeBSD prints it mid-line', () => {
    const lines = [
      ...fill(100),
      'login: panic: mtx_lock() of destroyed mutex @ /usr/src/sys/kern/vfs_subr.c:1234',
      ...BACKTRACE,
    ];
    expect(cutLine(lines)).toBe(100);
  });
});

describe("the gate's watchdog frames (guest/watchdog.sh)", () => {
  const N = 'k3v9q2m7x1';
  // capture_linux(): "@@fg:%s:task:%s:%s:%s:%s:%s:%s@@" then /proc/PID/task/TID/stack ("[<0>] %pB").
  const LINUX_SAMPLE = (n: number) => [
    `@@fg:${N}:sample:${n}:begin@@`,
    `@@fg:${N}:task:214:214:D:12:0:fusefs-workload@@`,
    '[<0>] request_wait_answer+0xcb/0x250',
    '[<0>] fuse_direct_io+0x57e/0x8e0',
    `@@fg:${N}:tree:205,214@@`,
    `@@fg:${N}:sample:${n}:end@@`,
  ];
  // capture_freebsd(): procstat -kk then ps -axlww, each framed.
  const FREEBSD_CAPTURES = [
    `@@fg:${N}:capture:procstat-kk:begin@@`,
    '  PID    TID COMM                TDNAME              KSTACK                       ',
    '  905 100147 fusefs-fixture      -                   mi_switch+0x171 sleepq_catch_signals+0x3e8',
    '  PID    TID COMM                TDNAME              KSTACK                       ',
    '  912 100154 fusefs-workloads    -                   mi_switch+0x171 sleepq_wait+0x2c',
    `@@fg:${N}:capture:procstat-kk:end@@`,
    `@@fg:${N}:capture:ps-axlww:begin@@`,
    'UID  PID PPID C PRI NI   VSZ  RSS MWCHAN STAT TT     TIME COMMAND',
    '  0  912  903 0  20  0 13836 3056 vmpbsy D    u0  0:00.01 fusefs-workloads mmap-write /mnt',
    `@@fg:${N}:capture:ps-axlww:end@@`,
  ];

  it('cuts before the sample the buffer ends in, not before a record inside it', () => {
    const sample = LINUX_SAMPLE(1);
    expect(cutLine([...fill(20), ...sample.slice(0, 4)])).toBe(20);
    const freebsd = [`@@fg:${N}:sample:1:begin@@`, ...FREEBSD_CAPTURES];
    for (let end = 2; end < freebsd.length; end++)
      expect(cutLine([...fill(20), ...freebsd.slice(0, end)]), `${end}`).toBe(20);
  });

  it('cuts before a closed sample near the end, as before any record', () => {
    expect(cutLine([...fill(20), ...LINUX_SAMPLE(1), AFTER])).toBe(20);
  });

  // More threads than REPORT_HEADER_LINES: the ps capture's begin starts no chain up to the procstat one.
  const THREADS = Array.from(
    { length: REPORT_HEADER_LINES + 5 },
    (_, i) =>
      `  ${900 + i} ${100100 + i} sh                  -                   mi_switch+0x171 sleepq_wait_sig+0x9 _sleep+0x1b7`,
  );
  const LONG_CAPTURES = [...FREEBSD_CAPTURES.slice(0, 5), ...THREADS, ...FREEBSD_CAPTURES.slice(5)];

  it('never cuts a closed sample between its procstat and ps captures', () => {
    const sample = [
      `@@fg:${N}:sample:1:begin@@`,
      ...LONG_CAPTURES,
      `@@fg:${N}:tree:903,912@@`,
      `@@fg:${N}:sample:1:end@@`,
    ];
    expect(cutLine([...fill(20), ...sample, AFTER])).toBe(20);
  });

  it('never cuts between a procstat capture and the ps capture printed right after it', () => {
    expect(cutLine([...fill(20), ...LONG_CAPTURES, AFTER])).toBe(20);
  });

  it('a sample that begins the buffer is no cut: the cut stays where the record is', () => {
    const lines = [`@@fg:${N}:sample:1:begin@@`, ...LONG_CAPTURES, `@@fg:${N}:sample:1:end@@`, AFTER];
    expect(cutLine(lines)).toBe(1 + LONG_CAPTURES.indexOf(`@@fg:${N}:capture:ps-axlww:begin@@`));
  });

  it('cuts before the outermost open frame, past closed frames of the same names above it', () => {
    const lines = [...fill(20), ...LINUX_SAMPLE(1), ...fill(3), ...LINUX_SAMPLE(2).slice(0, 3)];
    expect(cutLine(lines)).toBe(20 + LINUX_SAMPLE(1).length + 3);
    const freebsd = (n: number) => [
      `@@fg:${N}:sample:${n}:begin@@`,
      ...FREEBSD_CAPTURES,
      `@@fg:${N}:sample:${n}:end@@`,
    ];
    const two = [...fill(20), ...freebsd(1), ...fill(3), ...freebsd(2).slice(0, 9)];
    expect(cutLine(two)).toBe(20 + freebsd(1).length + 3);
  });

  it('keeps a procstat capture with the ps capture printed right after it', () => {
    // Captures framed on their own, as in the tree's watchdog transcript (no sample frame around).
    for (let end = 7; end < FREEBSD_CAPTURES.length; end++) {
      expect(cutLine([...fill(20), ...FREEBSD_CAPTURES.slice(0, end)]), `${end}`).toBe(20);
    }
  });

  it('does not join a capture to one printed after other lines', () => {
    const lines = [...fill(20), ...FREEBSD_CAPTURES.slice(0, 6), AFTER, ...FREEBSD_CAPTURES.slice(6, 9)];
    expect(cutLine(lines)).toBe(20 + 7);
  });

  it("reads a marker only at a line's start, with a nonce and a name", () => {
    // A marker glued after other output is not one the parsers read (linux-proc-stack.ts).
    const glued = [...fill(20), `echo done@@fg:${N}:sample:1:begin@@`, ...fill(3), AFTER];
    expect(cutLine(glued)).toBe(glued.length);
    const noNonce = [...fill(20), '@@fg::sample:1:begin@@', ...fill(3), AFTER];
    expect(cutLine(noNonce)).toBe(noNonce.length);
  });

  it('looks for an open frame CUT_SEARCH_LINES lines back at most', () => {
    const open = (below: number) =>
      cutLine([...fill(20), `@@fg:${N}:sample:1:begin@@`, ...fill(below), AFTER]);
    expect(open(CUT_SEARCH_LINES - 2)).toBe(20);
    expect(open(CUT_SEARCH_LINES - 1)).toBe(20 + 1 + CUT_SEARCH_LINES);
  });

  it("an open frame at the buffer's start is no cut", () => {
    const lines = [`@@fg:${N}:sample:1:begin@@`, ...fill(5), AFTER];
    expect(cutLine(lines)).toBe(lines.length);
  });

  it('a frame that begins near the top and ends below the search window is closed (its end seen first)', () => {
    const lines = [
      ...fill(5),
      `@@fg:${N}:sample:1:begin@@`,
      ...fill(10),
      `@@fg:${N}:sample:1:end@@`,
      ...fill(3),
      AFTER,
    ];
    expect(cutLine(lines)).toBe(5);
  });
});

describe('without a record near the end', () => {
  it('cuts after the last blank line', () => {
    const lines = [...fill(10), '', ...fill(5), '', ...fill(5), AFTER];
    expect(cutLine(lines)).toBe(10 + 1 + 5 + 1);
  });

  it('takes a line of spaces, or only a log prefix, for blank', () => {
    expect(cutLine([...fill(10), '   ', ...fill(5)])).toBe(11);
    expect(cutLine([...fill(10), '[   12.345678] ', ...fill(5)])).toBe(11);
    expect(cutLine([...fill(10), '\r', ...fill(5)])).toBe(11);
  });

  it('prefers a record start above a blank line', () => {
    expect(cutLine([...fill(10), 'sysrq: Show State', ...fill(5), '', ...fill(5), AFTER])).toBe(10);
  });

  it('cuts after the last line when there is no blank either', () => {
    const lines = [...fill(10), AFTER];
    expect(cutLine(lines)).toBe(lines.length);
    expect(cutLine(lines, '')).toBe(lines.length);
  });

  it('looks CUT_SEARCH_LINES lines back for a record at most', () => {
    const start = 'sysrq: Show Blocked State';
    const above = (below: number) => cutLine([...fill(10), start, ...fill(below - 1), AFTER]);
    expect(above(CUT_SEARCH_LINES - 1)).toBe(10);
    expect(above(CUT_SEARCH_LINES)).toBe(10 + 1 + CUT_SEARCH_LINES);
    const blank = (below: number) => cutLine([...fill(10), '', ...fill(below - 1), AFTER]);
    expect(blank(CUT_SEARCH_LINES - 1)).toBe(11);
    expect(blank(CUT_SEARCH_LINES)).toBe(10 + 1 + CUT_SEARCH_LINES);
  });

  it('a blank first line of the buffer is no cut point', () => {
    const lines = ['', ...fill(5), AFTER];
    expect(cutLine(lines)).toBe(lines.length);
  });
});

describe('never inside a trace', () => {
  // /proc/PID/stack ("[<0>] %pB", fs/proc/base.c proc_pid_stack), no header the kernel prints.
  const PROC = [
    '[<0>] request_wait_answer+0xcb/0x250',
    '[<0>] fuse_direct_io+0x57e/0x8e0',
    '[<0>] vfs_write+0x2a3/0x470',
  ];

  it('cuts before a trace the buffer ends in, and the line above it', () => {
    const lines = [...fill(10), '/ # cat /proc/214/stack', ...PROC];
    expect(cutLine(lines)).toBe(10);
  });

  it('knows each kind of frame line', () => {
    for (const frame of [
      // /proc/PID/stack of an address with no symbol (%pB prints the address).
      '[<0>] 0xffffffffc0a1b2c3',
      // Old kernels: print_ip_sym "[<%px>] %pS".
      '[<ffffffffa0123456>] 0xffffffffa0123456',
      // arch/x86/kernel/dumpstack.c printk_stack_address(): "%s %s%pBb" with "? " for unreliable.
      ' ? 0xffffffffc0a1b2c3',
      // sys/kern/subr_stack.c stack_print_ddb(): "#%d %p at %s+%#lx", "??" and 0 for no symbol.
      '#12 0xffffffff80e2c6b1 at ??+0',
      // procstat -kk frames and 4.x+ Linux frames.
      '  905 100147 fusefs-fixture      -                   mi_switch+0x171',
      ' fuse_direct_io+0x57e/0x8e0 [fuse]',
    ]) {
      expect(cutLine([...fill(10), '/ # cat /proc/214/stack', frame, frame]), frame).toBe(10);
    }
  });

  it('does not take other lines for frames', () => {
    for (const line of [
      'fusefs-workloads: write 3 of 4 done? no',
      'echo [<0>] is a hashed pointer',
      'test #1 0x0 done',
      '#1 0x',
      'a+0x is not an offset',
      'ps: ?? is no tty',
    ]) {
      const lines = [...fill(10), AFTER, line];
      expect(cutLine(lines), line).toBe(lines.length);
    }
  });

  it("when the run reaches the buffer's start, cuts after it", () => {
    const lines = [...PROC, ...PROC];
    expect(cutLine(lines)).toBe(lines.length);
    const headed = ['/ # cat /proc/214/stack', ...PROC];
    expect(cutLine(headed)).toBe(headed.length);
  });

  it('when the run is longer than CUT_SEARCH_LINES, cuts after it', () => {
    const run = (frames: number) =>
      cutLine([...fill(3), 'cat /proc/214/stack', ...Array.from({ length: frames }, () => PROC[0]!)]);
    expect(run(CUT_SEARCH_LINES - 1)).toBe(3);
    expect(run(CUT_SEARCH_LINES)).toBe(3 + 1 + CUT_SEARCH_LINES);
  });
});

describe('a buffer without a newline to cut at', () => {
  it('is cut where it ends, or at MAX_LINE_CHARS', () => {
    expect(cutPoint('x'.repeat(1000))).toBe(1000);
    expect(cutPoint(`\n${'x'.repeat(1000)}`)).toBe(1001);
    expect(cutPoint('x'.repeat(MAX_LINE_CHARS + 10))).toBe(MAX_LINE_CHARS);
  });

  it('with one newline inside, is cut after it', () => {
    expect(cutPoint(`${FILLER}\n${'x'.repeat(1000)}`)).toBe(FILLER.length + 1);
  });
});

describe('the record start is looked for in the cleaned line', () => {
  it('past a syslog prefix, ANSI colours and a CR', () => {
    for (const line of [
      'Oct 11 06:07:26 glustern1 kernel: INFO: task glusterfsd:26120 blocked for more than 120 seconds.',
      '\x1b[31msysrq: Show State\x1b[0m',
      'sysrq: Show State\r',
    ]) {
      expect(cutLine([...fill(10), line, AFTER]), line).toBe(10);
    }
  });
});
