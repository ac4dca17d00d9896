// `bisect-good: REF` in the action: when the commit under test (HEAD of source-tree) ends in `hang`
// or `panic`, bisect REF..HEAD with the gate as the test, within what is left of job-timeout. The
// range is checked before anything boots (bad input, exit 64); the bisection never changes the
// job's verdict, which stays the verdict of the commit under test.
import type { GateConfig } from '../config/types.js';
import { BISECT_VERDICTS, Input } from '../constants.js';
import type { GateIO } from '../gate/run.js';
import { defaultMaxBuilds } from '../bisect/engine.js';
import { workingCopyDiffers } from '../bisect/git.js';
import { type BisectRange, resolveRange } from '../bisect/range.js';
import { type BisectionResult, type BisectStepRecord, runBisection } from '../bisect/run-bisection.js';
import type { CommitUrl } from '../report/bisect-summary.js';
import type { GateReport } from '../report/model.js';

/** Kept back from job-timeout for the last step's teardown, the artifact upload and the summary. */
export const PUBLISH_MARGIN_MS = 120_000;

/** Not run (and why), run (its result), or stopped by a failure of the gate's own (and what). */
export type ActionBisection =
  | { kind: 'not-run'; why: string }
  | { kind: 'failed'; why: string }
  | BisectionResult;

/** The tree whose history is bisected: the Linux FUSE tree on guest linux, else source-tree. */
function bisectedTree(config: GateConfig): string {
  return config.linuxFuseTree ?? config.sourceTree;
}

/**
 * What to tell a user whose ref git does not know. actions/checkout fetches one commit unless told
 * otherwise (its action.yml: fetch-depth, "Number of commits to fetch. 0 indicates all history for
 * all branches and tags", default 1).
 */
export function checkoutHint(problem: 'unknown' | 'not-ancestor', shallow: boolean): string | undefined {
  if (shallow)
    return 'source-tree is a shallow clone (git rev-parse --is-shallow-repository: true), and actions/checkout fetches one commit unless told otherwise: give it fetch-depth: 0 so the history is there';
  if (problem === 'unknown')
    return 'fetch it first (actions/checkout with fetch-depth: 0 fetches every branch and tag)';
  return undefined;
}

/** Before anything boots: the range bisect-good..HEAD, or a BadInputError naming the input. */
export async function planActionBisection(
  config: GateConfig,
  spell: (input: Input) => string = (input) => input,
): Promise<BisectRange | undefined> {
  if (config.bisectGood === undefined) return undefined;
  const tree = spell(Input.SourceTree);
  return resolveRange({
    tree: bisectedTree(config),
    goodRef: config.bisectGood,
    badRef: 'HEAD',
    names: { tree, good: spell(Input.BisectGood), bad: tree },
    badLabel: { short: `HEAD of ${tree}`, full: `HEAD of ${tree}` },
    hint: checkoutHint,
  });
}

/** What is left of job-timeout for a bisection, `elapsedMs` after the main step started. */
export function bisectionBudgetMs(jobTimeoutSec: number, elapsedMs: number): number {
  return jobTimeoutSec * 1000 - elapsedMs - PUBLISH_MARGIN_MS;
}

/** Why a finished run is not bisected, or undefined when it is. */
export function whyNoBisection(report: GateReport, budgetMs: number): string | undefined {
  if (!(BISECT_VERDICTS as readonly string[]).includes(report.verdict))
    return `the verdict is ${report.verdict}; a bisection runs on ${BISECT_VERDICTS.join(' or ')}`;
  if (budgetMs <= 0)
    return `no time left: job-timeout leaves less than the ${PUBLISH_MARGIN_MS / 1000} s kept for publishing`;
  return undefined;
}

export interface AfterRunContext {
  io: Omit<GateIO, 'signal'>;
  signal: AbortSignal;
  /** Milliseconds since the main step started (job-timeout counts from there). */
  elapsedMs: number;
  onStep?(number: number, record: BisectStepRecord): void;
}

/** Bisects after the gate's run of HEAD when the verdict asks for it and there is time. */
export async function bisectAfterRun(
  report: GateReport,
  config: GateConfig,
  range: BisectRange,
  context: AfterRunContext,
): Promise<ActionBisection> {
  const budgetMs = bisectionBudgetMs(config.jobTimeoutSec, context.elapsedMs);
  const why = whyNoBisection(report, budgetMs);
  if (why) return { kind: 'not-run', why };
  // HEAD was just tested: that run is the bad end, unless the working copy is not HEAD.
  const reuse = !(await workingCopyDiffers(range.repo));
  const totalMs = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  context.io.note(
    `fusefs-gate bisect: ${report.verdict} at HEAD; bisecting ${range.commits.length} commit(s) after ${range.good.slice(0, 12)} within ${Math.round(budgetMs / 1000)} s`,
  );
  return runBisection(
    {
      ...range,
      config,
      maxBuilds: config.bisectMaxBuilds ?? defaultMaxBuilds(range.commits.length),
      ...(config.bisectMaxBuilds !== undefined ? { hardMaxBuilds: config.bisectMaxBuilds } : {}),
      budgetMs,
    },
    {
      io: context.io,
      signal: context.signal,
      capStepsToBudget: true,
      ...(context.onStep ? { onStep: context.onStep } : {}),
      ...(reuse
        ? { knownBadEnd: { report, outDir: config.outDir, totalMs: Number.isFinite(totalMs) ? totalMs : 0 } }
        : {}),
    },
  );
}

/** The bisection's outputs: the first bad commit's full sha and found / undecided / not-run. */
export function bisectOutputs(bisection: ActionBisection | undefined): {
  firstBad: string;
  result: 'found' | 'undecided' | 'not-run';
  report: string;
} {
  if (!bisection || bisection.kind === 'not-run') return { firstBad: '', result: 'not-run', report: '' };
  if (bisection.kind === 'failed') return { firstBad: '', result: 'undecided', report: '' };
  return {
    firstBad: bisection.firstBad?.sha ?? '',
    result: bisection.kind === 'found' ? 'found' : 'undecided',
    report: bisection.reportFile,
  };
}

/**
 * Commit links for the summary: `${GITHUB_SERVER_URL}/OWNER/NAME/commit/SHA`. OWNER/NAME is the
 * repository the tree was cloned from when that is on the same server (a nightly that checks out
 * freebsd/freebsd-src runs in another repository), else GITHUB_REPOSITORY; no link without them.
 */
export function commitUrlFor(env: NodeJS.ProcessEnv, origin: string | undefined): CommitUrl {
  const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
  if (!server) return () => undefined;
  const cloned =
    origin?.startsWith(`${server}/`) === true
      ? origin
          .slice(server.length + 1)
          .replace(/\.git$/, '')
          .replace(/\/+$/, '')
      : undefined;
  const repository = cloned && /^[\w.-]+\/[\w.-]+$/.test(cloned) ? cloned : env.GITHUB_REPOSITORY;
  if (!repository) return () => undefined;
  return (sha) => `${server}/${repository}/commit/${sha}`;
}
