// Line shapes the readers met in logs from the wild (the corpus cases name their sources) and the forms of
// the tools that carry kernel logs: a mail's quote marks, CI line tags (Jenkins parallel branches, pdsh),
// syslogd's broadcast, raw /dev/kmsg records, a pager's gutter; and FreeBSD trap reports of two CPUs at
// once, i386 ddb frames with arguments, each from the format string cited per case.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStacks, CHUNK_CHARS, StackAnalyzer } from '../../../src/report/analyze.js';
import { cleanLine, splitLines } from '../../../src/report/parsers/common.js';
import { parseDdbFrameLine } from '../../../src/report/parsers/freebsd-ddb.js';
import { extractFreebsdPanic } from '../../../src/report/parsers/freebsd-panic.js';
import { extractLinuxPanic } from '../../../src/report/parsers/linux-panic.js';

describe("a mail's quote marks", () => {
  it('are stripped at every depth, also on an empty quoted line', () => {
    expect(cleanLine('> [  12.345678] INFO: task zsh:470 blocked for more than 61 seconds.')).toBe(
      'INFO: task zsh:470 blocked for more than 61 seconds.',
    );
    expect(cleanLine('> > panic: page fault')).toBe('panic: page fault');
    expect(cleanLine('>> panic: page fault')).toBe('panic: page fault');
    expect(cleanLine('>')).toBe('');
  });

  it("leave lockdep's chain lines, which start with an arrow", () => {
    // kernel/locking/lockdep.c print_circular_bug_entry(): "\n-> #%u", then the lock class.
    expect(cleanLine('-> #1 (&sb->s_type->i_mutex_key#10){+.+.}-{3:3}:')).toBe(
      '-> #1 (&sb->s_type->i_mutex_key#10){+.+.}-{3:3}:',
    );
  });

  it('do not change what a quoted report reads as', () => {
    const report = [
      'panic: page fault',
      'cpuid = 1',
      'KDB: stack backtrace:',
      '#0 0xffffffff80b7fefd at kdb_backtrace+0x5d',
      '#1 0xffffffff80b32bd1 at vpanic+0x131',
      '#2 0xffffffff80b32a93 at panic+0x43',
      '#3 0xffffffff81000ade at trap_fatal+0x38e',
      '#4 0xffffffff81000b2f at trap_pfault+0x4f',
      '#5 0xffffffff810035c8 at calltrap+0x8',
      '#6 0xffffffff82a4b1c2 at fuse_vnop_write+0x42',
    ];
    const quoted = report.map((l) => `> ${l}`).join('\n');
    expect(analyzeStacks(quoted).signature).toBe('panic: page fault in fuse_vnop_write');
  });
});

describe("a Jenkins pipeline's parallel-branch tag", () => {
  it('is stripped from a line when a stamp follows it', () => {
    expect(cleanLine('[amd64] [  12.345678] INFO: task zsh:470 blocked')).toBe('INFO: task zsh:470 blocked');
    expect(cleanLine('[linux arm64] <3>[  12.345678] INFO: task zsh:470 blocked')).toBe(
      'INFO: task zsh:470 blocked',
    );
  });

  it('is stripped from lines that share it, whatever follows', () => {
    const text = ['[freebsd-14] panic: page fault', '[freebsd-14] cpuid = 1', '[freebsd-14] time = 1'].join(
      '\n',
    );
    expect(splitLines(text)).toEqual(['panic: page fault', 'cpuid = 1', 'time = 1']);
  });

  it("leaves a kernel line's own bracketed word on a line alone", () => {
    // drivers/gpu/drm: DRM_INFO() prints "[drm] "; one such line between others is kernel text.
    const text = ['fuse: init (API version 7.38)', '[drm] Initialized bochs-drm 1.0.0', 'x'].join('\n');
    expect(splitLines(text)).toEqual([
      'fuse: init (API version 7.38)',
      '[drm] Initialized bochs-drm 1.0.0',
      'x',
    ]);
    // The kernel's own bracketed starts begin with a blank or `<`: never a tag.
    expect(cleanLine('[ thread pid 912 tid 100154 ]')).toBe('[ thread pid 912 tid 100154 ]');
    expect(cleanLine('[<ffffffff81234567>] schedule+0x2f/0x80')).toBe(
      '[<ffffffff81234567>] schedule+0x2f/0x80',
    );
  });
});

