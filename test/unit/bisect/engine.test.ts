import { describe, expect, it } from 'vitest';
import { bisect, defaultMaxBuilds, type StepResult } from '../../../src/bisect/engine.js';

/** A history of `count` commits whose first bad one is `firstBad`; `skips` are commits that do not build. */
function history(firstBad: number, skips: number[] = []) {
  const asked: number[] = [];
  const test = async (index: number): Promise<StepResult> => {
    asked.push(index);
    if (skips.includes(index)) return { outcome: 'skip', why: 'does not compile' };
    return index >= firstBad ? { outcome: 'bad', why: 'hang: hang in f' } : { outcome: 'good', why: 'pass' };
  };
  return { asked, test };
}

const unbounded = (count: number) => ({ maxBuilds: defaultMaxBuilds(count), timeLeft: () => true });

describe('bisect engine', () => {
  it('finds every possible first bad commit of 16 within ceil(log2 16) + 1 tests (bad end + binary search)', async () => {
    for (let firstBad = 0; firstBad < 16; firstBad++) {
      const h = history(firstBad);
      const trace = await bisect(16, h.test, unbounded(16));
      expect(trace.end, `first bad ${firstBad}`).toEqual({ kind: 'found', index: firstBad });
      expect(h.asked[0]).toBe(15);
      expect(h.asked.length).toBeLessThanOrEqual(5);
    }
  });

  it('a commit that does not compile is skipped, not blamed, and costs one more build', async () => {
    for (let firstBad = 0; firstBad < 16; firstBad++) {
      for (let skip = 0; skip < 15; skip++) {
        const h = history(firstBad, [skip]);
        const trace = await bisect(16, h.test, unbounded(16));
        // A skipped commit is never named; when it is the first bad one or just before it, the
        // range cannot be narrowed past it, and both are named as candidates (as git bisect does).
        if (skip !== firstBad && skip !== firstBad - 1)
          expect(trace.end, `first bad ${firstBad}, skip ${skip}`).toEqual({
            kind: 'found',
            index: firstBad,
          });
        else
          expect(trace.end).toMatchObject({
            kind: 'undecided',
            candidates: expect.arrayContaining([skip, firstBad]),
          });
        expect(h.asked.length, `first bad ${firstBad}, skip ${skip}`).toBeLessThanOrEqual(6);
      }
    }
  });

  it('a bad end that is not bad leaves it undecided after one build', async () => {
    const h = history(99);
    const trace = await bisect(16, h.test, unbounded(16));
    expect(trace.end).toMatchObject({
      kind: 'undecided',
      why: expect.stringContaining('the bad end is not bad'),
    });
    expect(h.asked).toEqual([15]);
  });

  it('stops undecided at the hard build limit and when the time budget runs out, naming the remaining range', async () => {
    const limited = history(5);
    const trace = await bisect(16, limited.test, { maxBuilds: 2, hardMaxBuilds: 2, timeLeft: () => true });
    expect(trace.end).toMatchObject({ kind: 'undecided', why: 'the build limit (2) was reached' });
    expect(limited.asked.length).toBe(2);
    if (trace.end.kind === 'undecided') expect(trace.end.candidates).toContain(5);

    const timed = history(5);
    const outOfTime = await bisect(16, timed.test, { maxBuilds: 6, timeLeft: () => false });
    expect(outOfTime.end).toMatchObject({
      kind: 'undecided',
      why: 'the time budget ran out',
      candidates: Array.from({ length: 16 }, (_, i) => i),
    });
    expect(timed.asked).toEqual([15]);
  });

  it('the default bound is ceil(log2 N) + 2', () => {
    expect(defaultMaxBuilds(16)).toBe(6);
    expect(defaultMaxBuilds(17)).toBe(7);
    expect(defaultMaxBuilds(1)).toBe(2);
  });
});
