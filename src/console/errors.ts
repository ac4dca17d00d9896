// Why a wait on the console ended without what it waited for.

/**
 * The guest kernel panicked; `text` holds the panic report as printed, `startLine` (when known) the
 * index of the line that started it. The message quotes the panic's own line: the first panic line
 * from the start on (FreeBSD's "panic: %s" follows its "Fatal trap" report, sys/amd64/amd64/trap.c
 * trap_fatal()), never an earlier line that merely says "panic" (a `kern.panic` sysctl, a boot message).
 */
export class GuestPanicError extends Error {
  constructor(
    readonly text: string,
    startLine?: number,
  ) {
    super(`guest kernel panicked: ${panicHeadline(text, startLine) ?? text.slice(0, 200)}`);
    this.name = 'GuestPanicError';
  }
}

/** FreeBSD's "panic: " (also after other console text, `login: panic: `) and Linux's panic() line. */
const PANIC_LINE = /(?:^|[^\w.-])panic: |Kernel panic - not syncing/;

function panicHeadline(text: string, startLine: number | undefined): string | undefined {
  const lines = text.split('\n');
  const from = startLine ?? 0;
  const own = lines.slice(from).find((line) => PANIC_LINE.test(line));
  return (own ?? (startLine === undefined ? firstLineMatching(text, /panic/i) : lines[from]))?.trim();
}

/** The console stream ended: QEMU exited or was killed. */
export class ConsoleClosedError extends Error {
  constructor(
    readonly awaited: string,
    readonly lastOutput: string,
    /** How QEMU ended, once the host knows (`QEMU (pid 7) was killed by SIGSEGV`); the console alone cannot tell. */
    readonly qemuEnd?: string,
    /** The signal that killed QEMU when it was not the gate's: the host's fault, not the guest's boot. */
    readonly qemuKilledBy?: string,
  ) {
    super(
      `the guest console closed (${qemuEnd ?? 'QEMU exited'}) while waiting for ${awaited}; last output: ${JSON.stringify(lastOutput.slice(-300))}`,
    );
    this.name = 'ConsoleClosedError';
  }

  /** The same closing, saying how QEMU ended. */
  withQemuEnd(qemuEnd: string | undefined, qemuKilledBy?: string): ConsoleClosedError {
    return qemuEnd ? new ConsoleClosedError(this.awaited, this.lastOutput, qemuEnd, qemuKilledBy) : this;
  }
}

/** The guest printed its boot banner twice within one boot phase. */
export class BootLoopError extends Error {
  constructor(
    readonly banner: string,
    readonly lastOutput: string,
  ) {
    super(`the guest rebooted during boot (banner ${JSON.stringify(banner)} seen twice)`);
    this.name = 'BootLoopError';
  }
}

/** The wait was abandoned because the run was cancelled. */
export class CancelledError extends Error {
  constructor(readonly signal: string) {
    super(`cancelled by ${signal}`);
    this.name = 'CancelledError';
  }
}

function firstLineMatching(text: string, re: RegExp): string | undefined {
  return text
    .split('\n')
    .find((line) => re.test(line))
    ?.trim();
}
