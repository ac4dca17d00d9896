// How the Linux crash reader puts a report together around its header (src/report/parsers/linux-panic.ts):
// the crashing task's line, its pc, its trace, the panic that ended it, in the forms kernels of each
// era print them. Formats, torvalds/linux:
// - lib/dump_stack.c dump_stack_print_info(): "CPU: %d UID: %u PID: %d Comm: %.20s %s%s %s %.*s" (UID
//   since 6.10); before 3.x arch/x86/kernel/process_64.c show_regs_common(): "Pid: %d, comm: %.20s %s %s %.*s";
// - arch/x86/kernel/dumpstack.c show_ip(): "RIP: %04x:%pS" (4.x+); before, __show_regs() "RIP: %04lx:[<%016lx>] "
//   then printk_address() " [<%p>] %pS", and show_fault_oops() "IP: [<%p>] %pS"; process_32.c "EIP: %pS";
//   arch/arm/kernel/process.c __show_regs() "PC is at %pS"; arch/arm64/kernel/process.c "pc : %pS";
//   arch/powerpc/kernel/process.c show_regs() "NIP [%016lx] %pS";
// - kernel/panic.c print_oops_end_marker() "---[ end trace %016llx ]---"; panic() "Kernel panic - not
//   syncing: %s", its dump_stack() only when no oops printed one (TAINT_DIE), "---[ end Kernel panic ...";
// - arch/x86/kernel/dumpstack.c __die_header() "%s: %04lx [#%d]%s%s%s%s%s" for any die() string (int3...);
// - lib/nmi_backtrace.c nmi_cpu_backtrace(): "NMI backtrace for cpu %d", then the CPU's regs or stack
//   (drivers/tty/sysrq.c "sysrq: Show backtrace of all active CPUs");
// - kernel/hung_task.c check_hung_uninterruptible_tasks(): panic("hung_task: blocked tasks").
import { describe, expect, it } from 'vitest';
import type { KernelPanic } from '../../../src/report/model.js';
import { extractLinuxPanic, linuxPanicParser } from '../../../src/report/parsers/linux-panic.js';

const fns = (p: KernelPanic | undefined, i = 0) => p?.threads[i]?.frames.map((f) => f.fn);
const text = (lines: readonly string[]) => `${lines.join('\n')}\n`;

/** x86 6.x oops registers after the RIP line (show_regs). */
const REGS = [
  'Code: 48 89 e5 e8 92 fe ff ff 5d c3 8b 07 85 c0 7e 16 48 85 ff 74 05 3e ff 0f 74 01 c3',
  'RSP: 0018:ffffc90000a4fd48 EFLAGS: 00010246',
  'RAX: 0000000000000000 RBX: ffff888012345678 RCX: 0000000000000000',
];
/** An x86 trace from the oops's regs: the faulting function is only in the RIP line, the trace starts at its caller. */
const CALLERS = [
  'Call Trace:',
  ' <TASK>',
  ' fuse_ioctl_common+0x9a/0x120',
  ' __x64_sys_ioctl+0x90/0xd0',
  ' do_syscall_64+0x82/0x190',
  ' entry_SYSCALL_64_after_hwframe+0x76/0x7e',
  ' </TASK>',
];

// An oops of a kind the table has no title for (die("int3")): the panic that follows is the report,
// and the oops's own dump is the crashing task's, though panic() printed no stack of its own.
const INT3_THEN_PANIC = [
  'int3: 0000 [#1] PREEMPT SMP NOPTI',
  'CPU: 12 UID: 1000 PID: 1660 Comm: fusefs-workload Not tainted 6.12.0 #1',
  'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014',
  'RIP: 0010:fuse_do_ioctl+0x4a1/0x8b0',
  ...REGS,
  ...CALLERS,
  'Modules linked in: fuse',
  '---[ end trace 0000000000000000 ]---',
  'RIP: 0010:fuse_do_ioctl+0x4a1/0x8b0',
  ...REGS,
  'Kernel panic - not syncing: Fatal exception',
  'Kernel Offset: disabled',
  '---[ end Kernel panic - not syncing: Fatal exception ]---',
];

