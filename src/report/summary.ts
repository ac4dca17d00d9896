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
  /** Tests listed in each table (default 50). */
  maxTests?: number;
  /** The version under test as the user asked for it (default: the image's description). */
  version?: string;
  /** The uploaded evidence, named in the heading and linked from the evidence list. */
  artifact?: { name: string; url?: string };
  /** An undecided run that `allow-error` let through: the summary says so. */
  errorAllowed?: boolean;
  /** A section shown right below the verdict (the bisection's). */
  afterVerdict?: string[];
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
/** Lines of the user's server's output in the summary; report.json and fuse-server.log have more. */
const MAX_SERVER_LOG_LINES = 20;

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
export function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/** Text safe on one markdown line. */
export function inline(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .trim();
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const t = text.replace(/[\r\n]+/g, ' ');
  const runs = t.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** Link errors listed under the build; the rest are in report.json. */
const MAX_LINK_ERRORS = 10;

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
  // FreeBSD's counter is ps's TIME in hundredths of a second plus the context switches
  // (report/parsers/freebsd-procstat.ts).
  if (t.cpuTicks !== undefined)
    extra.push(
      t.format === 'freebsd-procstat'
        ? `progress ${t.cpuTicks} (CPU 1/100 s + context switches)`
        : `${t.cpuTicks} CPU ticks`,
    );
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

/** Identity of a stack: its frames, whatever thread or process is in it. */
function stackKey(t: Thread): string {
  return t.frames.map((f) => baseName(f.fn)).join(' ');
}

/** The threads that share one stack (the same thread seen in both samples counts once). */
interface StackGroup {
  thread: Thread;
  threads: Thread[];
  /** Distinct pid/tid pairs in the group. */
  count: number;
  samples: number[];
}

export function groupStacks(threads: readonly Thread[]): StackGroup[] {
  const groups = new Map<string, StackGroup & { ids: Set<string> }>();
  for (const t of threads) {
    const key = stackKey(t);
    let g = groups.get(key);
    if (!g) {
      g = { thread: t, threads: [], count: 0, samples: [], ids: new Set() };
      groups.set(key, g);
    }
    const id =
      t.pid === undefined && t.tid === undefined ? `#${g.threads.length}` : `${t.pid ?? ''}/${t.tid ?? ''}`;
    if (!g.ids.has(id)) {
      g.ids.add(id);
      g.threads.push(t);
      g.count++;
    }
    if (t.sample !== undefined && !g.samples.includes(t.sample)) g.samples.push(t.sample);
  }
  return [...groups.values()].map(({ ids: _ids, ...g }) => g);
}

/** `pid 2000, 2001, 2002 and 197 more`. */
function pidList(threads: readonly Thread[], max = 8): string {
  const pids = [...new Set(threads.map((t) => t.pid).filter((p): p is number => p !== undefined))];
  if (pids.length === 0) return '';
  const shown = pids.slice(0, max).join(', ');
  return `pid ${shown}${pids.length > max ? ` and ${pids.length - max} more` : ''}`;
}

function details(summary: string, body: string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>'];
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
  const header = ['| Test | Status | Duration | Iteration |', '| --- | --- | --- | --- |'];
  const quiet = (t: TestResult): boolean => t.status === 'pass' || t.status === 'skipped';
  const loud = report.tests.filter((t) => !quiet(t));
  const passed = report.tests.filter(quiet);
  // What went wrong stays open; the passing and skipped tests fold away so a long list never hides it.
  if (loud.length > 0) {
    out.push(...header, ...loud.slice(0, maxTests).map(testRow));
    if (loud.length > maxTests)
      out.push('', `_${loud.length - maxTests} more tests not listed; see the JUnit XML._`);
  }
  if (passed.length > 0) {
    const counts = new Map<string, number>();
    for (const t of passed) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
    const label = [...counts.entries()].map(([st, n]) => `${n} ${st === 'pass' ? 'passed' : st}`).join(', ');
    const rows = passed.slice(0, maxTests).map(testRow);
    if (passed.length > maxTests)
      rows.push('', `_${passed.length - maxTests} more not listed; see the JUnit XML._`);
    if (loud.length === 0) out.push(`All ${report.tests.length} test(s): ${label}.`, '');
    out.push(...(loud.length > 0 ? [''] : []), ...details(label, [...header, ...rows]));
  }
  const messages = loud.filter((t) => t.message);
  for (const t of messages.slice(0, 10)) {
    out.push('', `**${inline(t.name)}** (iteration ${t.iteration}): ${inline(t.message ?? '')}`);
  }
  return out;
}

function stacksSection(
  report: GateReport,
  opts: Required<Pick<SummaryOptions, 'maxThreads' | 'maxFrames'>> & { file: string; url?: string },
): string[] {
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
  const groups = groupStacks(hung ? [hung, ...blocked.filter((t) => t !== hung)] : blocked);
  const threadCount = groups.reduce((n, g) => n + g.count, 0);
  const distinct = groups.length === 1 ? 'one stack' : `${groups.length} distinct stacks`;
  out.push(
    `${threadCount} blocked thread${threadCount === 1 ? '' : 's'} of ${report.threads.length} captured, in ${distinct}.`,
  );
  const shown = groups.slice(0, opts.maxThreads);
  const [first, ...others] = shown.map((g) => stackBlock(g, opts.maxFrames));
  // The hung thread's stack stays open; the others fold away.
  out.push('', ...first!);
  if (others.length > 0)
    out.push(
      '',
      ...details(
        `${others.length} more distinct stack${others.length === 1 ? '' : 's'}`,
        others.flatMap((b) => ['', ...b]),
      ),
    );
  if (groups.length > shown.length) {
    const n = groups.length - shown.length;
    out.push('', `_${n} more distinct stack${n === 1 ? '' : 's'} in ${fileRef(opts)}._`);
  }
  return out;
}

function stackBlock(g: StackGroup, maxFrames: number): string[] {
  const title = hangTitle(g.thread);
  const seen = g.samples.length > 1 ? ` (same stack in samples ${g.samples.join(' and ')})` : '';
  const pids = pidList(g.threads);
  const shared = g.count > 1 ? `<br>**${g.count} threads share this stack**${pids ? ` (${pids})` : ''}` : '';
  return [
    `**${threadLabel(g.thread)}**${seen}${title ? `<br>${code(title)}` : ''}${shared}`,
    '',
    codeBlock(frameLines(g.thread, maxFrames)),
  ];
}

function fileRef(opts: { file: string; url?: string }): string {
  return opts.url ? `[${opts.file}](${opts.url})` : code(opts.file);
}

function panicSection(report: GateReport): string[] {
  if (!report.panicText) return [];
  const lines = report.panicText.split('\n');
  const max = 60;
  const text =
    lines.length > max
      ? [...lines.slice(0, max), `... ${lines.length - max} more lines in the serial log`].join('\n')
      : report.panicText;
  return ['### Panic', '', codeBlock(text)];
}

/**
 * The user's own server (--fuse-server): what ran, what the mount table said, and the end of what it
 * printed, so a server that did not mount, or went away, says why in the summary itself.
 */
function fuseServerSection(report: GateReport): string[] {
  const server = report.fuseServer;
  if (!server) return [];
  const out = ['### FUSE server', '', 'Command line:', '', codeBlock(server.command), ''];
  out.push(
    server.mountTable
      ? `Mount table: ${code(server.mountTable)}`
      : 'Mount table: no line for the mount point when the mount ended',
  );
  const log = server.logTail.split('\n').slice(-MAX_SERVER_LOG_LINES).join('\n');
  out.push('', log.trim() ? `Its output (the end of ${code('fuse-server.log')}):` : 'It printed nothing.');
  if (log.trim()) out.push('', codeBlock(log));
  return out;
}

function phasesSection(report: GateReport): string[] {
  if (report.phases.length === 0) return [];
  const out = ['### Phases', '', '| Phase | Duration | Outcome | Note |', '| --- | --- | --- | --- |'];
  for (const p of report.phases) {
    out.push(
      `| ${cell(p.phase)} | ${formatDuration(p.durationMs)} | ${p.outcome === 'ok' ? 'ok' : `**${p.outcome}**`} | ${cell(p.note ?? '')} |`,
    );
  }
  return out;
}

function environmentSection(report: GateReport): string[] {
  const out = ['### Environment', ''];
  out.push(`- **Guest:** ${report.guest}`);
  if (report.accelerator) {
    out.push(
      `- **Accelerator:** ${report.accelerator}${report.acceleratorNote ? ` (${inline(report.acceleratorNote)})` : ''}`,
    );
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
    // Link errors may name no file, so the annotations alone would not place them: list them here.
    const links = b.ok ? [] : (b.linkErrors ?? []);
    for (const e of links.slice(0, MAX_LINK_ERRORS)) {
      const at = e.file !== undefined && e.line !== undefined ? ` (${code(`${e.file}:${e.line}`)})` : '';
      out.push(`  - link error: ${inline(e.message)}${at}`);
    }
    if (links.length > MAX_LINK_ERRORS)
      out.push(`  - ... ${links.length - MAX_LINK_ERRORS} more in report.json`);
    if (!b.ok && b.tail) out.push('', codeBlock(b.tail.split('\n').slice(-30).join('\n')), '');
  }
  if (report.proof) {
    out.push(`- **Code under test ran:** ${report.proof.ok ? '✅ proven' : '❌ not proven'}`);
    for (const d of report.proof.details) out.push(`  - ${inline(d)}`);
  }
  out.push(`- **Boot attempts:** ${report.bootAttempts}`);
  if (report.stoppedAtIteration !== undefined)
    out.push(`- **Stopped at iteration:** ${report.stoppedAtIteration}`);
  if (report.startedAt || report.finishedAt)
    out.push(`- **Run:** ${inline(report.startedAt)} → ${inline(report.finishedAt)}`);
  return out;
}

/** The evidence by file name, linked to the artifact when there is one (runner paths mean nothing to a reader). */
function filesSection(report: GateReport, artifact: SummaryOptions['artifact']): string[] {
  const names = Object.values(report.files)
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .map((v) => v.split(/[\\/]/).pop()!);
  if (names.length === 0) return [];
  const where = artifact?.url
    ? `in the artifact [${inline(artifact.name)}](${artifact.url})`
    : artifact
      ? `in the artifact ${code(artifact.name)}`
      : 'in the output folder';
  return ['### Evidence', '', `${names.map(code).join(', ')} ${where}.`];
}

/** Which run this is: guest, version, artifact, so two runs in one job can be told apart. */
function runLabel(report: GateReport, options: SummaryOptions): string {
  const freebsd = options.version ? `FreeBSD ${options.version}` : (report.image?.description ?? 'FreeBSD');
  const parts = [report.guest === 'freebsd' ? inline(freebsd) : 'Linux test guest'];
  if (options.artifact)
    parts.push(
      options.artifact.url
        ? `[${inline(options.artifact.name)}](${options.artifact.url})`
        : code(options.artifact.name),
    );
  return parts.join(' · ');
}

/** The job summary markdown for a report. */
export function renderSummary(report: GateReport, options: SummaryOptions = {}): string {
  const file =
    options.stacksFile ??
    (report.files.stacks ? report.files.stacks.split(/[\\/]/).pop() : undefined) ??
    'stacks.txt';
  const stackOpts = {
    maxThreads: options.maxThreads ?? 8,
    maxFrames: options.maxFrames ?? 40,
    file,
    ...(options.stacksUrl !== undefined ? { url: options.stacksUrl } : {}),
  };
  const out: string[] = [];
  out.push(
    `## ${VERDICT_BADGE[report.verdict]} fusefs-gate: ${report.verdict.toUpperCase()} · ${runLabel(report, options)}`,
    '',
  );
  out.push(`**Verdict:** ${code(report.verdict)} — ${inline(report.reason)}`);
  if (report.verdict === 'error')
    out.push(
      '',
      '_Infrastructure error: the gate could not decide. This is not a result about the tree under test._',
    );
  if (report.verdict === 'error' && options.errorAllowed)
    out.push(
      '',
      '**Warning:** this undecided run was let through by `allow-error: true`; the job did not fail, and nothing was checked.',
    );
  if (report.signature) out.push('', `**Signature:** ${code(report.signature)}`);
  if (report.knownBug) {
    out.push(
      '',
      `**Known bug:** [${inline(report.knownBug.title)}](${report.knownBug.url}) (${code(report.knownBug.id)})`,
    );
  }
  const sections = [
    options.afterVerdict ?? [],
    testsSection(report, options.maxTests ?? 50),
    stacksSection(report, stackOpts),
    panicSection(report),
    fuseServerSection(report),
    phasesSection(report),
    environmentSection(report),
    filesSection(report, options.artifact),
  ];
  for (const s of sections) if (s.length > 0) out.push('', ...s);
  return `${out.join('\n')}\n`;
}
