#!/usr/bin/env node
// The CLI entry: flags -> GateConfig -> runGate -> exit status. `fusefs-gate run ...` on a laptop does
// exactly what the action does. Help, usage errors and progress go to stderr; stdout holds the verdict.
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { installHint, installQemu, missingQemu, type HostRunner } from './action/host-deps.js';
import { cliDefault, readActionInputs, type InputSpec } from './cli/action-inputs.js';
import { mainUsage, runHelp, version } from './cli/help.js';
import { cliProgress } from './cli/progress.js';
import { BadInputError } from './config/errors.js';
import { parseConfig, type RawInputs } from './config/parse.js';
import { CliFlag, EXIT, Input } from './constants.js';
import { runGate } from './gate/run.js';
import { errorLetThrough } from './gate/verdict.js';
import { installSignalHandlers } from './signals.js';
import { analyzeStacks } from './report/analyze.js';

const FLAG_ALIASES: Record<string, Input> = { [CliFlag.Out]: Input.OutputDir };

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-V') return print(version());
  if (command === '--help' || command === '-h' || command === 'help') return print(mainUsage());
  if (command === undefined) return usageError('no command given');
  if (command === 'stacks') return stacksCommand(rest);
  if (command !== 'run') return usageError(`unknown command ${JSON.stringify(command)}`);
  return runCommand(rest);
}

async function runCommand(args: string[]): Promise<number> {
  const inputs = readActionInputs();
  if (args.includes('--help') || args.includes('-h')) return print(runHelp(inputs));
  if (args.includes('--version')) return print(version());
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    [CliFlag.Quiet]: { type: 'boolean' },
    [CliFlag.Verbose]: { type: 'boolean' },
  };
  for (const input of Object.values(Input)) options[input] = { type: 'string' };
  for (const alias of Object.keys(FLAG_ALIASES)) options[alias] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: withBareBooleans(args, inputs), options, strict: true, allowPositionals: false }));
  } catch (error) {
    return usageError((error as Error).message);
  }
  const raw: RawInputs = {};
  for (const [flag, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue;
    raw[FLAG_ALIASES[flag] ?? (flag as Input)] = value;
  }
  for (const spec of inputs) if (raw[spec.name] === undefined && cliDefault(spec) !== '') raw[spec.name] = cliDefault(spec);
  let config;
  try {
    config = parseConfig(raw, { cwd: process.cwd(), env: process.env, spell: (input) => `--${input}` });
  } catch (error) {
    if (error instanceof BadInputError) return usageError(error.message, false);
    throw error;
  }

  const signals = installSignalHandlers();
  const progress = cliProgress({
    write: (text) => process.stderr.write(text),
    terminal: process.stderr.isTTY === true,
    github: process.env.GITHUB_ACTIONS === 'true',
    verbose: values[CliFlag.Verbose] === true,
    quiet: values[CliFlag.Quiet] === true,
    signal: signals.signal,
  });
  try {
    const missing = missingQemu();
    if (missing.length && config.installQemu) {
      const outcome = await installQemu(missing, { run: inheritRunner, isRoot: process.getuid?.() === 0, log: progress.io.note });
      progress.io.note(`fusefs-gate: ${outcome.message}`);
    } else if (missing.length) {
      progress.io.warn(`${installHint(missing)} (or pass --install-qemu to install them with sudo apt-get)`);
    }
    const report = await runGate(config, progress.io);
    progress.finish();
    if (errorLetThrough(report)) process.stderr.write('warning: an undecided run was let through (--allow-error): exit 0, but nothing was checked\n');
    process.stdout.write(`verdict: ${report.verdict} (exit ${report.exitCode}): ${report.reason}\n`);
    if (report.signature) process.stdout.write(`signature: ${report.signature}${report.knownBug ? ` [${report.knownBug.title}]` : ''}\n`);
    process.stdout.write(`report: ${report.files.report}\n`);
    return report.exitCode;
  } finally {
    progress.finish();
    signals.dispose();
  }
}

/** `--allow-error` alone means `--allow-error true` for the true/false inputs. */
function withBareBooleans(args: string[], inputs: readonly InputSpec[]): string[] {
  const booleans = new Set(inputs.filter((spec) => spec.boolean).map((spec) => `--${spec.name}`));
  return args.flatMap((arg, i) => (booleans.has(arg) && (args[i + 1] === undefined || args[i + 1]!.startsWith('-')) ? [arg, 'true'] : [arg]));
}

/** apt's output goes straight to the user's stderr. */
const inheritRunner: HostRunner = (command, args, env) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 2, 2], env: { ...process.env, ...env } });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 128));
  });

function stacksCommand(args: string[]): number {
  if (args.length !== 1) return usageError('stacks takes exactly one FILE');
  let text: string;
  try {
    text = readFileSync(args[0]!, 'latin1');
  } catch (error) {
    return usageError(`cannot read ${JSON.stringify(args[0])}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  process.stdout.write(`${JSON.stringify(analyzeStacks(text), null, 2)}\n`);
  return EXIT.pass;
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return EXIT.pass;
}

function usageError(message: string, showUsage = true): number {
  process.stderr.write(`fusefs-gate: ${message}\n${showUsage ? mainUsage() + '\n' : ''}`);
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
