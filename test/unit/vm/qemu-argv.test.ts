import { describe, expect, it } from 'vitest';
import {
  buildQemuArgv,
  escapeOptValue,
  guestDisks,
  QemuArgvError,
  type QemuArgvOptions,
} from '../../../src/vm/qemu-argv.js';

const base: QemuArgvOptions = {
  accel: 'tcg',
  cpus: 2,
  memoryMiB: 2048,
  boot: {
    kind: 'kernel',
    kernel: '/c/vmlinuz',
    initrd: '/c/initramfs.cpio.gz',
    append: 'console=ttyS0,115200 panic=-1',
  },
  disks: [
    { path: '/w/payload.tar', format: 'raw', readonly: true },
    { path: '/w/results.img', format: 'raw' },
  ],
  serialSocket: '/tmp/fg-vm-x/console.sock',
  qmpSocket: '/tmp/fg-vm-x/qmp.sock',
};

/** The values that follow each occurrence of `flag`. */
function values(argv: string[], flag: string): string[] {
  return argv.flatMap((arg, index) => (arg === flag ? [argv[index + 1]!] : []));
}

describe('buildQemuArgv', () => {
  it('builds the exact argv for a kernel boot under TCG', () => {
    expect(buildQemuArgv(base)).toEqual([
      '-nodefaults',
      '-no-user-config',
      '-display',
      'none',
      '-machine',
      'q35',
      '-accel',
      'tcg',
      '-cpu',
      'max',
      '-smp',
      '2',
      '-m',
      '2048M',
      '-chardev',
      'socket,id=qmp0,path=/tmp/fg-vm-x/qmp.sock,server=on,wait=off',
      '-mon',
      'chardev=qmp0,mode=control',
      '-chardev',
      'socket,id=con0,path=/tmp/fg-vm-x/console.sock,server=on,wait=on',
      '-serial',
      'chardev:con0',
      '-kernel',
      '/c/vmlinuz',
      '-initrd',
      '/c/initramfs.cpio.gz',
      '-append',
      'console=ttyS0,115200 panic=-1',
      '-blockdev',
      '{"driver":"raw","node-name":"disk0","read-only":true,"file":{"driver":"file","filename":"/w/payload.tar","read-only":true}}',
      '-device',
      'virtio-blk-pci,drive=disk0,id=vd0,bus=pcie.0,addr=0x4',
      '-blockdev',
      '{"driver":"raw","node-name":"disk1","read-only":false,"file":{"driver":"file","filename":"/w/results.img","read-only":false}}',
      '-device',
      'virtio-blk-pci,drive=disk1,id=vd1,bus=pcie.0,addr=0x5',
      '-object',
      'rng-random,id=rng0,filename=/dev/urandom',
      '-device',
      'virtio-rng-pci,rng=rng0,bus=pcie.0,addr=0x10',
    ]);
  });

  it('uses -cpu host with KVM and max with TCG', () => {
    expect(values(buildQemuArgv({ ...base, accel: 'kvm' }), '-cpu')).toEqual(['host']);
    expect(values(buildQemuArgv({ ...base, accel: 'kvm' }), '-accel')).toEqual(['kvm']);
    expect(values(buildQemuArgv(base), '-cpu')).toEqual(['max']);
  });

  it('lets the guest reboot unless noReboot is set', () => {
    expect(buildQemuArgv(base)).not.toContain('-no-reboot');
    expect(buildQemuArgv({ ...base, noReboot: true })).toContain('-no-reboot');
  });

  it('puts a boot disk first, with bootindex 0, then the data disks in the order given, in rising PCI slots', () => {
    const argv = buildQemuArgv({
      ...base,
      boot: { kind: 'disk', path: '/cache/FreeBSD.qcow2', format: 'qcow2' },
    });
    expect(argv).not.toContain('-kernel');
    const blockdevs = values(argv, '-blockdev').map(
      (json) => JSON.parse(json) as { driver: string; 'node-name': string; file: { filename: string } },
    );
    expect(blockdevs.map((node) => [node['node-name'], node.driver, node.file.filename])).toEqual([
      ['disk0', 'qcow2', '/cache/FreeBSD.qcow2'],
      ['disk1', 'raw', '/w/payload.tar'],
      ['disk2', 'raw', '/w/results.img'],
    ]);
    expect(values(argv, '-device').filter((device) => device.startsWith('virtio-blk-pci'))).toEqual([
      'virtio-blk-pci,drive=disk0,id=vd0,bus=pcie.0,addr=0x4,bootindex=0',
      'virtio-blk-pci,drive=disk1,id=vd1,bus=pcie.0,addr=0x5',
      'virtio-blk-pci,drive=disk2,id=vd2,bus=pcie.0,addr=0x6',
    ]);
    expect(
      guestDisks({
        boot: { kind: 'disk', path: '/b', format: 'raw' },
        disks: [{ path: '/d', format: 'raw' }],
      }).map((disk) => disk.path),
    ).toEqual(['/b', '/d']);
  });

  it('needs no escaping for disk paths (JSON) and doubles commas in socket paths (QemuOpts)', () => {
    const odd = "/tmp/a dir,with=commas/$(x);'q'.img";
    const argv = buildQemuArgv({
      ...base,
      disks: [{ path: odd, format: 'raw' }],
      serialSocket: '/tmp/s,1/con.sock',
    });
    expect(JSON.parse(values(argv, '-blockdev')[0]!).file.filename).toBe(odd);
    expect(values(argv, '-chardev')[1]).toBe('socket,id=con0,path=/tmp/s,,1/con.sock,server=on,wait=on');
    expect(escapeOptValue('a,b,,c')).toBe('a,,b,,,,c');
  });

  it('uses the pc machine and its pci.0 bus when asked, leaves out the rng when asked, and appends extra last', () => {
    const argv = buildQemuArgv({ ...base, machine: 'pc', rng: false, extra: ['-d', 'guest_errors'] });
    expect(values(argv, '-machine')).toEqual(['pc']);
    expect(argv.join(' ')).toContain('bus=pci.0,addr=0x4');
    expect(argv.join(' ')).not.toContain('rng');
    expect(argv.slice(-2)).toEqual(['-d', 'guest_errors']);
  });

  it('refuses impossible options with a message naming the option', () => {
    expect(() => buildQemuArgv({ ...base, cpus: 0 })).toThrow(QemuArgvError);
    expect(() => buildQemuArgv({ ...base, cpus: 1.5 })).toThrow(/cpus/);
    expect(() => buildQemuArgv({ ...base, memoryMiB: 8 })).toThrow(/memoryMiB/);
    expect(() => buildQemuArgv({ ...base, serialSocket: `/tmp/${'x'.repeat(120)}` })).toThrow(
      /serialSocket path is longer than 107 bytes/,
    );
    expect(() => buildQemuArgv({ ...base, qmpSocket: base.serialSocket })).toThrow(/must differ/);
    expect(() =>
      buildQemuArgv({
        ...base,
        disks: Array.from({ length: 13 }, (_, i) => ({ path: `/d${i}`, format: 'raw' as const })),
      }),
    ).toThrow(/at most 12 disks/);
    expect(() => buildQemuArgv({ ...base, disks: [{ path: '/d', format: 'vmdk' as 'raw' }] })).toThrow(
      /unknown format vmdk/,
    );
    expect(() =>
      buildQemuArgv({ ...base, boot: { kind: 'kernel', kernel: '/k', initrd: '', append: '' } }),
    ).toThrow(/initrd/);
  });
});

describe('TCG threading', () => {
  it('asks for single-threaded TCG only when told to, and never for KVM', async () => {
    const { buildQemuArgv } = await import('../../../src/vm/qemu-argv.js');
    const base = {
      cpus: 2,
      memoryMiB: 512,
      boot: { kind: 'kernel' as const, kernel: '/k', initrd: '/i', append: 'console=ttyS0' },
      disks: [],
      serialSocket: '/s',
      qmpSocket: '/q',
    };
    const accelOf = (argv: string[]) => argv[argv.indexOf('-accel') + 1];
    expect(accelOf(buildQemuArgv({ ...base, accel: 'tcg' }))).toBe('tcg');
    expect(accelOf(buildQemuArgv({ ...base, accel: 'tcg', tcgThread: 'single' }))).toBe('tcg,thread=single');
    expect(accelOf(buildQemuArgv({ ...base, accel: 'kvm', tcgThread: 'single' }))).toBe('kvm');
  });
});
