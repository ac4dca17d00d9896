import { describe, expect, it } from 'vitest';
import { analyzeStacks } from '../../../src/report/analyze.js';
import { CATALOGUE, entryMatches, loadCatalogue, matchKnownBug } from '../../../src/report/catalogue.js';
import type { Thread } from '../../../src/report/model.js';
import {
  blockedThreads,
  hangTitle,
  isBlocked,
  panicSignature,
  pickHungThread,
  signatureOf,
} from '../../../src/report/signature.js';

function thread(frames: string[], extra: Partial<Thread> = {}): Thread {
  return {
    comm: 't',
    format: 'freebsd-procstat',
    frames: frames.map((fn, i) => ({ fn, offset: `0x${(i + 1).toString(16)}` })),
    ...extra,
  };
}

const BUG_2020 = [
  'mi_switch',
  'sleepq_wait',
  '_sleep',
  'vm_page_busy_sleep',
  'vm_object_page_remove',
  'vn_pages_remove',
  'fuse_io_dispatch',
  'VOP_WRITE_APV',
  'vnode_pager_generic_putpages',
];
const BUG_NOW = [
  'mi_switch',
  'sleepq_wait',
  '_sleep',
  'vm_page_busy_sleep',
  'vm_object_page_remove',
  'vn_pages_remove',
  'v_inval_buf_range',
  'fuse_inval_buf_range',
  'fuse_vnop_write',
  'VOP_WRITE_APV',
  'vnode_pager_generic_putpages',
];
const STALL = [
  'mi_switch',
  'sleepq_wait',
  '_sleep',
  'fticket_wait_answer',
  'fdisp_wait_answ',
  'fuse_write_directbackend',
  'fuse_vnop_write',
  'VOP_WRITE_APV',
  'vn_write',
];
const DAEMON = [
  'mi_switch',
  'sleepq_catch_signals',
  'sleepq_wait_sig',
  '_sleep',
  'fuse_device_read',
  'devfs_read_f',
  'dofileread',
  'sys_read',
];

describe('isBlocked', () => {
  it('counts uninterruptible sleeps in fs/VM code and FUSE answer waits, not idle sleepers', () => {
    expect(isBlocked(thread(BUG_2020))).toBe(true);
    expect(isBlocked(thread(STALL))).toBe(true);
    expect(
      isBlocked(
        thread([
          'mi_switch',
          'sleepq_catch_signals',
          'sleepq_timedwait_sig',
          '_sleep',
          'fticket_wait_answer',
        ]),
      ),
    ).toBe(true);
    expect(isBlocked(thread(DAEMON))).toBe(false);
    expect(isBlocked(thread(DAEMON, { state: 'D' }))).toBe(false);
    expect(
      isBlocked(thread(['mi_switch', 'sleepq_catch_signals', 'sleepq_wait_sig', '_sleep', 'kern_wait6'])),
    ).toBe(false);
    // An idle kernel thread sleeps uninterruptibly but outside file-system/VM code.
    expect(
      isBlocked(
        thread(['sched_switch', 'mi_switch', 'sleepq_timedwait', '_sleep', 'buf_daemon', 'fork_exit']),
      ),
    ).toBe(false);
    expect(isBlocked(thread([]))).toBe(false);
  });

  it('lets a printed state decide', () => {
    expect(
      isBlocked(
        thread(['folio_wait_bit_common', 'truncate_inode_pages_range'], {
          state: 'D',
          format: 'linux-proc-stack',
        }),
      ),
    ).toBe(true);
    expect(isBlocked(thread(['do_wait', 'kernel_wait4'], { state: 'S', format: 'linux-proc-stack' }))).toBe(
      false,
    );
    expect(
      isBlocked(thread(['request_wait_answer', 'fuse_flush'], { state: 'S', format: 'linux-proc-stack' })),
    ).toBe(true);
    expect(isBlocked(thread(BUG_2020, { state: 'R' }))).toBe(false);
    expect(isBlocked(thread(BUG_2020, { format: 'freebsd-panic' }))).toBe(false);
  });

  it('blockedThreads keeps only the blocked ones, in order', () => {
    const a = thread(BUG_2020, { pid: 1 });
    const b = thread(DAEMON, { pid: 2 });
    const c = thread(STALL, { pid: 3 });
    expect(blockedThreads([a, b, c]).map((t) => t.pid)).toEqual([1, 3]);
  });
});

