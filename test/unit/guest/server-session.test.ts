// Ending the FUSE server's session, Linux form, run for real by busybox sh on this machine against real
// processes in a session of their own (setsid), with the session file moved into a temporary folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { framedCommand } from '../../../src/console/markers.js';
import { MAX_COMMAND_LENGTH } from '../../../src/console/serial-console.js';
import {
  endServerSessionCommand,
  fixtureDaemonPid,
  SERVER_SESSION_FILE,
} from '../../../src/guest/server-session.js';

/** Starts `script` with busybox sh in a new session (as the gate starts a server); resolves once it wrote its pids. */
async function startSession(dir: string, script: string): Promise<number[]> {
  const pids = path.join(dir, 'pids');
  const child = spawn('setsid', ['busybox', 'sh', '-c', `echo $$ >${dir}/sid; ${script}`], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();
  for (let i = 0; i < 200 && !existsSync(pids); i++) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, 100));
  return readFileSync(pids, 'utf8').trim().split(/\s+/).map(Number);
}

const alive = (pid: number) => {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return state.slice(state.lastIndexOf(') ') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

function end(dir: string) {
  const command = endServerSessionCommand('linux').split(SERVER_SESSION_FILE).join(`${dir}/sid`);
  const result = spawnSync('busybox', ['sh', '-c', command], { encoding: 'utf8', timeout: 60_000 });
  return { exit: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

describe('endServerSessionCommand (Linux, real processes)', () => {
  it('fits the console with its framing, both forms', () => {
    for (const os of ['linux', 'freebsd'] as const) {
      const command = endServerSessionCommand(os);
      expect(command).not.toContain('\n');
      expect(framedCommand('0123456789abcdef', 'c9999', command).length).toBeLessThanOrEqual(
        MAX_COMMAND_LENGTH,
      );
    }
  });

  it('a server that ignores SIGTERM and a child of it that stays: SIGKILL ends both, nothing of the session is left', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fg-session-'));
    const pids = await startSession(
      dir,
      `trap '' TERM; sleep 1000 & echo $$ $! >${dir}/pids; while :; do sleep 1; done`,
    );
    expect(pids).toHaveLength(2);
    expect(pids.every(alive)).toBe(true);
    const sid = readFileSync(path.join(dir, 'sid'), 'utf8').trim();
    const result = end(dir);
    expect(result.exit, result.output).toBe(0);
    expect(result.output).toMatch(
      new RegExp(`^FUSE server session ${sid}: SIGTERM left pids [\\d ]+, SIGKILL ended them$`),
    );
    expect(pids.filter(alive)).toEqual([]);
  });

  it('a server that exits on SIGTERM: ended by SIGTERM; run again, nothing is left', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fg-session-'));
    const pids = await startSession(dir, `echo $$ >${dir}/pids; while :; do sleep 1; done`);
    const sid = readFileSync(path.join(dir, 'sid'), 'utf8').trim();
    // The shell and the `sleep 1` it waits for, both of the session.
    const ended = end(dir);
    expect(ended.exit).toBe(0);
    expect(ended.output).toMatch(
      new RegExp(`^FUSE server session ${sid}: SIGTERM ended pids ${pids[0]}( \\d+)?$`),
    );
    expect(alive(pids[0]!)).toBe(false);
    expect(end(dir)).toEqual({ exit: 0, output: `FUSE server session ${sid}: nothing left` });
  });

  it('no session recorded, or not a session id: nothing is signalled and nothing said', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fg-session-'));
    expect(end(dir)).toEqual({ exit: 0, output: '' });
    // 0 would mean the caller's own session to pkill -s; an empty or odd file is no session.
    for (const content of ['0\n', '\n', '12 13\n', '-1\n']) {
      writeFileSync(path.join(dir, 'sid'), content);
      expect(end(dir)).toEqual({ exit: 0, output: '' });
    }
  });
});

it("reads the fixture daemon's pid from its mount line, and nothing else", () => {
  expect(fixtureDaemonPid('fusefs-fixture: mounted /mnt/fg (pid 1304, direct_io=on)\n')).toBe(1304);
  expect(
    fixtureDaemonPid('noise\nfusefs-fixture: mounted /mnt/fg (pid 77, direct_io=off, backing=/b)\n'),
  ).toBe(77);
  expect(
    fixtureDaemonPid('fusefs-fixture: daemon exited before answering INIT on /mnt/fg\n'),
  ).toBeUndefined();
});
