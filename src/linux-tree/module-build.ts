// `build: module` on the Linux guest: the tree's fs/fuse built on the host as an external module
// (`make -C <kernel headers> M=<folder>`) against the guest's own kernel headers, then stripped of
// debug info for the payload. The build folder is kept between runs and only files whose content
// changed are copied into it, so make rebuilds just those (a one-file change is a few seconds).
// The folder is shared by every run of the same tree on this machine: the build holds its lock
// (src/cache/lock.ts) and strips the module straight into the run's own folder under it, so no run
// loads a module another run built or is still writing.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { withBuildFolderLock } from '../cache/lock.js';
import {
  type CompilerError,
  parseCompilerErrors as parseDiagnostics,
  relativeTo,
} from '../report/compiler-errors.js';
import { type LinkError, parseLinkErrors as parseLinkerOutput } from '../report/link-errors.js';
import { lastLines, runDidNotFinish, runInGroup, treeFaultHeadline } from './host-run.js';

/** Where a Linux tree keeps its FUSE driver. */
export const FUSE_DIR = 'fs/fuse';

/** A Linux FUSE tree: a full kernel tree, or one holding only fs/fuse (what the tests use). */
export function isLinuxFuseTree(dir: string): boolean {
  return existsSync(path.join(dir, FUSE_DIR, 'Makefile')) && existsSync(path.join(dir, FUSE_DIR, 'fuse_i.h'));
}

export type { CompilerError } from '../report/compiler-errors.js';

export interface ModuleBuild {
  ok: boolean;
  /** `tree` when the compiler or modpost rejected the tree's code; `gate` for anything else. */
  blame?: 'tree' | 'gate';
  /** The end of make's output. */
  tail: string;
  compilerErrors: CompilerError[];
  /** modpost's undefined symbols (and the linker's duplicates) of fuse.ko. */
  linkErrors: LinkError[];
  /** The module to load (debug info stripped), with its identity. */
  module?: string;
  sha256?: string;
  /** The GNU build id the linker gave the module; the loaded module shows it in sysfs. */
  buildId?: string;
  vermagic?: string;
  /** Tree files whose content differed from the last build in this folder. */
  changed: string[];
  durationMs: number;
}

export interface ModuleBuildOptions {
  tree: string;
  /** The guest kernel's headers (`/usr/src/linux-headers-RELEASE` unpacked). */
  kernelBuildDir: string;
  /** Kept between builds; the tree's fs/fuse is mirrored into `<buildDir>/fuse`. */
  buildDir: string;
  /** This run's own folder: the stripped module is written here (`fuse.ko`), not in the shared build folder. */
  moduleDir: string;
  timeoutMs: number;
  /** How long to wait for another run's build in the same folder; default `timeoutMs`. */
  lockWaitMs?: number;
  /** Progress notes (this run waits for another one). */
  log?: (message: string) => void;
  /** A cancelled run stops waiting for the lock. */
  signal?: AbortSignal;
}

/** Files of fs/fuse that the build reads; build products in a tree built in place are left out. */
const SOURCE_FILE = /^(?:[\w.-]+\.[ch]|Makefile|Kbuild|Kconfig)$/;

export async function buildFuseModule(options: ModuleBuildOptions): Promise<ModuleBuild> {
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
      changed: [],
      durationMs: Date.now() - started,
    }),
  );
}