describe("pdsh's host tag", () => {
  it('is stripped from the lines of each host, hosts interleaved, empty lines too', () => {
    const text = [
      'node1: INFO: task zsh:470 blocked for more than 120 seconds.',
      'node2: INFO: task cp:512 blocked for more than 120 seconds.',
      'node1:       Not tainted 6.1.0-27-amd64 #1 Debian 6.1.115-1',
      'node1:',
      'node2:       Not tainted 6.1.0-27-amd64 #1 Debian 6.1.115-1',
    ].join('\n');
    expect(splitLines(text)).toEqual([
      'INFO: task zsh:470 blocked for more than 120 seconds.',
      'INFO: task cp:512 blocked for more than 120 seconds.',
      '      Not tainted 6.1.0-27-amd64 #1 Debian 6.1.115-1',
      '',
      '      Not tainted 6.1.0-27-amd64 #1 Debian 6.1.115-1',
    ]);
  });

  it('is stripped from one line when a stamp follows it', () => {
    expect(cleanLine('node17: [ 1234.567890] INFO: task zsh:470 blocked')).toBe('INFO: task zsh:470 blocked');
  });

  it("never takes the kernel's own leading words for a host", () => {
    // mm/kasan/report.c: a symbolized header prints "BUG: KASAN: %s in %pS" once per inlined function;
    // x86 show_ip() of old kernels: "IP: [<%p>] %pS".
    const text = [
      'BUG: KASAN: slab-use-after-free in get_fuse_conn_super fs/fuse/fuse_i.h:885 [inline]',
      'BUG: KASAN: slab-use-after-free in fuse_test_super+0x8c/0xa0 fs/fuse/inode.c:1689',
    ].join('\n');
    expect(splitLines(text)).toEqual(text.split('\n'));
    expect(cleanLine('IP: [<ffffffff82d4e304>] __memset+0x24/0x30')).toBe(
      'IP: [<ffffffff82d4e304>] __memset+0x24/0x30',
    );
  });
});

describe('an OOM task table row with a 7-digit pid', () => {
  it('is not taken for a FreeBSD message buffer stamp', () => {
    // mm/oom_kill.c dump_task(): "[%7d] %5d %5d %8lu %8lu %8lu %8lu %9llu %8lu         %5hd %s\n".
    const row =
      '[1234567]  1000 1234567   912345   123456    98304    24576        0  1048576             0 java';
    expect(cleanLine(row)).toBe(row);
    // sys/kern/subr_msgbuf.c msgbuf_addstr(): "[%jd] " before a message buffer line.
    expect(cleanLine('[1234567] panic: page fault')).toBe('panic: page fault');
  });
});

describe("syslogd's broadcast of emergency lines", () => {
  it('reads the broadcast messages as consecutive kernel lines', () => {
    // rsyslog omusrmsg / sysklogd wallmsg(): "\r\n\7Message from syslogd@%s at %.24s ...\r\n", then the
    // message after a blank, the tag glued to the text.
    const text = [
      '',
      'Message from syslogd@rock64 at Aug  9 00:12:14 ...',
      ' kernel:[  622.405154] Internal error: Oops: 96000004 [#1] SMP',
      '',
      'Message from syslogd@rock64 at Aug  9 00:12:14 ...',
      ' kernel:[  623.348159] Process kworker/u8:0 (pid: 1626, stack limit = 0xffffffc0ae41c000)',
    ].join('\n');
    expect(splitLines(text)).toEqual([
      'Internal error: Oops: 96000004 [#1] SMP',
      'Process kworker/u8:0 (pid: 1626, stack limit = 0xffffffc0ae41c000)',
    ]);
  });
});

