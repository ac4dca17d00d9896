// What one analysis keeps of a text: each thread once (and two threads as two, however alike their
// stacks), the first report of a log and not a later one, nothing it did not find, and a bound on
// what it holds that still keeps the blocked threads.

import { describe, expect, it } from 'vitest';
import { analyzeStacks, CHUNK_CHARS, MAX_THREADS, StackAnalyzer } from '../../../src/report/analyze.js';
import { extractPanic, parseStacks } from '../../../src/report/stacks.js';

const HEADER = '  PID    TID COMM                TDNAME              KSTACK';
/** A procstat -kk line (usr.bin/procstat/procstat_kstack.c: `%5d %6d %-19s %-19s ` then frames). */
function procstat(pid: number, tid: number, comm: string, frames: string): string {
  return `${String(pid).padStart(5)} ${String(tid).padStart(6)} ${comm.padEnd(19)} ${'-'.padEnd(19)} ${frames}`;
}
const SLEEPING =
  'mi_switch+0x171 sleepq_catch_signals+0x3e8 sleepq_wait_sig+0x9 _sleep+0x1b7 kern_wait6+0x5b4';
const STUCK =
  'mi_switch+0x171 sleepq_wait+0x2c _sleep+0x1c3 vm_page_busy_sleep+0x94 vm_object_page_remove+0x1a5 vn_pages_remove+0x4b fuse_vnop_write+0x2f6';

/** A FreeBSD panic as vpanic() and kdb_backtrace() print it (sys/kern/kern_shutdown.c, subr_kdb.c). */
function freebsdPanic(message: string, fn: string): string {
  return [
    `panic: ${message}`,
    'cpuid = 1',
    'time = 1700000000',
    'KDB: stack backtrace:',
    '#0 0xffffffff80b9cf5d at kdb_backtrace+0x5d',
    '#1 0xffffffff80b4ec51 at vpanic+0x131',
    '#2 0xffffffff80b4eb13 at panic+0x43',
    `#3 0xffffffff80e2c6b1 at ${fn}+0x111`,
    '#4 0xffffffff80c3ade0 at vn_write+0x240',
  ].join('\n');
}

const FILLER_LINE = '[   12.345678] usb 1-1: new high-speed usb device number 5 using xhci_hcd';
function filler(chars: number): string {
  return Array.from({ length: Math.ceil(chars / (FILLER_LINE.length + 1)) }, () => FILLER_LINE).join('\n');
}

describe('each thread once, and every thread', () => {
  it('keeps two threads whose stacks are the same but whose pid, tid or sample differ', () => {
    const text = [
      HEADER,
      procstat(900, 100200, 'sh', SLEEPING),
      procstat(901, 100200, 'sh', SLEEPING),
      procstat(900, 100201, 'sh', SLEEPING),
    ].join('\n');
    expect(parseStacks(text).map((t) => [t.pid, t.tid])).toEqual([
      [900, 100200],
      [901, 100200],
      [900, 100201],
    ]);
    const a = new StackAnalyzer();
    a.push(`${text}\n`);
    expect(a.end().threads).toHaveLength(3);
  });

  it('keeps a thread printed twice with stacks that differ in one offset as two (it moved between them)', () => {
    const text = [
      HEADER,
      procstat(900, 100200, 'sh', SLEEPING),
      procstat(900, 100200, 'sh', SLEEPING.replace('kern_wait6+0x5b4', 'kern_wait6+0x5b8')),
    ].join('\n');
    expect(parseStacks(text)).toHaveLength(2);
  });

  it('drops the same thread printed twice with the same stack', () => {
    const line = procstat(900, 100200, 'sh', SLEEPING);
    expect(parseStacks([HEADER, line, HEADER, line].join('\n'))).toHaveLength(1);
    expect(analyzeStacks([HEADER, line, HEADER, line].join('\n')).threads).toHaveLength(1);
  });

  it('leaves out only the formats it is told to skip', () => {
    const text = [HEADER, procstat(900, 100200, 'sh', SLEEPING), '', freebsdPanic('boom', 'ffs_write')].join(
      '\n',
    );
    expect(new Set(parseStacks(text).map((t) => t.format))).toEqual(
      new Set(['freebsd-procstat', 'freebsd-panic']),
    );
    expect(parseStacks(text, ['freebsd-panic']).map((t) => t.format)).toEqual(['freebsd-procstat']);
    expect(parseStacks(text, ['freebsd-procstat']).map((t) => t.format)).toEqual(['freebsd-panic']);
  });
});

