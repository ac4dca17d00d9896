// The one data model every stage shares: verdicts, threads and frames, test results, the report.
import type { LinkError } from './link-errors.js';

export type { LinkError } from './link-errors.js';

export const VERDICTS = ['pass', 'fail', 'hang', 'panic', 'error'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One kernel stack frame, whatever tool printed it. */
export interface Frame {
  /** Function name, e.g. `vm_page_busy_sleep`, `request_wait_answer`. */
  fn: string;
  /** Offset into the function as printed (`0x8f`), when known. */
  offset?: string;
  /** Function size as printed by Linux (`/0x250`), when known. */
  size?: string;
  /** Kernel module, e.g. `fuse` from Linux `[fuse]`, when known. */
  module?: string;
  /** Program counter as printed, when known. */
  address?: string;
  /** Source location, when resolved with debug info. */
  file?: string;
  line?: number;
}

/** The capture format a thread was parsed from. */
export type StackFormat =
  | 'freebsd-procstat'
  | 'freebsd-ddb'
  | 'freebsd-panic'
  /** kgdb (gdb) and lldb backtraces of a FreeBSD kernel (a crash dump, core.txt.N). */
  | 'freebsd-kgdb'
  | 'linux-proc-stack'
  | 'linux-sysrq'
  | 'linux-hung-task'
  | 'linux-panic';

/** One thread with its kernel stack, innermost frame first. */
export interface Thread {
  pid?: number;
  tid?: number;
  /** Process name (FreeBSD COMM, Linux comm). */
  comm: string;
  /** FreeBSD thread name (TDNAME), when not `-`. */
  tdname?: string;
  /** Scheduler state as printed: Linux `D`/`S`/`R`, FreeBSD `D`/`S`/... from ps, when known. */
  state?: string;
  /** Wait channel / wmesg, when known. */
  wchan?: string;
  frames: Frame[];
  format: StackFormat;
  /**
   * A progress counter (Linux: utime+stime clock ticks plus finished read/write system calls, from
   * the watchdog's PROGRESS field; FreeBSD: the thread's CPU time in hundredths of a second plus its
   * voluntary and involuntary context switches, from the watchdog's `ps -axH` block), to tell a
   * stuck thread from a busy or slowly served one.
   */
  cpuTicks?: number;
  /** Which watchdog sample (1 or 2) the thread was captured in, when known. */
  sample?: number;
}

/** A kernel panic found in console output: the message and the panicking thread's stack. */
export interface KernelPanic {
  os: 'freebsd' | 'linux';
  /**
   * The panic message as printed, without the `panic: ` / `Kernel panic - not syncing: ` prefix; for a
   * report without a panic line (an oops, KASAN, WARNING, a soft lockup), its header line.
   */
  message: string;
  /**
   * The report's title, syzkaller style: the kind and the function it happened in
   * (`general protection fault in udp_close`, `panic: sx lock still held in solisten_proto`); for a
   * hung-task panic the hung task's own hang title. Normalised: no offsets, addresses, numbers, build paths.
   */
  title?: string;
  /** The panicking thread (usually one). */
  threads: Thread[];
  /** CPU that panicked, when printed. */
  cpu?: number;
}

/** A parser for one capture format (syzkaller pkg/report style: one small file per format). */
export interface StackParser {
  readonly format: StackFormat;
  /** Does this text contain output of this format? */
  matches(text: string): boolean;
  /** Every thread this format describes in the text. */
  parse(text: string): Thread[];
}

export type TestStatus = 'pass' | 'fail' | 'hang' | 'panic' | 'error' | 'skipped';

/** The result of one test (a workload or a gtest case) in one iteration. */
export interface TestResult {
  /** e.g. `workload/mmap-write` or `gtest/WriteBack.mmap_direct_io`. */
  name: string;
  status: TestStatus;
  durationMs: number;
  iteration: number;
  /** Failure message, exit status, or why it timed out. */
  message?: string;
  /** Output the test printed (trimmed to a bounded size). */
  output?: string;
  /** Stacks captured for this test (hang: the blocked threads of the first sample). */
  threads?: Thread[];
}

/** A named known deadlock from the catalogue that a hang matched. */
export interface KnownBug {
  id: string;
  title: string;
  url: string;
}

export interface PhaseTiming {
  phase: string;
  durationMs: number;
  /** Set when the phase ran out of time or failed. */
  outcome: 'ok' | 'timeout' | 'failed' | 'cancelled';
  note?: string;
}

/** Proof that the code under test really ran (ARCHITECTURE: "The tree's code really ran"). */
export interface ProofOfCode {
  ok: boolean;
  /** Human-readable lines: what was expected, what was found. */
  details: string[];
  /**
   * Set when the proof failed because of the tree's own code, not the gate's: the tree's module does
   * not load into the tree's own kernel. The run is then the tree's `fail`, with this as the reason.
   */
  treeFault?: string;
}

export interface GateReport {
  verdict: Verdict;
  /** One sentence saying why this verdict. */
  reason: string;
  /** For `error`: whose fault, always the gate or the runner, never the tree. */
  exitCode: number;
  guest: 'linux' | 'freebsd';
  accelerator?: 'kvm' | 'tcg';
  acceleratorNote?: string;
  image?: { description: string; path?: string; url?: string; sha512?: string; why?: string };
  build?: {
    mode: string;
    why: string;
    ok: boolean;
    tail?: string;
    compilerErrors?: { file: string; line: number; column?: number; message: string }[];
    /** The tree's undefined or duplicate symbols (src/report/link-errors.ts); a file only when the linker named a line. */
    linkErrors?: LinkError[];
  };
  proof?: ProofOfCode;
  /** The user's own FUSE server (--fuse-server): its command, the mount table line, its output's tail. */
  fuseServer?: { command: string; mountTable: string; logTail: string };
  tests: TestResult[];
  /** Which `repeat` iteration ended the run (1-based), when it was not a pass. */
  stoppedAtIteration?: number;
  signature?: string;
  knownBug?: KnownBug;
  /** Every thread captured (both samples, the backstop, a panic). */
  threads: Thread[];
  panicText?: string;
  /** What the host backstop did and saw when the guest stopped answering. */
  backstop?: string[];
  phases: PhaseTiming[];
  bootAttempts: number;
  /**
   * Only in a guest session (bisect): whether this run used a guest booted for an earlier run
   * (no boot phase then, a `reuse` phase instead), and what became of the guest.
   */
  reusedGuest?: boolean;
  guestSession?: {
    /** What the reset did, or why the run booted a fresh guest. */
    start: string;
    /** Whether the guest was kept running for the next run, and why (not). */
    end?: string;
  };
  startedAt: string;
  finishedAt: string;
  files: { report?: string; serialLog?: string; stacks?: string; junit?: string; summary?: string };
}
