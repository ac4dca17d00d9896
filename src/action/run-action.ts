// What the main step does, testable without the runner: read inputs the way GitHub passes them
// (INPUT_* variables), run the gate, and translate the report into GitHub's surfaces.
import * as core from '@actions/core';
import { BadInputError } from '../config/errors.js';
import { parseConfig, type RawInputs } from '../config/parse.js';
import { EXIT, Input, Output, State } from '../constants.js';
import { runGate } from '../gate/run.js';
import type { GateReport } from '../report/model.js';
import { renderSummary } from '../report/summary.js';
import { installSignalHandlers } from '../signals.js';
import { ensureKvmAccess } from './kvm-access.js';
import { uploadEvidence } from './artifact.js';
import { annotate } from './annotations.js';

export async function runAction(): Promise<void> {
  if (process.platform !== 'linux') {
    core.setOutput(Output.Verdict, 'error');
    core.setFailed(`fusefs-gate runs QEMU guests on Linux runners only; this runner is ${process.platform}. Use runs-on: ubuntu-latest.`);
    process.exitCode = EXIT.usage;
    return;
  }
  const raw: RawInputs = {};
  for (const input of Object.values(Input)) raw[input] = core.getInput(input);
  let config;
  try {
    config = parseConfig(raw, { cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(), env: process.env });
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    // The verdict output is always set: bad input decides nothing, so it is `error`.
    core.setOutput(Output.Verdict, 'error');
    core.setFailed(error.message);
    process.exitCode = EXIT.usage;
    return;
  }
  core.saveState(State.OutputDir, config.outDir);
  await ensureKvmAccess((message) => core.info(message));

  const signals = installSignalHandlers();
  let report: GateReport;
  try {
    report = await runGate(config, {
      note: (message) => core.info(message),
      warn: (message) => core.warning(message),
      consoleLine: (line) => core.info(line),
      group: (name, work) => core.group(name, work),
      signal: signals.signal,
      onVmStarted: (pidfile) => core.saveState(State.QemuPidfile, pidfile),
    });
  } finally {
    signals.dispose();
  }

  core.setOutput(Output.Verdict, report.verdict);
  core.setOutput(Output.Signature, report.signature ?? '');
  core.setOutput(Output.Report, report.files.report ?? '');
  core.setOutput(Output.Stacks, report.files.stacks ?? '');
  core.setOutput(Output.SerialLog, report.files.serialLog ?? '');
  core.setOutput(Output.Junit, report.files.junit ?? '');
  core.setOutput(Output.Summary, report.files.summary ?? '');
  const artifactUrl = config.uploadArtifact
    ? await uploadEvidence(config.artifactName, report, config.outDir).catch((error: Error) => {
        core.warning(`artifact upload failed: ${error.message}`);
        return undefined;
      })
    : undefined;
  await core.summary.addRaw(renderSummary(report, { stacksFile: 'stacks.txt', ...(artifactUrl ? { stacksUrl: artifactUrl } : {}) })).write();
  annotate(report, config.sourceTree);
  core.saveState(State.MainFinished, 'true');

  const line = `fusefs-gate verdict: ${report.verdict}: ${report.reason}`;
  if (report.exitCode !== 0) core.setFailed(line);
  else core.info(line);
  process.exitCode = report.exitCode;
}
