// Small helpers for child processes: always argv arrays (never a shell), always a bounded wait.

import { spawn, type ChildProcess } from 'node:child_process';

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
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
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
export function runBounded(binary: string, args: readonly string[], options: { timeoutMs: number }): Promise<BoundedRunResult> {
  return new Promise((resolve) => {
    const stdout = new TailBuffer(64 * 1024);
    const stderr = new TailBuffer(64 * 1024);
    let timedOut = false;
    let spawnError: Error | undefined;
    let child: ChildProcess;
    try {
      child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      resolve({ code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: error as Error });
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
      resolve({ code, signal, stdout: stdout.text(), stderr: stderr.text(), timedOut, ...(spawnError ? { spawnError } : {}) });
    });
  });
}
