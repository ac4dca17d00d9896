// Hang titles and "is this thread stuck", from the rules in signature.ts's header and
// ARCHITECTURE (issue 16): the sleep and lock machinery is never where a thread waits; the FUSE
// daemon reading /dev/fuse is idle; an interruptible sleep is not a hang by itself. Each case
// builds the stack a real kernel prints for that wait and states the title a person would expect,
// so deleting one entry of a skip list, or one state check, fails a case here.
import { describe, expect, it } from 'vitest';
import type { Thread } from '../../../src/report/model.js';
import { hangTitle, isBlocked, pickHungThread, signatureOf } from '../../../src/report/signature.js';

const freebsd = (frames: string[], over: Partial<Thread> = {}): Thread => ({
  pid: 812,
  tid: 100_140,
  comm: 'mmap-write',
  state: 'D',
  format: 'freebsd-procstat',
  frames: frames.map((fn) => ({ fn })),
  ...over,
});
const linux = (frames: string[], over: Partial<Thread> = {}): Thread => ({
  pid: 166,
  tid: 166,
  comm: 'fusefs-workload',
  state: 'D',
  format: 'linux-proc-stack',
  frames: frames.map((fn) => ({ fn })),
  ...over,
});

// The FreeBSD sleep and lock primitives a thread passes through on its way to sleep
// (sys/kern/kern_synch.c, subr_sleepqueue.c, kern_condvar.c, kern_lock.c, kern_mutex.c,
// kern_sx.c, kern_rwlock.c, subr_turnstile.c, vfs_default.c, vfs_vnops.c).
const FREEBSD_LOCK_WAITS = [
  'mi_switch',
  'sched_switch',
  'sleepq_switch',
  'sleepq_wait',
  'sleepq_timedwait',
  '_sleep',
  'msleep_spin_sbt',
  'pause_sbt',
  'sleeplk',
  '__lockmgr_args',
  'lockmgr_xlock_hard',
  'lockmgr_slock_hard',
  '_lockmgr_args_rw',
  '_cv_wait',
  '_cv_wait_unlock',
  '_cv_timedwait_sbt',
  '__mtx_lock_sleep',
  '_mtx_lock_sleep',
  'turnstile_wait',
  '_sx_xlock_hard',
  '_sx_slock_hard',
  '_sx_xlock',
  '_sx_slock_int',
  '__rw_wlock_hard',
  '__rw_rlock_hard',
  // kern_sx.c, kern_rwlock.c, kern_rmlock.c, kern_mutex.c: the entry points above the _hard waits
  // (their names with LOCK_DEBUG and in older releases).
  '_sx_slock',
  '_rw_wlock_cookie',
  '__rw_rlock',
  '__rw_rlock_int',
  '_rw_rlock_cookie',
  '_rm_rlock_hard',
  '_mtx_lock_flags',
  '__mtx_lock_flags',
  // sys/kern/kern_synch.c before FreeBSD 7 (later msleep and tsleep are macros over _sleep).
  'msleep',
  'tsleep',
  'vop_stdlock',
  'vop_lock',
  'VOP_LOCK1_APV',
  '_vn_lock',
];

describe('a FreeBSD hang title skips the lock machinery', () => {
  it.each(FREEBSD_LOCK_WAITS)('skips %s', (lockFrame) => {
    const t = freebsd([
      'mi_switch',
      'sleepq_switch',
      lockFrame,
      'vm_object_page_remove',
      'vn_pages_remove',
      'fuse_vnop_write',
      'VOP_WRITE_APV',
      'vn_write',
    ]);
    expect(signatureOf([t])).toBe('hang in vm_object_page_remove from fuse_vnop_write');
  });

  it('skips a whole chain of them', () => {
    const t = freebsd([
      'mi_switch',
      'sleepq_switch',
      'sleepq_wait',
      'sleeplk',
      '__lockmgr_args',
      'vop_stdlock',
      'VOP_LOCK1_APV',
      '_vn_lock',
      'fuse_vnop_write',
    ]);
    expect(signatureOf([t])).toBe('hang in fuse_vnop_write');
  });

  it('names a static _helper after the wrapper that called it, inlined or not', () => {
    const inlined = freebsd([
      'mi_switch',
      'sleepq_wait',
      '_sleep',
      'vm_page_busy_sleep',
      'vm_object_page_remove',
      'fuse_vnop_write',
    ]);
    const notInlined = freebsd([
      'mi_switch',
      'sleepq_wait',
      '_sleep',
      '_vm_page_busy_sleep',
      'vm_page_busy_sleep',
      'vm_object_page_remove',
      'fuse_vnop_write',
    ]);
    expect(signatureOf([inlined])).toBe('hang in vm_page_busy_sleep from fuse_vnop_write');
    expect(signatureOf([notInlined])).toBe('hang in vm_page_busy_sleep from fuse_vnop_write');
  });
});

