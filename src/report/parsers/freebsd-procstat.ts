// FreeBSD `procstat -kk` (kernel stacks of threads), with `ps -axlww` to add state and wait channel.
//
// Format, from freebsd-src usr.bin/procstat/procstat_kstack.c, procstat_kstack():
//   header  xo_emit("{T:/%5s %6s %-19s %-19s %-29s}\n", "PID", "TID", "COMM", "TDNAME", "KSTACK")
//   a line  "%5d " pid, "%6d " tid, "%-19s " ki_comm, "%-19s " thread name (or "-"), then the
//           stack as "%-29s": `<running>`, `<swapped>`, `<unknown>`, or the frames that
//           kstack_cleanup() reduced from stack(9)'s "#N 0x... at func+0xoff" lines to
//           space-separated `func+0xoff` (with -kk) or `func` (with -k).
// Older releases printed COMM and TDNAME as %-16s (the 2012 copy in freebsd/freebsd-src, commit
// 039ea811636f, printf("%-16s ")); both widths are handled. The header is printed with the same
// widths as the lines, so its columns add nothing to the widths and only say that the text is
// procstat's. COMM and TDNAME are at most 19 characters (MAXCOMLEN) but may hold spaces, so the
// fixed columns decide, and a whitespace split is only the fallback for text whose padding was
// mangled (mail, bug reports). kstack_cleanup() puts one space between frames.
//
// `ps -axlww` (bin/ps/ps.c lfmt "uid,pid,ppid,cpu,pri,nice,vsz,rss,mwchan,state,tt,time,command")
// prints `UID PID PPID C PRI NI VSZ RSS MWCHAN STAT TT TIME COMMAND`; when the same text holds
// it, each procstat thread of a single-threaded process gets its process's STAT (first letter, e.g.
// `D`) and MWCHAN. Every thread gets a progress counter from the watchdog's
// `ps -axH -o pid,lwp,nvcsw,nivcsw,time` (bin/ps/keyword.c: `PID`, `LWP` the thread id procstat
// prints as TID, `NVCSW` and `NIVCSW` the thread's voluntary and involuntary context switches, `-`
// when ps cannot read them, `TIME` its CPU time; with -H, sys/kern/kern_proc.c fill_kinfo_thread
// fills each line from the thread itself: rufetchtd, td_rux.rux_runtime): TIME in hundredths of a
// second plus both switch counts. Without that block, a single-threaded process's TIME from
// `ps -axlww` alone. procstat has no such counter: a thread on a CPU in both samples prints
// `<running>` twice (no frames to differ), one preempted in user mode the same return-to-user
// frames, and one waiting on a slow server the same sleep in both, though it sleeps and wakes (a
// voluntary switch, sys/kern/kern_synch.c mi_switch) for every request in between.

import type { Frame, StackParser, Thread } from '../model.js';
import { parseSymbol, splitLines, toInt } from './common.js';

// Also a chunk cut point (chunk-cut.ts).
export const HEADER = /^\s*PID\s+TID\s+COMM\s+TDNAME\s+KSTACK\s*$/;
const LINE_START = /^(\s*)(\d+)\s+(\d+) /;
/** A line after procstat's own: a watchdog marker, or ps -axlww's or ps -axH's header. */
const BLOCK_END = /^@@|^\s*UID\s+PID\s+PPID\s|^\s*PID\s+LWP\s/;
/** The KSTACK of a thread procstat has no frames for (procstat_kstack() by kkst_state). */
const NO_FRAMES = new Set(['<running>', '<swapped>', '<unknown>']);
/**
 * A frame token: `func+0xoff` (-kk) or `func` (-k). stack(9) names a pc without a symbol `??` with
 * offset 0, printed by "%#lx" as `0` (sys/kern/subr_stack.c stack_sbuf_print_flags, stack_symbol()),
 * so `??+0` is a frame of its own, and any function at offset zero prints `func+0`.
 */
const FRAME_TOKEN = /^(?:[A-Za-z_$.][\w$.]*|\?\?)(?:\+(?:0x[0-9a-fA-F]+|0))?$/;
const FRAME_WITH_OFFSET = /^(?:[A-Za-z_$.][\w$.]*|\?\?)\+(?:0x[0-9a-fA-F]+|0)$/;

interface Fields {
  comm: string;
  tdname: string;
  stack: string;
}

