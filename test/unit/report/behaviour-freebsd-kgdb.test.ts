// kgdb (gdb) and lldb backtraces of a FreeBSD kernel (src/report/parsers/freebsd-kgdb.ts), one line kind
// at a time, written from the formats of the tools' sources (the real outputs are corpus cases in
// test/fixtures/stacks/, freebsd-*-kgdb-* and freebsd-llvm-*):
// - gdb/stack.c print_frame(): "#" and the level left-aligned in 2 columns, the pc and " in " when the pc
//   is not at a line's start, the name ("??" without a symbol), " (" args ")", " at FILE:LINE" or
//   " from LIB"; wrap hints before " (" and " at " (3 blanks) and " from " (2 blanks); "<signal handler
//   called>", "<function called from gdb>", "<cross-architecture call>" for frames of no function;
//   `bt full`'s locals indented under a frame, "No locals.".
// - gdb/thread.c thread_try_catch_cmd(): "\nThread %s (%s):\n" with thread_target_id_str(): target id,
//   then " (%s)" with the extra info; kgdb (ports devel/gdb files/kgdb/fbsd-kvm.c pid_to_str() "Thread
//   %ld", files/kgdb/fbsd-kthr.c kgdb_thr_extra_thread_info() "PID=%d" ": " p_comm ["/" td_name]); the
//   base system's old kgdb (gnu/usr.bin/gdb/kgdb/trgt.c) "Thread %d" or "TID %d", no extra info.
// - gdb's pager prompts (gdb/utils.c prompt_for_continue(), as real outputs show them).
// - lldb/source/Core/Debugger.cpp thread-stop-format "thread #${thread.index}{, name = '${thread.name}'}
//   ...{, stop reason = ...}", frame-format "frame #${frame.index}: ${frame.pc}{ ${module.file.basename}
//   {`${function.name-with-args}{${function.pc-offset}}}}{ at ${line.file.basename}:${line.number}
//   {:${line.column}}}{ [opt]}{ [artificial]}" (and " [inlined]" in newer copies); the FreeBSDKernel
//   plugin's thread names (ProcessFreeBSDKernel.cpp UpdateThreadList(): "(pid {0}) {1}", "/" td_name,
//   " (crashed)", " (on CPU {0})").
// Addresses, ids, names and line numbers are illustrative; the 247276 frames are those of the bug's
// procstat capture (test/fixtures/stacks/freebsd-procstat-247276-bugzilla.txt) in gdb's form.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStacks } from '../../../src/report/analyze.js';
import { cutPoint } from '../../../src/report/chunk-cut.js';
import type { Thread } from '../../../src/report/model.js';
import {
  freebsdKgdbParser,
  GDB_THREAD,
  KGDB_TRACE_LINE,
  LLDB_THREAD,
  parseGdbFrame,
  parseLldbFrame,
  threadHeader,
} from '../../../src/report/parsers/freebsd-kgdb.js';
import { parseStacks } from '../../../src/report/stacks.js';

const parse = (lines: readonly string[]): Thread[] => freebsdKgdbParser.parse(lines.join('\n'));
const fns = (lines: readonly string[]): string[][] => parse(lines).map((t) => t.frames.map((f) => f.fn));

describe('gdb frame lines (print_frame)', () => {
  it('reads the level, the pc, the function and its source line', () => {
    expect(
      parseGdbFrame(
        '#2  0xffffffff80b3d7a7 in kern_reboot (howto=260) at /usr/src/sys/kern/kern_shutdown.c:523',
      ),
    ).toEqual({
      level: 2,
      frame: {
        fn: 'kern_reboot',
        address: '0xffffffff80b3d7a7',
        file: '/usr/src/sys/kern/kern_shutdown.c',
        line: 523,
      },
    });
    expect(
      parseGdbFrame('#10 0xffffffff80c252a2 in vpanic (fmt=<optimized out>) at kern_shutdown.c:907'),
    ).toEqual({
      level: 10,
      frame: { fn: 'vpanic', address: '0xffffffff80c252a2', file: 'kern_shutdown.c', line: 907 },
    });
  });

  it('a frame whose pc starts a line (an inlined one) has no pc', () => {
    expect(
      parseGdbFrame('#1  doadump (textdump=textdump@entry=0) at /usr/src/sys/kern/kern_shutdown.c:399'),
    ).toEqual({
      level: 1,
      frame: { fn: 'doadump', file: '/usr/src/sys/kern/kern_shutdown.c', line: 399 },
    });
    expect(parseGdbFrame('#0  __curthread () at pcpu_aux.h:57')?.frame).toEqual({
      fn: '__curthread',
      file: 'pcpu_aux.h',
      line: 57,
    });
  });

  it('a pc without a symbol is an unnamed frame with its pc; a pc gdb cannot read has none', () => {
    expect(parseGdbFrame('#9  0x0000000000000000 in ?? ()')).toEqual({
      level: 9,
      frame: { fn: '??', address: '0x0000000000000000' },
    });
    expect(parseGdbFrame('#4  <unavailable> in ?? ()')).toEqual({ level: 4, frame: { fn: '??' } });
  });

  it('a frame in a module without line info names the module, no source file', () => {
    expect(
      parseGdbFrame('#11 0xffffffff82a14b80 in sysctl_handle_attr () from /boot/modules/amdgpu.ko'),
    ).toEqual({
      level: 11,
      frame: { fn: 'sysctl_handle_attr', address: '0xffffffff82a14b80' },
    });
  });

  it('finds the source line after arguments holding parentheses, quotes and " at "', () => {
    const frame = (args: string) =>
      parseGdbFrame(`#3  0xffffffff80a1 in f (${args}) at /usr/src/sys/x.c:7`)?.frame;
    for (const args of [
      'fmt=0xffffffff812830ba "%s (at %d:%d)"',
      "c=40 '('",
      "c=41 ')'",
      's=0x1 "\\") at y.c:1"',
      'p=(struct vnode *) 0xfffff80003a1c000',
      'f=<f (int)>',
    ]) {
      expect(frame(args), args).toEqual({
        fn: 'f',
        address: '0xffffffff80a1',
        file: '/usr/src/sys/x.c',
        line: 7,
      });
    }
  });

  it('reads what precedes the source line as no source when the arguments never close (a cut line)', () => {
    expect(parseGdbFrame('#6  0xffffffff80eaeb54 in trap (frame=0xfffffe004')?.frame).toEqual({
      fn: 'trap',
      address: '0xffffffff80eaeb54',
    });
    expect(parseGdbFrame('#6  0xffffffff80eaeb54 in trap (frame=") at x.c:1')?.frame).toEqual({
      fn: 'trap',
      address: '0xffffffff80eaeb54',
    });
    // Something after the arguments that is not " at FILE:LINE": no source line.
    expect(parseGdbFrame('#6  trap (frame=0x1) at x.c')?.frame).toEqual({ fn: 'trap' });
    expect(parseGdbFrame('#6  trap (frame=0x1) at x.c:12 and more')?.frame).toEqual({ fn: 'trap' });
    expect(parseGdbFrame('#6  trap (frame=0x1)at x.c:12')?.frame).toEqual({ fn: 'trap' });
    expect(parseGdbFrame('#6  trap (frame=0x1) from /boot/kernel/x.ko at x.c:12')?.frame).toEqual({
      fn: 'trap',
    });
  });

  it('a frame of no function (a trap frame, a dummy frame) keeps its level and is no frame', () => {
    for (const marker of [
      '<signal handler called>',
      '<function called from gdb>',
      '<cross-architecture call>',
    ])
      expect(parseGdbFrame(`#8  ${marker}`), marker).toEqual({ level: 8 });
  });

  it('is not any other `#N` line: stack(9), ddb, a cut frame', () => {
    for (const line of [
      '#0 0xffffffff80b7fefd at kdb_backtrace+0x5d',
      '#11 0xffffffff80c085f3 i',
      '#11',
      '#12 0xffffffff82e8b0',
      '#1 SMP PREEMPT Debian 6.1.55-1',
      '#1 SMP Debian 6.1.55-1 (2023-09-29)',
      '# 0x1 in f ()',
      'x#1  f ()',
    ])
      expect(parseGdbFrame(line), line).toBeUndefined();
  });
});

