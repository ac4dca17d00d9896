// The FreeBSD readers of the wild-log changes, read again against the FreeBSD sources (docs/freebsd.md,
// "Independent reading of the wild-log readers (session 5)"). Each line is one FreeBSD prints; the format
// string and file are named beside it.

import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/report/parsers/common.js';
import { freebsdDdbParser, parseDdbFrameLine } from '../../../src/report/parsers/freebsd-ddb.js';
import { extractFreebsdPanic } from '../../../src/report/parsers/freebsd-panic.js';

describe('FreeBSD console lines and the prefix rules', () => {
  it('pass the line cleaner unchanged: ddb, kdb, stack(9), procstat, trap_fatal', () => {
    const lines = [
      // sys/ddb/db_command.c db_command_loop() "db> ", db_stack_trace() "Tracing pid %d tid %ld td %p",
      // _db_stack_trace_all() "Tracing command %s pid %d tid %ld td %p (CPU %d)".
      'db> bt',
      'Tracing pid 1417 tid 100533 td 0xfffff80012b51000',
      'Tracing command write pid 1417 tid 100533 td 0xfffff80012b51000 (CPU 1)',
      // sys/ddb/db_main.c db_trap(): db_print_thread() "[ thread pid %d tid %ld ]", "Stopped at\t".
      '[ thread pid 1417 tid 100533 ]',
      'Stopped at\tfuse_vnop_write+0x1b2:\tmovq\t0x18(%rax),%rcx',
      // sys/kern/subr_kdb.c kdb_backtrace() "KDB: stack backtrace:\n", kdb_enter() "KDB: enter: %s\n";
      // sys/kern/subr_stack.c stack_print_ddb() "#%d %p at %s+%#lx\n".
      'KDB: stack backtrace:',
      '#0 0xffffffff80b7fefd at kdb_backtrace+0x5d',
      'KDB: enter: panic',
      // sys/amd64/amd64/trap.c trap_fatal(): "cpuid = %d; " "apic id = %02x\n", "current process\t\t= %d (%s)".
      'cpuid = 1; apic id = 01',
      'current process\t\t= 12 (swi4: clock (0))',
      // usr.bin/procstat/procstat_kstack.c: "%5d %6d %-19s %-19s " then the frames or "<running>".
      '   12 100022 intr                swi4: clock (0)     mi_switch+0x173 ithread_loop+0x2b5',
      '   12 100050 intr                irq16: uhci0        mi_switch+0x173 ithread_loop+0x2b5',
      '   11 100003 idle                idle: cpu0          <running>',
    ];
    expect(splitLines(lines.join('\n'))).toEqual(lines);
  });

  it("keep a kernel subsystem's own word when it prints two lines in a row (never a pdsh host)", () => {
    // sys/vm/vm_fault.c "vm_fault: pager read error, pid %d (%s)\n"; sys/vm/swap_pager.c
    // "swap_pager: indefinite wait buffer: bufobj: %p, blkno: %jd, size: %ld\n".
    const lines = [
      'vm_fault: pager read error, pid 912 (fusefs-workloads)',
      'vm_fault: pager read error, pid 912 (fusefs-workloads)',
      'swap_pager: indefinite wait buffer: bufobj: 0xfffff80003f1e9a8, blkno: 1234, size: 4096',
      'swap_pager: indefinite wait buffer: bufobj: 0xfffff80003f1e9a8, blkno: 1235, size: 4096',
    ];
    expect(splitLines(lines.join('\n'))).toEqual(lines);
  });

  it('strip both message buffer stamps and a priority before one', () => {
    // sys/kern/subr_msgbuf.c msgbuf_addstr(): "<%d>" (a priority), then "[%jd] " with
    // kern.msgbuf_show_timestamp=1, "[%jd.%06d] " with any other non-zero value (main).
    expect(
      splitLines(['[12] panic: page fault', '[12.345678] cpuid = 1', '<6>[13] time = 1734374714'].join('\n')),
    ).toEqual(['panic: page fault', 'cpuid = 1', 'time = 1734374714']);
  });
});

