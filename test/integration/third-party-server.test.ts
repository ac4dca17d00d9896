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

beforeAll(async () => {
  serverDir = path.join(tempDir('bindfs'), 'server');
  const staged = await runProcess(
    'bash',
    ['scripts/stage-debian-fuse-server.sh', 'bindfs', 'bindfs', serverDir],
    {
      timeoutMs: 240_000,
      env: { ...process.env, FUSEFS_GATE_DEBIAN_SUITE: SUITE },
    },
  );
  if (staged.code !== 0) throw new Error(`staging bindfs from Debian ${SUITE} failed:\n${tail(staged)}`);
  for (const file of ['bin/bindfs', 'lib/ld-linux-x86-64.so.2', 'lib/libc.so.6', 'lib/libfuse.so.2']) {
    if (!existsSync(path.join(serverDir, file)))
      throw new Error(`staged bindfs lacks ${file}:\n${tail(staged)}`);
  }
}, 260_000);

async function runGate(label: string, bindfsOptions: string) {
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
      WORKLOADS.join(','),
      '--fuse-server-source',
      serverDir,
      '--fuse-server',
      serverCommand(bindfsOptions),
    ],
    { timeoutMs: RUN_BOUND_MS },
  );
  const reportPath = path.join(out, 'report.json');
  if (!existsSync(reportPath)) throw new Error(`no report.json in ${out}:\n${tail(result)}`);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    verdict: string;
    exitCode: number;
    tests: TestEntry[];
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
