// The FreeBSD progress counter and ps's TIME, rule by rule (issue 16). Lines follow the format strings:
// procstat usr.bin/procstat/procstat_kstack.c ("%5d %6d %-19s %-19s" and the stack); ps bin/ps/keyword.c
// (`pid` PID, `lwp` LWP, `nvcsw` NVCSW, `nivcsw` NIVCSW, `time` TIME, numbers right-justified at the
// column's width, which bin/ps/ps.c widens to the longest value), bin/ps/print.c rvar() (`-` when the
// rusage is not valid) and printtime() ("%ld:%02ld%c%02ld"); the watchdog's markers from
// docs/guest-protocol.md.
import { describe, expect, it } from 'vitest';
import { parsePsThreads, psCpuTime } from '../../../src/report/parsers/freebsd-procstat.js';
import { parseStacks } from '../../../src/report/stacks.js';

const pad = (s: string, n: number) => s.padEnd(n);
const header = `${'PID'.padStart(5)} ${'TID'.padStart(6)} ${pad('COMM', 19)} ${pad('TDNAME', 19)} ${pad('KSTACK', 29)}`;
const line = (pid: number, tid: number, comm: string, tdname: string, stack: string) =>
  `${String(pid).padStart(5)} ${String(tid).padStart(6)} ${pad(comm, 19)} ${pad(tdname, 19)} ${stack}`;
const psHeader = '  UID   PID  PPID  C PRI NI   VSZ   RSS MWCHAN   STAT TT     TIME COMMAND';
// TIME 0:00.01 (one hundredth) for every ps -axlww row.
const ps = (pid: number, wchan: string, stat: string, command: string) =>
  `    0 ${String(pid).padStart(5)}     1  0  20  0 12345  2345 ${pad(wchan, 8)} ${pad(stat, 4)} -   0:00.01 ${command}`;
const STUCK = 'mi_switch+0x171 sleepq_switch+0x109 sleepq_wait+0x43 _sleep+0x1c5 fuse_vnop_write+0x6d2';
const threadsHeader = '  PID    LWP NVCSW NIVCSW    TIME';
/** A ps -axH row at the header's widths (%5s %6s %5s %6s %7s, each widened to its longest value). */
const row = (
  pid: number | string,
  lwp: number | string,
  nv: number | string,
  niv: number | string,
  time: string,
) =>
  `${String(pid).padStart(5)} ${String(lwp).padStart(6)} ${String(nv).padStart(5)} ${String(niv).padStart(6)} ${time.padStart(7)}`;
const NONCE = 'k3q9z2mf7d';
const begin = `@@fg:${NONCE}:capture:ps-threads:begin@@`;
const end = `@@fg:${NONCE}:capture:ps-threads:end@@`;
const counters = (text: string) => Object.fromEntries(parsePsThreads(text));
const procstat = (text: string) => parseStacks(text).filter((t) => t.format === 'freebsd-procstat');

describe("ps's TIME (bin/ps/print.c printtime: minutes, seconds %02ld, the decimal point, hundredths %02ld)", () => {
  it('reads minutes, seconds and hundredths each at its own weight', () => {
    expect(psCpuTime('0:00.00')).toBe(0);
    expect(psCpuTime('0:00.01')).toBe(1);
    expect(psCpuTime('0:00.10')).toBe(10);
    expect(psCpuTime('0:01.00')).toBe(100);
    expect(psCpuTime('0:10.00')).toBe(1000);
    expect(psCpuTime('0:59.99')).toBe(5999);
    expect(psCpuTime('1:00.00')).toBe(6000);
    expect(psCpuTime('2:03.04')).toBe(12304);
    // Minutes are %ld: no upper bound and no padding.
    expect(psCpuTime('10:00.00')).toBe(60000);
    expect(psCpuTime('1234:56.78')).toBe((1234 * 60 + 56) * 100 + 78);
  });

  it('takes any one non-digit as the decimal point, but not a colon', () => {
    expect(psCpuTime('0:07,25')).toBe(725);
    expect(psCpuTime('0:07.25')).toBe(725);
    for (const notTime of ['0:07:25', '0:07725', '0:0725'])
      expect(psCpuTime(notTime), notTime).toBeUndefined();
  });

  it('reads nothing that printtime() cannot print', () => {
    for (const notTime of [
      ':00.01', // no minutes
      'a:00.01',
      '0:6a.01',
      '0:a0.01',
      '0:60.00', // %02ld of secs % 60
      '0:99.00',
      '0:000.01',
      '0:0.01',
      '0:00.1',
      '0:00.001',
      '0:00.a1',
      '0:00.1a',
      ' 0:00.01',
      '0:00.01 ',
      'x0:00.01',
      '0:00.01x',
      '-',
      '',
    ])
      expect(psCpuTime(notTime), JSON.stringify(notTime)).toBeUndefined();
  });
});

