// From a configuration to a guest at a root shell: which guest and image (plan), then QEMU and
// the console (boot), with one clean retry from a fresh overlay when a boot fails.

import {
  createWriteStream,
  mkdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  type WriteStream,
} from 'node:fs';
import path from 'node:path';
import type { GateConfig } from '../config/types.js';
import { newNonce } from '../console/markers.js';
import { SerialConsole } from '../console/serial-console.js';
import { awaitDdbPrompt, describeDdbSteps, runDdbCommands } from '../console/ddb.js';
import { BootLoopError, CancelledError, ConsoleClosedError, GuestPanicError } from '../console/errors.js';
import type { BackstopPlan, DiskLayout, GuestAdapter } from '../guest/adapter.js';
import { LinuxGuest } from '../guest/linux.js';
import { CommandTimeoutError } from '../guest/shell.js';
import { linuxGuestForRun } from './linux-guest-for-run.js';
import type { GateReport } from '../report/model.js';
import { markKvmUnusable } from '../vm/accel.js';
import { startVm, type VmInstance } from '../vm/instance.js';
import { qemuReachability } from '../vm/reachability.js';
import { KvmFailedError, watchKvmFailure } from '../vm/kvm-failure.js';
import { watchHostDiskErrors } from '../vm/host-disk-errors.js';
import { guestDisks, type DiskSpec } from '../vm/qemu-argv.js';
import { explainVmStartFailure, withQemuVersion } from './vm-start-failure.js';
import { describeWriteErrno, folderWriteProblem, writingHostFile } from './host-files.js';
import { endRecordedQemus } from '../vm/pidfile.js';
import { assertOutputSpace } from './evidence.js';
import { createBlankDisk, readTarDisk, writeTarDisk } from '../payload/tar-disk.js';
import type { GateIO, GuestPlan } from './guest-plan.js';

export type { GuestPlan } from './guest-plan.js';

export interface BootedGuest {
  adapter: GuestAdapter;
  console: SerialConsole;
  disks: DiskLayout;
  accelerator: 'kvm' | 'tcg';
  acceleratorNote?: string;
  serialLogPath: string;
  serialLogText(): string;
  /** Reboots into a freshly installed kernel: a new boot phase, the same disks. */
  reboot(): Promise<BootedGuest>;
  /** Stops QEMU (always) and unpacks the results disk into `resultsDir` (when given). */
  teardown(resultsDir?: string): Promise<void>;
  /** The host files behind the payload and results disks, and the payload disk's size (fixed at boot). */
  hostDisks: { payload: string; results: string; payloadBytes: number };
  /** Unpacks what the guest packed onto the results disk into `resultsDir`, QEMU still running. */
  readResults(resultsDir: string): Promise<void>;
  /**
   * Hands the running guest to the next run (a guest session): its console goes into that run's
   * serial log from now on, its lines and warnings to that run's io, a stop of that run aborts it,
   * and `adapter` is that run's. The log so far is finished (flushed and closed) first.
   */
  handOver(next: {
    io: GateIO;
    stop: AbortSignal;
    serialLogPath: string;
    adapter: GuestAdapter;
  }): Promise<void>;
  /**
   * Layer 2 of the watchdog: the guest stopped answering, so ask it from outside with what the
   * booted kernel has, and say what QEMU reports. Returns lines for the report.
   */
  diagnose(): Promise<GuestDiagnosis>;
  /** Why the serial log `file` stopped taking the console, and how much of it is missing; undefined when whole. */
  serialLogFailure(file: string): SerialLogFailure | undefined;
  /** How QEMU ended after its console closed (killed by which signal, which status, what it said). */
  qemuEnd(): Promise<string>;
  /** Why the host cannot reach a QEMU that runs the guest (stopped, gone, silent, paused); undefined when it can. */
  qemuProblem(): Promise<string | undefined>;
}

/** The serial log could not be written to its end: the errno, and the console bytes it lacks. */
export interface SerialLogFailure {
  code: string;
  missingBytes: number;
}

/** What the backstop did and saw; `qemuFault` when the host could not reach a running QEMU. */
export interface GuestDiagnosis {
  notes: string[];
  qemuFault?: string;
}

