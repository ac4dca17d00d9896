// A guest that outlives one gate run, for real (QEMU/TCG, the Linux test guest): the host rewrites the
// payload disk in place under a running guest and the guest reads the new bytes once it has dropped
// its cached blocks; the results disk is read per run without stopping QEMU; two gate runs share one
// boot through a GuestSession, and disposing of the session leaves no QEMU.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootGuest, planGuest } from '../../src/gate/boot.js';
import { runGate } from '../../src/gate/run.js';
import { GuestSession, payloadDiskBytes } from '../../src/gate/session.js';
import { createBlankDisk, readTarDisk, writeTarDisk } from '../../src/payload/tar-disk.js';
import type { GateReport } from '../../src/report/model.js';
import { stopAll } from '../../src/vm/registry.js';
import { linuxConfig, livingVms, recordingIO, tempDir } from '../helpers/gate.js';

afterAll(async () => {
  await stopAll();
});

const emptyReport = (): GateReport =>
  ({
    verdict: 'error',
    reason: '',
    tests: [],
    threads: [],
    phases: [],
    bootAttempts: 0,
  }) as unknown as GateReport;

describe('a guest that outlives one run (real QEMU, Linux test guest)', () => {
  it('reads a payload disk rewritten in place once its cached blocks are dropped, and its results disk is read per run', async () => {
    const config = linuxConfig({ accel: 'tcg', 'boot-timeout': '120' });
    const io = recordingIO();
    const plan = await planGuest(config, io);
    const probe = path.join(plan.workDir, 'probe.txt');
    writeFileSync(probe, 'first payload\n');
    plan.payload = [{ hostPath: probe, guestPath: 'probe.txt' }];
    const workDir = tempDir('session-disks');
    const booted = await bootGuest(config, plan, io, new AbortController().signal, emptyReport(), {
      workDir,
      payloadDiskBytes,
    });
    try {
      const { payload, results, payloadBytes } = booted.hostDisks;
      expect(payloadBytes).toBe(2 * 1024 * 1024);
      const read = async () =>
        (
          await booted.console.run(`tar -xOf ${booted.disks.payload} probe.txt`, { timeoutMs: 30_000 })
        ).output.trim();
      expect(await read()).toBe('first payload');

      // The same file, the same size: the running QEMU serves the new bytes.
      writeFileSync(probe, 'second payload, longer than the first\n');
      const written = await writeTarDisk(plan.payload, payload, { sizeBytes: payloadBytes });
      expect(written.diskBytes).toBe(payloadBytes);
      // Measured, not asserted: whether the guest's page cache still serves the old blocks (it did
      // not here: the last close of a block device drops its page cache, block/bdev.c).
      const cached = await read();
      io.note(`before blockdev --flushbufs the guest read: ${JSON.stringify(cached)}`);
      await booted.console.run(`blockdev --flushbufs ${booted.disks.payload}`, { timeoutMs: 30_000 });
      expect(await read()).toBe('second payload, longer than the first');

      // Results: packed by the guest, read by the host with QEMU running, emptied, packed again.
      const pack = (text: string) =>
        booted.console.run(
          `mkdir -p /tmp/r && echo '${text}' > /tmp/r/note.txt && tar -cf ${booted.disks.results} -C /tmp/r . && sync`,
          { timeoutMs: 30_000 },
        );
      await pack('run one');
      const first = tempDir('results-1');
      await booted.readResults(first);
      expect(readFileSync(path.join(first, 'note.txt'), 'utf8')).toBe('run one\n');
      await createBlankDisk(results, 256);
      const emptied = tempDir('results-empty');
      expect(await readTarDisk(results, emptied)).toEqual([]);
      await pack('run two');
      const second = tempDir('results-2');
      await booted.readResults(second);
      expect(readFileSync(path.join(second, 'note.txt'), 'utf8')).toBe('run two\n');
      process.stdout.write(`${io.notes.filter((n) => n.startsWith('before blockdev')).join('\n')}\n`);
    } finally {
      await booted.teardown();
    }
    expect(livingVms()).toEqual([]);
  }, 240_000);

  it("a user's FUSE server that ignores SIGTERM and leaves a child behind is ended by the reset: the next run reuses the guest and finds nothing of it", async () => {
    const root = tempDir('session-stray');
    const session = new GuestSession(path.join(root, 'guest'));
    const run = (name: string, fuseServer: string) => {
      const outDir = path.join(root, name);
      mkdirSync(outDir, { recursive: true });
      return runGate(
        linuxConfig({
          accel: 'tcg',
          'output-dir': outDir,
          workloads: 'write-readback',
          'fuse-server': fuseServer,
        }),
        recordingIO(),
        { guests: session },
      );
    };
    // The built-in fixture serves the mount (its daemon makes a session of its own and exits with its
    // mount); the server's own shell ignores SIGTERM, and so does the child it leaves behind. Both
    // write where they are (/tmp outlives the reset; /gate does not).
    const stray =
      "/gate/bin/fusefs-fixture -o direct_io {mountpoint} || exit 1; trap '' TERM; cp /gate/fuse-server.sid /tmp/stray.sid; " +
      'sleep 100000 & echo $$ $! >/tmp/stray.pids; while :; do sleep 1; done';
    // The next run's server first writes, from inside the guest, every live process of the first
    // server's session and whether the pids it left are still there (a process that ends between the
    // glob and the read, such as the gate's own commands, is no leftover: its error is not kept).
    const check =
      's=$(cat /tmp/stray.sid); echo "session $s"; for f in /proc/[0-9]*; do { read -r l <$f/stat; } 2>/dev/null || continue; ' +
      'set -- ${l##*) }; [ "$4" = "$s" ] && [ "$1" != Z ] && echo "left: $l"; done; ' +
      'for p in $(cat /tmp/stray.pids); do [ -e /proc/$p ] && echo "pid $p: $(cat /proc/$p/stat)"; done';
    const second = `{ ${check}; } >/gate/results/leftover.txt 2>&1; exec /gate/bin/fusefs-fixture -o direct_io {mountpoint}`;
    try {
      const first = await run('one', stray);
      expect(first.verdict, first.reason).toBe('pass');
      expect(session.holdsGuest).toBe(true);
      const next = await run('two', second);
      expect(next.verdict, next.reason).toBe('pass');
      expect(next.reusedGuest).toBe(true);
      expect(next.guestSession?.start).toMatch(
        /FUSE server session \d+: SIGTERM left pids [\d ]+, SIGKILL ended them/,
      );
      const leftover = readFileSync(path.join(root, 'two', 'results', 'leftover.txt'), 'utf8');
      expect(leftover).toMatch(/^session \d+\n/);
      expect(leftover.split('\n').slice(1).join('\n').trim()).toBe('');
    } finally {
      await session.dispose();
    }
    expect(livingVms()).toEqual([]);
  }, 300_000);

  it('two gate runs share one boot through a session; a cancelled run boots nothing; disposing of the session leaves no QEMU', async () => {
    const root = tempDir('session-runs');
    const session = new GuestSession(path.join(root, 'guest'));
    const run = (name: string, signal?: AbortSignal) => {
      const outDir = path.join(root, name);
      mkdirSync(outDir, { recursive: true });
      return runGate(
        linuxConfig({
          accel: 'tcg',
          'output-dir': outDir,
          workloads: 'write-readback',
          'fixture-options': 'direct_io',
        }),
        recordingIO(undefined, signal),
        { guests: session },
      );
    };
    try {
      const first = await run('one');
      expect(first.verdict, first.reason).toBe('pass');
      expect(first.reusedGuest).toBe(false);
      expect(session.holdsGuest).toBe(true);
      const second = await run('two');
      expect(second.verdict, second.reason).toBe('pass');
      expect(second.reusedGuest).toBe(true);
      expect(second.phases.map((p) => p.phase)).not.toContain('boot');
      // The packaged kernel's FUSE is built in: nothing to rmmod, the mount and /gate still reset.
      expect(second.guestSession?.start).toContain('unmounted /mnt/fg');
      expect(second.guestSession?.start).not.toContain('rmmod');
      // The fixture's daemon recorded its session at the mount and exits with its mount: nothing stays.
      expect(second.guestSession?.start).toMatch(
        /FUSE server session \d+: (?:nothing left|SIGTERM ended pids \d+);/,
      );
      expect(second.proof?.ok).toBe(true);
      expect(readFileSync(path.join(root, 'two', 'serial.log'), 'latin1')).not.toMatch(/Linux version \d/);
      // The second run's kernel log starts at its reset, not at the boot of the first.
      expect(readFileSync(path.join(root, 'one', 'results', 'dmesg.txt'), 'latin1')).toMatch(
        /Linux version \d/,
      );
      expect(readFileSync(path.join(root, 'two', 'results', 'dmesg.txt'), 'latin1')).not.toMatch(
        /Linux version \d/,
      );
      expect(livingVms()).toHaveLength(1);

      const cancel = new AbortController();
      cancel.abort('SIGTERM');
      const third = await run('three', cancel.signal);
      expect(third.verdict).toBe('error');
      expect(third.reason).toContain('cancelled by SIGTERM');
      expect(third.phases.map((p) => p.phase)).not.toContain('boot');
    } finally {
      await session.dispose();
    }
    expect(session.holdsGuest).toBe(false);
    expect(livingVms()).toEqual([]);
  }, 300_000);
});
