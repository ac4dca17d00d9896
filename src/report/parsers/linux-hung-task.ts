// Linux hung-task reports and sysrq task dumps (sysrq-t "Show State", sysrq-w "Show Blocked State").
//
// Format, from torvalds/linux (6.12):
// - kernel/hung_task.c check_hung_task(): pr_err("INFO: task %s:%d blocked for more than %ld
//   seconds.\n", comm, pid, secs); pr_err("      %s %s %.*s\n", print_tainted(), release,
//   version up to its first space); pr_err("\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\"
//   disables this message.\n"); then sched_show_task(t).
// - kernel/sched/core.c sched_show_task(): "task:%-15.15s state:%c" comm and state letter,
//   "  running task    " for a running task, then " stack:%-5lu pid:%-5d tgid:%-5d ppid:%-6d
//   flags:0x%08lx\n" (tgid since 6.7, `task_flags:` since 6.15 — the fields are read by name),
//   then show_stack(): the Call Trace block (linux-call-trace.ts).
// - drivers/tty/sysrq.c: "sysrq: Show State" / "sysrq: Show Blocked State" before the dumps.
// Only the hung-task detector's tasks are format `linux-hung-task`; other task dumps are
// `linux-sysrq`. Unreliable (`? `) frames are skipped.

import type { StackParser, Thread } from '../model.js';
import { splitLines, stripPrintkPrefix, toInt } from './common.js';
import { CALL_TRACE, readCallTrace } from './linux-call-trace.js';

const HUNG = /^INFO: task (.+):(\d+) blocked for more than (\d+) seconds\.\s*$/;
const TASK = /^task:(.+?)\s+state:(\S)(.*)$/;

export const linuxHungTaskParser: StackParser = {
  format: 'linux-hung-task',
  matches(text: string): boolean {
    return splitLines(text).some((l) => {
      const line = stripPrintkPrefix(l).trim();
      return HUNG.test(line) || TASK.test(line);
    });
  },
  parse(text: string): Thread[] {
    const lines = splitLines(text);
    const threads: Thread[] = [];
    let hung: { comm: string; pid: number } | undefined;
    let task: Thread | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = stripPrintkPrefix(lines[i] as string).trim();
      const h = HUNG.exec(line);
      if (h) {
        hung = { comm: h[1] as string, pid: Number(h[2]) };
        task = undefined;
        continue;
      }
      const t = TASK.exec(line);
      if (t) {
        const fields = t[3] as string;
        const pid = toInt(/\bpid:\s*(\d+)/.exec(fields)?.[1]);
        const tgid = toInt(/\btgid:\s*(\d+)/.exec(fields)?.[1]);
        const isHung = hung !== undefined && pid === hung.pid;
        task = {
          pid: tgid ?? pid,
          tid: pid,
          comm: (t[1] as string).trimEnd(),
          state: t[2] as string,
          frames: [],
          format: isHung ? 'linux-hung-task' : 'linux-sysrq',
        };
        // sched_show_task prints at most 15 characters of comm; the INFO line has all of it.
        if (isHung && hung) task.comm = hung.comm;
        hung = undefined;
        continue;
      }
      if (task && CALL_TRACE.test(line)) {
        const trace = readCallTrace(lines, i);
        task.frames = trace.frames;
        threads.push(task);
        task = undefined;
        i = trace.end - 1;
      }
    }
    return threads;
  },
};
