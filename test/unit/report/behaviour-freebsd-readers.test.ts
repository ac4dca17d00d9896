// FreeBSD trap reports, panics and ddb traces: the corners the readers must get right (issue 16).
// Line kinds and their sources (freebsd/freebsd-src):
// - `Fatal trap %d: %s while in %s mode`, `cpuid = %d; apic id = %02x`, `current thread\t\t= %d/%d (%s/%s)`
//   (pid/tid, p_comm/td_name): main's sys/amd64/amd64/trap.c trap_diag(), as in test/fixtures/freebsd/fatal-trap-main.txt;
//   `current process\t\t= %d (%s)`: 14.x trap_fatal().
// - `[ thread pid %d tid %ld ]`, `Stopped at\t` + db_print_loc_and_inst(): sys/ddb/db_main.c db_trap(),
//   sys/ddb/db_thread.c db_print_thread().
// - td_name is whatever thr_set_name(2) was given, up to MAXCOMLEN, a slash included, and empty when it was
//   given a NULL name (sys/kern/kern_thr.c sys_thr_set_name(): `name[0] = '\0'` then strcpy). A kernel
//   process's p_comm is kproc_create(9)'s printf format (sys/kern/kern_kthread.c): nothing keeps a slash out.
// - `panic: %s`, `cpuid = %d`, `time = %jd`: sys/kern/kern_shutdown.c vpanic(); `KDB: stack backtrace:`:
//   sys/kern/subr_kdb.c kdb_backtrace(); `#%d %p at %s+%#lx`: sys/kern/subr_stack.c stack_print_ddb().
// - `Tracing pid %d tid %ld td %p`: sys/ddb/db_command.c db_stack_trace(); `%s() at ` + db_printsym() +
//   `/frame 0x%lx`: sys/amd64/amd64/db_trace.c db_print_stack_entry(), name `??` and db_printsym()'s bare
//   `%#lr` for a pc without a symbol (sys/ddb/db_sym.c).
// Addresses, ids and names are illustrative.
import { describe, expect, it } from 'vitest';
import { freebsdDdbParser } from '../../../src/report/parsers/freebsd-ddb.js';
import { extractFreebsdPanic, freebsdPanicParser } from '../../../src/report/parsers/freebsd-panic.js';

/** main's trap report that entered ddb (debug.debugger_on_trap=1): no panic line. */
const trapIntoDdb = (names: string, cpu = 1) =>
  [
    '',
    '',
    'Fatal trap 12: page fault while in kernel mode',
    `cpuid = ${cpu}; apic id = 0${cpu}`,
    'fault virtual address\t= 0x18',
    'fault code\t\t= supervisor read data, page not present',
    'instruction pointer\t= 0x20:0xffffffff80c6a1b2',
    'stack pointer\t        = 0x28:0xfffffe00d8b419c0',
    'frame pointer\t        = 0x28:0xfffffe00d8b41a10',
    'processor eflags\t= interrupt enabled, resume, IOPL = 0',
    `current thread\t\t= 1417/100533 (${names})`,
    'rdi: fffff80012b51000 rsi: 0000000000000000 rdx: 0000000000001000',
    '[ thread pid 1417 tid 100533 ]',
    'Stopped at\tfuse_vnop_write+0x1b2:\tmovq\t0x18(%rax),%rcx',
    'db> ',
  ].join('\n');

const trapThread = (names: string) => extractFreebsdPanic(trapIntoDdb(names))?.threads[0];

