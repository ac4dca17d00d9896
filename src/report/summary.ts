// The job summary: one markdown page a person reads first. Deterministic (only what the report
// holds, no clock), bounded (a few blocked threads in full, the rest counted and pointed at the
// stacks file), readable with hundreds of threads.

import type { GateReport, TestResult, TestStatus, Thread, Verdict } from './model.js';
import { baseName } from './parsers/common.js';
import { blockedThreads, hangTitle, pickHungThread } from './signature.js';

export interface SummaryOptions {
  /** File name of the full stacks (default: the report's `files.stacks` base name, else `stacks.txt`). */
  stacksFile?: string;
  /** Link for the stacks file (e.g. the uploaded artifact), when there is one. */
  stacksUrl?: string;
  /** Blocked threads shown in full (default 8). */
  maxThreads?: number;
  /** Frames shown per thread (default 40). */
  maxFrames?: number;
  /** Tests listed in the table (default 50). */
  maxTests?: number;
}

const VERDICT_BADGE: Record<Verdict, string> = {
  pass: '✅',
  fail: '❌',
  hang: '⏳',
  panic: '💥',
  error: '⚠️',
};

const STATUS_BADGE: Record<TestStatus, string> = {
  pass: '✅',
  fail: '❌',
  hang: '⏳',
  panic: '💥',
  error: '⚠️',
  skipped: '⏭️',
};

