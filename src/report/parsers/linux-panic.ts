// Linux crash reports on the console: oopses, KASAN/UBSAN/KMSAN reports, WARNINGs, soft lockups, RCU
// stalls, and kernel panics, each with the crashing task's stack and a syzkaller-style title
// (`general protection fault in udp_close`). The first report in the text is the one that counts
// (a `Kernel panic - not syncing: Fatal exception` after an oops is that oops's consequence), as in
// syzkaller pkg/report. What starts a report is a table: linux-report-kinds.ts.
//
// Around the header, from torvalds/linux:
// - lib/dump_stack.c dump_stack_print_info(): "CPU: %d UID: %u PID: %d Comm: %.20s %s%s %s %.*s"
//   (UID since 6.10; before 4.x "Pid: %d, comm: %.20s"), then "Hardware name: ...", then the Call Trace
//   block (linux-call-trace.ts);
// - arch/x86/kernel/process_64.c __show_regs() / dumpstack.c show_ip(): "RIP: %04x:%pS" (before 4.x
//   "RIP: [<%016lx>] %pS" or "IP: [<...>] %pS"); i386 "EIP: %pS" (before 4.x "EIP is at %pS"); arm64
//   __show_regs(): "pc : %pS"; riscv arch/riscv/kernel/process.c show_regs(): "epc : %pS" (5.10 printed
//   "epc: " REG_FMT, a bare address);
//   arch/powerpc/kernel/process.c show_regs(): "NIP [%016lx] %pS".
// - kernel/panic.c panic(): "Kernel panic - not syncing: %s", its own dump_stack() unless an oops printed
//   one, and "---[ end Kernel panic - not syncing: %s ]---".
// - kernel/hung_task.c: with hung_task_panic, panic("hung_task: blocked tasks") follows the hung task's
//   report; the hung task names the bug, not the panic.

import { crashFunction, crashTitle } from '../crash-title.js';
import { isLinuxCrashMachinery, isStallDetector, isTimerInterruptEntry } from '../frame-classes.js';
import type { Frame, KernelPanic, StackParser, Thread } from '../model.js';
import { hangTitle, pickHungThread } from '../signature.js';
import { parseSymbol, splitLines, toInt } from './common.js';
import { CALL_TRACE, type CallTrace, isFrameLine, readCallTrace } from './linux-call-trace.js';
import { parseHungTaskLines, taskLine } from './linux-hung-task.js';
import { LINUX_REPORT_KINDS, type LinuxReportKind, REPORT_HINT } from './linux-report-kinds.js';

const CPU_LINE = /^CPU: (\d+) (?:UID: \d+ )?PID: (\d+) Comm: (.*?) (?:Not tainted|Tainted:)/;
const OLD_PID_LINE = /^Pid: (?<pid>\d+), comm: (?<comm>\S+)/;
/** arm and arm64 __die() before 5.x: "Process %.*s (pid: %d, stack limit = 0x%p)" (arch/arm/kernel/traps.c, arch/arm64/kernel/traps.c). */
const PROCESS_LINE = /^Process (?<comm>.+?) \(pid: (?<pid>\d+), stack limit = /;
const PC_LINE =
  /^(?:RIP|EIP is at|EIP|NIP|IP|pc|PC is at|epc)\s?:? ?(?:[0-9a-f]{4}:)?(?:\[<?[0-9a-f]+>?\]\s*)?(?:\[<[0-9a-f]+>\]\s*)?([A-Za-z_][\w.]*\+0x[0-9a-fA-F]+(?:\/0x[0-9a-fA-F]+)?)/;
const LOCK_AT = / at: (?:\[<[0-9a-f]+>\]\s*)?([A-Za-z_][\w.]*)\+0x/;
const TRYING = /is trying to acquire|just changed the state of lock|takes:|is trying to release/;
const END_TRACE = /^---\[ end trace/;
const PANIC_LINE = /^Kernel panic - not syncing: (.*?)\s*$/;
/** How many lines a report's parts (pc, trace) may be from its header. */
const REPORT_SPAN = 300;

/** The first report start in the lines: where and which kind. */
function findStart(
  lines: readonly string[],
): { at: number; kind: LinuxReportKind; m: RegExpExecArray } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (!REPORT_HINT.test(line)) continue;
    for (const kind of LINUX_REPORT_KINDS) {
      const m = kind.start.exec(line);
      if (m) return ownHeader(lines, i, kind, m);
    }
  }
  return undefined;
}

