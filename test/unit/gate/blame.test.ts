// Blame, from the rules in ARCHITECTURE.md ("One run, one verdict", "Rules that decide between
// verdicts", "The watchdog, in layers", "Testing"), not from the code: what the target tree causes is
// the tree's verdict; what the stock guest, the gate or the runner causes is `error`; nothing ran is
// never a pass; a gate never turns an undecided run into a pass.
import { describe, expect, it } from 'vitest';
import {
  BootLoopError,
  CancelledError,
  ConsoleClosedError,
  GuestPanicError,
} from '../../../src/console/errors.js';
import {
  type BlameContext,
  blame,
  Decided,
  type Outcome,
  outcomeOf,
  QemuUnreachableError,
} from '../../../src/gate/blame.js';
import { MountError } from '../../../src/guest/common.js';
import { CommandTimeoutError } from '../../../src/guest/shell.js';
import type { TestResult } from '../../../src/report/model.js';
import { GuestUnresponsiveError, WatchdogBrokeError } from '../../../src/watchdog/run-test.js';

const at = (phase: string, targetLoaded = false, bootAttempts = 1): BlameContext => ({
  phase,
  targetLoaded,
  bootAttempts,
});
const test = (name: string, status: TestResult['status'], message?: string): TestResult => ({
  name,
  status,
  durationMs: 10,
  iteration: 1,
  ...(message ? { message } : {}),
});

/** Every phase a run goes through before the tree's code is loaded (src/gate/run.ts's PhaseClock names). */
const BEFORE_LOAD = ['image', 'boot', 'prepare', 'build', 'reboot'];

describe('a tree that does not compile or link, and a build that broke otherwise', () => {
  it('is the tree’s `fail` when the compiler rejected the tree, naming the first compiler line', () => {
    const tail = '\n  fuse_io.c:120:5: error: use of undeclared identifier "bogus"\n1 error generated.\n';
    expect(blame({ kind: 'build-failed', blame: 'tree', tail }, at('build'))).toEqual({
      verdict: 'fail',
      reason: 'the target tree did not build: fuse_io.c:120:5: error: use of undeclared identifier "bogus"',
    });
  });

  it('is the tree’s `fail`, in its own words, when the tree built but its module does not load into its own kernel', () => {
    const why = "the tree's fusefs.ko does not load into the tree's own kernel: it needs the kernel symbol x";
    expect(blame({ kind: 'load-refused', why }, at('prove', true))).toEqual({ verdict: 'fail', reason: why });
  });

  it('is the gate’s `error` when something else broke (make not found, a full disk, kldload refused)', () => {
    for (const who of ['gate', undefined] as const)
      expect(
        blame({ kind: 'build-failed', blame: who, tail: 'kldload: an error occurred\n' }, at('build')),
      ).toEqual({
        verdict: 'error',
        reason: 'building or loading the target failed: kldload: an error occurred',
      });
  });

  it('points at the build log when the build printed nothing', () => {
    for (const tail of [undefined, '', ' \n\n'])
      expect(blame({ kind: 'build-failed', blame: 'tree', tail }, at('build')).reason).toBe(
        'the target tree did not build: see the build log',
      );
  });
});

describe('a kernel panic', () => {
  it('of the stock kernel before the tree’s code is loaded is `error`, not `panic`', () => {
    for (const phase of BEFORE_LOAD)
      expect(blame({ kind: 'panic' }, at(phase, false))).toEqual({
        verdict: 'error',
        reason: `the stock guest kernel panicked during ${phase}, before the code under test was loaded`,
      });
  });

  it('once the tree’s code is loaded is `panic`', () => {
    for (const phase of ['reboot', 'prove', 'mount', 'tests', 'collect'])
      expect(blame({ kind: 'panic' }, at(phase, true))).toEqual({
        verdict: 'panic',
        reason: `the guest kernel panicked during ${phase}`,
      });
  });

  it('of the Linux test guest (no tree loaded) during the mount or a test is `panic`', () => {
    expect(blame({ kind: 'panic' }, at('tests', false)).verdict).toBe('panic');
    expect(blame({ kind: 'panic' }, at('mount', false)).verdict).toBe('panic');
    expect(blame({ kind: 'panic' }, at('prove', false)).verdict).toBe('error');
  });
});

