// The files a run leaves behind: report.json, stacks.txt, junit.xml, summary.md and serial.log,
// written whatever the verdict, so a workflow can upload them and a person can read them.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GateReport, Thread } from '../report/model.js';
import { renderJunit } from '../report/junit.js';
import { renderSummary } from '../report/summary.js';

export function writeEvidence(outDir: string, report: GateReport, serialLogPath: string | undefined): GateReport['files'] {
  const files: GateReport['files'] = {
    report: path.join(outDir, 'report.json'),
    stacks: path.join(outDir, 'stacks.txt'),
    junit: path.join(outDir, 'junit.xml'),
    summary: path.join(outDir, 'summary.md'),
    ...(serialLogPath && existsSync(serialLogPath) ? { serialLog: serialLogPath } : {}),
  };
  report.files = files;
  writeFileSync(files.stacks!, renderStacksText(report));
  writeFileSync(files.junit!, renderJunit(report));
  writeFileSync(files.summary!, renderSummary(report, { stacksFile: path.basename(files.stacks!) }));
  writeFileSync(files.report!, JSON.stringify(report, null, 2) + '\n');
  return files;
}

/** Every captured thread, one block each, for the full dump file the summary links to. */
export function renderStacksText(report: GateReport): string {
  const parts: string[] = [];
  if (report.signature) parts.push(`signature: ${report.signature}`);
  if (report.knownBug) parts.push(`known bug: ${report.knownBug.title} ${report.knownBug.url}`);
  for (const thread of report.threads) parts.push(formatThread(thread));
  if (report.panicText) parts.push(`panic text:\n${report.panicText}`);
  if (parts.length === 0) parts.push('no kernel stacks were captured in this run');
  return parts.join('\n\n') + '\n';
}

function formatThread(thread: Thread): string {
  const head = [
    thread.comm,
    thread.pid !== undefined ? `pid ${thread.pid}` : '',
    thread.tid !== undefined ? `tid ${thread.tid}` : '',
    thread.state ? `state ${thread.state}` : '',
    thread.wchan ? `wchan ${thread.wchan}` : '',
    thread.sample !== undefined ? `sample ${thread.sample}` : '',
    `(${thread.format})`,
  ]
    .filter(Boolean)
    .join(' ');
  const frames = thread.frames.map((f) => `  ${f.fn}${f.offset ? `+${f.offset}` : ''}${f.module ? ` [${f.module}]` : ''}${f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}`);
  return [head, ...frames].join('\n');
}
