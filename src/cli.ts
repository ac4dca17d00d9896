#!/usr/bin/env node
// The CLI entry: flags -> GateConfig -> runGate -> exit status. `npx fusefs-gate run ...` on a laptop
// does exactly what the action does.
import { closeSync, openSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BadInputError } from './config/errors.js';
import { parseConfig, type RawInputs } from './config/parse.js';
import { EXIT, Input } from './constants.js';
import { runGate } from './gate/run.js';
import { installSignalHandlers } from './signals.js';
import { StackAnalyzer } from './report/analyze.js';

const USAGE = `usage:
  fusefs-gate run [--guest linux|freebsd] [--workloads LIST] [--fixture-options LIST] [--timeout SECONDS]
                  [--out DIR] [--fault FAULT] [--source-tree DIR] [--freebsd-version V] [--image PATH|URL]
                  [--build auto|module|kernel|none] [--tests workloads,gtest] [--gtest-filter F] [--repeat N]
                  [--fail-on LIST] [--accel auto|kvm|tcg] [--cpus N] [--memory SIZE] ...   (every action input as --NAME)
  fusefs-gate stacks FILE      parse kernel stacks from a saved log or procstat -kk output; print JSON
exit status: 0 pass, 1 fail, 2 hang, 3 panic, 64 bad usage or input, 125 undecided (git bisect run skips), 130/143 cancelled`;

const FLAG_ALIASES: Record<string, Input> = { out: Input.OutputDir };

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? EXIT.usage : EXIT.pass;
  }
  if (command === 'stacks') return stacksCommand(rest);
  if (command !== 'run') return usageError(`unknown command ${JSON.stringify(command)}`);

  const options: Record<string, { type: 'string' | 'boolean' }> = { quiet: { type: 'boolean' } };
  for (const input of Object.values(Input)) options[input] = { type: 'string' };
  for (const alias of Object.keys(FLAG_ALIASES)) options[alias] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: rest, options, strict: true, allowPositionals: false }));
  } catch (error) {
    return usageError((error as Error).message);
  }
  const raw: RawInputs = {};
  for (const [flag, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue;
    raw[FLAG_ALIASES[flag] ?? (flag as Input)] = value;
  }
  if (raw[Input.Guest] === undefined) raw[Input.Guest] = 'freebsd';
  let config;
  try {
    config = parseConfig(raw, { cwd: process.cwd(), env: process.env, spell: (input) => `--${input}` });
  } catch (error) {
    if (error instanceof BadInputError) return usageError(error.message, false);
    throw error;
  }

  const quiet = values.quiet === true;
  const signals = installSignalHandlers();
  try {
    const report = await runGate(config, {
      note: (message) => process.stderr.write(`${message}\n`),
      warn: (message) => process.stderr.write(`warning: ${message}\n`),
      consoleLine: (line) => {
        if (!quiet) process.stderr.write(`  | ${line}\n`);
      },
      group: async (name, work) => {
        if (!quiet) process.stderr.write(`== ${name}\n`);
        return work();
      },
      signal: signals.signal,
    });
    process.stdout.write(`verdict: ${report.verdict} (exit ${report.exitCode}): ${report.reason}\n`);
    if (report.signature) process.stdout.write(`signature: ${report.signature}${report.knownBug ? ` [${report.knownBug.title}]` : ''}\n`);
    process.stdout.write(`report: ${report.files.report}\n`);
    return report.exitCode;
  } finally {
    signals.dispose();
  }
}

function stacksCommand(args: string[]): number {
  if (args.length !== 1) return usageError('stacks takes exactly one FILE');
  // Streamed in 1 MiB reads: a log of any size is parsed in bounded memory (src/report/analyze.ts).
  const analyzer = new StackAnalyzer();
  try {
    const fd = openSync(args[0]!, 'r');
    try {
      const buffer = Buffer.alloc(1024 * 1024);
      for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) analyzer.push(buffer.toString('latin1', 0, n));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return usageError(`cannot read ${JSON.stringify(args[0])}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  process.stdout.write(`${JSON.stringify(analyzer.end(), null, 2)}\n`);
  return EXIT.pass;
}

function usageError(message: string, showUsage = true): number {
  process.stderr.write(`fusefs-gate: ${message}\n${showUsage ? USAGE + '\n' : ''}`);
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
