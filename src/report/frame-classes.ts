// Knowledge about frame names, kept as data (syzkaller pkg/report style): which frames are the
// scheduler, sleep and lock machinery (never the "where" of a hang), which belong to FUSE and
// to the file system / VM layers, which mean "waiting for the FUSE daemon's answer".
// A name ending in `*` is a prefix, one starting with `*` a suffix, one wrapped in `*...*` a substring,
// one with a `*` inside (`kern_*at`) a prefix and a suffix. Names are compared
// without compiler suffixes (`.isra.0`).

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
  '_sx_slock',
  '_sx_slock_int',
  'sx_xlock*',
  'sx_slock*',
  '__rw_wlock_hard',
  '__rw_rlock_hard',
  '_rw_wlock_cookie',
  '__rw_rlock',
  '__rw_rlock_int',
  '_rw_rlock_cookie',
  '_rm_rlock_hard',
  'msleep',
  'tsleep',
  '_mtx_lock_flags',
  '__mtx_lock_flags',
  'vop_stdlock',
  'vop_lock',
  'VOP_LOCK1_APV',
  '_vn_lock',
  // Linux: kernel/sched/core.c, kernel/sched/completion.c, kernel/locking/*, kernel/time/*
  '__schedule',
  // 6.x schedule() calls __schedule_loop() (kernel/sched/core.c), inlined: a frame of symbolized reports
  '__schedule_loop',
  'schedule',
  'schedule_timeout*',
  'schedule_preempt_disabled',
  'schedule_hrtimeout*',
  'schedule_idle',
  'preempt_schedule*',
  'io_schedule*',
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
  'osq_lock',
  'rwbase_*',
  'rt_spin_lock*',
  'rt_read_lock',
  'rt_write_lock',
  // OpenZFS SPL (module/os/linux/spl/spl-condvar.c): Solaris condition variables over Linux waits.
  'cv_wait*',
  '__cv_*',
  'cv_timedwait*',
  'cv_wait_common',
  '__cv_timedwait_common',
  // OpenZFS on FreeBSD (module/os/freebsd/spl): the same names over _cv_wait/_sx_*.
  'zfs_cv_*',
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
export const UNINTERRUPTIBLE_SLEEP_FRAMES: readonly string[] = [
  'sleepq_wait',
  'sleepq_timedwait',
  'turnstile_wait',
];

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

/**
 * Frames that are the crash machinery, never the function a crash is filed under (syzkaller
 * pkg/report linux.go `skipPatterns` and freebsd.go: sanitizers, panic and trap entry, stack
 * dumping, WARN/BUG plumbing, lock and memory-copy primitives), Linux.
 */
