// FreeBSD panics and ddb traces, read as the kernel prints them (issue 16). Line kinds and their sources:
// - `panic: %s`, `cpuid = %d`, `time = %jd`, `Uptime: `, `Automatic reboot in %d seconds - press a key on the
//   console to abort`, `Rebooting...`: sys/kern/kern_shutdown.c vpanic(), kern_reboot(), shutdown_panic(),
//   shutdown_reset(); `KDB: stack backtrace:`: sys/kern/subr_kdb.c kdb_backtrace();
//   `#%d %p at %s+%#lx`: sys/kern/subr_stack.c stack_print_ddb() (a kernel with options STACK, no DDB).
// - `Fatal trap %d: %s while in %s mode`, `current process\t\t= %d (%s)`: sys/amd64/amd64/trap.c trap_fatal().
// - `%s: ` + value: sbin/sysctl/sysctl.c show_var() for `sysctl debug.kdb.panic`; panic("kdb_sysctl_panic"):
//   sys/kern/subr_kdb.c kdb_sysctl_panic().
// - `Tracing command %s pid %d tid %ld td %p` (+ ` (CPU %d)`), `Tracing pid %d tid %ld td %p`:
//   sys/ddb/db_command.c _db_stack_trace_all(), db_stack_trace(); `%s() at ` + db_printsym() + `/frame 0x%lx`:
//   sys/amd64/amd64/db_trace.c db_print_stack_entry(), with options DDB_NUMSYM db_printsym() puts `%#lr = `
//   before the name (sys/ddb/db_sym.c); `--More--\r`, then `        ` and `\r` once a key is pressed:
//   sys/ddb/db_output.c db_pager(). Addresses and offsets illustrative.
import { describe, expect, it } from 'vitest';
import { extractFreebsdPanic } from '../../../src/report/parsers/freebsd-panic.js';
import { parseStacks } from '../../../src/report/stacks.js';

const fns = (t: { frames: { fn: string }[] } | undefined) => (t?.frames ?? []).map((f) => f.fn);
const releaseTrace = (fn: string) => [
  'KDB: stack backtrace:',
  '#0 0xffffffff80b9f0c5 at kdb_backtrace+0x65',
  '#1 0xffffffff80b52b91 at vpanic+0x151',
  '#2 0xffffffff80b52a33 at panic+0x43',
  `#3 0xffffffff80e1a5c4 at ${fn}+0x94`,
  '#4 0xffffffff81003c2e at amd64_syscall+0x10e',
  '#5 0xffffffff80fd7a4b at fast_syscall_common+0xf8',
];

