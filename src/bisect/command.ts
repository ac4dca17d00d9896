// `fusefs-gate bisect --source-tree DIR --good REF --bad REF [run flags]`: finds the first commit
// whose gate run fails the way the bad end fails. Steps run in a detached git worktree of the
// user's repository, so their working copy (dirty or not) is never touched.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BadInputError } from '../config/errors.js';
import { parseConfig, type RawInputs } from '../config/parse.js';
import type { GateConfig } from '../config/types.js';
import { EXIT, Input } from '../constants.js';
import { moduleBuildDir } from '../gate/linux-tree-plan.js';
import { runGate, type GateIO } from '../gate/run.js';
import { GuestSession } from '../gate/session.js';
import { ensureLinuxGuest } from '../image/linux-guest.js';
import { buildFuseModule } from '../linux-tree/module-build.js';
import { installSignalHandlers } from '../signals.js';
import { bisect, defaultMaxBuilds, type StepResult } from './engine.js';
import {
  addWorktree,
  checkoutInWorktree,
  type Commit,
  commitsBetween,
  isAncestor,
  removeWorktree,
  repositoryTop,
  resolveCommit,
} from './git.js';
import { classifyStep, failureKey, stepTimes, type StepTimes } from './step.js';

/** Bisection input errors name the flag, like every other bad input. */
class BisectInputError extends Error {}

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

