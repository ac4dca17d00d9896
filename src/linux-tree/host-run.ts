// A host program run to completion within a deadline, in its own process group, so a timed-out
// `make -j` takes its compilers with it. Never rejects: the caller decides what a failure means.
import { spawn } from 'node:child_process';

export interface HostRunResult {
  code: number | null;
  /** stdout and stderr interleaved as they arrived, the last 256 KiB. */
  output: string;
  timedOut: boolean;
  spawnError?: Error;
}

export function runInGroup(
  binary: string,
  args: readonly string[],
  options: { cwd?: string; timeoutMs: number; env?: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<HostRunResult> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let spawnError: Error | undefined;
    const child = spawn(binary, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.length > 512 * 1024) output = output.slice(-256 * 1024);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => {
      spawnError = error;
    });
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    // A cancelled run (SIGINT, SIGTERM, a cancelled job) takes the build with it: the group is
    // detached, so the terminal's signal does not reach it by itself.
    const onAbort = () => killGroup();
    options.signal?.addEventListener('abort', onAbort);
    if (options.signal?.aborted) killGroup();
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (options.signal?.aborted) killGroup();
      // A compiler the group left behind (make was killed first) must not outlive the run.
      if (timedOut) killGroup();
      resolve({ code, output: output.slice(-256 * 1024), timedOut, ...(spawnError ? { spawnError } : {}) });
    });
  });
}

/**
 * The first line of a failed build's tail when the tree is to blame: what failed and what the
 * compiler and the linker said first (the verdict's reason is that line).
 */
export function treeFaultHeadline(
  what: string,
  code: number | null,
  compilerErrors: readonly { file: string; line: number; message: string }[],
  linkErrors: readonly { message: string }[],
): string {
  const found = [
    ...(compilerErrors.length
      ? [
          `${compilerErrors.length} compiler error(s) (${compilerErrors[0]!.file}:${compilerErrors[0]!.line}: ${compilerErrors[0]!.message})`,
        ]
      : []),
    ...(linkErrors.length ? [`${linkErrors.length} link error(s) (${linkErrors[0]!.message})`] : []),
  ];
  return `${what} failed (exit ${code}) with ${found.join(' and ')}`;
}

/** The last `count` lines of a command's output, for a report's tail. */
export function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/**
 * Why a run that never got to decide failed, for a build's tail: make could not start, or was
 * stopped at its deadline (`what` names the command, `deadline` the bound). Undefined otherwise.
 */
export function runDidNotFinish(result: HostRunResult, what: string, deadline: string): string | undefined {
  if (result.spawnError) return `cannot run make: ${result.spawnError.message}`;
  if (result.timedOut) return `${what} did not finish within ${deadline}\n${lastLines(result.output, 40)}`;
  return undefined;
}
