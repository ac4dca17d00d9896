// Real qemu-system-x86_64 under TCG with the smallest possible guest: the boot sector of
// src/vm/boot-sector.ts, which prints a line on COM1 and halts (or resets). No OS needed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccelUnavailableError, clearKvmProbeCache, probeKvm } from '../../src/vm/accel.js';
import { bootSectorImage, protectedModeProbeImage } from '../../src/vm/boot-sector.js';
import {
  VmStartError,
  runningVmPids,
  startVm,
  stopAll,
  type VmConsole,
  type VmInstance,
  type VmOptions,
} from '../../src/vm/instance.js';
import { killRecorded, readPidfile } from '../../src/vm/pidfile.js';
import { waitForExit } from '../../src/vm/process.js';
import { buildQemuArgv } from '../../src/vm/qemu-argv.js';
import { connectUnixWithRetry } from '../../src/vm/unix-socket.js';
import { linuxGuestRunsUnderKvm } from '../helpers/kvm-truth.js';

let dir: string;
let haltImage: string;
let resetImage: string;
const started: number[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fg-vm-test-'));
  haltImage = path.join(dir, 'halt.img');
  resetImage = path.join(dir, 'reset.img');
  await writeFile(haltImage, bootSectorImage('hello from the boot sector\n'));
  await writeFile(resetImage, bootSectorImage('booting\n', { after: 'reset' }));
});

afterAll(async () => {
  await stopAll({ graceMs: 2_000 });
  expect(runningVmPids()).toEqual([]);
  for (const pid of started) expect(existsSync(`/proc/${pid}`), `QEMU pid ${pid} still exists`).toBe(false);
  await rm(dir, { recursive: true, force: true });
});

function options(extra: Partial<VmOptions> = {}): VmOptions {
  return {
    accel: 'tcg',
    cpus: 1,
    memoryMiB: 64,
    boot: { kind: 'disk', path: haltImage, format: 'raw' },
    disks: [],
    ...extra,
  };
}

let copies = 0;
/** A private copy of a boot image: QEMU locks a writable image against a second user. */
async function copyOf(image: string): Promise<string> {
  const copy = path.join(dir, `boot-${++copies}.img`);
  await copyFile(image, copy);
  return copy;
}

async function start(extra: Partial<VmOptions> = {}): Promise<VmInstance> {
  const boot = extra.boot ?? { kind: 'disk', path: haltImage, format: 'raw' };
  const vm = await startVm(
    options({ ...extra, boot: boot.kind === 'disk' ? { ...boot, path: await copyOf(boot.path) } : boot }),
  );
  started.push(vm.pid);
  return vm;
}

