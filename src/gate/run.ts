// One gate run, start to verdict: image -> payload -> boot -> prepare -> build -> prove -> mount ->
// tests -> collect -> teardown. All logic the action and the CLI share lives behind runGate().

import { mkdirSync, readFileSync } from 'node:fs';
import type { GateConfig } from '../config/types.js';
import { CancelledError, ConsoleClosedError, GuestPanicError } from '../console/errors.js';
import type { SerialConsole } from '../console/serial-console.js';
import type { GuestAdapter, TargetOutcome } from '../guest/adapter.js';
import { CommandTimeoutError } from '../guest/shell.js';
import type { GateReport, ProofOfCode, TestResult, Thread } from '../report/model.js';
import { extractPanic, parseStacks } from '../report/stacks.js';
import { blockedThreads, panicSignature, signatureOf } from '../report/signature.js';
import { matchKnownBug } from '../report/catalogue.js';
import {
  DEFAULT_WATCHDOG,
  GuestUnresponsiveError,
  runUnderWatchdog,
  WatchdogBrokeError,
} from '../watchdog/run-test.js';
import { fuseServerEvidence } from '../guest/common.js';
import { PhaseClock } from './phases.js';
import { exitCodeFor, verdictOfTests } from './verdict.js';
import { blame, Decided, type Decision, outcomeOf, QemuUnreachableError } from './blame.js';
import { type BootedGuest, planGuest } from './boot.js';
import { type GuestLifecycle, singleRunGuest } from './guest-lifecycle.js';
import type { GateIO, GuestPlan } from './guest-plan.js';
import { writeEvidence } from './evidence.js';

export type { GateIO } from './guest-plan.js';

/** Seams for tests: a different guest plan (e.g. a kernel command line that never boots). */
export interface GateSeams {
  planGuest?: (config: GateConfig, io: GateIO) => Promise<GuestPlan>;
  /**
   * Where the run's guest comes from and goes (default: booted for this run, torn down after it).
   * A GuestSession (session.ts) hands a healthy guest on to the next run instead.
   */
  guests?: GuestLifecycle;
}

