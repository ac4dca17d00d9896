// Raw inputs (action inputs or CLI flags, by their action input names) -> a validated GateConfig.
// Everything wrong is found here, before any work starts, with one message naming the input.

import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { Input } from '../constants.js';
import { VERDICTS, type Verdict } from '../report/model.js';
import { missingTreePaths } from '../guest/freebsd.js';
import { chooseLinuxTreeBuild, readLinuxTreeFacts } from '../linux-tree/choose-build.js';
import { isLinuxFuseTree } from '../linux-tree/module-build.js';
import { BadInputError } from './errors.js';
import { checkBuildBeforeBoot, imageKernelOf, readTreeFacts } from './freebsd-tree.js';
import {
  defaultVersion,
  parseVersion,
  parseVersionInput,
  versionFromNewvers,
  VERSION_INPUT_HELP,
  type VersionInput,
} from '../image/freebsd-resolve.js';
import {
  ACCELERATORS,
  BUILD_MODES,
  GUESTS,
  TEST_KINDS,
  WORKLOADS,
  type GateConfig,
  type GuestOs,
  type TestKind,
  type WorkloadName,
} from './types.js';

export type RawInputs = Partial<Record<Input, string>>;

/** Defaults that depend on the guest: a FreeBSD boot under TCG is far slower than the Linux test guest. */
const DEFAULTS = {
  freebsd: { bootTimeout: 600, tests: 'workloads,gtest' },
  linux: { bootTimeout: 60, tests: 'workloads' },
} as const;

const FAULT_PATTERN = /^(stall|crash|eio|panic|slow)=(write|read|flush)$|^stall_after=\d+$/;
const FIXTURE_OPTION_PATTERN =
  /^(direct_io|backing=[\w./-]+|stall=(write|read|flush)|stall_after=\d+|crash=(write|read|flush)|eio=(write|read|flush))$/;

export interface ParseContext {
  /** Where relative paths are resolved (the workspace on GitHub, the cwd on the CLI). */
  cwd: string;
  /** Names the artifact uniquely per job when `artifact-name` is not given. */
  env: NodeJS.ProcessEnv;
  /** How the input is spelled for the user (`--timeout` on the CLI, `timeout` in a workflow). */
  spell?: (input: Input) => string;
}

