// A record of a started QEMU, so a later process (the action's post step, a cleanup after the
// main step was killed) can end it. A pid alone is not enough: pids are recycled, and other QEMUs
// may run on the same machine. killRecorded kills only a process whose command line, read from
// /proc/PID/cmdline (NUL-separated argv, proc(5)), contains `qemu-system` AND the recorded hint
// (the run's unique serial socket path).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface PidRecord {
  pid: number;
  /** ISO 8601 time QEMU was started. */
  startedAt: string;
  /** A string unique to this QEMU's command line (its serial socket path). */
  cmdlineHint: string;
}

export interface KillRecordedResult {
  /** True when the recorded QEMU was running and has now exited. */
  killed: boolean;
  pid?: number;
  /** What was found and done, for the log. */
  note: string;
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
  if (!Number.isInteger(record.pid) || (record.pid ?? 0) <= 1 || typeof record.startedAt !== 'string' || typeof record.cmdlineHint !== 'string' || !record.cmdlineHint) {
    throw new Error(`pidfile ${file} does not hold {pid, startedAt, cmdlineHint}: ${text.slice(0, 200)}`);
  }
  return record as PidRecord;
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

/**
 * Ends the QEMU recorded in `file`: SIGTERM, then SIGKILL after graceMs; waits (bounded) until
 * the process is gone; removes the pidfile. A pid whose command line does not match is left alone.
 */
export async function killRecorded(file: string, options: { graceMs?: number } = {}): Promise<KillRecordedResult> {
  const graceMs = options.graceMs ?? 5_000;
  const record = await readPidfile(file);
  if (!record) return { killed: false, note: `no pidfile at ${file}` };
  const argv = await processCmdline(record.pid);
  if (!argv) {
    await rm(file, { force: true });
    return { killed: false, pid: record.pid, note: `pid ${record.pid} is not running (already exited)` };
  }
  if (!cmdlineMatches(argv, record)) {
    await rm(file, { force: true });
    return { killed: false, pid: record.pid, note: `pid ${record.pid} is now another program (${argv[0] ?? '?'}); not killed` };
  }
  for (const [signal, waitMs] of [['SIGTERM', graceMs], ['SIGKILL', 5_000]] as const) {
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
  return { killed: false, pid: record.pid, note: `QEMU pid ${record.pid} did not exit within ${graceMs + 5_000} ms of SIGTERM and SIGKILL` };
}

/** Polls until the recorded process no longer runs (its cmdline is gone or differs), within waitMs. */
async function gone(pid: number, record: PidRecord, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const argv = await processCmdline(pid);
    if (!argv || !cmdlineMatches(argv, record)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The pidfile's name inside a work folder. */
export const PIDFILE_NAME = 'qemu.pid.json';

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
    if (!(argv[0] ?? '').includes('qemu-system')) throw new Error(`cannot record pid ${pidOrRecord}: it is ${argv[0] ?? 'unknown'}, not QEMU`);
    const hint = argv.find((arg) => arg.includes('id=con0,path=')) ?? argv.join(' ');
    record = { pid: pidOrRecord, startedAt: new Date().toISOString(), cmdlineHint: hint };
  } else {
    record = pidOrRecord;
  }
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, PIDFILE_NAME);
  writeFileSync(file, `${JSON.stringify(record)}\n`, { mode: 0o644 });
  return file;
}
