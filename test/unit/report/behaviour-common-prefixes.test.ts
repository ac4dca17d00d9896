// What a reader must make of one raw console or log line (src/report/parsers/common.ts): the terminal's
// view of control bytes, the log prefixes that loggers put before a kernel line (each form from the
// logger's own format string, named per case), and the frame tokens of both kernels. Each case also
// holds text that must NOT be taken for a prefix or a frame.

import { describe, expect, it } from 'vitest';
import {
  UNNAMED,
  baseName,
  cleanLine,
  isNamed,
  parseSymbol,
  splitLines,
} from '../../../src/report/parsers/common.js';

describe('cleanLine: the terminal view of control bytes', () => {
  it('drops the CR of a CRLF line and keeps the text before it', () => {
    // A serial console captured raw ends each line with "\r\n"; split on "\n" leaves the "\r".
    expect(cleanLine('Call Trace:\r')).toBe('Call Trace:');
    expect(cleanLine('[   12.345678] Call Trace:\r')).toBe('Call Trace:');
  });

  it('reads the empty line of a CRLF capture as empty', () => {
    expect(cleanLine('\r')).toBe('');
  });

  it("keeps what ddb's pager left on the line after blanking its --More-- prompt", () => {
    // sys/ddb/db_output.c db_pager(): "--More--\r", then blanks over the prompt and returns with "\r".
    const line = '--More--\r        \rsched_switch() at sched_switch+0x5d1/frame 0xfffffe00d4c3f7a0';
    expect(cleanLine(line)).toBe('sched_switch() at sched_switch+0x5d1/frame 0xfffffe00d4c3f7a0');
  });

  it('drops NUL bytes a serial line carries before the first message, then the printk time', () => {
    // init/main.c start_kernel(): pr_notice("%s", linux_banner) is the first line after power-on noise.
    expect(cleanLine('\x00\x00\x00[    0.000000] Linux version 6.1.0-27-amd64')).toBe(
      'Linux version 6.1.0-27-amd64',
    );
  });

  it('drops a lone control byte and colour escapes', () => {
    expect(cleanLine('\x07')).toBe('');
    expect(
      cleanLine('\x1b[0;31mBUG: kernel NULL pointer dereference, address: 0000000000000000\x1b[0m'),
    ).toBe('BUG: kernel NULL pointer dereference, address: 0000000000000000');
  });
});

describe('cleanLine: escape sequences of firmware and scripts', () => {
  it("drops OVMF's terminal set-up, whose mode sequence has a private parameter byte", () => {
    // edk2 MdeModulePkg/Universal/Console/TerminalDxe/TerminalConOut.c: mClearScreenString "ESC [2J",
    // mSetCursorPositionString "ESC [01;01H", mSetModeString "ESC [=3h", written before the first line.
    const line =
      '\x1b[2J\x1b[01;01H\x1b[=3h\x1b[2J\x1b[01;01HBdsDxe: loading Boot0001 "UEFI QEMU HARDDISK QM00001 "';
    expect(cleanLine(line)).toBe('BdsDxe: loading Boot0001 "UEFI QEMU HARDDISK QM00001 "');
  });

  it('drops escapes that are not CSI: reset, cursor save/restore, character set (tput sgr0)', () => {
    // ECMA-35 escape sequences: ESC, intermediate bytes 0x20-0x2F, a final byte 0x30-0x7E. terminfo xterm
    // sgr0 is "ESC ( B ESC [m"; rs1 "ESC c"; sc/rc "ESC 7"/"ESC 8".
    expect(cleanLine('\x1b[1;31mFAIL\x1b(B\x1b[m: write.cc MmapWrite')).toBe('FAIL: write.cc MmapWrite');
    expect(cleanLine('\x1bc\x1b7fusefs-gate: boot\x1b8')).toBe('fusefs-gate: boot');
  });

  it('drops a window title set by an operating system command, ended by BEL or by ST', () => {
    // ECMA-48 OSC: ESC ] ... then BEL (xterm) or ST (ESC \\); "0;" sets icon name and title.
    expect(cleanLine('\x1b]0;root@freebsd: ~\x07panic: vm_fault: fault on nofault entry')).toBe(
      'panic: vm_fault: fault on nofault entry',
    );
    expect(cleanLine('\x1b]2;build\x1b\\[  12.000000] INFO: task a:1 blocked')).toBe(
      'INFO: task a:1 blocked',
    );
    // A title cut off at the end of the line takes nothing of the next one.
    expect(cleanLine('fusefs-gate: boot\x1b]0;unfinished')).toBe('fusefs-gate: boot');
  });
});