/**
 * A symbolized header (scripts/decode_stacktrace.sh, syzbot) is printed once per function inlined
 * at its pc, innermost first, each but the last ending in `[inline]`: the last one is the header
 * the kernel printed, naming the function the pc is really in.
 */
function ownHeader(
  lines: readonly string[],
  at: number,
  kind: LinuxReportKind,
  m: RegExpExecArray,
): { at: number; kind: LinuxReportKind; m: RegExpExecArray } {
  let i = at;
  let match = m;
  while ((lines[i] as string).trimEnd().endsWith(' [inline]') && i + 1 < lines.length) {
    const next = kind.start.exec((lines[i + 1] as string).trim());
    if (!next) break;
    i++;
    match = next;
  }
  return { at: i, kind, m: match };
}

interface Parts {
  pc?: Frame;
  frames: Frame[];
  /** The pcs of interrupted contexts printed inside the trace (CallTrace.pcs). */
  tracePcs: CallTrace['pcs'];
  comm: string;
  pid?: number;
  cpu?: number;
  lockFn?: string;
}

/** The crashing task's CPU line, pc and first Call Trace after the header. */
function readParts(lines: readonly string[], at: number, wantLock: boolean): Parts {
  const parts: Parts = { frames: [], tracePcs: [], comm: '' };
  let sawTrying = false;
  let traced = false;
  const end = Math.min(lines.length, at + REPORT_SPAN);
  for (let i = Math.max(0, at - 3); i < end; i++) {
    const line = (lines[i] as string).trim();
    if (i > at && END_TRACE.test(line)) break;
    const cpu = CPU_LINE.exec(line);
    if (cpu && parts.cpu === undefined && !traced) {
      parts.cpu = Number(cpu[1]);
      parts.pid = toInt(cpu[2]);
      parts.comm = cpu[3] as string;
      continue;
    }
    const old = (OLD_PID_LINE.exec(line) ?? PROCESS_LINE.exec(line))?.groups;
    if (old && parts.pid === undefined) {
      parts.pid = toInt(old.pid);
      parts.comm = old.comm as string;
      continue;
    }
    // An RCU stall names the stalled CPU's task in "Task dump for CPU %d:" and a sched_show_task() line
    // (kernel/rcu/tree_stall.h rcu_dump_cpu_stacks() -> dump_cpu_task(), kernel/sched/core.c).
    if (
      parts.pid === undefined &&
      i > at &&
      /^Task dump for CPU \d+:/.test((lines[i - 1] as string).trim())
    ) {
      const task = taskLine(line);
      if (task?.pid !== undefined) {
        parts.pid = task.pid;
        parts.comm = task.comm;
        continue;
      }
    }
    if (i < at) continue;
    if (wantLock && parts.lockFn === undefined) {
      if (TRYING.test(line)) sawTrying = true;
      const lock = sawTrying ? LOCK_AT.exec(line) : null;
      if (lock) parts.lockFn = lock[1] as string;
    }
    const pc = !traced && parts.pc === undefined ? PC_LINE.exec(line) : null;
    if (pc) {
      const frame = parseSymbol(pc[1] as string);
      if (frame) parts.pc = frame;
      continue;
    }
    if (!traced && CALL_TRACE.test(line)) {
      const trace = readCallTrace(lines, i);
      parts.frames = trace.frames;
      parts.tracePcs = trace.pcs;
      traced = true;
      i = trace.end - 1;
      if (!wantLock || parts.lockFn !== undefined) break;
    }
  }
  // KMSAN and some KASAN reports print the frames right under the header, without `Call Trace:`.
  if (!traced && at + 1 < lines.length && isFrameLine(lines[at + 1] as string)) {
    const trace = readCallTrace(lines, at);
    parts.frames = trace.frames;
    parts.tracePcs = trace.pcs;
  }
  return parts;
}

/**
 * A stall is detected from the timer interrupt: the frames of the interrupted code (after the last
 * interrupt-entry frame) say where the CPU was looping; the pc, when printed, is the innermost one.
 */