export const freebsdProcstatParser: StackParser = {
  format: 'freebsd-procstat',
  matches(text: string): boolean {
    // Any text with a `PID TID ...` line may hold one; parse() decides (one anchored test a line,
    // cheaper than looking for one in the whole text first).
    return /\d\s+\d/.test(text);
  },
  parse(text: string): Thread[] {
    const threads: Thread[] = [];
    let underHeader = false;
    let last: Thread | undefined;
    for (const line of splitLines(text)) {
      if (HEADER.test(line)) {
        underHeader = true;
        continue;
      }
      // procstat's block ends at the watchdog's next marker or at ps's header: below it, a line of
      // numbers and bare words (a kernel printf spliced into a ps row) is no `-k` stack.
      if (BLOCK_END.test(line)) underHeader = false;
      const thread = parseLine(line, underHeader);
      if (thread) {
        threads.push(thread);
        last = thread;
        continue;
      }
      // A long KSTACK wrapped by a mail client or a bug tracker: a line of nothing but
      // `func+0xoff` tokens right after a thread's line goes on with that thread's stack.
      const more = last && last.frames.length > 0 ? continuation(line) : undefined;
      if (more) last?.frames.push(...more);
      else last = undefined;
    }
    return addPsInfo(threads, readPsAxl(text), readPsThreads(text));
  },
};

/** The frames of a line made only of `func+0xoff` tokens (at least one); undefined for any other line. */
function continuation(line: string): Frame[] | undefined {
  const tokens = line.trim().split(/\s+/);
  // An empty line splits into one empty token, which is no frame.
  return tokens.every((t) => FRAME_WITH_OFFSET.test(t)) ? framesOf(tokens) : undefined;
}

/** Frames of tokens already checked against FRAME_TOKEN (parseSymbol reads every such token). */
function framesOf(tokens: readonly string[]): Frame[] {
  return tokens.map((t) => parseSymbol(t)).filter((f): f is Frame => f !== undefined);
}

function parseLine(line: string, underHeader: boolean): Thread | undefined {
  const start = LINE_START.exec(line);
  if (!start) return undefined;
  const pid = toInt(start[2]);
  const tid = toInt(start[3]);
  const rest = line.slice(start[0].length);
  const fields = byWidth(rest) ?? bySplit(rest);
  if (!fields) return undefined;
  const stack = fields.stack.trim();
  const thread: Thread = { pid, tid, comm: fields.comm, frames: [], format: 'freebsd-procstat' };
  // Both readings give a TDNAME of at least one character; procstat prints `-` for none.
  if (fields.tdname !== '-') thread.tdname = fields.tdname;
  if (NO_FRAMES.has(stack)) {
    if (stack === '<running>') thread.state = 'R';
    return thread;
  }
  // The stack is trimmed, so it splits into no empty token unless it is empty itself.
  const tokens = stack.split(/\s+/);
  // A procstat stack is frames only; anything else (a ps line, a shell prompt) is not ours.
  if (!tokens.every((t) => FRAME_TOKEN.test(t))) return undefined;
  if (!tokens.some((t) => FRAME_WITH_OFFSET.test(t)) && !underHeader) return undefined;
  thread.frames = framesOf(tokens);
  return thread;
}

/**
 * Fixed widths after the TID: %-19s (current) or %-16s (older procstat). A line of the other width
 * fails the blank-then-stack test at 2w+1: the innermost frame procstat prints (mi_switch or
 * sched_switch, or `<running>`) has no blank in its first six characters. COMM is never empty
 * (ki_comm), so the first character is a name's and not padding.
 */
function byWidth(rest: string): Fields | undefined {
  for (const w of [19, 16]) {
    if (rest[w] !== ' ' || rest[2 * w + 1] !== ' ' || !/\S/.test(rest.charAt(2 * w + 2))) continue;
    return {
      comm: rest.slice(0, w).trimEnd(),
      tdname: rest.slice(w + 1, 2 * w + 1).trimEnd(),
      stack: rest.slice(2 * w + 2),
    };
  }
  return undefined;
}

/** Whitespace split: COMM and TDNAME without spaces, for text whose padding was collapsed. */
function bySplit(rest: string): Fields | undefined {
  const m = /^\s*(\S+)\s+(\S+)\s+(.*)$/.exec(rest);
  if (!m) return undefined;
  return { comm: m[1] as string, tdname: m[2] as string, stack: m[3] as string };
}

