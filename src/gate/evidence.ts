// The files a run leaves behind: report.json, stacks.txt, junit.xml, summary.md and serial.log,
// written whatever the verdict, so a workflow can upload them and a person can read them. A file
// that cannot be written (a full disk) never loses the verdict: what could be written stays, and
// the run becomes the gate's own `error`, saying which files are missing, where, and how much space
// they needed.
import { existsSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT } from '../constants.js';
import { describeWriteErrno } from './host-files.js';
import type { GateReport, Thread } from '../report/model.js';
import { renderJunit } from '../report/junit.js';
import { renderSummary } from '../report/summary.js';

/** A run needs at least this much free in the output folder: disks, serial log, evidence. */
export const MIN_OUTPUT_FREE_BYTES = 8 * 1024 * 1024;

/** The output folder cannot hold what the run must write. */
export class OutOfSpaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutOfSpaceError';
  }
}

/** Bytes an unprivileged writer may still use on the file system holding `dir` (statfs f_bavail), or undefined. */
export function freeBytes(dir: string): number | undefined {
  try {
    const stats = statfsSync(dir);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return undefined;
  }
}

/** Human size: 512 B, 36.0 KiB, 8.0 MiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Before any work: the output folder must have room for the run (payload and results disks, the
 * serial log, the report). Throws OutOfSpaceError naming the folder, what is free and what is missing.
 */
export function assertOutputSpace(outDir: string, needBytes = MIN_OUTPUT_FREE_BYTES): void {
  const free = freeBytes(outDir);
  if (free === undefined || free >= needBytes) return;
  throw new OutOfSpaceError(
    `not enough free space in the output folder ${outDir}: ${formatBytes(free)} free, a run needs at least ${formatBytes(needBytes)} (${formatBytes(needBytes - free)} missing)`,
  );
}

interface WriteFailure {
  name: string;
  bytes: number;
  code: string;
  /** How the reason names it, when not by its file name. */
  label?: string;
}

/** Writes `text` to `file`; on failure removes what was partly written (a truncated report misleads). */
function tryWrite(file: string, text: string): WriteFailure | undefined {
  try {
    writeFileSync(file, text);
    return undefined;
  } catch (error) {
    rmSync(file, { force: true });
    return {
      name: path.basename(file),
      bytes: Buffer.byteLength(text),
      code: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    };
  }
}

/** Writes the evidence files; never throws. Returns the files that were written. */
export function writeEvidence(
  outDir: string,
  report: GateReport,
  serialLogPath: string | undefined,
  /** The serial log stopped taking the console during the run (its writer's errno, the bytes it lacks). */
  serialLogFailure?: { code: string; missingBytes: number },
): GateReport['files'] {
  const paths = {
    stacks: path.join(outDir, 'stacks.txt'),
    junit: path.join(outDir, 'junit.xml'),
    summary: path.join(outDir, 'summary.md'),
    report: path.join(outDir, 'report.json'),
  };
  const serialLog = serialLogPath && existsSync(serialLogPath) ? { serialLog: serialLogPath } : {};
  const decided = { verdict: report.verdict, reason: report.reason };
  // A log cut short is kept (what it has is evidence), and listed with the files that are missing.
  const failures: WriteFailure[] = serialLogFailure
    ? [
        {
          name: 'serial.log (cut short)',
          bytes: serialLogFailure.missingBytes,
          code: serialLogFailure.code,
          label: 'the end of serial.log',
        },
      ]
    : [];
  const written = (): GateReport['files'] => ({
    ...Object.fromEntries(
      Object.entries(paths).filter(([, file]) => !failures.some((f) => f.name === path.basename(file))),
    ),
    ...serialLog,
  });
  report.files = { ...paths, ...serialLog };
  const parts: [string, () => string][] = [
    [paths.stacks, () => renderStacksText(report)],
    [paths.junit, () => renderJunit(report)],
    [paths.summary, () => renderSummary(report, { stacksFile: path.basename(paths.stacks) })],
  ];
  for (const [file, render] of parts) {
    const failure = tryWrite(file, render());
    if (failure) failures.push(failure);
  }
  if (failures.length > 0) markUnwritten(report, outDir, failures, decided);
  report.files = written();
  const failure = tryWrite(paths.report, `${JSON.stringify(report, null, 2)}\n`);
  if (failure) {
    // The full report did not fit: say so, and try a compact one without the captured stacks and
    // panic text (the bulk of it; stacks.txt has them when it fit). The verdict reaches stdout and
    // the action's outputs either way.
    failures.push({ ...failure, label: 'the full report.json' });
    markUnwritten(report, outDir, failures, decided);
    const compact: GateReport = { ...report, threads: [], files: { ...written(), report: paths.report } };
    delete compact.panicText;
    const compactText = `${JSON.stringify(compact, null, 2)}\n`;
    if (!tryWrite(paths.report, compactText)) failures.pop();
    report.files = written();
  }
  return report.files;
}

/** The run could not leave its evidence: the gate's own `error`, whatever the tests had said. */
function markUnwritten(
  report: GateReport,
  outDir: string,
  failures: WriteFailure[],
  decided: { verdict: string; reason: string },
): void {
  const free = freeBytes(outDir);
  const needed = failures.reduce((sum, f) => sum + f.bytes, 0);
  const codes = [...new Set(failures.map((f) => f.code))];
  const full = codes.some((code) => code === 'ENOSPC' || code === 'EDQUOT');
  // Space freed since (another job's files went): the serial log was cut while the disk was full.
  const freedSince = full && free !== undefined && free >= needed;
  const why = freedSince
    ? `the file system was full during the run (${formatBytes(free)} is free now)`
    : full
      ? `the file system is full: they needed ${formatBytes(needed)}, ${free === undefined ? 'an unknown amount' : formatBytes(free)} is free` +
        (free === undefined ? '' : ` (${formatBytes(Math.max(1, needed - free))} missing at least)`)
      : codes.map((code) => describeWriteErrno(code)).join(', ');
  const files = failures.map((f) => `${f.label ?? f.name} (${formatBytes(f.bytes)})`).join(', ');
  report.verdict = 'error';
  report.reason = `could not write the evidence in ${outDir}: ${files} not written, ${why}; the run itself had decided ${decided.verdict}: ${decided.reason}`;
  report.exitCode = EXIT.error;
}

/** Every captured thread, one block each, for the full dump file the summary links to. */
export function renderStacksText(report: GateReport): string {
  const parts: string[] = [];
  if (report.signature) parts.push(`signature: ${report.signature}`);
  if (report.knownBug) parts.push(`known bug: ${report.knownBug.title} ${report.knownBug.url}`);
  for (const thread of report.threads) parts.push(formatThread(thread));
  if (report.panicText) parts.push(`panic text:\n${report.panicText}`);
  if (parts.length === 0) parts.push('no kernel stacks were captured in this run');
  return `${parts.join('\n\n')}\n`;
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
  const frames = thread.frames.map(
    (f) =>
      `  ${f.fn}${f.offset ? `+${f.offset}` : ''}${f.module ? ` [${f.module}]` : ''}${f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}`,
  );
  return [head, ...frames].join('\n');
}
