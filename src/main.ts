// The action's main step: inputs -> GateConfig -> runGate -> outputs, summary, annotations, artifact.
import * as core from '@actions/core';
import { runAction } from './action/run-action.js';

runAction()
  .catch((error: unknown) => {
    core.setFailed(`fusefs-gate: internal error: ${(error as Error)?.stack ?? error}`);
  })
  // The step is over: a request abandoned at its bound (an artifact upload nobody answers) must not
  // keep the process alive. stdout is a pipe or a file here, both written synchronously on Linux.
  .finally(() => process.exit());
