// guest linux, build kernel: a bzImage built on the host from the user's Linux tree with the gate's
// config fragment, booted with the generic guest's busybox initramfs (its /init loads no modules
// when the kernel has none: the virtio and FUSE drivers are built in).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GateConfig } from '../config/types.js';
import { LinuxKernelGuest } from '../guest/linux-kernel.js';
import { GuestBuildError } from '../image/linux-guest.js';
import { linuxGuestForRun } from './linux-guest-for-run.js';
import { buildKernel, kernelBuildDir } from '../linux-tree/kernel-build.js';
import type { PayloadEntry } from '../payload/tar-disk.js';
import type { GuestPlan } from './boot.js';
import type { GateIO } from './run.js';

export async function planLinuxKernelGuest(
  config: GateConfig,
  io: GateIO,
  paths: { workDir: string; serialLogPath: string; configFile: string },
): Promise<GuestPlan> {
  const tree = config.linuxFuseTree!;
  const why = config.linuxTreeBuild?.why ?? 'build: kernel';
  const image = await linuxGuestForRun(config, io, 'generic');
  const buildDir = kernelBuildDir(config.cacheDir, tree);
  const build = await io.group('Build the kernel on the host', () =>
    buildKernel({
      tree,
      buildDir,
      imageDir: paths.workDir,
      timeoutMs: config.buildTimeoutSec * 1000,
      log: (message) => io.note(message),
      // The user's own ccache when they name one, as ccache itself would.
      ccacheDir: process.env.CCACHE_DIR || path.join(config.cacheDir, 'ccache'),
      signal: io.signal,
    }),
  );
  writeFileSync(
    path.join(paths.workDir, 'kernel-build.json'),
    JSON.stringify({ tree, buildDir, ...build }, null, 2),
  );
  io.note(
    `fusefs-gate: kernel build ${build.ok ? 'ok' : 'failed'} in ${(build.durationMs / 1000).toFixed(1)} s${build.ok ? `: ${build.banner}` : ''}`,
  );
  // The gate's fragment not holding in the tree's Kconfig is neither the tree's code nor a verdict.
  if (build.configMismatches.length) throw new GuestBuildError(build.tail, build.tail);
  if (!build.ok) for (const line of build.tail.split('\n')) io.consoleLine(line);
  // A compile error still boots (the packaged kernel), so the verdict comes from the same place as
  // every other build outcome. The run boots its own copy (made under the build folder's lock).
  const kernel = build.bzImage ?? image.kernel;
  const booted = build.ok ? { ...image, kernel, kernelRelease: build.release ?? image.kernelRelease } : image;
  const payload: PayloadEntry[] = [{ hostPath: paths.configFile, guestPath: 'gate-config.json' }];
  if (config.fuseServerSource) payload.push({ hostPath: config.fuseServerSource, guestPath: 'fuse-server' });
  return {
    adapter: new LinuxKernelGuest(booted, build, why),
    media: async () => ({
      kind: 'kernel',
      kernel: booted.kernel,
      initrd: image.initrd,
      append: image.append,
    }),
    imageInfo: {
      description: build.ok
        ? `Linux kernel ${build.release ?? '?'} built from ${tree}, with the generic test guest's initramfs`
        : `Linux test guest (generic), kernel ${image.kernelRelease}: the tree's kernel did not build`,
      path: build.ok ? buildDir : image.dir,
      why: 'guest linux with build kernel: a kernel built from the tree, FUSE built in',
    },
    tcgThread: 'single',
    payload,
    serialLogPath: paths.serialLogPath,
    workDir: paths.workDir,
  };
}