describe('gdb backtraces', () => {
  it('joins wrapped lines: arguments, " at FILE:LINE", " from LIB" and the arguments after the name', () => {
    const [t] = parse([
      '#2  0xffffffff804c8fea in db_dump (dummy=<optimized out>,',
      '    dummy2=<unavailable>, dummy3=<unavailable>, dummy4=<unavailable>)',
      '    at /usr/src/sys/ddb/db_command.c:575',
      '#3  0xffffffff82a14c4e in amdgpu_device_get_pcie_replay_count ()',
      '   from /boot/modules/amdgpu.ko',
      '#4  0xffffffff80f3812c in address_space_rw',
      '    (as=0xffff, addr=4273803276)',
      '    at /usr/src/sys/x.c:2873',
    ]);
    expect(t?.frames).toEqual([
      { fn: 'db_dump', address: '0xffffffff804c8fea', file: '/usr/src/sys/ddb/db_command.c', line: 575 },
      { fn: 'amdgpu_device_get_pcie_replay_count', address: '0xffffffff82a14c4e' },
      { fn: 'address_space_rw', address: '0xffffffff80f3812c', file: '/usr/src/sys/x.c', line: 2873 },
    ]);
  });

  it("does not join `bt full`'s locals, nor a local that looks like an argument or a source line", () => {
    const lines = [
      '#0  sched_switch (td=0xfffff8000390a000, flags=<optimized out>) at /usr/src/sys/kern/sched_ule.c:2147',
      '        cpuid = 1',
      '        tdq = 0xffffffff81e1a080',
      '        at = 3',
      '#1  0xffffffff80bd38d2 in mi_switch (flags=259) at /usr/src/sys/kern/kern_synch.c:542',
      'No locals.',
      '#2  0xffffffff80c29799 in sleepq_switch (wchan=0xfffff8014edff300, pri=0)',
      '    at /usr/src/sys/kern/subr_sleepqueue.c:608',
      '        td = 0xfffff8000390a000',
      '        from = 0',
      '        fs = {vaddr = 35538210816, m_hold = 0x0,',
      '          prot = <optimized out>}',
    ];
    const t = parse(lines.filter((l) => l !== 'No locals.'))[0];
    expect(t?.frames.map((f) => [f.fn, f.line])).toEqual([
      ['sched_switch', 2147],
      ['mi_switch', 542],
      ['sleepq_switch', 608],
    ]);
    // "No locals." is printed at the line's start (print_frame_local_vars(): gdb_printf (stream,
    // _("No locals.\n")), no indentation), yet it is the frame's locals: the trace goes on.
    expect(fns(lines)).toEqual([['sched_switch', 'mi_switch', 'sleepq_switch']]);
  });

  it("does not join a frame's first local named `at` or `from` as its source line or module", () => {
    const [t] = parse([
      '#0  0xffffffff80c29799 in sleepq_switch (wchan=0xfffff8014edff300, pri=0)',
      '    at /usr/src/sys/kern/subr_sleepqueue.c:608',
      '        from = 0',
      '#1  0xffffffff80bd38d2 in mi_switch (flags=259) at /usr/src/sys/kern/kern_synch.c:542',
      '        at = 3',
      '#2  0xffffffff82a14b80 in sysctl_handle_attr ()',
      '   from /boot/modules/amdgpu.ko',
    ]);
    expect(t?.frames.map((f) => [f.fn, f.file, f.line])).toEqual([
      ['sleepq_switch', '/usr/src/sys/kern/subr_sleepqueue.c', 608],
      ['mi_switch', '/usr/src/sys/kern/kern_synch.c', 542],
      ['sysctl_handle_attr', undefined, undefined],
    ]);
  });

  it('keeps a `bt full` trace whole across "No locals." and "No symbol table info available."', () => {
    // A panic in a FUSE write's page fault: the sleep and FUSE frames below the panic are the same
    // thread, which ran on its CPU; read in pieces, the lower one would look like a hung FUSE thread.
    const lines = [
      '#0  __curthread () at /usr/src/sys/amd64/include/pcpu_aux.h:57',
      '        td = <optimized out>',
      '#1  doadump (textdump=<optimized out>) at /usr/src/sys/kern/kern_shutdown.c:405',
      '        error = 0',
      '#2  0xffffffff80b3d7a7 in kern_reboot (howto=260) at /usr/src/sys/kern/kern_shutdown.c:523',
      'No locals.',
      '#3  0xffffffff80b3dc7e in vpanic (fmt=0xffffffff81190e1b "%s", ap=<optimized out>)',
      '    at /usr/src/sys/kern/kern_shutdown.c:967',
      '        buf = "sleeping thread"',
      '#4  0xffffffff80b3da73 in panic (fmt=<unavailable>) at /usr/src/sys/kern/kern_shutdown.c:891',
      'No locals.',
      '#5  0xffffffff80b9a1c2 in sleepq_wait (wchan=0xfffff80012345678, pri=0)',
      '    at /usr/src/sys/kern/subr_sleepqueue.c:659',
      'No locals.',
      '#6  0xffffffff82a14b80 in fticket_wait_answer () from /boot/modules/fusefs.ko',
      'No symbol table info available.',
      '#7  0xffffffff82a15c10 in fuse_write_directbackend () from /boot/modules/fusefs.ko',
      'No symbol table info available.',
      '#8  0xffffffff80f03c3e in vm_fault (map=0xfffff80003a1c000, vaddr=34359738368)',
      '    at /usr/src/sys/vm/vm_fault.c:1752',
      'No locals.',
      '(kgdb) ',
    ];
    const threads = parse(lines);
    expect(threads.map((t) => [t.state, t.frames.length])).toEqual([['R', 9]]);
    expect(analyzeStacks(lines.join('\n')).blocked).toEqual([]);
    // Outside a trace the line is no trace of its own.
    expect(parse(['No locals.', 'No symbol table info available.'])).toEqual([]);
  });

  it('reads an arm64 frame whose signed return address gdb marks [PAC] (print_pc())', () => {
    expect(
      parseGdbFrame(
        '#3  0xffff0000004a1b2c [PAC] in mi_switch (flags=259) at /usr/src/sys/kern/kern_synch.c:542',
      ),
    ).toEqual({
      level: 3,
      frame: {
        fn: 'mi_switch',
        address: '0xffff0000004a1b2c',
        file: '/usr/src/sys/kern/kern_synch.c',
        line: 542,
      },
    });
    expect(
      fns([
        '#0  sched_switch (td=0x1, flags=<optimized out>) at /usr/src/sys/kern/sched_ule.c:2147',
        '#1  0xffff0000004a1b2c [PAC] in mi_switch (flags=259) at /usr/src/sys/kern/kern_synch.c:542',
        '#2  0xffff0000004f00a0 [PAC] in sleepq_switch (wchan=0x1, pri=0) at subr_sleepqueue.c:608',
      ]),
    ).toEqual([['sched_switch', 'mi_switch', 'sleepq_switch']]);
    expect(freebsdKgdbParser.matches('#1  0xffff0000004a1b2c [PAC] in mi_switch (flags=259)')).toBe(true);
  });

  it('reads a frame cut inside its arguments and thousands of indented lines after it in linear time', () => {
    // The arguments never close, so every indented line is a candidate continuation: each is read once.
    const lines = ['#0  0xffffffff80a1 in f (a=1,'];
    const n = 40000;
    for (let i = 0; i < n; i++) lines.push(`    b${i}=0x${'0'.repeat(40)},`);
    lines.push('#1  0xffffffff80a2 in g () at g.c:2');
    const threads = parse(lines);
    expect(threads.map((t) => t.frames.map((f) => f.fn))).toEqual([['f', 'g']]);
  });

  it('does not join a local that holds " at ", "#N " or a prompt inside, nor a line not indented', () => {
    expect(
      parse([
        '#0  0x1 in f (a=1) at x.c:1',
        '        s = 0xffffffff8125a4c3 "wait at vnode.c:3"',
        '        t = "#1 x"',
        '        u = "(kgdb) "',
        '#1  g () at x.c:2',
      ])[0]?.frames,
    ).toEqual([
      { fn: 'f', address: '0x1', file: 'x.c', line: 1 },
      { fn: 'g', file: 'x.c', line: 2 },
    ]);
    expect(
      fns(['#0  f () at x.c:1', '#1  0x1 in g (a=1,', 'Backtrace stopped: corrupt)', '#2  h () at x.c:3']),
    ).toEqual([['f', 'g'], ['h']]);
  });

  it('joins an argument list that a quoted parenthesis seems to close or leave open', () => {
    expect(
      parse([
        '#9  kdb_enter (why=0xffffffff812830ba "panic (",',
        '    msg=<optimized out>) at /usr/src/sys/kern/subr_kdb.c:506',
        "#10 f (c=41 ')',",
        '    d=0) at x.c:5',
      ])[0]?.frames,
    ).toEqual([
      { fn: 'kdb_enter', file: '/usr/src/sys/kern/subr_kdb.c', line: 506 },
      { fn: 'f', file: 'x.c', line: 5 },
    ]);
  });

  it('never joins a frame line to the frame above, however indented (a name without arguments is no frame)', () => {
    expect(
      fns([
        '    #4  0xffffffff80f3812c in address_space_rw',
        '    #5  0xffffffff80f3812d in f (x=1) at x.c:1',
      ]),
    ).toEqual([['f']]);
  });

  it('goes on across a frame of no function: the levels after it are the same trace', () => {
    expect(
      fns([
        '#7  0xffffffff810c3e9b in trap (frame=0xfffffe011e292300) at trap.c:576',
        '#8  <signal handler called>',
        '#9  kdb_enter (why=0x1 "panic", msg=<optimized out>) at subr_kdb.c:506',
      ]),
    ).toEqual([['trap', 'kdb_enter']]);
  });

  it('drops a prompt before a frame, and the pager prompts of new and old gdb', () => {
    expect(
      fns([
        '(kgdb) #0  __curthread () at /usr/src/sys/amd64/include/pcpu_aux.h:55',
        '--Type <RET> for more, q to quit, c to continue without paging--',
        '#1  doadump (textdump=1) at kern_shutdown.c:399',
        '---Type <return> to continue, or q <return> to quit---',
        '(gdb) (kgdb) #2  0xffffffff80bf677b in kern_reboot (howto=260) at kern_shutdown.c:486',
        '--Type <RET> for more, q to quit, c to continue without paging--c',
        '    #3  0xffffffff80bf6c00 in vpanic (fmt=<optimized out>) at kern_shutdown.c:919',
        '    (kgdb) #4  0xffffffff80bf6a03 in panic (fmt=<unavailable>) at kern_shutdown.c:843',
      ]),
    ).toEqual([['__curthread', 'doadump', 'kern_reboot', 'vpanic', 'panic']]);
  });

  it('joins a line the pager interrupted where the terminal had wrapped it, and stops at "Quit"', () => {
    // Real gdb outputs show the prompt inside a line the terminal wrapped (no wrap hint to break at),
    // the rest of the line after the user's key: `...std::vecto--Type <RET> ... paging--` / `r, std::...`.
    const PROMPT = '--Type <RET> for more, q to quit, c to continue without paging--';
    const [t, ...rest] = parse([
      '#10 0xffffffff80c06f2e in sysctl_root (oidp=<optimized out>, arg1=<optimized out>, arg2=<optimized out>)',
      '    at /usr/src/sys/kern/kern_sysctl.c:2213',
      `#11 0xffffffff80c06cc1 in sysctl_root_handler_locked (oid=0xfffff80003a1c000, arg1=0xfffff8${PROMPT}`,
      '0003a1c100, arg2=0, req=0xfffffe016e360a30) at /usr/src/sys/kern/kern_sysctl.c:197',
      `#12 0xffffffff80c07b3e in userland_sysctl (td=0xfffff8000390a000, name=0xfffffe016e360b00, nam${PROMPT}c`,
      'elen=2) at /usr/src/sys/kern/kern_sysctl.c:2368',
      '#13 0xffffffff80c0760c in sys___sysctl (td=0x1, uap=0x2) at /usr/src/sys/kern/kern_sysctl.c:2290',
    ]);
    expect(rest).toEqual([]);
    expect(t?.frames.map((f) => [f.fn, f.line])).toEqual([
      ['sysctl_root', 2213],
      ['sysctl_root_handler_locked', 197],
      ['userland_sysctl', 2368],
      ['sys___sysctl', 2290],
    ]);
    // "q": gdb prints "Quit" after the prompt and stops; what came before is a cut frame.
    const quit = parse([
      '#10 0xffffffff80c06f2e in sysctl_root (oidp=<optimized out>) at /usr/src/sys/kern/kern_sysctl.c:2213',
      `#11 0xffffffff80c06cc1 in sysctl_root_handler_locked (oid=0xfffff80003a1c000, arg1=0xfffff8${PROMPT}Quit`,
      '(kgdb) ',
    ]);
    expect(quit.map((q) => q.frames.map((f) => [f.fn, f.line]))).toEqual([
      [
        ['sysctl_root', 2213],
        ['sysctl_root_handler_locked', undefined],
      ],
    ]);
    // A prompt at the text's very end leaves a cut frame, read as one.
    expect(fns([`#0  0xffffffff80a1 in f (a=${PROMPT}`])).toEqual([['f']]);
    // A chain of interrupted lines (one line over many screens) is one line, read once.
    const chain = Array.from({ length: 40000 }, () => `b=0x${'0'.repeat(40)},${PROMPT}`);
    expect(fns([`#0  0xffffffff80a1 in f (a=1,${PROMPT}`, ...chain, 'c=2) at f.c:1'])).toEqual([['f']]);
    expect(
      parse([`#0  0xffffffff80a1 in f (a=1,${PROMPT}`, ...chain, 'c=2) at f.c:1'])[0]?.frames[0]?.line,
    ).toBe(1);
  });

  it('does not drop what only looks like a prompt or a pager line', () => {
    expect(fns(['(kgdb)#0  f () at x.c:1'])).toEqual([]);
    expect(fns(['said (kgdb) #0  f () at x.c:1'])).toEqual([]);
    for (const pager of ['--Type <RET> for more, q to quit, c to continue without paging-'])
      expect(fns(['#0  f () at x.c:1', pager, '#1  g () at x.c:2']), pager).toEqual([['f'], ['g']]);
    // After text, the prompt interrupted that text's line (the test above): "x" goes on with "#1 ...".
    expect(
      fns([
        '#0  f () at x.c:1',
        'x--Type <RET> for more, q to quit, c to continue without paging--',
        '#1  g ()',
      ]),
    ).toEqual([['f']]);
    expect(fns(['#0  f () at x.c:1', '--Type <RET> to go on--', '#1  g () at x.c:2'])).toEqual([
      ['f'],
      ['g'],
    ]);
  });

  it('ends the trace at any other line not indented: a prompt, "Backtrace stopped", the tool\'s output', () => {
    expect(
      fns([
        '#0  f () at x.c:1',
        'Backtrace stopped: previous frame inner to this frame (corrupt stack?)',
        '#1  g () at x.c:2',
        '#2  h () at x.c:3',
        '(kgdb) bt',
        '#0  f () at x.c:1',
      ]),
    ).toEqual([['f'], ['g', 'h'], ['f']]);
  });

  it('keeps a trace across blank lines and indented lines that are not its own', () => {
    expect(fns(['#0  f () at x.c:1', '', '        i = 0', '#1  g () at x.c:2'])).toEqual([['f', 'g']]);
  });

  it('starts another trace where the level does not go on (another `bt`)', () => {
    expect(fns(['#0  f () at x.c:1', '#1  g () at x.c:2', '#1  h () at x.c:3', '#0  f () at x.c:1'])).toEqual(
      [['f', 'g'], ['h'], ['f']],
    );
    // A level may skip (a frame filter, a quote that left some out): still the same trace.
    expect(fns(['#0  f () at x.c:1', '#3  g () at x.c:2'])).toEqual([['f', 'g']]);
  });

  it('reads a trace whose quote starts above frame 0', () => {
    expect(
      fns([
        '#25 0xffffffff80e8cf83 in vm_fault_object (fs=0x1) at vm_fault.c:1595',
        '#26 vm_fault (map=0x2) at vm_fault.c:1752',
      ]),
    ).toEqual([['vm_fault_object', 'vm_fault']]);
  });

  it("is no thread: one frame `frame N`, `up` or kgdb's opening printed, then its source line", () => {
    for (const source of [
      '221\tpcpu.h: No such file or directory.',
      '55\t\t__asm("movq %%gs:%P1,%0"',
      '612     code',
    ]) {
      expect(
        fns(['#5  0xffffffff80a1 in fuse_vnop_write (ap=0x1) at fuse_vnops.c:2391', source]),
        source,
      ).toEqual([]);
    }
    // gdb 6's kgdb prints the dump's frame when it opens it, then the `bt` typed after repeats it.
    expect(
      fns([
        '#0  doadump (textdump=1) at pcpu.h:221',
        '221     pcpu.h: No such file or directory.',
        '        in pcpu.h',
        '(kgdb) #0  doadump (textdump=1) at pcpu.h:221',
        '#1  0xffffffff80a47b05 in kern_reboot (howto=<value optimized out>) at kern_shutdown.c:366',
      ]),
    ).toEqual([['doadump', 'kern_reboot']]);
  });

  it("keeps a trace of two frames, or a thread header's one frame, whatever follows", () => {
    expect(fns(['#0  f () at x.c:1', '#1  g () at x.c:2', '12\tcode'])).toEqual([['f', 'g']]);
    expect(fns(['Thread 2 (Thread 100045):', '#0  f () at x.c:1', '12\tcode'])).toEqual([['f']]);
    expect(fns(['#0  f () at x.c:1', 'text'])).toEqual([['f']]);
    expect(fns(['#0  f () at x.c:1', 'Backtrace stopped: 1 frame'])).toEqual([['f']]);
    expect(fns(['#0  f () at x.c:1', '12'])).toEqual([['f']]);
  });
});

