import { describe, expect, it } from 'vitest';
import type { Thread } from '../../../src/report/model.js';
import { compareSamples } from '../../../src/watchdog/compare.js';

const thread = (over: Partial<Thread> = {}): Thread => ({
  pid: 166,
  tid: 166,
  comm: 'fusefs-workload',
  state: 'D',
  cpuTicks: 12,
  format: 'linux-proc-stack',
  frames: [{ fn: 'request_wait_answer' }, { fn: '__fuse_simple_request' }, { fn: 'fuse_direct_io' }],
  ...over,
});

describe('compareSamples (hang or slow)', () => {
  it('is stuck when the same threads sleep at the same frames with no progress', () => {
    expect(compareSamples([thread()], [thread()])).toMatchObject({ stuck: true });
  });

  it('is making progress when the frames moved, the counter grew, the state changed, or the thread is gone', () => {
    expect(compareSamples([thread()], [thread({ frames: [{ fn: 'fuse_flush' }] })]).stuck).toBe(false);
    expect(compareSamples([thread()], [thread({ cpuTicks: 14 })])).toMatchObject({ stuck: false, explanation: expect.stringMatching(/made progress/) });
    expect(compareSamples([thread()], [thread({ state: 'R' })]).stuck).toBe(false);
    expect(compareSamples([thread()], []).stuck).toBe(false);
  });

  it('never calls a test stuck on an empty first sample', () => {
    expect(compareSamples([], [])).toMatchObject({ stuck: false });
  });
});