export function parseConfig(raw: RawInputs, context: ParseContext): GateConfig {
  const spell = context.spell ?? ((input: Input) => input);
  const value = (input: Input): string | undefined => {
    const v = raw[input]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const fail = (input: Input, problem: string): never => {
    throw new BadInputError(spell(input), problem);
  };
  const oneOf = <T extends string>(input: Input, allowed: readonly T[], fallback: T): T => {
    const v = value(input) ?? fallback;
    if (!(allowed as readonly string[]).includes(v))
      fail(input, `${JSON.stringify(v)} is not one of ${allowed.join(', ')}`);
    return v as T;
  };
  const listOf = <T extends string>(input: Input, allowed: readonly T[], fallback: string): T[] => {
    const items = splitList(value(input) ?? fallback);
    for (const item of items) {
      if (!(allowed as readonly string[]).includes(item))
        fail(input, `${JSON.stringify(item)} is not one of ${allowed.join(', ')}`);
    }
    if (items.length === 0)
      fail(input, 'the list is empty: nothing would run, and nothing ran is never a pass');
    return [...new Set(items)] as T[];
  };
  // Seconds: a whole number or up to three decimals (milliseconds), the same that guest/watchdog.sh
  // accepts for its deadline, so host and guest never disagree on what a number is.
  const positive = (input: Input, fallback: number, max: number, integer = false): number => {
    const v = value(input);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!/^\d+(\.\d+)?$/.test(v) || !Number.isFinite(n) || n <= 0)
      fail(input, `${JSON.stringify(v)} is not a positive number`);
    if (/\.\d{4,}$/.test(v))
      fail(input, `${JSON.stringify(v)} is more precise than a millisecond: use at most three decimals`);
    if (integer && !Number.isInteger(n)) fail(input, `${JSON.stringify(v)} is not a whole number`);
    if (n > max) fail(input, `${v} is more than the maximum ${max}`);
    return n;
  };

  const guest = oneOf<GuestOs>(Input.Guest, GUESTS, 'freebsd');
  const defaults = DEFAULTS[guest];
  const tests = listOf<TestKind>(Input.Tests, TEST_KINDS, defaults.tests);
  if (guest === 'linux' && tests.includes('gtest')) {
    fail(Input.Tests, "'gtest' runs the FreeBSD tree's write.cc tests and needs guest 'freebsd'");
  }

  const fixtureOptions = splitList(value(Input.FixtureOptions) ?? 'direct_io');
  for (const option of fixtureOptions) {
    if (!FIXTURE_OPTION_PATTERN.test(option))
      fail(
        Input.FixtureOptions,
        `${JSON.stringify(option)} is not a fixture option (direct_io, backing=DIR)`,
      );
  }
  const fault = value(Input.Fault);
  if (fault !== undefined && !FAULT_PATTERN.test(fault)) {
    fail(
      Input.Fault,
      `${JSON.stringify(fault)} is not a fault (stall=|crash=|eio=|panic=|slow= write|read|flush, stall_after=N)`,
    );
  }

  if (guest === 'linux') {
    const meaningless = freebsdOnlyInputs(value).find(([, given]) => given);
    if (meaningless)
      fail(
        meaningless[0],
        `means nothing on guest 'linux' (${meaningless[2]}): leave it out or use guest 'freebsd'`,
      );
  }

  const fuseServer = value(Input.FuseServer);
  if (fuseServer !== undefined && !fuseServer.includes('{mountpoint}')) {
    fail(Input.FuseServer, 'the command line must contain {mountpoint}, where the gate puts the mount point');
  }
  const fuseServerSource = value(Input.FuseServerSource);
  if (fuseServerSource !== undefined && fuseServer === undefined) {
    fail(
      Input.FuseServerSource,
      `${JSON.stringify(fuseServerSource)} is shipped only for a server of your own: give '${spell(Input.FuseServer)}' too (the command line that starts it), or leave it out`,
    );
  }
  if (fuseServerSource !== undefined) {
    requireDirectory(path.resolve(context.cwd, fuseServerSource), () =>
      fail(Input.FuseServerSource, `${JSON.stringify(fuseServerSource)} is not a directory`),
    );
  }

  const sourceTree = path.resolve(context.cwd, value(Input.SourceTree) ?? '.');
  if (guest === 'freebsd') {
    requireDirectory(sourceTree, () =>
      fail(Input.SourceTree, `${JSON.stringify(sourceTree)} is not a directory`),
    );
    if (!existsSync(path.join(sourceTree, 'sys', 'fs', 'fuse'))) {
      fail(
        Input.SourceTree,
        `${JSON.stringify(sourceTree)} has no sys/fs/fuse: point it at a FreeBSD source tree checkout`,
      );
    }
    const build = oneOf(Input.Build, BUILD_MODES, 'auto');
    const missing = missingTreePaths((relative) => existsSync(path.join(sourceTree, relative)), build, tests);
    if (missing.length)
      fail(
        Input.SourceTree,
        `${JSON.stringify(sourceTree)} lacks what build '${build}' and tests '${tests.join(',')}' need: ${missing.join(', ')}`,
      );
  }

  // guest linux: a Linux FUSE tree under --source-tree is built as a module and tested. The action
  // always passes its default '.', so '.' without fs/fuse means the packaged driver, unless a build
  // was asked for; any other path must be a Linux tree.
  let linuxFuseTree: string | undefined;
  let linuxTreeBuild: GateConfig['linuxTreeBuild'];
  if (guest === 'linux') {
    const given = value(Input.SourceTree);
    const build = oneOf(Input.Build, BUILD_MODES, 'auto');
    const wantsTree = (given !== undefined && given !== '.') || build === 'module' || build === 'kernel';
    if (existsSync(sourceTree) && isLinuxFuseTree(sourceTree)) linuxFuseTree = sourceTree;
    else if (wantsTree) {
      requireDirectory(sourceTree, () =>
        fail(Input.SourceTree, `${JSON.stringify(sourceTree)} is not a directory`),
      );
      fail(
        Input.SourceTree,
        `${JSON.stringify(sourceTree)} has no fs/fuse/Makefile and fs/fuse/fuse_i.h: point it at a Linux kernel tree`,
      );
    }
    if (linuxFuseTree && build === 'none' && given !== undefined && given !== '.')
      fail(Input.Build, "'none' with a Linux source tree would test nothing of it: use 'module' or 'auto'");
    if (build === 'none') linuxFuseTree = undefined;
    // Module or kernel, before anything is fetched or built (src/linux-tree/choose-build.ts).
    if (linuxFuseTree && build !== 'none') {
      const choice = chooseLinuxTreeBuild(readLinuxTreeFacts(linuxFuseTree), build);
      if ('refuse' in choice) fail(choice.input === 'build' ? Input.Build : Input.SourceTree, choice.refuse);
      else linuxTreeBuild = choice;
    }
  }

  const image = value(Input.Image);
  if (image !== undefined && !/^https?:\/\//.test(image) && !existsSync(path.resolve(context.cwd, image))) {
    fail(Input.Image, `${JSON.stringify(image)} is neither an http(s) URL nor an existing file`);
  }
  const imageSha512 = value(Input.ImageSha512)?.toLowerCase();
  if (imageSha512 !== undefined && !/^[0-9a-f]{128}$/.test(imageSha512))
    fail(Input.ImageSha512, 'expected 128 hexadecimal digits');
  if (imageSha512 !== undefined && image === undefined)
    fail(Input.ImageSha512, `only means something together with '${spell(Input.Image)}'`);

  // One grammar for this parser and the image resolver (src/image/freebsd-resolve.ts).
  const freebsdVersion = value(Input.FreebsdVersion) ?? 'auto';
  let versionInput: VersionInput = { kind: 'auto' };
  try {
    versionInput = parseVersionInput(freebsdVersion);
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    fail(
      Input.FreebsdVersion,
      `${JSON.stringify(freebsdVersion)} is not 'auto' or a version: expected ${VERSION_INPUT_HELP}`,
    );
  }
  if (guest === 'freebsd') {
    // Before anything is fetched or booted: can the asked-for build work with what the tree holds?
    let verdict: ReturnType<typeof checkBuildBeforeBoot> = {};
    try {
      const facts = readTreeFacts(sourceTree);
      const version =
        versionInput.kind === 'version'
          ? versionInput.version
          : versionInput.kind === 'latest'
            ? parseVersion(defaultVersion())
            : facts.newvers
              ? versionFromNewvers(facts.newvers).version
              : undefined;
      verdict = checkBuildBeforeBoot(
        facts,
        oneOf(Input.Build, BUILD_MODES, 'auto'),
        imageKernelOf(version, image),
      );
    } catch (error) {
      if (!(error instanceof BadInputError)) throw error;
      fail(Input.SourceTree, error.problem);
    }
    if (verdict.refuse) fail(Input.SourceTree, verdict.refuse);
  }

  const bisectGood = value(Input.BisectGood);
  if (bisectGood !== undefined) {
    // Whether it names a commit is git's to say (src/bisect/range.ts); here only what git would misread.
    if (bisectGood.startsWith('-') || /\s/.test(bisectGood))
      fail(
        Input.BisectGood,
        `${JSON.stringify(bisectGood)} is not a git revision (a sha, a tag or a branch)`,
      );
    const build = oneOf(Input.Build, BUILD_MODES, 'auto');
    if (build === 'none')
      fail(
        Input.BisectGood,
        "build 'none' tests the image's own fusefs, not the tree's history: nothing to bisect",
      );
    if (guest === 'linux' && !linuxFuseTree)
      fail(
        Input.BisectGood,
        "guest 'linux' without a Linux source tree tests the packaged FUSE driver: there is no history to bisect",
      );
  }
  if (value(Input.BisectMaxBuilds) !== undefined && bisectGood === undefined)
    fail(Input.BisectMaxBuilds, `only means something together with '${spell(Input.BisectGood)}'`);
  const bisectMaxBuilds =
    value(Input.BisectMaxBuilds) === undefined ? undefined : positive(Input.BisectMaxBuilds, 1, 1000, true);

  const failOn = listOf<Verdict>(
    Input.FailOn,
    VERDICTS.filter((v) => v !== 'pass'),
    'fail,hang,panic,error',
  );
  const outDir = path.resolve(context.cwd, value(Input.OutputDir) ?? defaultOutputDir(context.env));
  requireWritableDirectory(outDir, (problem) =>
    fail(Input.OutputDir, `${JSON.stringify(outDir)} cannot be written: ${problem}`),
  );

  const cacheDir = path.resolve(
    context.cwd,
    value(Input.CacheDir) ?? context.env.FUSEFS_GATE_CACHE ?? path.join(homedir(), '.cache', 'fusefs-gate'),
  );
  // The cache holds the guests and the locks every run takes: a read-only one fails the first lock.
  requireWritableDirectory(cacheDir, (problem) =>
    fail(Input.CacheDir, `${JSON.stringify(cacheDir)} cannot be written: ${problem}`),
  );
  requireUsableTmpdir(context.env);

  return {
    guest,
    freebsdVersion,
    image: image && !/^https?:\/\//.test(image) ? path.resolve(context.cwd, image) : image,
    imageSha512,
    sourceTree,
    ...(linuxFuseTree ? { linuxFuseTree } : {}),
    ...(linuxFuseTree && linuxTreeBuild ? { linuxTreeBuild } : {}),
    build: oneOf(Input.Build, BUILD_MODES, 'auto'),
    kernconf: value(Input.Kernconf) ?? '',
    tests,
    gtestFilter: value(Input.GtestFilter) ?? '*',
    workloads: listOf<WorkloadName>(Input.Workloads, WORKLOADS, WORKLOADS.join(',')),
    fixtureOptions,
    fault,
    fuseServer,
    fuseServerSource: fuseServerSource && path.resolve(context.cwd, fuseServerSource),
    timeoutSec: positive(Input.Timeout, 60, 86_400),
    bootTimeoutSec: positive(Input.BootTimeout, defaults.bootTimeout, 86_400),
    buildTimeoutSec: positive(Input.BuildTimeout, 3600, 86_400),
    jobTimeoutSec: positive(Input.JobTimeout, 5400, 7 * 86_400),
    cpus: positive(Input.Cpus, 2, 64, true),
    memoryMiB: parseSize(Input.Memory, value(Input.Memory) ?? '2048', 'M', fail, 128, 1 << 20),
    diskSizeGiB:
      value(Input.DiskSize) === undefined
        ? undefined
        : parseSize(Input.DiskSize, value(Input.DiskSize)!, 'G', fail, 1, 4096),
    accel: oneOf(Input.Accel, ACCELERATORS, 'auto'),
    repeat: positive(Input.Repeat, 1, 10_000, true),
    failOn,
    allowError: parseBoolean(Input.AllowError, value(Input.AllowError) ?? 'false', fail),
    installQemu: parseBoolean(Input.InstallQemu, value(Input.InstallQemu) ?? 'true', fail),
    retentionDays:
      value(Input.RetentionDays) === undefined ? undefined : positive(Input.RetentionDays, 1, 90, true),
    ...(bisectGood !== undefined ? { bisectGood } : {}),
    ...(bisectMaxBuilds !== undefined ? { bisectMaxBuilds } : {}),
    cacheImages: parseBoolean(Input.CacheImages, value(Input.CacheImages) ?? 'true', fail),
    outDir,
    uploadArtifact: parseBoolean(Input.UploadArtifact, value(Input.UploadArtifact) ?? 'true', fail),
    artifactName:
      value(Input.ArtifactName) ??
      defaultArtifactName(guest, freebsdVersion, context.env, value(Input.MatrixLeg)),
    cacheDir,
  };
}

