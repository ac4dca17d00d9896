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
  if (expected.frames) expect(t.frames.slice(0, expected.frames.length).map((f) => f.fn)).toEqual(expected.frames);
  // Offsets are parsed, never part of the name.
  for (const f of t.frames) expect(f.fn).not.toMatch(/\+0x/);
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('stack fixtures', () => {
  it('every fixture has its expected result, and the folder is not empty', () => {
    expect(cases.length).toBeGreaterThanOrEqual(13);
    for (const f of cases) expect(existsSync(path.join(DIR, f.replace(/\.txt$/, '.expected.json'))), f).toBe(true);
  });

  it('synthesized fixtures say so in their names', () => {
    const real = cases.filter((f) => !f.endsWith('.transcript.txt'));
    expect(real).toEqual(['freebsd-procstat-247276-bugzilla.txt']);
  });

  for (const file of cases) {
    it(file, () => {
      const text = readFileSync(path.join(DIR, file), 'utf8');
      const exp = JSON.parse(readFileSync(path.join(DIR, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected;
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
      // Deterministic: the same text gives the same result.
      expect(analyzeStacks(text)).toEqual(a);
    });
  }
});
