// `bisect-good: REF` (the action's input, `fusefs-gate run --bisect-good`): when the commit under
// test (HEAD of source-tree) ends in `hang` or `panic`, bisect REF..HEAD with the gate as the test,
// within what is left of job-timeout. The range is checked before anything boots (bad input, exit
// 64); the bisection never changes the verdict, which stays the verdict of the commit under test.
import type { GateConfig } from '../config/types.js';
import { BISECT_VERDICTS, Input } from '../constants.js';
import type { GateIO } from '../gate/run.js';
import { defaultMaxBuilds } from './engine.js';
import { workingCopyDiffers } from './git.js';
import { type BisectRange, resolveRange } from './range.js';
import { type BisectionResult, type BisectStepRecord, runBisection } from './run-bisection.js';
import type { GateReport } from '../report/model.js';

/** Kept back from job-timeout for the last step's teardown, the artifact upload and the summary. */
export const PUBLISH_MARGIN_MS = 120_000;

/** Not run (and why), run (its result), or stopped by a failure of the gate's own (and what). */
export type HeadBisection =
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
export async function planHeadBisection(
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
): Promise<HeadBisection> {
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
