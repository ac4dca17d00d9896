// FreeBSD kernel panics on the console, with the backtrace of the panicking thread.
//
// Format, from freebsd-src:
// - sys/kern/kern_shutdown.c vpanic(): "panic: %s\n" (the message), then "cpuid = %d\n",
//   "time = %jd\n", then kdb_backtrace() when KDB_TRACE is configured.
// - sys/kern/subr_kdb.c kdb_backtrace(): "KDB: stack backtrace:\n", then either the debugger
//   backend's trace (ddb: db_trace_self(), frames "func() at func+0xoff/frame 0x...", see
//   freebsd-ddb.ts) or, in kernels with options STACK but no DDB (release kernels),
//   stack_print_ddb() from sys/kern/subr_stack.c: "#%d %p at %s+%#lx\n".
// - The trace ends at "--- syscall (...) ---" (user context) or simply stops; "--- trap ..."
//   and "--- interrupt ..." lines separate the panic machinery from the trapped kernel code
//   and the trace goes on after them.
// - A trap first prints "Fatal trap N: ... while in kernel mode" and, among its fields,
//   "current process\t\t= %d (%s)" (sys/amd64/amd64/trap.c trap_fatal()); with a debugger,
//   "KDB: enter: panic" and "[ thread pid %d tid %ld ]" follow the trace.

import type { Frame, KernelPanic, StackParser, Thread } from '../model.js';
import { parseSymbol, splitLines, toInt } from './common.js';
import { DDB_SEPARATOR, parseDdbFrameLine } from './freebsd-ddb.js';

const PANIC = /^panic: (.*)$/;
const STACK_FRAME = /^#(\d+) (0x[0-9a-fA-F]+) at (\S+)\s*$/;
const CURRENT_PROCESS = /^current process\s*=\s*(\d+) \((.*)\)\s*$/;
const KDB_THREAD = /^\[ thread pid (\d+) tid (\d+) \]\s*$/;
const CPUID = /^cpuid = (\d+)/;

/** Parse one `#N 0x... at func+0xoff` line (stack_print_ddb). */
function parseStackPrintLine(line: string): Frame | undefined {
  const m = STACK_FRAME.exec(line);
  if (!m) return undefined;
  const frame = parseSymbol(m[3] as string);
  if (!frame) return undefined;
  frame.address = m[2] as string;
  return frame;
}

/** The first panic in the text: its message and the panicking thread's stack. */
export function extractFreebsdPanic(text: string): KernelPanic | undefined {
  const lines = splitLines(text).map((l) => l.trim());
  const at = lines.findIndex((l) => PANIC.test(l));
  if (at < 0) return undefined;
  const message = (PANIC.exec(lines[at] as string)?.[1] as string).trim();
  const thread: Thread = { comm: '', frames: [], format: 'freebsd-panic' };
  const panic: KernelPanic = { os: 'freebsd', message, threads: [thread] };

  // The trap report just above the panic line names the process.
  for (let i = Math.max(0, at - 30); i < at; i++) {
    const cp = CURRENT_PROCESS.exec(lines[i] as string);
    if (cp) {
      thread.pid = toInt(cp[1]);
      thread.comm = cp[2] as string;
    }
  }

  let inTrace = false;
  let done = false;
  for (let i = at + 1; i < lines.length && i < at + 400; i++) {
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
      continue;
    }
    if (DDB_SEPARATOR.test(line)) {
      if (line.startsWith('--- syscall')) done = true;
      continue;
    }
    if (thread.frames.length > 0) done = true;
  }
  return panic;
}

export const freebsdPanicParser: StackParser = {
  format: 'freebsd-panic',
  matches(text: string): boolean {
    return splitLines(text).some((l) => PANIC.test(l.trim()));
  },
  parse(text: string): Thread[] {
    return extractFreebsdPanic(text)?.threads.filter((t) => t.frames.length > 0) ?? [];
  },
};