describe('ps -axH -o pid,lwp,nvcsw,nivcsw,time: one counter a thread', () => {
  it('adds TIME in hundredths and both switch counts, every column multi-digit', () => {
    const text = [
      threadsHeader,
      row(812, 100140, 40, 2, '0:00.01'),
      row(45, 100077, 12345, 678, '3:21.09'),
    ].join('\n');
    expect(counters(text)).toStrictEqual({
      '812/100140': 1 + 40 + 2,
      '45/100077': (3 * 60 + 21) * 100 + 9 + 12345 + 678,
    });
  });

  it('keys each row by PID and LWP, one digit or many', () => {
    const text = [threadsHeader, row(7, 100001, 1, 0, '0:00.00'), row(7, 100002, 0, 3, '0:00.00')].join('\n');
    expect(counters(text)).toStrictEqual({ '7/100001': 1, '7/100002': 3 });
  });

  it('reads rows with no blank in front (a PID that fills its column) and wider padding between columns', () => {
    // ps widens a column to its longest value: a 7-digit LWP or a TIME of 10 minutes and more puts
    // more blanks in front of the shorter values of that column.
    const text = [
      'PID     LWP NVCSW NIVCSW     TIME',
      '12345  100140    40      2  0:00.01',
      '  812 1000001     5      6 10:00.00',
    ].join('\n');
    expect(counters(text)).toStrictEqual({ '12345/100140': 43, '812/1000001': 60011 });
  });

  it('reads a header and rows with blanks after the last column (a paste that kept the padding)', () => {
    const text = [`${threadsHeader}   `, `${row(812, 100140, 40, 2, '0:00.01')}  `].join('\n');
    expect(counters(text)).toStrictEqual({ '812/100140': 43 });
  });

  it('gives no counter to a row whose rusage ps could not read, whichever column shows `-`', () => {
    // rvar() prints `-` for each rusage column when !ki_valid; a row with either one has no counter,
    // never a smaller one.
    const text = [
      threadsHeader,
      row(905, 100150, '-', '-', '0:00.00'),
      row(905, 100151, '-', 7, '0:00.00'),
      row(905, 100152, 7, '-', '0:00.00'),
      row(905, 100153, 7, 11, '0:01.50'),
    ].join('\n');
    expect(counters(text)).toStrictEqual({ '905/100153': 168 });
  });

  it('gives no counter to a row whose TIME is not of ps form (a row cut short by the console)', () => {
    const text = [threadsHeader, row(812, 100140, 40, 2, '0:00.0'), row(813, 100141, 4, 2, '0:00.01')].join(
      '\n',
    );
    expect(counters(text)).toStrictEqual({ '813/100141': 7 });
  });

  it('reads no row with console text glued in front of it or after it', () => {
    const text = [
      threadsHeader,
      `swap_pager: out of swap space${row(812, 100140, 40, 2, '0:00.01')}`,
      `${row(813, 100141, 40, 2, '0:00.01')} done`,
      row(814, 100142, 1, 1, '0:00.01'),
    ].join('\n');
    expect(counters(text)).toStrictEqual({ '814/100142': 3 });
  });

  it('ends the block only at a line that starts with a marker, not at chatter holding `@@`', () => {
    const text = [threadsHeader, 'fusefs: x@@y', row(812, 100140, 40, 2, '0:00.01')].join('\n');
    expect(counters(text)).toStrictEqual({ '812/100140': 43 });
  });

  it('skips a line of console chatter inside the block and reads the rows after it', () => {
    const text = [
      threadsHeader,
      row(812, 100140, 40, 2, '0:00.01'),
      'pid 903 (gtest), jid 0, uid 0: exited on signal 6',
      '',
      row(905, 100150, 7, 11, '0:01.50'),
    ].join('\n');
    expect(counters(text)).toStrictEqual({ '812/100140': 43, '905/100150': 168 });
  });

  it("opens the block at the watchdog's begin marker even when ps's header was broken", () => {
    const text = [
      begin,
      '  PID    LWP NVCSWkern.ipc.maxsockbuf exceeded',
      ' NIVCSW    TIME',
      row(812, 100140, 40, 2, '0:00.01'),
      end,
    ].join('\n');
    expect(counters(text)).toStrictEqual({ '812/100140': 43 });
  });

  it("opens no block at another capture's marker, nor at a marker with text around it", () => {
    for (const opener of [
      `@@fg:${NONCE}:capture:ps-axlww:begin@@`,
      `@@fg:${NONCE}:capture:ps-threads:end@@`,
      `x${begin}`,
      `${begin}x`,
      `@@fg::capture:ps-threads:begin@@`,
      `@@fg:K3Q9:capture:ps-threads:begin@@`,
    ])
      expect(counters([opener, row(812, 100140, 40, 2, '0:00.01')].join('\n')), opener).toStrictEqual({});
  });

  it('takes a one-character nonce and a marker with blanks after it', () => {
    for (const opener of ['@@fg:7:capture:ps-threads:begin@@', `${begin}  `])
      expect(counters([opener, row(812, 100140, 40, 2, '0:00.01')].join('\n')), opener).toStrictEqual({
        '812/100140': 43,
      });
  });

  it('opens no block at a header that is not exactly this ps -o list', () => {
    for (const notHeader of [
      `${threadsHeader} COMMAND`,
      `  PID    LWP NVCSW NIVCSW    TIMEX`,
      `x  PID    LWP NVCSW NIVCSW    TIME`,
      '  PID    LWP NVCSW    TIME',
      '  PID LWPNVCSW NIVCSW TIME',
    ])
      expect(counters([notHeader, row(812, 100140, 40, 2, '0:00.01')].join('\n')), notHeader).toStrictEqual(
        {},
      );
  });

  it('opens the block at a header with no blank in front and single blanks between', () => {
    for (const h of ['PID LWP NVCSW NIVCSW TIME', 'PID\tLWP\tNVCSW\tNIVCSW\tTIME'])
      expect(counters([h, row(812, 100140, 40, 2, '0:00.01')].join('\n')), h).toStrictEqual({
        '812/100140': 43,
      });
  });

  it("ends the block at the watchdog's next marker, procstat's header or ps -axlww's header", () => {
    // A line of the row's shape after the block (console output) is no thread's counter.
    for (const closer of [end, '@@', header, 'PID TID COMM TDNAME KSTACK', psHeader, 'UID PID PPID C']) {
      const text = [
        threadsHeader,
        row(812, 100140, 40, 2, '0:00.01'),
        closer,
        row(812, 100141, 9, 9, '0:09.00'),
      ];
      expect(counters(text.join('\n')), closer).toStrictEqual({ '812/100140': 43 });
    }
  });

  it('reads nothing before the block, and opens it again at the next sample', () => {
    const text = [
      row(1, 100001, 5, 5, '0:00.00'),
      begin,
      threadsHeader,
      row(812, 100140, 40, 2, '0:00.01'),
      end,
      row(2, 100002, 5, 5, '0:00.00'),
      begin,
      threadsHeader,
      row(813, 100141, 1, 2, '0:00.03'),
      end,
    ].join('\n');
    expect(counters(text)).toStrictEqual({ '812/100140': 43, '813/100141': 6 });
  });
});

