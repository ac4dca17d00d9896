// A booted guest that outlives one gate run (`fusefs-gate bisect`). After a run that left the
// guest healthy (pass, or a decided fail whose shell still answered) QEMU keeps running; the next
// run resets the guest (unmount, stop the server, unload the module under test, empty /gate),
// rewrites the payload disk in place, and goes on from prepare as after a boot. After a hang, a
// panic, an error, a cancellation, a kernel the run built and booted, or a reset that fails, the
// guest is stopped and the next run boots a fresh one (a fresh overlay on FreeBSD).
//
// Why in place: QEMU opens the disk files once and fixes their sizes then. Writing the same host
// file (not a new file renamed over it) and keeping its size is what a running guest can see:
// QEMU's raw driver keeps no data cache of its own, and without `cache.direct` its file driver reads
// through the host's page cache, which the host's writes go through too; the guest side drops
// what it cached (GuestAdapter.resetForReuse). The payload disk is made a little larger than the
// first payload at boot (a hole on the host) so the next commits' payloads fit.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CancelledError } from '../console/errors.js';
import { createBlankDisk, writeTarDisk } from '../payload/tar-disk.js';
import { endRecordedQemus } from '../vm/pidfile.js';
import { bootGuest, RESULTS_DISK_MIB, type BootedGuest, type BootOptions } from './boot.js';
import type { GateConfig } from '../config/types.js';
import type { GateIO, GuestPlan } from './guest-plan.js';
import type { GuestLifecycle, GuestRun } from './guest-lifecycle.js';

const MIB = 1024 * 1024;

/**
 * Room on the payload disk for later payloads: half as much again as the first one, at least 1 MiB,
 * in whole MiB. Not more: busybox tar reads the whole disk to its end after the archive (measured:
 * 64 MiB of reserve made every Linux prepare 2-5 s slower under TCG), so the reserve costs reading
 * time in the guest although it costs nothing on the host. A later payload that does not fit boots
 * a fresh guest.
 */
export function payloadDiskBytes(archiveBytes: number): number {
  return Math.ceil((archiveBytes + Math.max(archiveBytes / 2, MIB)) / MIB) * MIB;
}

/** What must be the same for a guest to serve another run: the OS, the boot media, the machine. */
export function sessionKey(config: GateConfig, plan: GuestPlan): string {
  return JSON.stringify({
    guest: config.guest,
    image: plan.imageInfo.path ?? plan.imageInfo.description,
    description: plan.imageInfo.description,
    cpus: config.cpus,
    memoryMiB: config.memoryMiB,
    accel: config.accel,
    tcgThread: plan.tcgThread ?? null,
  });
}

/** Why a kept guest cannot serve this run; the run boots a fresh one. */
class NotReusableError extends Error {}

export interface GuestSessionSeams {
  /** The boot (default: bootGuest, real QEMU). */
  boot?: typeof bootGuest;
}

export class GuestSession implements GuestLifecycle {
  private kept: { booted: BootedGuest; key: string } | undefined;
  private boots = 0;
  /** The session key each guest was acquired under. */
  private readonly keys = new WeakMap<BootedGuest, string>();

  /** `workDir` holds the disks and QEMU's files of every boot (outside any one run's output). */
  constructor(
    readonly workDir: string,
    private readonly seams: GuestSessionSeams = {},
  ) {}

  /** Ends a QEMU that a killed earlier session left behind in `workDir`. */
  async open(io: Pick<GateIO, 'warn'>): Promise<void> {
    mkdirSync(this.workDir, { recursive: true });
    const bootDirs = readdirSync(this.workDir).filter((name) => /^boot-\d+$/.test(name));
    for (const dir of bootDirs) {
      for (const ended of await endRecordedQemus(path.join(this.workDir, dir))) {
        if (ended.killed || ended.unresolved) io.warn(`an earlier session's QEMU: ${ended.note}`);
      }
    }
    rmSync(this.workDir, { recursive: true, force: true });
    mkdirSync(this.workDir, { recursive: true });
  }

  /** Whether a guest is running, kept for the next run. */
  get holdsGuest(): boolean {
    return this.kept !== undefined;
  }

