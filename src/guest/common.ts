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

/** Mounts the built-in fixture, then checks the mount table with `mountCheck`. */
export function fixtureMountCommand(config: GateConfig, mountCheck: string): string {
  const options = fixtureOptions(config);
  const optionArgs = options.length ? ` -o ${shQuote(options.join(','))}` : '';
  return `mkdir -p ${MOUNTPOINT} && ${BIN_DIR}/fusefs-fixture${optionArgs} -l ${RESULTS_DIR}/fixture.log ${MOUNTPOINT} && ${mountCheck}`;
}

/** The files the user's server leaves in the results: its output, its exit status, the mount table line. */
export const FUSE_SERVER_FILES = {
  log: `${RESULTS_DIR}/fuse-server.log`,
  status: `${RESULTS_DIR}/fuse-server.status`,
  mounts: `${RESULTS_DIR}/fuse-server.mounts`,
} as const;

/**
 * How a guest starts a command in a new session, with no controlling terminal, as a process that is
 * not the caller's child. The user's server must never be a job of the console shell: busybox ash
 * (the Linux guest) was seen to exit when a daemonizing server's background job ended.
 * - Linux: busybox `setsid PROG` (util-linux/setsid.c) calls setsid(2) and execs PROG.
 * - FreeBSD: base has no setsid(1); `daemon -f` (usr.sbin/daemon/daemon.c, daemon(3): fork, setsid)
 *   detaches from the controlling terminal with stdin, stdout and stderr on /dev/null.
 */
export const DETACH = { linux: 'setsid', freebsd: 'daemon -f' } as const;

/**
 * The mount table line for the mount point, on either OS: Linux /proc/mounts, FreeBSD `mount -p`
 * (sbin/mount/mount.c putfsent, fstab format); in both the mount point is the second field.
 */
const MOUNT_TABLE_LINE = `{ cat /proc/mounts 2>/dev/null || mount -p; } | grep ' ${MOUNTPOINT} '`;

/**
 * Mounts the user's own FUSE server: `{mountpoint}` is replaced, the rest is the user's command line,
 * run as written by `sh -c` (quoted, so a `#` or a `;` in it is the user's shell syntax, never an
 * edit of the gate's own wrapper). It runs detached (`detach`): its own session, no controlling
 * terminal, stdin /dev/null, output in fuse-server.log, its exit status in fuse-server.status, and
 * not a child of the console shell, so whatever it does with jobs, signals or its terminal cannot
 * reach the command channel. The mount table is checked within a bounded wait; a server that exits
 * non-zero before mounting ends the wait at once. Either way the mount table line is kept.
 */
export function fuseServerMountCommand(commandLine: string, mountCheck: string, detach: string = DETACH.freebsd): string {
  const command = commandLine.split('{mountpoint}').join(MOUNTPOINT);
  const { log, status, mounts } = FUSE_SERVER_FILES;
  // The user's command is an argument ($1) of the detached shell, not part of its script: a `#` in
  // it can only comment out the rest of the user's own command.
  const detached = `sh -c '{ sh -c "$1"; } </dev/null >${log} 2>&1; echo $? >${status}' fuse-server ${shQuote(command)}`;
  return (
    `mkdir -p ${MOUNTPOINT} && rm -f ${status} && ( ${detach} ${detached} </dev/null >/dev/null 2>&1 & ) && ` +
    // A subshell, so that `exit` ends the wait and not the guest's login shell.
    `( r=0; i=0; until ${mountCheck}; do i=$((i+1)); s=$(cat ${status} 2>/dev/null); ` +
    `if [ -n "$s" ] && [ "$s" != 0 ]; then echo "the FUSE server exited with status $s before it mounted"; r=1; break; fi; ` +
    `if [ $i -gt 100 ]; then echo 'the FUSE server did not mount within 10 s'; r=1; break; fi; sleep 0.1; done; ` +
    `${MOUNT_TABLE_LINE} >${mounts}; [ $r = 0 ] || tail -n 20 ${log}; exit $r )`
  );
}

/** What the user's server left: the mount table line for the mount point and the tail of its output. */
export async function fuseServerEvidence(shell: Shell): Promise<{ mountTable: string; logTail: string }> {
  const { log, mounts } = FUSE_SERVER_FILES;
  const read = async (command: string) => (await shell.run(command, { timeoutMs: 10_000, purpose: 'reading the FUSE server evidence' })).output.trim();
  return { mountTable: await read(`cat ${mounts} 2>/dev/null`), logTail: await read(`tail -c 4000 ${log} 2>/dev/null`) };
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
