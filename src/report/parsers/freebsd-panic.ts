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
import {
  isFreebsdCrashMachinery,
  isFreebsdFaultEntry,
  isFreebsdFaultHandling,
  isFreebsdTrapEntry,
} from '../frame-classes.js';
import type { Frame, KernelPanic, StackParser, Thread } from '../model.js';
import { parseSymbol, splitLines, toInt } from './common.js';
import { DDB_SEPARATOR, OLD_ARM64_FRAME_REGISTERS, parseDdbFrameLine } from './freebsd-ddb.js';

/** `panic: ` at the start of the line or after other console output (`login: panic: ...`). */
// Also chunk cut points (chunk-cut.ts).
export const PANIC = /(?:^|[^\w.-])panic: (.*)$/;
/** i386 trap_fatal() also names "vm86" mode (sys/i386/i386/trap.c: PSL_VM in the trapped eflags). */
export const FATAL_TRAP = /Fatal trap (\d+): (.*?) while in (kernel|user|vm86) mode/;
const STACK_FRAME = /^#(\d+) (0x[0-9a-fA-F]+) at (\S+)\s*$/;
const CURRENT_PROCESS = /^current process\s*=\s*(\d+) \((.*)\)\s*$/;
/** trap_diag() on main: "current thread\t\t= %d/%d (%s/%s)", pid/tid and p_comm/td_name. */
const CURRENT_THREAD = /^current thread\s*=\s*(\d+)\/(\d+) \((.*\/.*)\)\s*$/;
// sys/ddb/db_main.c db_trap() calls db_print_thread() (sys/ddb/db_thread.c): "[ thread pid %d tid %ld ]";
// the 2012 copy (commit 039ea811636f) printed "[thread pid"; current copies and 14.x captures have the blank.
const KDB_THREAD = /^\[ thread pid (-?\d+) tid (\d+) \]\s*$/;
const CPUID = /^cpuid = (\d+)/;
/**
 * The ddb command that prints a thread's stack, typed at the prompt after a trap stopped in the debugger:
 * `trace` and its aliases `t`, `where`, `bt` (sys/ddb/db_command.c db_cmds, each db_stack_trace), or a
 * prefix that names one of them alone (db_cmd_search()/db_cmd_match() take a unique prefix: `tr`, `wh`),
 * then its arguments: none (or a `,count`) trace kdb_thread, the trapped one; a number is a tid or pid,
 * another thread (db_stack_trace(): kdb_thr_lookup(), kdb_thr_from_pid()).
 */
const DDB_TRACE_COMMAND = /^db> +(?:bt|t|tr|tra|trac|trace|wh|whe|wher|where)(?=[\s/,]|$)(.*)$/;
/** A trace command's arguments that still trace the current thread: nothing, a count, old ddb's `/u`. */
const DDB_OWN_THREAD_ARGS = /^\s*(?:\/\w+\s*)?(?:,\s*\w+\s*)?$/;
/** db_stack_trace()'s header: "Tracing pid %d tid %ld td %p" (sys/ddb/db_command.c). */
const DDB_TRACING_ONE = /^Tracing pid (-?\d+) tid (\d+) td /;
/** How far below `Stopped at` the trace command may be (other commands, `show registers`, come first). */
const DDB_COMMAND_LINES = 60;
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

  // The trap report just above the panic line names the process and the kind of crash. Two CPUs that
  // trap at once print two reports; the panicking CPU's is the one (see pickTrapReport).
  const reports = trapReports(lines.slice(0, rel));
  const panicCpu = cpuAfter(lines, rel + 1);
  const report = pickTrapReport(reports, panicCpu);
  const trap = report?.kind;
  if (report) for (const line of report.lines) readCurrentThread(line, thread);
  if (panicCpu === undefined && report?.cpu !== undefined) panic.cpu = report.cpu;

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
    if (line === '' || OLD_ARM64_FRAME_REGISTERS.test(line)) continue;
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
  const fn = crashFunction(
    [afterTrap, ...belowFaultHandling(thread.frames)],
    isFreebsdCrashMachinery,
    'none',
  );
  panic.title = crashTitle(kind, fn);
  return panic;
}