// Linux: kernel/sched/core.c, completion.c, kernel/locking/*, kernel/time/*, kernel/sched/wait_bit.c.
const LINUX_LOCK_WAITS = [
  '__schedule',
  'schedule',
  'schedule_timeout',
  'schedule_timeout_uninterruptible',
  'schedule_preempt_disabled',
  'schedule_hrtimeout_range',
  'preempt_schedule_common',
  'io_schedule',
  'io_schedule_timeout',
  '__switch_to',
  '__switch_to_asm',
  'context_switch',
  'wait_for_completion',
  'wait_for_completion_killable',
  '__wait_for_common',
  'wait_for_common',
  'do_wait_for_common',
  'rwsem_down_write_slowpath',
  'down_read',
  'down_read_killable',
  'down_write',
  'down_write_killable',
  '__down_common',
  'down',
  'mutex_lock',
  'mutex_lock_killable',
  '__mutex_lock',
  '__mutex_lock_slowpath',
  'rt_mutex_slowlock',
  '__rt_mutex_slowlock',
  'percpu_rwsem_wait',
  '__percpu_down_read',
  'bit_wait_io',
  'bit_wait',
  '__wait_on_bit',
  '__wait_on_bit_lock',
  'out_of_line_wait_on_bit',
  'out_of_line_wait_on_bit_lock',
  'prepare_to_wait_event',
  'finish_wait',
  'wait_woken',
  'do_nanosleep',
  'hrtimer_nanosleep',
  'schedule_idle',
  // kernel/locking/osq_lock.c: optimistic spinning inside mutex_lock.
  'osq_lock',
  // PREEMPT_RT: kernel/locking/rwbase_rt.c, spinlock_rt.c.
  'rwbase_read_lock',
  'rt_spin_lock',
  'rt_read_lock',
  'rt_write_lock',
  // OpenZFS SPL, module/os/linux/spl/spl-condvar.c.
  'cv_wait_common',
  '__cv_wait_io',
  'cv_timedwait_hires_common',
];

describe('a Linux hang title skips the scheduler and lock machinery', () => {
  it.each(LINUX_LOCK_WAITS)('skips %s', (lockFrame) => {
    const t = linux([
      '__schedule',
      lockFrame,
      'filemap_fault',
      '__do_fault',
      'fuse_page_mkwrite',
      'do_page_fault',
    ]);
    expect(signatureOf([t])).toBe('hang in filemap_fault from fuse_page_mkwrite');
  });

  it('ignores compiler suffixes (.isra, .constprop, .part, .cold) in both the skipped and the named frames', () => {
    const t = linux([
      '__schedule',
      'schedule',
      'mutex_lock.constprop.0',
      '__mutex_lock.isra.0',
      'down_write.part.0',
      'fuse_perform_write.isra.0',
      'fuse_file_write_iter',
      'vfs_write',
    ]);
    expect(signatureOf([t])).toBe('hang in fuse_perform_write from fuse_file_write_iter');
  });

  it('names a FUSE request wait "from" the FUSE caller, skipping the request plumbing between them', () => {
    const t = linux(
      [
        'request_wait_answer',
        '__fuse_simple_request',
        'fuse_request_send',
        'fuse_flush',
        'filp_flush',
        '__x64_sys_close',
      ],
      { state: 'S' },
    );
    expect(signatureOf([t])).toBe('hang in request_wait_answer from fuse_flush');
  });
});

