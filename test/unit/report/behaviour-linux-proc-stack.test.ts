// What the /proc/PID/stack reader must make of real captures (issue 16: tests that fail on a bug).
//
// Line formats used here:
// - /proc/PID/stack, torvalds/linux fs/proc/base.c proc_pid_stack(): "[<%pK>] %pB\n" up to 4.15
//   (%pK: the address, zeros under kptr_restrict, lib/vsprintf.c restricted_pointer(); in 4.15 a
//   hashed value, ptr_to_id(): 32 bits printed zero-padded to 16 digits), "[<0>] %pB\n" since.
// - Pre-4.10 x86 Call Trace, arch/x86/kernel/dumpstack.c printk_address(): " [<%p>] %s%pB\n", the
//   stack marks of print_trace_stack() " <IRQ> " / " <EOI> " on the line of the next frame; 4.14+
//   " <TASK>" / " </TASK>" on their own lines and frames without the address (printk_stack_address()).
// - "Preemption disabled at:" and print_ip_sym()'s "[<%px>] %pS\n" (kernel/sched/core.c
//   __schedule_bug(), include/linux/kallsyms.h); lockdep's "\n-> #%d %s:\n" then the lock's trace
//   (kernel/locking/lockdep.c print_circular_bug_entry()).
// - "CPU: %d PID: %d Comm: %.20s %s%s %.*s\n", lib/dump_stack.c dump_stack_print_info().
// - The watchdog's own framing: guest/watchdog.sh capture_linux(), docs/guest-protocol.md.
import { describe, expect, it } from 'vitest';
import type { Thread } from '../../../src/report/model.js';
import {
  linuxProcStackParser,
  parseWatchdogLinuxSample,
} from '../../../src/report/parsers/linux-proc-stack.js';
import { parseStacks } from '../../../src/report/stacks.js';

const fns = (t: Thread | undefined): string[] => (t?.frames ?? []).map((f) => f.fn);
const parse = (lines: readonly string[]): Thread[] => linuxProcStackParser.parse(lines.join('\n'));

// The real lines of test/fixtures/stacks/linux-syzkaller-300-rcu-stall-old-irq-marks.txt (4.x x86_64).
const OLD_CALL_TRACE_WITH_MARKS = [
  '[ 3481.240052] Call Trace:',
  '[ 3481.240067]  <IRQ>  [<ffffffff816efb87>] _sched_show_task+0x31a/0x325',
  '[ 3481.240075]  [<ffffffff816f030c>] sched_show_task+0x10/0x12',
  '[ 3481.240177]  [<ffffffff81012dff>] smp_apic_timer_interrupt+0xdf/0x130',
  '[ 3481.240196]  <EOI>  [<ffffffff815bcdb1>] ? __sanitizer_cov_trace_pc+0x21/0x60',
  '[ 3481.240204]  [<ffffffff8152dedc>] smp_call_function_single+0x26c/0x330',
  '[ 3481.240269]  [<ffffffff8152ee6b>] on_each_cpu+0x6b/0x120',
];

// A pre-4.16 /proc/PID/stack of a task waiting for its FUSE server (frames as in
// test/fixtures/stacks/linux-go-fuse-261-proc-stack-ulong-max-end-marker.txt, addresses printed).
const OLD_PROC_STACK = [
  '[<ffffffffc05d4f2b>] request_wait_answer+0x12b/0x210 [fuse]',
  '[<ffffffffc05d5f74>] __fuse_request_send+0x64/0x90 [fuse]',
  '[<ffffffffc05d904d>] fuse_simple_request+0xcd/0x190 [fuse]',
];