/**
 * The frames that may name a panic: all of them, unless the panic was raised right in a fault's
 * handling (the panic machinery, then only fault entry and VM fault frames, FREEBSD_FAULT_ENTRY_FRAMES):
 * then the faulting code's, below that handling, and none when the trace was cut before them. A panic
 * raised by other code that runs under a fault (a pager called from vm_fault()) is that code's. The
 * handling ends at the first trap entry (calltrap, handle_el1h_sync): a fault taken inside vm_fault()
 * itself while it resolved an earlier fault (trap_fatal <- trap_pfault <- trap <- calltrap <- vm_fault
 * <- vm_fault_trap <- ... <- calltrap <- copyout) is vm_fault()'s, not the earlier fault's code.
 */
function belowFaultHandling(frames: readonly Frame[]): readonly Frame[] {
  let i = 0;
  while (
    i < frames.length &&
    isFreebsdCrashMachinery(frames[i]!.fn) &&
    !isFreebsdFaultHandling(frames[i]!.fn)
  )
    i++;
  let j = i;
  let entered = false;
  for (; j < frames.length && isFreebsdFaultHandling(frames[j]!.fn); j++) {
    if (isFreebsdFaultEntry(frames[j]!.fn)) entered = true;
    if (isFreebsdTrapEntry(frames[j]!.fn)) {
      j++;
      break;
    }
  }
  return entered ? frames.slice(j) : frames;
}

interface TrapReport {
  /** `Fatal trap N: MESSAGE while in MODE mode`. */
  kind: string;
  /** The report's lines after its `Fatal trap` line, up to the next report. */
  lines: string[];
  /** The trapping CPU: trap_fatal()'s "cpuid = %d; " (SMP kernels). */
  cpu?: number;
}

/**
 * The trap reports in the (trimmed) lines, each running to the next `Fatal trap` line. trap_fatal()
 * (sys/amd64/amd64/trap.c, sys/i386/i386/trap.c) prints "\n\nFatal trap %d: %s while in %s mode\n", then
 * "cpuid = %d; " and "apic id = %02x\n" (SMP), the fault fields and "current process\t\t= %d (%s)".
 */
function trapReports(lines: readonly string[]): TrapReport[] {
  const out: TrapReport[] = [];
  for (const line of lines) {
    const ft = line.includes('Fatal trap ') ? FATAL_TRAP.exec(line) : null;
    if (ft) {
      out.push({ kind: `Fatal trap ${ft[1]}: ${ft[2]} while in ${ft[3]} mode`, lines: [] });
      continue;
    }
    const current = out[out.length - 1];
    if (!current) continue;
    current.lines.push(line);
    const cpu = current.cpu === undefined ? CPUID.exec(line) : null;
    if (cpu) current.cpu = Number(cpu[1]);
  }
  return out;
}

/**
 * The report of the CPU that panicked when it is known (vpanic()'s "cpuid = %d" after the panic line,
 * sys/kern/kern_shutdown.c), else the first: the other CPU's panic() finds the panic already under way
 * and stops, so its report comes from a CPU that did not print the panic. None when every report names
 * another CPU: the panicking CPU did not trap (a KASSERT on CPU 0 while CPU 1 printed a trap report and
 * was stopped by vpanic()'s stop_cpus_hard() before its own panic), so no report is this panic's.
 */
function pickTrapReport(
  reports: readonly TrapReport[],
  panicCpu: number | undefined,
): TrapReport | undefined {
  if (panicCpu !== undefined) {
    const own = reports.find((r) => r.cpu === panicCpu);
    if (own) return own;
    if (reports.length > 0 && reports.every((r) => r.cpu !== undefined)) return undefined;
  }
  return reports[0];
}

