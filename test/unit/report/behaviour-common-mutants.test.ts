// The line cleaning every kernel-log reader shares (src/report/parsers/common.ts), rule by rule: for each
// prefix a line it must strip and lines it must not (the same text later in the line, fields of several
// digits, each alternative of a pattern on its own, the edges of each length limit), the printk caller
// ids, the CI line tags, and the symbol tokens. Each line is one the named program prints; the format
// string or document is cited beside it.

import { describe, expect, it } from 'vitest';
import { analyzeStacks } from '../../../src/report/analyze.js';
import {
  baseName,
  callersOf,
  cleanLine,
  isNamed,
  parseSymbol,
  recordLine,
  splitLines,
  stripLogPrefix,
  stripPrintkPrefix,
  toInt,
  UNNAMED,
} from '../../../src/report/parsers/common.js';
import { freebsdDdbParser } from '../../../src/report/parsers/freebsd-ddb.js';

/** A prefix the reader may not know: it may strip it or leave it, but never cut into the line. */
const wholeOrText = (line: string, text: string): void => {
  expect([line, text]).toContain(cleanLine(line));
};

describe('printk caller ids (CONFIG_PRINTK_CALLER)', () => {
  // kernel/printk/printk.c info_print_prefix(): print_time() "[%5lu.%06lu]", then print_caller() "[%6s]" of
  // "T%u" (a task) or "C%u" (a CPU in interrupt context), then " " and the message.
  it('gives each line the id printed before it, a task or a CPU, ids of any width', () => {
    const text = [
      '[  244.878944][   T74] INFO: task fusefs-workloa:912 blocked for more than 120 seconds.',
      '[  244.917090][  T200] usb 1-1: new high-speed USB device number 3 using xhci-hcd',
      '[ 1098.601132][    C2] watchdog: BUG: soft lockup - CPU#2 stuck for 22s! [swapper/2:0]',
      '[12345.678901][T123456]  __schedule+0x2fc/0x740',
      '',
    ].join('\n');
    const lines = splitLines(text);
    expect(lines).toEqual([
      'INFO: task fusefs-workloa:912 blocked for more than 120 seconds.',
      'usb 1-1: new high-speed USB device number 3 using xhci-hcd',
      'watchdog: BUG: soft lockup - CPU#2 stuck for 22s! [swapper/2:0]',
      ' __schedule+0x2fc/0x740',
      '',
    ]);
    expect(callersOf(lines)).toEqual(['T74', 'T200', 'C2', 'T123456', undefined]);
  });

  it('gives a line without an id none, among lines that have one', () => {
    // A line another program wrote into the console between the kernel's (the gate's own marker).
    const lines = splitLines(
      [
        '[   12.345678][    T1] Run /init as init process',
        'fusefs-gate: boot',
        '[   12.400000][   T42] x',
      ].join('\n'),
    );
    expect(lines).toEqual(['Run /init as init process', 'fusefs-gate: boot', 'x']);
    expect(callersOf(lines)).toEqual(['T1', undefined, 'T42']);
  });

  it('gives no ids for a text that has none, also one with "][" in its text', () => {
    // lib/ubsan.c: "index %s is out of range for type %s", a two-dimensional array type.
    const text = [
      '[   12.345678] UBSAN: array-index-out-of-bounds in fs/fuse/dev.c:123:45',
      "[   12.345679] index 8 is out of range for type 'u8 [8][16]'",
    ].join('\n');
    const lines = splitLines(text);
    expect(lines).toEqual([
      'UBSAN: array-index-out-of-bounds in fs/fuse/dev.c:123:45',
      "index 8 is out of range for type 'u8 [8][16]'",
    ]);
    expect(callersOf(lines)).toBeUndefined();
    const plain = splitLines('[   12.345678] Call Trace:\n[   12.345679]  schedule+0x27/0xf0');
    expect(plain).toEqual(['Call Trace:', ' schedule+0x27/0xf0']);
    expect(callersOf(plain)).toBeUndefined();
  });

  it('gives no ids rather than ids out of line with the lines, when broadcast headers were dropped', () => {
    // rsyslog omusrmsg / sysklogd wallmsg() header before each message (see the broadcast tests below).
    const text = [
      'Message from syslogd@rock64 at Aug  9 00:12:14 ...',
      ' kernel:[  622.405154][  T626] Internal error: Oops: 96000004 [#1] SMP',
      '[  622.405160][  T626] Modules linked in: fuse',
    ].join('\n');
    const lines = splitLines(text);
    expect(lines).toEqual(['Internal error: Oops: 96000004 [#1] SMP', 'Modules linked in: fuse']);
    const ids = callersOf(lines);
    // Either no ids, or one per line and each its own.
    if (ids !== undefined) expect(ids).toEqual(['T626', 'T626']);
  });

  it('knows nothing of lines it did not split', () => {
    expect(callersOf(['[  244.878944][   T74] x'])).toBeUndefined();
  });
});