describe('cleanLine: rsyslog control-character escapes', () => {
  it('drops every escaped newline a message began with', () => {
    // rsyslog writes each control character as "#" and three octal digits; a printk format that begins
    // with two newlines (pr_err("\n\nDisIRQ___ERR:%ld ms <%ld %ld> %d:\n", ...) in vendor trees) arrives
    // as "#012#012...".
    expect(cleanLine('2016-03-26T20:52:22.526854+00:00 mira108 kernel: #012#012DisIRQ___ERR:120 ms')).toBe(
      'DisIRQ___ERR:120 ms',
    );
  });
});

describe('printk and util-linux dmesg prefixes', () => {
  it('strips a printk time with nothing after it (the copy trimmed the trailing blank)', () => {
    // kernel/printk/printk.c info_print_prefix(): "[%5lu.%06lu]" then " "; an empty record (pr_warn("\n"))
    // leaves only the prefix, and a copy that trims trailing blanks leaves no space after it.
    expect(cleanLine('[   80.262183]')).toBe('');
    expect(cleanLine('[   80.262183] ')).toBe('');
  });

  it('strips a printk caller id with and without the printk time', () => {
    // kernel/printk/printk.c print_caller(): "[%6s]" of "T%u"/"C%u".
    expect(cleanLine('[  T123] INFO: task zsh:470 blocked for more than 61 seconds.')).toBe(
      'INFO: task zsh:470 blocked for more than 61 seconds.',
    );
    expect(cleanLine('[    T1]')).toBe('');
    expect(cleanLine('<3>[  125.297687][  T140] INFO: task zsh:470 blocked for more than 61 seconds.')).toBe(
      'INFO: task zsh:470 blocked for more than 61 seconds.',
    );
  });

  it('strips dmesg -x facility and level for every facility a kernel log carries', () => {
    // util-linux dmesg.c print_record(): "%-6s:%-6s: " of facility_names[] and level_names[]; records that
    // user space wrote to /dev/kmsg are facility user (kernel/printk/printk.c devkmsg_write()), systemd's
    // are daemon, journald's syslog.
    expect(cleanLine('kern  :warn  : [    5.123456] WARNING: CPU: 0 PID: 1 at fs/fuse/file.c:123')).toBe(
      'WARNING: CPU: 0 PID: 1 at fs/fuse/file.c:123',
    );
    expect(cleanLine('user  :warn  : [  100.000000] fusefs-gate: workload start')).toBe(
      'fusefs-gate: workload start',
    );
    expect(cleanLine('daemon:info  : [    1.500000] systemd[1]: Started systemd-udevd.service.')).toBe(
      'systemd[1]: Started systemd-udevd.service.',
    );
    expect(cleanLine('syslog:info  : [    1.400000] systemd-journald[120]: Journal started')).toBe(
      'systemd-journald[120]: Journal started',
    );
  });

  it('strips every prefix of a stack of five: CI stamp, dmesg -x, two time formats, caller id', () => {
    // util-linux dmesg.c print_record(): the decode buffer, then one "[...] " per --time-format given (the
    // loop over ctl->time_fmts), then the caller id "[%*s] "; a GitHub Actions job log stamps the line.
    const line =
      '2026-12-01T12:00:00.1234567Z kern  :err   : [Tue Dec  1 12:00:00 2026] [  125.297687] [  T140] ' +
      'INFO: task zsh:470 blocked for more than 61 seconds.';
    expect(cleanLine(line)).toBe('INFO: task zsh:470 blocked for more than 61 seconds.');
  });

  it('strips dmesg -T ctime for a one- and a two-digit day', () => {
    // util-linux dmesg.c: "[%s] " of strftime "%a %b %e %H:%M:%S %Y" (%e pads the day with a blank).
    expect(cleanLine('[Tue Dec  1 12:00:00 2026] INFO: task fusefs-workloa:912 blocked')).toBe(
      'INFO: task fusefs-workloa:912 blocked',
    );
    expect(cleanLine('[Sat Dec 12 12:00:00 2026] INFO: task fusefs-workloa:912 blocked')).toBe(
      'INFO: task fusefs-workloa:912 blocked',
    );
    expect(cleanLine('[Sat Dec 12 12:00:00 2026]')).toBe('');
  });

  it('strips dmesg -H (reltime) stamps: the minute and the deltas', () => {
    // util-linux dmesg.c DMESG_TIMEFTM_RELTIME: "[%s] " of short_ctime() ("%b%e %H:%M"), then
    // "[  %+8.06f] " below 10 s and "[ %+9.06f] " from 10 s.
    expect(cleanLine('[Dec 1 12:00] fuse: init (API version 7.38)')).toBe('fuse: init (API version 7.38)');
    expect(cleanLine('[Dec12 12:00] fuse: init (API version 7.38)')).toBe('fuse: init (API version 7.38)');
    expect(cleanLine('[Dec12 12:00]')).toBe('');
    expect(cleanLine('[  +0.000012] Call Trace:')).toBe('Call Trace:');
    expect(cleanLine('[ +12.345678] Call Trace:')).toBe('Call Trace:');
    expect(cleanLine('[  +0.000012]')).toBe('');
  });

  it('strips a FreeBSD msgbuf uptime stamp, also on an empty line', () => {
    // sys/kern/subr_msgbuf.c msgbuf_addstr(): "[%jd] " before every line, an empty one too.
    expect(cleanLine('[114565] panic: vm_fault_lookup: fault on nofault entry, addr: 0')).toBe(
      'panic: vm_fault_lookup: fault on nofault entry, addr: 0',
    );
    expect(cleanLine('[114565]')).toBe('');
  });

  it('strips a raw dmesg -r priority of a user-space record (facility and level in one number)', () => {
    // util-linux dmesg.c raw output: "<%d>" of LOG_RAW_FAC_PRI(facility, level); devkmsg_write() records
    // are LOG_USER (1 << 3) at the default level 4, so "<12>".
    expect(cleanLine('<12>[  100.000000] fusefs-gate: workload start')).toBe('fusefs-gate: workload start');
    expect(cleanLine('<4>[  100.000000] fusefs-gate: workload start')).toBe('fusefs-gate: workload start');
  });
});

