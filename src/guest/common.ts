// What both guest adapters share: the guest layout, the fixture's and workloads' command lines.
import type { GateConfig } from '../config/types.js';
import type { TestSpec } from './adapter.js';
import type { RunResult, Shell } from './shell.js';
import { shQuote } from './quote.js';
import { RECORD_SERVER_SESSION } from './server-session.js';

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
export function fixtureMountCommand(
  config: GateConfig,
  mountCheck: string,
  osOptions: string[] = [],
): string {
  const options = [...fixtureOptions(config), ...osOptions];
  const optionArgs = options.length ? ` -o ${shQuote(options.join(','))}` : '';
  return `mkdir -p ${MOUNTPOINT} && ${BIN_DIR}/fusefs-fixture${optionArgs} -l ${RESULTS_DIR}/fixture.log ${MOUNTPOINT} && ${mountCheck}`;
}

/** The files the user's server leaves in the results: its output, its exit status, the mount table line. */
export const FUSE_SERVER_FILES = {
  log: `${RESULTS_DIR}/fuse-server.log`,
  status: `${RESULTS_DIR}/fuse-server.status`,
  mounts: `${RESULTS_DIR}/fuse-server.mounts`,
} as const;

/** The user's command line, written into the guest as a script (no quoting of it on the command line). */
export const FUSE_SERVER_SCRIPT = `${GATE_DIR}/fuse-server.sh`;
/** The gate's own wrapper that starts it detached and waits for the mount. */
export const FUSE_SERVER_MOUNT_SCRIPT = `${GATE_DIR}/fuse-server-mount.sh`;

/**
 * How a guest starts a command in a new session, with no controlling terminal, as a process that is
 * not the caller's child. The user's server must never be a job of the console shell: busybox ash
 * (the Linux guest) was seen to exit when a daemonizing server's background job ended.
 * - Linux: busybox `setsid PROG` (miscutils/setsid.c) forks first when the caller leads a process
 *   group, then calls setsid(2) and execs PROG, so PROG leads the new session.
 * - FreeBSD: base has no setsid(1); `daemon -f` (usr.sbin/daemon/daemon.c, daemon(3): fork, setsid)
 *   detaches from the controlling terminal with stdin, stdout and stderr on /dev/null. `-f` alone
 *   does not turn on supervision mode (main sets supervision_enabled only for the pidfile, restart,
 *   output-file and syslog options), so daemon(8) execs the command in the process daemon(3) made a
 *   session leader (lib/libc/gen/daemon.c), with no supervisor around it.
 * Either way the command's pid is the session id.
 */
export const DETACH = { linux: 'setsid', freebsd: 'daemon -f' } as const;

/**
 * The mount table line for the mount point, on either OS: Linux /proc/mounts (space-separated, the
 * mount point second), FreeBSD `mount` (sbin/mount/mount.c prmount: `FROM on ON (TYPE, FLAGS)`, the
 * mount point third, after `on`). Neither asks the file system anything: `mount -p` would
 * (getmntinfo MNT_WAIT, a FUSE_STATFS to the server: src/guest/freebsd.ts FREEBSD_MOUNT_LIST).
 */
export const MOUNT_TABLE_LINE = `{ cat /proc/mounts 2>/dev/null || mount; } | awk '$2 == "${MOUNTPOINT}" || ($2 == "on" && $3 == "${MOUNTPOINT}")'`;

/**
 * How long the gate waits for the user's server to mount, by the guest's clock (`date +%s`: busybox
 * date on Linux; FreeBSD's bin/date/date.c formats with strftime(3), whose %s is the seconds since
 * the Epoch, lib/libc/stdtime/strftime.c _fmt). Counting rounds of `sleep 0.1` instead made the
 * wait three times longer under TCG, beyond the console's bound, and the run then ended in a
 * console timeout without the server's log. A server's command line may do work before it mounts
 * (a key derivation: securefs, gocryptfs), which is slow under TCG.
 */
export const FUSE_SERVER_MOUNT_WAIT_SEC = 60;
/** The console's bound for the whole mount command: the wait, and the rest of the script. */
export const FUSE_SERVER_MOUNT_TIMEOUT_MS = (FUSE_SERVER_MOUNT_WAIT_SEC + 30) * 1000;

/**
 * Starts `argv` (already quoted) detached with `detach`: its own session, no controlling terminal,
 * stdin /dev/null, output in fuse-server.log, exit status in fuse-server.status, and not a child of
 * the console shell (the subshell that starts it exits at once), so whatever the server does with
 * jobs, signals or its terminal cannot reach the command channel. The session leader first records
 * its pid, the session's id (src/guest/server-session.ts), so the next run's reset can end what is
 * left of the session. Then waits, bounded, for the mount table to show the mount; a server that
 * exits non-zero before mounting ends the wait at once.
 * Either way the mount table line is kept in fuse-server.mounts.
 */
function detachedMountCommand(argv: string, mountCheck: string, detach: string, waitSec: number): string {
  const { log, status } = FUSE_SERVER_FILES;
  const started = `sh -c '${RECORD_SERVER_SESSION}; "$@" </dev/null >${log} 2>&1; echo $? >${status}' - ${argv}`;
  // Run from FUSE_SERVER_MOUNT_SCRIPT, so its length is not the console's concern.
  return (
    `rm -f ${status}; mkdir -p ${MOUNTPOINT} && ( ${detach} ${started} </dev/null >/dev/null 2>&1 & ) && ` +
    // A subshell, so that `exit` ends the wait and not the guest's login shell.
    `( cd ${RESULTS_DIR}; r=0 e=$(($(date +%s) + ${waitSec})); until ${mountCheck}; do s=$(cat fuse-server.status 2>/dev/null); ` +
    `[ "\${s:-0}" = 0 ] || { echo "the FUSE server exited $s before it mounted"; r=1; break; }; ` +
    `[ $(date +%s) -ge $e ] && { echo 'no mount within ${waitSec} s'; r=1; break; }; sleep 0.1; done; ` +
    `${MOUNT_TABLE_LINE} >fuse-server.mounts; [ $r = 0 ] || tail -n 20 fuse-server.log; exit $r )`
  );
}

