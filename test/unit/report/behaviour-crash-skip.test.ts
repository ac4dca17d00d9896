// The function a crash is filed under is never the crash machinery (issue 16): the sanitizer, the
// trap or panic entry, the stack dumper, a lock or memory primitive. Each case is a real kernel
// function of that machinery (its source file named) on top of the function that crashed, and the
// crash must be filed under the latter. The names are the kernels' own, not the skip list's
// patterns, so deleting one entry of a list fails the case of the functions it names.
import { describe, expect, it } from 'vitest';
import { crashFunction } from '../../../src/report/crash-title.js';
import { extractLinuxPanic } from '../../../src/report/parsers/linux-panic.js';
import { isFreebsdCrashMachinery, isLinuxCrashMachinery } from '../../../src/report/frame-classes.js';

// Linux, one function a line: [name, where it is defined].
const LINUX_MACHINERY: readonly (readonly [string, string])[] = [
  ['__sanitizer_cov_trace_pc', 'kernel/kcov.c'],
  ['__asan_load8', 'mm/kasan/generic.c'],
  ['kasan_report', 'mm/kasan/report.c'],
  ['__msan_warning', 'mm/kmsan/instrumentation.c'],
  ['kmsan_report', 'mm/kmsan/report.c'],
  ['__ubsan_handle_shift_out_of_bounds', 'lib/ubsan.c'],
  ['ubsan_epilogue', 'lib/ubsan.c'],
  ['report_ubsan_failure', 'lib/ubsan.c'],
  ['check_memory_region_inline', 'mm/kasan/generic.c (5.x)'],
  ['read_word_at_a_time', 'include/linux/compiler.h'],
  ['print_address_description.constprop.0', 'mm/kasan/report.c'],
  ['print_report', 'mm/kasan/report.c'],
  ['panic', 'kernel/panic.c'],
  ['invalid_op', 'arch/x86/entry/entry_64.S (4.x)'],
  ['exc_invalid_op', 'arch/x86/kernel/traps.c'],
  ['asm_exc_invalid_op', 'arch/x86/include/asm/idtentry.h'],
  ['handle_bug', 'arch/x86/kernel/traps.c'],
  ['report_bug', 'lib/bug.c'],
  ['fixup_bug', 'arch/x86/kernel/traps.c (4.x)'],
  ['do_error_trap', 'arch/x86/kernel/traps.c'],
  ['do_trap', 'arch/x86/kernel/traps.c'],
  ['do_invalid_op', 'arch/x86/kernel/traps.c (4.x)'],
  ['do_report_trap', 'arch/s390/kernel/traps.c'],
  ['dump_stack_lvl', 'lib/dump_stack.c'],
  ['__dump_stack', 'lib/dump_stack.c'],
  ['show_stack', 'arch/x86/kernel/dumpstack.c'],
  ['warn_slowpath_fmt', 'kernel/panic.c'],
  ['warn_alloc', 'mm/page_alloc.c'],
  ['__warn_printk', 'kernel/panic.c'],
  ['debug_object_activate', 'lib/debugobjects.c'],
  ['timer_is_static_object', 'kernel/time/timer.c'],
  ['work_is_static_object', 'kernel/workqueue.c'],
  ['lockdep_rcu_suspicious', 'kernel/locking/lockdep.c'],
  ['perf_trace_run_bpf_submit', 'kernel/events/core.c'],
  ['lock_acquire', 'kernel/locking/lockdep.c'],
  ['lock_release', 'kernel/locking/lockdep.c'],
  ['check_preemption_disabled', 'lib/smp_processor_id.c'],
  ['debug_smp_processor_id', 'lib/smp_processor_id.c'],
  ['__this_cpu_preempt_check', 'lib/smp_processor_id.c'],
  ['reacquire_held_locks', 'kernel/locking/lockdep.c'],
  ['_raw_spin_lock', 'kernel/locking/spinlock.c'],
  ['_raw_spin_trylock', 'kernel/locking/spinlock.c'],
  ['_raw_spin_unlock_irqrestore', 'kernel/locking/spinlock.c'],
  ['_raw_read_lock', 'kernel/locking/spinlock.c'],
  ['_raw_write_lock_irq', 'kernel/locking/spinlock.c'],
  ['down', 'kernel/locking/semaphore.c'],
  ['down_read_killable', 'kernel/locking/rwsem.c'],
  ['down_write', 'kernel/locking/rwsem.c'],
  ['up_read', 'kernel/locking/rwsem.c'],
  ['up_write', 'kernel/locking/rwsem.c'],
  ['mutex_lock_nested', 'kernel/locking/mutex.c'],
  ['mutex_trylock', 'kernel/locking/mutex.c'],
  ['mutex_unlock', 'kernel/locking/mutex.c'],
  ['mutex_remove_waiter', 'kernel/locking/mutex-debug.c'],
  ['osq_lock', 'kernel/locking/osq_lock.c'],
  ['osq_unlock', 'kernel/locking/osq_lock.c'],
  ['__wake_up_common', 'kernel/sched/wait.c'],
  ['refcount_warn_saturate', 'lib/refcount.c'],
  ['__refcount_sub_and_test', 'include/linux/refcount.h'],
  ['memcpy_orig', 'arch/x86/lib/memcpy_64.S'],
  ['__memcpy', 'arch/x86/lib/memcpy_64.S'],
  ['memcmp', 'lib/string.c'],
  ['memset_orig', 'arch/x86/lib/memset_64.S'],
  ['__memset', 'arch/x86/lib/memset_64.S'],
  ['memchr', 'lib/string.c'],
  ['memmove', 'arch/x86/lib/memmove_64.S'],
  ['__memmove', 'arch/x86/lib/memmove_64.S'],
  ['strcmp', 'lib/string.c'],
  ['strncmp', 'lib/string.c'],
  ['strcpy', 'lib/string.c'],
  ['strlcpy', 'lib/string.c'],
  ['strncpy', 'lib/string.c'],
  ['strscpy_pad', 'lib/string_helpers.c'],
  ['strlen', 'lib/string.c'],
  ['strnstr', 'lib/string.c'],
  ['strnlen', 'lib/string.c'],
  ['strchr', 'lib/string.c'],
  ['_copy_to_user', 'lib/usercopy.c'],
  ['_copy_from_user', 'lib/usercopy.c'],
  ['__might_fault', 'mm/memory.c'],
  ['__might_sleep', 'kernel/sched/core.c'],
  ['__might_resched', 'kernel/sched/core.c'],
  ['might_fault', 'include/linux/kernel.h'],
  ['might_sleep', 'include/linux/kernel.h'],
  ['__list_add_valid', 'lib/list_debug.c'],
  ['__list_del_entry_valid', 'lib/list_debug.c'],
  ['klist_add_tail', 'lib/klist.c'],
  ['klist_del', 'lib/klist.c'],
  ['__list_lru_walk_one', 'mm/list_lru.c'],
  ['__x86_indirect_thunk_rax', 'arch/x86/lib/retpoline.S'],
  ['string_nocheck', 'lib/vsprintf.c'],
  ['pointer', 'lib/vsprintf.c'],
  ['vsnprintf', 'lib/vsprintf.c'],
  ['snprintf', 'lib/vsprintf.c'],
  ['scnprintf', 'lib/vsprintf.c'],
  ['kasprintf', 'lib/kasprintf.c'],
  ['kvasprintf', 'lib/kasprintf.c'],
  ['vprintk_emit', 'kernel/printk/printk.c'],
  ['dev_info', 'drivers/base/core.c'],
  ['dev_notice', 'drivers/base/core.c'],
  ['dev_warn', 'drivers/base/core.c'],
  ['dev_err', 'drivers/base/core.c'],
  ['dev_printk_emit', 'drivers/base/core.c'],
  ['del_timer_sync', 'kernel/time/timer.c'],
  ['flush_work', 'kernel/workqueue.c'],
  ['__flush_work', 'kernel/workqueue.c'],
  ['__cancel_work_timer', 'kernel/workqueue.c'],
  ['cancel_work_sync', 'kernel/workqueue.c'],
  ['try_to_grab_pending', 'kernel/workqueue.c'],
  ['flush_workqueue', 'kernel/workqueue.c'],
  ['drain_workqueue', 'kernel/workqueue.c'],
  ['destroy_workqueue', 'kernel/workqueue.c'],
  ['finish_wait', 'kernel/sched/wait.c'],
  ['kthread_stop', 'kernel/kthread.c'],
  ['kobject_del', 'lib/kobject.c'],
  ['kobject_put', 'lib/kobject.c'],
  ['kobject_uevent_env', 'lib/kobject_uevent.c'],
  ['add_uevent_var', 'lib/kobject_uevent.c'],
  ['page_fault', 'arch/x86/entry/entry_64.S (4.x)'],
  ['exc_page_fault', 'arch/x86/mm/fault.c'],
  ['do_page_fault', 'arch/x86/mm/fault.c (4.x)'],
  ['__do_page_fault', 'arch/x86/mm/fault.c (4.x)'],
  ['do_user_addr_fault', 'arch/x86/mm/fault.c'],
  ['do_kern_addr_fault', 'arch/x86/mm/fault.c'],
  ['page_fault_oops', 'arch/x86/mm/fault.c'],
  ['kernelmode_fixup_or_oops', 'arch/x86/mm/fault.c'],
  ['__bad_area_nosemaphore', 'arch/x86/mm/fault.c'],
  ['bad_area_nosemaphore', 'arch/x86/mm/fault.c'],
  ['no_context', 'arch/x86/mm/fault.c (4.x)'],
  ['die', 'arch/x86/kernel/dumpstack.c'],
  ['__die_body', 'arch/x86/kernel/dumpstack.c'],
  ['oops_begin', 'arch/x86/kernel/dumpstack.c'],
  ['do_general_protection', 'arch/x86/kernel/traps.c (4.x)'],
  ['exc_general_protection', 'arch/x86/kernel/traps.c'],
  ['general_protection', 'arch/x86/entry/entry_64.S (4.x)'],
  ['el1_abort', 'arch/arm64/kernel/entry-common.c'],
  ['el1h_64_sync_handler', 'arch/arm64/kernel/entry-common.c'],
  ['do_mem_abort', 'arch/arm64/mm/fault.c'],
  ['die_kernel_fault', 'arch/arm64/mm/fault.c'],
  ['__do_kernel_fault', 'arch/arm64/mm/fault.c'],
  ['do_translation_fault', 'arch/arm64/mm/fault.c'],
  ['do_bad_area', 'arch/arm64/mm/fault.c'],
  ['bug_handler', 'arch/arm64/kernel/traps.c'],
  ['brk_handler', 'arch/arm64/kernel/debug-monitors.c'],
  ['call_break_hook', 'arch/arm64/kernel/debug-monitors.c'],
  ['do_debug_exception', 'arch/arm64/mm/fault.c'],
  ['arm64_notify_die', 'arch/arm64/kernel/traps.c'],
  ['__schedule', 'kernel/sched/core.c'],
  ['schedule', 'kernel/sched/core.c'],
  ['preempt_schedule_common', 'kernel/sched/core.c'],
  ['kmem_cache_free', 'mm/slub.c'],
  ['__kmem_cache_alloc_node', 'mm/slub.c'],
  ['kfree', 'mm/slab_common.c'],
  ['__kmalloc', 'mm/slab_common.c'],
  ['kmalloc_trace', 'mm/slab_common.c'],
  ['kzalloc', 'include/linux/slab.h'],
  ['kcalloc', 'include/linux/slab.h'],
  ['krealloc', 'mm/slab_common.c'],
  ['kvmalloc_node', 'mm/util.c'],
  ['kvzalloc', 'include/linux/slab.h'],
  ['kvcalloc', 'include/linux/slab.h'],
  ['kvfree', 'mm/util.c'],
  ['vmalloc', 'mm/vmalloc.c'],
  ['__vmalloc_node_range', 'mm/vmalloc.c'],
  ['vfree', 'mm/vmalloc.c'],
  ['kmemdup', 'mm/util.c'],
  ['kstrdup', 'mm/util.c'],
  ['kstrndup', 'mm/util.c'],
  ['slab_free_freelist_hook', 'mm/slub.c'],
  ['__slab_free', 'mm/slub.c'],
  ['debug_check_no_locks_freed', 'kernel/locking/lockdep.c'],
  ['test_and_set_bit', 'include/asm-generic/bitops/instrumented-atomic.h'],
  ['test_and_clear_bit', 'include/asm-generic/bitops/instrumented-atomic.h'],
  ['set_bit', 'include/asm-generic/bitops/instrumented-atomic.h'],
  ['clear_bit', 'include/asm-generic/bitops/instrumented-atomic.h'],
  ['change_bit', 'include/asm-generic/bitops/instrumented-atomic.h'],
  ['test_bit', 'include/asm-generic/bitops/instrumented-non-atomic.h'],
  ['instrument_atomic_read_write', 'include/linux/instrumented.h'],
  ['atomic_read', 'include/linux/atomic/atomic-instrumented.h'],
  ['atomic64_read', 'include/linux/atomic/atomic-instrumented.h'],
  ['arch_atomic_try_cmpxchg', 'arch/x86/include/asm/atomic.h'],
  ['__const_udelay', 'arch/x86/lib/delay.c'],
  ['delay_tsc', 'arch/x86/lib/delay.c'],
];

