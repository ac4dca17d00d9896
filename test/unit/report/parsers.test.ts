import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freebsdDdbParser } from '../../../src/report/parsers/freebsd-ddb.js';
import { extractFreebsdPanic } from '../../../src/report/parsers/freebsd-panic.js';
import { freebsdProcstatParser, parsePsAxl } from '../../../src/report/parsers/freebsd-procstat.js';
import { linuxHungTaskParser } from '../../../src/report/parsers/linux-hung-task.js';
import { extractLinuxPanic } from '../../../src/report/parsers/linux-panic.js';
import {
  linuxProcStackParser,
  parseWatchdogLinuxSample,
} from '../../../src/report/parsers/linux-proc-stack.js';
import { extractPanic, parseStacks } from '../../../src/report/stacks.js';
import { signatureOf } from '../../../src/report/signature.js';

const fns = (t: { frames: { fn: string }[] } | undefined): string[] => (t ? t.frames.map((f) => f.fn) : []);

describe('freebsd procstat -kk', () => {
  const hdr19 = `${'PID'.padStart(5)} ${'TID'.padStart(6)} ${'COMM'.padEnd(19)} ${'TDNAME'.padEnd(19)} KSTACK`;
  const row = (pid: number, tid: number, comm: string, td: string, stack: string, w = 19): string =>
    `${String(pid).padStart(5)} ${String(tid).padStart(6)} ${comm.padEnd(w)} ${td.padEnd(w)} ${stack}`;

  it('keeps COMM and TDNAME with spaces by their fixed columns', () => {
    const text = `${hdr19}\n${row(7, 100001, 'my daemon', 'io worker 2', 'mi_switch+0x1 sleepq_wait+0x2 _sleep+0x3 fuse_vnop_write+0x4')}\n`;
    const [t] = freebsdProcstatParser.parse(text);
    expect(t).toMatchObject({ pid: 7, tid: 100001, comm: 'my daemon', tdname: 'io worker 2' });
    expect(fns(t)).toEqual(['mi_switch', 'sleepq_wait', '_sleep', 'fuse_vnop_write']);
    expect(t?.frames[3]).toEqual({ fn: 'fuse_vnop_write', offset: '0x4' });
  });

  it('reads the older %-16s columns without a header', () => {
    const text = row(7, 100001, 'a b', '-', 'mi_switch+0x1 sleepq_wait+0x2', 16);
    const [t] = freebsdProcstatParser.parse(text);
    expect(t).toMatchObject({ comm: 'a b' });
    expect(t?.tdname).toBeUndefined();
    expect(fns(t)).toEqual(['mi_switch', 'sleepq_wait']);
  });

  it('takes `-k` frames without offsets under a header, and <running> threads', () => {
    const text = `${hdr19}\n${row(9, 100009, 'sh', '-', 'mi_switch sleepq_wait _sleep')}\n${row(9, 100010, 'sh', '-', '<running>')}\n`;
    const threads = freebsdProcstatParser.parse(text);
    expect(threads).toHaveLength(2);
    expect(threads[0]?.frames).toEqual([{ fn: 'mi_switch' }, { fn: 'sleepq_wait' }, { fn: '_sleep' }]);
    expect(threads[1]).toMatchObject({ state: 'R', frames: [] });
  });

  it('does not read ps lines or shell noise as threads', () => {
    const text = [
      'UID  PID PPID C PRI NI   VSZ  RSS MWCHAN STAT TT     TIME COMMAND',
      '  0  912  903 0  20  0 12904 2496 vmopar D    u0  0:00.00 /gate/bin/fusefs-workloads mmap-write /mnt/fg',
      '# 12 34 echo hello',
    ].join('\n');
    expect(freebsdProcstatParser.parse(text)).toEqual([]);
    expect(parsePsAxl(text)).toEqual([
      {
        pid: 912,
        ppid: 903,
        state: 'D',
        wchan: 'vmopar',
        command: '/gate/bin/fusefs-workloads mmap-write /mnt/fg',
      },
    ]);
  });
});

