import { describe, expect, it } from 'vitest';
import { classifyStep, failureKey } from '../../../src/bisect/step.js';
import type { GateReport } from '../../../src/report/model.js';
import { gateReport } from '../../helpers/gate-report.js';

const report = (partial: Partial<GateReport>): GateReport => gateReport(partial);

const hang = (signature: string) =>
  report({
    verdict: 'hang',
    signature,
    tests: [{ name: 'workload/write-readback', status: 'hang', durationMs: 1, iteration: 1 }],
  });

describe('bisect step classification', () => {
  it('the bad end is bad whatever it fails with; later steps are bad only with the same verdict and signature', () => {
    const badEnd = hang('hang in fuse_file_write_iter');
    expect(classifyStep(badEnd, undefined).outcome).toBe('bad');
    const key = failureKey(badEnd);
    expect(classifyStep(hang('hang in fuse_file_write_iter'), key).outcome).toBe('bad');
    expect(classifyStep(hang('hang in fuse_flush'), key)).toMatchObject({
      outcome: 'skip',
      why: expect.stringContaining('fails differently'),
    });
    expect(
      classifyStep(report({ verdict: 'panic', signature: 'hang in fuse_file_write_iter' }), key).outcome,
    ).toBe('skip');
  });

  it('pass is good; a compile error and an undecided run are skips', () => {
    expect(classifyStep(report({}), 'hang: x').outcome).toBe('good');
    const broken = report({
      verdict: 'fail',
      reason: 'the target tree did not compile: x',
      build: {
        mode: 'module',
        why: '',
        ok: false,
        compilerErrors: [{ file: 'fs/fuse/ioctl.c', line: 3, message: 'x' }],
      },
    });
    expect(classifyStep(broken, 'hang: x')).toMatchObject({
      outcome: 'skip',
      why: expect.stringContaining('does not compile'),
    });
    expect(classifyStep(broken, undefined).outcome).toBe('skip');
    // A tree that compiles but does not link (a symbol defined nowhere) is skipped the same way.
    const unlinked = report({
      verdict: 'fail',
      reason: 'the target tree did not build: y',
      build: {
        mode: 'kernel',
        why: '',
        ok: false,
        linkErrors: [{ kind: 'undefined', symbol: 'nowhere', message: 'undefined reference to nowhere' }],
      },
    });
    expect(classifyStep(unlinked, 'hang: x')).toMatchObject({
      outcome: 'skip',
      why: 'does not link: the target tree did not build: y',
    });
    expect(classifyStep(report({ verdict: 'error', reason: 'boot failed' }), 'hang: x').outcome).toBe('skip');
  });
});
