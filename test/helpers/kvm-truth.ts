// Does KVM really run a Linux guest on this machine? Observed, not assumed, and by a path that shares
// nothing with src/vm/accel.ts: the Linux test guest's own kernel booted straight under
// `qemu-system-x86_64 -accel kvm -cpu host`, its console at loglevel 8, until the kernel itself says
// "Hypervisor detected: KVM" (arch/x86/kernel/cpu/hypervisor.c prints the detected hypervisor's name,
// "KVM" for arch/x86/kernel/kvm.c's x86_hyper_kvm). Where KVM cannot run it, QEMU says why instead:
// no /dev/kvm ("Could not access KVM kernel module"), or a KVM that emulates guest code stops it in
// the decompressor ("KVM internal error. Suberror: 1 / emulation failure"), as on this machine.
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import path from 'node:path';
import { ensureLinuxGuest } from '../../src/image/linux-guest.js';
import { waitForExit } from '../../src/vm/process.js';

export interface KvmTruth {
  /** The guest kernel said it runs on KVM. */
  runs: boolean;
  /** What was seen: the kernel's line, or QEMU's error lines. */
  evidence: string;
  /** Why not, in the words the gate is expected to use: which of QEMU's failures it was. */
  failure?: 'no-device' | 'internal-error' | 'other';
}

const BOUND_MS = 90_000;
let cached: Promise<KvmTruth> | undefined;

export function linuxGuestRunsUnderKvm(): Promise<KvmTruth> {
  cached ??= observe();
  return cached;
}

async function observe(): Promise<KvmTruth> {
  const guest = await ensureLinuxGuest(
    process.env.FUSEFS_GATE_CACHE ?? path.join(homedir(), '.cache', 'fusefs-gate'),
    600_000,
  );
  const argv = [
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
    '512M',
    '-no-reboot',
    '-serial',
    'stdio',
    '-kernel',
    guest.kernel,
    // No initramfs: the kernel names its hypervisor long before it would look for a root.
    '-append',
    'console=ttyS0 loglevel=8 panic=-1',
  ];
  const child = spawn('qemu-system-x86_64', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  try {
    return await new Promise<KvmTruth>((resolve) => {
      const timer = setTimeout(
        () =>
          resolve({
            runs: false,
            failure: 'other',
            evidence: `no word from the guest or QEMU in ${BOUND_MS / 1000} s: ${stderr.trim().split('\n').at(-1) ?? ''}`,
          }),
        BOUND_MS,
      );
      const settle = (truth: KvmTruth): void => {
        clearTimeout(timer);
        resolve(truth);
      };
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('latin1');
        const line = /Hypervisor detected: (\S+)/.exec(stdout);
        if (line)
          settle({
            runs: line[1] === 'KVM',
            evidence: line[0],
            ...(line[1] === 'KVM' ? {} : { failure: 'other' as const }),
          });
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('latin1');
        if (/^KVM internal error/m.test(stderr) && /^(emulation failure|EAX=)/m.test(stderr)) {
          settle({
            runs: false,
            failure: 'internal-error',
            evidence: stderr
              .split('\n')
              .filter((l) => /^KVM internal error|^emulation failure/.test(l))
              .join(' / '),
          });
        }
      });
      child.on('close', () => {
        const noDevice = /Could not access KVM kernel module|failed to initialize kvm/i.test(stderr);
        settle({
          runs: false,
          failure: noDevice ? 'no-device' : 'other',
          evidence: stderr.trim() || 'QEMU exited',
        });
      });
      child.on('error', (error) => settle({ runs: false, failure: 'other', evidence: error.message }));
    });
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await waitForExit(child, 10_000);
  }
}
