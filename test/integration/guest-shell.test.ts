// The console and the disks against the real Linux test guest: login, exit statuses, a file through
// the tar disks in and back.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { bootGuest, planGuest, type BootedGuest } from '../../src/gate/boot.js';
import type { GateReport } from '../../src/report/model.js';
import { stopAll } from '../../src/vm/registry.js';
import { linuxConfig, livingVms, recordingIO, tempDir } from '../helpers/gate.js';

afterAll(async () => {
  await stopAll();
});

it('logs in, runs commands with their exit statuses, and carries 2 MiB through the tar disks both ways', async () => {
  const config = linuxConfig();
  const io = recordingIO();
  const plan = await planGuest(config, io);
  const data = randomBytes(2 * 1024 * 1024);
  const inputs = tempDir('payload');
  const name = 'two megabytes $(x);.bin';
  writeFileSync(path.join(inputs, name), data);
  plan.payload.push({ hostPath: path.join(inputs, name), guestPath: `in/${name}` });
  const report = { bootAttempts: 0 } as GateReport;
  const booted: BootedGuest = await bootGuest(config, plan, io, new AbortController().signal, report);
  try {
    const { console, adapter, disks } = booted;
    await expect(console.run('true', { timeoutMs: 10_000 })).resolves.toMatchObject({
      exitStatus: 0,
      output: '',
    });
    await expect(console.run("sh -c 'echo seven; exit 7'", { timeoutMs: 10_000 })).resolves.toMatchObject({
      exitStatus: 7,
      output: 'seven\n',
    });
    // An `exit` in a command ends that command, not the login shell; a `cd` does not leak.
    await expect(console.run('cd /proc; echo three; exit 3', { timeoutMs: 10_000 })).resolves.toMatchObject({
      exitStatus: 3,
      output: 'three\n',
    });
    await expect(console.run('pwd', { timeoutMs: 10_000 })).resolves.toMatchObject({ exitStatus: 0 });
    expect((await console.run('pwd', { timeoutMs: 10_000 })).output.trim()).not.toBe('/proc');
    await adapter.prepare(console, disks, config);
    const copy = await console.run(
      `cp '/gate/in/${name}' /gate/results/back.bin && wc -c < /gate/results/back.bin`,
      { timeoutMs: 30_000 },
    );
    expect(copy).toMatchObject({ exitStatus: 0 });
    expect(copy.output.trim()).toBe(String(data.length));
    await adapter.collect(console, disks);
  } finally {
    await booted.teardown(path.join(config.outDir, 'results'));
  }
  expect(readFileSync(path.join(config.outDir, 'results', 'back.bin')).equals(data)).toBe(true);
  expect(livingVms()).toEqual([]);
}, 120_000);
