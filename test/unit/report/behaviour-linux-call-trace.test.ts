// The Call Trace block of a Linux stack dump, line by line, in every form a kernel prints (issue 16:
// tests written from the format strings, each cited beside its case, not from the reader's own output).
// A frame is compared whole (toStrictEqual): which fields a form carries (address, module) is part of
// what the reader must get right.

import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../src/report/model.js';
import {
  CALL_TRACE,
  isFrameLine,
  parseTraceLine,
  readCallTrace,
} from '../../../src/report/parsers/linux-call-trace.js';

const reliable = (frame: Frame) => ({ frame, unreliable: false });
const unreliable = (frame: Frame) => ({ frame, unreliable: true });

describe('x86 frames since 4.x (arch/x86/kernel/dumpstack.c printk_stack_address(): "%s %s%pB\\n")', () => {
  it.each([
    // %pB of a core kernel function: "func+0xoff/0xsize".
    [' schedule+0x27/0xf0', reliable({ fn: 'schedule', offset: '0x27', size: '0xf0' })],
    // " [module]" after a module's function (lib/vsprintf.c, kallsyms sprint_backtrace()).
    [
      ' fuse_dev_do_read.isra.0+0x4a6/0x5a0 [fuse]',
      reliable({ fn: 'fuse_dev_do_read.isra.0', offset: '0x4a6', size: '0x5a0', module: 'fuse' }),
    ],
    // "? " for a frame the unwinder did not vouch for; GCC's .cold split-off part keeps its suffix.
    [' ? __schedule.cold+0x12/0x34', unreliable({ fn: '__schedule.cold', offset: '0x12', size: '0x34' })],
    [
      ' ? fuse_file_write_iter+0x8a/0x400 [fuse]',
      unreliable({ fn: 'fuse_file_write_iter', offset: '0x8a', size: '0x400', module: 'fuse' }),
    ],
    // %pBb (CONFIG_STACKTRACE_BUILD_ID, 5.15+): " [module buildid]", the build id in lower-case hex.
    [
      ' fuse_simple_request+0x1a2/0x2b0 [fuse 5f1c9a7e0b3d4c2a8e6f7d1b0a9c8e7f6d5c4b3a]',
      reliable({ fn: 'fuse_simple_request', offset: '0x1a2', size: '0x2b0', module: 'fuse' }),
    ],
    // A module name with a digit and an underscore.
    [
      ' nf_conntrack_in+0x1c/0x5e0 [nf_conntrack]',
      reliable({ fn: 'nf_conntrack_in', offset: '0x1c', size: '0x5e0', module: 'nf_conntrack' }),
    ],
  ])('%s', (line, expected) => {
    expect(parseTraceLine(line)).toStrictEqual(expected);
  });
});

describe('x86 frames before 4.x ("%s [<%p>] %s%pB\\n": the address first)', () => {
  it.each([
    [
      ' [<ffffffff81538aab>] mutex_lock+0x2b/0x50',
      reliable({ fn: 'mutex_lock', offset: '0x2b', size: '0x50', address: 'ffffffff81538aab' }),
    ],
    // An address ending in zeros is still an address.
    [
      ' [<ffffffffa0174fe0>] cv_wait_common+0xb0/0x130 [spl]',
      reliable({
        fn: 'cv_wait_common',
        offset: '0xb0',
        size: '0x130',
        module: 'spl',
        address: 'ffffffffa0174fe0',
      }),
    ],
    [
      ' [<ffffffff810a9e10>] ? autoremove_wake_function+0x0/0x40',
      unreliable({
        fn: 'autoremove_wake_function',
        offset: '0x0',
        size: '0x40',
        address: 'ffffffff810a9e10',
      }),
    ],
    // 32-bit x86: 8 hex digits.
    [
      ' [<c04e5c3f>] schedule+0x2f/0x60',
      reliable({ fn: 'schedule', offset: '0x2f', size: '0x60', address: 'c04e5c3f' }),
    ],
  ])('%s', (line, expected) => {
    expect(parseTraceLine(line)).toStrictEqual(expected);
  });
});