export const LINUX_CRASH_SKIP_FRAMES: readonly string[] = [
  '__sanitizer*',
  '__asan*',
  '*kasan*',
  '__msan*',
  '*kmsan*',
  '__ubsan*',
  'ubsan_*',
  '*_ubsan_*',
  'check_memory_region*',
  'read_word_at_a_time',
  'print_address_description*',
  'print_report',
  '*panic*',
  'invalid_op',
  'exc_invalid_op',
  'asm_exc_*',
  'handle_bug',
  'report_bug',
  'fixup_bug',
  'do_error_trap',
  'do_trap',
  'do_invalid_op',
  '*_trap',
  'dump_stack*',
  '__dump_stack',
  'show_stack',
  'warn_slowpath*',
  'warn_alloc',
  '__warn*',
  'debug_object*',
  'timer_is_static_object',
  'work_is_static_object',
  '*lockdep*',
  'perf_trace*',
  'lock_acquire*',
  'lock_release',
  // lib/smp_processor_id.c: what prints `BUG: using smp_processor_id() in preemptible`.
  'check_preemption_disabled',
  'debug_smp_processor_id',
  '__this_cpu_preempt_check',
  'lock_class*',
  'reacquire_held_locks',
  '*spin_lock*',
  '*spin_trylock*',
  '*spin_unlock*',
  '*raw_read_lock*',
  '*raw_write_lock*',
  'down',
  'down_read*',
  'down_write*',
  'up_read',
  'up_write',
  '*mutex_lock*',
  '*mutex_trylock*',
  '*mutex_unlock*',
  'mutex_remove_waiter',
  'osq_lock',
  'osq_unlock',
  '__wake_up*',
  'refcount_*',
  '__refcount_*',
  'memcpy*',
  '__memcpy*',
  'memcmp',
  'memset*',
  '__memset*',
  'memchr',
  'memmove*',
  '__memmove*',
  'strcmp',
  'strncmp',
  'strcpy',
  'strlcpy',
  'strncpy',
  'strscpy*',
  'strlen',
  'strnstr',
  'strnlen',
  'strchr',
  '*copy_to_user*',
  '*copy_from_user*',
  'put_user*',
  'get_user*',
  '__might_fault',
  '__might_sleep',
  '__might_resched',
  'might_fault',
  'might_sleep',
  '*list_add*',
  '*list_del*',
  '__list_*',
  'list_replace*',
  'list_move*',
  'list_splice*',
  '*_indirect_thunk_*',
  'string*',
  'pointer',
  'vsnprintf',
  'snprintf',
  'scnprintf',
  'kasprintf',
  'kvasprintf',
  '*printk*',
  'dev_info',
  'dev_notice',
  'dev_warn',
  'dev_err',
  'dev_printk*',
  'del_timer*',
  'flush_work',
  '__flush_work',
  '__cancel_work_timer',
  'cancel_work_sync',
  'try_to_grab_pending',
  'flush_workqueue',
  'drain_workqueue',
  'destroy_workqueue',
  'finish_wait',
  'kthread_stop',
  'kobject_del',
  'kobject_put',
  'kobject_uevent_env',
  'add_uevent_var',
  'page_fault',
  'exc_page_fault',
  'do_page_fault',
  '__do_page_fault',
  'do_user_addr_fault',
  'do_kern_addr_fault',
  'page_fault_oops',
  'kernelmode_fixup_or_oops',
  '__bad_area_nosemaphore',
  'bad_area_nosemaphore',
  'no_context',
  'die',
  '__die*',
  'oops_*',
  'do_general_protection',
  'exc_general_protection',
  'general_protection',
  'el1_*',
  'el1h_*',
  'do_mem_abort',
  'die_kernel_fault',
  '__do_kernel_fault',
  'do_translation_fault',
  'do_bad_area',
  'bug_handler',
  'brk_handler',
  'call_break_hook',
  'do_debug_exception',
  'arm64_*',
  '__schedule',
  'schedule',
  'preempt_schedule*',
  // "BUG: scheduling while atomic" is reported from inside the scheduler (kernel/sched/core.c
  // schedule_debug(), __schedule_bug()), reached from a sleeping lock: PREEMPT_RT's spinlocks
  // sleep in schedule_rtlock() (kernel/locking/spinlock_rt.c, rtmutex.c rtlock_slowlock_locked()).
  '__schedule_bug',
  'schedule_debug',
  'schedule_rtlock',
  'rtlock_*',
  'kmem_cache_*',
  '__kmem_cache_*',
  'kfree*',
  '__kmalloc*',
  'kmalloc*',
  'kzalloc*',
  'kcalloc*',
  'krealloc*',
  'kvmalloc*',
  'kvzalloc*',
  'kvcalloc*',
  'kvfree*',
  'vmalloc*',
  '__vmalloc*',
  'vfree',
  'kmemdup*',
  'kstrdup*',
  'kstrndup*',
  'slab_*',
  '__slab_*',
  'debug_check_*',
  'test_and_set_bit*',
  'test_and_clear_bit*',
  'set_bit',
  'clear_bit',
  'change_bit',
  'test_bit',
  'instrument_*',
  'atomic_*',
  'atomic64_*',
  'arch_atomic*',
  '__const_udelay',
  'delay_tsc',
];

