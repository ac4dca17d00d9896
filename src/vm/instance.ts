// One running QEMU: start, console, QMP, diagnose (NMI, sysrq), stop. Knows QEMU, nothing of the
// guest OS. Every started QEMU is in a module-level registry so signal handlers and the post step
// can end them all (stopAll); every wait is bounded; stop() always ends with a reaped process.
//
// Start sequence (measured on QEMU 7.2): QEMU creates the QMP socket, then the serial socket and
// blocks (wait=on) until the host connects to it; only then does it open the disks, realize the
// devices and start its main loop, after which the QMP greeting is sent. So: spawn -> connect the
// console (retrying while the socket does not exist yet) -> QMP greeting + capabilities. The QMP
// greeting is the signal that QEMU got through its setup: a missing disk or a bad device makes
// QEMU exit before it, and that exit is a VmStartError carrying QEMU's stderr.

import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chooseAccelerator, type AccelChoice, type ChooseAcceleratorOptions } from './accel.js';
import { processStartTicks, writePidfile, type PidRecord } from './pidfile.js';
import { registerVm, unregisterVm } from './registry.js';
import { TailBuffer, lastLine, spawnTiedToParent, waitForExit } from './process.js';
import { QmpClient } from './qmp.js';
import { buildQemuArgv, escapeOptValue, type Accelerator, type QemuArgvOptions } from './qemu-argv.js';
import { connectUnixWithRetry } from './unix-socket.js';

export interface VmOptions extends Omit<QemuArgvOptions, 'accel' | 'serialSocket' | 'qmpSocket'> {
  /** `auto` probes KVM (cached) and falls back to TCG; `kvm` fails when KVM does not work. */
  accel: AccelChoice;
  qemuBinary?: string;
  /**
   * Folder for the sockets (created if missing). Default, or when a socket path there would be too
   * long for a unix socket: a fresh temporary folder, removed when QEMU has exited.
   */
  workDir?: string;
  /** Bound for spawn -> console connected -> QMP ready. Default 30 s. */
  startTimeoutMs?: number;
  /** Record {pid, startedAt, cmdlineHint} here for a later killRecorded (the post step). */
  pidfile?: string;
  /** Options for the KVM probe when accel is auto or kvm. */
  accelOptions?: ChooseAcceleratorOptions;
}

export interface VmExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last 16 KiB of QEMU's stderr. */
  stderrTail: string;
}

/** The guest's serial port. Bytes that arrive before the first onData listener are kept for it. */
export interface VmConsole {
  write(data: string | Buffer): void;
  onData(listener: (chunk: Buffer) => void): void;
  onClose(listener: () => void): void;
  readonly closed: boolean;
}

export interface VmStatus {
  /** QMP RunState: running, paused, shutdown, internal-error, guest-panicked, ... */
  status: string;
  running: boolean;
}

export interface VmInstance {
  readonly pid: number;
  readonly accelerator: Accelerator;
  /** Why this accelerator (the probe's verdict when accel was auto). */
  readonly accelNote: string;
  readonly argv: readonly string[];
  /** What a pidfile needs to find this QEMU again (see pidfile.ts). */
  readonly pidRecord: PidRecord;
  readonly console: VmConsole;
  /** The QMP connection (opened during start; reopened on demand if it was lost). */
  qmp(): Promise<QmpClient>;
  /** Resolves once QEMU has exited and been reaped; never rejects. */
  readonly exited: Promise<VmExit>;
  /** QMP quit, then SIGTERM, then SIGKILL, each after graceMs (default 5 s). Idempotent. */
  stop(options?: { graceMs?: number }): Promise<VmExit>;
  /** Pause the vCPUs from outside (QMP stop): the guest is wedged, its console silent. */
  wedge(): Promise<void>;
  /** Undo wedge (QMP cont). */
  resume(): Promise<void>;
  /** Alt+SysRq+key on the guest's keyboard (QMP send-key); reaches a Linux guest with a PS/2 (i8042) keyboard driver. */
  sendSysrq(key: string): Promise<void>;
  /** Inject an NMI into every vCPU (QMP inject-nmi). */
  nmi(): Promise<void>;
  /** QMP query-status; `timeoutMs` bounds the answer (default 10 s). */
  queryStatus(options?: { timeoutMs?: number }): Promise<VmStatus>;
  /** The last 16 KiB QEMU wrote to stderr so far (its own error lines, e.g. a KVM internal error). */
  stderrText(): string;
  /**
   * How QEMU ended, for a console that closed under the run: waits up to `waitMs` (default 5 s) for
   * the exit; says so when QEMU still runs.
   */
  describeEnd(waitMs?: number): Promise<string>;
  /** The signal that ended QEMU when the gate had not asked it to stop; undefined otherwise (or still running). */
  killedBy(): NodeJS.Signals | undefined;
}

