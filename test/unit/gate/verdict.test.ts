import { describe, expect, it } from 'vitest';
import { exitCodeFor, verdictOfTests, worstOf } from '../../../src/gate/verdict.js';
import { mergeGtest } from '../../../src/gate/run.js';
import type { TestResult } from '../../../src/report/model.js';

const test = (status: TestResult['status']): TestResult => ({
  name: `t-${status}`,
  status,
  durationMs: 1,
  iteration: 1,
});

describe('verdicts', () => {
  it('orders panic > hang > fail > error > pass', () => {
    expect(worstOf(['pass', 'fail', 'hang'])).toBe('hang');
    expect(worstOf(['hang', 'panic'])).toBe('panic');
    expect(worstOf(['error', 'fail'])).toBe('fail');
    expect(worstOf(['pass', 'error'])).toBe('error');
    expect(worstOf(['pass', 'pass'])).toBe('pass');
  });

  it('never calls a run where nothing ran a pass', () => {
    expect(verdictOfTests([])).toBeUndefined();
    expect(verdictOfTests([test('skipped')])).toBeUndefined();
  });

  it('maps verdicts to exit codes, honouring fail-on', () => {
    const all = ['fail', 'hang', 'panic', 'error'] as const;
    expect([
      exitCodeFor('pass', all),
      exitCodeFor('fail', all),
      exitCodeFor('hang', all),
      exitCodeFor('panic', all),
      exitCodeFor('error', all),
    ]).toEqual([0, 1, 2, 3, 125]);
    expect(exitCodeFor('fail', ['hang', 'panic'])).toBe(0);
    expect(exitCodeFor('hang', ['hang', 'panic'])).toBe(2);
    // `error` is never a pass through fail-on; only allow-error lets it through.
    expect(exitCodeFor('error', ['hang', 'panic'])).toBe(125);
    expect(exitCodeFor('error', ['hang', 'panic'], true)).toBe(0);
    expect(exitCodeFor('hang', ['hang', 'panic'], true)).toBe(2);
  });
});

describe('mergeGtest', () => {
  const run = (status: TestResult['status'], message?: string): TestResult => ({
    name: 'gtest/write',
    status,
    durationMs: 9000,
    iteration: 1,
    ...(message ? { message } : {}),
  });
  const cases: TestResult[] = [
    { name: 'gtest/Write.mmap', status: 'pass', durationMs: 10, iteration: 1 },
    {
      name: 'gtest/WriteBack.mmap_direct_io',
      status: 'hang',
      durationMs: 0,
      iteration: 1,
      message: 'started and never finished',
    },
  ];

  it('names the hung case after the unfinished one when the program hung', () => {
    const merged = mergeGtest(run('hang', 'did not finish within 60 s'), cases);
    expect(merged.map((t) => [t.name, t.status])).toEqual([
      ['gtest/Write.mmap', 'pass'],
      ['gtest/WriteBack.mmap_direct_io', 'hang'],
    ]);
  });

  it('calls an unfinished case a failure when the program exited (a crash, not a hang)', () => {
    const merged = mergeGtest(run('fail', 'exited with status 139'), cases);
    expect(merged[1]).toMatchObject({ name: 'gtest/WriteBack.mmap_direct_io', status: 'fail' });
    expect(merged[1]!.message).toMatch(/status 139/);
  });

  it('keeps the per-case results of a program that finished', () => {
    expect(mergeGtest(run('pass'), [cases[0]!])).toEqual([cases[0]]);
  });
});
