// A lock on one folder of the cache, between processes: two runs on one machine (a self-hosted
// runner with two jobs, the CLI started twice) must not build into, or load from, the same folder
// at once. Node has no flock(2), so the lock is a symlink `<folder>.lock` whose target is its
// owner's record (pid, host, start time): symlink(2) creates it and its content in one step, and
// fails with EEXIST when it exists, so there is never a lock without an owner to read.
//
// A lock whose owner is gone (same host, the pid no longer runs, or runs with another start time:
// a recycled pid) is stale and taken over; that covers an owner killed by SIGKILL. Taking over goes
// through a second, short-lived lock (`<folder>.lock.break`), so two waiters that both found the
// same stale owner cannot both remove it (the second would remove the first one's new lock).
// A lock held by another host (a cache on a shared file system), or by a process in another pid
// namespace (a container sharing the cache folder), is never judged by its pid: it is waited for.
// One from an earlier boot of this host is stale whatever its pid.

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { CancelledError } from '../console/errors.js';
import { processStartTicks } from '../vm/pidfile.js';

/** Who holds a lock: what the symlink's target says. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO 8601 time the lock was taken. */
  since: string;
  /** The owner's start time in clock ticks since boot (/proc/PID/stat field 22), when on Linux. */
  startTicks?: number;
  /** The boot the owner ran in (/proc/sys/kernel/random/boot_id), when on Linux. */
  bootId?: string;
  /** The owner's pid namespace (the target of /proc/self/ns/pid, `pid:[INODE]`), when on Linux. */
  pidNamespace?: string;
  /** Unique to one acquisition: a release or a takeover removes only the lock it judged. */
  nonce: string;
}

/** Another run held the lock longer than this run may wait: the gate's own failure (`error`). */
export class CacheLockError extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: LockOwner | undefined,
    waitedMs: number,
  ) {
    super(
      `${lockPath} is still held by ${owner ? describeOwner(owner) : 'an owner whose record cannot be read'} after waiting ${Math.round(waitedMs / 1000)} s: another fusefs-gate run is using this cache folder`,
    );
    this.name = 'CacheLockError';
  }
}

export interface CacheLockOptions {
  /** The longest wait for another run's lock (the caller's bound, e.g. the build timeout). */
  waitMs: number;
  /** Told once when this run starts to wait (naming the owner), and when it got the lock after waiting. */
  log?: (message: string) => void;
  /** A cancelled run stops waiting (CancelledError). */
  signal?: AbortSignal;
}

export interface CacheLock {
  readonly path: string;
  /** How long this run waited for another run's lock (0 when it was free). */
  readonly waitedMs: number;
  /** Removes the lock if it is still this acquisition's; safe to call more than once. */
  release(): void;
}

/** The lock of a cache folder: beside it, so removing or replacing the folder leaves the lock alone. */
export function lockPathOf(folder: string): string {
  return `${folder.replace(/\/+$/, '')}.lock`;
}

/** Runs `work` holding the folder's lock; released however `work` ends. */
export async function withCacheLock<T>(
  folder: string,
  options: CacheLockOptions,
  work: (lock: CacheLock) => Promise<T>,
): Promise<T> {
  const lock = await acquireCacheLock(folder, options);
  try {
    return await work(lock);
  } finally {
    lock.release();
  }
}

/** What a build in a cache folder is told about waiting for that folder. */
export interface BuildLockOptions {
  timeoutMs: number;
  /** How long to wait for another run's build in the same folder; default `timeoutMs`. */
  lockWaitMs?: number;
  log?: (message: string) => void;
  signal?: AbortSignal;
}

/**
 * Runs `build` holding `folder`'s lock. Another run that keeps the folder past the wait is the
 * gate's failure, never the tree's: `held` makes the build's own failed result from the message.
 */