describe('/proc/PID/stack (fs/proc/base.c proc_pid_stack(): "[<%pK>] %pB\\n", since 4.16 "[<0>] %pB\\n")', () => {
  it('4.15 printed a hashed pointer, zeros first on 64-bit: still the address as printed', () => {
    expect(parseTraceLine('[<00000000a1b2c3d4>] fuse_simple_request+0xcd/0x190 [fuse]')).toStrictEqual(
      reliable({
        fn: 'fuse_simple_request',
        offset: '0xcd',
        size: '0x190',
        module: 'fuse',
        address: '00000000a1b2c3d4',
      }),
    );
  });

  it.each([
    // 4.16+ hides the address as "0" (test/fixtures/stacks/linux-go-fuse-261-proc-stack-ulong-max-end-marker.txt).
    '[<0>] request_wait_answer+0x12b/0x210 [fuse]',
    // %pK with kptr_restrict prints the pointer as zeros: no address either.
    '[<0000000000000000>] request_wait_answer+0x12b/0x210 [fuse]',
  ])('a hidden address is no address: %s', (line) => {
    expect(parseTraceLine(line)).toStrictEqual(
      reliable({ fn: 'request_wait_answer', offset: '0x12b', size: '0x210', module: 'fuse' }),
    );
  });
});

describe('context marks (dumpstack.c: " <IRQ>", " </IRQ>", " <TASK>"; before 4.9 print_trace_stack() "%s <%s> ")', () => {
  it('a mark printed before the frame on its own line (2.6-4.8: " <%s> " then the next " [<%p>] ...") is skipped', () => {
    expect(parseTraceLine(' <IRQ>  [<ffffffff816efb87>] _sched_show_task+0x31a/0x325')).toStrictEqual(
      reliable({ fn: '_sched_show_task', offset: '0x31a', size: '0x325', address: 'ffffffff816efb87' }),
    );
    expect(parseTraceLine(' <EOI>  [<ffffffff815bcdb1>] ? __sanitizer_cov_trace_pc+0x21/0x60')).toStrictEqual(
      unreliable({
        fn: '__sanitizer_cov_trace_pc',
        offset: '0x21',
        size: '0x60',
        address: 'ffffffff815bcdb1',
      }),
    );
    // An exception stack's id ("#DF", "#DB", "#MC"; exception_stack_names in dumpstack_64.c).
    expect(parseTraceLine(' <#DF>  [<ffffffff8101a3c5>] do_double_fault+0x5/0x140')).toMatchObject(
      reliable({ fn: 'do_double_fault' }),
    );
    // A stack the unwinder could not place: " <UNK> " (dumpstack_64.c dump_trace(), STACK_IS_UNKNOWN).
    expect(parseTraceLine(' <UNK>  [<ffffffff8100a1b2>] ? do_nmi+0x1b2/0x2c0')).toMatchObject(
      unreliable({ fn: 'do_nmi' }),
    );
    // The exception stack's end is named "<EOE>" and printed by " <%s> ": "<<EOE>>".
    expect(parseTraceLine(' <<EOE>>  [<ffffffff81058f2c>] ? native_safe_halt+0xc/0x10')).toStrictEqual(
      unreliable({ fn: 'native_safe_halt', offset: '0xc', size: '0x10', address: 'ffffffff81058f2c' }),
    );
  });

  it('a mark inside a line is not taken off (only the line start holds one)', () => {
    expect(parseTraceLine('func <IRQ> +0x1/0x2')).toBeUndefined();
  });

  it('marks on lines of their own do not end the block, and </TASK> does', () => {
    // 5.x+ show_trace_log_lvl(): the marks each on a line, "</TASK>" closing the task stack.
    const lines = [
      'Call Trace:',
      ' <IRQ>',
      ' dump_stack_lvl+0x48/0x70',
      ' </IRQ>',
      ' <SOFTIRQ>',
      ' __do_softirq+0xd1/0x2c8',
      ' </SOFTIRQ>',
      ' <NMI>',
      ' nmi_handle+0x5e/0x120',
      ' </NMI>',
      ' <TASK>',
      ' schedule+0x27/0xf0',
      ' </TASK>',
      ' ret_from_fork+0x1f/0x30',
    ];
    const trace = readCallTrace(lines, 0);
    expect(trace.frames.map((f) => f.fn)).toEqual([
      'dump_stack_lvl',
      '__do_softirq',
      'nmi_handle',
      'schedule',
    ]);
    expect(trace.end).toBe(13);
  });

  it('old marks on lines of their own (" <EOI>", " <<EOE>>", " <#DF>", " <NMI>") do not end the block', () => {
    const lines = [
      'Call Trace:',
      ' <#DF>',
      ' [<ffffffff8101a3c5>] do_double_fault+0x5/0x140',
      ' <<EOE>>',
      ' [<ffffffff81058f2c>] native_safe_halt+0xc/0x10',
      ' <EOI>',
      ' [<ffffffff81020b7f>] default_idle+0x1f/0xc0',
      'Code: 0f 0b',
    ];
    expect(readCallTrace(lines, 0).frames.map((f) => f.fn)).toEqual([
      'do_double_fault',
      'native_safe_halt',
      'default_idle',
    ]);
  });

  it('a line that only looks like a mark ends the block', () => {
    for (const mark of ['<IRQ>>>', 'x<IRQ>', '<#>', '<#12>', '<IRQ> trailing', '<<<IRQ>']) {
      const trace = readCallTrace(
        ['Call Trace:', ' schedule+0x27/0xf0', mark, ' ret_from_fork+0x1f/0x30'],
        0,
      );
      expect(
        trace.frames.map((f) => f.fn),
        mark,
      ).toEqual(['schedule']);
      expect(trace.end, mark).toBe(2);
    }
  });
});

