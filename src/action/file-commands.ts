// Outputs and saved state go to the files the runner names (GITHUB_OUTPUT, GITHUB_STATE); @actions/core
// throws when such a file is missing or cannot be appended to (a full or read-only disk). That must
// not end the step in an internal error with a stack trace: each failure is one sentence naming the
// variable, its file and the errno, and the caller decides what it means for the verdict.
import { existsSync } from 'node:fs';
import * as core from '@actions/core';

/** Sets every output; returns why they could not all be set, or undefined. */
export function setOutputsSafely(outputs: Readonly<Record<string, string>>): string | undefined {
  for (const [name, value] of Object.entries(outputs)) {
    try {
      core.setOutput(name, value);
    } catch (error) {
      return `the step's outputs (${name} and after it) could not be written: ${fileProblem('GITHUB_OUTPUT', error)}`;
    }
  }
  return undefined;
}

/** Saves state for the post step; a failure is a warning (the post step then has less to go on). */
export function saveStateSafely(name: string, value: string): void {
  try {
    core.saveState(name, value);
  } catch (error) {
    core.warning(
      `state ${name} for the post step could not be saved: ${fileProblem('GITHUB_STATE', error)}; the post step cannot use it`,
    );
  }
}

function fileProblem(variable: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const file = process.env[variable];
  // @actions/core checks that the file exists before it appends, and says so without an errno.
  const why = code ?? (file && !existsSync(file) ? 'ENOENT (no such file)' : (error as Error).message);
  return `${variable} ${file ? JSON.stringify(file) : '(unset)'}: ${why}`;
}
