// Kills of the mutation survivors of src/report/parsers/linux-proc-stack.ts (issue 16): which `[<addr>] func`
// lines are a /proc/PID/stack file (fs/proc/base.c proc_pid_stack(): "[<%pK>] %pB\n") and which belong to a
// kernel message printed around it (a printk time "[%5lu.%06lu] " before the line: the kernel's log).

import { describe, expect, it } from 'vitest';
import type { Thread } from '../../../src/report/model.js';
import { linuxProcStackParser } from '../../../src/report/parsers/linux-proc-stack.js';

const fns = (t: Thread | undefined): string[] => (t?.frames ?? []).map((f) => f.fn);
const parse = (lines: readonly string[]): Thread[] => linuxProcStackParser.parse(lines.join('\n'));
const MARK = '@@fg:abc123';

describe('frames that belong to a kernel message, not to a /proc stack', () => {
  it('gives the frames of a lockdep chain entry numbered past 9 to the chain', () => {
    // kernel/locking/lockdep.c print_circular_bug_entry(): "\n-> #%u", print_lock_name(), ":\n", then
    // the lock's saved trace (before 4.x, "[<%p>] %pS" lines).
    const threads = parse([
      '-> #10 (&fc->lock){+.+.}:',
      '[<ffffffff810b1234>] lock_acquire+0xd4/0x250',
      '[<ffffffff81712345>] _raw_spin_lock+0x31/0x40',
    ]);
    expect(threads).toEqual([]);
  });

  it("gives the frame under 4.x lockdep's `is trying to release lock (...) at:` to the message", () => {
    // print_unlock_imbalance_bug(): "%s/%d is trying to release lock (", print_lockdep_cache(), ") at:\n",
    // then print_ip_sym(): "[<%px>] %pS\n".
    const threads = parse([
      'fuse_bug/214 is trying to release lock (&fi->lock) at:',
      '[<ffffffff81234567>] fuse_flush+0x12/0x34',
    ]);
    expect(threads).toEqual([]);
  });

  it('keeps register lines R10 and up inside an old Call Trace, and the frames after them with it', () => {
    const threads = parse([
      'Call Trace:',
      ' [<ffffffff81538aab>] mutex_lock+0x2b/0x50',
      'R10: 0000000000000000 R11: 0000000000000246 R12: 00007ffd5c1a2b30',
      'R13: 0000000000000001 R14: 0000000000000000 R15: 0000000000000000',
      ' [<ffffffff8100b072>] system_call_fastpath+0x16/0x1b',
    ]);
    expect(threads).toEqual([]);
  });

  it('gives frames a printk time printed to the kernel log, and the trace lines right under them', () => {
    // A quote cut mid-trace: the first line kept its printk time, the lines under it lost theirs.
    const threads = parse([
      '[  120.512345] [<ffffffff81538aab>] mutex_lock+0x2b/0x50',
      '[<ffffffff8100b072>] system_call_fastpath+0x16/0x1b',
    ]);
    expect(threads).toEqual([]);
  });

  it('counts the lines after an old oops Code/RIP/RSP tail as the trace', () => {
    // 2.6 x86_64 die(): the trace, then "Code: ...", then " RIP  [<%016lx>] %pS" and " RSP <%016lx>".
    const threads = parse([
      'Call Trace:',
      ' [<ffffffff81538aab>] mutex_lock+0x2b/0x50',
      'Code: 48 8b 45 f8 c9 c3 66 90',
      'RIP  [<ffffffff81538aab>] mutex_lock+0x2b/0x50',
      ' RSP <ffff88003d6f7e28>',
      ' [<ffffffff8100b072>] system_call_fastpath+0x16/0x1b',
    ]);
    expect(threads).toEqual([]);
  });
});

describe('a /proc stack next to kernel output', () => {
  it('reads a /proc stack after an old trace that a line holding "Code" past its start ended', () => {
    const threads = parse([
      'Call Trace:',
      ' [<ffffffff81538aab>] mutex_lock+0x2b/0x50',
      'workload: exit Code 137',
      '[<0>] fuse_wait_answer+0x5c/0x108',
      '[<0>] fuse_simple_request+0x120/0x2a0',
    ]);
    expect(threads.map(fns)).toEqual([['fuse_wait_answer', 'fuse_simple_request']]);
  });

  it('reads a /proc stack right under the end marker of a stamped trace', () => {
    // The old ULONG_MAX end marker ("[<ffffffffffffffff>] 0xffffffffffffffff") is no frame.
    const threads = parse([
      '[  120.512345] [<ffffffffffffffff>] 0xffffffffffffffff',
      '[<0>] fuse_wait_answer+0x5c/0x108',
      '[<0>] fuse_simple_request+0x120/0x2a0',
    ]);
    expect(threads.map(fns)).toEqual([['fuse_wait_answer', 'fuse_simple_request']]);
  });

  it('reads a /proc stack whose raw lines a dropped syslogd broadcast header shifted', () => {
    // syslogd wallmsg(): "Message from syslogd@%s at %.24s ..." above a broadcast kernel line.
    const threads = parse([
      'Message from syslogd@guest at Wed Dec  2 12:00:00 2026 ...',
      '[  120.512345] [<ffffffffffffffff>] 0xffffffffffffffff',
      '[<0>] fuse_wait_answer+0x5c/0x108',
    ]);
    expect(threads.map(fns)).toEqual([['fuse_wait_answer']]);
  });

  it('keeps the frames of a /proc stack after a stamped frame printed into it', () => {
    const threads = parse([
      '[<0>] fuse_wait_answer+0x5c/0x108',
      '[  120.512345] [<ffffffff81538aab>] mutex_lock+0x2b/0x50',
      '[<0>] fuse_simple_request+0x120/0x2a0',
    ]);
    expect(threads.map((t) => fns(t).filter((f) => f !== 'mutex_lock'))).toEqual([
      ['fuse_wait_answer', 'fuse_simple_request'],
    ]);
  });

  it("keeps a watchdog task's frames after kernel output printed into its block", () => {
    const threads = parse([
      `${MARK}:sample:1:begin@@`,
      `${MARK}:task:214:214:D:12:fuse_wait_answer:mmap_write@@`,
      '[<0>] fuse_wait_answer+0x5c/0x108',
      '[  120.512345] [<ffffffff81538aab>] mutex_lock+0x2b/0x50',
      '[<0>] fuse_simple_request+0x120/0x2a0',
      '[<0>] fuse_perform_write+0x1f0/0x5e0',
      `${MARK}:sample:1:end@@`,
    ]);
    expect(threads.map((t) => fns(t).filter((f) => f !== 'mutex_lock'))).toEqual([
      ['fuse_wait_answer', 'fuse_simple_request', 'fuse_perform_write'],
    ]);
  });
});
