// Kills of the mutation survivors of src/report/parsers/linux-*.ts (issue 16), written from what a reader of
// the log must get: the frames, threads and titles a kernel's own output holds. Each line is one the kernel
// prints (format cited beside it).

import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/report/parsers/common.js';
import { readCallTrace } from '../../../src/report/parsers/linux-call-trace.js';

/** The functions of the trace whose header is the first line of `text`. */
function traceOf(text: string): string[] {
  const lines = splitLines(text);
  return readCallTrace(lines, 0).frames.map((f) => f.fn);
}

describe('32-bit ARM noise in the middle of a trace (arch/arm/kernel/traps.c)', () => {
  // dump_backtrace_entry() since 5.x: "%s %ps from %pS\n"; dump_backtrace_stm(): " r%d:%08x" per register,
  // r10 first when the frame saved it; dump_mem(): "%s%04lx:%s\n" with " %08lx" words (9 blanks for a word
  // outside the stack), after "Exception stack(0x%08lx to 0x%08lx)".
  it('reads on past a register line that starts with r10', () => {
    const text = [
      'Call trace: ',
      ' __schedule from schedule+0x20/0x134',
      ' r10:c1a0b0c0 r9:00000000 r8:c1204d40 r7:c1a4e000 r6:c1a0b0c0 r5:c1a4e000 r4:c3b52e00',
      ' schedule from fuse_wait_answer+0x5c/0x108',
      ' fuse_wait_answer from fuse_simple_request+0x120/0x2a0',
    ].join('\n');
    expect(traceOf(text)).toEqual(['__schedule', 'schedule', 'fuse_wait_answer']);
  });

  it('reads on past a register line holding one register', () => {
    const text = [
      'Call trace: ',
      ' __schedule from schedule+0x20/0x134',
      ' r4:b6062640',
      ' schedule from fuse_wait_answer+0x5c/0x108',
      ' fuse_wait_answer from fuse_simple_request+0x120/0x2a0',
    ].join('\n');
    expect(traceOf(text)).toEqual(['__schedule', 'schedule', 'fuse_wait_answer']);
  });

  it('reads the interrupted code past an exception entry and its stack dump', () => {
    // An interrupt taken in svc mode: __irq_svc is entry text, so dump_backtrace_entry() dumps the
    // exception stack, then the unwinder goes on in the code the interrupt stopped.
    const text = [
      'Call trace: ',
      ' handle_irq_event from handle_level_irq+0xa4/0x160',
      ' handle_level_irq from generic_handle_domain_irq+0x2c/0x3c',
      ' generic_handle_domain_irq from __irq_svc+0x88/0xb0',
      'Exception stack(0xdfae1e58 to 0xdfae1ea0)',
      '1e40:                                                       c1a4e000 00000001',
      '1e60: 00000000 c1204d40 c3b52e00 60000013 c1a0b0c0 c1a4e000 c1a0b0c0 dfae1eec',
      '1e80: dfae1ef0 dfae1ea8 c0a1b2c4 c0a1b2c8 60000013 ffffffff',
      ' __irq_svc from fuse_dev_do_write+0x1c0/0x8a0',
      ' fuse_dev_do_write from fuse_dev_write+0x64/0x98',
      ' fuse_dev_write from vfs_write+0x1a8/0x3b0',
    ].join('\n');
    expect(traceOf(text)).toEqual([
      'handle_irq_event',
      'handle_level_irq',
      'generic_handle_domain_irq',
      '__irq_svc',
      'fuse_dev_do_write',
      'fuse_dev_write',
    ]);
  });

  it('reads on past the first, unaligned line of a stack dump', () => {
    // rpi-6960's form: the dump starts mid-line, the words before the stack printed as blanks.
    const text = [
      'Call trace: ',
      ' generic_handle_domain_irq from __irq_svc+0x88/0xb0',
      'Exception stack(0xdfae1fb0 to 0xdfae1fb8)',
      '1fa0:                                     00000000 00000000',
      ' __irq_svc from fuse_dev_do_write+0x1c0/0x8a0',
      ' fuse_dev_do_write from fuse_dev_write+0x64/0x98',
    ].join('\n');
    expect(traceOf(text)).toEqual(['generic_handle_domain_irq', '__irq_svc', 'fuse_dev_do_write']);
  });

  it('reads on past a 64-bit word dump (arm64 4.x dump_mem(): " %016lx" words)', () => {
    const text = [
      'Call trace:',
      '[<ffff000008085a2c>] el1_irq+0xac/0x128',
      'Exception stack(0xffff80003a6f3c10 to 0xffff80003a6f3d40)',
      '3c00:                                   0000000000000000 ffff80003a6f3d60',
      '3c20: ffff000008b8e000 0000000000000140 0000000000000000 0000000000000001',
      '[<ffff0000080f1e24>] fuse_dev_do_write+0x1c0/0x8a0',
      '[<ffff0000080f2040>] fuse_dev_write+0x64/0x98',
    ].join('\n');
    expect(traceOf(text)).toEqual(['el1_irq', 'fuse_dev_do_write', 'fuse_dev_write']);
  });
});

describe("printk caller ids (CONFIG_PRINTK_CALLER: '[%5lu.%06lu][%6s] ')", () => {
  it('ends the trace at a line of no context (user-space console output), not past it', () => {
    const text = [
      '[   34.404245][ T3083] Call Trace:',
      '[   34.404250][ T3083]  <TASK>',
      '[   34.404260][ T3083]  __schedule+0x27/0xf0',
      'login: root',
      '[   34.404270][ T3083]  schedule+0x3a/0x90',
    ].join('\n');
    expect(traceOf(text)).toEqual(['__schedule']);
  });

  it("skips another context's lines and keeps its own frames", () => {
    const text = [
      '[   34.404245][ T3083] Call Trace:',
      '[   34.404250][ T3083]  <TASK>',
      '[   34.404260][ T3083]  __schedule+0x27/0xf0',
      '[   34.404262][    C1] sd 0:0:0:0: [sda] tag#0 timing out command, waited 180s',
      '[   34.404270][ T3083]  schedule+0x3a/0x90',
      '[   34.404280][ T3083]  </TASK>',
    ].join('\n');
    expect(traceOf(text)).toEqual(['__schedule', 'schedule']);
  });

  it('reads the frames under a header printed without an id', () => {
    // A header line from a console that lost its prefix (a quote), over frames that keep theirs.
    const text = [
      'Call Trace:',
      '[   34.404260][ T3083]  __schedule+0x27/0xf0',
      '[   34.404270][ T3083]  schedule+0x3a/0x90',
    ].join('\n');
    expect(traceOf(text)).toEqual(['__schedule', 'schedule']);
  });
});