/** FreeBSD's crash machinery (sys/kern/kern_shutdown.c, subr_kdb.c, amd64/amd64/trap.c, exception.S, kern_*lock.c). */
export const FREEBSD_CRASH_SKIP_FRAMES: readonly string[] = [
  'db_trace_self*',
  'db_trace_thread',
  'kdb_*',
  'vpanic',
  'panic',
  'kassert_panic',
  'trap',
  'trap_*',
  'calltrap',
  // trap_pfault()'s way into the VM (sys/vm/vm_fault.c vm_fault_trap()).
  'vm_fault_trap',
  'doreflect',
  'handle_el1h_*',
  'do_el1h_sync',
  'data_abort',
  'align_pc_fault',
  'abort_handler',
  'dblfault_handler',
  '__asan_*',
  'kasan_*',
  '__msan_*',
  'kmsan_*',
  'witness_*',
  'sx_destroy',
  'mtx_destroy',
  '_mtx_destroy',
  'rw_destroy',
  '_rw_destroy',
  '__mtx_lock_flags',
  '_mtx_lock_flags',
  '__mtx_unlock_flags',
  '_mtx_unlock_flags',
  '__mtx_lock_sleep',
  '__mtx_lock_spin_flags',
  '_mtx_lock_spin_cookie',
  '_mtx_trylock_flags_',
  '__mtx_assert',
  '_mtx_assert',
  '_sx_*',
  '__sx_*',
  // sys/sys/sx.h: the public non-underscore sx functions (sx_try_slock_int, sx_try_xlock_int, ...).
  'sx_try_*',
  '_rw_*',
  '__rw_*',
  '_rm_*',
  'lockmgr_*',
  '__lockmgr_args',
  'm_copydata',
  'm_copyback',
  'm_copym',
  // The allocators (sys/vm/uma_core.c, uma_dbg.c, sys/kern/kern_malloc.c, uipc_mbuf.c), as Linux's
  // kfree*/kmalloc*: a double free is the caller's bug, not the allocator's.
  'uma_*',
  'malloc',
  'free',
  'zfree',
  'm_free*',
];

/**
 * Where a FreeBSD kernel fault enters its handling, and the VM code that resolves it: when a panic is
 * raised right in these frames (vm_fault()'s "fault on nofault entry", arm64 do_el1h_sync()'s "Unhandled
 * EL1 data abort"), the frame below them is the faulting code. amd64 and i386 calltrap (exception.S) and
 * trap()/trap_pfault() (trap.c), arm64 handle_el1h_sync (exception.S) and do_el1h_sync()/data_abort()
 * (trap.c), sys/vm/vm_fault.c vm_fault_trap()/vm_fault(); not the interrupt entries, whose frames above
 * are the handler that panicked.
 */
export const FREEBSD_FAULT_ENTRY_FRAMES: readonly string[] = [
  'calltrap',
  'trap',
  'trap_pfault',
  'trap_fatal',
  'vm_fault_trap',
  'handle_el1h_sync',
  'do_el1h_sync',
  'data_abort',
];

/**
 * The VM's fault resolution above a fault's entry (sys/vm/vm_fault.c): vm_fault() and its static
 * vm_fault_lookup() (13.x on, when not inlined); on 9.x to 12.x vm_fault() called vm_fault_hold(), which
 * raised "vm_fault: fault on nofault entry" / "vm_fault_hold: fault on nofault entry" itself
 * (dcui/FreeBSD-9.3_kernel sys/vm/vm_fault.c).
 */
export const FREEBSD_FAULT_RESOLUTION_FRAMES: readonly string[] = [
  'vm_fault',
  'vm_fault_lookup',
  'vm_fault_hold',
];

/**
 * The assembly entry of a kernel trap, where the trapped code's frame is next: amd64/i386 calltrap
 * (exception.S, alltraps), arm64 handle_el1h_sync (exception.S; db_trace.c prints `--- exception` after it).
 */
export const FREEBSD_TRAP_ENTRY_FRAMES: readonly string[] = ['calltrap', 'handle_el1h_sync'];