export interface PsProcess {
  pid: number;
  ppid?: number;
  state: string;
  wchan?: string;
  command: string;
}

/**
 * ps's TIME: bin/ps/print.c cputime() -> printtime(): ki_runtime (microseconds, the process's
 * threads together) rounded to hundredths, `"%ld:%02ld%c%02ld"` (minutes, seconds, the locale's
 * decimal point, hundredths), e.g. `0:00.31` or `123:04.56`.
 */
const PS_TIME = /^(\d+):([0-5]\d)[^\d:](\d{2})$/;

/** A TIME field in hundredths of a second, or undefined when it is not of ps's form. */
export function psCpuTime(field: string): number | undefined {
  const m = PS_TIME.exec(field);
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 100 + Number(m[3]) : undefined;
}

/** A ps row and its TIME in hundredths of a second (undefined when unreadable). */
interface PsRow {
  proc: PsProcess;
  cpuTime?: number;
}

const THREADS_HEADER = /^\s*PID\s+LWP\s+NVCSW\s+NIVCSW\s+TIME\s*$/;
const THREADS_ROW = /^\s*(\d+)\s+(\d+)\s+(\d+|-)\s+(\d+|-)\s+(\S+)\s*$/;
/** The watchdog's marker before the block (docs/guest-protocol.md): the capture has one even if its header broke. */
const THREADS_BEGIN = /^@@fg:[a-z0-9]+:capture:ps-threads:begin@@\s*$/;
/** What ends the block: the watchdog's next marker, or another program's header. */
const THREADS_END = /^@@|^\s*PID\s+TID\s+COMM\s|^\s*UID\s+PID\s+PPID\s/;

/** The ps-threads block of a sample: whether the text has one, and each thread's counter. */
interface PsThreads {
  seen: boolean;
  counters: Map<string, number>;
}

/**
 * A line a thread: its TIME in hundredths plus both switch counts. `-` in NVCSW and NIVCSW is
 * rvar() finding no rusage (bin/ps/print.c: `!k->ki_valid`, a process swapped out on 13.x/14.x,
 * bin/ps/ps.c saveuser; always valid on 15.x), and printtime() then prints `0:00.00` whatever the
 * thread ran: such a row has no counter, never a smaller one.
 */
function rowCounter(m: RegExpExecArray): number | undefined {
  const time = psCpuTime(m[5] as string);
  if (m[3] === '-' || m[4] === '-' || time === undefined) return undefined;
  return time + Number(m[3]) + Number(m[4]);
}

function readPsThreads(text: string): PsThreads {
  const counters = new Map<string, number>();
  let seen = false;
  let inBlock = false;
  for (const line of splitLines(text)) {
    if (THREADS_HEADER.test(line) || THREADS_BEGIN.test(line)) {
      seen = inBlock = true;
      continue;
    }
    if (!inBlock) continue;
    if (THREADS_END.test(line)) {
      inBlock = false;
      continue;
    }
    // Anything else inside the block is the console's: a kernel printf between (or across) ps's
    // lines. It loses at most the row it broke; the rows after it still count.
    const m = THREADS_ROW.exec(line);
    const counter = m ? rowCounter(m) : undefined;
    if (m && counter !== undefined) counters.set(`${m[1]}/${m[2]}`, counter);
  }
  return { seen, counters };
}

/**
 * `ps -axH -o pid,lwp,nvcsw,nivcsw,time`: each thread's progress counter, keyed `PID/TID`: its CPU
 * time in hundredths of a second plus its voluntary and involuntary context switches (a row whose
 * rusage ps could not read has none).
 */
export function parsePsThreads(text: string): Map<string, number> {
  return readPsThreads(text).counters;
}

const PS_HEADER = /^\s*UID\s+PID\s+PPID\s+C\s+PRI\s+NI\s+VSZ\s+RSS\s+MWCHAN\s+STAT\s+TT\s+TIME\s+COMMAND\s*$/;
const PS_NUMBERS = /^\s*\d+\s+(\d+)\s+(\d+)\s+-?\d+\s+-?\d+\s+-?\d+\s+\d+\s+\d+\s+$/;
const PS_TAIL = /^(\S+)\s+(\S+)\s+(\S+)\s+(.*)$/;

/**
 * One `ps -axlww` line by the header's columns. bin/ps prints MWCHAN and STAT left-justified at
 * widths computed over all rows (bin/ps/ps.c, print.c `mwchan`: the wait message or `*` and the
 * lock name, which may hold spaces), so the header's column starts are the fields' starts.
 */