describe('register lines inside the block (show_regs_if_on_stack(), show_iret_regs(), __show_regs())', () => {
  it('are skipped, the frames after them read', () => {
    const lines = [
      'Call Trace:',
      ' <TASK>',
      ' asm_exc_page_fault+0x26/0x30',
      'RIP: 0010:fuse_copy_do+0x1a/0x110 [fuse]',
      'Code: 48 89 e5 41 57 41 56',
      'RSP: 0018:ffffc90000b3bc28 EFLAGS: 00010246',
      'RAX: 0000000000000000 RBX: ffff888004a8c000 RCX: 0000000000000000',
      'R10: 0000000000000000 R11: 0000000000000000 R12: ffff888004a8c000',
      'R8: 0000000000000000 R9: 0000000000000000',
      'CR2: 0000000000000008 CR3: 0000000004b1e000 CR4: 00000000000006f0',
      'DR0: 0000000000000000 DR1: 0000000000000000 DR2: 0000000000000000',
      'FS:  00007f3a9c2e9740(0000) GS:ffff88803ec00000(0000) knlGS:0000000000000000',
      // i386 __show_regs() register names.
      'EIP: 0060:[<c04e5c3f>] EFLAGS: 00010246',
      'ORIG_RAX: ffffffffffffffda',
      ' fuse_dev_do_write+0x31c/0xc40 [fuse]',
      '---[ now 6.12.0 ]---',
      ' </TASK>',
    ];
    const trace = readCallTrace(lines, 0);
    expect(trace.frames.map((f) => f.fn)).toEqual(['asm_exc_page_fault', 'fuse_dev_do_write']);
    expect(trace.end).toBe(lines.length);
  });

  it('a line that only starts with a register name is not a register line', () => {
    for (const other of [
      'RIPPLE effect',
      'xRIP: 0010',
      'Rx: 1',
      'CRx: 1',
      'DRx: 1',
      'R123: 0',
      'a ---[ now 6.12 ]---',
    ]) {
      const trace = readCallTrace(
        ['Call Trace:', ' schedule+0x27/0xf0', other, ' ret_from_fork+0x1f/0x30'],
        0,
      );
      expect(
        trace.frames.map((f) => f.fn),
        other,
      ).toEqual(['schedule']);
    }
  });

  it('an empty line ends the block (the next report starts after it)', () => {
    const lines = ['Call Trace:', ' schedule+0x27/0xf0', '', ' ret_from_fork+0x1f/0x30'];
    expect(readCallTrace(lines, 0)).toStrictEqual({
      frames: [{ fn: 'schedule', offset: '0x27', size: '0xf0' }],
      end: 2,
      pcs: [],
    });
  });

  it('the block ends after </TASK>, even when frames follow it', () => {
    const lines = [
      'Call Trace:',
      ' <TASK>',
      ' schedule+0x27/0xf0',
      ' </TASK>',
      ' ret_from_fork+0x1f/0x30',
      'x',
    ];
    expect(readCallTrace(lines, 0)).toStrictEqual({
      frames: [{ fn: 'schedule', offset: '0x27', size: '0xf0' }],
      end: 4,
      pcs: [],
    });
  });

  it("keeps the pc of an interrupted context's registers inside the block, after the frames before it", () => {
    // arch/x86/kernel/dumpstack.c show_iret_regs() -> show_ip(): "RIP: %04x:%pS" between the IRQ stack's
    // frames and the task's; the line is not a frame of the block.
    const lines = [
      'Call Trace:',
      ' <IRQ>',
      ' hrtimer_interrupt+0xf8/0x230',
      ' asm_sysvec_apic_timer_interrupt+0x1a/0x20',
      'RIP: 0010:__do_softirq+0x7c/0x2c8',
      'RSP: 0000:ffffa3d1801d8f90 EFLAGS: 00000246',
      ' irq_exit_rcu+0x6b/0x90',
    ];
    const trace = readCallTrace(lines, 0);
    expect(trace.frames.map((f) => f.fn)).toEqual([
      'hrtimer_interrupt',
      'asm_sysvec_apic_timer_interrupt',
      'irq_exit_rcu',
    ]);
    expect(trace.pcs).toStrictEqual([
      { before: 2, frame: { fn: '__do_softirq', offset: '0x7c', size: '0x2c8' } },
    ]);
  });
});