describe('syslog and journal prefixes', () => {
  it('strips a syslog short prefix with a fractional second', () => {
    // rsyslog's RSYSLOG_TraditionalFileFormat with high-precision time / journalctl -o short-precise.
    expect(cleanLine('Dec  1 12:00:00.123456 debian kernel: INFO: task zsh:470 blocked')).toBe(
      'INFO: task zsh:470 blocked',
    );
  });

  it("strips busybox syslogd's prefix, which names facility and priority after the host", () => {
    // busybox sysklogd/syslogd.c timestamp_and_log(): "%s %.64s %s %s\n" of time stamp, host name,
    // parse_fac_prio_20() ("kern.warn") and the message, which klogd tags "kernel: ".
    expect(
      cleanLine('Dec  1 12:00:00 buildroot kern.warn kernel: [   12.345678] fuse: init (API version 7.38)'),
    ).toBe('fuse: init (API version 7.38)');
    expect(cleanLine('Dec  1 12:00:00 buildroot kern.err kernel: INFO: task zsh:470 blocked')).toBe(
      'INFO: task zsh:470 blocked',
    );
  });

  it('strips a short-iso prefix whose host is not a plain host name', () => {
    // Host token "src@linuxserver" as in test/fixtures/stacks/linux-bcachefs-231-...; journalctl -o short-iso
    // prints "%Y-%m-%dT%H:%M:%S%z" (no fraction, "+0000"), rsyslog RSYSLOG_FileFormat rfc3339 with
    // microseconds and "+00:00".
    expect(cleanLine('2026-12-01T12:00:00+0000 src@linuxserver kernel: Call Trace:')).toBe('Call Trace:');
    expect(cleanLine('2016-03-26T20:52:22.526854+00:00 src@linuxserver kernel: Call Trace:')).toBe(
      'Call Trace:',
    );
  });

  it('strips journalctl -o short-monotonic: the bracket, then host and kernel', () => {
    // journalctl short-monotonic: "[%5llu.%06llu] " of the monotonic time, then "host identifier: ".
    expect(cleanLine('[    5.123456] debian-guest kernel: fuse: init (API version 7.38)')).toBe(
      'fuse: init (API version 7.38)',
    );
  });

  it("keeps a CI runner's time stamp off a kernel line that names a kern. sysctl", () => {
    // sys/kern/sys_pipe.c pipespace_new(): printf("kern.ipc.maxpipekva exceeded; see tuning(7)\n");
    // GitHub Actions stamps each job-log line "%Y-%m-%dT%H:%M:%S.fffffffZ ".
    expect(cleanLine('2026-12-01T12:00:00.1234567Z kern.ipc.maxpipekva exceeded; see tuning(7)')).toBe(
      'kern.ipc.maxpipekva exceeded; see tuning(7)',
    );
    // A socklog line printed into a job log: both stamps go.
    expect(
      cleanLine(
        '2026-12-01T12:00:00.1234567Z 2015-10-03T12:10:17.00878 kern.warn: INFO: task zsh:470 blocked',
      ),
    ).toBe('INFO: task zsh:470 blocked');
  });

  it('strips a Jenkins timestamper stamp, also on an empty line', () => {
    expect(cleanLine('[2026-12-01T12:00:00.123Z] Call Trace:')).toBe('Call Trace:');
    expect(cleanLine('[2026-12-01T12:00:00.123Z]')).toBe('');
  });
});

