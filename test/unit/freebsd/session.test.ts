// The guest session on the FreeBSD adapter, through the real gate (runGate), the real console engine
// and the real adapter, against the fake FreeBSD guest (FakeFreeBSDConsole over FakeFreeBSDKernel,
// whose kldload/kldunload/kldstat/umount answers follow the FreeBSD sources named there and in
// test/fixtures/freebsd/README.md). Only QEMU is replaced: the boot seam logs in to a fake console.
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateConfig } from '../../../src/config/types.js';
import { SerialConsole } from '../../../src/console/serial-console.js';
import type { BootedGuest, BootOptions } from '../../../src/gate/boot.js';
import { PhaseClock } from '../../../src/gate/phases.js';
import type { GateIO, GuestPlan } from '../../../src/gate/guest-plan.js';
import { runGate } from '../../../src/gate/run.js';
import { GuestSession } from '../../../src/gate/session.js';
import { FREEBSD_CONSOLE, FreeBSDGuest } from '../../../src/guest/freebsd.js';
import { createBlankDisk, writeTarDisk } from '../../../src/payload/tar-disk.js';
import type { GateReport } from '../../../src/report/model.js';
import { FakeFreeBSDConsole, respondWithRules } from './fake-freebsd-console.js';
import { FakeFreeBSDKernel, transcript, type FakeRule } from './fake-freebsd-shell.js';

const BUILT_KO = '/gate/obj/gate/src/amd64.amd64/sys/modules/fusefs/fusefs.ko';
const BANNER = /Copyright \(c\) 1992-\d{4} The FreeBSD Project\./;

function config(outDir: string, over: Partial<GateConfig> = {}): GateConfig {
  return {
    guest: 'freebsd',
    freebsdVersion: 'auto',
    sourceTree: '/src',
    build: 'module',
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
    accel: 'tcg',
    repeat: 1,
    failOn: ['fail', 'hang', 'panic', 'error'],
    allowError: false,
    installQemu: false,
    cacheImages: false,
    outDir,
    uploadArtifact: false,
    artifactName: 'fusefs-gate',
    cacheDir: path.join(outDir, 'cache'),
    ...over,
  };
}

const quietIO = (): GateIO => ({
  note: () => undefined,
  warn: () => undefined,
  consoleLine: () => undefined,
  group: (_name, work) => work(),
  signal: new AbortController().signal,
});

/** One fake FreeBSD machine at a time: its kernel state lives as long as its boot. */
class FakeMachine {
  boots = 0;
  stopped = 0;
  kernel = new FakeFreeBSDKernel();
  /** The hash the next build's fusefs.ko has (each commit builds another module). */
  koSha = 'a'.repeat(64);
  /** The hash `sha256 -q` reports for the loaded file when the proof reads it (default: the build's). */
  loadedSha: string | undefined;
  /** The watchdog's exit status for the workload. */
  testStatus = 0;
  /** Each boot's kernel has fusefs compiled in (no fusefs.ko to load or unload). */
  fusefsInKernel = false;
  /** What every console of this machine was sent, in order. */
  readonly commands: string[] = [];