describe('gdb `thread apply all bt` headers (thread.c, kgdb target ids)', () => {
  it("reads kgdb's tid, pid, comm and thread name", () => {
    expect(threadHeader('Thread 12 (Thread 100123 (PID=1234: mmap-write)):')).toStrictEqual({
      tid: 100123,
      pid: 1234,
      comm: 'mmap-write',
      frames: [],
      format: 'freebsd-kgdb',
    });
    expect(threadHeader('Thread 581 (Thread 100021 (PID=0: kernel/if_io_tqg_0)):')).toEqual({
      tid: 100021,
      pid: 0,
      comm: 'kernel',
      tdname: 'if_io_tqg_0',
      frames: [],
      format: 'freebsd-kgdb',
    });
    // An empty p_comm and a thread name: the name after the `/`.
    expect(threadHeader('Thread 4 (Thread 100201 (PID=78: /thr)):')).toMatchObject({
      comm: '',
      tdname: 'thr',
    });
    // A comm kgdb could not read: "PID=%d" alone.
    expect(threadHeader('Thread 3 (Thread 100200 (PID=77)):')).toMatchObject({
      tid: 100200,
      pid: 77,
      comm: '',
    });
  });

  it('reads the thread name newer kgdb gives the thread (bsdjhb/gdb fbsd-kvm.c thread_name())', () => {
    // thread_target_id_str(): "%s \"%s\" (%s)", the target id, the name (p_comm["/" td_name]), "PID=%s".
    expect(threadHeader('Thread 12 (Thread 100123 "mmap-write" (PID=1234)):')).toStrictEqual({
      tid: 100123,
      pid: 1234,
      comm: 'mmap-write',
      frames: [],
      format: 'freebsd-kgdb',
    });
    expect(threadHeader('Thread 581 (Thread 100021 "kernel/if_io_tqg_0" (PID=0)):')).toMatchObject({
      tid: 100021,
      pid: 0,
      comm: 'kernel',
      tdname: 'if_io_tqg_0',
    });
    // A name and no extra info: "%s \"%s\"".
    expect(threadHeader('Thread 2 (Thread 100124 "fusefs-fixture"):')).toMatchObject({
      tid: 100124,
      comm: 'fusefs-fixture',
    });
    const threads = parse([
      'Thread 1 (Thread 100123 "mmap-write" (PID=1234)):',
      '#0  sched_switch (td=0x1, flags=<optimized out>) at /usr/src/sys/kern/sched_ule.c:2147',
      '',
      'Thread 2 (Thread 100124 "fusefs-fixture" (PID=1235)):',
      '#0  sched_switch (td=0x2, flags=<optimized out>) at /usr/src/sys/kern/sched_ule.c:2147',
    ]);
    expect(threads.map((t) => [t.tid, t.pid, t.comm])).toEqual([
      [100123, 1234, 'mmap-write'],
      [100124, 1235, 'fusefs-fixture'],
    ]);
    const text = ['x', 'Thread 2 (Thread 100124 "fusefs-fixture" (PID=1235)):', '#0  f () at f.c:1', ''].join(
      '\n',
    );
    expect(cutPoint(text)).toBe(2);
  });

  it('reads the tid of old kgdb, which printed the target id alone, and an inferior-qualified id', () => {
    expect(threadHeader('Thread 3 (Thread 100045):')).toStrictEqual({
      tid: 100045,
      comm: '',
      frames: [],
      format: 'freebsd-kgdb',
    });
    expect(threadHeader('Thread 9 (TID 100046):')).toMatchObject({ tid: 100046 });
    expect(threadHeader('Thread 1.12 (Thread 100047 (PID=5: zfskern)):  ')).toMatchObject({
      tid: 100047,
      pid: 5,
    });
  });

  it('is no other Thread line', () => {
    for (const line of [
      'Thread 3 (LWP 100045):',
      'Thread 3 (Thread 100045)',
      'Thread 3 (Thread 100045 (PID=1: init))',
      'Thread 3 received signal SIGSEGV',
      ' Thread 3 (Thread 100045):',
      'Thread x (Thread 100045):',
      'Thread 3 (Thread 100045): more',
    ])
      expect(GDB_THREAD.test(line), line).toBe(false);
  });

  it('gives each thread its own frames', () => {
    const threads = parse([
      '',
      'Thread 2 (Thread 100101 (PID=12: geom/g_event)):',
      '#0  sched_switch (td=0x1, flags=<optimized out>) at /usr/src/sys/kern/sched_ule.c:2147',
      '#1  0xffffffff80bd38d2 in mi_switch (flags=259) at /usr/src/sys/kern/kern_synch.c:542',
      '',
      'Thread 1 (Thread 100102 (PID=905: fusefs-fixture)):',
      '#0  sched_switch (td=0x2, flags=<optimized out>) at /usr/src/sys/kern/sched_ule.c:2147',
      '',
      'Thread 3 (Thread 100103 (PID=906: idle)):',
    ]);
    expect(threads.map((t) => [t.tid, t.pid, t.comm, t.tdname, t.frames.map((f) => f.fn)])).toEqual([
      [100101, 12, 'geom', 'g_event', ['sched_switch', 'mi_switch']],
      [100102, 905, 'fusefs-fixture', undefined, ['sched_switch']],
      [100103, 906, 'idle', undefined, []],
    ]);
  });
});