async function buildHoldingLock(options: ModuleBuildOptions): Promise<ModuleBuild> {
  const started = Date.now();
  const folder = path.join(options.buildDir, 'fuse');
  const changed = mirrorSources(path.join(options.tree, FUSE_DIR), folder);
  const done = (
    result: Omit<ModuleBuild, 'changed' | 'durationMs' | 'linkErrors'> & { linkErrors?: LinkError[] },
  ): ModuleBuild => ({
    linkErrors: [],
    ...result,
    changed,
    durationMs: Date.now() - started,
  });
  const make = await runInGroup(
    'make',
    [
      '-C',
      options.kernelBuildDir,
      `M=${folder}`,
      `-j${Math.max(1, availableParallelism())}`,
      // Only fuse.ko: CUSE and virtio-fs are separate modules the workloads never load.
      'CONFIG_CUSE=',
      'CONFIG_VIRTIO_FS=',
      'modules',
    ],
    { timeoutMs: options.timeoutMs, env: { ...process.env, LC_ALL: 'C' } },
  );
  const tail = lastLines(make.output, 40);
  const unfinished = runDidNotFinish(make, 'make', `${Math.round(options.timeoutMs / 1000)} s`);
  if (unfinished) return done({ ok: false, blame: 'gate', tail: unfinished, compilerErrors: [] });
  const compilerErrors = parseCompilerErrors(make.output, folder);
  const built = path.join(folder, 'fuse.ko');
  if (make.code !== 0 || !existsSync(built)) {
    // Blame: the compiler rejecting the tree, or modpost finding a symbol no one exports (the
    // module's own link is `ld -r`, which leaves undefined symbols to modpost and the loader), is
    // the tree's; make failing for another reason is ours.
    const linkErrors = parseLinkErrors(make.output, folder);
    if (compilerErrors.length || linkErrors.length)
      return done({
        ok: false,
        blame: 'tree',
        tail: `${treeFaultHeadline('make modules (fs/fuse)', make.code, compilerErrors, linkErrors)}:\n${tail}`,
        compilerErrors,
        linkErrors,
      });
    return done({ ok: false, blame: 'gate', tail, compilerErrors });
  }
  mkdirSync(options.moduleDir, { recursive: true });
  const module = path.join(options.moduleDir, 'fuse.ko');
  const strip = await runInGroup('objcopy', ['--strip-debug', built, module], { timeoutMs: 60_000 });
  if (strip.code !== 0)
    return done({
      ok: false,
      blame: 'gate',
      tail: `objcopy --strip-debug failed: ${strip.output.trim()}`,
      compilerErrors: [],
    });
  const bytes = readFileSync(module);
  return done({
    ok: true,
    tail,
    compilerErrors: [],
    module,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    buildId: gnuBuildId(bytes),
    vermagic: modinfoField(bytes, 'vermagic'),
  });
}

/** Makes `to` hold the same source files as `from`; returns the names whose content changed. */
export function mirrorSources(from: string, to: string): string[] {
  mkdirSync(to, { recursive: true });
  // Only names mirrored before are ever removed: kbuild writes generated sources (fuse.mod.c) here.
  const manifest = path.join(to, '.fusefs-gate-sources');
  const before = existsSync(manifest) ? readFileSync(manifest, 'utf8').split('\n').filter(Boolean) : [];
  const wanted = readdirSync(from).filter(
    (name) => SOURCE_FILE.test(name) && !name.endsWith('.mod.c') && statSync(path.join(from, name)).isFile(),
  );
  const changed: string[] = [];
  for (const name of wanted) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    // Same content keeps the old copy and its mtime, so make does not rebuild it.
    if (existsSync(target) && readFileSync(source).equals(readFileSync(target))) continue;
    copyFileSync(source, target);
    changed.push(name);
  }
  for (const name of before.filter((name) => !wanted.includes(name))) {
    rmSync(path.join(to, name), { force: true });
    // Its object would otherwise still be linked in by a stale .cmd.
    if (name.endsWith('.c')) rmSync(path.join(to, name.replace(/\.c$/, '.o')), { force: true });
    changed.push(name);
  }
  writeFileSync(manifest, `${wanted.sort().join('\n')}\n`);
  return changed.sort();
}

/** gcc's errors of the fs/fuse build in `folder` (the build's copy of the tree), named as in the tree. */
export function parseCompilerErrors(output: string, folder: string): CompilerError[] {
  return parseDiagnostics(output, relativeTo(folder, `${FUSE_DIR}/`));
}

/** The linker's and modpost's errors of the fs/fuse build in `folder`, files named as in the tree. */
export function parseLinkErrors(output: string, folder: string): LinkError[] {
  return parseLinkerOutput(output, relativeTo(folder, `${FUSE_DIR}/`));
}

/** The descriptor of the ELF note `GNU`/NT_GNU_BUILD_ID (3), as lower-case hex; found by its header bytes. */
export function gnuBuildId(elf: Buffer): string | undefined {
  // Elf64_Nhdr: namesz=4, descsz, type=3, then "GNU\0" and the descriptor.
  for (let at = elf.indexOf('GNU\0', 12, 'latin1'); at >= 12; at = elf.indexOf('GNU\0', at + 1, 'latin1')) {
    const namesz = elf.readUInt32LE(at - 12);
    const descsz = elf.readUInt32LE(at - 8);
    const type = elf.readUInt32LE(at - 4);
    if (namesz === 4 && type === 3 && descsz > 0 && descsz <= 64)
      return elf.subarray(at + 4, at + 4 + descsz).toString('hex');
  }
  return undefined;
}

/** A `NAME=value` string of the module's .modinfo section. */
export function modinfoField(elf: Buffer, name: string): string | undefined {
  const at = elf.indexOf(`\0${name}=`, 0, 'latin1');
  if (at < 0) return undefined;
  const end = elf.indexOf(0, at + 1);
  return elf.subarray(at + name.length + 2, end).toString('latin1');
}