describe('the panic after an oops the table does not know', () => {
  it("takes the oops's task, pc and trace, and panic()'s message", () => {
    const p = extractLinuxPanic(text(INT3_THEN_PANIC));
    expect(p?.message).toBe('Fatal exception');
    expect(p?.title).toBe('panic: Fatal exception');
    expect(p?.cpu).toBe(12);
    expect(p?.threads).toHaveLength(1);
    expect(p?.threads[0]).toMatchObject({ pid: 1660, tid: 1660, comm: 'fusefs-workload' });
    expect(fns(p)).toEqual([
      'fuse_do_ioctl',
      'fuse_ioctl_common',
      '__x64_sys_ioctl',
      'do_syscall_64',
      'entry_SYSCALL_64_after_hwframe',
    ]);
  });

  // A report quoted in a mail or an issue, every line indented: read as the console printed it.
  it('reads the same when every line is indented', () => {
    const plain = extractLinuxPanic(text(INT3_THEN_PANIC));
    const quoted = extractLinuxPanic(text(INT3_THEN_PANIC.map((l) => `    ${l}`)));
    expect(quoted).toEqual(plain);
  });
});

describe('a panic that printed its own stack', () => {
  // echo l > /proc/sysrq-trigger, then echo c: the NMI backtrace of the shell's CPU comes first.
  const NMI_THEN_CRASH = [
    'sysrq: Show backtrace of all active CPUs',
    'NMI backtrace for cpu 0',
    'CPU: 0 UID: 0 PID: 233 Comm: sh Not tainted 6.12.0 #1',
    'Call Trace:',
    ' <TASK>',
    ' dump_stack_lvl+0x5d/0x80',
    ' nmi_cpu_backtrace+0xd3/0x100',
    ' nmi_trigger_cpumask_backtrace+0x11e/0x130',
    ' __handle_sysrq.cold+0x9b/0xda',
    ' write_sysrq_trigger+0x5b/0x70',
    ' </TASK>',
    'sysrq: Trigger a crash',
    'Kernel panic - not syncing: sysrq triggered crash',
    'CPU: 1 UID: 0 PID: 240 Comm: crash-test Not tainted 6.12.0 #1',
    'Call Trace:',
    ' <TASK>',
    ' dump_stack_lvl+0x5d/0x80',
    ' panic+0x118/0x2f0',
    ' sysrq_handle_crash+0x1a/0x20',
    ' __handle_sysrq.cold+0x9b/0xda',
    ' </TASK>',
    'Kernel Offset: disabled',
    '---[ end Kernel panic - not syncing: sysrq triggered crash ]---',
  ];

  it('is its own task: not an earlier dump of another CPU', () => {
    const p = extractLinuxPanic(text(NMI_THEN_CRASH));
    expect(p?.message).toBe('sysrq triggered crash');
    expect(p?.cpu).toBe(1);
    expect(p?.threads[0]).toMatchObject({ pid: 240, comm: 'crash-test' });
    expect(fns(p)).toEqual(['dump_stack_lvl', 'panic', 'sysrq_handle_crash', '__handle_sysrq.cold']);
  });

  // The capture ended after panic()'s own task line: that task, not the earlier dump's.
  it('cut after its task line: its own task, with no frames', () => {
    const cut = NMI_THEN_CRASH.slice(
      0,
      NMI_THEN_CRASH.indexOf('CPU: 1 UID: 0 PID: 240 Comm: crash-test Not tainted 6.12.0 #1') + 1,
    );
    const p = extractLinuxPanic(text(cut));
    expect(p?.cpu).toBe(1);
    expect(p?.threads).toEqual([
      { comm: 'crash-test', pid: 240, tid: 240, frames: [], format: 'linux-panic' },
    ]);
  });

  // A capture with panic()'s line and nothing of a task before or after it (init/do_mounts.c
  // mount_root_generic(): panic("VFS: Unable to mount root fs on %s", ...)).
  it('alone in the capture: its message, no task', () => {
    const p = extractLinuxPanic(
      text(['Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)']),
    );
    expect(p?.message).toBe('VFS: Unable to mount root fs on unknown-block(0,0)');
    expect(p?.title).toBe('panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)');
    expect(p?.threads).toEqual([]);
  });

  // After a panic the guest reboots (panic=N) and the console goes on: a second panic in the next
  // boot is not the first one's message.
  it('keeps its own message when a later boot panics again', () => {
    const later = [
      'Linux version 6.12.0 (debian-kernel@lists.debian.org)',
      'Kernel panic - not syncing: VFS: Unable to mount root fs',
    ];
    const p = extractLinuxPanic(text([...NMI_THEN_CRASH, ...later]));
    expect(p?.message).toBe('sysrq triggered crash');
    expect(p?.title).toBe('panic: sysrq triggered crash');
  });
});

