// One bisection, from a checked plan to its result: the steps run in a detached git worktree of the
// user's repository (their working copy, dirty or not, is never touched), each step a gate run on
// one commit, and the whole record written to <out>/bisect/bisect.json. The CLI (`fusefs-gate
// bisect`) and the action (`bisect-good`) both run bisections through here.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { acquireCacheLock, type CacheLock, CacheLockError } from '../cache/lock.js';
import { CancelledError } from '../console/errors.js';
import type { GateConfig } from '../config/types.js';
import { EXIT } from '../constants.js';
import { moduleBuildDir } from '../gate/linux-tree-plan.js';
import { runGate, type GateIO } from '../gate/run.js';
import { GuestSession } from '../gate/session.js';
import { ensureLinuxGuest } from '../image/linux-guest.js';
import { buildFuseModule } from '../linux-tree/module-build.js';
import type { GateReport } from '../report/model.js';
import { bisect, type StepResult } from './engine.js';
import { addWorktree, checkoutInWorktree, type Commit, removeWorktree } from './git.js';
import type { BisectRange } from './range.js';
import { classifyStep, failureKey, stepTimes, type StepTimes } from './step.js';

export interface BisectStepRecord extends StepTimes {
  commit: string;
  subject: string;
  outcome: StepResult['outcome'];
  why: string;
  verdict: string;
  signature?: string;
  outDir: string;
  /** Whether the step's run used a guest kept from the step before (`reused guest`) or booted one. */
  guest?: 'reused guest' | 'fresh boot';
}

/** A checked bisection: the range, the run configuration every step uses, and the bounds. */
export interface BisectionPlan extends BisectRange {
  config: GateConfig;
  /** Builds allowed before skips (ceil(log2 N) + 2, or the user's limit). */
  maxBuilds: number;
  /** The user's hard limit, which skips do not raise. */
  hardMaxBuilds?: number;
  budgetMs: number;
}

/** The bad end's gate run when it is already done (the action has just tested the commit under test). */
export interface KnownBadEnd {
  report: GateReport;
  outDir: string;
  totalMs: number;
}

export interface BisectionOptions {
  io: Omit<GateIO, 'signal'>;
  signal: AbortSignal;
  /** Each step as it ends. */
  onStep?(number: number, record: BisectStepRecord): void;
  knownBadEnd?: KnownBadEnd;
  /** Give each step no more job-timeout and build-timeout than the budget has left. */
  capStepsToBudget?: boolean;
}

export interface BisectionResult {
  kind: 'found' | 'undecided' | 'cancelled';
  /** The first bad commit and the failure that made it bad. */
  firstBad?: Commit & { why: string };
  /** The bad end's failure: what "bad" meant (verdict and signature). */
  badFailure?: string;
  /** Why the bisection could not decide. */
  undecided?: string;
  /** Undecided: the commits the first bad one is among, oldest first. */
  candidates: Commit[];
  steps: BisectStepRecord[];
  good: string;
  bad: string;
  commitCount: number;
  /** The signal that cancelled it. */
  cancelled?: string;
  dir: string;
  reportFile: string;
  durationMs: number;
  /** 0 found, 125 undecided, 130/143 cancelled. */
  exitCode: number;
}

