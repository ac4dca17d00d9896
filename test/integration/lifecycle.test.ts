// Nothing left running, nothing lost: QEMU dies with a SIGKILLed CLI, a new run ends a QEMU an
// earlier run recorded, and a full output disk is a clear `error`. The CLI is the bundled one
// (npm run bundle), its guest built in a temporary cache (the kernel .deb copied from the
// machine's cache) so other runs on the machine are not disturbed.
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
} from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processStartTicks, writePidfile } from '../../src/vm/pidfile.js';
import { waitForExit } from '../../src/vm/process.js';
import { qemuProcessesMentioning, readReport, spawnCli, tempDir } from '../helpers/gate.js';

const machineDebs = path.join(
  process.env.FUSEFS_GATE_CACHE ?? path.join(homedir(), '.cache', 'fusefs-gate'),
  'linux-guest',
  'debs',
);
let cache: string;

beforeAll(() => {
  cache = tempDir('lifecycle-cache');
  const debs = path.join(cache, 'linux-guest', 'debs');
  mkdirSync(debs, { recursive: true });
  for (const name of readdirSync(machineDebs).filter((n) => n.endsWith('.deb')))
    copyFileSync(path.join(machineDebs, name), path.join(debs, name));
});
afterAll(() => rmSync(cache, { recursive: true, force: true }));

/** True while `pid` runs (a zombie that init has not reaped yet does not count). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('QEMU never outlives the run', () => {
  it('SIGKILL of the CLI during the tests leaves no QEMU alive 5 s later', async () => {
    const out = tempDir('sigkill');
    const run = spawnCli(
      [
        'run',
        '--guest',
        'linux',
        '--workloads',
        'mmap-write',
        '--fault',
        'stall=write',
        '--timeout',
        '120',
        '--cache-dir',
        cache,
        '--out',
        out,
      ],
      400_000,
    );
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (/@@fg:\w+:test:t\d+:start@@/.test(run.stderr)) resolve();
      };
      run.child.stderr!.on('data', check);
      run.child.on('close', () =>
        reject(new Error(`the CLI ended before the test started:\n${run.stderr.slice(-2000)}`)),
      );
    });
    const record = JSON.parse(readFileSync(path.join(out, '.work', 'qemu1.pid.json'), 'utf8')) as {
      pid: number;
    };
    expect(running(record.pid)).toBe(true);
    run.child.kill('SIGKILL');
    await run.done;
    await sleep(5_000);
    expect(running(record.pid)).toBe(false);
    expect(qemuProcessesMentioning(out)).toEqual([]);
  }, 420_000);

  it('a new run with the same --out ends the QEMU an earlier run recorded before deleting its records', async () => {
    const out = tempDir('stale');
    const work = path.join(out, '.work');
    mkdirSync(path.join(work, 'vm1'), { recursive: true });
    const socket = path.join(work, 'vm1', 'console.sock');
    // An earlier run's QEMU that nothing ties to a parent (as one started before setpriv was used).
    const stale = spawn(
      'qemu-system-x86_64',
      [
        '-nodefaults',
        '-display',
        'none',
        '-machine',
        'none',
        '-S',
        '-chardev',
        `socket,id=con0,path=${socket},server=on,wait=off`,
      ],
      {
        stdio: 'ignore',
        detached: true,
      },
    );
    try {
      for (let i = 0; i < 200 && !existsSync(socket); i++) await sleep(25);
      expect(running(stale.pid!)).toBe(true);
      await writePidfile(path.join(work, 'qemu1.pid.json'), {
        pid: stale.pid!,
        startedAt: new Date().toISOString(),
        cmdlineHint: `path=${socket}`,
        startTicks: processStartTicks(stale.pid!)!,
      });
      const result = await spawnCli(
        [
          'run',
          '--guest',
          'linux',
          '--workloads',
          'write-readback',
          '--timeout',
          '60',
          '--cache-dir',
          cache,
          '--out',
          out,
        ],
        400_000,
      ).done;
      expect(result.stderr).toContain(`an earlier run's QEMU: QEMU pid ${stale.pid} ended with SIGTERM`);
      // QEMU catches SIGTERM and exits ("terminating on signal 15"); what counts is that it has exited.
      expect(await waitForExit(stale, 5_000)).toBeDefined();
      expect(running(stale.pid!)).toBe(false);
      expect(result.code).toBe(0);
      expect(readReport(out).verdict).toBe('pass');
      expect(qemuProcessesMentioning(out)).toEqual([]);
    } finally {
      stale.kill('SIGKILL');
    }
  }, 420_000);
});

describe('a damaged cache', () => {
  it('a truncated cached initramfs: the run says "cache damaged, rebuilt" and boots the rebuilt guest', async () => {
    // Make sure the guest is built in this cache, then damage it.
    const first = await spawnCli(
      [
        'run',
        '--guest',
        'linux',
        '--workloads',
        'write-readback',
        '--timeout',
        '60',
        '--cache-dir',
        cache,
        '--out',
        tempDir('cache-ok'),
      ],
      400_000,
    ).done;
    expect(first.code).toBe(0);
    const initrd = path.join(cache, 'linux-guest', 'current', 'initramfs.cpio.gz');
    truncateSync(initrd, Math.floor(statSync(initrd).size / 2));
    const out = tempDir('cache-damaged');
    const result = await spawnCli(
      [
        'run',
        '--guest',
        'linux',
        '--workloads',
        'write-readback',
        '--timeout',
        '60',
        '--cache-dir',
        cache,
        '--out',
        out,
      ],
      400_000,
    ).done;
    expect(result.stderr).toMatch(
      /warning: Linux test guest: cache damaged, rebuilt: initramfs\.cpio\.gz has SHA-256/,
    );
    expect(result.code).toBe(0);
    expect(readReport(out)).toMatchObject({
      verdict: 'pass',
      image: { why: expect.stringMatching(/cache damaged, rebuilt/) },
    });
  }, 820_000);
});

describe.skipIf(process.getuid?.() !== 0)('a full output disk', () => {
  it('--out on a 64 KiB tmpfs: a clear error naming the folder and the space, verdict on stdout, no stack trace', async () => {
    const mountpoint = tempDir('tiny-out');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountpoint]);
    try {
      const out = path.join(mountpoint, 'out');
      const result = await spawnCli(
        [
          'run',
          '--guest',
          'linux',
          '--workloads',
          'write-readback',
          '--timeout',
          '10',
          '--cache-dir',
          cache,
          '--out',
          out,
        ],
        120_000,
      ).done;
      expect(result.code).toBe(125);
      expect(result.stdout).toMatch(
        new RegExp(
          `^verdict: error \\(exit 125\\): .*not enough free space in the output folder ${out}: [\\d.]+ KiB free, a run needs at least 8\\.0 MiB \\([\\d.]+ MiB missing\\)`,
          'm',
        ),
      );
      expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
      expect(readReport(out)).toMatchObject({ verdict: 'error', exitCode: 125 });
      expect(qemuProcessesMentioning(out)).toEqual([]);
    } finally {
      execFileSync('umount', [mountpoint]);
    }
  }, 150_000);
});
