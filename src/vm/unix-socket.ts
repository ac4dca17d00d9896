// Connecting to a unix socket that another process (QEMU) creates a little later.

import net from 'node:net';

export interface ConnectRetryOptions {
  timeoutMs: number;
  /** Pause between attempts. */
  retryMs: number;
  /** What the socket is, for messages ("the serial console socket"). */
  what: string;
  /** Asked before each attempt; a returned reason stops retrying (e.g. "QEMU exited"). */
  shouldStop?: () => string | undefined;
}

/** Connecting ended without a connection; says what was awaited and the last error seen. */
export class SocketConnectError extends Error {
  constructor(
    readonly what: string,
    readonly path: string,
    readonly lastError: string,
    readonly timedOut: boolean,
  ) {
    super(`${timedOut ? 'timed out connecting' : 'could not connect'} to ${what} at ${path}: ${lastError}`);
    this.name = 'SocketConnectError';
  }
}

/**
 * Connects, retrying while the socket does not exist yet (ENOENT) or nobody listens yet
 * (ECONNREFUSED), until timeoutMs has passed. Other errors fail at once.
 */
export async function connectUnixWithRetry(path: string, options: ConnectRetryOptions): Promise<net.Socket> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = 'not tried yet';
  for (;;) {
    const stop = options.shouldStop?.();
    if (stop !== undefined) throw new SocketConnectError(options.what, path, stop, false);
    try {
      return await new Promise<net.Socket>((resolve, reject) => {
        const socket = net.createConnection({ path });
        socket.once('connect', () => {
          socket.off('error', reject);
          resolve(socket);
        });
        socket.once('error', reject);
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      lastError = (error as Error).message;
      if (code !== 'ENOENT' && code !== 'ECONNREFUSED')
        throw new SocketConnectError(options.what, path, lastError, false);
    }
    const left = deadline - Date.now();
    if (left <= 0)
      throw new SocketConnectError(
        options.what,
        path,
        `nothing listening after ${options.timeoutMs} ms (last: ${lastError})`,
        true,
      );
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.retryMs, left)));
  }
}
