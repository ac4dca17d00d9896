// The capture forms issue 11 and 12 name, each from its format string (source cited per case) or
// from a real text of the corpus, so that a parser change that drops one fails here by name.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStacks } from '../../../src/report/analyze.js';
import { freebsdDdbParser } from '../../../src/report/parsers/freebsd-ddb.js';
import { freebsdProcstatParser, parsePsAxl } from '../../../src/report/parsers/freebsd-procstat.js';
import { parseTraceLine } from '../../../src/report/parsers/linux-call-trace.js';
import { cleanLine } from '../../../src/report/parsers/common.js';
import { isBlocked, signatureOf } from '../../../src/report/signature.js';

const STACKS = path.join(import.meta.dirname, '../../fixtures/stacks');
const fixture = (name: string): string => readFileSync(path.join(STACKS, name), 'utf8');
const fns = (t: { frames: { fn: string }[] } | undefined): string[] => (t ? t.frames.map((f) => f.fn) : []);

describe('FreeBSD ddb alltrace', () => {
  // sys/ddb/db_command.c _db_stack_trace_all(): "\nTracing command %s pid %d tid %ld td %p (CPU %d)\n" for a
  // thread in TDS_RUNNING, the same without " (CPU %d)" otherwise; frames from sys/amd64/amd64/db_trace.c
  // db_print_stack_entry() ("%s() at " + db_printsym + "/frame 0x%lx").
  const text = [
    'db> alltrace',
    '',
    'Tracing command fusefs-workloads pid 912 tid 100154 td 0xfffff80003a1c740',
    'sched_switch() at sched_switch+0x5d1/frame 0xfffffe00d4c3f7a0',
    'mi_switch() at mi_switch+0x171/frame 0xfffffe00d4c3f7c0',
    'sleepq_wait() at sleepq_wait+0x2c/frame 0xfffffe00d4c3f7f0',
    '_sleep() at _sleep+0x1c3/frame 0xfffffe00d4c3f870',
    'vm_page_busy_sleep() at vm_page_busy_sleep+0x94/frame 0xfffffe00d4c3f8a0',
    'vm_object_page_remove() at vm_object_page_remove+0x1a5/frame 0xfffffe00d4c3f900',
    'vn_pages_remove() at vn_pages_remove+0x4b/frame 0xfffffe00d4c3f930',
    'v_inval_buf_range() at v_inval_buf_range+0xd4/frame 0xfffffe00d4c3f990',
    'fuse_inval_buf_range() at fuse_inval_buf_range+0x1fa/frame 0xfffffe00d4c3f9f0',
    'fuse_vnop_write() at fuse_vnop_write+0x2f6/frame 0xfffffe00d4c3fa90',
    '',
    'Tracing command idle pid 11 tid 100003 td 0xfffff800035a8000 (CPU 0)',
    'cpustop_handler() at cpustop_handler+0x28/frame 0xfffffe00008f0e10',
    'ipi_nmi_handler() at ipi_nmi_handler+0x39/frame 0xfffffe00008f0e30',
    'trap() at trap+0x56/frame 0xfffffe00008f0f40',
    'nmi_calltrap() at nmi_calltrap+0x8/frame 0xfffffe00008f0f40',
    '--- trap 0x13, rip = 0xffffffff80f5b1f6, rsp = 0xfffffe00008e0dc0, rbp = 0xfffffe00008e0dc0 ---',
    'acpi_cpu_c1() at acpi_cpu_c1+0x6/frame 0xfffffe00008e0dc0',
    'db> ',
  ].join('\n');

  it('reads a running thread whose header ends in (CPU n), as running, past the trap separator', () => {
    const threads = freebsdDdbParser.parse(text);
    expect(threads.map((t) => [t.comm, t.pid, t.tid, t.state])).toEqual([
      ['fusefs-workloads', 912, 100154, undefined],
      ['idle', 11, 100003, 'R'],
    ]);
    expect(fns(threads[1])).toEqual([
      'cpustop_handler',
      'ipi_nmi_handler',
      'trap',
      'nmi_calltrap',
      'acpi_cpu_c1',
    ]);
    expect(isBlocked(threads[1]!)).toBe(false);
    const a = analyzeStacks(text);
    expect(a.signature).toBe('hang in vm_page_busy_sleep from fuse_inval_buf_range');
    expect(a.knownBug?.id).toBe('freebsd-247276');
  });

  it('reads arm64 frames and their exception separators (sys/arm64/arm64/db_trace.c)', () => {
    const arm = [
      'Tracing pid 0 tid 100004 td 0xffff0000419e2640',
      'kdb_enter() at kdb_enter+0x4c',
      'vpanic() at vpanic+0x1c8',
      'panic() at panic+0x44',
      'data_abort() at data_abort+0x27c',
      'handle_el1h_sync() at handle_el1h_sync+0x18',
      '--- exception, esr 0x96000004',
      'fuse_vnop_write() at fuse_vnop_write+0x28',
      'VOP_WRITE_APV() at VOP_WRITE_APV+0x48',
      '--- interrupt',
      'vn_write() at vn_write+0x1b4',
    ].join('\n');
    expect(fns(freebsdDdbParser.parse(arm)[0])).toEqual([
      'kdb_enter',
      'vpanic',
      'panic',
      'data_abort',
      'handle_el1h_sync',
      'fuse_vnop_write',
      'VOP_WRITE_APV',
      'vn_write',
    ]);
  });
});

