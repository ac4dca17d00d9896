// Every kind of Linux crash report in src/report/parsers/linux-report-kinds.ts, read from a header
// line as the kernel prints it (the format string is cited beside each case, torvalds/linux), with
// the title a person filing the bug would write: the kind, then the function the report names
// (syzkaller pkg/report titles the same way). Around each header: what the kernel prints with it,
// lib/dump_stack.c dump_stack_print_info() "CPU: %d UID: %u PID: %d Comm: %.20s %s%s %s %.*s"
// (UID since 6.10), arch/x86/kernel/dumpstack.c show_trace_log_lvl() "Call Trace:" and
// printk_stack_address() " %s%pBb" frames, show_ip() "RIP: %04x:%pS".
import { describe, expect, it } from 'vitest';
import type { KernelPanic } from '../../../src/report/model.js';
import { extractLinuxPanic } from '../../../src/report/parsers/linux-panic.js';
import { LINUX_REPORT_KINDS } from '../../../src/report/parsers/linux-report-kinds.js';

const RULE = '==================================================================';
const CPU = 'CPU: 1 UID: 0 PID: 166 Comm: fusefs-workload Not tainted 6.12.0 #1';
const HW = 'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014';

/** A `Call Trace:` block of a task in a write(2), innermost first, as 6.x x86 prints it. */
function trace(...fns: string[]): string[] {
  return [
    'Call Trace:',
    ' <TASK>',
    ...fns.map((fn, i) => ` ${fn}+0x${(0x1a + i).toString(16)}/0x${(0x200 + i).toString(16)}`),
    ' vfs_write+0xfb/0x470',
    ' ksys_write+0x72/0xf0',
    ' do_syscall_64+0x82/0x190',
    ' entry_SYSCALL_64_after_hwframe+0x76/0x7e',
    ' </TASK>',
  ];
}

function read(lines: readonly string[]): KernelPanic {
  const panic = extractLinuxPanic(lines.join('\n'));
  expect(panic, 'a report is found').toBeDefined();
  return panic as KernelPanic;
}

/** Which kind of the table starts a report at this header line (its index). */
function kindOf(header: string): number {
  return LINUX_REPORT_KINDS.findIndex((k) => k.start.test(header));
}

