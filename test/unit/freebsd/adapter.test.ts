import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GateConfig } from '../../../src/config/types.js';
import {
  FIXTURE_SUBTYPE,
  FREEBSD_CONSOLE,
  FREEBSD_PATHS,
  FreeBSDGuest,
  fixtureDaemonTimeout,
  freebsdMountCheck,
  fusefsTypeName,
  gtestResultsFromRun,
  gtestSpec,
  type FreeBSDTargetOutcome,
} from '../../../src/guest/freebsd.js';
import { checkBuildBeforeBoot, type TreeFacts } from '../../../src/config/freebsd-tree.js';
import {
  decideBuild,
  findFusefs,
  parseCompilerErrors,
  parseGtestConsole,
  parseKldstat,
} from '../../../src/guest/freebsd-parse.js';
import type { Thread } from '../../../src/report/model.js';
import { compareSamples } from '../../../src/watchdog/compare.js';
import { verdictOfTests } from '../../../src/gate/verdict.js';
import {
  FakeFreeBSDKernel,
  FakeFreeBSDShell,
  FIXTURES,
  section,
  transcript,
  type FakeRule,
} from './fake-freebsd-shell.js';

const BUILT_KO = '/gate/obj/gate/src/amd64.amd64/sys/modules/fusefs/fusefs.ko';
const KO_SHA = '3f6a1c0d9e8b7a6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7';

function config(over: Partial<GateConfig> = {}): GateConfig {
  return {
    guest: 'freebsd',
    freebsdVersion: 'auto',
    sourceTree: '/src',
    build: 'auto',
    kernconf: '',
    tests: ['workloads'],
    gtestFilter: 'WriteBack.mmap_direct_io',
    workloads: ['mmap-write'],
    fixtureOptions: ['direct_io'],
    timeoutSec: 60,
    bootTimeoutSec: 600,
    buildTimeoutSec: 3600,
    jobTimeoutSec: 5400,
    cpus: 2,
    memoryMiB: 2048,
    accel: 'auto',
    repeat: 1,
    failOn: ['fail', 'hang', 'panic', 'error'],
    allowError: false,
    installQemu: false,
    cacheImages: false,
    outDir: '/tmp/out',
    uploadArtifact: false,
    artifactName: 'fusefs-gate',
    cacheDir: '/tmp/cache',
    ...over,
  };
}

/** The guest of a 14.3-RELEASE image (kern.osreldate 1403000) with a tree of `treeVersion`. */
function guestRules(treeVersion: number, over: FakeRule[] = []): FakeRule[] {
  return [
    ...over,
    {
      match: /^grep -E '\^#define\[\[:space:\]\]\+__FreeBSD_version'/,
      output: `#define __FreeBSD_version ${treeVersion}\t/* Master, propagated to newvers */\n`,
    },
    { match: /^sysctl -n kern\.osreldate$/, output: '1403000\n' },
    {
      match: /make -C \/gate\/src\/sys\/modules\/fusefs .* all 2>&1$/,
      output: transcript('make-module-ok.txt'),
    },
    {
      match: /make -C \/gate\/src\/sys\/modules\/fusefs .* -V \.OBJDIR$/,
      output: '/gate/obj/gate/src/amd64.amd64/sys/modules/fusefs\n',
    },
    {
      match: /^sha256 -q '?\/gate\/obj\/gate\/src\/amd64\.amd64\/sys\/modules\/fusefs\/fusefs\.ko'?$/,
      output: `${KO_SHA}\n`,
    },
    { match: /kldload -v/, output: `Loaded ${BUILT_KO}, id=4\n` },
    { match: /^kldstat -v$/, output: transcript('kldstat-v-built.txt') },
  ];
}

describe('console profile', () => {
  const boot = transcript('boot-basic-ci-14.3.txt');

  it('sees one boot banner per boot, the login prompt at the end, and no panic in a clean boot', () => {
    expect(boot.match(new RegExp(FREEBSD_CONSOLE.bootBanner.source, 'g'))).toHaveLength(1);
    expect(FREEBSD_CONSOLE.loginPrompt!.test(`${boot.trimEnd()} `)).toBe(true);
    expect(FREEBSD_CONSOLE.panicStart.test(boot)).toBe(false);
    expect(FREEBSD_CONSOLE.loginUser).toBe('root');
    expect(FREEBSD_CONSOLE.passwordPrompt).toBeUndefined();
  });

  it('finds start and end of a panic on a release kernel (no ddb) and on a ddb kernel', () => {
    for (const name of ['panic-noddb.txt', 'panic-ddb.txt']) {
      const text = transcript(name);
      const start = FREEBSD_CONSOLE.panicStart.exec(text);
      const end = FREEBSD_CONSOLE.panicEnd.exec(text);
      expect(start, name).not.toBeNull();
      expect(end, name).not.toBeNull();
      expect(end!.index).toBeGreaterThan(start!.index);
      // The backtrace lies between them.
      expect(text.slice(start!.index, end!.index)).toContain('fuse_vnop_write');
    }
    expect(FREEBSD_CONSOLE.panicStart.test('login: panic: page fault\n')).toBe(true);
    expect(FREEBSD_CONSOLE.panicStart.test('fusefs-workloads: mmap-write: write failed: panic: no\n')).toBe(
      false,
    );
  });

  it('names virtio-blk disks vtbdN after the boot disk', () => {
    expect(new FreeBSDGuest().disks(1)).toEqual({ payload: '/dev/vtbd1', results: '/dev/vtbd2' });
  });
});

describe('build: auto decision', () => {
  it.each([
    [1403000, 1403000, 'module'],
    [1402000, 1403000, 'module'],
    [1403500, 1403000, 'kernel'],
    [1500068, 1403000, 'kernel'],
    [1302001, 1403000, 'kernel'],
  ])('tree %i on kern.osreldate %i -> %s', (tree, osrel, mode) => {
    const d = decideBuild('auto', tree, osrel);
    expect(d.mode).toBe(mode);
    expect(d.why).toContain(String(tree));
    expect(d.why).toContain(String(osrel));
  });

  it('with what the host tree holds, a kernel build the tree cannot do is refused, not tried', () => {
    const sparse: TreeFacts = { tree: '/src', missingForKernel: ['tools/build/Makefile'] };
    const cross = decideBuild('auto', 1500068, 1403000, sparse);
    expect(cross.mode).toBe('refuse');
    expect(cross.why).toMatch(
      /FreeBSD 15, and the booted image runs FreeBSD 14.*lacks tools\/build\/Makefile.*Change the workflow/,
    );
    expect(decideBuild('kernel', 1403000, 1403000, sparse)).toMatchObject({
      mode: 'refuse',
      why: expect.stringContaining('build: kernel, but /src lacks tools/build/Makefile'),
    });
    expect(decideBuild('auto', 1403000, 1403000, sparse).mode).toBe('module');
    expect(decideBuild('auto', 1500068, 1403000, { tree: '/src', missingForKernel: [] }).mode).toBe('kernel');
  });

  it('an explicit build mode wins and says so', () => {
    expect(decideBuild('kernel', 1403000, 1403000)).toMatchObject({
      mode: 'kernel',
      why: expect.stringContaining('build: kernel was asked for'),
    });
  });
});

