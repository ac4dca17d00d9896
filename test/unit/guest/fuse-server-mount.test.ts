// The user's-server mount command, run by busybox sh (the Linux guest's shell) on this machine with
// the guest's folders moved into a temporary one and "mounted" meaning a file the server creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { framedCommand } from '../../../src/console/markers.js';
import { MAX_COMMAND_LENGTH } from '../../../src/console/serial-console.js';
import { DETACH, fuseServerMountCommand, mountFuseServer } from '../../../src/guest/common.js';
import { freebsdMountCheck } from '../../../src/guest/freebsd.js';
import type { Shell } from '../../../src/guest/shell.js';

function runMount(userCommand: (dir: string) => string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fg-mount-'));
  mkdirSync(path.join(dir, 'results'));
  mkdirSync(path.join(dir, 'mnt'));
  const command = fuseServerMountCommand(userCommand(dir), `test -e ${dir}/mounted`, DETACH.linux)
    .split('/gate/results')
    .join(`${dir}/results`)
    .split('/mnt/fg')
    .join(`${dir}/mnt`);
  const started = Date.now();
  const result = spawnSync('busybox', ['sh', '-c', `${command}; echo "exit:$?"`], { encoding: 'utf8', timeout: 30_000 });
  const read = (name: string) => {
    try {
      return readFileSync(path.join(dir, 'results', name), 'utf8');
    } catch {
      return '';
    }
  };
  return { dir, output: result.stdout, elapsedMs: Date.now() - started, log: read('fuse-server.log'), status: read('fuse-server.status'), read };
}

/** The session id of a process (/proc/PID/stat field 6). */
function sessionOf(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[3]);
}

describe('fuseServerMountCommand', () => {
  it('runs the server detached: its own session, no tty, stdin /dev/null, output in the log; a # is the user\'s comment', async () => {
    const run = runMount((dir) => `cat /proc/self/stat >${dir}/stat; ls -l /proc/self/fd/0 >${dir}/stdin; echo served {mountpoint}; touch ${dir}/mounted # the rest is a comment; exit 9`);
    expect(run.output).toMatch(/exit:0\s*$/);
    expect(run.log).toBe(`served ${run.dir}/mnt\n`);
    expect(run.status).toBe('0\n');
    const stat = readFileSync(path.join(run.dir, 'stat'), 'utf8');
    // A new session of its own (setsid), and no controlling terminal (tty_nr, field 7, is 0).
    expect(sessionOf(stat)).not.toBe(sessionOf(readFileSync('/proc/self/stat', 'utf8')));
    expect(Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[4])).toBe(0);
    expect(readFileSync(path.join(run.dir, 'stdin'), 'utf8')).toMatch(/-> \/dev\/null/);
  });

  it('a server that exits non-zero before mounting ends the wait at once, with its output', () => {
    const run = runMount(() => 'echo cannot serve {mountpoint} >&2; exit 3');
    expect(run.output).toMatch(/the FUSE server exited 3 before it mounted/);
    expect(run.output).toMatch(/cannot serve/);
    expect(run.output).toMatch(/exit:1\s*$/);
    expect(run.elapsedMs).toBeLessThan(8_000);
  });

  it('a command that is not shell syntax on its own line cannot break the wrapper', () => {
    const run = runMount((dir) => `touch ${dir}/mounted; echo "it's {mountpoint}" '$(x)' # ) ; } '`);
    expect(run.output).toMatch(/exit:0\s*$/);
    expect(run.log).toContain(`it's ${run.dir}/mnt $(x)`);
  });
});

describe('mountFuseServer', () => {
  it.each([
    ['linux', "grep -q ' /mnt/fg fuse' /proc/mounts", DETACH.linux],
    ['freebsd', freebsdMountCheck(), DETACH.freebsd],
  ])('%s: every console line fits, framing included, for a long server command line', async (_os, check, detach) => {
    const sent: string[] = [];
    const shell: Shell = { run: async (command) => (sent.push(command), { exitStatus: 0, output: '', durationMs: 0 }) };
    const longCommand = `mkdir -p /data\n/gate/fuse-server/bin/server ${"-o 'opt' ".repeat(100)}/data {mountpoint}`;
    await mountFuseServer(shell, longCommand, check, detach, 30_000);
    expect(sent.length).toBeGreaterThan(2);
    // What SerialConsole.run takes: one line, at most MAX_COMMAND_LENGTH with its framing.
    for (const command of sent) {
      expect(command).not.toContain('\n');
      expect(framedCommand('0123456789abcdef', 'c9999', command).length).toBeLessThanOrEqual(MAX_COMMAND_LENGTH);
    }
    // The pieces, run by a shell, give back the command line with the mount point in it.
    const dir = mkdtempSync(path.join(tmpdir(), 'fg-script-'));
    const local = sent.slice(0, -1).map((line) => line.replace(/\/gate\/fuse-server(-mount)?\.sh$/, `${dir}/script$1.sh`));
    execFileSync('busybox', ['sh', '-c', local.join('; ')]);
    expect(readFileSync(`${dir}/script.sh`, 'utf8')).toBe(`${longCommand.replace('{mountpoint}', '/mnt/fg')}\n`);
    expect(readFileSync(`${dir}/script-mount.sh`, 'utf8')).toContain(`${detach} sh -c`);
    expect(sent.at(-1)).toBe('sh /gate/fuse-server-mount.sh');
  });
});

it('busybox is on this machine (the guest shell the tests run the command with)', () => {
  expect(execFileSync('busybox', ['sh', '-c', 'echo ok'], { encoding: 'utf8' })).toBe('ok\n');
});