describe('KASAN, KMSAN, KCSAN, KFENCE reports name the function of their header', () => {
  // mm/kasan/report.c print_error_description(): "BUG: KASAN: %s in %pS", bug_type "double-free"
  // (6.0+; "double-free or invalid-free" before), then "Free of addr %px by task %s/%d" (no access).
  it.each([
    'BUG: KASAN: double-free in fuse_file_put+0x1c2/0x2a0',
    'BUG: KASAN: double-free or invalid-free in fuse_file_put+0x1c2/0x2a0',
  ])('%s: KASAN: invalid-free, as syzkaller files both', (header) => {
    const p = read([
      RULE,
      header,
      '',
      CPU,
      HW,
      ...trace('dump_stack_lvl', 'print_report', 'kasan_report_invalid_free', 'kfree', 'fuse_file_put'),
    ]);
    expect(p.title).toBe('KASAN: invalid-free in fuse_file_put');
  });

  // The same report cut after its header (a console capture that ended there): the header alone names it.
  it('a double-free cut after its header is still filed under the header function, whole', () => {
    const p = read([RULE, 'BUG: KASAN: double-free in fuse_release_end+0x3c/0x90']);
    expect(p.title).toBe('KASAN: invalid-free in fuse_release_end');
  });

  // "%s of size %zu at addr %px by task %s/%d" follows the header.
  it.each([
    ['Read', 'slab-use-after-free'],
    ['Write', 'slab-out-of-bounds'],
  ])('the access (%s) follows the kind: KASAN: %s', (access, bug) => {
    const p = read([
      'fuse: init (API version 7.41)',
      RULE,
      `BUG: KASAN: ${bug} in fuse_dev_do_write+0x11b4/0x1360`,
      `${access} of size 8 at addr ffff888012acfc20 by task fusefs-workload/166`,
      '',
      CPU,
      HW,
      ...trace('dump_stack_lvl', 'print_report', 'kasan_report', 'fuse_dev_do_write', 'fuse_dev_write'),
    ]);
    expect(p.title).toBe(`KASAN: ${bug} ${access} in fuse_dev_do_write`);
    expect(p.cpu).toBe(1);
  });

  // Another CPU's message can land between the header and the access line (syzkaller's
  // linux/report/450 shows such interleaving); the access is still the report's.
  it('an interleaved line from another CPU between header and access changes nothing', () => {
    const p = read([
      RULE,
      'BUG: KASAN: slab-use-after-free in fuse_request_end+0x4a/0x5c0',
      'audit: type=1400 audit(1733100000.123:42): avc:  denied  { read } for  pid=170 comm="sh"',
      'Write of size 4 at addr ffff888012acfc20 by task fusefs-workload/166',
      CPU,
      ...trace('dump_stack_lvl', 'print_report', 'kasan_report', 'fuse_request_end'),
    ]);
    expect(p.title).toBe('KASAN: slab-use-after-free Write in fuse_request_end');
  });

  // A KASAN report past the twelfth line of a boot log: the access is read after the header, not at the text's start.
  it('the access is read under the header, wherever the header is in the log', () => {
    const boot = Array.from({ length: 20 }, (_, i) => `random: boot message ${i}`);
    const p = read([
      ...boot,
      RULE,
      'BUG: KASAN: use-after-free in fuse_readahead+0x2a0/0x6c0',
      'Read of size 8 at addr ffff888012acfc20 by task fusefs-workload/166',
      CPU,
      ...trace('dump_stack_lvl', 'print_report', 'kasan_report', 'fuse_readahead'),
    ]);
    expect(p.title).toBe('KASAN: use-after-free Read in fuse_readahead');
  });

  // "Free of addr %px by task %s/%d": an invalid-free report names no access.
  it('a KASAN report with no access line has none in its title', () => {
    const p = read([
      RULE,
      'BUG: KASAN: invalid-free in fuse_file_put+0x1c2/0x2a0',
      'Free of addr ffff888012acfc20 by task fusefs-workload/166',
      CPU,
      ...trace('dump_stack_lvl', 'print_report', 'kasan_report_invalid_free', 'fuse_file_put'),
    ]);
    expect(p.title).toBe('KASAN: invalid-free in fuse_file_put');
  });

  // mm/kmsan/report.c kmsan_report(): "BUG: KMSAN: %s in %pSr", the stack right under it.
  it('KMSAN: the kind and the header function', () => {
    const p = read([
      '=====================================================',
      'BUG: KMSAN: uninit-value in fuse_dev_do_read+0x1f2/0x2b0',
      ' fuse_dev_do_read+0x1f2/0x2b0',
      ' fuse_dev_read+0x10e/0x160',
      ' vfs_read+0x2a3/0x470',
    ]);
    expect(p.title).toBe('KMSAN: uninit-value in fuse_dev_do_read');
    // The frames under the header are the task's, though no CPU line named it.
    expect(p.threads[0]?.frames.map((f) => f.fn)).toEqual(['fuse_dev_do_read', 'fuse_dev_read', 'vfs_read']);
    expect(p.threads[0]?.comm).toBe('');
    expect(p.threads[0]?.pid).toBeUndefined();
  });

  // kernel/kcsan/report.c print_report(): "BUG: KCSAN: %s in %pS / %pS" (two racing accesses).
  it('KCSAN: the first of the two racing functions', () => {
    const p = read([
      RULE,
      'BUG: KCSAN: data-race in fuse_request_end / fuse_dev_do_read',
      '',
      'write to 0xffff8881234567a0 of 4 bytes by task 166 on cpu 1:',
      ' fuse_request_end+0x42/0x80',
    ]);
    expect(p.title).toBe('KCSAN: data-race in fuse_request_end');
  });

  // mm/kfence/report.c kfence_report_error(): "BUG: KFENCE: out-of-bounds %s in %pS",
  // "use-after-free %s in %pS", "invalid %s in %pS" (%s "read"/"write"), "memory corruption in %pS",
  // "invalid free in %pS"; before 5.12 the access was not named ("use-after-free in %pS").
  it.each([
    ['BUG: KFENCE: use-after-free read in fuse_file_put+0x7cb/0x930', 'KFENCE: use-after-free Read'],
    ['BUG: KFENCE: out-of-bounds write in fuse_copy_do+0x80/0x1c0', 'KFENCE: out-of-bounds Write'],
    ['BUG: KFENCE: use-after-free in fuse_file_put+0x7cb/0x930', 'KFENCE: use-after-free'],
    ['BUG: KFENCE: memory corruption in fuse_file_put+0x7cb/0x930', 'KFENCE: memory corruption'],
    ['BUG: KFENCE: invalid free in fuse_file_put+0x7cb/0x930', 'KFENCE: invalid free'],
    ['BUG: KFENCE: invalid read in fuse_copy_do+0x80/0x1c0', 'KFENCE: invalid Read'],
  ])('%s', (header, kind) => {
    const fn = /in (\w+)\+/.exec(header)?.[1];
    const p = read([RULE, header, '', 'Use-after-free read at 0x000000004c7839ea (in kfence-#134):']);
    expect(p.title).toBe(`${kind} in ${fn}`);
  });
});

