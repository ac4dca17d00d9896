#!/usr/bin/env node
// The CLI entry: flags -> GateConfig -> runGate -> exit status. `fusefs-gate run ...` on a laptop does
// exactly what the action does. Help, usage errors and progress go to stderr; stdout holds the verdict.
import { closeSync, openSync, readSync } from 'node:fs';
import { mainUsage, version } from './cli/help.js';
import { runCommand } from './cli/run-command.js';
import { EXIT } from './constants.js';
import { StackAnalyzer } from './report/analyze.js';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version') return print(version());
  if (command === '--help' || command === '-h' || command === 'help') return print(mainUsage());
  if (command === undefined) return usageError('no command given');
  if (command === 'stacks') return stacksCommand(rest);
  if (command === 'bisect') return (await import('./bisect/command.js')).bisectCommand(rest);
  if (command !== 'run') return usageError(`unknown command ${JSON.stringify(command)}`);
  return runCommand(rest, { print, usageError });
}

function stacksCommand(args: string[]): number {
  if (args.length !== 1) return usageError('stacks takes exactly one FILE');
  // Streamed in 1 MiB reads: a log of any size is parsed in bounded memory (src/report/analyze.ts).
  const analyzer = new StackAnalyzer();
  try {
    const fd = openSync(args[0]!, 'r');
    try {
      const buffer = Buffer.alloc(1024 * 1024);
      for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer))
        analyzer.push(buffer.toString('latin1', 0, n));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return usageError(
      `cannot read ${JSON.stringify(args[0])}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  process.stdout.write(`${JSON.stringify(analyzer.end(), null, 2)}\n`);
  return EXIT.pass;
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return EXIT.pass;
}

function usageError(message: string, showUsage = true): number {
  process.stderr.write(`fusefs-gate: ${message}\n${showUsage ? `${mainUsage()}\n` : ''}`);
  return EXIT.usage;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fusefs-gate: internal error: ${(error as Error)?.stack ?? error}\n`);
    process.exitCode = EXIT.error;
  },
);