export async function planGuest(config: GateConfig, io: GateIO): Promise<GuestPlan> {
  const workDir = path.join(config.outDir, '.work');
  // An earlier run with this output folder may have been killed with its QEMU still running: end
  // that QEMU before its records go.
  for (const ended of await endRecordedQemus(workDir)) {
    if (ended.killed || ended.unresolved) io.warn(`an earlier run's QEMU: ${ended.note}`);
  }
  rmSync(workDir, { recursive: true, force: true });
  // A full output disk is a clear error now, not an ENOSPC in the middle of the boot.
  assertOutputSpace(config.outDir);
  mkdirSync(workDir, { recursive: true });
  const serialLogPath = path.join(config.outDir, 'serial.log');
  if (config.guest === 'linux') {
    const configFile = path.join(workDir, 'gate-config.json');
    writeFileSync(
      configFile,
      JSON.stringify(
        { workloads: config.workloads, fixtureOptions: config.fixtureOptions, fault: config.fault ?? null },
        null,
        2,
      ),
    );
    if (config.linuxFuseTree) {
      const { planLinuxTreeGuest } = await import('./linux-tree-plan.js');
      return planLinuxTreeGuest(config, io, { workDir, serialLogPath, configFile });
    }
    // Only here: a Linux tree run boots the generic guest its plan asks for, not this one.
    const image = await linuxGuestForRun(config, io, 'cloud');
    return {
      adapter: new LinuxGuest(image),
      media: async () => ({
        kind: 'kernel',
        kernel: image.kernel,
        initrd: image.initrd,
        append: image.append,
      }),
      imageInfo: {
        description: `Linux test guest, kernel ${image.kernelRelease}`,
        path: image.dir,
        why: `guest linux: the test guest built from Debian packages${image.rebuiltBecause ? ` (${image.rebuiltBecause})` : ''}`,
      },
      tcgThread: 'single',
      // The user's server folder rides along as it is (prebuilt programs and their libraries).
      payload: [
        { hostPath: configFile, guestPath: 'gate-config.json' },
        ...(config.fuseServerSource ? [{ hostPath: config.fuseServerSource, guestPath: 'fuse-server' }] : []),
      ],
      serialLogPath,
      workDir,
    };
  }
  const { planFreebsdGuest } = await import('../guest/freebsd-plan.js');
  return planFreebsdGuest(config, io, { workDir, serialLogPath });
}

/** The blank results disk the guest packs its results onto. */
export const RESULTS_DISK_MIB = 256;

/** How a boot differs when its guest may outlive the run (a guest session). */
export interface BootOptions {
  /** Where the disks and QEMU's files go (default: the plan's work folder, which is the run's). */
  workDir?: string;
  /** The payload disk's size for an archive of this many bytes: room for a later run's payload. */
  payloadDiskBytes?: (archiveBytes: number) => number;
  /** Append to the run's serial log instead of starting it anew (it already holds a failed reuse). */
  appendLog?: boolean;
}

