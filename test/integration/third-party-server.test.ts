// Bring your own FUSE server: a real third-party server from Debian's packages (bindfs), staged
// with every shared library it needs and the dynamic loader by scripts/stage-debian-fuse-server.sh,
// shipped into the Linux test guest with --fuse-server-source and mounted with --fuse-server.
//
// Debian stable (trixie) is used, so the test does not move under us: its bindfs 1.14.7 is built on
// libfuse 2, whose own `-o direct_io` option opens every file with direct I/O (bindfs 1.18 in forky
// adds --direct-io, which does the same). bindfs does not ask for FUSE_DIRECT_IO_ALLOW_MMAP, so
// Linux (fs/fuse/file.c, fuse_file_mmap, since 6.6) refuses a shared mmap of its direct-io files with
// ENODEV: with direct I/O the write path passes and the four mmap workloads are refused, which is
// also the proof that direct I/O was on. Without it every workload passes. docs/fuse-servers.md.
//
// sshfs (trixie's 3.7.3, libfuse 3) with its own `-o direct_io`, with no network: its ssh_command is a
// two-line wrapper that execs OpenSSH's sftp-server (staged beside it with --also), so the sftp side
// runs in the guest over sshfs's own pipe. libfuse 3.17 does not ask for FUSE_DIRECT_IO_ALLOW_MMAP
// by default and sshfs does not ask for it, so Linux gives the same verdict as for bindfs. The
// sftp-server exits at once ("No user found for uid 0") without an /etc/passwd, which the gate
// writes for a user's server; without it sshfs mounts, loses its connection and unmounts, and the
// workloads would run on the guest's own folder: that run must be an `error`, never a pass.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qemuProcessesMentioning, runCli, runProcess, tail, tempDir } from '../helpers/cli.js';

const SUITE = 'trixie';
const WORKLOADS = ['mmap-write', 'mmap-msync', 'write-readback', 'truncate-mmap', 'mmap-while-write'];
const MMAP_WORKLOADS = WORKLOADS.filter((name) => name !== 'write-readback');
/** The staged server, run through its own loader: the initramfs has no /lib64/ld-linux-x86-64.so.2. */
const BINDFS =
  '/gate/fuse-server/lib/ld-linux-x86-64.so.2 --library-path /gate/fuse-server/lib /gate/fuse-server/bin/bindfs';
/** bindfs mirrors a folder; it daemonizes once mounted, then the mount table line goes to fuse-server.log. */
const serverCommand = (bindfsOptions: string) =>
  `mkdir -p /tmp/bsrc && ${BINDFS} ${bindfsOptions}/tmp/bsrc {mountpoint} && grep ' {mountpoint} ' /proc/mounts`;

/** A run of the whole gate takes ~1 min under TCG; boots are slow when the machine is busy. */
const RUN_BOUND_MS = 300_000;

interface TestEntry {
  name: string;
  status: string;
  message?: string;
}

let serverDir = '';
let sshfsDir = '';

/** Stages PACKAGE's BINARY (and --also programs) from Debian SUITE into a temporary folder. */
async function stage(label: string, args: string[], expected: string[]): Promise<string> {
  const dir = path.join(tempDir(label), 'server');
  const staged = await runProcess('bash', ['scripts/stage-debian-fuse-server.sh', ...args, dir], {
    timeoutMs: 240_000,
    env: { ...process.env, FUSEFS_GATE_DEBIAN_SUITE: SUITE },
  });
  if (staged.code !== 0)
    throw new Error(`staging ${args.join(' ')} from Debian ${SUITE} failed:\n${tail(staged)}`);
  for (const file of expected) {
    if (!existsSync(path.join(dir, file))) throw new Error(`staged ${label} lacks ${file}:\n${tail(staged)}`);
  }
  return dir;
}

beforeAll(async () => {
  serverDir = await stage(
    'bindfs',
    ['bindfs', 'bindfs'],
    ['bin/bindfs', 'lib/ld-linux-x86-64.so.2', 'lib/libc.so.6', 'lib/libfuse.so.2'],
  );
}, 260_000);