describe('the trapped thread of main\'s "current thread = pid/tid (p_comm/td_name)"', () => {
  it('splits at the slash between the names when the process name is the shorter half', () => {
    const t = trapThread('mmap-write/worker');
    expect(t?.comm).toBe('mmap-write');
    expect(t?.tdname).toBe('worker');
  });

  it('keeps a slash in the thread name with the thread name, even one in the middle of the text', () => {
    // "mockfs/fuse/read-worker": the second slash is the middle character.
    const t = trapThread('mockfs/fuse/read-worker');
    expect(t?.comm).toBe('mockfs');
    expect(t?.tdname).toBe('fuse/read-worker');
  });

  it('reads a name with a slash, given to the process and its thread alike, as one name', () => {
    const t = trapThread('kq/0/kq/0');
    expect(t?.comm).toBe('kq/0');
    expect(t).not.toHaveProperty('tdname');
  });

  it('splits at the first slash when the two halves are the same text around another character', () => {
    // "fio/-fio/": p_comm "fio", td_name "-fio/"; the middle character is no slash.
    const t = trapThread('fio/-fio/');
    expect(t?.comm).toBe('fio');
    expect(t?.tdname).toBe('-fio/');
  });

  it('gives no thread name for a thread named as its process, nor for an empty one', () => {
    expect(trapThread('sh/sh')).not.toHaveProperty('tdname');
    const unnamed = trapThread('sh/');
    expect(unnamed?.comm).toBe('sh');
    expect(unnamed).not.toHaveProperty('tdname');
  });
});

describe('a fatal trap report without a panic line', () => {
  it('takes its cpu from the report', () => {
    expect(extractFreebsdPanic(trapIntoDdb('write/mockfs', 1))?.cpu).toBe(1);
    expect(extractFreebsdPanic(trapIntoDdb('write/mockfs', 0))?.cpu).toBe(0);
  });

  it('has no cpu when the kernel printed none (i386 trap_fatal() prints `cpuid = %d; ` only #ifdef SMP)', () => {
    // sys/i386/i386/trap.c trap_fatal() (freebsd/freebsd-src at 00d3456c7721): a kernel without options SMP, pg_nx 0.
    const up = [
      '',
      '',
      'Fatal trap 12: page fault while in kernel mode',
      'fault virtual address\t= 0x18',
      'fault code\t\t= supervisor read, page not present',
      'instruction pointer\t= 0x20:0xc0a1b2c3',
      'stack pointer\t        = 0x28:0xe8a3f9c0',
      'frame pointer\t        = 0x28:0xe8a3fa10',
      'code segment\t\t= base 0x0, limit 0xfffff, type 0x1b',
      '\t\t\t= DPL 0, pres 1, def32 1, gran 1',
      'processor eflags\t= interrupt enabled, resume, IOPL = 0',
      'current process\t\t= 812 (mmap-write)',
      '[ thread pid 812 tid 100123 ]',
      'Stopped at\tfuse_vnop_write+0x1b2:\tmovl\t0x18(%eax),%ecx',
    ].join('\n');
    const p = extractFreebsdPanic(up);
    expect(p?.cpu).toBeUndefined();
    expect(p?.threads[0]).toMatchObject({ pid: 812, tid: 100123, comm: 'mmap-write' });
    expect(p?.title).toBe('Fatal trap 12: page fault while in kernel mode in fuse_vnop_write');
  });

  it('takes no frame from a "Stopped at" pc it cannot read (ddb\'s radix set to 10: "+434")', () => {
    // db_printsym() prints the offset with "%+#lr", in ddb's $radix (sys/ddb/db_sym.c, sys/ddb/db_output.c).
    const text = trapIntoDdb('write/mockfs').replace('fuse_vnop_write+0x1b2:', 'fuse_vnop_write+434:');
    const p = extractFreebsdPanic(text);
    expect(p?.threads[0]?.frames).not.toContain(undefined);
    expect(p?.message).toBe('Fatal trap 12: page fault while in kernel mode');
  });

  it('names no process when the log ends before the report names one', () => {
    const head = trapIntoDdb('write/mockfs').split('\n').slice(0, 6).join('\n');
    const p = extractFreebsdPanic(head);
    expect(p?.message).toBe('Fatal trap 12: page fault while in kernel mode');
    expect(p?.threads[0]?.comm).toBe('');
    expect(p?.threads[0]?.frames).toEqual([]);
  });

  it('is no crash when the log ends in the middle of its first line', () => {
    const cut = 'Fatal trap 12: page fa';
    expect(extractFreebsdPanic(cut)).toBeUndefined();
    // And the whole report after such a cut line is still read.
    expect(extractFreebsdPanic(`${cut}\n${trapIntoDdb('write/mockfs')}`)?.threads[0]?.comm).toBe('write');
  });

  it('is read when quoted with an indent (a report pasted into a mail or a bug)', () => {
    const quoted = trapIntoDdb('write/mockfs')
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
    const p = extractFreebsdPanic(quoted);
    expect(p?.cpu).toBe(1);
    expect(p?.threads[0]).toMatchObject({ pid: 1417, tid: 100533, comm: 'write', tdname: 'mockfs' });
    expect(p?.title).toBe('Fatal trap 12: page fault while in kernel mode in fuse_vnop_write');
  });
});

