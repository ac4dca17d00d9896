// `build: kernel` on the Linux guest: a bzImage built from the user's tree with the gate's own small
// config (guest/linux-kernel.config applied to allnoconfig), out of tree in a build folder kept in
// the cache, so a one-file change recompiles one file and relinks (seconds, not minutes). ccache,
// when the host has it, turns a recompile of unchanged content (a touched header) into a cache hit.
// Every run of the same tree on this machine shares the folder: the build holds its lock
// (src/cache/lock.ts) and copies the bzImage into the run's own folder under it, so a run boots the
// kernel it built, not one another run is relinking. ccache needs no lock: it is made for
// concurrent compilers sharing one cache.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { withBuildFolderLock } from '../cache/lock.js';
import { packageRoot } from '../package-root.js';
import { lastLines, runDidNotFinish, runInGroup, treeFaultHeadline } from './host-run.js';
import { type CompilerError, parseCompilerErrors, relativeTo } from '../report/compiler-errors.js';
import { type LinkError, parseLinkErrors } from '../report/link-errors.js';

/** The config fragment the gate owns; every line of it must hold in the built .config. */
export function kernelConfigFragment(): string {
  return path.join(packageRoot(), 'guest', 'linux-kernel.config');
}

/** The build folder kept for one tree (by its real path), so rebuilds are incremental. */
export function kernelBuildDir(cacheDir: string, tree: string): string {
  const key = createHash('sha256').update(realpathSync(tree)).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'linux-kernel-build', key);
}

export interface KernelBuild {
  ok: boolean;
  /** `tree` when the compiler or linker rejected the tree's code; `gate` for anything else. */
  blame?: 'tree' | 'gate';
  tail: string;
  compilerErrors: CompilerError[];
  /** GNU ld's (or lld's, with LLVM=1) undefined and duplicate symbols of the final link. */
  linkErrors: LinkError[];
  /** Options of the fragment the tree's Kconfig did not give as asked (the build then stops). */
  configMismatches: string[];
  /** Whether the config step ran (first build, or the fragment changed). */
  configured: boolean;
  /** The bzImage to boot (this run's copy), its sha256, and the `linux_banner` built into it (what /proc/version prints). */
  bzImage?: string;
  sha256?: string;
  banner?: string;
  /** include/config/kernel.release: what `uname -r` answers in the guest. */
  release?: string;
  ccache: boolean;
  durationMs: number;
}

export interface KernelBuildOptions {
  tree: string;
  buildDir: string;
  /** This run's own folder: the built bzImage is copied here under the lock. */
  imageDir: string;
  timeoutMs: number;
  /** How long to wait for another run's build in the same folder; default `timeoutMs`. */
  lockWaitMs?: number;
  /** Progress notes (this run waits for another one). */
  log?: (message: string) => void;
  /** Where ccache keeps its objects (used only when the host has ccache). */
  ccacheDir?: string;
  fragment?: string;
  /** Aborted when the run is cancelled: make's process group is killed. */
  signal?: AbortSignal;
}

/** Stamp in the build folder: the fragment's hash the .config was made from. */
const FRAGMENT_STAMP = '.fusefs-gate-fragment';

export async function buildKernel(options: KernelBuildOptions): Promise<KernelBuild> {
  const started = Date.now();
  return withBuildFolderLock(
    options.buildDir,
    options,
    () => buildHoldingLock(options),
    (message) => ({
      ok: false,
      blame: 'gate',
      tail: message,
      compilerErrors: [],
      linkErrors: [],
      configMismatches: [],
      configured: false,
      ccache: false,
      durationMs: Date.now() - started,
    }),
  );
}

