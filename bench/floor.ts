// The floor for time to verdict: the same kernel and initramfs as the gate, booted by a bare
// `qemu-system-x86_64` (TCG, the same machine, CPU model, CPUs and memory, -no-reboot, serial on
// stdio), whose initramfs runs the same workload binaries on a fixture mount (direct_io) and powers
// off. Nothing else: no sockets, no QMP, no disks, no shell session, no watchdog.
//
// How: a second, tiny initramfs (a gzip'd newc cpio holding /fg-floor.sh) is appended to the gate's
// initramfs (the kernel unpacks concatenated archives in order), and `rdinit=/fg-floor.sh` on the
// kernel command line makes it PID 1.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { LinuxGuestImage } from '../src/image/linux-guest.js';

const SCRIPT = 'fg-floor.sh';

export interface FloorMedia {
  kernel: string;
  initrd: string;
  append: string;
}

/** The floor's PID 1: mount what the workloads need, run them, report each status, power off. */
function floorScript(workloads: readonly string[], fixtureOptions: readonly string[]): string {
  const options = fixtureOptions.length ? ` -o ${fixtureOptions.join(',')}` : '';
  return `#!/bin/sh
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs -o mode=1777 tmpfs /tmp
mkdir -p /mnt/fg
echo 4 > /proc/sys/kernel/printk
echo "@@floor:init@@"
B=/lib/fusefs-gate/bin
if $B/fusefs-fixture${options} -l /tmp/fixture.log /mnt/fg; then echo "@@floor:mounted@@"; else echo "@@floor:mount-failed:$?@@"; fi
for w in ${workloads.join(' ')}; do
	$B/fusefs-workloads $w /mnt/fg >/dev/null
	echo "@@floor:workload:$w:$?@@"
done
echo "@@floor:done@@"
poweroff -f
`;
}

/** A newc ("070701") cpio archive holding one executable file at the root, gzip'd. */
function overlayArchive(name: string, body: string): Buffer {
  const parts: Buffer[] = [];
  const pad4 = (length: number) => Buffer.alloc((4 - (length % 4)) % 4);
  const entry = (fileName: string, mode: number, data: Buffer, ino: number) => {
    const nameBytes = Buffer.from(`${fileName}\0`);
    const fields = [
      ino,
      mode,
      0,
      0,
      1,
      Math.floor(Date.now() / 1000),
      data.length,
      0,
      0,
      0,
      0,
      nameBytes.length,
      0,
    ];
    const header = Buffer.from(
      `070701${fields.map((f) => f.toString(16).padStart(8, '0')).join('')}`,
      'ascii',
    );
    parts.push(header, nameBytes, pad4(header.length + nameBytes.length), data, pad4(data.length));
  };
  entry(name, 0o100755, Buffer.from(body), 0x7f0001);
  entry('TRAILER!!!', 0, Buffer.alloc(0), 0);
  return gzipSync(Buffer.concat(parts));
}

/** Writes the floor's initramfs (the gate's, then the overlay) into `dir`. */
export function makeFloorMedia(
  image: LinuxGuestImage,
  dir: string,
  workloads: readonly string[],
  fixtureOptions: readonly string[],
): FloorMedia {
  mkdirSync(dir, { recursive: true });
  const initrd = path.join(dir, 'floor-initramfs.cpio.gz');
  writeFileSync(
    initrd,
    Buffer.concat([
      readFileSync(image.initrd),
      overlayArchive(SCRIPT, floorScript(workloads, fixtureOptions)),
    ]),
  );
  return { kernel: image.kernel, initrd, append: `${image.append} rdinit=/${SCRIPT}` };
}

export interface FloorRun {
  /** Spawn to QEMU's exit. */
  wallMs: number;
  /** Spawn to the kernel's banner (its first console line). */
  bannerMs: number;
  /** Spawn to the floor script's first line (kernel boot + initramfs unpack). */
  initMs: number;
  /** Spawn to the last workload's status. */
  doneMs: number;
  /** Each workload's exit status, in order. */
  statuses: [string, number][];
  exitCode: number | null;
  output: string;
}

/** Boots the floor once: `qemu-system-x86_64` with the gate's machine, CPU model, CPUs and memory. */
export function runFloor(
  media: FloorMedia,
  options: { cpus: number; memoryMiB: number; timeoutMs: number; accel?: string },
): Promise<FloorRun> {
  const argv = [
    '-nodefaults',
    '-no-user-config',
    '-display',
    'none',
    '-machine',
    'q35',
    '-accel',
    options.accel ?? 'tcg',
    '-cpu',
    'max',
    '-smp',
    String(options.cpus),
    '-m',
    `${options.memoryMiB}M`,
    '-no-reboot',
    '-serial',
    'stdio',
    '-kernel',
    media.kernel,
    '-initrd',
    media.initrd,
    '-append',
    media.append,
  ];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let output = '';
    let pending = '';
    let initMs = NaN;
    let bannerMs = NaN;
    let doneMs = NaN;
    const statuses: [string, number][] = [];
    const child = spawn('qemu-system-x86_64', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      const at = performance.now() - started;
      const text = chunk.toString('latin1');
      output += text;
      pending += text;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (Number.isNaN(bannerMs) && /Linux version \d/.test(line)) bannerMs = at;
        if (line.includes('@@floor:init@@')) initMs = at;
        const workload = /@@floor:workload:([\w-]+):(\d+)@@/.exec(line);
        if (workload) statuses.push([workload[1]!, Number(workload[2])]);
        if (line.includes('@@floor:done@@')) doneMs = at;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('latin1')));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        wallMs: performance.now() - started,
        bannerMs,
        initMs,
        doneMs,
        statuses,
        exitCode: code,
        output,
      });
    });
  });
}