describe('oopses: the function from the pc, then the stack', () => {
  // arch/x86/mm/fault.c show_fault_oops(): "BUG: unable to handle page fault for address: %px" (5.x+),
  // "BUG: unable to handle kernel paging request at %px" (before); powerpc
  // arch/powerpc/mm/fault.c: "BUG: Unable to handle kernel data access on %s at 0x%08lx".
  it.each([
    'BUG: unable to handle page fault for address: ffffc90000a4e000',
    'BUG: unable to handle kernel paging request at ffffc90000a4e000',
    'BUG: Unable to handle kernel data access on read at 0xc00000000a4e0000',
  ])('%s: BUG: unable to handle kernel paging request', (header) => {
    const p = read([
      header,
      '#PF: supervisor read access in kernel mode',
      'Oops: 0000 [#1] PREEMPT SMP NOPTI',
      CPU,
      HW,
      'RIP: 0010:fuse_copy_do+0x80/0x1c0',
      'Code: 48 89 e5 e8 92 fe ff ff 5d c3',
      ...trace('fuse_copy_do', 'fuse_copy_page', 'fuse_dev_do_write'),
    ]);
    expect(p.title).toBe('BUG: unable to handle kernel paging request in fuse_copy_do');
    expect(p.threads[0]).toMatchObject({
      pid: 166,
      tid: 166,
      comm: 'fusefs-workload',
      format: 'linux-panic',
    });
  });

  // show_fault_oops(): "BUG: kernel NULL pointer dereference, address: %px" (5.x+),
  // "BUG: unable to handle kernel NULL pointer dereference at %px" (before); powerpc
  // "BUG: Kernel NULL pointer dereference on %s at 0x%08lx".
  it.each([
    'BUG: kernel NULL pointer dereference, address: 0000000000000008',
    'BUG: unable to handle kernel NULL pointer dereference at 0000000000000008',
    'BUG: Kernel NULL pointer dereference on read at 0x00000008',
  ])('%s: BUG: unable to handle kernel NULL pointer dereference', (header) => {
    const p = read([
      header,
      CPU,
      'RIP: 0010:fuse_send_writepage+0x3a/0x140',
      ...trace('fuse_send_writepage'),
    ]);
    expect(p.title).toBe('BUG: unable to handle kernel NULL pointer dereference in fuse_send_writepage');
  });

  // arch/arm64/mm/fault.c die_kernel_fault(): "Unable to handle kernel %s at virtual address %016lx",
  // %s from __do_kernel_fault(): "NULL pointer dereference", "paging request", "execute from
  // non-executable memory", "read from unreadable memory", "write to read-only memory";
  // do_page_fault(): "access to user memory outside uaccess routines". arm64 dump_backtrace():
  // "Call trace:", frames " %pSb"; __show_regs(): "pc : %pS".
  it.each([
    ['NULL pointer dereference', 'BUG: unable to handle kernel NULL pointer dereference'],
    ['paging request', 'BUG: unable to handle kernel paging request'],
    ['execute from non-executable memory', 'unable to handle kernel execute from non-executable memory'],
    ['write to read-only memory', 'unable to handle kernel write to read-only memory'],
    ['read from unreadable memory', 'unable to handle kernel read from unreadable memory'],
    [
      'access to user memory outside uaccess routines',
      'unable to handle kernel access to user memory outside uaccess routines',
    ],
  ])('arm64 "Unable to handle kernel %s"', (what, kind) => {
    const p = read([
      `Unable to handle kernel ${what} at virtual address 0000000000000008`,
      'Mem abort info:',
      'Internal error: Oops: 0000000096000006 [#1] PREEMPT SMP',
      'CPU: 0 PID: 166 Comm: fusefs-workload Not tainted 6.1.0-18-arm64 #1  Debian 6.1.76-1',
      'pc : fuse_copy_do+0x48/0x100',
      'lr : fuse_copy_page+0x1f4/0x2a0',
      'Call trace:',
      ' fuse_copy_do+0x48/0x100',
      ' fuse_copy_page+0x1f4/0x2a0',
      ' fuse_dev_do_write+0x3a0/0x6c0',
    ]);
    expect(p.title).toBe(`${kind} in fuse_copy_do`);
    expect(p.cpu).toBe(0);
  });

  // arch/x86/kernel/traps.c exc_general_protection(): die_addr("general protection fault, probably
  // for non-canonical address 0x%lx", ...); dumpstack.c __die_header() "%s: %04lx [#%d]%s%s%s%s%s";
  // 6.x die() strings start with "Oops: ".
  it.each([
    'general protection fault, probably for non-canonical address 0xdffffc0000000001: 0000 [#1] PREEMPT SMP KASAN NOPTI',
    'Oops: general protection fault, probably for non-canonical address 0xdffffc0000000001: 0000 [#1] SMP',
    'general protection fault: 0000 [#1] SMP',
  ])('%s', (header) => {
    const p = read([header, CPU, 'RIP: 0010:fuse_flush+0x1e2/0x4d0', ...trace('fuse_flush')]);
    expect(p.title).toBe('general protection fault in fuse_flush');
  });

  // traps.c do_error_trap() callers: "divide error", "invalid opcode", "stack segment" (its title as
  // syzkaller files it, "stack segment fault").
  it.each([
    ['divide error: 0000 [#1] PREEMPT SMP NOPTI', 'divide error'],
    ['Oops: divide error: 0000 [#1] PREEMPT SMP NOPTI', 'divide error'],
    ['invalid opcode: 0000 [#1] PREEMPT SMP NOPTI', 'invalid opcode'],
    ['Oops: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI', 'invalid opcode'],
    ['stack segment: 0000 [#1] PREEMPT SMP KASAN', 'stack segment fault'],
    ['Oops: stack segment: 0000 [#1] PREEMPT SMP KASAN', 'stack segment fault'],
  ])('%s: %s', (header, kind) => {
    const p = read([header, CPU, 'RIP: 0010:fuse_fill_super+0x9a/0x520', ...trace('fuse_fill_super')]);
    expect(p.title).toBe(`${kind} in fuse_fill_super`);
  });

  // traps.c exc_double_fault(): pr_emerg("PANIC: double fault, error_code: 0x%lx\n"); traps.c has no
  // pr_fmt before 5.x, "traps: " since (both seen in real logs: "traps: PANIC: double fault, error_code: 0x0").
  it.each(['PANIC: double fault, error_code: 0x0', 'traps: PANIC: double fault, error_code: 0x0'])(
    '%s: PANIC: double fault',
    (header) => {
      const p = read([
        header,
        'double fault: 0000 [#1] PREEMPT SMP NOPTI',
        CPU,
        'RIP: 0010:fuse_do_getattr+0x4/0x50',
        ...trace('fuse_do_getattr'),
      ]);
      expect(p.title).toBe('PANIC: double fault in fuse_do_getattr');
    },
  );

  // lib/bug.c report_bug(): pr_crit("kernel BUG at %s:%u!\n", file, line).
  it('kernel BUG at FILE:LINE!: kernel BUG, the function of the pc', () => {
    const p = read([
      'kernel BUG at fs/fuse/file.c:1203!',
      'Oops: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI',
      CPU,
      'RIP: 0010:fuse_perform_write+0x5a2/0x5b0',
      ...trace('fuse_perform_write', 'fuse_file_write_iter'),
    ]);
    expect(p.title).toBe('kernel BUG in fuse_perform_write');
  });
});

