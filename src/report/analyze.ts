// `fusefs-gate stacks FILE`: everything the report layer can say about a capture or a serial log,
// also for logs far bigger than memory: text is pushed in pieces and parsed a bounded chunk at a time.

import { matchKnownBug } from './catalogue.js';
import type { KernelPanic, KnownBug, StackFormat, Thread } from './model.js';
import { cleanLine, recordLine } from './parsers/common.js';
import { LINUX_REPORT_KINDS, REPORT_HINT } from './parsers/linux-report-kinds.js';
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
 * last such line, so that no record is split. Every Linux report kind the panic reader knows
 * (LINUX_REPORT_KINDS) is one too, so a kind added there is a cut point here.
 */
const RECORD_START =
  /^(?:INFO: task |task:\S|Tracing (?:command|pid) |Fatal trap \d|BUG: |WARNING: |general protection fault|------------\[ cut here \]|@@fg:[a-z0-9]+:(?:sample:\d+|capture:[\w-]+):begin@@|\s*PID\s+TID\s+COMM|sysrq: Show|SysRq : Show|=====+$)/;
/**
 * A panic line also starts a record, unless a report printed just before it is its own first part
 * (a FreeBSD `Fatal trap` block, a Linux oops or hung task): then the cut goes before that report.
 */
const PANIC_START = /(?:^|[^\w.-])panic: |^Kernel panic - not syncing: /;
/** How far above a panic line the report it ends may start. */
const PANIC_REPORT_LINES = 80;
/** Words one of the record starts above holds, looked for in the raw line before cleaning it. */
const RECORD_HINT = new RegExp(
  `INFO: task|task:|Tracing |Fatal trap|BUG: |WARNING: |general protection|cut here|@@fg:|PID|Show|====| 0x|panic|${REPORT_HINT.source}`,
);
/** A pre-5.9 sched_show_task line (`NAME D 0 PID PPID 0x...`), which starts a task of a dump. */
const OLD_TASK_LINE =
  /^\S.{0,14}?\s+[RSDTtXZPIKW](?:\s+[0-9a-f]{8,16})?\s*\d+\s+\d+\s+\d+(?:\s+\d+)?\s+0x[0-9a-f]+\s*$/;
