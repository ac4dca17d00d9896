// The JUnit XML (src/report/junit.ts) beyond the hang snapshot: the failure message and body of each
// status, the bounds, the phase an error is filed under, and the characters XML 1.0 allows
// (https://www.w3.org/TR/xml/#charsets). Expected values are written out by hand.
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText, failedPhase, renderJunit } from '../../../src/report/junit.js';
import type { GateReport, TestResult, Thread } from '../../../src/report/model.js';
import { hangReport } from './sample-reports.js';

function base(tests: TestResult[], over: Partial<GateReport> = {}): GateReport {
  return { ...hangReport(), signature: undefined, knownBug: undefined, tests, ...over };
}
const KNOWN = { id: 'freebsd-247276', title: 'the bug', url: 'https://bugs.freebsd.org/x' };
const stuckThread: Thread = {
  pid: 812,
  tid: 100_140,
  comm: 'mmap-write',
  state: 'D',
  wchan: 'vmopar',
  format: 'freebsd-procstat',
  frames: [
    { fn: 'mi_switch', offset: '0x171' },
    { fn: 'sleepq_wait', offset: '0x2c' },
    { fn: '_sleep' },
    { fn: 'vm_page_busy_sleep', offset: '0x94', size: '0x200', module: 'kernel' },
    { fn: 'vm_object_page_remove' },
    { fn: 'fuse_vnop_write' },
  ],
};

describe('the failure of each status', () => {
  it('a hang names the signature of its own threads, else the report’s, else its message, else "hang"', () => {
    const withThreads = renderJunit(
      base(
        [
          {
            name: 'w/a',
            status: 'hang',
            durationMs: 1,
            iteration: 1,
            message: 'stuck',
            threads: [stuckThread],
          },
        ],
        {
          signature: 'hang in something else',
        },
      ),
    );
    expect(withThreads).toContain(
      '<failure message="hang: hang in vm_page_busy_sleep from fuse_vnop_write" type="hang">',
    );
    expect(withThreads).toContain('signature: hang in vm_page_busy_sleep from fuse_vnop_write');
    expect(withThreads).toContain(
      'pid 812 tid 100140 mmap-write state D wchan vmopar\n  mi_switch+0x171\n  sleepq_wait+0x2c\n  _sleep\n  vm_page_busy_sleep+0x94/0x200 [kernel]\n',
    );
    const fromReport = renderJunit(
      base([{ name: 'w/a', status: 'hang', durationMs: 1, iteration: 1 }], { signature: 'hang in x' }),
    );
    expect(fromReport).toContain(
      '<failure message="hang: hang in x" type="hang">signature: hang in x</failure>',
    );
    expect(
      renderJunit(base([{ name: 'w/a', status: 'hang', durationMs: 1, iteration: 1, message: 'no exit' }])),
    ).toContain('<failure message="no exit" type="hang">no exit</failure>');
    expect(renderJunit(base([{ name: 'w/a', status: 'hang', durationMs: 1, iteration: 1 }]))).toContain(
      '<failure message="hang" type="hang"></failure>',
    );
  });

  it('a panic names the signature, else its message, else "kernel panic", and carries the panic text', () => {
    const r = base([{ name: 'w/a', status: 'panic', durationMs: 1, iteration: 1 }], {
      signature: 'panic: page fault',
      panicText: 'panic: page fault\ncpuid = 0',
      knownBug: KNOWN,
    });
    expect(renderJunit(r)).toContain(
      '<failure message="panic: page fault" type="panic">signature: panic: page fault\n\nknown bug: the bug https://bugs.freebsd.org/x\n\npanic: page fault\ncpuid = 0</failure>',
    );
    expect(
      renderJunit(base([{ name: 'w/a', status: 'panic', durationMs: 1, iteration: 1, message: 'died' }])),
    ).toContain('<failure message="died" type="panic">died</failure>');
    expect(renderJunit(base([{ name: 'w/a', status: 'panic', durationMs: 1, iteration: 1 }]))).toContain(
      '<failure message="kernel panic" type="panic"></failure>',
    );
  });

  it('a failed test carries its message and output, never the signature, known bug or panic text', () => {
    const r = base(
      [
        {
          name: 'w/a',
          status: 'fail',
          durationMs: 1,
          iteration: 1,
          message: 'exit 1',
          output: 'short write',
        },
      ],
      {
        signature: 'panic: x',
        knownBug: KNOWN,
        panicText: 'panic: x',
      },
    );
    expect(renderJunit(r)).toContain(
      '<failure message="exit 1" type="fail">exit 1\n\n--- output ---\nshort write</failure>',
    );
    expect(renderJunit(base([{ name: 'w/a', status: 'fail', durationMs: 1, iteration: 1 }]))).toContain(
      '<failure message="fail" type="fail"></failure>',
    );
  });

  it('a skipped test keeps its reason, an error its message', () => {
    const xml = renderJunit(
      base([
        { name: 'w/a', status: 'skipped', durationMs: 0, iteration: 1, message: 'not run after a hang' },
        { name: 'w/b', status: 'error', durationMs: 0, iteration: 1 },
      ]),
    );
    expect(xml).toContain('<skipped message="not run after a hang"/>');
    expect(xml).toContain('<error message="error" type="error"></error>');
  });

  it('cuts a failure body at 64 KiB', () => {
    const output = 'x'.repeat(70_000);
    const xml = renderJunit(base([{ name: 'w/a', status: 'fail', durationMs: 1, iteration: 1, output }]));
    const body = /<failure[^>]*>([^<]*)<\/failure>/.exec(xml)?.[1] ?? '';
    expect(body.endsWith('\n... (truncated)')).toBe(true);
    expect(body).toHaveLength(64 * 1024 + '\n... (truncated)'.length);
    const exact = renderJunit(
      base([{ name: 'w/a', status: 'fail', durationMs: 1, iteration: 1, message: 'y'.repeat(64 * 1024) }]),
    );
    expect(exact).not.toContain('(truncated)');
  });
});