describe('arm64 (arch/arm64/kernel/stacktrace.c dump_backtrace(): "%sCall trace:\\n", " %pSb")', () => {
  it.each([
    [' __switch_to+0xe4/0x160', reliable({ fn: '__switch_to', offset: '0xe4', size: '0x160' })],
    // 6.13+: " (P)" when the pc came from the saved program counter, "(L)" from the link register.
    [' __schedule+0x2f4/0x8a0 (T)', reliable({ fn: '__schedule', offset: '0x2f4', size: '0x8a0' })],
    [
      ' fuse_simple_request+0x1a2/0x2b0 [fuse] (L)',
      reliable({ fn: 'fuse_simple_request', offset: '0x1a2', size: '0x2b0', module: 'fuse' }),
    ],
  ])('%s', (line, expected) => {
    expect(parseTraceLine(line)).toStrictEqual(expected);
  });

  it('a pc suffix is one capital letter in parentheses', () => {
    expect(parseTraceLine(' __schedule+0x2f4/0x8a0 (1)')).toBeUndefined();
    expect(parseTraceLine(' __schedule+0x2f4/0x8a0 (PL)')).toBeUndefined();
  });
});

describe('32-bit ARM (arch/arm/kernel/traps.c dump_backtrace_entry())', () => {
  it.each([
    // Before 5.x: "[<%08lx>] (%ps) from [<%08lx>] (%pS)\n".
    [
      '[<807762c0>] (__schedule) from [<80776938>] (schedule+0x50/0xa8)',
      reliable({ fn: '__schedule', address: '807762c0' }),
    ],
    [
      '[<7f4ba618>] (fuse_writepages [fuse]) from [<8022e284>] (do_writepages+0x30/0x8c)',
      reliable({ fn: 'fuse_writepages', address: '7f4ba618', module: 'fuse' }),
    ],
    [
      '[<8022bb78>] (write_cache_pages) from [<7f4ba618>] (fuse_writepages+0x80/0xe4 [fuse])',
      reliable({ fn: 'write_cache_pages', address: '8022bb78' }),
    ],
    [
      '[<c06d679e>] (__schedule.constprop.0) from [<c06d6c0f>] (schedule+0x5b/0xa4)',
      reliable({ fn: '__schedule.constprop.0', address: 'c06d679e' }),
    ],
    // Since 5.x: "%ps from %pS\n", no addresses.
    ['schedule_timeout from rcu_gp_fqs_loop+0x124/0x3fc', reliable({ fn: 'schedule_timeout' })],
    [
      'fuse_writepages [fuse] from do_writepages+0x30/0x8c',
      reliable({ fn: 'fuse_writepages', module: 'fuse' }),
    ],
    ['__schedule from schedule+0x5b/0xa4 [fuse]', reliable({ fn: '__schedule' })],
  ])('%s', (line, expected) => {
    expect(parseTraceLine(line)).toStrictEqual(expected);
  });

  it('needs the caller as %pS prints it (symbol+0xoff/0xsize)', () => {
    for (const line of [
      '[<807762c0>] (__schedule) from [<80776938>] (schedule)',
      '[<807762c0>] (__schedule) from [<80776938>] (schedule+0x50)',
      'schedule_timeout from rcu_gp_fqs_loop+0x124/0x3fc and more',
      'data from the disk came late',
    ]) {
      expect(parseTraceLine(line), line).toBeUndefined();
    }
  });

  it('reads a Backtrace: block of the old form to its end', () => {
    const lines = [
      'Backtrace: ',
      '[<80c1e5e8>] (__schedule) from [<80c1eb20>] (schedule+0x60/0xdc)',
      '[<80c1eb20>] (schedule) from [<80c1ec14>] (io_schedule+0x48/0x6c)',
      'Code: e1a00004',
      '[<80c1ec14>] (io_schedule) from [<802893bc>] (wait_on_page_bit_common+0x1fc/0x59c)',
    ];
    expect(CALL_TRACE.test(lines[0] as string)).toBe(true);
    expect(readCallTrace(lines, 0).frames.map((f) => f.fn)).toEqual([
      '__schedule',
      'schedule',
      'io_schedule',
    ]);
  });
});

