// FreeBSD kernel panics on the console, with the backtrace of the panicking thread and a
// syzkaller-style title (`Fatal trap 12: page fault while in kernel mode in atrtc_settime`,
// `panic: sx lock still held in solisten_proto`).
//
// Format, from freebsd-src:
// - sys/kern/kern_shutdown.c vpanic(): "panic: %s\n" (the message), then "cpuid = %d\n",
//   "time = %jd\n", then kdb_backtrace() when KDB_TRACE is configured. The console is shared, so
//   the line may start with whatever was on it (`login: panic: ...`).
// - sys/kern/subr_kdb.c kdb_backtrace(): "KDB: stack backtrace:\n", then either the debugger
//   backend's trace (ddb: db_trace_self(), frames "func() at func+0xoff/frame 0x...", see
//   freebsd-ddb.ts) or, in kernels with options STACK but no DDB (release kernels),
//   stack_print_ddb() from sys/kern/subr_stack.c: "#%d %p at %s+%#lx\n" (`??+0` without a symbol).
// - The trace ends at "--- syscall (...) ---" (user context) or simply stops; "--- trap ...",
//   "--- interrupt ..." (amd64 db_trace.c db_nextframe) and arm64's "--- exception, esr %#lx",
//   "--- interrupt" (arm64/arm64/db_trace.c db_stack_trace_cmd) separate the panic machinery from
//   the trapped kernel code, and the trace goes on after them.
// - A trap first prints "Fatal trap %d: %s while in %s mode" (sys/amd64/amd64/trap.c trap_fatal(),
//   i386 the same) and, among its fields, "current process\t\t= %d (%s)" (14.x: the pid and the
//   thread's name); main's trap_diag() prints "current thread\t\t= %d/%d (%s/%s)" (pid/tid,
//   p_comm/td_name) and a register dump instead, and no "trap number" line (freebsd/freebsd-src
//   sys/amd64/amd64/trap.c at 00b96a777845); with a debugger, "KDB: enter: panic" and
//   "[ thread pid %d tid %ld ]" follow the trace.
// - With debug.debugger_on_trap set, trap_fatal() (sys/amd64/amd64/trap.c, sys/i386/i386/trap.c)
//   calls kdb_trap() right after "current process" and before "trap number" and panic(): ddb's
//   db_trap() (sys/ddb/db_main.c) prints "[ thread pid %d tid %ld ]" and "Stopped at\t" with
//   db_print_loc_and_inst() (the pc as "func+0xoff", ":\t", the instruction), and no "panic: "
//   line is printed at all: the trap report alone is the crash, its pc where it happened. Without a
//   debugger trap_fatal() always goes on to panic(), so a trap report whose panic line never made it
//   to the log (the console died, the quote was cut) is the crash all the same.

import { crashFunction, crashTitle, normalizeMessage } from '../crash-title.js';
import { isFreebsdCrashMachinery } from '../frame-classes.js';
import type { Frame, KernelPanic, StackParser, Thread } from '../model.js';
import { parseSymbol, splitLines, toInt } from './common.js';
import { DDB_SEPARATOR, parseDdbFrameLine } from './freebsd-ddb.js';