/** Collects console text until `pattern` matches, within timeoutMs (then rejects with what it saw). */
function consoleUntil(console: VmConsole, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(
      () =>
        reject(
          new Error(`console did not match ${pattern} within ${timeoutMs} ms; saw ${JSON.stringify(text)}`),
        ),
      timeoutMs,
    );
    console.onData((chunk) => {
      text += chunk.toString('latin1');
      if (pattern.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
  });
}

describe('startVm (TCG, boot-sector guest)', () => {
  it('delivers the console from its first byte, answers QMP, wedges, resumes and stops without leaving a process', async () => {
    const vm = await start();
    expect(vm.accelerator).toBe('tcg');
    expect(existsSync(`/proc/${vm.pid}`)).toBe(true);
    // The guest prints at once after SeaBIOS; wait=on means nothing was lost before we listened.
    const text = await consoleUntil(vm.console, /hello from the boot sector\n/, 15_000);
    // Exactly the guest's bytes: SeaBIOS prints nothing on COM1 here, and nothing was lost.
    expect(text).toBe('hello from the boot sector\n');
    expect(await vm.queryStatus()).toEqual({ status: 'running', running: true });

    await vm.wedge();
    expect(await vm.queryStatus()).toEqual({ status: 'paused', running: false });
    const qmp = await vm.qmp();
    expect(qmp.events.map((event) => event.event)).toContain('STOP');
    await vm.resume();
    expect((await vm.queryStatus()).status).toBe('running');

    // Diagnose commands are accepted by QEMU (their effect on a real kernel is the guest adapter's test).
    await vm.nmi();
    await vm.sendSysrq('t');
    await expect(vm.sendSysrq('T; rm')).rejects.toThrow(/one lower-case letter/);

    const pid = vm.pid;
    const exit = await vm.stop({ graceMs: 3_000 });
    expect(exit.code).toBe(0); // QMP quit is a clean exit
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect(runningVmPids()).not.toContain(pid);
    expect(vm.console.closed).toBe(true);
    // Idempotent: a second stop returns the same exit at once.
    expect(await vm.stop()).toBe(exit);
    expect(await vm.exited).toBe(exit);
    await expect(vm.queryStatus()).rejects.toThrow(/exited/);
  });

  it('stops a wedged guest too (QMP still answers while the vCPUs are paused)', async () => {
    const vm = await start();
    await consoleUntil(vm.console, /hello/, 15_000);
    await vm.wedge();
    const startedAt = Date.now();
    const exit = await vm.stop({ graceMs: 2_000 });
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(exit.code).toBe(0);
    expect(existsSync(`/proc/${vm.pid}`)).toBe(false);
  });

  it('falls back to SIGTERM when QMP is gone', async () => {
    const vm = await start();
    (await vm.qmp()).close();
    // qmp() reconnects lazily: QEMU accepts a new monitor client once the old one left.
    expect((await vm.queryStatus()).running).toBe(true);
    (await vm.qmp()).close();
    const exit = await vm.stop({ graceMs: 2_000 });
    expect(existsSync(`/proc/${vm.pid}`)).toBe(false);
    expect(exit.stderrTail).toMatch(/terminating on signal 15/);
  });

  it('lets a guest reboot by default (the boot-loop rule must see it) and exits on reset with noReboot', async () => {
    const looping = await start({ boot: { kind: 'disk', path: resetImage, format: 'raw' } });
    const text = await consoleUntil(looping.console, /(booting\n[\s\S]*){3}/, 20_000);
    expect(text.match(/booting\n/g)!.length).toBeGreaterThanOrEqual(3);
    expect(looping.argv).not.toContain('-no-reboot');
    await looping.stop({ graceMs: 2_000 });

    const once = await start({ boot: { kind: 'disk', path: resetImage, format: 'raw' }, noReboot: true });
    const output: Buffer[] = [];
    once.console.onData((chunk) => output.push(chunk));
    const exit = await Promise.race([
      once.exited,
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 15_000)),
    ]);
    expect(exit, 'QEMU should exit by itself on the guest reset').toBeDefined();
    expect(exit!.code).toBe(0);
    expect(Buffer.concat(output).toString('latin1')).toBe('booting\n');
  });

  it('attaches data disks in the order given after the boot disk', async () => {
    const data = path.join(dir, 'data.img');
    await writeFile(data, Buffer.alloc(1024 * 1024));
    const vm = await start({ disks: [{ path: data, format: 'raw', readonly: true }] });
    const qmp = await vm.qmp();
    const blocks =
      await qmp.execute<{ qdev: string; inserted?: { file: string; ro: boolean } }[]>('query-block');
    // qdev is the device's QOM path, /machine/peripheral/<id>/virtio-backend.
    const byDevice = Object.fromEntries(blocks.map((block) => [block.qdev.split('/')[3], block.inserted]));
    expect(byDevice.vd0?.file).toMatch(/boot-\d+\.img/);
    expect(byDevice.vd1?.file).toContain('data.img');
    expect(byDevice.vd1?.ro).toBe(true);
    expect(byDevice.vd0?.ro).toBe(false);
    const pci = await qmp.execute<{ devices: { slot: number; qdev_id: string }[] }[]>('query-pci');
    const slots = Object.fromEntries(pci[0]!.devices.map((device) => [device.qdev_id, device.slot]));
    expect(slots.vd0).toBeLessThan(slots.vd1!);
    await vm.stop({ graceMs: 2_000 });
  });

  it('records a pidfile that killRecorded uses, and leaves an unrelated pid alone', async () => {
    const pidfile = path.join(dir, 'qemu.pid.json');
    const vm = await start({ pidfile });
    const record = await readPidfile(pidfile);
    expect(record?.pid).toBe(vm.pid);
    // Same pid, different hint: as if the pid had been recycled by another QEMU. Not killed.
    const foreign = path.join(dir, 'foreign.pid.json');
    await writeFile(
      foreign,
      JSON.stringify({ ...record, cmdlineHint: '/tmp/someone-elses-vm/console.sock' }),
    );
    expect((await killRecorded(foreign)).killed).toBe(false);
    expect(existsSync(`/proc/${vm.pid}`)).toBe(true);

    const result = await killRecorded(pidfile, { graceMs: 3_000 });
    expect(result).toMatchObject({ killed: true, pid: vm.pid });
    const exit = await vm.exited;
    // killRecorded's SIGTERM ended it (QEMU exits 0 on SIGTERM after "terminating on signal 15"), or SIGKILL did.
    expect(exit.signal === 'SIGKILL' || exit.signal === 'SIGTERM' || exit.code === 0).toBe(true);
    expect(existsSync(`/proc/${vm.pid}`)).toBe(false);
    expect(existsSync(pidfile)).toBe(false);
  });

  it('stopAll ends every QEMU this process started', async () => {
    const a = await start();
    const b = await start();
    expect(runningVmPids()).toEqual(expect.arrayContaining([a.pid, b.pid]));
    await stopAll({ graceMs: 2_000 });
    expect(runningVmPids()).toEqual([]);
    expect(existsSync(`/proc/${a.pid}`)).toBe(false);
    expect(existsSync(`/proc/${b.pid}`)).toBe(false);
  });
});

