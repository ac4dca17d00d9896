// Crash and stall titles that hang on single entries of frame-classes.ts (issue 16, the report-signature
// survivors): each case is a text in the kernel's own format and the title a person gives it, the function
// that crashed or was interrupted, never the machinery's frames, and no function when the trace does not
// reach it.
//
// FreeBSD line kinds: sys/kern/kern_shutdown.c vpanic() "panic: %s\n", "cpuid = %d\n", "time = %jd\n";
// sys/kern/subr_kdb.c kdb_backtrace() "KDB: stack backtrace:\n", then (a kernel with options STACK and no
// DDB) sys/kern/subr_stack.c stack_print_ddb() "#%d %p at %s+%#lx\n", no separators between the frames.
// Linux line kinds: kernel/rcu/tree_stall.h print_cpu_stall() "rcu: INFO: %s self-detected stall on CPU",
// rcu_dump_cpu_stacks() -> dump_cpu_task() "Task dump for CPU %d:", kernel/sched/core.c sched_show_task()
// "task:%-15.15s state:%c ...", the riscv backtrace's "[<%px>] %pS" frames (arch/riscv/kernel/stacktrace.c
// print_trace_address, the tracexec-179 fixture's form); lib/nmi_backtrace.c nmi_cpu_backtrace()
// "NMI backtrace for cpu %d", lib/dump_stack.c "CPU: %d PID: %d Comm: %.20s ..." and x86's " %pS" frames.
import { describe, expect, it } from 'vitest';
import { extractFreebsdPanic } from '../../../src/report/parsers/freebsd-panic.js';
import { extractLinuxPanic } from '../../../src/report/parsers/linux-panic.js';

/** A FreeBSD panic with its `KDB: stack backtrace:` in stack_print_ddb()'s form, innermost frame first. */
function freebsdPanic(message: string, frames: readonly string[]): string {
  return [
    `panic: ${message}`,
    'cpuid = 1',
    'time = 1733140000',
    'KDB: stack backtrace:',
    ...frames.map(
      (fn, i) =>
        `#${i} 0xffffffff80${(0xb7fefd + i * 0x1234).toString(16)} at ${fn}+0x${(0x3d + i).toString(16)}`,
    ),
  ].join('\n');
}

const PANIC_MACHINERY = ['kdb_backtrace', 'vpanic', 'panic'];

describe('a FreeBSD panic is titled after the function that crashed, not a word of the skip lists', () => {
  it('a KASSERT in freebsd11_fstat is freebsd11_fstat’s, though `free` (the allocator) is crash machinery', () => {
    // sys/kern/kern_descrip.c freebsd11_fstat(); sys/kern/kern_shutdown.c kassert_panic().
    const text = freebsdPanic('Assertion fp != NULL failed at /usr/src/sys/kern/kern_descrip.c:1555', [
      'kdb_backtrace',
      'vpanic',
      'kassert_panic',
      'freebsd11_fstat',
      'amd64_syscall',
      'fast_syscall_common',
    ]);
    expect(extractFreebsdPanic(text)?.title).toBe(
      'panic: Assertion fp != NULL failed at sys/kern/kern_descrip.c in freebsd11_fstat',
    );
  });

  it('13.x+ vm_fault_lookup() not inlined: its "fault on nofault entry" is the faulting code’s, below the fault', () => {
    // sys/vm/vm_fault.c vm_fault_lookup(): panic("%s: fault on nofault entry, addr: %#lx", __func__, ...).
    const text = freebsdPanic('vm_fault_lookup: fault on nofault entry, addr: 0xfffffe00deadb000', [
      ...PANIC_MACHINERY,
      'vm_fault_lookup',
      'vm_fault',
      'vm_fault_trap',
      'trap_pfault',
      'trap',
      'calltrap',
      'copyout_nosmap_std',
      'uiomove_faultflag',
    ]);
    expect(extractFreebsdPanic(text)?.title).toBe(
      'panic: vm_fault_lookup: fault on nofault entry, addr: ADDR in copyout_nosmap_std',
    );
  });

  it('arm64 12.x: data_abort() calls vm_fault() itself (no vm_fault_trap), the crash is copyout’s', () => {
    // sys/arm64/arm64/trap.c data_abort() <- do_el1h_sync() <- exception.S handle_el1h_sync; 12.x
    // sys/vm/vm_fault.c vm_fault_hold(): panic("vm_fault_hold: fault on nofault entry, addr: %#lx", ...).
    const text = freebsdPanic('vm_fault_hold: fault on nofault entry, addr: 0xffff000012345000', [
      ...PANIC_MACHINERY,
      'vm_fault_hold',
      'vm_fault',
      'data_abort',
      'do_el1h_sync',
      'handle_el1h_sync',
      'copyout',
      'uiomove_faultflag',
    ]);
    expect(extractFreebsdPanic(text)?.title).toBe(
      'panic: vm_fault_hold: fault on nofault entry, addr: ADDR in copyout',
    );
  });

  it('arm64: a fault taken inside vm_fault() while it resolved another is vm_fault()’s, not the first fault’s code', () => {
    // The trap entry (handle_el1h_sync) ends the panic's own fault handling; below it vm_fault() faulted.
    const text = freebsdPanic('vm_fault_lookup: fault on nofault entry, addr: 0x0', [
      ...PANIC_MACHINERY,
      'vm_fault',
      'vm_fault_trap',
      'data_abort',
      'do_el1h_sync',
      'handle_el1h_sync',
      'vm_fault',
      'vm_fault_trap',
      'data_abort',
      'do_el1h_sync',
      'handle_el1h_sync',
      'copyout',
    ]);
    expect(extractFreebsdPanic(text)?.title).toBe(
      'panic: vm_fault_lookup: fault on nofault entry, addr: ADDR in vm_fault',
    );
  });
});

