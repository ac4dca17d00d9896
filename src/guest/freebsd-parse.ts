// Readers of FreeBSD command output that the adapter needs to decide things: compiler and linker
// errors, the kernel linker's undefined symbols, kldstat -v, googletest XML and console lines, and the module-vs-kernel decision. Pure: text in, data out. (Kernel stacks are parsed in src/report.)

import { checkBuildBeforeBoot, type TreeFacts } from '../config/freebsd-tree.js';
import { osreldateMajor } from '../image/freebsd-resolve.js';
import {
  type CompilerError,
  parseCompilerErrors as parseDiagnostics,
  relativeTo,
} from '../report/compiler-errors.js';

import { type LinkError, parseLinkErrors as parseLinkerOutput } from '../report/link-errors.js';

export type { CompilerError } from '../report/compiler-errors.js';
export type { LinkError } from '../report/link-errors.js';

/** A file as a make run in the guest prints it, relative to the tree (see parseCompilerErrors). */
function treeRelative(treeRoot: string): (file: string) => string {
  const underTree = relativeTo(treeRoot);
  return (file) => underTree(file.replace(/^(?:\.\.\/)+/, ''));
}

/**
 * The compiler errors of a make run in the guest, files relative to the tree: the tree's guest path
 * `treeRoot` stripped, and make's `../../../` in front of paths it prints from an object folder.
 */
export function parseCompilerErrors(text: string, treeRoot = '/gate/src/'): CompilerError[] {
  return parseDiagnostics(text, treeRelative(treeRoot));
}

/**
 * The linker errors of a make run in the guest (FreeBSD's ld is LLVM lld: the kernel's final link,
 * sys/conf/kern.pre.mk SYSTEM_LD_BASECMD `${LD} ... -Bdynamic -T ${LDSCRIPT} ... --export-dynamic`,
 * is an executable link, so an undefined symbol is an error; a module's `ld -r`, sys/conf/kmod.mk,
 * reports only duplicates), source files relative to the tree as for compiler errors. The kernel's
 * sources are compiled by absolute path (usr.sbin/config/main.cc get_srcdir: realpath("../..") of
 * the conf folder, the `S=` of the kernel Makefile), which lld prints in parentheses.
 */
export function parseLinkErrors(text: string, treeRoot = '/gate/src/'): LinkError[] {
  return parseLinkerOutput(text, treeRelative(treeRoot));
}

/**
 * The symbols the kernel linker could not resolve when loading a module: sys/kern/link_elf_obj.c
 * relocate_file prints `link_elf_obj: symbol %s undefined` and stops at the first such relocation
 * (ENOENT), so one load names one symbol. Each once, in order, from dmesg. relocate_file prints the
 * same line for any relocation elf_reloc() refused, and for a type it does not handle elf_reloc()
 * has just printed `kldload: unexpected relocation type %ld` (or `unexpected R_COPY relocation`,
 * sys/amd64/amd64/elf_machdep.c elf_reloc_internal): then the symbol is not known to be missing.
 */
export function undefinedKernelSymbols(dmesg: string): string[] {
  const symbols: string[] = [];
  let previous = '';
  for (const raw of dmesg.split(/\r?\n/)) {
    const line = raw.trim();
    const m = /^link_elf_obj: symbol (\S+) undefined$/.exec(line);
    if (m && !previous.startsWith('kldload: unexpected ') && !symbols.includes(m[1]!)) symbols.push(m[1]!);
    previous = line;
  }
  return symbols;
}

export interface KldFile {
  id: number;
  refs: number;
  address: string;
  size: string;
  name: string;
  /** Full path (kldstat -v only). */
  path?: string;
  modules: string[];
}

/**
 * sbin/kldstat/kldstat.c: header `Id Refs Address%*c %8s Name`, one line per file
 * `%2d %4d %*p %8zx %s`, with -v followed by ` (%s)` (the path), `\tContains modules:`,
 * `\t\t Id Name` and `\t\t%3d %s` per module (older kldstat: `\t\t%2d %s`).
 */
