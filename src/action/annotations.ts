// Annotations: the verdict with the signature as its title, the tree's compiler errors at file:line,
// its link errors (at file:line when the linker named one, else on the step), and frames resolved
// to source lines. Errors when the verdict fails the job, warnings otherwise
// (a `fail` that fail-on lets through, an `error` that allow-error lets through).
import path from 'node:path';
import type { GateReport } from '../report/model.js';

export type AnnotationLevel = 'error' | 'warning';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  properties: { title: string; file?: string; startLine?: number; startColumn?: number };
}

/** GitHub shows at most 10 error and 10 warning annotations per step; keep room for the verdict. */
const MAX_LOCATED = 8;

export interface AnnotateContext {
  sourceTree: string;
  /** Paths are given relative to it ($GITHUB_WORKSPACE), so GitHub can link them. */
  workspace: string;
  /** Does the verdict fail the job? */
  failing: boolean;
}

export function annotationsFor(report: GateReport, context: AnnotateContext): Annotation[] {
  const level: AnnotationLevel = context.failing ? 'error' : 'warning';
  const out: Annotation[] = [];
  if (report.verdict === 'pass') return out;
  const title = report.signature ?? `fusefs-gate: ${report.verdict}`;
  const bug = report.knownBug ? ` Known bug: ${report.knownBug.title} (${report.knownBug.url}).` : '';
  const letThrough =
    !context.failing && report.verdict === 'error'
      ? ' An undecided run was let through (allow-error: true): nothing was checked.'
      : '';
  out.push({
    level,
    message: `fusefs-gate verdict ${report.verdict}: ${report.reason}.${bug}${letThrough}`,
    properties: { title },
  });
  const where = (file: string) => path.relative(context.workspace, path.resolve(context.sourceTree, file));
  const compilerErrors = (report.build?.compilerErrors ?? []).slice(0, MAX_LOCATED);
  for (const e of compilerErrors) {
    const column = e.column;
    out.push({
      level,
      message: e.message,
      properties: {
        title: 'compiler error in the tree under test',
        file: where(e.file),
        startLine: e.line,
        ...(column !== undefined ? { startColumn: column } : {}),
      },
    });
  }
  // A link error without a source line is still the tree's: it is shown without a file.
  for (const e of (report.build?.linkErrors ?? []).slice(0, MAX_LOCATED - compilerErrors.length)) {
    out.push({
      level,
      message: e.message,
      properties: {
        title: 'link error in the tree under test',
        ...(e.file !== undefined && e.line !== undefined ? { file: where(e.file), startLine: e.line } : {}),
      },
    });
  }
  const located = report.threads
    .flatMap((thread) => thread.frames)
    .filter((frame) => frame.file && frame.line);
  for (const frame of located.slice(0, MAX_LOCATED - out.length + 1)) {
    out.push({
      level,
      message: `${frame.fn} is in the hung thread's stack`,
      properties: { title, file: where(frame.file!), startLine: frame.line! },
    });
  }
  return out;
}
