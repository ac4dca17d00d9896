// What the streaming analyzer (src/report/analyze.ts StackAnalyzer) does with a log pushed in pieces:
// it holds less than two chunks of text at any time, whatever the pieces; a thread printed in two
// chunks is kept once; the first chunk's panic stays the log's; a line split across pushes reads
// whole. And which panic a text's panic is (src/report/stacks.ts extractPanic) when FreeBSD and
// Linux lines meet in one log.

import { describe, expect, it } from 'vitest';
import { analyzeStacks, CHUNK_CHARS, StackAnalyzer } from '../../../src/report/analyze.js';
import { extractPanic, parseStacks } from '../../../src/report/stacks.js';

const FILLER = '[   12.345678] usb 1-1: new high-speed USB device number 5 using xhci_hcd';
function filler(chars: number): string {
  return Array.from({ length: Math.ceil(chars / (FILLER.length + 1)) }, () => FILLER).join('\n');
}

// usr.bin/procstat/procstat_kstack.c: "%5s %6s %-19s %-19s %-29s" header, "%5d %6d %-19s %-19s " then
// the frames "func+0xoff" separated by spaces.
const PROCSTAT = [
  '  PID    TID COMM                TDNAME              KSTACK                       ',
  '  912 100154 fusefs-workloads    -                   mi_switch+0x171 sleepq_wait+0x2c _sleep+0x1c3 vm_page_busy_sleep+0x94 vm_object_page_remove+0x1a5 vn_pages_remove+0x4b fuse_vnop_write+0x2f6',
].join('\n');

// sys/kern/kern_shutdown.c vpanic(): "panic: %s", under SMP "cpuid = %d", "time = %jd"; with KDB
// sys/kern/subr_kdb.c "KDB: stack backtrace:" and sys/kern/subr_stack.c "#%d %p at %s+%#lx".
const PANIC_LINE = 'panic: vm_fault_lookup: fault on nofault entry, addr: 0x1000';
const CPUID = 'cpuid = 1';
const TIME = 'time = 1700000000';
const BACKTRACE = [
  'KDB: stack backtrace:',
  '#0 0xffffffff80b9cf5d at kdb_backtrace+0x5d',
  '#1 0xffffffff80b4ec51 at vpanic+0x131',
  '#2 0xffffffff80b4eb13 at panic+0x43',
  '#3 0xffffffff80e2c6b1 at fuse_vnop_write+0x111',
];
/** sys/kern/init_main.c wit_warn: every WITNESS kernel's boot prints it (it reads like a Linux WARNING). */
const WITNESS = 'WARNING: WITNESS option enabled, expect reduced performance.';

describe('the analyzer holds a bounded amount of text', () => {
  it('less than two chunks, pushed a line at a time or in big pieces', () => {
    const text = `${filler(3 * CHUNK_CHARS)}\n`;
    const lines = new StackAnalyzer();
    let most = 0;
    for (const line of text.split(/(?<=\n)/)) {
      lines.push(line);
      most = Math.max(most, lines.bufferedChars);
      expect(lines.bufferedChars).toBeGreaterThanOrEqual(0);
    }
    expect(most).toBeLessThan(2 * CHUNK_CHARS);
    // Most of the text is parsed before the end.
    expect(lines.bufferedChars).toBeLessThan(CHUNK_CHARS);

    const pieces = new StackAnalyzer();
    for (let at = 0; at < text.length; at += 300_000) {
      pieces.push(text.slice(at, at + 300_000));
      expect(pieces.bufferedChars).toBeLessThan(2 * CHUNK_CHARS);
      expect(pieces.bufferedChars).toBeGreaterThanOrEqual(0);
    }
  });

  it('a piece of a chunk or more is parsed at once', () => {
    const analyzer = new StackAnalyzer();
    analyzer.push(`${filler(CHUNK_CHARS + 1000)}\n`);
    expect(analyzer.bufferedChars).toBeLessThan(CHUNK_CHARS);
  });
});