describe('lockups and stalls: the function the CPU was looping in', () => {
  // kernel/watchdog.c watchdog_timer_fn(): pr_emerg("BUG: soft lockup - CPU#%d stuck for %us! [%s:%d]\n")
  // with pr_fmt "watchdog: "; the trace starts in the timer interrupt, the looping code after it.
  it('watchdog: BUG: soft lockup: the code the timer interrupted', () => {
    const p = read([
      'watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [fusefs-workload:166]',
      'Modules linked in: fuse',
      CPU,
      'Call Trace:',
      ' <IRQ>',
      ' ? watchdog_timer_fn+0x1e0/0x260',
      ' __hrtimer_run_queues+0x10f/0x2a0',
      ' hrtimer_interrupt+0xf8/0x230',
      ' __sysvec_apic_timer_interrupt+0x55/0x110',
      ' sysvec_apic_timer_interrupt+0x6c/0x90',
      ' </IRQ>',
      ' <TASK>',
      ' asm_sysvec_apic_timer_interrupt+0x1a/0x20',
      ' fuse_wait_on_page_writeback+0x30/0x90',
      ' fuse_page_mkwrite+0x5e/0xa0',
      ' do_page_mkwrite+0x50/0xb0',
      ' </TASK>',
    ]);
    expect(p.title).toBe('BUG: soft lockup in fuse_wait_on_page_writeback');
  });

  // kernel/watchdog_perf.c watchdog_overflow_callback() / watchdog_buddy.c: "Watchdog detected hard LOCKUP on cpu %d".
  it('Watchdog detected hard LOCKUP: BUG: hard lockup', () => {
    const p = read([
      'Watchdog detected hard LOCKUP on cpu 1',
      CPU,
      'RIP: 0010:fuse_request_end+0x10/0x5c0',
      ...trace('fuse_request_end'),
    ]);
    expect(p.title).toBe('BUG: hard lockup in fuse_request_end');
  });

  // kernel/rcu/tree_stall.h print_cpu_stall() "INFO: %s self-detected stall on CPU" and
  // print_other_cpu_stall() "INFO: %s detected stalls on CPUs/tasks:", rcu_state.name, pr_fmt "rcu: " (5.x+).
  it.each([
    'rcu: INFO: rcu_preempt self-detected stall on CPU',
    'INFO: rcu_sched detected stalls on CPUs/tasks:',
    'rcu: INFO: rcu_preempt detected expedited stalls on CPUs/tasks: { 1-... } 21003 jiffies s: 869 root: 0x2/.',
  ])('%s: INFO: rcu detected stall', (header) => {
    const p = read([
      header,
      CPU,
      'RIP: 0010:fuse_dev_do_read+0x8b/0x700',
      ...trace('fuse_dev_do_read', 'fuse_dev_read'),
    ]);
    expect(p.title).toBe('INFO: rcu detected stall in fuse_dev_do_read');
  });
});