/** An RCU self-detected stall whose task dump (riscv sched_show_task) shows these frames, innermost first. */
function riscvRcuStall(frames: readonly string[]): string {
  return [
    '[   61.937301] rcu: INFO: rcu_sched self-detected stall on CPU',
    '[   61.937660] rcu:     0-....: (6499 ticks this GP) idle=b35/1/0x4000000000000002 softirq=1015/1015 fqs=3111',
    '[   61.938008]  (t=6500 jiffies g=837 q=20 ncpus=2)',
    '[   61.938214] Task dump for CPU 0:',
    '[   61.938343] task:tracexec        state:R  running task     stack:11976 pid:   71 ppid:    68 flags:0x00000008',
    '[   61.938654] Call Trace:',
    ...frames.map(
      (fn, i) =>
        `[   61.9387${(30 + i).toString()}] [<ffffffff800${(0x6920 + i * 0x100).toString(16)}a>] ${fn}+0x30/0x38`,
    ),
  ].join('\n');
}

// The detector's chain of the tracexec-179 fixture (riscv 6.x, periodic tick).
const RISCV_DETECTOR = [
  'dump_backtrace',
  'show_stack',
  'sched_show_task',
  'dump_cpu_task',
  'rcu_dump_cpu_stacks',
  'rcu_sched_clock_irq',
  'update_process_times',
  'tick_periodic',
  'tick_handle_periodic',
];

describe('a riscv RCU stall cut at the timer interrupt names no function', () => {
  // drivers/clocksource/timer-riscv.c riscv_timer_interrupt(), run by kernel/irq/chip.c
  // handle_percpu_devid_irq(): the interrupted code is below both, so a trace that ends there does not show it.
  it('cut right below riscv_timer_interrupt', () => {
    const text = riscvRcuStall([...RISCV_DETECTOR, 'riscv_timer_interrupt']);
    expect(extractLinuxPanic(text)?.title).toBe('INFO: rcu detected stall');
  });

  it('cut right below handle_percpu_devid_irq', () => {
    const text = riscvRcuStall([...RISCV_DETECTOR, 'riscv_timer_interrupt', 'handle_percpu_devid_irq']);
    expect(extractLinuxPanic(text)?.title).toBe('INFO: rcu detected stall');
  });
});

