// Kills of the mutation survivors of src/report/parsers/linux-hung-task.ts (issue 16): the task lines of
// kernel/sched/core.c sched_show_task() before 4.14: "%-15.15s %c" then, on 64-bit, "  running task    "
// for a running task or " %016lx " (its saved pc), then "%5lu %5d %6d 0x%08lx\n" (free stack, pid, ppid,
// flags); RHEL 6 kernels print the thread group id before the flags.

import { describe, expect, it } from 'vitest';
import type { Thread } from '../../../src/report/model.js';
import { linuxHungTaskParser } from '../../../src/report/parsers/linux-hung-task.js';

const parse = (lines: string[]): Thread[] => linuxHungTaskParser.parse(lines.join('\n'));
const fns = (t: Thread | undefined): string[] => (t ? t.frames.map((f) => f.fn) : []);

const OLD_TRACE = [
  'Call Trace:',
  ' [<ffffffff81538f86>] __mutex_lock_slowpath+0x96/0x210',
  ' [<ffffffff81538aab>] mutex_lock+0x2b/0x50',
];

describe('pre-4.14 task lines (sysrq-t, hung task)', () => {
  it('reads a running 64-bit task of a sysrq-t dump', () => {
    // drivers/tty/sysrq.c "Show State", then show_state_filter()'s header and each task.
    const threads = parse([
      'SysRq : Show State',
      '  task                        PC stack   pid father',
      'bash            R  running task        0  1234      1 0x00000000',
      ...OLD_TRACE,
    ]);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ comm: 'bash', state: 'R', pid: 1234 });
    expect(fns(threads[0])).toEqual(['__mutex_lock_slowpath', 'mutex_lock']);
  });

  it('reads a RHEL 6 task line whose thread group id has several digits', () => {
    const threads = parse([
      'INFO: task spl:3209 blocked for more than 120 seconds.',
      'spl             D ffff88087bb0ae60     0  3209      2 3209 0x00000000',
      ...OLD_TRACE,
    ]);
    expect(threads[0]).toMatchObject({ comm: 'spl', state: 'D', pid: 3209 });
    expect(fns(threads[0])).toEqual(['__mutex_lock_slowpath', 'mutex_lock']);
  });
});