describe('the serial socket with wait=on (QEMU 7.2 here)', () => {
  it('holds the guest until the host connects, so a late connection still gets every byte', async () => {
    const sockets = await mkdtemp(path.join(os.tmpdir(), 'fg-wait-'));
    const argv = buildQemuArgv({
      accel: 'tcg',
      cpus: 1,
      memoryMiB: 64,
      boot: { kind: 'disk', path: await copyOf(haltImage), format: 'raw' },
      disks: [],
      serialSocket: path.join(sockets, 'con.sock'),
      qmpSocket: path.join(sockets, 'qmp.sock'),
    });
    const qemu = spawn('qemu-system-x86_64', argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    qemu.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      // Long enough for SeaBIOS and the boot sector to have run (< 1 s here) if QEMU did not wait.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(stderr).toMatch(/QEMU waiting for connection on: disconnected:unix:.*con\.sock,server=on/);
      const socket = await connectUnixWithRetry(path.join(sockets, 'con.sock'), {
        timeoutMs: 5_000,
        retryMs: 50,
        what: 'console',
      });
      const text = await new Promise<string>((resolve, reject) => {
        let seen = '';
        const timer = setTimeout(() => reject(new Error(`saw only ${JSON.stringify(seen)}`)), 15_000);
        socket.on('data', (chunk: Buffer) => {
          seen += chunk.toString('latin1');
          if (seen.endsWith('\n')) {
            clearTimeout(timer);
            resolve(seen);
          }
        });
      });
      expect(text).toBe('hello from the boot sector\n');
      socket.destroy();
    } finally {
      qemu.kill('SIGKILL');
      expect(await waitForExit(qemu, 5_000)).toBeDefined();
      await rm(sockets, { recursive: true, force: true });
    }
  });
});

