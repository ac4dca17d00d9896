// The OS adapter boundary: *what* to run in a guest and how to read its answers.
// Adapters know one OS and nothing of QEMU; the gate joins them to a vm and a console.

import type { GateConfig } from '../config/types.js';
import type { LinkError, ProofOfCode, TestResult, Thread } from '../report/model.js';
import type { Shell } from './shell.js';

/** What QEMU boots. */
export type BootMedia =
  | { kind: 'kernel'; kernel: string; initrd: string; append: string }
  | { kind: 'disk'; path: string; format: 'raw' | 'qcow2' };

/** How a guest's console looks while it boots and when it breaks. */
export interface ConsoleProfile {
  /** The prompt that asks for a user name, when the guest has a login. */
  loginPrompt?: RegExp;
  loginUser?: string;
  /** Asked after the user name when the account has a password prompt (BASIC-CI root has none). */
  passwordPrompt?: RegExp;
  /** A root shell prompt as first seen, before the protocol settings. */
  shellPrompt: RegExp;
  /** Printed once per boot; seen twice within one boot phase means a boot loop. */
  bootBanner: RegExp;
  /** How the root shell asks for a planned reboot (sent unframed: the shell does not outlive it). */
  rebootCommand?: string;
  /** Start and end of a kernel panic report on the console. */
  panicStart: RegExp;
  panicEnd: RegExp;
}

/** Where the payload and results disks appear inside the guest. */
export interface DiskLayout {
  /** Raw tar disk with what goes in (read with `tar -xf DEV`). */
  payload: string;
  /** Raw disk the guest writes a tar of its results to (`tar -cf DEV`). */
  results: string;
}

/** One test to run under the guest watchdog. */
export interface TestSpec {
  /** Stable name: `workload/mmap-write`, `gtest/write`. */
  name: string;
  kind: 'workload' | 'gtest';
  /** The shell command (already quoted) the watchdog runs. */
  command: string;
  /** For gtest: where the XML report is written in the guest. */
  xmlPath?: string;
}

/** The outcome of building and loading the target tree. */
export interface TargetOutcome {
  /** `none` when the adapter has nothing to build (the Linux test guest). */
  mode: 'module' | 'kernel' | 'none';
  why: string;
  ok: boolean;
  /** Compiler or loader output tail when not ok. */
  tail?: string;
  /** Set when the guest must reboot into a freshly installed kernel before the tests. */
  rebootRequired?: boolean;
  /**
   * Whose fault a failed build is (ARCHITECTURE "Blame"): `tree` when the compiler or the linker
   * rejected the tree (verdict fail, errors as annotations), `gate` for anything else (verdict error).
   */
  blame?: 'tree' | 'gate';
  compilerErrors?: { file: string; line: number; column?: number; message: string }[];
  /** The tree's undefined or duplicate symbols, read by src/report/link-errors.ts (blame `tree` too). */
  linkErrors?: LinkError[];
  /** What runs: the built module's path, or the installed kernel. */
  artifact?: string;
}

/**
 * How the host may ask this guest for stacks once it stops answering (watchdog layer 2), using only
 * what the booted kernel has.
 */
export type BackstopPlan =
  | { kind: 'sysrq'; key: string }
  | { kind: 'ddb'; commands: string[] }
  | { kind: 'none'; why: string };

/** What a reset of a used guest for the next run found: done (with what it did), or why not. */
export type ReuseReset = { ok: true; details: string[] } | { ok: false; why: string };

export interface GuestAdapter {
  readonly os: 'linux' | 'freebsd';
  readonly console: ConsoleProfile;
  /** Device names of the payload and results disks, given how many disks precede them. */
  disks(diskIndexOfPayload: number): DiskLayout;
  /** Unpack the payload into the guest's work folder; make the guest programs runnable. */
  prepare(shell: Shell, disks: DiskLayout, config: GateConfig): Promise<void>;
  /** Build and load the target tree (FreeBSD); decide module vs kernel. */
  buildTarget(shell: Shell, config: GateConfig): Promise<TargetOutcome>;
  /** Prove that the code under test is what runs. A failed proof is an `error` verdict. */
  proveTarget(shell: Shell, config: GateConfig, target: TargetOutcome): Promise<ProofOfCode>;
  /** Mount the fixture (or the user's FUSE server) and return the mount point. */
  mount(shell: Shell, config: GateConfig): Promise<string>;
  /**
   * For the user's own server (--fuse-server): undefined while the mount point is still a FUSE mount,
   * else why not (a server that ends cleanly unmounts itself, and the tests would then run on the
   * folder underneath).
   */
  fuseMountGone?(shell: Shell): Promise<string | undefined>;
  /** The tests to run, in order, for this configuration. */
  tests(config: GateConfig, mountpoint: string): TestSpec[];
  /** Turn a finished gtest run into per-case results (reads the XML through the shell). */
  gtestResults?(shell: Shell, spec: TestSpec, iteration: number): Promise<TestResult[]>;
  /** Parse the stacks of one watchdog sample (the text between the sample markers). */
  parseSample(text: string): Thread[];
  /**
   * After a hang, while the shell still answers: resolve the hung threads' frames in the code under
   * test to `file:line` of the target tree (sets Frame.file, relative to the tree, and Frame.line).
   */
  resolveSourceLines?(shell: Shell, threads: Thread[]): Promise<void>;
  /** What the host backstop may do with this guest (known after prepare). */
  backstop(): BackstopPlan;
  /** Pack results onto the results disk. */
  collect(shell: Shell, disks: DiskLayout): Promise<void>;
  /**
   * A guest session hands this booted guest to the next run: undo what a run left (the mount, the
   * FUSE server, the module under test, the work files under /gate) and drop what the guest cached
   * of the payload and results disks, which the host has just rewritten, so that the next run's
   * prepare starts as on a fresh boot. `ok: false` says why it cannot; the session then boots a
   * fresh guest. An adapter without it never has its guests reused.
   */
  resetForReuse?(shell: Shell, disks: DiskLayout): Promise<ReuseReset>;
}