describe('which threads are stuck', () => {
  it('never the FUSE daemon reading /dev/fuse, whatever its state', () => {
    for (const daemonRead of ['fuse_dev_do_read', 'fuse_dev_read', 'fuse_dev_splice_read']) {
      const daemon = linux(['__schedule', 'schedule', daemonRead, 'vfs_read', 'ksys_read'], {
        comm: 'fusefs-fixture',
      });
      expect(isBlocked(daemon)).toBe(false);
      expect(signatureOf([daemon])).toBeUndefined();
    }
    const freebsdDaemon = freebsd(
      ['mi_switch', 'sleepq_wait', '_sleep', 'fuse_device_read', 'devfs_read_f', 'dofileread'],
      { comm: 'fusefs-fixture' },
    );
    expect(isBlocked(freebsdDaemon)).toBe(false);
  });

  it('not a thread in interruptible sleep (S, I) unless it waits for a FUSE answer', () => {
    const sleeper = linux(['__schedule', 'schedule', 'mutex_lock', 'fuse_perform_write'], { state: 'S' });
    expect(isBlocked(sleeper)).toBe(false);
    expect(isBlocked({ ...sleeper, state: 'I' })).toBe(false);
    expect(isBlocked({ ...sleeper, state: 'D' })).toBe(true);
    const waiting = linux(['request_wait_answer', 'fuse_simple_request', 'fuse_perform_write'], {
      state: 'S',
    });
    expect(isBlocked(waiting)).toBe(true);
  });

  it('not a running, zombie, stopped or dead thread, even in FUSE code', () => {
    for (const state of ['R', 'Z', 'X', 'T', 't']) {
      expect(isBlocked(linux(['request_wait_answer', 'fuse_perform_write'], { state }))).toBe(false);
    }
  });

  it('without a printed state (procstat): a FreeBSD sleep without PCATCH in VM code is, a sleep with PCATCH is not', () => {
    const noCatch = freebsd(
      ['mi_switch', 'sleepq_wait', '_sleep', 'vm_page_busy_sleep', 'vm_object_page_remove'],
      { state: undefined },
    );
    expect(isBlocked(noCatch)).toBe(true);
    for (const interruptible of [
      'sleepq_wait_sig',
      'sleepq_timedwait_sig',
      'sleepq_catch_signals',
      '_cv_wait_sig',
    ]) {
      const catching = freebsd(
        ['mi_switch', interruptible, '_sleep', 'vm_page_busy_sleep', 'vm_object_page_remove'],
        { state: undefined },
      );
      expect(isBlocked(catching)).toBe(false);
    }
  });

  it('without a printed state: an uninterruptible FreeBSD sleep outside file-system and VM code is not', () => {
    expect(
      isBlocked(
        freebsd(['mi_switch', 'sleepq_wait', '_sleep', 'kthread_suspend_check', 'fork_exit'], {
          state: undefined,
        }),
      ),
    ).toBe(false);
    expect(
      isBlocked(
        freebsd(['mi_switch', 'turnstile_wait', '__mtx_lock_sleep', 'vn_write'], { state: undefined }),
      ),
    ).toBe(true);
  });

  it('a FreeBSD FUSE request wait counts although that sleep catches signals', () => {
    const t = freebsd(
      [
        'mi_switch',
        'sleepq_switch',
        'sleepq_catch_signals',
        'sleepq_wait_sig',
        '_sleep',
        'fticket_wait_answer',
        'fdisp_wait_answ',
        'fuse_vnop_write',
      ],
      { state: undefined },
    );
    expect(isBlocked(t)).toBe(true);
    expect(signatureOf([t])).toBe('hang in fticket_wait_answer from fuse_vnop_write');
  });

  it('a panicking thread is never a hang', () => {
    expect(
      isBlocked(freebsd(['kdb_enter', 'vpanic', 'panic', 'vm_page_busy_sleep'], { format: 'freebsd-panic' })),
    ).toBe(false);
    expect(isBlocked(linux(['dump_stack', 'panic', 'fuse_perform_write'], { format: 'linux-panic' }))).toBe(
      false,
    );
  });
});

