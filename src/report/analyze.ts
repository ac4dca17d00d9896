// `fusefs-gate stacks FILE`: everything the report layer can say about a capture or a serial log,
// also for logs far bigger than memory: text is pushed in pieces and parsed a bounded chunk at a time.

import { matchKnownBug } from './catalogue.js';
import type { KernelPanic, KnownBug, StackFormat, Thread } from './model.js';
import { cleanLine } from './parsers/common.js';
import { blockedThreads, type HangFocus, isBlocked, panicSignature, signatureOf } from './signature.js';
import { extractPanic, parseStacks, threadKey } from './stacks.js';

export interface StackAnalysis {
  threads: Thread[];
  blocked: Thread[];
  /** The panic's signature when the text holds a panic, else the hang's; undefined when neither. */
  signature?: string;
  knownBug?: KnownBug;
  panic?: KernelPanic;
  /** Threads found but not kept, past the bound on what one analysis holds (huge logs only). */
  threadsOmitted?: number;
}

/**
 * How much text is parsed at once (1 MiB measured fastest and smallest, bench/RESULTS.md), and the
 * longest stretch without a newline that is kept whole.
 */
export const CHUNK_CHARS = 1024 * 1024;
const MAX_LINE_CHARS = 16 * 1024 * 1024;
const PANIC_FORMATS: readonly StackFormat[] = ['linux-panic', 'freebsd-panic'];
/** At most this many threads are kept (and, past that, this many more blocked ones). */
export const MAX_THREADS = 5000;

/**
 * A line that starts a new record (a task dump, a report, a capture): a chunk is cut just before the
 * last such line, so that no record is split. `panic: ` and `Kernel panic` are not cut points: a
 * FreeBSD trap report and a Linux oops come before them and belong to them.
 */
const RECORD_START =
  /^(?:INFO: task |task:\S|Tracing (?:command|pid) |Fatal trap \d|BUG: |WARNING: |general protection fault|------------\[ cut here \]|@@fg:[a-z0-9]+:sample:\d+:begin@@|\s*PID\s+TID\s+COMM|sysrq: Show|SysRq : Show|=====+$)/;
/** Words one of the record starts above holds, looked for in the raw line before cleaning it. */
const RECORD_HINT =
  /INFO: task|task:|Tracing |Fatal trap|BUG: |WARNING: |general protection|cut here|@@fg:|PID|Show|====| 0x/;
/** A pre-5.9 sched_show_task line (`NAME D 0 PID PPID 0x...`), which starts a task of a dump. */
const OLD_TASK_LINE =
  /^\S.{0,14}?\s+[RSDTtXZPIKW](?:\s+[0-9a-f]{8,16})?\s*\d+\s+\d+\s+\d+(?:\s+\d+)?\s+0x[0-9a-f]+\s*$/;
/** How far back from a chunk's end a cut point is looked for. */
const CUT_SEARCH_LINES = 2000;

/** Analyses text pushed in pieces; the same result as one call on the whole text when it fits one chunk. */
export class StackAnalyzer {
  private buffer = '';
  private readonly threads: Thread[] = [];
  private readonly seen = new Set<string>();
  private omitted = 0;
  private blockedBeyond = 0;
  private panic: KernelPanic | undefined;

  private pieces: string[] = [];
  private pending = 0;

  push(text: string): void {
    this.pieces.push(text);
    this.pending += text.length;
    if (this.pending < CHUNK_CHARS) return;
    this.buffer += this.pieces.join('');
    this.pieces = [];
    this.pending = 0;
    while (this.buffer.length >= CHUNK_CHARS) {
      const cut = cutPoint(this.buffer);
      this.parse(this.buffer.slice(0, cut));
      // The rest holds the parsed chunk alive only until the next cut; kept threads are copies.
      this.buffer = this.buffer.slice(cut);
    }
  }