describe('the counter on the threads procstat lists', () => {
  it("gives each thread its own row's counter, not ps -axlww's TIME", () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      psHeader,
      ps(812, 'vmopar', 'D', 'mmap-write'),
      threadsHeader,
      row(812, 100140, 40, 2, '0:00.01'),
    ].join('\n');
    expect(procstat(text).map((t) => [t.tid, t.cpuTicks, t.state, t.wchan])).toEqual([
      [100140, 43, 'D', 'vmopar'],
    ]);
  });

  it('gives a thread no counter when the block is there but lost its row, and TIME only without a block', () => {
    const base = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      psHeader,
      ps(812, 'vmopar', 'D', 'mmap-write'),
    ];
    expect(procstat(base.join('\n'))[0]?.cpuTicks).toBe(1);
    // The block opened by its marker alone counts as seen.
    expect(procstat([...base, begin, end].join('\n'))[0]?.cpuTicks).toBeUndefined();
    expect(procstat([...base, threadsHeader].join('\n'))[0]?.cpuTicks).toBeUndefined();
    // A row of another thread, or one with `-`, is no counter for this one.
    const other = [
      ...base,
      threadsHeader,
      row(812, 100141, 1, 1, '0:00.00'),
      row(813, 100140, 1, 1, '0:00.00'),
    ];
    expect(procstat(other.join('\n'))[0]?.cpuTicks).toBeUndefined();
    const dash = [...base, threadsHeader, row(812, 100140, '-', '-', '0:00.00')];
    expect(procstat(dash.join('\n'))[0]?.cpuTicks).toBeUndefined();
  });

  it('does not take a header of another ps listing for the block: the thread keeps its TIME', () => {
    const base = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      psHeader,
      ps(812, 'vmopar', 'D', 'mmap-write'),
    ];
    for (const notBlock of [
      `${threadsHeader} COMMAND`,
      `x${threadsHeader}`,
      `@@fg:${NONCE}:capture:ps-axlww:begin@@`,
    ])
      expect(procstat([...base, notBlock].join('\n'))[0]?.cpuTicks, notBlock).toBe(1);
  });
});

