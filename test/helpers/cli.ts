// Running the bundled CLI (dist/cli/index.js, built by `npm run bundle`) from integration tests,
// as a user or a workflow runs it, and the host-side scripts the tests need.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cliPath as bundledCli, repoRoot } from './gate.js';

export { qemuProcessesMentioning, tempDir } from './gate.js';

export interface ProcessResult {
  /** Exit status, or null when the process ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the bound ran out and the process was stopped by us. */
  timedOut: boolean;
  elapsedMs: number;
  /** The process's pid (undefined when it could not be started). */
  pid: number | undefined;
}

export interface RunOptions {
  /** Hard bound: SIGTERM at the bound (the gate then stops its QEMU), SIGKILL 15 s later. */
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Runs `command args...`; resolves (never rejects) when it ended, within the bound. */
export function runProcess(command: string, args: string[], options: RunOptions): Promise<ProcessResult> {
  const started = Date.now();
  const child = spawn(command, args, {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let killer: NodeJS.Timeout | undefined;
  const bound = setTimeout(() => {
    timedOut = true;
    child.kill('SIGTERM');
    killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  }, options.timeoutMs);
  return new Promise((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(bound);
      if (killer) clearTimeout(killer);
      resolve({ code, signal, stdout, stderr, timedOut, elapsedMs: Date.now() - started, pid: child.pid });
    };
    child.on('error', (error) => {
      stderr += `\n${error.message}`;
      finish(null, null);
    });
    child.on('close', finish);
  });
}

/** `node dist/cli/index.js ARGS...`; fails with a clear message when the bundle was not built. */
export function runCli(args: string[], options: RunOptions): Promise<ProcessResult> {
  if (!existsSync(bundledCli)) {
    throw new Error(
      `${bundledCli} is missing: integration tests run the bundle, build it with 'npm run bundle' first`,
    );
  }
  return runProcess(process.execPath, [bundledCli, ...args], options);
}

/** The last lines of a process's output, for assertion messages. */
export function tail(result: ProcessResult, lines = 40): string {
  return `exit ${result.code ?? result.signal}${result.timedOut ? ' (timed out)' : ''}\n--- stdout\n${result.stdout.split('\n').slice(-lines).join('\n')}\n--- stderr\n${result.stderr.split('\n').slice(-lines).join('\n')}`;
}
