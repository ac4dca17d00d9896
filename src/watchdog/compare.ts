// Hang or slow (ARCHITECTURE "Rules that decide between verdicts"): at a test's deadline two stack
// samples are taken a few seconds apart; the same threads asleep at the same frames is a hang,
// anything that moved is a test that was still making progress.
import type { Thread } from '../report/model.js';

export interface SampleComparison {
  stuck: boolean;
  /** Why: which threads stayed, or what moved. */
  explanation: string;
}

function threadKey(thread: Thread): string {
  return `${thread.pid ?? '?'}/${thread.tid ?? '?'}`;
}

function frameNames(thread: Thread): string {
  return thread.frames.map((frame) => frame.fn).join(' ');
}

/**
 * `testPids`: the test's own process tree at the first sample (the watchdog's `tree:` marker). A
 * sample also holds other threads (Linux: every task in D; FreeBSD: every thread in fuse/vm/vfs
 * frames) for the report, but only the test's threads say whether the test moved: a kernel worker
 * that ends between the samples is not progress. Without the list, every thread counts.
 */
export function compareSamples(
  first: Thread[],
  second: Thread[],
  testPids?: ReadonlySet<number>,
): SampleComparison {
  const own =
    testPids && testPids.size > 0
      ? first.filter((thread) => thread.pid !== undefined && testPids.has(thread.pid))
      : first;
  const deciding = own.length > 0 ? own : first;
  if (deciding.length === 0)
    return { stuck: false, explanation: 'the first sample found no thread of the test' };
  const later = new Map(second.map((thread) => [threadKey(thread), thread]));
  for (const thread of deciding) {
    const again = later.get(threadKey(thread));
    if (!again)
      return {
        stuck: false,
        explanation: `thread ${threadKey(thread)} (${thread.comm}) was gone in the second sample`,
      };
    if (frameNames(again) !== frameNames(thread)) {
      return {
        stuck: false,
        explanation: `thread ${threadKey(thread)} (${thread.comm}) moved from ${thread.frames[0]?.fn ?? '?'} to ${again.frames[0]?.fn ?? '?'}`,
      };
    }
    if (thread.cpuTicks !== undefined && again.cpuTicks !== undefined && again.cpuTicks !== thread.cpuTicks) {
      return {
        stuck: false,
        explanation: `thread ${threadKey(thread)} (${thread.comm}) made progress between the samples (CPU time or finished system calls: ${thread.cpuTicks} -> ${again.cpuTicks})`,
      };
    }
    if (thread.state !== undefined && again.state !== undefined && again.state !== thread.state) {
      return {
        stuck: false,
        explanation: `thread ${threadKey(thread)} (${thread.comm}) changed state ${thread.state} -> ${again.state}`,
      };
    }
  }
  return {
    stuck: true,
    explanation: `${deciding.length} thread(s) asleep at the same frames in both samples`,
  };
}