export function parseKldstat(text: string): KldFile[] {
  const files: KldFile[] = [];
  let current: KldFile | undefined;
  for (const line of text.split(/\r?\n/)) {
    const f = /^\s*(\d+)\s+(\d+)\s+(0x[0-9a-fA-F]+)\s+([0-9a-fA-F]+)\s+(\S+)(?:\s+\((.*)\))?\s*$/.exec(line);
    if (f) {
      current = {
        id: Number(f[1]),
        refs: Number(f[2]),
        address: f[3]!,
        size: f[4]!,
        name: f[5]!,
        modules: [],
      };
      if (f[6] !== undefined) current.path = f[6];
      files.push(current);
      continue;
    }
    const mod = /^\t\t\s*(\d+)\s+(\S+)\s*$/.exec(line);
    if (mod && current) current.modules.push(mod[2]!);
  }
  return files;
}

/** The loaded file that provides the `fusefs` module (or is named fusefs.ko). */
export function findFusefs(files: KldFile[]): KldFile | undefined {
  return files.find((f) => f.modules.includes('fusefs')) ?? files.find((f) => f.name === 'fusefs.ko');
}

export interface GtestCase {
  /** `WriteBack.mmap_direct_io` */
  name: string;
  status: 'pass' | 'fail' | 'skipped';
  durationMs: number;
  message?: string;
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1]!] = xmlUnescape(m[2]!);
  return out;
}

/**
 * googletest's --gtest_output=xml report: <testsuites tests=N ...><testsuite name=S ...>
 * <testcase name=T classname=S status="run|notrun" result="completed|skipped|suppressed" time="s">
 * with <failure message=...> children for failures and <skipped .../> for GTEST_SKIP.
 */
export function parseGtestXml(xml: string): { total: number; cases: GtestCase[] } {
  const root = /<testsuites\b[^>]*>/.exec(xml);
  if (!root) throw new Error('not a googletest XML report (no <testsuites>)');
  const total = Number(attrs(root[0]).tests ?? 0);
  const cases: GtestCase[] = [];
  const re = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const m of xml.matchAll(re)) {
    const a = attrs(m[1]!);
    const body = m[3] ?? '';
    const name = `${a.classname ?? ''}.${a.name ?? ''}`;
    const durationMs = Math.round(Number(a.time ?? 0) * 1000);
    if (a.status === 'notrun') continue; // DISABLED_ tests
    const failures = [...body.matchAll(/<failure\b([^>]*)>/g)].map((f) => attrs(f[1]!).message ?? '');
    if (failures.length) {
      cases.push({ name, status: 'fail', durationMs, message: failures.join('\n') });
    } else if (a.result === 'skipped' || /<skipped\b/.test(body)) {
      const sk = /<skipped\b([^>]*)/.exec(body);
      const c: GtestCase = { name, status: 'skipped', durationMs };
      const msg = sk ? attrs(sk[1]!).message : undefined;
      if (msg) c.message = msg;
      cases.push(c);
    } else {
      cases.push({ name, status: 'pass', durationMs });
    }
  }
  return { total, cases };
}

export interface GtestConsole {
  started: string[];
  finished: Map<string, 'OK' | 'FAILED' | 'SKIPPED'>;
  /** Started and never finished: the case a hang is in. */
  unfinished: string[];
  /** `[==========] N tests from M test suites ran.` when printed. */
  ran?: number;
}

/**
 * googletest's console: `[ RUN      ] Suite.name`, `[       OK ] Suite.name (N ms)`, `[  FAILED  ]`, `[  SKIPPED ]`.
 * A failed parameterized test's name is followed by `, where GetParam() = ...` (contrib/googletest/
 * googletest/src/gtest.cc PrintFullTestCommentIfPresent): the name ends at the comma.
 */