describe('/proc/PID/stack frame lines', () => {
  it('keeps a printed address and drops the hidden one, whatever zeros the kernel printed', () => {
    const threads = parse([
      '[<0>] fuse_flush+0xf0/0x1e0 [fuse]',
      '[<0000000000000000>] filp_flush+0x33/0x60',
      '[<ffffffff81234560>] filp_close+0x1d/0x40',
      '[<00000000a1b2c3d4>] __x64_sys_close+0x11/0x40',
    ]);
    expect(threads).toHaveLength(1);
    // toStrictEqual: a frame has no `module` (nor `address`) key at all when the line has none.
    expect(threads[0]?.frames).toStrictEqual([
      { fn: 'fuse_flush', offset: '0xf0', size: '0x1e0', module: 'fuse' },
      { fn: 'filp_flush', offset: '0x33', size: '0x60' },
      { fn: 'filp_close', offset: '0x1d', size: '0x40', address: 'ffffffff81234560' },
      { fn: '__x64_sys_close', offset: '0x11', size: '0x40', address: '00000000a1b2c3d4' },
    ]);
  });

  it('skips a bracketed address whose symbol part is no kernel symbol, and reads the frames around it', () => {
    const threads = parse([
      '[<ffffffff81234567>] /usr/lib/libfuse3.so.3',
      '[<0>] request_wait_answer+0xcb/0x250',
      '[<ffffffff81234567>] not/a/symbol',
      '[<0>] __fuse_simple_request+0xd5/0x2d0',
    ]);
    expect(threads.flatMap(fns)).toEqual(['request_wait_answer', '__fuse_simple_request']);
  });

  it('reads stack lines indented by the tool that showed them', () => {
    const threads = parse(['  [<0>] fuse_set_nowrite+0xdb/0x110', '\t[<0>] fuse_flush+0xf0/0x1e0']);
    expect(fns(threads[0])).toEqual(['fuse_set_nowrite', 'fuse_flush']);
  });
});

describe('plain /proc stacks in a log', () => {
  it('reads two stacks printed one after the other with a blank line between as two threads', () => {
    const threads = parse([
      '[<0>] request_wait_answer+0xcb/0x250',
      '[<0>] fuse_send_write+0xb4/0x110',
      '',
      '[<0>] fuse_dev_do_read+0x2e5/0x8c0',
      '[<0>] fuse_dev_read+0x6d/0xa0',
    ]);
    expect(threads.map(fns)).toEqual([
      ['request_wait_answer', 'fuse_send_write'],
      ['fuse_dev_do_read', 'fuse_dev_read'],
    ]);
  });

  it('gives the frames under `Preemption disabled at:` and a lockdep chain entry to the message, not a thread', () => {
    const threads = parse([
      // test/fixtures/stacks/linux-rt-serial8250-scheduling-while-atomic-6.7.txt
      '[   42.485892] Preemption disabled at:',
      '[   42.485893] [<ffffffff8118ac80>] irq_enter_rcu+0x10/0x80',
      '[   42.485919] CPU: 0 PID: 751 Comm: irq/4-ttyS0 Not tainted 6.7.0-rc6+ #6',
      // test/fixtures/stacks/linux-teuthology-829-lockdep-4.5-rsyslog-escapes.txt
      '-> #2 (&pipe->mutex/1){+.+.+.}:',
      '       [<ffffffff811061a6>] lock_acquire+0x196/0x1e0',
      '       [<ffffffff817e4499>] mutex_lock_nested+0x79/0x380',
      'the stack of the stuck task:',
      ...OLD_PROC_STACK,
    ]);
    expect(threads.map(fns)).toEqual([['request_wait_answer', '__fuse_request_send', 'fuse_simple_request']]);
  });

  it('gives every frame of an old Call Trace to the trace, across its <IRQ> and <EOI> marks', () => {
    expect(parse(OLD_CALL_TRACE_WITH_MARKS)).toEqual([]);
  });

  it('reads a /proc stack again once a line of other text has ended an old Call Trace', () => {
    const threads = parse([...OLD_CALL_TRACE_WITH_MARKS, 'the stack of the stuck task:', ...OLD_PROC_STACK]);
    expect(threads.map(fns)).toEqual([['request_wait_answer', '__fuse_request_send', 'fuse_simple_request']]);
    expect(threads[0]?.frames[0]?.address).toBe('ffffffffc05d4f2b');
  });
});

