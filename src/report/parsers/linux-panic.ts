// Linux kernel panics on the console (e.g. `echo c > /proc/sysrq-trigger`, hung_task_panic, an oops
// with panic_on_oops), with the panicking task's Call Trace.
//
// Format, from torvalds/linux (6.12):
// - kernel/panic.c panic(): pr_emerg("Kernel panic - not syncing: %s\n", buf), then
//   dump_stack() unless an oops already printed one (test_taint(TAINT_DIE)), ..., and last
//   pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf).
// - lib/dump_stack.c dump_stack_print_info(): "CPU: %d UID: %u PID: %d Comm: %.20s %s%s %s %.*s"
//   (UID since 6.10), then "Hardware name: ...", then the Call Trace block (linux-call-trace.ts).
// - drivers/tty/sysrq.c sysrq_handle_crash(): "sysrq: Trigger a crash" then
//   panic("sysrq triggered crash\n").
// - arch/x86/kernel/dumpstack.c __die()/show_regs(): an oops prints "Oops: ...", the CPU line,
//   "RIP: 0010:func+0xoff/0xsize" and its own Call Trace before panic("Fatal exception").

import type { Frame, KernelPanic, StackParser, Thread } from '../model.js';
import { parseSymbol, splitLines, stripPrintkPrefix, toInt } from './common.js';
import { CALL_TRACE, readCallTrace } from './linux-call-trace.js';

const PANIC = /^Kernel panic - not syncing: (.*?)\s*$/;
const END = /^---\[ end Kernel panic - not syncing: (.*) \]---\s*$/;
const CPU_LINE = /^CPU: (\d+) (?:UID: \d+ )?PID: (\d+) Comm: (.*?) (?:Not tainted|Tainted:)/;
const KERNEL_RIP = /^RIP: 0010:(\S+)/;

interface Block {
  /** Line index of the `CPU: ... Comm:` header. */
  header: number;
  pid?: number;
  comm: string;
  cpu?: number;
  rip?: Frame;
  frames: Frame[];
}

/** Every `CPU: N ... PID: N Comm: X` header with the Call Trace that follows it. */
function blocks(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = stripPrintkPrefix(lines[i] as string).trim();
    const cpu = CPU_LINE.exec(line);
    if (cpu) {
      current = { header: i, cpu: Number(cpu[1]), pid: toInt(cpu[2]), comm: cpu[3] as string, frames: [] };
      out.push(current);
      continue;
    }
    if (!current) continue;
    const rip = KERNEL_RIP.exec(line);
    if (rip && current.frames.length === 0) {
      const frame = parseSymbol(rip[1] as string);
      if (frame) current.rip = frame;
      continue;
    }
    if (CALL_TRACE.test(line) && current.frames.length === 0) {
      const trace = readCallTrace(lines, i);
      current.frames = trace.frames;
      i = trace.end - 1;
      current = undefined;
    }
  }
  return out;
}

/** The first panic in the text: its message and the panicking task's stack. */
export function extractLinuxPanic(text: string): KernelPanic | undefined {
  const lines = splitLines(text);
  const stripped = lines.map((l) => stripPrintkPrefix(l).trim());
  const at = stripped.findIndex((l) => PANIC.test(l));
  if (at < 0) return undefined;
  const message = (PANIC.exec(stripped[at] as string)?.[1] as string).trim();
  const end = stripped.findIndex((l, i) => i > at && END.test(l));
  const all = blocks(lines);
  // panic()'s own dump_stack() comes after the panic line; after an oops it is skipped and the
  // oops's dump (just before) is the panicking task's.
  const own = all.find((b) => b.header > at && (end < 0 || b.header < end));
  const before = [...all].reverse().find((b) => b.header < at);
  const block = own ?? before;
  const panic: KernelPanic = { os: 'linux', message, threads: [] };
  if (block) {
    const thread: Thread = { comm: block.comm, frames: [...block.frames], format: 'linux-panic' };
    if (block.pid !== undefined) {
      thread.pid = block.pid;
      thread.tid = block.pid;
    }
    // An oops's faulting function is in RIP, not in the Call Trace.
    if (!own && block.rip) thread.frames.unshift(block.rip);
    panic.threads.push(thread);
    if (block.cpu !== undefined) panic.cpu = block.cpu;
  }
  return panic;
}

export const linuxPanicParser: StackParser = {
  format: 'linux-panic',
  matches(text: string): boolean {
    return splitLines(text).some((l) => PANIC.test(stripPrintkPrefix(l).trim()));
  },
  parse(text: string): Thread[] {
    return extractLinuxPanic(text)?.threads.filter((t) => t.frames.length > 0) ?? [];
  },
};
