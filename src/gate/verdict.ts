// One run, one verdict (ARCHITECTURE "Rules that decide between verdicts").
import { EXIT } from '../constants.js';
import type { TestResult, Verdict } from '../report/model.js';

/**
 * panic > hang > fail > pass, and `error` only when nothing else was decided: it loses to a failure the
 * tree caused, but it beats `pass`, since a gate must never turn an undecided run into a pass.
 */
const RANK: Record<Verdict, number> = { pass: 0, error: 1, fail: 2, hang: 3, panic: 4 };

export function worstOf(verdicts: Verdict[]): Verdict | undefined {
  if (verdicts.length === 0) return undefined;
  return verdicts.reduce((worst, v) => (RANK[v] > RANK[worst] ? v : worst));
}

/** The verdict the tests decided, or undefined when none ran: nothing ran is never a pass. */
export function verdictOfTests(tests: TestResult[]): Verdict | undefined {
  return worstOf(tests.filter((t) => t.status !== 'skipped').map((t) => t.status as Verdict));
}

/**
 * `fail-on` chooses which of the tree's verdicts fail the job; `error` is not the tree's verdict and
 * is never a pass through it: an undecided run exits 125 unless the user said `allow-error`.
 */
export function exitCodeFor(verdict: Verdict, failOn: readonly Verdict[], allowError = false): number {
  if (verdict === 'error') return allowError ? EXIT.pass : EXIT.error;
  if (verdict === 'pass' || !failOn.includes(verdict)) return EXIT.pass;
  return EXIT[verdict];
}

/** Did an undecided run get through only because the user allowed it? Then the entries warn. */
export function errorLetThrough(report: { verdict: Verdict; exitCode: number }): boolean {
  return report.verdict === 'error' && report.exitCode === EXIT.pass;
}
