// KVM's trust, from the rules in src/vm/accel.ts's header (issue 16): a guest's own answer proves
// KVM, nothing less; once the real guest showed KVM broken, this process stops trusting it; a
// probe result is per QEMU binary and device. Stand-in programs for qemu-system are named *fake*.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AccelUnavailableError,
  chooseAccelerator,
  clearKvmProbeCache,
  markKvmUnusable,
  probeKvm,
} from '../../../src/vm/accel.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fg-accel-behaviour-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => clearKvmProbeCache());

async function fakeQemu(name: string, script: string): Promise<string> {
  const file = path.join(dir, `${name}-fake`);
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
  return file;
}

describe('the KVM probe', () => {
  it('calls KVM unusable from the moment the real guest showed it broken, for that binary and device only', async () => {
    const qemu = await fakeQemu('prints', "printf 'KVM-OK\\n'\nexec sleep 600");
    expect((await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu })).usable).toBe(true);
    markKvmUnusable('KVM stopped the guest (emulation failure)', {
      kvmDevice: '/dev/null',
      qemuBinary: qemu,
    });
    expect(await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu })).toEqual({
      usable: false,
      reason: 'KVM stopped the guest (emulation failure)',
      elapsedMs: 0,
    });
    const decision = await chooseAccelerator('auto', { kvmDevice: '/dev/null', qemuBinary: qemu });
    expect(decision).toMatchObject({
      accelerator: 'tcg',
      note: 'KVM is not usable (KVM stopped the guest (emulation failure)); falling back to TCG (software emulation, much slower)',
    });
    // Another device is another question.
    expect((await probeKvm({ kvmDevice: '/dev/zero', qemuBinary: qemu })).usable).toBe(true);
  });

  it('with no options, marks and asks about the default binary and /dev/kvm, without running anything', async () => {
    markKvmUnusable('the real guest stopped under KVM');
    expect(await probeKvm()).toEqual({
      usable: false,
      reason: 'the real guest stopped under KVM',
      elapsedMs: 0,
    });
    expect(await probeKvm({ qemuBinary: 'qemu-system-x86_64', kvmDevice: '/dev/kvm' })).toEqual({
      usable: false,
      reason: 'the real guest stopped under KVM',
      elapsedMs: 0,
    });
    const error = await chooseAccelerator('kvm').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccelUnavailableError);
    expect((error as Error).name).toBe('AccelUnavailableError');
    expect((error as AccelUnavailableError).reason).toBe('the real guest stopped under KVM');
  });

  it('forgets every result on clearKvmProbeCache, and asks QEMU again', async () => {
    const qemu = await fakeQemu('prints-once', "printf 'KVM-OK\\n'\nexec sleep 600");
    markKvmUnusable('broken', { kvmDevice: '/dev/null', qemuBinary: qemu });
    clearKvmProbeCache();
    expect((await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu })).usable).toBe(true);
  });

  it('waits for the whole answer when it arrives in pieces', async () => {
    const qemu = await fakeQemu(
      'pieces',
      "printf 'KVM'; sleep 0.2; printf -- '-OK'; sleep 0.2; printf '\\n'; exec sleep 600",
    );
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu, timeoutMs: 10_000 });
    expect(result).toMatchObject({
      usable: true,
      reason: 'a protected-mode guest ran a BMI2 instruction under KVM (-cpu host) and printed its answer',
    });
  });

  it('says what QEMU said last when the guest does not answer in time', async () => {
    const qemu = await fakeQemu(
      'says',
      "echo 'qemu-system-x86_64: warning: host doesn'\\''t support requested feature' >&2\nexec sleep 600",
    );
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu, timeoutMs: 1_500 });
    expect(result.reason).toBe(
      "guest did not run within 2 s under KVM (QEMU said: qemu-system-x86_64: warning: host doesn't support requested feature)",
    );
  });

  it('reports how QEMU ended when it exits without an answer: its code, or its last line', async () => {
    const code = await fakeQemu('exit-code', 'exit 1');
    expect((await probeKvm({ kvmDevice: '/dev/null', qemuBinary: code })).reason).toBe(
      'QEMU exited (code 1) before the guest ran',
    );
    clearKvmProbeCache();
    const said = await fakeQemu(
      'exit-said',
      "echo 'qemu-system-x86_64: -accel kvm: failed to initialize kvm: Permission denied' >&2\nexit 1",
    );
    expect((await probeKvm({ kvmDevice: '/dev/null', qemuBinary: said })).reason).toBe(
      'QEMU exited (code 1) before the guest ran: qemu-system-x86_64: -accel kvm: failed to initialize kvm: Permission denied',
    );
  });

  it('an assertion with no error line before it is reported as the assertion alone', async () => {
    const qemu = await fakeQemu(
      'assert-only',
      "echo 'qemu: kvm.c:1: f: Assertion `x'\\'' failed.' >&2\nkill -ABRT $$",
    );
    expect((await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu })).reason).toBe(
      "QEMU exited (signal SIGABRT) before the guest ran: qemu: kvm.c:1: f: Assertion `x' failed.",
    );
  });

  it('kvm requested: the note says how fast the probe guest ran', async () => {
    const qemu = await fakeQemu('prints-kvm', "printf 'KVM-OK\\n'\nexec sleep 600");
    const decision = await chooseAccelerator('kvm', { kvmDevice: '/dev/null', qemuBinary: qemu });
    expect(decision.accelerator).toBe('kvm');
    expect(decision.note).toMatch(/^KVM: a probe guest ran under KVM in \d+ ms$/);
    expect(decision.probe?.usable).toBe(true);
  });

  it('waits for QEMU to finish saying what stopped the guest, however its lines arrive', async () => {
    const qemu = await fakeQemu(
      'internal-error-slow',
      "printf 'KVM internal error. Suberror: 1\\n' >&2; sleep 0.3; printf 'emulation failure\\nEAX=00000001 EBX=0\\n' >&2\nexec sleep 600",
    );
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu, timeoutMs: 30_000 });
    expect(result.reason).toBe(
      'KVM stopped the probe guest (KVM internal error. Suberror: 1 / emulation failure)',
    );
  });

  it('names the nearest error line before an assertion, even when the assertion’s own line says error', async () => {
    const qemu = await fakeQemu(
      'assert-errors',
      "echo 'qemu: error: first problem' >&2; echo 'qemu: error: failed to set MSR 0x10a' >&2; echo 'qemu: error.c:9: f: Assertion `ret'\\'' failed.' >&2\nkill -ABRT $$",
    );
    expect((await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu })).reason).toBe(
      "QEMU exited (signal SIGABRT) before the guest ran: qemu: error: failed to set MSR 0x10a / qemu: error.c:9: f: Assertion `ret' failed.",
    );
  });

  it('reports an assertion alone when no line before it says error', async () => {
    const qemu = await fakeQemu(
      'assert-no-error',
      "echo 'qemu: note: starting' >&2; echo 'qemu: kvm.c:1: f: Assertion `x'\\'' failed.' >&2\nkill -ABRT $$",
    );
    expect((await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu })).reason).toBe(
      "QEMU exited (signal SIGABRT) before the guest ran: qemu: kvm.c:1: f: Assertion `x' failed.",
    );
  });

  it('gives QEMU an empty, closed input: a probe guest that reads its serial port first still answers', async () => {
    // -serial stdio reads QEMU's stdin: /dev/null, not the caller's terminal nor a pipe nobody writes.
    const qemu = await fakeQemu('reads-stdin', "cat > /dev/null\nprintf 'KVM-OK\\n'\nexec sleep 600");
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu, timeoutMs: 20_000 });
    expect(result).toMatchObject({ usable: true });
  });

  it('removes its probe disk and folder, whatever QEMU did', async () => {
    for (const [name, script] of [
      ['disk-answers', "printf 'KVM-OK\\n'\nexec sleep 600"],
      ['disk-exits', 'exit 1'],
    ]) {
      const out = path.join(dir, `${name}.argv`);
      const qemu = await fakeQemu(name!, `printf '%s\\n' "$@" > ${out}\n${script}`);
      await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu });
      const drive = (await readFile(out, 'utf8')).trim().split('\n').at(-1)!;
      const image = /^file=(.*),format=raw/.exec(drive)![1]!;
      expect(image).toMatch(/\/fg-kvm-probe-\w+\/boot\.img$/);
      expect(existsSync(image), name).toBe(false);
      expect(existsSync(path.dirname(image)), name).toBe(false);
    }
  });

  it('tcg: says it was asked for', async () => {
    expect(await chooseAccelerator('tcg')).toEqual({
      accelerator: 'tcg',
      note: 'TCG (software emulation) as requested',
    });
  });

  it('reports the last line, trimmed, when QEMU exits on something other than an assertion', async () => {
    const qemu = await fakeQemu(
      'exit-lines',
      "echo 'qemu: error: an early warning' >&2; echo '   qemu: -drive: could not open disk   ' >&2\nexit 1",
    );
    expect((await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu })).reason).toBe(
      'QEMU exited (code 1) before the guest ran: qemu: -drive: could not open disk',
    );
  });

  it('runs QEMU with the real run’s machine and CPU, no defaults, no display, and the probe disk read-only', async () => {
    const out = path.join(dir, 'argv-exact.txt');
    const qemu = await fakeQemu('argv-exact', `printf '%s\\n' "$@" > ${out}\nexit 1`);
    await probeKvm({ kvmDevice: '/dev/null', qemuBinary: qemu });
    const argv = (await readFile(out, 'utf8')).trim().split('\n');
    expect(argv.slice(0, -2)).toEqual([
      '-nodefaults',
      '-no-user-config',
      '-display',
      'none',
      '-machine',
      'q35',
      '-accel',
      'kvm',
      '-cpu',
      'host',
      '-smp',
      '1',
      '-m',
      '64M',
      '-no-reboot',
      '-serial',
      'stdio',
    ]);
    expect(argv.at(-2)).toBe('-drive');
    expect(argv.at(-1)).toMatch(/^file=.*\/fg-kvm-probe-\w+\/boot\.img,format=raw,if=virtio,readonly=on$/);
  });
});
