// A third-party server that daemonizes: mergerfs from Debian (trixie's 2.40.2), staged with
// scripts/stage-debian-fuse-server.sh, mounted with --fuse-server as docs/fuse-servers.md shows. Its
// parent exits once the mount is up while the child serves; the console shell once died of that
// about every second run on a busy runner ("QEMU exited during tests"; here 1 run in 5 with the five
// workloads before the fix). The server now runs detached from the console shell, so every run must
// give the honest verdict.
//
// With cache.files=off mergerfs opens files with direct I/O and does not negotiate
// FUSE_DIRECT_IO_ALLOW_MMAP, so Linux (fs/fuse/file.c, fuse_file_mmap, since 6.6) refuses the shared
// mmap with ENODEV: write-readback passes, the four mmap workloads fail, verdict fail. minfreespace must be below
// the guest's free tmpfs space, or mergerfs refuses to create files (LINUX-GUEST-NOTES).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qemuProcessesMentioning, runCli, runProcess, tail, tempDir } from '../helpers/cli.js';

const SUITE = 'trixie';
const RUNS = 10;
const MMAP_WORKLOADS = ['mmap-write', 'mmap-msync', 'truncate-mmap', 'mmap-while-write'];
const MERGERFS =
  '/gate/fuse-server/lib/ld-linux-x86-64.so.2 --library-path /gate/fuse-server/lib /gate/fuse-server/bin/mergerfs';
const SERVER = `mkdir -p /tmp/m1 && ${MERGERFS} -o cache.files=off,minfreespace=1M /tmp/m1 {mountpoint} && grep ' {mountpoint} ' /proc/mounts`;
/** One run of the gate under TCG takes about a minute here; boots are slower on a busy machine. */
const RUN_BOUND_MS = 180_000;

let serverDir = '';

beforeAll(async () => {
  serverDir = path.join(tempDir('mergerfs'), 'server');
  const staged = await runProcess(
    'bash',
    ['scripts/stage-debian-fuse-server.sh', 'mergerfs', 'mergerfs', serverDir],
    {
      timeoutMs: 240_000,
      env: { ...process.env, FUSEFS_GATE_DEBIAN_SUITE: SUITE },
    },
  );
  if (staged.code !== 0) throw new Error(`staging mergerfs from Debian ${SUITE} failed:\n${tail(staged)}`);
  for (const file of ['bin/mergerfs', 'lib/ld-linux-x86-64.so.2', 'lib/libc.so.6']) {
    if (!existsSync(path.join(serverDir, file)))
      throw new Error(`staged mergerfs lacks ${file}:\n${tail(staged)}`);
  }
}, 260_000);

describe('a daemonizing third-party FUSE server (mergerfs)', () => {
  it(
    `gives its honest verdict (fail: direct I/O refuses the shared mmap) in ${RUNS} runs out of ${RUNS}`,
    async () => {
      const outcomes: string[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const out = tempDir(`mergerfs${run}`);
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
            '--fuse-server-source',
            serverDir,
            '--fuse-server',
            SERVER,
          ],
          { timeoutMs: RUN_BOUND_MS },
        );
        const reportPath = path.join(out, 'report.json');
        const report = existsSync(reportPath)
          ? (JSON.parse(readFileSync(reportPath, 'utf8')) as {
              verdict: string;
              reason: string;
              tests: { name: string; status: string; message?: string }[];
              fuseServer?: { mountTable: string };
            })
          : undefined;
        const byName = new Map(report?.tests.map((t) => [t.name, t]) ?? []);
        const honest =
          result.code === 1 &&
          report?.verdict === 'fail' &&
          byName.get('workload/write-readback')?.status === 'pass' &&
          MMAP_WORKLOADS.every((name) =>
            new RegExp(`${name}: mmap failed: No such device \\(errno 19\\)`).test(
              byName.get(`workload/${name}`)?.message ?? '',
            ),
          ) &&
          /^\/tmp\/m1 \/mnt\/fg fuse\.mergerfs /m.test(report.fuseServer?.mountTable ?? '');
        outcomes.push(
          honest
            ? `run ${run}: honest`
            : `run ${run}: exit ${result.code}, ${report?.verdict ?? 'no report'}: ${report?.reason ?? tail(result, 10)}`,
        );
        expect(qemuProcessesMentioning(out)).toEqual([]);
      }
      expect(outcomes).toEqual(Array.from({ length: RUNS }, (_, index) => `run ${index + 1}: honest`));
    },
    RUNS * (RUN_BOUND_MS + 10_000),
  );
});
