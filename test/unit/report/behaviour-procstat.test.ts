// `procstat -kk` with `ps -axlww`, read as FreeBSD prints them (issue 16). Lines are laid out with
// the format strings of usr.bin/procstat/procstat_kstack.c (header "%5s %6s %-19s %-19s %-29s",
// then "%5d %6d %-19s %-19s" and the stack) and bin/ps/ps.c lfmt (UID PID PPID C PRI NI VSZ RSS
// MWCHAN STAT TT TIME COMMAND).
import { describe, expect, it } from 'vitest';
import { parsePsAxl, parsePsThreads, psCpuTime } from '../../../src/report/parsers/freebsd-procstat.js';
import { parseStacks } from '../../../src/report/stacks.js';

const pad = (s: string, n: number) => s.padEnd(n);
const header = `${'PID'.padStart(5)} ${'TID'.padStart(6)} ${pad('COMM', 19)} ${pad('TDNAME', 19)} ${pad('KSTACK', 29)}`;
const line = (pid: number, tid: number, comm: string, tdname: string, stack: string, width = 19) =>
  `${String(pid).padStart(5)} ${String(tid).padStart(6)} ${pad(comm, width)} ${pad(tdname, width)} ${stack}`;
const psHeader = '  UID   PID  PPID  C PRI NI   VSZ   RSS MWCHAN   STAT TT     TIME COMMAND';
const ps = (pid: number, wchan: string, stat: string, command: string) =>
  `    0 ${String(pid).padStart(5)}     1  0  20  0 12345  2345 ${pad(wchan, 8)} ${pad(stat, 4)} -   0:00.01 ${command}`;
const STUCK =
  'mi_switch+0x171 sleepq_switch+0x109 sleepq_wait+0x43 _sleep+0x1c5 vm_page_busy_sleep+0x94 vm_object_page_remove+0x1a5 fuse_vnop_write+0x6d2';
const fns = (stack: { frames: { fn: string }[] }) => stack.frames.map((f) => f.fn);

