// Which accelerator to use is a probe, not a guess: /dev/kvm can exist, open, and still not run a
// guest (nested KVM here: QEMU aborts with "failed to set MSR 0x10a" under -cpu host, or the guest
// wedges, or a KVM that emulates guest code stops it with "emulation failure"). The probe boots a
// real guest under KVM, the protected-mode boot sector of boot-sector.ts that runs a VEX/BMI2
// instruction as the Linux guest's decompressor does, and counts KVM as usable only when that
// guest's own message comes out of its serial port in time. A real-mode loop that only prints is
// not enough: on this machine's emulating KVM layer it printed, and the Linux guest then stopped.

import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { protectedModeProbeImage } from './boot-sector.js';
import { kvmErrorLines } from './kvm-failure.js';
import { TailBuffer, lastLine, waitForExit } from './process.js';
import { escapeOptValue, type Accelerator } from './qemu-argv.js';

export type AccelChoice = 'auto' | 'kvm' | 'tcg';

export interface KvmProbeOptions {
  qemuBinary?: string;
  /** How long the guest has to print its message. Default 8 s. */
  timeoutMs?: number;
  /** Default /dev/kvm; a test may point it elsewhere. */
  kvmDevice?: string;
}

export interface KvmProbeResult {
  usable: boolean;
  /** Why not usable, or what proved it usable. */
  reason: string;
  elapsedMs: number;
}

export interface AccelDecision {
  accelerator: Accelerator;
  /** One line for the log and job summary: what was chosen and why. */
  note: string;
  probe?: KvmProbeResult;
}

/** KVM was asked for explicitly and does not work. */
export class AccelUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(
      `accel=kvm was requested but KVM is not usable here: ${reason}. Use accel=auto to fall back to TCG, or accel=tcg.`,
    );
    this.name = 'AccelUnavailableError';
  }
}

export const KVM_PROBE_MESSAGE = 'KVM-OK\n';
const DEFAULT_PROBE_TIMEOUT_MS = 8_000;
/** After SIGKILL the kernel ends the process promptly; this bounds the wait to reap it. */
const REAP_TIMEOUT_MS = 5_000;

const probeCache = new Map<string, Promise<KvmProbeResult>>();

/**
 * Boots the boot-sector guest with `-accel kvm -cpu host` and waits for KVM_PROBE_MESSAGE on its
 * serial port (stdio). Never throws; always reaps QEMU. Results are cached per binary and device for
 * the life of the process (clearKvmProbeCache forgets them).
 */