describe('which panic a text holds', () => {
  it('a FreeBSD panic with its cpuid line, or with a backtrace, is FreeBSD', () => {
    expect(extractPanic(freebsdPanic('vm_fault: fault on nofault entry', 'vm_fault'))).toMatchObject({
      os: 'freebsd',
      message: 'vm_fault: fault on nofault entry',
      cpu: 1,
    });
    const noCpu = freebsdPanic('ffs_write: type 8', 'ffs_write').replace('cpuid = 1\n', '');
    expect(extractPanic(noCpu)).toMatchObject({ os: 'freebsd', message: 'ffs_write: type 8' });
  });

  it('a program\'s "panic: " line with neither cpuid nor backtrace gives way to the kernel report after it', () => {
    const text = [
      'panic: runtime error: index out of range [3] with length 3',
      'goroutine 1 [running]:',
      'main.main()',
      '[  100.000001] BUG: kernel NULL pointer dereference, address: 0000000000000008',
      '[  100.000002] Oops: 0000 [#1] PREEMPT SMP NOPTI',
      '[  100.000003] CPU: 0 PID: 186 Comm: fusefs-workload Not tainted 6.1.0 #1',
      '[  100.000004] RIP: 0010:fuse_page_mkwrite+0x12/0x40 [fuse]',
      '[  100.000005] Call Trace:',
      '[  100.000006]  <TASK>',
      '[  100.000007]  do_page_mkwrite+0x4d/0xa0',
      '[  100.000008]  </TASK>',
    ].join('\n');
    expect(extractPanic(text)?.os).toBe('linux');
  });

  it('a program\'s "panic: " line alone is still the only panic there is', () => {
    expect(extractPanic('panic: something odd\n')).toMatchObject({ os: 'freebsd', message: 'something odd' });
  });
});

describe('a log with more than one report', () => {
  it('takes the first report as the panic, and not the panicking thread of a later one, across chunks', () => {
    const first = freebsdPanic('first one', 'ffs_write');
    const second = freebsdPanic('second one', 'ufs_read');
    const text = `${first}\n${filler(2 * CHUNK_CHARS)}\n${second}\n`;
    const a = new StackAnalyzer();
    for (let at = 0; at < text.length; at += 64 * 1024) a.push(text.slice(at, at + 64 * 1024));
    const result = a.end();
    expect(result.panic?.message).toBe('first one');
    const fns = result.threads.flatMap((t) => t.frames.map((f) => f.fn));
    expect(fns).toContain('ffs_write');
    expect(fns).not.toContain('ufs_read');
  });
});

describe('what an analysis says it found', () => {
  it('says nothing of a signature, a known bug, a panic or omitted threads when there were none', () => {
    const a = analyzeStacks(`${FILLER_LINE}\n`);
    expect(Object.keys(a).sort()).toEqual(['blocked', 'threads']);
  });

  it('says each of them when there was one', () => {
    const a = analyzeStacks(freebsdPanic('boom', 'ffs_write'));
    expect(Object.keys(a).sort()).toEqual(['blocked', 'panic', 'signature', 'threads']);
  });
});

describe('the bound on threads', { timeout: 120_000 }, () => {
  it('past the bound still keeps blocked threads, up to as many again, and counts the rest', () => {
    const idle = Array.from({ length: MAX_THREADS + 10 }, (_, i) =>
      procstat(1000 + i, 200000 + i, 'sh', SLEEPING),
    );
    const stuck = Array.from({ length: MAX_THREADS + 20 }, (_, i) =>
      procstat(50000 + i, 300000 + i, 'mmap-write', STUCK),
    );
    const a = analyzeStacks([HEADER, ...idle, ...stuck].join('\n'));
    expect(a.threads).toHaveLength(2 * MAX_THREADS);
    expect(a.blocked).toHaveLength(MAX_THREADS);
    expect(a.threadsOmitted).toBe(10 + 20);
  });

  it('a blocked thread found after the bound is kept, an idle one is not', () => {
    const idle = Array.from({ length: MAX_THREADS }, (_, i) =>
      procstat(1000 + i, 200000 + i, 'sh', SLEEPING),
    );
    const a = analyzeStacks(
      [HEADER, ...idle, procstat(7, 8, 'idle-late', SLEEPING), procstat(9, 10, 'stuck-late', STUCK)].join(
        '\n',
      ),
    );
    const names = a.threads.map((t) => t.comm);
    expect(names).toContain('stuck-late');
    expect(names).not.toContain('idle-late');
    expect(a.threadsOmitted).toBe(1);
  });
});

describe('text with no newline for a long way', { timeout: 120_000 }, () => {
  it('is read in bounded pieces and what follows it is still read', () => {
    const a = new StackAnalyzer();
    const junk = 'x'.repeat(CHUNK_CHARS / 4);
    // 20 MiB of one line, more than any line kept whole.
    for (let i = 0; i < 80; i++) a.push(junk);
    a.push(`\n${freebsdPanic('after the long line', 'ffs_write')}\n`);
    expect(a.end().panic?.message).toBe('after the long line');
  });
});