describe('symbolized reports (scripts/decode_stacktrace.sh, syzbot)', () => {
  it.each([
    [
      ' dump_stack+0x172/0x1f0 lib/dump_stack.c:113',
      reliable({ fn: 'dump_stack', offset: '0x172', size: '0x1f0' }),
    ],
    [
      ' fuse_copy_do+0x1a/0x110 fs/fuse/dev.c:812:7',
      reliable({ fn: 'fuse_copy_do', offset: '0x1a', size: '0x110' }),
    ],
    [' __dump_stack lib/dump_stack.c:77 [inline]', reliable({ fn: '__dump_stack' })],
    [' fuse_copy_do fs/fuse/dev.c:812:7 [inline]', reliable({ fn: 'fuse_copy_do' })],
    [' ? fuse_copy_do fs/fuse/dev.c:812 [inline]', unreliable({ fn: 'fuse_copy_do' })],
    [
      ' kasan_report_invalid_free.cold mm/kasan/report.c:2 [inline]',
      reliable({ fn: 'kasan_report_invalid_free.cold' }),
    ],
    // A line and column of two digits or more; a Rust source (rust/, 6.1+), whose extension has two letters.
    [' fuse_copy_fill fs/fuse/dev.c:812:17 [inline]', reliable({ fn: 'fuse_copy_fill' })],
    [
      ' _RNvNtCsbDqzXfLQacH_6kernel5print11call_printk rust/kernel/print.rs:57 [inline]',
      reliable({ fn: '_RNvNtCsbDqzXfLQacH_6kernel5print11call_printk' }),
    ],
  ])('%s', (line, expected) => {
    expect(parseTraceLine(line)).toStrictEqual(expected);
  });

  it('an inline line must be a name, a file:line and [inline], nothing more', () => {
    for (const line of [
      ' __dump_stack lib/dump_stack.c:77 [inline] extra',
      ' 0day lib/dump_stack.c:77 [inline]',
      ' __dump_stack lib/dump_stack:77 [inline]',
      ' __dump-stack lib/dump_stack.c:77 [inline]',
      ' __dump_stack lib/dump_stack.c:7x [inline]',
      ' __dump_stack lib/dump_stack.c:77:x [inline]',
      'see __dump_stack lib/dump_stack.c:77 [inline]',
    ]) {
      expect(parseTraceLine(line), line).toBeUndefined();
    }
  });

  it('the file and line of a symbolized frame are what decode_stacktrace.sh prints', () => {
    expect(parseTraceLine(' dump_stack+0x172/0x1f0 lib/dump_stack.c:113:22')).toMatchObject(
      reliable({ fn: 'dump_stack' }),
    );
    expect(parseTraceLine(' dump_stack+0x172/0x1f0 lib/dump_stack.cc:113')).toMatchObject(
      reliable({ fn: 'dump_stack' }),
    );
    for (const line of [
      ' dump_stack+0x172/0x1f0 lib/dump_stack.c:11x',
      ' dump_stack+0x172/0x1f0 lib/dump_stack.c:113:x',
      ' dump_stack+0x172/0x1f0 dump_stack:113',
      ' dump_stack+0x172/0x1f0 lib/dump_stack.-:113',
    ]) {
      expect(parseTraceLine(line), line).toBeUndefined();
    }
  });
});

