// kgdb (gdb) backtraces of a FreeBSD kernel (src/report/parsers/freebsd-kgdb.ts): the line reader's edge
// cases, in the formats of gdb/stack.c print_frame() (the frame, " at FILE:LINE", wrap hints between
// arguments, indented continuations), print_frame_local_vars() (`bt full`'s locals, indented under the
// frame) and gdb's pager prompt (gdb/utils.c prompt_for_continue(), as real outputs show it: at the end of
// a line the terminal wrapped, the key typed after it). Strings in arguments are quoted by gdb's
// valprint (`0x... "%s"`, escapes as `\"`), casts in parentheses (`(struct vnode *) 0x...`).
// Addresses, names and line numbers are illustrative.
import { describe, expect, it } from 'vitest';
import type { Thread } from '../../../src/report/model.js';
import { freebsdKgdbParser } from '../../../src/report/parsers/freebsd-kgdb.js';

const parse = (lines: readonly string[]): Thread[] => freebsdKgdbParser.parse(lines.join('\n'));
/** Each thread's frames as a reader of the trace names them: `fn FILE:LINE`, or `fn` without a source line. */
const where = (lines: readonly string[]): string[][] =>
  parse(lines).map((t) => t.frames.map((f) => (f.file === undefined ? f.fn : `${f.fn} ${f.file}:${f.line}`)));

const PROMPT = '--Type <RET> for more, q to quit, c to continue without paging--';

describe('bt full: a local after a frame whose arguments hold quotes or parentheses', () => {
  it('keeps the source line of a frame whose quoted argument holds an escaped quote', () => {
    expect(where(['#3  0x1 in f (s=0x1 "\\"", t=2) at x.c:1', '        i = 0'])).toEqual([['f x.c:1']]);
  });

  it('keeps the source line of a wrapped frame whose format string is quoted', () => {
    expect(
      where([
        '#3  0xffffffff80b3dc1f in vpanic (fmt=0xffffffff81190e1b "%s", ap=<optimized out>)',
        '    at /usr/src/sys/kern/kern_shutdown.c:967',
        '        buf = "sleeping thread"',
      ]),
    ).toEqual([['vpanic /usr/src/sys/kern/kern_shutdown.c:967']]);
  });

  it('does not close the arguments at a quoted parenthesis', () => {
    expect(
      where(['#9  0x1 in kdb_enter (why=0x1 "a)",', '    msg=<optimized out>) at subr_kdb.c:506']),
    ).toEqual([['kdb_enter subr_kdb.c:506']]);
    expect(where(['#0  0x1 in f (s=0x1 "a)", t=2,', '    u=3) at x.c:1'])).toEqual([['f x.c:1']]);
  });

  it('does not close the arguments at the parenthesis of a cast', () => {
    expect(where(['#0  0x1 in f (p=(struct vnode *) 0xfffff80003a1c000,', '    q=1) at x.c:1'])).toEqual([
      ['f x.c:1'],
    ]);
  });

  it('keeps the source line when the arguments close on a continuation line, then a local', () => {
    expect(
      where([
        '#5  0x1 in vm_page_busy_sleep (m=0x1, wmesg=<optimized out>,',
        '    nonshared=<optimized out>) at /usr/src/sys/vm/vm_page.c:1039',
        '        td = 0x1',
      ]),
    ).toEqual([['vm_page_busy_sleep /usr/src/sys/vm/vm_page.c:1039']]);
  });
});

describe('the pager prompt', () => {
  it('skips a line before the trace that the pager cut', () => {
    expect(where([`Reading symbols from /boot/kernel/kernel${PROMPT}c`, '#0  f () at x.c:1'])).toEqual([
      ['f x.c:1'],
    ]);
  });

  it('joins a name cut twice, the second time answered q', () => {
    const threads = parse([`#0  0x1 in sysctl_ro${PROMPT}`, `ot (a=1, ${PROMPT}Quit`]);
    expect(threads.map((t) => t.frames.map((f) => f.fn))).toEqual([['sysctl_root']]);
  });

  it('reads a whole frame that the text ends in a prompt after', () => {
    expect(where([`#0  0x1 in f (a=1) at f.c:1${PROMPT}`])).toEqual([['f f.c:1']]);
  });
});