export async function bisectCommand(args: string[]): Promise<number> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    quiet: { type: 'boolean' },
    out: { type: 'string' },
    good: { type: 'string' },
    bad: { type: 'string' },
    'bisect-max-builds': { type: 'string' },
    'bisect-time-budget': { type: 'string' },
  };
  for (const input of Object.values(Input)) options[input] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (error) {
    return badInput((error as Error).message);
  }
  const io = cliIO(values.quiet === true);
  let plan: Awaited<ReturnType<typeof planBisection>>;
  try {
    plan = await planBisection(values);
  } catch (error) {
    if (error instanceof BisectInputError || error instanceof BadInputError) return badInput(error.message);
    throw error;
  }
  const { config, repo, commits, good, maxBuilds, hardMaxBuilds, budgetMs } = plan;
  io.note(
    `fusefs-gate bisect: ${commits.length} commit(s) after ${good.slice(0, 12)} up to ${commits.at(-1)!.sha.slice(0, 12)}; at most ${hardMaxBuilds ?? maxBuilds} build(s) before skips`,
  );

  const bisectDir = path.join(config.outDir, 'bisect');
  // Outside the user's tree (an output folder inside it would dirty it) and at a stable path per
  // repository, so the module build folder, keyed by the tree's path, is reused by the next bisection.
  const worktree = path.join(
    config.cacheDir,
    'bisect-worktrees',
    createHash('sha256').update(repo).digest('hex').slice(0, 16),
  );
  // One guest for the whole bisection while steps leave it healthy; its files outside any step's folder.
  const session = new GuestSession(path.join(config.outDir, 'bisect-guest'));
  await session.open(io);
  rmSync(bisectDir, { recursive: true, force: true });
  mkdirSync(bisectDir, { recursive: true });
  await removeWorktree(repo, worktree);
  rmSync(worktree, { recursive: true, force: true });
  mkdirSync(path.dirname(worktree), { recursive: true });
  const signals = installSignalHandlers();
  const started = Date.now();
  const steps: BisectStepRecord[] = [];
  let badKey: string | undefined;
  let cancelled: string | undefined;
  try {
    await addWorktree(repo, worktree, commits.at(-1)!.sha);
    const trace = await bisect(
      commits.length,
      async (index) => {
        if (signals.signal.aborted) {
          cancelled = String(signals.signal.reason);
          return { outcome: 'skip', why: `cancelled by ${cancelled}` };
        }
        const commit = commits[index]!;
        const stepDir = path.join(
          bisectDir,
          `step-${String(steps.length + 1).padStart(2, '0')}-${commit.sha.slice(0, 12)}`,
        );
        mkdirSync(stepDir, { recursive: true });
        await checkoutInWorktree(worktree, commit.sha);
        const stepConfig: GateConfig = {
          ...config,
          sourceTree: worktree,
          ...(config.linuxFuseTree ? { linuxFuseTree: worktree } : {}),
          outDir: stepDir,
        };
        io.note(`fusefs-gate bisect: step ${steps.length + 1}: ${commit.sha.slice(0, 12)} ${commit.subject}`);
        const stepStarted = Date.now();
        // A commit that does not compile is skipped without booting a guest for it.
        const prebuild = await prebuildModule(stepConfig, io);
        const broken = prebuild?.broken;
        if (broken) {
          const record: BisectStepRecord = {
            commit: commit.sha,
            subject: commit.subject,
            outcome: 'skip',
            why: broken.why,
            verdict: 'fail',
            outDir: stepDir,
            buildMs: broken.buildMs,
            testMs: 0,
            totalMs: Date.now() - stepStarted,
            runs: 0,
          };
          steps.push(record);
          writeFileSync(path.join(stepDir, 'build.txt'), `${broken.tail}\n`);
          process.stdout.write(`${describeStep(steps.length, record)}\n`);
          return { outcome: 'skip', why: broken.why };
        }
        const report = await runGate(stepConfig, { ...io, signal: signals.signal }, { guests: session });
        const result = classifyStep(report, badKey);
        const times = stepTimes(report, stepDir, Date.now() - stepStarted);
        // The real build was the prebuild; the gate's own was an incremental no-op after it.
        times.buildMs += prebuild?.buildMs ?? 0;
        if (badKey === undefined && result.outcome === 'bad') badKey = failureKey(report);
        const record: BisectStepRecord = {
          commit: commit.sha,
          subject: commit.subject,
          outcome: result.outcome,
          why: result.why,
          verdict: report.verdict,
          ...(report.signature ? { signature: report.signature } : {}),
          outDir: stepDir,
          ...(report.reusedGuest !== undefined
            ? { guest: report.reusedGuest ? ('reused guest' as const) : ('fresh boot' as const) }
            : {}),
          ...times,
        };
        steps.push(record);
        process.stdout.write(`${describeStep(steps.length, record)}\n`);
        if (signals.signal.aborted) cancelled = String(signals.signal.reason);
        return result;
      },
      {
        maxBuilds,
        ...(hardMaxBuilds !== undefined ? { hardMaxBuilds } : {}),
        timeLeft: () => {
          if (cancelled) return false;
          const elapsed = Date.now() - started;
          const average = steps.length ? elapsed / steps.length : 0;
          return elapsed + average <= budgetMs;
        },
      },
    );
    const summary = {
      good,
      bad: commits.at(-1)!.sha,
      commits: commits.length,
      builds: steps.length,
      badFailure: badKey ?? null,
      result:
        trace.end.kind === 'found'
          ? { firstBad: commits[trace.end.index]! }
          : { undecided: trace.end.why, candidates: trace.end.candidates.map((i) => commits[i]!) },
      steps,
      durationMs: Date.now() - started,
    };
    writeFileSync(path.join(bisectDir, 'bisect.json'), `${JSON.stringify(summary, null, 2)}\n`);
    if (cancelled) {
      process.stdout.write(`bisect: cancelled by ${cancelled} after ${steps.length} build(s)\n`);
      return cancelled === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
    }
    if (trace.end.kind === 'found') {
      const first = commits[trace.end.index]!;
      const step = steps.find((s) => s.commit === first.sha);
      process.stdout.write(`first bad commit: ${first.sha} ${first.subject}\n`);
      process.stdout.write(
        `  failure: ${step?.why ?? badKey}\n  builds: ${steps.length} for ${commits.length} commit(s); report: ${path.join(bisectDir, 'bisect.json')}\n`,
      );
      return EXIT.pass;
    }
    process.stdout.write(`bisect: undecided: ${trace.end.why}\n`);
    if (trace.end.candidates.length) {
      process.stdout.write(
        `  the first bad commit is one of:\n${trace.end.candidates.map((i) => `    ${commits[i]!.sha} ${commits[i]!.subject}`).join('\n')}\n`,
      );
    }
    process.stdout.write(`  builds: ${steps.length}; report: ${path.join(bisectDir, 'bisect.json')}\n`);
    return EXIT.error;
  } finally {
    // QEMU never outlives the bisection: a guest kept for a next step that will not come is stopped.
    await session
      .dispose()
      .catch((error: Error) => io.warn(`stopping the bisection's guest: ${error.message}`));
    signals.dispose();
    await removeWorktree(repo, worktree);
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
): Promise<{ buildMs: number; broken?: { why: string; tail: string; buildMs: number } } | undefined> {
  if (!config.linuxFuseTree) return undefined;
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
    timeoutMs: config.buildTimeoutSec * 1000,
  });
  if (build.ok || build.blame !== 'tree') return { buildMs: build.durationMs };
  const first = build.compilerErrors[0]!;
  return {
    buildMs: build.durationMs,
    broken: {
      why: `does not compile: ${first.file}:${first.line}: ${first.message}`,
      tail: build.tail,
      buildMs: build.durationMs,
    },
  };
}