describe('hung_task_panic: the hung task is the bug', () => {
  // kernel/hung_task.c check_hung_task() / sched_show_task(), then panic("hung_task: blocked tasks").
  const HUNG = [
    'INFO: task fusefs-workload:214 blocked for more than 122 seconds.',
    '      Not tainted 6.12.0 #1',
    '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
    'task:fusefs-workload state:D stack:0     pid:214   tgid:211   ppid:205    flags:0x00004002',
    'Call Trace:',
    ' <TASK>',
    ' __schedule+0x403/0xbc0',
    ' schedule+0x27/0xf0',
    ' schedule_preempt_disabled+0x15/0x30',
    ' rwsem_down_write_slowpath+0x270/0x6b0',
    ' down_write+0x5b/0x60',
    ' fuse_file_write_iter+0xa6/0x400',
    ' vfs_write+0x2a3/0x470',
    ' ksys_write+0x72/0xf0',
    ' </TASK>',
    'Kernel panic - not syncing: hung_task: blocked tasks',
    'CPU: 0 UID: 0 PID: 29 Comm: khungtaskd Not tainted 6.12.0 #1',
    'Call Trace:',
    ' <TASK>',
    ' dump_stack_lvl+0x5d/0x80',
    ' panic+0x118/0x2f0',
    ' watchdog+0x2cc/0x2f4',
    ' kthread+0xcf/0x100',
    ' </TASK>',
  ];

  it('is titled and carried as the hang, not as khungtaskd', () => {
    const p = extractLinuxPanic(text(HUNG));
    expect(p?.message).toBe('hung_task: blocked tasks');
    expect(p?.title).toBe('hang in fuse_file_write_iter');
    expect(p?.threads.map((t) => t.tid)).toEqual([214]);
  });

  // The serial console of a guest that rebooted after the panic (panic=N): a whole next boot follows.
  it('is found when a long next boot follows the panic', () => {
    const boot = Array.from({ length: 2100 }, (_, i) => `[    ${(i / 1000).toFixed(6)}] boot message ${i}`);
    const p = extractLinuxPanic(text([...HUNG, ...boot]));
    expect(p?.title).toBe('hang in fuse_file_write_iter');
    expect(p?.threads.map((t) => t.tid)).toEqual([214]);
  });

  it("the parser's threads are the panic's own (the hang is the hung-task parser's)", () => {
    const threads = linuxPanicParser.parse(text(HUNG));
    expect(threads).toEqual([]);
    expect(linuxPanicParser.format).toBe('linux-panic');
  });
});

