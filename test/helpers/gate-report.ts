// A GateReport with nothing in it but what a test gives: the fields every report has, at their
// emptiest (a pass with no tests, threads or phases, one boot, no files).
import type { GateReport } from '../../src/report/model.js';

export function gateReport(over: Partial<GateReport> = {}): GateReport {
  return {
    verdict: 'pass',
    reason: 'r',
    exitCode: 0,
    guest: 'linux',
    tests: [],
    threads: [],
    phases: [],
    bootAttempts: 1,
    startedAt: '',
    finishedAt: '',
    files: {},
    ...over,
  };
}
