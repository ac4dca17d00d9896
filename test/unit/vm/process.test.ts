import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  TailBuffer,
  findExecutable,
  lastLine,
  runBounded,
  tiedToParentArgv,
  waitForExit,
} from '../../../src/vm/process.js';

/** True while `pid` runs (a zombie, dead but not yet reaped by init, does not count). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('process helpers', () => {
  it('TailBuffer keeps the last bytes', () => {
    const tail = new TailBuffer(10);
    for (const piece of ['0123456789', 'abcdef', 'XYZ']) tail.push(Buffer.from(piece));
    expect(tail.text()).toBe('9abcdefXYZ'.slice(-10));
  });

  it('lastLine skips blank lines', () => {
    expect(lastLine('first\nsecond\n\n  \n')).toBe('second');
    expect(lastLine('')).toBe('');
  });

  it('runBounded returns output and kills a program that runs past its bound', async () => {
    expect(
      await runBounded('sh', ['-c', 'echo out; echo err >&2; exit 3'], { timeoutMs: 5_000 }),
    ).toMatchObject({ code: 3, stdout: 'out\n', stderr: 'err\n', timedOut: false });
    // sleep 60 outlasts the test's own timeout (20 s): only the 200 ms bound can end it in time.
    const slow = await runBounded('sh', ['-c', 'echo $$; exec sleep 60'], { timeoutMs: 200 });
    expect(slow).toMatchObject({ timedOut: true, signal: 'SIGKILL' });
    expect(existsSync(`/proc/${slow.stdout.trim()}`)).toBe(false);
  });

  it('findExecutable resolves on PATH and refuses what is not there', () => {
    expect(findExecutable('sh')).toMatch(/^\/.*\/sh$/);
    expect(findExecutable('no-such-program-fg', '/usr/bin:/bin')).toBeUndefined();
    expect(findExecutable('/bin/sh')).toBe('/bin/sh');
  });

  it('tiedToParentArgv wraps a found program in setpriv --pdeathsig KILL, and leaves a missing one alone', () => {
    expect(tiedToParentArgv('sleep', ['5'], { setpriv: '/usr/bin/setpriv' })).toEqual({
      file: '/usr/bin/setpriv',
      args: ['--pdeathsig', 'KILL', '--', 'sleep', '5'],
      tied: true,
    });
    expect(tiedToParentArgv('no-such-program-fg', ['5'], { setpriv: '/usr/bin/setpriv' })).toEqual({
      file: 'no-such-program-fg',
      args: ['5'],
      tied: false,
    });
    expect(tiedToParentArgv('sleep', ['5'], { setpriv: undefined })).toEqual({
      file: 'sleep',
      args: ['5'],
      tied: false,
    });
  });

  it('a tied child dies when its parent is SIGKILLed', async () => {
    const { file, args, tied } = tiedToParentArgv('sleep', ['60']);
    expect(tied).toBe(true);
    // The parent: a shell that starts the tied sleep, prints its pid, and waits.
    const parent = spawn('sh', ['-c', '"$@" & echo $!; wait', 'sh', file, ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const pid = await new Promise<number>((resolve) =>
      parent.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
    );
    try {
      // Let setpriv get through prctl and exec before the parent goes.
      for (let i = 0; i < 100 && !readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('sleep'); i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(running(pid)).toBe(true);
      parent.kill('SIGKILL');
      await waitForExit(parent, 5_000);
      for (let i = 0; i < 250 && running(pid); i++) await new Promise((r) => setTimeout(r, 20));
      expect(running(pid)).toBe(false);
    } finally {
      if (running(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