describe('module build, load and proof', () => {
  it('builds fusefs.ko, loads it by path, and proves kldstat -v shows it with the built hash', async () => {
    const shell = new FakeFreeBSDShell(guestRules(1403000));
    const guest = new FreeBSDGuest();
    const outcome = (await guest.buildTarget(shell, config())) as FreeBSDTargetOutcome;
    expect(outcome).toMatchObject({ mode: 'module', ok: true, artifact: BUILT_KO });
    expect(outcome.why).toMatch(/same branch/);
    expect(shell.ran(/kldload -v/)[0]).toMatch(
      /if kldstat -q -m fusefs; then kldunload fusefs\.ko \|\| exit 1; fi; kldload -v \/gate\/obj\/gate\/src\/amd64\.amd64\/sys\/modules\/fusefs\/fusefs\.ko/,
    );
    expect(shell.ran(/modules\/fusefs/)[0]).toContain(
      'env MAKEOBJDIRPREFIX=/gate/obj make -C /gate/src/sys/modules/fusefs SYSDIR=/gate/src/sys SRCTOP=/gate/src -j2 all',
    );

    const proof = await guest.proveTarget(shell, config(), outcome);
    expect(proof.ok).toBe(true);
    expect(proof.details.join('\n')).toContain(`fusefs loaded from ${BUILT_KO}`);
    expect(proof.details.join('\n')).toContain(`sha256 ${KO_SHA} matches the build`);
  });

  it('fails the proof, naming both paths, when the stock module is what is loaded', async () => {
    const shell = new FakeFreeBSDShell([
      { match: /^kldstat -v$/, output: transcript('kldstat-v-stock.txt') },
      ...guestRules(1403000),
    ]);
    const guest = new FreeBSDGuest();
    const outcome = await guest.buildTarget(shell, config());
    const proof = await guest.proveTarget(shell, config(), outcome);
    expect(proof.ok).toBe(false);
    const text = proof.details.join('\n');
    expect(text).toContain('/boot/kernel/fusefs.ko');
    expect(text).toContain(BUILT_KO);
  });

  it('fails the proof when the loaded file is not what was built (hash differs)', async () => {
    const shell = new FakeFreeBSDShell([
      { match: /^sha256 -q/, once: true, output: `${KO_SHA}\n` },
      { match: /^sha256 -q/, output: `${'0'.repeat(64)}\n` },
      ...guestRules(1403000),
    ]);
    const guest = new FreeBSDGuest();
    const proof = await guest.proveTarget(shell, config(), await guest.buildTarget(shell, config()));
    expect(proof.ok).toBe(false);
    expect(proof.details.join('\n')).toContain(`the build produced ${KO_SHA}`);
  });

  it('a tree that does not compile is blamed on the tree with the compiler errors parsed', async () => {
    const shell = new FakeFreeBSDShell([
      { match: /modules\/fusefs .* all 2>&1$/, exit: 2, output: transcript('make-module-error.txt') },
      ...guestRules(1403000),
    ]);
    const outcome = (await new FreeBSDGuest().buildTarget(shell, config())) as FreeBSDTargetOutcome;
    expect(outcome.ok).toBe(false);
    expect(outcome.blame).toBe('tree');
    expect(outcome.compilerErrors).toEqual([
      {
        file: 'sys/fs/fuse/fuse_vnops.c',
        line: 1873,
        column: 8,
        severity: 'error',
        message: "use of undeclared identifier 'pagez'; did you mean 'pages'?",
      },
      {
        file: 'sys/fs/fuse/fuse_vnops.c',
        line: 1880,
        column: 30,
        severity: 'error',
        message: 'too few arguments to function call, expected 7, have 6',
      },
    ]);
    expect(outcome.tail).toContain('make: stopped in /gate/src/sys/modules/fusefs');
    expect(shell.ran(/kldload/)).toHaveLength(0);
  });

  it('a build failure without compiler errors (e.g. disk full) is blamed on the gate', async () => {
    const shell = new FakeFreeBSDShell([
      {
        match: /modules\/fusefs .* all 2>&1$/,
        exit: 1,
        output: 'cc: error: unable to open output file: No space left on device\n',
      },
      ...guestRules(1403000),
    ]);
    const outcome = (await new FreeBSDGuest().buildTarget(shell, config())) as FreeBSDTargetOutcome;
    expect(outcome).toMatchObject({ ok: false, blame: 'gate' });
  });

  it("a kldload failure is the gate's, with the kldload message and dmesg", async () => {
    const shell = new FakeFreeBSDShell([
      { match: /kldload -v/, exit: 1, output: section('kldload-errors.txt', 'ENOEXEC') },
      { match: /^dmesg \| tail/, output: section('kldload-errors.txt', 'DMESG') },
      ...guestRules(1403000),
    ]);
    const outcome = (await new FreeBSDGuest().buildTarget(shell, config())) as FreeBSDTargetOutcome;
    expect(outcome).toMatchObject({ ok: false, blame: 'gate' });
    expect(outcome.tail).toContain('Please check dmesg(8)');
    expect(outcome.tail).toContain('link_elf_obj: symbol vn_fsync_buf_tail undefined');
    // The first line (the verdict's reason) names the symbol and says what it can mean.
    expect(outcome.tail!.split('\n')[0]).toMatch(
      /^kldload \S+fusefs\.ko failed \(exit 1\): fusefs\.ko needs the kernel symbol vn_fsync_buf_tail, which the running kernel does not have.*defined nowhere.*newer than the image's kernel and needs build: kernel/,
    );
    expect(outcome.linkErrors).toBeUndefined();
  });

  it('a kldload failure without an undefined symbol in dmesg says only what kldload said', async () => {
    const shell = new FakeFreeBSDShell([
      { match: /kldload -v/, exit: 1, output: section('kldload-errors.txt', 'ENOEXEC') },
      { match: /^dmesg \| tail/, output: section('kldload-errors.txt', 'VERSION') },
      ...guestRules(1403000),
    ]);
    const outcome = (await new FreeBSDGuest().buildTarget(shell, config())) as FreeBSDTargetOutcome;
    expect(outcome).toMatchObject({ ok: false, blame: 'gate' });
    expect(outcome.tail!.split('\n')[0]).toBe(`kldload ${BUILT_KO} failed (exit 1)`);
    expect(outcome.tail).not.toContain('needs the kernel symbol');
  });
});

describe('the kernel linker and a module built for a newer kernel', () => {
  // DECLARE_MODULE's MODULE_DEPEND(name, kernel, __FreeBSD_version, __FreeBSD_version, end of branch)
  // (sys/sys/module.h), checked by sys/kern/kern_linker.c when the module loads.
  const loads = (treeVersion: number, osreldate: number) =>
    treeVersion <= osreldate && Math.floor(treeVersion / 100000) === Math.floor(osreldate / 100000);

  it("build: module on a newer tree fails at kldload, and the report carries the linker's version line", async () => {
    const tree = 1403500;
    const shell = new FakeFreeBSDShell([
      {
        match: /kldload -v/,
        exit: loads(tree, 1403000) ? 0 : 1,
        output: section('kldload-errors.txt', 'ENOEXEC'),
      },
      { match: /^dmesg \| tail/, output: section('kldload-errors.txt', 'VERSION') },
      ...guestRules(tree),
    ]);
    const outcome = (await new FreeBSDGuest().buildTarget(
      shell,
      config({ build: 'module' }),
    )) as FreeBSDTargetOutcome;
    expect(outcome).toMatchObject({ mode: 'module', ok: false, blame: 'gate' });
    expect(outcome.tail).toContain('KLD fusefs.ko: depends on kernel - not available or version mismatch');
    expect(loads(1403000, 1403000) && loads(1402000, 1403000) && !loads(1500068, 1403000)).toBe(true);
  });
});