describe('BUG: messages', () => {
  // mm/page_alloc.c bad_page(): "BUG: Bad page state in process %s  pfn:%05lx"; mm/memory.c
  // print_bad_pte(): "BUG: Bad page map in process %s  pte:%08llx pmd:%08llx"; kernel/fork.c
  // check_mm(): "BUG: Bad rss-counter state mm:%p type:%s val:%ld"; kernel/workqueue.c
  // wq_watchdog_timer_fn(): "BUG: workqueue lockup - pool". No function: the stack is not the bug's.
  it.each([
    ['BUG: Bad page state in process fusefs-workload  pfn:1a2b3', 'BUG: Bad page state'],
    ['BUG: Bad page map in process fusefs-workload  pte:8000000012345067 pmd:12345067', 'BUG: Bad page map'],
    ['BUG: Bad rss-counter state mm:00000000deadbeef type:MM_FILEPAGES val:1', 'BUG: Bad rss-counter state'],
    ['BUG: workqueue lockup - pool cpus=1 node=0 flags=0x0 nice=0 stuck for 31s!', 'BUG: workqueue lockup'],
  ])('%s: %s, alone', (header, title) => {
    const p = read([header, CPU, ...trace('fuse_release_end')]);
    expect(p.title).toBe(title);
  });

  // kernel/sched/core.c __might_resched(): "BUG: sleeping function called from invalid context at %s:%d";
  // __schedule_bug(): "BUG: scheduling while atomic: %s/%d/0x%08x"; kernel/locking/spinlock_debug.c
  // spin_dump(): "BUG: spinlock %s on CPU#%d, %s/%d"; lib/smp_processor_id.c: "BUG: using %s%s() in
  // preemptible [%08x] code: %s/%d".
  it.each([
    [
      'BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580',
      'BUG: sleeping function called from invalid context',
    ],
    ['BUG: scheduling while atomic: fusefs-workload/166/0x00000002', 'BUG: scheduling while atomic'],
    ['BUG: spinlock bad magic on CPU#1, fusefs-workload/166', 'BUG: spinlock bad magic'],
    ['BUG: spinlock already unlocked on CPU#1, fusefs-workload/166', 'BUG: spinlock already unlocked'],
    // kernel/locking/lockdep.c: "BUG: MAX_LOCKDEP_KEYS too low!"
    ['BUG: MAX_LOCKDEP_KEYS too low!', 'BUG: MAX_LOCKDEP_KEYS too low'],
    [
      'BUG: using smp_processor_id() in preemptible [00000000] code: fusefs-workload/166',
      'BUG: using smp_processor_id() in preemptible [ADDR] code',
    ],
  ])('%s', (header, kind) => {
    const p = read([header, CPU, ...trace('dump_stack_lvl', '__might_resched', 'fuse_lock_inode')]);
    expect(p.title).toBe(`${kind} in fuse_lock_inode`);
  });

  // arch/x86/kernel/traps.c handle_stack_overflow(): "BUG: %s stack guard page was hit at %p (stack
  // is %p..%p)" (5.x+, %s the stack's name) behind traps.c's pr_fmt "traps: ".
  it('a pr_fmt prefix before BUG: (traps: BUG: TASK stack guard page was hit at ...)', () => {
    const p = read([
      'traps: BUG: TASK stack guard page was hit at 00000000a1b2c3d4 (stack is 00000000e5f6a7b8..0000000011223344)',
      'stack guard page: 0000 [#1] PREEMPT SMP NOPTI',
      CPU,
      'RIP: 0010:fuse_dentry_revalidate+0x12/0x300',
      ...trace('fuse_dentry_revalidate'),
    ]);
    expect(p.title).toBe('BUG: TASK stack guard page was hit in fuse_dentry_revalidate');
  });
});

