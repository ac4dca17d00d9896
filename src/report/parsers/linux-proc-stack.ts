// Linux `/proc/PID/stack` (and `/proc/PID/task/TID/stack`), plain or framed by the guest watchdog.
//
// Format, from torvalds/linux fs/proc/base.c proc_pid_stack(): one line a frame,
// seq_printf(m, "[<0>] %pB\n", ...): the address is hidden as 0 since 4.16 (older kernels print it),
// %pB (lib/vsprintf.c) is "func+0xoff/0xsize" plus " [module]" for module text. The trace is
// saved with stack_trace_save_tsk(), which skips the scheduler's own frames.
//
// The guest watchdog (docs/guest-protocol.md, "Capture, Linux") prints before each task's lines:
//   @@fg:NONCE:task:PID:TID:STATE:PROGRESS:WCHAN:COMM@@
// STATE is the letter of /proc/PID/task/TID/stat, PROGRESS utime+stime plus finished read/write calls (Thread.cpuTicks), WCHAN /proc/.../wchan
// (`0` when not sleeping), COMM last because it may hold `:`. Samples are framed by
// `@@fg:NONCE:sample:N:begin@@` ... `@@fg:NONCE:sample:N:end@@`.

import type { StackParser, Thread } from '../model.js';
import { parseSymbol, splitLines, toInt } from './common.js';
import { CALL_TRACE } from './linux-call-trace.js';

