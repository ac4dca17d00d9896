// The QMP client against a real QEMU (no guest: -S keeps the vCPUs stopped): moved out of the unit
// tests, which start no QEMU.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForExit } from '../../src/vm/process.js';
import { QmpClient, QmpClosedError, QmpCommandError, QmpTimeoutError } from '../../src/vm/qmp.js';

let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fg-qmp-'));
});

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await waitForExit(child, 5_000);
    expect(existsSync(`/proc/${child.pid}`)).toBe(false);
  }
  await rm(dir, { recursive: true, force: true });
});

function startQemu(socket: string): ChildProcess {
  // -S: "Do not start CPU at startup"; the QMP monitor is all there is.
  const child = spawn(
    'qemu-system-x86_64',
    [
      '-nodefaults',
      '-no-user-config',
      '-display',
      'none',
      '-machine',
      'q35',
      '-accel',
      'tcg',
      '-S',
      '-qmp',
      `unix:${socket},server=on,wait=off`,
    ],
    { stdio: 'ignore' },
  );
  children.push(child);
  return child;
}

describe('QmpClient against QEMU', () => {
  it('connects (retrying until the socket exists), negotiates, executes, records events, and reports errors', async () => {
    const socket = path.join(dir, 'qmp1.sock');
    const qemu = startQemu(socket);
    const qmp = await QmpClient.connect(socket, { timeoutMs: 10_000 });
    expect(qmp.greeting?.version.qemu.major).toBeGreaterThanOrEqual(7);
    expect(await qmp.execute('query-status')).toMatchObject({ status: 'prelaunch', running: false });

    await qmp.execute('cont');
    await qmp.waitForEvent('RESUME', { timeoutMs: 5_000, since: 0 });
    await qmp.execute('stop');
    const stop = await qmp.waitForEvent('STOP', { timeoutMs: 5_000, since: 0 });
    expect(stop.timestamp?.seconds).toBeGreaterThan(0);
    expect(qmp.events.map((event) => event.event)).toEqual(expect.arrayContaining(['RESUME', 'STOP']));
    expect(await qmp.execute('query-status')).toMatchObject({ status: 'paused' });

    const error = await qmp.execute('no-such-command').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QmpCommandError);
    expect(error).toMatchObject({ command: 'no-such-command', errorClass: 'CommandNotFound' });
    await expect(qmp.execute('send-key', { keys: [{ type: 'qcode', data: 'not-a-key' }] })).rejects.toThrow(
      /QMP send-key failed: GenericError/,
    );

    // quit: QEMU exits; the connection closes; later commands fail at once, not after a timeout.
    await qmp.execute('quit').catch(() => undefined);
    expect(await waitForExit(qemu, 5_000)).toMatchObject({ code: 0 });
    // A bound far past the test's own timeout: only an answer from the closed connection can end it.
    await expect(qmp.execute('query-status', undefined, { timeoutMs: 600_000 })).rejects.toBeInstanceOf(
      QmpClosedError,
    );
    expect(qmp.closed).toBe(true);
  });

  it('bounds waiting for an event that never comes', async () => {
    const socket = path.join(dir, 'qmp2.sock');
    startQemu(socket);
    const qmp = await QmpClient.connect(socket);
    await expect(qmp.waitForEvent('SHUTDOWN', { timeoutMs: 300 })).rejects.toThrow(QmpTimeoutError);
    qmp.close();
  });
});
