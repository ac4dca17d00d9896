// A record of a started QEMU, so a later process (the action's post step, a new run with the same
// output folder after this one was killed) can end it. A pid alone is not enough: pids are
// recycled, and other QEMUs may run on the same machine. killRecorded kills only a process whose
// start time (field 22 of /proc/PID/stat, proc(5)) is the recorded one and whose command line
// (/proc/PID/cmdline, NUL-separated argv) contains `qemu-system` AND the recorded hint (the run's
// unique serial socket path).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface PidRecord {
  pid: number;
  /** ISO 8601 time QEMU was started. */
  startedAt: string;
  /** A string unique to this QEMU's command line (its serial socket path). */
  cmdlineHint: string;
  /**
   * The process's start time in clock ticks since boot (/proc/PID/stat field 22). A recycled pid
   * has another; absent in records written before it was added.
   */
  startTicks?: number;
}

export interface KillRecordedResult {
  /** True when the recorded QEMU was running and has now exited. */
  killed: boolean;
  pid?: number;
  /** What was found and done, for the log. */
  note: string;
  /** True when a QEMU may still run: it survived SIGKILL, or the pidfile could not be read. */
  unresolved?: boolean;
}

export async function writePidfile(file: string, record: PidRecord): Promise<void> {
  await writeFile(file, `${JSON.stringify(record)}\n`, { mode: 0o644 });
}

/** The record, or undefined when the file does not exist. A malformed file is an error. */
export async function readPidfile(file: string): Promise<PidRecord | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`pidfile ${file} is not JSON: ${JSON.stringify(text.slice(0, 100))}`);
  }
  const record = value as Partial<PidRecord>;
  if (
    !Number.isInteger(record.pid) ||
    (record.pid ?? 0) <= 1 ||
    typeof record.startedAt !== 'string' ||
    typeof record.cmdlineHint !== 'string' ||
    !record.cmdlineHint
  ) {
    throw new Error(`pidfile ${file} does not hold {pid, startedAt, cmdlineHint}: ${text.slice(0, 200)}`);
  }
  if (record.startTicks !== undefined && !Number.isInteger(record.startTicks)) {
    throw new Error(`pidfile ${file} has a startTicks that is not an integer: ${text.slice(0, 200)}`);
  }
  return record as PidRecord;
}

/**
 * A process's start time in clock ticks since boot: field 22 of /proc/PID/stat (proc(5)). The
 * comm field (2) is in parentheses and may hold spaces, so fields are counted after the last ')'.
 */
export function processStartTicks(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // After ') ' come fields 3 (state), 4, ...; field 22 is the 20th of them.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  return Number.isInteger(ticks) ? ticks : undefined;
}

