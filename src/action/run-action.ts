// What the main step does, testable without the runner: read inputs the way GitHub passes them
// (INPUT_* variables), make sure QEMU is there, run the gate, publish the report.
import * as core from '@actions/core';
import * as exec from '@actions/exec';
import { BadInputError } from '../config/errors.js';
import { parseConfig, type RawInputs } from '../config/parse.js';
import type { GateConfig } from '../config/types.js';
import { EXIT, GROUP, Input, Output, State } from '../constants.js';
import { writeEvidence } from '../gate/evidence.js';
import { runGate } from '../gate/run.js';
import { exitCodeFor } from '../gate/verdict.js';
import type { GateReport } from '../report/model.js';
import { installSignalHandlers } from '../signals.js';
import { bisectAfterRun, type HeadBisection, planHeadBisection } from '../bisect/after-run.js';
import { originUrl } from '../bisect/git.js';
import type { BisectRange } from '../bisect/range.js';
import { actionIO, logGroup } from './action-io.js';
import { commitUrlFor } from './bisect-outputs.js';
import { installHint, installQemu, missingQemu, type HostRunner } from './host-deps.js';
import { ensureKvmAccess } from './kvm-access.js';
import { saveStateSafely, setOutputsSafely } from './file-commands.js';
import { type PublishedBisection, publish } from './publish.js';
import { WorkflowLog } from './workflow-log.js';

export async function runAction(): Promise<void> {
  const log = new WorkflowLog((text) => process.stdout.write(text));
  try {
    await mainStep(log);
  } finally {
    log.resume();
  }
}

async function mainStep(log: WorkflowLog): Promise<void> {
  // job-timeout counts from here: a bisection gets what the run of HEAD leaves of it.
  const started = Date.now();
  if (process.platform !== 'linux') {
    setOutputsSafely({ [Output.Verdict]: 'error' });
    core.setFailed(
      `fusefs-gate runs QEMU guests on Linux runners only; this runner is ${process.platform}. Use runs-on: ubuntu-latest.`,
    );
    process.exitCode = EXIT.usage;
    return;
  }
  const raw: RawInputs = {};
  for (const input of Object.values(Input)) raw[input] = core.getInput(input);
  let config: GateConfig;
  let range: BisectRange | undefined;
  try {
    config = parseConfig(raw, { cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(), env: process.env });
    // Before anything boots: does bisect-good name an ancestor of HEAD in the tree's history?
    range = await planHeadBisection(config);
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    // The verdict output is always set: bad input decides nothing, so it is `error`.
    const unset = setOutputsSafely({ [Output.Verdict]: 'error' });
    core.setFailed(error.message);
    if (unset) core.warning(unset);
    process.exitCode = EXIT.usage;
    return;
  }
  saveStateSafely(State.OutputDir, config.outDir);
  await ensureKvmAccess((message) => core.info(message));

  const qemuProblem = await ensureQemu(config, log);
  if (qemuProblem) {
    await publish(undecided(config, qemuProblem), config);
    return;
  }

  const signals = installSignalHandlers();
  let report: GateReport;
  let bisect: PublishedBisection | undefined;
  try {
    const io = actionIO(log, signals.signal, (pidfile) => saveStateSafely(State.QemuPidfile, pidfile));
    report = await runGate(config, io);
    if (range && !signals.signal.aborted) {
      io.note(`fusefs-gate: verdict of HEAD: ${report.verdict}: ${report.reason}`);
      // A bisection that breaks is the gate's problem, never a change to HEAD's verdict.
      const bisection: HeadBisection = await bisectAfterRun(report, config, range, {
        io,
        signal: signals.signal,
        elapsedMs: Date.now() - started,
      }).catch((error: Error) => ({ kind: 'failed', why: `the bisection stopped: ${error.message}` }));
      bisect = { bisection, commitUrl: commitUrlFor(process.env, await originUrl(range.repo)) };
    }
  } finally {
    signals.dispose();
  }
  log.resume();
  await publish(report, config, bisect);
  saveStateSafely(State.MainFinished, 'true');
}

/** Installs a missing QEMU when allowed; returns what is wrong when QEMU still is not there. */
async function ensureQemu(config: GateConfig, log: WorkflowLog): Promise<string | undefined> {
  const missing = missingQemu();
  if (missing.length === 0) return undefined;
  if (!config.installQemu) return `${installHint(missing)} (install-qemu is false)`;
  const outcome = await logGroup(log, GROUP.installQemu, () =>
    installQemu(missing, {
      run: execRunner,
      isRoot: process.getuid?.() === 0,
      log: (message) => core.info(message),
    }),
  );
  core.info(`fusefs-gate: ${outcome.message}`);
  return outcome.ok ? undefined : outcome.message;
}

/** apt's output belongs in the log: @actions/exec echoes the command line and streams its output. */
const execRunner: HostRunner = (command, args, env) =>
  exec.exec(command, args, { ignoreReturnCode: true, env: { ...definedEnv(process.env), ...env } });

function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** The report of a run that could not start (QEMU missing): `error`, written like any other. */
function undecided(config: GateConfig, reason: string): GateReport {
  const now = new Date().toISOString();
  const report: GateReport = {
    verdict: 'error',
    reason,
    exitCode: exitCodeFor('error', config.failOn, config.allowError),
    guest: config.guest,
    tests: [],
    threads: [],
    phases: [{ phase: 'host', durationMs: 0, outcome: 'failed', note: reason.slice(0, 300) }],
    bootAttempts: 0,
    startedAt: now,
    finishedAt: now,
    files: {},
  };
  report.files = writeEvidence(config.outDir, report, undefined);
  return report;
}
