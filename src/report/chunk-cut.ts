// Where a chunk of a big log is cut (StackAnalyzer, analyze.ts, parses a log a bounded chunk at a
// time): just before a record, so that no report, task dump or capture is split between two chunks.
// The record starts, with the sources of what the kernels print:
// - Linux kernel/hung_task.c check_hung_task(): "INFO: task %s:%d blocked for more than %ld seconds.";
//   kernel/sched/core.c sched_show_task(): "task:%-15.15s state:%c" (5.9+), "%-15.15s %c" ... "0x%08lx"
//   before (the old task line, read by linux-hung-task.ts);
// - every Linux report kind the panic reader knows (LINUX_REPORT_KINDS), and the lines printed above
//   one: include/asm-generic/bug.h CUT_HERE "------------[ cut here ]------------" (before a WARNING),
//   arch/arm/mm/fault.c "8<--- cut here ---" (before arm's "Unable to handle kernel ..."), the banner
//   of '=' that mm/kasan/report.c and kernel/locking/lockdep.c print first;
// - drivers/tty/sysrq.c: "sysrq: " (pr_fmt, 5.x) or "SysRq : " (older) before "Show State",
//   "Show Blocked State", "Show backtrace of all active CPUs";
// - FreeBSD sys/ddb/db_command.c: "Tracing command %s pid %d tid %ld td %p" (db_stack_trace_all),
//   "Tracing pid %d tid %ld td %p" (db_stack_trace); sys/amd64/amd64/trap.c trap_fatal():
//   "\n\nFatal trap %d: %s while in %s mode"; usr.bin/procstat/procstat_kstack.c: the header
//   "%5s %6s %-19s %-19s %-29s" of "PID", "TID", "COMM", "TDNAME", "KSTACK";
// - a debugger's thread above its backtrace (parsers/freebsd-kgdb.ts): gdb's `thread apply all`
//   "\nThread %s (%s):\n" (gdb/thread.c thread_try_catch_cmd(), kgdb's target id "Thread %ld" from
//   ports devel/gdb files/kgdb/fbsd-kvm.c), lldb's "thread #${thread.index}{, name = '...'}..."
//   (lldb/source/Core/Debugger.cpp thread-stop-format);
// - the gate's own frames (guest/watchdog.sh): "@@fg:NONCE:sample:N:begin@@", "@@fg:NONCE:capture:NAME:begin@@";
// - a panic line (FreeBSD sys/kern/kern_shutdown.c vpanic() "panic: %s", Linux kernel/panic.c
//   "Kernel panic - not syncing: %s"), unless the report it ends was printed just before it.

import { cleanLine, recordLine } from './parsers/common.js';
import { TRACING_ALL, TRACING_ONE } from './parsers/freebsd-ddb.js';
import { GDB_THREAD, KGDB_TRACE_LINE, LLDB_THREAD } from './parsers/freebsd-kgdb.js';
import { FATAL_TRAP, PANIC as FREEBSD_PANIC } from './parsers/freebsd-panic.js';
import { HEADER as PROCSTAT_HEADER } from './parsers/freebsd-procstat.js';
import { HUNG, OLD_TASK, TASK } from './parsers/linux-hung-task.js';
import { LINUX_REPORT_KINDS, REPORT_HINT } from './parsers/linux-report-kinds.js';

/** The longest stretch without a newline that is parsed as one chunk. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;
/** How far back from a buffer's end a cut point is looked for, in lines. */
export const CUT_SEARCH_LINES = 2000;
/** How far above a panic line the report it ends may start. */
export const PANIC_REPORT_LINES = 80;
/** How far above a record start another may be and begin the same report (two CPUs interleave theirs). */
export const REPORT_HEADER_LINES = 12;
/** How much of a line is looked at: every record start is near a line's beginning. */
const HEAD_CHARS = 300;

/**
 * The lines the parsers read as the start of a record (a header, a task line), and the Linux
 * report kinds (LINUX_REPORT_KINDS, `BUG: `, `WARNING: `, `general protection fault` among them):
 * the same patterns, so that a record a parser reads is a cut point.
 */
