// The CLI as users and `git bisect run` see it: exit statuses, live output, signals, fail-on.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { neverAShellGuestCache } from '../helpers/broken-guest.js';
import { qemuProcessesMentioning, readReport, repoRoot, spawnCli, tempDir } from '../helpers/gate.js';
import { readFileSync } from 'node:fs';

describe('a discoverable CLI', () => {
  it('--version and --help exit 0 and print to stdout', async () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const v = await spawnCli(['--version'], 30_000).done;
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(`fusefs-gate ${manifest.version}`);
    const h = await spawnCli(['--help'], 30_000).done;
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^usage: fusefs-gate run/m);
    expect(h.stderr).toBe('');
  });

  it('run --help lists every action input as a flag with its default from action.yml, and exits 0', async () => {
    const result = await spawnCli(['run', '--help'], 30_000).done;
    expect(result.code).toBe(0);
    const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    // Flatten the wrapped help so a default split over two lines is still found.
    const help = result.stdout.replace(/\n {20,}/g, ' ');
    for (const name of Object.keys(action.inputs))
      expect(help, name).toMatch(new RegExp(`^  --${name} `, 'm'));
    expect(help).toMatch(/--timeout VALUE .*\(default: 60\)/);
    expect(help).toMatch(/--fail-on VALUE .*\(default: fail,hang,panic,error\)/);
    expect(help).toMatch(/--allow-error \[true\|false\] .*\(default: false\)/);
    expect(help).toMatch(/--verbose /);
  });

  it('no command: usage on stderr, exit 64', async () => {
    const result = await spawnCli([], 30_000).done;
    expect(result.code).toBe(64);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^fusefs-gate: no command given\nusage: /);
  });
});

describe('error is never a pass on the CLI', () => {
  it('--fail-on hang,panic on a boot that never reaches a shell exits 125; --allow-error lets it through with a warning', async () => {
    const cache = neverAShellGuestCache('hello-from-a-guest-without-a-shell');
    const common = [
      'run',
      '--guest',
      'linux',
      '--fail-on',
      'hang,panic',
      '--boot-timeout',
      '8',
      '--cache-dir',
      cache,
    ];
    const strict = await spawnCli([...common, '--out', tempDir('strict')], 120_000).done;
    expect(strict.code, strict.stderr.slice(-2000)).toBe(125);
    expect(strict.stdout).toMatch(/^verdict: error \(exit 125\): boot did not reach a shell/m);
    const lenient = await spawnCli([...common, '--allow-error', '--out', tempDir('lenient')], 120_000).done;
    expect(lenient.code, lenient.stderr.slice(-2000)).toBe(0);
    expect(lenient.stderr).toMatch(/^warning: an undecided run was let through \(--allow-error\)/m);
    expect(qemuProcessesMentioning(cache)).toEqual([]);
  }, 240_000);
});

describe('bad input: one clear message, exit 64, nothing started', () => {
  // An output folder under a plain file cannot be made, even by root (who ignores a folder's mode bits).
  const plainFile = path.join(tempDir('plain'), 'not-a-folder');
  writeFileSync(plainFile, '');
  it.each([
    [['run', '--guest', 'plan9'], /invalid input '--guest'/],
    [['run', '--guest', 'linux', '--workloads', 'mmap-write,nope'], /invalid input '--workloads': "nope"/],
    [['run', '--guest', 'linux', '--timeout=-3'], /invalid input '--timeout'/],
    [['run', '--guest', 'linux', '--timeout', '-3'], /'--timeout'/],
    [['run', '--guest', 'linux', '--timeout', 'soon'], /invalid input '--timeout'/],
    [['run', '--guest', 'linux', '--out', '/proc/no/such/place'], /invalid input '--output-dir'/],
    [
      ['run', '--guest', 'linux', '--out', path.join(plainFile, 'out')],
      /invalid input '--output-dir'.*ENOTDIR/,
    ],
    [['run', '--guest', 'linux', '--unknown-flag', 'x'], /Unknown option '--unknown-flag'/],
    [['frobnicate'], /unknown command/],
  ])('%j', async (args, message) => {
    const out = tempDir('bad');
    const result = await spawnCli(
      [...args, ...(args.includes('--out') || args[0] !== 'run' ? [] : ['--out', out])],
      30_000,
    ).done;
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(message);
    // One message: a single `fusefs-gate:` line (usage text may follow it).
    expect(result.stderr.match(/^fusefs-gate: /gm)?.length).toBe(1);
    expect(qemuProcessesMentioning(out)).toEqual([]);
  });
});