/** One sentence on how a QEMU process ended: the signal or the status, and QEMU's last stderr line. */
export function describeQemuExit(pid: number, exit: VmExit, stoppedByGate: boolean): string {
  // QEMU's own info lines ("QEMU waiting for connection on: ...") say nothing about its end.
  const said = lastLine(
    exit.stderrTail
      .split('\n')
      .filter((line) => !/^[^:]*: .*\binfo: /.test(line))
      .join('\n'),
  );
  const words = said ? `; QEMU said: ${JSON.stringify(said.slice(0, 300))}` : '';
  if (stoppedByGate) return `QEMU (pid ${pid}) was stopped by the gate${words}`;
  if (exit.signal) {
    // Nothing in the run sends SIGKILL to a QEMU it has not asked to stop: someone else did.
    const who =
      exit.signal === 'SIGKILL'
        ? " (from outside the run: another process, or the kernel's out-of-memory killer)"
        : '';
    return `QEMU (pid ${pid}) was killed by ${exit.signal}${who}${words}`;
  }
  return `QEMU (pid ${pid}) exited with status ${exit.code}${words}`;
}

/** QEMU did not get as far as running the guest. */
export class VmStartError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
    readonly argv: readonly string[],
  ) {
    super(message);
    this.name = 'VmStartError';
  }
}

/** QEMU survived SIGKILL for longer than the bound (a process stuck in the kernel). */
export class VmStopError extends Error {
  constructor(
    readonly pid: number,
    readonly waitedMs: number,
  ) {
    super(`QEMU pid ${pid} did not exit within ${waitedMs} ms of SIGTERM and SIGKILL`);
    this.name = 'VmStopError';
  }
}

const DEFAULT_START_TIMEOUT_MS = 30_000;
const DEFAULT_GRACE_MS = 5_000;
/** After SIGKILL the kernel ends the process promptly unless it is stuck in uninterruptible I/O. */
const KILL_WAIT_MS = 5_000;
const QMP_COMMAND_TIMEOUT_MS = 10_000;

export { runningVmPids, stopAll, stopAllVms } from './registry.js';

