// Faults of the host, injected into real runs on the Linux test guest: QEMU killed by a signal
// during the boot and during a workload, the output folder filling up mid-run, and a host that
// lacks what the run needs (QEMU on PATH, the memory asked for, a writable cache, a TMPDIR). Each is
// the gate's `error` (or bad input, exit 64) with a message that names what happened, never a pass
// or a hang, and no QEMU is left.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGate } from '../../src/gate/run.js';
import { stopAll } from '../../src/vm/registry.js';
import {
  cliPath,
  linuxConfig,
  livingVms,
  qemuProcessesMentioning,
  recordingIO,
  repoRoot,
  spawnCli,
  tempDir,
} from '../helpers/gate.js';

const BOOT_ALLOWANCE_MS = 60_000;
const TEST_START = /@@fg:\w+:test:t\d+:start@@/;

afterAll(async () => {
  await stopAll();
});

/** No internal error, no stack trace: what a user reads is the gate's own sentence. */
function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/fusefs-gate: internal error|^\s+at \S+ \(/m);
}

describe('QEMU killed by a signal', () => {
  it(
    'SIGABRT during the boot: error at once naming the signal and the boot, not retried into a pass',
    async () => {
      const pids: number[] = [];
      let killedAt = 0;
      const io = recordingIO((line) => {
        // The kernel is printing: its QEMU aborts (as a QEMU assertion does).
        if (pids.length === 1 && !killedAt && /Linux version/.test(line)) {
          killedAt = Date.now();
          process.kill(pids[0]!, 'SIGABRT');
        }
      });
      io.onVm = (vm) => pids.push(vm.pid);
      const report = await runGate(linuxConfig({ timeout: '20', workloads: 'mmap-write' }), io);
      expect(killedAt).toBeGreaterThan(0);
      expect(pids).toHaveLength(1);
      expect(report.bootAttempts).toBe(1);
      expect(report.verdict).toBe('error');
      expect(report.exitCode).toBe(125);
      expect(report.reason).toMatch(
        new RegExp(
          `^QEMU exited during boot: the guest console closed \\(QEMU \\(pid ${pids[0]}\\) was killed by SIGABRT\\) while waiting for a root shell prompt`,
        ),
      );
      expect(report.tests).toEqual([]);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 30_000,
  );

  it(
    'SIGSEGV during a workload: error naming the signal and the phase, the test marked error with it',
    async () => {
      let pid = 0;
      const io = recordingIO((line) => {
        if (pid && TEST_START.test(line)) {
          process.kill(pid, 'SIGSEGV');
          pid = -pid;
        }
      });
      io.onVm = (vm) => (pid = vm.pid);
      const report = await runGate(linuxConfig({ timeout: '20', workloads: 'mmap-write' }), io);
      const killed = -pid;
      expect(killed).toBeGreaterThan(0);
      expect(report.verdict).toBe('error');
      expect(report.exitCode).toBe(125);
      expect(report.reason).toMatch(
        new RegExp(
          `^QEMU exited during tests: the guest console closed \\(QEMU \\(pid ${killed}\\) was killed by SIGSEGV\\) while waiting for the end or the deadline of workload/mmap-write`,
        ),
      );
      expect(report.tests).toEqual([
        expect.objectContaining({
          name: 'workload/mmap-write',
          status: 'error',
          message: `QEMU (pid ${killed}) was killed by SIGSEGV, during this test`,
        }),
      ]);
      expect(livingVms()).toEqual([]);
    },
    BOOT_ALLOWANCE_MS + 30_000,
  );
});

describe.skipIf(process.getuid?.() !== 0)('the output folder fills up during the run', () => {
  it('a 12 MiB tmpfs filled once the tests run: serial log warned, results disk named at once (QEMU paused, no 60 s wait), verdict error on stdout, no stack trace', async () => {
    const mountpoint = tempDir('filling-out');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12m', 'tmpfs', mountpoint]);
    try {
      const out = path.join(mountpoint, 'out');
      const run = spawnCli(
        [
          'run',
          '--guest',
          'linux',
          '--workloads',
          'write-readback,mmap-write',
          '--timeout',
          '30',
          '--out',
          out,
        ],
        150_000,
      );
      let filled = false;
      run.child.stderr!.on('data', () => {
        if (filled || !TEST_START.test(run.stderr)) return;
        filled = true;
        // Fill what is left of the file system, as another job's files would.
        const fd = openSync(path.join(mountpoint, 'filler'), 'w');
        const chunk = Buffer.alloc(64 * 1024);
        try {
          for (;;) writeSync(fd, chunk);
        } catch (error) {
          expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
        } finally {
          closeSync(fd);
        }
      });
      const result = await run.done;
      expect(filled).toBe(true);
      expect(result.code, result.stderr.slice(-3000)).toBe(125);
      expect(result.stdout).toMatch(
        new RegExp(
          `^verdict: error \\(exit 125\\): could not write the evidence in ${out}: .* not written, the file system is full: .*; the run itself had decided pass`,
          'm',
        ),
      );
      // The serial log cut short is listed with the files that could not be written.
      expect(result.stdout).toMatch(/: the end of serial\.log \([\d.]+ (B|KiB|MiB)\), /);
      expect(result.stdout).toMatch(/^report: none written \(the verdict line says why\)$/m);
      expect(result.stderr).toMatch(
        new RegExp(`^warning: serial log ${out}/serial\\.log is incomplete: ENOSPC`, 'm'),
      );
      // The guest's write of its results disk hit the full file system: QEMU paused the guest, and
      // the run said so at once instead of waiting out the packing command's 60 s.
      expect(result.stderr).toMatch(
        new RegExp(
          `^warning: collecting results: the host could not write the guest disk ${out}/\\.work/results\\.img: No space left on device \\(the file system holding it is full\\); QEMU paused the guest$`,
          'm',
        ),
      );
      expect(result.stderr).toMatch(/^fusefs-gate: collect failed/m);
      expectNoStackTrace(result.stdout + result.stderr);
      expect(qemuProcessesMentioning(out)).toEqual([]);
    } finally {
      execFileSync('umount', [mountpoint]);
    }
  }, 160_000);
});

describe.skipIf(process.getuid?.() !== 0)('the cache folder on a full disk', () => {
  it('the first cache lock fails: error naming the lock, ENOSPC and what to do, not a raw symlink error', async () => {
    const cache = tempDir('full-cache');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', cache]);
    try {
      const fd = openSync(path.join(cache, 'filler'), 'w');
      const chunk = Buffer.alloc(4096);
      try {
        for (;;) writeSync(fd, chunk);
      } catch {
        // full
      } finally {
        closeSync(fd);
      }
      const out = tempDir('full-cache-out');
      const result = await spawnCli(['run', '--guest', 'linux', '--cache-dir', cache, '--out', out], 60_000)
        .done;
      expect(result.code, result.stderr.slice(-2000)).toBe(125);
      expect(result.stdout).toMatch(
        new RegExp(
          `^verdict: error \\(exit 125\\): image: cannot take the cache lock ${cache}/linux-guest\\.lock: ENOSPC \\(the file system holding the cache is full: free space there or give another cache-dir\\)$`,
          'm',
        ),
      );
      expectNoStackTrace(result.stdout + result.stderr);
    } finally {
      execFileSync('umount', [cache]);
    }
  });
});

/** A PATH with every command of this one except QEMU's system emulators. */
function pathWithoutQemu(): string {
  const bin = tempDir('no-qemu-bin');
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.startsWith('qemu-system-')) continue;
      try {
        symlinkSync(path.join(dir, name), path.join(bin, name));
      } catch {
        // an earlier PATH entry had it
      }
    }
  }
  return bin;
}

