// FreeBSD crash reports as a ddb session leaves them on the console: the commands typed after a trap, a
// thread switched to, a trap report whose thread line was printed the old way, a panic whose log was cut,
// a trap taken while dumping after a panic (issue 16, the survivors of report-parsers-freebsd on 9659225).
// Line kinds and their sources (freebsd/freebsd-src):
// - "Fatal trap %d: %s while in %s mode", "cpuid = %d; apic id = %02x", "fault virtual address\t= 0x%lx",
//   "current process\t\t= %d (%s)", "trap number\t\t= %d": sys/amd64/amd64/trap.c trap_fatal() (14.x).
// - "[ thread pid %d tid %ld ]": sys/ddb/db_thread.c db_print_thread(); the 2012 copy (039ea811636f) printed
//   "[thread pid %d tid %ld ]". "Stopped at\t" + db_print_loc_and_inst(): sys/ddb/db_main.c db_trap().
// - `db> thread TID`: sys/ddb/db_thread.c db_set_thread(): kdb_thr_select(), then db_print_thread() and
//   db_print_loc_and_inst() ("name+0xoff:\tinstruction").
// - `bt`, `trace` with "[/modifier] [addr][,count]" (sys/ddb/db_command.c db_command(): a modifier after `/`,
//   an address expression, `,` and a count); "Tracing pid %d tid %ld td %p": db_stack_trace();
//   "%s() at " db_printsym() "/frame 0x%lx": sys/amd64/amd64/db_trace.c db_print_stack_entry().
// - "panic: %s", "cpuid = %d", "time = %jd": sys/kern/kern_shutdown.c vpanic(); "KDB: stack backtrace:":
//   sys/kern/subr_kdb.c kdb_backtrace(); "#%d %p at %s+%#lx": sys/kern/subr_stack.c stack_print_ddb();
//   "Dumping %ld out of %ld MB:": sys/kern/kern_shutdown.c / sys/amd64/amd64/minidump_machdep.c.
// Addresses, ids and names are illustrative.
import { describe, expect, it } from 'vitest';
import { extractFreebsdPanic } from '../../../src/report/parsers/freebsd-panic.js';

/** A 14.x trap report that entered ddb; `threadLine` is db_print_thread()'s line (current or 2012 form). */
const trapReport = (threadLine = '[ thread pid 1417 tid 100533 ]'): string[] => [
  '',
  '',
  'Fatal trap 12: page fault while in kernel mode',
  'cpuid = 0; apic id = 00',
  'fault virtual address\t= 0x18',
  'instruction pointer\t= 0x20:0xffffffff80c6a1b2',
  'current process\t\t= 1417 (write)',
  threadLine,
  'Stopped at\tfuse_vnop_write+0x1b2:\tmovq\t0x18(%rax),%rcx',
];
const OLD_THREAD_LINE = '[thread pid 1417 tid 100533 ]';
const ownTrace = [
  'Tracing pid 1417 tid 100533 td 0xfffff80012b51000',
  'fuse_vnop_write() at fuse_vnop_write+0x1b2/frame 0xfffffe00d8b41a10',
  'VOP_WRITE_APV() at VOP_WRITE_APV+0x1c3/frame 0xfffffe00d8b41a60',
  'vn_write() at vn_write+0x2c4/frame 0xfffffe00d8b41ae0',
];
const OWN = ['fuse_vnop_write', 'VOP_WRITE_APV', 'vn_write'];
const otherTrace = [
  'Tracing pid 5 tid 100100 td 0xfffff80003a1c000',
  'sched_switch() at sched_switch+0x5b2/frame 0xfffffe0000a3bad0',
  'mi_switch() at mi_switch+0x171/frame 0xfffffe0000a3bb00',
  'sleepq_timedwait() at sleepq_timedwait+0x4b/frame 0xfffffe0000a3bb40',
];
const fns = (lines: readonly string[]): string[] | undefined =>
  extractFreebsdPanic(lines.join('\n'))?.threads[0]?.frames.map((f) => f.fn);