export async function runGate(config: GateConfig, io: GateIO, seams: GateSeams = {}): Promise<GateReport> {
  const startedAt = new Date();
  mkdirSync(config.outDir, { recursive: true });
  const clock = new PhaseClock(
    (phase) => (io.phaseStarted ? io.phaseStarted(phase) : io.note(`fusefs-gate: ${phase}...`)),
    (timing) => io.phaseEnded?.(timing),
  );
  const report: GateReport = {
    verdict: 'error',
    reason: 'the run did not finish',
    exitCode: 125,
    guest: config.guest,
    tests: [],
    threads: [],
    phases: clock.phases,
    bootAttempts: 0,
    startedAt: startedAt.toISOString(),
    finishedAt: startedAt.toISOString(),
    files: {},
  };
  let booted: BootedGuest | undefined;
  let plan: GuestPlan | undefined;
  let targetLoaded = false;
  // The run ended with a decided pass or fail and the guest still took commands afterwards (its
  // results were collected): a guest session may hand it on. Anything else is not trusted.
  let guestHealthy = false;
  const guests = seams.guests ?? singleRunGuest;
  const jobDeadline = setTimeout(() => jobTimeout.abort('job-timeout'), config.jobTimeoutSec * 1000);
  const jobTimeout = new AbortController();
  const stop = AbortSignal.any([io.signal, jobTimeout.signal]);
  const stopReason = () =>
    jobTimeout.signal.aborted ? 'job-timeout' : String(io.signal.reason ?? 'SIGTERM');
  const abortConsole = () => booted?.console.abort(new CancelledError(stopReason()));
  stop.addEventListener('abort', abortConsole);
  const checkStop = () => {
    if (stop.aborted) throw new CancelledError(stopReason());
  };

  try {
    plan = await clock.run('image', () =>
      io.group('Image', () => (seams.planGuest ?? planGuest)(config, io)),
    );
    Object.assign(report, { image: plan.imageInfo });
    checkStop();
    booted = await guests.acquire({ config, plan, io, stop, report, clock });
    report.accelerator = booted.accelerator;
    report.acceleratorNote = booted.acceleratorNote;
    const { adapter, console } = booted;
    checkStop();

    await clock.run('prepare', () =>
      io.group('Prepare the guest', () => adapter.prepare(console, booted!.disks, config)),
    );
    const target: TargetOutcome = await clock.run('build', () =>
      io.group('Build the target', () => adapter.buildTarget(console, config)),
    );
    report.build = {
      mode: target.mode,
      why: target.why,
      ok: target.ok,
      ...(target.tail ? { tail: target.tail } : {}),
    };
    io.note(`fusefs-gate: build ${target.mode}: ${target.why}`);
    if (!target.ok) {
      report.build.compilerErrors = target.compilerErrors;
      if (target.linkErrors?.length) report.build.linkErrors = target.linkErrors;
      throw new Decided({ kind: 'build-failed', blame: target.blame, tail: target.tail });
    }
    if (target.rebootRequired) {
      booted = await clock.run('reboot', () =>
        io.group('Reboot into the built kernel', () => booted!.reboot()),
      );
    }
    targetLoaded = target.mode !== 'none';

    const proof: ProofOfCode = await clock.run('prove', () =>
      adapter.proveTarget(booted!.console, config, target),
    );
    report.proof = proof;
    if (!proof.ok && proof.treeFault) throw new Decided({ kind: 'load-refused', why: proof.treeFault });
    if (!proof.ok) throw new Decided({ kind: 'proof-failed', details: proof.details });

    const mountpoint = await clock.run('mount', () =>
      io.group('Mount the FUSE file system', () =>
        recordFuseServer(config, booted!.console, report, () => adapter.mount(booted!.console, config)),
      ),
    );
    await clock.run('tests', () =>
      io.group('Tests', () => runTests(config, adapter, booted!.console, mountpoint, report, checkStop)),
    );

    const context = { phase: 'tests', targetLoaded, bootAttempts: report.bootAttempts };
    settle(report, blame({ kind: 'tests-finished', tests: report.tests }, context));
    await clock
      .run('collect', () => adapter.collect(booted!.console, booted!.disks))
      .then(() => {
        guestHealthy = report.verdict === 'pass' || report.verdict === 'fail';
      })
      .catch((error: Error) => io.warn(`collecting results: ${error.message}`));
  } catch (caught) {
    let error = caught;
    const phase = clock.current ?? lastPhase(clock);
    if (error instanceof GuestUnresponsiveError && booted) {
      const diagnosis = await clock
        .run('backstop', () => booted!.diagnose())
        .catch((e: Error) => ({ notes: [`backstop failed: ${e.message}`], qemuFault: undefined }));
      report.backstop = diagnosis.notes;
      // `hang` needs the guest running and silent, or the kernel's own stacks of blocked tasks
      // (hung-task reports printed before QEMU froze); without either, QEMU is what failed.
      if (diagnosis.qemuFault && blockedThreads(parseStacks(booted.serialLogText())).length === 0) {
        const unreachable = new QemuUnreachableError(error.test, diagnosis.qemuFault);
        reblameInterrupted(report, unreachable.test, unreachable.message);
        error = unreachable;
      }
    }
    // The console closed under the run: say how QEMU ended (which signal, which status, its last words).
    if (error instanceof ConsoleClosedError && booted) {
      const end = await booted.qemuEnd();
      error = error.withQemuEnd(end);
      const interrupted = report.tests.findLast((t) => t.message === QEMU_EXITED_DURING_TEST);
      if (interrupted) interrupted.message = `${end}, during this test`;
    }
    // A command that timed out behind a stopped or silent QEMU: say that it was QEMU.
    if (error instanceof CommandTimeoutError && booted) {
      const problem = await booted.qemuProblem().catch(() => undefined);
      if (problem) error = new QemuUnreachableError(phase, problem);
    }
    classify(error, report, { targetLoaded, phase });
    // The shell still answers after a decided failure: the guest's results (the server's log) are evidence too.
    if (booted && shellStillAnswers(error)) {
      await clock
        .run('collect', () => booted!.adapter.collect(booted!.console, booted!.disks))
        .then(() => {
          guestHealthy = report.verdict === 'fail';
        })
        .catch((e: Error) => io.warn(`collecting results: ${e.message}`));
    }
  } finally {
    clearTimeout(jobDeadline);
    stop.removeEventListener('abort', abortConsole);
    // This run's serial log, whatever the guest's log is after release (a kept guest logs elsewhere).
    const serialLogPath = booted?.serialLogPath;
    await guests.release(booted, { config, io, stop, report, clock }, guestHealthy);
    report.finishedAt = new Date().toISOString();
    describeStacks(report, serialLogPath ? readFileSync(serialLogPath, 'latin1') : undefined);
    report.exitCode = exitCodeFor(report.verdict, config.failOn, config.allowError);
    if (report.verdict === 'error' && report.reason.startsWith('cancelled by SIG'))
      report.exitCode = report.reason.includes('SIGINT') ? 130 : 143;
    report.files = writeEvidence(
      config.outDir,
      report,
      serialLogPath ?? plan?.serialLogPath,
      serialLogPath ? booted?.serialLogFailure(serialLogPath) : undefined,
    );
  }
  return report;
}

