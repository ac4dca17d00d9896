// A conversation with FreeBSD's kernel debugger, ddb(4), over the serial console: the host
// backstop's way to get stacks from a guest whose userland stopped answering.
//
// ddb prints `db> ` before reading each line (sys/ddb/db_command.c db_command_loop), so a command's
// output is the text between two prompts. A command ddb rejects still ends at the next prompt, so
// the prompt alone says nothing about success: the rejection is one of ddb's error lines, all
// printed with db_printf or db_error (which prints its string and returns to the loop through
// kdb_reenter_silent):
// - sys/ddb/db_command.c db_command(): "No such command" (newer kernels add `; use "help" to list
//   available commands`), "Ambiguous", "Unrecognized input; ...", "Subcommand required; ...",
//   "Bad modifier", "Count missing";
// - sys/ddb/db_expr.c db_term() and friends: "Symbol not found", "Syntax error", "Divide by 0",
//   "Negative shift amount" (an argument ddb could not evaluate: `bt all` ends here, because `bt`
//   parses its argument as an expression, db_stack_trace);
// - sys/ddb/db_variables.c db_find_variable()/db_set_cmd(): "Unknown variable", "No value", "?".

import type { SerialConsole } from './serial-console.js';

/** One of ddb's error replies, alone on its line. */
export const DDB_ERROR_LINE =
  /^(?:No such command(?:;.*)?|Ambiguous|Unrecognized input(?:;.*)?|Subcommand required(?:;.*)?|Bad modifier|Count missing|Symbol not found|Syntax error|Divide by 0|Negative shift amount|Unknown variable|No value|\?)\s*$/m;

/** ddb's prompt at the start of a line (db_command_loop prints a newline first when the column is not 0). */
export const DDB_PROMPT = /(?:^|\n)db> /;

export interface DdbStep {
  command: string;
  ok: boolean;
  /** The error line when ddb rejected the command. */
  error?: string;
}

export interface DdbTimeouts {
  /** For the first prompt after the NMI. */
  enterMs: number;
  /** For each command's output to end at the next prompt. */
  commandMs: number;
}

/** Waits for the debugger's first prompt (after the caller stopped the kernel). */
export async function awaitDdbPrompt(console: SerialConsole, timeoutMs: number): Promise<void> {
  await console.expect(DDB_PROMPT, { timeoutMs, awaited: 'the ddb prompt after an NMI' });
}

/** Sends each command at a ddb prompt and says, per command, whether ddb accepted it. */
export async function runDdbCommands(
  console: SerialConsole,
  commands: string[],
  commandMs: number,
): Promise<DdbStep[]> {
  const steps: DdbStep[] = [];
  for (const command of commands) {
    console.send(`${command}\n`);
    const prompt = await console.expect(DDB_PROMPT, {
      timeoutMs: commandMs,
      awaited: `ddb's answer to ${command}`,
    });
    const error = DDB_ERROR_LINE.exec(prompt.before);
    steps.push(error ? { command, ok: false, error: error[0].trim() } : { command, ok: true });
  }
  return steps;
}

/** Report lines for the steps: `ddb: alltrace` or `ddb rejected bt all: Symbol not found`. */
export function describeDdbSteps(steps: DdbStep[]): string[] {
  return steps.map((s) => (s.ok ? `ddb: ${s.command}` : `ddb rejected ${s.command}: ${s.error}`));
}
