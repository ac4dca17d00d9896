// FreeBSD panics and fatal traps whose reading depends on where each line stands (issue 16: survivors of
// freebsd-panic.ts and freebsd-ddb.ts). Line kinds and their sources (addresses and pids illustrative):
// - `panic: %s`, `cpuid = %d`, `time = %jd`: sys/kern/kern_shutdown.c vpanic(); `KDB: stack backtrace:`:
//   sys/kern/subr_kdb.c kdb_backtrace(); `#%d %p at %s+%#lx`: sys/kern/subr_stack.c stack_print_ddb().
// - `Fatal trap %d: %s while in %s mode`, `cpuid = %d; apic id = %02x`, `fault virtual address\t= 0x%lx`,
//   `instruction pointer\t= 0x%lx:0x%lx`, `current process\t\t= %d (%s)`, `trap number\t\t= %d`:
//   sys/amd64/amd64/trap.c trap_fatal().
// - `[ thread pid %d tid %ld ]`: sys/ddb/db_thread.c db_print_thread() from db_trap(); `Stopped at\t` + pc
//   symbol + `:\t` + instruction: sys/ddb/db_main.c db_trap(); `db> `: sys/ddb/db_command.c db_command_loop().
// - `bt`/`trace` with `/modifier` and `,count` (db_command() reads both, db_lex() skips blanks); `Tracing pid
//   %d tid %ld td %p`: sys/ddb/db_command.c db_stack_trace(); `%s() at %s+%#lx/frame 0x%lx`:
//   sys/amd64/amd64/db_trace.c db_print_stack_entry() through db_printsym() (sys/ddb/db_sym.c).
// - `%s: %d` for `sysctl NAME` at the ddb prompt: sys/kern/kern_sysctl.c db_sysctl_cmd() ("similar to sysctl(8)").
// - `vtnet0: link state changed to %s`: sys/net/if.c do_link_state_change(), console lines that interleave.
import { describe, expect, it } from 'vitest';
import { parseDdbFrameLine } from '../../../src/report/parsers/freebsd-ddb.js';
import { extractFreebsdPanic } from '../../../src/report/parsers/freebsd-panic.js';

const fns = (t: { frames: { fn: string }[] } | undefined) => (t?.frames ?? []).map((f) => f.fn);

/** trap_fatal()'s report of one CPU (the `current process` form of 13.x and 14.x). */
const trapReport = (cpu: number, pid: number, comm: string) => [
  'Fatal trap 12: page fault while in kernel mode',
  `cpuid = ${cpu}; apic id = 0${cpu}`,
  'fault virtual address\t= 0x18',
  'fault code\t\t= supervisor read data, page not present',
  'instruction pointer\t= 0x20:0xffffffff80c6a1b2',
  'stack pointer\t        = 0x28:0xfffffe00d8b419c0',
  'frame pointer\t        = 0x28:0xfffffe00d8b41a10',
  'processor eflags\t= interrupt enabled, resume, IOPL = 0',
  `current process\t\t= ${pid} (${comm})`,
  'trap number\t\t= 12',
];

const backtrace = (fn: string) => [
  'KDB: stack backtrace:',
  '#0 0xffffffff80b9f0c5 at kdb_backtrace+0x65',
  '#1 0xffffffff80b52b91 at vpanic+0x151',
  '#2 0xffffffff80b52a33 at panic+0x43',
  '#3 0xffffffff8101a5c4 at trap_fatal+0x384',
  '#4 0xffffffff8101a61f at trap_pfault+0x4f',
  '#5 0xffffffff80ff1b98 at calltrap+0x8',
  `#6 0xffffffff80c6a1b2 at ${fn}+0x1b2`,
];

const link = (i: number) => `vtnet0: link state changed to ${i % 2 ? 'DOWN' : 'UP'}`;

