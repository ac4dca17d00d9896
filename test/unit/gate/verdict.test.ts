import { describe, expect, it } from 'vitest';
import { exitCodeFor, verdictOfTests, worstOf } from '../../../src/gate/verdict.js';
import type { TestResult } from '../../../src/report/model.js';

const test = (status: TestResult['status']): TestResult => ({ name: `t-${status}`, status, durationMs: 1, iteration: 1 });

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
    expect([exitCodeFor('pass', all), exitCodeFor('fail', all), exitCodeFor('hang', all), exitCodeFor('panic', all), exitCodeFor('error', all)]).toEqual([0, 1, 2, 3, 125]);
    expect(exitCodeFor('fail', ['hang', 'panic'])).toBe(0);
    expect(exitCodeFor('hang', ['hang', 'panic'])).toBe(2);
  });
});