describe('kernel text that is not a prefix', () => {
  it('keeps a kernel line that begins with a bracketed word or a word and a colon', () => {
    // drivers/gpu/drm: DRM_INFO() prefixes "[drm] "; ttm_pool: "[TTM] "; lockdep, hung_task: "INFO: ".
    for (const line of [
      '[drm] Initialized bochs-drm 1.0.0 20130925 for 0000:00:02.0 on minor 0',
      '[TTM] Zone  kernel: Available graphics memory: 4062956 KiB',
      'INFO: task fusefs-workloa:912 blocked for more than 120 seconds.',
      'kern.ipc.maxpipekva exceeded; see tuning(7)',
      'fuse: init (API version 7.38)',
      '2 locks held by fusefs-workloa/912:',
      '<IRQ>',
    ])
      expect(cleanLine(line)).toBe(line);
  });
});

describe('a prefix the reader does not know', () => {
  // The reader may strip it or leave it, but must never cut into the line: the result is the whole line
  // or the kernel's text.
  const wholeOrText = (line: string, text: string): void => {
    expect([line, text]).toContain(cleanLine(line));
  };

  it("leaves a Jenkins parallel branch's [name] with the stamped line after it", () => {
    // Jenkins Pipeline parallel branches print each line of a branch after "[<branch name>] ".
    wholeOrText(
      '[amd64] [114565] panic: vm_fault_lookup: fault on nofault entry',
      'panic: vm_fault_lookup: fault on nofault entry',
    );
    wholeOrText(
      '[amd64] [Tue Dec  1 12:00:00 2026] INFO: task zsh:470 blocked',
      'INFO: task zsh:470 blocked',
    );
    wholeOrText('[amd64] [Dec 1 12:00] INFO: task zsh:470 blocked', 'INFO: task zsh:470 blocked');
    wholeOrText('[amd64] [  +0.000012] INFO: task zsh:470 blocked', 'INFO: task zsh:470 blocked');
  });

  it("leaves pdsh's host: with the dmesg line after it", () => {
    // pdsh prints each line of a remote command after "<host>: ".
    wholeOrText('debian-guest: kern  :err   : INFO: task zsh:470 blocked', 'INFO: task zsh:470 blocked');
    wholeOrText(
      '10.0.2.15: 2026-12-01T12:00:00,123456+00:00 INFO: task zsh:470 blocked',
      'INFO: task zsh:470 blocked',
    );
  });
});

