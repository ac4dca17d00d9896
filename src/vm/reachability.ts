// Can the host reach QEMU itself? A guest that stopped answering is only a hung guest when QEMU is
// alive, scheduled and answering QMP with its vCPUs running; a stopped, dead or silent QEMU is the
// runner's problem (verdict `error`, naming QEMU), never the tree's.

import { readFileSync } from 'node:fs';

/** QEMU answered and runs the guest: the guest itself is what stopped answering. */
export interface QemuRunning {
  reachable: true;
  /** QMP RunState as answered, `running` here. */
  status: string;
}

/** The host could not reach a running QEMU: the guest's silence says nothing about its kernel. */
export interface QemuUnreachable {
  reachable: false;
  /** One sentence naming QEMU and what is wrong with it. */
  why: string;
}

export type QemuReachability = QemuRunning | QemuUnreachable;

/** What reachability needs of a VM (VmInstance has it). */
export interface ProbedVm {
  readonly pid: number;
  queryStatus(options?: { timeoutMs?: number }): Promise<{ status: string; running: boolean }>;
}

/** How long QMP may take to answer query-status before QEMU counts as silent. */
export const QMP_PROBE_TIMEOUT_MS = 3_000;

/**
 * The scheduler state letter of a process, from /proc/PID/stat (proc(5): "pid (comm) state ...",
 * comm may hold spaces and parentheses, so the state follows the last ") "); undefined when gone.
 */
export function processState(
  pid: number,
  readStat: (pid: number) => string = (p) => readFileSync(`/proc/${p}/stat`, 'utf8'),
): string | undefined {
  let stat: string;
  try {
    stat = readStat(pid);
  } catch {
    return undefined;
  }
  const close = stat.lastIndexOf(') ');
  return close < 0 ? undefined : stat.slice(close + 2, close + 3);
}

/** proc(5) states: T stopped (by a signal), t tracing stop, Z zombie, X dead. */
function describeState(pid: number, state: string | undefined): string | undefined {
  if (state === undefined) return `QEMU (pid ${pid}) is not running`;
  if (state === 'T' || state === 't')
    return `QEMU (pid ${pid}) is stopped (process state ${state}: SIGSTOP, a job-control stop or a debugger), so its guest could not run`;
  if (state === 'Z' || state === 'X') return `QEMU (pid ${pid}) has exited (process state ${state})`;
  return undefined;
}

export async function qemuReachability(
  vm: ProbedVm,
  readState: (pid: number) => string | undefined = processState,
): Promise<QemuReachability> {
  const before = describeState(vm.pid, readState(vm.pid));
  if (before) return { reachable: false, why: before };
  let status: { status: string; running: boolean };
  try {
    status = await vm.queryStatus({ timeoutMs: QMP_PROBE_TIMEOUT_MS });
  } catch (error) {
    // The process may have been stopped or ended while QMP was asked: say that rather than the timeout.
    const after = describeState(vm.pid, readState(vm.pid));
    return {
      reachable: false,
      why: after ?? `QEMU (pid ${vm.pid}) did not answer QMP query-status: ${(error as Error).message}`,
    };
  }
  if (!status.running) {
    // paused (QMP stop), internal-error, io-error, shutdown, guest-panicked...: the vCPUs do not run,
    // so nothing says the guest's kernel hung.
    return {
      reachable: false,
      why: `QEMU (pid ${vm.pid}) answers but does not run the guest: its status is ${status.status}`,
    };
  }
  return { reachable: true, status: status.status };
}