/** The timer interrupt's entry frames: a stall report's frames above them are the detector's own. */
export const TIMER_INTERRUPT_ENTRY_FRAMES: readonly string[] = [
  '*apic_timer_interrupt*',
  'sysvec_apic_timer_interrupt',
  'asm_sysvec_apic_timer_interrupt',
  'hrtimer_interrupt',
  'el1_interrupt',
  'el1h_64_irq*',
  'gic_handle_irq',
  'arch_timer_handler_*',
  // RISC-V: drivers/clocksource/timer-riscv.c riscv_timer_interrupt(), the timer's per-CPU interrupt.
  'riscv_timer_interrupt',
  'handle_percpu_devid_irq',
];

/**
 * The stall detectors' own frames, from the timer tick down to the dump of the stalled CPU's stack
 * (kernel/rcu/tree_stall.h rcu_dump_cpu_stacks() -> dump_cpu_task() -> sched_show_task() -> show_stack(),
 * kernel/watchdog.c watchdog_timer_fn(), kernel/time/tick-*.c, kernel/time/hrtimer.c): a trace cut before
 * the timer interrupt's entry shows only these, and then the stall's function is not known.
 */
export const STALL_DETECTOR_FRAMES: readonly string[] = [
  'dump_backtrace',
  'show_stack',
  'sched_show_task',
  'dump_cpu_task',
  'rcu_dump_cpu_stacks',
  'print_cpu_stall',
  'print_other_cpu_stall',
  'check_cpu_stall',
  'rcu_pending',
  'rcu_sched_clock_irq',
  'rcu_check_callbacks',
  'update_process_times',
  'tick_*',
  '__hrtimer_run_queues',
  'hrtimer_*',
  'watchdog_timer_fn',
  // A task dump of another CPU's task (rcu "Task dump for CPU"): its saved context switch comes first.
  '__switch_to',
  'nmi_cpu_backtrace',
  'nmi_trigger_cpumask_backtrace',
  'arch_trigger_cpumask_backtrace',
];

function matcher(patterns: readonly string[]): (fn: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.endsWith('*') && !p.startsWith('*')));
  const prefixes = patterns.filter((p) => p.endsWith('*') && !p.startsWith('*')).map((p) => p.slice(0, -1));
  const suffixes = patterns.filter((p) => p.startsWith('*') && !p.endsWith('*')).map((p) => p.slice(1));
  const infixes = patterns
    .filter((p) => p.startsWith('*') && p.endsWith('*') && p.length > 2)
    .map((p) => p.slice(1, -1));
  const around = patterns
    .filter((p) => !p.startsWith('*') && !p.endsWith('*') && p.includes('*'))
    .map((p) => p.split('*'));
  return (fn: string) => {
    const name = baseName(fn);
    return (
      exact.has(name) ||
      prefixes.some((p) => name.startsWith(p)) ||
      suffixes.some((p) => name.endsWith(p)) ||
      infixes.some((p) => name.includes(p)) ||
      around.some(([first, last]) => name.startsWith(first as string) && name.endsWith(last as string))
    );
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
export const isLinuxCrashMachinery = matcher(LINUX_CRASH_SKIP_FRAMES);
export const isFreebsdCrashMachinery = matcher([...FREEBSD_CRASH_SKIP_FRAMES, ...SLEEP_AND_LOCK_FRAMES]);
export const isTimerInterruptEntry = matcher(TIMER_INTERRUPT_ENTRY_FRAMES);
export const isFreebsdFaultEntry = matcher(FREEBSD_FAULT_ENTRY_FRAMES);
export const isFreebsdTrapEntry = matcher(FREEBSD_TRAP_ENTRY_FRAMES);
export const isFreebsdFaultHandling = matcher([
  ...FREEBSD_FAULT_ENTRY_FRAMES,
  ...FREEBSD_FAULT_RESOLUTION_FRAMES,
]);
export const isStallDetector = matcher([...LINUX_CRASH_SKIP_FRAMES, ...STALL_DETECTOR_FRAMES]);