describe('WARNINGs', () => {
  // kernel/panic.c __warn(): "WARNING: CPU: %d PID: %d at %s:%d %pS\n" (file, line, caller); before
  // 4.x warn_slowpath_common() "WARNING: at %s:%d %pS()". The header's function is the WARNING's.
  it.each([
    'WARNING: CPU: 1 PID: 166 at fs/fuse/file.c:1890 fuse_write_file_get+0x4c/0x60',
    'WARNING: at fs/fuse/file.c:1890 fuse_write_file_get+0x4c/0x60()',
    'WARNING: at fs/fuse/file.c:1890 fuse_write_file_get()',
  ])('%s: WARNING in the header function', (header) => {
    const p = read([
      '------------[ cut here ]------------',
      header,
      'Modules linked in: fuse',
      CPU,
      'RIP: 0010:fuse_write_file_get+0x4c/0x60',
      ...trace('fuse_write_file_get', 'fuse_writepages_fill'),
    ]);
    expect(p.title).toBe('WARNING in fuse_write_file_get');
  });

  // __warn() without a file: "WARNING: CPU: %d PID: %d at %pS\n"; %pS of a pc with no symbol is a
  // bare address (lib/vsprintf.c), so the pc and the stack name the function.
  // Before 4.x the same, "WARNING: at %s:%d %pS()": a bare address then "()".
  it.each([
    'WARNING: CPU: 12 PID: 1660 at 0xffffffffc0a1b2c3',
    'WARNING: at fs/fuse/file.c:1890 0xffffffffc0a1b2c3()',
  ])('%s: the pc names the function', (header) => {
    const p = read([
      header,
      CPU,
      'RIP: 0010:fuse_write_file_get+0x4c/0x60',
      ...trace('fuse_writepages_fill'),
    ]);
    expect(p.title).toBe('WARNING in fuse_write_file_get');
  });

  // A capture that ended right after the header: the header's function is all there is.
  it.each([
    'WARNING: CPU: 12 PID: 1660 at fs/fuse/file.c:1890 fuse_write_file_get+0x4c/0x60',
    'WARNING: at fs/fuse/file.c:1890 fuse_write_file_get+0x4c/0x60()',
  ])('%s, cut there: WARNING in the header function', (header) => {
    expect(read([header]).title).toBe('WARNING in fuse_write_file_get');
  });

  // kernel/locking/lockdep.c: print_freed_lock_bug() "WARNING: held lock freed!", print_unlock_imbalance_bug()
  // "WARNING: bad unlock balance detected!", lockdep_sys_exit()
  // "WARNING: lock held when returning to user space!", lockdep_rcu_suspicious() "WARNING: suspicious RCU usage".
  it.each([
    ['WARNING: held lock freed!', 'WARNING: held lock freed'],
    ['WARNING: bad unlock balance detected!', 'WARNING: bad unlock balance detected'],
    ['WARNING: lock held when returning to user space!', 'WARNING: lock held when returning to user space'],
    ['WARNING: suspicious RCU usage', 'WARNING: suspicious RCU usage'],
  ])('%s: %s', (header, kind) => {
    const p = read([
      header,
      '6.12.0 #1 Not tainted',
      '-------------------------',
      CPU,
      ...trace('dump_stack_lvl', 'lockdep_rcu_suspicious', 'fuse_dir_changed'),
    ]);
    expect(p.title).toBe(`${kind} in fuse_dir_changed`);
  });

  // Any other "WARNING: %s": kernel/locking/lockdep.c print_lock_invalid_wait_context()
  // "WARNING: Invalid wait context" (a trailing blank from a serial console dropped); the message is
  // the kind, its numbers normalised.
  it('another WARNING: message is its own kind, normalised', () => {
    const p = read(['WARNING: Invalid wait context  ', '6.12.0 #1 Not tainted', CPU, ...trace('fuse_flush')]);
    expect(p.title).toBe('WARNING: Invalid wait context in fuse_flush');
    const n = read(['WARNING: kmalloc bug 4096 pages', CPU, ...trace('fuse_flush')]);
    expect(n.title).toBe('WARNING: kmalloc bug NUM pages in fuse_flush');
  });
});