describe('nothing ran is never a pass', () => {
  it('no test results at all is `error`', () => {
    expect(blame({ kind: 'tests-finished', tests: [] }, at('tests'))).toEqual({
      verdict: 'error',
      reason: 'no test ran: nothing ran is never a pass',
    });
  });

  it('only skipped tests is `error`', () => {
    const tests = [test('a', 'skipped'), test('b', 'skipped')];
    expect(blame({ kind: 'tests-finished', tests }, at('tests')).verdict).toBe('error');
  });

  it('an empty selection (a workload list that names nothing, a filter that matches nothing) is `error`', () => {
    expect(blame({ kind: 'selection-empty' }, at('tests'))).toEqual({
      verdict: 'error',
      reason: 'the test selection is empty: nothing ran is never a pass',
    });
  });
});

describe('the tests’ verdict', () => {
  it('is `pass` only when every test passed, and says how many', () => {
    const tests = [test('workload/mmap-write', 'pass'), test('workload/write-readback', 'pass')];
    expect(blame({ kind: 'tests-finished', tests }, at('tests'))).toEqual({
      verdict: 'pass',
      reason: 'all 2 test(s) passed',
    });
  });

  it('follows precedence panic > hang > fail > pass, naming the test that decided it and why', () => {
    const tests = [
      test('a', 'pass'),
      test('b', 'fail', 'exited with status 1'),
      test('c', 'hang', 'did not finish within 60 s: 1 thread(s) asleep'),
      test('d', 'fail', 'exited with status 2'),
    ];
    expect(blame({ kind: 'tests-finished', tests }, at('tests'))).toEqual({
      verdict: 'hang',
      reason: 'c: did not finish within 60 s: 1 thread(s) asleep',
    });
    expect(blame({ kind: 'tests-finished', tests: [...tests, test('e', 'panic')] }, at('tests'))).toEqual({
      verdict: 'panic',
      reason: 'e: panic',
    });
    expect(blame({ kind: 'tests-finished', tests: tests.slice(0, 2) }, at('tests'))).toEqual({
      verdict: 'fail',
      reason: 'b: exited with status 1',
    });
  });

  it('a test that errored (the gate could not decide it) keeps a run of passes from passing', () => {
    const tests = [test('a', 'pass'), test('b', 'error', 'QEMU exited during this test'), test('c', 'pass')];
    expect(blame({ kind: 'tests-finished', tests }, at('tests'))).toEqual({
      verdict: 'error',
      reason: 'b: QEMU exited during this test',
    });
  });
});

describe('the tree’s code really ran', () => {
  it('a failed proof (the stock module runs, a hash that differs) is `error`, with every detail', () => {
    const details = ['kldstat -v shows /boot/kernel/fusefs.ko', '', 'sha256 differs'];
    expect(blame({ kind: 'proof-failed', details }, at('prove', true))).toEqual({
      verdict: 'error',
      reason: 'the code under test is not what runs: kldstat -v shows /boot/kernel/fusefs.ko; sha256 differs',
    });
  });
});

describe('a FUSE mount that fails', () => {
  it('is the tree’s `fail` when the tree’s code is loaded', () => {
    expect(
      blame({ kind: 'mount-failed', message: 'mount_fusefs: Operation not supported' }, at('mount', true)),
    ).toEqual({ verdict: 'fail', reason: 'mount_fusefs: Operation not supported' });
  });

  it('is the gate’s `error` when no code under test is loaded (the stock module mounted)', () => {
    expect(blame({ kind: 'mount-failed', message: 'mount: No such device' }, at('mount', false))).toEqual({
      verdict: 'error',
      reason: 'mount: No such device',
    });
  });
});

describe("a user's FUSE server whose mount went away", () => {
  it.each([false, true])(
    'is `error` naming when and why, whatever is loaded (loaded: %s): the tests would run on a plain folder',
    (loaded) => {
      const why = "/mnt/fg is no longer a FUSE mount (the FUSE server's command exited 1)";
      expect(
        blame({ kind: 'mount-lost', when: 'after workload/mmap-write', why }, at('tests', loaded)),
      ).toEqual({
        verdict: 'error',
        reason: `the FUSE file system went away after workload/mmap-write: ${why}; a test from then on runs on the folder underneath, not on FUSE`,
      });
    },
  );
});