// FreeBSD: sys/kern/kern_shutdown.c, subr_kdb.c, amd64/amd64/trap.c, exception.S, arm64/arm64/trap.c,
// kern_mutex.c, kern_sx.c, kern_rwlock.c, kern_rmlock.c, kern_lock.c, subr_witness.c, uipc_mbuf.c,
// and the sleep and lock primitives of kern_synch.c, subr_sleepqueue.c, kern_condvar.c, subr_turnstile.c.
const FREEBSD_MACHINERY: readonly (readonly [string, string])[] = [
  ['db_trace_self_wrapper', 'sys/amd64/amd64/db_trace.c'],
  ['db_trace_thread', 'sys/amd64/amd64/db_trace.c'],
  ['kdb_backtrace', 'sys/kern/subr_kdb.c'],
  ['vpanic', 'sys/kern/kern_shutdown.c'],
  ['panic', 'sys/kern/kern_shutdown.c'],
  ['kassert_panic', 'sys/kern/kern_shutdown.c'],
  ['trap', 'sys/amd64/amd64/trap.c'],
  ['trap_fatal', 'sys/amd64/amd64/trap.c'],
  ['calltrap', 'sys/amd64/amd64/exception.S'],
  ['doreflect', 'sys/amd64/amd64/exception.S'],
  ['handle_el1h_sync', 'sys/arm64/arm64/exception.S'],
  ['do_el1h_sync', 'sys/arm64/arm64/trap.c'],
  ['data_abort', 'sys/arm64/arm64/trap.c'],
  ['align_pc_fault', 'sys/arm64/arm64/trap.c'],
  ['abort_handler', 'sys/arm/arm/trap-v6.c'],
  ['dblfault_handler', 'sys/amd64/amd64/trap.c'],
  ['__asan_load8_noabort', 'sys/kern/subr_asan.c'],
  ['kasan_shadow_check', 'sys/kern/subr_asan.c'],
  ['__msan_chkinit', 'sys/kern/subr_msan.c'],
  ['kmsan_report_hook', 'sys/kern/subr_msan.c'],
  ['witness_checkorder', 'sys/kern/subr_witness.c'],
  ['sx_destroy', 'sys/kern/kern_sx.c'],
  ['mtx_destroy', 'sys/kern/kern_mutex.c'],
  ['_mtx_destroy', 'sys/kern/kern_mutex.c'],
  ['rw_destroy', 'sys/kern/kern_rwlock.c'],
  ['__mtx_lock_flags', 'sys/kern/kern_mutex.c'],
  ['_mtx_lock_flags', 'sys/kern/kern_mutex.c (old)'],
  ['__mtx_unlock_flags', 'sys/kern/kern_mutex.c'],
  ['_mtx_unlock_flags', 'sys/kern/kern_mutex.c (old)'],
  ['__mtx_lock_sleep', 'sys/kern/kern_mutex.c'],
  ['__mtx_lock_spin_flags', 'sys/kern/kern_mutex.c'],
  ['_mtx_lock_spin_cookie', 'sys/kern/kern_mutex.c'],
  ['_mtx_trylock_flags_', 'sys/kern/kern_mutex.c'],
  ['__mtx_assert', 'sys/kern/kern_mutex.c'],
  ['_mtx_assert', 'sys/kern/kern_mutex.c (old)'],
  ['_sx_xunlock_hard', 'sys/kern/kern_sx.c'],
  ['__sx_xlock', 'sys/sys/sx.h'],
  ['sx_try_xlock_int', 'sys/kern/kern_sx.c'],
  ['sx_try_slock_int', 'sys/kern/kern_sx.c'],
  ['_rw_wunlock_cookie', 'sys/kern/kern_rwlock.c'],
  ['__rw_wlock_hard', 'sys/kern/kern_rwlock.c'],
  ['__rw_wunlock_hard', 'sys/kern/kern_rwlock.c'],
  ['_rm_rlock_hard', 'sys/kern/kern_rmlock.c'],
  ['_rm_wlock', 'sys/kern/kern_rmlock.c'],
  ['lockmgr_xlock_hard', 'sys/kern/kern_lock.c'],
  ['__lockmgr_args', 'sys/kern/kern_lock.c'],
  ['m_copydata', 'sys/kern/uipc_mbuf.c'],
  ['m_copyback', 'sys/kern/uipc_mbuf.c'],
  ['m_copym', 'sys/kern/uipc_mbuf.c'],
  ['sleepq_switch', 'sys/kern/subr_sleepqueue.c'],
  ['_cv_wait', 'sys/kern/kern_condvar.c'],
  ['turnstile_wait', 'sys/kern/subr_turnstile.c'],
];

