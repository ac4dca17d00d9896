// The action's post step: runs even when the main step failed, timed out or was cancelled, and
// ends any QEMU the main step recorded (checking the pid still is QEMU before killing it).
import * as core from '@actions/core';
import { State } from './constants.js';
import { killRecorded } from './vm/pidfile.js';

async function post(): Promise<void> {
  const pidfile = core.getState(State.QemuPidfile);
  if (!pidfile) return;
  const result = await killRecorded(pidfile);
  if (result.killed)
    core.warning(`fusefs-gate post step: stopped QEMU left running by the main step (pid ${result.pid})`);
  else core.info(`fusefs-gate post step: ${result.note}`);
}

post().catch((error: unknown) =>
  core.warning(`fusefs-gate post step: ${(error as Error)?.message ?? error}`),
);
