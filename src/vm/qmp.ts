// A small QMP client over QEMU's unix socket. Protocol facts from QEMU's docs/interop/qmp-spec:
// - on connect the server sends a greeting `{"QMP": {"version": ..., "capabilities": [...]}}`;
// - the client must leave capabilities negotiation with `{"execute": "qmp_capabilities"}` before
//   any other command is accepted;
// - a command is `{"execute": NAME, "arguments": {...}, "id": ID}` and its answer is
//   `{"return": ...,"id": ID}` or `{"error": {"class": ..., "desc": ...}, "id": ID}`;
// - asynchronous events `{"event": NAME, "data": ..., "timestamp": {...}}` may arrive at any time;
// - every message is one JSON object on one line, ended by CRLF.
// Every wait here is bounded and says what it waited for.

import type net from 'node:net';
import { connectUnixWithRetry } from './unix-socket.js';

export interface QmpEvent {
  event: string;
  data?: unknown;
  timestamp?: { seconds: number; microseconds: number };
}

export interface QmpGreeting {
  version: { qemu: { major: number; minor: number; micro: number }; package: string };
  capabilities: string[];
}

/** QEMU answered a command with an error object. */
export class QmpCommandError extends Error {
  constructor(
    readonly command: string,
    readonly errorClass: string,
    readonly desc: string,
  ) {
    super(`QMP ${command} failed: ${errorClass}: ${desc}`);
    this.name = 'QmpCommandError';
  }
}

/** A QMP wait ran out of time. */
export class QmpTimeoutError extends Error {
  constructor(
    readonly awaited: string,
    readonly timeoutMs: number,
  ) {
    super(`QMP: timed out after ${timeoutMs} ms waiting for ${awaited}`);
    this.name = 'QmpTimeoutError';
  }
}

/** The QMP connection is closed (QEMU exited or the socket broke). */
export class QmpClosedError extends Error {
  constructor(
    readonly awaited: string,
    readonly why: string,
  ) {
    super(`QMP connection closed while waiting for ${awaited}: ${why}`);
    this.name = 'QmpClosedError';
  }
}

export interface QmpConnectOptions {
  /** Bound for the whole connect: socket retries, greeting, capabilities. Default 10 s. */
  timeoutMs?: number;
  /** Pause between attempts while the socket does not exist yet. Default 50 ms. */
  retryMs?: number;
  /** Bound for each later command unless the call says otherwise. Default 10 s. */
  commandTimeoutMs?: number;
  /** Asked between connection attempts; a returned reason stops retrying (e.g. "QEMU exited"). */
  shouldStop?: () => string | undefined;
}

interface Pending {
  command: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface EventWaiter {
  name: string;
  resolve: (event: QmpEvent) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Events kept for inspection; older ones are dropped. */
const MAX_KEPT_EVENTS = 1000;

export class QmpClient {
  /** Asynchronous events received so far, oldest first (bounded to the last 1000). */
  readonly events: QmpEvent[] = [];
  private buffer = '';
  private nextId = 1;
  private readonly pending = new Map<string, Pending>();
  private eventWaiters: EventWaiter[] = [];
  private readonly eventListeners: ((event: QmpEvent) => void)[] = [];
  private closedWhy: string | undefined;
  private greetingWaiter: ((greeting: QmpGreeting) => void) | undefined;
  private greetingValue: QmpGreeting | undefined;
  private readonly closeListeners: (() => void)[] = [];

  private constructor(
    private readonly socket: net.Socket,
    private readonly commandTimeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk.toString('utf8')));
    socket.on('error', (error) => this.markClosed(error.message));
    socket.on('close', () => this.markClosed('socket closed'));
  }