describe('old arm64 ddb traces (pc/lr and sp/fp lines under each frame)', () => {
  // sys/arm64/arm64/db_trace.c db_stack_trace_cmd() before the trapframe rework (thejonwong/freebsd-arm64-xgene
  // 120ce3b3): "%s() at " the pc's function, db_printsym() of the return address (the caller's symbol),
  // "\t pc = 0x%016lx  lr = 0x%016lx\n", "\t sp = 0x%016lx  fp = 0x%016lx\n", "\n".
  const text = [
    'db> alltrace',
    '',
    'Tracing command init pid 1 tid 100002 td 0xfffffd0000a1b000',
    'sched_switch() at mi_switch+0x1c0',
    '\t pc = 0xffff0000002a1c00  lr = 0xffff000000271a10',
    '\t sp = 0xffff0000503a5600  fp = 0xffff0000503a5640',
    '',
    'mi_switch() at sleepq_switch+0xe0',
    '\t pc = 0xffff000000271a10  lr = 0xffff0000002b6f40',
    '\t sp = 0xffff0000503a5650  fp = 0xffff0000503a5690',
    '',
    'sleepq_switch() at sleepq_catch_signals+0x2d4',
    '\t pc = 0xffff0000002b6f40  lr = 0xffff0000002b6b08',
    '\t sp = 0xffff0000503a56a0  fp = 0xffff0000503a56f0',
    '',
    'db> ',
  ].join('\n');

  it('reads every frame of an alltrace thread, not only the first', () => {
    const threads = freebsdDdbParser.parse(text);
    expect(threads.map((t) => [t.pid, t.frames.map((f) => f.fn)])).toEqual([
      [1, ['sched_switch', 'mi_switch', 'sleepq_switch']],
    ]);
  });

  it("gives a frame no offset of its caller's symbol", () => {
    expect(parseDdbFrameLine('sched_switch() at mi_switch+0x1c0')).toEqual({ fn: 'sched_switch' });
    // amd64 and current arm64 print the frame's own function after `at`: the offset is its own.
    expect(parseDdbFrameLine('pmap_enter() at pmap_enter+0xe88')).toEqual({
      fn: 'pmap_enter',
      offset: '0xe88',
    });
  });
});

describe('the trace typed at ddb after a trap', () => {
  // sys/amd64/amd64/trap.c trap_fatal() with debug.debugger_on_trap: the report, then kdb_trap() ->
  // sys/ddb/db_main.c db_trap() ("[ thread pid %d tid %ld ]", "Stopped at\t..."), then the prompt.
  const head = [
    '',
    '',
    'Fatal trap 12: page fault while in kernel mode',
    'cpuid = 0; apic id = 00',
    'fault virtual address\t= 0x18',
    'instruction pointer\t= 0x20:0xffffffff80c6a1b2',
    'current process\t\t= 1417 (write)',
    '[ thread pid 1417 tid 100533 ]',
    'Stopped at\tfuse_vnop_write+0x1b2:\tmovq\t0x18(%rax),%rcx',
  ];
  // sys/ddb/db_command.c db_stack_trace(): "Tracing pid %d tid %ld td %p"; sys/amd64/amd64/db_trace.c
  // db_print_stack_entry(): "%s() at " db_printsym() "/frame 0x%lx".
  const own = [
    'Tracing pid 1417 tid 100533 td 0xfffff80012b51000',
    'fuse_vnop_write() at fuse_vnop_write+0x1b2/frame 0xfffffe00d8b41a10',
    'VOP_WRITE_APV() at VOP_WRITE_APV+0x1c3/frame 0xfffffe00d8b41a60',
    'vn_write() at vn_write+0x2c4/frame 0xfffffe00d8b41ae0',
  ];
  const other = [
    'Tracing pid 5 tid 100100 td 0xfffff80003a1c000',
    'sched_switch() at sched_switch+0x5b2/frame 0xfffffe0000a3bad0',
    'mi_switch() at mi_switch+0x171/frame 0xfffffe0000a3bb00',
    'sleepq_timedwait() at sleepq_timedwait+0x4b/frame 0xfffffe0000a3bb40',
  ];
  const fns = (text: string): string[] | undefined =>
    extractFreebsdPanic(text)?.threads[0]?.frames.map((f) => f.fn);

  it("is read when typed as a prefix ddb's command matcher takes (db_cmd_match: `tr`, `wh`)", () => {
    for (const typed of ['tr', 'trac', 'wh', 'where']) {
      expect(fns([...head, `db> ${typed}`, ...own, 'db> '].join('\n'))).toEqual([
        'fuse_vnop_write',
        'VOP_WRITE_APV',
        'vn_write',
      ]);
    }
  });

  it("is not another thread's trace (`bt TID`: its header names another tid)", () => {
    const text = [...head, 'db> bt 100100', ...other, 'db> bt', ...own, 'db> '].join('\n');
    expect(fns(text)).toEqual(['fuse_vnop_write', 'VOP_WRITE_APV', 'vn_write']);
    // Only another thread's trace: the trapped pc alone, as without a trace.
    expect(fns([...head, 'db> bt 100100', ...other, 'db> '].join('\n'))).toEqual(['fuse_vnop_write']);
  });
});

