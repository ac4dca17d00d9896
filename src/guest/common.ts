// What both guest adapters share: the guest layout, the fixture's and workloads' command lines.
import type { GateConfig } from '../config/types.js';
import type { TestSpec } from './adapter.js';
import type { Shell } from './shell.js';
import { shQuote } from './quote.js';

/** docs/guest-protocol.md: the guest layout. */
export const GATE_DIR = '/gate';
export const BIN_DIR = '/gate/bin';
export const RESULTS_DIR = '/gate/results';
export const MOUNTPOINT = '/mnt/fg';

/** The fixture's `-o` options: the user's fixture options plus an injected fault. */
export function fixtureOptions(config: GateConfig): string[] {
  return [...config.fixtureOptions, ...(config.fault ? [config.fault] : [])];
}

/** Mounts the built-in fixture, then checks the mount table with `mountCheck`; `osOptions` are the adapter's own. */
export function fixtureMountCommand(config: GateConfig, mountCheck: string, osOptions: string[] = []): string {
  const options = [...fixtureOptions(config), ...osOptions];
  const optionArgs = options.length ? ` -o ${shQuote(options.join(','))}` : '';
  return `mkdir -p ${MOUNTPOINT} && ${BIN_DIR}/fusefs-fixture${optionArgs} -l ${RESULTS_DIR}/fixture.log ${MOUNTPOINT} && ${mountCheck}`;
}

/**
 * Mounts the user's own FUSE server: `{mountpoint}` is replaced, the rest is the user's command line
 * (it is theirs to write, so it is run as written). A server that stays in the foreground is
 * put in the background; the mount table is checked within a bounded wait.
 */
export function fuseServerMountCommand(commandLine: string, mountCheck: string): string {
  const command = commandLine.split('{mountpoint}').join(MOUNTPOINT);
  return (
    `mkdir -p ${MOUNTPOINT} && ( ${command} ) >${RESULTS_DIR}/fuse-server.log 2>&1 & ` +
    // A subshell, so that `exit` ends the wait and not the guest's login shell.
    `( i=0; until ${mountCheck}; do i=$((i+1)); [ $i -gt 100 ] && { cat ${RESULTS_DIR}/fuse-server.log; echo 'the FUSE server did not mount within 10 s'; exit 1; }; sleep 0.1; done )`
  );
}

export function workloadTests(config: GateConfig, mountpoint: string): TestSpec[] {
  return config.workloads.map((name) => ({
    name: `workload/${name}`,
    kind: 'workload' as const,
    command: `${BIN_DIR}/fusefs-workloads ${name} ${mountpoint}`,
  }));
}

/** The FUSE file system did not mount: the tree's fault once its code is loaded, the gate's before. */
export class MountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MountError';
  }
}

/** Runs a command that must succeed; otherwise throws naming what it was for, with its last output. */
export async function mustRun(shell: Shell, command: string, timeoutMs: number, purpose: string): Promise<void> {
  const result = await shell.run(command, { timeoutMs, purpose });
  if (result.exitStatus !== 0) throw new Error(`${purpose} failed (exit ${result.exitStatus}): ${result.output.trim().slice(-800)}`);
}
