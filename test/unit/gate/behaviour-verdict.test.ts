// One run, one verdict (ARCHITECTURE "Rules that decide between verdicts"), from the rules, in any
// order of the inputs (issue 16): panic > hang > fail > error > pass; skipped tests decide nothing;
// `error` never passes through fail-on, only through allow-error, and then it is said.
import { describe, expect, it } from 'vitest';
import { errorLetThrough, exitCodeFor, verdictOfTests, worstOf } from '../../../src/gate/verdict.js';
import type { TestResult, Verdict } from '../../../src/report/model.js';

const result = (status: TestResult['status'], name = `t-${status}`): TestResult => ({
  name,
  status,
  durationMs: 1,
  iteration: 1,
});

describe('the worst verdict', () => {
  it('wins wherever it stands in the list', () => {
    const order: Verdict[] = ['pass', 'error', 'fail', 'hang', 'panic'];
    for (let worst = 0; worst < order.length; worst++) {
      const lesser = order.slice(0, worst);
      expect(worstOf([order[worst]!, ...lesser])).toBe(order[worst]);
      expect(worstOf([...lesser, order[worst]!, ...lesser])).toBe(order[worst]);
    }
    expect(worstOf(['panic', 'pass', 'pass'])).toBe('panic');
    expect(worstOf(['hang', 'fail', 'error', 'pass'])).toBe('hang');
  });

  it('is nothing for no verdicts', () => {
    expect(worstOf([])).toBeUndefined();
  });
});

describe('the tests’ verdict', () => {
  it('is the worst of the tests that ran; skipped ones neither pass nor fail', () => {
    expect(verdictOfTests([result('fail'), result('pass')])).toBe('fail');
    expect(verdictOfTests([result('skipped'), result('pass')])).toBe('pass');
    expect(verdictOfTests([result('hang'), result('skipped'), result('pass')])).toBe('hang');
    expect(verdictOfTests([result('pass'), result('error')])).toBe('error');
  });

  it('is undefined, never pass, when nothing ran', () => {
    expect(verdictOfTests([])).toBeUndefined();
    expect(verdictOfTests([result('skipped'), result('skipped')])).toBeUndefined();
  });
});

describe('exit codes', () => {
  it('fail a verdict that fail-on names, with its own code, and pass one it does not', () => {
    expect(exitCodeFor('panic', ['panic'])).toBe(3);
    expect(exitCodeFor('panic', ['fail', 'hang'])).toBe(0);
    expect(exitCodeFor('fail', ['fail'])).toBe(1);
    expect(exitCodeFor('pass', ['fail', 'hang', 'panic', 'error'])).toBe(0);
  });

  it('never let `error` through fail-on, even an empty one; allow-error lets it through and only it', () => {
    expect(exitCodeFor('error', [])).toBe(125);
    expect(exitCodeFor('error', [], true)).toBe(0);
    expect(exitCodeFor('panic', ['panic'], true)).toBe(3);
    expect(exitCodeFor('fail', ['fail'], true)).toBe(1);
  });
});

describe('errorLetThrough', () => {
  it('is true only for an `error` run that exits 0', () => {
    expect(errorLetThrough({ verdict: 'error', exitCode: 0 })).toBe(true);
    expect(errorLetThrough({ verdict: 'error', exitCode: 125 })).toBe(false);
    expect(errorLetThrough({ verdict: 'pass', exitCode: 0 })).toBe(false);
    expect(errorLetThrough({ verdict: 'hang', exitCode: 0 })).toBe(false);
  });
});