describe('splitLines', () => {
  it('splits and cleans a text, and the same text again gives the same lines', () => {
    const text = '[   12.345678] Call Trace:\r\n[   12.345679]  <TASK>\r\n';
    expect(splitLines(text)).toEqual(['Call Trace:', ' <TASK>', '']);
    expect(splitLines('other')).toEqual(['other']);
    expect(splitLines(text)).toEqual(['Call Trace:', ' <TASK>', '']);
  });
});

describe('frame tokens', () => {
  it('reads a bare Linux address as an unnamed frame', () => {
    // arch/x86/kernel/dumpstack.c printk_stack_address(): "%pBb" prints the raw address for text without
    // a symbol; 64-bit and 32-bit (ARM, kernel at 0x80000000) addresses, with and without "0x".
    expect(parseSymbol('ffffffffc0a81234')).toStrictEqual({ fn: UNNAMED, address: 'ffffffffc0a81234' });
    expect(parseSymbol('0xffffffff81234567')).toStrictEqual({ fn: UNNAMED, address: '0xffffffff81234567' });
    expect(parseSymbol('80101234')).toStrictEqual({ fn: UNNAMED, address: '80101234' });
  });

  it('reads a named symbol with and without offset and size, and sets no field it did not see', () => {
    expect(parseSymbol('schedule+0x2f/0x80')).toStrictEqual({ fn: 'schedule', offset: '0x2f', size: '0x80' });
    expect(parseSymbol('mi_switch+0x171')).toStrictEqual({ fn: 'mi_switch', offset: '0x171' });
    // FreeBSD db_printsym() prints no "+offset" for an address at the start of a function.
    expect(parseSymbol('fork_exit')).toStrictEqual({ fn: 'fork_exit' });
    expect(Object.keys(parseSymbol('fork_exit') ?? {})).toEqual(['fn']);
    expect(parseSymbol('??+0')).toStrictEqual({ fn: '??', offset: '0' });
  });

  it('keeps a ThinLTO-suffixed name whose suffix is all digits as a name', () => {
    // LLVM ThinLTO renames promoted locals "<name>.llvm.<decimal hash>".
    const fn = 'fuse_write_update_attr.llvm.6410412513656296412';
    expect(parseSymbol(fn)).toStrictEqual({ fn });
  });

  it('does not take a ddb token with its /frame tail for a symbol', () => {
    // sys/amd64/amd64/db_trace.c db_print_stack_entry(): "<sym>+<off>/frame 0x%lx"; split on blanks the
    // token "mi_switch+0x171/frame" is not a symbol token.
    expect(parseSymbol('mi_switch+0x171/frame')).toBeUndefined();
    expect(parseSymbol('at')).toStrictEqual({ fn: 'at' });
  });

  it('names only functions: not ??, not empty, not an address', () => {
    expect(isNamed('??')).toBe(false);
    expect(isNamed('')).toBe(false);
    expect(isNamed('0xffffffff81234567')).toBe(false);
    expect(isNamed('fuse_vnop_write')).toBe(true);
    expect(baseName('fuse_write_update_attr.llvm.6410412513656296412')).toBe('fuse_write_update_attr');
    expect(baseName('.cold')).toBe('.cold');
  });
});
