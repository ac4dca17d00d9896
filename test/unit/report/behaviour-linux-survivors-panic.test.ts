// Kills of the mutation survivors of src/report/parsers/linux-panic.ts (issue 16): where a Linux crash
// report's header, task, pc and trace are, around other output. Formats, torvalds/linux:
// - include/asm-generic/bug.h / kernel/panic.c __warn(): "WARNING: CPU: %d PID: %d at %s:%d %pS";
// - lib/dump_stack.c dump_stack_print_info(): "CPU: %d PID: %d Comm: %.20s %s%s %s %.*s";
// - arch/x86/kernel/dumpstack.c show_ip(): "RIP: %04x:%pS"; show_trace_log_lvl(): "Call Trace:";
// - mm/kasan/report.c print_error_description()/print_address_description(): "BUG: KASAN: %s in %pS",
//   "%s of size %zu at addr %px by task %s/%d"; symbolized by scripts/decode_stacktrace.sh (one header per
//   inlined function, each but the last ending in "[inline]");
// - kernel/sched/core.c dump_cpu_task(): "Task dump for CPU %d:", then sched_show_task():
//   "task:%-15.15s state:%c stack:%-5lu pid:%-5d tgid:%-5d ppid:%-6d flags:0x%08lx";
// - kernel/panic.c panic(): "Kernel panic - not syncing: %s"; print_oops_end_marker() "---[ end trace %016llx ]---".
import { describe, expect, it } from 'vitest';
import type { KernelPanic } from '../../../src/report/model.js';
import { extractLinuxPanic } from '../../../src/report/parsers/linux-panic.js';

const fns = (p: KernelPanic | undefined, i = 0) => p?.threads[i]?.frames.map((f) => f.fn);
const text = (lines: readonly string[]) => `${lines.join('\n')}\n`;

const CPU0 = 'CPU: 0 PID: 214 Comm: fusefs-workload Not tainted 6.1.0-18-amd64 #1 Debian 6.1.76-1';
const TRACE = [
  'Call Trace:',
  ' <TASK>',
  ' fuse_flush+0x1c/0x2a0 [fuse]',
  ' filp_close+0x31/0x80',
  ' __x64_sys_close+0x12/0x40',
  ' do_syscall_64+0x82/0x190',
  ' </TASK>',
];

describe('the pc line', () => {
  it('does not read "pc" out of a function name on the WARNING header', () => {
    const p = extractLinuxPanic(
      text([
        'WARNING: CPU: 0 PID: 214 at mm/percpu.c:1892 pcpu_alloc+0x5e/0x8a0',
        CPU0,
        'RIP: 0010:pcpu_alloc+0x5e/0x8a0',
        'Call Trace:',
        ' <TASK>',
        ' __alloc_percpu+0x15/0x20',
        ' fuse_fill_super+0x1a/0x60 [fuse]',
        ' </TASK>',
      ]),
    );
    expect(fns(p)).toEqual(['pcpu_alloc', '__alloc_percpu', 'fuse_fill_super']);
  });

  it("takes the pc of the report's own RIP line, not of the lines above its header", () => {
    // The previous oops's register dump ends right above this report's header.
    const p = extractLinuxPanic(
      text([
        'RIP: 0033:0x7f3a2c1e4b17',
        'RIP: 0010:fuse_dev_do_read+0x4a6/0x5a0 [fuse]',
        'RSP: 0018:ffffc90000a4fd48 EFLAGS: 00010246',
        'WARNING: CPU: 0 PID: 214 at fs/fuse/file.c:1418 fuse_flush+0x1c/0x2a0 [fuse]',
        CPU0,
        'RIP: 0010:fuse_flush+0x1c/0x2a0 [fuse]',
        ...TRACE,
      ]),
    );
    expect(fns(p)?.[0]).toBe('fuse_flush');
    expect(fns(p)).not.toContain('fuse_dev_do_read');
  });
});