async function runTests(
  config: GateConfig,
  adapter: GuestAdapter,
  console: SerialConsole,
  mountpoint: string,
  report: GateReport,
  checkStop: () => void,
): Promise<void> {
  const specs = adapter.tests(config, mountpoint);
  if (specs.length === 0) throw new Decided({ kind: 'selection-empty' });
  await ensureStillMounted(config, adapter, console, report, 'before the first test');
  for (let iteration = 1; iteration <= config.repeat; iteration++) {
    for (const [index, spec] of specs.entries()) {
      checkStop();
      const started = Date.now();
      const run = await runUnderWatchdog(console, adapter, spec, iteration, {
        ...DEFAULT_WATCHDOG,
        timeoutSec: config.timeoutSec,
      }).catch((error: unknown) => {
        // The run ends here; the test it ended in is part of the evidence.
        const interrupted = interruptedTest(error, spec.name, iteration, Date.now() - started);
        if (interrupted) report.tests.push(interrupted);
        throw error;
      });
      const results =
        spec.kind === 'gtest' && adapter.gtestResults
          ? mergeGtest(run.result, await adapter.gtestResults(console, spec, iteration))
          : [run.result];
      report.tests.push(...results);
      report.threads.push(...run.samples.flat());
      const worst = verdictOfTests(results);
      if (worst !== 'hang') await ensureStillMounted(config, adapter, console, report, `after ${spec.name}`);
      if (worst === 'hang') {
        // The shell still answers (only the mount's users are stuck): point the frames at source lines.
        await adapter.resolveSourceLines?.(console, run.result.threads ?? []).catch(() => undefined);
        // A hung FUSE mount wedges every later test on it: record them as skipped and stop.
        for (const rest of specs.slice(index + 1))
          report.tests.push({
            name: rest.name,
            status: 'skipped',
            durationMs: 0,
            iteration,
            message: 'not run: an earlier test hung',
          });
        report.stoppedAtIteration = iteration;
        return;
      }
    }
    // `repeat` stops at the first iteration that is not a pass.
    if (verdictOfTests(report.tests) !== 'pass') {
      report.stoppedAtIteration = iteration;
      return;
    }
  }
}

/**
 * One gtest program run holds many cases. The watchdog knows whether the program finished; the
 * XML or the console log knows the cases. A case that started and never ended is the hung one when
 * the program hung, and a crash (the program exited during it) otherwise.
 */
export function mergeGtest(run: TestResult, cases: TestResult[]): TestResult[] {
  const unfinished = cases.filter((c) => c.status === 'hang');
  const finished = cases.filter((c) => c.status !== 'hang');
  if (run.status === 'hang') return [...finished, { ...run, name: unfinished[0]?.name ?? run.name }];
  if (run.status === 'fail' && run.message?.startsWith('timed out'))
    return [...finished, { ...run, name: unfinished[0]?.name ?? run.name }];
  return [
    ...finished,
    ...unfinished.map((c) => ({
      ...c,
      status: 'fail' as const,
      message: `the test program ended during this case (${run.message ?? 'exit status 0'}) without finishing it`,
    })),
  ];
}

const QEMU_EXITED_DURING_TEST = 'QEMU exited during this test';