describe('the task line of every era', () => {
  // A 2.6.32 (RHEL 6) oops: "IP: [<%p>] %pS" under the header, "Pid: %d, comm: %.20s" in the regs,
  // the trace with addresses first; the faulting function is only in IP/RIP.
  const OLD = [
    'BUG: unable to handle kernel NULL pointer dereference at 0000000000000008',
    'IP: [<ffffffffa0123456>] fuse_copy_do+0x80/0x1c0 [fuse]',
    'PGD 12345067 PUD 0',
    'Oops: 0000 [#1] SMP',
    'last sysfs file: /sys/devices/system/cpu/online',
    'CPU 1',
    'Modules linked in: fuse',
    '',
    'Pid: 1234, comm: fusefs-workload Not tainted 2.6.32-431.el6.x86_64 #1 QEMU Standard PC',
    'RIP: 0010:[<ffffffffa0123456>]  [<ffffffffa0123456>] fuse_copy_do+0x80/0x1c0 [fuse]',
    'RSP: 0018:ffff88007b5c3d38  EFLAGS: 00010246',
    'Process fusefs-workload (pid: 1234, threadinfo ffff88007b5c2000, task ffff88007c0a8040)',
    'Call Trace:',
    ' [<ffffffffa0123789>] fuse_copy_page+0x1f4/0x2a0 [fuse]',
    ' [<ffffffffa0124000>] fuse_dev_do_write+0x3a0/0x6c0 [fuse]',
    ' [<ffffffff81181f88>] vfs_write+0xb8/0x1a0',
    'Code: 48 89 e5 e8 92 fe ff ff',
    'RIP  [<ffffffffa0123456>] fuse_copy_do+0x80/0x1c0 [fuse]',
    '---[ end trace a7919e7f17c0a725 ]---',
    'Kernel panic - not syncing: Fatal exception',
    'Pid: 1234, comm: fusefs-workload Tainted: G      D    2.6.32-431.el6.x86_64 #1',
  ];

  it('2.6: Pid/comm, the IP line, then the trace', () => {
    const p = extractLinuxPanic(text(OLD));
    expect(p?.title).toBe('BUG: unable to handle kernel NULL pointer dereference in fuse_copy_do');
    expect(p?.message).toBe('Fatal exception');
    expect(p?.threads[0]).toMatchObject({ pid: 1234, tid: 1234, comm: 'fusefs-workload' });
    expect(fns(p)).toEqual(['fuse_copy_do', 'fuse_copy_page', 'fuse_dev_do_write', 'vfs_write']);
  });

  // The same oops with only the RIP line (3.x show_fault_oops printed no IP line when the
  // regs came first): RIP's two addresses, then the symbol.
  it('3.x: the RIP line with its two addresses', () => {
    const p = extractLinuxPanic(text(OLD.filter((l) => !l.startsWith('IP: '))));
    expect(fns(p)).toEqual(['fuse_copy_do', 'fuse_copy_page', 'fuse_dev_do_write', 'vfs_write']);
  });

  it.each([
    ['i386', 'EIP: fuse_copy_do+0x80/0x1c0'],
    ['arm', 'PC is at fuse_copy_do+0x80/0x1c0'],
    ['arm64', 'pc : fuse_copy_do+0x80/0x1c0'],
    ['x86_64', 'RIP: 0010:fuse_copy_do+0x80/0x1c0'],
    ['powerpc', 'NIP [c000000000123456] fuse_copy_do+0x80/0x1c0'],
  ])('%s: %s is the innermost frame, above the trace', (_arch, pc) => {
    const p = extractLinuxPanic(
      text([
        'BUG: kernel NULL pointer dereference, address: 0000000000000008',
        'CPU: 1 UID: 0 PID: 166 Comm: fusefs-workload Not tainted 6.12.0 #1',
        pc,
        'Call Trace:',
        ' fuse_copy_page+0x1f4/0x2a0',
        ' fuse_dev_do_write+0x3a0/0x6c0',
      ]),
    );
    expect(p?.title).toBe('BUG: unable to handle kernel NULL pointer dereference in fuse_copy_do');
    expect(fns(p)).toEqual(['fuse_copy_do', 'fuse_copy_page', 'fuse_dev_do_write']);
  });

  // i386 before 4.x: __show_regs() "EIP: %04x:[<%08lx>] EFLAGS: %08lx CPU: %d", then "EIP is at %pS";
  // the trace starts at the caller.
  it('i386 2.6: EIP is at FUNC names the pc', () => {
    const p = extractLinuxPanic(
      text([
        'kernel BUG at fs/fuse/file.c:1203!',
        'invalid opcode: 0000 [#1] SMP',
        'Pid: 1234, comm: fusefs-workload Not tainted 2.6.32-5-686 #1 Bochs',
        'EIP: 0060:[<f8123456>] EFLAGS: 00010246 CPU: 0',
        'EIP is at fuse_perform_write+0x5a2/0x5b0 [fuse]',
        'EAX: 00000000 EBX: f5c3bd38 ECX: 00000000 EDX: 00000001',
        'Process fusefs-workload (pid: 1234, ti=f5c3a000 task=f6d8c000 task.ti=f5c3a000)',
        'Call Trace:',
        ' [<f8123789>] fuse_file_aio_write+0x1f4/0x2a0 [fuse]',
        ' [<c10a2345>] vfs_write+0x8f/0x100',
      ]),
    );
    expect(p?.title).toBe('kernel BUG in fuse_perform_write');
    expect(fns(p)).toEqual(['fuse_perform_write', 'fuse_file_aio_write', 'vfs_write']);
  });

  // A capture that ended after show_fault_oops()'s "IP: [<%p>] %pS" line: that pc is all there is.
  it('2.6, cut after the IP line: the IP names the function', () => {
    const p = extractLinuxPanic(text(OLD.slice(0, 2)));
    expect(p?.title).toBe('BUG: unable to handle kernel NULL pointer dereference in fuse_copy_do');
  });

  // The pc is a frame like the trace's: its offset and the function's size, as %pS printed them.
  it('the pc keeps its offset and size', () => {
    const p = extractLinuxPanic(text(INT3_THEN_PANIC));
    expect(p?.threads[0]?.frames[0]).toEqual({ fn: 'fuse_do_ioctl', offset: '0x4a1', size: '0x8b0' });
  });

  // Only the first pc is the faulting one: the register dump after the trace prints RIP again.
  it('the first pc, not one printed after the trace', () => {
    const p = extractLinuxPanic(
      text([
        'BUG: kernel NULL pointer dereference, address: 0000000000000008',
        'CPU: 1 UID: 0 PID: 166 Comm: fusefs-workload Not tainted 6.12.0 #1',
        'RIP: 0010:fuse_copy_do+0x80/0x1c0',
        ...CALLERS,
        'RIP: 0010:fuse_other+0x80/0x1c0',
        '---[ end trace 0000000000000000 ]---',
      ]),
    );
    expect(fns(p)?.[0]).toBe('fuse_copy_do');
    expect(fns(p)).toHaveLength(5);
  });
});

