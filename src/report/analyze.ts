// `fusefs-gate stacks FILE`: everything the report layer can say about a capture or a serial log,
// also for logs far bigger than memory: text is pushed in pieces and parsed a bounded chunk at a time.

import { matchKnownBug } from './catalogue.js';
import { cutPoint } from './chunk-cut.js';
import type { KernelPanic, KnownBug, StackFormat, Thread } from './model.js';
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

/** How much text is parsed at once (1 MiB measured fastest and smallest, bench/RESULTS.md). */
export const CHUNK_CHARS = 1024 * 1024;
const PANIC_FORMATS: readonly StackFormat[] = ['linux-panic', 'freebsd-panic'];
/** At most this many threads are kept (and, past that, this many more blocked ones). */
export const MAX_THREADS = 5000;

/**
 * Analyses text pushed in pieces; the same result as one call on the whole text when it fits one chunk.
 * It holds less than two chunks of text at a time (bufferedChars); `end` is called once.
 */
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

  /** The text pushed and not parsed yet. */
  get bufferedChars(): number {
    return this.buffer.length + this.pending;
  }

  end(focus?: HangFocus): StackAnalysis {
    this.parse(this.buffer + this.pieces.join(''));
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
    for (const thread of parseStacks(text, reported ? PANIC_FORMATS : undefined)) this.keep(thread);
    // The first report in the log is the one that counts (syzkaller: the first oops). A copy, as below.
    if (!reported) this.panic = structuredClone(extractPanic(text));
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

export function analyzeStacks(text: string, focus?: HangFocus): StackAnalysis {
  const analyzer = new StackAnalyzer();
  analyzer.push(text);
  return analyzer.end(focus);
}