describe('symbolized headers ([inline])', () => {
  it('reads a capture that ends on an [inline] header line', () => {
    const p = extractLinuxPanic(
      'BUG: KASAN: slab-use-after-free in get_fuse_conn_super fs/fuse/fuse_i.h:885 [inline]',
    );
    expect(p?.title).toContain('get_fuse_conn_super');
  });

  it('stays on an [inline] header whose next line is the access line (the rest of the headers cut)', () => {
    const p = extractLinuxPanic(
      text([
        'BUG: KASAN: slab-use-after-free in get_fuse_conn_super fs/fuse/fuse_i.h:885 [inline]',
        'Read of size 8 at addr ffff88814b51bc40 by task syz-executor382/5079',
        '',
        'CPU: 0 PID: 5079 Comm: syz-executor382 Not tainted 6.8.0 #1',
      ]),
    );
    expect(p?.title).toBe('KASAN: slab-use-after-free Read in get_fuse_conn_super');
  });

  it('follows the [inline] headers of a report indented by one blank', () => {
    const p = extractLinuxPanic(
      text([
        ' BUG: KASAN: slab-use-after-free in get_fuse_conn_super fs/fuse/fuse_i.h:885 [inline]',
        ' BUG: KASAN: slab-use-after-free in fuse_test_super+0x8c/0xa0 fs/fuse/inode.c:1689',
        ' Read of size 8 at addr ffff88814b51bc40 by task syz-executor382/5079',
      ]),
    );
    expect(p?.title).toBe('KASAN: slab-use-after-free Read in fuse_test_super');
  });

  it('keeps the first of two warnings printed back to back (no [inline]: two reports)', () => {
    // Two CPUs warning at once: their "cut here" lines went to the console before both headers.
    const p = extractLinuxPanic(
      text([
        'WARNING: CPU: 0 PID: 214 at fs/fuse/file.c:1418 fuse_flush+0x1c/0x2a0 [fuse]',
        'WARNING: CPU: 1 PID: 215 at fs/fuse/dev.c:300 fuse_request_end+0x1c/0x200 [fuse]',
        CPU0,
        'RIP: 0010:fuse_flush+0x1c/0x2a0 [fuse]',
        ...TRACE,
      ]),
    );
    expect(p?.title).toBe('WARNING in fuse_flush');
  });
});

describe('where the report ends', () => {
  it("does not take another report's trace after the end marker", () => {
    const p = extractLinuxPanic(
      text([
        'WARNING: CPU: 0 PID: 214 at fs/fuse/file.c:1418 fuse_flush+0x1c/0x2a0 [fuse]',
        CPU0,
        'RIP: 0010:fuse_flush+0x1c/0x2a0 [fuse]',
        '---[ end trace 0000000000000000 ]---',
        'INFO: task kworker/0:1:15 blocked for more than 120 seconds.',
        'task:kworker/0:1     state:D stack:0     pid:15    ppid:2      flags:0x00004000',
        'Call Trace:',
        ' <TASK>',
        ' __schedule+0x34d/0x9e0',
        ' schedule+0x5a/0xd0',
        ' </TASK>',
      ]),
    );
    expect(fns(p)).toEqual(['fuse_flush']);
  });

  it("does not take a panic 900 lines below a warning as the warning's message", () => {
    const header = 'WARNING: CPU: 0 PID: 214 at fs/fuse/file.c:1418 fuse_flush+0x1c/0x2a0 [fuse]';
    const filler = Array.from({ length: 899 }, (_, n) => `fusefs-workload: write pass ${n} ok`);
    const p = extractLinuxPanic(text([header, ...filler, 'Kernel panic - not syncing: Fatal exception']));
    expect(p?.message).toBe(header);
  });
});

