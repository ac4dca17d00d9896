// The gate's IO on a GitHub runner: log groups for phases, guest text inside stop-commands spans,
// warnings as annotations. Everything goes to stdout, in order, so a span always closes before a command.
import * as core from '@actions/core';
import type { GateIO } from '../gate/run.js';
import { formatDuration } from '../report/summary.js';
import type { WorkflowLog } from './workflow-log.js';

export function actionIO(
  log: WorkflowLog,
  signal: AbortSignal,
  onVmStarted: (pidfile: string) => void,
): GateIO {
  return {
    // Notes are the gate's own, but they quote guest output (build tails, reasons): plain text only.
    note: (message) => log.text(message),
    warn: (message) => log.command(() => core.warning(message)),
    consoleLine: (line) => log.text(line),
    group: (name, work) => logGroup(log, name, work),
    signal,
    onVmStarted: (pidfile) => log.command(() => onVmStarted(pidfile)),
    phaseEnded: (timing) =>
      log.text(
        `fusefs-gate: ${timing.phase} ${timing.outcome === 'ok' ? 'done' : timing.outcome} in ${formatDuration(timing.durationMs)}`,
      ),
  };
}

/** core.group, with the stop-commands span closed before `::group::` and before `::endgroup::`. */
export async function logGroup<T>(log: WorkflowLog, name: string, work: () => Promise<T>): Promise<T> {
  log.command(() => core.startGroup(name));
  try {
    return await work();
  } finally {
    log.command(() => core.endGroup());
  }
}