/** `{mountpoint}` replaced; the rest is the user's command line, theirs to write, run as written. */
function userCommand(commandLine: string): string {
  return commandLine.split('{mountpoint}').join(MOUNTPOINT);
}

/** Characters of a quoted piece per console line: well inside MAX_COMMAND_LENGTH with the printf and the framing. */
const SCRIPT_CHUNK = 600;

/** `line` cut into pieces whose quoted form fits SCRIPT_CHUNK (a `'` grows to four characters when quoted). */
function quotedPieces(line: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const character of line) {
    if (piece !== '' && shQuote(piece + character).length > SCRIPT_CHUNK) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  pieces.push(piece);
  return pieces;
}

/**
 * Writes `text` into the guest file `file` through the console: line by line and in pieces, so no
 * console line is multi-line or longer than the console takes, whatever the text's length or quotes.
 */
async function writeGuestFile(shell: Shell, file: string, text: string): Promise<void> {
  let redirect = '>';
  for (const line of text.split('\n')) {
    const pieces = quotedPieces(line);
    for (const [index, piece] of pieces.entries()) {
      const last = index === pieces.length - 1;
      await mustRun(
        shell,
        `printf '${last ? '%s\\n' : '%s'}' ${shQuote(piece)} ${redirect}${file}`,
        10_000,
        `writing ${file} in the guest`,
      );
      redirect = '>>';
    }
  }
}

/**
 * Mounts the user's own FUSE server: its command line goes into FUSE_SERVER_SCRIPT, the detached
 * start and the bounded wait into FUSE_SERVER_MOUNT_SCRIPT, and the console runs only that: no
 * length of command line or mount check can overflow the console's line.
 */
export async function mountFuseServer(
  shell: Shell,
  commandLine: string,
  mountCheck: string,
  detach: string,
  timeoutMs: number,
  waitSec = FUSE_SERVER_MOUNT_WAIT_SEC,
): Promise<RunResult> {
  await writeGuestFile(shell, FUSE_SERVER_SCRIPT, userCommand(commandLine));
  await writeGuestFile(
    shell,
    FUSE_SERVER_MOUNT_SCRIPT,
    detachedMountCommand(`sh ${FUSE_SERVER_SCRIPT}`, mountCheck, detach, waitSec),
  );
  return shell.run(`sh ${FUSE_SERVER_MOUNT_SCRIPT}`, { timeoutMs, purpose: 'mounting the FUSE file system' });
}

/** Printed by the mount-gone check while the mount is there. */
const STILL_MOUNTED = 'fusefs-gate: still mounted';

/**
 * A console command: STILL_MOUNTED while `mountCheck` finds the FUSE mount, else `gone` and the
 * server command's exit status (`running` while it runs).
 */
export function fuseMountGoneCommand(mountCheck: string): string {
  return `if ${mountCheck}; then echo '${STILL_MOUNTED}'; else s=$(cat ${FUSE_SERVER_FILES.status} 2>/dev/null); echo "gone \${s:-running}"; fi`;
}

/**
 * Undefined while the user's server's mount is in the mount table. A server that stops cleanly
 * (an error it cannot serve past, a lost connection: sshfs whose sftp side exited) unmounts as it
 * goes, and /mnt/fg is then the guest's own folder again: a workload passes there, and proves
 * nothing of FUSE. (A server that crashes leaves its mount, which answers ENOTCONN: the tests say so.)
 */
export async function fuseMountGone(shell: Shell, mountCheck: string): Promise<string | undefined> {
  const result = await shell.run(fuseMountGoneCommand(mountCheck), {
    timeoutMs: 10_000,
    purpose: 'checking that the FUSE file system is still mounted',
  });
  const output = result.output.trim();
  if (output.includes(STILL_MOUNTED)) return undefined;
  const status = /gone (\S+)/.exec(output)?.[1];
  const server =
    status === undefined
      ? `the check said: ${output.slice(-200) || `exit ${result.exitStatus}`}`
      : status === 'running'
        ? "the FUSE server's command is still running"
        : `the FUSE server's command exited ${status}`;
  return `${MOUNTPOINT} is no longer a FUSE mount (${server})`;
}

/** What the user's server left: the mount table line for the mount point and the tail of its output. */
export async function fuseServerEvidence(shell: Shell): Promise<{ mountTable: string; logTail: string }> {
  const { log, mounts } = FUSE_SERVER_FILES;
  const read = async (command: string) =>
    (
      await shell.run(command, { timeoutMs: 10_000, purpose: 'reading the FUSE server evidence' })
    ).output.trim();
  return {
    mountTable: await read(`cat ${mounts} 2>/dev/null`),
    logTail: await read(`tail -c 4000 ${log} 2>/dev/null`),
  };
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
export async function mustRun(
  shell: Shell,
  command: string,
  timeoutMs: number,
  purpose: string,
): Promise<void> {
  const result = await shell.run(command, { timeoutMs, purpose });
  if (result.exitStatus !== 0)
    throw new Error(`${purpose} failed (exit ${result.exitStatus}): ${result.output.trim().slice(-800)}`);
}
