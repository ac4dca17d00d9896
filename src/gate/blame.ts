// Blame (ARCHITECTURE "Rules that decide between verdicts"): what the tree under test causes is its
// verdict; what the stock guest, the gate or the runner causes is `error`; nothing ran is never a
// pass. Pure: what ended the run (an Outcome), what was loaded and the phase in; verdict and reason
// out. src/gate/run.ts says what happened and writes the report; this module says whose it was.

import { BootLoopError, CancelledError, ConsoleClosedError, GuestPanicError } from '../console/errors.js';
import { CommandTimeoutError } from '../guest/shell.js';
import type { TestResult, Verdict } from '../report/model.js';
import { GuestUnresponsiveError, WatchdogBrokeError } from '../watchdog/run-test.js';
import { verdictOfTests } from './verdict.js';

export interface Decision {
  verdict: Verdict;
  reason: string;
}

/** What ended the run, or the tests' results when it ran to the end. */
export type Outcome =
  | { kind: 'tests-finished'; tests: readonly TestResult[] }
  | { kind: 'selection-empty' }
  | { kind: 'build-failed'; blame: 'tree' | 'gate' | undefined; tail: string | undefined }
  /** The tree built, but its own code refused to load into its own kernel (ProofOfCode.treeFault). */
  | { kind: 'load-refused'; why: string }
  | { kind: 'proof-failed'; details: readonly string[] }
  | { kind: 'cancelled'; signal: string }
  | { kind: 'panic' }
  | { kind: 'qemu-unreachable'; message: string }
  | { kind: 'watchdog-broke'; message: string }
  | { kind: 'guest-unresponsive'; test: string; stage: string }
  | { kind: 'qemu-exited'; message: string }
  | { kind: 'command-timeout'; message: string; timeoutMs: number; lastOutput: string }
  | { kind: 'boot-loop'; message: string; lastOutput: string }
  | { kind: 'mount-failed'; message: string }
  /** The user's server's mount went away before or between the tests (src/guest/common.ts fuseMountGone). */
  | { kind: 'mount-lost'; when: string; why: string }
  | { kind: 'other'; message: string };

export interface BlameContext {
  /** The phase the run was in (a PhaseClock name: image, boot, prepare, build, prove, mount, tests, ...). */
  phase: string;
  /** Whether the code under test runs: a module or kernel the gate built (never on the Linux test guest). */
  targetLoaded: boolean;
  /** How many boots were tried (a failed boot is retried). */
  bootAttempts: number;
}

/** An outcome run.ts decided itself (a failed build or proof, an empty selection): it ends the run early. */
export class Decided extends Error {
  constructor(readonly outcome: Outcome) {
    super(outcome.kind);
    this.name = 'Decided';
  }
}

/** The guest went silent during a test or a command, and the host could not reach a running QEMU either. */
export class QemuUnreachableError extends Error {
  constructor(
    readonly test: string,
    readonly why: string,
  ) {
    super(`${why}: the guest could not be reached during ${test}; nothing says its kernel hung`);
    this.name = 'QemuUnreachableError';
  }
}

/** What a thrown error says happened. */
export function outcomeOf(error: unknown): Outcome {
  const message = (error as Error)?.message ?? String(error);
  if (error instanceof Decided) return error.outcome;
  if (error instanceof CancelledError) return { kind: 'cancelled', signal: error.signal };
  if (error instanceof GuestPanicError) return { kind: 'panic' };
  if (error instanceof QemuUnreachableError) return { kind: 'qemu-unreachable', message };
  if (error instanceof WatchdogBrokeError) return { kind: 'watchdog-broke', message };
  if (error instanceof GuestUnresponsiveError)
    return { kind: 'guest-unresponsive', test: error.test, stage: error.stage };
  if (error instanceof ConsoleClosedError) return { kind: 'qemu-exited', message };
  if (error instanceof CommandTimeoutError)
    return { kind: 'command-timeout', message, timeoutMs: error.timeoutMs, lastOutput: error.lastOutput };
  if (error instanceof BootLoopError) return { kind: 'boot-loop', message, lastOutput: error.lastOutput };
  // src/guest/common.ts MountError, by name: the guest adapters throw it.
  if ((error as Error)?.name === 'MountError') return { kind: 'mount-failed', message };
  return { kind: 'other', message };
}