describe('a Linux crash is filed under the function below the crash machinery', () => {
  it.each(LINUX_MACHINERY)('skips %s (%s)', (machinery) => {
    expect(crashFunction([machinery, 'fuse_dev_do_write', 'vfs_write'], isLinuxCrashMachinery)).toBe(
      'fuse_dev_do_write',
    );
  });

  it('files a crash in a function of its own under that function', () => {
    // Names that share a word with a skip pattern without matching it: `_tra` (of `*_trap`), `free`.
    for (const fn of [
      'fuse_dev_do_write',
      'ext4_writepages',
      'tun_get_user',
      'do_idle',
      'tcp_transmit_skb',
      'fuse_dev_free',
    ]) {
      expect(crashFunction([fn, 'vfs_write'], isLinuxCrashMachinery), fn).toBe(fn);
    }
  });
});

describe('a FreeBSD crash is filed under the function below the crash machinery', () => {
  it.each(FREEBSD_MACHINERY)('skips %s (%s)', (machinery) => {
    expect(crashFunction([machinery, 'fuse_vnop_write', 'VOP_WRITE_APV'], isFreebsdCrashMachinery)).toBe(
      'fuse_vnop_write',
    );
  });

  it('files a crash in a function of its own under that function', () => {
    for (const fn of ['fuse_vnop_write', 'vm_fault', 'ffs_write', 'sctp_sosend']) {
      expect(crashFunction([fn, 'VOP_WRITE_APV'], isFreebsdCrashMachinery), fn).toBe(fn);
    }
  });
});