describe('a host that lacks what the run needs', () => {
  it('no qemu-system-x86_64 on PATH: error naming the package to install, exit 125', async () => {
    const out = tempDir('no-qemu');
    const result = await spawnCli(['run', '--guest', 'linux', '--out', out], 60_000, {
      ...process.env,
      PATH: pathWithoutQemu(),
    }).done;
    expect(result.code, result.stderr.slice(-2000)).toBe(125);
    expect(result.stdout).toMatch(
      /^verdict: error \(exit 125\): boot: qemu-system-x86_64 not found on PATH: install qemu-system-x86 /m,
    );
    expectNoStackTrace(result.stdout + result.stderr);
  });

  it("a QEMU that refuses an option (a stand-in for an old QEMU): error with QEMU's words, its version and the tested one", async () => {
    // A stand-in, named so: it answers --version as QEMU 2.11 did and refuses -blockdev, which
    // QEMU 2.11 had not stabilised; anything else goes to the real QEMU.
    const bin = tempDir('old-qemu-stand-in');
    const real = execFileSync('sh', ['-c', 'command -v qemu-system-x86_64'], { encoding: 'utf8' }).trim();
    writeFileSync(
      path.join(bin, 'qemu-system-x86_64'),
      `#!/bin/sh
case "$*" in *--version*) echo "QEMU emulator version 2.11.1 (stand-in)"; exit 0;; esac
case "$*" in *-blockdev*) echo "qemu-system-x86_64: -blockdev: invalid option" >&2; exit 1;; esac
exec ${real} "$@"
`,
      { mode: 0o755 },
    );
    const out = tempDir('old-qemu');
    const result = await spawnCli(['run', '--guest', 'linux', '--out', out], 60_000, {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
    }).done;
    expect(result.code, result.stderr.slice(-2000)).toBe(125);
    expect(result.stdout).toMatch(
      /^verdict: error \(exit 125\): boot: QEMU did not start: qemu-system-x86_64: -blockdev: invalid option \(.*\) \[qemu-system-x86_64 is QEMU emulator version 2\.11\.1 \(stand-in\); the gate is tested with QEMU 7\.2\]$/m,
    );
    expect(qemuProcessesMentioning(out)).toEqual([]);
  });

  it('--memory more than QEMU can map: error naming the memory input and what is available, exit 125', async () => {
    // The real QEMU under an address-space limit (ulimit -v, 4 GiB), so that its 8 GiB of guest RAM
    // cannot be mapped on any host, whatever its memory and its overcommit policy (a host without
    // the memory asked for fails the same mmap: QEMU says "cannot set up guest memory").
    const bin = tempDir('limited-qemu');
    const real = execFileSync('sh', ['-c', 'command -v qemu-system-x86_64'], { encoding: 'utf8' }).trim();
    writeFileSync(path.join(bin, 'qemu-system-x86_64'), `#!/bin/sh\nulimit -v 4194304\nexec ${real} "$@"\n`, {
      mode: 0o755,
    });
    const out = tempDir('huge-memory');
    const result = await spawnCli(['run', '--guest', 'linux', '--memory', '8192', '--out', out], 60_000, {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
    }).done;
    expect(result.code, result.stderr.slice(-2000)).toBe(125);
    expect(result.stdout).toMatch(
      /^verdict: error \(exit 125\): boot: the guest's memory \(the memory input, 8192 MiB\) is more than this host could give QEMU \(\d+ MiB available now\): lower memory\. QEMU did not start: .*cannot set up guest memory/m,
    );
    expect(qemuProcessesMentioning(out)).toEqual([]);
  });

  it('a file size limit (ulimit -f) below the results disk: error naming the disk, EFBIG and the limit, exit 125', async () => {
    const out = tempDir('fsize');
    // 250 MiB: room for the guest's build script, not for the 256 MiB (sparse) results disk.
    const child = spawn(
      'bash',
      [
        '-c',
        'ulimit -f 256000 && exec "$@"',
        'bash',
        process.execPath,
        cliPath,
        'run',
        '--guest',
        'linux',
        '--out',
        out,
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve)).finally(() =>
      clearTimeout(timer),
    );
    expect(code, stderr.slice(-2000)).toBe(125);
    expect(stdout).toMatch(
      new RegExp(
        `^verdict: error \\(exit 125\\): boot: cannot write the 256 MiB results disk ${out}/\\.work/results\\.img: EFBIG \\(larger than this process may write: its file size limit, ulimit -f, is 256000 KiB\\)$`,
        'm',
      ),
    );
    expectNoStackTrace(stdout + stderr);
    expect(qemuProcessesMentioning(out)).toEqual([]);
  }, 130_000);

  it('a --cache-dir that cannot be written and a TMPDIR that does not exist are bad input (exit 64), naming them', async () => {
    const plainFile = path.join(tempDir('plain'), 'not-a-folder');
    writeFileSync(plainFile, '');
    const cache = await spawnCli(
      [
        'run',
        '--guest',
        'linux',
        '--cache-dir',
        path.join(plainFile, 'cache'),
        '--out',
        tempDir('bad-cache'),
      ],
      30_000,
    ).done;
    expect(cache.code).toBe(64);
    expect(cache.stderr).toMatch(
      /^fusefs-gate: invalid input '--cache-dir': ".*not-a-folder\/cache" cannot be written: ENOTDIR$/m,
    );
    const missing = path.join(tempDir('tmp'), 'gone');
    const tmp = await spawnCli(['run', '--guest', 'linux', '--out', tempDir('bad-tmp')], 30_000, {
      ...process.env,
      TMPDIR: missing,
    }).done;
    expect(tmp.code).toBe(64);
    expect(tmp.stderr).toMatch(
      new RegExp(
        `^fusefs-gate: invalid input 'TMPDIR': "${missing}" cannot hold temporary files: ENOENT`,
        'm',
      ),
    );
    for (const result of [cache, tmp]) {
      expect(result.stderr.match(/^fusefs-gate: /gm)?.length).toBe(1);
      expectNoStackTrace(result.stderr);
    }
  });
});