/** The trapped thread's frames as ddb's `bt` prints them. */
const ddbTrace = [
  'Tracing pid 812 tid 100123 td 0xfffff80012b51000',
  'fuse_vnop_write() at fuse_vnop_write+0x1b2/frame 0xfffffe00d8b41a10',
  'VOP_WRITE_APV() at VOP_WRITE_APV+0x5c/frame 0xfffffe00d8b41a40',
  'vn_write() at vn_write+0x1f3/frame 0xfffffe00d8b41ac0',
  'amd64_syscall() at amd64_syscall+0x10e/frame 0xfffffe00d8b41bf0',
  '--- syscall (4, FreeBSD ELF64, write), rip = 0x8011b4f2a, rsp = 0x7fffffffe3a8, rbp = 0x7fffffffe3f0 ---',
];
const TRACED = ['fuse_vnop_write', 'VOP_WRITE_APV', 'vn_write', 'amd64_syscall'];
const STOPPED = 'Stopped at\tfuse_vnop_write+0x1b2:\tmovq\t0x18(%rax),%rcx';

describe('a panic whose trace follows `KDB: stack backtrace:`', () => {
  it('takes no frame printed before that line into the trace', () => {
    const text = [
      ...trapReport(0, 812, 'mmap-write'),
      'panic: page fault',
      'cpuid = 0',
      // Another CPU's stack_print_ddb() line, interleaved before vpanic()'s backtrace.
      '#7 0xffffffff80ff1c4b at fork_exit+0x7f',
      'time = 1733100000',
      ...backtrace('fuse_vnop_write'),
    ].join('\n');
    const p = extractFreebsdPanic(text);
    expect(fns(p?.threads[0])).toEqual([
      'kdb_backtrace',
      'vpanic',
      'panic',
      'trap_fatal',
      'trap_pfault',
      'calltrap',
      'fuse_vnop_write',
    ]);
  });
});

describe("the panicking CPU, read from vpanic()'s `cpuid = ` line right below the panic", () => {
  // Two CPUs trapped at once: CPU 1's report came first, CPU 0's second.
  const reports = [...trapReport(1, 900, 'syncer'), ...trapReport(0, 812, 'mmap-write')];
  const panicWith = (noise: number) =>
    [
      ...reports,
      'panic: page fault',
      ...Array.from({ length: noise }, (_, i) => link(i)),
      'cpuid = 0',
      'time = 1733100000',
      ...backtrace('fuse_vnop_write'),
    ].join('\n');

  it("picks that CPU's trap report when the line comes within four lines of the panic", () => {
    const p = extractFreebsdPanic(panicWith(3));
    expect(p?.cpu).toBe(0);
    expect(p?.threads[0]).toMatchObject({ pid: 812, comm: 'mmap-write' });
  });

  it('takes a `cpuid = ` line farther down for no sign of the panicking CPU: the first report is the one', () => {
    for (const noise of [4, 12]) {
      const p = extractFreebsdPanic(panicWith(noise));
      expect(p?.cpu).toBe(1);
      expect(p?.threads[0]).toMatchObject({ pid: 900, comm: 'syncer' });
    }
  });
});