describe('freebsd ddb', () => {
  it('reads bt with pager noise, ?? frames, line info and a bare address', () => {
    const text = [
      'db> bt',
      'Tracing pid 5 tid 100050 td 0xfffff80003e1c740',
      'sched_switch() at sched_switch+0x5b2/frame 0xfffffe00c3ac4050',
      '--More--\r        \rmi_switch() at mi_switch+0x171 [/usr/src/sys/kern/kern_synch.c:546]/frame 0xfffffe00c3ac40a0',
      '??() at 0xffffffff82a3c5e4/frame 0xfffffe00c3ac40f0',
      'fork_trampoline() at fork_trampoline',
      'db> ',
    ].join('\n');
    const [t] = freebsdDdbParser.parse(text);
    expect(t).toMatchObject({ pid: 5, tid: 100050, comm: '' });
    expect(t?.frames).toEqual([
      { fn: 'sched_switch', offset: '0x5b2' },
      { fn: 'mi_switch', offset: '0x171', file: '/usr/src/sys/kern/kern_synch.c', line: 546 },
      { fn: '??', address: '0xffffffff82a3c5e4' },
      { fn: 'fork_trampoline' },
    ]);
  });
});

describe('freebsd panic', () => {
  it('returns undefined without a panic', () => {
    expect(extractFreebsdPanic('login: root\n# uname\nFreeBSD\n')).toBeUndefined();
  });

  it('stops the backtrace at --- syscall and reads the KDB thread line', () => {
    const text = [
      'panic: vm_fault: fault on nofault entry, addr: 0xfffffe00c8a3b000',
      'cpuid = 3',
      'time = 1732470000',
      'KDB: stack backtrace:',
      'vpanic() at vpanic+0x132/frame 0xfffffe0000000010',
      'fuse_vnop_read() at fuse_vnop_read+0x10/frame 0xfffffe0000000020',
      '--- syscall (3, FreeBSD ELF64, read), rip = 0x1, rsp = 0x2, rbp = 0x3 ---',
      'KDB: enter: panic',
      '[ thread pid 77 tid 100777 ]',
      'Stopped at      kdb_enter+0x33: movq    $0,0x104b8d2(%rip)',
    ].join('\n');
    const p = extractFreebsdPanic(text);
    expect(p).toMatchObject({
      os: 'freebsd',
      message: 'vm_fault: fault on nofault entry, addr: 0xfffffe00c8a3b000',
      cpu: 3,
    });
    expect(p?.threads[0]).toMatchObject({ pid: 77, tid: 100777 });
    expect(fns(p?.threads[0])).toEqual(['vpanic', 'fuse_vnop_read']);
  });
});

describe('linux /proc/PID/stack', () => {
  it('reads module tags, printed addresses and `==> file <==` headers', () => {
    const text = [
      '==> /proc/321/task/322/stack <==',
      '[<0>] request_wait_answer+0x14f/0x250 [fuse]',
      '[<0>] fuse_simple_request+0x1a4/0x2a0 [fuse]',
      '',
      '==> /proc/400/stack <==',
      '[<ffffffffa0123456>] fuse_dev_do_read.constprop.0+0x1/0x2 [fuse 0123abcd]',
    ].join('\n');
    const threads = linuxProcStackParser.parse(text);
    expect(threads).toHaveLength(2);
    expect(threads[0]).toMatchObject({ pid: 321, tid: 322 });
    expect(threads[0]?.frames[0]).toEqual({
      fn: 'request_wait_answer',
      offset: '0x14f',
      size: '0x250',
      module: 'fuse',
    });
    expect(threads[1]).toMatchObject({ pid: 400, tid: 400 });
    expect(threads[1]?.frames[0]).toMatchObject({
      fn: 'fuse_dev_do_read.constprop.0',
      address: 'ffffffffa0123456',
      module: 'fuse',
    });
  });

  it('reads watchdog task markers: COMM with colons, wchan 0, CPU ticks, interleaved kernel messages', () => {
    const text = [
      '@@fg:abc12345:task:10:11:D:42:0:a:b: c@@',
      '[<0>] fuse_flush+0x1/0x2',
      '[   99.000001] fuse: something unrelated',
      '[<0>] filp_flush+0x3/0x4',
      '@@fg:abc12345:task:12:12:S:0:do_wait:sh@@',
      '[<0>] do_wait+0x1/0x2',
    ].join('\n');
    const threads = parseWatchdogLinuxSample(text, 2);
    expect(threads).toHaveLength(2);
    expect(threads[0]).toMatchObject({
      pid: 10,
      tid: 11,
      state: 'D',
      cpuTicks: 42,
      comm: 'a:b: c',
      sample: 2,
    });
    expect(threads[0]?.wchan).toBeUndefined();
    expect(fns(threads[0])).toEqual(['fuse_flush', 'filp_flush']);
    expect(threads[1]).toMatchObject({ comm: 'sh', wchan: 'do_wait', cpuTicks: 0 });
  });

  it('reads a real watchdog capture of a stalled mmap write (test/fixtures/linux/README.md says how it was made)', () => {
    const file = path.join(import.meta.dirname, '../../fixtures/linux/watchdog-stall-write.capture.txt');
    const threads = parseStacks(readFileSync(file, 'utf8'));
    expect(threads.map((t) => t.sample)).toEqual([1, 2]);
    for (const t of threads) {
      expect(t).toMatchObject({
        pid: 167,
        tid: 167,
        state: 'D',
        cpuTicks: 30,
        comm: 'fusefs-workload',
        wchan: 'fuse_set_nowrite',
      });
      expect(fns(t)).toEqual([
        'fuse_set_nowrite',
        'fuse_flush',
        'filp_flush',
        '__x64_sys_close',
        'do_syscall_64',
        'entry_SYSCALL_64_after_hwframe',
      ]);
    }
    expect(signatureOf(threads)).toBe('hang in fuse_set_nowrite from fuse_flush');
  });
});

