// What a guest plan is and what the gate tells its caller: types only, shared by the gate
// (run.ts, boot.ts) and the guests' planners (guest/freebsd-plan.ts), so none of them imports
// another in a circle.

import type { BootMedia, GuestAdapter } from '../guest/adapter.js';
import type { PayloadEntry } from '../payload/tar-disk.js';
import type { GateReport, PhaseTiming } from '../report/model.js';
import type { VmInstance } from '../vm/instance.js';

export interface GateIO {
  /** A one-line progress note outside any log group. */
  note(message: string): void;
  warn(message: string): void;
  /** Each guest console line as it arrives. */
  consoleLine(line: string): void;
  /** Runs `work` inside a collapsed log group (the action) or under a heading (the CLI). */
  group<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Aborted on SIGINT/SIGTERM or a cancelled job; the reason is the signal name. */
  signal: AbortSignal;
  /** Told the QEMU pidfile as soon as QEMU runs, so a post step can end it if this process is killed. */
  onVmStarted?(pidfile: string): void;
  /** Handed the running VM (tests use it to wedge or kill the guest from outside). */
  onVm?(vm: VmInstance): void;
  /** A phase begins; without this, a note says so. */
  phaseStarted?(phase: string): void;
  /** A phase ended, with its duration and outcome (one line per phase on a terminal). */
  phaseEnded?(timing: PhaseTiming): void;
}

export interface GuestPlan {
  adapter: GuestAdapter;
  /** Makes the boot media; called again for a retry, so a disk guest gets a fresh overlay. */
  media(attempt: number): Promise<BootMedia>;
  imageInfo: NonNullable<GateReport['image']>;
  /** Host files and folders that go onto the payload disk, and where they land under /gate. */
  payload: PayloadEntry[];
  serialLogPath: string;
  workDir: string;
  /** TCG threading for this guest (see QemuArgvOptions.tcgThread); QEMU's default when unset. */
  tcgThread?: 'single' | 'multi';
}