describe('names, times and the suite', () => {
  it('a name without a folder, or starting with one, is a case of the fusefs-gate class', () => {
    const xml = renderJunit(base([{ name: '/odd', status: 'pass', durationMs: 1, iteration: 1 }]));
    expect(xml).toContain('<testcase name="/odd" classname="fusefs-gate" time="0.001"/>');
  });

  it('an unknown or negative duration is 0 s', () => {
    const xml = renderJunit(
      base([
        { name: 'w/a', status: 'pass', durationMs: Number.NaN, iteration: 1 },
        { name: 'w/b', status: 'pass', durationMs: -5, iteration: 1 },
      ]),
    );
    expect(xml).toContain('<testcase name="a" classname="w" time="0.000"/>');
    expect(xml).toContain('<testcase name="b" classname="w" time="0.000"/>');
  });

  it('has no timestamp when the start time is not an ISO time, and lists only the properties it knows', () => {
    const xml = renderJunit(
      base([{ name: 'w/a', status: 'pass', durationMs: 1, iteration: 1 }], {
        startedAt: 'soon',
        accelerator: undefined,
      }),
    );
    expect(xml).toContain(
      '<testsuite name="fusefs-gate" tests="1" failures="0" errors="0" skipped="0" time="0.001">',
    );
    expect(xml).not.toContain('name="accelerator"');
    expect(xml).not.toContain('name="signature"');
    expect(xml).toContain('<property name="guest" value="freebsd"/>');
  });

  it('an error no test carries is filed under the phase that went wrong, in the last test’s iteration', () => {
    const r = base(
      [
        { name: 'w/a', status: 'pass', durationMs: 1, iteration: 1 },
        { name: 'w/a', status: 'pass', durationMs: 1, iteration: 3 },
      ],
      {
        verdict: 'error',
        reason: 'guest stopped answering',
        phases: [
          { phase: 'boot', durationMs: 1_000, outcome: 'ok' },
          { phase: 'tests', durationMs: 4_000, outcome: 'timeout' },
          { phase: 'teardown', durationMs: 10, outcome: 'failed' },
        ],
      },
    );
    expect(renderJunit(r)).toContain(
      '<testcase name="tests [iteration 3]" classname="fusefs-gate" time="4.000">\n      <error message="error during tests: guest stopped answering" type="error">',
    );
    expect(failedPhase({ ...r, phases: [] })).toBe('start');
    expect(
      failedPhase({
        ...r,
        phases: [
          { phase: 'boot', durationMs: 1, outcome: 'ok' },
          { phase: 'backstop', durationMs: 1, outcome: 'failed' },
          { phase: 'collect', durationMs: 1, outcome: 'failed' },
        ],
      }),
    ).toBe('boot');
    expect(renderJunit({ ...r, tests: [] })).toContain(
      '<testcase name="tests" classname="fusefs-gate" time="4.000">',
    );
  });
});

describe('characters XML 1.0 cannot hold are written as visible text', () => {
  it('keeps tab, newline, carriage return and the allowed ranges; replaces the rest', () => {
    expect(escapeText('a\tb\nc\rd')).toBe('a\tb\nc\rd');
    expect(escapeText('\u0008\u000b\u001f \u0020')).toBe('\\x{8}\\x{b}\\x{1f}  ');
    expect(escapeText('\uD7FF\uE000\uFFFD')).toBe('\uD7FF\uE000\uFFFD');
    expect(escapeText('\uDFFF\uFFFE')).toBe('\\x{dfff}\\x{fffe}');
    expect(escapeText('\u{10000}\u{10FFFF}')).toBe('\u{10000}\u{10FFFF}');
    expect(escapeAttr('a\rb')).toBe('a&#13;b');
  });
});