describe('watchdog captures (guest/watchdog.sh capture_linux)', () => {
  const N = 'a1b2c3d4e5f6';

  it('keeps one task whole when a kernel report lands on the console in the middle of its stack', () => {
    const threads = parseWatchdogLinuxSample(
      [
        `@@fg:${N}:task:167:167:D:30:fuse_set_nowrite:fusefs-workload@@`,
        '[<0>] fuse_set_nowrite+0xdb/0x110',
        '[   61.402110] INFO: task fusefs-workload:167 blocked for more than 30 seconds.',
        '[   61.402981] CPU: 0 PID: 31 Comm: khungtaskd Not tainted 6.1.0-27-amd64 #1 Debian 6.1.115-1',
        '[   61.403500] Call Trace:',
        '[<0>] fuse_flush+0xf0/0x1e0',
        '[<0>] filp_flush+0x33/0x60',
      ].join('\n'),
    );
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ pid: 167, tid: 167, comm: 'fusefs-workload' });
    expect(fns(threads[0])).toEqual(['fuse_set_nowrite', 'fuse_flush', 'filp_flush']);
  });

  it('ends the last task at the tree marker: a kernel message after it adds no frame to that task', () => {
    const threads = parseWatchdogLinuxSample(
      [
        `@@fg:${N}:sample:1:begin@@`,
        `@@fg:${N}:task:167:167:D:30:fuse_set_nowrite:fusefs-workload@@`,
        '[<0>] fuse_set_nowrite+0xdb/0x110',
        `@@fg:${N}:tree:160,167@@`,
        '[   62.000001] Preemption disabled at:',
        '[   62.000002] [<ffffffff8118ac80>] irq_enter_rcu+0x10/0x80',
        `@@fg:${N}:sample:1:end@@`,
      ].join('\n'),
    );
    expect(threads.map(fns)).toEqual([['fuse_set_nowrite']]);
    expect(threads[0]?.sample).toBe(1);
  });

  it('tags each task with the sample it was captured in, and plain frames after the samples with none', () => {
    const threads = parseWatchdogLinuxSample(
      [
        `@@fg:${N}:sample:1:begin@@`,
        `@@fg:${N}:task:167:167:D:30:fuse_set_nowrite:fusefs-workload@@`,
        '[<0>] fuse_set_nowrite+0xdb/0x110',
        `@@fg:${N}:sample:1:end@@`,
        `@@fg:${N}:sample:2:begin@@`,
        `@@fg:${N}:task:167:167:D:30:fuse_set_nowrite:fusefs-workload@@`,
        '[<0>] fuse_set_nowrite+0xdb/0x110',
        `@@fg:${N}:sample:2:end@@`,
        '[<0>] do_wait+0x160/0x2f0',
      ].join('\n'),
    );
    expect(threads.map((t) => t.sample)).toEqual([1, 2, undefined]);
    expect(threads[2]).not.toHaveProperty('sample');
  });

  it('reads the state, progress and wait channel of a task marker, and leaves out a wchan of 0', () => {
    const threads = parseWatchdogLinuxSample(
      [
        `@@fg:${N}:task:205:205:S:1:do_wait:sh@@`,
        '[<0>] do_wait+0x160/0x2f0',
        `@@fg:${N}:task:167:168:D:0:0:fusefs-workload@@`,
        '[<0>] fuse_set_nowrite+0xdb/0x110',
      ].join('\n'),
    );
    expect(threads[0]).toMatchObject({ pid: 205, tid: 205, state: 'S', cpuTicks: 1, wchan: 'do_wait' });
    expect(threads[1]).toMatchObject({ pid: 167, tid: 168, state: 'D', cpuTicks: 0 });
    expect(threads[1]).not.toHaveProperty('wchan');
    expect(threads.every((t) => !('sample' in t))).toBe(true);
  });

  it('reads the sample after a hung-task report that ended just before it (Call Trace over at the marker)', () => {
    const sample = [
      `@@fg:${N}:sample:1:begin@@`,
      `@@fg:${N}:task:167:167:D:30:fuse_set_nowrite:fusefs-workload@@`,
      '[<0>] fuse_set_nowrite+0xdb/0x110',
      '[<0>] fuse_flush+0xf0/0x1e0',
      `@@fg:${N}:sample:1:end@@`,
    ];
    // Today's form (4.14+, " </TASK>" ends the trace) and the old one (frames with addresses).
    const modern = [
      '[   61.403500] Call Trace:',
      '[   61.403501]  <TASK>',
      '[   61.403502]  __schedule+0x34d/0x9e0',
      '[   61.403503]  </TASK>',
    ];
    for (const before of [modern, OLD_CALL_TRACE_WITH_MARKS]) {
      const threads = linuxProcStackParser.parse([...before, ...sample].join('\n'));
      expect(threads.map(fns)).toEqual([['fuse_set_nowrite', 'fuse_flush']]);
    }
  });
});

