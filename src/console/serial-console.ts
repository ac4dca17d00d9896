// A small expect engine over the guest's serial byte stream. It owns prompts, markers, echo,
// timeouts and the raw log; it never sleeps for a fixed time: every wait is on a pattern with a deadline.

import type { ConsoleProfile } from '../guest/adapter.js';
import { CommandTimeoutError, type RunOptions, type RunResult, type Shell } from '../guest/shell.js';
import { BootLoopError, CancelledError, ConsoleClosedError, GuestPanicError } from './errors.js';
import { framedCommand, markerPattern } from './markers.js';

/** The byte stream of a serial port: the vm's console socket, or a scripted stream in tests. */
export interface ConsoleStream {
  write(data: string): void;
  onData(listener: (chunk: Buffer) => void): void;
  onClose(listener: () => void): void;
}

export interface SerialConsoleOptions {
  profile: ConsoleProfile;
  nonce: string;
  /** Receives every byte exactly as it arrived (the raw serial log). */
  rawLog?: (chunk: Buffer) => void;
  /** Receives each complete console line as it arrives (live output). */
  onLine?: (line: string) => void;
  /** How long to keep collecting a panic report after its first line when no end line comes. */
  panicCollectMs?: number;
}

interface Waiter {
  pattern: RegExp;
  awaited: string;
  resolve: (match: RegExpExecArray, before: string) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Longest command line sent: FreeBSD's and Linux's canonical tty input buffers are bounded. */
export const MAX_COMMAND_LENGTH = 900;
const CONTEXT_LINES = 120;

export class SerialConsole implements Shell {
  /** Decoded text not yet consumed by a wait. */
  private pending = '';
  private partialLine = '';
  private escapeCarry = '';
  private readonly recentLines: string[] = [];
  private readonly decoder = new TextDecoder('utf-8');
  private waiter: Waiter | undefined;
  private closed = false;
  private failure: Error | undefined;
  private panicLines: string[] | undefined;
  /** Where in panicLines the line that matched the profile's panicStart is. */
  private panicStartAt = 0;
  private panicTimer: NodeJS.Timeout | undefined;
  private bannerCount = 0;
  private watchBanner = false;
  private commandCounter = 0;
  private lastDataAt = Date.now();
  private readonly quietWaiters = new Set<() => void>();

  constructor(
    private readonly stream: ConsoleStream,
    private readonly options: SerialConsoleOptions,
  ) {
    stream.onData((chunk) => this.receive(chunk));
    stream.onClose(() => this.close());
  }

  get nonce(): string {
    return this.options.nonce;
  }

  /** Milliseconds since the guest last printed anything. */
  get idleMs(): number {
    return Date.now() - this.lastDataAt;
  }

  /** The last console lines, for error messages and the report. */
  lastLines(count = 20): string[] {
    const lines = [...this.recentLines];
    if (this.partialLine) lines.push(this.partialLine);
    return lines.slice(-count);
  }