describe('startVm failures', () => {
  it('a bad QEMU argument is a VmStartError carrying QEMU stderr, and no process is left', async () => {
    const before = runningVmPids();
    const error = await startVm(options({ extra: ['-definitely-not-an-option'] })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(VmStartError);
    expect((error as VmStartError).stderr).toMatch(/invalid option/);
    expect((error as VmStartError).message).toMatch(/-definitely-not-an-option/);
    expect(runningVmPids()).toEqual(before);
  });

  it('a missing disk is a VmStartError naming the file', async () => {
    const missing = path.join(dir, 'no-such-disk.img');
    const error = await startVm(options({ disks: [{ path: missing, format: 'raw' }] })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(VmStartError);
    expect((error as VmStartError).stderr).toContain(missing);
    expect((error as VmStartError).message).toMatch(/No such file or directory/);
    expect(runningVmPids()).toEqual([]);
  });

  it('accel auto takes KVM exactly where KVM runs the Linux guest, and says why not elsewhere', async () => {
    const truth = await linuxGuestRunsUnderKvm();
    console.info(
      `KVM on this machine (the Linux guest's own word, or QEMU's): runs=${truth.runs}: ${truth.evidence}`,
    );
    clearKvmProbeCache();
    const vm = await start({ accel: 'auto' });
    try {
      if (truth.runs) {
        expect(vm.accelerator).toBe('kvm');
        expect(vm.argv.join(' ')).toContain('-accel kvm -cpu host');
        expect(vm.accelNote).toMatch(/^KVM: a probe guest ran under KVM in \d+ ms$/);
        expect(await consoleUntil(vm.console, /\n/, 15_000)).toBe('hello from the boot sector\n');
      } else {
        expect(vm.accelerator).toBe('tcg');
        expect(vm.argv.join(' ')).toContain('-accel tcg -cpu max');
        expect(vm.accelNote).toMatch(/KVM is not usable \(.+\); falling back to TCG/);
        if (truth.failure === 'no-device')
          expect(vm.accelNote).toMatch(/\/dev\/kvm does not exist|not accessible/);
        if (truth.failure === 'internal-error')
          expect(vm.accelNote).toMatch(
            /KVM stopped the probe guest \(KVM internal error\. Suberror: \d+ \/ emulation failure\)/,
          );
        await expect(startVm(options({ accel: 'kvm' }))).rejects.toBeInstanceOf(AccelUnavailableError);
      }
    } finally {
      await vm.stop({ graceMs: 2_000 });
    }
  }, 150_000);

  it('a missing QEMU binary is a VmStartError', async () => {
    const error = await startVm(options({ qemuBinary: path.join(dir, 'no-qemu-here') })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(VmStartError);
    expect((error as Error).message).toMatch(/could not run .*ENOENT/);
  });
});

describe('KVM probe on this machine', () => {
  it('says usable exactly where KVM runs the Linux guest, with the reason QEMU gave where it does not', async () => {
    const truth = await linuxGuestRunsUnderKvm();
    clearKvmProbeCache();
    // A generous bound: SeaBIOS alone takes seconds under an emulating KVM on a loaded machine.
    const result = await probeKvm({ timeoutMs: 45_000 });
    console.info(
      `KVM probe: usable=${result.usable} in ${result.elapsedMs} ms: ${result.reason}; the Linux guest: ${truth.evidence}`,
    );
    expect(result.usable).toBe(truth.runs);
    if (truth.runs) {
      expect(result.reason).toBe(
        'a protected-mode guest ran a BMI2 instruction under KVM (-cpu host) and printed its answer',
      );
    } else if (truth.failure === 'no-device') {
      expect(result.reason).toMatch(/^\/dev\/kvm (does not exist|is not accessible)/);
    } else if (truth.failure === 'internal-error') {
      // The probe stops where the real guest stopped, on QEMU's word, not at its bound.
      expect(result.reason).toMatch(
        /^KVM stopped the probe guest \(KVM internal error\. Suberror: \d+ \/ emulation failure\)$/,
      );
      expect(result.elapsedMs).toBeLessThan(45_000);
    } else {
      expect(result.reason).toMatch(/MSR|did not run|exited/);
    }
    // Cached for the process lifetime: the second call is the same promise's result.
    expect(await probeKvm({ timeoutMs: 45_000 })).toBe(result);
  }, 150_000);

  it('the probe guest itself runs and answers under TCG (its protected mode and BMI2 code are right)', async () => {
    const image = path.join(dir, 'probe.img');
    await writeFile(image, protectedModeProbeImage('KVM-OK\n'));
    const vm = await start({ boot: { kind: 'disk', path: image, format: 'raw' } });
    try {
      expect(await consoleUntil(vm.console, /\n/, 15_000)).toBe('KVM-OK\n');
    } finally {
      await vm.stop({ graceMs: 2_000 });
    }
  });
});
