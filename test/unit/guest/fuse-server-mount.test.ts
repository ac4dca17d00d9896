// The user's-server mount, run by busybox sh (the Linux guest's shell) on this machine with the
// guest's folders moved into a temporary one and "mounted" meaning a file the server creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { framedCommand } from '../../../src/console/markers.js';
import { MAX_COMMAND_LENGTH } from '../../../src/console/serial-console.js';
import { DETACH, fuseMountGone, MOUNT_TABLE_LINE, mountFuseServer } from '../../../src/guest/common.js';
import { freebsdMountCheck } from '../../../src/guest/freebsd.js';
import type { Shell } from '../../../src/guest/shell.js';

/** A Shell over busybox sh with /gate and /mnt/fg moved into `dir`; refuses what the console refuses. */
function busyboxShell(dir: string, sent: string[] = []): Shell {
  const local = (text: string) => text.split('/gate').join(`${dir}/gate`).split('/mnt/fg').join(`${dir}/mnt`);
  return {
    run: async (command) => {
      sent.push(command);
      if (
        command.includes('\n') ||
        framedCommand('0123456789abcdef', 'c9999', command).length > MAX_COMMAND_LENGTH
      )
        throw new Error(`the console would refuse: ${command}`);
      const result = spawnSync('busybox', ['sh', '-c', local(command)], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      return { exitStatus: result.status ?? 1, output: `${result.stdout}${result.stderr}`, durationMs: 0 };
    },
  };
}

function guestDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fg-mount-'));
  for (const sub of ['gate/results', 'mnt']) mkdirSync(path.join(dir, sub), { recursive: true });
  return dir;
}

const results = (dir: string, name: string) => {
  try {
    return readFileSync(path.join(dir, 'gate', 'results', name), 'utf8');
  } catch {
    return '';
  }
};

/** Fields of /proc/PID/stat after "(comm)": state is [0], ppid [1], pgrp [2], session [3], tty_nr [4]. */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(') ') + 2).split(' ');

/** The wrapper script mountFuseServer writes, as sent (before any path is moved). */
async function mountScriptFor(check: string, detach: string): Promise<string> {
  const sent: string[] = [];
  const run = async (command: string) => {
    sent.push(command);
    return { exitStatus: 0, output: '', durationMs: 0 };
  };
  await mountFuseServer({ run }, 'x {mountpoint}', check, detach, 1_000);
  return sent.join('\n');
}