  end(focus?: HangFocus): StackAnalysis {
    this.buffer += this.pieces.join('');
    this.pieces = [];
    if (this.buffer !== '') this.parse(this.buffer);
    this.buffer = '';
    const threads = this.threads;
    const blocked = blockedThreads(threads);
    const result: StackAnalysis = { threads, blocked };
    const signature = this.panic ? panicSignature(this.panic) : signatureOf(threads, focus);
    if (signature !== undefined) result.signature = signature;
    const knownBug = matchKnownBug(threads);
    if (knownBug) result.knownBug = knownBug;
    if (this.panic) result.panic = this.panic;
    if (this.omitted > 0) result.threadsOmitted = this.omitted;
    return result;
  }

  private parse(text: string): void {
    // The panic parsers give the threads of a text's first report; past the log's first report,
    // later chunks' "first reports" are not the log's, whatever the chunk size.
    const reported = this.panic !== undefined;
    for (const thread of parseStacks(text, reported ? PANIC_FORMATS : [])) this.keep(thread);
    // The first report in the log is the one that counts (syzkaller: the first oops).
    if (!this.panic) {
      const panic = extractPanic(text);
      if (panic) this.panic = structuredClone(panic);
    }
  }

  private keep(thread: Thread): void {
    const key = threadKey(thread);
    if (this.seen.has(key)) return;
    const room = this.threads.length < MAX_THREADS || (isBlocked(thread) && this.blockedBeyond < MAX_THREADS);
    if (!room) {
      this.omitted++;
      return;
    }
    if (this.threads.length >= MAX_THREADS) this.blockedBeyond++;
    this.seen.add(key);
    // A deep copy: parsed names are slices of the chunk's lines and would keep every chunk alive.
    this.threads.push(structuredClone(thread));
  }
}

/**
 * Where to cut a full buffer: before the last record start near its end, else after the last blank
 * line, else after the last newline; a buffer without a newline for MAX_LINE_CHARS is cut where it is.
 */
function cutPoint(buffer: string): number {
  let end = buffer.lastIndexOf('\n');
  if (end < 0) return Math.min(buffer.length, MAX_LINE_CHARS);
  let blank = -1;
  for (let n = 0; n < CUT_SEARCH_LINES && end > 0; n++) {
    const start = buffer.lastIndexOf('\n', end - 1) + 1;
    const raw = buffer.slice(start, Math.min(end, start + 300));
    // Most lines hold none of the words a record starts with: no need to clean them.
    const maybe = RECORD_HINT.test(raw);
    const line = maybe || raw.length < 48 ? cleanLine(raw) : raw;
    if (start > 0 && maybe && (RECORD_START.test(line) || OLD_TASK_LINE.test(line))) {
      const cut = ownHeader(buffer, start);
      if (cut > 0) return cut;
    }
    if (blank < 0 && line.trim() === '') blank = end + 1;
    if (start === 0) break;
    end = start - 1;
  }
  if (blank > 0) return blank;
  const last = buffer.lastIndexOf('\n') + 1;
  // A newline only at the very start: nothing to split on, keep growing up to the line bound.
  return last > 0 ? last : Math.min(buffer.length, MAX_LINE_CHARS);
}

/**
 * A task line belongs to the `INFO: task ... blocked` report a few lines above it (kernel/hung_task.c
 * prints the taint line and the hint between them): cut before that report instead.
 */
function ownHeader(buffer: string, start: number): number {
  let at = start;
  for (let n = 0; n < 6 && at > 0; n++) {
    const prev = buffer.lastIndexOf('\n', at - 2) + 1;
    // At the very start of the buffer it cannot be cut before: 0 says look for another cut point.
    if (cleanLine(buffer.slice(prev, Math.min(at - 1, prev + 300))).startsWith('INFO: task ')) return prev;
    at = prev;
  }
  return start;
}

export function analyzeStacks(text: string, focus?: HangFocus): StackAnalysis {
  const analyzer = new StackAnalyzer();
  analyzer.push(text);
  return analyzer.end(focus);
}