/** One run of the gate on bindfs with `bindfsOptions`, or on another staged `server`. */
async function runGate(
  label: string,
  bindfsOptions: string,
  server = { dir: '', command: '' },
  workloads = WORKLOADS,
) {
  const out = tempDir(label);
  const result = await runCli(
    [
      'run',
      '--guest',
      'linux',
      '--accel',
      'tcg',
      '--quiet',
      '--timeout',
      '20',
      '--out',
      out,
      '--workloads',
      workloads.join(','),
      '--fuse-server-source',
      server.dir || serverDir,
      '--fuse-server',
      server.command || serverCommand(bindfsOptions),
    ],
    { timeoutMs: RUN_BOUND_MS },
  );
  const reportPath = path.join(out, 'report.json');
  if (!existsSync(reportPath)) throw new Error(`no report.json in ${out}:\n${tail(result)}`);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    verdict: string;
    reason: string;
    exitCode: number;
    tests: TestEntry[];
    fuseServer?: { command: string; mountTable: string; logTail: string };
  };
  const serverLogPath = path.join(out, 'results', 'fuse-server.log');
  const serverLog = existsSync(serverLogPath) ? readFileSync(serverLogPath, 'utf8') : '';
  return {
    out,
    result,
    report,
    serverLog,
    byName: new Map(report.tests.map((t) => [t.name.replace(/^workload\//, ''), t])),
  };
}

/** The mount was bindfs itself, not the fixture: its source folder is the mount's device name. */
function expectBindfsMount(serverLog: string) {
  // bindfs names the mount after its source folder (libfuse 2 mounts it as type `fuse`, libfuse 3 as `fuse.bindfs`).
  expect(serverLog).toMatch(/^\/tmp\/bsrc \/mnt\/fg fuse(\.bindfs)? \S+ 0 0$/m);
}

describe('a third-party FUSE server from Debian (bindfs) on the Linux test guest', () => {
  it(
    'mounted with direct I/O (-o direct_io): writes go through direct I/O and pass; shared mmap is refused with ENODEV (bindfs does not negotiate FUSE_DIRECT_IO_ALLOW_MMAP), verdict fail',
    async () => {
      const run = await runGate('bindfs-dio', '-o direct_io ');
      expect(run.result.code, tail(run.result)).toBe(1);
      expect(run.report.verdict).toBe('fail');
      expectBindfsMount(run.serverLog);
      expect(run.byName.get('write-readback')?.status).toBe('pass');
      for (const name of MMAP_WORKLOADS) {
        // ENODEV for a shared mapping only comes from a FOPEN_DIRECT_IO open: proof that the
        // server's own option really put the files in direct I/O mode.
        expect(run.byName.get(name), name).toMatchObject({
          status: 'fail',
          message: expect.stringContaining(`${name}: mmap failed: No such device (errno 19)`),
        });
      }
      expect(qemuProcessesMentioning(run.out)).toEqual([]);
    },
    RUN_BOUND_MS + 20_000,
  );

  it(
    'a mount that goes away during the tests (lazily unmounted once write-readback made its file) ends the run in error after that test, never a pass',
    async () => {
      // What a server that stops cleanly does to the run, made certain: the workload finishes on the
      // detached mount, and the next test would run on the guest's own folder.
      const command =
        `mkdir -p /tmp/bsrc && ${BINDFS} /tmp/bsrc {mountpoint} && grep ' {mountpoint} ' /proc/mounts && ` +
        'until [ -e /tmp/bsrc/write-readback.dat ]; do sleep 0.1; done && umount -l {mountpoint}';
      const run = await runGate('bindfs-gone', '', { dir: serverDir, command }, [
        'write-readback',
        'mmap-write',
      ]);
      expect(run.result.code, tail(run.result)).toBe(125);
      expect(run.report.verdict).toBe('error');
      expect(run.report.reason).toMatch(
        /^the FUSE file system went away after workload\/(write-readback|mmap-write): \/mnt\/fg is no longer a FUSE mount \(the FUSE server's command (exited 0|is still running)\)/,
      );
      // The server's loop looks for the file every 0.1 s: the unmount lands during or just after
      // write-readback, so the check after it or after the next one finds the mount gone.
      expect([...run.byName.keys()][0]).toBe('write-readback');
      expect(qemuProcessesMentioning(run.out)).toEqual([]);
    },
    RUN_BOUND_MS + 20_000,
  );

  it(
    'mounted without direct I/O: every workload passes, verdict pass, exit 0',
    async () => {
      const run = await runGate('bindfs', '');
      expect(run.result.code, tail(run.result)).toBe(0);
      expect(run.report.verdict).toBe('pass');
      expectBindfsMount(run.serverLog);
      expect([...run.byName.keys()].sort()).toEqual([...WORKLOADS].sort());
      for (const name of WORKLOADS) expect(run.byName.get(name)?.status, name).toBe('pass');
      expect(qemuProcessesMentioning(run.out)).toEqual([]);
    },
    RUN_BOUND_MS + 20_000,
  );
});

/**
 * sshfs with the sftp side in the guest: sshfs runs ssh_command with ssh's arguments (-x -a ... host
 * -s sftp), which sftp-server would refuse, so the wrapper drops them. `prelude` runs first.
 */
const sshfsCommand = (sshfsOptions: string, prelude = '') =>
  `${prelude}mkdir -p /tmp/ssrc && printf '#!/bin/sh\\nexec /gate/fuse-server/run/sftp-server\\n' >/tmp/sftp && chmod +x /tmp/sftp && ` +
  `/gate/fuse-server/run/sshfs -o ssh_command=/tmp/sftp${sshfsOptions} localhost:/tmp/ssrc {mountpoint} && grep ' {mountpoint} ' /proc/mounts`;

describe('sshfs from Debian, with its sftp side in the guest (no network)', () => {
  beforeAll(async () => {
    sshfsDir = await stage(
      'sshfs',
      ['--also', 'openssh-sftp-server:sftp-server', 'sshfs', 'sshfs'],
      [
        'bin/sshfs',
        'bin/sftp-server',
        'run/sshfs',
        'run/sftp-server',
        'lib/libfuse3.so.4',
        'lib/libglib-2.0.so.0',
      ],
    );
  }, 260_000);

  it(
    '-o direct_io: writes pass; shared mmap is refused with ENODEV (no FUSE_DIRECT_IO_ALLOW_MMAP), verdict fail',
    async () => {
      // The last grep lists the process whose name is sshfs: run/sshfs started it as itself, through
      // the loader path it linked to the shipped loader (through the loader it would be ld-linux-x86-64).
      const command = `${sshfsCommand(',direct_io')} && grep -lx sshfs /proc/[0-9]*/comm`;
      const run = await runGate('sshfs-dio', '', { dir: sshfsDir, command });
      expect(run.result.code, tail(run.result)).toBe(1);
      expect(run.report.verdict).toBe('fail');
      // sshfs names the mount after its remote, with libfuse 3's type fuse.sshfs.
      expect(run.serverLog).toMatch(/^localhost:\/tmp\/ssrc \/mnt\/fg fuse\.sshfs \S+ 0 0$/m);
      expect(run.serverLog).toMatch(/^\/proc\/\d+\/comm$/m);
      expect(run.byName.get('write-readback')?.status).toBe('pass');
      for (const name of MMAP_WORKLOADS) {
        expect(run.byName.get(name), name).toMatchObject({
          status: 'fail',
          message: expect.stringContaining(`${name}: mmap failed: No such device (errno 19)`),
        });
      }
      expect(qemuProcessesMentioning(run.out)).toEqual([]);
    },
    RUN_BOUND_MS + 20_000,
  );

  it(
    'when its sftp side cannot start (no /etc/passwd), sshfs unmounts: error naming the lost mount, never a pass',
    async () => {
      const run = await runGate(
        'sshfs-lost',
        '',
        { dir: sshfsDir, command: sshfsCommand(',direct_io', 'rm -f /etc/passwd; ') },
        ['write-readback'],
      );
      expect(run.result.code, tail(run.result)).toBe(125);
      expect(run.report.verdict).toBe('error');
      // sshfs mounts, loses its connection and unmounts within moments: the mount wait either sees its
      // command exit 1 first, or sees the brief mount, and then the check before the first test finds
      // it gone. A race of the real thing; an error either way, never a pass.
      expect(run.report.reason).toMatch(
        /^(the FUSE file system went away (before the first test|after workload\/write-readback): \/mnt\/fg is no longer a FUSE mount \(the FUSE server's command exited 1\)|mounting the FUSE file system failed \(exit 1\): the FUSE server exited 1 before it mounted)/,
      );
      expect(run.report.fuseServer?.logTail).toContain('read: Connection reset by peer');
      expect(readFileSync(path.join(run.out, 'summary.md'), 'utf8')).toContain('### FUSE server');
      expect(qemuProcessesMentioning(run.out)).toEqual([]);
    },
    RUN_BOUND_MS + 20_000,
  );
});