// A stall is detected in the timer interrupt: the title names the interrupted code, the frames after
// the last interrupt-entry frame (arch/x86/kernel/apic/apic.c, kernel/time/hrtimer.c,
// drivers/irqchip/irq-gic*.c, arch/arm64/kernel/entry-common.c).
describe('a soft lockup is filed under the interrupted code, not the timer interrupt', () => {
  const report = (frames: string[]) =>
    [
      'watchdog: BUG: soft lockup - CPU#2 stuck for 136s! [syz-executor4:4888]',
      'CPU: 2 PID: 4888 Comm: syz-executor4 Not tainted 4.20.0 #5',
      'Call Trace:',
      ...frames.map((f) => (f.startsWith('<') ? ` ${f}` : ` ${f}+0x10/0x20`)),
    ].join('\n');
  const interrupted = ['smp_call_function_many', 'smp_call_function', 'on_each_cpu'];

  it('x86 before 5.8 (smp_apic_timer_interrupt, apic_timer_interrupt)', () => {
    const text = report([
      '<IRQ>',
      'watchdog_timer_fn',
      '__hrtimer_run_queues',
      'hrtimer_interrupt',
      'smp_apic_timer_interrupt',
      'apic_timer_interrupt',
      '</IRQ>',
      ...interrupted,
    ]);
    expect(extractLinuxPanic(text)?.title).toBe('BUG: soft lockup in smp_call_function_many');
  });

  it('arm64 before 5.13 (the GIC handler, then el1_irq)', () => {
    const text = report([
      '<IRQ>',
      'watchdog_timer_fn',
      '__hrtimer_run_queues',
      'hrtimer_interrupt',
      'arch_timer_handler_virt',
      'handle_percpu_devid_irq',
      'generic_handle_irq',
      '__handle_domain_irq',
      'gic_handle_irq',
      '</IRQ>',
      'el1_irq',
      ...interrupted,
    ]);
    expect(extractLinuxPanic(text)?.title).toBe('BUG: soft lockup in smp_call_function_many');
  });

  it('a trace that shows no entry frame above hrtimer_interrupt', () => {
    const text = report([
      '<IRQ>',
      'watchdog_timer_fn',
      '__hrtimer_run_queues',
      'hrtimer_interrupt',
      '</IRQ>',
      ...interrupted,
    ]);
    expect(extractLinuxPanic(text)?.title).toBe('BUG: soft lockup in smp_call_function_many');
  });
});
