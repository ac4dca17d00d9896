// Crash titles (src/report/crash-title.ts) from the rules its header states: what differs between
// runs and builds (the build's folder, line and column numbers, addresses, numbers, spacing) leaves
// the message, and the title names the function the crash happened in once. Each expected title is
// what a person filing the bug would write, not what the code printed.
import { describe, expect, it } from 'vitest';
import { crashFunction, crashTitle, normalizeMessage } from '../../../src/report/crash-title.js';
import { extractFreebsdPanic } from '../../../src/report/parsers/freebsd-panic.js';

describe('normalizeMessage: the same bug on another build gives the same text', () => {
  it('keeps a Linux source path from its top-level folder, without the build folder and line', () => {
    expect(normalizeMessage('kernel BUG at /build/linux-6.1.176/fs/fuse/dev.c:2101!')).toBe(
      'kernel BUG at fs/fuse/dev.c!',
    );
    // The earliest top-level folder wins: drivers/net, not net/.
    expect(normalizeMessage('WARNING at /home/ci/src/linux/drivers/net/tun.c:77 tun_get_user')).toBe(
      'WARNING at drivers/net/tun.c tun_get_user',
    );
  });

  it('drops a column after the line (UBSAN and Rust print file:line:col)', () => {
    expect(normalizeMessage('UBSAN: shift-out-of-bounds in fs/fuse/file.c:1234:56')).toBe(
      'UBSAN: shift-out-of-bounds in fs/fuse/file.c',
    );
  });

  it('keeps a FreeBSD path from sys/, also when the message gives it relative', () => {
    expect(normalizeMessage('Assertion x failed at /usr/src/sys/fs/fuse/fuse_vnops.c:1403')).toBe(
      'Assertion x failed at sys/fs/fuse/fuse_vnops.c',
    );
    expect(normalizeMessage('Assertion x failed at sys/fs/fuse/fuse_vnops.c:1403')).toBe(
      'Assertion x failed at sys/fs/fuse/fuse_vnops.c',
    );
  });

  it('keeps only the file name of a path under no known top-level folder', () => {
    expect(normalizeMessage('assertion failed at /tmp/build/obj/vers.c:12')).toBe(
      'assertion failed at vers.c',
    );
  });

  it('replaces addresses with and without 0x, including one of digits only at the end of the message', () => {
    expect(normalizeMessage('BUG: kernel NULL pointer dereference, address: 0000000000000008')).toBe(
      'BUG: kernel NULL pointer dereference, address: ADDR',
    );
    expect(normalizeMessage('page fault at ffffc90000a3b000 (0xfffff80003c21000)')).toBe(
      'page fault at ADDR (ADDR)',
    );
    // A word of hex letters only is a word, not an address.
    expect(normalizeMessage('magic deadbeef missing')).toBe('magic deadbeef missing');
  });

  it('collapses spacing, trims, and keeps at most 200 characters', () => {
    expect(normalizeMessage('  sleeping   function\tcalled  ')).toBe('sleeping function called');
    const long = normalizeMessage(`panic: ${'x'.repeat(300)}`);
    expect(long).toHaveLength(200);
    expect(long.startsWith('panic: xxx')).toBe(true);
  });
});

describe('crashFunction: the first named frame that is not crash machinery', () => {
  const machinery = (fn: string) => ['panic', 'vpanic', 'trap'].includes(fn);

  it('passes over frames without a symbol', () => {
    expect(crashFunction([{ fn: '??' }, { fn: 'vpanic' }, { fn: 'fuse_vnop_write' }], machinery)).toBe(
      'fuse_vnop_write',
    );
    expect(crashFunction(['0xffffffff80c1d2e3', 'ffs_write.cold'], machinery)).toBe('ffs_write');
  });

  it('names the first named frame when every one is machinery, and nothing when none is named', () => {
    expect(crashFunction([{ fn: '??' }, undefined, 'vpanic', 'panic'], machinery)).toBe('vpanic');
    expect(crashFunction([{ fn: '??' }, undefined], machinery)).toBeUndefined();
  });

  it("with 'none', names nothing when every named frame is machinery, and still the first that is not", () => {
    expect(crashFunction(['vpanic', 'panic', 'trap'], machinery, 'none')).toBeUndefined();
    expect(crashFunction(['vpanic', 'fuse_vnop_write'], machinery, 'none')).toBe('fuse_vnop_write');
  });
});

