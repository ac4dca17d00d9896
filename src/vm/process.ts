// Small helpers for child processes: always argv arrays (never a shell), always a bounded wait.

import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Keeps the last `limit` bytes of a stream (QEMU's stderr), decoded on demand. */
export class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly limit = 16 * 1024) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - (this.chunks[0]?.length ?? 0) >= this.limit && this.chunks.length > 1) {
      this.size -= this.chunks.shift()!.length;
    }
  }

  text(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
  }
}

/** The last non-empty line of a text (QEMU puts its reason for failing there). */
export function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.at(-1) ?? '';
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Resolves when the child has exited (and been reaped by Node), or with undefined after `ms`. */
export function waitForExit(child: ChildProcess, ms: number): Promise<ExitStatus | undefined> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(undefined);
    }, ms);
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      clearTimeout(timer);
      resolve({ code, signal });
    };
    child.once('exit', onExit);
  });
}

export interface BoundedRunResult extends ExitStatus {
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the program could not be started at all (ENOENT, EACCES). */
  spawnError?: Error;
}

/**
 * Runs a program to completion within `timeoutMs`; on timeout it is killed (SIGKILL) and reaped.
 * Never rejects: the caller decides what a failure means.
 */
export function runBounded(
  binary: string,
  args: readonly string[],
  options: { timeoutMs: number },
): Promise<BoundedRunResult> {
  return new Promise((resolve) => {
    const stdout = new TailBuffer(64 * 1024);
    const stderr = new TailBuffer(64 * 1024);
    let timedOut = false;
    let spawnError: Error | undefined;
    let child: ChildProcess;
    try {
      child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      resolve({
        code: null,
        signal: null,
        stdout: '',
        stderr: '',
        timedOut: false,
        spawnError: error as Error,
      });
      return;
    }
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      spawnError = error;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    // 'close' comes after 'exit' and after the pipes have drained; also after a spawn 'error'.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: stdout.text(),
        stderr: stderr.text(),
        timedOut,
        ...(spawnError ? { spawnError } : {}),
      });
    });
  });
}

/** The absolute path of `binary` as exec would find it on PATH (or as given, when it has a slash). */
export function findExecutable(binary: string, envPath = process.env.PATH ?? ''): string | undefined {
  const candidates = binary.includes('/')
    ? [binary]
    : envPath
        .split(':')
        .filter(Boolean)
        .map((dir) => path.join(dir, binary));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return path.resolve(candidate);
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * The argv that starts `binary args...` so that the kernel SIGKILLs it when this process dies, even
 * by SIGKILL: util-linux's `setpriv --pdeathsig KILL` sets PR_SET_PDEATHSIG (prctl(2)) and execs
 * the program; the setting survives execve (it is only cleared for set-user-ID programs, which
 * QEMU is not). prctl(2): the signal comes when the parent *thread* that forked the child exits;
 * Node forks from its main thread (libuv's uv_spawn runs on the loop thread), which lives as long
 * as the process. setpriv is in util-linux, an Essential package on Debian and Ubuntu (Ubuntu's
 * setpriv(1) manual page names util-linux as its package), so GitHub's runners have it. Without
 * setpriv, or when `binary` cannot be found (so that spawning it reports its own ENOENT), the
 * program is started as it is; the pidfile (pidfile.ts) is then what ends an orphan. One window
 * stays: a parent killed between fork and setpriv's prctl leaves the child untied.
 */
export function tiedToParentArgv(
  binary: string,
  args: readonly string[],
  options: { setpriv: string | undefined } = { setpriv: findExecutable('setpriv') },
): { file: string; args: string[]; tied: boolean } {
  const { setpriv } = options;
  if (!setpriv || !findExecutable(binary)) return { file: binary, args: [...args], tied: false };
  return { file: setpriv, args: ['--pdeathsig', 'KILL', '--', binary, ...args], tied: true };
}

/** spawn() through tiedToParentArgv: the child cannot outlive this process. */
export function spawnTiedToParent(
  binary: string,
  args: readonly string[],
  options: SpawnOptions,
): { child: ChildProcess; tied: boolean } {
  const { file, args: argv, tied } = tiedToParentArgv(binary, args);
  return { child: spawn(file, argv, options), tied };
}
