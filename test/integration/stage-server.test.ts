// scripts/stage-debian-fuse-server.sh as the docs call it (directly, by its run bit), for servers
// whose libraries include one from a package not named lib* (zlib1g holds libz.so.1). The apt
// lists and .debs come from a copy of the machine's stager cache, so other runs are not disturbed
// (and nothing is downloaded when the machine has staged these before).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess, tail, tempDir } from '../helpers/cli.js';
import { repoRoot } from '../helpers/gate.js';

const script = path.join(repoRoot, 'scripts', 'stage-debian-fuse-server.sh');
const machineCache = process.env.FUSEFS_GATE_CACHE ?? path.join(homedir(), '.cache', 'fusefs-gate');
let cache: string;

beforeAll(() => {
  cache = tempDir('stage-cache');
  const apt = path.join(machineCache, 'fuse-server-apt');
  if (existsSync(apt))
    cpSync(apt, path.join(cache, 'fuse-server-apt'), { recursive: true, preserveTimestamps: true });
});
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('staging a Debian FUSE server', () => {
  it('the script is committed with its run bit', () => {
    expect(statSync(script).mode & 0o111).toBe(0o111);
    expect(
      execFileSync('git', ['ls-files', '-s', 'scripts/stage-debian-fuse-server.sh'], {
        cwd: repoRoot,
        encoding: 'utf8',
      }),
    ).toMatch(/^100755 /);
  });

  it.each([
    ['socat', 'socat'],
    ['fuse-zip', 'fuse-zip'],
    ['archivemount', 'archivemount'],
  ])(
    '%s: every library found, libz.so.1 from zlib1g included',
    async (pkg, binary) => {
      const out = path.join(cache, `out-${pkg}`);
      const result = await runProcess(script, [pkg, binary, out], {
        timeoutMs: 580_000,
        env: { ...process.env, FUSEFS_GATE_CACHE: cache },
      });
      expect(result.code, tail(result)).toBe(0);
      expect(result.stderr).not.toMatch(/bad array subscript/);
      expect(result.stdout.trim().split('\n').at(-1)).toBe(out);
      for (const file of [`bin/${binary}`, 'lib/ld-linux-x86-64.so.2', 'lib/libc.so.6', 'lib/libz.so.1'])
        expect(existsSync(path.join(out, file)), file).toBe(true);
      expect(readFileSync(path.join(out, 'manifest.txt'), 'utf8')).toMatch(/^package zlib1g /m);
    },
    600_000,
  );

  it("--also stages a second program from another package (sshfs and OpenSSH's sftp-server, kept in usr/lib/openssh), each with a run/ wrapper that starts it with the shipped libraries", async () => {
    const out = path.join(cache, 'out-sshfs');
    const result = await runProcess(
      script,
      ['--also', 'openssh-sftp-server:sftp-server', 'sshfs', 'sshfs', out],
      {
        timeoutMs: 580_000,
        env: { ...process.env, FUSEFS_GATE_CACHE: cache },
      },
    );
    expect(result.code, tail(result)).toBe(0);
    for (const file of [
      'bin/sshfs',
      'bin/sftp-server',
      'run/sshfs',
      'run/sftp-server',
      'lib/libglib-2.0.so.0',
    ])
      expect(existsSync(path.join(out, file)), file).toBe(true);
    const manifest = readFileSync(path.join(out, 'manifest.txt'), 'utf8');
    expect(manifest).toMatch(/^package openssh-sftp-server /m);
    expect(manifest).toMatch(/^sha256 [0-9a-f]{64} {2}bin\/sftp-server$/m);
    // This machine has a loader of its own at /lib64: the wrappers go through the shipped one.
    const version = await runProcess(path.join(out, 'run', 'sshfs'), ['--version'], { timeoutMs: 60_000 });
    expect(version.stdout + version.stderr).toMatch(/SSHFS version 3\.7\.3/);
    const usage = await runProcess(path.join(out, 'run', 'sftp-server'), ['-h'], { timeoutMs: 60_000 });
    expect(usage.stderr).toMatch(/^usage: sftp-server /m);
  }, 600_000);

  it.each([
    [
      ['--also', 'openssh-sftp-server', 'sshfs', 'sshfs', 'x'],
      "--also 'openssh-sftp-server' is not PACKAGE:PROGRAM",
    ],
    [['--also'], '--also needs PACKAGE:PROGRAM'],
    [['--with', 'a:b', 'sshfs', 'sshfs', 'x'], "unknown option '--with'"],
  ])('bad arguments %j: exit 64 naming them, before anything is fetched', async (args, message) => {
    const result = await runProcess(script, args, {
      timeoutMs: 60_000,
      env: { ...process.env, FUSEFS_GATE_CACHE: cache },
    });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(`stage-debian-fuse-server: ${message}`);
  });

  it("a package that does not exist is named in the script's own message", async () => {
    const result = await runProcess(script, ['no-such-package-fg', 'x', path.join(cache, 'out-none')], {
      timeoutMs: 580_000,
      env: { ...process.env, FUSEFS_GATE_CACHE: cache },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /stage-debian-fuse-server: Debian trixie has no package 'no-such-package-fg'/,
    );
  }, 600_000);
});