describe('mountFuseServer', () => {
  it('writes a command line of quotes in pieces the console takes, and the script holds it exactly', async () => {
    const dir = guestDir();
    const quotes = `echo '${"'\\''".repeat(300)}'`;
    const sent: string[] = [];
    await mountFuseServer(busyboxShell(dir, sent), quotes, 'true', DETACH.linux, 10_000);
    expect(sent.length).toBeGreaterThan(2);
    expect(readFileSync(path.join(dir, 'gate', 'fuse-server.sh'), 'utf8')).toBe(`${quotes}\n`);
  });

  it("runs the server detached: its own session, no tty, stdin /dev/null, output in the log; a # is the user's comment", async () => {
    const dir = guestDir();
    const check = `test -e ${dir}/mounted`;
    const result = await mountFuseServer(
      busyboxShell(dir),
      `cat /proc/self/stat >${dir}/stat; ls -l /proc/self/fd/0 >${dir}/stdin; echo served {mountpoint}; touch ${dir}/mounted # the rest is a comment; exit 9`,
      check,
      DETACH.linux,
      30_000,
    );
    expect(result.exitStatus, result.output).toBe(0);
    expect(results(dir, 'fuse-server.log')).toBe(`served ${dir}/mnt\n`);
    expect(results(dir, 'fuse-server.status')).toBe('0\n');
    const stat = statFields(readFileSync(path.join(dir, 'stat'), 'utf8'));
    expect(Number(stat[3])).not.toBe(Number(statFields(readFileSync('/proc/self/stat', 'utf8'))[3]));
    expect(Number(stat[4])).toBe(0);
    expect(readFileSync(path.join(dir, 'stdin'), 'utf8')).toMatch(/-> \/dev\/null/);
  });

  it('a server that exits non-zero before mounting ends the wait at once, with its output', async () => {
    const dir = guestDir();
    const started = Date.now();
    const result = await mountFuseServer(
      busyboxShell(dir),
      'echo cannot serve {mountpoint} >&2; exit 3',
      `test -e ${dir}/mounted`,
      DETACH.linux,
      30_000,
    );
    expect(result.exitStatus).toBe(1);
    expect(result.output).toMatch(/the FUSE server exited 3 before it mounted/);
    expect(result.output).toMatch(/cannot serve/);
    // Functional, not a speed figure: noticed before the 30 s wait would have ended.
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it("the wait is bounded by the guest's clock, not by rounds: a slow check does not stretch it", async () => {
    const dir = guestDir();
    const started = Date.now();
    // Each round takes 0.5 s more than its sleep: 100 rounds would be a minute.
    const result = await mountFuseServer(
      busyboxShell(dir),
      'echo starting {mountpoint}; sleep 60',
      'sleep 0.5; false',
      DETACH.linux,
      30_000,
      2,
    );
    expect(result.exitStatus).toBe(1);
    expect(result.output).toMatch(/no mount within 2 s/);
    expect(result.output).toMatch(/starting/);
    // Functional, not a speed figure: far below what 100 rounds of the slow check take.
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it.each([
    ['linux', "grep -q ' /mnt/fg fuse' /proc/mounts", DETACH.linux],
    ['freebsd', freebsdMountCheck(), DETACH.freebsd],
  ])(
    '%s: a long, multi-line, quote-laden command line fits the console, line by line, and comes back whole',
    async (_os, check, detach) => {
      const dir = guestDir();
      const sent: string[] = [];
      const longCommand = `echo first line\necho ${"-o 'opt' ".repeat(100)}{mountpoint}; exit 5`;
      // Run here with setsid whatever the OS (no daemon(8) on this machine); the server exits 5 unmounted.
      const result = await mountFuseServer(busyboxShell(dir, sent), longCommand, check, DETACH.linux, 30_000);
      expect(result.output).toMatch(/the FUSE server exited 5 before it mounted/);
      expect(sent.length).toBeGreaterThan(3);
      expect(readFileSync(path.join(dir, 'gate', 'fuse-server.sh'), 'utf8')).toBe(
        `${longCommand.replace('{mountpoint}', `${dir}/mnt`)}\n`,
      );
      expect(results(dir, 'fuse-server.log')).toBe(
        `first line\n${"-o 'opt' ".repeat(100).replace(/'/g, '')}${dir}/mnt\n`,
      );
      // What the guest gets names the OS's own way to detach.
      expect(await mountScriptFor(check, detach)).toContain(`${detach} sh -c`);
      expect(sent.at(-1)).toBe('sh /gate/fuse-server-mount.sh');
    },
  );
});

describe('fuseMountGone', () => {
  it('says nothing while the mount is there, whatever the server command did', async () => {
    const dir = guestDir();
    writeFileSync(path.join(dir, 'gate', 'results', 'fuse-server.status'), '1\n');
    expect(await fuseMountGone(busyboxShell(dir), 'true')).toBeUndefined();
  });

  it("a mount that went away is named, with the server command's exit status", async () => {
    const dir = guestDir();
    writeFileSync(path.join(dir, 'gate', 'results', 'fuse-server.status'), '1\n');
    expect(await fuseMountGone(busyboxShell(dir), 'false')).toBe(
      "/mnt/fg is no longer a FUSE mount (the FUSE server's command exited 1)",
    );
  });

  it('a mount that went away while the server command still runs (no status yet) says so', async () => {
    const dir = guestDir();
    expect(await fuseMountGone(busyboxShell(dir), 'false')).toBe(
      "/mnt/fg is no longer a FUSE mount (the FUSE server's command is still running)",
    );
  });
});

it("the mount table line is found in FreeBSD's mount output and in Linux's /proc/mounts", () => {
  // prmount (sbin/mount/mount.c): "FROM on ON (TYPE, FLAGS)"; the gate reads `mount`, not `mount -p`
  // (MNT_WAIT: a FUSE_STATFS to the server, src/guest/freebsd.ts FREEBSD_MOUNT_LIST).
  const freebsd = `cat() { return 1; }; mount() { [ $# = 0 ] || return 64; printf '/dev/gpt/rootfs on / (ufs, local)\\n/dev/fuse on /mnt/fg (fusefs.sshfs)\\n/dev/fuse on /mnt/fg/x (fusefs)\\n'; }; ${MOUNT_TABLE_LINE}`;
  expect(execFileSync('busybox', ['sh', '-c', freebsd], { encoding: 'utf8' })).toBe(
    '/dev/fuse on /mnt/fg (fusefs.sshfs)\n',
  );
  const linux = `cat() { printf 'sshfs /mnt/fg fuse.sshfs rw,nosuid 0 0\\nproc /proc proc rw 0 0\\n'; }; ${MOUNT_TABLE_LINE}`;
  expect(execFileSync('busybox', ['sh', '-c', linux], { encoding: 'utf8' })).toBe(
    'sshfs /mnt/fg fuse.sshfs rw,nosuid 0 0\n',
  );
});

it('busybox is on this machine (the guest shell the tests run the commands with)', () => {
  expect(execFileSync('busybox', ['sh', '-c', 'echo ok'], { encoding: 'utf8' })).toBe('ok\n');
});