/** vpanic()'s "cpuid = %d" within a few lines from `from`, or undefined. */
function cpuAfter(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < Math.min(lines.length, from + 4); i++) {
    const cpu = CPUID.exec(lines[i] as string);
    if (cpu) return Number(cpu[1]);
  }
  return undefined;
}

/**
 * The frames of the trapped thread's trace that a ddb command prints after a trap stopped in the
 * debugger (`db> bt`), from the line after `from`; empty when no trace command follows soon. A trace of
 * another thread (`bt 100234`, whose header names another tid) is not the trapped thread's.
 */
function ddbTraceAfter(all: readonly string[], from: number, tid: number | undefined): Frame[] {
  for (let i = from; i < Math.min(all.length, from + DDB_COMMAND_LINES); i++) {
    const line = (all[i] as string).trim();
    if (/^(?:Fatal trap |panic: )/.test(line)) return [];
    const command = DDB_TRACE_COMMAND.exec(line);
    if (!command) continue;
    const ownByArgs = DDB_OWN_THREAD_ARGS.test(command[1] as string);
    const frames: Frame[] = [];
    let own = ownByArgs;
    let j = i + 1;
    for (; j < all.length; j++) {
      const l = (all[j] as string).trim();
      const header = frames.length === 0 ? DDB_TRACING_ONE.exec(l) : null;
      if (header) {
        // The header names the thread traced: the trapped one when its tid is known, else trust the args.
        if (tid !== undefined) own = Number(header[2]) === tid;
        continue;
      }
      const frame = parseDdbFrameLine(l);
      if (frame) {
        frames.push(frame);
        continue;
      }
      if (DDB_SEPARATOR.test(l) || OLD_ARM64_FRAME_REGISTERS.test(l)) continue;
      break;
    }
    if (own && frames.length > 0) return frames;
    i = j - 1;
  }
  return [];
}

/**
 * The fatal trap report when no `panic: ` line follows it: trap_fatal() entered the debugger (its
 * `[ thread ... ]` and `Stopped at` lines name the thread and the pc) or the log ends before its panic.
 * Of two CPUs' reports the one that reached `Stopped at`: kdb_trap() (sys/kern/subr_kdb.c) stops the
 * other CPUs with stop_cpus_hard() before ddb runs, so the other report never gets that far; else the
 * first (a report farther on is a later crash). Undefined when the text holds no trap report.
 */
function extractFatalTrap(all: readonly string[]): KernelPanic | undefined {
  let first: { panic: KernelPanic; at: number } | undefined;
  for (let i = 0; i < all.length; i++) {
    const l = all[i] as string;
    if (!l.includes('Fatal trap ')) continue;
    if (first && i - first.at > TRAP_REPORT_LINES) break;
    const ft = FATAL_TRAP.exec(l);
    if (!ft) continue;
    const message = `Fatal trap ${ft[1]}: ${ft[2]} while in ${ft[3]} mode`;
    const thread: Thread = { comm: '', frames: [], format: 'freebsd-panic' };
    const panic: KernelPanic = { os: 'freebsd', message, threads: [thread] };
    let inDebugger = false;
    for (let j = i + 1; j < Math.min(all.length, i + TRAP_REPORT_LINES); j++) {
      const line = (all[j] as string).trim();
      // Another CPU's report: this one's lines ended (two CPUs that trap at once).
      if (line.includes('Fatal trap ') && FATAL_TRAP.test(line)) break;
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
        inDebugger = true;
        const pc = parseSymbol(stopped[1] as string);
        if (pc) thread.frames.push(pc);
        // The trace typed at the prompt starts at the trapped pc: the whole stack of the trapped thread.
        const trace = ddbTraceAfter(all, j + 1, thread.tid);
        if (trace.length > 0) thread.frames = trace;
        break;
      }
    }
    panic.title = crashTitle(message, crashFunction(thread.frames, isFreebsdCrashMachinery));
    if (inDebugger) return panic;
    first ??= { panic, at: i };
  }
  return first?.panic;
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