describe('what a report without a dump carries', () => {
  // kernel/fork.c check_mm(): pr_alert("BUG: Bad rss-counter state mm:%p type:%s val:%ld"): no stack.
  it('no task when nothing named one', () => {
    const p = extractLinuxPanic('BUG: Bad rss-counter state mm:00000000deadbeef type:MM_FILEPAGES val:1\n');
    expect(p?.title).toBe('BUG: Bad rss-counter state');
    expect(p?.message).toBe('BUG: Bad rss-counter state mm:00000000deadbeef type:MM_FILEPAGES val:1');
    expect(p?.threads).toEqual([]);
    expect(p?.cpu).toBeUndefined();
  });

  // A report cut after the task line (a capture that ended there): the task, with no frames; the
  // parser gives no stack for it.
  it('the task when only its line was printed', () => {
    const lines = [
      'BUG: scheduling while atomic: fusefs-workload/166/0x00000002',
      'CPU: 3 PID: 166 Comm: fusefs-workload Tainted: G W 6.1.0 #1',
    ];
    const p = extractLinuxPanic(text(lines));
    expect(p?.threads).toEqual([
      { comm: 'fusefs-workload', pid: 166, tid: 166, frames: [], format: 'linux-panic' },
    ]);
    expect(p?.cpu).toBe(3);
    expect(linuxPanicParser.parse(text(lines))).toEqual([]);
  });

  // The header line is the message when no panic followed; a serial console's trailing blanks are not part of it.
  it('the message is the header as printed, without surrounding blanks', () => {
    const p = extractLinuxPanic(
      '  WARNING: Invalid wait context   \nCPU: 1 PID: 166 Comm: fusefs-workload Not tainted 6.1.0 #1\n',
    );
    expect(p?.message).toBe('WARNING: Invalid wait context');
  });

  // A shell line quoting a panic message after a non-fatal report is not the report's panic.
  it('a later line that only mentions a panic message does not end the report', () => {
    const p = extractLinuxPanic(
      text([
        'WARNING: CPU: 1 PID: 166 at fs/fuse/file.c:1890 fuse_write_file_get+0x4c/0x60',
        'CPU: 1 PID: 166 Comm: fusefs-workload Not tainted 6.1.0 #1',
        'RIP: 0010:fuse_write_file_get+0x4c/0x60',
        '---[ end trace 0000000000000000 ]---',
        'fusefs-gate: grep -c "Kernel panic - not syncing: " /dev/kmsg',
      ]),
    );
    expect(p?.message).toBe('WARNING: CPU: 1 PID: 166 at fs/fuse/file.c:1890 fuse_write_file_get+0x4c/0x60');
  });

  // A report followed by a panic: panic()'s message, the report's title.
  it("an oops that ended in a panic: the panic's message, the oops's title", () => {
    const p = extractLinuxPanic(
      text([
        '  general protection fault, probably for non-canonical address 0xdffffc0000000001: 0000 [#1] SMP',
        '  CPU: 1 PID: 166 Comm: fusefs-workload Not tainted 6.1.0 #1',
        '  RIP: 0010:fuse_flush+0x1e2/0x4d0',
        '  ---[ end trace 0000000000000000 ]---',
        '  Kernel panic - not syncing: Fatal exception',
      ]),
    );
    expect(p?.message).toBe('Fatal exception');
    expect(p?.title).toBe('general protection fault in fuse_flush');
  });
});

