// Titles of crash reports in the spirit of syzkaller pkg/report: the kind of crash and the function
// it happened in (the first frame that is not crash machinery), with everything that differs
// between runs and builds (addresses, numbers, build paths, line numbers) normalised away, so one
// bug gets one title and two bugs of the same kind get two.

import type { Frame } from './model.js';
import { baseName, isNamed } from './parsers/common.js';

/** A source location `path/file.c:LINE[:COL]` in a message. */
const SOURCE_PATH = /[^\s'"(]*\.(?:c|h|S|rs)(?::\d+)+/g;
/** FreeBSD sources live under `sys/`; Linux's top-level directories. */
const FREEBSD_TOP = /(?:^|\/)(sys\/.*)$/;
const LINUX_TOP =
  /(?:^|\/)((?:fs|kernel|mm|net|drivers|arch|include|lib|block|crypto|security|sound|virt|ipc|init|io_uring|rust)\/.*)$/;

/** `/mnt/build/.../sys/kern/x.c:123` -> `sys/kern/x.c`: the build's own path and the line go. */
function sourcePath(location: string): string {
  const file = location.replace(/(?::\d+)+$/, '');
  const bsd = FREEBSD_TOP.exec(file);
  if (bsd) return bsd[1] as string;
  // The earliest top-level directory: `/home/me/linux/fs/x.c` is `fs/x.c`.
  const parts = file.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    const rest = parts.slice(i).join('/');
    const m = LINUX_TOP.exec(rest);
    if (m && m.index === 0) return m[1] as string;
  }
  return file.replace(/^.*\//, '');
}

/** Strip what differs between runs and builds from a message. */
export function normalizeMessage(message: string): string {
  return message
    .replace(SOURCE_PATH, sourcePath)
    .replace(/0x[0-9a-fA-F]+/g, 'ADDR')
    .replace(/\b(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,16}\b/g, 'ADDR')
    .replace(/\b\d+\b/g, 'NUM')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/**
 * What a crash is filed under when every named candidate is machinery: `first-named` names the first
 * of them (Linux: a truncated report that only printed the faulting pc in, say, a KASAN helper);
 * `none` names no function, so the title is the kind alone (FreeBSD: the panic message, as
 * syzkaller titles a panic without a useful frame; the first frame there is the backtrace's own
 * db_trace_self or kdb_backtrace, which says nothing of the bug).
 */
export type AllMachinery = 'first-named' | 'none';

/**
 * The function a crash is filed under: the first named candidate that is not machinery; the
 * candidates are the header's function (KASAN, WARNING), the faulting pc (RIP, pc) and the stack.
 */
export function crashFunction(
  candidates: readonly (Frame | string | undefined)[],
  isMachinery: (fn: string) => boolean,
  allMachinery: AllMachinery = 'first-named',
): string | undefined {
  let fallback: string | undefined;
  for (const c of candidates) {
    if (c === undefined) continue;
    const fn = typeof c === 'string' ? c : c.fn;
    if (!isNamed(fn)) continue;
    fallback ??= fn;
    if (isMachinery(fn)) continue;
    return baseName(fn);
  }
  if (allMachinery === 'none' || fallback === undefined) return undefined;
  return baseName(fallback);
}

/** `KIND in FUNC`, or `KIND` when no function is known or the kind already names it. */
export function crashTitle(kind: string, fn: string | undefined): string {
  if (fn === undefined) return kind;
  // `panic: ffs_write: type ...` names its function already.
  const at = kind.indexOf(fn);
  const before = at > 0 ? kind.charAt(at - 1) : ' ';
  const after = kind.charAt(at + fn.length);
  if (at >= 0 && /[\s:]/.test(before) && (after === '' || after === ':' || after === '(')) return kind;
  return `${kind} in ${fn}`;
}
