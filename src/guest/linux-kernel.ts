// The Linux test guest booted into a kernel built from the user's tree (`--build kernel`): the
// bzImage from the host build, with the generic guest's busybox initramfs. FUSE is built in
// (CONFIG_FUSE_FS=y in guest/linux-kernel.config), so the driver under test is the tree's as soon as
// the kernel runs. The proof is /proc/version, which prints the build's own linux_banner (build
// number and time included), so it tells this build from any other of the same tree.
import type { GateConfig } from '../config/types.js';
import type { LinuxGuestImage } from '../image/linux-guest.js';
import type { KernelBuild } from '../linux-tree/kernel-build.js';
import type { ProofOfCode } from '../report/model.js';
import type { TargetOutcome } from './adapter.js';
import { LinuxGuest } from './linux.js';
import type { Shell } from './shell.js';

export class LinuxKernelGuest extends LinuxGuest {
  /** `image`: the guest whose initramfs boots the built kernel, with the built kernel's release. */
  constructor(
    image: LinuxGuestImage,
    private readonly build: KernelBuild,
    private readonly why: string,
  ) {
    super(image);
  }

  override async buildTarget(_shell: Shell, _config: GateConfig): Promise<TargetOutcome> {
    const b = this.build;
    if (!b.ok)
      return {
        mode: 'kernel',
        why: this.why,
        ok: false,
        tail: b.tail,
        blame: b.blame ?? 'gate',
        compilerErrors: b.compilerErrors,
        ...(b.linkErrors.length ? { linkErrors: b.linkErrors } : {}),
      };
    const how = `bzImage built on the host in ${(b.durationMs / 1000).toFixed(1)} s (${b.configured ? 'configured from guest/linux-kernel.config' : 'incremental'}${b.ccache ? ', ccache' : ''}) and booted`;
    return { mode: 'kernel', why: `${this.why}; ${how}`, ok: true, artifact: this.image.kernel };
  }

  override async proveTarget(shell: Shell, config: GateConfig, target: TargetOutcome): Promise<ProofOfCode> {
    const base = await super.proveTarget(shell, config, target);
    const details = [...base.details];
    let ok = base.ok;
    const running = (await shell.run('cat /proc/version', { timeoutMs: 10_000 })).output.trim();
    details.push(`guest /proc/version: ${running}`);
    details.push(`build's linux_banner (vmlinux): ${this.build.banner ?? 'unknown'}`);
    if (this.build.banner && running === this.build.banner)
      details.push(`the running kernel is this build (bzImage sha256 ${this.build.sha256?.slice(0, 16)}...)`);
    else {
      ok = false;
      details.push("the running kernel's /proc/version is not the build's banner");
    }
    return { ok, details };
  }
}
