// Linux hung-task reports and sysrq task dumps (sysrq-t "Show State", sysrq-w "Show Blocked State"),
// in the forms of every kernel era.
//
// Format, from torvalds/linux:
// - kernel/hung_task.c check_hung_task(): pr_err("INFO: task %s:%d blocked for more than %ld
//   seconds.\n", comm, pid, secs); since the commit "hung_task: explicitly report I/O wait state in
//   log output" "blocked%s for more than" with " in I/O wait" for a task waiting for I/O; then the
//   taint/release line, the "echo 0 > ..." hint, then sched_show_task(t).
// - kernel/sched/core.c sched_show_task(), since 5.9 (commit 0f03d6805bfc): "task:%-15.15s state:%c"
//   then " stack:%-5lu pid:%-5d tgid:%-5d ppid:%-6d flags:0x%08lx\n" (tgid since 6.7, fields are
//   read by name). Before 5.9: "%-15.15s %c" comm and state letter, then the free stack as "%5lu"
//   (glued to the letter when wide: `D23520`), " %5d %6d 0x%08lx\n" pid, ppid, flags; kernels
//   before 4.x also printed the saved pc (`D ffff8800a1b2c3d4     0  1234      1 0x00000000`).
// - then show_stack(): the Call Trace block (linux-call-trace.ts).
// - drivers/tty/sysrq.c: "sysrq: Show State" / "sysrq: Show Blocked State" before the dumps.
// Only the hung-task detector's tasks are format `linux-hung-task`; other task dumps are
// `linux-sysrq`. Unreliable (`? `) frames are skipped.

import type { StackParser, Thread } from '../model.js';
import { splitLines, toInt } from './common.js';
import { CALL_TRACE, isFrameLine, readCallTrace } from './linux-call-trace.js';

export const HUNG = /^INFO: task (.+):(\d+) blocked(?: in I\/O wait)? for more than (\d+) seconds\.\s*$/;
export const TASK = /^task:(.+?)\s+state:(\S)(.*)$/;
// RHEL 6 kernels print one more number (the thread group) before the flags.
// A running task prints " running  " (32-bit) or "  running task    " (64-bit) where the others print
// their saved pc (kernel/sched/core.c sched_show_task() before 4.14); 4.x's TASK_STATE_TO_CHAR_STR
// "RSDTtXZxKWPNn" adds `x` (dead) and `n` (new) to the letters. Also a chunk's cut point
// (chunk-cut.ts): a task line and its trace stay in one chunk.
export const OLD_TASK =
  /^(\S.{0,14}?)\s+([RSDTtXxZPIKWNn])(?:\s+[0-9a-f]{8,16}|\s+running(?: task)?)?\s*(\d+)\s+(\d+)\s+(\d+)(?:\s+\d+)?\s+0x[0-9a-f]+\s*$/;
/** How far a Call Trace may be from its task line (old kernels printed raw stack words between). */
const MAX_GAP = 40;

export const linuxHungTaskParser: StackParser = {
  format: 'linux-hung-task',
  matches(text: string): boolean {
    return /INFO: task |task:|Call Trace|Call trace|Backtrace:/.test(text);
  },
  parse(text: string): Thread[] {
    return parseHungTaskLines(splitLines(text));
  },
};

/** Every task dump in the clean lines. */
export function parseHungTaskLines(lines: readonly string[]): Thread[] {
  const threads: Thread[] = [];
  let hung: { comm: string; pid: number } | undefined;
  let task: Thread | undefined;
  let taskLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    const h = line.startsWith('INFO: task ') ? HUNG.exec(line) : null;
    if (h) {
      hung = { comm: h[1] as string, pid: Number(h[2]) };
      task = undefined;
      continue;
    }
    const next = taskOf(line, hung);
    if (next) {
      task = next;
      taskLine = i;
      if (next.format === 'linux-hung-task') hung = undefined;
      continue;
    }
    if (task && i - taskLine > MAX_GAP) task = undefined;
    // 32-bit ARM prints the frames right after the task line (or a `Workqueue:` line), no header.
    const headerless =
      task !== undefined && !CALL_TRACE.test(line) && line.includes(' from ') && isFrameLine(line);
    if (task && (CALL_TRACE.test(line) || headerless)) {
      const trace = readCallTrace(lines, headerless ? i - 1 : i);
      task.frames = trace.frames;
      threads.push(task);
      task = undefined;
      i = trace.end - 1;
    }
  }
  return threads;
}

/** The task a sched_show_task() line names (either era's form), or undefined for any other line. */
export function taskLine(line: string): Thread | undefined {
  return taskOf(line, undefined);
}

function taskOf(line: string, hung: { comm: string; pid: number } | undefined): Thread | undefined {
  const t = line.startsWith('task:') ? TASK.exec(line) : null;
  if (t) {
    const fields = t[3] as string;
    const pid = toInt(/\bpid:\s*(\d+)/.exec(fields)?.[1]);
    const tgid = toInt(/\btgid:\s*(\d+)/.exec(fields)?.[1]);
    return makeTask((t[1] as string).trimEnd(), t[2] as string, pid, tgid, hung);
  }
  const o = line.includes(' 0x') ? OLD_TASK.exec(line) : null;
  if (o) return makeTask((o[1] as string).trimEnd(), o[2] as string, toInt(o[4]), undefined, hung);
  return undefined;
}

function makeTask(
  comm: string,
  state: string,
  pid: number | undefined,
  tgid: number | undefined,
  hung: { comm: string; pid: number } | undefined,
): Thread {
  const isHung = hung !== undefined && pid === hung.pid;
  const task: Thread = { comm, state, frames: [], format: isHung ? 'linux-hung-task' : 'linux-sysrq' };
  if (pid !== undefined) {
    task.pid = tgid ?? pid;
    task.tid = pid;
  }
  // sched_show_task prints at most 15 characters of comm; the INFO line has all of it.
  if (isHung && hung) task.comm = hung.comm;
  return task;
}