describe('the trace command typed after a trap, when the trapped tid is not known', () => {
  // The 2012 thread line ("[thread pid") names no tid the reader takes: the command's arguments decide.
  it("takes `bt` with a modifier or a count as the trapped thread's (`bt/u`, `bt,10`, `bt ,10`)", () => {
    for (const typed of ['bt/u', 'trace/u', 'bt,10', 'bt ,10', 'where ,5']) {
      expect(fns([...trapReport(OLD_THREAD_LINE), `db> ${typed}`, ...ownTrace, 'db> ']), typed).toEqual(OWN);
    }
  });

  it("does not take `bt TID` for the trapped thread's (an address argument names another thread)", () => {
    expect(fns([...trapReport(OLD_THREAD_LINE), 'db> bt 100100', ...otherTrace, 'db> '])).toEqual([
      'fuse_vnop_write',
    ]);
    // And goes on to the next command that traces the trapped thread.
    expect(
      fns([...trapReport(OLD_THREAD_LINE), 'db> bt 100100', ...otherTrace, 'db> bt/u', ...ownTrace, 'db> ']),
    ).toEqual(OWN);
  });

  it('still names the process from the report', () => {
    const p = extractFreebsdPanic([...trapReport(OLD_THREAD_LINE), 'db> bt', ...ownTrace].join('\n'));
    expect(p?.threads[0]).toMatchObject({ pid: 1417, comm: 'write' });
    expect(p?.title).toBe('Fatal trap 12: page fault while in kernel mode in fuse_vnop_write');
  });
});

describe('the trace command typed after a trap, when the trapped tid is known', () => {
  it("is not the trapped thread's after `thread TID` switched ddb to another thread", () => {
    const lines = [
      ...trapReport(),
      'db> thread 100100',
      '[ thread pid 5 tid 100100 ]',
      'sched_switch+0x5b2:\tmovl\t%gs:0x34,%eax',
      'db> bt',
      ...otherTrace,
      'db> ',
    ];
    expect(fns(lines)).toEqual(['fuse_vnop_write']);
  });

  it('is read when it is the last thing in the log (the capture ended under the trace)', () => {
    expect(fns([...trapReport(), 'db> bt', ...ownTrace])).toEqual(OWN);
  });

  it('is read from a session quoted with an indent (a mail, a bug report)', () => {
    const quoted = [...trapReport(), 'db> bt', ...ownTrace, 'db> '].map((l) => `    ${l}`);
    expect(fns(quoted)).toEqual(OWN);
  });

  it("is read when the command was typed after blanks at ddb's prompt", () => {
    expect(fns([...trapReport(), 'db>  bt', ...ownTrace, 'db> '])).toEqual(OWN);
  });
});

describe('a trap after the debugger was continued', () => {
  it("is another crash: its trace is not the first trap's", () => {
    // `c` returns from kdb_trap() (handled), the trapped thread runs again; another process traps.
    const lines = [
      ...trapReport(OLD_THREAD_LINE),
      'db> c',
      '',
      '',
      'Fatal trap 12: page fault while in kernel mode',
      'cpuid = 1; apic id = 01',
      'fault virtual address\t= 0x0',
      'current process\t\t= 5 (bufdaemon)',
      '[thread pid 5 tid 100100 ]',
      'Stopped at\tsched_switch+0x5b2:\tmovl\t%gs:0x34,%eax',
      'db> bt',
      ...otherTrace,
      'db> ',
    ];
    const p = extractFreebsdPanic(lines.join('\n'));
    expect(p?.threads[0]?.frames.map((f) => f.fn)).toEqual(['fuse_vnop_write']);
    expect(p?.threads[0]).toMatchObject({ pid: 1417, comm: 'write' });
  });
});

describe('two trap reports far apart, neither followed by a panic line', () => {
  it('is the first one: a report far below it is a later crash, even one that reached ddb', () => {
    // The first report without ddb (the console died before its panic), then a reboot's messages.
    const first = [
      '',
      '',
      'Fatal trap 9: general protection fault while in kernel mode',
      'cpuid = 1; apic id = 01',
      'instruction pointer\t= 0x20:0xffffffff80b8d17d',
      'current process\t\t= 912 (fusefs-workloads)',
    ];
    const boot = Array.from(
      { length: 60 },
      (_, i) => `da0: <QEMU QEMU HARDDISK 2.5+> Fixed Direct Access SPC-3 SCSI device ${i}`,
    );
    const p = extractFreebsdPanic([...first, ...boot, ...trapReport()].join('\n'));
    expect(p?.message).toBe('Fatal trap 9: general protection fault while in kernel mode');
    expect(p?.threads[0]).toMatchObject({ pid: 912, comm: 'fusefs-workloads' });
  });
});