describe('the watchdog’s layers and QEMU', () => {
  it('a guest that stopped answering during a test is `hang`, "guest unresponsive" (layer 3)', () => {
    expect(
      blame(
        { kind: 'guest-unresponsive', test: 'workload/mmap-write', stage: 'the first stack sample' },
        at('tests'),
      ),
    ).toEqual({
      verdict: 'hang',
      reason:
        'guest unresponsive during workload/mmap-write: the guest stopped answering while waiting for the first stack sample',
    });
  });

  it('QEMU dying is `error`, naming the phase', () => {
    expect(blame({ kind: 'qemu-exited', message: 'the guest console closed' }, at('tests', true))).toEqual({
      verdict: 'error',
      reason: 'QEMU exited during tests: the guest console closed',
    });
  });

  it('a QEMU the host could not reach is `error`, in its own words', () => {
    expect(blame({ kind: 'qemu-unreachable', message: 'QMP: QEMU is paused' }, at('tests', true))).toEqual({
      verdict: 'error',
      reason: 'QMP: QEMU is paused',
    });
  });

  it('a guest watchdog that broke is the gate’s `error`, never the tree’s', () => {
    expect(blame({ kind: 'watchdog-broke', message: 'exit 64' }, at('tests', true))).toEqual({
      verdict: 'error',
      reason: 'tests: exit 64',
    });
  });
});

describe('boot, cancellation and the gate’s own failures', () => {
  const timedOut = (lastOutput: string): Outcome => ({
    kind: 'command-timeout',
    message: 'timed out after 90 s waiting for a shell',
    timeoutMs: 89_600,
    lastOutput,
  });

  it('a boot that never reached a shell is `error`, with the attempts and the last console lines', () => {
    expect(blame(timedOut('  Loading kernel...\n'), at('boot', false, 1))).toEqual({
      verdict: 'error',
      reason: 'boot did not reach a shell in 90 s (1 attempt); last console lines: Loading kernel...',
    });
    const long = `${'x'.repeat(500)}END`;
    const retried = blame(timedOut(long), at('boot', false, 2));
    expect(retried.verdict).toBe('error');
    expect(retried.reason).toBe(
      `boot did not reach a shell in 90 s (2 attempts); last console lines: ${long.slice(-400)}`,
    );
  });

  it('a command that timed out after the boot is `error` naming the phase', () => {
    expect(blame(timedOut('...'), at('prepare', false, 1))).toEqual({
      verdict: 'error',
      reason: 'prepare: timed out after 90 s waiting for a shell',
    });
  });

  it('a boot loop is `error`, with the attempts and the last console lines', () => {
    const outcome: Outcome = {
      kind: 'boot-loop',
      message: 'banner seen twice',
      lastOutput: ` ${'y'.repeat(450)}Z\n`,
    };
    expect(blame(outcome, at('boot', false, 2))).toEqual({
      verdict: 'error',
      reason: `boot: the guest rebooted in a loop (2 attempts): banner seen twice; last console lines: ${'y'.repeat(399)}Z`,
    });
  });

  it('a cancelled run is `error`, and the reason names the signal (exit 130 / 143 are read from it)', () => {
    expect(blame({ kind: 'cancelled', signal: 'SIGINT' }, at('tests'))).toEqual({
      verdict: 'error',
      reason: 'cancelled by SIGINT during tests',
    });
    expect(blame({ kind: 'cancelled', signal: 'SIGTERM' }, at('boot')).reason).toBe(
      'cancelled by SIGTERM during boot',
    );
    expect(blame({ kind: 'cancelled', signal: 'job-timeout' }, at('build'))).toEqual({
      verdict: 'error',
      reason: 'job-timeout ran out during build',
    });
  });

  it('anything else is the gate’s `error`, naming the phase', () => {
    expect(blame({ kind: 'other', message: 'EACCES: overlay.qcow2' }, at('boot', true))).toEqual({
      verdict: 'error',
      reason: 'boot: EACCES: overlay.qcow2',
    });
  });

  it('no outcome but a run of passing tests is ever a pass, wherever it happens', () => {
    const outcomes: Outcome[] = [
      { kind: 'tests-finished', tests: [] },
      { kind: 'selection-empty' },
      { kind: 'build-failed', blame: 'tree', tail: 'x' },
      { kind: 'build-failed', blame: 'gate', tail: 'x' },
      { kind: 'load-refused', why: 'x' },
      { kind: 'proof-failed', details: [] },
      { kind: 'cancelled', signal: 'SIGTERM' },
      { kind: 'panic' },
      { kind: 'qemu-unreachable', message: 'x' },
      { kind: 'watchdog-broke', message: 'x' },
      { kind: 'guest-unresponsive', test: 't', stage: 's' },
      { kind: 'qemu-exited', message: 'x' },
      timedOut('x'),
      { kind: 'boot-loop', message: 'x', lastOutput: 'x' },
      { kind: 'mount-failed', message: 'x' },
      { kind: 'mount-lost', when: 'x', why: 'x' },
      { kind: 'other', message: 'x' },
    ];
    for (const outcome of outcomes)
      for (const phase of [...BEFORE_LOAD, 'prove', 'mount', 'tests'])
        for (const loaded of [false, true])
          expect(blame(outcome, at(phase, loaded)).verdict).not.toBe('pass');
  });
});