describe("procstat's block ends at ps -axH's header", () => {
  // A kernel printf (sys/vm/swap_pager.c swp_sizecheck: "swap_pager: out of swap space\n") spliced
  // into a ps -axH row leaves `PID TID` and bare words: under procstat's header that would read as a
  // `-k` stack; after ps -axH's header, even with no watchdog marker between, it is no thread.
  it('reads no -k thread out of a ps -axH row with a message spliced in, right after its header', () => {
    for (const h of [threadsHeader, 'PID LWP NVCSW NIVCSW TIME', 'PID\tLWP NVCSW NIVCSW TIME']) {
      const text = [
        header,
        line(812, 100140, 'mmap-write', '-', 'mi_switch sleepq_wait _sleep'),
        h,
        '  812 100140    40swap_pager: out of swap space',
      ].join('\n');
      expect(
        procstat(text).map((t) => [t.pid, t.tid, t.comm]),
        h,
      ).toEqual([[812, 100140, 'mmap-write']]);
    }
  });

  it('keeps a -k thread whose COMM and TDNAME read PID and LWP: only a line starting so is a header', () => {
    const text = [header, line(7, 100100, 'PID', 'LWP', 'mi_switch sleepq_wait _sleep')].join('\n');
    expect(procstat(text).map((t) => [t.pid, t.comm, t.tdname, t.frames.length])).toEqual([
      [7, 'PID', 'LWP', 3],
    ]);
  });
});