describe('where a report starts and ends', () => {
  // syzbot's symbolized header (scripts/decode_stacktrace.sh): one header line per inlined function,
  // innermost first, each but the last ending in "[inline]" (lore.kernel.org 0000000000001524880603dbfbf8),
  // here quoted in a mail: indented, a blank after "[inline]".
  it('a symbolized, quoted header: the last header line names the function', () => {
    const p = extractLinuxPanic(
      text(
        [
          '==================================================================',
          'BUG: KASAN: slab-use-after-free in get_fuse_conn_super fs/fuse/fuse_i.h:885 [inline] ',
          'BUG: KASAN: slab-use-after-free in fuse_test_super+0x8c/0xa0 fs/fuse/inode.c:1689',
          'Read of size 8 at addr ffff88814b51bc40 by task syz-executor382/5079',
        ].map((l) => `  ${l}`),
      ),
    );
    expect(p?.title).toBe('KASAN: slab-use-after-free Read in fuse_test_super');
  });

  // An oops of a kind the table does not title, then, as the task exits in atomic context
  // (kernel/exit.c do_exit() -> kernel/sched/core.c __schedule_bug()), a report right under its end marker.
  it("a report right under another oops's end marker reads its own dump", () => {
    const p = extractLinuxPanic(
      text([
        'int3: 0000 [#1] SMP',
        'CPU: 1 PID: 1660 Comm: fusefs-workload Not tainted 4.19.0-6-amd64 #1',
        'RIP: 0010:fuse_do_ioctl+0x4a1/0x8b0 [fuse]',
        ...CALLERS,
        '---[ end trace 5f2b8a4c1d3e6f70 ]---',
        'BUG: scheduling while atomic: fusefs-workload/1660/0x00000002',
        'CPU: 1 PID: 1660 Comm: fusefs-workload Tainted: G      D           4.19.0-6-amd64 #1',
        'Call Trace:',
        ' dump_stack+0x66/0x90',
        ' __schedule_bug.cold+0x44/0x50',
        ' __schedule+0x5a4/0x880',
        ' do_exit+0x9f0/0xb50',
        ' rewind_stack_do_exit+0x17/0x20',
      ]),
    );
    expect(p?.message).toBe('BUG: scheduling while atomic: fusefs-workload/1660/0x00000002');
    expect(p?.threads[0]).toMatchObject({ pid: 1660, comm: 'fusefs-workload' });
    expect(fns(p)).toEqual([
      'dump_stack',
      '__schedule_bug.cold',
      '__schedule',
      'do_exit',
      'rewind_stack_do_exit',
    ]);
  });
});
