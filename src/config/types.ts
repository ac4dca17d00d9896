// The validated, typed configuration of one gate run. Built by config/parse.ts from
// action inputs or CLI flags; nothing downstream re-validates it.

import type { Verdict } from '../report/model.js';

export const GUESTS = ['linux', 'freebsd'] as const;
export type GuestOs = (typeof GUESTS)[number];

export const WORKLOADS = [
  'mmap-write',
  'mmap-msync',
  'write-readback',
  'truncate-mmap',
  'mmap-while-write',
] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

export const TEST_KINDS = ['workloads', 'gtest'] as const;
export type TestKind = (typeof TEST_KINDS)[number];

export const BUILD_MODES = ['auto', 'module', 'kernel', 'none'] as const;
export type BuildMode = (typeof BUILD_MODES)[number];

export const ACCELERATORS = ['auto', 'kvm', 'tcg'] as const;
export type AcceleratorChoice = (typeof ACCELERATORS)[number];

export interface GateConfig {
  guest: GuestOs;
  /** FreeBSD: `auto` (from the tree's newvers.sh), `latest`, or a version in the grammar of src/image/freebsd-resolve.ts parseVersionInput (e.g. `15.1-RELEASE`, `14.4-RELEASE-p3`, `16.0-CURRENT`). */
  freebsdVersion: string;
  /** A URL or local path overriding the resolved image. */
  image?: string;
  imageSha512?: string;
  /** The FreeBSD source tree under test (FreeBSD guest only). */
  sourceTree: string;
  /** guest linux with --source-tree: the Linux tree whose fs/fuse is built as a module and tested. */
  linuxFuseTree?: string;
  /** With linuxFuseTree: what is built from it and why (src/linux-tree/choose-build.ts). */
  linuxTreeBuild?: { mode: 'module' | 'kernel'; why: string };
  build: BuildMode;
  kernconf: string;
  tests: TestKind[];
  gtestFilter: string;
  workloads: WorkloadName[];
  /** Options for the built-in fixture, e.g. `direct_io`. */
  fixtureOptions: string[];
  /** Fault injected into the fixture (tests of the gate itself), e.g. `stall=write`. */
  fault?: string;
  /** The user's own FUSE server: a command line containing `{mountpoint}`. */
  fuseServer?: string;
  /** FreeBSD: a source folder with the user's server, built in the guest with `make`. */
  fuseServerSource?: string;
  /** Per-test watchdog deadline. */
  timeoutSec: number;
  bootTimeoutSec: number;
  buildTimeoutSec: number;
  /** The whole run's deadline. */
  jobTimeoutSec: number;
  cpus: number;
  memoryMiB: number;
  /** Grow the guest disk overlay to this many GiB (FreeBSD), when set. */
  diskSizeGiB?: number;
  accel: AcceleratorChoice;
  repeat: number;
  /** Verdicts of the tree that fail the job / give a non-zero exit. */
  failOn: Verdict[];
  /** Let `error` (an undecided run) exit 0, with a warning; never implied by failOn. */
  allowError: boolean;
  /** The action installs a missing QEMU with apt (the CLI never installs anything). */
  installQemu: boolean;
  /** Days the artifact is kept; undefined: the repository's setting. */
  retentionDays?: number;
  /** A commit that passed: a hang or panic of HEAD is bisected from it (src/bisect/after-run.ts). */
  bisectGood?: string;
  /** The bisection's hard build limit. */
  bisectMaxBuilds?: number;
  /** Keep the decompressed FreeBSD image in the Actions cache. */
  cacheImages: boolean;
  outDir: string;
  uploadArtifact: boolean;
  artifactName: string;
  /** Where downloaded images and the built Linux guest are kept. */
  cacheDir: string;
}
