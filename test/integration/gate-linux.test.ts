// The gate end to end on a real kernel: the Linux test guest under QEMU (TCG), the real FUSE driver,
// the fixture, workloads and watchdog. Each case asserts its verdict and that no QEMU is left.
import { afterAll, describe, expect, it } from 'vitest';
import { runGate } from '../../src/gate/run.js';
import { stopAll } from '../../src/vm/registry.js';
import { linuxConfig, livingVms, recordingIO } from '../helpers/gate.js';
import { linuxGuestRunsUnderKvm } from '../helpers/kvm-truth.js';

const BOOT_ALLOWANCE_MS = 60_000;

afterAll(async () => {
  await stopAll();
});

function fuseFrames(report: Awaited<ReturnType<typeof runGate>>): string[] {
  const hung = report.tests.find((t) => t.status === 'hang');
  return (hung?.threads ?? [])
    .flatMap((t) => t.frames.map((f) => f.fn))
    .filter((fn) => fn.startsWith('fuse_') || fn === 'request_wait_answer');
}

describe('gate on the Linux test guest', () => {
  it('passes every workload on the fixture mounted with direct_io, with proof of what ran', async () => {
    const config = linuxConfig({ timeout: '30' });
    const report = await runGate(config, recordingIO());
    expect(report.verdict).toBe('pass');
    expect(report.exitCode).toBe(0);
    expect(report.tests.map((t) => [t.name, t.status])).toEqual(
      config.workloads.map((w) => [`workload/${w}`, 'pass']),
    );
    expect(report.proof?.ok).toBe(true);
    expect(report.proof?.details.join('\n')).toMatch(/fusefs-fixture sha256/);
    // KVM exactly where KVM runs this Linux guest (its own kernel says so: GitHub's runners), TCG
    // with QEMU's reason otherwise (here: no /dev/kvm, or an emulating KVM that stops the guest).
    const kvm = await linuxGuestRunsUnderKvm();
    expect(report.accelerator).toBe(kvm.runs ? 'kvm' : 'tcg');
    if (kvm.runs) expect(report.acceleratorNote).toMatch(/^KVM: a probe guest ran under KVM/);
    else if (kvm.failure === 'internal-error')
      expect(report.acceleratorNote).toMatch(
        /KVM (stopped the probe guest|stopped the guest).*emulation failure/,
      );
    else expect(report.acceleratorNote).toMatch(/KVM is not usable \(.+\); falling back to TCG/);
    expect(report.phases.map((p) => p.phase)).toEqual([
      'image',
      'boot',
      'prepare',
      'build',
      'prove',
      'mount',
      'tests',
      'collect',
      'teardown',
    ]);
    expect(livingVms()).toEqual([]);
  }, 180_000);

  it(
    'turns a stalled WRITE into a hang with the kernel stack of the stuck workload, within timeout + 15 s',
    async () => {
      const config = linuxConfig({
        timeout: '5',
        fault: 'stall=write',
        workloads: 'mmap-write,write-readback',
      });
      const report = await runGate(config, recordingIO());
      expect(report.verdict).toBe('hang');
      expect(report.exitCode).toBe(2);
      const tests = report.phases.find((p) => p.phase === 'tests')!;
      expect(tests.durationMs).toBeLessThan(5_000 + 15_000);
      expect(report.tests[0]).toMatchObject({ name: 'workload/mmap-write', status: 'hang' });
      expect(report.tests[1]).toMatchObject({ name: 'workload/write-readback', status: 'skipped' });
      expect(fuseFrames(report).length).toBeGreaterThan(0);
      expect(report.signature).toMatch(/^hang in fuse_/);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 60_000,
  );

  it.each([
    ['stall=read', 'write-readback'],
    ['stall=flush', 'write-readback'],
    ['stall_after=3', 'write-readback'],
  ])(
    '%s on %s is a hang too',
    async (fault, workload) => {
      const report = await runGate(linuxConfig({ timeout: '4', fault, workloads: workload }), recordingIO());
      expect(report.verdict).toBe('hang');
      expect(fuseFrames(report).length).toBeGreaterThan(0);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 60_000,
  );

  it(
    'repeat: runs the selection again in the same boot and stops at the first iteration that hangs, saying which',
    async () => {
      // One write-readback iteration is about 20 FUSE requests: the 30th never gets an answer, in iteration 2.
      const report = await runGate(
        linuxConfig({ timeout: '4', fault: 'stall_after=30', workloads: 'write-readback', repeat: '5' }),
        recordingIO(),
      );
      expect(report.verdict).toBe('hang');
      expect(report.stoppedAtIteration).toBe(2);
      expect(report.tests.map((t) => [t.iteration, t.status])).toEqual([
        [1, 'pass'],
        [2, 'hang'],
      ]);
      // All iterations in one boot: one boot phase, no reboot.
      expect(report.phases.filter((p) => p.phase === 'boot' || p.phase === 'reboot')).toHaveLength(1);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 60_000,
  );

  it(
    'a slow server that still makes progress past the deadline is fail "timed out while making progress", not hang',
    async () => {
      // write-readback makes 8 writes; each answered 700 ms late takes ~5.6 s, past a 2 s deadline,
      // and at least one write finishes between the two samples.
      const report = await runGate(
        linuxConfig({ timeout: '2', fault: 'slow=write', workloads: 'write-readback' }),
        recordingIO(),
      );
      expect(report.verdict).toBe('fail');
      expect(report.tests[0]).toMatchObject({ name: 'workload/write-readback', status: 'fail' });
      expect(report.tests[0]!.message).toMatch(/timed out while making progress/);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 30_000,
  );

  it(
    'reports a daemon that dies mid-test as fail with the errno the workload saw, not hang',
    async () => {
      const report = await runGate(
        linuxConfig({ timeout: '10', fault: 'crash=write', workloads: 'write-readback' }),
        recordingIO(),
      );
      expect(report.verdict).toBe('fail');
      expect(report.tests[0]!.message).toMatch(/errno \d+/);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 30_000,
  );

  it(
    'a kernel panic during a test is panic, with the panic text, the signature and the test it hit',
    async () => {
      const report = await runGate(
        linuxConfig({ timeout: '10', fault: 'panic=write', workloads: 'write-readback' }),
        recordingIO(),
      );
      expect(report.verdict).toBe('panic');
      expect(report.exitCode).toBe(3);
      expect(report.panicText).toMatch(/Kernel panic - not syncing: sysrq triggered crash/);
      expect(report.signature).toBe('panic: sysrq triggered crash');
      expect(report.tests).toEqual([
        expect.objectContaining({ name: 'workload/write-readback', status: 'panic' }),
      ]);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 30_000,
  );

  // A guest paused from outside (QMP stop), a stopped QEMU and a running but silent guest:
  // test/integration/gate-faults.test.ts.

  it(
    'never passes when QEMU is killed mid-run: error, exit 125',
    async () => {
      let pid = 0;
      const io = recordingIO((line) => {
        if (/@@fg:\w+:test:t\d+:start@@/.test(line) && pid) process.kill(pid, 'SIGKILL');
      });
      io.onVm = (vm) => (pid = vm.pid);
      const report = await runGate(linuxConfig({ timeout: '20', workloads: 'mmap-write' }), io);
      expect(report.verdict).toBe('error');
      expect(report.exitCode).toBe(125);
      expect(report.reason).toMatch(/QEMU exited/);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 30_000,
  );
});
