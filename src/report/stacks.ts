// Every stack parser behind one call: text in (a capture, a serial log), threads out.

import type { KernelPanic, StackFormat, StackParser, Thread } from './model.js';
import { freebsdDdbParser } from './parsers/freebsd-ddb.js';
import { freebsdKgdbParser } from './parsers/freebsd-kgdb.js';
import { extractFreebsdPanic, freebsdPanicParser } from './parsers/freebsd-panic.js';
import { freebsdProcstatParser } from './parsers/freebsd-procstat.js';
import { linuxHungTaskParser } from './parsers/linux-hung-task.js';
import { extractLinuxPanic, linuxPanicParser } from './parsers/linux-panic.js';
import { linuxProcStackParser } from './parsers/linux-proc-stack.js';

/** One parser a capture format; adding a format is adding a file and a line here. */
export const PARSERS: readonly StackParser[] = [
  freebsdProcstatParser,
  freebsdDdbParser,
  freebsdPanicParser,
  freebsdKgdbParser,
  linuxProcStackParser,
  linuxHungTaskParser,
  linuxPanicParser,
];

/** What makes two parsed threads the same thread with the same stack (for de-duplication). */
export function threadKey(t: Thread): string {
  return JSON.stringify([t.pid, t.tid, t.sample, t.frames.map((f) => [f.fn, f.offset])]);
}

/**
 * Every thread any parser finds in the text, in parser order, without duplicates (the same
 * thread and stack printed twice, e.g. a panic's trace repeated by `bt`); `skip` leaves formats out.
 */
export function parseStacks(text: string, skip?: readonly StackFormat[]): Thread[] {
  const seen = new Set<string>();
  const out: Thread[] = [];
  for (const parser of PARSERS) {
    if (skip?.includes(parser.format) || !parser.matches(text)) continue;
    for (const thread of parser.parse(text)) {
      const key = threadKey(thread);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(thread);
    }
  }
  return out;
}

/**
 * The first kernel panic in the text, FreeBSD or Linux. A `panic: ` line with neither FreeBSD's
 * `cpuid = N` nor a backtrace after it (a Go program's panic in a Linux log) gives way to a Linux report.
 */
export function extractPanic(text: string): KernelPanic | undefined {
  const freebsd = extractFreebsdPanic(text);
  if (freebsd && (freebsd.cpu !== undefined || freebsd.threads.some((t) => t.frames.length > 0)))
    return freebsd;
  return extractLinuxPanic(text) ?? freebsd;
}