async function planBisection(values: Record<string, string | boolean | undefined>) {
  const str = (name: string) =>
    typeof values[name] === 'string' && (values[name] as string).trim() !== ''
      ? (values[name] as string).trim()
      : undefined;
  const tree = str(Input.SourceTree);
  if (!tree)
    throw new BisectInputError("invalid input '--source-tree': bisect needs the tree's git repository");
  const goodRef = str('good');
  const badRef = str('bad');
  if (!goodRef) throw new BisectInputError("invalid input '--good': bisect needs a commit that passed");
  if (!badRef) throw new BisectInputError("invalid input '--bad': bisect needs a commit that fails");
  const raw: RawInputs = {};
  for (const input of Object.values(Input)) {
    const v = str(input);
    if (v !== undefined) raw[input] = v;
  }
  if (str('out')) raw[Input.OutputDir] = str('out');
  if (raw[Input.Guest] === undefined) raw[Input.Guest] = 'freebsd';
  const config = parseConfig(raw, { cwd: process.cwd(), env: process.env, spell: (input) => `--${input}` });

  const repo = await repositoryTop(config.sourceTree);
  if (!repo)
    throw new BisectInputError(
      `invalid input '--source-tree': ${JSON.stringify(config.sourceTree)} is not in a git repository`,
    );
  if (path.resolve(repo) !== path.resolve(config.sourceTree)) {
    throw new BisectInputError(
      `invalid input '--source-tree': ${JSON.stringify(config.sourceTree)} is not the top of its git repository (${repo})`,
    );
  }
  const good = await resolveCommit(repo, goodRef);
  if (!good)
    throw new BisectInputError(
      `invalid input '--good': ${JSON.stringify(goodRef)} names no commit in ${repo}`,
    );
  const bad = await resolveCommit(repo, badRef);
  if (!bad)
    throw new BisectInputError(`invalid input '--bad': ${JSON.stringify(badRef)} names no commit in ${repo}`);
  if (good === bad)
    throw new BisectInputError(
      `invalid input '--good': ${JSON.stringify(goodRef)} is the same commit as --bad`,
    );
  if (!(await isAncestor(repo, good, bad)))
    throw new BisectInputError(
      `invalid input '--good': ${JSON.stringify(goodRef)} is not an ancestor of --bad ${JSON.stringify(badRef)}`,
    );
  const commits: Commit[] = await commitsBetween(repo, good, bad);
  if (commits.length === 0)
    throw new BisectInputError(`invalid input '--bad': no commits after --good along first parents`);

  const count = (name: string, fallback: number | undefined, max: number) => {
    const v = str(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max)
      throw new BisectInputError(
        `invalid input '--${name}': ${JSON.stringify(v)} is not a whole number from 1 to ${max}`,
      );
    return Number(v);
  };
  const hardMaxBuilds = count('bisect-max-builds', undefined, 1000);
  const budgetSec = count('bisect-time-budget', 6 * 3600, 7 * 24 * 3600)!;
  return {
    config,
    repo,
    good,
    commits,
    maxBuilds: hardMaxBuilds ?? defaultMaxBuilds(commits.length),
    hardMaxBuilds,
    budgetMs: budgetSec * 1000,
  };
}

export function describeStep(number: number, s: BisectStepRecord): string {
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return `step ${number}: ${s.commit.slice(0, 12)} ${s.outcome} (${s.why}); ${s.guest ? `${s.guest}, ` : ''}build ${secs(s.buildMs)}, test ${secs(s.testMs)}, ${s.runs} run(s), total ${secs(s.totalMs)} | ${s.subject}`;
}

function cliIO(quiet: boolean): Omit<GateIO, 'signal'> {
  return {
    note: (message) => process.stderr.write(`${message}\n`),
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
    consoleLine: (line) => {
      if (!quiet) process.stderr.write(`  | ${line}\n`);
    },
    group: async (name, work) => {
      if (!quiet) process.stderr.write(`== ${name}\n`);
      return work();
    },
  };
}

function badInput(message: string): number {
  process.stderr.write(`fusefs-gate bisect: ${message}\n`);
  return EXIT.usage;
}