describe('the hung thread', () => {
  it('is the test’s own thread when the focus names it, over an uninterruptible bystander', () => {
    const bystander = linux(
      ['__schedule', 'schedule', 'io_schedule', 'folio_wait_bit_common', 'filemap_fault'],
      { pid: 50, tid: 50, comm: 'kworker/0:1' },
    );
    const test = linux(['request_wait_answer', 'fuse_simple_request', 'fuse_flush'], {
      pid: 166,
      tid: 166,
      state: 'S',
    });
    expect(signatureOf([bystander, test], { pids: [166] })).toBe(
      'hang in request_wait_answer from fuse_flush',
    );
    expect(signatureOf([bystander, test], { comms: ['fusefs-workload'] })).toBe(
      'hang in request_wait_answer from fuse_flush',
    );
    expect(signatureOf([bystander, test], { pids: [999], comms: ['other'] })).toBe(
      'hang in folio_wait_bit_common from filemap_fault',
    );
    // Without a focus the uninterruptible sleeper wins.
    expect(signatureOf([test, bystander])).toBe('hang in folio_wait_bit_common from filemap_fault');
  });

  it('is a thread in FUSE code over one in plain VM code, the first captured on a tie', () => {
    const vm = linux(['__schedule', 'io_schedule', 'folio_wait_bit_common', 'filemap_fault'], { tid: 1 });
    const fuse = linux(['__schedule', 'io_schedule', 'folio_wait_bit_common', 'fuse_page_mkwrite'], {
      tid: 2,
    });
    expect(signatureOf([vm, fuse])).toBe('hang in folio_wait_bit_common from fuse_page_mkwrite');
    const fuse2 = linux(['__schedule', 'mutex_lock', 'fuse_lock_inode'], { tid: 3 });
    expect(signatureOf([fuse, fuse2])).toBe('hang in folio_wait_bit_common from fuse_page_mkwrite');
  });
});

// A hang in a generic wait (syzkaller linuxHangTaskFrameExtractor): the caller that names it is the
// first frame below that is no waiting machinery of its own, unless a lock-and-sync anchor is there.
describe('a hang in a generic wait is named after the caller below the waiting functions', () => {
  // Each frame holds one generic-wait word of signature.ts (sched, _lock, _slowlock, down,
  // completion, kthread, wait, synchronize, cancel_delayed_work) and is in no skip list.
  const GENERIC_BELOW = [
    'sched_move_task',
    'nfs_page_group_lock',
    'rtlock_slowlock',
    'percpu_down_write',
    'scsi_io_completion',
    'kthread_park',
    'blk_mq_freeze_queue_wait',
    '__synchronize_srcu',
    'cancel_delayed_work_sync',
  ];
  it.each(GENERIC_BELOW)('passes over %s to the caller', (generic) => {
    const t = linux([
      '__schedule',
      'schedule',
      'schedule_timeout',
      '__wait_rcu_gp',
      generic,
      'tun_chr_close',
    ]);
    expect(signatureOf([t])).toBe('hang in __wait_rcu_gp from tun_chr_close');
  });

  it('a generic wait of the same family as the wait is passed over too', () => {
    const t = linux(['__schedule', 'schedule', 'kthread_park', 'kthread_stop_put', 'tun_chr_close']);
    expect(signatureOf([t])).toBe('hang in kthread_park from tun_chr_close');
  });

  it('names the lock-and-sync anchor below (the RTNL, an RCU grace period) over a nearer caller', () => {
    for (const anchor of [
      'rtnl_lock',
      'synchronize_rcu',
      'synchronize_srcu',
      'synchronize_net',
      'synchronize_sched',
    ]) {
      const t = linux([
        '__schedule',
        'schedule',
        'wait_for_completion',
        '__wait_rcu_gp',
        'tun_detach',
        anchor,
        'tun_chr_close',
      ]);
      expect(signatureOf([t]), anchor).toBe(`hang in __wait_rcu_gp from ${anchor}`);
    }
    // Only those names: synchronize_irq waits for one handler, not for a family of hangs.
    const irq = linux(['__schedule', 'schedule', '__wait_rcu_gp', 'tun_detach', 'synchronize_irq', 'x']);
    expect(signatureOf([irq])).toBe('hang in __wait_rcu_gp from tun_detach');
    const rtnlOnly = linux(['__schedule', 'schedule', '__wait_rcu_gp', 'tun_detach', 'rtnl_lock_killable']);
    expect(signatureOf([rtnlOnly])).toBe('hang in __wait_rcu_gp from tun_detach');
  });

  it('a wait outside FUSE and not generic is named after the first file-system or VM caller of another family', () => {
    const t = freebsd([
      'mi_switch',
      'sleepq_wait',
      '_sleep',
      'vm_page_busy_sleep',
      'vm_object_page_remove',
      'vn_pages_remove',
      'ffs_write',
    ]);
    expect(signatureOf([t])).toBe('hang in vm_page_busy_sleep from vn_pages_remove');
    // The family is the name up to its first `_` after leading underscores.
    const u = freebsd([
      'mi_switch',
      'sleepq_wait',
      '_sleep',
      '__vm_page_busy_sleep',
      '_vm_object_x',
      'ufs_lock',
    ]);
    expect(signatureOf([u])).toBe('hang in __vm_page_busy_sleep from ufs_lock');
  });
});