/** A line of a stack trace (Linux `[<addr>]`/`fn+0x../0x..`, FreeBSD `#N 0x.. at`, procstat's `fn+0x..`). */
const FRAME_LINE = /^\s*(?:\[<[0-9a-f]+>\]|#\d+\s+0x[0-9a-f]+|\?\s)|\+0x[0-9a-f]+/;
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
 * Where to cut a full buffer: before the gate's own framed capture it falls in, else before the last
 * record start near its end, else after the last blank line, else after the last newline, but never
 * inside a run of frame lines (a trace with no header to cut before, like /proc/PID/stack); a buffer
 * without a newline for MAX_LINE_CHARS is cut where it is.
 */
function cutPoint(buffer: string): number {
  let end = buffer.lastIndexOf('\n');
  if (end < 0) return Math.min(buffer.length, MAX_LINE_CHARS);
  const frame = openFrame(buffer, end);
  if (frame > 0) return frame;
  let blank = -1;
  let panicAt = -1;
  let panicLines = 0;
  for (let n = 0; n < CUT_SEARCH_LINES && end > 0; n++) {
    const start = buffer.lastIndexOf('\n', end - 1) + 1;
    const line = lineAt(buffer, start, end);
    if (start > 0 && line !== undefined) {
      if (PANIC_START.test(line)) {
        if (panicAt < 0) panicAt = start;
      } else if (startsRecord(line)) {
        const cut = firstOfReport(buffer, start);
        if (cut > 0) return cut;
      }
    }
    if (panicAt >= 0 && ++panicLines > PANIC_REPORT_LINES) return panicAt;
    if (blank < 0 && panicAt < 0 && isBlank(buffer, start, end)) blank = end + 1;
    if (start === 0) break;
    end = start - 1;
  }
  if (panicAt > 0) return panicAt;
  if (blank > 0) return blank;
  const last = buffer.lastIndexOf('\n') + 1;
  // A newline only at the very start: nothing to split on, keep growing up to the line bound.
  return last > 0 ? outsideTrace(buffer, last) : Math.min(buffer.length, MAX_LINE_CHARS);
}

/**
 * The cleaned line from `start` to `end` when it may start a record, else undefined. Most lines hold
 * none of the words a record starts with: those are not cleaned.
 */
function lineAt(buffer: string, start: number, end: number): string | undefined {
  const raw = buffer.slice(start, Math.min(end, start + 300));
  return RECORD_HINT.test(raw) ? recordLine(raw) : undefined;
}

function isBlank(buffer: string, start: number, end: number): boolean {
  return recordLine(buffer.slice(start, Math.min(end, start + 300))).trim() === '';
}

function startsRecord(line: string): boolean {
  return (
    RECORD_START.test(line) ||
    OLD_TASK_LINE.test(line) ||
    LINUX_REPORT_KINDS.some((kind) => !kind.panic && kind.start.test(line))
  );
}

/**
 * A record start can be the second line of one report: the hung-task report's `task:` line under
 * its `INFO: task ... blocked` header (kernel/hung_task.c prints the taint line and the hint between
 * them), x86's `invalid opcode` under `kernel BUG at` (BUG() traps, lib/bug.c then die()), arm's
 * `Internal error` under `Unable to handle kernel ...`. The cut goes before the first of a chain of
 * starts a few lines apart; 0 when that is the buffer's start (no cut there).
 */
function firstOfReport(buffer: string, start: number): number {
  let first = start;
  let at = start;
  for (let n = 0, gap = 0; n < CUT_SEARCH_LINES && at > 0 && gap < REPORT_HEADER_LINES; n++, gap++) {
    const prev = buffer.lastIndexOf('\n', at - 2) + 1;
    const line = lineAt(buffer, prev, at - 1);
    if (line !== undefined && (startsRecord(line) || line.startsWith('INFO: task '))) {
      first = prev;
      gap = -1;
    }
    at = prev;
  }
  return first;
}

/** How far above a record start another may be and begin the same report (two CPUs interleave theirs). */
const REPORT_HEADER_LINES = 12;

const MARKER = /^@@fg:([a-z0-9]+):(.+):(begin|end)@@/;

/**
 * The gate's watchdog frames each sample and each capture in it (`@@fg:NONCE:NAME:begin@@` ...
 * `:end@@`, guest/watchdog.sh) and reads a sample whole: a procstat capture and the ps capture after
 * it belong together. Where the buffer's end falls inside a frame, the start of the outermost open
 * one (and of the captures printed right before it), else -1.
 */
function openFrame(buffer: string, end: number): number {
  const closed = new Map<string, number>();
  let open = -1;
  // The name of a capture that ends right above the open frame's begin, whose begin is looked for.
  let adjacent: string | undefined;
  for (let n = 0; n < CUT_SEARCH_LINES && end > 0; n++) {
    const start = buffer.lastIndexOf('\n', end - 1) + 1;
    const raw = buffer.slice(start, Math.min(end, start + 300));
    const marker = raw.includes('@@fg:') ? MARKER.exec(cleanLine(raw).trim()) : null;
    if (marker) {
      const name = `${marker[1]}:${marker[2]}`;
      const count = closed.get(name) ?? 0;
      if (marker[3] === 'end') {
        if (open >= 0 && end + 1 === open) adjacent = name;
        else closed.set(name, count + 1);
      } else if (adjacent === name) {
        open = start;
        adjacent = undefined;
      } else if (count > 0) closed.set(name, count - 1);
      else open = start;
    }
    if (start === 0) break;
    end = start - 1;
  }
  return open;
}

/**
 * `cut` moved back before the run of frame lines it falls in, and the line above it (the trace's
 * header); where the run reaches past the search bound, or the buffer's start, `cut` as it is.
 */
function outsideTrace(buffer: string, cut: number): number {
  let at = cut;
  for (let n = 0; n < CUT_SEARCH_LINES && at > 0; n++) {
    const prev = buffer.lastIndexOf('\n', at - 2) + 1;
    if (!FRAME_LINE.test(cleanLine(buffer.slice(prev, Math.min(at - 1, prev + 300))))) {
      // Not a frame: the header of the run (or an unrelated line) when the run is below it.
      return at === cut ? cut : prev > 0 ? prev : cut;
    }
    at = prev;
  }
  return cut;
}

export function analyzeStacks(text: string, focus?: HangFocus): StackAnalysis {
  const analyzer = new StackAnalyzer();
  analyzer.push(text);
  return analyzer.end(focus);
}