describe('procstat -kk', () => {
  it('reads pid, tid, COMM, TDNAME and the frames of every thread', () => {
    const threads = parseStacks(
      [
        header,
        line(812, 100140, 'mmap-write', '-', STUCK),
        line(
          45,
          100077,
          'fusefs-fixture',
          'worker 2',
          'mi_switch+0x171 sleepq_catch_signals+0x2e4 sleepq_wait_sig+0x9 _sleep+0x1a4 fuse_device_read+0x1be',
        ),
      ].join('\n'),
    );
    expect(threads).toHaveLength(2);
    expect(threads[0]).toMatchObject({
      pid: 812,
      tid: 100140,
      comm: 'mmap-write',
      format: 'freebsd-procstat',
    });
    expect(threads[0]!.tdname).toBeUndefined();
    expect(fns(threads[0]!)).toEqual([
      'mi_switch',
      'sleepq_switch',
      'sleepq_wait',
      '_sleep',
      'vm_page_busy_sleep',
      'vm_object_page_remove',
      'fuse_vnop_write',
    ]);
    expect(threads[0]!.frames[4]).toMatchObject({ fn: 'vm_page_busy_sleep', offset: '0x94' });
    expect(threads[1]).toMatchObject({ comm: 'fusefs-fixture', tdname: 'worker 2' });
  });

  it('keeps spaces inside COMM and TDNAME, at the current width and the older 16-character one', () => {
    for (const width of [19, 16]) {
      const [t] = parseStacks(line(900, 100200, 'my fuse daemon', 'io thread', STUCK, width));
      expect(t, `width ${width}`).toMatchObject({ comm: 'my fuse daemon', tdname: 'io thread' });
      expect(fns(t!)).toHaveLength(7);
    }
  });

  it('reads the older procstat under its own header: COMM and TDNAME at %-16s', () => {
    // freebsd/freebsd-src usr.bin/procstat/procstat_kstack.c at commit 039ea811636f (2012):
    // printf("%5s %6s %-16s %-16s %-29s\n", "PID", "TID", "COMM", "TDNAME", "KSTACK"), then
    // "%5d ", "%6d ", "%-16s ", "%-16s " and the stack.
    const old = `${'PID'.padStart(5)} ${'TID'.padStart(6)} ${pad('COMM', 16)} ${pad('TDNAME', 16)} ${pad('KSTACK', 29)}`;
    const threads = parseStacks(
      [
        old,
        line(900, 100200, 'my fuse daemon', 'io thread', STUCK, 16),
        line(901, 100201, 'sh', '-', STUCK, 16),
      ].join('\n'),
    );
    expect(threads).toHaveLength(2);
    expect(threads[0]).toMatchObject({ pid: 900, comm: 'my fuse daemon', tdname: 'io thread' });
    expect(threads[1]).toMatchObject({ pid: 901, comm: 'sh' });
    expect(threads[1]!.tdname).toBeUndefined();
    for (const t of threads) expect(fns(t)[0]).toBe('mi_switch');
  });

  it('reads an older %-16s line whose COMM and TDNAME fill their columns, not as a %-19s one', () => {
    // A full 16-character COMM and a 16-character thread name with a blank third character: read at
    // the current width the first two blanks would fit, only the stack's start does not.
    const [t] = parseStacks(line(902, 100202, 'fusefs-fixture16', 'io worker thread', STUCK, 16));
    expect(t).toMatchObject({ pid: 902, comm: 'fusefs-fixture16', tdname: 'io worker thread' });
    expect(fns(t!)).toHaveLength(7);
  });

  it('reads a TID wider than %6d and a thread name with two blanks in a row, by the widths after the TID', () => {
    // "%6d " prints a 7-digit tid whole, so the columns move right of the header's; pthread_setname_np
    // takes any text, and kinfo_proc_thread_name() (usr.bin/procstat/procstat.c) copies it as it is.
    const threads = parseStacks(
      [
        header,
        line(812, 1000140, 'mmap-write', '-', STUCK),
        line(45, 100077, 'fusefs-fixture', 'io  worker', STUCK),
      ].join('\n'),
    );
    expect(threads).toHaveLength(2);
    expect(threads[0]).toMatchObject({ pid: 812, tid: 1000140, comm: 'mmap-write' });
    expect(threads[1]).toMatchObject({ pid: 45, tid: 100077, comm: 'fusefs-fixture', tdname: 'io  worker' });
    for (const t of threads) expect(fns(t)).toHaveLength(7);
  });

  it('reads lines whose padding was collapsed (pasted into mail or a bug report)', () => {
    const [t] = parseStacks(
      '812 100140 mmap-write - mi_switch+0x171 sleepq_wait+0x43 vm_page_busy_sleep+0x94',
    );
    expect(t).toMatchObject({ pid: 812, tid: 100140, comm: 'mmap-write' });
    expect(fns(t!)).toEqual(['mi_switch', 'sleepq_wait', 'vm_page_busy_sleep']);
  });

  it('reads a collapsed line with a thread name of its own', () => {
    const [t] = parseStacks(
      '45 100077 fusefs-fixture worker mi_switch+0x171 sleepq_wait_sig+0x9 fuse_device_read+0x1be',
    );
    expect(t).toMatchObject({ pid: 45, tid: 100077, comm: 'fusefs-fixture', tdname: 'worker' });
    expect(fns(t!)).toEqual(['mi_switch', 'sleepq_wait_sig', 'fuse_device_read']);
  });

  it('is left out when its format is skipped', () => {
    expect(
      parseStacks([header, line(812, 100140, 'mmap-write', '-', STUCK)].join('\n'), ['freebsd-procstat']),
    ).toEqual([]);
  });

  it('reads -k stacks (no offsets) under a header, and <running> as state R', () => {
    const threads = parseStacks(
      [
        header,
        line(812, 100140, 'mmap-write', '-', 'mi_switch sleepq_wait _sleep vm_page_busy_sleep'),
        line(11, 100003, 'idle', 'idle: cpu0', '<running>'),
      ].join('\n'),
    );
    expect(fns(threads[0]!)).toEqual(['mi_switch', 'sleepq_wait', '_sleep', 'vm_page_busy_sleep']);
    expect(threads[1]).toMatchObject({ comm: 'idle', tdname: 'idle: cpu0', state: 'R', frames: [] });
  });

  it('does not take a ps line, a shell prompt or prose for a thread', () => {
    const text = [
      psHeader,
      ps(812, 'vmpbusy', 'D', 'mmap-write /mnt/fg/x'),
      'root@freebsd:~ # 812 100140 is stuck',
      '  12 345 words that are not frames at all',
    ].join('\n');
    expect(parseStacks(text).filter((t) => t.format === 'freebsd-procstat')).toEqual([]);
  });
});

