// Every action input, output and saved state named once; action.yml and the code must agree
// (test/unit/action-yml.test.ts checks that they do).

export enum Input {
  Guest = 'guest',
  FreebsdVersion = 'freebsd-version',
  Image = 'image',
  ImageSha512 = 'image-sha512',
  SourceTree = 'source-tree',
  Build = 'build',
  Kernconf = 'kernconf',
  Tests = 'tests',
  GtestFilter = 'gtest-filter',
  Workloads = 'workloads',
  FixtureOptions = 'fixture-options',
  Fault = 'fault',
  FuseServer = 'fuse-server',
  FuseServerSource = 'fuse-server-source',
  Timeout = 'timeout',
  BootTimeout = 'boot-timeout',
  BuildTimeout = 'build-timeout',
  JobTimeout = 'job-timeout',
  Cpus = 'cpus',
  Memory = 'memory',
  DiskSize = 'disk-size',
  Accel = 'accel',
  Repeat = 'repeat',
  FailOn = 'fail-on',
  UploadArtifact = 'upload-artifact',
  ArtifactName = 'artifact-name',
  OutputDir = 'output-dir',
  CacheDir = 'cache-dir',
  AllowError = 'allow-error',
  InstallQemu = 'install-qemu',
  RetentionDays = 'retention-days',
  CacheImages = 'cache-images',
  MatrixLeg = 'matrix-leg',
  BisectGood = 'bisect-good',
  BisectMaxBuilds = 'bisect-max-builds',
}

export enum Output {
  Verdict = 'verdict',
  Signature = 'signature',
  Report = 'report',
  Stacks = 'stacks',
  SerialLog = 'serial-log',
  Junit = 'junit',
  Summary = 'summary',
  ArtifactUrl = 'artifact-url',
  KnownBug = 'known-bug',
  FirstBadCommit = 'first-bad-commit',
  BisectResult = 'bisect-result',
  BisectReport = 'bisect-report',
}

/** CLI-only flags (not action inputs): the CLI's help lists them beside the inputs. */
export enum CliFlag {
  Help = 'help',
  Version = 'version',
  Verbose = 'verbose',
  Quiet = 'quiet',
  Out = 'out',
}

export enum State {
  /** Path of the pidfile of the QEMU this run started; the post step ends it if still there. */
  QemuPidfile = 'qemu-pidfile',
  OutputDir = 'output-dir',
  MainFinished = 'main-finished',
}

/** Exit codes: 0 pass, 1 fail, 2 hang, 3 panic, 64 bad usage, 125 undecided (git bisect run skips). */
export const EXIT = {
  pass: 0,
  fail: 1,
  hang: 2,
  panic: 3,
  usage: 64,
  error: 125,
  sigint: 130,
  sigterm: 143,
} as const;

/**
 * The verdicts of the commit under test that `bisect-good` bisects: the failures a bisection is for.
 * Not `fail`: it also covers a tree that does not compile (which a bisection skips, never blames)
 * and a test still making progress at its deadline (load, not a commit); `fusefs-gate bisect`
 * bisects a `fail` when asked to.
 */
export const BISECT_VERDICTS = ['hang', 'panic'] as const;

/** Host commands the gate runs QEMU with, and the Debian/Ubuntu packages that ship them. */
export const QEMU_COMMANDS = { 'qemu-system-x86_64': 'qemu-system-x86', 'qemu-img': 'qemu-utils' } as const;

/** Log group names the action and the CLI share. */
export const GROUP = { installQemu: 'Install QEMU' } as const;