describe('HTML escapes and dmesg -d', () => {
  it("unescapes a web page's entities before reading the line", () => {
    expect(cleanLine('[&lt;ffffffff81311c28&gt;] schedule+0x5f/0x61')).toBe(
      '[<ffffffff81311c28>] schedule+0x5f/0x61',
    );
    expect(
      cleanLine('&quot;echo 0 &gt; /proc/sys/kernel/hung_task_timeout_secs&quot; disables this message.'),
    ).toBe('"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.');
    expect(cleanLine('R&D &c.')).toBe('R&D &c.');
  });

  it('strips indentation before a prefix, and keeps it before a frame or text', () => {
    // A markdown code block indents a syslog excerpt by four blanks.
    expect(cleanLine('    May 17 18:48:11 kernel: [ 6141.921740] INFO: task kworker/u8:0:5 blocked')).toBe(
      'INFO: task kworker/u8:0:5 blocked',
    );
    expect(cleanLine(' schedule+0x27/0xf0')).toBe(' schedule+0x27/0xf0');
    expect(cleanLine('\t(t=6500 jiffies g=837 q=20 ncpus=2)')).toBe('\t(t=6500 jiffies g=837 q=20 ncpus=2)');
  });

  it('strips the printk time with its delta', () => {
    // util-linux dmesg.c print_record(): "[%5ld.%06ld <%12.06f>] " for --show-delta with the printk time.
    expect(cleanLine('[   12.345678 <    0.000012>] INFO: task zsh:470 blocked')).toBe(
      'INFO: task zsh:470 blocked',
    );
  });
});

describe('raw /dev/kmsg records and a pager gutter', () => {
  it('strips the record header and the gutter, keeping the frame line as printed', () => {
    // Documentation/ABI/testing/dev-kmsg: "<level>,<seqnum>,<timestamp>,<contflag>[,...];<message>".
    expect(cleanLine('4,5005,12915307506,-; ? __pfx_watchdog_timer_fn+0x10/0x10')).toBe(
      ' ? __pfx_watchdog_timer_fn+0x10/0x10',
    );
    expect(cleanLine('6,1234,5678,c,more;fuse: init')).toBe('fuse: init');
    expect(cleanLine('7344   │ 0,5027,12935280555,-;watchdog: BUG: soft lockup - CPU#8')).toBe(
      'watchdog: BUG: soft lockup - CPU#8',
    );
  });

  it('leaves numbers that are no record', () => {
    expect(cleanLine('1,2,3 blocks; done')).toBe('1,2,3 blocks; done');
  });
});

describe('two contexts printing at once', () => {
  it("reads a trace to its end past another context's lines, told apart by printk caller ids", () => {
    // kernel/printk/printk.c print_caller(): "[%6s]" of "T%u" after the time; kernel/hung_task.c and
    // arch/arm64/kernel/stacktrace.c dump_backtrace(): "Call trace:", then " %pSb" frames.
    const text = [
      '[  244.878944][   T74] INFO: task fusefs-workloa:912 blocked for more than 120 seconds.',
      '[  244.886342][   T74]       Not tainted 6.12.0 #1',
      '[  244.901926][   T74] task:fusefs-workloa  state:D stack:0     pid:912   tgid:912   ppid:1      flags:0x00000004',
      '[  244.913832][   T74] Call trace:',
      '[  244.917082][   T74]  __switch_to+0x108/0x1c8',
      '[  244.917090][  T200] usb 1-1: new high-speed USB device number 3 using xhci-hcd',
      '[  244.921861][   T74]  __schedule+0x2fc/0x740',
      '[  244.921870][  T200] usb 1-1: New USB device found, idVendor=0781',
      '[  244.926189][   T74]  schedule+0x38/0xb8',
      '[  244.927000][   T74]  request_wait_answer+0x1c4/0x2a0 [fuse]',
      '[  244.928000][   T74]  fuse_simple_request+0x1a2/0x2b0 [fuse]',
      '[  244.929000][   T74]  fuse_flush+0x1b0/0x200 [fuse]',
    ].join('\n');
    const a = analyzeStacks(text);
    expect(a.threads[0]?.frames.map((f) => f.fn)).toEqual([
      '__switch_to',
      '__schedule',
      'schedule',
      'request_wait_answer',
      'fuse_simple_request',
      'fuse_flush',
    ]);
    expect(a.signature).toBe('hang in request_wait_answer from fuse_flush');
  });
});

describe('Linux arm and arm64 die() reports', () => {
  it('reads "Internal error" as a report and its Process line as the task', () => {
    // arch/arm64/kernel/traps.c __die() before 5.x: "Internal error: %s: %x [#%d]", "Process %.*s (pid: %d,
    // stack limit = 0x%p)"; arm64 __show_regs(): "pc : %pS".
    const text = [
      'Internal error: Oops: 96000004 [#1] PREEMPT SMP',
      'Modules linked in: fuse',
      'Process fusefs-workloa (pid: 912, stack limit = 0xffffffc0ae41c000)',
      'pc : fuse_copy_do+0x1a/0x110 [fuse]',
      'lr : fuse_copy_one+0x44/0x80 [fuse]',
    ].join('\n');
    const p = extractLinuxPanic(text);
    expect(p?.title).toBe('Internal error in fuse_copy_do');
    expect([p?.threads[0]?.pid, p?.threads[0]?.comm]).toEqual([912, 'fusefs-workloa']);
  });
});