const PARSED_STARTS: readonly RegExp[] = [
  HUNG,
  TASK,
  OLD_TASK,
  TRACING_ALL,
  TRACING_ONE,
  FATAL_TRAP,
  PROCSTAT_HEADER,
  GDB_THREAD,
  LLDB_THREAD,
];
/** The other record starts: the lines printed above a report, a sysrq dump's, the gate's frames. */
const RECORD_START =
  /^(?:------------\[ cut here \]|8<--- cut here ---|@@fg:[a-z0-9]+:\S+:begin@@|sysrq: Show|SysRq : Show|=====+$)/;
const LINUX_PANICS = LINUX_REPORT_KINDS.filter((kind) => kind.panic).map((kind) => kind.start);
const LINUX_REPORTS = LINUX_REPORT_KINDS.filter((kind) => !kind.panic).map((kind) => kind.start);
/** Words one of the record starts above holds, looked for in the raw line before cleaning it. */
const RECORD_HINT = new RegExp(
  `INFO: task|task:|Tracing |Thread |thread #|Fatal trap|cut here|@@fg:|PID|Show|====| 0x|panic|${REPORT_HINT.source}`,
);
/**
 * A line of a stack trace: Linux `[<addr>]` (old kernels, /proc/PID/stack) or ` ? ` (an unreliable
 * frame), FreeBSD `#N 0x...` (sys/kern/subr_stack.c, ddb), or any `fn+0x..` (procstat -kk, 4.x+ Linux);
 * a kgdb or lldb frame and gdb's wrapped and `bt full` lines (KGDB_TRACE_LINE, gdb/stack.c print_frame()).
 */
