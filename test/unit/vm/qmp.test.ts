// The QMP client against a real QEMU (no guest: -S keeps the vCPUs stopped) and against fake
// servers for the failure paths a real QEMU does not produce on demand.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForExit } from '../../../src/vm/process.js';
import { QmpClient, QmpClosedError, QmpCommandError, QmpTimeoutError } from '../../../src/vm/qmp.js';
import { SocketConnectError } from '../../../src/vm/unix-socket.js';

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
  const child = spawn('qemu-system-x86_64', ['-nodefaults', '-no-user-config', '-display', 'none', '-machine', 'q35', '-accel', 'tcg', '-S', '-qmp', `unix:${socket},server=on,wait=off`], { stdio: 'ignore' });
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
    await expect(qmp.execute('send-key', { keys: [{ type: 'qcode', data: 'not-a-key' }] })).rejects.toThrow(/QMP send-key failed: GenericError/);

    // quit: QEMU exits; the connection closes; later commands fail at once, not after a timeout.
    await qmp.execute('quit').catch(() => undefined);
    expect(await waitForExit(qemu, 5_000)).toMatchObject({ code: 0 });
    const startedAt = Date.now();
    await expect(qmp.execute('query-status', undefined, { timeoutMs: 5_000 })).rejects.toBeInstanceOf(QmpClosedError);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(qmp.closed).toBe(true);
  });

  it('bounds waiting for an event that never comes', async () => {
    const socket = path.join(dir, 'qmp2.sock');
    startQemu(socket);
    const qmp = await QmpClient.connect(socket);
    const startedAt = Date.now();
    await expect(qmp.waitForEvent('SHUTDOWN', { timeoutMs: 300 })).rejects.toBeInstanceOf(QmpTimeoutError);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    qmp.close();
  });
});

describe('QmpClient failure paths (fake servers)', () => {
  it('gives up connecting to a socket that never appears, within the bound', async () => {
    const startedAt = Date.now();
    const error = await QmpClient.connect(path.join(dir, 'never.sock'), { timeoutMs: 300 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SocketConnectError);
    expect((error as Error).message).toMatch(/timed out connecting to the QMP socket .*never\.sock/);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });

  it('times out on a server that accepts but never greets', async () => {
    const socket = path.join(dir, 'silent.sock');
    const server = net.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      await expect(QmpClient.connect(socket, { timeoutMs: 300 })).rejects.toThrow(/QMP: timed out after \d+ ms waiting for the greeting/);
    } finally {
      server.close();
    }
  });

  it('bounds a command that gets no answer, and ignores answers to other ids and non-JSON noise', async () => {
    const socket = path.join(dir, 'mute.sock');
    const server = net.createServer((connection) => {
      connection.write('{"QMP": {"version": {"qemu": {"major": 7, "minor": 2, "micro": 0}, "package": ""}, "capabilities": []}}\r\n');
      connection.on('data', (data) => {
        const message = JSON.parse(data.toString().trim()) as { execute: string; id: string };
        if (message.execute === 'qmp_capabilities') connection.write(`garbage line\r\n{"return": {}, "id": "other"}\r\n{"return": {}, "id": "${message.id}"}\r\n`);
        // anything else: silence
      });
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const qmp = await QmpClient.connect(socket, { timeoutMs: 2_000 });
      const error = await qmp.execute('query-status', undefined, { timeoutMs: 200 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(QmpTimeoutError);
      expect((error as Error).message).toBe('QMP: timed out after 200 ms waiting for the answer to query-status');
      qmp.close();
    } finally {
      server.close();
    }
  });
});
