// The analysis of text bigger than one chunk: records are never split at a chunk boundary, pieces of
// any size give the result of one push, and what one analysis keeps is bounded. Speed is measured in
// bench/stacks-stream.ts, not here.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStacks, CHUNK_CHARS, MAX_THREADS, StackAnalyzer } from '../../../src/report/analyze.js';

const STACKS = path.join(import.meta.dirname, '../../fixtures/stacks');
const HUNG = readFileSync(path.join(STACKS, 'linux-s3fs-2431-hung-task-fuse-getattr.txt'), 'utf8');
const FILLER = Array.from(
  { length: 500 },
  (_, i) =>
    `[${(i / 10).toFixed(6).padStart(12)}] usb 1-1: new high-speed USB device number ${i % 128} using xhci_hcd`,
).join('\n');

/** `copies` real hung-task reports, each with its own pid, between runs of ordinary console lines. */
function bigLog(copies: number): string {
  const parts: string[] = [];
  for (let i = 0; i < copies; i++) parts.push(FILLER, HUNG.replace(/\b4846\b/g, String(10000 + i)));
  return `${parts.join('\n')}\n`;
}

// Functional bounds only: these parse megabytes, and the machine may be loaded.
describe('streamed analysis', { timeout: 120_000 }, () => {
  const copies = 300;
  const text = bigLog(copies);

  it('the test log spans several chunks', () => {
    expect(text.length).toBeGreaterThan(2 * CHUNK_CHARS);
  });

  it('cuts chunks between records: every report is read whole', () => {
    const a = analyzeStacks(text);
    expect(a.threads).toHaveLength(copies);
    for (const t of a.threads)
      expect(t.frames.map((f) => f.fn)).toEqual([
        '__schedule',
        'schedule',
        'request_wait_answer',
        '__fuse_request_send',
        'fuse_simple_request',
        'fuse_do_getattr',
      ]);
    expect(new Set(a.threads.map((t) => t.pid)).size).toBe(copies);
    expect(a.signature).toBe('hang in request_wait_answer from fuse_do_getattr');
  });

  it('gives the same result whatever the size of the pieces pushed', () => {
    const whole = analyzeStacks(text);
    const analyzer = new StackAnalyzer();
    for (let at = 0, n = 1; at < text.length; at += n, n = (n * 7 + 13) % 100_003)
      analyzer.push(text.slice(at, at + n));
    expect(analyzer.end()).toEqual(whole);
  });

  it('keeps a bounded number of threads and counts the rest', () => {
    const many = Array.from(
      { length: MAX_THREADS + 50 },
      (_, i) =>
        `${String(i + 1).padStart(5)} ${String(100000 + i).padStart(6)} ${'sh'.padEnd(19)} ${'-'.padEnd(19)} mi_switch+0x1 sleepq_catch_signals+0x2 sleepq_wait_sig+0x3 _sleep+0x4 kern_wait6+0x5`,
    );
    const a = analyzeStacks(many.join('\n'));
    expect(a.threads).toHaveLength(MAX_THREADS);
    expect(a.threadsOmitted).toBe(50);
  });

  it('reads hostile input without throwing: random bytes, one line of 100k frames', () => {
    let seed = 12345;
    const bytes = Buffer.alloc(1 << 19);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed & 0xff;
    }
    const random = bytes.toString('latin1');
    expect(analyzeStacks(random).threads).toEqual([]);
    const frames = Array.from({ length: 100_000 }, (_, i) => `fuse_vnop_write+0x${i.toString(16)}`).join(' ');
    const line = `  783 100068 ${'mmap-write'.padEnd(19)} ${'-'.padEnd(19)} ${frames}\n`;
    const a = analyzeStacks(line);
    expect(a.threads).toHaveLength(1);
    expect(a.threads[0]?.frames).toHaveLength(100_000);
  });
});