  /**
   * Resolves once the guest has printed something and then been quiet for `quietMs`, or at
   * `maxMs`; true when anything arrived. For collecting a dump whose end has no marker.
   */
  waitForQuiet(quietMs: number, maxMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      let seen = false;
      let quiet: NodeJS.Timeout | undefined;
      const finish = () => {
        clearTimeout(quiet);
        clearTimeout(bound);
        this.quietWaiters.delete(onData);
        resolve(seen);
      };
      const onData = () => {
        seen = true;
        clearTimeout(quiet);
        quiet = setTimeout(finish, quietMs);
      };
      const bound = setTimeout(finish, maxMs);
      this.quietWaiters.add(onData);
    });
  }

  /** Fails every current and future wait, e.g. on SIGTERM. */
  abort(error: Error): void {
    this.fail(error);
  }

  send(text: string): void {
    if (this.closed) throw new ConsoleClosedError('sending input', this.lastLines().join('\n'));
    this.stream.write(text);
  }

  /**
   * Waits until the boot reaches a root shell: answers the login prompt when the profile has one,
   * switches to /bin/sh, turns echo off and syncs on a first framed command.
   */
  async login(timeoutMs: number): Promise<void> {
    // What arrived before this call is this boot's own output (the stream is read from QEMU's start).
    this.beginBootPhase({ dropPending: false });
    await this.loginWithinPhase(timeoutMs);
  }

  /**
   * A planned reboot (into a freshly installed kernel): a new boot phase starts before `command`
   * is sent, so the next boot's banner is its first; the boot-loop rule applies within the phase.
   * `command` is sent unframed: the shell it runs in does not live to print an end marker.
   */
  async reboot(command: string, timeoutMs: number): Promise<void> {
    this.beginBootPhase({ dropPending: true });
    this.send(`${command}\n`);
    await this.loginWithinPhase(timeoutMs);
  }

  /**
   * A boot phase: the banner counter starts at zero. On a reboot, what the previous boot printed
   * can no longer satisfy a wait (an old `fg# ` prompt is not the new boot's shell).
   */
  private beginBootPhase(options: { dropPending: boolean }): void {
    this.bannerCount = 0;
    this.watchBanner = true;
    if (options.dropPending) this.pending = '';
  }

  private async loginWithinPhase(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const remaining = () => Math.max(1, deadline - Date.now());
    const { profile } = this.options;
    this.watchBanner = true;
    try {
      let atShell = false;
      if (profile.loginPrompt && profile.loginUser) {
        await this.expect(profile.loginPrompt, { timeoutMs: remaining(), awaited: 'the login prompt' });
        this.send(`${profile.loginUser}\n`);
        if (profile.passwordPrompt) {
          const prompt = new RegExp(`${profile.passwordPrompt.source}|${profile.shellPrompt.source}`);
          const seen = await this.expect(prompt, {
            timeoutMs: remaining(),
            awaited: 'a password prompt or a shell',
          });
          atShell = !profile.passwordPrompt.test(seen[0]);
          if (!atShell) this.send('\n');
        }
      }
      if (!atShell)
        await this.expect(profile.shellPrompt, { timeoutMs: remaining(), awaited: 'a root shell prompt' });
    } finally {
      this.watchBanner = false;
    }
    // csh (root's shell before FreeBSD 14) and sh both accept `exec /bin/sh`; then protocol settings.
    this.send('exec /bin/sh\n');
    this.send("stty -echo; PS1='fg# '; PS2=''; export PS1 PS2\n");
    await this.run('true', { timeoutMs: remaining(), purpose: 'the first framed command after login' });
  }

  /** Runs one command in the guest's shell and returns its exit status and output. */
  async run(command: string, options: RunOptions): Promise<RunResult> {
    if (command.length > MAX_COMMAND_LENGTH || command.includes('\n')) {
      throw new Error(
        `command too long or multi-line for the serial console (${command.length} chars): put it in a script on the payload disk`,
      );
    }
    const id = `c${++this.commandCounter}`;
    const nonce = this.options.nonce;
    const started = Date.now();
    const awaited = options.purpose
      ? `${options.purpose} (${JSON.stringify(command.slice(0, 80))})`
      : JSON.stringify(command.slice(0, 80));
    this.send(`${framedCommand(nonce, id, command)}\n`);
    await this.expect(markerPattern(nonce, `begin:${id}`), {
      timeoutMs: options.timeoutMs,
      awaited: `the start of ${awaited}`,
    });
    const remaining = Math.max(1, options.timeoutMs - (Date.now() - started));
    const end = await this.expect(markerPattern(nonce, `end:${id}:(\\d+)`), {
      timeoutMs: remaining,
      awaited: `the end of ${awaited}`,
    });
    return {
      exitStatus: Number(end[1]),
      output: stripMarkerLines(end.before, nonce),
      durationMs: Date.now() - started,
    };
  }

  /**
   * Waits for `pattern` in the text that arrived since the last wait; consumes through the match.
   * The returned match carries `before`: the text between the previous consumption and the match.
   */
  expect(
    pattern: RegExp,
    opts: { timeoutMs: number; awaited: string },
  ): Promise<RegExpExecArray & { before: string }> {
    if (this.waiter) return Promise.reject(new Error(`console: already waiting for ${this.waiter.awaited}`));
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new CommandTimeoutError(opts.awaited, this.lastLines(8).join('\n'), opts.timeoutMs));
      }, opts.timeoutMs);
      this.waiter = {
        pattern,
        awaited: opts.awaited,
        timer,
        resolve: (match, before) => resolve(Object.assign(match, { before })),
        reject,
      };
      if (this.closed) return this.settle(new ConsoleClosedError(opts.awaited, this.lastLines(8).join('\n')));
      this.check();
    });
  }

  private receive(chunk: Buffer): void {
    this.lastDataAt = Date.now();
    this.options.rawLog?.(chunk);
    for (const waiter of this.quietWaiters) waiter();
    const text = this.stripTerminalControls(this.decoder.decode(chunk, { stream: true }));
    this.pending += text;
    this.scanLines(text);
    this.check();
  }

  /**
   * Drops carriage returns and terminal control sequences (busybox ash asks for the cursor position
   * with ESC [ 6 n after its prompt; FreeBSD root's .profile runs resizewin -z on a serial line,
   * which writes ESC 7 ESC [ r ESC [ 999;999 H ESC [ 6 n ESC 8, usr.bin/resizewin/resizewin.c), keeping
   * an escape sequence cut by a read for the next chunk. Two-byte escapes are ESC and one byte of
   * 0x30-0x7e other than `[` (ECMA-35/48 Fp, Fe, Fs: DECSC is ESC 7, DECRC ESC 8).
   */
  private stripTerminalControls(text: string): string {
    let all = this.escapeCarry + text;
    this.escapeCarry = '';
    const cut = /\x1b(\[[0-9;?]*)?$/.exec(all);
    if (cut) {
      this.escapeCarry = cut[0];
      all = all.slice(0, cut.index);
    }
    return all.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[0-Z\\-~]|\r/g, '');
  }

  private scanLines(text: string): void {
    const parts = (this.partialLine + text).split('\n');
    this.partialLine = parts.pop() ?? '';
    for (const line of parts) {
      this.options.onLine?.(line);
      this.recentLines.push(line);
      if (this.recentLines.length > CONTEXT_LINES) this.recentLines.shift();
      this.watchForPanic(line);
      if (this.watchBanner && this.options.profile.bootBanner.test(line) && ++this.bannerCount >= 2) {
        this.fail(new BootLoopError(line.trim(), this.lastLines(20).join('\n')));
      }
    }
  }

  private watchForPanic(line: string): void {
    const { panicStart, panicEnd } = this.options.profile;
    if (this.panicLines) {
      this.panicLines.push(line);
      if (panicEnd.test(line)) this.finishPanic();
      return;
    }
    if (!panicStart.test(line)) return;
    // Keep what came before the panic line too: the oops and its call trace precede it on Linux.
    this.panicLines = [...this.recentLines];
    this.panicStartAt = this.panicLines.length - 1;
    if (panicEnd.test(line)) return this.finishPanic();
    this.panicTimer = setTimeout(() => this.finishPanic(), this.options.panicCollectMs ?? 5000);
  }

  private finishPanic(): void {
    if (!this.panicLines || this.failure) return;
    clearTimeout(this.panicTimer);
    this.fail(new GuestPanicError(this.panicLines.join('\n'), this.panicStartAt));
  }

  private check(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    const match = waiter.pattern.exec(this.pending);
    if (!match) return;
    const before = this.pending.slice(0, match.index);
    this.pending = this.pending.slice(match.index + match[0].length);
    this.waiter = undefined;
    clearTimeout(waiter.timer);
    waiter.resolve(match, before);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    const rest = this.decoder.decode();
    if (rest) this.receive(Buffer.from(rest));
    if (this.partialLine) this.scanLines('\n');
    if (this.panicLines) this.finishPanic();
    if (this.waiter) this.settle(new ConsoleClosedError(this.waiter.awaited, this.lastLines(8).join('\n')));
  }

  private fail(error: Error): void {
    if (this.failure && !(error instanceof CancelledError)) return;
    this.failure = error;
    this.settle(error);
  }

  private settle(error: Error): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.waiter = undefined;
    clearTimeout(waiter.timer);
    waiter.reject(error);
  }
}

/** Removes protocol marker lines of this run (and blank leftovers of the echo) from command output. */
export function stripMarkerLines(text: string, nonce: string): string {
  return text
    .split('\n')
    .filter((line) => !line.includes(`@@fg:${nonce}:`))
    .join('\n')
    .replace(/^\n+/, '');
}
