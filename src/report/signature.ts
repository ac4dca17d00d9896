// Naming a hang (or a panic) with a stable title, in the spirit of syzkaller's report titles:
// skip the sleep and lock machinery, take the first remaining frame as where the thread waits,
// and the first FUSE (else file-system/VM) frame below it as where that wait came from.
// Offsets, addresses and numbers are never part of a title, so the same bug gets the same title
// on every build.

import type { KernelPanic, Thread } from './model.js';
import {
  isFsVm,
  isFuse,
  isFuseDaemonRead,
  isFuseIpc,
  isFuseRequestWait,
  isInterruptibleSleep,
  isSleepOrLock,
  isUninterruptibleSleep,
} from './frame-classes.js';
import { baseName, isNamed } from './parsers/common.js';
import { normalizeMessage } from './crash-title.js';

export { normalizeMessage };

/** Which processes the test ran, to prefer its threads over bystanders. */
export interface HangFocus {
  pids?: readonly number[];
  comms?: readonly string[];
}

/** The thread's function names; frames without a symbol (`??`, bare addresses) name nothing. */
function names(t: Thread): string[] {
  return t.frames.filter((f) => isNamed(f.fn)).map((f) => baseName(f.fn));
}

type SleepKind = 'interruptible' | 'uninterruptible' | 'unknown';

function sleepKind(fns: readonly string[]): SleepKind {
  if (fns.some(isInterruptibleSleep)) return 'interruptible';
  if (fns.some(isUninterruptibleSleep)) return 'uninterruptible';
  return 'unknown';
}

/**
 * Is this thread stuck in the kernel in a way that can make a test hang?
 * - `D` (uninterruptible) state: yes. Running, zombie, stopped or idle (`R Z X T t`): no.
 * - waiting for a FUSE answer (fticket_wait_answer / request_wait_answer): yes, even though
 *   that sleep is interruptible.
 * - the FUSE daemon reading /dev/fuse: never (that is its idle state); a panicking thread: never.
 * - no state printed (procstat, ddb): FreeBSD sleep-queue frames decide: `sleepq_wait` (no
 *   PCATCH) in file-system/VM code is blocked, `sleepq_wait_sig`/`sleepq_catch_signals` is not.
 *   A Linux /proc/PID/stack (no scheduler frames) counts when it is in FUSE code.
 */
export function isBlocked(t: Thread): boolean {
  if (t.frames.length === 0) return false;
  // A panicking thread is not asleep: the panic is its own verdict.
  if (t.format === 'freebsd-panic' || t.format === 'linux-panic') return false;
  const fns = names(t);
  if (fns.some(isFuseDaemonRead)) return false;
  const state = t.state?.charAt(0);
  if (state === 'D') return true;
  if (state !== undefined && 'RZXTt'.includes(state)) return false;
  if (fns.some(isFuseRequestWait)) return true;
  if (state === 'S' || state === 'I') return false;
  const kind = sleepKind(fns);
  if (kind === 'interruptible') return false;
  if (kind === 'uninterruptible') return fns.some(isFsVm);
  return fns.some(isFuse);
}

/** Uninterruptible for sure: `D`, or a FreeBSD sleep without PCATCH. */
function isUninterruptible(t: Thread): boolean {
  if (t.state !== undefined) return t.state.charAt(0) === 'D';
  return sleepKind(names(t)) === 'uninterruptible';
}

export function blockedThreads(threads: readonly Thread[]): Thread[] {
  return threads.filter(isBlocked);
}

function inFocus(t: Thread, focus: HangFocus | undefined): boolean {
  if (!focus) return false;
  if (t.pid !== undefined && focus.pids?.includes(t.pid)) return true;
  return focus.comms?.includes(t.comm) ?? false;
}

/**
 * "The" hung thread: among the blocked ones, prefer the test's own threads, then
 * uninterruptible sleepers, then threads in FUSE code, then file-system/VM code; the first
 * captured wins a tie.
 */