export function probeKvm(options: KvmProbeOptions = {}): Promise<KvmProbeResult> {
  const qemuBinary = options.qemuBinary ?? 'qemu-system-x86_64';
  const kvmDevice = options.kvmDevice ?? '/dev/kvm';
  const key = `${qemuBinary}\0${kvmDevice}`;
  let result = probeCache.get(key);
  if (!result) {
    result = runKvmProbe(qemuBinary, kvmDevice, options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
    probeCache.set(key, result);
  }
  return result;
}

/**
 * The real guest showed that KVM does not work here although the probe passed (see
 * kvm-failure.ts): from now on this process treats KVM as unusable, so a retry and any later boot
 * under accel=auto take TCG.
 */
export function markKvmUnusable(
  reason: string,
  options: Pick<KvmProbeOptions, 'qemuBinary' | 'kvmDevice'> = {},
): void {
  const key = `${options.qemuBinary ?? 'qemu-system-x86_64'}\0${options.kvmDevice ?? '/dev/kvm'}`;
  probeCache.set(key, Promise.resolve({ usable: false, reason, elapsedMs: 0 }));
}

export function clearKvmProbeCache(): void {
  probeCache.clear();
}

async function runKvmProbe(
  qemuBinary: string,
  kvmDevice: string,
  timeoutMs: number,
): Promise<KvmProbeResult> {
  const started = Date.now();
  const done = (usable: boolean, reason: string): KvmProbeResult => ({
    usable,
    reason,
    elapsedMs: Date.now() - started,
  });
  try {
    // QEMU opens /dev/kvm read-write (KVM's API doc: "open /dev/kvm" then ioctls).
    await access(kvmDevice, fsConstants.R_OK | fsConstants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return done(
      false,
      code === 'ENOENT'
        ? `${kvmDevice} does not exist`
        : `${kvmDevice} is not accessible (${code ?? (error as Error).message})`,
    );
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fg-kvm-probe-'));
  try {
    const image = path.join(dir, 'boot.img');
    await writeFile(image, protectedModeProbeImage(KVM_PROBE_MESSAGE));
    const argv = [
      '-nodefaults',
      '-no-user-config',
      '-display',
      'none',
      // The machine and CPU the real run uses, so a pass here means the real guest can start.
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
      // A triple fault or reset ends the probe instead of looping.
      '-no-reboot',
      // "-serial stdio": the guest's COM1 bytes arrive on QEMU's stdout.
      '-serial',
      'stdio',
      '-drive',
      `file=${escapeOptValue(image)},format=raw,if=virtio,readonly=on`,
    ];
    return await new Promise<KvmProbeResult>((resolve) => {
      const stderr = new TailBuffer(4096);
      let stdout = '';
      let settled = false;
      const child = spawn(qemuBinary, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
      const finish = (usable: boolean, reason: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const result = done(usable, reason);
        // Always reap: the probe guest halts forever, so it is killed, never asked.
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        void waitForExit(child, REAP_TIMEOUT_MS).then(() => resolve(result));
      };
      const timer = setTimeout(() => {
        const said = lastLine(stderr.text());
        finish(
          false,
          `guest did not run within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} under KVM${said ? ` (QEMU said: ${said})` : ''}`,
        );
      }, timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('latin1');
        if (stdout.includes(KVM_PROBE_MESSAGE))
          finish(
            true,
            'a protected-mode guest ran a BMI2 instruction under KVM (-cpu host) and printed its answer',
          );
        if (stdout.length > 64 * 1024) stdout = stdout.slice(-1024);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr.push(chunk);
        // KVM could not run the guest's code; QEMU pauses the VM rather than exit, so do not wait
        // out the bound. QEMU prints its error lines, then the CPU registers (EAX=...) last.
        const text = stderr.text();
        if (/^KVM internal error/m.test(text) && /^(emulation failure|EAX=)/m.test(text)) {
          finish(false, `KVM stopped the probe guest (${kvmErrorLines(text) || lastLine(text)})`);
        }
      });
      child.on('error', (error) => finish(false, `could not start ${qemuBinary}: ${error.message}`));
      child.on('close', (code, signal) => {
        const said = describeStderr(stderr.text());
        finish(
          false,
          `QEMU exited (${signal ? `signal ${signal}` : `code ${code}`}) before the guest ran${said ? `: ${said}` : ''}`,
        );
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The last stderr line; when QEMU aborted on an assertion, the error line just before it says more
 * ("error: failed to set MSR 0x10a to 0x69" before "kvm_buf_set_msrs: Assertion ... failed.").
 */
function describeStderr(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const last = lines.at(-1) ?? '';
  if (/Assertion .* failed/.test(last) && lines.length > 1) {
    const error = lines
      .slice(0, -1)
      .reverse()
      .find((line) => /error/i.test(line));
    if (error) return `${error} / ${last}`;
  }
  return last;
}

export interface ChooseAcceleratorOptions extends KvmProbeOptions {
  /** Replaces the real probe (tests). */
  probe?: (options: KvmProbeOptions) => Promise<KvmProbeResult>;
}

/**
 * auto: probe KVM; use it when a guest really ran, else TCG with a note saying why.
 * kvm: probe; unusable is an AccelUnavailableError (the user asked for it; falling back silently
 * would turn a 10-minute job into an hour). tcg: no probe.
 */
export async function chooseAccelerator(
  choice: AccelChoice,
  options: ChooseAcceleratorOptions = {},
): Promise<AccelDecision> {
  if (choice === 'tcg') return { accelerator: 'tcg', note: 'TCG (software emulation) as requested' };
  const probe = await (options.probe ?? probeKvm)(options);
  if (probe.usable) {
    return { accelerator: 'kvm', note: `KVM: a probe guest ran under KVM in ${probe.elapsedMs} ms`, probe };
  }
  if (choice === 'kvm') throw new AccelUnavailableError(probe.reason);
  return {
    accelerator: 'tcg',
    note: `KVM is not usable (${probe.reason}); falling back to TCG (software emulation, much slower)`,
    probe,
  };
}