/** The argv of a live process, or undefined when it does not exist (or is a zombie with none). */
export async function processCmdline(pid: number): Promise<string[] | undefined> {
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`);
    if (raw.length === 0) return undefined;
    return raw.toString('utf8').replace(/\0$/, '').split('\0');
  } catch {
    return undefined;
  }
}

/** True when /proc/PID/cmdline is that of the recorded QEMU. */
export function cmdlineMatches(argv: readonly string[], record: PidRecord): boolean {
  return (argv[0] ?? '').includes('qemu-system') && argv.join(' ').includes(record.cmdlineHint);
}

/** True when the live process `pid` is the recorded one: same start time (when recorded) and command line. */
function isRecordedProcess(argv: readonly string[], record: PidRecord): boolean {
  if (record.startTicks !== undefined && processStartTicks(record.pid) !== record.startTicks) return false;
  return cmdlineMatches(argv, record);
}

/**
 * Ends the QEMU recorded in `file`: SIGTERM, then SIGKILL after graceMs; waits (bounded) until
 * the process is gone; removes the pidfile. A pid whose command line does not match is left alone.
 */
export async function killRecorded(
  file: string,
  options: { graceMs?: number } = {},
): Promise<KillRecordedResult> {
  const graceMs = options.graceMs ?? 5_000;
  const record = await readPidfile(file);
  if (!record) return { killed: false, note: `no pidfile at ${file}` };
  const argv = await processCmdline(record.pid);
  if (!argv) {
    await rm(file, { force: true });
    return { killed: false, pid: record.pid, note: `pid ${record.pid} is not running (already exited)` };
  }
  if (!isRecordedProcess(argv, record)) {
    await rm(file, { force: true });
    return {
      killed: false,
      pid: record.pid,
      note: `pid ${record.pid} is now another program (${argv[0] ?? '?'}); not killed`,
    };
  }
  for (const [signal, waitMs] of [
    ['SIGTERM', graceMs],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(record.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') break;
      throw error;
    }
    if (await gone(record.pid, record, waitMs)) {
      await rm(file, { force: true });
      return { killed: true, pid: record.pid, note: `QEMU pid ${record.pid} ended with ${signal}` };
    }
  }
  if (await gone(record.pid, record, 0)) {
    await rm(file, { force: true });
    return { killed: true, pid: record.pid, note: `QEMU pid ${record.pid} exited` };
  }
  return {
    killed: false,
    pid: record.pid,
    unresolved: true,
    note: `QEMU pid ${record.pid} did not exit within ${graceMs + 5_000} ms of SIGTERM and SIGKILL`,
  };
}

/** Polls until the recorded process no longer runs (its cmdline is gone or differs), within waitMs. */
async function gone(pid: number, record: PidRecord, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const argv = await processCmdline(pid);
    if (!argv || !isRecordedProcess(argv, record)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The pidfile's name inside a work folder. */
export const PIDFILE_NAME = 'qemu.pid.json';

/** Pidfiles the gate writes into a work folder: qemu.pid.json, qemu1.pid.json, qemu2.pid.json ... */
const PIDFILE_PATTERN = /^qemu\d*\.pid\.json$/;

/**
 * Ends every QEMU recorded by pidfiles in `dir` (an earlier run's work folder), before that folder
 * and its records are deleted. Returns one note per pidfile; never throws (a malformed pidfile is
 * a note, and its QEMU, unknown, is left alone).
 */
export async function endRecordedQemus(
  dir: string,
  options: { graceMs?: number } = {},
): Promise<KillRecordedResult[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => PIDFILE_PATTERN.test(name)).sort();
  } catch {
    return [];
  }
  const results: KillRecordedResult[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    results.push(
      await killRecorded(file, options).catch((error: Error) => ({
        killed: false,
        unresolved: true,
        note: error.message,
      })),
    );
  }
  return results;
}

/**
 * Synchronous variant for the main step's state hand-off: writes DIR/qemu.pid.json and returns its
 * path. Given only a pid, the hint is taken from the running process's own command line (its serial
 * chardev argument, else its whole argv), which must be a qemu-system program.
 */
export function recordPidfile(dir: string, pidOrRecord: number | PidRecord): string {
  let record: PidRecord;
  if (typeof pidOrRecord === 'number') {
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${pidOrRecord}/cmdline`).toString('utf8').replace(/\0$/, '').split('\0');
    } catch {
      throw new Error(`cannot record pid ${pidOrRecord}: it is not running`);
    }
    if (!(argv[0] ?? '').includes('qemu-system'))
      throw new Error(`cannot record pid ${pidOrRecord}: it is ${argv[0] ?? 'unknown'}, not QEMU`);
    const hint = argv.find((arg) => arg.includes('id=con0,path=')) ?? argv.join(' ');
    const startTicks = processStartTicks(pidOrRecord);
    record = {
      pid: pidOrRecord,
      startedAt: new Date().toISOString(),
      cmdlineHint: hint,
      ...(startTicks !== undefined ? { startTicks } : {}),
    };
  } else {
    record = pidOrRecord;
  }
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, PIDFILE_NAME);
  writeFileSync(file, `${JSON.stringify(record)}\n`, { mode: 0o644 });
  return file;
}
