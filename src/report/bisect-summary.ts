// The job summary's bisection section: the first bad commit as a link with its subject and the
// failure that made it bad, or why the bisection could not decide, and one table row per step.
// Pure: the result and a commit-link maker in, markdown out.
import { cell, code, formatDuration, inline } from './summary.js';

export interface BisectSummaryCommit {
  sha: string;
  subject: string;
}

export interface BisectSummaryStep {
  commit: string;
  subject: string;
  outcome: 'good' | 'bad' | 'skip';
  why: string;
  verdict: string;
  buildMs: number;
  testMs: number;
  runs: number;
}

export type BisectSummaryInput =
  | { kind: 'not-run'; why: string }
  | { kind: 'failed'; why: string }
  | {
      kind: 'found' | 'undecided' | 'cancelled';
      good: string;
      commitCount: number;
      firstBad?: BisectSummaryCommit & { why: string };
      undecided?: string;
      candidates: BisectSummaryCommit[];
      steps: BisectSummaryStep[];
      durationMs: number;
    };

/** The web address of a commit, or undefined when there is none to link to. */
export type CommitUrl = (sha: string) => string | undefined;

const MAX_CANDIDATES = 20;
const OUTCOME_BADGE: Record<BisectSummaryStep['outcome'], string> = { good: '✅', bad: '❌', skip: '⏭️' };

export function renderBisectSection(input: BisectSummaryInput, commitUrl: CommitUrl): string[] {
  if (input.kind === 'not-run') return ['### Bisection: not run', '', `${inline(input.why)}.`];
  if (input.kind === 'failed')
    return [
      '### Bisection: undecided',
      '',
      `**Undecided:** ${inline(input.why)}. The job's verdict is HEAD's.`,
    ];
  const link = (sha: string, text: string) => {
    const url = commitUrl(sha);
    return url ? `[${code(text)}](${url})` : code(text);
  };
  const out: string[] = [];
  if (input.kind === 'found' && input.firstBad) {
    const first = input.firstBad;
    out.push(
      '### Bisection: first bad commit found',
      '',
      `**First bad commit:** ${link(first.sha, first.sha)} ${inline(first.subject)}`,
      '',
      `**Failure:** ${code(first.why)}, the same verdict and signature as HEAD.`,
    );
  } else {
    out.push(
      '### Bisection: undecided',
      '',
      `**Undecided:** ${inline(input.undecided ?? 'no first bad commit was found')}. The job's verdict is HEAD's.`,
    );
    if (input.candidates.length) {
      out.push('', 'The first bad commit is one of:', '');
      for (const c of input.candidates.slice(0, MAX_CANDIDATES))
        out.push(`- ${link(c.sha, c.sha.slice(0, 12))} ${inline(c.subject)}`);
      if (input.candidates.length > MAX_CANDIDATES)
        out.push(`- _${input.candidates.length - MAX_CANDIDATES} more in bisect.json_`);
    }
  }
  out.push(
    '',
    `${input.steps.length} step(s) for ${input.commitCount} commit(s) after ${code(input.good.slice(0, 12))}, in ${formatDuration(input.durationMs)}.`,
  );
  if (input.steps.length === 0) return out;
  out.push(
    '',
    '| Step | Commit | Subject | Outcome | Why | Build | Test | Runs |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  input.steps.forEach((s, i) => {
    out.push(
      `| ${i + 1} | ${link(s.commit, s.commit.slice(0, 12))} | ${cell(s.subject)} | ${OUTCOME_BADGE[s.outcome]} ${s.outcome} | ${cell(s.why)} | ${formatDuration(s.buildMs)} | ${formatDuration(s.testMs)} | ${s.runs} |`,
    );
  });
  return out;
}