export async function bootGuest(
  config: GateConfig,
  plan: GuestPlan,
  io: GateIO,
  stop: AbortSignal,
  report: GateReport,
  options: BootOptions = {},
): Promise<BootedGuest> {
  const workDir = options.workDir ?? plan.workDir;
  mkdirSync(workDir, { recursive: true });
  const payloadDisk = path.join(workDir, 'payload.tar');
  const resultsDisk = path.join(workDir, 'results.img');
  const payload = await writingHostFile(payloadDisk, 'the payload disk', () =>
    writeTarDisk(plan.payload, payloadDisk),
  );
  let payloadBytes = payload.diskBytes;
  if (options.payloadDiskBytes) {
    // A hole past the archive: costs nothing on the host, and QEMU fixes a disk's size when it opens it.
    payloadBytes = Math.max(payloadBytes, options.payloadDiskBytes(payload.archiveBytes));
    truncateSync(payloadDisk, payloadBytes);
  }
  // The run the guest serves now: its io, its stop signal, its serial log (a session hands it over).
  let runIo = io;
  let runStop = stop;
  let logPath = plan.serialLogPath;
  // Each serial log (one per run served): what was handed to it, and why it stopped taking more.
  interface LogState {
    stream: WriteStream;
    pushed: number;
    code?: string;
  }
  const logStates = new Map<string, LogState>();
  let logState: LogState | undefined;
  const openLog = (file: string, append = false): WriteStream => {
    const stream = createWriteStream(file, { flags: append ? 'a' : 'w' });
    const state: LogState = { stream, pushed: 0 };
    logState = state;
    logStates.set(file, state);
    // A write error (the disk filled up during the run) must not end the process: the console goes on.
    stream.on('error', (error) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (state.code === undefined)
        runIo.warn(`serial log ${file} is incomplete: ${code ? describeWriteErrno(code) : error.message}`);
      state.code ??= code ?? error.message;
    });
    return stream;
  };
  let log = openLog(logPath, options.appendLog);
  const writeLog = (chunk: string | Buffer): void => {
    if (logState) logState.pushed += Buffer.byteLength(chunk);
    if (logState?.code === undefined) log.write(chunk);
  };
  const serialLogFailure = (file: string): SerialLogFailure | undefined => {
    const state = logStates.get(file);
    return state?.code === undefined
      ? undefined
      : { code: state.code, missingBytes: Math.max(0, state.pushed - state.stream.bytesWritten) };
  };
  const boot = async (attempt: number): Promise<BootedGuest> => {
    report.bootAttempts = attempt;
    await writingHostFile(resultsDisk, `the ${RESULTS_DISK_MIB} MiB results disk`, () =>
      createBlankDisk(resultsDisk, RESULTS_DISK_MIB),
    );
    const media = await plan.media(attempt);
    const vmDisks: DiskSpec[] = [
      { path: payloadDisk, format: 'raw', readonly: true },
      { path: resultsDisk, format: 'raw' },
    ];
    const vm = await startVm({
      accel: config.accel,
      cpus: config.cpus,
      memoryMiB: config.memoryMiB,
      boot: media,
      ...(plan.tcgThread ? { tcgThread: plan.tcgThread } : {}),
      disks: vmDisks,
      workDir: path.join(workDir, `vm${attempt}`),
      pidfile: path.join(workDir, `qemu${attempt}.pid.json`),
    }).catch(async (error: unknown) => {
      throw await withQemuVersion(explainVmStartFailure(error, config));
    });
    io.onVmStarted?.(path.join(workDir, `qemu${attempt}.pid.json`));
    io.onVm?.(vm);
    if (attempt === 1 && vm.accelerator === 'tcg' && config.accel === 'auto')
      io.warn(`using TCG software emulation: ${vm.accelNote}`);
    let consoleBytes = 0;
    const console = new SerialConsole(vm.console, {
      profile: plan.adapter.console,
      nonce: newNonce(),
      rawLog: (chunk) => {
        consoleBytes += chunk.length;
        writeLog(chunk);
      },
      onLine: (line) => runIo.consoleLine(line),
    });
    const onStop = () => console.abort(new CancelledError(String(runStop.reason ?? 'SIGTERM')));
    stop.addEventListener('abort', onStop, { once: true });
    // For the whole run: KVM stopping the guest ends whatever waits on the console, at once.
    const unwatchKvmOnly =
      vm.accelerator === 'kvm'
        ? await watchKvmFailure(vm, (failure) => console.abort(failure))
        : () => undefined;
    // So does a guest disk the host cannot write (the output folder full or read-only).
    const diskFiles = Object.fromEntries(
      guestDisks({ boot: media, disks: vmDisks }).map((disk, index) => [`disk${index}`, disk.path]),
    );
    const unwatchDisks = await watchHostDiskErrors(vm, diskFiles, (failure) => console.abort(failure));
    const unwatchKvm = () => {
      unwatchKvmOnly();
      unwatchDisks();
    };
    try {
      await console.login(config.bootTimeoutSec * 1000);
    } catch (caught) {
      stop.removeEventListener('abort', onStop);
      unwatchKvm();
      // How QEMU ended is known only before the gate stops it.
      const error =
        caught instanceof ConsoleClosedError
          ? caught.withQemuEnd(await vm.describeEnd(), vm.killedBy())
          : caught;
      await vm.stop();
      if (
        vm.accelerator === 'kvm' &&
        !(error instanceof KvmFailedError) &&
        error instanceof CommandTimeoutError &&
        consoleBytes === 0
      ) {
        // A guest that printed not one byte under KVM, when KVM was only probed: treat it as KVM failing.
        throw new KvmFailedError(`the guest printed nothing under KVM within ${config.bootTimeoutSec} s`);
      }
      throw error;
    }
    const disks = plan.adapter.disks(media.kind === 'disk' ? 1 : 0);
    const booted: BootedGuest = {
      adapter: plan.adapter,
      console,
      disks,
      accelerator: vm.accelerator,
      acceleratorNote: vm.accelNote,
      serialLogPath: plan.serialLogPath,
      serialLogText: () => readFileSync(logPath, 'latin1'),
      hostDisks: { payload: payloadDisk, results: resultsDisk, payloadBytes },
      reboot: async () => {
        // A new boot phase (the console resets its boot-loop count), then the new kernel's login.
        await console.reboot(plan.adapter.console.rebootCommand ?? 'reboot', config.bootTimeoutSec * 1000);
        return booted;
      },
      diagnose: () => diagnoseWedgedGuest(vm, console, booted.adapter.backstop()),
      qemuEnd: () => vm.describeEnd(),
      serialLogFailure,
      qemuProblem: async () => {
        const reach = await qemuReachability(vm);
        return reach.reachable ? undefined : reach.why;
      },
      teardown: async (resultsDir) => {
        runStop.removeEventListener('abort', onStop);
        unwatchKvm();
        await vm.stop();
        await new Promise<void>((resolve) => log.end(resolve));
        if (resultsDir) await booted.readResults(resultsDir);
      },
      readResults: async (resultsDir) => {
        await readTarDisk(resultsDisk, resultsDir).catch((error: Error) =>
          runIo.warn(`reading the results disk: ${folderWriteProblem(resultsDir) ?? error.message}`),
        );
      },
      handOver: async (next) => {
        await new Promise<void>((resolve) => log.end(resolve));
        runStop.removeEventListener('abort', onStop);
        runIo = next.io;
        runStop = next.stop;
        booted.adapter = next.adapter;
        booted.serialLogPath = logPath = next.serialLogPath;
        log = openLog(logPath);
        if (runStop.aborted) onStop();
        else runStop.addEventListener('abort', onStop, { once: true });
      },
    };
    return booted;
  };

  // The probe passed but the real guest could not run under KVM: the same attempt again under TCG.
  // This is the accelerator failing, not the boot, so the boot keeps its own retry.
  const bootWithFallback = async (attempt: number): Promise<BootedGuest> => {
    try {
      return await boot(attempt);
    } catch (error) {
      if (!(error instanceof KvmFailedError) || config.accel !== 'auto' || stop.aborted) throw error;
      markKvmUnusable(error.message);
      io.warn(`KVM could not run the guest (${error.message}); booting again under TCG software emulation`);
      writeLog(`\n===== fusefs-gate: ${error.message}; booting again under TCG =====\n`);
      return await boot(attempt);
    }
  };

  try {
    try {
      return await bootWithFallback(1);
    } catch (error) {
      if (!isRetryableBootFailure(error) || stop.aborted) throw error;
      io.warn(
        `boot attempt 1 failed (${(error as Error).message.split('\n')[0]}); retrying once from a fresh overlay`,
      );
      writeLog(
        `\n===== fusefs-gate: boot attempt 1 failed: ${(error as Error).message.split('\n')[0]}; retrying =====\n`,
      );
      return await bootWithFallback(2);
    }
  } catch (error) {
    // No guest to tear down later: finish the serial log here, so the evidence is complete.
    await new Promise<void>((resolve) => log.end(resolve));
    throw error;
  }
}

