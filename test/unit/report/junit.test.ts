import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText, renderJunit } from '../../../src/report/junit.js';
import type { GateReport } from '../../../src/report/model.js';
import { hangReport } from './sample-reports.js';

const XSD = path.join(import.meta.dirname, 'fixtures/junit-10.xsd');

/** Validate with xmllint; the test fails (never skips) when xmllint is missing. */
function validate(xml: string): { ok: boolean; output: string } {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      'xmllint is not installed: install it (Debian/Ubuntu: apt-get install -y libxml2-utils) to validate the JUnit XML',
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'fg-junit-'));
  const file = path.join(dir, 'junit.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

function nastyReport(): GateReport {
  const r = hangReport();
  r.tests = [
    { name: 'workload/ok', status: 'pass', durationMs: 1, iteration: 1 },
    {
      name: 'workload/fail "quoted" <tag> & amp',
      status: 'fail',
      durationMs: 2,
      iteration: 1,
      message: "exit 1: 'x' < y",
      output: 'color \u001b[31mred\u001b[0m, NUL \u0000, bell \u0007, tab\tend, \uFFFE, lone \uD800.',
    },
    {
      name: 'gtest/Write.error',
      status: 'error',
      durationMs: 3,
      iteration: 2,
      message: 'binary exited 0 without reporting a test',
    },
    { name: 'gtest/Write.skipped', status: 'skipped', durationMs: 0, iteration: 2 },
    { name: 'nopfx', status: 'panic', durationMs: 4, iteration: 2, message: 'guest panicked' },
  ];
  r.panicText = 'panic: page fault\ncpuid = 0\n';
  return r;
}

describe('renderJunit', () => {
  it('renders a hang report (snapshot)', async () => {
    await expect(renderJunit(hangReport())).toMatchFileSnapshot('./__snapshots__/junit-hang.xml');
  });

  it('validates against the JUnit schema, also with hostile text', () => {
    for (const xml of [renderJunit(hangReport()), renderJunit(nastyReport())]) {
      const v = validate(xml);
      expect(v.output).not.toMatch(/error/i);
      expect(v.ok).toBe(true);
    }
  });

  it('the schema check can fail: a malformed document is rejected', () => {
    const bad = renderJunit(hangReport()).replace(
      '<testsuite name="fusefs-gate" tests="3"',
      '<testsuite tests="3"',
    );
    expect(validate(bad).ok).toBe(false);
  });

  it('maps statuses to outcome elements and counts them', () => {
    const xml = renderJunit(nastyReport());
    expect(xml).toMatch(
      /<testsuite name="fusefs-gate" tests="5" failures="2" errors="1" skipped="1" time="0\.010" timestamp="2025-11-24T18:00:00">/,
    );
    expect(xml).toContain('<testcase name="ok [iteration 1]" classname="workload" time="0.001"/>');
    expect(xml).toContain('classname="gtest"');
    expect(xml).toContain('<testcase name="nopfx [iteration 2]" classname="fusefs-gate"');
    expect(xml).toMatch(/<error message="binary exited 0 without reporting a test" type="error">/);
    expect(xml).toMatch(
      /<testcase name="Write.skipped \[iteration 2\]" classname="gtest" time="0.000">\n\s*<skipped\/>/,
    );
    expect(xml).toContain('type="panic"');
    expect(xml).toContain('panic: page fault');
  });

  it('puts the hang signature and the stack in the failure', () => {
    const xml = renderJunit(hangReport());
    expect(xml).toContain(
      '<failure message="hang: hang in vm_page_busy_sleep from fuse_inval_buf_range" type="hang">',
    );
    expect(xml).toContain("known bug: fusefs: mmap'd write");
    expect(xml).toContain('  vm_page_busy_sleep+0x94');
    expect(xml).toContain(
      '<property name="known-bug" value="freebsd-247276 https://bugs.freebsd.org/bugzilla/show_bug.cgi?id=247276"/>',
    );
  });

  it('an error before any test is an error case naming the phase, not an empty green suite', () => {
    const r = hangReport();
    Object.assign(r, {
      verdict: 'error',
      reason: 'boot did not reach a shell in 60 s (2 attempts)',
      tests: [],
      threads: [],
      signature: undefined,
      knownBug: undefined,
      phases: [
        { phase: 'image', durationMs: 10, outcome: 'ok' },
        { phase: 'boot', durationMs: 60_000, outcome: 'timeout' },
        { phase: 'teardown', durationMs: 5, outcome: 'ok' },
      ],
    });
    const xml = renderJunit(r);
    expect(xml).toMatch(
      /<testsuite name="fusefs-gate" tests="1" failures="0" errors="1" skipped="0" time="60\.000"/,
    );
    expect(xml).toContain('<testcase name="boot" classname="fusefs-gate" time="60.000">');
    expect(xml).toContain(
      '<error message="error during boot: boot did not reach a shell in 60 s (2 attempts)" type="error">',
    );
    expect(validate(xml).ok).toBe(true);
  });

  it('an error after every phase went well (nothing ran) names the last phase, not the collect or teardown run afterwards', () => {
    const r = hangReport();
    Object.assign(r, {
      verdict: 'error',
      reason: 'no test ran: nothing ran is never a pass',
      tests: [],
      phases: ['image', 'boot', 'prepare', 'tests', 'collect', 'teardown'].map((phase) => ({
        phase,
        durationMs: 1,
        outcome: 'ok',
      })),
    });
    expect(renderJunit(r)).toContain('<testcase name="tests" classname="fusefs-gate"');
  });

  it('adds no case of its own when a test already carries the error', () => {
    const r = nastyReport();
    r.verdict = 'error';
    expect(renderJunit(r)).toMatch(/tests="5" failures="2" errors="1"/);
  });

  it('escapes markup and replaces characters XML cannot hold', () => {
    expect(escapeText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(escapeAttr('"q" \'a\'\nb\tc')).toBe('&quot;q&quot; &apos;a&apos;&#10;b&#9;c');
    expect(escapeText('\u001b[0m\u0000\uFFFF\uD800ok')).toBe('\\x{1b}[0m\\x{0}\\x{ffff}\\x{d800}ok');
    expect(escapeText('emoji 💥 stays')).toBe('emoji 💥 stays');
    const xml = renderJunit(nastyReport());
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    // xmllint parses it back.
    const dir = mkdtempSync(path.join(tmpdir(), 'fg-junit-'));
    writeFileSync(path.join(dir, 'x.xml'), xml);
    expect(() => execFileSync('xmllint', ['--noout', path.join(dir, 'x.xml')])).not.toThrow();
  });
});
