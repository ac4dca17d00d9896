// guest linux with a Linux FUSE tree: the generic guest kernel (CONFIG_FUSE_FS=m) and its headers,
// the tree's fs/fuse built on the host against them, and the built module in the payload.
import { createHash } from 'node:crypto';
import { realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GateConfig } from '../config/types.js';
import { LinuxTreeGuest, TREE_MODULE_PAYLOAD_PATH } from '../guest/linux-tree.js';
import { GuestBuildError } from '../image/linux-guest.js';
import { linuxGuestForRun } from './linux-guest-for-run.js';
import { GUEST_KERNEL_SERIES } from '../linux-tree/choose-build.js';
import { buildFuseModule } from '../linux-tree/module-build.js';
import type { PayloadEntry } from '../payload/tar-disk.js';
import type { GuestPlan } from './boot.js';
import type { GateIO } from './run.js';

/** The build folder kept for one tree and one guest kernel, so rebuilds are incremental. */
export function moduleBuildDir(cacheDir: string, tree: string, kernelRelease: string): string {
  const key = createHash('sha256')
    .update(`${realpathSync(tree)}\n${kernelRelease}`)
    .digest('hex')
    .slice(0, 16);
  return path.join(cacheDir, 'linux-fuse-build', key);
}

export async function planLinuxTreeGuest(
  config: GateConfig,
  io: GateIO,
  paths: { workDir: string; serialLogPath: string; configFile: string },
): Promise<GuestPlan> {
  if (config.linuxTreeBuild?.mode === 'kernel') {
    const { planLinuxKernelGuest } = await import('./linux-kernel-plan.js');
    return planLinuxKernelGuest(config, io, paths);
  }
  const tree = config.linuxFuseTree!;
  const image = await linuxGuestForRun(config, io, 'generic');
  if (!image.moduleBuildDir)
    throw new GuestBuildError(
      `the generic Linux guest in ${image.dir} names no kernel headers for module builds`,
      '',
    );
  // build auto chose a module from the guest kernel's series (src/linux-tree/choose-build.ts).
  const series = `${GUEST_KERNEL_SERIES.version}.${GUEST_KERNEL_SERIES.patchlevel}.`;
  if (!image.kernelRelease.startsWith(series))
    throw new GuestBuildError(
      `the generic Linux guest runs ${image.kernelRelease}, not the Linux ${series}x series the build choice assumed (GUEST_KERNEL_SERIES)`,
      '',
    );
  const why = `${config.linuxTreeBuild?.why ?? `build ${config.build}`}; the guest kernel ${image.kernelRelease} has CONFIG_FUSE_FS=m, so the tree's fuse.ko replaces the packaged driver`;
  // Built before the boot: the module travels on the payload disk. A compile error still boots the
  // guest, so the verdict comes from the same place as every other build outcome.
  const build = await io.group('Build fs/fuse on the host', () =>
    buildFuseModule({
      tree,
      kernelBuildDir: image.moduleBuildDir!,
      buildDir: moduleBuildDir(config.cacheDir, tree, image.kernelRelease),
      moduleDir: paths.workDir,
      timeoutMs: config.buildTimeoutSec * 1000,
      log: (message) => io.note(message),
      signal: io.signal,
    }),
  );
  io.note(
    `fusefs-gate: fs/fuse build ${build.ok ? 'ok' : 'failed'} in ${(build.durationMs / 1000).toFixed(1)} s${build.ok ? `, build id ${build.buildId}` : ''}`,
  );
  if (!build.ok) for (const line of build.tail.split('\n')) io.consoleLine(line);
  const payload: PayloadEntry[] = [{ hostPath: paths.configFile, guestPath: 'gate-config.json' }];
  if (build.module) payload.push({ hostPath: build.module, guestPath: TREE_MODULE_PAYLOAD_PATH });
  if (config.fuseServerSource) payload.push({ hostPath: config.fuseServerSource, guestPath: 'fuse-server' });
  writeFileSync(path.join(paths.workDir, 'module-build.json'), JSON.stringify({ tree, ...build }, null, 2));
  return {
    adapter: new LinuxTreeGuest(image, build, why),
    media: async () => ({ kind: 'kernel', kernel: image.kernel, initrd: image.initrd, append: image.append }),
    imageInfo: {
      description: `Linux test guest (generic), kernel ${image.kernelRelease}`,
      path: image.dir,
      why: 'guest linux with a source tree: the generic kernel, whose FUSE driver is a module',
    },
    tcgThread: 'single',
    payload,
    serialLogPath: paths.serialLogPath,
    workDir: paths.workDir,
  };
}