describe('the task of an RCU stall (Task dump for CPU N:)', () => {
  it('reads the task dumped for a CPU numbered past 9', () => {
    const p = extractLinuxPanic(
      text([
        'rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:',
        'rcu: \t12-...!: (1 GPs behind) idle=c3c/0/0x1 softirq=1234/1235 fqs=0',
        'Task dump for CPU 12:',
        'task:fusefs-workload state:R  running task     stack:0     pid:214   ppid:1      flags:0x00000008',
        ...TRACE,
      ]),
    );
    expect(p?.threads[0]?.pid).toBe(214);
  });

  it("reads a Task dump whose task line another CPU's output pushed down", () => {
    const p = extractLinuxPanic(
      text([
        'rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:',
        'Task dump for CPU 1:',
        'NMI backtrace for cpu 0',
        'task:fusefs-workload state:R  running task     stack:0     pid:214   ppid:1      flags:0x00000008',
        ...TRACE,
      ]),
    );
    expect(fns(p)).toEqual(['fuse_flush', 'filp_close', '__x64_sys_close', 'do_syscall_64']);
  });
});

describe("a panic's task read from the oops above it", () => {
  const OOPS = [
    CPU0,
    'RIP: 0010:fuse_flush+0x1c/0x2a0 [fuse]',
    'Call Trace:',
    ' <TASK>',
    ' filp_close+0x31/0x80',
    ' __x64_sys_close+0x12/0x40',
    ' </TASK>',
  ];
  it("reads the oops's CPU line on the first line of the capture", () => {
    const p = extractLinuxPanic(
      text([...OOPS, '---[ end trace 0000000000000000 ]---', 'Kernel panic - not syncing: Fatal exception']),
    );
    expect(p?.threads[0]?.pid).toBe(214);
    expect(fns(p)).toEqual(['fuse_flush', 'filp_close', '__x64_sys_close']);
  });

  it('does not go 300 lines up for it', () => {
    const filler = Array.from({ length: 300 - OOPS.length }, (_, n) => `fusefs-workload: write pass ${n} ok`);
    const p = extractLinuxPanic(text([...OOPS, ...filler, 'Kernel panic - not syncing: Fatal exception']));
    expect(p?.threads).toEqual([]);
  });

  it("keeps a panic's own trace when it printed no task line", () => {
    const p = extractLinuxPanic(
      text([
        ...OOPS,
        '---[ end trace 0000000000000000 ]---',
        'Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
        'Call Trace:',
        ' <TASK>',
        ' dump_stack_lvl+0x44/0x5c',
        ' panic+0x118/0x2f0',
        ' mount_block_root+0x1d3/0x1e6',
        ' </TASK>',
      ]),
    );
    expect(fns(p)).toEqual(['dump_stack_lvl', 'panic', 'mount_block_root']);
  });
});

describe('the stalled code of an RCU stall dumped by an NMI to itself', () => {
  // kernel/rcu/tree_stall.h print_cpu_stall() -> rcu_dump_cpu_stacks() -> lib/nmi_backtrace.c
  // nmi_cpu_backtrace(): "NMI backtrace for cpu %d", then the NMI's trace; show_trace_log_lvl() prints the
  // interrupted context's registers ("RIP: %04x:%pS") where each stack ends: the NMI's (inside the IPI
  // send), then, after the timer interrupt's entry, the stalled task's.
  it('takes the pc after the timer interrupt, not the one the NMI interrupted', () => {
    const p = extractLinuxPanic(
      text([
        'rcu: INFO: rcu_preempt self-detected stall on CPU',
        'rcu: \t0-....: (20999 ticks this GP) idle=b54c/1/0x4000000000000000 softirq=4321/4321 fqs=5227',
        'Sending NMI from CPU 0 to CPUs 0:',
        'NMI backtrace for cpu 0',
        CPU0,
        'Call Trace:',
        ' <NMI>',
        ' dump_stack_lvl+0x44/0x5c',
        ' nmi_cpu_backtrace.cold+0x30/0x70',
        ' nmi_cpu_backtrace_handler+0xd/0x20',
        ' nmi_handle+0x5d/0x120',
        ' default_do_nmi+0x40/0x100',
        ' exc_nmi+0x13a/0x170',
        ' end_repeat_nmi+0x16/0x67',
        'RIP: 0010:native_apic_msr_write+0x27/0x40',
        'RSP: 0000:ffffc90000003d80 EFLAGS: 00000046',
        ' </NMI>',
        ' <IRQ>',
        ' __x2apic_send_IPI_dest+0x2f/0x40',
        ' nmi_trigger_cpumask_backtrace+0xc0/0xd0',
        ' rcu_dump_cpu_stacks+0xf4/0x130',
        ' rcu_sched_clock_irq.cold+0x66/0x381',
        ' update_process_times+0x8c/0xc0',
        ' tick_sched_timer+0x79/0x90',
        ' __hrtimer_run_queues+0x12a/0x2b0',
        ' hrtimer_interrupt+0xfc/0x220',
        ' __sysvec_apic_timer_interrupt+0x5f/0x110',
        ' sysvec_apic_timer_interrupt+0x6d/0x90',
        ' </IRQ>',
        ' <TASK>',
        ' asm_sysvec_apic_timer_interrupt+0x16/0x20',
        'RIP: 0010:fuse_copy_do+0x80/0x1c0 [fuse]',
        'RSP: 0018:ffffc90000a4fd48 EFLAGS: 00000246',
        ' fuse_copy_page+0x1e2/0x4d0 [fuse]',
        ' fuse_dev_do_write+0x1c0/0x8a0 [fuse]',
        ' </TASK>',
      ]),
    );
    expect(p?.title).toBe('INFO: rcu detected stall in fuse_copy_do');
  });
});

