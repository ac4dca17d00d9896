// The argv of `qemu-system-x86_64`, built from typed options. Pure: no file system, no process.
// Every flag is an argv element of its own (QEMU is spawned without a shell), so a path needs no
// shell quoting; where a value goes through QEMU's own option parser (QemuOpts) a comma must be
// doubled, and -blockdev is given as JSON so a path needs no escaping at all.
// Facts cited below are from the QEMU 7.2 manual, "Invocation" (qemu-options.hx), which is what
// the Debian bookworm host here ships (QEMU 7.2.22); GitHub's ubuntu-24.04 runners ship 8.2.

import type { BootMedia } from '../guest/adapter.js';

export type Accelerator = 'kvm' | 'tcg';
export type DiskFormat = 'raw' | 'qcow2';

export interface DiskSpec {
  path: string;
  format: DiskFormat;
  readonly?: boolean;
}

export interface QemuArgvOptions {
  accel: Accelerator;
  cpus: number;
  memoryMiB: number;
  boot: BootMedia;
  /** Data disks after the boot disk, in the order the guest must see them (vtbd1.. / vdb..). */
  disks: DiskSpec[];
  /** Unix socket the serial console listens on (QEMU is the server; the host connects). */
  serialSocket: string;
  /** Unix socket of the QMP monitor. */
  qmpSocket: string;
  /**
   * Exit instead of rebooting (`-no-reboot`). Off by default: the boot-loop rule upstream must SEE
   * a guest that reboots (its banner twice), and a planned reboot into a freshly built kernel must
   * work. Turn it on where a reboot is always a failure.
   */
  noReboot?: boolean;
  /**
   * TCG only: `single` runs every vCPU on one host thread (`-accel tcg,thread=single`). The Linux test
   * guest uses it: under multi-threaded TCG its kernel oopsed with `int3` in about 3% of boots while
   * patching its own text (bench/RESULTS.md), at ~10% of boot time to avoid.
   */
  tcgThread?: 'single' | 'multi';
  /** Default `q35`; see MACHINE below. */
  machine?: 'q35' | 'pc';
  /** A virtio-rng fed by the host's /dev/urandom (default on). */
  rng?: boolean;
  /** Appended verbatim after everything else (a value the caller has checked). */
  extra?: readonly string[];
}

/**
 * q35 by default. Both FreeBSD (BASIC-CI images, SeaBIOS boot from virtio-blk) and the Linux test
 * guest (kernel boot, VIRTIO_PCI=y) run on q35 and on pc alike: nothing the gate needs differs.
 * q35 is the modern machine (PCIe root complex, ICH9), the one libvirt and the QEMU docs steer new
 * x86 guests to, while `pc` (i440FX, 1996 chipset) is kept for compatibility. Measured here: the
 * boot-sector guest boots from a virtio-blk disk under SeaBIOS on both.
 * The one thing to know: the PCI bus is `pcie.0` on q35 and `pci.0` on pc.
 */
const DEFAULT_MACHINE = 'q35';

/** First PCI slot given to a disk; disks take consecutive slots in the order given. */
const FIRST_DISK_SLOT = 0x04;
/** Slots 0x04..0x0f: more than the gate ever uses (boot, payload, results, scratch). */
export const MAX_DISKS = 12;
const RNG_SLOT = 0x10;
/** sockaddr_un.sun_path is 108 bytes with the terminating NUL (unix(7)). */
const MAX_SOCKET_PATH_BYTES = 107;

export class QemuArgvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QemuArgvError';
  }
}

/** A value that QEMU parses with QemuOpts: a literal comma is written `,,` (qemu-options.hx, "-chardev"). */
export function escapeOptValue(value: string): string {
  return value.replace(/,/g, ',,');
}

/** The disks in guest order: the boot disk first when booting from a disk, then the data disks. */
export function guestDisks(options: Pick<QemuArgvOptions, 'boot' | 'disks'>): DiskSpec[] {
  const boot = options.boot.kind === 'disk' ? [{ path: options.boot.path, format: options.boot.format }] : [];
  return [...boot, ...options.disks];
}

