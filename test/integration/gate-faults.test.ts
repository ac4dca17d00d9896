// Faults a new user or a shared runner brings, on the real Linux test guest (issue 14): a
// fractional timeout, a frozen QEMU, a QEMU paused from outside, and the evidence of the user's
// own FUSE server. Each case asserts its verdict and that no QEMU is left.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planGuest } from '../../src/gate/boot.js';
import { runGate } from '../../src/gate/run.js';
import type { GuestAdapter } from '../../src/guest/adapter.js';
import { renderJunit } from '../../src/report/junit.js';
import { stopAll } from '../../src/vm/registry.js';
import { linuxConfig, livingVms, recordingIO } from '../helpers/gate.js';

const BOOT_ALLOWANCE_MS = 60_000;
const TEST_START = /@@fg:\w+:test:t\d+:start@@/;

afterAll(async () => {
  await stopAll();
});

describe('faults on the Linux test guest', () => {
  it(
    'a fractional --timeout 2.5 is a deadline of 2.5 s, never a false hang',
    async () => {
      const report = await runGate(
        linuxConfig({ timeout: '2.5', workloads: 'write-readback' }),
        recordingIO(),
      );
      expect(report.verdict, report.reason).toBe('pass');
      expect(report.tests).toEqual([
        expect.objectContaining({ name: 'workload/write-readback', status: 'pass' }),
      ]);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 60_000,
  );

  it(
    'a fractional deadline that runs out still gives the hang with its stack',
    async () => {
      const report = await runGate(
        linuxConfig({ timeout: '2.5', fault: 'stall=write', workloads: 'write-readback' }),
        recordingIO(),
      );
      expect(report.verdict, report.reason).toBe('hang');
      expect(report.tests[0]!.message).toMatch(/did not finish within 2\.5 s/);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 60_000,
  );

  it(
    'SIGSTOP of QEMU during a test is error naming QEMU, not hang, within the timeout plus a bounded grace',
    async () => {
      let pid = 0;
      let stoppedAt = 0;
      const io = recordingIO((line) => {
        if (TEST_START.test(line) && pid && !stoppedAt) {
          stoppedAt = Date.now();
          process.kill(pid, 'SIGSTOP');
        }
      });
      io.onVm = (vm) => (pid = vm.pid);
      const report = await runGate(linuxConfig({ timeout: '3', workloads: 'mmap-write' }), io);
      expect(stoppedAt).toBeGreaterThan(0);
      expect(report.verdict).toBe('error');
      expect(report.exitCode).toBe(125);
      expect(report.reason).toMatch(new RegExp(`^QEMU \\(pid ${pid}\\) is stopped \\(process state T`));
      expect(report.tests).toEqual([
        expect.objectContaining({
          name: 'workload/mmap-write',
          status: 'error',
          message: expect.stringMatching(/QEMU .* is stopped/),
        }),
      ]);
      expect(renderJunit(report)).toMatch(/errors="1"/);
      // Deadline 3 s + the host's 8 s grace + the QMP probe (3 s) + teardown of a stopped QEMU: a generous bound.
      expect(Date.parse(report.finishedAt) - stoppedAt).toBeLessThan(3_000 + 8_000 + 30_000);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 90_000,
  );

  it(
    'SIGSTOP of QEMU during the mount is error naming QEMU, not a bare command timeout',
    async () => {
      let pid = 0;
      const io = recordingIO();
      io.onVm = (vm) => (pid = vm.pid);
      io.note = (message) => {
        if (message === 'fusefs-gate: mount...' && pid) process.kill(pid, 'SIGSTOP');
      };
      const report = await runGate(linuxConfig({ timeout: '3', workloads: 'mmap-write' }), io);
      expect(report.verdict).toBe('error');
      expect(report.reason).toMatch(
        new RegExp(`^QEMU \\(pid ${pid}\\) is stopped .*: the guest could not be reached during mount`),
      );
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 90_000,
  );

  it(
    'a guest paused from outside (QMP stop) is error naming QEMU paused: its kernel did not hang',
    async () => {
      let vm: { wedge(): Promise<void> } | undefined;
      const io = recordingIO((line) => {
        if (TEST_START.test(line) && vm) {
          void vm.wedge();
          vm = undefined;
        }
      });
      io.onVm = (instance) => (vm = instance);
      const report = await runGate(linuxConfig({ timeout: '3', workloads: 'mmap-write' }), io);
      expect(report.verdict).toBe('error');
      expect(report.reason).toMatch(
        /QEMU \(pid \d+\) answers but does not run the guest: its status is paused/,
      );
      expect(report.backstop?.join('\n')).toMatch(/paused/);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 90_000,
  );

  it(
    'a guest whose watchdog went silent while QEMU runs the guest is hang, guest unresponsive, after the sysrq backstop',
    async () => {
      // The test stops the console shell and then its own watchdog (its parent; /proc/PID/stat: "pid
      // (comm) state ppid ..."): no marker and no end marker come, while QEMU runs and answers.
      const seams = {
        planGuest: async (...args: Parameters<typeof planGuest>) => {
          const plan = await planGuest(...args);
          const adapter: GuestAdapter = Object.create(plan.adapter);
          adapter.tests = () => [
            {
              name: 'workload/silences-its-watchdog',
              kind: 'workload',
              command: `sh -c 'read -r l </proc/$PPID/stat; set -- \${l##*) }; kill -STOP $2 $PPID; exec sleep 120'`,
            },
          ];
          return { ...plan, adapter };
        },
      };
      const report = await runGate(linuxConfig({ timeout: '3' }), recordingIO(), seams);
      expect(report.verdict, report.reason).toBe('hang');
      expect(report.reason).toMatch(/guest unresponsive during workload\/silences-its-watchdog/);
      expect(report.backstop).toEqual(
        expect.arrayContaining(['QEMU reports the guest running', 'sent Alt+SysRq+W']),
      );
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 90_000,
  );

  it(
    "--fuse-server: the report records the command, the mount table line and the log; the proof lists no fixture hash; a # is the user's comment",
    async () => {
      // The fixture binary started by hand stands in for a user's server: it daemonizes once mounted.
      const config = linuxConfig({
        timeout: '20',
        workloads: 'write-readback',
        'fuse-server': '/gate/bin/fusefs-fixture -o direct_io {mountpoint} # started by hand',
      });
      const report = await runGate(config, recordingIO());
      expect(report.verdict, report.reason).toBe('pass');
      expect(report.fuseServer).toMatchObject({
        command: '/gate/bin/fusefs-fixture -o direct_io {mountpoint} # started by hand',
      });
      expect(report.fuseServer?.mountTable).toMatch(/^fusefs-fixture:direct_io \/mnt\/fg fuse /);
      const details = report.proof?.details.join('\n') ?? '';
      expect(details).not.toMatch(/fusefs-fixture sha256/);
      expect(details).toMatch(/the FUSE server is the user's/);
      expect(existsSync(path.join(config.outDir, 'results', 'fuse-server.log'))).toBe(true);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 60_000,
  );

  it(
    '--fuse-server that fails: error at once with its output, and its log is in results/',
    async () => {
      const config = linuxConfig({
        timeout: '20',
        workloads: 'write-readback',
        'fuse-server': 'echo no server for {mountpoint} >&2; exit 3',
      });
      const report = await runGate(config, recordingIO());
      expect(report.verdict).toBe('error');
      expect(report.reason).toMatch(/the FUSE server exited 3 before it mounted/);
      expect(report.fuseServer).toMatchObject({ mountTable: '', logTail: 'no server for /mnt/fg' });
      expect(readFileSync(path.join(config.outDir, 'results', 'fuse-server.log'), 'utf8')).toBe(
        'no server for /mnt/fg\n',
      );
      expect(report.phases.find((p) => p.phase === 'mount')!.durationMs).toBeLessThan(10_000);
      expect(renderJunit(report)).toContain('<testcase name="mount" classname="fusefs-gate"');
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 60_000,
  );
});
