// Ending what a run's FUSE server started before a reused guest serves the next run. The server runs
// in a session of its own (the user's: `setsid` / `daemon -f`, src/guest/common.ts; the built-in
// fixture's daemon calls setsid(2) itself, guest/fuse_fixture.c daemon_main), and its session id is
// recorded in SERVER_SESSION_FILE when it starts. The reset ends every process of that session:
// SIGTERM, a bounded wait, SIGKILL, a bounded wait, and then nothing of it may be left, or the guest
// is not reused. A process the server starts in a session of its own (a server that daemonizes with
// daemon(3) or libfuse's fuse_daemonize, which call setsid) is not in the recorded session: it is
// expected to exit when its mount goes, as the fixture's daemon does.
import type { Shell } from './shell.js';

/** The session id of the running FUSE server, the pid of its session leader (under GATE_DIR, common.ts). */
export const SERVER_SESSION_FILE = '/gate/fuse-server.sid';

/**
 * Run by the session leader itself, first thing: `$$` is its pid, which setsid(2) made the session
 * id (Linux: kernel/sys.c ksys_setsid; FreeBSD: sys/kern/kern_prot.c sys_setsid, a new session and
 * process group whose ids are the caller's pid).
 */
export const RECORD_SERVER_SESSION = `echo $$ >${SERVER_SESSION_FILE}`;

/** The pid the fixture reports: guest/fuse_fixture.c main prints "mounted %s (pid %ld, ..." for its daemon child. */
export function fixtureDaemonPid(mountOutput: string): number | undefined {
  const m = /^fusefs-fixture: mounted \S+ \(pid (\d+),/m.exec(mountOutput);
  return m ? Number(m[1]) : undefined;
}

/**
 * After the built-in fixture mounted: records its daemon's session, which is its pid (it called
 * setsid(2) first thing). A user's server records its own when it starts (common.ts).
 */
export async function recordFixtureSession(shell: Shell, mountOutput: string): Promise<void> {
  const pid = fixtureDaemonPid(mountOutput);
  if (pid === undefined) return;
  const result = await shell.run(`echo ${pid} >${SERVER_SESSION_FILE}`, {
    timeoutMs: 10_000,
    purpose: "recording the fixture's session",
  });
  if (result.exitStatus !== 0)
    throw new Error(
      `recording the fixture's session failed (exit ${result.exitStatus}): ${result.output.trim()}`,
    );
}

/** Rounds of 0.1 s: how long the server gets to exit after SIGTERM, and after SIGKILL. */
const TERM_ROUNDS = 30;
const KILL_ROUNDS = 20;

/**
 * How each OS lists the session's live processes (as `pid pid ... `) and signals them, in shell:
 * - Linux (busybox, no pgrep in the test guest): /proc/PID/stat, whose fields after "(comm) " are
 *   state, ppid, pgrp, session (fs/proc/array.c do_task_stat); a zombie (state Z) holds nothing
 *   and cannot be signalled, so it does not count. `kill -SIG PID...` signals the listed pids.
 * - FreeBSD: `pgrep -d ' ' -s SID` prints the matching pids with the delimiter between them (none
 *   after the last) and a newline, and exits 1 when none matches; `pkill -SIG -s SID` signals each
 *   process of the session (sys_signame names, "TERM", "KILL"), and both leave out themselves and
 *   their ancestors, the console shell (bin/pkill/pkill.c: grepact, main's putchar('\n'), killact,
 *   the -s list compared with ki_sid; 14.x and main). pgrep lists a zombie until it is reaped
 *   (sys/kern/kern_proc.c sysctl_kern_proc skips only PRS_NEW; kern_exit.c proc_reap takes it off
 *   the pid hash): its parent is of the session, and signalled with it, or is init, which reaps it.
 *   `sleep 0.1` takes a fraction (bin/sleep/sleep.c).
 */
const TOOLS = {
  linux: {
    list:
      `for f in /proc/[0-9]*; do read -r l 2>/dev/null <$f/stat || continue; set -- \${l##*) }; ` +
      `[ "$4" = $s ] && [ "$1" != Z ] && printf '%s ' \${f#/proc/}; done`,
    signal: 'kill -$1 $p 2>/dev/null',
  },
  freebsd: {
    list: `pgrep -d ' ' -s $s`,
    signal: 'pkill -$1 -s $s',
  },
} as const;

/**
 * One console command that ends the recorded server session and says what it did; exit 1 (with the
 * pids) when something of it is still running after SIGKILL (a process asleep in the kernel
 * uninterruptibly). No recorded session: nothing to do, no output. A subshell, so that its `exit`
 * cannot end the console's shell. Short names (L lists, E signals until nothing is left) keep it
 * within the console's line with its framing.
 */
export function endServerSessionCommand(os: 'linux' | 'freebsd'): string {
  const { list, signal } = TOOLS[os];
  return (
    `( s=$(cat ${SERVER_SESSION_FILE} 2>/dev/null); case "$s" in ''|0|*[!0-9]*) exit 0;; esac; ` +
    `m="FUSE server session $s:"; L() { ${list}; }; ` +
    // Signals what is left each round (a child forked meanwhile is signalled too) until nothing is.
    `E() { i=$2; while p=$(L); [ -n "$p" ]; do [ $((i-=1)) -lt 0 ] && return 1; ${signal}; sleep 0.1; done; }; ` +
    `a=$(L); [ -n "$a" ] || { echo "$m nothing left"; exit 0; }; ` +
    `E TERM ${TERM_ROUNDS} && { echo "$m SIGTERM ended pids \${a% }"; exit 0; }; ` +
    `b=$(L); E KILL ${KILL_ROUNDS} && { echo "$m SIGTERM left pids \${b% }, SIGKILL ended them"; exit 0; }; ` +
    // Unquoted, so that Linux's list (a blank after each pid) and pgrep's (blanks between) print alike.
    `echo "$m pids" $(L) "still running after SIGKILL"; exit 1 )`
  );
}