describe('linux hung task and sysrq dumps', () => {
  it('skips `?` frames and register lines, and reads CONFIG_PRINTK_CALLER prefixes', () => {
    const text = [
      '[   10.000000][  T42] task:kworker/0:1    state:D stack:0     pid:42    tgid:42    ppid:2      task_flags:0x4208060 flags:0x00004000',
      '[   10.000001][  T42] Call Trace:',
      '[   10.000002][  T42]  <TASK>',
      '[   10.000003][  T42]  __schedule+0x1/0x2',
      '[   10.000004][  T42]  ? fuse_something+0x1/0x2',
      '[   10.000005][  T42]  folio_wait_bit_common+0x1/0x2',
      '[   10.000006][  T42] RIP: 0033:0x7f0',
      '[   10.000007][  T42]  fuse_writepages+0x1/0x2 [fuse]',
      '[   10.000008][  T42]  </TASK>',
    ].join('\n');
    const [t] = linuxHungTaskParser.parse(text);
    expect(t).toMatchObject({ pid: 42, tid: 42, comm: 'kworker/0:1', state: 'D', format: 'linux-sysrq' });
    expect(fns(t)).toEqual(['__schedule', 'folio_wait_bit_common', 'fuse_writepages']);
  });
});

describe('linux panic', () => {
  it('uses the oops Call Trace and RIP when panic() printed no stack of its own', () => {
    const text = [
      'BUG: kernel NULL pointer dereference, address: 0000000000000018',
      'Oops: Oops: 0000 [#1] PREEMPT SMP NOPTI',
      'CPU: 1 UID: 0 PID: 186 Comm: fusefs-workload Not tainted 6.12.117+deb13-cloud-amd64 #1',
      'RIP: 0010:fuse_page_mkwrite+0x2a/0xb0',
      'Call Trace:',
      ' <TASK>',
      ' do_page_mkwrite+0x4d/0xa0',
      ' </TASK>',
      '---[ end trace 0000000000000000 ]---',
      'Kernel panic - not syncing: Fatal exception',
      '---[ end Kernel panic - not syncing: Fatal exception ]---',
    ].join('\n');
    const p = extractLinuxPanic(text);
    expect(p).toMatchObject({ os: 'linux', message: 'Fatal exception', cpu: 1 });
    expect(p?.threads[0]).toMatchObject({ pid: 186, comm: 'fusefs-workload' });
    expect(fns(p?.threads[0])).toEqual(['fuse_page_mkwrite', 'do_page_mkwrite']);
    // The oops is the report; the panic after it is its consequence.
    expect(p?.title).toBe('BUG: unable to handle kernel NULL pointer dereference in fuse_page_mkwrite');
    expect(extractPanic(text)?.os).toBe('linux');
  });

  it('finds nothing in a clean log', () => {
    expect(extractLinuxPanic('[    0.000000] Linux version 6.12\n')).toBeUndefined();
    expect(extractPanic('all good\n')).toBeUndefined();
  });
});