describe('lockdep reports: the lock being taken names the function', () => {
  // kernel/locking/lockdep.c print_circular_bug_header(): "WARNING: possible circular locking dependency
  // detected", "%s/%d is trying to acquire lock:", then print_lock(): "%px (%s){%s}-{%d:%d}, at: %pS".
  const chain = (header: string, trying: string) => [
    '======================================================',
    header,
    '6.12.0 #1 Not tainted',
    '------------------------------------------------------',
    trying,
    'ffff888012345678 (&fi->mutex){+.+.}-{3:3}, at: fuse_lock_inode+0x5b/0x70',
    '',
    'but task is already holding lock:',
    'ffff888087654321 (&sb->s_type->i_mutex_key#14){++++}-{3:3}, at: fuse_file_write_iter+0x8a/0x400',
    '',
    CPU,
    ...trace('dump_stack_lvl', 'print_circular_bug', '__lock_acquire', 'lock_acquire', 'mutex_lock_nested'),
  ];
  it.each([
    [
      'WARNING: possible circular locking dependency detected',
      'fusefs-workload/166 is trying to acquire lock:',
    ],
    ['WARNING: possible recursive locking detected', 'fusefs-workload/166 is trying to acquire lock:'],
    [
      '[ INFO: possible circular locking dependency detected ]',
      'fusefs-workload/166 is trying to acquire lock:',
    ],
    [
      'WARNING: SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected',
      'fusefs-workload/166 [HC0[0]:SC0[0]:HE0:SE1] is trying to acquire:',
    ],
    [
      'WARNING: possible irq lock inversion dependency detected',
      'fusefs-workload/166 just changed the state of lock:',
    ],
  ])('%s: possible deadlock in the function taking the lock', (header, trying) => {
    expect(read(chain(header, trying)).title).toBe('possible deadlock in fuse_lock_inode');
  });

  // Before 4.x print_lock() printed the lock, then ", at: " and print_ip_sym() "[<%p>] %pS".
  it('3.x: the at: line with its address', () => {
    const lines = chain(
      'WARNING: possible circular locking dependency detected',
      'fusefs-workload/166 is trying to acquire lock:',
    );
    lines[5] = ' (&fi->mutex){+.+.+.}, at: [<ffffffffa0123456>] fuse_lock_inode+0x5b/0x70 [fuse]';
    expect(read(lines).title).toBe('possible deadlock in fuse_lock_inode');
  });

  // print_usage_bug(): "WARNING: inconsistent lock state", "%s/%d [HC%u[%lu]:SC%u[%lu]:HE%u:SE%u] takes:".
  it('WARNING: inconsistent lock state, in the function taking the lock', () => {
    const p = read(
      chain('WARNING: inconsistent lock state', 'fusefs-workload/166 [HC0[0]:SC1[1]:HE1:SE0] takes:'),
    );
    expect(p.title).toBe('inconsistent lock state in fuse_lock_inode');
  });

  // The trace (lock machinery, then the caller) is read after the lock line; a report whose `at:` line
  // never came (cut) falls back to the stack.
  it('no at: line: the stack names the function', () => {
    const p = read([
      'WARNING: possible recursive locking detected',
      'fusefs-workload/166 is trying to acquire lock:',
      CPU,
      ...trace('dump_stack_lvl', 'lock_acquire', 'mutex_lock_nested', 'fuse_set_nowrite'),
    ]);
    expect(p.title).toBe('possible deadlock in fuse_set_nowrite');
  });
});