/** `1.234 s`, `2 min 03 s`, `850 ms`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalS = Math.round(ms / 1000);
  const min = Math.floor(totalS / 60);
  const s = totalS % 60;
  return `${min} min ${String(s).padStart(2, '0')} s`;
}

/** Text safe inside a table cell: no pipes, no newlines, no HTML. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/** Text safe on one markdown line. */
function inline(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .trim();
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const t = text.replace(/[\r\n]+/g, ' ');
  const runs = t.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** A fenced block that survives fences in the text. */
function codeBlock(text: string): string {
  const runs = text.match(/`{3,}/g) ?? [];
  const fence = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
  return `${fence}text\n${text.replace(/\n+$/, '')}\n${fence}`;
}

function threadLabel(t: Thread): string {
  const parts: string[] = [];
  if (t.pid !== undefined) parts.push(`pid ${t.pid}`);
  if (t.tid !== undefined && t.tid !== t.pid) parts.push(`tid ${t.tid}`);
  parts.push(code(t.comm === '' ? '?' : t.comm));
  if (t.tdname !== undefined) parts.push(`(${code(t.tdname)})`);
  const extra: string[] = [];
  if (t.state !== undefined) extra.push(`state ${code(t.state)}`);
  if (t.wchan !== undefined) extra.push(`wchan ${code(t.wchan)}`);
  if (t.cpuTicks !== undefined) extra.push(`${t.cpuTicks} CPU ticks`);
  extra.push(t.format);
  return `${parts.join(' ')} — ${extra.join(', ')}`;
}

function frameLines(t: Thread, maxFrames: number): string {
  const lines = t.frames.slice(0, maxFrames).map((f) => {
    let s = f.fn;
    if (f.offset !== undefined) s += `+${f.offset}`;
    if (f.size !== undefined) s += `/${f.size}`;
    if (f.module !== undefined) s += ` [${f.module}]`;
    if (f.file !== undefined) s += ` (${f.file}${f.line !== undefined ? `:${f.line}` : ''})`;
    return s;
  });
  if (t.frames.length > maxFrames) lines.push(`... ${t.frames.length - maxFrames} more frames`);
  return lines.join('\n');
}

/** Identity of a stack for grouping the same thread seen in both samples. */
function stackKey(t: Thread): string {
  return `${t.pid ?? ''}|${t.tid ?? ''}|${t.frames.map((f) => baseName(f.fn)).join(' ')}`;
}

interface ThreadGroup {
  thread: Thread;
  samples: number[];
}

function groupThreads(threads: readonly Thread[]): ThreadGroup[] {
  const groups = new Map<string, ThreadGroup>();
  for (const t of threads) {
    const key = stackKey(t);
    const g = groups.get(key);
    if (g) {
      if (t.sample !== undefined && !g.samples.includes(t.sample)) g.samples.push(t.sample);
    } else {
      groups.set(key, { thread: t, samples: t.sample !== undefined ? [t.sample] : [] });
    }
  }
  return [...groups.values()];
}

function testRow(t: TestResult): string {
  return `| ${cell(t.name)} | ${STATUS_BADGE[t.status]} ${t.status} | ${formatDuration(t.durationMs)} | ${t.iteration} |`;
}

function testsSection(report: GateReport, maxTests: number): string[] {
  const out = ['### Tests', ''];
  if (report.tests.length === 0) {
    out.push('No test ran.');
    return out;
  }
  // Failures first so a long list never hides them.
  const rank = (t: TestResult): number => (t.status === 'pass' || t.status === 'skipped' ? 1 : 0);
  const sorted = report.tests.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i);
  out.push('| Test | Status | Duration | Iteration |', '| --- | --- | --- | --- |');
  for (const { t } of sorted.slice(0, maxTests)) out.push(testRow(t));
  if (report.tests.length > maxTests) {
    const counts = new Map<string, number>();
    for (const { t } of sorted.slice(maxTests)) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
    const summary = [...counts.entries()].map(([s, n]) => `${n} ${s}`).join(', ');
    out.push('', `_${report.tests.length - maxTests} more tests not listed (${summary}); see the JUnit XML._`);
  }
  const messages = report.tests.filter((t) => t.status !== 'pass' && t.status !== 'skipped' && t.message);
  for (const t of messages.slice(0, 10)) {
    out.push('', `**${inline(t.name)}** (iteration ${t.iteration}): ${inline(t.message ?? '')}`);
  }
  return out;
}

function stacksSection(report: GateReport, opts: Required<Pick<SummaryOptions, 'maxThreads' | 'maxFrames'>> & { file: string; url?: string }): string[] {
  const blocked = blockedThreads(report.threads);
  if (report.verdict !== 'hang' && blocked.length === 0) return [];
  const out = ['### Blocked threads', ''];
  if (blocked.length === 0) {
    out.push(
      report.threads.length === 0
        ? 'No kernel stacks were captured.'
        : `None of the ${report.threads.length} captured threads is blocked in the kernel; all stacks are in ${fileRef(opts)}.`,
    );
    return out;
  }
  const hung = pickHungThread(blocked);
  const groups = groupThreads(hung ? [hung, ...blocked.filter((t) => t !== hung)] : blocked);
  const shown = groups.slice(0, opts.maxThreads);
  out.push(`${groups.length} blocked thread${groups.length === 1 ? '' : 's'} of ${report.threads.length} captured.`);
  for (const g of shown) {
    const title = hangTitle(g.thread);
    const seen = g.samples.length > 1 ? ` (same stack in samples ${g.samples.join(' and ')})` : '';
    out.push('', `**${threadLabel(g.thread)}**${seen}${title ? `<br>${code(title)}` : ''}`, '', codeBlock(frameLines(g.thread, opts.maxFrames)));
  }
  if (groups.length > shown.length) {
    const n = groups.length - shown.length;
    out.push('', `_${n} more thread${n === 1 ? '' : 's'} in ${fileRef(opts)}._`);
  }
  return out;
}

function fileRef(opts: { file: string; url?: string }): string {
  return opts.url ? `[${opts.file}](${opts.url})` : code(opts.file);
}

function panicSection(report: GateReport): string[] {
  if (!report.panicText) return [];
  const lines = report.panicText.split('\n');
  const max = 60;
  const text = lines.length > max ? [...lines.slice(0, max), `... ${lines.length - max} more lines in the serial log`].join('\n') : report.panicText;
  return ['### Panic', '', codeBlock(text)];
}

function phasesSection(report: GateReport): string[] {
  if (report.phases.length === 0) return [];
  const out = ['### Phases', '', '| Phase | Duration | Outcome | Note |', '| --- | --- | --- | --- |'];
  for (const p of report.phases) {
    out.push(`| ${cell(p.phase)} | ${formatDuration(p.durationMs)} | ${p.outcome === 'ok' ? 'ok' : `**${p.outcome}**`} | ${cell(p.note ?? '')} |`);
  }
  return out;
}

function environmentSection(report: GateReport): string[] {
  const out = ['### Environment', ''];
  out.push(`- **Guest:** ${report.guest}`);
  if (report.accelerator) {
    out.push(`- **Accelerator:** ${report.accelerator}${report.acceleratorNote ? ` (${inline(report.acceleratorNote)})` : ''}`);
  }
  if (report.image) {
    const img = report.image;
    const parts = [inline(img.description)];
    if (img.url) parts.push(`<${img.url}>`);
    if (img.sha512) parts.push(`SHA-512 ${code(img.sha512.slice(0, 16))}…`);
    if (img.why) parts.push(`(${inline(img.why)})`);
    out.push(`- **Image:** ${parts.join(' ')}`);
  }
  if (report.build) {
    const b = report.build;
    out.push(`- **Build:** ${code(b.mode)} ${b.ok ? 'ok' : '**failed**'} (${inline(b.why)})`);
    if (!b.ok && b.tail) out.push('', codeBlock(b.tail.split('\n').slice(-30).join('\n')), '');
  }
  if (report.proof) {
    out.push(`- **Code under test ran:** ${report.proof.ok ? '✅ proven' : '❌ not proven'}`);
    for (const d of report.proof.details) out.push(`  - ${inline(d)}`);
  }
  out.push(`- **Boot attempts:** ${report.bootAttempts}`);
  if (report.stoppedAtIteration !== undefined) out.push(`- **Stopped at iteration:** ${report.stoppedAtIteration}`);
  if (report.startedAt || report.finishedAt) out.push(`- **Run:** ${inline(report.startedAt)} → ${inline(report.finishedAt)}`);
  return out;
}

function filesSection(report: GateReport): string[] {
  const entries = Object.entries(report.files).filter(([, v]) => typeof v === 'string' && v !== '');
  if (entries.length === 0) return [];
  return ['### Files', '', ...entries.map(([k, v]) => `- ${k}: ${code(v as string)}`)];
}

/** The job summary markdown for a report. */
export function renderSummary(report: GateReport, options: SummaryOptions = {}): string {
  const file = options.stacksFile ?? (report.files.stacks ? report.files.stacks.split(/[\\/]/).pop() : undefined) ?? 'stacks.txt';
  const stackOpts = {
    maxThreads: options.maxThreads ?? 8,
    maxFrames: options.maxFrames ?? 40,
    file,
    ...(options.stacksUrl !== undefined ? { url: options.stacksUrl } : {}),
  };
  const out: string[] = [];
  out.push(`## ${VERDICT_BADGE[report.verdict]} fusefs-gate: ${report.verdict.toUpperCase()}`, '');
  out.push(`**Verdict:** ${code(report.verdict)} — ${inline(report.reason)}`);
  if (report.verdict === 'error') out.push('', '_Infrastructure error: the gate could not decide. This is not a result about the tree under test._');
  if (report.signature) out.push('', `**Signature:** ${code(report.signature)}`);
  if (report.knownBug) {
    out.push('', `**Known bug:** [${inline(report.knownBug.title)}](${report.knownBug.url}) (${code(report.knownBug.id)})`);
  }
  const sections = [
    testsSection(report, options.maxTests ?? 50),
    stacksSection(report, stackOpts),
    panicSection(report),
    phasesSection(report),
    environmentSection(report),
    filesSection(report),
  ];
  for (const s of sections) if (s.length > 0) out.push('', ...s);
  return `${out.join('\n')}\n`;
}
