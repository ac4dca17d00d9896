// A FreeBSD fatal trap that entered ddb before panic() (trap_fatal() with debugger_on_trap,
// sys/amd64/amd64/trap.c) against one that went on to "trap number" and panic() (the quote cut there).

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
  });

  it('is no crash by itself when trap_fatal() printed "trap number" (it panics next; the text ends first)', () => {
    // trap_fatal() prints "trap number\t\t= %d" only when no debugger took the trap.
    const cut = REAL.split('\n')
      .filter((l) => !l.startsWith('[ thread') && !l.startsWith('Stopped at'))
      .join('\n')
      .replace(
        'current process\t\t= 38332 (csh)\n',
        'current process\t\t= 38332 (csh)\ntrap number\t\t= 9\n',
      );
    expect(cut).toContain('trap number');
    expect(extractPanic(cut)).toBeUndefined();
  });

  it('is no crash when ddb never printed where it stopped or which thread', () => {
    const head = REAL.split('\n').slice(0, 9).join('\n');
    expect(head).toContain('current process');
    expect(extractPanic(head)).toBeUndefined();
  });
});
