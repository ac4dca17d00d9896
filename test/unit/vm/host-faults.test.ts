// How the gate words a QEMU that ended or could not do its disk I/O: the exit of a real process is in
// test/integration/host-faults.test.ts; here each wording, against QEMU 7.2's own event and lines.
import { describe, expect, it } from 'vitest';
import { type HostDiskError, watchHostDiskErrors } from '../../../src/vm/host-disk-errors.js';
import { describeQemuExit, type VmInstance } from '../../../src/vm/instance.js';
import type { QmpClient, QmpEvent } from '../../../src/vm/qmp.js';

// QEMU 7.2 prints this once the host connects to a wait=on serial socket: an info line, not a reason.
const INFO =
  'qemu-system-x86_64: -chardev socket,id=con0,path=/x/console.sock,server=on,wait=on: info: QEMU waiting for connection on: disconnected:unix:/x/console.sock,server=on';

describe('describeQemuExit', () => {
  it('names the signal; SIGKILL says it came from outside the run (another process or the OOM killer)', () => {
    expect(describeQemuExit(7, { code: null, signal: 'SIGSEGV', stderrTail: `${INFO}\n` }, false)).toBe(
      'QEMU (pid 7) was killed by SIGSEGV',
    );
    expect(describeQemuExit(7, { code: null, signal: 'SIGKILL', stderrTail: '' }, false)).toBe(
      "QEMU (pid 7) was killed by SIGKILL (from outside the run: another process, or the kernel's out-of-memory killer)",
    );
  });

  it("names the exit status and QEMU's last line that is not an info line", () => {
    const stderr = `${INFO}\nqemu-system-x86_64: terminating on signal 15 from pid 99 (kill)\n`;
    expect(describeQemuExit(8, { code: 0, signal: null, stderrTail: stderr }, false)).toBe(
      'QEMU (pid 8) exited with status 0; QEMU said: "qemu-system-x86_64: terminating on signal 15 from pid 99 (kill)"',
    );
  });

  it('a QEMU the gate itself stopped is said to be so, whatever its exit', () => {
    expect(describeQemuExit(9, { code: null, signal: 'SIGTERM', stderrTail: '' }, true)).toBe(
      'QEMU (pid 9) was stopped by the gate',
    );
  });
});

function standInVm(): { vm: Pick<VmInstance, 'qmp'>; emit(event: QmpEvent): void } {
  const listeners: ((event: QmpEvent) => void)[] = [];
  const qmp = {
    onEvent: (listener: (event: QmpEvent) => void) => listeners.push(listener),
  } as unknown as QmpClient;
  return {
    vm: { qmp: async () => qmp },
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
  };
}

/** BLOCK_IO_ERROR as QEMU 7.2 sends it (qapi/block-core.json; block/block-backend.c send_qmp_error_event). */
function blockIoError(data: Record<string, unknown>): QmpEvent {
  return { event: 'BLOCK_IO_ERROR', data, timestamp: { seconds: 1, microseconds: 0 } };
}

describe('watchHostDiskErrors', () => {
  const files = { disk0: '/out/.work/payload.tar', disk1: '/out/.work/results.img' };

  it('a full host disk (werror=enospc pauses the VM) names the file, the reason and the pause, once', async () => {
    const { vm, emit } = standInVm();
    const errors: HostDiskError[] = [];
    await watchHostDiskErrors(vm, files, (error) => errors.push(error));
    const full = blockIoError({
      device: '',
      'node-name': 'disk1',
      operation: 'write',
      action: 'stop',
      nospace: true,
      reason: 'No space left on device',
    });
    emit(full);
    emit(full);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe(
      'the host could not write the guest disk /out/.work/results.img: No space left on device (the file system holding it is full); QEMU paused the guest',
    );
  });

  it("an error QEMU reports to the guest (a read-only file) is the host's too; other events are ignored; unwatching stops it", async () => {
    const { vm, emit } = standInVm();
    const errors: HostDiskError[] = [];
    const unwatch = await watchHostDiskErrors(vm, files, (error) => errors.push(error));
    emit({ event: 'STOP' } as QmpEvent);
    emit(
      blockIoError({
        'node-name': 'disk0',
        operation: 'read',
        action: 'report',
        nospace: false,
        reason: 'Input/output error',
      }),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'the host could not read the guest disk /out/.work/payload.tar: Input/output error; QEMU passed the I/O error to the guest',
    ]);
    const second = await watchHostDiskErrors(vm, files, (error) => errors.push(error));
    second();
    unwatch();
    emit(blockIoError({ 'node-name': 'disk1', operation: 'write', action: 'stop', reason: 'x' }));
    expect(errors).toHaveLength(1);
  });
});