/**
 * Inputs the Linux test guest has no use for, each with whether it was given (a value other than
 * action.yml's default) and why it means nothing there: silently ignoring them would pass a run
 * that did not do what was asked.
 */
function freebsdOnlyInputs(value: (input: Input) => string | undefined): [Input, boolean, string][] {
  return [
    [
      Input.Image,
      value(Input.Image) !== undefined,
      'the test guest boots its own Debian kernel, not an image',
    ],
    [
      Input.ImageSha512,
      value(Input.ImageSha512) !== undefined,
      'the test guest boots its own Debian kernel, not an image',
    ],
    [
      Input.GtestFilter,
      (value(Input.GtestFilter) ?? '*') !== '*',
      "gtest runs the FreeBSD tree's write.cc tests",
    ],
    [
      Input.FreebsdVersion,
      (value(Input.FreebsdVersion) ?? 'auto') !== 'auto',
      'there is no FreeBSD image to choose',
    ],
    [Input.Kernconf, value(Input.Kernconf) !== undefined, 'the test guest builds no kernel'],
  ];
}

export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `2048`, `2048M`, `2G` -> a number in `unit` (M: MiB, G: GiB). */
function parseSize(
  input: Input,
  text: string,
  unit: 'M' | 'G',
  fail: (i: Input, p: string) => never,
  min: number,
  max: number,
): number {
  const match = /^(\d+)\s*([MG])?i?B?$/i.exec(text);
  if (!match)
    return fail(
      input,
      `${JSON.stringify(text)} is not a size like ${unit === 'M' ? '2048, 2048M or 2G' : '20 or 20G'}`,
    );
  const amount = Number(match[1]);
  const given = (match[2]?.toUpperCase() ?? unit) as 'M' | 'G';
  const result = given === unit ? amount : given === 'G' ? amount * 1024 : amount / 1024;
  if (!Number.isInteger(result) || result < min || result > max)
    return fail(input, `${text} is outside ${min}..${max}${unit}`);
  return result;
}

