import { describe, expect, it } from 'vitest';
import { processState, qemuReachability, type ProbedVm } from '../../../src/vm/reachability.js';

/** A VM whose QMP answers `status`, or never answers (rejects as a timed-out command does). */
function vmAnswering(
  status: { status: string; running: boolean } | Error,
  pid = 4242,
): ProbedVm & { asked: number } {
  const vm = {
    pid,
    asked: 0,
    queryStatus: async () => {
      vm.asked++;
      if (status instanceof Error) throw status;
      return status;
    },
  };
  return vm;
}

describe('processState', () => {
  it('reads the state after the last ") " of /proc/PID/stat, whatever the comm holds', () => {
    expect(processState(1, () => '4242 (qemu-system-x86) T 1 4242 4242 0 -1 4194560\n')).toBe('T');
    expect(processState(1, () => '77 (a) b) (c) S 1 77\n')).toBe('S');
    expect(
      processState(1, () => {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      }),
    ).toBeUndefined();
  });

  it('this process is running or sleeping, never stopped', () => {
    expect(['R', 'S']).toContain(processState(process.pid));
  });
});

describe('qemuReachability', () => {
  it('a QEMU that answers running: reachable, the guest itself is silent', async () => {
    await expect(
      qemuReachability(vmAnswering({ status: 'running', running: true }), () => 'S'),
    ).resolves.toEqual({ reachable: true, status: 'running' });
  });

  it('a stopped QEMU (state T) is unreachable, named, and QMP is not even asked', async () => {
    const vm = vmAnswering({ status: 'running', running: true });
    const reach = await qemuReachability(vm, () => 'T');
    expect(reach).toEqual({
      reachable: false,
      why: expect.stringMatching(/^QEMU \(pid 4242\) is stopped \(process state T/),
    });
    expect(vm.asked).toBe(0);
  });

  it('a QEMU that is gone is unreachable', async () => {
    await expect(
      qemuReachability(vmAnswering({ status: 'running', running: true }), () => undefined),
    ).resolves.toMatchObject({ reachable: false, why: 'QEMU (pid 4242) is not running' });
  });

  it('a silent QMP is unreachable, with what QMP said', async () => {
    const reach = await qemuReachability(
      vmAnswering(new Error('QMP: timed out after 3000 ms waiting for the answer to query-status')),
      () => 'S',
    );
    expect(reach).toMatchObject({
      reachable: false,
      why: expect.stringMatching(/did not answer QMP query-status: QMP: timed out/),
    });
  });

  it('a QEMU stopped while QMP was asked is named as stopped, not as a timeout', async () => {
    const states = ['S', 'T'];
    const reach = await qemuReachability(vmAnswering(new Error('timed out')), () => states.shift());
    expect(reach).toMatchObject({ reachable: false, why: expect.stringMatching(/is stopped/) });
  });

  it('paused or failed vCPUs are not a hung guest kernel', async () => {
    for (const status of ['paused', 'internal-error', 'io-error', 'shutdown']) {
      const reach = await qemuReachability(vmAnswering({ status, running: false }), () => 'S');
      expect(reach).toMatchObject({
        reachable: false,
        why: expect.stringContaining(`its status is ${status}`),
      });
    }
  });
});