describe('splitLines', () => {
  it('gives the same lines for the same text, and the right ones after another text', () => {
    const a = '[amd64] panic: page fault\n[amd64] cpuid = 1';
    const b = '[    0.000000] Linux version 6.1.0-27-amd64';
    expect(splitLines(a)).toEqual(['panic: page fault', 'cpuid = 1']);
    expect(splitLines(b)).toEqual(['Linux version 6.1.0-27-amd64']);
    expect(splitLines(a)).toEqual(['panic: page fault', 'cpuid = 1']);
    expect(splitLines('')).toEqual(['']);
  });
});

describe('control bytes and HTML entities', () => {
  it('drops a control byte and keeps the blanks around it', () => {
    // A form feed (a pager's page break) on an otherwise blank line: the blanks are the line.
    expect(cleanLine('\t\f')).toBe('\t');
    expect(cleanLine('  \x0b')).toBe('  ');
    expect(cleanLine('\x00 schedule+0x27/0xf0')).toBe(' schedule+0x27/0xf0');
  });

  it('keeps the text of a line a spinner cleared with a blank and a carriage return', () => {
    // A progress spinner erases its mark with " \r"; the terminal still shows the text before it.
    expect(cleanLine(' schedule+0x27/0xf0\r \r')).toBe(' schedule+0x27/0xf0');
    expect(cleanLine('\r\r')).toBe('');
  });

  it('unescapes every entity an HTML archive writes, and only those', () => {
    expect(cleanLine('R&amp;D')).toBe('R&D');
    expect(cleanLine('&apos;fuse&apos; &#39;x&#39;')).toBe("'fuse' 'x'");
    expect(cleanLine('Modules&nbsp;linked in: fuse')).toBe('Modules linked in: fuse');
    expect(cleanLine('&lt;IRQ&gt; &quot;')).toBe('<IRQ> "');
    expect(cleanLine('&copy; &#40;')).toBe('&copy; &#40;');
  });

  it('drops only the escaped newlines a message starts with', () => {
    // rsyslog writes a control character as "#" and three octal digits (#012 a newline).
    expect(cleanLine('Dec  1 12:00:00 debian kernel: #012#012but task is already holding lock:')).toBe(
      'but task is already holding lock:',
    );
    expect(cleanLine('lock(&sb->s_type->i_mutex_key#012);')).toBe('lock(&sb->s_type->i_mutex_key#012);');
  });
});

