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

export function exitCodeFor(verdict: Verdict, failOn: readonly Verdict[]): number {
  if (verdict === 'pass' || !failOn.includes(verdict)) return EXIT.pass;
  return EXIT[verdict];
}
