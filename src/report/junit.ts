// JUnit XML for the run: one <testsuite>, one <testcase> per TestResult, in the common
// (Jenkins / junit-10) dialect that GitHub test reporters read.

import type { GateReport, TestResult, Thread } from './model.js';
import { signatureOf } from './signature.js';

/**
 * Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets): #x9 #xA #xD [#x20-#xD7FF]
 * [#xE000-#xFFFD] [#x10000-#x10FFFF]. Everything else (NUL, ESC from colored output, lone
 * surrogates, U+FFFE/U+FFFF) cannot appear even escaped, so it is written as visible text.
 */
function replaceIllegal(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    const legal =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      (c >= 0x10000 && c <= 0x10ffff);
    out += legal ? ch : `\\x{${c.toString(16)}}`;
  }
  return out;
}

/** Escape element text. */
export function escapeText(text: string): string {
  return replaceIllegal(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape an attribute value (double-quoted); newlines and tabs kept as character references. */
export function escapeAttr(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function seconds(ms: number): string {
  return (Math.max(0, Number.isFinite(ms) ? ms : 0) / 1000).toFixed(3);
}

/** `workload/mmap-write` -> class `workload`, name `mmap-write`. */
function splitName(name: string): { classname: string; name: string } {
  const slash = name.indexOf('/');
  if (slash <= 0) return { classname: 'fusefs-gate', name };
  return { classname: name.slice(0, slash), name: name.slice(slash + 1) };
}

function formatStack(t: Thread): string {
  const head = [
    t.pid !== undefined ? `pid ${t.pid}` : '',
    t.tid !== undefined ? `tid ${t.tid}` : '',
    t.comm,
    t.state ? `state ${t.state}` : '',
    t.wchan ? `wchan ${t.wchan}` : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  const frames = t.frames.map(
    (f) =>
      `  ${f.fn}${f.offset !== undefined ? `+${f.offset}` : ''}${f.size !== undefined ? `/${f.size}` : ''}${f.module ? ` [${f.module}]` : ''}`,
  );
  return [head, ...frames].join('\n');
}

const MAX_BODY = 64 * 1024;

function failureBody(t: TestResult, report: GateReport): string {
  const parts: string[] = [];
  if (t.message) parts.push(t.message);
  const sig = t.threads && t.threads.length > 0 ? signatureOf(t.threads) : report.signature;
  if ((t.status === 'hang' || t.status === 'panic') && sig) parts.push(`signature: ${sig}`);
  if ((t.status === 'hang' || t.status === 'panic') && report.knownBug)
    parts.push(`known bug: ${report.knownBug.title} ${report.knownBug.url}`);
  if (t.threads && t.threads.length > 0) parts.push(t.threads.map(formatStack).join('\n\n'));
  if (t.status === 'panic' && report.panicText) parts.push(report.panicText);
  if (t.output) parts.push(`--- output ---\n${t.output}`);
  const body = parts.join('\n\n');
  return body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}\n... (truncated)` : body;
}

function failureMessage(t: TestResult, report: GateReport): string {
  const sig = t.threads && t.threads.length > 0 ? signatureOf(t.threads) : report.signature;
  if (t.status === 'hang') return sig ? `hang: ${sig}` : (t.message ?? 'hang');
  if (t.status === 'panic') return sig ?? t.message ?? 'kernel panic';
  return t.message ?? t.status;
}

/** Phases that run after the verdict's phase was over, whatever the verdict: never the phase to name. */
const AFTERWARDS = new Set(['backstop', 'collect', 'teardown']);

/** The phase a run ended in: the first that did not finish well, else the last; phases run afterwards aside. */
export function failedPhase(report: GateReport): string {
  const phases = report.phases.filter((p) => !AFTERWARDS.has(p.phase));
  return (phases.find((p) => p.outcome !== 'ok') ?? phases.at(-1))?.phase ?? 'start';
}

/**
 * An `error` that no test carries (the gate broke before or between tests) is a case of its own,
 * named after the phase: a suite of 0 tests and 0 errors shows green on dashboards.
 */
function casesOf(report: GateReport): TestResult[] {
  if (report.verdict !== 'error' || report.tests.some((t) => t.status === 'error')) return report.tests;
  const phase = failedPhase(report);
  return [
    ...report.tests,
    {
      name: `fusefs-gate/${phase}`,
      status: 'error',
      durationMs: report.phases.find((p) => p.phase === phase)?.durationMs ?? 0,
      iteration: report.tests.at(-1)?.iteration ?? 1,
      message: `error during ${phase}: ${report.reason}`,
    },
  ];
}

/** The JUnit XML document for a report. */
export function renderJunit(report: GateReport): string {
  const tests = casesOf(report);
  const iterations = new Set(tests.map((t) => t.iteration)).size;
  const count = (pred: (t: TestResult) => boolean): number => tests.filter(pred).length;
  const failures = count((t) => t.status === 'fail' || t.status === 'hang' || t.status === 'panic');
  const errors = count((t) => t.status === 'error');
  const skipped = count((t) => t.status === 'skipped');
  const time = seconds(tests.reduce((s, t) => s + t.durationMs, 0));
  const suiteAttrs = `name="fusefs-gate" tests="${tests.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time}"`;

  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites ${suiteAttrs}>`];
  const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.exec(report.startedAt)?.[0];
  lines.push(`  <testsuite ${suiteAttrs}${timestamp ? ` timestamp="${timestamp}"` : ''}>`);
  lines.push('    <properties>');
  const props: [string, string | undefined][] = [
    ['verdict', report.verdict],
    ['reason', report.reason],
    ['guest', report.guest],
    ['accelerator', report.accelerator],
    ['signature', report.signature],
    ['known-bug', report.knownBug ? `${report.knownBug.id} ${report.knownBug.url}` : undefined],
  ];
  for (const [k, v] of props)
    if (v !== undefined) lines.push(`      <property name="${escapeAttr(k)}" value="${escapeAttr(v)}"/>`);
  lines.push('    </properties>');

  for (const t of tests) {
    const { classname, name } = splitName(t.name);
    const fullName = iterations > 1 ? `${name} [iteration ${t.iteration}]` : name;
    const open = `    <testcase name="${escapeAttr(fullName)}" classname="${escapeAttr(classname)}" time="${seconds(t.durationMs)}"`;
    switch (t.status) {
      case 'pass':
        lines.push(`${open}/>`);
        break;
      case 'skipped':
        lines.push(
          `${open}>`,
          `      <skipped${t.message ? ` message="${escapeAttr(t.message)}"` : ''}/>`,
          '    </testcase>',
        );
        break;
      case 'error':
        lines.push(
          `${open}>`,
          `      <error message="${escapeAttr(t.message ?? 'error')}" type="error">${escapeText(failureBody(t, report))}</error>`,
          '    </testcase>',
        );
        break;
      default:
        lines.push(
          `${open}>`,
          `      <failure message="${escapeAttr(failureMessage(t, report))}" type="${t.status}">${escapeText(failureBody(t, report))}</failure>`,
          '    </testcase>',
        );
    }
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