describe('FreeBSD panic on the console', () => {
  it('takes a sysctl line that names debug.kdb.panic for no panic, and finds the one that follows', () => {
    // `sysctl debug.kdb.panic` reads the knob (the panic comes from writing 1 to it).
    const sysctl = 'debug.kdb.panic: 0';
    expect(extractFreebsdPanic(sysctl)).toBeUndefined();
    expect(parseStacks(sysctl)).toEqual([]);
    const p = extractFreebsdPanic(
      [
        sysctl,
        'panic: kdb_sysctl_panic',
        'cpuid = 1',
        'time = 1733100000',
        ...releaseTrace('kdb_sysctl_panic'),
      ].join('\n'),
    );
    expect(p?.message).toBe('kdb_sysctl_panic');
    expect(fns(p?.threads[0]).slice(0, 4)).toEqual(['kdb_backtrace', 'vpanic', 'panic', 'kdb_sysctl_panic']);
  });

  it('finds the trace and the trap report of a panic that comes after a long console', () => {
    const boot = Array.from({ length: 60 }, (_, i) => `vtnet0: link state changed to UP ${i}`);
    const text = [
      ...boot,
      'Fatal trap 12: page fault while in kernel mode',
      'current process\t\t= 812 (mmap-write)',
      'panic: page fault',
      'cpuid = 0',
      'time = 1733100000',
      ...releaseTrace('fuse_vnop_write'),
    ].join('\n');
    const p = extractFreebsdPanic(text);
    expect(p?.cpu).toBe(0);
    expect(p?.threads[0]).toMatchObject({ pid: 812, comm: 'mmap-write' });
    expect(fns(p?.threads[0])).toHaveLength(6);
    expect(p?.title).toBe('Fatal trap 12: page fault while in kernel mode in fuse_vnop_write');
  });

  it('keeps a panic without a backtrace (no KDB_TRACE) out of the threads, with no process named', () => {
    const text = [
      'panic: vm_fault_lookup: fault on nofault entry',
      'cpuid = 0',
      'time = 1733100000',
      'Uptime: 1m2s',
    ].join('\n');
    const p = extractFreebsdPanic(text);
    expect(p?.message).toBe('vm_fault_lookup: fault on nofault entry');
    expect(p?.threads[0]).toMatchObject({ comm: '', frames: [] });
    expect(parseStacks(text)).toEqual([]);
  });

  it('ends the trace at the first line that is not a frame: a second panic after the reboot adds nothing', () => {
    const text = [
      'panic: first',
      'cpuid = 0',
      'time = 1733100000',
      ...releaseTrace('fuse_vnop_write'),
      'Uptime: 1m2s',
      'Automatic reboot in 15 seconds - press a key on the console to abort',
      'Rebooting...',
      'panic: second',
      'cpuid = 1',
      ...releaseTrace('fuse_vnop_read'),
    ].join('\n');
    const p = extractFreebsdPanic(text);
    expect(p?.message).toBe('first');
    expect(p?.cpu).toBe(0);
    expect(fns(p?.threads[0])).toEqual([
      'kdb_backtrace',
      'vpanic',
      'panic',
      'fuse_vnop_write',
      'amd64_syscall',
      'fast_syscall_common',
    ]);
  });

  it("names the function the trap interrupted, not the trap handler's caller that is not panic machinery", () => {
    // An NMI on a kernel with DDB that the debugger does not take: sys/x86/x86/cpu_machdep.c nmi_call_kdb()
    // ends in panic("NMI"); kdb_backtrace() then prints ddb's own trace (db_trace_self), with
    // db_nextframe()'s `--- trap 0x13, rip = ...` between the NMI path and the interrupted idle loop.
    const text = [
      'NMI/cpu12 ... going to debugger',
      'panic: NMI',
      'cpuid = 12',
      'time = 1733100000',
      'KDB: stack backtrace:',
      'db_trace_self_wrapper() at db_trace_self_wrapper+0x2b/frame 0xfffffe0000dd59a0',
      'vpanic() at vpanic+0x151/frame 0xfffffe0000dd59f0',
      'panic() at panic+0x43/frame 0xfffffe0000dd5a50',
      'nmi_call_kdb() at nmi_call_kdb+0xdc/frame 0xfffffe0000dd5b40',
      'trap() at trap+0x108/frame 0xfffffe0000dd5c70',
      'nmi_calltrap() at nmi_calltrap+0x8/frame 0xfffffe0000dd5c70',
      '--- trap 0x13, rip = 0xffffffff8104e1bc, rsp = 0xfffffe0000dd5d40, rbp = 0xfffffe0000dd5d60 ---',
      'cpu_idle() at cpu_idle+0x3c/frame 0xfffffe0000dd5d60',
      'sched_idletd() at sched_idletd+0x4e6/frame 0xfffffe0000dd5ef0',
      'fork_exit() at fork_exit+0x82/frame 0xfffffe0000dd5f30',
      'fork_trampoline() at fork_trampoline+0xe/frame 0xfffffe0000dd5f30',
      '--- trap 0, rip = 0, rsp = 0, rbp = 0 ---',
      'KDB: enter: panic',
    ].join('\n');
    const p = extractFreebsdPanic(text);
    expect(p?.cpu).toBe(12);
    expect(p?.title).toBe('panic: NMI in cpu_idle');
    expect(fns(p?.threads[0])).toHaveLength(10);
  });

  it('does not name an arm64 pc without a symbol `(null)`: the title takes a named frame', () => {
    // sys/arm64/arm64/db_trace.c db_stack_trace_cmd(): "%s() at " with name "(null)" when
    // db_search_symbol() finds nothing, then db_printsym()'s bare "%#lr"; "--- exception, esr %#x" after
    // handle_el1h_sync. "data abort in critical section or under mutex": sys/arm64/arm64/trap.c data_abort().
    const text = [
      'panic: data abort in critical section or under mutex',
      'cpuid = 1',
      'time = 1733100000',
      'KDB: stack backtrace:',
      'db_trace_self() at db_trace_self',
      'db_trace_self_wrapper() at db_trace_self_wrapper+0x38',
      'vpanic() at vpanic+0x1a0',
      'panic() at panic+0x48',
      'data_abort() at data_abort+0x2fc',
      'handle_el1h_sync() at handle_el1h_sync+0x18',
      '--- exception, esr 0x96000004',
      '(null)() at 0xffff0000a1b2c3d4',
      'fuse_vnop_write() at fuse_vnop_write+0x3c8',
      'KDB: enter: panic',
    ].join('\n');
    const p = extractFreebsdPanic(text);
    // The unwinder goes on by the frame pointer past the unnamed pc.
    expect(p?.threads[0]?.frames.at(-2)).toEqual({ fn: '??', address: '0xffff0000a1b2c3d4' });
    expect(p?.title).toBe('panic: data abort in critical section or under mutex in fuse_vnop_write');
  });

  it('is left out when its format is skipped', () => {
    const text = ['panic: first', 'cpuid = 0', ...releaseTrace('fuse_vnop_write')].join('\n');
    expect(parseStacks(text).map((t) => t.format)).toContain('freebsd-panic');
    expect(parseStacks(text, ['freebsd-panic'])).toEqual([]);
  });
});