/** Whose an outcome is, as a verdict and the reason the report gives. */
export function blame(outcome: Outcome, context: BlameContext): Decision {
  const decision = (verdict: Verdict, reason: string): Decision => ({ verdict, reason });
  const { phase } = context;
  switch (outcome.kind) {
    case 'tests-finished': {
      const decided = verdictOfTests([...outcome.tests]);
      if (!decided) return decision('error', 'no test ran: nothing ran is never a pass');
      if (decided === 'pass') return decision('pass', `all ${outcome.tests.length} test(s) passed`);
      const worst = outcome.tests.find((t) => t.status === decided)!;
      return decision(decided, `${worst.name}: ${worst.message ?? worst.status}`);
    }
    case 'selection-empty':
      return decision('error', 'the test selection is empty: nothing ran is never a pass');
    case 'build-failed': {
      // Compiler and link errors are the tree's (fail); a build that broke otherwise is the gate's (error).
      const first = firstLine(outcome.tail) ?? 'see the build log';
      return outcome.blame === 'tree'
        ? decision('fail', `the target tree did not build: ${first}`)
        : decision('error', `building or loading the target failed: ${first}`);
    }
    case 'load-refused':
      return decision('fail', outcome.why);
    case 'proof-failed':
      return decision(
        'error',
        `the code under test is not what runs: ${outcome.details.filter(Boolean).join('; ')}`,
      );
    case 'cancelled':
      return decision(
        'error',
        outcome.signal === 'job-timeout'
          ? `job-timeout ran out during ${phase}`
          : `cancelled by ${outcome.signal} during ${phase}`,
      );
    case 'panic':
      // A panic of the stock kernel before the tree's code is loaded is the runner's problem, not the
      // tree's; the Linux test guest loads no tree, so its panics count from the mount on.
      return phase === 'tests' || phase === 'mount' || context.targetLoaded
        ? decision('panic', `the guest kernel panicked during ${phase}`)
        : decision(
            'error',
            `the stock guest kernel panicked during ${phase}, before the code under test was loaded`,
          );
    case 'qemu-unreachable':
      return decision('error', outcome.message);
    case 'watchdog-broke':
      return decision('error', `${phase}: ${outcome.message}`);
    case 'guest-unresponsive':
      return decision(
        'hang',
        `guest unresponsive during ${outcome.test}: the guest stopped answering while waiting for ${outcome.stage}`,
      );
    case 'qemu-exited':
      return decision('error', `QEMU exited during ${phase}: ${outcome.message}`);
    case 'command-timeout': {
      if (phase !== 'boot') return decision('error', `${phase}: ${outcome.message}`);
      const attempts = context.bootAttempts === 1 ? '1 attempt' : `${context.bootAttempts} attempts`;
      return decision(
        'error',
        `boot did not reach a shell in ${Math.round(outcome.timeoutMs / 1000)} s (${attempts}); last console lines: ${outcome.lastOutput.trim().slice(-400)}`,
      );
    }
    case 'boot-loop':
      return decision(
        'error',
        `boot: the guest rebooted in a loop (${context.bootAttempts} attempts): ${outcome.message}; last console lines: ${outcome.lastOutput.trim().slice(-400)}`,
      );
    case 'mount-failed':
      // The tree's verdict only when the tree's code is what mounted.
      return decision(context.targetLoaded ? 'fail' : 'error', outcome.message);
    case 'mount-lost':
      // The user's server is not the code under test: once it is gone, the tests ran on a plain folder.
      return decision(
        'error',
        `the FUSE file system went away ${outcome.when}: ${outcome.why}; a test from then on runs on the folder underneath, not on FUSE`,
      );
    case 'other':
      return decision('error', `${phase}: ${outcome.message}`);
  }
}

function firstLine(text: string | undefined): string | undefined {
  return text
    ?.split('\n')
    .find((line) => line.trim())
    ?.trim();
}
