// The Linux test guest with a Linux FUSE tree under test (`--guest linux --source-tree DIR`): the
// tree's fs/fuse, built on the host as fuse.ko against the generic guest kernel (CONFIG_FUSE_FS=m),
// rides in the payload and is loaded with insmod. The initramfs holds no fuse.ko and busybox has no
// /sbin/modprobe, so the kernel cannot auto-load the packaged driver behind our back: once loaded,
// the only FUSE driver is the tree's. The proof is its GNU build id in sysfs and its file's hash.
import type { GateConfig } from '../config/types.js';
import type { LinuxGuestImage } from '../image/linux-guest.js';
import type { ModuleBuild } from '../linux-tree/module-build.js';
import type { ProofOfCode } from '../report/model.js';
import type { TargetOutcome } from './adapter.js';
import { GATE_DIR } from './common.js';
import { LinuxGuest } from './linux.js';
import type { Shell } from './shell.js';

/** Where the payload puts the built module (under /gate). */
export const TREE_MODULE_PAYLOAD_PATH = 'target/fuse.ko';
const MODULE_IN_GUEST = `${GATE_DIR}/${TREE_MODULE_PAYLOAD_PATH}`;
/** kernel/module/sysfs.c: the notes of a loaded module, one binary file per ELF note section. */
const BUILD_ID_NOTE = '/sys/module/fuse/notes/.note.gnu.build-id';

export class LinuxTreeGuest extends LinuxGuest {
  constructor(
    image: LinuxGuestImage,
    private readonly build: ModuleBuild,
    private readonly why: string,
  ) {
    super(image);
  }

  override async buildTarget(shell: Shell, _config: GateConfig): Promise<TargetOutcome> {
    const b = this.build;
    const built = `fs/fuse built on the host in ${(b.durationMs / 1000).toFixed(1)} s (${b.changed.length} file(s) changed since the last build)`;
    if (!b.ok)
      return {
        mode: 'module',
        why: this.why,
        ok: false,
        tail: b.tail,
        blame: b.blame ?? 'gate',
        compilerErrors: b.compilerErrors,
        ...(b.linkErrors.length ? { linkErrors: b.linkErrors } : {}),
      };
    // A FUSE driver already there (never expected) would make the proof meaningless: say so.
    const load = await shell.run(
      `if [ -e /sys/module/fuse ]; then echo 'a fuse module is already loaded'; exit 1; fi; insmod ${MODULE_IN_GUEST} && cat /sys/module/fuse/initstate`,
      {
        timeoutMs: 60_000,
        purpose: 'loading the built fuse.ko',
      },
    );
    if (load.exitStatus !== 0) {
      const dmesg = await shell
        .run('dmesg | tail -n 15', { timeoutMs: 10_000 })
        .catch(() => ({ output: '' }));
      return {
        mode: 'module',
        why: this.why,
        ok: false,
        blame: 'gate',
        tail: `insmod ${MODULE_IN_GUEST} failed (exit ${load.exitStatus}): ${load.output.trim()}\n${dmesg.output.trim()}`,
      };
    }
    return { mode: 'module', why: `${this.why}; ${built}`, ok: true, artifact: MODULE_IN_GUEST };
  }

  override async proveTarget(shell: Shell, config: GateConfig, target: TargetOutcome): Promise<ProofOfCode> {
    const base = await super.proveTarget(shell, config, target);
    const details = [...base.details];
    let ok = base.ok;
    // od prints the note's bytes (header, "GNU", descriptor); the descriptor is the build id.
    const answer = await shell.run(
      `od -An -tx1 -v ${BUILD_ID_NOTE} | tr -d ' \\n'; echo; sha256sum ${MODULE_IN_GUEST}; cat /sys/module/fuse/taint`,
      { timeoutMs: 30_000 },
    );
    const [noteHex = '', hashLine = '', taint = ''] = answer.output
      .trim()
      .split('\n')
      .map((line) => line.trim());
    const loadedHash = hashLine.split(/\s+/)[0] ?? '';
    if (this.build.buildId && noteHex.endsWith(this.build.buildId))
      details.push(`loaded fuse module has build id ${this.build.buildId}, the build's`);
    else {
      ok = false;
      details.push(
        `loaded fuse module's build id note is ${noteHex || 'missing'}, the build's is ${this.build.buildId ?? 'unknown'}`,
      );
    }
    if (loadedHash === this.build.sha256)
      details.push(
        `loaded fuse.ko sha256 ${loadedHash.slice(0, 16)}... as built (vermagic ${this.build.vermagic ?? '?'}; taint ${taint || 'none'})`,
      );
    else {
      ok = false;
      details.push(
        `fuse.ko in the guest has sha256 ${loadedHash || 'nothing'}, the build's is ${this.build.sha256}`,
      );
    }
    return { ok, details };
  }
}