describe('signatures', () => {
  it('names bug 247276 after vm_page_busy_sleep and the fuse caller, never offsets', () => {
    expect(hangTitle(thread(BUG_2020))).toBe('hang in vm_page_busy_sleep from fuse_io_dispatch');
    expect(hangTitle(thread(BUG_NOW))).toBe('hang in vm_page_busy_sleep from fuse_inval_buf_range');
    const other = thread(BUG_2020);
    for (const [i, f] of other.frames.entries()) f.offset = `0x${(0x900 + i * 7).toString(16)}`;
    expect(hangTitle(other)).toBe(hangTitle(thread(BUG_2020)));
  });

  it('names a static _helper after its wrapper, so inlining does not change the title', () => {
    const withHelper = [
      'mi_switch',
      'sleepq_wait',
      '_vm_page_busy_sleep',
      'vm_page_busy_sleep',
      'vm_object_page_remove',
      'vn_pages_remove',
      'fuse_io_dispatch',
    ];
    expect(hangTitle(thread(withHelper))).toBe('hang in vm_page_busy_sleep from fuse_io_dispatch');
  });

  it('skips FUSE request plumbing when naming the caller', () => {
    expect(hangTitle(thread(STALL))).toBe('hang in fticket_wait_answer from fuse_write_directbackend');
    const linux = thread(['request_wait_answer', '__fuse_simple_request', 'fuse_flush', 'filp_flush'], {
      format: 'linux-proc-stack',
    });
    expect(hangTitle(linux)).toBe('hang in request_wait_answer from fuse_flush');
  });

  it('falls back to a file-system/VM frame of another subsystem when no FUSE frame is below', () => {
    const ufs = [
      'mi_switch',
      'sleepq_wait',
      '_sleep',
      'vm_page_busy_sleep',
      'vm_object_page_remove',
      'vn_pages_remove',
      'ffs_write',
    ];
    expect(hangTitle(thread(ufs))).toBe('hang in vm_page_busy_sleep from vn_pages_remove');
    expect(hangTitle(thread(['mi_switch', 'sleepq_wait', '_sleep', 'some_driver_wait']))).toBe(
      'hang in some_driver_wait',
    );
  });

  it('picks the test process first, then uninterruptible FUSE sleepers', () => {
    // A stall as FreeBSD really sleeps there (msleep with PCATCH): blocked, but interruptible.
    const stall = thread(
      ['mi_switch', 'sleepq_catch_signals', 'sleepq_timedwait_sig', '_sleep', ...STALL.slice(3)],
      { pid: 10, comm: 'other' },
    );
    const bug = thread(BUG_2020, { pid: 20, comm: 'mmap-write' });
    expect(pickHungThread([stall, bug])?.pid).toBe(20);
    expect(pickHungThread([stall, bug], { pids: [10] })?.pid).toBe(10);
    expect(signatureOf([stall, bug], { comms: ['other'] })).toBe(
      'hang in fticket_wait_answer from fuse_write_directbackend',
    );
    expect(signatureOf([thread(DAEMON)])).toBeUndefined();
  });

  it('normalizes panic messages', () => {
    expect(panicSignature({ message: 'sysrq triggered crash' })).toBe('panic: sysrq triggered crash');
    expect(panicSignature({ message: 'fuse_vnop_write: vnode 0xfffff80012a4e700 not locked' })).toBe(
      'panic: fuse_vnop_write: vnode ADDR not locked',
    );
    expect(panicSignature({ message: 'Assertion x failed at  /usr/src/sys/fs/fuse/fuse_io.c:123' })).toBe(
      'panic: Assertion x failed at sys/fs/fuse/fuse_io.c',
    );
    // Build paths and line numbers never split one bug into two titles.
    expect(
      panicSignature({
        message: 'mtx_lock() of destroyed mutex @ /mnt/go/src/kernel/sys/kern/sys_socket.c:316',
      }),
    ).toBe('panic: mtx_lock() of destroyed mutex @ sys/kern/sys_socket.c');
    expect(panicSignature({ message: 'x', title: 'general protection fault in udp_close' })).toBe(
      'general protection fault in udp_close',
    );
    expect(panicSignature({ message: 'bad page ffffea0001a2b3c0 in pid 42' })).toBe(
      'panic: bad page ADDR in pid NUM',
    );
  });
});

describe('known-deadlock catalogue', () => {
  const entry = CATALOGUE.find((e) => e.id === 'freebsd-247276');

  it('has the 247276 entry with the bugzilla link', () => {
    expect(entry?.url).toBe('https://bugs.freebsd.org/bugzilla/show_bug.cgi?id=247276');
  });

  it('matches the 2020 and current stacks, with helpers inlined away, and not a plain stall', () => {
    if (!entry) throw new Error('no entry');
    expect(entryMatches(entry, thread(BUG_2020))).toBe(true);
    expect(entryMatches(entry, thread(BUG_NOW))).toBe(true);
    expect(entryMatches(entry, thread(BUG_NOW.filter((f) => f !== 'fuse_inval_buf_range')))).toBe(true);
    expect(entryMatches(entry, thread(BUG_NOW.filter((f) => f !== 'vm_object_page_remove')))).toBe(true);
    expect(entryMatches(entry, thread(STALL))).toBe(false);
    expect(entryMatches(entry, thread(DAEMON))).toBe(false);
    // The same page-busy wait reached from another file system is not bug 247276.
    expect(
      entryMatches(
        entry,
        thread([
          'sleepq_wait',
          'vm_page_busy_sleep',
          'vm_object_page_remove',
          'vn_pages_remove',
          'v_inval_buf_range',
          'ffs_truncate',
        ]),
      ),
    ).toBe(false);
  });

  it('matchKnownBug reports the bug from any of the threads, blocked first', () => {
    expect(matchKnownBug([thread(DAEMON), thread(BUG_NOW)])).toEqual({
      id: 'freebsd-247276',
      title: entry?.title,
      url: 'https://bugs.freebsd.org/bugzilla/show_bug.cgi?id=247276',
    });
    expect(matchKnownBug([thread(DAEMON), thread(STALL)])).toBeUndefined();
    expect(matchKnownBug([])).toBeUndefined();
  });

  it('rejects malformed catalogue data naming the entry', () => {
    expect(() => loadCatalogue({})).toThrow(/entries/);
    expect(() =>
      loadCatalogue({ entries: [{ id: 'x', title: 't', url: 'http://x', match: { allOf: [['a']] } }] }),
    ).toThrow(/entry 0 \(x\): url/);
    expect(() =>
      loadCatalogue({ entries: [{ id: 'x', title: 't', url: 'https://x', match: { allOf: [[]] } }] }),
    ).toThrow(/allOf/);
    expect(
      loadCatalogue({
        entries: [{ id: 'x', title: 't', url: 'https://x', match: { allOf: [['a', 'b*']] } }],
      }),
    ).toHaveLength(1);
  });
});