/** How long the backstop waits for a wedged guest to print anything after it was poked. */
const DIAGNOSE_WAIT_MS = 3000;

async function diagnoseWedgedGuest(
  vm: VmInstance,
  console: SerialConsole,
  plan: BackstopPlan,
): Promise<GuestDiagnosis> {
  const reach = await qemuReachability(vm);
  // A stopped, dead, silent or paused QEMU: its guest's silence says nothing about the guest's kernel.
  if (!reach.reachable) return { notes: [reach.why], qemuFault: reach.why };
  const notes = [`QEMU reports the guest ${reach.status}`];
  return { notes: await askWedgedGuest(vm, console, plan, notes) };
}

/** Layer 2 proper: ask a running but silent guest for stacks with what its kernel has. */
async function askWedgedGuest(
  vm: VmInstance,
  console: SerialConsole,
  plan: BackstopPlan,
  notes: string[],
): Promise<string[]> {
  if (plan.kind === 'none') return [...notes, `no outside way to ask for stacks: ${plan.why}`];
  try {
    if (plan.kind === 'sysrq') {
      const answered = console.waitForQuiet(500, DIAGNOSE_WAIT_MS * 3);
      await vm.sendSysrq(plan.key);
      notes.push(`sent Alt+SysRq+${plan.key.toUpperCase()}`);
      notes.push(
        (await answered)
          ? 'the guest printed a dump after it (see the serial log)'
          : 'the guest printed nothing after it',
      );
      return notes;
    }
    // ddb: an NMI stops the kernel in the debugger; each command's output ends at the next prompt.
    await vm.nmi();
    notes.push('sent an NMI');
    await awaitDdbPrompt(console, DIAGNOSE_WAIT_MS);
    // Each command's answer is checked for ddb's error lines: a prompt alone is no success.
    notes.push(...describeDdbSteps(await runDdbCommands(console, plan.commands, 30_000)));
  } catch (error) {
    notes.push(`the backstop stopped: ${(error as Error).message.split('\n')[0]}`);
  }
  return notes;
}

/**
 * A boot that never reached a shell, looped, or panicked in the stock kernel gets one more try; so
 * does a QEMU that exited on its own (a guest reset under -no-reboot). A QEMU killed by a signal it
 * was not sent by the gate (SIGKILL from outside or the OOM killer, its own SIGSEGV or SIGABRT) is
 * the host's failure, not the guest's boot: the run ends in `error` saying so, at once.
 */
function isRetryableBootFailure(error: unknown): boolean {
  return (
    error instanceof CommandTimeoutError ||
    error instanceof BootLoopError ||
    error instanceof GuestPanicError ||
    (error instanceof ConsoleClosedError && error.qemuKilledBy === undefined)
  );
}

export type { VmInstance };