describe('lldb thread and frame lines (Debugger.cpp formats, FreeBSDKernel names)', () => {
  it("reads the plugin's thread name: pid, comm, thread name; a crashed or on-CPU thread runs", () => {
    expect(threadHeader("* thread #1, name = '(pid 12991) dtrace'")).toEqual({
      pid: 12991,
      comm: 'dtrace',
      frames: [],
      format: 'freebsd-kgdb',
    });
    expect(
      threadHeader("thread #980, name = '(pid 5243) sysctl (crashed)', stop reason = kernel panic"),
    ).toEqual({
      pid: 5243,
      comm: 'sysctl',
      state: 'R',
      frames: [],
      format: 'freebsd-kgdb',
    });
    expect(threadHeader("thread #7, name = '(pid 0) kernel/if_io_tqg_0 (on CPU 12)'")).toEqual({
      pid: 0,
      comm: 'kernel',
      tdname: 'if_io_tqg_0',
      state: 'R',
      frames: [],
      format: 'freebsd-kgdb',
    });
    expect(threadHeader("thread #8, name = '(pid 9) sh (on CPU x)'")).toMatchObject({
      comm: 'sh (on CPU x)',
    });
    expect(threadHeader("thread #8, name = '(pid 9) sh (crashed) '")).toMatchObject({
      comm: 'sh (crashed) ',
    });
  });

  it('a thread named otherwise, or not at all, has no pid', () => {
    expect(threadHeader('* thread #2')).toEqual({ comm: '', frames: [], format: 'freebsd-kgdb' });
    expect(threadHeader("thread #2, name = 'dtrace', stop reason = signal SIGSTOP")).toEqual({
      comm: '',
      frames: [],
      format: 'freebsd-kgdb',
    });
    expect(threadHeader("thread #2, name = 'x(pid 1) sh'")).toEqual({
      comm: '',
      frames: [],
      format: 'freebsd-kgdb',
    });
  });

  it("is not `thread list`'s line (thread-format, one frame), nor other text", () => {
    for (const line of [
      "thread #1: tid = 101866, 0xffffffff80bf9322 kernel`sched_switch(td=0x1, flags=259) at sched_ule.c:2448:26, name = '(pid 12991) dtrace'",
      'thread #1 of 3',
      '* thread #1,',
      'a thread #1',
      "thread #2, name = '(pid 1) init', queue",
    ])
      expect(LLDB_THREAD.test(line), line).toBe(false);
    expect(LLDB_THREAD.test("thread #2, name = '(pid 1) init', queue = 'q', activity = 'a'")).toBe(true);
  });

  it('reads a frame: pc, function (without its arguments), file and line; the column is dropped', () => {
    expect(
      parseLldbFrame(
        '* frame #0: 0xffffffff80bf9322 kernel`sched_switch(td=0xfffff8015882f780, flags=259) at sched_ule.c:2448:26',
      ),
    ).toEqual({
      level: 0,
      frame: { fn: 'sched_switch', address: '0xffffffff80bf9322', file: 'sched_ule.c', line: 2448 },
    });
    expect(parseLldbFrame('frame #8: 0xffffffff810f1af8 kernel`calltrap at exception.S:285')).toEqual({
      level: 8,
      frame: { fn: 'calltrap', address: '0xffffffff810f1af8', file: 'exception.S', line: 285 },
    });
    expect(
      parseLldbFrame(
        'frame #4: 0xffffffff80c1 fusefs.ko`fuse_vnop_write(ap=0x1) at fuse_vnops.c:2391:3 [opt]',
      ),
    ).toEqual({
      level: 4,
      frame: { fn: 'fuse_vnop_write', address: '0xffffffff80c1', file: 'fuse_vnops.c', line: 2391 },
    });
  });

  it('reads [inlined], [opt], [artificial], a symbol with an offset, a pc alone, a cut line', () => {
    const fn = (line: string) => parseLldbFrame(line)?.frame;
    expect(fn('frame #0: 0xffffffff80bc6c31 kernel`__curthread at pcpu_aux.h:57:2 [inlined]')).toEqual({
      fn: '__curthread',
      address: '0xffffffff80bc6c31',
      file: 'pcpu_aux.h',
      line: 57,
    });
    expect(fn('frame #3: 0x1 kernel`f(x=1) at f.c:3 [opt] [artificial]')).toMatchObject({ fn: 'f', line: 3 });
    expect(fn('frame #9: 0xffffffff81da2290 kernel`cn_devtab + 64')).toEqual({
      fn: 'cn_devtab',
      address: '0xffffffff81da2290',
    });
    expect(fn('frame #10: 0xfffffe01b50de8e0')).toEqual({ fn: '??', address: '0xfffffe01b50de8e0' });
    expect(
      fn('frame #12: 0xffffffff80c16ea3 kernel`kdb_sysctl_panic(oidp=<unavailable>, arg1=<unavailable>, r'),
    ).toEqual({
      fn: 'kdb_sysctl_panic',
      address: '0xffffffff80c16ea3',
    });
    expect(fn('frame #5: 0x2 kernel`_sleep(ident=0x1, wmesg="uwait") at kern_synch.c:230:5')).toMatchObject({
      fn: '_sleep',
      file: 'kern_synch.c',
      line: 230,
    });
  });

  it('is no other frame-like line', () => {
    for (const line of [
      'frame #1: kernel`f',
      'frame #1:0x1',
      '  frame #1: 0x1',
      'frame #x: 0x1',
      'frame #1: 0x1 [weird]',
    ])
      expect(parseLldbFrame(line), line).toBeUndefined();
  });

  it('reads a frame with a module and no function (frame-format: the module scope without the function)', () => {
    expect(parseLldbFrame('frame #3: 0xffffffff82a14b80 amdgpu.ko')).toEqual({
      level: 3,
      frame: { fn: '??', address: '0xffffffff82a14b80' },
    });
    const threads = parse([
      "* thread #1, name = '(pid 12) x (crashed)', stop reason = kernel panic",
      '  * frame #0: 0xffffffff80bc6c31 kernel`doadump(textdump=0) at kern_shutdown.c:399:2',
      '    frame #1: 0xffffffff82a14b80 amdgpu.ko',
      '    frame #2: 0xffffffff80bc6e9b kernel`vpanic(fmt="x", ap=0x1) at kern_shutdown.c:967:3',
    ]);
    expect(threads.map((t) => t.frames.map((f) => f.fn))).toEqual([['doadump', '??', 'vpanic']]);
  });

  it('ends a thread at a line of other output between its frames', () => {
    expect(
      fns([
        "* thread #1, name = '(pid 1) init'",
        '  * frame #0: 0x1 kernel`f at x.c:1',
        'Some other output',
        '    frame #1: 0x2 kernel`g at x.c:2',
      ]),
    ).toEqual([['f'], ['g']]);
  });

  it('reads `bt all`: the threads in turn, the selected frame marked', () => {
    const threads = parse([
      '(lldb) bt all',
      "* thread #1, name = '(pid 905) fusefs-fixture', stop reason = kernel panic",
      '  * frame #0: 0xffffffff80bf9322 kernel`sched_switch(td=0x1, flags=259) at sched_ule.c:2448:26',
      '    frame #1: 0xffffffff80bd38d2 kernel`mi_switch(flags=259) at kern_synch.c:530:2',
      "  thread #2, name = '(pid 12) geom/g_event'",
      '    frame #0: 0xffffffff80bf9322 kernel`sched_switch(td=0x2, flags=259) at sched_ule.c:2448:26',
      '(lldb) ',
      '    frame #1: 0xffffffff80bd38d2 kernel`mi_switch(flags=259) at kern_synch.c:530:2',
    ]);
    expect(threads.map((t) => [t.pid, t.comm, t.tdname, t.frames.map((f) => f.fn)])).toEqual([
      [905, 'fusefs-fixture', undefined, ['sched_switch', 'mi_switch']],
      [12, 'geom', 'g_event', ['sched_switch']],
      // A prompt ends a thread; a frame after it is no frame of that thread's.
      [undefined, '', undefined, ['mi_switch']],
    ]);
  });
});

