// Helpers shared by the stack parsers: line splitting, console prefixes, symbol+offset tokens.

import type { Frame } from '../model.js';

/** Split console text into lines, dropping `\r` (serial consoles send CRLF). */
export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => cleanCarriageReturns(l));
}

/**
 * A line with `\r` in the middle was overwritten on a terminal (ddb's `--More--` pager prints
 * `--More--\r` and then blanks it). Keep what the terminal would show last: the last non-blank
 * segment. A trailing `\r` (CRLF) is just dropped.
 */
function cleanCarriageReturns(line: string): string {
  if (!line.includes('\r')) return line;
  const parts = line.split('\r').filter((p) => p.trim() !== '');
  return parts.length === 0 ? '' : (parts[parts.length - 1] as string);
}

/**
 * Linux printk prefixes: `[   12.345678] ` (CONFIG_PRINTK_TIME) optionally followed by the
 * caller id `[  T123] ` / `[    C0] ` (CONFIG_PRINTK_CALLER), see kernel/printk/printk.c
 * print_time() / print_caller().
 */
const PRINTK_PREFIX = /^\[\s*\d+\.\d+\](?:\[\s*[TC]\d+\])?\s?/;

/** Remove a Linux printk timestamp (and caller id) from the start of a line. */
export function stripPrintkPrefix(line: string): string {
  return line.replace(PRINTK_PREFIX, '');
}

/**
 * A symbol as printed by the kernels: `name`, `name+0xoff`, Linux `%pB` `name+0xoff/0xsize`.
 * FreeBSD `%#lx` prints `0x0` for a zero offset, so offsets are always hex with a prefix.
 */
const SYMBOL = /^([^\s+/]+)(?:\+(0x[0-9a-fA-F]+)(?:\/(0x[0-9a-fA-F]+))?)?$/;

/** Parse `name+0xoff[/0xsize]` into a frame; undefined when the token does not look like one. */
export function parseSymbol(token: string): Frame | undefined {
  const m = SYMBOL.exec(token);
  if (!m) return undefined;
  const frame: Frame = { fn: m[1] as string };
  if (m[2] !== undefined) frame.offset = m[2];
  if (m[3] !== undefined) frame.size = m[3];
  return frame;
}

/**
 * The function name without compiler suffixes (`.isra.0`, `.constprop.0`, `.part.0`, `.cold`,
 * `.llvm.123`): the same function for signatures and catalogue matching.
 */
export function baseName(fn: string): string {
  const dot = fn.indexOf('.', 1);
  return dot > 0 ? fn.slice(0, dot) : fn;
}

/** Parse an integer field; undefined when absent or not a number. */
export function toInt(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) ? n : undefined;
}