describe('hang titles of odd stacks', () => {
  it('a stack of nothing but sleep machinery is named after its innermost frame', () => {
    expect(signatureOf([freebsd(['mi_switch', 'sleepq_wait', '_sleep'])])).toBe('hang in mi_switch');
  });

  it('frames without a symbol name nothing', () => {
    const t = freebsd([
      '??',
      'mi_switch',
      'sleepq_wait',
      '0xffffffff80b4c1d2',
      'vm_page_busy_sleep',
      'fuse_vnop_write',
    ]);
    expect(signatureOf([t])).toBe('hang in vm_page_busy_sleep from fuse_vnop_write');
    expect(signatureOf([freebsd(['??', '??'])])).toBeUndefined();
  });

  it('a thread with no frames is never the hung thread, whatever its state', () => {
    const empty = freebsd([], { state: 'D', pid: 1, comm: 'swapper' });
    const stuck = linux(['request_wait_answer', 'fuse_simple_request', 'fuse_flush'], { state: 'S' });
    expect(isBlocked(empty)).toBe(false);
    expect(signatureOf([empty, stuck])).toBe('hang in request_wait_answer from fuse_flush');
  });

  it('a FUSE wait names the FUSE caller, never the request plumbing or the daemon read below it', () => {
    // (A thread with the daemon's read in its stack is never blocked: hangTitle names it anyway.)
    const t = linux([
      '__schedule',
      'schedule',
      'fuse_wait_on_page_writeback',
      'fuse_dev_do_read',
      'fuse_simple_request',
      'fuse_fsync',
    ]);
    expect(hangTitle(t)).toBe('hang in fuse_wait_on_page_writeback from fuse_fsync');
  });
});

describe('the hung thread without a printed state (procstat)', () => {
  it('is the uninterruptible sleeper in VM code over a FUSE request wait that catches signals', () => {
    const waiting = freebsd(
      [
        'mi_switch',
        'sleepq_catch_signals',
        'sleepq_wait_sig',
        '_sleep',
        'fticket_wait_answer',
        'fuse_vnop_read',
      ],
      { state: undefined, tid: 1 },
    );
    const pager = freebsd(
      [
        'mi_switch',
        'sleepq_wait',
        '_sleep',
        'vm_page_busy_sleep',
        'vm_object_page_remove',
        'fuse_vnop_write',
      ],
      { state: undefined, tid: 2 },
    );
    expect(signatureOf([waiting, pager])).toBe('hang in vm_page_busy_sleep from fuse_vnop_write');
  });

  it('a FreeBSD lock wait on a turnstile (no PCATCH) in file-system code is blocked, one in FUSE code too', () => {
    const t = freebsd(['mi_switch', 'turnstile_wait', '__mtx_lock_sleep', 'fuse_vnop_write'], {
      state: undefined,
    });
    expect(isBlocked(t)).toBe(true);
    for (const interruptible of [
      'sleepq_wait_sig',
      'sleepq_timedwait_sig',
      'sleepq_catch_signals',
      '_cv_wait_sig',
      '_cv_timedwait_sig_sbt',
    ]) {
      const idle = freebsd(['mi_switch', interruptible, '_sleep', 'fuse_vnop_write'], { state: undefined });
      expect(isBlocked(idle), interruptible).toBe(false);
    }
  });

  it('a thread in FUSE code with no sleep frame at all (Linux /proc/PID/stack) is blocked, one elsewhere is not', () => {
    expect(isBlocked(linux(['fuse_perform_write', 'vfs_write'], { state: undefined }))).toBe(true);
    expect(isBlocked(linux(['ext4_file_write_iter', 'vfs_write'], { state: undefined }))).toBe(false);
  });
});

