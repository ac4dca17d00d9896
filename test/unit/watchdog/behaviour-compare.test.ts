// Hang or slow (ARCHITECTURE "Rules that decide between verdicts"): the same threads asleep at the
// same frames in both samples is a hang; anything that moved is progress. Written from that rule
// (issue 16), so each case is one realistic bug in compareSamples.
import { describe, expect, it } from 'vitest';
import type { Thread } from '../../../src/report/model.js';
import { compareSamples } from '../../../src/watchdog/compare.js';

const writer = (over: Partial<Thread> = {}): Thread => ({
  pid: 200,
  tid: 200,
  comm: 'fusefs-workload',
  state: 'D',
  cpuTicks: 5,
  format: 'linux-proc-stack',
  frames: [
    { fn: 'request_wait_answer' },
    { fn: 'fuse_simple_request' },
    { fn: 'fuse_perform_write' },
    { fn: 'vfs_write' },
  ],
  ...over,
});

describe('two samples', () => {
  it('that differ only in an outer frame are not a hang', () => {
    const later = writer({
      frames: [
        { fn: 'request_wait_answer' },
        { fn: 'fuse_simple_request' },
        { fn: 'fuse_perform_write' },
        { fn: 'ksys_write' },
      ],
    });
    expect(compareSamples([writer()], [later]).stuck).toBe(false);
  });

  it('that differ only in the depth of the stack are not a hang', () => {
    const deeper = writer({ frames: [...writer().frames, { fn: 'do_syscall_64' }] });
    expect(compareSamples([writer()], [deeper]).stuck).toBe(false);
    expect(compareSamples([deeper], [writer()]).stuck).toBe(false);
  });

  it('that differ in the innermost frame are not a hang, and the explanation names both frames', () => {
    const moved = writer({ frames: [{ fn: 'fuse_flush' }, ...writer().frames.slice(1)] });
    const result = compareSamples([writer()], [moved]);
    expect(result.stuck).toBe(false);
    expect(result.explanation).toContain('request_wait_answer');
    expect(result.explanation).toContain('fuse_flush');
  });

  it('match threads by pid AND tid: another thread of the same process at the same frames is not the same thread', () => {
    const first = [writer({ tid: 201 })];
    const second = [writer({ tid: 202 })];
    const result = compareSamples(first, second);
    expect(result.stuck).toBe(false);
    expect(result.explanation).toMatch(/gone/);
  });

  it('match threads by pid AND tid: the same tid in another process is not the same thread', () => {
    expect(compareSamples([writer({ pid: 300, tid: 7 })], [writer({ pid: 301, tid: 7 })]).stuck).toBe(false);
  });

  it('pair each thread with its own second sample, whatever the order', () => {
    const a = writer({ tid: 201 });
    const b = writer({ tid: 202, frames: [{ fn: 'vm_page_busy_sleep' }, { fn: 'fuse_write_begin' }] });
    expect(compareSamples([a, b], [b, a]).stuck).toBe(true);
    // b moved, a did not: still progress.
    const bMoved = writer({ tid: 202, frames: [{ fn: 'fuse_write_end' }] });
    expect(compareSamples([a, b], [bMoved, a]).stuck).toBe(false);
  });

  it('with every thread of the first sample still asleep at the same frames is a hang, even if new threads appeared', () => {
    const result = compareSamples([writer()], [writer(), writer({ tid: 999, frames: [{ fn: 'anything' }] })]);
    expect(result.stuck).toBe(true);
    expect(result.explanation).toMatch(/^1 thread/);
  });

  it('where the progress counter grew are not a hang; where it stayed, or is unknown on one side, they are', () => {
    expect(compareSamples([writer({ cpuTicks: 5 })], [writer({ cpuTicks: 6 })]).stuck).toBe(false);
    expect(compareSamples([writer({ cpuTicks: 5 })], [writer({ cpuTicks: 5 })]).stuck).toBe(true);
    expect(compareSamples([writer({ cpuTicks: undefined })], [writer({ cpuTicks: 9 })]).stuck).toBe(true);
    expect(compareSamples([writer({ cpuTicks: 9 })], [writer({ cpuTicks: undefined })]).stuck).toBe(true);
  });

  it('where the state changed are not a hang; an unknown state on one side does not count as a change', () => {
    expect(compareSamples([writer({ state: 'D' })], [writer({ state: 'S' })]).stuck).toBe(false);
    expect(compareSamples([writer({ state: undefined })], [writer({ state: 'D' })]).stuck).toBe(true);
    expect(compareSamples([writer({ state: 'D' })], [writer({ state: undefined })]).stuck).toBe(true);
  });

  it('where the second sample lost a thread are not a hang', () => {
    const result = compareSamples([writer(), writer({ tid: 201 })], [writer()]);
    expect(result.stuck).toBe(false);
    expect(result.explanation).toContain('200/201');
  });

  it('with threads whose pid and tid are unknown compare them by what is known', () => {
    const anon = writer({ pid: undefined, tid: undefined });
    expect(compareSamples([anon], [anon]).stuck).toBe(true);
    expect(compareSamples([anon], [writer()]).stuck).toBe(false);
  });

  it('compare frames name by name, not as one run-together string', () => {
    const a = writer({ frames: [{ fn: 'fuse_write' }, { fn: 'begin' }] });
    const b = writer({ frames: [{ fn: 'fuse_' }, { fn: 'writebegin' }] });
    expect(compareSamples([a], [b]).stuck).toBe(false);
  });

  it('where a stack was empty in one sample and not in the other moved, and the explanation says so', () => {
    const empty = writer({ frames: [] });
    const result = compareSamples([empty], [writer()]);
    expect(result).toEqual({
      stuck: false,
      explanation: 'thread 200/200 (fusefs-workload) moved from ? to request_wait_answer',
    });
    expect(compareSamples([writer()], [empty]).explanation).toBe(
      'thread 200/200 (fusefs-workload) moved from request_wait_answer to ?',
    );
  });
});

describe('the explanation', () => {
  it('says why: no thread, the state change, the progress, the count of stuck threads', () => {
    expect(compareSamples([], [writer()]).explanation).toBe('the first sample found no thread of the test');
    expect(compareSamples([writer()], [writer({ state: 'S' })]).explanation).toBe(
      'thread 200/200 (fusefs-workload) changed state D -> S',
    );
    expect(compareSamples([writer()], [writer({ cpuTicks: 7 })]).explanation).toBe(
      'thread 200/200 (fusefs-workload) made progress between the samples (CPU time or finished system calls: 5 -> 7)',
    );
    expect(
      compareSamples([writer(), writer({ tid: 201 })], [writer(), writer({ tid: 201 })]).explanation,
    ).toBe('2 thread(s) asleep at the same frames in both samples');
    expect(compareSamples([writer({ pid: undefined, tid: undefined })], []).explanation).toBe(
      'thread ?/? (fusefs-workload) was gone in the second sample',
    );
  });
});