export function pickHungThread(threads: readonly Thread[], focus?: HangFocus): Thread | undefined {
  let best: Thread | undefined;
  let bestScore = -1;
  for (const t of threads) {
    if (!isBlocked(t)) continue;
    const fns = names(t);
    const score =
      (inFocus(t, focus) ? 8 : 0) +
      (isUninterruptible(t) ? 4 : 0) +
      (fns.some(isFuse) ? 2 : 0) +
      (fns.some(isFsVm) ? 1 : 0);
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

/** Where a thread waits, and where that wait was called from. */
export function hangFrames(t: Thread): { where: string; from?: string } | undefined {
  const fns = names(t);
  if (fns.length === 0) return undefined;
  let at = fns.findIndex((fn) => !isSleepOrLock(fn));
  if (at < 0) return { where: fns[0] as string };
  // A static `_name` helper called by its `name` wrapper (FreeBSD `_vm_page_busy_sleep` under
  // `vm_page_busy_sleep`) is named after the wrapper: the title stays the same whether or not
  // the compiler inlined the helper.
  while (at + 1 < fns.length && (fns[at] as string).replace(/^_+/, '') === fns[at + 1]) at++;
  const where = fns[at] as string;
  const below = fns.slice(at + 1).filter((fn) => !isSleepOrLock(fn));
  let from = below.find((fn) => isFuse(fn) && !isFuseIpc(fn) && !isFuseDaemonRead(fn));
  if (from === undefined && !isFuse(where)) {
    // Waiting in a generic wait (a page bit, a completion): the caller that matters is the first
    // frame below that is not waiting machinery itself (syzkaller linuxHangTaskFrameExtractor);
    // the lock-and-sync anchors (rtnl_lock, synchronize_rcu) name whole families of hangs.
    const anchor = below.find(isHangAnchor);
    if (isGenericWait(where))
      from = anchor ?? below.find((fn) => !isGenericWait(fn) && family(fn) !== family(where));
    else from = below.find((fn) => isFsVm(fn) && family(fn) !== family(where));
  }
  return from === undefined ? { where } : { where, from };
}

/** Generic waiting functions (substrings, as syzkaller's hang skip list): never the caller that matters. */
const GENERIC_WAIT = [
  'sched',
  '_lock',
  '_slowlock',
  'down',
  'completion',
  'kthread',
  'wait',
  'synchronize',
  'context_switch',
  '__switch_to',
  'cancel_delayed_work',
  // kernel/workqueue.c: waiting for a work item or a whole queue to finish, as a completion is.
  'flush_work',
  'flush_delayed_work',
  'cancel_work_sync',
  'drain_workqueue',
];
function isGenericWait(fn: string): boolean {
  return GENERIC_WAIT.some((s) => fn.includes(s));
}
/** Functions a whole family of hangs waits behind (the global RTNL, an RCU grace period). */
function isHangAnchor(fn: string): boolean {
  return fn === 'rtnl_lock' || /^synchronize_(?:rcu|srcu|net|sched)/.test(fn);
}

/** `vm_page_busy_sleep` -> `vm`, `VOP_WRITE_APV` -> `VOP`: one subsystem's naming prefix. */
function family(fn: string): string {
  const m = /^_*([A-Za-z0-9]+)_/.exec(fn);
  return m ? (m[1] as string) : fn;
}

/** `hang in WHERE from FROM` for one thread. */
export function hangTitle(t: Thread): string | undefined {
  const hf = hangFrames(t);
  if (!hf) return undefined;
  return hf.from === undefined ? `hang in ${hf.where}` : `hang in ${hf.where} from ${hf.from}`;
}

/** The signature of a hang from the captured threads; undefined when no thread is blocked. */
export function signatureOf(threads: readonly Thread[], focus?: HangFocus): string | undefined {
  const t = pickHungThread(threads, focus);
  return t ? hangTitle(t) : undefined;
}

/**
 * A crash's title: the parser's syzkaller-style title (kind and function) when it made one, else
 * `panic: <message>`, normalized.
 */
export function panicSignature(panic: Pick<KernelPanic, 'message'> & { title?: string }): string {
  return panic.title ?? `panic: ${normalizeMessage(panic.message)}`;
}