describe('procstat and ps -axlww, lines the reader must not misplace', () => {
  // sys/kern/subr_stack.c stack_sbuf_print_flags: a pc with no symbol is `??` at offset 0 ("%#lx"
  // prints 0 as `0`), which kstack_cleanup() keeps as the token `??+0`.
  it('keeps a frame with no symbol (`??+0`) on the line and on a wrapped line after it', () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', 'mi_switch+0x171 ??+0 sleepq_wait+0x43'),
      '??+0 _sleep+0x1c5',
    ].join('\n');
    const [t, ...more] = procstat(text);
    expect(more).toEqual([]);
    expect(t?.frames.map((f) => f.fn)).toEqual(['mi_switch', '??', 'sleepq_wait', '??', '_sleep']);
  });

  it('reads a collapsed line by its fields even where a blank falls at the older width after COMM', () => {
    // Collapsed: one blank after the TID, COMM `sh`, TDNAME `-`; the blank between the second and
    // third frames falls where a %-16s line has the one before its stack.
    const [t] = procstat('812 100140 sh - mi_switch+0x171 _sleep+0x1c5 fuse_vnop_write+0x6d2');
    expect(t).toMatchObject({ pid: 812, tid: 100140, comm: 'sh' });
    expect(t?.tdname).toBeUndefined();
    expect(t?.frames.map((f) => f.fn)).toEqual(['mi_switch', '_sleep', 'fuse_vnop_write']);
  });

  it('gives no wait channel for a blank MWCHAN column', () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      psHeader,
      ps(812, '', 'D', 'mmap-write'),
    ];
    const [t] = procstat(text.join('\n'));
    expect(t?.state).toBe('D');
    expect(t?.wchan).toBeUndefined();
  });
});

describe('procstat -kk, which lines are threads', () => {
  it('takes no line for a thread unless it starts with the pid, nor one whose stack holds words', () => {
    for (const notThread of [
      'watchdog: 812 100140 mmap-write - mi_switch+0x171 _sleep+0x1c5',
      'thread 812 100140 sh mi_switch+0x171 _sleep+0x1c5',
      '  812 100140 mmap-write - mi_switch+0x171 sleeps, see PR 247276!',
    ])
      expect(procstat([header, notThread].join('\n')), notThread).toEqual([]);
  });

  it('reads a -kk line outside a header when one frame has an offset, even if another lost its own', () => {
    const [t] = procstat('  812 100140 mmap-write - mi_switch+0x171 _sleep');
    expect(t?.frames.map((f) => f.fn)).toEqual(['mi_switch', '_sleep']);
  });

  it('reads a thread name with blanks that reaches past the older width, at the current width', () => {
    // TDNAME up to MAXCOMLEN (19) characters; at %-19s this one has a blank where a %-16s line
    // has the blank before its stack.
    const [t] = procstat([header, line(905, 100151, 'gtest', 'io thread for x', STUCK)].join('\n'));
    expect(t).toMatchObject({ comm: 'gtest', tdname: 'io thread for x' });
    expect(t?.frames[0]?.fn).toBe('mi_switch');
  });

  it('keeps a thread name that begins with a blank as the kernel holds it', () => {
    // pthread_set_name_np() copies any string into td_name; procstat prints it with %-19s.
    const [t] = procstat([header, line(905, 100151, 'gtest', ' worker', STUCK)].join('\n'));
    expect(t?.tdname).toBe(' worker');
  });

  // A kernel printf spliced into a ps -axlww row just after its PID leaves `UID PID ` and words: below
  // ps's header (no watchdog marker between) that is no -k thread.
  it("reads no -k thread out of a ps -axlww row with a message spliced in, right after ps's header", () => {
    for (const h of [psHeader, 'UID PID PPID C PRI NI VSZ RSS MWCHAN STAT TT TIME COMMAND']) {
      const text = [
        header,
        line(812, 100140, 'mmap-write', '-', 'mi_switch sleepq_wait _sleep'),
        h,
        '    0   812 swap_pager: out of swap space',
      ].join('\n');
      expect(
        procstat(text).map((t) => [t.pid, t.tid]),
        h,
      ).toEqual([[812, 100140]]);
    }
  });
});