export async function withBuildFolderLock<T>(
  folder: string,
  options: BuildLockOptions,
  build: () => Promise<T>,
  held: (message: string) => T,
): Promise<T> {
  const lockOptions: CacheLockOptions = {
    waitMs: options.lockWaitMs ?? options.timeoutMs,
    ...(options.log ? { log: options.log } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  try {
    return await withCacheLock(folder, lockOptions, build);
  } catch (error) {
    if (!(error instanceof CacheLockError)) throw error;
    return held(error.message);
  }
}

/** First poll delay, growth and cap: quick when a lock is released soon, cheap when it is held long. */
const POLL_FIRST_MS = 50;
const POLL_MAX_MS = 2_000;

export async function acquireCacheLock(folder: string, options: CacheLockOptions): Promise<CacheLock> {
  const lockPath = lockPathOf(folder);
  mkdirSync(path.dirname(lockPath), { recursive: true });
  const started = Date.now();
  let delay = POLL_FIRST_MS;
  let toldWaiting = false;
  // Tries again at once after a release or a takeover, but never more than a few times in a row
  // (a lock that cannot be removed, e.g. a folder not writable by us, must not spin).
  let quickTries = 0;
  for (;;) {
    if (options.signal?.aborted) throw new CancelledError(String(options.signal.reason ?? 'SIGTERM'));
    const owner = ownRecord();
    if (tryCreate(lockPath, owner)) {
      const waitedMs = Date.now() - started;
      if (toldWaiting)
        options.log?.(`fusefs-gate: got ${lockPath} after waiting ${(waitedMs / 1000).toFixed(1)} s`);
      return held(lockPath, owner, waitedMs);
    }
    const current = readOwner(lockPath);
    // Released between our try and our read, or stale and removed: try again at once.
    const freed =
      current === 'gone' || (current !== undefined && ownerGone(current) && breakStale(lockPath, current));
    if (freed && quickTries++ < 5) continue;
    const holder = current === 'gone' ? undefined : current;
    const waited = Date.now() - started;
    if (waited >= options.waitMs) throw new CacheLockError(lockPath, holder, waited);
    if (!toldWaiting) {
      toldWaiting = true;
      options.log?.(
        `fusefs-gate: waiting (up to ${Math.round(options.waitMs / 1000)} s) for another run, ${holder ? describeOwner(holder) : 'owner unreadable'}, that holds ${lockPath}`,
      );
    }
    await sleep(Math.min(delay, options.waitMs - waited), options.signal);
    delay = Math.min(POLL_MAX_MS, delay * 2);
    quickTries = 0;
  }
}

export function describeOwner(owner: LockOwner): string {
  return `pid ${owner.pid} on ${owner.host} since ${owner.since}`;
}

/**
 * True when the owner is known to be gone: on this host, and it ran in an earlier boot, or its pid
 * does not run, or runs with another start time (the pid was recycled). EPERM from kill(pid, 0)
 * means the pid runs (as another user). An owner on another host, or in another pid namespace,
 * cannot be checked from here: never gone.
 */
export function ownerGone(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  const here = linuxIdentity();
  if (owner.bootId && here.bootId && owner.bootId !== here.bootId) return true;
  if (owner.pidNamespace && here.pidNamespace && owner.pidNamespace !== here.pidNamespace) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  if (owner.startTicks === undefined) return false;
  const ticks = processStartTicks(owner.pid);
  return ticks !== undefined && ticks !== owner.startTicks;
}

function ownRecord(): LockOwner {
  const ticks = processStartTicks(process.pid);
  return {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    ...(ticks !== undefined ? { startTicks: ticks } : {}),
    ...linuxIdentity(),
    nonce: randomBytes(8).toString('hex'),
  };
}

/** This boot's id and this process's pid namespace (proc(5)); empty off Linux. */
function linuxIdentity(): { bootId?: string; pidNamespace?: string } {
  const identity: { bootId?: string; pidNamespace?: string } = {};
  try {
    identity.bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    // not Linux
  }
  try {
    identity.pidNamespace = readlinkSync('/proc/self/ns/pid');
  } catch {
    // not Linux, or no namespaces
  }
  return identity;
}

function tryCreate(lockPath: string, owner: LockOwner): boolean {
  try {
    symlinkSync(JSON.stringify(owner), lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // The symlink call's own message quotes the whole owner record: say what failed, and why, instead.
    throw Object.assign(
      new Error(
        `cannot take the cache lock ${lockPath}: ${code ?? (error as Error).message}${LOCK_FAILURE_HINTS[code ?? ''] ?? ''}`,
      ),
      { code },
    );
  }
}

const LOCK_FAILURE_HINTS: Record<string, string> = {
  ENOSPC: ' (the file system holding the cache is full: free space there or give another cache-dir)',
  EDQUOT: ' (the disk quota of the cache folder is used up)',
  EROFS: ' (the cache folder is on a read-only file system: give a writable cache-dir)',
  EACCES: ' (the cache folder is not writable by this user: give a writable cache-dir)',
};

/** The lock's owner; 'gone' when there is no lock; undefined when it is not a record we can read. */
export function readOwner(lockPath: string): LockOwner | 'gone' | undefined {
  let text: string;
  try {
    text = readlinkSync(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (Number.isInteger(value.pid) && typeof value.host === 'string' && typeof value.nonce === 'string')
      return value as LockOwner;
  } catch {
    // not a record: someone else's file at this name
  }
  return undefined;
}

/**
 * Removes the lock at `lockPath` only if it is still the one `owner` made. False when it is still
 * there (it could not be removed); true when it is gone or now someone else's.
 */
function removeIfOwned(lockPath: string, owner: LockOwner): boolean {
  const current = readOwner(lockPath);
  if (current === 'gone' || current?.nonce !== owner.nonce) return true;
  try {
    unlinkSync(lockPath);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/**
 * Removes a stale lock under the break lock, after reading it again there: only a lock still made
 * by the same dead owner is removed. A break lock left by a killed process is stale the same way.
 * False when another live waiter holds the break lock (the caller then waits before trying again).
 */
function breakStale(lockPath: string, stale: LockOwner): boolean {
  const breakPath = `${lockPath}.break`;
  const me = ownRecord();
  if (!tryCreate(breakPath, me)) {
    const breaker = readOwner(breakPath);
    if (breaker === 'gone') return true;
    if (breaker && ownerGone(breaker)) return removeIfOwned(breakPath, breaker);
    // Another waiter is breaking it right now: poll again after the usual delay.
    return false;
  }
  try {
    return removeIfOwned(lockPath, stale);
  } finally {
    removeIfOwned(breakPath, me);
  }
}

/** Locks this process holds: removed by the exit hook when the process exits without releasing. */
const heldLocks = new Map<string, LockOwner>();
let exitHookInstalled = false;

function held(lockPath: string, owner: LockOwner, waitedMs: number): CacheLock {
  heldLocks.set(lockPath, owner);
  installExitHook();
  return {
    path: lockPath,
    waitedMs,
    release() {
      if (heldLocks.get(lockPath) !== owner) return;
      heldLocks.delete(lockPath);
      removeIfOwned(lockPath, owner);
    },
  };
}

/**
 * The gate's signal handlers (src/signals.ts) abort the run, whose `finally` blocks release its
 * locks; a second signal ends the process with process.exit, which runs only 'exit' handlers, and
 * those cannot wait: the locks are removed synchronously here. SIGKILL runs nothing; the next run
 * finds the owner's pid dead.
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [lockPath, owner] of heldLocks) removeIfOwned(lockPath, owner);
    heldLocks.clear();
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(1, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}