describe('bug 247276 in every capture form', () => {
  // The current-tree stack, cut at STACK_MAX (18 frames, sys/sys/_stack.h), as each tool prints it.
  const stack: [string, string][] = [
    ['mi_switch', '0x171'],
    ['sleepq_wait', '0x2c'],
    ['_sleep', '0x1c3'],
    ['vm_page_busy_sleep', '0x94'],
    ['vm_object_page_remove', '0x1a5'],
    ['vn_pages_remove', '0x4b'],
    ['v_inval_buf_range', '0xd4'],
    ['fuse_inval_buf_range', '0x1fa'],
    ['fuse_vnop_write', '0x2f6'],
    ['VOP_WRITE_APV', '0xe1'],
    ['vnode_pager_generic_putpages', '0x2b0'],
    ['VOP_PUTPAGES_APV', '0x5c'],
    ['vnode_pager_putpages', '0x89'],
    ['vm_pageout_flush', '0xf1'],
    ['vm_object_page_collect_flush', '0x21a'],
    ['vm_object_page_clean', '0x15e'],
    ['vinactive', '0xb2'],
    ['vput_final', '0x2d6'],
  ];
  const hdr = `${'PID'.padStart(5)} ${'TID'.padStart(6)} ${'COMM'.padEnd(19)} ${'TDNAME'.padEnd(19)} ${'KSTACK'.padEnd(29)}`;
  const row = (frames: string): string =>
    `${'912'.padStart(5)} ${'100154'.padStart(6)} ${'fusefs-workloads'.padEnd(19)} ${'-'.padEnd(19)} ${frames}`;
  const forms: Record<string, string> = {
    // usr.bin/procstat/procstat_kstack.c: -kk `func+0xoff`, -k `func`
    'procstat -kk': `${hdr}\n${row(stack.map(([f, o]) => `${f}+${o}`).join(' '))}\n`,
    'procstat -k': `${hdr}\n${row(stack.map(([f]) => f).join(' '))}\n`,
    // sys/ddb/db_command.c alltrace header, sys/amd64/amd64/db_trace.c frames
    'ddb alltrace': `Tracing command fusefs-workloads pid 912 tid 100154 td 0xfffff80003a1c740\n${stack.map(([f, o]) => `${f}() at ${f}+${o}/frame 0xfffffe00d4c3f7a0`).join('\n')}\n`,
    // ddb bt: "Tracing pid %d tid %ld td %p"; DDB_NUMSYM prints "0x... = name" (sys/ddb/db_sym.c)
    'ddb bt, DDB_NUMSYM': `Tracing pid 912 tid 100154 td 0xfffff80003a1c740\n${stack.map(([f, o]) => `${f}() at 0xffffffff80c0ffee = ${f}+${o}/frame 0xfffffe00d4c3f7a0`).join('\n')}\n`,
    // the watchdog's framed capture in a serial log, with CRLF and terminal colour
    'serial log, CRLF and ANSI': `\x1b[1m@@fg:k3v9q2m7x1:capture:procstat-kk:begin@@\x1b[0m\r\n${hdr}\r\n${row(stack.map(([f, o]) => `${f}+${o}`).join(' '))}\r\n@@fg:k3v9q2m7x1:capture:procstat-kk:end@@\r\n`,
    'syslog-prefixed procstat': `${[hdr, row(stack.map(([f, o]) => `${f}+${o}`).join(' '))].map((l) => `Dec  1 12:00:00 freebsd kernel: ${l}`).join('\n')}\n`,
  };
  for (const [form, text] of Object.entries(forms)) {
    it(`${form}: matches the catalogue, same title`, () => {
      const a = analyzeStacks(text);
      expect(a.knownBug?.id, form).toBe('freebsd-247276');
      expect(a.signature, form).toBe('hang in vm_page_busy_sleep from fuse_inval_buf_range');
    });
  }
});