describe('procstat with ps -axlww', () => {
  it('gives a single-threaded process its STAT letter and MWCHAN', () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      '',
      psHeader,
      ps(812, 'vmpbusy', 'DL', 'mmap-write /mnt/fg/x'),
    ].join('\n');
    const [t] = parseStacks(text).filter((x) => x.format === 'freebsd-procstat');
    expect(t).toMatchObject({ pid: 812, state: 'D', wchan: 'vmpbusy' });
  });

  it('does not give the threads of a multi-threaded process its one STAT line: it says nothing of each thread', () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', 'writer', STUCK),
      line(
        812,
        100141,
        'mmap-write',
        'reader',
        'mi_switch+0x171 sleepq_catch_signals+0x2e4 sleepq_wait_sig+0x9 _cv_wait_sig+0x154 seltdwait+0x9b',
      ),
      '',
      psHeader,
      ps(812, 'vmpbusy', 'D', 'mmap-write'),
    ].join('\n');
    const threads = parseStacks(text).filter((x) => x.format === 'freebsd-procstat');
    expect(threads).toHaveLength(2);
    for (const t of threads) {
      expect(t.state).toBeUndefined();
      expect(t.wchan).toBeUndefined();
    }
  });

  it('leaves a process that ps does not list without a state, and a `-` MWCHAN without a wait channel', () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      line(813, 100150, 'other', '-', STUCK),
      '',
      psHeader,
      ps(813, '-', 'R+', 'other'),
    ].join('\n');
    const threads = parseStacks(text).filter((x) => x.format === 'freebsd-procstat');
    expect(threads[0]!.state).toBeUndefined();
    expect(threads[1]).toMatchObject({ state: 'R' });
    expect(threads[1]!.wchan).toBeUndefined();
  });
});

describe('procstat -kk, the less common lines', () => {
  it('lists a swapped-out thread and one whose stack procstat could not read, with no frames and no state', () => {
    const threads = parseStacks(
      [
        header,
        line(20, 100020, 'swapped', '-', '<swapped>'),
        line(21, 100021, 'gone', '-', '<unknown>'),
      ].join('\n'),
    );
    expect(threads).toHaveLength(2);
    expect(threads[0]).toMatchObject({ pid: 20, comm: 'swapped', frames: [] });
    expect(threads[0]!.state).toBeUndefined();
    expect(threads[1]).toMatchObject({ pid: 21, comm: 'gone', frames: [] });
    expect(threads[1]!.state).toBeUndefined();
  });

  it('goes on with a wrapped stack only on the lines right after the thread, and only with func+0xoff tokens', () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', 'mi_switch+0x171 sleepq_wait+0x43'),
      'vm_page_busy_sleep+0x94 vm_object_page_remove+0x1a5',
      '_sleep vm_fault',
      'fuse_vnop_write+0x6d2',
      line(813, 100141, 'idle', '-', '<running>'),
      'fuse_vnop_write+0x6d2',
      line(814, 100142, 'sh', '-', 'mi_switch+0x171 sleepq_wait+0x43'),
      '',
      'fuse_vnop_write+0x6d2',
    ].join('\n');
    const [a, b, c] = parseStacks(text);
    expect(fns(a!)).toEqual(['mi_switch', 'sleepq_wait', 'vm_page_busy_sleep', 'vm_object_page_remove']);
    expect(b!.frames).toEqual([]);
    expect(fns(c!)).toEqual(['mi_switch', 'sleepq_wait']);
  });

  it('falls back to the fixed widths for a line the header columns do not fit', () => {
    // The header was printed with wider columns than this line (two captures pasted together).
    const wide = `${'PID'.padStart(5)} ${'TID'.padStart(6)} ${pad('COMM', 24)} ${pad('TDNAME', 24)} KSTACK`;
    const [t] = parseStacks([wide, line(900, 100200, 'my fuse daemon', 'io thread', STUCK)].join('\n'));
    expect(t).toMatchObject({ pid: 900, comm: 'my fuse daemon', tdname: 'io thread' });
    expect(fns(t!)).toHaveLength(7);
    // A line too short to reach the header's KSTACK column.
    const [u] = parseStacks([wide, '  812 100140 mmap-write - mi_switch+0x171 sleepq_wait+0x43'].join('\n'));
    expect(u).toMatchObject({ pid: 812, comm: 'mmap-write' });
    expect(fns(u!)).toEqual(['mi_switch', 'sleepq_wait']);
  });

  it('refuses a column guess that would leave blanks inside or in front of a name', () => {
    // COMM `a  b` (two blanks) cannot come from %-19s padding of one name: the split reading is taken.
    const [t] = parseStacks('  812 100140 mmap-write  -  mi_switch+0x171 sleepq_wait+0x43');
    expect(t).toMatchObject({ comm: 'mmap-write' });
    expect(t!.tdname).toBeUndefined();
    expect(fns(t!)).toEqual(['mi_switch', 'sleepq_wait']);
  });

  it('keeps -k frames only under a header: without one, a line of bare words is no stack', () => {
    expect(parseStacks(line(812, 100140, 'mmap-write', '-', 'mi_switch sleepq_wait _sleep'))).toEqual([]);
  });
});