describe('an RCU stall trace cut before the timer interrupt names no function, whatever detector frames it shows', () => {
  // kernel/rcu/tree_stall.h: rcu_sched_clock_irq() -> rcu_pending() -> check_cpu_stall() -> print_cpu_stall()
  // (self-detected) or print_other_cpu_stall() -> rcu_dump_cpu_stacks(), in a kernel that did not inline them;
  // before 5.0 the tick's entry was rcu_check_callbacks() (kernel/rcu/tree.c).
  it('self-detected, the static helpers not inlined', () => {
    const text = riscvRcuStall([
      'dump_backtrace',
      'show_stack',
      'sched_show_task',
      'dump_cpu_task',
      'rcu_dump_cpu_stacks',
      'print_cpu_stall',
      'check_cpu_stall',
      'rcu_pending',
      'rcu_sched_clock_irq',
    ]);
    expect(extractLinuxPanic(text)?.title).toBe('INFO: rcu detected stall');
  });

  it('detected for another CPU (print_other_cpu_stall), a 4.x kernel (rcu_check_callbacks)', () => {
    const text = riscvRcuStall([
      'dump_backtrace',
      'show_stack',
      'sched_show_task',
      'dump_cpu_task',
      'rcu_dump_cpu_stacks',
      'print_other_cpu_stall',
      'check_cpu_stall',
      'rcu_pending',
      'rcu_check_callbacks',
      'update_process_times',
    ]);
    expect(extractLinuxPanic(text)?.title).toBe('INFO: rcu detected stall');
  });

  it('x86: the NMI backtrace of the detecting CPU itself, cut before hrtimer_interrupt', () => {
    // lib/nmi_backtrace.c nmi_trigger_cpumask_backtrace() runs nmi_cpu_backtrace() on its own CPU, which
    // dump_stack()s (no regs); arch/x86/kernel/apic/hw_nmi.c arch_trigger_cpumask_backtrace();
    // kernel/time/tick-sched.c tick_sched_timer(), kernel/time/hrtimer.c __hrtimer_run_queues().
    const text = [
      'rcu: INFO: rcu_preempt self-detected stall on CPU',
      'rcu: \t0-....: (10500 ticks this GP) idle=1e4/1/0x4000000000000000 softirq=9855/9855 fqs=5250',
      '\t(t=10502 jiffies g=12345 q=377 ncpus=2)',
      'NMI backtrace for cpu 0',
      'CPU: 0 PID: 166 Comm: fusefs-workload Not tainted 6.1.0-18-amd64 #1  Debian 6.1.76-1',
      'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014',
      'Call Trace:',
      ' <IRQ>',
      ' dump_stack_lvl+0x44/0x5c',
      ' nmi_cpu_backtrace.cold+0x30/0x70',
      ' nmi_trigger_cpumask_backtrace+0xc0/0xe0',
      ' arch_trigger_cpumask_backtrace+0x19/0x20',
      ' rcu_dump_cpu_stacks+0xe0/0x130',
      ' rcu_sched_clock_irq+0x8c7/0xbd0',
      ' update_process_times+0x8d/0xc0',
      ' tick_sched_handle+0x22/0x60',
      ' tick_sched_timer+0x7e/0xa0',
      ' __hrtimer_run_queues+0x112/0x2b0',
    ].join('\n');
    expect(extractLinuxPanic(text)?.title).toBe('INFO: rcu detected stall');
  });
});

describe('a Linux oops is titled after the function that crashed, not a word of the skip lists', () => {
  it('a general protection fault in dispose_list is dispose_list’s, though die() is crash machinery', () => {
    // arch/x86/kernel/traps.c exc_general_protection(): "general protection fault, probably for
    // non-canonical address 0x%lx"; arch/x86/kernel/dumpstack.c __die_header() " %04lx [#%d]%s%s%s%s%s\n";
    // arch/x86/kernel/process_64.c __show_regs() via show_ip() "RIP: %04x:%pS"; fs/inode.c dispose_list(),
    // evict_inodes().
    const text = [
      'general protection fault, probably for non-canonical address 0xdffffc0000000003: 0000 [#1] PREEMPT SMP KASAN',
      'CPU: 0 PID: 5071 Comm: umount Not tainted 6.1.0-18-amd64 #1  Debian 6.1.76-1',
      'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014',
      'RIP: 0010:dispose_list+0x9e/0x230',
      'Call Trace:',
      ' <TASK>',
      ' evict_inodes+0x5e0/0x680',
      ' generic_shutdown_super+0x98/0x340',
      ' kill_anon_super+0x3a/0x60',
      ' deactivate_locked_super+0xa0/0x110',
      ' cleanup_mnt+0x490/0x520',
      ' </TASK>',
    ].join('\n');
    expect(extractLinuxPanic(text)?.title).toBe('general protection fault in dispose_list');
  });
});