  /**
   * Connects to the QMP socket at `path`, reads the greeting and negotiates capabilities.
   * Retries while the socket does not exist or refuses (QEMU is still starting), within timeoutMs.
   */
  static async connect(path: string, options: QmpConnectOptions = {}): Promise<QmpClient> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const deadline = Date.now() + timeoutMs;
    const socket = await connectUnixWithRetry(path, {
      timeoutMs,
      retryMs: options.retryMs ?? 50,
      what: 'the QMP socket',
      ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    });
    const client = new QmpClient(socket, options.commandTimeoutMs ?? 10_000);
    try {
      await client.awaitGreeting(Math.max(1, deadline - Date.now()));
      await client.execute('qmp_capabilities', undefined, { timeoutMs: Math.max(1, deadline - Date.now()) });
    } catch (error) {
      client.close();
      throw error;
    }
    return client;
  }

  get greeting(): QmpGreeting | undefined {
    return this.greetingValue;
  }

  get closed(): boolean {
    return this.closedWhy !== undefined;
  }

  /** Runs one command; resolves with its `return` value, rejects with QmpCommandError / QmpTimeoutError / QmpClosedError. */
  execute<T = unknown>(
    command: string,
    args?: Record<string, unknown>,
    options: { timeoutMs?: number } = {},
  ): Promise<T> {
    const awaited = `the answer to ${command}`;
    if (this.closedWhy !== undefined) return Promise.reject(new QmpClosedError(awaited, this.closedWhy));
    const id = `fg-${this.nextId++}`;
    const timeoutMs = options.timeoutMs ?? this.commandTimeoutMs;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new QmpTimeoutError(awaited, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { command, resolve: resolve as (value: unknown) => void, reject, timer });
      const message =
        args === undefined ? { execute: command, id } : { execute: command, arguments: args, id };
      this.socket.write(`${JSON.stringify(message)}\r\n`);
    });
  }

  /** Calls `listener` for each event from now on. */
  onEvent(listener: (event: QmpEvent) => void): void {
    this.eventListeners.push(listener);
  }

  onClose(listener: () => void): void {
    if (this.closedWhy !== undefined) listener();
    else this.closeListeners.push(listener);
  }

  /**
   * The first event named `name` at or after index `since` of `events` (default: only new ones),
   * within timeoutMs.
   */
  waitForEvent(name: string, options: { timeoutMs: number; since?: number }): Promise<QmpEvent> {
    const seen = this.events.slice(options.since ?? this.events.length).find((event) => event.event === name);
    if (seen) return Promise.resolve(seen);
    const awaited = `event ${name}`;
    if (this.closedWhy !== undefined) return Promise.reject(new QmpClosedError(awaited, this.closedWhy));
    return new Promise((resolve, reject) => {
      const waiter: EventWaiter = {
        name,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.eventWaiters = this.eventWaiters.filter((other) => other !== waiter);
          reject(new QmpTimeoutError(awaited, options.timeoutMs));
        }, options.timeoutMs),
      };
      this.eventWaiters.push(waiter);
    });
  }

  close(): void {
    this.markClosed('closed by the host');
    this.socket.destroy();
  }

  private awaitGreeting(timeoutMs: number): Promise<QmpGreeting> {
    if (this.greetingValue) return Promise.resolve(this.greetingValue);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.greetingWaiter = undefined;
        reject(new QmpTimeoutError('the greeting', timeoutMs));
      }, timeoutMs);
      this.greetingWaiter = (greeting) => {
        clearTimeout(timer);
        resolve(greeting);
      };
      this.onClose(() => {
        clearTimeout(timer);
        if (!this.greetingValue) reject(new QmpClosedError('the greeting', this.closedWhy ?? 'closed'));
      });
    });
  }

  private receive(text: string): void {
    this.buffer += text;
    for (let newline = this.buffer.indexOf('\n'); newline >= 0; newline = this.buffer.indexOf('\n')) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      if (line) this.handle(line);
    }
  }

  private handle(line: string): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return; // not QMP; nothing to match it to
    }
    if ('QMP' in message) {
      this.greetingValue = message.QMP as QmpGreeting;
      this.greetingWaiter?.(this.greetingValue);
      this.greetingWaiter = undefined;
      return;
    }
    if (typeof message.event === 'string') {
      const event = message as unknown as QmpEvent;
      this.events.push(event);
      if (this.events.length > MAX_KEPT_EVENTS) this.events.splice(0, this.events.length - MAX_KEPT_EVENTS);
      for (const waiter of this.eventWaiters.filter((w) => w.name === event.event)) {
        clearTimeout(waiter.timer);
        waiter.resolve(event);
      }
      this.eventWaiters = this.eventWaiters.filter((w) => w.name !== event.event);
      for (const listener of this.eventListeners) listener(event);
      return;
    }
    const id = typeof message.id === 'string' ? message.id : undefined;
    const pending = id === undefined ? undefined : this.pending.get(id);
    if (!pending || id === undefined) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if ('error' in message) {
      const error = message.error as { class?: string; desc?: string };
      pending.reject(
        new QmpCommandError(
          pending.command,
          error.class ?? 'GenericError',
          error.desc ?? JSON.stringify(error),
        ),
      );
    } else {
      pending.resolve(message.return);
    }
  }

  private markClosed(why: string): void {
    if (this.closedWhy !== undefined) return;
    this.closedWhy = why;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new QmpClosedError(`the answer to ${pending.command}`, why));
    }
    this.pending.clear();
    for (const waiter of this.eventWaiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new QmpClosedError(`event ${waiter.name}`, why));
    }
    this.eventWaiters = [];
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