describe('a fatal trap that entered ddb, with no panic line', () => {
  /** A trap report that stopped in ddb, the trapped thread's trace typed at the prompt. */
  const intoDdb = (cpu: number, pid: number, comm: string, prompt: string[]) => [
    ...trapReport(cpu, pid, comm),
    `[ thread pid ${pid} tid 100123 ]`,
    STOPPED,
    ...prompt,
  ];

  it("is the report that reached `Stopped at`, when it starts 40 lines below the other CPU's", () => {
    const first = trapReport(1, 900, 'syncer');
    const noise = Array.from({ length: 40 - first.length }, (_, i) => link(i));
    const text = [...first, ...noise, ...intoDdb(0, 812, 'mmap-write', ['db> bt', ...ddbTrace, 'db> '])];
    expect(text.indexOf('Fatal trap 12: page fault while in kernel mode', 1)).toBe(40);
    const p = extractFreebsdPanic(text.join('\n'));
    expect(p?.threads[0]).toMatchObject({ pid: 812, tid: 100123, comm: 'mmap-write' });
    expect(fns(p?.threads[0])).toEqual(TRACED);
  });

  it('is the first report when the one that reached `Stopped at` is more than 40 lines below (a later crash)', () => {
    const first = trapReport(1, 900, 'syncer');
    const noise = Array.from({ length: 41 - first.length }, (_, i) => link(i));
    const text = [...first, ...noise, ...intoDdb(0, 812, 'mmap-write', ['db> bt', ...ddbTrace])].join('\n');
    expect(extractFreebsdPanic(text)?.threads[0]).toMatchObject({ pid: 900, comm: 'syncer', frames: [] });
  });

  it("reads the report on past another CPU's `Fatal trap` line that was cut short", () => {
    const report = trapReport(0, 812, 'mmap-write');
    // CPU 1's trap_fatal() line, cut by CPU 0's output before ` while in kernel mode`.
    report.splice(3, 0, 'Fatal trap 12: page fault');
    const text = [...report, '[ thread pid 812 tid 100123 ]', STOPPED, 'db> '].join('\n');
    const p = extractFreebsdPanic(text);
    expect(p?.message).toBe('Fatal trap 12: page fault while in kernel mode');
    expect(p?.threads[0]).toMatchObject({ pid: 812, tid: 100123, comm: 'mmap-write' });
    expect(fns(p?.threads[0])).toEqual(['fuse_vnop_write']);
  });

  it('finds the trace past a ddb command whose output holds `panic: ` in the middle of a line', () => {
    const text = intoDdb(0, 812, 'mmap-write', [
      'db> sysctl debug.kdb.panic',
      'debug.kdb.panic: 0',
      'db> bt',
      ...ddbTrace,
      'db> ',
    ]).join('\n');
    const p = extractFreebsdPanic(text);
    expect(fns(p?.threads[0])).toEqual(TRACED);
    expect(p?.title).toBe('Fatal trap 12: page fault while in kernel mode in fuse_vnop_write');
  });

  it('finds the trace of a later `bt` when the first one printed nothing', () => {
    const text = intoDdb(0, 812, 'mmap-write', ['db> bt', 'db> bt', ...ddbTrace, 'db> ']).join('\n');
    expect(fns(extractFreebsdPanic(text)?.threads[0])).toEqual(TRACED);
  });

  // The console lost db_trap()'s `[ thread ... ]` line, so no tid tells whose trace `Tracing pid` names:
  // the command's arguments do (a modifier and a count keep the trapped thread, kdb_thread).
  for (const command of ['db> bt/ux', 'db> bt, 10', 'db> trace/u , 10']) {
    it(`takes \`${command}\` for a trace of the trapped thread`, () => {
      const text = [...trapReport(0, 812, 'mmap-write'), STOPPED, command, ...ddbTrace, 'db> '].join('\n');
      const p = extractFreebsdPanic(text);
      expect(p?.threads[0]?.tid).toBeUndefined();
      expect(fns(p?.threads[0])).toEqual(TRACED);
    });
  }

  it('takes `bt 100200` (another thread, by tid) for no trace of the trapped one', () => {
    const text = [...trapReport(0, 812, 'mmap-write'), STOPPED, 'db> bt 100200', ...ddbTrace, 'db> '].join(
      '\n',
    );
    expect(fns(extractFreebsdPanic(text)?.threads[0])).toEqual(['fuse_vnop_write']);
  });
});

describe('a ddb frame line', () => {
  it('keeps a symbol that merely ends in `0x` and hex digits a name, not an address', () => {
    expect(parseDdbFrameLine('foo_0x1f() at foo_0x1f+0x10/frame 0xfffffe00d8b41a10')).toEqual({
      fn: 'foo_0x1f',
      offset: '0x10',
    });
  });

  it('takes the bare address of a pc without a symbol for its address', () => {
    expect(parseDdbFrameLine('??() at 0xffffffff80c6a1b2/frame 0xfffffe00d8b41a10')).toMatchObject({
      address: '0xffffffff80c6a1b2',
    });
  });
});
