// One bisection step: the gate run on one commit, and what its report means for the bisection.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GateReport } from '../report/model.js';
import type { StepResult } from './engine.js';

/** What makes two failures the same: the verdict and the signature (or, without one, the failing test). */
export function failureKey(report: GateReport): string {
  const failing = report.tests.find((t) => t.status === report.verdict)?.name ?? '';
  return `${report.verdict}: ${report.signature ?? failing}`;
}

/** A compile or link error of the tree: skipped, never blamed (it says nothing about the bad end's failure). */
export function isCompileFailure(report: GateReport): boolean {
  return (
    report.build?.ok === false &&
    (report.build.compilerErrors?.length ?? 0) + (report.build.linkErrors?.length ?? 0) > 0
  );
}

/**
 * The bad end decides what "bad" is; every later step is good (pass), bad (the same failure), or a
 * skip (anything else).
 */
export function classifyStep(report: GateReport, badKey: string | undefined): StepResult {
  const key = failureKey(report);
  if (isCompileFailure(report)) {
    const how = report.build?.compilerErrors?.length ? 'compile' : 'link';
    return { outcome: 'skip', why: `does not ${how}: ${report.reason}` };
  }
  if (report.verdict === 'pass') return { outcome: 'good', why: `pass: ${report.reason}` };
  if (report.verdict === 'error') return { outcome: 'skip', why: `undecided (error): ${report.reason}` };
  if (badKey === undefined) return { outcome: 'bad', why: key };
  if (key === badKey) return { outcome: 'bad', why: key };
  return { outcome: 'skip', why: `fails differently (${key}), not like the bad end (${badKey})` };
}

export interface StepTimes {
  buildMs: number;
  testMs: number;
  totalMs: number;
  /** How many runs the step had (`repeat` stops at the first that is not a pass). */
  runs: number;
}

export function stepTimes(report: GateReport, outDir: string, totalMs: number): StepTimes {
  const phase = (name: string) =>
    report.phases.filter((p) => p.phase === name).reduce((sum, p) => sum + p.durationMs, 0);
  // The Linux tree's module is built on the host before the boot; its time is in module-build.json.
  const hostBuild = path.join(outDir, '.work', 'module-build.json');
  const hostBuildMs = existsSync(hostBuild)
    ? ((JSON.parse(readFileSync(hostBuild, 'utf8')) as { durationMs?: number }).durationMs ?? 0)
    : 0;
  const iterations = new Set(report.tests.map((t) => t.iteration));
  return {
    buildMs: hostBuildMs + phase('build'),
    testMs: phase('tests'),
    totalMs,
    runs: report.stoppedAtIteration ?? Math.max(0, ...iterations),
  };
}