export async function startVm(options: VmOptions): Promise<VmInstance> {
  const qemuBinary = options.qemuBinary ?? 'qemu-system-x86_64';
  const decision = await chooseAccelerator(options.accel, { qemuBinary, ...options.accelOptions });
  const { runDir, ownRunDir } = await socketFolder(options.workDir);
  const serialSocket = path.join(runDir, 'console.sock');
  const qmpSocket = path.join(runDir, 'qmp.sock');
  const {
    accel: _choice,
    qemuBinary: _binary,
    workDir: _dir,
    startTimeoutMs: _timeout,
    pidfile: _pidfile,
    accelOptions: _accelOptions,
    ...argvOptions
  } = options;
  let argv: string[];
  try {
    argv = buildQemuArgv({ ...argvOptions, accel: decision.accelerator, serialSocket, qmpSocket });
  } catch (error) {
    if (ownRunDir) await rm(runDir, { recursive: true, force: true });
    throw new VmStartError(`invalid VM options: ${(error as Error).message}`, '', []);
  }
  const vm = new QemuVm(
    qemuBinary,
    argv,
    decision.accelerator,
    decision.note,
    runDir,
    ownRunDir,
    serialSocket,
    qmpSocket,
    options.pidfile,
  );
  await vm.start(options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  return vm;
}

/** sockaddr_un.sun_path holds 107 bytes and a NUL (unix(7)); leave room for the file names. */
const MAX_SOCKET_DIR_BYTES = 107 - 'console.sock'.length - 1;

async function socketFolder(workDir: string | undefined): Promise<{ runDir: string; ownRunDir: boolean }> {
  if (workDir !== undefined) {
    const absolute = path.resolve(workDir);
    if (Buffer.byteLength(absolute) <= MAX_SOCKET_DIR_BYTES) {
      await mkdir(absolute, { recursive: true });
      return { runDir: absolute, ownRunDir: false };
    }
  }
  return { runDir: await mkdtemp(path.join(os.tmpdir(), 'fg-vm-')), ownRunDir: true };
}

class QemuVm implements VmInstance {
  readonly exited: Promise<VmExit>;
  readonly console: SocketConsole;
  private readonly child: ChildProcess;
  private readonly stderr = new TailBuffer(16 * 1024);
  private exitValue: VmExit | undefined;
  private spawnError: Error | undefined;
  private qmpClient: QmpClient | undefined;
  private qmpConnecting: Promise<QmpClient> | undefined;
  private stopping: Promise<VmExit> | undefined;
  readonly pidRecord: PidRecord;

  constructor(
    private readonly qemuBinary: string,
    readonly argv: readonly string[],
    readonly accelerator: Accelerator,
    readonly accelNote: string,
    private readonly runDir: string,
    private readonly ownRunDir: boolean,
    private readonly serialSocket: string,
    private readonly qmpSocket: string,
    private readonly pidfile: string | undefined,
  ) {
    this.console = new SocketConsole();
    // An argv array, no shell. stdin is /dev/null: QEMU has no stdio chardev here. Tied to this
    // process (parent-death signal), so QEMU dies with it even when it is SIGKILLed.
    this.child = spawnTiedToParent(this.qemuBinary, argv, { stdio: ['ignore', 'ignore', 'pipe'] }).child;
    this.child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    this.exited = new Promise<VmExit>((resolve) => {
      this.child.on('error', (error) => {
        // Spawning failed (ENOENT, EACCES): there is no process; 'close' still follows.
        this.spawnError = error;
      });
      // 'close' follows 'exit' once stderr has drained, so the tail is complete.
      this.child.on('close', (code, signal) => {
        this.exitValue = { code, signal, stderrTail: this.stderr.text() };
        unregisterVm(this);
        this.console.destroy();
        this.qmpClient?.close();
        void this.cleanupFiles().finally(() => resolve(this.exitValue!));
      });
    });
    // The serial chardev argument holds the run's unique socket path: what a pidfile matches on.
    // Its start time (unchanged by setpriv's exec) tells it from a later process with a recycled pid.
    const startTicks = this.child.pid !== undefined ? processStartTicks(this.child.pid) : undefined;
    this.pidRecord = {
      pid: this.child.pid ?? -1,
      startedAt: new Date().toISOString(),
      cmdlineHint: escapeOptValue(serialSocket),
      ...(startTicks !== undefined ? { startTicks } : {}),
    };
    if (this.child.pid !== undefined) registerVm(this);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  async start(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const exitedReason = (): string | undefined => {
      if (this.spawnError) return `could not start QEMU: ${this.spawnError.message}`;
      if (this.child.exitCode !== null || this.child.signalCode !== null || this.exitValue)
        return 'QEMU exited';
      return undefined;
    };
    try {
      if (this.child.pid === undefined) {
        await this.exited;
        throw new Error(`could not start QEMU: ${this.spawnError?.message ?? 'no pid'}`);
      }
      if (this.pidfile) {
        await writePidfile(this.pidfile, this.pidRecord);
      }
      const socket = await connectUnixWithRetry(this.serialSocket, {
        timeoutMs: Math.max(1, deadline - Date.now()),
        retryMs: 25,
        what: 'the serial console socket',
        shouldStop: exitedReason,
      });
      this.console.attach(socket);
      this.qmpClient = await this.raceExit(
        QmpClient.connect(this.qmpSocket, {
          timeoutMs: Math.max(1, deadline - Date.now()),
          commandTimeoutMs: QMP_COMMAND_TIMEOUT_MS,
          shouldStop: exitedReason,
        }),
      );
    } catch (error) {
      // Whatever failed, QEMU must not outlive the failed start.
      const endedByItself = this.child.exitCode !== null || this.child.signalCode !== null;
      const exit = await this.stop({ graceMs: 1_000 }).catch(() => this.exitValue);
      const stderr = exit?.stderrTail ?? this.stderr.text();
      const said = lastLine(stderr);
      if (this.spawnError) {
        throw new VmStartError(
          `could not run ${this.qemuBinary}: ${this.spawnError.message}`,
          stderr,
          this.argv,
        );
      }
      // A signal QEMU died of before the gate stopped it is the host's (or QEMU's own crash): name it.
      const exitText = !exit
        ? ''
        : endedByItself && exit.signal
          ? `; QEMU was killed by ${exit.signal}`
          : `; exit ${exit.signal ?? exit.code}`;
      throw new VmStartError(
        `QEMU did not start${said ? `: ${said}` : ''} (${(error as Error).message}${exitText})`,
        stderr,
        this.argv,
      );
    }
  }

  /** Rejects as soon as QEMU exits, so a start step never waits out its whole bound on a dead QEMU. */
  private raceExit<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([
      promise,
      this.exited.then((exit) => {
        throw new Error(`QEMU exited (${exit.signal ?? `code ${exit.code}`})`);
      }),
    ]);
  }

  qmp(): Promise<QmpClient> {
    if (this.qmpClient && !this.qmpClient.closed) return Promise.resolve(this.qmpClient);
    if (this.exitValue) return Promise.reject(new Error(`QEMU pid ${this.pid} has exited; no QMP`));
    const exited = (): string | undefined => (this.exitValue ? 'QEMU exited' : undefined);
    this.qmpConnecting ??= this.raceExit(
      QmpClient.connect(this.qmpSocket, {
        timeoutMs: 10_000,
        commandTimeoutMs: QMP_COMMAND_TIMEOUT_MS,
        shouldStop: exited,
      }),
    )
      .then((client) => {
        this.qmpClient = client;
        return client;
      })
      .finally(() => {
        this.qmpConnecting = undefined;
      });
    return this.qmpConnecting;
  }

  stop(options: { graceMs?: number } = {}): Promise<VmExit> {
    this.stopping ??= this.doStop(options.graceMs ?? DEFAULT_GRACE_MS);
    return this.stopping;
  }

  private async doStop(graceMs: number): Promise<VmExit> {
    if (this.exitValue) return this.exited;
    if (this.child.pid === undefined) return this.exited;
    // 1. Ask QEMU to quit (QMP "quit": "This command will cause the QEMU process to exit
    //    gracefully"). Only when QMP is already up: connecting now could itself take the grace.
    if (this.qmpClient && !this.qmpClient.closed) {
      // The answer may not come before the socket closes; the exit is what counts.
      void this.qmpClient.execute('quit', undefined, { timeoutMs: graceMs }).catch(() => undefined);
      if (await waitForExit(this.child, graceMs)) return this.exited;
    }
    // 2. SIGTERM: QEMU catches it and exits cleanly ("terminating on signal 15"). A stopped QEMU
    //    (SIGSTOP) only acts on it once continued.
    this.child.kill('SIGCONT');
    this.child.kill('SIGTERM');
    if (await waitForExit(this.child, graceMs)) return this.exited;
    // 3. SIGKILL.
    this.child.kill('SIGKILL');
    if (await waitForExit(this.child, KILL_WAIT_MS)) return this.exited;
    throw new VmStopError(this.pid, graceMs + KILL_WAIT_MS);
  }

  async wedge(): Promise<void> {
    // QMP "stop": "Stop all guest VCPU execution."
    await (await this.qmp()).execute('stop');
  }

  async resume(): Promise<void> {
    await (await this.qmp()).execute('cont');
  }

  async sendSysrq(key: string): Promise<void> {
    if (!/^[a-z0-9]$/.test(key))
      throw new Error(`sysrq key must be one lower-case letter or digit, got ${JSON.stringify(key)}`);
    // QMP "send-key": keys are pressed in order and released in reverse; QKeyCode names "alt",
    // "sysrq", "a".."z", "0".."9" (qapi/ui.json). hold-time is the press duration in ms.
    await (await this.qmp()).execute('send-key', {
      keys: [
        { type: 'qcode', data: 'alt' },
        { type: 'qcode', data: 'sysrq' },
        { type: 'qcode', data: key },
      ],
      'hold-time': 200,
    });
  }

  async nmi(): Promise<void> {
    // QMP "inject-nmi": "Injects a Non-Maskable Interrupt into the default CPU (x86/s390) or - all CPUs (ppc64)."
    await (await this.qmp()).execute('inject-nmi');
  }

  async queryStatus(options: { timeoutMs?: number } = {}): Promise<VmStatus> {
    const status = await (await this.qmp()).execute<{ status: string; running: boolean }>(
      'query-status',
      undefined,
      options,
    );
    return { status: status.status, running: status.running };
  }

  stderrText(): string {
    return this.stderr.text();
  }

  killedBy(): NodeJS.Signals | undefined {
    if (this.stopping !== undefined) return undefined;
    return this.exitValue?.signal ?? undefined;
  }

  async describeEnd(waitMs = 5_000): Promise<string> {
    const stoppedByGate = this.stopping !== undefined;
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([
      this.exited,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), waitMs);
      }),
    ]).finally(() => clearTimeout(timer));
    if (!exit)
      return `QEMU (pid ${this.pid}) closed the serial console but was still running ${waitMs / 1000} s later`;
    return describeQemuExit(this.pid, exit, stoppedByGate);
  }

  private async cleanupFiles(): Promise<void> {
    const removals: Promise<void>[] = [];
    if (this.pidfile) removals.push(rm(this.pidfile, { force: true }));
    if (this.ownRunDir) removals.push(rm(this.runDir, { recursive: true, force: true }));
    else removals.push(rm(this.serialSocket, { force: true }), rm(this.qmpSocket, { force: true }));
    await Promise.allSettled(removals);
  }
}

