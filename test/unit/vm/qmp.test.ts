// The QMP client against fake servers, for the failure paths a real QEMU does not produce on demand
// (the real QEMU half is test/integration/qmp.test.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QmpClient, QmpTimeoutError } from '../../../src/vm/qmp.js';
import { SocketConnectError } from '../../../src/vm/unix-socket.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fg-qmp-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('QmpClient failure paths (fake servers)', () => {
  it('gives up connecting to a socket that never appears, within the bound', async () => {
    // The test's own timeout (20 s) is the functional bound; the error says the 300 ms bound ended it.
    const error = await QmpClient.connect(path.join(dir, 'never.sock'), { timeoutMs: 300 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SocketConnectError);
    expect((error as Error).message).toMatch(/timed out connecting to the QMP socket .*never\.sock/);
  });

  it('times out on a server that accepts but never greets', async () => {
    const socket = path.join(dir, 'silent.sock');
    const server = net.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      await expect(QmpClient.connect(socket, { timeoutMs: 300 })).rejects.toThrow(
        /QMP: timed out after \d+ ms waiting for the greeting/,
      );
    } finally {
      server.close();
    }
  });

  it('bounds a command that gets no answer, and ignores answers to other ids and non-JSON noise', async () => {
    const socket = path.join(dir, 'mute.sock');
    const server = net.createServer((connection) => {
      connection.write(
        '{"QMP": {"version": {"qemu": {"major": 7, "minor": 2, "micro": 0}, "package": ""}, "capabilities": []}}\r\n',
      );
      connection.on('data', (data) => {
        const message = JSON.parse(data.toString().trim()) as { execute: string; id: string };
        if (message.execute === 'qmp_capabilities')
          connection.write(
            `garbage line\r\n{"return": {}, "id": "other"}\r\n{"return": {}, "id": "${message.id}"}\r\n`,
          );
        // anything else: silence
      });
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const qmp = await QmpClient.connect(socket, { timeoutMs: 2_000 });
      const error = await qmp
        .execute('query-status', undefined, { timeoutMs: 200 })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(QmpTimeoutError);
      expect((error as Error).message).toBe(
        'QMP: timed out after 200 ms waiting for the answer to query-status',
      );
      qmp.close();
    } finally {
      server.close();
    }
  });
});