describe('FreeBSD procstat -kk and ps -axlww', () => {
  const hdr = `${'PID'.padStart(5)} ${'TID'.padStart(6)} ${'COMM'.padEnd(19)} ${'TDNAME'.padEnd(19)} ${'KSTACK'.padEnd(29)}`;
  const row = (pid: number, tid: number, comm: string, stack: string): string =>
    `${String(pid).padStart(5)} ${String(tid).padStart(6)} ${comm.padEnd(19)} ${'-'.padEnd(19)} ${stack}`;

  it('keeps a thread whose stack has a ??+0 token (stack_symbol() names an unresolved pc "??", offset 0 as "%#lx")', () => {
    // sys/kern/subr_stack.c stack_sbuf_print_flags(): "#%d %p at %s+%#lx\n"; usr.bin/procstat kstack_cleanup() keeps "%s+%#lx".
    const text = `${hdr}\n${row(783, 100068, 'mmap-write', 'mi_switch+0xe2 sleepq_wait+0x2c _sleep+0x247 vm_page_busy_sleep+0x8f ??+0 vn_pages_remove+0x52 fuse_io_dispatch+0xebd')}\n`;
    const [t] = freebsdProcstatParser.parse(text);
    expect(fns(t)).toEqual([
      'mi_switch',
      'sleepq_wait',
      '_sleep',
      'vm_page_busy_sleep',
      '??',
      'vn_pages_remove',
      'fuse_io_dispatch',
    ]);
    // A frame without a symbol names nothing: the title and the catalogue look past it.
    expect(signatureOf([t!])).toBe('hang in vm_page_busy_sleep from fuse_io_dispatch');
  });

  it('reads a ps wait channel with spaces by the header columns (bin/ps/print.c mwchan: "*" and the lock name)', () => {
    // bin/ps/ps.c lfmt "uid,pid,ppid,cpu,pri,nice,vsz,rss,mwchan,state,tt,time,command"; numbers right-justified,
    // MWCHAN, STAT and TT left-justified, each column as wide as its widest value (ps -ww).
    const cols = [
      ['UID', 'PID', 'PPID', 'C', 'PRI', 'NI', 'VSZ', 'RSS', 'MWCHAN', 'STAT', 'TT', 'TIME', 'COMMAND'],
      [
        '0',
        '912',
        '903',
        '0',
        '20',
        '0',
        '12904',
        '2496',
        '*vnode interlock',
        'D',
        'u0',
        '0:00.00',
        '/gate/bin/fusefs-workloads mmap-write /mnt/fg',
      ],
      [
        '0',
        '905',
        '1',
        '0',
        '20',
        '0',
        '12892',
        '2464',
        'fu_msg',
        'IWs',
        '-',
        '0:00.00',
        '/gate/bin/fusefs-fixture -o direct_io /mnt/fg',
      ],
    ];
    const left = new Set([8, 9, 10, 12]);
    const widths = cols[0]!.map((_, i) => Math.max(...cols.map((r) => r[i]!.length)));
    const lines = cols.map((r) =>
      r.map((v, i) => (i === 12 ? v : left.has(i) ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' '),
    );
    const ps = parsePsAxl(lines.join('\n'));
    expect(ps).toEqual([
      {
        pid: 912,
        ppid: 903,
        state: 'D',
        wchan: '*vnode interlock',
        command: '/gate/bin/fusefs-workloads mmap-write /mnt/fg',
      },
      {
        pid: 905,
        ppid: 1,
        state: 'IWs',
        wchan: 'fu_msg',
        command: '/gate/bin/fusefs-fixture -o direct_io /mnt/fg',
      },
    ]);
  });

  it('joins a KSTACK that a mail client or bug tracker wrapped onto the next lines', () => {
    const text = fixture('freebsd-procstat-247276-bugzilla.txt');
    const [header, line] = text.split('\n') as [string, string];
    const cut = line.indexOf(' vm_object_page_remove');
    const cut2 = line.indexOf(' vnode_pager_putpages');
    const wrapped = `${header}\n${line.slice(0, cut)}\n${line.slice(cut + 1, cut2)}\n${line.slice(cut2 + 1)}\n`;
    const [whole] = freebsdProcstatParser.parse(text);
    const [joined] = freebsdProcstatParser.parse(wrapped);
    expect(fns(joined)).toEqual(fns(whole));
    expect(joined?.frames).toHaveLength(18);
    expect(analyzeStacks(wrapped).knownBug?.id).toBe('freebsd-247276');
  });

  it('no FreeBSD procstat transcript of ours holds more frames than stack(9) keeps (STACK_MAX 18, sys/sys/_stack.h)', () => {
    for (const name of [
      'freebsd-watchdog-247276-current-tree.transcript.txt',
      'freebsd-procstat-247276-offsets.transcript.txt',
    ]) {
      for (const t of freebsdProcstatParser.parse(fixture(name)))
        expect(t.frames.length, name).toBeLessThanOrEqual(18);
    }
  });
});

describe('Linux frame forms', () => {
  it.each([
    [' __schedule+0x403/0xbc0', '__schedule', false],
    [' ? fuse_file_write_iter+0x8a/0x400', 'fuse_file_write_iter', true],
    ['[<ffffffff81234567>] func+0x12/0x34 [fuse]', 'func', false],
    ['[<ffffffff81234567>] ? func+0x12/0x34', 'func', true],
    [' show_stack+0x18/0x24 (C)', 'show_stack', false],
    [' __pi_memcpy+0x30/0x1b0 (P)', '__pi_memcpy', false],
    [' dump_stack+0x172/0x1f0 lib/dump_stack.c:113', 'dump_stack', false],
    [' __dump_stack lib/dump_stack.c:77 [inline]', '__dump_stack', false],
    ['[<807762c0>] (__schedule) from [<80776938>] (schedule+0x50/0xa8)', '__schedule', false],
    [
      '[<7f4ba618>] (fuse_writepages [fuse]) from [<8022e284>] (do_writepages+0x30/0x8c)',
      'fuse_writepages',
      false,
    ],
    ['schedule_timeout from rcu_gp_fqs_loop+0x124/0x3fc', 'schedule_timeout', false],
    [' <IRQ>  [<ffffffff816efb87>] _sched_show_task+0x31a/0x325', '_sched_show_task', false],
    [' 0xffffffffc0a1b2c3', '??', false],
  ])('%s', (line, fn, unreliable) => {
    expect(parseTraceLine(line)).toMatchObject({ frame: { fn }, unreliable });
  });

  it('does not take other lines for frames', () => {
    for (const line of [
      'Modules linked in: fuse',
      'RIP: 0033:0x7f3a9c2e8d7e',
      'Code: 0f 0b',
      'INFO: task x:1 blocked',
    ]) {
      expect(parseTraceLine(line), line).toBeUndefined();
    }
  });
});

describe('log prefixes and terminal noise', () => {
  it.each([
    ['[  246.100548] task:a state:D', 'task:a state:D'],
    ['[   65.899519][ T6734] general protection fault', 'general protection fault'],
    ['[ 1098.601132][    C2] watchdog: BUG: soft lockup', 'watchdog: BUG: soft lockup'],
    ['<4>[ 1239.774664]  splice_direct_to_actor+0x2dc/0x7b0', ' splice_direct_to_actor+0x2dc/0x7b0'],
    ['Oct 11 06:07:26 glustern1 kernel: Call Trace:', 'Call Trace:'],
    [
      'May 17 18:48:11 kernel: [ 6141.921740] INFO: task kworker/u8:0:5 blocked',
      'INFO: task kworker/u8:0:5 blocked',
    ],
    ['2026-05-28T12:21:57.303295+00:00 vm-1 kernel:  ret_from_fork+0x44/0x70', ' ret_from_fork+0x44/0x70'],
    [
      '2015-10-03T12:10:17.00878 kern.warn: [150397.543319]  [<ffffffffa0597062>] ? taskq_thread+0x222/0x410 [spl]',
      ' [<ffffffffa0597062>] ? taskq_thread+0x222/0x410 [spl]',
    ],
    ['[Tue Dec  1 12:00:00 2026] Call Trace:', 'Call Trace:'],
    ['[Dec 1 12:00] Call Trace:', 'Call Trace:'],
    ['[  +0.000012]  schedule+0x27/0xf0', ' schedule+0x27/0xf0'],
    ['kern  :err   : BUG: unable to handle page fault', 'BUG: unable to handle page fault'],
    ['2026-12-01T12:00:00,123456+00:00 INFO: task df:4846 blocked', 'INFO: task df:4846 blocked'],
    ['2026-12-01T12:00:00.1234567Z [  246.100548] task:a state:D', 'task:a state:D'],
    ['[2026-12-01T12:00:00.123Z] panic: page fault', 'panic: page fault'],
    ['\x1b[0;31m[    5.1] Kernel panic - not syncing: x\x1b[0m\r', 'Kernel panic - not syncing: x'],
    ['--More--\rvn_write() at vn_write+0x1b4', 'vn_write() at vn_write+0x1b4'],
    // sys/kern/subr_msgbuf.c msgbuf_addstr(): kern.msgbuf_show_timestamp=1 "[%jd] ", any other
    // non-zero value "[%jd.%06d] " (fel1x-developer/freebsd-src 2d614aa2fe3e); an empty line keeps only it.
    ['[114565] panic: Duplicate free of 0xfffff801c18e8700', 'panic: Duplicate free of 0xfffff801c18e8700'],
    ['[114565] ', ''],
    ['[114565.071234] KDB: stack backtrace:', 'KDB: stack backtrace:'],
    ['<2>[114565.071234] cpuid = 2', 'cpuid = 2'],
  ])('%j', (raw, clean) => {
    expect(cleanLine(raw)).toBe(clean);
  });
});

describe('Linux hung task lines', () => {
  it('reads "blocked in I/O wait" (kernel/hung_task.c: "INFO: task %s:%d blocked%s for more than %ld seconds.")', () => {
    const text = fixture('linux-s3fs-2431-hung-task-fuse-getattr.txt').replace(
      'blocked for more than',
      'blocked in I/O wait for more than',
    );
    const a = analyzeStacks(text);
    expect(a.threads[0]).toMatchObject({ pid: 4846, comm: 'df', format: 'linux-hung-task' });
    expect(a.signature).toBe('hang in request_wait_answer from fuse_do_getattr');
  });
});

describe('report titles', () => {
  it("a hung-task panic keeps the hung task's own title", () => {
    // Synthesized from two real texts: the s3fs hung task, then the hung-task panic lines of the Rock64 report.
    const hung = fixture('linux-s3fs-2431-hung-task-fuse-getattr.txt');
    const panic = fixture('linux-rock64-82-hung-task-panic-arm64-syslog.txt');
    const a = analyzeStacks(`${hung}${panic}`);
    expect(a.panic?.message).toBe('hung_task: blocked tasks');
    expect(a.signature).toBe('hang in request_wait_answer from fuse_do_getattr');
    expect(analyzeStacks(panic).signature).toBe('panic: hung_task: blocked tasks');
  });

  it('a Go program\'s "panic: " in a Linux log does not hide the kernel\'s report', () => {
    const oops = fixture('linux-syzkaller-600-gpf-non-canonical.txt');
    const a = analyzeStacks(
      `panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\n${oops}`,
    );
    expect(a.signature).toBe('general protection fault in nl802154_add_llsec_key');
  });

  it('two page faults in different functions get different titles', () => {
    const a = analyzeStacks(fixture('freebsd-syzkaller-0-fatal-trap-atrtc-settime.txt')).signature;
    const b = analyzeStacks(fixture('freebsd-syzkaller-7-fatal-trap-vm-page-unhold-pages.txt')).signature;
    expect(a).not.toBe(b);
    expect([a, b]).toEqual([
      'Fatal trap 12: page fault while in kernel mode in atrtc_settime',
      'Fatal trap 12: page fault while in kernel mode in vm_page_unhold_pages',
    ]);
  });

  it('the same bug on another build (offsets, addresses, pids, timestamps) keeps its title', () => {
    const text = fixture('linux-syzkaller-600-gpf-non-canonical.txt');
    const rebuilt = text
      .replace(
        /\+0x[0-9a-f]+\/0x[0-9a-f]+/g,
        (m) => `+0x${(parseInt(m.slice(3), 16) + 16).toString(16)}/0x999`,
      )
      .replace(/\b6734\b/g, '4242')
      .replace(/\[\s*\d+\.\d+\]/g, '[  1.000000]');
    expect(analyzeStacks(rebuilt).signature).toBe(analyzeStacks(text).signature);
  });
});

describe('more Linux report kinds', () => {
  const report = (header: string): string =>
    [
      header,
      'CPU: 0 PID: 42 Comm: fusefs-workload Not tainted 6.12.0 #1',
      'Call Trace:',
      ' <TASK>',
      ' dump_stack_lvl+0x1/0x2',
      ' fuse_file_write_iter+0xa6/0x400 [fuse]',
      ' vfs_write+0x2a3/0x470',
      ' </TASK>',
    ].join('\n');
  it.each([
    // mm/kfence/report.c
    [
      'BUG: KFENCE: use-after-free read in fuse_file_write_iter+0xa6/0x400 [fuse]',
      'KFENCE: use-after-free Read in fuse_file_write_iter',
    ],
    // kernel/locking/spinlock_debug.c spin_dump(): "BUG: spinlock %s on CPU#%d, %s/%d"
    [
      'BUG: spinlock lockup suspected on CPU#0, fusefs-workload/42',
      'BUG: spinlock lockup suspected in fuse_file_write_iter',
    ],
    // kernel/sched/core.c __schedule_bug(): "BUG: scheduling while atomic: %s/%d/0x%08x"
    [
      'BUG: scheduling while atomic: fusefs-workload/42/0x00000002',
      'BUG: scheduling while atomic in fuse_file_write_iter',
    ],
    // kernel/watchdog_perf.c
    ['NMI watchdog: Watchdog detected hard LOCKUP on cpu 1', 'BUG: hard lockup in fuse_file_write_iter'],
    // lib/bug.c report_bug()
    ['kernel BUG at fs/fuse/file.c:1234!', 'kernel BUG in fuse_file_write_iter'],
  ])('%s', (header, title) => {
    expect(analyzeStacks(report(header)).signature).toBe(title);
  });
});
