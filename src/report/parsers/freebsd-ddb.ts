// FreeBSD ddb(4) `bt` and `bt all` output (also reached from the host's backstop: NMI, then `bt all`).
//
// Formats, from freebsd-src:
// - sys/ddb/db_command.c db_stack_trace(): "Tracing pid %d tid %ld td %p\n" before `bt [tid]`,
//   db_stack_trace_all(): "\nTracing command %s pid %d tid %ld td %p\n" before each thread of
//   `bt all` (%s is p_comm, which may hold spaces).
// - sys/amd64/amd64/db_trace.c db_print_stack_entry(): "%s() at " name (or "??"), then
//   db_printsym(pc, DB_STGY_PROC), then "/frame 0x%lx" when the frame is known.
//   db_nextframe() prints "--- trap %#r, rip = ..., rsp = ..., rbp = ... ---",
//   "--- syscall (%d, %s, %s), rip = ..." or "--- interrupt, rip = ..." between kernel and the
//   trapped context; sys/arm64/arm64/db_trace.c db_stack_trace_cmd() prints "%s() at " then
//   db_printsym() (no "/frame"), and "--- exception, esr %#lx", "--- interrupt", "--- system error,
//   esr %#lx", "--- unhandled exception, esr %#lx", "--- invalid trapframe %p" as separators.
// - sys/i386/i386/db_trace.c db_print_stack_entry(): "%s(" name, the arguments ("%r" each, "%s=" before
//   each when the symbol table names them, "," between, ",..." when their number is unknown), ") at ",
//   db_printsym(), and "/frame 0x%r" when the frame is known (older copies print no "/frame"), so
//   `vm_fault1(c033bd0c,c38a5000,1,0,c325adc0) at vm_fault1+0x122`; its db_nextframe() separators are
//   "--- trap %#r", "--- syscall", "--- interrupt", then ", eip = %#r, esp = %#r, ebp = %#r ---".
// - sys/ddb/db_command.c _db_stack_trace_all() (`alltrace`): "\nTracing command %s pid %d tid %ld
//   td %p (CPU %d)\n" for a thread in TDS_RUNNING, the same without " (CPU %d)" for the others.
// - sys/ddb/db_sym.c db_printsym(): "name" then "+%+#lr" offset (only when non-zero), then
//   " [file:line]" when line info exists; "%#lr" (a bare address) when there is no symbol;
//   with options DDB_NUMSYM the name is preceded by "0x... = ".

import type { Frame, StackParser, Thread } from '../model.js';
import { splitLines, toInt, UNNAMED } from './common.js';

// Also chunk cut points (chunk-cut.ts): a thread's trace stays in one chunk with its header.
export const TRACING_ALL =
  /^Tracing command (.*) pid (\d+) tid (\d+) td (0x[0-9a-fA-F]+)(?: \(CPU (\d+)\))?\s*$/;
export const TRACING_ONE = /^Tracing pid (-?\d+) tid (\d+) td (0x[0-9a-fA-F]+)\s*$/;
const FRAME_LINE =
  /^(\S+?)\([^()]*\) at (?:(0x[0-9a-fA-F]+) = )?([^\s+/[]+)(?:\+(0x[0-9a-fA-F]+|0))?(?: \[([^\]:]+):(\d+)\])?(?:\/frame (0x[0-9a-fA-F]+))?\s*$/;
/** `--- trap 0xc, rip = ...`, `--- syscall (...)`, `--- interrupt, ...` separators. */
export const DDB_SEPARATOR =
  /^--- (?:trap|syscall|interrupt|exception|system error|unhandled exception|invalid trapframe)\b/;
/**
 * The register lines old arm64 ddb printed under each frame, then a blank line (sys/arm64/arm64/db_trace.c
 * db_stack_trace_cmd() before the trapframe rework: "\t pc = 0x%016lx  lr = 0x%016lx\n", "\t sp = 0x%016lx
 * fp = 0x%016lx\n", "\n"): part of the frame above, not the end of the trace.
 */
export const OLD_ARM64_FRAME_REGISTERS = /^(?:pc|sp) = 0x[0-9a-fA-F]+\s/;

/** Parse one trimmed `func() at func+0xoff/frame 0x...` line; undefined when the line is not a frame. */
export function parseDdbFrameLine(line: string): Frame | undefined {
  const m = FRAME_LINE.exec(line);
  if (!m) return undefined;
  const sym = m[3] as string;
  // The frame's function is the name before `()` (db_print_stack_entry's `name`, `??` (UNNAMED)
  // when the pc has no symbol, and then db_printsym() prints the bare address after `at`); on amd64
  // the symbol after `at` is the same function, older arm64 ddb printed the return address's symbol
  // there (`db_trace_self() at db_trace_self_wrapper+0x30`), another function's name. arm64's
  // db_stack_trace_cmd() (sys/arm64/arm64/db_trace.c) names a pc without a symbol `(null)`.
  const caller = m[1] as string;
  const frame: Frame = { fn: caller === '(null)' ? UNNAMED : caller };
  if (/^0x[0-9a-fA-F]+$/.test(sym)) frame.address = sym;
  if (m[2] !== undefined) frame.address = m[2];
  // Old arm64's `name() at other+0x30`: the offset and line are the return address's, in `other`.
  if (sym !== caller && frame.fn !== UNNAMED) return frame;
  if (m[4] !== undefined) frame.offset = m[4];
  if (m[5] !== undefined) frame.file = m[5];
  if (m[6] !== undefined) frame.line = Number(m[6]);
  return frame;
}

function stripPagerNoise(line: string): string {
  // db_pager() prints "--More--" and waits for a key; a captured console keeps it in the text.
  return line.replace(/--More--\s*/g, '');
}

/** The thread a `Tracing ...` line starts, or undefined for any other line. */
function tracingLine(line: string): Thread | undefined {
  const all = TRACING_ALL.exec(line);
  if (all) {
    const t: Thread = {
      pid: toInt(all[2]),
      tid: toInt(all[3]),
      comm: all[1] as string,
      frames: [],
      format: 'freebsd-ddb',
    };
    // A thread on a CPU (TDS_RUNNING) is running, not asleep.
    if (all[5] !== undefined) t.state = 'R';
    return t;
  }
  const one = TRACING_ONE.exec(line);
  return one
    ? { pid: toInt(one[1]), tid: toInt(one[2]), comm: '', frames: [], format: 'freebsd-ddb' }
    : undefined;
}

export const freebsdDdbParser: StackParser = {
  format: 'freebsd-ddb',
  matches(text: string): boolean {
    return text.includes('Tracing ');
  },
  parse(text: string): Thread[] {
    const threads: Thread[] = [];
    let current: Thread | undefined;
    for (const raw of splitLines(text)) {
      const line = stripPagerNoise(raw).trim();
      const started = tracingLine(line);
      if (started) {
        current = started;
        threads.push(current);
        continue;
      }
      if (!current) continue;
      if (line === '' || DDB_SEPARATOR.test(line) || OLD_ARM64_FRAME_REGISTERS.test(line)) continue;
      const frame = parseDdbFrameLine(line);
      if (frame) {
        current.frames.push(frame);
        continue;
      }
      // Anything else (a db> prompt with a new command, console noise) ends this thread.
      current = undefined;
    }
    return threads;
  },
};
