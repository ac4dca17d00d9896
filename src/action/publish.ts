// A finished run on GitHub's surfaces: outputs, the artifact, the job summary, annotations, the exit
// status. One annotation says the verdict; nothing repeats it (no setFailed on top).
import * as core from '@actions/core';
import type { GateConfig } from '../config/types.js';
import { Output } from '../constants.js';
import { setOutputsSafely } from './file-commands.js';
import { errorLetThrough, exitCodeFor } from '../gate/verdict.js';
import type { GateReport } from '../report/model.js';
import { type CommitUrl, renderBisectSection } from '../report/bisect-summary.js';
import { renderSummary } from '../report/summary.js';
import { annotationsFor } from './annotations.js';
import { uploadEvidence } from './artifact.js';
import type { HeadBisection } from '../bisect/after-run.js';
import { bisectOutputs } from './bisect-outputs.js';

/** A bisection that ran (or was asked for and did not run), with links for its commits. */
export interface PublishedBisection {
  bisection: HeadBisection;
  commitUrl: CommitUrl;
}

export async function publish(
  decided: GateReport,
  config: GateConfig,
  bisect?: PublishedBisection,
): Promise<void> {
  const artifactUrl = config.uploadArtifact
    ? await uploadEvidence(config.artifactName, decided, config.outDir, config.retentionDays).catch(
        (error: Error) => {
          core.warning(
            `artifact upload failed: ${error.message}; the evidence stays in ${config.outDir} on the runner`,
          );
          return undefined;
        },
      )
    : undefined;
  let report = decided;
  const outputs: Record<Output, string> = {
    [Output.Verdict]: report.verdict,
    [Output.Signature]: report.signature ?? '',
    [Output.Report]: report.files.report ?? '',
    [Output.Stacks]: report.files.stacks ?? '',
    [Output.SerialLog]: report.files.serialLog ?? '',
    [Output.Junit]: report.files.junit ?? '',
    [Output.Summary]: report.files.summary ?? '',
    [Output.ArtifactUrl]: artifactUrl ?? '',
    [Output.KnownBug]: report.knownBug?.id ?? '',
    [Output.FirstBadCommit]: bisectOutputs(bisect?.bisection).firstBad,
    [Output.BisectResult]: bisectOutputs(bisect?.bisection).result,
    [Output.BisectReport]: bisectOutputs(bisect?.bisection).report,
  };
  const unset = setOutputsSafely(outputs);
  // A workflow reads the verdict from the outputs ("always set"): a run that could not deliver it
  // decided nothing the workflow can see, so the step is the gate's `error`, whatever the tests said.
  if (unset)
    report = {
      ...decided,
      verdict: 'error',
      exitCode: exitCodeFor('error', config.failOn, config.allowError),
      reason: `${unset}; the run itself had decided ${decided.verdict}: ${decided.reason}`,
    };

  const errorAllowed = errorLetThrough(report);
  const summary = renderSummary(report, {
    stacksFile: 'stacks.txt',
    ...(artifactUrl ? { stacksUrl: artifactUrl } : {}),
    ...(config.freebsdVersion !== 'auto' ? { version: config.freebsdVersion } : {}),
    ...(config.uploadArtifact
      ? { artifact: { name: config.artifactName, ...(artifactUrl ? { url: artifactUrl } : {}) } }
      : {}),
    errorAllowed,
    ...(bisect ? { afterVerdict: renderBisectSection(bisect.bisection, bisect.commitUrl) } : {}),
  });
  await core.summary
    .addRaw(summary)
    .write()
    .catch((error: Error) => core.warning(`job summary not written: ${error.message}`));

  const failing = report.exitCode !== 0;
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  for (const a of annotationsFor(report, { sourceTree: config.sourceTree, workspace, failing })) {
    if (a.level === 'error') core.error(a.message, a.properties);
    else core.warning(a.message, a.properties);
  }
  if (report.verdict === 'pass') core.info(`fusefs-gate verdict: pass: ${report.reason}`);
  announceBisection(bisect?.bisection);
  // The verdict annotation above is the failure message; the exit status fails the step.
  process.exitCode = report.exitCode;
}

/** The bisection's one-line outcome: a notice when found, a warning when undecided (never an error). */
function announceBisection(bisection: HeadBisection | undefined): void {
  if (!bisection) return;
  if (bisection.kind === 'not-run') core.info(`fusefs-gate bisect: not run: ${bisection.why}`);
  else if (bisection.kind === 'found' && bisection.firstBad)
    core.notice(
      `first bad commit: ${bisection.firstBad.sha} ${bisection.firstBad.subject} (${bisection.firstBad.why})`,
      { title: 'fusefs-gate bisect: first bad commit' },
    );
  else
    core.warning(
      `the bisection could not decide: ${bisection.kind === 'failed' ? bisection.why : bisection.undecided}; the job's verdict is HEAD's`,
      {
        title: 'fusefs-gate bisect: undecided',
      },
    );
}