describe('the newer WARNING header (kernel/panic.c __warn(): "WARNING: %s:%d at %pS, CPU#%d: %s/%d")', () => {
  it('titles it by the function it names', () => {
    const p = extractLinuxPanic(
      text([
        'WARNING: fs/fuse/file.c:1418 at fuse_perform_write+0x59/0x5e0 [fuse], CPU#1: fusefs-workload/214',
        'CPU: 1 UID: 0 PID: 214 Comm: fusefs-workload Not tainted 6.18.0 #1',
        'RIP: 0010:fuse_perform_write+0x59/0x5e0 [fuse]',
        'Call Trace:',
        ' <TASK>',
        ' fuse_cache_write_iter+0x1a2/0x3b0 [fuse]',
        ' vfs_write+0x2a5/0x3f0',
        ' </TASK>',
      ]),
    );
    expect(p?.title).toBe('WARNING in fuse_perform_write');
  });
});

describe('the hung task behind a "hung_task: blocked tasks" panic (kernel/hung_task.c)', () => {
  // check_hung_uninterruptible_tasks(): each blocked task's "INFO: task %s:%d blocked for more than %ld
  // seconds." and sched_show_task() dump, then panic("hung_task: blocked tasks").
  const hung = (comm: string, pid: number, frames: string[]) => [
    `INFO: task ${comm}:${pid} blocked for more than 120 seconds.`,
    '      Not tainted 6.1.0-18-amd64 #1 Debian 6.1.76-1',
    '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
    `task:${comm.padEnd(15)} state:D stack:0     pid:${String(pid).padEnd(5)} ppid:2      flags:0x00004000`,
    'Call Trace:',
    ' <TASK>',
    ...frames.map((f) => ` ${f}`),
    ' </TASK>',
  ];
  it('takes the task reported before the panic, not one a later boot reported', () => {
    const p = extractLinuxPanic(
      text([
        ...hung('jbd2/vda1-8', 112, [
          '__schedule+0x34d/0x9e0',
          'schedule+0x5a/0xd0',
          'jbd2_journal_commit_transaction+0x2f1/0x1a50',
        ]),
        'Kernel panic - not syncing: hung_task: blocked tasks',
        '---[ end Kernel panic - not syncing: hung_task: blocked tasks ]---',
        'Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1',
        ...hung('fusefs-workload', 214, [
          '__schedule+0x34d/0x9e0',
          'schedule+0x5a/0xd0',
          'request_wait_answer+0x12b/0x210 [fuse]',
          'fuse_simple_request+0xcd/0x190 [fuse]',
        ]),
      ]),
    );
    expect(p?.threads.map((t) => t.pid)).toEqual([112]);
  });
});