async function buildHoldingLock(options: KernelBuildOptions): Promise<KernelBuild> {
  const started = Date.now();
  const fragment = options.fragment ?? kernelConfigFragment();
  const fragmentText = readFileSync(fragment, 'utf8');
  const tree = realpathSync(options.tree);
  mkdirSync(options.buildDir, { recursive: true });
  const deadline = started + options.timeoutMs;
  const ccache = options.ccacheDir !== undefined && (await hasCcache());
  // The same CC for the config step and the build: kconfig records the compiler (CC_VERSION_TEXT)
  // and reconfigures when it changes.
  const common = ['-C', tree, `O=${options.buildDir}`, 'ARCH=x86_64', ...(ccache ? ['CC=ccache gcc'] : [])];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LC_ALL: 'C',
    // Fixed, so two builds of the same tree differ in their banner only by build number and time.
    KBUILD_BUILD_USER: 'fusefs-gate',
    KBUILD_BUILD_HOST: 'host',
    ...(ccache ? { CCACHE_DIR: options.ccacheDir, CCACHE_MAXSIZE: '2G' } : {}),
  };
  let configured = false;
  const done = (
    result: Omit<KernelBuild, 'durationMs' | 'configured' | 'ccache' | 'configMismatches' | 'linkErrors'> & {
      configMismatches?: string[];
      linkErrors?: LinkError[];
    },
  ): KernelBuild => ({
    configMismatches: [],
    linkErrors: [],
    ...result,
    configured,
    ccache,
    durationMs: Date.now() - started,
  });
  const remaining = () => Math.max(1, deadline - Date.now());
  const timeoutSec = Math.round(options.timeoutMs / 1000);
  const timeoutWords = `did not finish within ${timeoutSec} s (build-timeout)`;

  const stamp = path.join(options.buildDir, FRAGMENT_STAMP);
  const fragmentHash = createHash('sha256').update(fragmentText).digest('hex');
  const dotConfig = path.join(options.buildDir, '.config');
  if (!existsSync(dotConfig) || !existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== fragmentHash) {
    configured = true;
    const config = await runInGroup('make', [...common, `KCONFIG_ALLCONFIG=${fragment}`, 'allnoconfig'], {
      timeoutMs: remaining(),
      env,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (config.spawnError)
      return done({
        ok: false,
        blame: 'gate',
        tail: `cannot run make: ${config.spawnError.message}`,
        compilerErrors: [],
      });
    if (config.timedOut || config.code !== 0 || !existsSync(dotConfig))
      return done({
        ok: false,
        blame: 'gate',
        tail: `make allnoconfig with ${fragment} ${config.timedOut ? timeoutWords : `failed (exit ${config.code})`}:\n${lastLines(config.output, 30)}`,
        compilerErrors: [],
      });
    const mismatches = configMismatches(fragmentText, readFileSync(dotConfig, 'utf8'));
    if (mismatches.length)
      return done({
        ok: false,
        blame: 'gate',
        configMismatches: mismatches,
        tail: mismatchMessage(fragment, mismatches),
        compilerErrors: [],
      });
    writeFileSync(stamp, `${fragmentHash}\n`);
  }

  const make = await runInGroup('make', [...common, `-j${Math.max(1, availableParallelism())}`, 'bzImage'], {
    timeoutMs: remaining(),
    env,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (options.signal?.aborted)
    return done({ ok: false, blame: 'gate', tail: 'the kernel build was cancelled', compilerErrors: [] });
  const tail = lastLines(make.output, 40);
  const unfinished = runDidNotFinish(make, 'make bzImage', `${timeoutSec} s (build-timeout)`);
  if (unfinished) return done({ ok: false, blame: 'gate', tail: unfinished, compilerErrors: [] });
  const bzImage = path.join(options.buildDir, 'arch', 'x86', 'boot', 'bzImage');
  if (make.code !== 0 || !existsSync(bzImage)) {
    const compilerErrors = kernelCompilerErrors(make.output, tree);
    // The compiler or the linker rejecting the tree's code is the tree's; anything else is ours.
    // The final links (.tmp_vmlinux*, vmlinux: scripts/link-vmlinux.sh) are executable links, so
    // GNU ld reports undefined references there; vmlinux.o is `ld -r` and reports only duplicates.
    const linkErrors = parseLinkErrors(make.output, relativeTo(tree));
    if (compilerErrors.length || linkErrors.length)
      return done({
        ok: false,
        blame: 'tree',
        tail: `${treeFaultHeadline('make bzImage', make.code, compilerErrors, linkErrors)}:\n${tail}`,
        compilerErrors,
        linkErrors,
      });
    return done({ ok: false, blame: 'gate', tail, compilerErrors });
  }
  // A tree's Kconfig change makes make re-run syncconfig: the fragment must still hold.
  const after = configMismatches(fragmentText, readFileSync(dotConfig, 'utf8'));
  if (after.length)
    return done({
      ok: false,
      blame: 'gate',
      configMismatches: after,
      tail: mismatchMessage(fragment, after),
      compilerErrors: [],
    });
  const utsHeader = path.join(options.buildDir, 'include', 'generated', 'utsversion.h');
  const utsVersion = existsSync(utsHeader) ? utsVersionOf(readFileSync(utsHeader, 'utf8')) : undefined;
  const banner = utsVersion
    ? linuxBanner(readFileSync(path.join(options.buildDir, 'vmlinux')), utsVersion)
    : undefined;
  const releaseFile = path.join(options.buildDir, 'include', 'config', 'kernel.release');
  const release = existsSync(releaseFile) ? readFileSync(releaseFile, 'utf8').trim() : undefined;
  if (!banner)
    return done({
      ok: false,
      blame: 'gate',
      tail: `no linux_banner ("Linux version ... ${utsVersion ?? '(no include/generated/utsversion.h)'}") in ${options.buildDir}/vmlinux`,
      compilerErrors: [],
    });
  mkdirSync(options.imageDir, { recursive: true });
  const copy = path.join(options.imageDir, 'bzImage');
  copyFileSync(bzImage, copy);
  return done({
    ok: true,
    tail,
    compilerErrors: [],
    bzImage: copy,
    sha256: createHash('sha256').update(readFileSync(copy)).digest('hex'),
    banner,
    ...(release ? { release } : {}),
  });
}

/**
 * The fragment's lines that the resulting .config does not hold: `CONFIG_X=v` must appear as is;
 * `# CONFIG_X is not set` means X must not be set to anything (kconfig also leaves an option out
 * entirely when its dependencies are off).
 */
export function configMismatches(fragment: string, dotConfig: string): string[] {
  const have = new Map<string, string>();
  for (const line of dotConfig.split('\n')) {
    const set = /^(CONFIG_\w+)=(.*)$/.exec(line);
    if (set) have.set(set[1]!, set[2]!);
  }
  const problems: string[] = [];
  for (const raw of fragment.split('\n')) {
    const line = raw.trim();
    const unset = /^# (CONFIG_\w+) is not set$/.exec(line);
    if (unset) {
      const got = have.get(unset[1]!);
      if (got !== undefined && got !== 'n') problems.push(`${unset[1]} is not set (got ${unset[1]}=${got})`);
      continue;
    }
    const set = /^(CONFIG_\w+)=(.*)$/.exec(line);
    if (!set) continue;
    const got = have.get(set[1]!);
    if (got !== set[2]) problems.push(`${line} (got ${got === undefined ? 'not set' : `${set[1]}=${got}`})`);
  }
  return problems;
}

function mismatchMessage(fragment: string, mismatches: string[]): string {
  return `the tree's Kconfig does not give what ${fragment} asks for: ${mismatches.join('; ')} (the option is missing from the tree, or its dependencies are off)`;
}

/** gcc's errors, FILE relative to the tree (kbuild names sources by absolute path out of tree). */
export function kernelCompilerErrors(output: string, tree: string): CompilerError[] {
  return parseCompilerErrors(output, relativeTo(tree));
}

/**
 * init/version-timestamp.c (6.1): `linux_banner[] = "Linux version " UTS_RELEASE " (" LINUX_COMPILE_BY
 * "@" LINUX_COMPILE_HOST ") (" LINUX_COMPILER ") " UTS_VERSION "\n"`, the same text fs/proc/version.c
 * prints as /proc/version. vmlinux holds that string twice: init/version.o includes
 * version-timestamp.c with a temporary UTS_VERSION (`# SMP `, no build number nor time) under
 * __weak, and the final link adds version-timestamp.o with the real one
 * (include/generated/utsversion.h). With `utsVersion`, the banner that ends with it; else the last.
 * Without its newline.
 */
export function linuxBanner(vmlinux: Buffer, utsVersion?: string): string | undefined {
  const found: string[] = [];
  for (
    let at = vmlinux.indexOf('Linux version ', 0, 'latin1');
    at >= 0;
    at = vmlinux.indexOf('Linux version ', at + 1, 'latin1')
  ) {
    const end = vmlinux.indexOf(0, at);
    const text = vmlinux.subarray(at, end < 0 ? undefined : end).toString('latin1');
    if (text.endsWith('\n') && !text.includes('%')) found.push(text.slice(0, -1));
  }
  return utsVersion === undefined ? found.at(-1) : found.find((text) => text.endsWith(` ${utsVersion}`));
}

/** `#define UTS_VERSION "#3 SMP Wed Dec  2 02:38:41 UTC 2026"` of include/generated/utsversion.h. */
export function utsVersionOf(header: string): string | undefined {
  return /^#define UTS_VERSION "(.*)"$/m.exec(header)?.[1];
}

async function hasCcache(): Promise<boolean> {
  const probe = await runInGroup('ccache', ['--version'], { timeoutMs: 10_000 });
  return probe.code === 0;
}