/** `panic: ` at the start of the line or after other console output (`login: panic: ...`). */
// Also chunk cut points (chunk-cut.ts).
export const PANIC = /(?:^|[^\w.-])panic: (.*)$/;
export const FATAL_TRAP = /Fatal trap (\d+): (.*?) while in (kernel|user) mode/;
const STACK_FRAME = /^#(\d+) (0x[0-9a-fA-F]+) at (\S+)\s*$/;
const CURRENT_PROCESS = /^current process\s*=\s*(\d+) \((.*)\)\s*$/;
/** trap_diag() on main: "current thread\t\t= %d/%d (%s/%s)", pid/tid and p_comm/td_name. */
const CURRENT_THREAD = /^current thread\s*=\s*(\d+)\/(\d+) \((.*\/.*)\)\s*$/;
// sys/ddb/db_main.c db_trap() calls db_print_thread() (sys/ddb/db_thread.c): "[ thread pid %d tid %ld ]";
// the 2012 copy (commit 039ea811636f) printed "[thread pid"; current copies and 14.x captures have the blank.
const KDB_THREAD = /^\[ thread pid (-?\d+) tid (\d+) \]\s*$/;
const CPUID = /^cpuid = (\d+)/;
/** db_trap(): "Stopped at\t" then the pc's symbol and ":\t" (tabs may have become blanks). */
const STOPPED_AT = /^Stopped at\s+([^\s:]+):/;
/** How far the trap report's lines reach past its `Fatal trap` line. */
const TRAP_REPORT_LINES = 40;
/** The trap's separator in a trace: the frame after it is where the trap happened. */
const TRAP_SEPARATOR = /^--- (?:trap|exception|interrupt|system error|unhandled exception)\b/;

/**
 * The trap report's line naming the trapped thread, either form: sets pid, comm and (main's form)
 * tid and, when it differs from the process name, the thread name. Any other line changes nothing.
 */
function readCurrentThread(line: string, thread: Thread): void {
  const cp = CURRENT_PROCESS.exec(line);
  if (cp) {
    thread.pid = toInt(cp[1]);
    thread.comm = cp[2] as string;
    return;
  }
  const ct = CURRENT_THREAD.exec(line);
  if (!ct) return;
  thread.pid = toInt(ct[1]);
  thread.tid = toInt(ct[2]);
  // "%s/%s", p_comm then td_name, and a name may hold a slash itself: split in the middle when the
  // two halves are the same name (a thread named as its process), else at the first slash.
  const names = ct[3] as string;
  const half = (names.length - 1) / 2;
  const same = names[half] === '/' && names.slice(0, half) === names.slice(half + 1);
  const cut = same ? half : names.indexOf('/');
  const comm = names.slice(0, cut);
  const tdname = names.slice(cut + 1);
  thread.comm = comm;
  if (tdname !== '' && tdname !== comm) thread.tdname = tdname;
}

/** Parse one `#N 0x... at func+0xoff` line (stack_print_ddb). */
function parseStackPrintLine(line: string): Frame | undefined {
  const m = STACK_FRAME.exec(line);
  if (!m) return undefined;
  const frame = parseSymbol(m[3] as string);
  if (!frame) return undefined;
  frame.address = m[2] as string;
  return frame;
}

/** The first panic in the text: its message, title and the panicking thread's stack. */
export function extractFreebsdPanic(text: string): KernelPanic | undefined {
  return extractFreebsdPanicLines(splitLines(text));
}