export async function runBisection(plan: BisectionPlan, options: BisectionOptions): Promise<BisectionResult> {
  const { config, repo, commits, good, maxBuilds, hardMaxBuilds, budgetMs } = plan;
  const { io, signal } = options;
  const bisectDir = path.join(config.outDir, 'bisect');
  // Outside the user's tree (an output folder inside it would dirty it) and at a stable path per
  // repository, so the module build folder, keyed by the tree's path, is reused by the next bisection.
  const repoKey = createHash('sha256').update(repo).digest('hex').slice(0, 16);
  const { worktree, lock } = await claimWorktree(path.join(config.cacheDir, 'bisect-worktrees', repoKey), io);
  rmSync(bisectDir, { recursive: true, force: true });
  mkdirSync(bisectDir, { recursive: true });
  await removeWorktree(repo, worktree);
  rmSync(worktree, { recursive: true, force: true });
  mkdirSync(path.dirname(worktree), { recursive: true });
  // One guest for the whole bisection while steps leave it healthy; its files outside any step's folder.
  const session = new GuestSession(path.join(config.outDir, 'bisect-guest'));
  await session.open(io).catch((error: unknown) => {
    lock.release();
    throw error;
  });
  const started = Date.now();
  const steps: BisectStepRecord[] = [];
  // Steps run here (not a known bad end): their average decides whether one more fits the budget.
  let ran = 0;
  let badKey: string | undefined;
  let cancelled: string | undefined;
  const left = () => budgetMs - (Date.now() - started);
  type StepFacts = Omit<BisectStepRecord, keyof StepResult | 'commit' | 'subject'>;
  const record = (result: StepResult, commit: Commit, extra: StepFacts) => {
    const step: BisectStepRecord = { commit: commit.sha, subject: commit.subject, ...result, ...extra };
    steps.push(step);
    options.onStep?.(steps.length, step);
    return result;
  };
  try {
    await addWorktree(repo, worktree, commits.at(-1)!.sha);
    const trace = await bisect(
      commits.length,
      async (index) => {
        if (signal.aborted) {
          cancelled = String(signal.reason);
          return { outcome: 'skip', why: `cancelled by ${cancelled}` };
        }
        const commit = commits[index]!;
        const known = index === commits.length - 1 ? options.knownBadEnd : undefined;
        if (known) {
          const result = classifyStep(known.report, badKey);
          if (result.outcome === 'bad') badKey = failureKey(known.report);
          return record(result, commit, {
            verdict: known.report.verdict,
            ...(known.report.signature ? { signature: known.report.signature } : {}),
            outDir: known.outDir,
            ...stepTimes(known.report, known.outDir, known.totalMs),
          });
        }
        ran++;
        const stepDir = path.join(
          bisectDir,
          `step-${String(steps.length + 1).padStart(2, '0')}-${commit.sha.slice(0, 12)}`,
        );
        mkdirSync(stepDir, { recursive: true });
        await checkoutInWorktree(worktree, commit.sha);
        const capSec = Math.max(1, Math.floor(left() / 1000));
        const stepConfig: GateConfig = {
          ...config,
          sourceTree: worktree,
          ...(config.linuxFuseTree ? { linuxFuseTree: worktree } : {}),
          outDir: stepDir,
          ...(options.capStepsToBudget
            ? {
                jobTimeoutSec: Math.min(config.jobTimeoutSec, capSec),
                buildTimeoutSec: Math.min(config.buildTimeoutSec, capSec),
              }
            : {}),
        };
        io.note(`fusefs-gate bisect: step ${steps.length + 1}: ${commit.sha.slice(0, 12)} ${commit.subject}`);
        const stepStarted = Date.now();
        // A commit that does not compile is skipped without booting a guest for it.
        const prebuild = await prebuildModule(stepConfig, io, stepDir, signal);
        const broken = prebuild?.broken;
        if (broken) {
          writeFileSync(path.join(stepDir, 'build.txt'), `${broken.tail}\n`);
          return record({ outcome: 'skip', why: broken.why }, commit, {
            verdict: 'fail',
            outDir: stepDir,
            buildMs: broken.buildMs,
            testMs: 0,
            totalMs: Date.now() - stepStarted,
            runs: 0,
          });
        }
        const report = await runGate(stepConfig, { ...io, signal }, { guests: session });
        const result = classifyStep(report, badKey);
        const times = stepTimes(report, stepDir, Date.now() - stepStarted);
        // The real build was the prebuild; the gate's own was an incremental no-op after it.
        times.buildMs += prebuild?.buildMs ?? 0;
        if (badKey === undefined && result.outcome === 'bad') badKey = failureKey(report);
        record(result, commit, {
          verdict: report.verdict,
          ...(report.signature ? { signature: report.signature } : {}),
          outDir: stepDir,
          ...(report.reusedGuest !== undefined
            ? { guest: report.reusedGuest ? ('reused guest' as const) : ('fresh boot' as const) }
            : {}),
          ...times,
        });
        if (signal.aborted) cancelled = String(signal.reason);
        return result;
      },
      {
        maxBuilds,
        ...(hardMaxBuilds !== undefined ? { hardMaxBuilds } : {}),
        timeLeft: () => {
          if (cancelled) return false;
          const elapsed = Date.now() - started;
          const average = ran ? elapsed / ran : 0;
          return elapsed + average <= budgetMs;
        },
      },
    );
    const end = trace.end;
    const firstBad = end.kind === 'found' ? commits[end.index]! : undefined;
    const summary = {
      good,
      bad: commits.at(-1)!.sha,
      commits: commits.length,
      builds: steps.length,
      badFailure: badKey ?? null,
      result:
        end.kind === 'found'
          ? { firstBad }
          : { undecided: end.why, candidates: end.candidates.map((i) => commits[i]!) },
      steps,
      durationMs: Date.now() - started,
    };
    const reportFile = path.join(bisectDir, 'bisect.json');
    writeFileSync(reportFile, `${JSON.stringify(summary, null, 2)}\n`);
    const common = {
      steps,
      good,
      bad: summary.bad,
      commitCount: commits.length,
      ...(badKey !== undefined ? { badFailure: badKey } : {}),
      dir: bisectDir,
      reportFile,
      durationMs: summary.durationMs,
    };
    if (cancelled) {
      return {
        ...common,
        kind: 'cancelled',
        cancelled,
        undecided: `cancelled by ${cancelled}`,
        candidates: [],
        exitCode: cancelled === 'SIGINT' ? EXIT.sigint : EXIT.sigterm,
      };
    }
    if (end.kind === 'found') {
      const why = steps.find((s) => s.commit === firstBad!.sha)?.why ?? badKey ?? '';
      return {
        ...common,
        kind: 'found',
        firstBad: { ...firstBad!, why },
        candidates: [],
        exitCode: EXIT.pass,
      };
    }
    return {
      ...common,
      kind: 'undecided',
      undecided: end.why,
      candidates: end.candidates.map((i) => commits[i]!),
      exitCode: EXIT.error,
    };
  } finally {
    // QEMU never outlives the bisection: a guest kept for a next step that will not come is stopped.
    await session
      .dispose()
      .catch((error: Error) => io.warn(`stopping the bisection's guest: ${error.message}`));
    await removeWorktree(repo, worktree);
    lock.release();
  }
}