describe("two CPUs trapping at once, after a boot's worth of console", () => {
  it("is read from the report that reached ddb's prompt, wherever the crash sits in the log", () => {
    // sys/kern/subr_kdb.c kdb_trap(): stop_cpus_hard() stops CPU 1 after its report; CPU 0 reaches db_trap().
    const boot = Array.from({ length: 50 }, (_, i) => `vtnet0: link state changed to UP (${i})`);
    const cpu1 = [
      '',
      '',
      'Fatal trap 12: page fault while in kernel mode',
      'cpuid = 1; apic id = 01',
      'fault virtual address\t= 0x0',
      'current process\t\t= 912 (fusefs-workloads)',
    ];
    const p = extractFreebsdPanic([...boot, ...cpu1, ...trapReport(), 'db> '].join('\n'));
    expect(p?.title).toBe('Fatal trap 12: page fault while in kernel mode in fuse_vnop_write');
    expect([p?.cpu, p?.threads[0]?.pid]).toEqual([0, 1417]);
  });
});

describe('a panic line at the end of a log cut right after it', () => {
  it("takes the cpu from the trap report above it (vpanic()'s cpuid line never made it)", () => {
    const text = [...trapReport().slice(0, 7), 'trap number\t\t= 12', 'panic: page fault'].join('\n');
    const p = extractFreebsdPanic(text);
    expect(p?.message).toBe('page fault');
    expect(p?.cpu).toBe(0);
    expect(p?.threads[0]).toMatchObject({ pid: 1417, comm: 'write' });
  });
});

describe('a trap taken while dumping after a panic', () => {
  it('does not name the panic: the report below the panic line is a later crash', () => {
    const text = [
      'panic: sx lock still held',
      'cpuid = 0',
      'time = 1734374714',
      'KDB: stack backtrace:',
      '#0 0xffffffff80b7fefd at kdb_backtrace+0x5d',
      '#1 0xffffffff80b32d91 at vpanic+0x131',
      '#2 0xffffffff80b32c53 at panic+0x43',
      '#3 0xffffffff80b0e1a4 at sx_destroy+0x44',
      '#4 0xffffffff80a9a1d7 at fuse_vnode_destroy+0x57',
      'Uptime: 2m31s',
      'Dumping 389 out of 4031 MB:',
      '',
      '',
      'Fatal trap 12: page fault while in kernel mode',
      'cpuid = 0; apic id = 00',
      'fault virtual address\t= 0x18',
      'current process\t\t= 1622 (umount)',
    ].join('\n');
    const p = extractFreebsdPanic(text);
    expect(p?.title).toBe('panic: sx lock still held in fuse_vnode_destroy');
  });
});

describe('a panic raised in vm_fault() that no trap entered', () => {
  it("is vm_fault()'s (vm_fault_quick_hold_pages() called it for a wired buffer, not a fault)", () => {
    // sys/vm/vm_fault.c vm_fault_quick_hold_pages() calls vm_fault() for each page not yet resident.
    const text = [
      'panic: vm_fault_lookup: fault on nofault entry, addr: 0xfffffe04a253d000',
      'cpuid = 1',
      'time = 1734374714',
      'KDB: stack backtrace:',
      '#0 0xffffffff80b7fefd at kdb_backtrace+0x5d',
      '#1 0xffffffff80b32d91 at vpanic+0x131',
      '#2 0xffffffff80b32c53 at panic+0x43',
      '#3 0xffffffff80ee1a21 at vm_fault+0x1a31',
      '#4 0xffffffff80ee36c2 at vm_fault_quick_hold_pages+0x132',
      '#5 0xffffffff80a9c4a0 at fuse_vnop_strategy+0x80',
    ].join('\n');
    expect(extractFreebsdPanic(text)?.title).toBe(
      'panic: vm_fault_lookup: fault on nofault entry, addr: ADDR in vm_fault',
    );
  });
});
