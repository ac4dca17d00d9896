// What a guest adapter needs from the console: run one command, get its exit status and output.
// The console implements it over the serial line; tests implement it with recorded transcripts.

export interface RunResult {
  exitStatus: number;
  output: string;
  durationMs: number;
}

export interface RunOptions {
  timeoutMs: number;
  /** What the command is for, used in timeout messages ("building fusefs.ko"). */
  purpose?: string;
}

export interface Shell {
  run(command: string, options: RunOptions): Promise<RunResult>;
}

/** A command ran out of its time; says what was awaited and what was seen last. */
export class CommandTimeoutError extends Error {
  constructor(
    readonly awaited: string,
    readonly lastOutput: string,
    readonly timeoutMs: number,
  ) {
    super(
      `timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${awaited}; last output: ${JSON.stringify(lastOutput.slice(-300))}`,
    );
    this.name = 'CommandTimeoutError';
  }
}