describe('FreeBSD trap reports', () => {
  // sys/amd64/amd64/trap.c and sys/i386/i386/trap.c trap_fatal(): "\n\nFatal trap %d: %s while in %s mode\n",
  // "cpuid = %d; " "apic id = %02x\n" (SMP), the fault fields, "current process\t\t= %d (%s)",
  // "trap number\t\t= %d", then panic("%s", trap_msg(type)); sys/kern/kern_shutdown.c vpanic():
  // "panic: %s\n", "cpuid = %d\n".
  const report = (cpu: number, pid: number, comm: string): string[] => [
    '',
    '',
    'Fatal trap 12: page fault while in kernel mode',
    `cpuid = ${cpu}; apic id = 0${cpu}`,
    'fault virtual address\t= 0x18',
    'fault code\t\t= supervisor read data, page not present',
    'instruction pointer\t= 0x20:0xffffffff82a4b1c2',
    `current process\t\t= ${pid} (${comm})`,
  ];

  it("takes the panicking CPU's report when two CPUs trap at once", () => {
    const text = [
      ...report(1, 912, 'fusefs-workloa'),
      ...report(0, 11, 'idle'),
      'trap number\t\t= 12',
      'trap number\t\t= 12',
      'panic: page fault',
      'cpuid = 0',
      'time = 1734374714',
    ].join('\n');
    const p = extractFreebsdPanic(text);
    expect([p?.cpu, p?.threads[0]?.pid, p?.threads[0]?.comm]).toEqual([0, 11, 'idle']);
    // The other order: the panicking CPU's report first.
    const first = [
      ...report(1, 912, 'fusefs-workloa'),
      ...report(0, 11, 'idle'),
      'panic: page fault',
      'cpuid = 1',
    ].join('\n');
    const q = extractFreebsdPanic(first);
    expect([q?.cpu, q?.threads[0]?.pid, q?.threads[0]?.comm]).toEqual([1, 912, 'fusefs-workloa']);
  });

  it('keeps the first report whole when no panic line came (the console died)', () => {
    const text = [...report(1, 912, 'fusefs-workloa'), ...report(0, 11, 'idle')].join('\n');
    const p = extractFreebsdPanic(text);
    expect([p?.message, p?.cpu, p?.threads[0]?.pid, p?.threads[0]?.comm]).toEqual([
      'Fatal trap 12: page fault while in kernel mode',
      1,
      912,
      'fusefs-workloa',
    ]);
  });

  it("files a panic raised in a fault's handling under the faulting code, any other panic under its own", () => {
    // sys/kern/subr_stack.c stack_print_ddb(): "#%d %p at %s+%#lx"; sys/vm/vm_fault.c vm_fault_lookup():
    // panic("vm_fault_lookup: fault on nofault entry, addr: %#lx") under trap_pfault() -> vm_fault_trap().
    const trace = (...fns: string[]): string =>
      [
        'panic: vm_fault_lookup: fault on nofault entry, addr: 0xfffffe04a253d000',
        'cpuid = 1',
        'KDB: stack backtrace:',
        ...['kdb_backtrace', 'vpanic', 'panic', ...fns].map(
          (fn, i) => `#${i} 0xffffffff80b8d17d at ${fn}+0x5d`,
        ),
      ].join('\n');
    const title = (text: string): string | undefined => extractFreebsdPanic(text)?.title;
    expect(title(trace('vm_fault', 'vm_fault_trap', 'trap_pfault', 'calltrap', 'fuse_vnop_write'))).toBe(
      'panic: vm_fault_lookup: fault on nofault entry, addr: ADDR in fuse_vnop_write',
    );
    // Cut before the faulting code: the message alone.
    expect(title(trace('vm_fault', 'vm_fault_trap', 'trap_pfault'))).toBe(
      'panic: vm_fault_lookup: fault on nofault entry, addr: ADDR',
    );
    // A pager that panics while vm_fault() runs it is the bug, whatever trap lies below.
    expect(
      title(trace('vnode_pager_getpages', 'vm_fault', 'vm_fault_trap', 'trap_pfault', 'calltrap', 'copyout')),
    ).toBe('panic: vm_fault_lookup: fault on nofault entry, addr: ADDR in vnode_pager_getpages');
  });

  it("reads i386's vm86 mode", () => {
    // sys/i386/i386/trap.c trap_fatal(): frame->tf_eflags & PSL_VM ? "vm86" : ...
    const p = extractFreebsdPanic(
      'Fatal trap 9: general protection fault while in vm86 mode\ncpuid = 0; apic id = 00\n',
    );
    expect(p?.message).toBe('Fatal trap 9: general protection fault while in vm86 mode');
  });
});