describe('ps -axlww, the less common lines', () => {
  it('reads ps lines that do not line up with the header by their fields', () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      psHeader,
      '0 812 1 0 20 0 12345 2345 vmopar D+ u0 0:00.01 mmap-write /mnt/fg/x',
    ].join('\n');
    const [t] = parseStacks(text).filter((x) => x.format === 'freebsd-procstat');
    expect(t).toMatchObject({ pid: 812, state: 'D', wchan: 'vmopar' });
  });

  it('stops reading ps at the first line that is not one', () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      line(813, 100150, 'other', '-', STUCK),
      psHeader,
      ps(812, 'vmopar', 'D', 'mmap-write'),
      'root@freebsd:~ #',
      ps(813, 'vmopar', 'D', 'other'),
    ].join('\n');
    const threads = parseStacks(text).filter((x) => x.format === 'freebsd-procstat');
    expect(threads[0]).toMatchObject({ pid: 812, state: 'D' });
    expect(threads[1]!.state).toBeUndefined();
  });

  it('never overrides what procstat itself said: a running thread stays running', () => {
    const text = [
      header,
      line(11, 100003, 'idle', 'idle: cpu0', '<running>'),
      psHeader,
      ps(11, 'wait', 'S', 'idle'),
    ].join('\n');
    const [t] = parseStacks(text).filter((x) => x.format === 'freebsd-procstat');
    expect(t).toMatchObject({ state: 'R', wchan: 'wait' });
  });
});

