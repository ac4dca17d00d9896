// `fusefs-gate bisect --source-tree DIR --good REF --bad REF [run flags]`: finds the first commit
// whose gate run fails the way the bad end fails. Steps run in a detached git worktree of the
// user's repository, so their working copy (dirty or not) is never touched.
import { parseArgs } from 'node:util';
import { BadInputError } from '../config/errors.js';
import { parseConfig, type RawInputs } from '../config/parse.js';
import { EXIT, Input } from '../constants.js';
import type { GateIO } from '../gate/run.js';
import { installSignalHandlers } from '../signals.js';
import { defaultMaxBuilds } from './engine.js';
import { resolveRange } from './range.js';
import { type BisectionPlan, describeStep, runBisection } from './run-bisection.js';

/** Bisection input errors name the flag, like every other bad input. */
class BisectInputError extends Error {}

export async function bisectCommand(args: string[]): Promise<number> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    quiet: { type: 'boolean' },
    out: { type: 'string' },
    good: { type: 'string' },
    bad: { type: 'string' },
    'bisect-max-builds': { type: 'string' },
    'bisect-time-budget': { type: 'string' },
  };
  // `--good` is this command's `bisect-good`; `--bisect-max-builds` is read here, not by parseConfig.
  for (const input of runInputs()) options[input] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (error) {
    return badInput((error as Error).message);
  }
  const io = cliIO(values.quiet === true);
  let plan: Awaited<ReturnType<typeof planBisection>>;
  try {
    plan = await planBisection(values);
  } catch (error) {
    if (error instanceof BisectInputError || error instanceof BadInputError) return badInput(error.message);
    throw error;
  }
  const { commits, good, maxBuilds, hardMaxBuilds } = plan;
  io.note(
    `fusefs-gate bisect: ${commits.length} commit(s) after ${good.slice(0, 12)} up to ${commits.at(-1)!.sha.slice(0, 12)}; at most ${hardMaxBuilds ?? maxBuilds} build(s) before skips`,
  );
  const signals = installSignalHandlers();
  try {
    const result = await runBisection(plan, {
      io,
      signal: signals.signal,
      onStep: (number, record) => process.stdout.write(`${describeStep(number, record)}\n`),
    });
    if (result.kind === 'cancelled') {
      process.stdout.write(
        `bisect: cancelled by ${result.cancelled} after ${result.steps.length} build(s)\n`,
      );
      return result.exitCode;
    }
    if (result.kind === 'found') {
      const first = result.firstBad!;
      process.stdout.write(`first bad commit: ${first.sha} ${first.subject}\n`);
      process.stdout.write(
        `  failure: ${first.why}\n  builds: ${result.steps.length} for ${result.commitCount} commit(s); report: ${result.reportFile}\n`,
      );
      return result.exitCode;
    }
    process.stdout.write(`bisect: undecided: ${result.undecided}\n`);
    if (result.candidates.length) {
      process.stdout.write(
        `  the first bad commit is one of:\n${result.candidates.map((c) => `    ${c.sha} ${c.subject}`).join('\n')}\n`,
      );
    }
    process.stdout.write(`  builds: ${result.steps.length}; report: ${result.reportFile}\n`);
    return result.exitCode;
  } finally {
    signals.dispose();
  }
}

async function planBisection(values: Record<string, string | boolean | undefined>) {
  const str = (name: string) =>
    typeof values[name] === 'string' && (values[name] as string).trim() !== ''
      ? (values[name] as string).trim()
      : undefined;
  const tree = str(Input.SourceTree);
  if (!tree)
    throw new BisectInputError("invalid input '--source-tree': bisect needs the tree's git repository");
  const goodRef = str('good');
  const badRef = str('bad');
  if (!goodRef) throw new BisectInputError("invalid input '--good': bisect needs a commit that passed");
  if (!badRef) throw new BisectInputError("invalid input '--bad': bisect needs a commit that fails");
  const raw: RawInputs = {};
  for (const input of runInputs()) {
    const v = str(input);
    if (v !== undefined) raw[input] = v;
  }
  if (str('out')) raw[Input.OutputDir] = str('out');
  if (raw[Input.Guest] === undefined) raw[Input.Guest] = 'freebsd';
  const config = parseConfig(raw, { cwd: process.cwd(), env: process.env, spell: (input) => `--${input}` });

  const range = await resolveRange({
    tree: config.sourceTree,
    goodRef,
    badRef,
    names: { tree: '--source-tree', good: '--good', bad: '--bad' },
    badLabel: { short: '--bad', full: `--bad ${JSON.stringify(badRef)}` },
  });

  const count = (name: string, fallback: number | undefined, max: number) => {
    const v = str(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max)
      throw new BisectInputError(
        `invalid input '--${name}': ${JSON.stringify(v)} is not a whole number from 1 to ${max}`,
      );
    return Number(v);
  };
  const hardMaxBuilds = count('bisect-max-builds', undefined, 1000);
  const budgetSec = count('bisect-time-budget', 6 * 3600, 7 * 24 * 3600)!;
  const plan: BisectionPlan = {
    ...range,
    config,
    maxBuilds: hardMaxBuilds ?? defaultMaxBuilds(range.commits.length),
    budgetMs: budgetSec * 1000,
  };
  if (hardMaxBuilds !== undefined) plan.hardMaxBuilds = hardMaxBuilds;
  return plan;
}

/** The action inputs that are run flags here too: this command's `--good` is the action's `bisect-good`. */
function runInputs(): Input[] {
  return Object.values(Input).filter(
    (input) => input !== Input.BisectGood && input !== Input.BisectMaxBuilds,
  );
}

function cliIO(quiet: boolean): Omit<GateIO, 'signal'> {
  return {
    note: (message) => process.stderr.write(`${message}\n`),
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
    consoleLine: (line) => {
      if (!quiet) process.stderr.write(`  | ${line}\n`);
    },
    group: async (name, work) => {
      if (!quiet) process.stderr.write(`== ${name}\n`);
      return work();
    },
  };
}

function badInput(message: string): number {
  process.stderr.write(`fusefs-gate bisect: ${message}\n`);
  return EXIT.usage;
}