describe('ddb bt and bt all', () => {
  const writer = [
    'Tracing command fusefs-workloads pid 1321 tid 100112 td 0xfffff8000a5e1740',
    'sched_switch() at sched_switch+0x5d2/frame 0xfffffe00b1f2e5a0',
    'mi_switch() at mi_switch+0x172/frame 0xfffffe00b1f2e5c0',
    'sleepq_switch() at sleepq_switch+0x109/frame 0xfffffe00b1f2e600',
    'sleepq_wait() at sleepq_wait+0x4b/frame 0xfffffe00b1f2e630',
  ];

  it('goes on with a thread across the pager prompt', () => {
    const text = [
      ...writer.slice(0, 3),
      '--More--\r        \r',
      ...writer.slice(3),
      '--More--\r        \rvm_page_busy_sleep() at vm_page_busy_sleep+0x34/frame 0xfffffe00b1f2e690',
    ].join('\n');
    const [t] = parseStacks(text);
    expect(fns(t)).toEqual([
      'sched_switch',
      'mi_switch',
      'sleepq_switch',
      'sleepq_wait',
      'vm_page_busy_sleep',
    ]);
  });

  it('ends a thread at the next ddb command, and takes no frame printed before any Tracing line', () => {
    const text = [
      'db_trace_self_wrapper() at db_trace_self_wrapper+0x2b/frame 0xfffffe00b1f2e3a0',
      'db> bt all',
      ...writer,
      'db> show lockedvnods',
      'Locked vnodes',
      'vm_fault() at vm_fault+0x1a/frame 0xfffffe00b1f2e700',
    ].join('\n');
    const threads = parseStacks(text);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ pid: 1321, tid: 100112, comm: 'fusefs-workloads' });
    expect(fns(threads[0])).toEqual(['sched_switch', 'mi_switch', 'sleepq_switch', 'sleepq_wait']);
  });

  it('reads a running thread on a CPU numbered 10 or more', () => {
    const [t] = parseStacks(
      [
        'Tracing command idle pid 11 tid 100013 td 0xfffff80003a8e740 (CPU 12)',
        'cpu_idle() at cpu_idle+0x3c/frame 0xfffffe0000dd5d60',
      ].join('\n'),
    );
    expect(t).toMatchObject({ pid: 11, tid: 100013, comm: 'idle', state: 'R' });
  });

  it('keeps the address DDB_NUMSYM prints before the name, and names a pc without a symbol ??', () => {
    const [t] = parseStacks(
      [
        'Tracing pid 1321 tid 100112 td 0xfffff8000a5e1740',
        'fuse_vnop_write() at 0xffffffff80f1a2b6 = fuse_vnop_write+0x3c8/frame 0xfffffe00b1f2e8b0',
        '??() at 0xffffffff80f1a000/frame 0xfffffe00b1f2e8f0',
      ].join('\n'),
    );
    expect(t?.frames[0]).toMatchObject({
      fn: 'fuse_vnop_write',
      address: '0xffffffff80f1a2b6',
      offset: '0x3c8',
    });
    expect(t?.frames[1]).toMatchObject({ fn: '??', address: '0xffffffff80f1a000' });
  });

  it('names an arm64 frame whose pc has no symbol ?? (printed `(null)()`), and keeps its address', () => {
    // sys/arm64/arm64/db_trace.c db_stack_trace_cmd(): "%s() at " ("(null)" without a symbol), db_printsym(), no "/frame".
    const [t] = parseStacks(
      [
        'Tracing pid 1321 tid 100112 td 0xffffa0000a5e1740',
        'sched_switch() at sched_switch+0x1d4',
        'mi_switch() at mi_switch+0x170',
        '(null)() at 0xffff0000a1b2c3d4',
      ].join('\n'),
    );
    expect(fns(t)).toEqual(['sched_switch', 'mi_switch', '??']);
    expect(t?.frames[2]).toEqual({ fn: '??', address: '0xffff0000a1b2c3d4' });
  });

  it('is left out when its format is skipped', () => {
    expect(parseStacks(writer.join('\n'), ['freebsd-ddb'])).toEqual([]);
  });
});