function interrupted(parts: Parts): (Frame | undefined)[] {
  let last = -1;
  parts.frames.forEach((f, i) => {
    if (isTimerInterruptEntry(f.fn)) last = i;
  });
  // The interrupted context's registers, printed inside the trace after the interrupt's entry, hold its pc.
  const pc = parts.tracePcs.find((p) => p.before > last)?.frame;
  return [parts.pc, pc, ...parts.frames.slice(last + 1)];
}

/** The first crash report in the clean lines. */
export function extractLinuxReport(lines: readonly string[]): KernelPanic | undefined {
  const start = findStart(lines);
  if (!start) return undefined;
  const { at, kind, m } = start;
  const header = (lines[at] as string).trim();
  // The message is what panic() printed when the report ended in one (`Fatal exception`), else the header.
  let message = kind.panic ? (m[1] as string) : header;
  if (!kind.panic) {
    for (let i = at + 1; i < lines.length && i < at + 3 * REPORT_SPAN; i++) {
      const p = PANIC_LINE.exec((lines[i] as string).trim());
      if (p) {
        message = p[1] as string;
        break;
      }
    }
  }
  const panic: KernelPanic = { os: 'linux', message, threads: [] };

  if (kind.panic && /^hung_task: blocked tasks/.test(message)) {
    // The hung task's report came first; it is the bug.
    const hung = pickHungThread(parseHungTaskLines(lines.slice(Math.max(0, at - 2000), at)));
    const title = hung ? hangTitle(hung) : undefined;
    if (hung) panic.threads.push(hung);
    if (title !== undefined) panic.title = title;
    return panic;
  }

  let parts = readParts(lines, at, kind.func === 'lock');
  if (kind.panic && parts.frames.length === 0 && parts.pid === undefined) {
    // After an oops (an unknown kind of one) panic() prints no stack of its own: the oops's dump is the task's.
    // A panic that printed its own task line is that task's, even when the capture ended before its trace.
    for (let i = at - 1; i >= 0 && i > at - REPORT_SPAN; i--) {
      if (CPU_LINE.test((lines[i] as string).trim())) {
        parts = readParts(lines, i, false);
        break;
      }
    }
  }
  const frames =
    parts.pc && parts.pc.fn !== parts.frames[0]?.fn ? [parts.pc, ...parts.frames] : [...parts.frames];
  const thread: Thread = { comm: parts.comm, frames, format: 'linux-panic' };
  if (parts.pid !== undefined) {
    thread.pid = parts.pid;
    thread.tid = parts.pid;
  }
  if (frames.length > 0 || parts.pid !== undefined) panic.threads.push(thread);
  if (parts.cpu !== undefined) panic.cpu = parts.cpu;

  const headerFn = kind.headerFunc === undefined ? undefined : (m[kind.headerFunc] as string);
  let fn: string | undefined;
  if (kind.func === 'stack') fn = crashFunction([headerFn, ...frames], isLinuxCrashMachinery);
  // Only the detector's own frames (the trace was cut before the interrupt): the stall's function is unknown.
  // The pc a stall report prints (the watchdog's show_regs() of the interrupted context, an NMI
  // backtrace's "pc : ") is the innermost frame of the interrupted code.
  else if (kind.func === 'stall') fn = crashFunction(interrupted(parts), isStallDetector, 'none');
  else if (kind.func === 'lock') fn = parts.lockFn ?? crashFunction(frames, isLinuxCrashMachinery);
  panic.title = crashTitle(
    kind.title(
      m,
      lines.slice(at + 1, at + 13).map((l) => l.trim()),
    ),
    fn,
  );
  return panic;
}

/** The first panic or crash report in the text: its message, title and the crashing task's stack. */
export function extractLinuxPanic(text: string): KernelPanic | undefined {
  return extractLinuxReport(splitLines(text));
}

export const linuxPanicParser: StackParser = {
  format: 'linux-panic',
  matches(text: string): boolean {
    return REPORT_HINT.test(text);
  },
  parse(text: string): Thread[] {
    return (
      extractLinuxPanic(text)?.threads.filter((t) => t.frames.length > 0 && t.format === 'linux-panic') ?? []
    );
  },
};
