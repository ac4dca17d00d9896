// The FreeBSD path of the gate up to the boot, for real where it can run here: the image stage with
// a local image and its SHA-512, the qcow2 overlay per boot attempt, the tree on the payload disk,
// QEMU booting the disk. The "image" is a boot sector that prints a line and halts (no FreeBSD can
// be downloaded here), so the boot never reaches a login: `error` after one retry, never a pass.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { runGate } from '../../src/gate/run.js';
import { readTarDisk } from '../../src/payload/tar-disk.js';
import { bootSectorImage } from '../../src/vm/boot-sector.js';
import { stopAll } from '../../src/vm/registry.js';
import { runCli, tail } from '../helpers/cli.js';
import { livingVms, recordingIO, repoRoot, tempDir } from '../helpers/gate.js';

afterAll(async () => {
  await stopAll();
});

/** The smallest tree the config accepts for a module build with the workloads. */
function minimalTree(): string {
  const tree = path.join(tempDir('tree'), 'freebsd src');
  for (const dir of ['sys/fs/fuse', 'sys/sys', 'sys/conf', 'sys/modules/fusefs', 'share/mk'])
    mkdirSync(path.join(tree, dir), { recursive: true });
  writeFileSync(path.join(tree, 'sys/sys/param.h'), '#define __FreeBSD_version 1403000\n');
  writeFileSync(
    path.join(tree, 'sys/conf/newvers.sh'),
    'TYPE="FreeBSD"\nREVISION="14.3"\nBRANCH="RELEASE-p5"\n',
  );
  writeFileSync(path.join(tree, 'sys/modules/fusefs/Makefile'), 'KMOD= fusefs\n');
  return tree;
}

function freebsdConfig(image: string, sha512: string) {
  return parseConfig(
    {
      guest: 'freebsd',
      'source-tree': minimalTree(),
      build: 'module',
      tests: 'workloads',
      image,
      'image-sha512': sha512,
      'boot-timeout': '4',
      'output-dir': tempDir('fbsd-out'),
      'cache-dir': tempDir('fbsd-cache'),
      'upload-artifact': 'false',
    },
    { cwd: repoRoot, env: {} },
  );
}

describe('the FreeBSD path up to the boot', () => {
  const image = path.join(tempDir('image'), 'not-freebsd.raw');
  writeFileSync(image, bootSectorImage('fusefs-gate test disk: no FreeBSD here\n'));
  const sha512 = createHash('sha512').update(readFileSync(image)).digest('hex');

  it('an image whose SHA-512 does not match is error before any boot, naming both sums', async () => {
    const wrong = 'f'.repeat(128);
    const report = await runGate(freebsdConfig(image, wrong), recordingIO());
    expect(report.verdict).toBe('error');
    expect(report.exitCode).toBe(125);
    expect(report.reason).toContain(wrong);
    expect(report.reason).toContain(sha512);
    expect(report.bootAttempts).toBe(0);
    expect(livingVms()).toEqual([]);
  }, 60_000);

  it('a verified image that never reaches a login is error after one retry from a fresh overlay', async () => {
    const config = freebsdConfig(image, sha512);
    const report = await runGate(config, recordingIO());
    expect(report.verdict).toBe('error');
    expect(report.exitCode).toBe(125);
    expect(report.bootAttempts).toBe(2);
    expect(report.reason).toMatch(/^boot did not reach a shell in 4 s \(2 attempts\)/);
    expect(report.image).toMatchObject({ sha512 });
    // The guest really ran: its line is in the serial log, once per attempt.
    expect(
      readFileSync(report.files.serialLog!, 'latin1').match(/^fusefs-gate test disk: no FreeBSD here/gm),
    ).toHaveLength(2);
    // Each attempt booted its own overlay over the cached image, never the image itself.
    const work = path.join(config.outDir, '.work');
    for (const attempt of [1, 2]) {
      const info = JSON.parse(
        execFileSync('qemu-img', [
          'info',
          '--output=json',
          path.join(work, `overlay-${attempt}.qcow2`),
        ]).toString(),
      ) as Record<string, string>;
      expect(info['backing-filename']).toBe(report.image!.path);
    }
    // The payload disk carries the tree (its path has a space) and the guest programs' sources.
    const unpacked = tempDir('payload');
    const entries = (await readTarDisk(path.join(work, 'payload.tar'), unpacked)).map((e) => e.path);
    expect(entries).toEqual(
      expect.arrayContaining([
        'src/sys/conf/newvers.sh',
        'src/sys/modules/fusefs/Makefile',
        'guest/fuse_fixture.c',
        'guest/watchdog.sh',
      ]),
    );
    expect(livingVms()).toEqual([]);
  }, 60_000);
});

describe('a sparse checkout that would need a kernel build', () => {
  /** A releng/14.4 head with an erratum bump (1404001) over the 14.4-RELEASE image (1404000), checked out as actions/checkout's sparse-checkout does. */
  function sparseErratumTree(): string {
    const root = tempDir('sparse');
    const origin = path.join(root, 'origin');
    const files: Record<string, string> = {
      'Makefile.inc1': '# top files come with cone mode\n',
      'sys/conf/newvers.sh': 'TYPE="FreeBSD"\nREVISION="14.4"\nBRANCH="RELEASE-p4"\n',
      'sys/sys/param.h': '#define __FreeBSD_version 1404001\n',
      'sys/fs/fuse/fuse_vnops.c': '\n',
      'sys/modules/fusefs/Makefile': 'KMOD= fusefs\n',
      'share/mk/bsd.prog.mk': '\n',
      'tests/sys/fs/fusefs/Makefile': '\n',
      'tests/freebsd_test_suite/macros.h': '\n',
      'sbin/mount/getmntopts.c': '\n',
      'lib/libnv/Makefile': '\n',
      'usr.sbin/config/Makefile': '\n',
    };
    for (const [rel, body] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(origin, rel)), { recursive: true });
      writeFileSync(path.join(origin, rel), body);
    }
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], { cwd });
    git(origin, 'init', '-q');
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'releng/14.4');
    git(root, 'clone', '-q', '--sparse', origin, 'tree');
    git(
      path.join(root, 'tree'),
      'sparse-checkout',
      'set',
      '--cone',
      'sys',
      'share/mk',
      'tests/sys/fs/fusefs',
      'tests/freebsd_test_suite',
      'sbin/mount',
    );
    return path.join(root, 'tree');
  }

  it('the CLI refuses it before any download or QEMU: exit 64, one message saying what to change', async () => {
    const cache = tempDir('sparse-cache');
    const out = tempDir('sparse-out');
    const result = await runCli(
      ['run', '--guest', 'freebsd', '--source-tree', sparseErratumTree(), '--cache-dir', cache, '--out', out],
      { timeoutMs: 60_000 },
    );
    expect(result.code, tail(result)).toBe(64);
    expect(result.stderr).toMatch(
      /invalid input '--source-tree': build: auto needs a kernel build here: the tree's __FreeBSD_version is 1404001 .*above 14\.4-RELEASE's kern\.osreldate 1404000/,
    );
    expect(result.stderr).toMatch(/It is a sparse checkout/);
    expect(result.stderr).toMatch(/Change the workflow: check out the whole tree \(drop `sparse-checkout:`/);
    // Nothing was fetched or booted: the cache folder is as it was made, and no QEMU ran.
    expect(readdirSync(cache)).toEqual([]);
    expect(livingVms()).toEqual([]);
  }, 90_000);
});
