// build: kernel on the Linux guest: a bzImage built on the host from the whole Linux tree (Debian's
// linux-source-6.1) with the gate's config fragment, booted with the generic guest's initramfs, and
// proved by /proc/version being the build's banner. The clean tree passes; the same tree with the
// deliberate deadlock in fuse_file_write_iter hangs; a compile error fails, blamed on the tree. The
// tree sits at a fixed place in the cache, so its build folder and ccache carry over: the first run
// ever builds the kernel (about 20 min on 2 cores), later runs rebuild one file per test.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GateReport } from '../../src/report/model.js';
import { qemuProcessesMentioning, runCli, tail, tempDir } from '../helpers/cli.js';
import {
  applyDeadlock,
  applyUndefinedFunction,
  DEADLOCKED_FUNCTION,
  kernelTestTree,
  revertDeadlock,
  UNDEFINED_FUNCTION,
} from '../helpers/linux-tree.js';

// A first build ever (cold cache) takes most of this on 2 shared cores; warm runs take a minute or two.
const RUN_BOUND_MS = 3_000_000;
let tree = '';

beforeAll(async () => {
  tree = await kernelTestTree('linux-kernel');
}, 1_800_000);

afterAll(async () => {
  if (tree) await revertDeadlock(tree);
  if (tree) await applyUndefinedFunction(tree, true);
}, 60_000);

interface KernelBuildRecord {
  ok: boolean;
  blame?: string;
  tail: string;
  banner: string;
  release: string;
  configured: boolean;
}

async function gate(label: string) {
  const out = tempDir(label);
  const result = await runCli(
    [
      'run',
      '--guest',
      'linux',
      '--source-tree',
      tree,
      '--build',
      'kernel',
      '--accel',
      'tcg',
      '--quiet',
      '--timeout',
      '15',
      '--workloads',
      'write-readback',
      '--fixture-options',
      'direct_io',
      '--out',
      out,
    ],
    { timeoutMs: RUN_BOUND_MS },
  );
  const reportPath = path.join(out, 'report.json');
  if (!existsSync(reportPath)) throw new Error(`no report.json in ${out}:\n${tail(result)}`);
  const build = JSON.parse(
    readFileSync(path.join(out, '.work', 'kernel-build.json'), 'utf8'),
  ) as KernelBuildRecord;
  return { out, result, build, report: JSON.parse(readFileSync(reportPath, 'utf8')) as GateReport };
}

describe('a Linux tree built as a kernel (Debian linux-source-6.1, the gate config fragment)', () => {
  it(
    'the clean tree boots the built kernel and passes; the proof shows /proc/version is the build banner',
    async () => {
      const run = await gate('linux-kernel-clean');
      expect(run.result.code, tail(run.result)).toBe(0);
      expect(run.report.verdict).toBe('pass');
      expect(run.report.build).toMatchObject({ mode: 'kernel', ok: true });
      expect(run.build.banner).toMatch(/^Linux version 6\.1\.176 \(fusefs-gate@host\) \(gcc.*\) #\d+ SMP /);
      expect(run.report.proof?.ok).toBe(true);
      expect(run.report.proof?.details).toContain(`guest /proc/version: ${run.build.banner}`);
      expect(run.report.proof?.details).toContain(`build's linux_banner (vmlinux): ${run.build.banner}`);
      // The generic guest's /init saw a kernel without loadable modules and loaded none.
      const serial = readFileSync(path.join(run.out, 'serial.log'), 'utf8');
      expect(serial).toContain(`fusefs-gate: kernel ${run.build.release}, no loadable modules`);
      expect(serial).not.toMatch(/insmod .* failed/);
      expect(qemuProcessesMentioning(run.out)).toEqual([]);
    },
    RUN_BOUND_MS + 20_000,
  );

  it(
    'the same tree with the deliberate deadlock in the direct-I/O write path hangs, titled by the patched function',
    async () => {
      await applyDeadlock(tree);
      const run = await gate('linux-kernel-deadlock');
      expect(run.result.code, tail(run.result)).toBe(2);
      expect(run.report.verdict).toBe('hang');
      expect(run.report.signature).toContain(DEADLOCKED_FUNCTION);
      expect(run.report.build).toMatchObject({ mode: 'kernel', ok: true });
      // Incremental: the folder was configured before and is only rebuilt.
      expect(run.build.configured).toBe(false);
      expect(run.report.proof?.ok).toBe(true);
      expect(run.report.proof?.details).toContain(`guest /proc/version: ${run.build.banner}`);
      expect(qemuProcessesMentioning(run.out)).toEqual([]);
    },
    RUN_BOUND_MS + 20_000,
  );

  it(
    "a compile error in the tree is the tree's: fail, with the compiler error named relative to the tree",
    async () => {
      await revertDeadlock(tree);
      const ioctl = path.join(tree, 'fs/fuse/ioctl.c');
      const before = readFileSync(ioctl, 'utf8');
      writeFileSync(ioctl, `${before}\nstatic int fusefs_gate_broken = ;\n`);
      const brokenLine = before.split('\n').length + 1;
      try {
        const run = await gate('linux-kernel-broken');
        expect(run.result.code, tail(run.result)).toBe(1);
        expect(run.report.verdict).toBe('fail');
        expect(run.build).toMatchObject({ ok: false, blame: 'tree' });
        expect(run.report.build).toMatchObject({ mode: 'kernel', ok: false });
        expect(run.report.build?.compilerErrors?.[0]).toMatchObject({
          file: 'fs/fuse/ioctl.c',
          line: brokenLine,
        });
        expect(qemuProcessesMentioning(run.out)).toEqual([]);
      } finally {
        writeFileSync(ioctl, before);
      }
    },
    RUN_BOUND_MS + 20_000,
  );
  it(
    "a tree that calls a function defined nowhere compiles but does not link: the tree's fail, GNU ld's undefined reference reported",
    async () => {
      await revertDeadlock(tree);
      await applyUndefinedFunction(tree);
      try {
        const run = await gate('linux-kernel-undefined');
        expect(run.result.code, tail(run.result)).toBe(1);
        expect(run.report.verdict).toBe('fail');
        expect(run.report.reason).toContain(UNDEFINED_FUNCTION);
        expect(run.build).toMatchObject({ ok: false, blame: 'tree' });
        expect(run.report.build).toMatchObject({ mode: 'kernel', ok: false });
        expect(run.report.build?.compilerErrors ?? []).toEqual([]);
        // FUSE is built in: the final link of vmlinux finds the reference from fuse_ctl_init. The
        // gate's config has no debug info, so GNU ld names a section offset, not a source line.
        const links = run.report.build?.linkErrors ?? [];
        expect(links.length).toBeGreaterThan(0);
        expect(links.every((e) => e.kind === 'undefined' && e.symbol === UNDEFINED_FUNCTION)).toBe(true);
        expect(links[0]!.message).toMatch(
          new RegExp(`^undefined reference to ${UNDEFINED_FUNCTION} in fuse_ctl_init `),
        );
        expect(run.build.tail).toMatch(new RegExp(`undefined reference to \`${UNDEFINED_FUNCTION}'`));
        expect(qemuProcessesMentioning(run.out)).toEqual([]);
      } finally {
        await applyUndefinedFunction(tree, true);
      }
    },
    RUN_BOUND_MS + 20_000,
  );
});