// File-system and VM code (frame-classes.ts FS_VM_FRAMES): between two threads stuck the same way, the
// one in such code is the hung thread. One real function a line, its source file named.
const FS_VM_CODE: readonly (readonly [string, string])[] = [
  ['VOP_FSYNC_APV', 'FreeBSD sys/kern/vnode_if.c'],
  ['vop_stdfsync', 'FreeBSD sys/kern/vfs_default.c'],
  ['vfs_busy', 'FreeBSD sys/kern/vfs_subr.c'],
  ['vn_rdwr', 'FreeBSD sys/kern/vfs_vnops.c'],
  ['v_inval_buf_range', 'FreeBSD sys/kern/vfs_subr.c'],
  ['vinactive', 'FreeBSD sys/kern/vfs_subr.c'],
  ['vput_final', 'FreeBSD sys/kern/vfs_subr.c'],
  ['vrele', 'FreeBSD sys/kern/vfs_subr.c'],
  ['vget_finish', 'FreeBSD sys/kern/vfs_subr.c'],
  ['vnode_pager_putpages', 'FreeBSD sys/vm/vnode_pager.c'],
  ['vm_fault', 'FreeBSD sys/vm/vm_fault.c'],
  ['vinvalbuf', 'FreeBSD sys/kern/vfs_subr.c'],
  ['bufwait', 'FreeBSD sys/kern/vfs_bio.c'],
  ['bufobj_wwait', 'FreeBSD sys/kern/vfs_subr.c'],
  ['getblkx', 'FreeBSD sys/kern/vfs_bio.c'],
  ['bwrite', 'FreeBSD sys/sys/buf.h'],
  ['bufwrite', 'FreeBSD sys/kern/vfs_bio.c'],
  ['brelse', 'FreeBSD sys/kern/vfs_bio.c'],
  ['kern_openat', 'FreeBSD sys/kern/vfs_syscalls.c'],
  ['kern_renameat', 'FreeBSD sys/kern/vfs_syscalls.c'],
  ['namei', 'FreeBSD sys/kern/vfs_lookup.c'],
  ['ufs_lookup', 'FreeBSD sys/ufs/ufs/ufs_lookup.c'],
  ['ffs_write', 'FreeBSD sys/ufs/ffs/ffs_vnops.c'],
  ['filemap_fault', 'Linux mm/filemap.c'],
  ['folio_wait_bit_common', 'Linux mm/filemap.c'],
  ['__folio_lock', 'Linux mm/filemap.c'],
  ['generic_perform_write', 'Linux mm/filemap.c'],
  ['truncate_inode_pages_range', 'Linux mm/truncate.c'],
  ['writeback_sb_inodes', 'Linux fs/fs-writeback.c'],
  ['do_writepages', 'Linux mm/page-writeback.c'],
  ['write_inode_now', 'Linux fs/fs-writeback.c'],
  ['iterate_dir', 'Linux fs/readdir.c'],
  ['path_openat', 'Linux fs/namei.c'],
  ['filp_close', 'Linux fs/open.c'],
  ['do_sys_openat2', 'Linux fs/open.c'],
  ['do_filp_open', 'Linux fs/namei.c'],
  ['__fuse_simple_request', 'Linux fs/fuse/dev.c'],
  ['fdata_set_dead', 'FreeBSD sys/fs/fuse/fuse_ipc.c'],
  ['fsess_isimpl', 'FreeBSD sys/fs/fuse/fuse_ipc.c'],
  ['fiov_adjust', 'FreeBSD sys/fs/fuse/fuse_ipc.c'],
  ['fdisp_make', 'FreeBSD sys/fs/fuse/fuse_ipc.c'],
  ['fticket_wait_answer', 'FreeBSD sys/fs/fuse/fuse_ipc.c'],
];

describe('the hung thread is the one in file-system or VM code', () => {
  it.each(FS_VM_CODE)('%s (%s)', (fn) => {
    const elsewhere = linux(['__schedule', 'schedule', 'mutex_lock', 'kthread_worker_fn'], {
      tid: 1,
      comm: 'kworker',
    });
    const inFs = linux(['__schedule', 'schedule', 'mutex_lock', fn, 'ksys_write'], { tid: 2 });
    expect(pickHungThread([elsewhere, inFs])?.tid).toBe(2);
  });

  it('not one in other kernel code: the first captured wins the tie', () => {
    for (const fn of ['kern_wait6', 'kern_nanosleep', 'sys_wait4', 'kthread_suspend_check']) {
      const first = linux(['__schedule', 'schedule', 'mutex_lock', 'kthread_worker_fn'], { tid: 1 });
      const other = linux(['__schedule', 'schedule', 'mutex_lock', fn], { tid: 2 });
      expect(pickHungThread([first, other])?.tid, fn).toBe(1);
    }
  });
});

