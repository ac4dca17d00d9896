// Where a run's guest comes from and where it goes: for one gate run (the action, `fusefs-gate run`)
// a boot at the start and a teardown at the end; a guest session (session.ts) may instead hand a
// healthy guest on to the next run.
import path from 'node:path';
import type { GateConfig } from '../config/types.js';
import type { GateReport } from '../report/model.js';
import { bootGuest, type BootedGuest } from './boot.js';
import type { GateIO, GuestPlan } from './guest-plan.js';
import type { PhaseClock } from './phases.js';

/** What a run tells its guest's lifecycle. */
export interface GuestRun {
  config: GateConfig;
  plan: GuestPlan;
  io: GateIO;
  stop: AbortSignal;
  report: GateReport;
  clock: PhaseClock;
}

export interface GuestLifecycle {
  /** A guest at a root shell for this run. */
  acquire(run: GuestRun): Promise<BootedGuest>;
  /**
   * The run is over (its verdict is settled): the results disk unpacked into `<out>/results`, and
   * the guest stopped, unless `healthy` and the lifecycle keeps guests for a next run.
   */
  release(booted: BootedGuest | undefined, run: Omit<GuestRun, 'plan'>, healthy: boolean): Promise<void>;
}

/** One run, one guest: boot at the start, teardown at the end, whatever happened. */
export const singleRunGuest: GuestLifecycle = {
  acquire: (run) =>
    run.clock.run('boot', () =>
      run.io.group('Boot', () => bootGuest(run.config, run.plan, run.io, run.stop, run.report)),
    ),
  release: async (booted, run) => {
    await run.clock
      .run('teardown', async () => {
        await booted?.teardown(path.join(run.config.outDir, 'results'));
      })
      .catch((error: Error) => run.io.warn(`teardown: ${error.message}`));
  },
};