describe('a panic whose stack(9) trace was cut in the middle of a line', () => {
  it('keeps the frames before the cut', () => {
    const text = [
      'panic: page fault',
      'cpuid = 0',
      'time = 1764633600',
      'KDB: stack backtrace:',
      '#0 0xffffffff80b9f0c5 at kdb_backtrace+0x65',
      '#1 0xffffffff80b52b91 at vpanic+0x151',
      '#2 0xffffffff80b52a33 at panic+0x43',
      '#3 0xffffffff80e1a5c4 at fuse_vnop_write+',
    ].join('\n');
    const p = extractFreebsdPanic(text);
    expect(p?.threads[0]?.frames.map((f) => f.fn)).toEqual(['kdb_backtrace', 'vpanic', 'panic']);
  });
});

describe('which texts the FreeBSD readers take', () => {
  const linux = [
    'INFO: task mmap-write:812 blocked for more than 120 seconds.',
    'Call Trace:',
    ' <TASK>',
    ' __schedule+0x3a0/0xd30',
  ].join('\n');

  it('the panic reader takes a panic line or a trap report, nothing else', () => {
    expect(freebsdPanicParser.matches('panic: page fault')).toBe(true);
    expect(freebsdPanicParser.matches('Fatal trap 12: page fault while in kernel mode')).toBe(true);
    expect(freebsdPanicParser.matches(linux)).toBe(false);
    expect(freebsdPanicParser.matches('Tracing pid 1417 tid 100533 td 0xfffff80012b51000')).toBe(false);
  });

  it('the ddb reader takes a text with a Tracing line, nothing else', () => {
    expect(freebsdDdbParser.matches('Tracing pid 1417 tid 100533 td 0xfffff80012b51000')).toBe(true);
    expect(freebsdDdbParser.matches(linux)).toBe(false);
    expect(freebsdDdbParser.matches('panic: page fault')).toBe(false);
  });
});

describe('ddb bt', () => {
  const bt = [
    'db> bt',
    'Tracing pid 1417 tid 100533 td 0xfffff80012b51000',
    'kdb_enter() at kdb_enter+0x33/frame 0xfffffe00d8b41560',
    '??() at 0xffffffff82a1c3d0/frame 0xfffffe00d8b41600',
    'fuse_vnop_write() at fuse_vnop_write+0x1b2/frame 0xfffffe00d8b41a10',
  ];

  it('reads a pc without a symbol as an address, with no offset and no file', () => {
    const [t] = freebsdDdbParser.parse(bt.join('\n'));
    expect(t?.frames[1]).toStrictEqual({ fn: '??', address: '0xffffffff82a1c3d0' });
    expect(t?.frames[2]).toStrictEqual({ fn: 'fuse_vnop_write', offset: '0x1b2' });
  });

  it('reads a trace quoted with an indent', () => {
    const threads = freebsdDdbParser.parse(bt.map((l) => `  ${l}`).join('\n'));
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ pid: 1417, tid: 100533 });
    expect(threads[0]?.frames.map((f) => f.fn)).toEqual(['kdb_enter', '??', 'fuse_vnop_write']);
  });
});