describe('kernel build', () => {
  // A checkout that holds everything Makefile.inc1 buildkernel needs (src/config/freebsd-tree.ts).
  const WHOLE_TREE: TreeFacts = { tree: '/src', missingForKernel: [] };
  const SPARSE_TREE: TreeFacts = {
    tree: '/src',
    missingForKernel: [
      'tools/build/Makefile',
      'lib/libnv/Makefile',
      'usr.bin/lex/lib/Makefile',
      'usr.bin/file2c/Makefile',
      'usr.sbin/config/Makefile',
      'etc/mtree/BSD.usr.dist',
    ],
    sparse: { file: '/src/.git/info/sparse-checkout', folders: ['sys', 'share/mk', 'tests/sys/fs/fusefs'] },
    newvers: { type: 'FreeBSD', revision: '14.3', branch: 'RELEASE-p4' },
  };
  const kernelRules = (tree: number, over: FakeRule[] = []): FakeRule[] => [
    ...over,
    { match: /^test -f \/gate\/src\/sys\/amd64\/conf\/GENERIC-NODEBUG$/, exit: 1 },
    { match: /^uname -v$/, output: 'FreeBSD 14.3-RELEASE releng/14.3-n271432-8c9ce319fef7 GENERIC\n' },
    {
      match: /buildkernel/,
      output: '>>> Kernel build for GENERIC completed on Wed Nov 18 10:02:11 UTC 2026\n',
    },
    {
      match: /installkernel/,
      output:
        '--------------------------------------------------------------\n>>> Installing kernel GENERIC completed\n',
    },
    {
      match: /^sha256 -q \/boot\/kernel\/kernel \/boot\/kernel\/fusefs\.ko$/,
      output: `${'1'.repeat(64)}\n${'2'.repeat(64)}\n`,
    },
    ...guestRules(tree),
  ];

  it('a newer tree on the same branch gets a kernel build, GENERIC when the tree has no GENERIC-NODEBUG, and a reboot', async () => {
    const shell = new FakeFreeBSDShell(kernelRules(1403500));
    const outcome = (await new FreeBSDGuest({ tree: WHOLE_TREE }).buildTarget(
      shell,
      config(),
    )) as FreeBSDTargetOutcome;
    expect(outcome).toMatchObject({ mode: 'kernel', ok: true, rebootRequired: true });
    expect(outcome.why).toMatch(/newer than the image's kern\.osreldate is 1403000.*KERNCONF=GENERIC\)/);
    expect(shell.ran(/buildkernel/)[0]).toBe(
      'make -C /gate/src -j2 buildkernel KERNCONF=GENERIC MODULES_OVERRIDE=fusefs 2>&1',
    );
    expect(shell.ran(/modules\/fusefs/)).toHaveLength(0);
  });

  it('a tree of another major branch gets a kernel build; GENERIC-NODEBUG when present', async () => {
    const shell = new FakeFreeBSDShell(kernelRules(1500068, [{ match: /GENERIC-NODEBUG$/, exit: 0 }]));
    const outcome = await new FreeBSDGuest({ tree: WHOLE_TREE }).buildTarget(shell, config());
    expect(outcome.mode).toBe('kernel');
    expect(outcome.why).toMatch(/FreeBSD 15.*FreeBSD 14/);
    expect(shell.ran(/buildkernel/)[0]).toContain('KERNCONF=GENERIC-NODEBUG');
  });

  it('after the reboot, proves bootfile, kernel hash, osreldate and the installed module', async () => {
    const guest = new FreeBSDGuest({ tree: WHOLE_TREE });
    const before = new FakeFreeBSDShell(kernelRules(1500068));
    const outcome = await guest.buildTarget(before, config());
    const stock = [
      { match: /^sysctl -n kern\.bootfile$/, output: '/boot/kernel/kernel\n' },
      { match: /^sysctl -n kern\.osreldate$/, output: '1500068\n' },
      { match: /^uname -v$/, output: 'FreeBSD 15.0-RELEASE-p9 GENERIC\n' },
      { match: /^sha256 -q \/boot\/kernel\/kernel$/, output: `${'1'.repeat(64)}\n` },
      { match: /^dmesg \| wc -l$/, output: '     412\n' },
      { match: /^kldstat -q -m fusefs \|\| kldload \/boot\/kernel\/fusefs\.ko 2>&1$/ },
      { match: /^kldstat -v$/, output: transcript('kldstat-v-stock.txt') },
      { match: /^sha256 -q \/boot\/kernel\/fusefs\.ko$/, output: `${'2'.repeat(64)}\n` },
    ];
    const ok = await guest.proveTarget(new FakeFreeBSDShell(stock), config(), outcome);
    expect(ok.ok).toBe(true);
    // The stock kernel came back (a boot fallback): osreldate and hash give it away.
    const bad = await guest.proveTarget(
      new FakeFreeBSDShell([
        { match: /^sysctl -n kern\.osreldate$/, output: '1403000\n' },
        { match: /^sha256 -q \/boot\/kernel\/kernel$/, output: `${'9'.repeat(64)}\n` },
        ...stock,
      ]),
      config(),
      outcome,
    );
    expect(bad.ok).toBe(false);
    expect(bad.details.join('\n')).toMatch(
      /kern\.osreldate 1403000 is not the tree's __FreeBSD_version 1500068/,
    );
  });
  /**
   * The guest after the reboot, as a fake: a message buffer that already holds BOOT's lines (another
   * module that did not link earlier in the boot), to which the load adds its own; `dmesg | wc -l`
   * and `dmesg | tail -n +K | tail -n 20` answer from it as dmesg(8) prints it, oldest line first.
   */
  const rebootedFake = (load: { output: string; dmesg: string }, osreldate = 1500068) => {
    const msgbuf = section('kldload-errors.txt', 'BOOT').split('\n').filter(Boolean);
    return new FakeFreeBSDShell([
      { match: /^sysctl -n kern\.bootfile$/, output: '/boot/kernel/kernel\n' },
      { match: /^sysctl -n kern\.osreldate$/, output: `${osreldate}\n` },
      { match: /^uname -v$/, output: 'FreeBSD 15.0-RELEASE-p9 GENERIC\n' },
      { match: /^sha256 -q \/boot\/kernel\/kernel$/, output: `${'1'.repeat(64)}\n` },
      {
        match: /^dmesg \| wc -l$/,
        run: () => ({ exit: 0, output: `${String(msgbuf.length).padStart(8)}\n` }),
      },
      {
        match: /^kldstat -q -m fusefs \|\| kldload \/boot\/kernel\/fusefs\.ko 2>&1$/,
        run: () => {
          msgbuf.push(...load.dmesg.split('\n').filter(Boolean));
          return { exit: 1, output: load.output };
        },
      },
      {
        match: /^dmesg \| tail -n \+(\d+) \| tail -n 20$/,
        run: (command) => {
          const from = Number(/\+(\d+)/.exec(command)![1]);
          return {
            exit: 0,
            output: msgbuf
              .slice(from - 1)
              .slice(-20)
              .map((l) => `${l}\n`)
              .join(''),
          };
        },
      },
      {
        match: /^kldstat -v$/,
        output: 'Id Refs Address                Size Name\n 1    1 0xffffffff80200000  1f3e2d0 kernel\n',
      },
    ]);
  };

  it("after the reboot, a module that needs a symbol the tree's own kernel lacks is the tree's, naming the symbol", async () => {
    const guest = new FreeBSDGuest({ tree: WHOLE_TREE });
    const outcome = await guest.buildTarget(new FakeFreeBSDShell(kernelRules(1500068)), config());
    const shell = rebootedFake({
      output: section('kldload-errors.txt', 'KERNEL-ENOEXEC'),
      dmesg: section('kldload-errors.txt', 'KERNEL-DMESG'),
    });
    const proof = await guest.proveTarget(shell, config(), outcome);
    expect(proof.ok).toBe(false);
    // Only the load's own kernel lines: the earlier boot's module and its symbol are not named.
    expect(proof.treeFault).toMatch(
      /^the tree's fusefs\.ko does not load into the tree's own kernel: it needs the kernel symbol vn_fsync_buf_tail, which that kernel does not define/,
    );
    expect(proof.treeFault).not.toContain('drm_gate_port_symbol');
    expect(proof.details.join('\n')).toContain(
      'dmesg since the load: link_elf_obj: symbol vn_fsync_buf_tail undefined | linker_load_file: /boot/kernel/fusefs.ko - unsupported file type',
    );
    // By path: the file that refused is the one installkernel put there, not one kern.module_path finds.
    expect(shell.ran(/kldload/)).toEqual(['kldstat -q -m fusefs || kldload /boot/kernel/fusefs.ko 2>&1']);
  });

  it("after the reboot, a failed load whose own kernel lines name no missing symbol stays the gate's", async () => {
    const guest = new FreeBSDGuest({ tree: WHOLE_TREE });
    const outcome = await guest.buildTarget(new FakeFreeBSDShell(kernelRules(1500068)), config());
    // No file (no kernel line): the earlier boot's undefined symbol is not this load's.
    const missing = await guest.proveTarget(
      rebootedFake({ output: section('kldload-errors.txt', 'KERNEL-ENOENT'), dmesg: '' }),
      config(),
      outcome,
    );
    expect(missing.ok).toBe(false);
    expect(missing.treeFault).toBeUndefined();
    expect(missing.details.join('\n')).toMatch(
      /kldload \/boot\/kernel\/fusefs\.ko failed \(exit 1\): kldload: can't load \/boot\/kernel\/fusefs\.ko: No such file or directory/,
    );
    // A relocation the kernel linker does not handle names no missing symbol: not known to be the tree's.
    const reloc = await guest.proveTarget(
      rebootedFake({
        output: section('kldload-errors.txt', 'KERNEL-ENOEXEC'),
        dmesg: section('kldload-errors.txt', 'RELOC'),
      }),
      config(),
      outcome,
    );
    expect(reloc.ok).toBe(false);
    expect(reloc.treeFault).toBeUndefined();
    // The stock kernel came back (osreldate): a symbol it lacks says nothing about the tree.
    const stock = await guest.proveTarget(
      rebootedFake(
        {
          output: section('kldload-errors.txt', 'KERNEL-ENOEXEC'),
          dmesg: section('kldload-errors.txt', 'KERNEL-DMESG'),
        },
        1403000,
      ),
      config(),
      outcome,
    );
    expect(stock.ok).toBe(false);
    expect(stock.treeFault).toBeUndefined();
    expect(stock.details.join('\n')).toMatch(/kern\.osreldate 1403000 is not the tree's __FreeBSD_version/);
  });

  it("a kernel that does not link is the tree's: lld's undefined and duplicate symbols at the tree's files, nothing installed", async () => {
    const shell = new FakeFreeBSDShell(
      kernelRules(1403500, [
        { match: /buildkernel/, exit: 2, output: transcript('make-kernel-link-error.txt') },
      ]),
    );
    const outcome = (await new FreeBSDGuest({ tree: WHOLE_TREE }).buildTarget(
      shell,
      config(),
    )) as FreeBSDTargetOutcome;
    expect(outcome).toMatchObject({ mode: 'kernel', ok: false, blame: 'tree' });
    expect(outcome.compilerErrors).toBeUndefined();
    expect(outcome.linkErrors).toEqual([
      {
        kind: 'undefined',
        symbol: 'vn_pages_remove_valid',
        file: 'sys/kern/vfs_subr.c',
        line: 2613,
        message: 'undefined symbol vn_pages_remove_valid, referenced by vfs_subr.o:(v_inval_buf_range)',
      },
      {
        kind: 'duplicate',
        symbol: 'vn_pages_remove',
        file: 'sys/vm/vm_object.c',
        line: 2150,
        message:
          'duplicate symbol vn_pages_remove, defined in vm_object.o:(vn_pages_remove) and in vfs_subr.o:(vn_pages_remove)',
      },
      {
        kind: 'duplicate',
        symbol: 'vn_pages_remove',
        file: 'sys/kern/vfs_subr.c',
        line: 2590,
        message:
          'duplicate symbol vn_pages_remove, defined in vm_object.o:(vn_pages_remove) and in vfs_subr.o:(vn_pages_remove)',
      },
    ]);
    expect(outcome.tail!.split('\n')[0]).toBe(
      'make buildkernel failed (exit 2) with 3 link error(s) (undefined symbol vn_pages_remove_valid, referenced by vfs_subr.o:(v_inval_buf_range)):',
    );
    expect(shell.ran(/installkernel/)).toHaveLength(0);
  });

  it("a kernel build that fails with neither a compiler nor a link error stays the gate's", async () => {
    const shell = new FakeFreeBSDShell(
      kernelRules(1403500, [
        {
          match: /buildkernel/,
          exit: 2,
          output:
            'linking kernel.full\nld: error: cannot open output file kernel.full: No space left on device\n',
        },
      ]),
    );
    const outcome = (await new FreeBSDGuest({ tree: WHOLE_TREE }).buildTarget(
      shell,
      config(),
    )) as FreeBSDTargetOutcome;
    expect(outcome).toMatchObject({ mode: 'kernel', ok: false, blame: 'gate' });
    expect(outcome.tail).toMatch(/^make buildkernel failed \(exit 2\) without a compiler or link error:/);
  });

  it('refuses, before building anything, a kernel build the tree cannot do, in the words of the check before boot', async () => {
    const shell = new FakeFreeBSDShell(kernelRules(1403500));
    const outcome = (await new FreeBSDGuest({ tree: SPARSE_TREE }).buildTarget(
      shell,
      config(),
    )) as FreeBSDTargetOutcome;
    expect(outcome).toMatchObject({ mode: 'kernel', ok: false, blame: 'gate' });
    const before = checkBuildBeforeBoot({ ...SPARSE_TREE, version: 1403500 }, 'auto', {
      name: 'the booted image',
      major: 14,
      osreldate: 1403000,
      source: 'sysctl kern.osreldate',
    });
    expect(outcome.why).toBe(before.refuse);
    expect(outcome.tail).toBe(before.refuse);
    expect(outcome.why).toMatch(
      /above the booted image's kern\.osreldate 1403000.*lacks tools\/build\/Makefile.*sparse checkout.*Change the workflow: check out the whole tree/,
    );
    expect(shell.ran(/buildkernel|installkernel|modules\/fusefs/)).toHaveLength(0);
  });

  it('a sparse tree on its own branch and not newer than the image still gets its module', async () => {
    const shell = new FakeFreeBSDShell(guestRules(1403000));
    const outcome = await new FreeBSDGuest({ tree: SPARSE_TREE }).buildTarget(shell, config());
    expect(outcome).toMatchObject({ mode: 'module', ok: true });
  });
});

describe('gtest', () => {
  const spec = gtestSpec("WriteBack.mmap_direct_io:it's $(reboot)");

  it('runs the write tests in a work folder with the filter and XML output, quoted', () => {
    expect(spec).toMatchObject({ name: 'gtest/write', kind: 'gtest', xmlPath: FREEBSD_PATHS.gtestXml });
    // Word-split the command as the guest's sh would: /bin/sh -c INNER.
    const words = (cmd: string) =>
      execFileSync('sh', ['-c', 'eval "set -- $1"; printf \'%s\\0\' "$@"', 'sh', cmd])
        .toString()
        .split('\0')
        .slice(0, -1);
    const outer = words(spec.command);
    expect(outer.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    const argv = words(/\( (.*); echo \$\? >/.exec(outer[2]!)![1]!);
    expect(argv).toEqual([
      FREEBSD_PATHS.gtestBinary,
      "--gtest_filter=WriteBack.mmap_direct_io:it's $(reboot)",
      `--gtest_output=xml:${FREEBSD_PATHS.gtestXml}`,
    ]);
  });

  it('turns the gtest XML into per-test results', () => {
    const pass = gtestResultsFromRun({
      xml: transcript('gtest-pass.xml'),
      consoleText: transcript('gtest-pass.txt'),
      iteration: 1,
      filter: '*',
    });
    expect(pass).toEqual([
      { name: 'gtest/Write.mmap', status: 'pass', durationMs: 18, iteration: 1 },
      { name: 'gtest/WriteBack.mmap_direct_io', status: 'pass', durationMs: 21, iteration: 1 },
    ]);
    const fail = gtestResultsFromRun({
      xml: transcript('gtest-fail.xml'),
      consoleText: '',
      iteration: 2,
      filter: 'Write.*',
    });
    expect(fail.map((r) => [r.name, r.status])).toEqual([
      ['gtest/Write.append_direct_io', 'fail'],
      ['gtest/Write.direct_io_short_write', 'pass'],
      ['gtest/Write.mmap', 'skipped'],
    ]);
    expect(fail[0]!.message).toContain('write.cc:312\nExpected equality of these values:');
    expect(fail[2]!.message).toContain('/dev/fuse does not exist');
  });

  it('a filter that matches nothing is an error "no test ran", never a pass', () => {
    const r = gtestResultsFromRun({
      xml: transcript('gtest-nomatch.xml'),
      consoleText: transcript('gtest-nomatch.txt'),
      iteration: 1,
      filter: 'WriteBack.no_such_test',
    });
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ status: 'error', message: expect.stringContaining('no test ran') });
    expect(r[0]!.message).toContain('WriteBack.no_such_test');
  });

  // tests/sys/fs/fusefs/utils.cc check_environment() skips every case on a machine that does not
  // suit the tests (no /dev/fuse, mac_bsdextended) and the program exits 0: nothing was tested.
  it('a run whose every case was skipped is an error "no test ran", never a pass', () => {
    const r = gtestResultsFromRun({
      xml: transcript('gtest-all-skipped.xml'),
      consoleText: '',
      iteration: 1,
      filter: 'WriteBack.mmap_direct_io:Write.mmap',
    });
    expect(r.map((x) => [x.name, x.status])).toEqual([
      ['gtest/Write.mmap', 'skipped'],
      ['gtest/WriteBack.mmap_direct_io', 'skipped'],
      ['gtest/write', 'error'],
    ]);
    expect(r[2]!.message).toBe(
      'no test ran: every case --gtest_filter=WriteBack.mmap_direct_io:Write.mmap selected was skipped (The fusefs tests are incompatible with mac_bsdextended.)',
    );
    expect(
      verdictOfTests([{ name: 'workload/mmap-write', status: 'pass', durationMs: 5, iteration: 1 }, ...r]),
    ).toBe('error');
    // Without the XML, the console's [  SKIPPED ] lines say the same.
    const skippedLog = transcript('gtest-fail.txt')
      .split('\n')
      .filter((line) => !/Write\.(append_direct_io|direct_io_short_write)/.test(line))
      .join('\n');
    const fromLog = gtestResultsFromRun({
      xml: undefined,
      consoleText: skippedLog,
      iteration: 1,
      filter: 'Write.mmap',
    });
    expect(fromLog.map((x) => x.status)).toEqual(['skipped', 'error']);
    // One case that ran is enough: the skipped ones decide nothing.
    const some = gtestResultsFromRun({
      xml: transcript('gtest-fail.xml'),
      consoleText: '',
      iteration: 1,
      filter: 'Write.*',
    });
    expect(some.some((x) => x.status === 'error')).toBe(false);
  });

  it('without XML, the console names the case that never finished', () => {
    const r = gtestResultsFromRun({
      xml: undefined,
      consoleText: transcript('gtest-hang.txt'),
      iteration: 1,
      filter: 'WriteBack.mmap*:Write.mmap',
    });
    expect(r).toEqual([
      { name: 'gtest/Write.mmap', status: 'pass', durationMs: 0, iteration: 1 },
      expect.objectContaining({ name: 'gtest/WriteBack.mmap_direct_io', status: 'hang' }),
    ]);
    expect(parseGtestConsole(transcript('gtest-fail.txt')).finished.get('Write.append_direct_io')).toBe(
      'FAILED',
    );
  });

  it('gtestResults reads the XML and the log through the shell', async () => {
    const shell = new FakeFreeBSDShell([
      { match: /^cat \/gate\/results\/gtest-write\.xml$/, output: transcript('gtest-pass.xml') },
      { match: /^cat \/gate\/results\/gtest-write\.log$/, output: transcript('gtest-pass.txt') },
    ]);
    const r = await new FreeBSDGuest().gtestResults(shell, gtestSpec('*'), 3);
    expect(r.map((x) => x.name)).toEqual(['gtest/Write.mmap', 'gtest/WriteBack.mmap_direct_io']);
    expect(r.every((x) => x.iteration === 3)).toBe(true);
  });

  it('tests() lists workloads and the gtest run as configured', () => {
    const t = new FreeBSDGuest().tests(
      config({ tests: ['workloads', 'gtest'], workloads: ['mmap-write', 'mmap-msync'] }),
      '/mnt/fg',
    );
    expect(t.map((s) => s.name)).toEqual(['workload/mmap-write', 'workload/mmap-msync', 'gtest/write']);
    expect(new FreeBSDGuest().tests(config({ tests: ['gtest'] }), '/mnt/fg').map((s) => s.kind)).toEqual([
      'gtest',
    ]);
  });
});

describe('quoting of paths the guest reported', () => {
  it('a build folder with spaces and $(...) stays data in the commands sent back', async () => {
    const evil = "/gate/obj/my dir/$(touch /tmp/pwned)'x";
    const shell = new FakeFreeBSDShell([
      { match: /-V \.OBJDIR$/, output: `${evil}\n` },
      { match: /^sha256 -q /, output: `${KO_SHA}\n` },
      ...guestRules(1403000),
    ]);
    await new FreeBSDGuest().buildTarget(shell, config());
    const sha = shell.ran(/^sha256 -q /)[0]!;
    const word = sha.replace(/^sha256 -q /, '');
    expect(execFileSync('sh', ['-c', `printf '%s' ${word}`]).toString()).toBe(`${evil}/fusefs.ko`);
  });
});

describe('parsers on transcripts', () => {
  it('kldstat -v: the file that provides the fusefs module, with its path', () => {
    const stock = findFusefs(parseKldstat(transcript('kldstat-v-stock.txt')))!;
    expect(stock).toMatchObject({
      id: 4,
      name: 'fusefs.ko',
      path: '/boot/kernel/fusefs.ko',
      modules: ['fusefs'],
    });
    const files = parseKldstat(transcript('kldstat-v-built.txt'));
    expect(files[0]).toMatchObject({ id: 1, refs: 9, name: 'kernel', path: '/boot/kernel/kernel' });
    expect(files[0]!.modules).toContain('virtio');
    expect(findFusefs(files)!.path).toBe(BUILT_KO);
  });

  it('compiler errors keep file, line, column and message; notes are not errors', () => {
    const errs = parseCompilerErrors(transcript('make-module-error.txt'));
    expect(errs).toHaveLength(2);
    expect(errs.every((e) => e.severity === 'error')).toBe(true);
    expect(
      parseCompilerErrors(
        "../../../sys/fs/fuse/fuse_io.c:40:10: fatal error: 'fuse_x.h' file not found\n",
      )[0],
    ).toMatchObject({
      file: 'sys/fs/fuse/fuse_io.c',
      line: 40,
      column: 10,
      severity: 'fatal error',
    });
  });
});

describe('parseSample', () => {
  it('reads the 247276 hang from a watchdog sample with the report parsers, wait channels from ps', () => {
    const threads = new FreeBSDGuest().parseSample(transcript('sample-247276-current.txt'));
    const hung = threads.find((t) => t.pid === 1321)!;
    expect(hung).toMatchObject({
      comm: 'fusefs-workloads',
      tid: 100112,
      wchan: 'vmopar',
      format: 'freebsd-procstat',
    });
    const fns = hung.frames.map((f) => f.fn);
    for (const fn of [
      'vm_page_busy_sleep',
      'vn_pages_remove',
      'v_inval_buf_range',
      'fuse_inval_buf_range',
      'fuse_vnop_write',
      'VOP_WRITE_APV',
      'vnode_pager_generic_putpages',
    ]) {
      expect(fns).toContain(fn);
    }
    expect(fns.indexOf('vm_page_busy_sleep')).toBeLessThan(fns.indexOf('fuse_vnop_write'));
    expect(threads.find((t) => t.pid === 1304)!.wchan).toBe('fu_msg');
  });

  // ps's TIME and context switches are the progress counter procstat lacks
  // (report/parsers/freebsd-procstat.ts): a test on a CPU at both samples shows `<running>` twice,
  // and one served slowly the same sleep twice, which without it read as the same frames.
  const samples = (name: string, drop?: RegExp) => {
    const guest = new FreeBSDGuest();
    const read = (part: string) => {
      const text = section(name, part);
      return guest.parseSample(drop ? text.replace(drop, '') : text);
    };
    return [read('SAMPLE1'), read('SAMPLE2')] as const;
  };
  const threadsBlock = /@@fg:\w+:capture:ps-threads:begin@@[\s\S]*?@@fg:\w+:capture:ps-threads:end@@\n/;

  it('takes a test busy on a CPU in both samples for progress, by its TIME and switches', () => {
    const [first, second] = samples('sample-cpu-bound.txt');
    // TIME 0:57.12 -> 1:00.13, NVCSW 6, NIVCSW 608 -> 640 (a ~94 ms ULE slice each).
    expect(first.find((t) => t.pid === 1407)).toMatchObject({
      state: 'R',
      frames: [],
      cpuTicks: 5712 + 6 + 608,
    });
    expect(second.find((t) => t.pid === 1407)).toMatchObject({ cpuTicks: 6013 + 6 + 640 });
    const verdict = compareSamples(first, second, new Set([1407]));
    expect(verdict.stuck).toBe(false);
    expect(verdict.explanation).toContain('6326 -> 6659');
    // A capture without the per-thread block (an older watchdog) still has ps -axlww's TIME.
    const [old1, old2] = samples('sample-cpu-bound.txt', threadsBlock);
    expect(compareSamples(old1, old2, new Set([1407])).explanation).toContain('5712 -> 6013');
  });

  it('takes a test served slowly for progress: the same sleep twice, but more voluntary switches', () => {
    const [first, second] = samples('sample-slow-server.txt');
    const writer = first.find((t) => t.pid === 1433)!;
    expect(writer).toMatchObject({ state: 'S', wchan: 'fu_ans', cpuTicks: 1 + 57 + 3 });
    expect(second.find((t) => t.pid === 1433)!.frames).toEqual(writer.frames);
    const verdict = compareSamples(first, second, new Set([1433]));
    expect(verdict).toMatchObject({ stuck: false });
    expect(verdict.explanation).toContain('61 -> 65');
    // TIME alone did not move: without the switches this was taken for a hang.
    const [old1, old2] = samples('sample-slow-server.txt', threadsBlock);
    expect(compareSamples(old1, old2, new Set([1433])).stuck).toBe(true);
  });

  it('keeps the 247276 writer a hang: asleep for good, neither its TIME nor its switches move', () => {
    const guest = new FreeBSDGuest();
    const sample = transcript('sample-247276-current.txt');
    const [first, second] = [guest.parseSample(sample), guest.parseSample(sample)];
    expect(first.find((t) => t.pid === 1321)).toMatchObject({ cpuTicks: 0 + 41 + 3 });
    expect(compareSamples(first!, second!, new Set([1321])).stuck).toBe(true);
  });

  // The console carries kernel printfs between (or into) the watchdog's lines, e.g. sys/vm/swap_pager.c
  // swp_sizecheck's printf("swap_pager: out of swap space\n"). A row it breaks has no counter in that
  // sample; it must never get ps -axlww's TIME instead (a smaller number: TIME without the switches).
  it("keeps the 247276 writer a hang when a kernel message lands in the second sample's ps-threads block", () => {
    const guest = new FreeBSDGuest();
    const sample = transcript('sample-247276-current.txt');
    const row = '1321 100112    41      3 0:00.00\n';
    expect(sample).toContain(row);
    const first = guest.parseSample(sample);
    const between = guest.parseSample(sample.replace(row, `swap_pager: out of swap space\n${row}`));
    expect(between.find((t) => t.pid === 1321)).toMatchObject({ cpuTicks: 44 });
    expect(compareSamples(first, between, new Set([1321])).stuck).toBe(true);
    const across = guest.parseSample(
      sample.replace(row, '1321 100112    41swap_pager: out of swap space\n      3 0:00.00\n'),
    );
    expect(across.find((t) => t.pid === 1321)?.cpuTicks).toBeUndefined();
    expect(compareSamples(first, across, new Set([1321])).stuck).toBe(true);
    // The message across ps's header: the watchdog's marker still says the capture has the block.
    const header = ' PID    LWP NVCSW NIVCSW    TIME\n';
    expect(sample).toContain(header);
    const noHeader = guest.parseSample(
      sample.replace(header, ' PID    LWP NVswap_pager: out of swap space\nCSW NIVCSW    TIME\n'),
    );
    expect(noHeader.find((t) => t.pid === 1321)).toMatchObject({ cpuTicks: 44 });
    expect(compareSamples(first, noHeader, new Set([1321])).stuck).toBe(true);
  });

  it('uses an injected parser when given one', () => {
    const seen: string[] = [];
    const fakeParseStacks = (text: string): Thread[] => {
      seen.push(text);
      return [];
    };
    new FreeBSDGuest({ parseStacks: fakeParseStacks }).parseSample('x');
    expect(seen).toEqual(['x']);
  });
});

describe('prepare, mount, collect', () => {
  it('unpacks the payload, builds guest/ with base cc and installs the watchdog', async () => {
    const shell = new FakeFreeBSDShell([{ match: /./ }]);
    await new FreeBSDGuest().prepare(shell, { payload: '/dev/vtbd1', results: '/dev/vtbd2' }, config());
    expect(shell.commands[0]).toBe(
      'mkdir -p /gate/results /gate/bin /gate/work && tar -xf /dev/vtbd1 -C /gate',
    );
    expect(shell.ran(/make -C \/gate\/guest FUSEDIR=\/gate\/src\/sys\/fs\/fuse /)).toHaveLength(1);
    // The userland fixture sees the tree's fuse_kernel.h only, not the tree's sys/ ahead of /usr/include.
    expect(shell.ran(/make -C \/gate\/guest/)[0]).not.toMatch(/SYSDIR=/);
    expect(shell.ran(/watchdog\.sh/)).toHaveLength(1);
  });

  it('lets the host backstop use ddb only when the booted kernel has it', async () => {
    const release = new FreeBSDGuest();
    // A release kernel: KDB with no backend but the null one (sys/kern/subr_kdb.c), no WITNESS sysctl.
    // debug.kdb.available lists no ddb (grep -qx exits 1); debug.witness.watch is an unknown oid (sysctl exits 1).
    await release.prepare(
      new FakeFreeBSDShell([
        { match: /^sysctl -n debug\.kdb\.available/, exit: 1 },
        { match: /^sysctl -n debug\.witness\.watch/, exit: 1 },
        { match: /./ },
      ]),
      { payload: '/dev/vtbd1', results: '/dev/vtbd2' },
      config(),
    );
    expect(release.backstop()).toMatchObject({ kind: 'none' });
    const head = new FreeBSDGuest();
    const headShell = new FakeFreeBSDShell([
      { match: /^sysctl -n debug\.kdb\.available/ },
      { match: /^sysctl -n debug\.witness\.watch/ },
      { match: /^sysctl -n debug\.debugger_on_panic/ },
      { match: /./ },
    ]);
    await head.prepare(headShell, { payload: '/dev/vtbd1', results: '/dev/vtbd2' }, config());
    expect(head.backstop()).toEqual({
      kind: 'ddb',
      commands: ['set $lines 0', 'alltrace', 'show alllocks', 'show lockedvnods'],
    });
    // The ddb decision is the pipeline's exit status: run it on sysctl's real output forms.
    const pipeline = headShell
      .ran(/^sysctl -n debug\.kdb\.available/)[0]!
      .replace(/^sysctl -n debug\.kdb\.available \| /, '');
    expect(() => execFileSync('sh', ['-c', pipeline], { input: 'ddb gdb\n' })).not.toThrow();
    expect(() => execFileSync('sh', ['-c', pipeline], { input: '\n', stdio: 'pipe' })).toThrow();
    expect(() => execFileSync('sh', ['-c', pipeline], { input: 'gdb\n', stdio: 'pipe' })).toThrow();
  });

  it('sends no NMI to a ddb kernel whose debug.debugger_on_panic is 0: nmi_call_kdb would panic("NMI")', async () => {
    const unattended = new FreeBSDGuest();
    const shell = new FakeFreeBSDShell([
      { match: /^sysctl -n debug\.kdb\.available/ },
      { match: /^sysctl -n debug\.witness\.watch/ },
      // `sysctl -n debug.debugger_on_panic` prints 0 (KDB_UNATTENDED): the grep in the pipeline exits 1.
      { match: /^sysctl -n debug\.debugger_on_panic/, exit: 1 },
      { match: /./ },
    ]);
    await unattended.prepare(shell, { payload: '/dev/vtbd1', results: '/dev/vtbd2' }, config());
    expect(unattended.backstop()).toMatchObject({
      kind: 'none',
      why: expect.stringMatching(/debugger_on_panic/),
    });
    // The decision is the pipeline's exit status, on sysctl's real output forms ("%d\n").
    const pipeline = shell
      .ran(/^sysctl -n debug\.debugger_on_panic/)[0]!
      .replace(/^sysctl -n debug\.debugger_on_panic \| /, '');
    expect(() => execFileSync('sh', ['-c', pipeline], { input: '1\n' })).not.toThrow();
    expect(() => execFileSync('sh', ['-c', pipeline], { input: '0\n', stdio: 'pipe' })).toThrow();
    expect(() => execFileSync('sh', ['-c', pipeline], { input: '', stdio: 'pipe' })).toThrow();
  });

  it("a mount that fails is a MountError (the tree's fault once its module is loaded)", async () => {
    const shell = new FakeFreeBSDShell([
      {
        match: /fusefs-fixture/,
        exit: 1,
        output: 'fusefs-fixture: mount: Operation not supported by device\n',
      },
    ]);
    await expect(new FreeBSDGuest().mount(shell, config())).rejects.toMatchObject({ name: 'MountError' });
  });

  const checkOf = (command: string) => command.slice(command.indexOf('mount | ') + 'mount | '.length);
  const passes = (check: string, table: string) => {
    try {
      execFileSync('sh', ['-c', check], { input: table, stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  };

  it('mounts the fixture, and its real mount line (type fusefs.fusefs-f) passes the check', async () => {
    const kernel = new FakeFreeBSDKernel();
    kernel.load('/boot/kernel/fusefs.ko');
    const shell = new FakeFreeBSDShell(kernel.rules());
    expect(await new FreeBSDGuest().mount(shell, config())).toBe('/mnt/fg');
    expect(shell.commands[0]).toContain('/gate/bin/fusefs-fixture -o');
    // The kernel cut "fusefs." + "fusefs-fixture" to MFSNAMELEN - 1 characters.
    // prmount: no flag named for a fusefs mount made by root (fuse_vfsop_mount clears MNT_LOCAL).
    expect(kernel.mountList()).toContain('/dev/fuse on /mnt/fg (fusefs.fusefs-f)\n');
    expect(fusefsTypeName(FIXTURE_SUBTYPE)).toBe('fusefs.fusefs-f');
    const check = checkOf(shell.commands[0]!);
    expect(shell.commands[0]).toContain(' && mount | awk ');
    expect(passes(check, kernel.mountList())).toBe(true);
    // Exactly the kernel's cut: the uncut name, plain fusefs or another file system do not pass.
    expect(passes(check, kernel.mountList().replace('fusefs.fusefs-f', 'fusefs.fusefs-fixture'))).toBe(false);
    expect(passes(check, kernel.mountList().replace('fusefs.fusefs-f', 'fusefs'))).toBe(false);
    expect(passes(check, kernel.mountList().replace('/mnt/fg', '/mnt/other'))).toBe(false);
  });

  it("a user's server passes with a plain fusefs line or fusefs.SUBTYPE, cut as the kernel cuts it", () => {
    const check = checkOf(freebsdMountCheck());
    // prmount lines: `FROM on ON (TYPE)`, or `(TYPE, FLAG, ...)` when flags are named (MNTOPT_NAMES).
    const line = (type: string, flags = '') =>
      `/dev/gpt/rootfs on / (ufs, local)\n/dev/fuse on /mnt/fg (${type}${flags})\n`;
    expect(passes(check, line('fusefs'))).toBe(true);
    expect(passes(check, line(fusefsTypeName('sshfs')))).toBe(true);
    expect(passes(check, line(fusefsTypeName('sshfs'), ', nosuid, synchronous'))).toBe(true);
    expect(passes(check, line('fusefs', ', nosuid, mounted by user'))).toBe(true);
    expect(passes(check, line(fusefsTypeName('some-long-subtype')))).toBe(true);
    expect(passes(check, line('fusefs.some-long-subtype'))).toBe(false);
    expect(passes(check, line('nfs'))).toBe(false);
    expect(passes(check, line('fusefsx'))).toBe(false);
    // A mount below the mount point is not the mount point.
    expect(passes(check, '/dev/fuse on /mnt/fg/sub (fusefs.sshfs)\n')).toBe(false);
  });

  it("the user's server's mount checks never ask the server (mount -p is MNT_WAIT: a FUSE_STATFS)", async () => {
    // A server that answers FUSE_STATFS with an error (one on /dev/fuse without STATFS: ENOSYS) is
    // left out of `mount -p` (kern_getfsstat skips a mount whose VFS_STATFS failed), and a stalled
    // one holds `mount -p` in fticket_wait_answer; `mount` (MNT_NOWAIT) lists it from mnt_stat.
    const kernel = new FakeFreeBSDKernel();
    kernel.load('/boot/kernel/fusefs.ko');
    kernel.mountOther('/mnt/fg', 'rawfs', 'fails');
    expect(kernel.mountP()).not.toContain('/mnt/fg');
    expect(freebsdMountCheck()).toMatch(/^mount \| awk /);
    expect(passes(checkOf(freebsdMountCheck()), kernel.mountList())).toBe(true);
    const shell = new FakeFreeBSDShell(kernel.rules());
    expect(await new FreeBSDGuest().fuseMountGone(shell)).toBeUndefined();
    expect(shell.ran(/mount -p/)).toEqual([]);
    // Gone for real (the server unmounted and exited 1): said, with the exit status.
    kernel.umount('/mnt/fg');
    kernel.files.set('/gate/results/fuse-server.status', '1\n');
    expect(await new FreeBSDGuest().fuseMountGone(shell)).toBe(
      "/mnt/fg is no longer a FUSE mount (the FUSE server's command exited 1)",
    );
  });

  it('the fixture cannot mount before fusefs.ko is loaded: /dev/fuse does not exist yet', async () => {
    const kernel = new FakeFreeBSDKernel();
    const shell = new FakeFreeBSDShell(kernel.rules());
    await expect(new FreeBSDGuest().mount(shell, config())).rejects.toThrow(
      /open \/dev\/fuse: No such file or directory/,
    );
  });

  it('mounts the fixture with a daemon timeout that outlasts the watchdog (a stall stays a stall)', async () => {
    // Default test timeout 60 s: the watchdog decides at about 60 s + its samples; the kernel's default 60 s would answer ETIMEDOUT first.
    const kernel = new FakeFreeBSDKernel();
    kernel.load('/boot/kernel/fusefs.ko');
    const shell = new FakeFreeBSDShell(kernel.rules());
    await new FreeBSDGuest().mount(shell, config({ timeoutSec: 60, fault: 'stall=write' }));
    expect(shell.commands[0]).toMatch(/-o '?direct_io,stall=write,daemon_timeout=120'? /);
    const watchdogDecidesAt = 60 + 1 + 30;
    expect(kernel.stalledRequest('/mnt/fg', watchdogDecidesAt)).toBe('sleeping in fu_ans');
    expect(kernel.stalledRequest('/mnt/fg', 120)).toBe('ETIMEDOUT');
    // Without timeout= (the old mount), the same stall fails the write at 60 s: a race with the watchdog.
    const old = new FakeFreeBSDKernel();
    old.load('/boot/kernel/fusefs.ko');
    old.mountFixture('/mnt/fg', FIXTURE_SUBTYPE);
    expect(old.stalledRequest('/mnt/fg', 60)).toBe('ETIMEDOUT');
    // A test timeout beyond the kernel's 600 s maximum: no daemon timeout at all (0), not a cap.
    expect(fixtureDaemonTimeout(3600)).toBe(0);
    expect(fixtureDaemonTimeout(540)).toBe(600);
    const long = new FakeFreeBSDKernel();
    long.load('/boot/kernel/fusefs.ko');
    long.mountFixture('/mnt/fg', FIXTURE_SUBTYPE, fixtureDaemonTimeout(3600));
    expect(long.stalledRequest('/mnt/fg', 3700)).toBe('sleeping in fu_ans');
  });

  it('a failed mount is an error with the output', async () => {
    const shell = new FakeFreeBSDShell([
      {
        match: /fusefs-fixture/,
        exit: 1,
        output: 'mount_fusefs: /dev/fuse on /mnt/fg: Operation not supported by device\n',
      },
    ]);
    await expect(new FreeBSDGuest().mount(shell, config())).rejects.toThrow(/Operation not supported/);
  });

  it('packs results onto the results disk', async () => {
    const shell = new FakeFreeBSDShell([{ match: /tar -cf \/dev\/vtbd2 -C \/gate\/results \./ }]);
    await new FreeBSDGuest().collect(shell, { payload: '/dev/vtbd1', results: '/dev/vtbd2' });
    expect(shell.commands).toHaveLength(1);
  });
});

describe('transcripts keep to what the kernel can print', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));

  it('no procstat -kk stack and no stack(9) panic trace has more than STACK_MAX (18) frames', () => {
    let stacks = 0;
    for (const file of files) {
      const text = transcript(file);
      // procstat -kk rows: PID TID COMM TDNAME then function+0xoff frames (usr.bin/procstat/procstat_kstack.c).
      for (const line of text.split('\n')) {
        const row = /^\s*\d+\s+\d+\s+\S+\s+\S+\s+((?:\S+\+0x[0-9a-f]+ ?)+)\s*$/.exec(line);
        if (row) {
          stacks++;
          expect(row[1]!.trim().split(/\s+/).length, `${file}: ${line.slice(0, 60)}`).toBeLessThanOrEqual(18);
        }
      }
      // stack_print_ddb "#%d %p at %s+%#lx" (sys/kern/subr_stack.c): numbered from 0.
      const numbered = text.split('\n').filter((l) => /^#\d+ 0x[0-9a-f]+ at /.test(l));
      expect(numbered.length, file).toBeLessThanOrEqual(18);
    }
    expect(stacks).toBeGreaterThan(0);
  });

  it('the BASIC-CI host is freebsd, not Amnesiac', () => {
    for (const file of files) expect(transcript(file), file).not.toContain('Amnesiac');
    expect(transcript('boot-basic-ci-14.3.txt')).toContain('FreeBSD/amd64 (freebsd) (ttyu0)');
  });
});

describe('build: none', () => {
  it("loads the image's fusefs.ko before anything opens /dev/fuse, then mounts and proves it", async () => {
    const kernel = new FakeFreeBSDKernel();
    const shell = new FakeFreeBSDShell([...kernel.rules(), ...guestRules(1403000)]);
    const guest = new FreeBSDGuest();
    const outcome = await guest.buildTarget(shell, config({ build: 'none' }));
    expect(outcome).toMatchObject({ mode: 'none', ok: true });
    expect(kernel.devFuseExists).toBe(true);
    const proof = await guest.proveTarget(shell, config({ build: 'none' }), outcome);
    expect(proof).toMatchObject({ ok: true });
    expect(proof.details.join('\n')).toContain('fusefs from /boot/kernel/fusefs.ko');
    await guest.mount(shell, config({ build: 'none' }));
    const load = shell.commands.findIndex((c) => /kldload fusefs/.test(c));
    const mount = shell.commands.findIndex((c) => /fusefs-fixture/.test(c));
    expect(load).toBeGreaterThanOrEqual(0);
    expect(load).toBeLessThan(mount);
    expect(shell.ran(/make -C \/gate\/src\/sys\/modules/)).toHaveLength(0);
  });

  it("a kldload that fails is the gate's error, with kldload's message", async () => {
    const shell = new FakeFreeBSDShell([
      { match: /kldload fusefs/, exit: 1, output: section('kldload-errors.txt', 'ENOEXEC') },
      ...guestRules(1403000),
    ]);
    const outcome = (await new FreeBSDGuest().buildTarget(
      shell,
      config({ build: 'none' }),
    )) as FreeBSDTargetOutcome;
    expect(outcome).toMatchObject({ ok: false, blame: 'gate' });
    expect(outcome.tail).toContain('Please check dmesg(8)');
  });
});

describe('what the tree must contain', () => {
  it('names the paths a sparse checkout lacks for the chosen build and tests', async () => {
    const { missingTreePaths } = await import('../../../src/guest/freebsd.js');
    const sparse = new Set([
      'sys/sys/param.h',
      'sys/conf/newvers.sh',
      'sys/modules/fusefs/Makefile',
      'sys/fs/fuse',
      'share/mk',
    ]);
    expect(missingTreePaths((p) => sparse.has(p), 'module', ['workloads'])).toEqual([]);
    expect(missingTreePaths((p) => sparse.has(p), 'kernel', ['workloads'])).toContain('Makefile.inc1');
    expect(missingTreePaths((p) => sparse.has(p), 'auto', ['gtest'])).toEqual([
      'tests/sys/fs/fusefs/Makefile',
      'tests/freebsd_test_suite',
      'sbin/mount/getmntopts.c',
    ]);
  });

  it('a kernel build checks files deep in the folders, so a sparse `lib/libc` and `usr.bin/grep` do not pass for lib/ and usr.bin/', async () => {
    const { missingTreePaths } = await import('../../../src/guest/freebsd.js');
    // What cone mode leaves for `sparse-checkout: sys share/mk lib/libc usr.bin/grep`: every top
    // file (Makefile, Makefile.inc1), and the folders on the way to the listed ones.
    const present = (p: string) =>
      [
        'Makefile',
        'Makefile.inc1',
        'lib',
        'lib/libc',
        'usr.bin',
        'usr.bin/grep',
        'share/mk',
        'share/mk/bsd.prog.mk',
        'sys/amd64/conf/GENERIC',
      ].includes(p) ||
      ['sys/sys/param.h', 'sys/conf/newvers.sh', 'sys/modules/fusefs/Makefile', 'sys/fs/fuse'].includes(p);
    expect(missingTreePaths(present, 'kernel', ['workloads'])).toEqual([
      'tools/build/Makefile',
      'lib/libnv/Makefile',
      'usr.bin/lex/lib/Makefile',
      'usr.bin/file2c/Makefile',
      'usr.sbin/config/Makefile',
      'etc/mtree/BSD.usr.dist',
    ]);
  });
});

describe('transcripts read by the report parsers', () => {
  it('both panic forms and a ddb bt give threads with the fuse frames', async () => {
    const { parseStacks } = await import('../../../src/report/stacks.js');
    const noddb = parseStacks(transcript('panic-noddb.txt'));
    expect(noddb[0]).toMatchObject({ format: 'freebsd-panic', pid: 1321 });
    expect(noddb[0]!.frames.map((f) => f.fn)).toContain('fuse_vnop_write');
    const ddb = parseStacks(transcript('panic-ddb.txt'));
    expect(ddb[0]!.frames[0]!.fn).toBe('db_trace_self_wrapper');
    const bt = parseStacks(transcript('ddb-bt.txt'));
    expect(bt[0]).toMatchObject({ format: 'freebsd-ddb', pid: 1321, tid: 100112 });
    expect(bt[0]!.frames.map((f) => f.fn)).toEqual(
      expect.arrayContaining(['vm_page_busy_sleep', 'vn_pages_remove', 'fuse_vnop_write']),
    );
  });
});
