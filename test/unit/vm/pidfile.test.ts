import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdlineMatches, killRecorded, processCmdline, readPidfile, recordPidfile, writePidfile } from '../../../src/vm/pidfile.js';
import { waitForExit } from '../../../src/vm/process.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fg-pidfile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pidfile', () => {
  it('round-trips a record and rejects a malformed file', async () => {
    const file = path.join(dir, 'a.json');
    const record = { pid: 4242, startedAt: '2026-11-24T10:00:00.000Z', cmdlineHint: '/tmp/fg-vm-1/console.sock' };
    await writePidfile(file, record);
    expect(await readPidfile(file)).toEqual(record);
    expect(await readPidfile(path.join(dir, 'missing.json'))).toBeUndefined();
    await writeFile(file, '{"pid": "x"}');
    await expect(readPidfile(file)).rejects.toThrow(/does not hold \{pid, startedAt, cmdlineHint\}/);
    await writeFile(file, 'not json');
    await expect(readPidfile(file)).rejects.toThrow(/is not JSON/);
  });

  it('matches only a qemu-system command line that contains the hint', () => {
    const record = { pid: 1, startedAt: '', cmdlineHint: 'socket,id=con0,path=/tmp/fg-vm-1/console.sock' };
    expect(cmdlineMatches(['qemu-system-x86_64', '-chardev', 'socket,id=con0,path=/tmp/fg-vm-1/console.sock,server=on,wait=on'], record)).toBe(true);
    expect(cmdlineMatches(['/usr/bin/qemu-system-x86_64', '-chardev', 'socket,id=con0,path=/tmp/fg-vm-2/console.sock,server=on'], record)).toBe(false);
    expect(cmdlineMatches(['sleep', 'socket,id=con0,path=/tmp/fg-vm-1/console.sock'], record)).toBe(false);
  });

  it('never kills a process that is not the recorded QEMU (a recycled pid)', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const file = path.join(dir, 'recycled.json');
      await writePidfile(file, { pid: child.pid!, startedAt: new Date().toISOString(), cmdlineHint: 'sleep' });
      const result = await killRecorded(file, { graceMs: 200 });
      expect(result).toMatchObject({ killed: false, pid: child.pid });
      expect(result.note).toMatch(/now another program \(sleep\); not killed/);
      expect(existsSync(`/proc/${child.pid}`)).toBe(true);
      expect(child.exitCode).toBeNull();
      expect(existsSync(file)).toBe(false);
    } finally {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  });

  it('reports a recorded pid that is gone, and a missing pidfile', async () => {
    const child = spawn('true', { stdio: 'ignore' });
    await waitForExit(child, 5_000);
    const file = path.join(dir, 'gone.json');
    await writePidfile(file, { pid: child.pid!, startedAt: '', cmdlineHint: 'x' });
    expect(await killRecorded(file)).toMatchObject({ killed: false, note: expect.stringMatching(/not running/) });
    expect(await killRecorded(path.join(dir, 'none.json'))).toMatchObject({ killed: false, note: expect.stringMatching(/no pidfile/) });
  });

  it('recordPidfile refuses a pid that is not QEMU', async () => {
    expect(() => recordPidfile(dir, process.pid)).toThrow(/not QEMU/);
  });

  it('processCmdline reads a process’s argv, and nothing for a process that is gone', async () => {
    const child = spawn('sleep', ['30', '1'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('spawn', resolve));
    try {
      expect(await processCmdline(child.pid!)).toEqual(['sleep', '30', '1']);
    } finally {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
    expect(await processCmdline(child.pid!)).toBeUndefined();
  });
});