describe('the parser as one of parseStacks()', () => {
  it('says it reads /proc stacks and watchdog markers, and nothing else', () => {
    expect(linuxProcStackParser.matches('[<0>] fuse_flush+0xf0/0x1e0')).toBe(true);
    expect(linuxProcStackParser.matches('@@fg:a1b2c3d4e5f6:task:1:1:D:0:0:init@@')).toBe(true);
    expect(
      linuxProcStackParser.matches('  PID    TID COMM                TDNAME              KSTACK\n'),
    ).toBe(false);
  });

  it('names its format, so a caller can leave it out', () => {
    const text = OLD_PROC_STACK.join('\n');
    expect(parseStacks(text).map((t) => t.format)).toEqual(['linux-proc-stack']);
    expect(parseStacks(text, ['linux-proc-stack'])).toEqual([]);
  });
});

describe('more of the same reader', () => {
  const N = 'a1b2c3d4e5f6';

  it('gives frames after <<EOE>> and <#DB> marks to the old Call Trace too', () => {
    // The trace quoted in torvalds/linux commit 0d5370d1d852 ("PCI: Prevent VPD access for QLogic
    // ISP2722"); 3.x print_trace_stack() printed " <%s> " with the names "NMI", "<EOE>", "#DB".
    const threads = parse([
      'Call Trace:',
      ' <NMI>  [<ffffffff817193de>] dump_stack+0x63/0x81',
      ' [<ffffffff81714072>] panic+0xd0/0x20e',
      ' [<ffffffff8101c8b4>] do_nmi+0xf4/0x170',
      ' <<EOE>>  [<ffffffff815db4b3>] raw_pci_read+0x23/0x40',
      ' [<ffffffff815db4fc>] pci_read+0x2c/0x30',
      ' <#DB>  [<ffffffff8150de8a>] do_debug+0x16a/0x1c0',
      ' [<ffffffff8150d815>] debug+0x25/0x40',
    ]);
    expect(threads).toEqual([]);
  });

  it('ends an old Call Trace at a shell prompt that shows a stack file, and names the thread by it', () => {
    const threads = parse([
      ...OLD_CALL_TRACE_WITH_MARKS,
      'root@deco:~# cat /proc/6319/stack',
      ...OLD_PROC_STACK,
    ]);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ pid: 6319, tid: 6319 });
    expect(fns(threads[0])).toEqual(['request_wait_answer', '__fuse_request_send', 'fuse_simple_request']);
  });

  it('gives a kernel message between the sample markers and the tasks no thread', () => {
    const preemption = [
      '[   62.000001] Preemption disabled at:',
      '[   62.000002] [<ffffffff8118ac80>] irq_enter_rcu+0x10/0x80',
    ];
    const threads = parseWatchdogLinuxSample(
      [
        `@@fg:${N}:sample:1:begin@@`,
        ...preemption,
        `@@fg:${N}:task:167:167:D:30:fuse_set_nowrite:fusefs-workload@@`,
        '[<0>] fuse_set_nowrite+0xdb/0x110',
        `@@fg:${N}:sample:1:end@@`,
        ...preemption,
      ].join('\n'),
    );
    expect(threads.map(fns)).toEqual([['fuse_set_nowrite']]);
  });

  it('tags a plain stack with the sample it is read as', () => {
    const threads = parseWatchdogLinuxSample('[<0>] fuse_set_nowrite+0xdb/0x110', 2);
    expect(threads).toHaveLength(1);
    expect(threads[0]?.sample).toBe(2);
  });

  it('leaves the fields of a task marker it could not fill unknown (docs/guest-protocol.md fields, empty)', () => {
    const threads = parseWatchdogLinuxSample(
      `@@fg:${N}:task:167:167::::fusefs-workload@@\n[<0>] fuse_flush+0xf0/0x1e0`,
    );
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ pid: 167, tid: 167, comm: 'fusefs-workload' });
    for (const key of ['state', 'cpuTicks', 'wchan']) expect(threads[0]).not.toHaveProperty(key);
  });
});