describe('a log pushed in chunks', () => {
  it('keeps a thread printed in two chunks once', () => {
    const analyzer = new StackAnalyzer();
    for (const piece of [PROCSTAT, '\n', filler(CHUNK_CHARS + 1000), '\n', PROCSTAT, '\n'])
      analyzer.push(piece);
    expect(analyzer.bufferedChars).toBeLessThan(CHUNK_CHARS);
    const { threads } = analyzer.end();
    expect(threads.map((t) => [t.pid, t.tid, t.frames.length])).toEqual([[912, 100154, 7]]);
  });

  it('reads a line split across pushes whole', () => {
    const analyzer = new StackAnalyzer();
    const split = [PROCSTAT.slice(0, 50), PROCSTAT.slice(50, 130), PROCSTAT.slice(130), '\n'];
    for (const piece of split) analyzer.push(piece);
    expect(analyzer.end().threads).toEqual(parseStacks(PROCSTAT));
  });

  it("keeps the first chunk's panic when later chunks hold none", () => {
    const analyzer = new StackAnalyzer();
    analyzer.push([PANIC_LINE, CPUID, TIME, ...BACKTRACE, filler(2 * CHUNK_CHARS), ''].join('\n'));
    analyzer.push(`${filler(CHUNK_CHARS)}\n`);
    const { panic } = analyzer.end();
    expect(panic?.message).toBe('vm_fault_lookup: fault on nofault entry, addr: 0x1000');
  });

  it('reads a procstat capture with the ps capture after it when the chunk ends just below them', () => {
    // guest/watchdog.sh capture_freebsd(): procstat -kk, then ps -axlww (bin/ps: the STAT column
    // gives a single-threaded process's state), each framed; more threads than one report's header.
    const N = 'k3v9q2m7x1';
    const captures = [
      `@@fg:${N}:capture:procstat-kk:begin@@`,
      PROCSTAT,
      ...Array.from(
        { length: 20 },
        (_, i) =>
          `  ${920 + i} ${100200 + i} sh                  -                   mi_switch+0x171 sleepq_catch_signals+0x3e8 sleepq_wait_sig+0x9 _sleep+0x1b7 kern_wait6+0x5b4`,
      ),
      `@@fg:${N}:capture:procstat-kk:end@@`,
      `@@fg:${N}:capture:ps-axlww:begin@@`,
      'UID  PID PPID C PRI NI   VSZ  RSS MWCHAN STAT TT     TIME COMMAND',
      '  0  912  903 0  20  0 12904 2496 vmopar D    u0  0:00.00 /gate/bin/fusefs-workloads mmap-write /mnt/fg',
      `@@fg:${N}:capture:ps-axlww:end@@`,
      '',
    ].join('\n');
    const alone = analyzeStacks(captures);
    expect(alone.threads.find((t) => t.pid === 912)?.state).toBe('D');
    const log = `${filler(CHUNK_CHARS - captures.length - 2000)}\n${captures}${filler(4000)}\n`;
    const analyzer = new StackAnalyzer();
    for (const line of log.split(/(?<=\n)/)) analyzer.push(line);
    const read = analyzer.end();
    expect(read.threads).toEqual(alone.threads);
    expect(read.blocked).toEqual(alone.blocked);
  });

  it("keeps the threads of the first Linux report only, and not those of a later chunk's report", () => {
    // include/asm-generic/bug.h CUT_HERE, kernel/panic.c __warn() "WARNING: CPU: %d PID: %d at %pS",
    // dump_stack()'s "Call Trace:" (arch/x86/kernel/dumpstack.c), print_oops_end_marker().
    const warning = (fn: string, caller: string) =>
      [
        '------------[ cut here ]------------',
        `WARNING: CPU: 1 PID: 214 at fs/fuse/file.c:1418 ${fn}+0x59/0x5e0 [fuse]`,
        'Call Trace:',
        ' <TASK>',
        ` ${fn}+0x59/0x5e0 [fuse]`,
        ` ${caller}+0xfd/0x400`,
        ' vfs_write+0x2a3/0x470',
        ' </TASK>',
        '---[ end trace 0000000000000000 ]---',
      ].join('\n');
    const text = `${warning('fuse_perform_write', 'fuse_file_write_iter')}\n${filler(2 * CHUNK_CHARS)}\n${warning('fuse_flush', 'filp_close')}\n`;
    const analyzer = new StackAnalyzer();
    for (let at = 0; at < text.length; at += 64 * 1024) analyzer.push(text.slice(at, at + 64 * 1024));
    const read = analyzer.end();
    const fns = read.threads.flatMap((t) => t.frames.map((f) => f.fn));
    expect(fns).toContain('fuse_file_write_iter');
    expect(fns).not.toContain('filp_close');
  });

  it('an empty log holds nothing', () => {
    expect(new StackAnalyzer().end()).toEqual({ threads: [], blocked: [] });
  });
});

describe('FreeBSD or Linux panic', () => {
  it('a FreeBSD panic with its cpuid and backtrace, after the WITNESS warning of its boot', () => {
    const panic = extractPanic(
      [WITNESS, 'VT: init without driver.', PANIC_LINE, CPUID, TIME, ...BACKTRACE].join('\n'),
    );
    expect(panic?.os).toBe('freebsd');
    expect(panic?.message).toBe('vm_fault_lookup: fault on nofault entry, addr: 0x1000');
  });

  it('a FreeBSD panic with a cpuid and no backtrace (a kernel without KDB)', () => {
    const panic = extractPanic([WITNESS, PANIC_LINE, CPUID, TIME, 'Uptime: 2m13s'].join('\n'));
    expect(panic?.os).toBe('freebsd');
  });

  it('a FreeBSD panic with a backtrace and no cpuid (a kernel without SMP)', () => {
    const panic = extractPanic([WITNESS, PANIC_LINE, TIME, ...BACKTRACE].join('\n'));
    expect(panic?.os).toBe('freebsd');
    expect(panic?.threads[0]?.frames.map((f) => f.fn)).toContain('fuse_vnop_write');
  });

  it('a Linux report over a "panic: " line with neither (a Go program\'s panic on the console)', () => {
    // kernel/panic.c __warn(): "WARNING: CPU: %d PID: %d at %pS", dump_stack()'s Call Trace.
    const text = [
      'panic: runtime error: invalid memory address or nil pointer dereference',
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]',
      '------------[ cut here ]------------',
      'WARNING: CPU: 1 PID: 214 at fs/fuse/file.c:1418 fuse_perform_write+0x59/0x5e0 [fuse]',
      'Call Trace:',
      ' <TASK>',
      ' fuse_perform_write+0x59/0x5e0 [fuse]',
      ' fuse_file_write_iter+0xfd/0x400 [fuse]',
      ' </TASK>',
      '---[ end trace 0000000000000000 ]---',
    ].join('\n');
    expect(extractPanic(text)?.os).toBe('linux');
  });

  it("a bare FreeBSD-like panic line alone is still the text's panic", () => {
    expect(extractPanic('panic: not a kernel at all')?.message).toBe('not a kernel at all');
  });
});