describe('printk log levels and times', () => {
  it('strips a level of one, two and three digits, and not four', () => {
    // util-linux dmesg.c -r: "<%d>" of LOG_RAW_FAC_PRI(facility, level): 4, 12 (user), 190 (local7.info).
    expect(cleanLine('<4>fuse: init (API version 7.38)')).toBe('fuse: init (API version 7.38)');
    expect(cleanLine('<12>fusefs-gate: workload start')).toBe('fusefs-gate: workload start');
    expect(cleanLine('<190>fusefs-gate: workload start')).toBe('fusefs-gate: workload start');
    expect(cleanLine('<1234>x')).toBe('<1234>x');
    expect(cleanLine('<IRQ>')).toBe('<IRQ>');
  });

  it('strips a caller id glued to the time, whatever its width', () => {
    expect(cleanLine('[  125.297687][T12345] INFO: task zsh:470 blocked')).toBe('INFO: task zsh:470 blocked');
    expect(cleanLine('[  125.297687][    C0]')).toBe('');
  });

  it('strips dmesg -d deltas of several digits, also on an empty record', () => {
    // util-linux dmesg.c print_record(): "[%5ld.%06ld <%12.06f>] ".
    expect(cleanLine('[  125.297687 <   12.000012>] INFO: task zsh:470 blocked')).toBe(
      'INFO: task zsh:470 blocked',
    );
    expect(cleanLine('[  125.297687 <    0.000012>]')).toBe('');
  });

  it('keeps a printk time that is not at the start of the line', () => {
    for (const line of [
      'fuse: init [   12.345678] x',
      'usb 1-1: [  +0.000012] x',
      'x [12345] panic: page fault',
      'x [Tue Dec  1 12:00:00 2026] y',
      'x [Dec 1 12:00] y',
      'x [   12.345678 <    0.000012>] y',
    ])
      expect(cleanLine(line)).toBe(line);
  });
});

describe('the FreeBSD message buffer stamp next to the Linux OOM task table', () => {
  // mm/oom_kill.c dump_task(): "[%7d] %5d %5d %8lu %8lu %8lu %8lu %9llu %8lu         %5hd %s\n" of pid, uid,
  // tgid, total_vm, rss, ...: a 7-digit pid fills the brackets.
  it('keeps a row of root, whose uid is padded to five', () => {
    const row =
      '[1234567]     0 1234567   912345   123456    98304    24576        0  1048576             0 java';
    expect(cleanLine(row)).toBe(row);
  });

  it('keeps a row whose total_vm fills its eight digits', () => {
    const row =
      '[1234567]  1000 1234567 10485760   123456    98304    24576        0  1048576             0 java';
    expect(cleanLine(row)).toBe(row);
  });

  it("keeps the row of a process whose thread dump_task() took: the thread's pid, the leader's tgid", () => {
    // find_lock_task_mm(p) returns the first thread of p that still has an mm: its pid, and p's tgid.
    const row = '[1234567]  1000    42   912345   123456    98304    24576             0 java';
    expect(cleanLine(row)).toBe(row);
  });

  it('strips a stamp before a message that starts with numbers', () => {
    // sys/kern/subr_msgbuf.c msgbuf_addstr(): "[%jd] " before each line; sys/kern/subr_prf.c
    // log_console(): a line of a program's output, "2 3 blocks" here.
    expect(cleanLine('[114565] 2 3 blocks')).toBe('2 3 blocks');
  });
});