export function buildQemuArgv(options: QemuArgvOptions): string[] {
  validate(options);
  const machine = options.machine ?? DEFAULT_MACHINE;
  const bus = machine === 'q35' ? 'pcie.0' : 'pci.0';
  const argv: string[] = [
    // "-nodefaults: Don't create default devices. Normally, QEMU sets the default devices like
    // serial port, parallel port, virtual console, monitor device, VGA adapter, floppy and CD-ROM
    // drive and others." Also no default NIC: the guest gets no network at all.
    '-nodefaults',
    // "-no-user-config: ... QEMU will not load any of the user-provided config files on sysconfdir."
    '-no-user-config',
    // "-display none: Do not display video output."
    '-display',
    'none',
    '-machine',
    machine,
    // "-accel name: This is used to enable an accelerator. Depending on the target architecture,
    // kvm, xen, hax, hvf, nvmm, whpx or tcg can be available."
    '-accel',
    options.accel === 'tcg' && options.tcgThread ? `tcg,thread=${options.tcgThread}` : options.accel,
    // `host` passes the host CPU through and needs KVM; `max` is "all features the accelerator
    // supports", the richest model TCG can emulate (docs/system/cpu-models-x86).
    '-cpu',
    options.accel === 'kvm' ? 'host' : 'max',
    '-smp',
    String(options.cpus),
    '-m',
    `${options.memoryMiB}M`,
  ];
  if (options.noReboot) argv.push('-no-reboot'); // "-no-reboot: Exit instead of rebooting."

  // QMP first, so its socket exists as early as possible. It still answers only once QEMU's main
  // loop runs, which is after the serial client has connected (measured on 7.2: the greeting
  // arrives right after the console connection).
  // "-mon [chardev=]name[,mode=readline|control]": control mode is QMP; `-qmp dev` is its shorthand.
  argv.push(
    '-chardev',
    `socket,id=qmp0,path=${escapeOptValue(options.qmpSocket)},server=on,wait=off`,
    '-mon',
    'chardev=qmp0,mode=control',
  );
  // The serial console: "server=on|off specifies that the socket shall be a listening socket.
  // wait=on|off specifies that QEMU should not block waiting for a client to connect to a
  // listening socket." With wait=on QEMU prints "QEMU waiting for connection on: ..." and does not
  // start the guest until the host has connected (measured on 7.2), so no console byte is lost.
  argv.push(
    '-chardev',
    `socket,id=con0,path=${escapeOptValue(options.serialSocket)},server=on,wait=on`,
    '-serial',
    'chardev:con0',
  );

  if (options.boot.kind === 'kernel') {
    // "-kernel bzImage", "-initrd file", "-append cmdline": direct Linux boot, no boot loader.
    // These values are taken verbatim (not QemuOpts), so commas are literal.
    argv.push('-kernel', options.boot.kernel, '-initrd', options.boot.initrd, '-append', options.boot.append);
  }

  guestDisks(options).forEach((disk, index) => {
    const node = `disk${index}`;
    const readOnly = disk.readonly === true;
    // "-blockdev option[,option[,...]]: Define a new block driver node"; like -device it also
    // takes the QAPI JSON form (BlockdevOptions), which needs no comma escaping for the path.
    argv.push(
      '-blockdev',
      JSON.stringify({
        driver: disk.format,
        'node-name': node,
        'read-only': readOnly,
        file: { driver: 'file', filename: disk.path, 'read-only': readOnly },
      }),
    );
    // Explicit PCI slots: the guest enumerates virtio-blk devices in PCI order, so slot order is
    // disk order whatever other devices are added. bootindex 0 makes SeaBIOS boot the boot disk
    // ("bootindex=N ... lower number means higher priority", docs/system/bootindex).
    const device = [
      `virtio-blk-pci`,
      `drive=${node}`,
      `id=vd${index}`,
      `bus=${bus}`,
      `addr=0x${(FIRST_DISK_SLOT + index).toString(16)}`,
    ];
    if (index === 0 && options.boot.kind === 'disk') device.push('bootindex=0');
    argv.push('-device', device.join(','));
  });

  if (options.rng ?? true) {
    // A guest without an entropy source can block early in boot waiting for randomness;
    // "-object rng-random,id=id,filename=/dev/random: Creates a random number generator backend
    // which obtains entropy from a device on the host." /dev/urandom never blocks on the host.
    argv.push(
      '-object',
      'rng-random,id=rng0,filename=/dev/urandom',
      '-device',
      `virtio-rng-pci,rng=rng0,bus=${bus},addr=0x${RNG_SLOT.toString(16)}`,
    );
  }
  if (options.extra) argv.push(...options.extra);
  return argv;
}

function validate(options: QemuArgvOptions): void {
  if (!Number.isInteger(options.cpus) || options.cpus < 1 || options.cpus > 64) {
    throw new QemuArgvError(`cpus must be an integer from 1 to 64, got ${options.cpus}`);
  }
  if (!Number.isInteger(options.memoryMiB) || options.memoryMiB < 16) {
    throw new QemuArgvError(`memoryMiB must be an integer of at least 16, got ${options.memoryMiB}`);
  }
  for (const [name, path] of [
    ['serialSocket', options.serialSocket],
    ['qmpSocket', options.qmpSocket],
  ] as const) {
    if (!path) throw new QemuArgvError(`${name} is empty`);
    if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
      throw new QemuArgvError(
        `${name} path is longer than ${MAX_SOCKET_PATH_BYTES} bytes (a unix socket limit): ${path}`,
      );
    }
  }
  if (options.serialSocket === options.qmpSocket)
    throw new QemuArgvError('serialSocket and qmpSocket must differ');
  const disks = guestDisks(options);
  if (disks.length > MAX_DISKS) throw new QemuArgvError(`at most ${MAX_DISKS} disks, got ${disks.length}`);
  disks.forEach((disk, index) => {
    if (!disk.path) throw new QemuArgvError(`disk ${index} has an empty path`);
    if (disk.format !== 'raw' && disk.format !== 'qcow2')
      throw new QemuArgvError(`disk ${index} (${disk.path}) has unknown format ${String(disk.format)}`);
  });
  if (options.boot.kind === 'kernel' && (!options.boot.kernel || !options.boot.initrd)) {
    throw new QemuArgvError('kernel boot needs both a kernel and an initrd path');
  }
}