const STACK_LINE = /^\[<([0-9a-fA-Fx]+)>\] (\? )?(\S+)(?: \[([^\]\s]+)(?: [0-9a-f]+)?\])?\s*$/;
const TASK_MARKER = /^@@fg:([a-z0-9]+):task:(\d+):(\d+):([^:]*):(\d*):([^:]*):(.*)@@\s*$/;
const SAMPLE_BEGIN = /^@@fg:[a-z0-9]+:sample:(\d+):begin@@\s*$/;
const SAMPLE_END = /^@@fg:[a-z0-9]+:sample:(\d+):end@@\s*$/;
const PROC_PATH = /\/proc\/(\d+)(?:\/task\/(\d+))?\/stack\b/;
const LOCKDEP_CHAIN_ENTRY = /^-> #\d+ .*:$/;
/** A frame line as the kernel's log has it: printk's "[%5lu.%06lu]" (and caller id) right before `[<`. */
const PRINTK_STAMPED_FRAME = /\[\s*\d+\.\d+\](?:\[\s*[TC]\d+\])?\s+\[</;
/**
 * Lines inside a `Call Trace:` block that are no frame: register lines, `Code:`, the stack marks
 * (`<IRQ>`, `</TASK>`; 3.x print_trace_stack() printed " <%s> " of `<EOE>` and `#DB`, so `<<EOE>>`, `<#DB>`).
 */
const TRACE_BODY = /^(?:RIP|RSP|RAX|RDX|RBP|R\d\d|Code|<{1,2}\/?#?\w+>)/;

/**
 * Older kernels ended a saved trace with ULONG_MAX, and proc_pid_stack() printed it like a frame:
 * `[<ffffffffffffffff>] 0xffffffffffffffff` (`[<0>] 0xffffffffffffffff` once addresses were
 * hidden). It marks the end of the stack; it is no frame.
 */
const END_MARKER = /^0x(?:ffffffff){1,2}$/i;

/** One trimmed line as a /proc stack frame, or undefined. */
function parseStackLine(line: string): ReturnType<typeof parseSymbol> {
  const m = STACK_LINE.exec(line);
  if (!m || END_MARKER.test(m[3] as string)) return undefined;
  const frame = parseSymbol(m[3] as string);
  if (!frame) return undefined;
  if (!/^0+$/.test(m[1] as string)) frame.address = m[1] as string;
  if (m[4] !== undefined) frame.module = m[4];
  return frame;
}

/**
 * Parse framed watchdog captures (or plain stack files) into threads. `sample` tags every thread
 * when the text is one sample; otherwise the sample markers in the text decide.
 */
function parseAll(text: string, sample?: number): Thread[] {
  const threads: Thread[] = [];
  let current: Thread | undefined;
  let currentSample = sample;
  let pendingPath: { pid?: number; tid?: number } | undefined;
  /** The current thread came from a watchdog task marker. */
  let framed = false;
  /**
   * Inside a console `Call Trace:` block: before 4.x its frames look like /proc/PID/stack lines
   * (`[<ffffffff81234567>] func+0x12/0x34`), but they belong to the task dump (linux-hung-task.ts).
   */
  let inCallTrace = false;
  /**
   * The previous line ended in ` at:` (`Preemption disabled at:`, kernel/sched/core.c
   * __schedule_bug() and __might_resched(), then print_ip_sym()'s `[<addr>] func+0x../0x..`) or
   * was a lockdep chain entry (`-> #1 (lock){...}:`, kernel/locking/lockdep.c
   * print_circular_bug_entry(), then the lock's trace, `[<addr>] func` before 4.x): those frames
   * belong to the message, they are no /proc stack.
   */
  let afterAt = false;
  const lines = splitLines(text);
  // The raw lines, when they line up with the clean ones, to see the printk time a frame carried.
  const raws = text.split('\n');
  const aligned = raws.length === lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    const c = line.charCodeAt(0);
    // Neither a marker (`@@fg:`), a frame (`[<`), a header naming a /proc path, nor a Call Trace
    // header: it only ends what came before.
    if (c !== 64 && c !== 91 && c !== 67 && !line.includes('/proc/')) {
      if (framed) continue;
      if (inCallTrace && !TRACE_BODY.test(line)) inCallTrace = false;
      pendingPath = undefined;
      current = undefined;
      afterAt = line.endsWith(' at:') || LOCKDEP_CHAIN_ENTRY.test(line);
      continue;
    }
    // A watchdog marker is the guest's own output: whatever kernel report came before is over.
    if (c === 64) {
      inCallTrace = false;
      afterAt = false;
    }
    const begin = SAMPLE_BEGIN.exec(line);
    if (begin) {
      currentSample = sample ?? Number(begin[1]);
      current = undefined;
      framed = false;
      continue;
    }
    if (SAMPLE_END.test(line)) {
      currentSample = sample;
      current = undefined;
      framed = false;
      continue;
    }
    const task = TASK_MARKER.exec(line);
    if (task) {
      current = {
        pid: toInt(task[2]),
        tid: toInt(task[3]),
        comm: task[7] as string,
        frames: [],
        format: 'linux-proc-stack',
      };
      if (task[4] !== '') current.state = task[4];
      const ticks = toInt(task[5]);
      if (ticks !== undefined) current.cpuTicks = ticks;
      if (task[6] !== '' && task[6] !== '0') current.wchan = task[6];
      if (currentSample !== undefined) current.sample = currentSample;
      threads.push(current);
      framed = true;
      continue;
    }
    if (line.startsWith('@@fg:')) {
      // Any other marker (test end, command end) closes the capture.
      current = undefined;
      framed = false;
      continue;
    }
    if (!framed && CALL_TRACE.test(line)) {
      inCallTrace = true;
      current = undefined;
      continue;
    }
    const frame = parseStackLine(line);
    // A run of frames under such a line is skipped to its end; any other line ends the run. A frame
    // the kernel's log printed (a printk time right before it) is a report's trace, whose header
    // lies above the text (a quote cut mid-trace), never a /proc stack file.
    if (frame && (inCallTrace || (afterAt && !current))) continue;
    if (frame && !framed && !current && aligned && PRINTK_STAMPED_FRAME.test(raws[i] as string)) {
      inCallTrace = true;
      continue;
    }
    afterAt = false;
    if (inCallTrace && !TRACE_BODY.test(line)) inCallTrace = false;
    if (frame) {
      if (!current) {
        current = { comm: '', frames: [], format: 'linux-proc-stack' };
        if (pendingPath?.pid !== undefined) current.pid = pendingPath.pid;
        if (pendingPath?.tid !== undefined) current.tid = pendingPath.tid;
        if (currentSample !== undefined) current.sample = currentSample;
        threads.push(current);
      }
      current.frames.push(frame);
      continue;
    }
    // A framed task runs to the next marker: kernel messages may interleave on the console.
    if (framed) continue;
    // A line naming the file (`==> /proc/123/stack <==`, `/proc/123/task/124/stack:`) starts a
    // new plain thread; any other line ends the current plain one.
    const path = PROC_PATH.exec(line);
    pendingPath = path ? { pid: toInt(path[1]), tid: toInt(path[2] ?? path[1]) } : undefined;
    current = undefined;
  }
  return threads;
}

/** One watchdog sample (the text between its begin and end markers, or a whole capture). */
export function parseWatchdogLinuxSample(text: string, sample?: number): Thread[] {
  return parseAll(text, sample);
}

export const linuxProcStackParser: StackParser = {
  format: 'linux-proc-stack',
  matches(text: string): boolean {
    return text.includes('[<') || text.includes('@@fg:');
  },
  parse(text: string): Thread[] {
    return parseAll(text);
  },
};