describe('what a thrown error says happened', () => {
  it('maps each failure the run can meet to its outcome', () => {
    const timeout = new CommandTimeoutError('a shell', 'login: ', 90_000);
    const cases: [unknown, Outcome][] = [
      [new Decided({ kind: 'selection-empty' }), { kind: 'selection-empty' }],
      [new CancelledError('SIGINT'), { kind: 'cancelled', signal: 'SIGINT' }],
      [new GuestPanicError('panic: page fault\n'), { kind: 'panic' }],
      [
        new QemuUnreachableError('workload/x', 'QEMU is paused'),
        {
          kind: 'qemu-unreachable',
          message:
            'QEMU is paused: the guest could not be reached during workload/x; nothing says its kernel hung',
        },
      ],
      [
        new WatchdogBrokeError('workload/x', 'the start', 64, ''),
        {
          kind: 'watchdog-broke',
          message: 'the guest watchdog ended (exit 64) while the host waited for the start of workload/x',
        },
      ],
      [
        new GuestUnresponsiveError('workload/x', 'the first stack sample', [], ''),
        { kind: 'guest-unresponsive', test: 'workload/x', stage: 'the first stack sample' },
      ],
      [
        new ConsoleClosedError('a shell', 'bye'),
        { kind: 'qemu-exited', message: new ConsoleClosedError('a shell', 'bye').message },
      ],
      [
        timeout,
        { kind: 'command-timeout', message: timeout.message, timeoutMs: 90_000, lastOutput: 'login: ' },
      ],
      [
        new BootLoopError('FreeBSD/amd64', 'booting...'),
        {
          kind: 'boot-loop',
          message: 'the guest rebooted during boot (banner "FreeBSD/amd64" seen twice)',
          lastOutput: 'booting...',
        },
      ],
      [new MountError('mount: No such device'), { kind: 'mount-failed', message: 'mount: No such device' }],
      [new Error('ENOSPC'), { kind: 'other', message: 'ENOSPC' }],
      ['a string thrown', { kind: 'other', message: 'a string thrown' }],
      [undefined, { kind: 'other', message: 'undefined' }],
    ];
    for (const [error, outcome] of cases) expect(outcomeOf(error), String(error)).toEqual(outcome);
  });

  it('a compiler error thrown as Decided ends in the tree’s `fail`, a stock panic in `error`', () => {
    const compiled = outcomeOf(new Decided({ kind: 'build-failed', blame: 'tree', tail: 'a.c:1: error: x' }));
    expect(blame(compiled, at('build')).verdict).toBe('fail');
    expect(blame(outcomeOf(new GuestPanicError('panic: x')), at('boot')).verdict).toBe('error');
  });
});
