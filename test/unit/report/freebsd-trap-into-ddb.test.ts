// A FreeBSD fatal trap without a panic line: trap_fatal() (sys/amd64/amd64/trap.c) either entered
// ddb first (debugger_on_trap) or was going to panic() when the log ended.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPanic } from '../../../src/report/stacks.js';

const REAL = readFileSync(
  path.join(
    import.meta.dirname,
    '../../fixtures/stacks/freebsd-secadm-39-fatal-trap-into-ddb-no-panic-line.txt',
  ),
  'utf8',
);

describe('a fatal trap without a panic line', () => {
  it('is the crash when ddb was entered: the pc of "Stopped at" names it', () => {
    const p = extractPanic(REAL);
    expect(p?.os).toBe('freebsd');
    expect(p?.title).toBe(
      'Fatal trap 9: general protection fault while in kernel mode in secadm_vnode_check_exec',
    );
    expect(p?.threads[0]?.frames[0]?.offset).toBe('0x2c7');
    expect(p?.threads[0]?.tid).toBe(100829);
  });

  it('is the crash, without a function, when the log ends before the panic', () => {
    const head = REAL.split('\n').slice(0, 9).join('\n');
    expect(head).toContain('current process');
    const p = extractPanic(head);
    expect(p?.title).toBe('Fatal trap 9: general protection fault while in kernel mode');
    expect(p?.threads[0]).toMatchObject({ pid: 38332, comm: 'csh', frames: [] });
  });

  it('gives way to the panic line when there is one', () => {
    const withPanic = `${REAL.split('\n').slice(0, 9).join('\n')}\ntrap number\t\t= 9\npanic: general protection fault\ncpuid = 0\n`;
    expect(extractPanic(withPanic)?.message).toBe('general protection fault');
  });
});
