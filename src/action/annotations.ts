// Error annotations: the signature as the title; frames resolved to source lines point at them.
import * as core from '@actions/core';
import path from 'node:path';
import type { GateReport } from '../report/model.js';

export function annotate(report: GateReport, sourceTree: string): void {
  if (report.verdict === 'pass') return;
  const title = report.signature ?? `fusefs-gate: ${report.verdict}`;
  const bug = report.knownBug ? ` Known bug: ${report.knownBug.title} (${report.knownBug.url}).` : '';
  core.error(`${report.reason}.${bug}`, { title });
  const located = report.threads.flatMap((thread) => thread.frames).filter((frame) => frame.file && frame.line);
  for (const frame of located.slice(0, 5)) {
    core.error(`${frame.fn} is in the hung thread's stack`, { title, file: path.relative(process.env.GITHUB_WORKSPACE ?? sourceTree, path.join(sourceTree, frame.file!)), startLine: frame.line });
  }
}