// FUSE's request plumbing (FUSE_IPC_FRAMES): a wait in it is named after the FUSE caller below.
describe('a FUSE wait is named after the FUSE operation, not the request plumbing between', () => {
  it.each([
    'fticket_wait_answer',
    'fdisp_wait_answ',
    'fiov_refresh',
    'fuse_ticket_fetch',
    'fuse_insert_message',
    'fuse_simple_request',
    '__fuse_simple_request',
    '__fuse_request_send',
    'fuse_request_send',
  ])('passes over %s', (plumbing) => {
    const t = linux(['__schedule', 'schedule', 'request_wait_answer', plumbing, 'fuse_flush', 'filp_flush'], {
      state: 'S',
    });
    expect(signatureOf([t])).toBe('hang in request_wait_answer from fuse_flush');
  });
});

describe('hang titles: helpers and FUSE waits', () => {
  it('names a `__name` helper under its `name` wrapper after the wrapper too (Linux __folio_lock under folio_lock)', () => {
    const t = linux(['__schedule', 'io_schedule', '__folio_lock', 'folio_lock', 'filemap_fault', 'do_fault']);
    expect(signatureOf([t])).toBe('hang in folio_lock from filemap_fault');
  });

  it('a wait in FUSE code with no FUSE caller below is named by itself, not by the file-system code that called it', () => {
    const t = freebsd(['mi_switch', 'sleepq_wait', '_sleep', 'fuse_vnop_write', 'VOP_WRITE_APV', 'vn_write']);
    expect(signatureOf([t])).toBe('hang in fuse_vnop_write');
  });
});

describe('states and odd threads', () => {
  it('a timed sleep without PCATCH (sleepq_timedwait) in VM code is blocked too', () => {
    const t = freebsd(
      ['mi_switch', 'sleepq_timedwait', '_sleep', 'vm_page_busy_sleep', 'vm_object_page_remove'],
      {
        state: undefined,
      },
    );
    expect(isBlocked(t)).toBe(true);
  });

  it('FreeBSD ps STAT `L` (waiting for a lock) is no idle state: the stack decides', () => {
    const t = freebsd(
      ['mi_switch', 'turnstile_wait', '__mtx_lock_sleep', 'vm_object_page_remove', 'vn_pages_remove'],
      {
        state: 'L',
      },
    );
    expect(isBlocked(t)).toBe(true);
  });

  it('only the first letter of a state is the state; the rest are flags', () => {
    const flagged = linux(
      ['__schedule', 'schedule', 'io_schedule', 'folio_wait_bit_common', 'filemap_fault'],
      {
        state: 'D+',
        tid: 1,
      },
    );
    expect(isBlocked(flagged)).toBe(true);
    // Uninterruptible (D+) in VM code outranks a FUSE request wait in S.
    const waiting = linux(['request_wait_answer', 'fuse_simple_request', 'fuse_flush'], {
      state: 'S',
      tid: 2,
    });
    expect(pickHungThread([waiting, flagged])?.tid).toBe(1);
  });

  it('a thread whose frames name nothing has no title', () => {
    expect(hangTitle(freebsd(['??', '0xffffffff80b4c1d2']))).toBeUndefined();
  });
});

describe('hang titles: callers below the wait', () => {
  it('the lock frames below a file system’s own lock function are not its caller (FreeBSD ffs_lock)', () => {
    // sys/ufs/ffs/ffs_vnops.c ffs_lock calls lockmgr itself: the lock frames sit on both sides of it.
    const t = freebsd([
      'mi_switch',
      'sleepq_wait',
      'sleeplk',
      '__lockmgr_args',
      'ffs_lock',
      'VOP_LOCK1_APV',
      '_vn_lock',
      'vget_finish',
      'cache_lookup',
    ]);
    expect(signatureOf([t])).toBe('hang in ffs_lock from vget_finish');
  });

  it('a generic wait is not named after a caller of its own family', () => {
    const t = linux([
      '__schedule',
      'schedule',
      'blk_mq_freeze_queue_wait',
      'blk_mq_update_nr_hw_queues',
      'nbd_start_device',
      'nbd_ioctl',
    ]);
    expect(signatureOf([t])).toBe('hang in blk_mq_freeze_queue_wait from nbd_start_device');
  });

  it('counts only the patterns’ own prefix and suffix: a k…e name is no file-system code', () => {
    const first = linux(['__schedule', 'schedule', 'mutex_lock', 'kthread_worker_fn'], { tid: 1 });
    const other = linux(['__schedule', 'schedule', 'mutex_lock', 'kthread_create'], { tid: 2 });
    expect(pickHungThread([first, other])?.tid).toBe(1);
  });
});
