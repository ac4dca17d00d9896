// Every QEMU this process started and that has not exited yet, so the gate's signal handlers and
// teardown can end them all. Only our own children are here: nothing is ever found by name.

export interface RegisteredVm {
  readonly pid: number;
  stop(options?: { graceMs?: number }): Promise<unknown>;
}

const live = new Set<RegisteredVm>();
let exitHookInstalled = false;

export function registerVm(vm: RegisteredVm): void {
  live.add(vm);
  installExitHook();
}

export function unregisterVm(vm: RegisteredVm): void {
  live.delete(vm);
}

/** The pids of every QEMU started by this process that has not exited yet. */
export function runningVmPids(): number[] {
  return [...live].map((vm) => vm.pid);
}

/**
 * Stops every QEMU started by this process (QMP quit, SIGTERM, SIGKILL; each bounded). Rejects
 * with an AggregateError naming those that would not die; never waits forever.
 */
export async function stopAll(options: { graceMs?: number } = {}): Promise<void> {
  const results = await Promise.allSettled([...live].map((vm) => vm.stop(options)));
  const failed = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed.length > 0) {
    throw new AggregateError(
      failed.map((result) => result.reason as Error),
      `could not stop ${failed.length} QEMU process(es)`,
    );
  }
}

/** The name the signal handlers use. */
export const stopAllVms = stopAll;

/**
 * Last resort when Node exits with QEMUs still running (an uncaught error, process.exit): an
 * 'exit' handler cannot wait, so SIGKILL them; the kernel reparents them and init reaps them.
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const vm of live) {
      try {
        process.kill(vm.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}
