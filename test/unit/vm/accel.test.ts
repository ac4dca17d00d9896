// chooseAccelerator's rules with injected probe results, and probeKvm's handling of QEMU's ways
// to fail, with small stand-in programs for qemu-system (named *fake* below) that behave like the
// real failures: an abort with QEMU's MSR message, a wedge, a guest that prints.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AccelUnavailableError,
  chooseAccelerator,
  clearKvmProbeCache,
  probeKvm,
  type KvmProbeResult,
} from '../../../src/vm/accel.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fg-accel-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => clearKvmProbeCache());

async function fakeQemu(name: string, script: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\necho $$ > ${file}.pid\n${script}\n`);
  await chmod(file, 0o755);
  return file;
}

const usable: KvmProbeResult = { usable: true, reason: 'a guest ran', elapsedMs: 42 };
const broken: KvmProbeResult = {
  usable: false,
  reason: 'QEMU exited (signal SIGABRT) before the guest ran: failed to set MSR 0x10a',
  elapsedMs: 80,
};

describe('chooseAccelerator', () => {
  it('auto: KVM when the probe guest ran', async () => {
    const decision = await chooseAccelerator('auto', { probe: async () => usable });
    expect(decision).toMatchObject({ accelerator: 'kvm', probe: usable });
    expect(decision.note).toMatch(/42 ms/);
  });

  it('auto: TCG with a note saying why when KVM does not work', async () => {
    const decision = await chooseAccelerator('auto', { probe: async () => broken });
    expect(decision.accelerator).toBe('tcg');
    expect(decision.note).toContain('failed to set MSR 0x10a');
    expect(decision.note).toMatch(/falling back to TCG/);
  });

  it('kvm requested but unusable: a clear error, no silent fallback', async () => {
    const error = await chooseAccelerator('kvm', { probe: async () => broken }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AccelUnavailableError);
    expect((error as Error).message).toMatch(/accel=kvm was requested .*MSR 0x10a.*accel=auto/);
    expect(await chooseAccelerator('kvm', { probe: async () => usable })).toMatchObject({
      accelerator: 'kvm',
    });
  });

  it('tcg: no probe at all', async () => {
    const probe = vi.fn(async () => usable);
    expect(await chooseAccelerator('tcg', { probe })).toMatchObject({ accelerator: 'tcg' });
    expect(probe).not.toHaveBeenCalled();
  });

  it('auto without /dev/kvm: TCG, and the note names the device', async () => {
    const decision = await chooseAccelerator('auto', { kvmDevice: path.join(dir, 'no-kvm') });
    expect(decision.accelerator).toBe('tcg');
    expect(decision.note).toMatch(/no-kvm does not exist/);
  });
});

describe('probeKvm', () => {
  it('an inaccessible device is not usable, without running QEMU', async () => {
    // /proc/sys refuses write access to root too (EACCES), so this holds whoever runs the test.
    const qemu = await fakeQemu('never-run', 'exit 0');
    const result = await probeKvm({ kvmDevice: '/proc/sys', qemuBinary: qemu });
    expect(result).toMatchObject({ usable: false, reason: '/proc/sys is not accessible (EACCES)' });
    expect(existsSync(`${qemu}.pid`)).toBe(false);
  });

  it('QEMU aborting: not usable, the reason is its error line and the assertion', async () => {
    const qemu = await fakeQemu(
      'abort',
      `echo 'qemu-system-x86_64: error: failed to set MSR 0x10a to 0x69' >&2\necho "qemu-system-x86_64: ../../target/i386/kvm/kvm.c:3183: kvm_buf_set_msrs: Assertion \\\`ret == cpu->kvm_msr_buf->nmsrs' failed." >&2\nkill -ABRT $$`,
    );
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu, timeoutMs: 5_000 });
    expect(result.usable).toBe(false);
    expect(result.reason).toMatch(
      /^QEMU exited \(signal SIGABRT\) before the guest ran: .*failed to set MSR 0x10a to 0x69 \/ .*Assertion/,
    );
  });

  it('a wedged guest: not usable after the bound, and QEMU is reaped', async () => {
    const qemu = await fakeQemu('wedge', 'exec sleep 600');
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu, timeoutMs: 500 });
    expect(result).toMatchObject({ usable: false, reason: 'guest did not run within 500 ms under KVM' });
    // It waited for its bound, and did not wait for the wedged program (600 s) to end.
    expect(result.elapsedMs).toBeGreaterThanOrEqual(500);
    expect(result.elapsedMs).toBeLessThan(60_000);
    const pid = Number(await readFile(`${qemu}.pid`, 'utf8'));
    expect(existsSync(`/proc/${pid}`)).toBe(false);
  });

  it('the guest printing its message: usable; QEMU is then killed and reaped', async () => {
    const qemu = await fakeQemu('prints', "printf 'KVM-OK\\n'\nexec sleep 600");
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu, timeoutMs: 5_000 });
    expect(result.usable).toBe(true);
    const pid = Number(await readFile(`${qemu}.pid`, 'utf8'));
    expect(existsSync(`/proc/${pid}`)).toBe(false);
  });

  it('output that is not the guest’s answer is not enough: SeaBIOS chatter, a partial message', async () => {
    const qemu = await fakeQemu(
      'chatter',
      "printf 'SeaBIOS (version 1.16.2)\\nBooting from Hard Disk...\\nKVM-O'\nexec sleep 600",
    );
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu, timeoutMs: 1_000 });
    expect(result).toMatchObject({ usable: false, reason: 'guest did not run within 1 s under KVM' });
  });

  it("KVM stopping the guest (an emulating KVM): not usable at once, with QEMU's words, and QEMU is reaped", async () => {
    // What QEMU 7.2 printed here for the probe guest (run under /work/wt/with-kvm.sh), then paused.
    const qemu = await fakeQemu(
      'internal-error',
      "printf 'KVM internal error. Suberror: 1\\nextra data[0]: 0x0000000000000001\\nemulation failure\\nEAX=00000001 EBX=f1bf2bfb ECX=1a005f46 EDX=00000003\\n' >&2\nexec sleep 600",
    );
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu, timeoutMs: 60_000 });
    expect(result).toMatchObject({
      usable: false,
      reason: 'KVM stopped the probe guest (KVM internal error. Suberror: 1 / emulation failure)',
    });
    expect(result.elapsedMs).toBeLessThan(60_000);
    const pid = Number(await readFile(`${qemu}.pid`, 'utf8'));
    expect(existsSync(`/proc/${pid}`)).toBe(false);
  });

  it("passes the real run's machine and CPU to QEMU, and caches the result per binary", async () => {
    const qemu = await fakeQemu('argv', `printf '%s\\n' "$@" > ${path.join(dir, 'argv.txt')}\nexit 1`);
    const first = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu });
    const argv = (await readFile(path.join(dir, 'argv.txt'), 'utf8')).trim().split('\n');
    expect(argv.join(' ')).toMatch(
      /-machine q35 -accel kvm -cpu host .*-no-reboot -serial stdio -drive file=.*boot\.img,format=raw,if=virtio,readonly=on/,
    );
    await rm(path.join(dir, 'argv.txt'));
    const second = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu });
    expect(second).toBe(first);
    expect(existsSync(path.join(dir, 'argv.txt'))).toBe(false);
  });

  it('a binary that does not exist: not usable, says so', async () => {
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: path.join(dir, 'nope') });
    expect(result).toMatchObject({
      usable: false,
      reason: expect.stringMatching(/could not start .*nope.*ENOENT/),
    });
  });
});