describe('i386 ddb frames', () => {
  it('reads a frame that prints its arguments, named or not, known in number or not', () => {
    // sys/i386/i386/db_trace.c db_print_stack_entry(): "%s(" name, "%s=" per named argument, "%r" each,
    // "," between, ",..." when the count is unknown, ") at ", db_printsym(), "/frame 0x%r" when known.
    expect(parseDdbFrameLine('vm_fault1(c033bd0c,c38a5000,1,0,c325adc0) at vm_fault1+0x122')).toMatchObject({
      fn: 'vm_fault1',
      offset: '0x122',
    });
    expect(
      parseDdbFrameLine(
        'fuse_vnop_write(e4b2ac3c,1,0,c1a2b3c4,c5d6e7f8,...) at fuse_vnop_write+0x42/frame 0xe4b2ac18',
      ),
    ).toMatchObject({ fn: 'fuse_vnop_write', offset: '0x42' });
    expect(
      parseDdbFrameLine('vn_write(fp=c5d6e7f8,uio=e4b2acc0) at vn_write+0x1b4/frame 0xe4b2ac90'),
    ).toMatchObject({
      fn: 'vn_write',
    });
    expect(parseDdbFrameLine('calltrap() at calltrap+0x5')).toMatchObject({ fn: 'calltrap' });
  });
});

describe('a tagged or indented log cut into chunks', () => {
  // The chunk cutter must see a record start behind a CI tag or indentation as well, or it cuts a report in two.
  const corpus = (name: string): string =>
    readFileSync(path.join(import.meta.dirname, '../../fixtures/stacks', name), 'utf8');
  const tagged = (text: string, tag: string): string =>
    text
      .split('\n')
      .map((l) => `${tag}${l}`)
      .join('\n');
  /** `text` after tagged console lines, so that the first chunk ends `into` characters into it. */
  const afterFiller = (text: string, tag: string, into: number): string => {
    const lines: string[] = [];
    for (let i = 0, n = 0; n < CHUNK_CHARS - into; i++) {
      const line = `${tag}[${(i / 10).toFixed(6).padStart(12)}] usb 1-1: new high-speed usb device number ${i % 128}`;
      lines.push(line);
      n += line.length + 1;
    }
    const before = lines.join('\n');
    return `${before.slice(0, before.lastIndexOf('\n', CHUNK_CHARS - into - 1))}\n${text}`;
  };

  for (const [tag, name] of [
    ['node17: ', 'freebsd-syzkaller-0-fatal-trap-atrtc-settime.txt'],
    ['[linux-arm64] ', 'linux-qualcomm-258-hung-task-arm64-6.19-lava-indented-caller.txt'],
    // A markdown code block: the whole text indented, no other prefix.
    ['    ', 'linux-syzkaller-550-hung-task-arm32-backtrace.txt'],
  ] as const) {
    it(`reads ${name} tagged ${JSON.stringify(tag)} the same across a chunk boundary`, () => {
      const text = tagged(corpus(name), tag);
      const alone = analyzeStacks(text);
      expect(alone.signature).toBe(analyzeStacks(corpus(name)).signature);
      const analyzer = new StackAnalyzer();
      for (const line of afterFiller(text, tag, Math.floor(text.length / 2)).split(/(?<=\n)/))
        analyzer.push(line);
      const read = analyzer.end();
      expect(read.signature).toBe(alone.signature);
      expect(read.threads.map((t) => t.frames.length)).toEqual(alone.threads.map((t) => t.frames.length));
    });
  }
});