describe('a pc without a symbol (%pB of an address outside kernel text prints the bare address)', () => {
  it.each([
    [' 0xffffffffc0a1b2c3', reliable({ fn: '??', address: '0xffffffffc0a1b2c3' })],
    [' ? 0xffffffffc0a1b2c3', unreliable({ fn: '??', address: '0xffffffffc0a1b2c3' })],
    [' ffffffffc0a1b2c3', reliable({ fn: '??', address: 'ffffffffc0a1b2c3' })],
    [' 0xc0a1b2c3', reliable({ fn: '??', address: '0xc0a1b2c3' })],
    [' 0x000000000040a1b2', reliable({ fn: '??', address: '0x000000000040a1b2' })],
  ])('%s', (line, expected) => {
    expect(parseTraceLine(line)).toStrictEqual(expected);
  });

  it('a word that is not 8 to 16 hex digits with a digit among them is no frame', () => {
    for (const line of [
      ' 0xabc',
      ' 1234567',
      ' deadbeefcafe',
      ' 0x123456789abcdef01',
      ' fadedface',
      ' x0xffffffffc0a1b2c3',
      ' 0xffffffffc0a1b2c3g',
    ]) {
      expect(parseTraceLine(line), line).toBeUndefined();
    }
  });
});

describe('lines that are not frames', () => {
  it.each([
    'Modules linked in: fuse',
    'INFO: task x:1 blocked',
    'schedule',
    'schedule+0x27',
    'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996)',
    'Workqueue: writeback wb_workfn (flush-8:1-fuseblk)',
    // kernel/panic.c __warn() without a file: "WARNING: CPU: %d PID: %d at %pS\n": a symbol at the end of
    // the next report's first line is no frame of this one.
    'WARNING: CPU: 0 PID: 42 at fuse_copy_do+0x1a/0x110 [fuse]',
    '[<ffffffff81538aab>]',
    '[<ffffffff81538aab>]mutex_lock',
    // A shell's lines after a sysrq from the guest's console: one word that no symbol can be.
    '/init',
    ' +0x1a/0x2b',
  ])('%s', (line) => {
    expect(parseTraceLine(line)).toBeUndefined();
    expect(isFrameLine(line)).toBe(false);
  });

  it('isFrameLine says yes to a frame', () => {
    expect(isFrameLine(' schedule+0x27/0xf0')).toBe(true);
    expect(isFrameLine('schedule_timeout from rcu_gp_fqs_loop+0x124/0x3fc')).toBe(true);
  });
});

describe('the block header ("%sCall Trace:\\n" x86, "%sCall trace:\\n" arm64, "Backtrace: " 32-bit ARM)', () => {
  it.each(['Call Trace:', ' Call Trace:', 'Call trace:', 'Backtrace: ', 'Backtrace:'])(
    '%j is a header',
    (line) => {
      expect(CALL_TRACE.test(line)).toBe(true);
    },
  );

  it.each(['Call Trace: schedule+0x27/0xf0', 'xCall Trace:', 'Call Trace::', 'see Call Trace:'])(
    '%j is not',
    (line) => {
      expect(CALL_TRACE.test(line)).toBe(false);
    },
  );
});
