// The skip-list entries added after the first measurement of report-signature (src/report/frame-classes.ts),
// each on top of the function that crashed or hung, which the title must name. Every name is a real
// kernel function (its source file beside it; several from the real texts in test/fixtures/stacks),
// not an entry's pattern, so deleting an entry fails the case of the functions it names.
import { describe, expect, it } from 'vitest';
import { crashFunction } from '../../../src/report/crash-title.js';
import {
  isFreebsdCrashMachinery,
  isLinuxCrashMachinery,
  isSleepOrLock,
} from '../../../src/report/frame-classes.js';

// "BUG: scheduling while atomic" from inside the scheduler, reached through PREEMPT_RT's sleeping
// spinlock (test/fixtures/stacks/linux-rt-serial8250-scheduling-while-atomic-6.7.txt).
const LINUX: readonly (readonly [string, string])[] = [
  ['__schedule_bug', 'kernel/sched/core.c'],
  ['schedule_debug.constprop.0', 'kernel/sched/core.c'],
  ['schedule_rtlock', 'kernel/sched/core.c'],
  ['rtlock_slowlock_locked', 'kernel/locking/rtmutex.c'],
  ['rtlock_slowlock', 'kernel/locking/rtmutex.c'],
];

// The allocators: a double free is the caller's bug
// (test/fixtures/stacks/freebsd-hardenedbsd-372-panic-duplicate-free-msgbuf-timestamps.txt).
const FREEBSD: readonly (readonly [string, string])[] = [
  ['uma_dbg_free', 'sys/vm/uma_dbg.c'],
  ['uma_zfree_arg', 'sys/vm/uma_core.c'],
  ['uma_zalloc_arg', 'sys/vm/uma_core.c'],
  ['malloc', 'sys/kern/kern_malloc.c'],
  ['free', 'sys/kern/kern_malloc.c'],
  ['zfree', 'sys/kern/kern_malloc.c'],
  ['m_freem', 'the mbuf allocator, sys/kern/kern_mbuf.c / uipc_mbuf.c'],
  ['m_free', 'the mbuf allocator, sys/kern/kern_mbuf.c / sys/sys/mbuf.h'],
];

describe('crash machinery added since the first measurement', () => {
  it.each(LINUX)('Linux: skips %s (%s)', (machinery) => {
    expect(
      crashFunction(
        [machinery, 'serial8250_console_write', 'console_emit_next_record'],
        isLinuxCrashMachinery,
      ),
    ).toBe('serial8250_console_write');
  });

  it.each(FREEBSD)('FreeBSD: skips %s (%s)', (machinery) => {
    expect(crashFunction([machinery, 'fuse_vnop_write', 'VOP_WRITE_APV'], isFreebsdCrashMachinery)).toBe(
      'fuse_vnop_write',
    );
  });
});

describe('sleep frames added since the first measurement', () => {
  it("6.x's __schedule_loop (kernel/sched/core.c, inlined into schedule()) is where a thread sleeps, not where it waits", () => {
    expect(isSleepOrLock('__schedule_loop')).toBe(true);
    // The function that waits, below it in the same real stack, is not.
    expect(isSleepOrLock('sync_bdevs')).toBe(false);
  });
});
