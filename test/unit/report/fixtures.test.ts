// syzkaller-style fixture folder: every test/fixtures/stacks/NAME.txt is one case, its expected
// result in NAME.expected.json. A new real-world case is a new pair of files, not new test code.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStacks } from '../../../src/report/analyze.js';
import type { Thread } from '../../../src/report/model.js';
import { pickHungThread } from '../../../src/report/signature.js';

const DIR = path.join(import.meta.dirname, '../../fixtures/stacks');

interface ExpectedThread {
  pid?: number;
  tid?: number;
  comm?: string;
  tdname?: string;
  state?: string;
  wchan?: string;
  cpuTicks?: number;
  sample?: number;
  frameCount?: number;
  /** The first frames' function names, innermost first. */
  frames?: string[];
}

interface Expected {
  about: string;
  /** Where a real text comes from (URL, or repository, path and commit); transcripts have none. */
  source?: string;
  threads: number;
  blocked: number;
  formats: string[];
  signature: string | null;
  knownBug: string | null;
  panic: string | null;
  hung: ExpectedThread | null;
  panicThread?: ExpectedThread;
  threadsDetail?: ExpectedThread[];
}

function checkThread(actual: Thread | undefined, expected: ExpectedThread): void {
  expect(actual).toBeDefined();
  const t = actual as Thread;
  for (const key of ['pid', 'tid', 'comm', 'tdname', 'state', 'wchan', 'cpuTicks', 'sample'] as const) {
    if (expected[key] !== undefined) expect(t[key], key).toBe(expected[key]);
  }
  if (expected.frameCount !== undefined) expect(t.frames).toHaveLength(expected.frameCount);
  if (expected.frames)
    expect(t.frames.slice(0, expected.frames.length).map((f) => f.fn)).toEqual(expected.frames);
  // Offsets are parsed, never part of the name.
  for (const f of t.frames) expect(f.fn).not.toMatch(/\+0x/);
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('stack fixtures', () => {
  it('every fixture has its expected result, and the folder is not empty', () => {
    expect(cases.length).toBeGreaterThanOrEqual(13);
    for (const f of cases)
      expect(existsSync(path.join(DIR, f.replace(/\.txt$/, '.expected.json'))), f).toBe(true);
  });

  it('synthesized fixtures say so in their names; every real text names its source', () => {
    const real = cases.filter((f) => !f.endsWith('.transcript.txt'));
    expect(real.length).toBeGreaterThanOrEqual(61);
    for (const f of real.filter((r) => r !== 'freebsd-procstat-247276-bugzilla.txt')) {
      const exp = JSON.parse(
        readFileSync(path.join(DIR, f.replace(/\.txt$/, '.expected.json')), 'utf8'),
      ) as Expected;
      // A few old pages are served over http only (a FAQ mirror of a 1998 mail).
      expect(exp.source, f).toMatch(/^(?:https?:\/\/|[\w.-]+\/[\w.-]+ \S+ @ [0-9a-f]{40}$)/);
    }
  });

  // The same kernel output as a serial console, a terminal, syslog or Windows tooling delivers it.
  const variants: Record<string, (text: string) => string> = {
    'CRLF line ends': (t) => t.replace(/\n/g, '\r\n'),
    'ANSI colour codes': (t) =>
      t
        .split('\n')
        .map((l) => (l === '' ? l : `\x1b[1;31m${l}\x1b[0m`))
        .join('\n'),
    'syslog prefixes': (t) =>
      t
        .split('\n')
        .map((l) => (l === '' ? l : `Dec  1 12:00:00 buildhost kernel: ${l}`))
        .join('\n'),
    'dmesg -T prefixes': (t) =>
      t
        .split('\n')
        .map((l) => (l === '' ? l : `[Tue Dec  1 12:00:00 2026] ${l}`))
        .join('\n'),
    'GitHub Actions log time stamps': (t) =>
      t
        .split('\n')
        .map((l) => (l === '' ? l : `2026-12-01T12:00:00.1234567Z ${l}`))
        .join('\n'),
  };
  const realCases = cases.filter((f) => !f.endsWith('.transcript.txt') && !f.startsWith('freebsd-procstat'));
  for (const [variant, change] of Object.entries(variants)) {
    it(`reads every real text the same with ${variant}`, () => {
      for (const file of realCases) {
        const text = readFileSync(path.join(DIR, file), 'utf8');
        const plain = analyzeStacks(text);
        const changed = analyzeStacks(change(text));
        expect(changed.signature, `${file} (${variant})`).toBe(plain.signature);
        expect(
          changed.threads.map((t) => t.frames.map((f) => f.fn)),
          `${file} (${variant})`,
        ).toEqual(plain.threads.map((t) => t.frames.map((f) => f.fn)));
      }
    });
  }

  for (const file of cases) {
    it(file, () => {
      const text = readFileSync(path.join(DIR, file), 'utf8');
      const exp = JSON.parse(
        readFileSync(path.join(DIR, file.replace(/\.txt$/, '.expected.json')), 'utf8'),
      ) as Expected;
      const a = analyzeStacks(text);
      expect(a.threads).toHaveLength(exp.threads);
      expect(a.blocked).toHaveLength(exp.blocked);
      expect([...new Set(a.threads.map((t) => t.format))].sort()).toEqual([...exp.formats].sort());
      expect(a.signature ?? null).toBe(exp.signature);
      expect(a.knownBug?.id ?? null).toBe(exp.knownBug);
      expect(a.panic?.message ?? null).toBe(exp.panic);
      const hung = pickHungThread(a.threads);
      if (exp.hung === null) expect(hung).toBeUndefined();
      else checkThread(hung, exp.hung);
      if (exp.panicThread) checkThread(a.panic?.threads[0], exp.panicThread);
      if (exp.threadsDetail) for (const [i, t] of exp.threadsDetail.entries()) checkThread(a.threads[i], t);
    });
  }
});