const FRAME_LINE = /^\s*(?:\[<[0-9a-f]+>\]|#\d+ 0x[0-9a-f]|\?\s)|\+0x[0-9a-f]/;
const MARKER = /^@@fg:([a-z0-9]+):(.+):(begin|end)@@/;

/**
 * Where to cut a full buffer: before the gate's own framed capture its end falls in, else before the
 * last record start near its end, else after the last blank line, else after the last newline, but
 * never inside a run of frame lines (a trace with no header to cut before, like /proc/PID/stack) nor
 * inside a framed capture; a buffer with no newline but at its start is cut where it is, at most
 * MAX_LINE_CHARS in. Never 0: the chunk before the cut holds at least one line.
 */
export function cutPoint(buffer: string): number {
  const last = buffer.lastIndexOf('\n');
  if (last <= 0) return Math.min(buffer.length, MAX_LINE_CHARS);
  const frame = openFrame(buffer, last, -1);
  if (frame > 0) return frame;
  const cut = lastRecord(buffer, last);
  // A record inside a closed frame (a ps capture after its procstat capture): before the frame,
  // and before the captures printed right above the cut.
  const around = openFrame(buffer, cut - 1, cut);
  return around > 0 ? around : cut;
}

/** Before the last record start above the newline at `last`, else the fallbacks of cutPoint. */
function lastRecord(buffer: string, last: number): number {
  let blank: number | undefined;
  let panicAt: number | undefined;
  let panicLines = 0;
  for (const [start, end] of linesUp(buffer, last, CUT_SEARCH_LINES)) {
    // The buffer's first line is no cut point: the chunk before it would be empty.
    if (start === 0) break;
    const line = lineAt(buffer, start, end);
    if (startsPanic(line)) panicAt ??= start;
    else if (startsRecord(line)) {
      const cut = firstOfReport(buffer, start);
      if (cut > 0) return cut;
    }
    if (panicAt !== undefined && ++panicLines > PANIC_REPORT_LINES) return panicAt;
    if (blank === undefined && isBlank(buffer, start, end)) blank = end + 1;
  }
  return panicAt ?? blank ?? outsideTrace(buffer, last + 1);
}

/** The lines that end at or above the newline at `end`, last first, at most `max`: [start, end) each. */
function* linesUp(buffer: string, end: number, max: number): Generator<readonly [number, number]> {
  for (let n = 0; n < max; n++) {
    const start = end > 0 ? buffer.lastIndexOf('\n', end - 1) + 1 : 0;
    yield [start, end];
    if (start === 0) return;
    end = start - 1;
  }
}

/** The cleaned head of the line from `start` to `end` when it may start a record, else ''. */
function lineAt(buffer: string, start: number, end: number): string {
  const raw = buffer.slice(start, Math.min(end, start + HEAD_CHARS));
  return RECORD_HINT.test(raw) ? recordLine(raw) : '';
}

function isBlank(buffer: string, start: number, end: number): boolean {
  return recordLine(buffer.slice(start, Math.min(end, start + HEAD_CHARS))).trim() === '';
}

function startsRecord(line: string): boolean {
  return (
    RECORD_START.test(line) ||
    PARSED_STARTS.some((start) => start.test(line)) ||
    LINUX_REPORTS.some((start) => start.test(line))
  );
}

function startsPanic(line: string): boolean {
  return FREEBSD_PANIC.test(line) || LINUX_PANICS.some((start) => start.test(line));
}

/**
 * A record start can be the second line of one report: the hung-task report's `task:` line under
 * its `INFO: task ... blocked` header (kernel/hung_task.c prints the taint line and the hint between
 * them), x86's `invalid opcode` under `kernel BUG at` (BUG() traps, lib/bug.c then die()), arm's
 * `Internal error` under `Unable to handle kernel ...`. The start of the first of a chain of starts
 * at most REPORT_HEADER_LINES apart (0 when that is the buffer's start: no cut there).
 */
function firstOfReport(buffer: string, start: number): number {
  let first = start;
  let gap = 0;
  for (const [prev, end] of linesUp(buffer, start - 1, CUT_SEARCH_LINES)) {
    if (++gap > REPORT_HEADER_LINES) break;
    if (startsRecord(lineAt(buffer, prev, end))) {
      first = prev;
      gap = 0;
    }
  }
  return first;
}

/**
 * The gate's watchdog frames each sample and each capture in it (`@@fg:NONCE:NAME:begin@@` ...
 * `:end@@`, guest/watchdog.sh) and reads a sample whole: a procstat capture and the ps capture after
 * it belong together. Where the text up to the newline at `last` ends inside a frame, the start of
 * the outermost open one (and of the captures printed right before it), else `open`, the start of
 * the text after it (-1 for none). Frames of one name never nest (the watchdog prints each begin ...
 * end in turn).
 */
function openFrame(buffer: string, last: number, open: number): number {
  const closed = new Set<string>();
  for (const [start, end] of linesUp(buffer, last, CUT_SEARCH_LINES)) {
    const raw = buffer.slice(start, end);
    const marker = raw.includes('@@fg:') ? MARKER.exec(cleanLine(raw)) : null;
    if (!marker) continue;
    const name = `${marker[1]}:${marker[2]}`;
    // A capture that ends right above the open frame's begin is not closed: it is kept with it.
    if (marker[3] === 'end') {
      if (end + 1 !== open) closed.add(name);
    } else if (closed.has(name)) closed.delete(name);
    else open = start;
  }
  return open;
}

/**
 * `cut` moved back before the run of frame lines that ends there, and the line above it (the trace's
 * header); where the run reaches past the search bound, or the buffer's start, `cut` as it is.
 */
function outsideTrace(buffer: string, cut: number): number {
  let top = cut;
  for (const [start, end] of linesUp(buffer, cut - 1, CUT_SEARCH_LINES)) {
    const line = cleanLine(buffer.slice(start, Math.min(end, start + HEAD_CHARS)));
    if (!FRAME_LINE.test(line) && !KGDB_TRACE_LINE.test(line)) {
      // Not a frame: the header of the run when there is a run below it, and not the buffer's start.
      return top === cut || start === 0 ? cut : start;
    }
    top = start;
  }
  return cut;
}
