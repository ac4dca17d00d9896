// KVM that passes the probe can still fail the real guest: on a host whose KVM is an emulating
// layer (seen here: "kvm-pvm: INTERNAL_ERROR in batch emul" in the host's dmesg), the probe's
// boot sector runs and prints, but the guest kernel later stops with QEMU's "KVM internal error.
// Suberror: 1 / emulation failure". QEMU then pauses the VM (vm_stop(RUN_STATE_INTERNAL_ERROR)
// in accel/kvm/kvm-all.c), which emits a QMP STOP event, and query-status answers
// "internal-error". The console simply goes silent, so without this watch a boot waits out its
// whole timeout, and a test is called a hang. This module notices it at once.

import type { VmInstance } from './instance.js';

/** The guest stopped because KVM could not run it: the gate's (or the host's) fault, never the tree's. */
export class KvmFailedError extends Error {
  constructor(readonly detail: string) {
    super(`KVM stopped the guest (QEMU run state internal-error${detail ? `: ${detail}` : ''})`);
    this.name = 'KvmFailedError';
  }
}

/**
 * Calls `onFailure` once when QEMU reports that KVM stopped the guest (STOP event, then
 * query-status says internal-error). Returns a function that stops watching. Only meaningful when
 * the VM runs under KVM; under TCG an internal error does not arise this way.
 */
export async function watchKvmFailure(
  vm: VmInstance,
  onFailure: (error: KvmFailedError) => void,
): Promise<() => void> {
  let active = true;
  const qmp = await vm.qmp();
  qmp.onEvent((event) => {
    if (!active || event.event !== 'STOP') return;
    void vm
      .queryStatus()
      .then((status) => {
        if (!active || status.status !== 'internal-error') return;
        active = false;
        onFailure(new KvmFailedError(kvmErrorLines(vm.stderrText())));
      })
      .catch(() => undefined);
  });
  return () => {
    active = false;
  };
}

/** QEMU's own words about the failure, from its stderr ("KVM internal error. Suberror: 1", "emulation failure"). */
export function kvmErrorLines(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim());
  const wanted = lines.filter((line) => /^KVM internal error|^emulation failure|^KVM: /.test(line));
  return [...new Set(wanted)].join(' / ');
}
