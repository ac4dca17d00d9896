// `fusefs-gate run`: flags (the action's inputs, read from action.yml) -> GateConfig -> runGate -> exit status.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { bisectAfterRun, planHeadBisection } from '../bisect/after-run.js';
import { installHint, installQemu, missingQemu, type HostRunner } from '../action/host-deps.js';
import type { BisectRange } from '../bisect/range.js';
import { describeStep } from '../bisect/run-bisection.js';
import { BadInputError } from '../config/errors.js';
import { parseConfig, type RawInputs } from '../config/parse.js';
import { CliFlag, Input } from '../constants.js';
import { runGate } from '../gate/run.js';
import { errorLetThrough } from '../gate/verdict.js';
import { installSignalHandlers } from '../signals.js';
import { cliDefault, readActionInputs, type InputSpec } from './action-inputs.js';
import { runHelp, version } from './help.js';
import { cliProgress } from './progress.js';

const FLAG_ALIASES: Record<string, Input> = { [CliFlag.Out]: Input.OutputDir };

export interface CliOutput {
  /** Prints to stdout; exit 0. */
  print(text: string): number;
  /** One message on stderr; exit 64. */
  usageError(message: string, showUsage?: boolean): number;
}

export async function runCommand(args: string[], out: CliOutput): Promise<number> {
  // job-timeout counts from here, as in the action: a bisection gets what the run leaves of it.
  const started = Date.now();
  const inputs = readActionInputs();
  if (args.includes(`--${CliFlag.Help}`) || args.includes('-h')) return out.print(runHelp(inputs));
  if (args.includes(`--${CliFlag.Version}`)) return out.print(version());
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    [CliFlag.Quiet]: { type: 'boolean' },
    [CliFlag.Verbose]: { type: 'boolean' },
  };
  for (const input of Object.values(Input)) options[input] = { type: 'string' };
  for (const alias of Object.keys(FLAG_ALIASES)) options[alias] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: withBareBooleans(args, inputs),
      options,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return out.usageError((error as Error).message);
  }
  const raw: RawInputs = {};
  for (const [flag, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue;
    raw[FLAG_ALIASES[flag] ?? (flag as Input)] = value;
  }
  for (const spec of inputs)
    if (raw[spec.name] === undefined && cliDefault(spec) !== '') raw[spec.name] = cliDefault(spec);
  let config: ReturnType<typeof parseConfig>;
  let range: BisectRange | undefined;
  try {
    config = parseConfig(raw, { cwd: process.cwd(), env: process.env, spell: (input) => `--${input}` });
    range = await planHeadBisection(config, (input) => `--${input}`);
  } catch (error) {
    if (error instanceof BadInputError) return out.usageError(error.message, false);
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
      const outcome = await installQemu(missing, {
        run: inheritRunner,
        isRoot: process.getuid?.() === 0,
        log: progress.io.note,
      });
      progress.io.note(`fusefs-gate: ${outcome.message}`);
    } else if (missing.length) {
      progress.io.warn(`${installHint(missing)} (or pass --install-qemu to install them with sudo apt-get)`);
    }
    const report = await runGate(config, progress.io);
    if (errorLetThrough(report))
      progress.io.warn('an undecided run was let through (--allow-error): exit 0, but nothing was checked');
    progress.finish();
    process.stdout.write(`verdict: ${report.verdict} (exit ${report.exitCode}): ${report.reason}\n`);
    if (report.signature)
      process.stdout.write(
        `signature: ${report.signature}${report.knownBug ? ` [${report.knownBug.title}]` : ''}\n`,
      );
    // report.json is missing only when the output folder could not be written (the reason on the verdict line says why).
    process.stdout.write(
      report.files.report
        ? `report: ${report.files.report}\n`
        : 'report: none written (the verdict line says why)\n',
    );
    if (range && !signals.signal.aborted) {
      // The exit status stays the verdict of the commit under test; the bisection only adds lines.
      const bisection = await bisectAfterRun(report, config, range, {
        io: progress.io,
        signal: signals.signal,
        elapsedMs: Date.now() - started,
        onStep: (number, record) => process.stdout.write(`${describeStep(number, record)}\n`),
      });
      if (bisection.kind === 'not-run') process.stdout.write(`bisect: not run: ${bisection.why}\n`);
      else if (bisection.kind === 'found')
        process.stdout.write(`first bad commit: ${bisection.firstBad!.sha} ${bisection.firstBad!.subject}\n`);
      else if (bisection.kind !== 'failed')
        process.stdout.write(`bisect: undecided: ${bisection.undecided}\n`);
      if (bisection.kind !== 'not-run' && bisection.kind !== 'failed')
        process.stdout.write(`bisect report: ${bisection.reportFile}\n`);
    }
    return report.exitCode;
  } finally {
    progress.finish();
    signals.dispose();
  }
}

/** `--allow-error` alone means `--allow-error true` for the true/false inputs. */
function withBareBooleans(args: string[], inputs: readonly InputSpec[]): string[] {
  const booleans = new Set(inputs.filter((spec) => spec.boolean).map((spec) => `--${spec.name}`));
  return args.flatMap((arg, i) =>
    booleans.has(arg) && (args[i + 1] === undefined || args[i + 1]!.startsWith('-')) ? [arg, 'true'] : [arg],
  );
}

/** apt's output goes straight to the user's stderr. */
const inheritRunner: HostRunner = (command, args, env) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 2, 2], env: { ...process.env, ...env } });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 128));
  });