describe('UBSAN', () => {
  // lib/ubsan.c ubsan_prologue(): "UBSAN: %s in %s:%d:%d" (5.x+: the check's name), before 5.x
  // "UBSAN: Undefined behaviour in %s:%d:%d".
  it.each([
    ['UBSAN: array-index-out-of-bounds in fs/fuse/dev.c:1234:5', 'UBSAN: array-index-out-of-bounds'],
    ['UBSAN: shift-out-of-bounds in fs/fuse/file.c:88:20', 'UBSAN: shift-out-of-bounds'],
    ['UBSAN: Undefined behaviour in fs/fuse/file.c:88:20', 'UBSAN: undefined-behaviour'],
  ])('%s: %s', (header, kind) => {
    const p = read([
      RULE,
      header,
      'index 8 is out of range for type "fuse_arg [8]"',
      CPU,
      ...trace('dump_stack_lvl', 'ubsan_epilogue', '__ubsan_handle_out_of_bounds', 'fuse_copy_args'),
    ]);
    expect(p.title).toBe(`${kind} in fuse_copy_args`);
  });
});

describe('kernel panics', () => {
  // kernel/panic.c panic(): "Kernel panic - not syncing: %s", its own dump_stack() after it.
  it('a panic of its own: panic: MESSAGE, the message normalised, no function', () => {
    const p = read([
      'Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000009',
      'CPU: 0 UID: 0 PID: 1 Comm: init Not tainted 6.12.0 #1',
      ...trace('dump_stack_lvl', 'panic', 'do_exit', 'do_group_exit'),
    ]);
    expect(p.title).toBe('panic: Attempted to kill init! exitcode=ADDR');
    expect(p.message).toBe('Attempted to kill init! exitcode=0x00000009');
    expect(p.threads[0]).toMatchObject({ pid: 1, comm: 'init' });
  });
});

describe('which kind a header line starts', () => {
  // The kind table is read in order; a header for one kind must not be taken by another.
  it.each([
    ['BUG: KASAN: double-free in kfree+0x1/0x2', 0],
    ['BUG: KASAN: use-after-free in f+0x1/0x2', 1],
    ['BUG: KMSAN: uninit-value in f+0x1/0x2', 2],
    ['BUG: KCSAN: data-race in f / g', 3],
  ])('%s is kind %d', (header, index) => {
    expect(kindOf(header)).toBe(index);
  });

  // What is not a report's first line: a header-like text inside a line of other output.
  it.each([
    'sh: line 1: WARNING: CPU: 1 PID: 166 at fs/fuse/file.c:1890 fuse_write_file_get+0x4c/0x60',
    'echo "kernel BUG at fs/fuse/file.c:1203!"',
    '+ grep -q "general protection fault" /tmp/log',
    'test: expect "Kernel panic - not syncing: x"',
    'test: grep "UBSAN: shift-out-of-bounds in x"',
    'test: grep "Unable to handle kernel paging request at"',
    'test: grep "divide error: 0000"',
    'test: grep "PANIC: double fault"',
    'test: grep "INFO: rcu_preempt self-detected stall"',
    'test: grep "WARNING: possible circular locking dependency detected"',
    'test: grep "WARNING: held lock freed!"',
    'test: grep "WARNING: something"',
    'test: grep "BUG: scheduling while atomic"',
  ])('not a report: %s', (line) => {
    expect(extractLinuxPanic(`${line}\n`)).toBeUndefined();
  });
});