/**
 * The repository's worktree folder, held (src/cache/lock.ts) for the whole bisection. When another
 * bisection of the same repository runs on this machine, waiting hours for it helps nobody: this
 * one takes a folder of its own (its module builds then start cold) instead of emptying the other's.
 */
export async function claimWorktree(
  stable: string,
  io: Omit<GateIO, 'signal'>,
): Promise<{ worktree: string; lock: CacheLock }> {
  try {
    return { worktree: stable, lock: await acquireCacheLock(stable, { waitMs: 0 }) };
  } catch (error) {
    if (!(error instanceof CacheLockError)) throw error;
    const own = `${stable}-${process.pid}`;
    io.note(`fusefs-gate bisect: ${error.message}; this bisection uses ${own} instead`);
    return { worktree: own, lock: await acquireCacheLock(own, { waitMs: 60_000 }) };
  }
}

/**
 * Linux tree: the module build the gate run would start with, done first (the gate's own build is
 * then an incremental no-op), so a compile error is known without booting. Other build failures are
 * left to the gate run, which reports them.
 */
async function prebuildModule(
  config: GateConfig,
  io: Omit<GateIO, 'signal'>,
  stepDir: string,
  signal: AbortSignal,
): Promise<{ buildMs: number; broken?: { why: string; tail: string; buildMs: number } } | undefined> {
  // A kernel build (build: kernel, or auto's choice) is left to the gate run.
  if (!config.linuxFuseTree || config.linuxTreeBuild?.mode === 'kernel') return undefined;
  const image = await ensureLinuxGuest(
    config.cacheDir,
    config.buildTimeoutSec * 1000,
    (line) => io.consoleLine(line),
    'generic',
  );
  if (!image.moduleBuildDir) return undefined;
  const build = await buildFuseModule({
    tree: config.linuxFuseTree,
    kernelBuildDir: image.moduleBuildDir,
    buildDir: moduleBuildDir(config.cacheDir, config.linuxFuseTree, image.kernelRelease),
    // Only the compile outcome counts here; the step's gate run strips its own module.
    moduleDir: path.join(stepDir, 'prebuild'),
    timeoutMs: config.buildTimeoutSec * 1000,
    log: (message) => io.note(message),
    signal,
  }).catch((error: unknown) => {
    // Cancelled while waiting for the build folder: the step's gate run reports the cancellation.
    if (error instanceof CancelledError) return undefined;
    throw error;
  });
  rmSync(path.join(stepDir, 'prebuild'), { recursive: true, force: true });
  if (!build) return undefined;
  if (build.ok || build.blame !== 'tree') return { buildMs: build.durationMs };
  // The tree's own fault: a compiler error, or a symbol modpost found no one exports.
  const first = build.compilerErrors[0];
  const link = build.linkErrors[0];
  return {
    buildMs: build.durationMs,
    broken: {
      why: first
        ? `does not compile: ${first.file}:${first.line}: ${first.message}`
        : `does not link: ${link?.message ?? 'see the build log'}`,
      tail: build.tail,
      buildMs: build.durationMs,
    },
  };
}

/** One step as one line: commit, outcome and why, times, runs, subject. */
export function describeStep(number: number, s: BisectStepRecord): string {
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return `step ${number}: ${s.commit.slice(0, 12)} ${s.outcome} (${s.why}); ${s.guest ? `${s.guest}, ` : ''}build ${secs(s.buildMs)}, test ${secs(s.testMs)}, ${s.runs} run(s), total ${secs(s.totalMs)} | ${s.subject}`;
}
