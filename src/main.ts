// The action's main step: inputs -> GateConfig -> runGate -> outputs, summary, annotations, artifact.
import * as core from '@actions/core';
import { runAction } from './action/run-action.js';

runAction().catch((error: unknown) => {
  core.setFailed(`fusefs-gate: internal error: ${(error as Error)?.stack ?? error}`);
});