describe('procstat and ps as printed, with their padding', () => {
  it('a <running> KSTACK padded by %-29s is still a running thread', () => {
    const [t] = parseStacks(
      [header, line(11, 100003, 'idle', 'idle: cpu0', pad('<running>', 29))].join('\n'),
    );
    expect(t).toMatchObject({ pid: 11, state: 'R', frames: [] });
  });

  it('reads a line whose only digits-blank-digits are a collapsed pid and tid', () => {
    const [t] = parseStacks('812  100140 mmap-write - mi_switch+0x171 sleepq_wait+0x43');
    expect(t).toMatchObject({ pid: 812, tid: 100140 });
  });

  it('goes on with an indented wrapped line, whatever its blanks, but not with a line of prose holding a frame', () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', 'mi_switch+0x171 sleepq_wait+0x43'),
      '    vm_page_busy_sleep+0x94   vm_object_page_remove+0x1a5',
      'see fuse_vnop_write+0x6d2 for more',
    ].join('\n');
    const [t] = parseStacks(text);
    expect(fns(t!)).toEqual(['mi_switch', 'sleepq_wait', 'vm_page_busy_sleep', 'vm_object_page_remove']);
  });

  it('reads ps -axlww by its fields when the header does not line up, multi-digit and negative numbers included', () => {
    const text = [
      'UID   PID  PPID  C  PRI  NI    VSZ   RSS  MWCHAN  STAT  TT      TIME  COMMAND',
      '  0   812   903  12  120  -20  12904  2496  vmopar  D+    u0   0:00.00  /gate/bin/fusefs-workloads mmap-write /mnt/fg',
      '  1   905     1  0  20   0  12892  2464  -  Ss  -   0:00.00  /gate/bin/fusefs-fixture -o direct_io',
    ].join('\n');
    expect(parsePsAxl(text)).toEqual([
      {
        pid: 812,
        ppid: 903,
        state: 'D+',
        wchan: 'vmopar',
        command: '/gate/bin/fusefs-workloads mmap-write /mnt/fg',
      },
      { pid: 905, ppid: 1, state: 'Ss', command: '/gate/bin/fusefs-fixture -o direct_io' },
    ]);
  });

  it('reads ps -axlww by the header columns, with the padding bin/ps prints', () => {
    const text = [
      '  UID   PID  PPID   C  PRI   NI    VSZ   RSS MWCHAN            STAT   TT       TIME COMMAND',
      '    0   812   903  12  120  -20  12904  2496 *vnode interlock  D+     u0    0:00.00 mmap-write /mnt/fg',
      '    0   905     1   0   20    0  12892  2464 -                 Ss     -     0:00.00 fusefs-fixture',
    ].join('\n');
    expect(parsePsAxl(text)).toEqual([
      { pid: 812, ppid: 903, state: 'D+', wchan: '*vnode interlock', command: 'mmap-write /mnt/fg' },
      { pid: 905, ppid: 1, state: 'Ss', command: 'fusefs-fixture' },
    ]);
  });

  // bin/ps/print.c printtime(): "%ld:%02ld%c%02ld", minutes, seconds, the locale's decimal point, hundredths.
  it("reads ps's TIME in hundredths of a second, whatever the decimal point, and nothing else as one", () => {
    expect(psCpuTime('0:00.31')).toBe(31);
    expect(psCpuTime('123:04.56')).toBe(123 * 6000 + 456);
    expect(psCpuTime('0:05,07')).toBe(507);
    for (const notTime of ['-', '0:60.00', '0:0.31', '1:00', '00:01:02', '0:00.3'])
      expect(psCpuTime(notTime)).toBeUndefined();
  });

  it("gives a single-threaded process's TIME to its thread, and none to the threads of a process with several", () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      line(905, 100150, 'gtest', '-', STUCK),
      line(905, 100151, 'gtest', 'mockfs', STUCK),
      psHeader,
      ps(812, 'vmopar', 'D', 'mmap-write'),
      ps(905, '-', 'S', 'gtest'),
    ].join('\n');
    const threads = parseStacks(text).filter((x) => x.format === 'freebsd-procstat');
    expect(threads.find((t) => t.pid === 812)?.cpuTicks).toBe(1);
    for (const t of threads.filter((x) => x.pid === 905)) expect(t.cpuTicks).toBeUndefined();
  });

  // bin/ps/keyword.c: `lwp` LWP (the thread id), `nvcsw` NVCSW, `nivcsw` NIVCSW, `time` TIME; rvar()
  // prints `-` for rusage ps cannot read (print.c, `!k->ki_valid`: a swapped-out process on
  // 13.x/14.x), and printtime() then prints 0:00.00, never `-`; with -H a line a thread
  // (sys/kern/kern_proc.c fill_kinfo_thread fills it from the thread).
  it("reads ps -axH -o pid,lwp,nvcsw,nivcsw,time as each thread's counter, for threads of one process too", () => {
    const perThread = [
      '  PID    LWP NVCSW NIVCSW    TIME',
      '  812 100140    40      2 0:00.01',
      '  905 100150     -      - 0:00.00',
      '  905 100151     7     11 0:01.50',
    ];
    expect([...parsePsThreads(perThread.join('\n'))]).toEqual([
      ['812/100140', 43],
      ['905/100151', 168],
    ]);
    expect(parsePsThreads(perThread.slice(1).join('\n')).size).toBe(0);
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      line(905, 100150, 'gtest', '-', STUCK),
      line(905, 100151, 'gtest', 'mockfs', STUCK),
      psHeader,
      ps(812, 'fu_ans', 'S', 'mmap-write'),
      ps(905, '-', 'S', 'gtest'),
      '@@',
      ...perThread,
    ].join('\n');
    const threads = parseStacks(text).filter((x) => x.format === 'freebsd-procstat');
    const counter = (tid: number) => threads.find((t) => t.tid === tid)?.cpuTicks;
    // The block's counter wins over ps -axlww's TIME; a thread of a process with several gets its own.
    expect([counter(100140), counter(100150), counter(100151)]).toEqual([43, undefined, 168]);
  });

  // A kernel printf (sys/vm/swap_pager.c swp_sizecheck: "swap_pager: out of swap space\n") spliced
  // into a ps -axH row leaves numbers and bare words: under procstat's header that would read as a
  // `-k` stack, below ps's header it is no thread (and the row it broke has no counter).
  it('reads no thread out of a ps row a kernel message was spliced into, and keeps the rows after it', () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      '@@fg:k3q9z2mf7d:capture:procstat-kk:end@@',
      '@@fg:k3q9z2mf7d:capture:ps-threads:begin@@',
      '  PID    LWP NVCSW NIVCSW    TIME',
      '  812 100140    40swap_pager: out of swap space',
      '      2 0:00.01',
      '  905 100150     7     11 0:01.50',
      '@@fg:k3q9z2mf7d:capture:ps-threads:end@@',
    ].join('\n');
    const threads = parseStacks(text).filter((x) => x.format === 'freebsd-procstat');
    expect(threads.map((t) => [t.pid, t.tid, t.cpuTicks])).toEqual([[812, 100140, undefined]]);
    expect([...parsePsThreads(text)]).toEqual([['905/100150', 168]]);
  });

  it('reads nothing as ps before its header', () => {
    expect(parsePsAxl('    0   812   903  12  120  -20  12904  2496 vmopar D+ u0 0:00.00 x')).toEqual([]);
  });

  it('gives a process its wait channel only when the thread has none, and keeps a thread without a pid apart', () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      psHeader,
      ps(812, '-', 'D', 'mmap-write'),
    ].join('\n');
    const [t] = parseStacks(text).filter((x) => x.format === 'freebsd-procstat');
    expect(t).toMatchObject({ state: 'D' });
    expect(t!.wchan).toBeUndefined();
  });

  // bin/ps/keyword.c: `uid` is a number right-justified in its column, so a user's process has a
  // wider UID than root's 0.
  const alignedHeader =
    '  UID   PID  PPID   C  PRI   NI    VSZ   RSS MWCHAN            STAT   TT       TIME COMMAND';

  it('reads a user process (a UID of several digits) by the columns and by the fields', () => {
    const text = [
      alignedHeader,
      ' 1001   812   903  12  120  -20  12904  2496 vmopar            D+     u0    0:00.00 mmap-write /mnt/fg',
      '1001 905 1 0 20 0 12892 2464 - Ss - 0:00.00 fusefs-fixture',
    ].join('\n');
    expect(parsePsAxl(text)).toEqual([
      { pid: 812, ppid: 903, state: 'D+', wchan: 'vmopar', command: 'mmap-write /mnt/fg' },
      { pid: 905, ppid: 1, state: 'Ss', command: 'fusefs-fixture' },
    ]);
  });

  it('reads by the fields a line whose numbers line up but whose MWCHAN and STAT were collapsed', () => {
    const row =
      '    0   812   903  12  120  -20  12904  2496 vmopar D+ u0 0:00.01 mmap-write /mnt/fg/x 4096 16';
    // Where the header puts STAT, this line has the middle of its COMMAND.
    expect(row.slice(alignedHeader.indexOf('STAT') - 1, alignedHeader.indexOf('STAT') + 1)).not.toMatch(/^ /);
    expect(parsePsAxl([alignedHeader, row].join('\n'))).toEqual([
      { pid: 812, ppid: 903, state: 'D+', wchan: 'vmopar', command: 'mmap-write /mnt/fg/x 4096 16' },
    ]);
  });

  it('reads by the fields a collapsed line that has a blank where the header puts STAT', () => {
    const row = '1001 812 903 0 20 0 12904 2496 vmopar D+ u0 0:00.01 mmap-write /mnt/fg/x 4096 16 1';
    expect(row[alignedHeader.indexOf('STAT') - 1]).toBe(' ');
    expect(parsePsAxl([alignedHeader, row].join('\n'))).toEqual([
      { pid: 812, ppid: 903, state: 'D+', wchan: 'vmopar', command: 'mmap-write /mnt/fg/x 4096 16 1' },
    ]);
  });
});