const MAX_EARLY_BYTES = 16 * 1024 * 1024;

/** The serial console over the unix socket; keeps early bytes until someone listens. */
class SocketConsole implements VmConsole {
  private socket: net.Socket | undefined;
  private readonly dataListeners: ((chunk: Buffer) => void)[] = [];
  private readonly closeListeners: (() => void)[] = [];
  private early: Buffer[] = [];
  private earlyBytes = 0;
  private isClosed = false;

  get closed(): boolean {
    return this.isClosed;
  }

  attach(socket: net.Socket): void {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      if (this.dataListeners.length > 0) {
        for (const listener of this.dataListeners) listener(chunk);
        return;
      }
      // Nobody listens yet: keep the bytes (bounded; a console nobody reads is a caller's bug).
      this.early.push(chunk);
      this.earlyBytes += chunk.length;
      while (this.earlyBytes > MAX_EARLY_BYTES && this.early.length > 1)
        this.earlyBytes -= this.early.shift()!.length;
    });
    socket.on('error', () => this.markClosed());
    socket.on('close', () => this.markClosed());
  }

  write(data: string | Buffer): void {
    if (this.isClosed || !this.socket) return;
    this.socket.write(data);
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.dataListeners.push(listener);
    if (this.dataListeners.length === 1 && this.early.length > 0) {
      const early = this.early;
      this.early = [];
      this.earlyBytes = 0;
      for (const chunk of early) listener(chunk);
    }
  }

  onClose(listener: () => void): void {
    if (this.isClosed) listener();
    else this.closeListeners.push(listener);
  }

  destroy(): void {
    this.socket?.destroy();
    this.markClosed();
  }

  private markClosed(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
