import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cmdlineMatches,
  endRecordedQemus,
  killRecorded,
  processCmdline,
  processStartTicks,
  readPidfile,
  recordPidfile,
  writePidfile,
} from '../../../src/vm/pidfile.js';
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
    const record = {
      pid: 4242,
      startedAt: '2026-11-24T10:00:00.000Z',
      cmdlineHint: '/tmp/fg-vm-1/console.sock',
    };
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
    expect(
      cmdlineMatches(
        ['qemu-system-x86_64', '-chardev', 'socket,id=con0,path=/tmp/fg-vm-1/console.sock,server=on,wait=on'],
        record,
      ),
    ).toBe(true);
    expect(
      cmdlineMatches(
        [
          '/usr/bin/qemu-system-x86_64',
          '-chardev',
          'socket,id=con0,path=/tmp/fg-vm-2/console.sock,server=on',
        ],
        record,
      ),
    ).toBe(false);
    expect(cmdlineMatches(['sleep', 'socket,id=con0,path=/tmp/fg-vm-1/console.sock'], record)).toBe(false);
  });

  it('never kills a process that is not the recorded QEMU (a recycled pid)', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const file = path.join(dir, 'recycled.json');
      await writePidfile(file, {
        pid: child.pid!,
        startedAt: new Date().toISOString(),
        cmdlineHint: 'sleep',
      });
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
    expect(await killRecorded(file)).toMatchObject({
      killed: false,
      note: expect.stringMatching(/not running/),
    });
    expect(await killRecorded(path.join(dir, 'none.json'))).toMatchObject({
      killed: false,
      note: expect.stringMatching(/no pidfile/),
    });
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

  it('processStartTicks reads field 22 of /proc/PID/stat, also when comm holds spaces and parentheses', async () => {
    const own = processStartTicks(process.pid);
    expect(Number.isInteger(own)).toBe(true);
    expect(own).toBeGreaterThan(0);
    // A comm with ") (" in it (perl's $0 sets it through prctl): fields are counted after the last ')'.
    const child = spawn('perl', ['-e', '$0 = "a) (b"; sleep 30'], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 100 && !readFileSync(`/proc/${child.pid}/stat`, 'utf8').includes('(a) (b)'); i++)
        await new Promise((r) => setTimeout(r, 20));
      const ticks = processStartTicks(child.pid!);
      expect(ticks).toBeGreaterThanOrEqual(own!);
    } finally {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
    expect(processStartTicks(child.pid!)).toBeUndefined();
  });

  // A stand-in for QEMU: perl's $0 rewrites its command line to look like one.
  it('never kills a QEMU-looking process whose start time is not the recorded one (a recycled pid)', async () => {
    const child = spawn(
      'perl',
      [
        '-e',
        '$0 = "qemu-system-x86_64 -chardev socket,id=con0,path=/tmp/fg-recycled/console.sock"; sleep 30',
      ],
      { stdio: 'ignore' },
    );
    try {
      for (let i = 0; i < 100 && !(await processCmdline(child.pid!))?.[0]?.startsWith('qemu-system'); i++)
        await new Promise((r) => setTimeout(r, 20));
      const file = path.join(dir, 'ticks.json');
      const record = {
        pid: child.pid!,
        startedAt: new Date().toISOString(),
        cmdlineHint: 'path=/tmp/fg-recycled/console.sock',
        startTicks: processStartTicks(child.pid!)! - 1,
      };
      await writePidfile(file, record);
      expect(await killRecorded(file, { graceMs: 200 })).toMatchObject({
        killed: false,
        note: expect.stringMatching(/another program/),
      });
      expect(child.exitCode).toBeNull();
      // With the right start time it is the recorded QEMU, and it is ended.
      await writePidfile(file, { ...record, startTicks: record.startTicks + 1 });
      expect(await killRecorded(file, { graceMs: 2_000 })).toMatchObject({ killed: true, pid: child.pid });
    } finally {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  });

  it('endRecordedQemus ends every recorded QEMU of a work folder, notes a malformed pidfile, and ignores other files', async () => {
    const work = await mkdtemp(path.join(dir, 'work-'));
    const child = spawn('perl', ['-e', `$0 = "qemu-system-x86_64 path=${work}/vm1/console.sock"; sleep 30`], {
      stdio: 'ignore',
    });
    try {
      for (let i = 0; i < 100 && !(await processCmdline(child.pid!))?.[0]?.startsWith('qemu-system'); i++)
        await new Promise((r) => setTimeout(r, 20));
      await writePidfile(path.join(work, 'qemu1.pid.json'), {
        pid: child.pid!,
        startedAt: '',
        cmdlineHint: `path=${work}/vm1/console.sock`,
        startTicks: processStartTicks(child.pid!)!,
      });
      await writeFile(path.join(work, 'qemu2.pid.json'), 'garbage');
      await writeFile(path.join(work, 'payload.tar'), '');
      const results = await endRecordedQemus(work, { graceMs: 2_000 });
      expect(results).toHaveLength(2);
      expect(results[0]).toMatchObject({ killed: true, pid: child.pid });
      expect(results[1]).toMatchObject({
        killed: false,
        unresolved: true,
        note: expect.stringMatching(/not JSON/),
      });
      expect(await waitForExit(child, 5_000)).toBeDefined();
      expect(await endRecordedQemus(path.join(dir, 'no-such-work'))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  });
});