describe('two CPUs trapping at once, one of them into ddb', () => {
  it("is read from the report that reached ddb's prompt", () => {
    // sys/kern/subr_kdb.c kdb_trap(): stop_cpus_hard() of the other CPUs before the backend (ddb) runs,
    // so CPU 1's trap_fatal() stops after its report while CPU 0's reaches db_trap()'s two lines.
    const text = [
      '',
      '',
      'Fatal trap 12: page fault while in kernel mode',
      'cpuid = 1; apic id = 01',
      'fault virtual address\t= 0x0',
      'current process\t\t= 912 (fusefs-workloads)',
      '',
      '',
      'Fatal trap 9: general protection fault while in kernel mode',
      'cpuid = 0; apic id = 00',
      'current process\t\t= 1417 (write)',
      '[ thread pid 1417 tid 100533 ]',
      'Stopped at\tfuse_vnop_write+0x1b2:\tmovq\t0x18(%rax),%rcx',
      'db> ',
    ].join('\n');
    const p = extractFreebsdPanic(text);
    expect(p?.title).toBe('Fatal trap 9: general protection fault while in kernel mode in fuse_vnop_write');
    expect([p?.cpu, p?.threads[0]?.pid, p?.threads[0]?.tid]).toEqual([0, 1417, 100533]);
  });
});

describe("a FreeBSD panic raised in a fault's handling", () => {
  // sys/kern/subr_stack.c stack_print_ddb(): "#%d %p at %s+%#lx".
  const trace = (message: string, ...fns: string[]): string =>
    [
      `panic: ${message}`,
      'cpuid = 1',
      'time = 1734374714',
      'KDB: stack backtrace:',
      ...fns.map((fn, i) => `#${i} 0xffffffff80b8d17d at ${fn}+0x5d`),
    ].join('\n');

  it('is filed under vm_fault when the fatal fault was taken in vm_fault itself', () => {
    // trap_fatal() -> panic("%s", trap_msg) for a page fault in vm_fault() (sys/vm/vm_fault.c) while it
    // resolved copyout()'s fault: the innermost trap entry (calltrap) ends the fault's handling.
    const text = trace(
      'page fault',
      'kdb_backtrace',
      'vpanic',
      'panic',
      'trap_fatal',
      'trap_pfault',
      'calltrap',
      'vm_fault',
      'vm_fault_trap',
      'trap_pfault',
      'calltrap',
      'copyout',
      'fuse_vnop_read',
    );
    expect(extractFreebsdPanic(text)?.title).toBe('panic: page fault in vm_fault');
  });

  it("is the faulting code's on 9.x to 12.x, where vm_fault_hold() raised it", () => {
    // sys/vm/vm_fault.c of 12.x: vm_fault() -> vm_fault_hold(), panic("%s: fault on nofault entry, addr: %#lx",
    // __func__, ...) (also 'panic: vm_fault_hold: fault on nofault entry, addr: 0x33522000' quoted in
    // tools/test/stress2); amd64 trap_pfault() called vm_fault() directly then.
    const text = trace(
      'vm_fault_hold: fault on nofault entry, addr: 0xfffffe01ce36e000',
      'kdb_backtrace',
      'vpanic',
      'panic',
      'vm_fault_hold',
      'vm_fault',
      'trap_pfault',
      'trap',
      'calltrap',
      'fuse_vnop_write',
      'VOP_WRITE_APV',
    );
    expect(extractFreebsdPanic(text)?.title).toBe(
      'panic: vm_fault_hold: fault on nofault entry, addr: ADDR in fuse_vnop_write',
    );
  });
});

describe("another CPU's trap report above a panic that was not a trap", () => {
  it('does not name the panic', () => {
    // CPU 1 printed its trap_fatal() report; CPU 0's vpanic() (sys/kern/kern_shutdown.c) won and
    // stop_cpus_hard() stopped CPU 1 before its own panic line.
    const text = [
      '',
      '',
      'Fatal trap 12: page fault while in kernel mode',
      'cpuid = 1; apic id = 01',
      'fault virtual address\t= 0x18',
      'current process\t\t= 912 (fusefs-workloads)',
      'panic: vm_fault_lookup: fault on nofault entry, addr: 0xfffffe04a253d000',
      'cpuid = 0',
      'time = 1734374714',
    ].join('\n');
    const p = extractFreebsdPanic(text);
    expect(p?.title).toBe('panic: vm_fault_lookup: fault on nofault entry, addr: ADDR');
    expect(p?.cpu).toBe(0);
    expect(p?.threads[0]?.pid).toBeUndefined();
  });
});