describe('what the readers make of these threads', () => {
  const procstat247276 = analyzeStacks(
    readFileSync(
      path.join(import.meta.dirname, '../../fixtures/stacks/freebsd-procstat-247276-bugzilla.txt'),
      'utf8',
    ),
  );
  /** FreeBSD bug 247276's deadlock in kgdb's `thread apply all bt`, with the FUSE daemon's thread. */
  const THREAD_APPLY_ALL = [
    '(kgdb) thread apply all bt',
    '',
    'Thread 2 (Thread 100068 (PID=783: mmap-write)):',
    '#0  sched_switch (td=0xfffff80003a1c000, flags=<optimized out>) at /usr/src/sys/kern/sched_ule.c:2147',
    '#1  0xffffffff80bd38d2 in mi_switch (flags=260) at /usr/src/sys/kern/kern_synch.c:542',
    '#2  0xffffffff80c29799 in sleepq_switch (wchan=0xfffffe000f3c1a40, pri=84)',
    '    at /usr/src/sys/kern/subr_sleepqueue.c:608',
    '#3  0xffffffff80c2a8ae in sleepq_wait (wchan=0xfffffe000f3c1a40, pri=84)',
    '    at /usr/src/sys/kern/subr_sleepqueue.c:659',
    '#4  0xffffffff80bd2e2d in _sleep (ident=0xfffffe000f3c1a40, lock=0xfffff80012d3c3a0, priority=84,',
    '    wmesg=0xffffffff8125a4c3 "pgrbwt", sbt=0, pr=0, flags=256) at /usr/src/sys/kern/kern_synch.c:221',
    '#5  0xffffffff80ebd8f1 in vm_page_busy_sleep (m=0xfffffe000f3c1a40, wmesg=<optimized out>,',
    '    nonshared=<optimized out>) at /usr/src/sys/vm/vm_page.c:1039',
    '#6  0xffffffff80eb0a33 in vm_object_page_remove (object=0xfffff80012d3c300, start=0, end=0,',
    '    options=0) at /usr/src/sys/vm/vm_object.c:2073',
    '#7  0xffffffff80ec5d12 in vn_pages_remove (vp=<optimized out>, start=0, end=0)',
    '    at /usr/src/sys/vm/vnode_pager.c:471',
    '#8  0xffffffff8280a0bd in fuse_io_dispatch (vp=0xfffff80012e5a3c0, uio=0xfffffe00d5a1e9d0,',
    '    ioflag=<optimized out>, cred=<optimized out>, pid=783) at /usr/src/sys/fs/fuse/fuse_io.c:307',
    '#9  0xffffffff8281152c in fuse_vnop_write (ap=<optimized out>) at /usr/src/sys/fs/fuse/fuse_vnops.c:2148',
    '#10 0xffffffff81223d6c in VOP_WRITE_APV (vop=0xffffffff82819de0 <fuse_vnops>, a=0xfffffe00d5a1e9f8)',
    '    at vnode_if.c:1212',
    '#11 0xffffffff80ec62ba in VOP_WRITE (vp=0xfffff80012e5a3c0, uio=0xfffffe00d5a1e9d0, ioflag=8449,',
    '    cred=0xfffff80003c72500) at ./vnode_if.h:534',
    '#12 vnode_pager_generic_putpages (vp=0xfffff80012e5a3c0, ma=<optimized out>, bytecount=4096,',
    '    flags=<optimized out>, rtvals=0xfffffe00d5a1eb30) at /usr/src/sys/vm/vnode_pager.c:1319',
    '#13 0xffffffff81225b7c in VOP_PUTPAGES_APV (vop=0xffffffff82819de0 <fuse_vnops>, a=0xfffffe00d5a1ea90)',
    '    at vnode_if.c:3051',
    '#14 0xffffffff80ec5f84 in vnode_pager_putpages (object=<optimized out>, m=0xfffffe00d5a1eb70, count=1,',
    '    flags=<optimized out>, rtvals=0xfffffe00d5a1eb30) at ./vnode_if.h:1349',
    '#15 0xffffffff80eb87ed in vm_pageout_flush (mc=0xfffffe00d5a1eb70, count=1, flags=0, mreq=0,',
    '    prunlen=0xfffffe00d5a1ec0c, eio=0xfffffe00d5a1ec10) at /usr/src/sys/vm/vm_pageout.c:473',
    '#16 0xffffffff80eaf9f2 in vm_object_page_collect_flush (object=<optimized out>, p=<optimized out>,',
    '    pagerflags=<optimized out>, flags=<optimized out>, allclean=<optimized out>, eio=<optimized out>)',
    '    at /usr/src/sys/vm/vm_object.c:1047',
    '#17 vm_object_page_clean (object=0xfffff80012d3c300, start=0, end=<optimized out>, flags=0)',
    '    at /usr/src/sys/vm/vm_object.c:968',
    '#18 0xffffffff80c4b1ae in vinactive (vp=0xfffff80012e5a3c0) at /usr/src/sys/kern/vfs_subr.c:3585',
    '',
    'Thread 1 (Thread 100070 (PID=781: fusefs-fixture)):',
    '#0  sched_switch (td=0xfffff80003a1d000, flags=<optimized out>) at /usr/src/sys/kern/sched_ule.c:2147',
    '#1  0xffffffff80bd38d2 in mi_switch (flags=260) at /usr/src/sys/kern/kern_synch.c:542',
    '#2  0xffffffff80c29799 in sleepq_switch (wchan=0xfffff80012c5b000, pri=92)',
    '    at /usr/src/sys/kern/subr_sleepqueue.c:608',
    '#3  0xffffffff80c2a4fa in sleepq_catch_signals (wchan=0xfffff80012c5b000, pri=92)',
    '    at /usr/src/sys/kern/subr_sleepqueue.c:523',
    '#4  0xffffffff80c2a5d8 in sleepq_wait_sig (wchan=0xfffff80012c5b000, pri=92)',
    '    at /usr/src/sys/kern/subr_sleepqueue.c:670',
    '#5  0xffffffff80bd2e3c in _sleep (ident=0xfffff80012c5b000, lock=0xfffff80012c5b018, priority=348,',
    '    wmesg=0xffffffff82817a4e "fudev", sbt=0, pr=0, flags=256) at /usr/src/sys/kern/kern_synch.c:219',
    '#6  0xffffffff82806c3f in fuse_device_read (dev=<optimized out>, uio=0xfffffe00d5a23e00, ioflag=0)',
    '    at /usr/src/sys/fs/fuse/fuse_device.c:224',
    '#7  0xffffffff80a5b1c0 in devfs_read_f (fp=0xfffff80003e1c5a0, uio=0xfffffe00d5a23e00,',
    '    cred=<optimized out>, flags=0, td=0xfffff80003a1d000) at /usr/src/sys/fs/devfs/devfs_vnops.c:1413',
  ];

  it("reads 247276 in kgdb's `thread apply all bt` as blocked, the catalogue's entry, procstat's title", () => {
    const a = analyzeStacks(THREAD_APPLY_ALL.join('\n'));
    expect(a.threads.map((t) => [t.tid, t.pid, t.comm, t.frames.length])).toEqual([
      [100068, 783, 'mmap-write', 19],
      [100070, 781, 'fusefs-fixture', 8],
    ]);
    expect(a.blocked.map((t) => t.comm)).toEqual(['mmap-write']);
    expect(a.knownBug?.id).toBe('freebsd-247276');
    expect(procstat247276.signature).toBe('hang in vm_page_busy_sleep from fuse_io_dispatch');
    expect(a.signature).toBe(procstat247276.signature);
  });

  it('never reads a panicking thread as hung, though it holds sleep frames and FUSE code', () => {
    const panicked = [
      '#0  __curthread () at /usr/src/sys/amd64/include/pcpu_aux.h:57',
      '#1  doadump (textdump=<optimized out>) at /usr/src/sys/kern/kern_shutdown.c:405',
      '#2  0xffffffff80b3d7a7 in kern_reboot (howto=260) at /usr/src/sys/kern/kern_shutdown.c:523',
      '#3  0xffffffff80b3dc7e in vpanic (fmt=0xffffffff8112d293 "%s", ap=0x1) at kern_shutdown.c:967',
      '#4  0xffffffff80b3dad3 in panic (fmt=<unavailable>) at /usr/src/sys/kern/kern_shutdown.c:891',
      '#5  0xffffffff80a51aa1 in mi_switch (flags=260) at /usr/src/sys/kern/kern_synch.c:542',
      '#6  0xffffffff80a955e6 in sleepq_switch (wchan=0x1, pri=84) at subr_sleepqueue.c:608',
      '#7  0xffffffff80c2a8ae in sleepq_wait (wchan=0x1, pri=84) at subr_sleepqueue.c:659',
      '#8  0xffffffff80bd2e2d in _sleep (ident=0x1, lock=0x2, priority=84) at kern_synch.c:221',
      '#9  0xffffffff80ebd8f1 in vm_page_busy_sleep (m=0x1) at /usr/src/sys/vm/vm_page.c:1039',
      '#10 0xffffffff8281152c in fuse_vnop_write (ap=<optimized out>) at fuse_vnops.c:2148',
    ];
    const a = analyzeStacks(panicked.join('\n'));
    expect(a.threads).toHaveLength(1);
    expect(a.threads[0]?.state).toBe('R');
    expect(a.blocked).toEqual([]);
    expect(a.signature).toBeUndefined();
    // Each of the panic's own frames alone marks the thread running; kern_reboot() alone (reboot(2)) does not.
    for (const fn of ['vpanic', 'panic', 'doadump']) {
      const [t] = parse([
        `#0  ${fn} (x=0) at kern_shutdown.c:1`,
        '#1  0x1 in fuse_vnop_write (ap=0x1) at f.c:2',
      ]);
      expect(t?.state, fn).toBe('R');
    }
    const [rebooting] = parse([
      '#0  0x1 in kern_reboot (howto=0) at kern_shutdown.c:1',
      '#1  0x2 in sys_reboot (td=0x1) at k.c:2',
    ]);
    expect(rebooting?.state).toBeUndefined();
    expect(
      parse(['#0  0x1 in vpanic_helper (x=0) at k.c:1', '#1  0x2 in g () at k.c:2'])[0]?.state,
    ).toBeUndefined();
  });

  it('reads an lldb `bt all` of 247276 the same way', () => {
    const a = analyzeStacks(
      [
        "* thread #1, name = '(pid 783) mmap-write'",
        '  * frame #0: 0xffffffff80bf9322 kernel`sched_switch(td=0x1, flags=259) at sched_ule.c:2448:26',
        '    frame #1: 0xffffffff80bd38d2 kernel`mi_switch(flags=259) at kern_synch.c:530:2',
        '    frame #2: 0xffffffff80c2a8ae kernel`sleepq_wait(wchan=0x1, pri=84) at subr_sleepqueue.c:659:2',
        '    frame #3: 0xffffffff80bd2e2d kernel`_sleep(ident=0x1, lock=0x2, priority=84) at kern_synch.c:221:3',
        '    frame #4: 0xffffffff80ebd8f1 kernel`vm_page_busy_sleep(m=0x1) at vm_page.c:1039:2',
        '    frame #5: 0xffffffff80eb0a33 kernel`vm_object_page_remove(object=0x1) at vm_object.c:2073:5',
        '    frame #6: 0xffffffff80ec5d12 kernel`vn_pages_remove(vp=0x1) at vnode_pager.c:471:2',
        '    frame #7: 0xffffffff8280a0bd fusefs.ko`fuse_io_dispatch(vp=0x1) at fuse_io.c:307:4',
      ].join('\n'),
    );
    expect(a.blocked.map((t) => t.pid)).toEqual([783]);
    expect(a.knownBug?.id).toBe('freebsd-247276');
    expect(a.signature).toBe('hang in vm_page_busy_sleep from fuse_io_dispatch');
  });

  it('is left out when its format is skipped', () => {
    expect(parseStacks('#0  f () at x.c:1', ['freebsd-kgdb'])).toEqual([]);
    expect(parseStacks('#0  f () at x.c:1')).toHaveLength(1);
  });

  it('the same trace printed twice is one thread', () => {
    const bt = ['#0  f () at x.c:1', '#1  g () at x.c:2'];
    expect(parseStacks([...bt, '(kgdb) bt', ...bt].join('\n'))).toHaveLength(1);
  });
});