describe('dmesg -x facility and level', () => {
  // util-linux dmesg.c print_record(): "%-6s:%-6s: " of facility and level names.
  it('strips every level name', () => {
    for (const level of ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'])
      expect(cleanLine(`kern  :${level.padEnd(6)}: fuse: init`), level).toBe('fuse: init');
  });

  it('keeps a line that starts with a facility word but is no dmesg -x prefix', () => {
    for (const line of [
      'kern.ipc.maxpipekva exceeded; see tuning(7)',
      'user: 0',
      'syslogd: restart',
      'daemon',
    ])
      expect(cleanLine(line)).toBe(line);
  });
});

describe('syslog and journal prefixes', () => {
  it('strips a syslog prefix for a one- and a two-digit day', () => {
    // RSYSLOG_TraditionalFileFormat: "%TIMESTAMP% %HOSTNAME% %syslogtag%%msg%", the day padded with a blank.
    expect(cleanLine('Aug  9 00:12:14 rock64 kernel: Call Trace:')).toBe('Call Trace:');
    expect(cleanLine('Aug 19 00:12:14 rock64 kernel: Call Trace:')).toBe('Call Trace:');
  });

  it('strips a date-pgsql stamp: a blank for the T, no zone', () => {
    // rsyslog property replacer option date-pgsql: "YYYY-MM-DD HH:MM:SS".
    expect(cleanLine('2026-12-01 12:00:00 debian kernel: Call Trace:')).toBe('Call Trace:');
  });

  it('strips a short-iso prefix with a zone without a colon and one with', () => {
    expect(cleanLine('2026-12-01T12:00:00+0100 debian kernel: Call Trace:')).toBe('Call Trace:');
    expect(cleanLine('2026-12-01T12:00:00.123456-05:00 debian kernel: Call Trace:')).toBe('Call Trace:');
    expect(cleanLine('2026-12-01T12:00:00,123Z debian kernel: Call Trace:')).toBe('Call Trace:');
  });

  it('strips a bare "host kernel: " and keeps "kernel: " inside a line', () => {
    expect(cleanLine('debian kernel: Call Trace:')).toBe('Call Trace:');
    expect(cleanLine('rock64.lan kernel: Call Trace:')).toBe('Call Trace:');
    // The hint kernel/hung_task.c prints, with "kernel: " in no prefix position.
    expect(cleanLine('see /proc/sys/kernel: x')).toBe('see /proc/sys/kernel: x');
  });

  it("never cuts into a line behind grep's file name", () => {
    // grep -r prints "<file>:<line>"; the reader does not know that prefix, and must not cut the line.
    wholeOrText('/var/log/kern.log:Dec  1 12:00:00 debian kernel: Call Trace:', 'Call Trace:');
    wholeOrText('/var/log/syslog:2016-03-26T20:52:22.526854+00:00 debian kernel: Call Trace:', 'Call Trace:');
    wholeOrText('/var/log/messages:debian kernel: Call Trace:', 'Call Trace:');
    wholeOrText('1234:2026-12-01T12:00:00.1234567Z Call Trace:', 'Call Trace:');
  });
});

describe('CI time stamps', () => {
  it("strips a stamp with strftime's %z zone and no fraction (moreutils ts)", () => {
    // moreutils ts '%Y-%m-%dT%H:%M:%S%z': "2026-12-01T12:00:00+0000 ".
    expect(cleanLine('2026-12-01T12:00:00+0000 [   12.345678] Call Trace:')).toBe('Call Trace:');
  });

  it('strips a socklog stamp of any kern. level, and keeps the rest when the stamp is no socklog one', () => {
    // socklog: "%Y-%m-%dT%H:%M:%S.%05d kern.<level>: ".
    expect(cleanLine('2015-10-03T12:10:17.00878 kern.err: INFO: task zsh:470 blocked')).toBe(
      'INFO: task zsh:470 blocked',
    );
    const line = '2015-10-03T12:10:17.00878 kern.ipc.maxpipekva exceeded; see tuning(7)';
    expect(cleanLine(line)).toBe(line);
  });

  it("strips Jenkins' timestamper stamps with a numeric zone and without zone or fraction", () => {
    // The timestamper plugin's format is a Java SimpleDateFormat: `XXX` prints "+01:00", `Z` "+0100".
    expect(cleanLine('[2026-12-01T12:00:00.123+01:00] Call Trace:')).toBe('Call Trace:');
    expect(cleanLine('[2026-12-01T12:00:00.123-0800] Call Trace:')).toBe('Call Trace:');
    expect(cleanLine('[2026-12-01T12:00:00.123] Call Trace:')).toBe('Call Trace:');
    expect(cleanLine('[2026-12-01T12:00:00Z] Call Trace:')).toBe('Call Trace:');
    expect(cleanLine('[2026-12-01T12:00:00,123Z]Call Trace:')).toBe('Call Trace:');
  });

  it('leaves numbers with a box-drawing bar that are no pager gutter, and strips the CI stamp before them', () => {
    // A job log of `tree`: the stamp, then the drawing.
    expect(cleanLine('2026-12-01T12:00:00.1234567Z │   ├── fuse.ko')).toBe('│   ├── fuse.ko');
  });
});

describe('/dev/kmsg records and pager gutters', () => {
  it('strips a record of a facility-and-level number of two and three digits', () => {
    // Documentation/ABI/testing/dev-kmsg: the first field is the syslog prefix, facility and level in one
    // number: systemd (daemon.info) writes 30, local7.debug is 191.
    expect(cleanLine('30,1234,5678901,-;systemd[1]: Started Journal Service.')).toBe(
      'systemd[1]: Started Journal Service.',
    );
    expect(cleanLine('191,1235,5678902,-;x')).toBe('x');
    expect(cleanLine('6,1236,5678903,-,caller=T42;fuse: init')).toBe('fuse: init');
  });

  it("strips a CI runner's stamp and then a pager's gutter after it", () => {
    // A job log of bat's output ("numbers,grid" style): the runner's stamp, the gutter, the line.
    expect(cleanLine('2026-12-01T12:00:00.1234567Z   12 │ Call Trace:')).toBe('Call Trace:');
  });

  it("strips a pager's gutter of an empty line and of a line number with a 9", () => {
    // bat and `less -N` with a rule: the number, blanks, "│", a blank and the line; an empty line has no blank.
    expect(cleanLine('7344   │')).toBe('');
    expect(cleanLine('9876   │  schedule+0x27/0xf0')).toBe(' schedule+0x27/0xf0');
  });
});

describe('indentation before a prefix', () => {
  it("strips a CI runner's indentation before a printk time and a caller id on a frame line", () => {
    // LAVA indents the console it relays; a frame line holds no colon.
    expect(cleanLine('    [  244.917082][   T74]  __switch_to+0x108/0x1c8')).toBe(' __switch_to+0x108/0x1c8');
    expect(cleanLine('\t[  244.917082]  __switch_to+0x108/0x1c8')).toBe(' __switch_to+0x108/0x1c8');
    // printk with printk.time=0 and CONFIG_PRINTK_CALLER: the caller id alone.
    expect(cleanLine('    [   T74]  __switch_to+0x108/0x1c8')).toBe(' __switch_to+0x108/0x1c8');
  });

  it('strips indentation before a message buffer stamp on a frame line', () => {
    // sys/kern/subr_msgbuf.c "[%jd] ", sys/kern/subr_stack.c stack_print_ddb() "#%d %p at %s+%#lx".
    expect(cleanLine('    [114565] #0 0xffffffff80b7fefd at kdb_backtrace+0x5d')).toBe(
      '#0 0xffffffff80b7fefd at kdb_backtrace+0x5d',
    );
  });

  it("keeps a kernel line's own indentation before its text, also when the text holds a '>'", () => {
    // kernel/hung_task.c: "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.",
    // indented as a markdown block.
    const hint = '    "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.';
    expect(cleanLine(hint)).toBe(hint);
    expect(cleanLine('  lock(&sb->s_type->i_mutex_key#10);')).toBe('  lock(&sb->s_type->i_mutex_key#10);');
  });
});

describe("syslogd's broadcast of emergency lines", () => {
  it('strips the broadcast tag also where a copy trimmed the blank before it', () => {
    // rsyslog omusrmsg / sysklogd wallmsg(): " " then the tag glued to the message.
    expect(cleanLine('kernel:[  622.405154] Internal error: Oops: 96000004 [#1] SMP')).toBe(
      'Internal error: Oops: 96000004 [#1] SMP',
    );
    expect(cleanLine('kernel: x')).toBe('kernel: x');
  });

  it('never cuts into a broadcast line whose kernel printed a caller id and no time', () => {
    // printk.time=0 with CONFIG_PRINTK_CALLER: kernel/printk/printk.c info_print_prefix() prints "[%6s]"
    // of "T%u" alone; the reader may leave such a line whole.
    wholeOrText(
      ' kernel:[    T1] Kernel panic - not syncing: Fatal exception',
      'Kernel panic - not syncing: Fatal exception',
    );
  });

  it('drops an indented header, one with trailing blanks, and the blank lines before each', () => {
    const text = [
      '    Message from syslogd@rock64 at Aug  9 00:12:14 ...',
      ' kernel:[  622.405154] Internal error: Oops: 96000004 [#1] SMP',
      '   ',
      'Message from syslogd@rock64 at Aug  9 00:12:14 ...   ',
      ' kernel:[  623.348159] Process kworker/u8:0 (pid: 1626, stack limit = 0xffffffc0ae41c000)',
    ].join('\n');
    expect(splitLines(text)).toEqual([
      'Internal error: Oops: 96000004 [#1] SMP',
      'Process kworker/u8:0 (pid: 1626, stack limit = 0xffffffc0ae41c000)',
    ]);
  });
});

describe('a CI line tag on one line alone, before a stamp', () => {
  // pdsh prints "<host>: " before each line of a remote command; a host is an RFC 1123 name.
  it('is stripped before each kind of stamp', () => {
    for (const stamp of [
      '<12>[  100.000000]',
      // print_time() "[%5lu.%06lu]" of an uptime that fills the five digits.
      '[12345.678901]',
      '[  +0.000012]',
      '[Tue Dec  1 12:00:00 2026]',
      '2026-12-01T12:00:00,123456+00:00',
      '2026-12-01 12:00:00 debian kernel:',
      'kern  :err   :',
      'user  :warn  :',
      'daemon:info  :',
      'syslog:info  :',
      'Aug  9 00:12:14 rock64 kernel:',
      'Dec 19 00:12:14 rock64 kernel:',
    ])
      expect(cleanLine(`ci-runner: ${stamp} Call Trace:`), stamp).toBe('Call Trace:');
  });

  it("is stripped before each kind of stamp as a Jenkins parallel branch's [name]", () => {
    // Jenkins Pipeline prints "[<branch>] " before each line of a parallel branch.
    for (const stamp of [
      '[   12.345678 <    0.000012>]',
      // sys/kern/subr_msgbuf.c "[%jd] ": no blank after the bracket.
      '[114565]',
      '[  +0.000012]',
      '[Tue Dec  1 12:00:00 2026]',
      '<4>[   12.345678]',
      '2026-12-01T12:00:00.1234567Z',
      'Aug  9 00:12:14 rock64 kernel:',
    ])
      expect(cleanLine(`[linux-arm64] ${stamp} Call Trace:`), stamp).toBe('Call Trace:');
  });

  it('is never cut into when its word is no host name (a `_` in it)', () => {
    // A name with "_" is no RFC 1123 host: the line is the reader's to leave whole, never to cut.
    wholeOrText('build_01: kern  :err   : INFO: task zsh:470 blocked', 'INFO: task zsh:470 blocked');
    wholeOrText('swap_node: user  :warn  : fusefs-gate: workload start', 'fusefs-gate: workload start');
  });

  it('is stripped for a host of one character and of 63, and not 64', () => {
    expect(cleanLine('a: [   12.345678] Call Trace:')).toBe('Call Trace:');
    const h63 = `n${'x'.repeat(62)}`;
    expect(cleanLine(`${h63}: [   12.345678] Call Trace:`)).toBe('Call Trace:');
    const h64 = `n${'x'.repeat(63)}: [   12.345678] Call Trace:`;
    expect(cleanLine(h64)).toBe(h64);
  });

  it('is not taken where a blank comes before the colon or nothing stamp-like follows', () => {
    for (const line of [
      'usb 1-1: [  12.345678] x',
      'fuse: init (API version 7.38)',
      'ci-runner: Call Trace:',
      ': [   12.345678] x',
    ])
      expect(cleanLine(line)).toBe(line);
  });
});

describe('CI line tags shared by nearby lines', () => {
  it('are stripped for a host of any first letter or digit (RFC 1123)', () => {
    for (const host of ['alpha', 'zulu', 'Alpha1', 'Zulu1', '0node', '9node', '10.0.2.15'])
      expect(splitLines(`${host}: panic: page fault\n${host}: cpuid = 1`), host).toEqual([
        'panic: page fault',
        'cpuid = 1',
      ]);
  });

  it('are not stripped when each line has its own', () => {
    const branches = ['[amd64] panic: page fault', '[arm64] cpuid = 1', '[i386] time = 1'];
    expect(splitLines(branches.join('\n'))).toEqual(branches);
    const hosts = ['node1: panic: page fault', 'node2: cpuid = 1', 'node3: time = 1'];
    expect(splitLines(hosts.join('\n'))).toEqual(hosts);
  });

  it('are stripped three lines apart, and not four', () => {
    const other = ['fuse: init (API version 7.38)', 'usb 1-1: new device', 'Call Trace:'];
    expect(splitLines(['node1: panic: page fault', ...other, 'node1: cpuid = 1'].join('\n'))).toEqual([
      'node1: panic: page fault',
      ...other,
      'node1: cpuid = 1',
    ]);
    expect(
      splitLines(['node1: panic: page fault', ...other.slice(1), 'node1: cpuid = 1'].join('\n')),
    ).toEqual(['panic: page fault', ...other.slice(1), 'cpuid = 1']);
  });

  it('are stripped for the later line of two far into a text', () => {
    const filler = Array.from({ length: 6 }, (_, i) => `usb 1-${i}: new device`);
    expect(
      splitLines([...filler, 'node1: panic: page fault', 'x', 'y', 'z', 'w', 'node1: cpuid = 1'].join('\n')),
    ).toEqual([...filler, 'node1: panic: page fault', 'x', 'y', 'z', 'w', 'node1: cpuid = 1']);
  });

  it("let the readers read a tagged FreeBSD ddb trace and a Linux hung task, and keep a subsystem's word", () => {
    // sys/ddb/db_command.c db_stack_trace(): "Tracing pid %d tid %ld td %p"; sys/amd64/amd64/db_trace.c
    // db_print_stack_entry(): "%s() at " db_printsym() "/frame 0x%lx".
    const ddb = [
      'Tracing pid 912 tid 100154 td 0xfffff80003a1c740',
      'sched_switch() at sched_switch+0x5d1/frame 0xfffffe00d4c3f7a0',
      'mi_switch() at mi_switch+0x171/frame 0xfffffe00d4c3f7c0',
      'fuse_vnop_write() at fuse_vnop_write+0x2f6/frame 0xfffffe00d4c3fa90',
    ].map((l) => `[freebsd-14] ${l}`);
    const [t] = freebsdDdbParser.parse(ddb.join('\n'));
    expect([t?.pid, t?.tid, t?.frames.map((f) => f.fn)]).toEqual([
      912,
      100154,
      ['sched_switch', 'mi_switch', 'fuse_vnop_write'],
    ]);
    // kernel/hung_task.c and kernel/sched/core.c sched_show_task(), each line after pdsh's "host: ".
    const hung = [
      'INFO: task fusefs-workloa:912 blocked for more than 120 seconds.',
      'task:fusefs-workloa  state:D stack:0     pid:912   ppid:1      flags:0x00004002',
      'Call Trace:',
      ' <TASK>',
      ' __schedule+0x2fc/0x740',
      ' schedule+0x38/0xb8',
      ' request_wait_answer+0x1c4/0x2a0 [fuse]',
      ' fuse_simple_request+0x1a2/0x2b0 [fuse]',
      ' fuse_flush+0x1b0/0x200 [fuse]',
      ' </TASK>',
    ].map((l) => `10.0.2.15: ${l}`);
    expect(analyzeStacks(hung.join('\n')).signature).toBe('hang in request_wait_answer from fuse_flush');
    // sys/vm/vm_fault.c: "vm_fault: pager read error, pid %d (%s)\n" twice: the word stays.
    const vm = [
      'vm_fault: pager read error, pid 912 (fusefs-workloads)',
      'vm_fault: pager read error, pid 913 (x)',
    ];
    expect(splitLines(vm.join('\n'))).toEqual(vm);
  });
});

describe('recordLine', () => {
  it('drops a tag and indentation a record start would hide behind, and leaves the text', () => {
    expect(recordLine('node1: panic: page fault')).toBe('panic: page fault');
    expect(recordLine('[linux-arm64] INFO: task zsh:470 blocked')).toBe('INFO: task zsh:470 blocked');
    expect(recordLine('    INFO: task zsh:470 blocked  ')).toBe('INFO: task zsh:470 blocked  ');
    expect(recordLine('node1:   [   12.345678] Call Trace:')).toBe('Call Trace:');
    expect(recordLine('Call Trace:')).toBe('Call Trace:');
  });
});

describe('stripLogPrefix', () => {
  it('strips prefixes from a line already clean of control bytes, by either name', () => {
    expect(stripLogPrefix('Dec  1 12:00:00 debian kernel: [   12.345678] Call Trace:')).toBe('Call Trace:');
    expect(stripPrintkPrefix('<4>[   12.345678] Call Trace:')).toBe('Call Trace:');
    expect(stripLogPrefix(' schedule+0x27/0xf0')).toBe(' schedule+0x27/0xf0');
  });
});

describe('symbol tokens', () => {
  it('reads an address of 8 to 16 hex digits as an unnamed frame, longer or shorter ones as names', () => {
    expect(parseSymbol('c0a81234')).toStrictEqual({ fn: UNNAMED, address: 'c0a81234' });
    expect(parseSymbol('ffffffffc0a812345')).toStrictEqual({ fn: 'ffffffffc0a812345' });
    expect(parseSymbol('c0a8123')).toStrictEqual({ fn: 'c0a8123' });
    // All letters: a name, not an address (deadbeef is a word a symbol may be).
    expect(parseSymbol('deadbeef')).toStrictEqual({ fn: 'deadbeef' });
  });

  it('keeps the offset and size of a name that looks like an address', () => {
    expect(parseSymbol('ffffffffc0a81234+0x10/0x20')).toStrictEqual({
      fn: 'ffffffffc0a81234',
      offset: '0x10',
      size: '0x20',
    });
  });

  it('takes no token with blanks, a bad offset or a size without offset', () => {
    for (const token of [
      'a b',
      'schedule+0xzz',
      'schedule+12',
      'schedule/0x80',
      'schedule+0x2f/80',
      '+0x10',
      '',
    ])
      expect(parseSymbol(token), token).toBeUndefined();
  });

  it('names a function unless it is ?? or an address with 0x', () => {
    expect(isNamed('sub_0x1234')).toBe(true);
    expect(isNamed('0x1234_init')).toBe(true);
    expect(isNamed('0x')).toBe(true);
    expect(isNamed('0xABCDEF')).toBe(false);
  });

  it('drops compiler suffixes after the first dot but never the name', () => {
    expect(baseName('fuse_file_write_iter.isra.0')).toBe('fuse_file_write_iter');
    expect(baseName('vfs_write.constprop.0.cold')).toBe('vfs_write');
    expect(baseName('schedule')).toBe('schedule');
    expect(baseName('.')).toBe('.');
  });

  it('reads a decimal field, and nothing from an absent or non-numeric one', () => {
    expect(toInt('912')).toBe(912);
    expect(toInt('0')).toBe(0);
    expect(toInt('100154 ')).toBe(100154);
    expect(toInt(undefined)).toBeUndefined();
    expect(toInt('pid')).toBeUndefined();
  });
});