function psByColumns(line: string, mwchan: number, stat: number): PsRow | undefined {
  // The numbers must end in blanks just before MWCHAN (PS_NUMBERS) and STAT must start a field
  // (PS_TAIL), so only the blank in front of STAT is left to check here.
  if (line[stat - 1] !== ' ') return undefined;
  const nums = PS_NUMBERS.exec(line.slice(0, mwchan));
  const tail = PS_TAIL.exec(line.slice(stat));
  if (!nums || !tail) return undefined;
  const wchan = line.slice(mwchan, stat).trim();
  const proc: PsProcess = {
    pid: Number(nums[1]),
    ppid: Number(nums[2]),
    state: tail[1] as string,
    command: tail[4] as string,
  };
  if (wchan !== '' && wchan !== '-') proc.wchan = wchan;
  return withTime(proc, tail[3] as string);
}

function withTime(proc: PsProcess, time: string): PsRow {
  const cpuTime = psCpuTime(time);
  return cpuTime === undefined ? { proc } : { proc, cpuTime };
}

/** Parse `ps -axlww` output (FreeBSD bin/ps lfmt); empty when the text has none. */
export function parsePsAxl(text: string): PsProcess[] {
  return readPsAxl(text).map((row) => row.proc);
}

function readPsAxl(text: string): PsRow[] {
  const out: PsRow[] = [];
  let inPs = false;
  let cols: { mwchan: number; stat: number } | undefined;
  for (const line of splitLines(text)) {
    if (PS_HEADER.test(line)) {
      inPs = true;
      cols = { mwchan: line.indexOf('MWCHAN'), stat: line.indexOf('STAT') };
      continue;
    }
    if (!inPs) continue;
    const byCols = cols ? psByColumns(line, cols.mwchan, cols.stat) : undefined;
    if (byCols) {
      out.push(byCols);
      continue;
    }
    // UID PID PPID C PRI NI VSZ RSS MWCHAN STAT TT TIME COMMAND...
    const m =
      /^\s*\d+\s+(\d+)\s+(\d+)\s+-?\d+\s+-?\d+\s+-?\d+\s+\d+\s+\d+\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(.*)$/.exec(
        line,
      );
    if (!m) {
      inPs = false;
      continue;
    }
    const proc: PsProcess = {
      pid: Number(m[1]),
      ppid: Number(m[2]),
      state: m[4] as string,
      command: m[7] as string,
    };
    if (m[3] !== '-') proc.wchan = m[3] as string;
    out.push(withTime(proc, m[6] as string));
  }
  return out;
}

function addPsInfo(threads: Thread[], rows: PsRow[], progress: PsThreads): Thread[] {
  // Every procstat thread has a pid; keyed by `number | undefined` only to satisfy the model's type.
  const byPid = new Map<number | undefined, PsRow>(rows.map((r) => [r.proc.pid, r]));
  const perPid = new Map<number | undefined, number>();
  for (const t of threads) perPid.set(t.pid, (perPid.get(t.pid) ?? 0) + 1);
  for (const t of threads) {
    // A thread asleep for good neither runs nor switches, so its counter stays; one that runs adds
    // to its TIME, one that sleeps and wakes adds switches.
    const counter = progress.counters.get(`${t.pid}/${t.tid}`);
    if (t.cpuTicks === undefined && counter !== undefined) t.cpuTicks = counter;
    const row = byPid.get(t.pid);
    // ps -axl without -H shows one line a process: its state, wait channel and CPU time say
    // nothing about which of several threads is asleep where or ran, so only a single-threaded
    // process takes them.
    if (!row || perPid.get(row.proc.pid) !== 1) continue;
    const p = row.proc;
    // STAT's first letter is the state (D, I, L, R, S, T, W, Z); the rest are flags.
    if (t.state === undefined) t.state = p.state.charAt(0);
    // procstat prints no wait channel, so ps's is the only one.
    if (p.wchan !== undefined) t.wchan = p.wchan;
    // An older capture without the per-thread block: the process's TIME alone. Never in a capture
    // that has the block but lost this thread's row (a kernel message across it): TIME alone is a
    // smaller number than TIME plus switches, and the two samples would seem to differ.
    if (!progress.seen && t.cpuTicks === undefined && row.cpuTime !== undefined) t.cpuTicks = row.cpuTime;
  }
  return threads;
}
