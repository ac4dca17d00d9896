// Knowledge about frame names, kept as data (syzkaller pkg/report style): which frames are the
// scheduler, sleep and lock machinery (never the "where" of a hang), which belong to FUSE and
// to the file system / VM layers, which mean "waiting for the FUSE daemon's answer".
// A name ending in `*` is a prefix. Names are compared without compiler suffixes (`.isra.0`).

import { baseName } from './parsers/common.js';

/** Scheduler, sleep-queue and lock primitives: skipped when naming where a thread waits. */
export const SLEEP_AND_LOCK_FRAMES: readonly string[] = [
  // FreeBSD: sys/kern/kern_synch.c, subr_sleepqueue.c, kern_condvar.c, kern_lock.c,
  // kern_mutex.c, kern_sx.c, kern_rwlock.c, subr_turnstile.c, sched_ule.c
  'mi_switch',
  'sched_switch',
  'sleepq_*',
  '_sleep',
  'msleep_spin_sbt',
  'pause_sbt',
  'sleeplk',
  '__lockmgr_args',
  'lockmgr_*',
  '_lockmgr_*',
  '_cv_wait*',
  '_cv_timedwait*',
  '__mtx_lock_sleep',
  '_mtx_lock_sleep',
  'turnstile_wait',
  '_sx_xlock_hard',
  '_sx_slock_hard',
  '_sx_xlock',
  '_sx_slock_int',
  '__rw_wlock_hard',
  '__rw_rlock_hard',
  'vop_stdlock',
  'vop_lock',
  'VOP_LOCK1_APV',
  '_vn_lock',
  // Linux: kernel/sched/core.c, kernel/sched/completion.c, kernel/locking/*, kernel/time/*
  '__schedule',
  'schedule',
  'schedule_timeout*',
  'schedule_preempt_disabled',
  'schedule_hrtimeout*',
  'schedule_idle',
  'preempt_schedule*',
  'io_schedule',
  'io_schedule_timeout',
  '__switch_to',
  '__switch_to_asm',
  'context_switch',
  'wait_for_completion*',
  '__wait_for_common',
  'wait_for_common',
  'do_wait_for_common',
  'rwsem_down_*',
  'down_read*',
  'down_write*',
  '__down*',
  'down',
  'mutex_lock*',
  '__mutex_lock*',
  'rt_mutex_*',
  '__rt_mutex_*',
  'percpu_rwsem_wait',
  '__percpu_down_read',
  'bit_wait*',
  '__wait_on_bit*',
  'out_of_line_wait_on_bit*',
  'prepare_to_wait*',
  'finish_wait',
  'wait_woken',
  'do_nanosleep',
  'hrtimer_nanosleep',
];

/** FreeBSD sleeps that a signal can end (PCATCH): an idle wait, not a hang by itself. */
export const INTERRUPTIBLE_SLEEP_FRAMES: readonly string[] = [
  'sleepq_wait_sig',
  'sleepq_timedwait_sig',
  'sleepq_catch_signals',
  '_cv_wait_sig',
  '_cv_timedwait_sig*',
];

/** FreeBSD sleeps that no signal ends (no PCATCH), and lock waits. */
export const UNINTERRUPTIBLE_SLEEP_FRAMES: readonly string[] = ['sleepq_wait', 'sleepq_timedwait', 'turnstile_wait'];

/** FUSE driver code (FreeBSD sys/fs/fuse, Linux fs/fuse). */
export const FUSE_FRAMES: readonly string[] = [
  'fuse_*',
  '__fuse_*',
  'fticket_*',
  'fdisp_*',
  'fiov_*',
  'fdata_*',
  'fsess_*',
  'request_wait_answer',
  'fuse_dev_*',
];

/** FUSE's generic request plumbing: a hang there is named after the FUSE caller below it. */
export const FUSE_IPC_FRAMES: readonly string[] = [
  'fticket_*',
  'fdisp_*',
  'fiov_*',
  'fuse_ticket_*',
  'fuse_insert_*',
  'fuse_simple_request',
  '__fuse_simple_request',
  '__fuse_request_send',
  'fuse_request_send',
  'request_wait_answer',
];

/**
 * The requester waiting for the daemon's answer (FreeBSD sys/fs/fuse/fuse_ipc.c
 * fticket_wait_answer, Linux fs/fuse/dev.c request_wait_answer). Both sleep interruptibly
 * (FreeBSD msleep with PCATCH and signals blocked, Linux wait_event_interruptible first), yet a
 * thread there is stuck as long as the daemon does not answer.
 */
export const FUSE_REQUEST_WAIT_FRAMES: readonly string[] = ['fticket_wait_answer', 'request_wait_answer'];

/** The FUSE daemon reading /dev/fuse for the next request: idle, never hung. */
export const FUSE_DAEMON_READ_FRAMES: readonly string[] = [
  'fuse_device_read',
  'fuse_dev_do_read',
  'fuse_dev_read',
  'fuse_dev_splice_read',
];

/** File system and VM layers, for naming where a hang came from when no FUSE frame is there. */
export const FS_VM_FRAMES: readonly string[] = [
  ...FUSE_FRAMES,
  // FreeBSD
  'VOP_*',
  'vop_*',
  'vfs_*',
  'vn_*',
  'v_*',
  'vinactive',
  'vput*',
  'vrele',
  'vget*',
  'vnode_*',
  'vm_*',
  'vinvalbuf',
  'bufwait',
  'bufobj_*',
  'getblk*',
  'bwrite',
  'bufwrite',
  'brelse',
  'kern_*at',
  'namei',
  'ufs_*',
  'ffs_*',
  // Linux
  'filemap_*',
  'folio_*',
  '__folio_*',
  'generic_*',
  'truncate_*',
  'writeback_*',
  'do_writepages',
  'write_inode_now',
  'iterate_dir',
  'path_*',
  'filp_*',
  'do_sys_*',
  'do_filp_open',
];

function matcher(patterns: readonly string[]): (fn: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.endsWith('*')));
  const prefixes = patterns.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));
  return (fn: string) => {
    const name = baseName(fn);
    return exact.has(name) || prefixes.some((p) => name.startsWith(p));
  };
}

/** Does the frame name match one of the patterns (`name` or `prefix*`)? */
export function matchesAny(fn: string, patterns: readonly string[]): boolean {
  return matcher(patterns)(fn);
}

export const isSleepOrLock = matcher(SLEEP_AND_LOCK_FRAMES);
export const isInterruptibleSleep = matcher(INTERRUPTIBLE_SLEEP_FRAMES);
export const isUninterruptibleSleep = matcher(UNINTERRUPTIBLE_SLEEP_FRAMES);
export const isFuse = matcher(FUSE_FRAMES);
export const isFuseIpc = matcher(FUSE_IPC_FRAMES);
export const isFuseRequestWait = matcher(FUSE_REQUEST_WAIT_FRAMES);
export const isFuseDaemonRead = matcher(FUSE_DAEMON_READ_FRAMES);
export const isFsVm = matcher(FS_VM_FRAMES);
