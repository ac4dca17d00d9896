import { describe, expect, it } from 'vitest';
import type { Thread } from '../../../src/report/model.js';
import { compareSamples } from '../../../src/watchdog/compare.js';
import { testTreeOf } from '../../../src/watchdog/run-test.js';

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
    expect(compareSamples([thread()], [thread({ cpuTicks: 14 })])).toMatchObject({
      stuck: false,
      explanation: expect.stringMatching(/made progress/),
    });
    expect(compareSamples([thread()], [thread({ state: 'R' })]).stuck).toBe(false);
    expect(compareSamples([thread()], []).stuck).toBe(false);
  });

  it('never calls a test stuck on an empty first sample', () => {
    expect(compareSamples([], [])).toMatchObject({ stuck: false });
  });

  // Seen in a stress run: the test sat in D at fuse_flush in both samples, a kworker in D in the
  // first sample had finished by the second, and the verdict was "timed out while making progress".
  const kworker = thread({
    pid: 68,
    tid: 68,
    comm: 'kworker/1:2-events',
    frames: [{ fn: 'fuse_set_nowrite' }],
  });
  it("only the test's own threads decide: an unrelated kernel thread ending between the samples is not progress", () => {
    expect(compareSamples([thread(), kworker], [thread()], new Set([166]))).toMatchObject({
      stuck: true,
      explanation: '1 thread(s) asleep at the same frames in both samples',
    });
    expect(compareSamples([thread(), kworker], [thread()]).stuck).toBe(false);
    expect(compareSamples([thread(), kworker], [kworker], new Set([166]))).toMatchObject({
      stuck: false,
      explanation: expect.stringMatching(/166\/166 .* was gone/),
    });
  });

  it('without a thread of the test in the first sample, every thread counts', () => {
    expect(compareSamples([kworker], [], new Set([166])).stuck).toBe(false);
    expect(compareSamples([kworker], [kworker], new Set([166])).stuck).toBe(true);
  });

  it("reads the watchdog's tree marker", () => {
    expect([...testTreeOf('x\n@@fg:abc123:tree:166,170,171@@\n', 'abc123')]).toEqual([166, 170, 171]);
    expect(testTreeOf('@@fg:other:tree:1@@', 'abc123').size).toBe(0);
  });
});