export function extractFreebsdPanicLines(all: readonly string[]): KernelPanic | undefined {
  let found: { at: number; message: string } | undefined;
  for (let i = 0; i < all.length; i++) {
    const l = all[i] as string;
    if (!l.includes('panic: ')) continue;
    const m = PANIC.exec(l.trim());
    // Linux prints "Kernel panic - not syncing:", never "panic: "; a FreeBSD line is ours.
    if (m) {
      found = { at: i, message: (m[1] as string).trim() };
      break;
    }
  }
  if (!found) return extractFatalTrap(all);
  const { at, message } = found;
  const lines = all.slice(Math.max(0, at - 40), at + 400).map((l) => l.trim());
  const rel = at - Math.max(0, at - 40);
  const thread: Thread = { comm: '', frames: [], format: 'freebsd-panic' };
  const panic: KernelPanic = { os: 'freebsd', message, threads: [thread] };

  // The trap report just above the panic line names the process and the kind of crash.
  let trap: string | undefined;
  for (let i = 0; i < rel; i++) {
    const line = lines[i] as string;
    const ft = FATAL_TRAP.exec(line);
    if (ft) trap = `Fatal trap ${ft[1]}: ${ft[2]} while in ${ft[3]} mode`;
    readCurrentThread(line, thread);
  }

  let inTrace = false;
  let done = false;
  let afterTrap: Frame | undefined;
  let sawTrap = false;
  for (let i = rel + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const cpu = CPUID.exec(line);
    if (cpu && panic.cpu === undefined) panic.cpu = Number(cpu[1]);
    const kdbThread = KDB_THREAD.exec(line);
    if (kdbThread) {
      thread.pid = toInt(kdbThread[1]);
      thread.tid = toInt(kdbThread[2]);
      break;
    }
    if (line.startsWith('KDB: stack backtrace')) {
      inTrace = true;
      continue;
    }
    if (!inTrace || done) continue;
    const frame = parseDdbFrameLine(line) ?? parseStackPrintLine(line);
    if (frame) {
      thread.frames.push(frame);
      if (sawTrap && afterTrap === undefined) afterTrap = frame;
      continue;
    }
    // Older arm64 ddb printed `pc = ... lr = ...` and `sp = ... fp = ...` and a blank line under each frame.
    if (line === '' || /^(?:pc|sp) = 0x/.test(line)) continue;
    // After `--- syscall` (user context) and amd64's `--- trap 0, rip = 0` (a kernel thread's start)
    // no frame follows, so only a real trap's separator sets the frame after it.
    if (DDB_SEPARATOR.test(line)) {
      if (TRAP_SEPARATOR.test(line)) sawTrap = true;
      continue;
    }
    if (thread.frames.length > 0) done = true;
  }
  const kind = trap ?? `panic: ${normalizeMessage(message)}`;
  // Only machinery in the trace (a trace cut short, a panic inside the kernel's own checks): the
  // kind alone, never the backtrace's own first frame (db_trace_self_wrapper, kdb_backtrace).
  const fn = crashFunction([afterTrap, ...thread.frames], isFreebsdCrashMachinery, 'none');
  panic.title = crashTitle(kind, fn);
  return panic;
}

/**
 * The first fatal trap report when no `panic: ` line follows it: trap_fatal() entered the debugger
 * (its `[ thread ... ]` and `Stopped at` lines name the thread and the pc) or the log ends before
 * its panic. Undefined when the text holds no trap report.
 */
function extractFatalTrap(all: readonly string[]): KernelPanic | undefined {
  for (let i = 0; i < all.length; i++) {
    const l = all[i] as string;
    if (!l.includes('Fatal trap ')) continue;
    const ft = FATAL_TRAP.exec(l);
    if (!ft) continue;
    const message = `Fatal trap ${ft[1]}: ${ft[2]} while in ${ft[3]} mode`;
    const thread: Thread = { comm: '', frames: [], format: 'freebsd-panic' };
    const panic: KernelPanic = { os: 'freebsd', message, threads: [thread] };
    for (let j = i + 1; j < Math.min(all.length, i + TRAP_REPORT_LINES); j++) {
      const line = (all[j] as string).trim();
      const cpu = CPUID.exec(line);
      if (cpu && panic.cpu === undefined) panic.cpu = Number(cpu[1]);
      readCurrentThread(line, thread);
      const kdbThread = KDB_THREAD.exec(line);
      if (kdbThread) {
        thread.pid = toInt(kdbThread[1]);
        thread.tid = toInt(kdbThread[2]);
      }
      const stopped = STOPPED_AT.exec(line);
      if (stopped) {
        const pc = parseSymbol(stopped[1] as string);
        if (pc) thread.frames.push(pc);
        break;
      }
    }
    panic.title = crashTitle(message, crashFunction(thread.frames, isFreebsdCrashMachinery));
    return panic;
  }
  return undefined;
}

export const freebsdPanicParser: StackParser = {
  format: 'freebsd-panic',
  matches(text: string): boolean {
    return text.includes('panic: ') || text.includes('Fatal trap ');
  },
  parse(text: string): Thread[] {
    return extractFreebsdPanic(text)?.threads.filter((t) => t.frames.length > 0) ?? [];
  },
};
