import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installHint, installQemu, missingQemu, type HostRunner } from '../../../src/action/host-deps.js';

/** A folder standing in for PATH, with empty executables named `names`. */
function fakePath(...names: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fg-path-'));
  for (const name of names) addExecutable(dir, name);
  return dir;
}

function addExecutable(dir: string, name: string): void {
  writeFileSync(path.join(dir, name), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(dir, name), 0o755);
}

/** A fake apt: records each call; `install` puts the binaries on the fake PATH unless told to fail. */
function fakeAptRunner(dir: string, failures: { install?: number; update?: boolean } = {}) {
  const calls: string[][] = [];
  let installFailures = failures.install ?? 0;
  const run: HostRunner = async (command, args) => {
    calls.push([command, ...args]);
    if (args.includes('update')) return failures.update ? 100 : 0;
    if (installFailures > 0) {
      installFailures--;
      return 100;
    }
    addExecutable(dir, 'qemu-system-x86_64');
    addExecutable(dir, 'qemu-img');
    return 0;
  };
  return { run, calls };
}

describe('QEMU on the host', () => {
  it('finds what is missing and names the packages to install', () => {
    const dir = fakePath('qemu-img');
    expect(missingQemu(dir)).toEqual([{ command: 'qemu-system-x86_64', pkg: 'qemu-system-x86' }]);
    expect(missingQemu(fakePath('qemu-img', 'qemu-system-x86_64'))).toEqual([]);
    expect(installHint(missingQemu(fakePath()))).toMatch(
      /install qemu-system-x86 qemu-utils .*apt-get install --no-install-recommends qemu-system-x86 qemu-utils/,
    );
  });

  it('installs only the missing packages through sudo -n, quietly, without recommends', async () => {
    const dir = fakePath('apt-get', 'sudo');
    const apt = fakeAptRunner(dir);
    const outcome = await installQemu(missingQemu(dir), {
      run: apt.run,
      isRoot: false,
      searchPath: dir,
      log: () => {},
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toMatch(/^installed qemu-system-x86 qemu-utils in \d+(\.\d)? s$/);
    expect(apt.calls).toEqual([
      [
        'sudo',
        '-n',
        'env',
        'DEBIAN_FRONTEND=noninteractive',
        'apt-get',
        '-qq',
        '-o',
        'Dpkg::Use-Pty=0',
        'install',
        '-y',
        '--no-install-recommends',
        'qemu-system-x86',
        'qemu-utils',
      ],
    ]);
  });

  it('as root runs apt-get directly; refreshes stale package lists once when the install fails', async () => {
    const dir = fakePath('apt-get', 'qemu-img');
    const apt = fakeAptRunner(dir, { install: 1 });
    const outcome = await installQemu(missingQemu(dir), {
      run: apt.run,
      isRoot: true,
      searchPath: dir,
      log: () => {},
    });
    expect(outcome.ok).toBe(true);
    expect(
      apt.calls.map((c) => c.filter((a) => !a.startsWith('-') && a !== 'Dpkg::Use-Pty=0').join(' ')),
    ).toEqual(['apt-get install qemu-system-x86', 'apt-get update', 'apt-get install qemu-system-x86']);
  });

  it('says what to install when it cannot: no apt-get, no sudo, apt failing', async () => {
    const noApt = fakePath('sudo');
    const a = await installQemu(missingQemu(noApt), {
      run: fakeAptRunner(noApt).run,
      isRoot: false,
      searchPath: noApt,
      log: () => {},
    });
    expect(a).toMatchObject({ ok: false });
    expect(a.message).toMatch(/install qemu-system-x86 qemu-utils.*no apt-get.*install-qemu: false/);
    const noSudo = fakePath('apt-get');
    expect(
      (
        await installQemu(missingQemu(noSudo), {
          run: fakeAptRunner(noSudo).run,
          isRoot: false,
          searchPath: noSudo,
          log: () => {},
        })
      ).message,
    ).toMatch(/no sudo/);
    const broken = fakePath('apt-get', 'sudo');
    const c = await installQemu(missingQemu(broken), {
      run: fakeAptRunner(broken, { install: 2 }).run,
      isRoot: false,
      searchPath: broken,
      log: () => {},
    });
    expect(c.ok).toBe(false);
    expect(c.message).toMatch(
      /^qemu-system-x86_64 and qemu-img not found on PATH: install qemu-system-x86 qemu-utils.*apt-get install failed \(exit 100\)$/,
    );
  });
});
