// The Linux test guest adapter: Debian's kernel (its built-in FUSE driver) and a busybox initramfs.
// It stands in for FreeBSD wherever a real kernel is needed in our CI: same console protocol,
// same fixture, workloads and watchdog, real hangs with real stacks.

import type { GateConfig } from '../config/types.js';
import type { LinuxGuestImage } from '../image/linux-guest.js';
import { parseWatchdogLinuxSample } from '../report/parsers/linux-proc-stack.js';
import type { ProofOfCode, Thread } from '../report/model.js';
import type {
  BackstopPlan,
  ConsoleProfile,
  DiskLayout,
  GuestAdapter,
  ReuseReset,
  TargetOutcome,
  TestSpec,
} from './adapter.js';
import {
  BIN_DIR,
  DETACH,
  GATE_DIR,
  RESULTS_DIR,
  fixtureMountCommand,
  FUSE_SERVER_MOUNT_TIMEOUT_MS,
  fuseMountGone,
  mountFuseServer,
  MountError,
  MOUNTPOINT,
  mustRun,
  workloadTests,
} from './common.js';
import { endServerSessionCommand, recordFixtureSession } from './server-session.js';
import type { Shell } from './shell.js';

export const LINUX_CONSOLE: ConsoleProfile = {
  // guest/linux-init.sh sets PS1='# ' for the root shell on ttyS0.
  shellPrompt: /# $/,
  // init/version.c: linux_banner "Linux version %s ..." is printed once per boot.
  bootBanner: /Linux version \d+\.\d+/,
  // kernel/panic.c: "Kernel panic - not syncing: %s" ... "---[ end Kernel panic - not syncing: %s ]---".
  panicStart: /Kernel panic - not syncing/,
  panicEnd: /---\[ end Kernel panic/,
};

export class LinuxGuest implements GuestAdapter {
  readonly os = 'linux' as const;
  readonly console = LINUX_CONSOLE;

  constructor(protected readonly image: LinuxGuestImage) {}

  disks(diskIndexOfPayload: number): DiskLayout {
    // virtio-blk disks are named vda, vdb, ... in PCI order; the test guest boots from -kernel, no disk.
    const letter = (index: number) => String.fromCharCode('a'.charCodeAt(0) + index);
    return {
      payload: `/dev/vd${letter(diskIndexOfPayload)}`,
      results: `/dev/vd${letter(diskIndexOfPayload + 1)}`,
    };
  }

  async prepare(shell: Shell, disks: DiskLayout, config: GateConfig): Promise<void> {
    // Warnings and worse reach the console (the kernel's hung-task reports are KERN_ERR); chatter does not.
    await mustRun(shell, 'dmesg -n 4', 10_000, 'setting the console log level');
    await mustRun(
      shell,
      `mkdir -p /gate/results && tar -xf ${disks.payload} -C /gate`,
      60_000,
      'unpacking the payload disk',
    );
    // The kernel's own hung-task detector prints blocked tasks' stacks even when userland is stuck.
    const hungTaskSecs = Math.max(2, Math.ceil(config.timeoutSec));
    await shell.run(
      `echo ${hungTaskSecs} > /proc/sys/kernel/hung_task_timeout_secs; echo 0 > /proc/sys/kernel/hung_task_panic`,
      {
        timeoutMs: 10_000,
      },
    );
  }

  async buildTarget(_shell: Shell, _config: GateConfig): Promise<TargetOutcome> {
    return {
      mode: 'none',
      why: "the Linux test guest runs its packaged kernel's FUSE driver; there is no tree to build",
      ok: true,
    };
  }

  async proveTarget(shell: Shell, config: GateConfig, _target: TargetOutcome): Promise<ProofOfCode> {
    const details: string[] = [];
    let ok = true;
    const release = (await shell.run('uname -r', { timeoutMs: 10_000 })).output.trim();
    if (release === this.image.kernelRelease)
      details.push(`kernel ${release} is the one the guest was built with`);
    else {
      ok = false;
      details.push(`kernel ${release} is running, but the guest was built with ${this.image.kernelRelease}`);
    }
    // The built-in fixture's hash proves nothing about a run that mounts the user's own server.
    const names = Object.keys(this.image.programs)
      .filter((name) => !(config.fuseServer && name === FIXTURE_PROGRAM))
      .sort();
    if (config.fuseServer)
      details.push(
        `the FUSE server is the user's (--fuse-server), not the built-in fixture: ${config.fuseServer}`,
      );
    const hashes = await shell.run(`sha256sum ${names.map((name) => `/gate/bin/${name}`).join(' ')}`, {
      timeoutMs: 30_000,
    });
    const found = new Map(
      hashes.output
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((parts) => parts.length === 2)
        .map(([hash, file]) => [file!.replace('/gate/bin/', ''), hash!]),
    );
    for (const name of names) {
      const expected = this.image.programs[name];
      const actual = found.get(name);
      if (actual === expected) details.push(`${name} sha256 ${expected!.slice(0, 16)}... as built`);
      else {
        ok = false;
        details.push(`${name}: expected sha256 ${expected}, found ${actual ?? 'nothing'}`);
      }
    }
    return { ok, details };
  }

  async mount(shell: Shell, config: GateConfig): Promise<string> {
    if (config.fuseServer)
      await mustRun(shell, LIBC_ETC_COMMAND, 10_000, 'writing the /etc files libc reads');
    const result = config.fuseServer
      ? await mountFuseServer(
          shell,
          config.fuseServer,
          LINUX_MOUNT_CHECK,
          DETACH.linux,
          FUSE_SERVER_MOUNT_TIMEOUT_MS,
        )
      : await shell.run(fixtureMountCommand(config, LINUX_MOUNT_CHECK), {
          timeoutMs: 30_000,
          purpose: 'mounting the FUSE file system',
        });
    if (result.exitStatus !== 0)
      throw new MountError(
        `mounting the FUSE file system failed (exit ${result.exitStatus}): ${result.output.trim().slice(-500)}`,
      );
    if (!config.fuseServer) await recordFixtureSession(shell, result.output);
    return MOUNTPOINT;
  }

  fuseMountGone(shell: Shell): Promise<string | undefined> {
    return fuseMountGone(shell, LINUX_MOUNT_CHECK);
  }

  tests(config: GateConfig, mountpoint: string): TestSpec[] {
    return workloadTests(config, mountpoint);
  }

  backstop(): BackstopPlan {
    // Alt+SysRq+W (drivers/tty/sysrq.c "show-blocked-tasks") dumps the tasks in D state.
    return { kind: 'sysrq', key: 'w' };
  }

  parseSample(text: string): Thread[] {
    return parseWatchdogLinuxSample(text);
  }

  async collect(shell: Shell, disks: DiskLayout): Promise<void> {
    await shell.run(
      `dmesg > /gate/results/dmesg.txt 2>&1; tar -cf ${disks.results} -C /gate/results . && sync`,
      { timeoutMs: 60_000, purpose: 'packing the results disk' },
    );
  }

  /**
   * Back to the state of a fresh boot, step by step so a failure names its step:
   * 1. unmount /mnt/fg (the fixture exits when its mount goes);
   * 1b. end what is left of the FUSE server's session (src/guest/server-session.ts): SIGTERM, SIGKILL,
   *    each with a bounded wait; anything of it still running (asleep in the kernel) fails the reset.
   *    Else a server that outlived its mount keeps /dev/fuse open (rmmod refuses), or writes into
   *    the next run's files;
   * 2. unload a loadable fuse module (the tree's): `initstate` exists in /sys/module/NAME only for a
   *    loaded module (kernel/module/sysfs.c), not for built-in code such as the cloud kernel's FUSE.
   *    A mount (fs/fuse/inode.c fuse_fs_type .owner) or an open /dev/fuse (fs/fuse/dev.c
   *    fuse_dev_operations .owner) holds a module reference and rmmod refuses; a server that is still
   *    exiting lets go within moments, so rmmod is retried for a few seconds, then given up;
   * 3. /gate emptied except the programs, which are copied again from the initramfs (guest/linux-init.sh);
   * 4. the kernel log emptied (busybox `dmesg -c`: syslog(2) SYSLOG_ACTION_READ_CLEAR);
   * 5. the disks' cached blocks dropped: BLKFLSBUF (busybox `blockdev --flushbufs`; block/ioctl.c
   *    writes back and invalidates the device's page cache), so `tar -xf` reads what the host wrote,
   *    not what the previous run read. Measured (test/integration/guest-session.test.ts): the guest
   *    already reads the new bytes without it, because the last close of a block device drops its
   *    page cache (block/bdev.c blkdev_put_whole -> blkdev_flush_mapping -> kill_bdev) and tar opens
   *    and closes the disk each time; the explicit flush also holds when something keeps it open.
   */
  async resetForReuse(shell: Shell, disks: DiskLayout): Promise<ReuseReset> {
    const steps: [string, string][] = [
      [
        `unmounting ${MOUNTPOINT}`,
        `cd /; if grep -q ' ${MOUNTPOINT} ' /proc/mounts; then umount ${MOUNTPOINT} 2>&1 || exit 1; echo 'unmounted ${MOUNTPOINT}'; fi; true`,
      ],
      ["ending the FUSE server's session", endServerSessionCommand('linux')],
      [
        'unloading the fuse module',
        'i=0; while [ -e /sys/module/fuse/initstate ]; do rmmod fuse 2>/dev/null && { echo "rmmod fuse"; break; }; ' +
          '[ $((i+=1)) -ge 50 ] && { echo "fuse is still in use (refcnt $(cat /sys/module/fuse/refcnt 2>/dev/null))"; exit 1; }; sleep 0.1; done',
      ],
      [
        'clearing /gate',
        `for f in ${GATE_DIR}/* ${GATE_DIR}/.[!.]*; do [ "$f" = ${BIN_DIR} ] || rm -rf "$f"; done; mkdir -p ${RESULTS_DIR} && cp -p /lib/fusefs-gate/bin/* ${BIN_DIR}/ && echo '${GATE_DIR} cleared'`,
      ],
      [
        // Else the next run's dmesg.txt would begin with the boot and every earlier run's lines.
        'emptying the kernel log',
        "dmesg -c >/dev/null && echo 'dmesg -c'",
      ],
      [
        "dropping the disks' cached blocks",
        `sync; blockdev --flushbufs ${disks.payload} && blockdev --flushbufs ${disks.results} && echo 'blockdev --flushbufs ${disks.payload} ${disks.results}'`,
      ],
    ];
    const details: string[] = [];
    for (const [purpose, command] of steps) {
      const result = await shell.run(command, { timeoutMs: 30_000, purpose });
      if (result.exitStatus !== 0)
        return {
          ok: false,
          why: `${purpose} failed (exit ${result.exitStatus}): ${result.output.trim().slice(-300)}`,
        };
      if (result.output.trim()) details.push(result.output.trim());
    }
    return { ok: true, details };
  }
}

/**
 * The busybox initramfs has no /etc at all, and a program built on glibc that a user ships (a server
 * staged from Debian's packages, scripts/stage-debian-fuse-server.sh) may look things up there:
 * - /etc/passwd and /etc/group: getpwuid(3) and getgrgid(3) of root. Without nsswitch.conf glibc
 *   reads the `files` databases, built into libc.so.6 since glibc 2.34 (nss/nss_database.c
 *   default). OpenSSH's sftp-server, which sshfs runs, exits with "No user found for uid 0" when
 *   getpwuid(getuid()) fails (sftp-server-main.c).
 * Written only when missing, so a guest that has them (a kernel tree's own initramfs) keeps its own.
 * Not /etc/mtab, on purpose: libfuse records a mount it made in /etc/mtab by running `/bin/mount -i
 * -f` (lib/mount_util.c fuse_mnt_add_mount) unless mtab_needs_update says no, which it does when
 * /etc/mtab does not exist; with a symlink to /proc/self/mounts trixie's libfuse 3.17.2 still ran it
 * (seen; libfuse 2 skips a symlink). Here /bin/mount is busybox's, which tries a loop device for a
 * source that is a file: fuse2fs 1.47.2 on an image then unmounted at once ("can't setup loop device").
 */
export const LIBC_ETC_COMMAND =
  "mkdir -p /etc && { [ -e /etc/passwd ] || echo 'root:x:0:0:root:/root:/bin/sh' >/etc/passwd; } && " +
  "{ [ -e /etc/group ] || echo 'root:x:0:' >/etc/group; }";

/** The built-in fixture's program name in the guest image (scripts/build-linux-guest.sh). */
const FIXTURE_PROGRAM = 'fusefs-fixture';

/** Linux: the mount table is /proc/mounts; a FUSE mount has type `fuse` (or `fuse.NAME` for libfuse servers). */
const LINUX_MOUNT_CHECK = `grep -q ' ${MOUNTPOINT} fuse' /proc/mounts`;