/** The test a guest-wide failure interrupted, with the status that failure gives it. */
function interruptedTest(
  error: unknown,
  name: string,
  iteration: number,
  durationMs: number,
): TestResult | undefined {
  if (error instanceof GuestPanicError)
    return {
      name,
      status: 'panic',
      durationMs,
      iteration,
      message: 'the guest kernel panicked during this test',
    };
  if (error instanceof GuestUnresponsiveError)
    return {
      name,
      status: 'hang',
      durationMs,
      iteration,
      message: `guest unresponsive: no console output while waiting for ${error.stage}`,
    };
  if (error instanceof WatchdogBrokeError)
    return { name, status: 'error', durationMs, iteration, message: error.message, output: error.output };
  if (error instanceof ConsoleClosedError)
    return { name, status: 'error', durationMs, iteration, message: QEMU_EXITED_DURING_TEST };
  if (error instanceof CancelledError)
    return {
      name,
      status: 'error',
      durationMs,
      iteration,
      message: `cancelled (${error.signal}) during this test`,
    };
  return undefined;
}

/**
 * The user's own server may stop and unmount (src/guest/common.ts fuseMountGone): then the tests ran,
 * or would run, on the guest's own folder, and pass there. Ends the run (`error`), with the server's
 * log as it is now. The built-in fixture never unmounts itself.
 */
async function ensureStillMounted(
  config: GateConfig,
  adapter: GuestAdapter,
  console: SerialConsole,
  report: GateReport,
  when: string,
): Promise<void> {
  if (!config.fuseServer || !adapter.fuseMountGone) return;
  const why = await adapter.fuseMountGone(console);
  if (why === undefined) return;
  const evidence = await fuseServerEvidence(console).catch(() => undefined);
  if (evidence && report.fuseServer) report.fuseServer.logTail = evidence.logTail;
  throw new Decided({ kind: 'mount-lost', when, why });
}

/** The test the backstop found was not the guest's to blame: it ends in `error`, saying why. */
function reblameInterrupted(report: GateReport, test: string, message: string): void {
  const interrupted = report.tests.findLast((t) => t.name === test && t.status === 'hang');
  if (interrupted) Object.assign(interrupted, { status: 'error', message });
}

/** Errors after which the guest's shell still takes commands (a decided failure, a failed command). */
function shellStillAnswers(error: unknown): boolean {
  return (
    error instanceof Decided || (error as Error)?.name === 'MountError' || error instanceof WatchdogBrokeError
  );
}

/**
 * Runs the mount and, for the user's own server, records what it was, what the mount table said
 * and what it printed: on success and on failure.
 */
async function recordFuseServer(
  config: GateConfig,
  console: SerialConsole,
  report: GateReport,
  mount: () => Promise<string>,
): Promise<string> {
  if (!config.fuseServer) return mount();
  report.fuseServer = { command: config.fuseServer, mountTable: '', logTail: '' };
  try {
    return await mount();
  } finally {
    const evidence = await fuseServerEvidence(console).catch(() => undefined);
    if (evidence) Object.assign(report.fuseServer, evidence);
  }
}

function settle(report: GateReport, decision: Decision): void {
  report.verdict = decision.verdict;
  report.reason = decision.reason;
}

interface ClassifyContext {
  targetLoaded: boolean;
  phase: string;
}

/** Blame (src/gate/blame.ts) decides the verdict of what was thrown; the panic's text is evidence. */
function classify(error: unknown, report: GateReport, context: ClassifyContext): void {
  if (error instanceof GuestPanicError) report.panicText = error.text;
  settle(report, blame(outcomeOf(error), { ...context, bootAttempts: report.bootAttempts }));
}

/** Fills signature, known bug and panic details from what was captured. */
function describeStacks(report: GateReport, serialText: string | undefined): void {
  if (report.verdict === 'panic' && report.panicText) {
    const panic = extractPanic(report.panicText);
    if (panic) {
      report.threads.push(...panic.threads);
      report.signature = panicSignature(panic);
    }
    return;
  }
  if (report.verdict !== 'hang') return;
  const hung = report.tests.find((t) => t.status === 'hang');
  let threads: Thread[] = hung?.threads ?? [];
  if (threads.length === 0 && serialText) {
    // Guest unresponsive: whatever the kernel printed on its own (hung-task reports) is the evidence.
    threads = parseStacks(serialText);
    report.threads.push(...threads);
    if (hung) hung.threads = blockedThreads(threads);
  }
  report.signature = signatureOf(threads);
  report.knownBug = matchKnownBug(threads);
}

function lastPhase(clock: PhaseClock): string {
  return clock.phases.at(-1)?.phase ?? 'start';
}