  rules(): FakeRule[] {
    const ok = (match: RegExp): FakeRule => ({ match, output: '' });
    let hashesRead = 0;
    return [
      // Before the kernel's rules: its command line names /gate/bin/fusefs-fixture too.
      ok(/^make -C \/gate\/guest FUSEDIR=/),
      ...this.kernel.rules(),
      ok(/^true$/),
      ok(/^mkdir -p \/gate\/results \/gate\/bin \/gate\/work && tar -xf \/dev\/vtbd1 -C \/gate$/),
      ok(/^\{ uname -a; sysctl kern\.osreldate/),
      // A release kernel: no ddb (debug.kdb.available lists none), no WITNESS.
      { match: /^sysctl -n debug\.kdb\.available/, exit: 1 },
      { match: /^sysctl -n debug\.witness\.watch/, exit: 1 },
      { match: /^sysctl -n debug\.debugger_on_panic/, exit: 1 },
      ok(/^if \[ -f \/gate\/guest\/watchdog\.sh \]/),
      {
        match: /^grep -E '\^#define\[\[:space:\]\]\+__FreeBSD_version'/,
        output: '#define __FreeBSD_version 1403000\t/* Master, propagated to newvers */\n',
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
        // The build's hash first, then the proof's.
        match: /^sha256 -q '?\/gate\/obj\/gate\/src\/amd64\.amd64\/sys\/modules\/fusefs\/fusefs\.ko'?$/,
        output: () => `${hashesRead++ % 2 === 1 && this.loadedSha ? this.loadedSha : this.koSha}\n`,
      },
      {
        // guest/watchdog.sh's markers (docs/guest-protocol.md): the workload ran and exited.
        match: /^sh \/gate\/bin\/watchdog\.sh (\w+) (\w+) /,
        output: (command) => {
          const [, nonce, id] = /^sh \/gate\/bin\/watchdog\.sh (\w+) (\w+) /.exec(command)!;
          return `@@fg:${nonce}:test:${id}:exit:${this.testStatus}:120@@\n`;
        },
      },
      ok(/^dmesg > \/gate\/results\/dmesg\.txt/),
      ok(/^rm -rf \/gate && mkdir -p \/gate$/),
    ];
  }

  /** The boot seam: a fresh machine (nothing loaded), logged in over the real console engine. */
  boot = async (
    _config: GateConfig,
    plan: GuestPlan,
    _io: GateIO,
    _stop: AbortSignal,
    report: GateReport,
    options: BootOptions = {},
  ): Promise<BootedGuest> => {
    this.boots++;
    this.kernel = new FakeFreeBSDKernel();
    this.kernel.fusefsInKernel = this.fusefsInKernel;
    report.bootAttempts = 1;
    const rules = respondWithRules(this.rules());
    const fake = new FakeFreeBSDConsole((command) => {
      this.commands.push(command);
      return rules(command);
    });
    let logPath = plan.serialLogPath;
    const console = new SerialConsole(fake, {
      profile: FREEBSD_CONSOLE,
      nonce: `f00dfeed000${this.boots}`,
      rawLog: (chunk) => appendFileSync(logPath, chunk),
      panicCollectMs: 200,
    });
    const login = console.login(5000);
    fake.boot();
    await login;
    const dir = options.workDir ?? plan.workDir;
    mkdirSync(dir, { recursive: true });
    const payload = path.join(dir, 'payload.tar');
    const written = await writeTarDisk(plan.payload, payload);
    const payloadBytes = Math.max(written.diskBytes, options.payloadDiskBytes?.(written.archiveBytes) ?? 0);
    truncateSync(payload, payloadBytes);
    const results = path.join(dir, 'results.img');
    await createBlankDisk(results, 1);
    const booted: BootedGuest = {
      adapter: plan.adapter,
      console,
      disks: plan.adapter.disks(1),
      accelerator: 'tcg',
      serialLogPath: logPath,
      serialLogText: () => readFileSync(logPath, 'latin1'),
      hostDisks: { payload, results, payloadBytes },
      readResults: async () => undefined,
      handOver: async (next) => {
        booted.adapter = next.adapter;
        booted.serialLogPath = logPath = next.serialLogPath;
      },
      teardown: async () => {
        this.stopped++;
      },
      reboot: async () => booted,
      diagnose: async () => ({ notes: [] }),
      serialLogFailure: () => undefined,
      qemuEnd: async () => 'QEMU (pid 0) was stopped by the gate (the fake FreeBSD shell has no QEMU)',
      qemuProblem: async () => undefined,
    };
    return booted;
  };
}

function freebsdPlan(outDir: string): GuestPlan {
  const workDir = path.join(outDir, '.work');
  mkdirSync(workDir, { recursive: true });
  const tree = path.join(workDir, 'param.h');
  writeFileSync(tree, '#define __FreeBSD_version 1403000\n');
  return {
    adapter: new FreeBSDGuest(),
    media: async () => ({ kind: 'disk', path: '/nonexistent/overlay.qcow2', format: 'qcow2' }),
    imageInfo: { description: 'fake FreeBSD 14.3-RELEASE (test)', path: '/nonexistent/image.raw' },
    payload: [{ hostPath: tree, guestPath: 'src/sys/sys/param.h' }],
    serialLogPath: path.join(outDir, 'serial.log'),
    workDir,
  };
}

function setup() {
  const root = mkdtempSync(path.join(tmpdir(), 'fg-session-'));
  const machine = new FakeMachine();
  const session = new GuestSession(path.join(root, 'session'), { boot: machine.boot });
  let runs = 0;
  const run = async (over: Partial<GateConfig> = {}) => {
    const outDir = path.join(root, `run-${++runs}`);
    const report = await runGate(config(outDir, over), quietIO(), {
      planGuest: async () => freebsdPlan(outDir),
      guests: session,
    });
    return { report, outDir, serialLog: readFileSync(path.join(outDir, 'serial.log'), 'latin1') };
  };
  return { machine, session, run };
}

const phases = (report: GateReport) => report.phases.map((p) => p.phase);

describe('guest session on the FreeBSD adapter (fake FreeBSD guest)', () => {
  it('a pass hands the guest on: the next run unmounts, kldunloads fusefs, finds it gone from kldstat -v, clears /gate, then kldloads and proves its own module without a boot', async () => {
    const { machine, session, run } = setup();
    const first = await run();
    expect(first.report.verdict, first.report.reason).toBe('pass');
    expect(first.report.reusedGuest).toBe(false);
    expect(phases(first.report)).toContain('boot');
    expect(phases(first.report)).toContain('keep');
    expect(phases(first.report)).not.toContain('teardown');
    expect(first.report.guestSession?.end).toContain('kept running');
    expect(session.holdsGuest).toBe(true);
    expect(machine.stopped).toBe(0);
    expect(machine.kernel.fusefsPath).toBe(BUILT_KO);

    machine.koSha = 'b'.repeat(64);
    // A kernel line of the first run: the second run's dmesg.txt must not carry it.
    machine.kernel.msgbuf.push('fusefs: a line the first run left in the message buffer');
    const sent = machine.commands.length;
    const second = await run();
    expect(second.report.verdict, second.report.reason).toBe('pass');
    expect(second.report.reusedGuest).toBe(true);
    expect(phases(second.report)).toContain('reuse');
    expect(phases(second.report)).not.toContain('boot');
    expect(second.report.bootAttempts).toBe(0);
    expect(machine.boots).toBe(1);
    // The reset, in order, before the next run's payload is unpacked and its module loaded.
    const commands = machine.commands.slice(sent);
    const at = (re: RegExp) => commands.findIndex((c) => re.test(c));
    expect(at(/^mount$/)).toBeGreaterThanOrEqual(0);
    expect(at(/^umount \/mnt\/fg 2>&1$/)).toBeGreaterThan(at(/^mount$/));
    expect(at(/^kldunload -v fusefs 2>&1$/)).toBeGreaterThan(at(/^umount \/mnt\/fg/));
    expect(at(/^rm -rf \/gate && mkdir -p \/gate$/)).toBeGreaterThan(at(/^kldunload/));
    expect(machine.kernel.msgbuf.join('\n')).not.toContain('the first run left');
    expect(at(/tar -xf \/dev\/vtbd1/)).toBeGreaterThan(at(/^rm -rf \/gate/));
    expect(at(/kldload -v/)).toBeGreaterThan(at(/tar -xf/));
    expect(second.report.guestSession?.start).toContain('Unloading fusefs.ko, id=4');
    expect(second.report.guestSession?.start).toContain('kernel message buffer cleared');
    expect(second.report.proof?.details.join('\n')).toContain(`sha256 ${'b'.repeat(64)} matches the build`);
    // Each run's serial log is its own slice of the console.
    expect(first.serialLog).toMatch(BANNER);
    expect(first.serialLog).not.toContain('Unloading fusefs.ko');
    expect(second.serialLog).not.toMatch(BANNER);
    expect(second.serialLog).toContain('Unloading fusefs.ko, id=4');

    await session.dispose();
    expect(machine.stopped).toBe(1);
    expect(session.holdsGuest).toBe(false);
  });

  it('kldunload refused with EBUSY (another fusefs mount keeps the module busy): the next run boots a fresh guest and says why', async () => {
    const { machine, session, run } = setup();
    expect((await run()).report.verdict).toBe('pass');
    machine.kernel.mountOther('/mnt/other', 'sshfs');
    const second = await run();
    expect(second.report.verdict, second.report.reason).toBe('pass');
    expect(second.report.reusedGuest).toBe(false);
    expect(second.report.guestSession?.start).toContain("kldunload: can't unload file: Device busy");
    expect(second.report.phases.find((p) => p.phase === 'reuse')?.outcome).toBe('failed');
    expect(phases(second.report)).toContain('boot');
    expect(machine.boots).toBe(2);
    expect(machine.stopped).toBe(1);
    // The failed reuse stays in the run's serial log, before the fresh boot's banner.
    expect(second.serialLog.indexOf('Device busy')).toBeLessThan(second.serialLog.search(BANNER));
    await session.dispose();
  });

  it("ends what is left of the FUSE server's session before kldunload: SIGTERM, then SIGKILL for a process that ignores it; the guest is reused", async () => {
    const { machine, session, run } = setup();
    const first = await run();
    expect(first.report.verdict, first.report.reason).toBe('pass');
    // The fixture's daemon (pid 1304) recorded its session; one process of it outlives the unmount.
    expect(machine.kernel.files.get('/gate/fuse-server.sid')).toBe('1304\n');
    machine.kernel.leftAfterUnmount = [{ onTerm: 'exits' }, { onTerm: 'survives' }];
    const sent = machine.commands.length;
    const second = await run();
    expect(second.report.verdict, second.report.reason).toBe('pass');
    expect(second.report.reusedGuest).toBe(true);
    expect(second.report.guestSession?.start).toContain(
      'FUSE server session 1304: SIGTERM left pids 1306, SIGKILL ended them',
    );
    const commands = machine.commands.slice(sent);
    const at = (re: RegExp) => commands.findIndex((c) => re.test(c));
    expect(at(/^\( s=\$\(cat \/gate\/fuse-server\.sid/)).toBeGreaterThan(at(/^umount \/mnt\/fg/));
    expect(at(/^kldunload -v fusefs/)).toBeGreaterThan(at(/^\( s=\$\(cat \/gate\/fuse-server\.sid/));
    // Nothing of the first run's server is left; the second run's fixture is the only process.
    expect(machine.kernel.processes.map((p) => p.pid)).toEqual([1304]);
    await session.dispose();
  });

  it("a process of the server's session that survives SIGKILL (asleep in the kernel): the reset fails and the next run boots fresh, saying why", async () => {
    const { machine, session, run } = setup();
    expect((await run()).report.verdict).toBe('pass');
    machine.kernel.leftAfterUnmount = [{ onTerm: 'survives', unkillable: true }];
    const sent = machine.commands.length;
    const second = await run();
    expect(second.report.verdict, second.report.reason).toBe('pass');
    expect(second.report.reusedGuest).toBe(false);
    expect(second.report.guestSession?.start).toContain(
      "fresh boot: the kept guest could not be reused: ending the FUSE server's session failed (exit 1): FUSE server session 1304: pids 1305 still running after SIGKILL",
    );
    // Nothing was unloaded under the stray process: the fresh boot is the way out.
    expect(machine.commands.slice(sent).some((c) => c.startsWith('kldunload'))).toBe(false);
    expect(machine.boots).toBe(2);
    await session.dispose();
  });

  it('a server that exits with its mount leaves nothing: the reset says so', async () => {
    const { session, run } = setup();
    expect((await run()).report.verdict).toBe('pass');
    const second = await run();
    expect(second.report.reusedGuest).toBe(true);
    expect(second.report.guestSession?.start).toContain('FUSE server session 1304: nothing left');
    await session.dispose();
  });

  it('fusefs compiled into the kernel (kldstat -v lists it under kernel): the reset says it cannot be unloaded and the next run boots fresh', async () => {
    const { machine, session, run } = setup();
    machine.fusefsInKernel = true;
    const first = await run({ build: 'none' });
    expect(first.report.verdict, first.report.reason).toBe('pass');
    expect(session.holdsGuest).toBe(true);
    const sent = machine.commands.length;
    const second = await run({ build: 'none' });
    expect(second.report.reusedGuest).toBe(false);
    expect(second.report.guestSession?.start).toContain(
      'fusefs is compiled into kernel (/boot/kernel/kernel)',
    );
    // No kldunload was tried: it finds linker files by name and no file is named fusefs(.ko).
    expect(machine.commands.slice(sent).some((c) => c.startsWith('kldunload'))).toBe(false);
    expect(machine.boots).toBe(2);
    await session.dispose();
  });

  it('a mount still in use (umount: Device busy), a fusefs.ko another file holds (kldunload drops one ref), or one the kernel loaded: each reset fails with its reason and the next run boots fresh', async () => {
    const cases: [string, (k: FakeFreeBSDKernel) => void, string][] = [
      [
        'busy mount',
        (k) => {
          k.mounts.find((m) => m.on === '/mnt/fg')!.busy = true;
        },
        'umount /mnt/fg failed (exit 1): umount: unmount of /mnt/fg failed: Device busy',
      ],
      [
        'refs 2',
        (k) => {
          k.fusefsRefs = 2;
        },
        `kldstat -v still lists fusefs (${BUILT_KO}) after kldunload`,
      ],
      [
        'loaded by the kernel',
        (k) => {
          k.fusefsLoadedByKernel = true;
        },
        "kldunload: can't unload file: Device busy",
      ],
    ];
    for (const [name, arrange, why] of cases) {
      const { machine, session, run } = setup();
      expect((await run()).report.verdict, name).toBe('pass');
      arrange(machine.kernel);
      const second = await run();
      expect(second.report.verdict, `${name}: ${second.report.reason}`).toBe('pass');
      expect(second.report.reusedGuest, name).toBe(false);
      expect(second.report.guestSession?.start, name).toContain(why);
      expect(machine.boots, name).toBe(2);
      await session.dispose();
    }
  });

  it('a decided fail keeps the guest; an error (a failed proof) does not', async () => {
    const { machine, session, run } = setup();
    machine.testStatus = 1;
    const failed = await run();
    expect(failed.report.verdict, failed.report.reason).toBe('fail');
    expect(session.holdsGuest).toBe(true);

    machine.testStatus = 0;
    machine.loadedSha = 'c'.repeat(64);
    const broken = await run();
    expect(broken.report.reusedGuest).toBe(true);
    expect(broken.report.verdict).toBe('error');
    expect(broken.report.reason).toContain('the code under test is not what runs');
    expect(session.holdsGuest).toBe(false);
    expect(broken.report.guestSession?.end).toMatch(/^stopped: verdict error/);
    expect(machine.stopped).toBe(1);

    machine.loadedSha = undefined;
    const next = await run();
    expect(next.report.reusedGuest).toBe(false);
    expect(machine.boots).toBe(2);
    await session.dispose();
  });

  it("a proof that failed on the tree's own code (its module does not load into its own kernel) is the tree's fail", async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'fg-session-'));
    const machine = new FakeMachine();
    const session = new GuestSession(path.join(root, 'session'), { boot: machine.boot });
    const outDir = path.join(root, 'run');
    const plan = freebsdPlan(outDir);
    const fault =
      "the tree's fusefs.ko does not load into the tree's own kernel: it needs the kernel symbol x";
    plan.adapter.proveTarget = async () => ({
      ok: false,
      details: ['kldload fusefs failed (exit 1)'],
      treeFault: fault,
    });
    const report = await runGate(config(outDir), quietIO(), { planGuest: async () => plan, guests: session });
    expect(report.verdict, report.reason).toBe('fail');
    expect(report.reason).toContain(fault);
    expect(report.proof?.details).toEqual(['kldload fusefs failed (exit 1)']);
    await session.dispose();
  });

  it('a guest that booted a kernel its run built is stopped, not handed on', async () => {
    const machine = new FakeMachine();
    const root = mkdtempSync(path.join(tmpdir(), 'fg-session-'));
    const session = new GuestSession(path.join(root, 'session'), { boot: machine.boot });
    const outDir = path.join(root, 'run');
    const plan = freebsdPlan(outDir);
    const report = {
      verdict: 'pass',
      reason: 'all 1 test(s) passed',
      build: { mode: 'kernel', why: 'build: kernel', ok: true },
      phases: [],
      guestSession: { start: 'fresh boot' },
    } as unknown as GateReport;
    const clock = new PhaseClock();
    const run = {
      config: config(outDir),
      plan,
      io: quietIO(),
      stop: new AbortController().signal,
      report,
      clock,
    };
    const booted = await session.acquire(run);
    await session.release(booted, run, true);
    expect(session.holdsGuest).toBe(false);
    expect(machine.stopped).toBe(1);
    expect(report.guestSession?.end).toContain('a kernel this run built');
    expect(clock.phases.map((p) => p.phase)).toEqual(['boot', 'teardown']);
  });
});

describe('the fake FreeBSD kernel: kldunload as the sources have it', () => {
  it('finds the file as NAME or NAME.ko, refuses while a fusefs mount exists, and leaves kldstat -v without fusefs after an unload', () => {
    const kernel = new FakeFreeBSDKernel();
    expect(kernel.kldunload('fusefs')).toEqual({ exit: 1, output: "kldunload: can't find file fusefs\n" });
    kernel.load(BUILT_KO);
    kernel.mountFixture('/mnt/fg', 'fusefs-fixture');
    expect(kernel.kldunload('fusefs')).toEqual({
      exit: 1,
      output: "Unloading fusefs.ko, id=4\nkldunload: can't unload file: Device busy\n",
    });
    expect(kernel.kldstatV()).toContain('fusefs.ko');
    kernel.umount('/mnt/fg');
    expect(kernel.kldunload('fusefs.ko')).toEqual({ exit: 0, output: 'Unloading fusefs.ko, id=4\n' });
    expect(kernel.kldstatV()).not.toContain('fusefs');
    expect(kernel.devFuseExists).toBe(false);
  });
});

describe('the fake FreeBSD kernel: sessions, pgrep -s and pkill -s as bin/pkill/pkill.c has them', () => {
  it('the fixture daemon leads its own session and exits with its mount; pgrep puts the delimiter between pids and a newline after, exit 1 with none; SIGTERM and SIGKILL end what they can', () => {
    const kernel = new FakeFreeBSDKernel();
    kernel.load(BUILT_KO);
    kernel.mountFixture('/mnt/fg', 'fusefs-fixture');
    expect(kernel.processes).toEqual([{ pid: 1304, sid: 1304, onTerm: 'exits' }]);
    const tools = (command: string) => kernel.runWithProcessTools(command);
    expect(tools('pgrep -d \' \' -s 1304; echo " rc=$?"')).toEqual({ exit: 0, output: '1304\n rc=0\n' });
    expect(tools('pgrep -d \' \' -s 99; echo "rc=$?"')).toEqual({ exit: 0, output: 'rc=1\n' });
    kernel.leftAfterUnmount = [{ onTerm: 'survives' }, { onTerm: 'survives', unkillable: true }];
    kernel.umount('/mnt/fg');
    // bin/pkill/pkill.c grepact: the delimiter only between two pids, never after the last.
    expect(tools('pgrep -d , -s 1304')).toEqual({ exit: 0, output: '1305,1306\n' });
    expect(kernel.processes.map((p) => [p.pid, p.sid])).toEqual([
      [1305, 1304],
      [1306, 1304],
    ]);
    tools('pkill -TERM -s 1304');
    expect(kernel.processes.map((p) => p.pid)).toEqual([1305, 1306]);
    tools('pkill -KILL -s 1304');
    expect(kernel.processes.map((p) => p.pid)).toEqual([1306]);
    expect(tools('pkill -KILL -s 99; echo "rc=$?"').output).toBe('rc=1\n');
  });
});