describe('fusefs-gate run on the Linux test guest', () => {
  it('streams the guest console while it runs, and --fail-on hang,panic turns a fail into exit 0 while report.json still says fail', async () => {
    const out = tempDir('failon');
    const run = spawnCli(
      [
        'run',
        '--guest',
        'linux',
        '--fault',
        'eio=write',
        '--workloads',
        'write-readback',
        '--timeout',
        '10',
        '--fail-on',
        'hang,panic',
        '--out',
        out,
      ],
      120_000,
    );
    // Live output: the guest's own banner shows up before the run ends.
    const seenLive = await new Promise<boolean>((resolve) => {
      const check = () => {
        if (run.stderr.includes('fusefs-gate linux test guest ready')) resolve(run.child.exitCode === null);
      };
      run.child.stderr!.on('data', check);
      run.child.on('close', () => resolve(false));
    });
    expect(seenLive).toBe(true);
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(readReport(out)).toMatchObject({ verdict: 'fail', exitCode: 0 });
    expect(result.stdout).toMatch(/^verdict: fail \(exit 0\)/m);
  }, 120_000);

  it('SIGTERM while the guest runs: exit 143 within 10 s, report.json says error and the phase, no QEMU left', async () => {
    const out = tempDir('sigterm');
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
        '60',
        '--out',
        out,
      ],
      120_000,
    );
    await new Promise<void>((resolve) => {
      const check = () => {
        if (/@@fg:\w+:test:t\d+:start@@/.test(run.stderr)) resolve();
      };
      run.child.stderr!.on('data', check);
    });
    const sent = Date.now();
    run.child.kill('SIGTERM');
    const result = await run.done;
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(result.code).toBe(143);
    const report = readReport(out);
    expect(report.verdict).toBe('error');
    expect(report.reason).toMatch(/cancelled by SIGTERM during tests/);
    expect(qemuProcessesMentioning(out)).toEqual([]);
  }, 120_000);
});

describe('fusefs-gate stacks', () => {
  it('prints the parsed threads, signature and known bug of a saved procstat -kk as JSON', async () => {
    const file = path.join(tempDir('stacks'), 'procstat.txt');
    writeFileSync(
      file,
      'PID    TID COMM                TDNAME              KSTACK\n' +
        '783 100068 mmap-write          -                   mi_switch+0xe2 sleepq_wait+0x2c _sleep+0x247 vm_page_busy_sleep+0x8f vm_object_page_remove+0x203 vn_pages_remove+0x52 fuse_io_dispatch+0xebd VOP_WRITE_APV+0xec vnode_pager_generic_putpages+0x6ba VOP_PUTPAGES_APV+0x7c vnode_pager_putpages+0x84 vm_pageout_flush+0x100 vm_object_page_collect_flush+0x1a8 vm_object_page_clean+0x16f vm_object_terminate+0x97 vnode_destroy_vobject+0x85 ufs_reclaim+0x1e VOP_RECLAIM_APV+0x7c\n',
    );
    const result = await spawnCli(['stacks', file], 30_000).done;
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      threads: unknown[];
      signature: string;
      knownBug?: { url: string };
    };
    expect(parsed.threads).toHaveLength(1);
    expect(parsed.signature).toMatch(/vm_page_busy_sleep/);
    expect(parsed.knownBug?.url).toMatch(/247276/);
  });

  it('names an unreadable file with exit 64', async () => {
    const result = await spawnCli(['stacks', '/no/such/file'], 30_000).done;
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/cannot read "\/no\/such\/file"/);
  });
});