function parseBoolean(input: Input, text: string, fail: (i: Input, p: string) => never): boolean {
  if (/^(true|yes|1)$/i.test(text)) return true;
  if (/^(false|no|0)$/i.test(text)) return false;
  return fail(input, `${JSON.stringify(text)} is not true or false`);
}

function requireDirectory(dir: string, onMissing: () => never): void {
  try {
    if (statSync(dir).isDirectory()) return;
  } catch {
    // fall through
  }
  onMissing();
}

function requireWritableDirectory(dir: string, onProblem: (problem: string) => never): void {
  try {
    makeDirectories(dir);
    accessSync(dir, constants.W_OK);
  } catch (error) {
    onProblem((error as NodeJS.ErrnoException).code ?? String(error));
  }
}

/**
 * The folder for temporary files (the KVM probe's, QEMU's sockets when the work folder's path is
 * too long) is the first of TMPDIR, TMP, TEMP that is set (node's os.tmpdir()); one that names a
 * missing or read-only folder is the environment's bad input, found before anything starts. It is
 * not created: a TMPDIR that does not exist is a mistake to point out, not to paper over.
 */
function requireUsableTmpdir(env: NodeJS.ProcessEnv): void {
  const name = (['TMPDIR', 'TMP', 'TEMP'] as const).find((n) => env[n]);
  if (!name) return;
  const dir = env[name]!;
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new BadInputError(
      name,
      `${JSON.stringify(dir)} cannot hold temporary files: ${(error as NodeJS.ErrnoException).code ?? String(error)}; point ${name} at a writable folder or unset it`,
    );
  }
}

/** mkdir -p one level at a time: node's recursive mkdirSync spins forever under /proc. */
function makeDirectories(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    return;
  }
  makeDirectories(path.dirname(dir));
  mkdirSync(dir);
}

function defaultOutputDir(env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, 'fusefs-gate') : 'fusefs-gate-out';
}

/**
 * Unique per step and per matrix leg: two legs with the same FreeBSD version differ in the strategy's
 * job index, two gate steps of one job in the step id (GITHUB_ACTION), a re-run in the attempt.
 */
export function defaultArtifactName(
  guest: GuestOs,
  version: string,
  env: NodeJS.ProcessEnv,
  matrixLeg?: string,
): string {
  const parts = [
    'fusefs-gate',
    guest === 'freebsd' ? version : 'linux',
    env.GITHUB_JOB,
    matrixLeg && `leg${matrixLeg}`,
    env.GITHUB_ACTION,
    env.GITHUB_RUN_ATTEMPT && `attempt${env.GITHUB_RUN_ATTEMPT}`,
  ];
  return parts
    .filter(Boolean)
    .join('-')
    .replace(/[^\w.-]+/g, '_');
}