  async acquire(run: GuestRun): Promise<BootedGuest> {
    const { config, plan, io, stop, report, clock } = run;
    const kept = this.kept;
    this.kept = undefined;
    const key = sessionKey(config, plan);
    let start = 'fresh boot: no guest was kept from an earlier run';
    if (kept) {
      try {
        if (kept.key !== key)
          throw new NotReusableError('this run needs another guest (image or machine differs)');
        const details = await clock.run('reuse', () =>
          io.group('Reuse the booted guest', () => this.reset(kept.booted, run)),
        );
        report.reusedGuest = true;
        report.guestSession = {
          start: `reused the guest an earlier run left healthy: ${details.join('; ')}`,
        };
        io.note('fusefs-gate: reused guest (no boot)');
        this.keys.set(kept.booted, key);
        return kept.booted;
      } catch (error) {
        await kept.booted.teardown().catch((e: Error) => io.warn(`stopping the kept guest: ${e.message}`));
        if (error instanceof CancelledError || stop.aborted) throw error;
        start = `fresh boot: the kept guest could not be reused: ${(error as Error).message}`;
        io.warn(`the booted guest cannot be reused (${(error as Error).message}); booting a fresh one`);
      }
    }
    this.boots++;
    const options: BootOptions = {
      workDir: path.join(this.workDir, `boot-${this.boots}`),
      payloadDiskBytes,
      appendLog: kept !== undefined,
    };
    const booted = await clock.run('boot', () =>
      io.group('Boot', () => (this.seams.boot ?? bootGuest)(config, plan, io, stop, report, options)),
    );
    report.reusedGuest = false;
    report.guestSession = { start };
    this.keys.set(booted, key);
    return booted;
  }

  /**
   * The kept guest made ready for this run: its console handed to this run's log and io, this run's
   * payload written into the payload disk, the results disk emptied, then the guest reset.
   */
  private async reset(booted: BootedGuest, run: GuestRun): Promise<string[]> {
    const { plan, io, stop } = run;
    await booted.handOver({ io, stop, serialLogPath: plan.serialLogPath, adapter: plan.adapter });
    if (!plan.adapter.resetForReuse)
      throw new NotReusableError(`the ${plan.adapter.os} adapter cannot reset a guest`);
    const { payload, results, payloadBytes } = booted.hostDisks;
    const written = await writeTarDisk(plan.payload, payload, { sizeBytes: payloadBytes });
    if (written.diskBytes > payloadBytes)
      throw new NotReusableError(
        `the payload (${Math.ceil(written.archiveBytes / MIB)} MiB) does not fit the payload disk fixed at boot (${payloadBytes / MIB} MiB)`,
      );
    // Emptied, so a run whose guest packs nothing cannot pick up the previous run's results.
    await createBlankDisk(results, RESULTS_DISK_MIB);
    const reset = await plan.adapter.resetForReuse(booted.console, booted.disks);
    if (!reset.ok) throw new NotReusableError(reset.why);
    return reset.details;
  }

  async release(
    booted: BootedGuest | undefined,
    run: Omit<GuestRun, 'plan'>,
    healthy: boolean,
  ): Promise<void> {
    const { config, io, stop, report, clock } = run;
    const resultsDir = path.join(config.outDir, 'results');
    const why = this.keepRefusal(booted, report, healthy, stop);
    if (booted && why === undefined) {
      const kept = await clock
        .run('keep', async () => {
          await booted.readResults(resultsDir);
          // Console output between runs belongs to no run; the next run's log starts with its reset.
          await booted.handOver({
            io,
            stop: new AbortController().signal,
            serialLogPath: path.join(this.workDir, 'between-runs.log'),
            adapter: booted.adapter,
          });
          return true;
        })
        .catch((error: Error) => {
          io.warn(`keeping the guest: ${error.message}`);
          return false;
        });
      const key = this.keys.get(booted);
      if (kept && key !== undefined) {
        this.kept = { booted, key };
        if (report.guestSession)
          report.guestSession.end = `kept running for the next run (verdict ${report.verdict})`;
        return;
      }
    }
    if (report.guestSession && booted) report.guestSession.end = `stopped: ${why ?? 'keeping it failed'}`;
    await clock
      .run('teardown', async () => {
        await booted?.teardown(resultsDir);
      })
      .catch((error: Error) => io.warn(`teardown: ${error.message}`));
  }

  /** Stops a kept guest; the session is over. */
  async dispose(): Promise<void> {
    const kept = this.kept;
    this.kept = undefined;
    await kept?.booted.teardown();
  }

  /** Why this guest is not handed on, or undefined when it is. */
  private keepRefusal(
    booted: BootedGuest | undefined,
    report: GuestRun['report'],
    healthy: boolean,
    stop: AbortSignal,
  ): string | undefined {
    if (!booted) return 'no guest';
    if (stop.aborted) return 'the run was cancelled';
    if (!healthy)
      return `verdict ${report.verdict}: a guest after a hang, a panic, an error or an unfinished run is not trusted`;
    // A kernel the run built is installed on the guest's disk and booted: the next run must start
    // from the image's kernel, as a fresh run does (FreeBSD: kern.osreldate and `auto` decide from it).
    if (report.build?.mode === 'kernel')
      return 'the guest runs a kernel this run built; the next run boots the image again';
    if (!booted.adapter.resetForReuse) return `the ${booted.adapter.os} adapter cannot reset a guest`;
    return undefined;
  }
}