describe('procstat and ps, the remaining edges', () => {
  it('takes no token for a frame that only contains one: raw addresses, punctuation around a name', () => {
    // procstat -kk prints `func+0xoff` tokens only (kstack_cleanup); a stack(9) address or prose is not one.
    for (const notThread of [
      '  812 100140 mmap-write - 0xffffffff80b2c3d1 mi_switch+0x171',
      '  812 100140 mmap-write - mi_switch+0x171 sleeps, stuck!',
    ])
      expect(procstat([header, notThread].join('\n')), notThread).toEqual([]);
  });

  it('goes on with a wrapped stack only when each token is a whole `func+0xoff`', () => {
    const first = line(812, 100140, 'mmap-write', '-', 'mi_switch+0x171 sleepq_wait+0x43');
    for (const notMore of [
      'frame:fuse_vnop_write+0x6d2',
      'fuse_vnop_write+0x6d2,',
      'fuse_vnop_write+0x6d2/0x9a0',
    ])
      expect(
        procstat([header, first, notMore].join('\n'))[0]?.frames.map((f) => f.fn),
        notMore,
      ).toEqual(['mi_switch', 'sleepq_wait']);
  });

  it('reads a stack whose frames were laid out with more than one blank between them', () => {
    const [t] = procstat(
      [header, line(812, 100140, 'mmap-write', '-', 'mi_switch+0x171   _sleep+0x1c5')].join('\n'),
    );
    expect(t?.frames.map((f) => f.fn)).toEqual(['mi_switch', '_sleep']);
  });

  it('reads a running thread of a process whose name begins with a digit (7z)', () => {
    // The only text: pid, tid, COMM `7z`, TDNAME `-`, `<running>` (procstat_kstack.c kkst_state).
    const [t] = procstat(line(812, 100140, '7z', '-', '<running>'));
    expect(t).toMatchObject({ pid: 812, tid: 100140, comm: '7z', state: 'R' });
  });

  it('reads ps -axH whose switch counts are wider than their headers', () => {
    // ps widens NVCSW and NIVCSW to the longest value, which puts more blanks before the header words.
    const text = [
      '  PID    LWP  NVCSW  NIVCSW     TIME',
      '  812 100140 123456 1234567 10:00.00',
      '  813 100141     40       2  0:00.01',
    ].join('\n');
    expect(counters(text)).toStrictEqual({ '812/100140': 60000 + 123456 + 1234567, '813/100141': 43 });
  });

  it('gives a process its state even when its TIME is not of ps form', () => {
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      psHeader,
      ps(812, 'vmopar', 'D', 'mmap-write').replace('0:00.01', '0:00.0x'),
    ].join('\n');
    const [t] = procstat(text);
    expect([t?.state, t?.wchan, t?.cpuTicks]).toEqual(['D', 'vmopar', undefined]);
  });

  it("reads a user's process blocked on a lock whose name holds blanks, by the header's columns", () => {
    // bin/ps/print.c mwchan: `*` and ki_lockname for a thread blocked on a lock (sys/vm/vm_map.c
    // names its lock "vm map (user)", cut to LOCKNAMELEN); UID 1001 is several digits.
    const text = [
      header,
      line(812, 100140, 'mmap-write', '-', STUCK),
      '  UID   PID  PPID  C PRI NI   VSZ   RSS MWCHAN    STAT TT     TIME COMMAND',
      ' 1001   812     1  0  20  0 12345  2345 *vm map ( D+   u0   0:00.01 mmap-write',
    ].join('\n');
    const [t] = procstat(text);
    expect([t?.state, t?.wchan]).toEqual(['D', '*vm map (']);
  });
});

describe('the blocks end only at a line that is a header', () => {
  it('keeps a -k thread whose COMM and TDNAME read UID and PID PPID', () => {
    const text = [header, line(7, 100100, 'UID', 'PID PPID', 'mi_switch sleepq_wait _sleep')].join('\n');
    expect(procstat(text).map((t) => [t.pid, t.comm, t.frames.length])).toEqual([[7, 'UID', 3]]);
  });

  it('does not end the ps -axH block at a console line that quotes header words', () => {
    for (const chatter of ['procstat: PID TID COMM TDNAME KSTACK', 'ps: UID PID PPID C PRI']) {
      const text = [threadsHeader, chatter, row(812, 100140, 40, 2, '0:00.01')].join('\n');
      expect(counters(text), chatter).toStrictEqual({ '812/100140': 43 });
    }
  });
});

it('reads ps -axlww under a header pasted with blanks after COMMAND', () => {
  const text = [
    header,
    line(812, 100140, 'mmap-write', '-', STUCK),
    `${psHeader}  `,
    ps(812, 'vmopar', 'D', 'mmap-write'),
  ];
  expect(procstat(text.join('\n'))[0]).toMatchObject({ state: 'D', wchan: 'vmopar' });
});