export function parseGtestConsole(text: string): GtestConsole {
  const started: string[] = [];
  const finished = new Map<string, 'OK' | 'FAILED' | 'SKIPPED'>();
  let ran: number | undefined;
  for (const line of text.split(/\r?\n/)) {
    const run = /^\[ RUN {6}\] (\S+)/.exec(line);
    if (run) {
      started.push(run[1]!);
      continue;
    }
    const end = /^\[ {2}(?: {5}(OK)|(FAILED)|(SKIPPED)) {1,2}\] ([^\s,]+)/.exec(line);
    if (end) {
      const what = (end[1] ?? end[2] ?? end[3]) as 'OK' | 'FAILED' | 'SKIPPED';
      if (!finished.has(end[4]!) || what !== 'FAILED') finished.set(end[4]!, what);
      continue;
    }
    const total = /^\[==========\] (\d+) tests? from \d+ test (?:suites?|cases?) ran/.exec(line);
    if (total) ran = Number(total[1]);
  }
  const unfinished = started.filter((n) => !finished.has(n));
  const out: GtestConsole = { started, finished, unfinished };
  if (ran !== undefined) out.ran = ran;
  return out;
}

export interface BuildDecision {
  /** `refuse`: a kernel build is needed but the tree cannot build one (why says what to change). */
  mode: 'module' | 'kernel' | 'none' | 'refuse';
  why: string;
}

/**
 * build: auto -> a module when the tree is of the running kernel's major branch and not newer
 * than it (`__FreeBSD_version` vs `sysctl -n kern.osreldate`; KBI is stable within a branch, a
 * newer tree may use kernel interfaces the running kernel lacks), else a kernel. With `tree` (what
 * the host's tree holds, src/config/freebsd-tree.ts), a kernel build that tree cannot do is
 * refused with the same words as the check before boot: the booted kernel only now told the
 * gate its kern.osreldate, and a sparse payload has no Makefile.inc1 buildkernel to run.
 */
export function decideBuild(
  build: 'auto' | 'module' | 'kernel' | 'none',
  treeVersion: number,
  osreldate: number,
  treeFacts?: TreeFacts | (() => TreeFacts),
): BuildDecision {
  const decision = decideMode(build, treeVersion, osreldate);
  if (decision.mode !== 'kernel' || !treeFacts) return decision;
  // Read only when a kernel build is on the table.
  const tree = typeof treeFacts === 'function' ? treeFacts() : treeFacts;
  if (tree.missingForKernel.length === 0) return decision;
  const booted = {
    name: 'the booted image',
    major: osreldateMajor(osreldate),
    osreldate,
    source: 'sysctl kern.osreldate',
  };
  const check = checkBuildBeforeBoot(
    { ...tree, version: treeVersion },
    build === 'kernel' ? 'kernel' : 'auto',
    booted,
  );
  const refusal =
    check.refuse ??
    `${decision.why}, but ${tree.tree} lacks ${tree.missingForKernel.join(', ')}, which a kernel build needs (Makefile.inc1 buildkernel)`;
  return { mode: 'refuse', why: refusal };
}

function decideMode(
  build: 'auto' | 'module' | 'kernel' | 'none',
  treeVersion: number,
  osreldate: number,
): BuildDecision {
  const tree = `the tree's __FreeBSD_version is ${treeVersion}`;
  const running = `the image's kern.osreldate is ${osreldate}`;
  if (build !== 'auto') return { mode: build, why: `build: ${build} was asked for (${tree}, ${running})` };
  const tm = osreldateMajor(treeVersion);
  const rm = osreldateMajor(osreldate);
  if (tm !== rm) {
    return {
      mode: 'kernel',
      why: `${tree} (FreeBSD ${tm}) and ${running} (FreeBSD ${rm}): a module cannot load into another major branch's kernel, so a kernel build`,
    };
  }
  if (treeVersion > osreldate) {
    return {
      mode: 'kernel',
      why: `${tree}, newer than ${running} on the same branch: it may need kernel interfaces the image lacks, so a kernel build`,
    };
  }
  return {
    mode: 'module',
    why: `${tree}, same branch as and not newer than ${running}: fusefs.ko built as a module and loaded`,
  };
}