describe('crashTitle: KIND in FUNC, unless the kind names the function already', () => {
  it('adds the function to a kind that does not name it', () => {
    expect(crashTitle('Fatal trap 12: page fault while in kernel mode', 'fuse_vnop_write')).toBe(
      'Fatal trap 12: page fault while in kernel mode in fuse_vnop_write',
    );
    expect(crashTitle('general protection fault', undefined)).toBe('general protection fault');
  });

  it('does not repeat a function the kind names as a word: after a space or colon, before a colon, `(` or the end', () => {
    expect(crashTitle('panic: ffs_write: type 0', 'ffs_write')).toBe('panic: ffs_write: type 0');
    expect(crashTitle('ffs_write: type 0', 'ffs_write')).toBe('ffs_write: type 0');
    expect(crashTitle('panic: vm_page_free_prep(): page busy', 'vm_page_free_prep')).toBe(
      'panic: vm_page_free_prep(): page busy',
    );
    expect(crashTitle('panic:ffs_write', 'ffs_write')).toBe('panic:ffs_write');
  });

  it('adds the function when the kind holds its name only inside a longer word', () => {
    expect(crashTitle('panic: _vm_page_busy_sleep: bad', 'vm_page_busy_sleep')).toBe(
      'panic: _vm_page_busy_sleep: bad in vm_page_busy_sleep',
    );
    expect(crashTitle('panic: ffs_writev: bad', 'ffs_write')).toBe('panic: ffs_writev: bad in ffs_write');
    expect(crashTitle('panic: ffs_write_ at x', 'ffs_write')).toBe('panic: ffs_write_ at x in ffs_write');
  });
});

describe('a FreeBSD crash whose every named frame is crash machinery is titled by its kind alone', () => {
  // Release-kernel form (sys/kern/subr_stack.c stack_print_ddb "#%d %p at %s+%#lx", "??" and 0 for a
  // pc without a symbol); the trap line from sys/amd64/amd64/trap.c trap_fatal.
  it('a page fault in code without symbols: the trap, not trap_fatal or kdb_backtrace', () => {
    const text = [
      'Fatal trap 12: page fault while in kernel mode',
      'current process\t\t= 912 (fusefs-workloads)',
      'panic: page fault',
      'cpuid = 1',
      'time = 1764662414',
      'KDB: stack backtrace:',
      '#0 0xffffffff80b9c1ad at kdb_backtrace+0x5d',
      '#1 0xffffffff80b4f3e1 at vpanic+0x131',
      '#2 0xffffffff80b4f2a3 at panic+0x43',
      '#3 0xffffffff8104a0b5 at trap_fatal+0x385',
      '#4 0xffffffff8104a10f at trap_pfault+0x4f',
      '#5 0xffffffff810218e8 at calltrap+0x8',
      '#6 0xffffffff82a3c5e4 at ??+0',
    ].join('\n');
    expect(extractFreebsdPanic(text)?.title).toBe('Fatal trap 12: page fault while in kernel mode');
  });

  it('a panic: the panic message, normalized (the form of every FreeBSD panic title)', () => {
    const text = [
      'panic: mutex fuse message list mutex not owned at /usr/src/sys/fs/fuse/fuse_ipc.h:251',
      'KDB: stack backtrace:',
      'db_trace_self_wrapper() at db_trace_self_wrapper+0x2b/frame 0xfffffe00c3a2e6f0',
      'vpanic() at vpanic+0x136/frame 0xfffffe00c3a2e820',
      'panic() at panic+0x43/frame 0xfffffe00c3a2e880',
    ].join('\n');
    expect(extractFreebsdPanic(text)?.title).toBe(
      'panic: mutex fuse message list mutex not owned at sys/fs/fuse/fuse_ipc.h',
    );
  });
});