describe('which texts the reader looks at', () => {
  it('looks at a text with a gdb or an lldb frame, wherever on its line', () => {
    for (const text of [
      '#0  f () at x.c:1',
      'x: #10 0xffffffff80f3812c in address_space_rw',
      'Dec  1 12:00:00 host kernel: #1  doadump (textdump=1)',
      '    frame #3: 0x1',
      '    frame #12: 0x1',
    ])
      expect(freebsdKgdbParser.matches(text), text).toBe(true);
  });

  it('does not look at stack(9), ddb or Linux traces', () => {
    for (const text of [
      '#0 0xffffffff80b7fefd at kdb_backtrace+0x5d',
      'vpanic() at vpanic+0x181/frame 0xfffffe01242c7420',
      'CPU: 0 PID: 1 Comm: sh Not tainted 6.1.0 #1 Debian 6.1.55-1 (2023-09-29)',
      'frame #3: kernel`f',
    ])
      expect(freebsdKgdbParser.matches(text), text).toBe(false);
  });
});

describe('the chunk cutter and these traces', () => {
  const FILLER = '[   12.345678] usb 1-1: new high-speed USB device number 5 using xhci_hcd';
  const fill = (n: number): string[] => Array.from({ length: n }, () => FILLER);
  /** The line index the cut falls before, for `lines` and a last line not ended yet. */
  const cutLine = (lines: readonly string[]): number | string => {
    const buffer = `${lines.join('\n')}\npartial line of the next rec`;
    const cut = cutPoint(buffer);
    let at = 0;
    for (let i = 0; i <= lines.length; i++) {
      if (at === cut) return i;
      at += (lines[i]?.length ?? 0) + 1;
    }
    return `offset ${cut}`;
  };

  it("cuts before gdb's `Thread N (...)` and lldb's `thread #N` headers", () => {
    const frames = [
      '#0  sched_switch (td=0x1, flags=259) at sched_ule.c:2147',
      '#1  0x2 in mi_switch (flags=259) at k.c:542',
    ];
    expect(cutLine([...fill(20), 'Thread 2 (Thread 100068 (PID=783: mmap-write)):', ...frames])).toBe(20);
    expect(cutLine([...fill(20), 'Thread 2 (Thread 100068):', ...frames])).toBe(20);
    const lldb = ['    frame #0: 0x1 kernel`sched_switch(td=0x1) at sched_ule.c:2448:26'];
    expect(cutLine([...fill(20), "* thread #1, name = '(pid 783) mmap-write'", ...lldb])).toBe(20);
    expect(cutLine([...fill(20), "  thread #2, name = '(pid 12) geom/g_event'", ...lldb])).toBe(20);
  });

  it('never cuts inside a backtrace without a header: frames, wrapped lines, locals', () => {
    for (const line of [
      '#1  doadump (textdump=1) at kern_shutdown.c:399',
      '#10 0xffffffff80c252a2 in vpanic (fmt=<optimized out>)',
      '#8  <signal handler called>',
      '(kgdb) #0  __curthread () at pcpu_aux.h:55',
      '    at /usr/src/sys/kern/kern_shutdown.c:399',
      '   from /boot/modules/amdgpu.ko',
      '    dummy2=<unavailable>, dummy3=<unavailable>)',
      '    (as=0x560642161ae0, addr=4273803276)',
      '    ap@entry=0xfffffe011e292460) at kern_shutdown.c:907',
      '        td = 0xfffff8000390a000',
      '  * frame #0: 0xffffffff80bf9322 kernel`sched_switch(td=0x1) at sched_ule.c:2448:26',
      '    frame #10: 0xfffffe01b50de8e0',
      // `bt full`: a frame without locals, a local's value wrapped onto an indented line (not `name =`).
      'No locals.',
      'No symbol table info available.',
      '          0xfffffe0001234590}',
      '          {tv_sec = 9, tv_usec = 672}}',
    ]) {
      expect(cutLine([...fill(10), '(kgdb) bt', line, line]), line).toBe(10);
      expect(KGDB_TRACE_LINE.test(line), line).toBe(true);
    }
  });

  it('never cuts a `bt full` trace between its frames where a value wraps or a frame has no locals', () => {
    const trace = [
      '#0  0xffffffff80a1 in vm_fault (map=0x1) at /usr/src/sys/vm/vm_fault.c:1752',
      '        ma = {0xfffffe0001234560, 0xfffffe0001234570, 0xfffffe0001234580,',
      '          0xfffffe0001234590}',
      '        behind = -1',
      '#1  0xffffffff80a2 in vm_fault_trap (map=0x1) at /usr/src/sys/vm/vm_fault.c:1826',
      'No locals.',
      '#2  0xffffffff80a3 in trap_pfault (frame=0x1) at /usr/src/sys/amd64/amd64/trap.c:845',
      '        buf = "0123"',
    ];
    // Before the line above the trace (its `bt`), never after frame 0's first local.
    expect(cutLine([...fill(10), '(kgdb) bt full', ...trace])).toBe(10);
  });

  it('tests a line of 16 MiB of blanks as a trace line without overflowing the regexp stack', () => {
    // The chunk cutter looks at a line's head only, but the pattern is exported: it must hold any line.
    expect(KGDB_TRACE_LINE.test(' '.repeat(16 * 1024 * 1024))).toBe(false);
    expect(KGDB_TRACE_LINE.test(`${' '.repeat(16 * 1024 * 1024)}x`)).toBe(true);
  });

  it('does not take other lines for trace lines', () => {
    for (const line of [
      '#1 0x',
      'at noon',
      '    at noon',
      '    from here',
      'frame #1: none',
      '  x',
      'see #1  f (x)',
      'said at x.c:1',
      '    1 = 2',
      '#1 SMP',
      'No locals here.',
      'a line with        eight blanks inside',
      '       seven blanks',
      // gdb 6 under a source line it cannot list: print_source_lines()'s "\tin %s", the tab expanded.
      '        in pcpu.h',
    ]) {
      expect(KGDB_TRACE_LINE.test(line), line).toBe(false);
      expect(cutLine([...fill(10), '(kgdb) bt', line]), line).toBe(12);
    }
  });
});
