// watchKvmFailure against a stand-in VM (no QEMU can be made to fail under KVM on purpose): the
// STOP event plus query-status "internal-error" is a KVM failure; a STOP for any other reason
// (QMP stop from the backstop, a pause) is not.
import { describe, expect, it } from 'vitest';
import type { VmInstance, VmStatus } from '../../../src/vm/instance.js';
import type { QmpClient, QmpEvent } from '../../../src/vm/qmp.js';
import { type KvmFailedError, kvmErrorLines, watchKvmFailure } from '../../../src/vm/kvm-failure.js';

// QEMU 7.2's stderr when KVM stops the guest (seen on this machine's kvm-pvm host), register dump shortened.
const STDERR = [
  'KVM internal error. Suberror: 1',
  'extra data[0]: 0x0000000000000001',
  'emulation failure',
  'RAX=0000000001ad2b90 RBX=0000000004784b64',
].join('\n');

function standInVm(status: VmStatus): { vm: VmInstance; emit(event: QmpEvent): void } {
  const listeners: ((event: QmpEvent) => void)[] = [];
  const qmp = {
    onEvent: (listener: (event: QmpEvent) => void) => listeners.push(listener),
  } as unknown as QmpClient;
  const vm = {
    qmp: async () => qmp,
    queryStatus: async () => status,
    stderrText: () => STDERR,
  } as unknown as VmInstance;
  const emit = (event: QmpEvent) => {
    for (const listener of listeners) listener(event);
  };
  return { vm, emit };
}

const stop: QmpEvent = { event: 'STOP', timestamp: { seconds: 1, microseconds: 0 } } as QmpEvent;
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('watchKvmFailure', () => {
  it("a STOP with run state internal-error is a KVM failure carrying QEMU's own lines", async () => {
    const { vm, emit } = standInVm({ status: 'internal-error', running: false });
    const failures: KvmFailedError[] = [];
    await watchKvmFailure(vm, (failure) => failures.push(failure));
    emit(stop);
    emit(stop);
    await settle();
    expect(failures).toHaveLength(1);
    expect(failures[0]!.message).toBe(
      'KVM stopped the guest (QEMU run state internal-error: KVM internal error. Suberror: 1 / emulation failure)',
    );
  });

  it('a STOP that leaves the guest paused (QMP stop) is not', async () => {
    const { vm, emit } = standInVm({ status: 'paused', running: false });
    const failures: KvmFailedError[] = [];
    await watchKvmFailure(vm, (failure) => failures.push(failure));
    emit(stop);
    await settle();
    expect(failures).toHaveLength(0);
  });

  it('stops reporting once unwatched', async () => {
    const { vm, emit } = standInVm({ status: 'internal-error', running: false });
    const failures: KvmFailedError[] = [];
    const unwatch = await watchKvmFailure(vm, (failure) => failures.push(failure));
    unwatch();
    emit(stop);
    await settle();
    expect(failures).toHaveLength(0);
  });

  it("kvmErrorLines keeps only QEMU's KVM lines", () => {
    expect(kvmErrorLines(STDERR)).toBe('KVM internal error. Suberror: 1 / emulation failure');
    expect(kvmErrorLines('qemu-system-x86_64: terminating on signal 15')).toBe('');
  });
});
