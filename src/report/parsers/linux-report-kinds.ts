// What starts a Linux crash report and how it is titled, as a table (syzkaller pkg/report linux.go
// `linuxOopses` carries the same facts). The first line of a console log that matches a kind starts
// the report; the kind's `title` gives the part before ` in FUNC`. Format strings, torvalds/linux:
// - mm/kasan/report.c print_error_description(): "BUG: KASAN: %s in %pS", then "%s of size %zu at addr";
// - mm/kmsan/report.c, kernel/kcsan/report.c: "BUG: KMSAN: %s in %pS", "BUG: KCSAN: %s in %pS / %pS";
// - arch/x86/mm/fault.c show_fault_oops(): "BUG: kernel NULL pointer dereference, address: %px",
//   "BUG: unable to handle page fault for address: %px" (older: "BUG: unable to handle kernel paging request at");
// - arch/x86/kernel/traps.c: "general protection fault, probably for non-canonical address 0x%lx",
//   die("general protection fault"), "divide error", "invalid opcode", "stack segment";
//   6.x prefixes die()'s string with "Oops: ";
// - kernel/watchdog.c: "BUG: soft lockup - CPU#%d stuck for %us! [%s:%d]" (pr_emerg, "watchdog: " pr_fmt);
// - kernel/rcu/tree_stall.h: "INFO: %s self-detected stall on CPU" / "INFO: %s detected stalls on CPUs/tasks:"
//   (pr_fmt "rcu: " since 5.x);
// - kernel/panic.c __warn(): "WARNING: CPU: %d PID: %d at %pS\n" (file:line then func before 4.x:
//   "WARNING: at %s:%d %pS()"); lib/ubsan.c ubsan_prologue(): "UBSAN: %s in %s:%d:%d";
// - lib/bug.c report_bug(): "kernel BUG at %s:%u!"; kernel/locking/lockdep.c: "WARNING: possible circular
//   locking dependency detected" ... "is trying to acquire lock:" ... "at: %pS";
// - arch/arm64/mm/fault.c die_kernel_fault(): "Unable to handle kernel %s at virtual address %016lx";
// - kernel/panic.c panic(): "Kernel panic - not syncing: %s".

import { normalizeMessage } from '../crash-title.js';

export interface LinuxReportKind {
  start: RegExp;
  /** The title's kind from the start line's match; `following` are the next lines (for KASAN's access). */
  title: (m: RegExpExecArray, following: readonly string[]) => string;
  /** Group of `start` holding the function the header names (KASAN, KMSAN, WARNING). */
  headerFunc?: number;
  /** How the function is found: `stack` (header, pc, then trace), `stall` (above the dispatch frame), `lock` (lockdep's `at:`), `none`. */
  func: 'stack' | 'stall' | 'lock' | 'none';
  /** A panic: its message is what panic() printed. */
  panic?: boolean;
}

function access(following: readonly string[]): string {
  for (const l of following.slice(0, 12)) {
    const m = /\b(Read|Write) (?:of size|at addr)/.exec(l);
    if (m) return ` ${m[1]}`;
  }
  return '';
}

export const LINUX_REPORT_KINDS: readonly LinuxReportKind[] = [
  {
    start: /\bBUG: KASAN: double-free(?: or invalid-free)? in ([\w.]+)/,
    title: () => 'KASAN: invalid-free',
    headerFunc: 1,
    func: 'stack',
  },
  {
    start: /\bBUG: KASAN: ([a-z-]+) in ([\w.]+)/,
    title: (m, f) => `KASAN: ${m[1]}${access(f)}`,
    headerFunc: 2,
    func: 'stack',
  },
  {
    start: /\bBUG: KMSAN: ([a-z-]+) in ([\w.]+)/,
    title: (m) => `KMSAN: ${m[1]}`,
    headerFunc: 2,
    func: 'stack',
  },
  {
    start: /\bBUG: KCSAN: ([a-z-]+) in ([\w.]+)/,
    title: (m) => `KCSAN: ${m[1]}`,
    headerFunc: 2,
    func: 'stack',
  },
  // mm/kfence/report.c kfence_report_error(): "BUG: KFENCE: %s %s in %pS" (the kind, read/write), and
  // kinds of two words with no access: "memory corruption in %pS", "invalid free in %pS".
  {
    start: /\bBUG: KFENCE: ([a-z-]+(?: [a-z]+)*?)(?: (read|write))? in ([\w.]+)/,
    title: (m) => `KFENCE: ${m[1]}${m[2] ? ` ${m[2] === 'read' ? 'Read' : 'Write'}` : ''}`,
    headerFunc: 3,
    func: 'stack',
  },
  {
    start:
      /\bBUG: (?:unable to handle kernel paging request|unable to handle page fault for address|Unable to handle kernel data access)/,
    title: () => 'BUG: unable to handle kernel paging request',
    func: 'stack',
  },
  {
    start:
      /\bBUG: (?:unable to handle kernel NULL pointer dereference|kernel NULL pointer dereference|Kernel NULL pointer dereference)/,
    title: () => 'BUG: unable to handle kernel NULL pointer dereference',
    func: 'stack',
  },
  { start: /\bBUG: soft lockup\b/, title: () => 'BUG: soft lockup', func: 'stall' },
  // kernel/watchdog_perf.c / watchdog_buddy.c: "Watchdog detected hard LOCKUP on cpu %d"
  { start: /\bWatchdog detected hard LOCKUP on cpu\b/, title: () => 'BUG: hard lockup', func: 'stall' },
  {
    start: /\bBUG: (Bad page state|Bad page map|Bad rss-counter state|workqueue lockup)\b/,
    title: (m) => `BUG: ${m[1]}`,
    func: 'none',
  },
  // Any other "BUG: MESSAGE", up to where its variable part starts: kernel/sched/core.c "BUG: sleeping
  // function called from invalid context at %s:%d", "BUG: scheduling while atomic: %s/%d/0x%08x";
  // kernel/locking/spinlock_debug.c "BUG: spinlock %s on CPU#%d, %s/%d"; lib/smp_processor_id.c "BUG: using
  // %s%s() in preemptible [%08x] code: %s/%d"; arch/x86/kernel/traps.c "BUG: %s stack guard page was hit at".
  {
    start: /^(?:[\w-]+: )?BUG: (.+?)(?= at | on CPU|[:,!]|$)/,
    title: (m) => `BUG: ${normalizeMessage(m[1] as string)}`,
    func: 'stack',
  },
  { start: /^(?:Oops: )?general protection fault\b/, title: () => 'general protection fault', func: 'stack' },
  {
    start: /^(?:Oops: )?(divide error|invalid opcode|stack segment)\b/,
    title: (m) => (m[1] === 'stack segment' ? 'stack segment fault' : (m[1] as string)),
    func: 'stack',
  },
  // traps.c's pr_fmt "traps: " (5.x+) comes before its pr_emerg("PANIC: double fault, error_code: 0x%lx").
  { start: /^(?:traps: )?PANIC: double fault\b/, title: () => 'PANIC: double fault', func: 'stack' },
  { start: /^kernel BUG at \S+/, title: () => 'kernel BUG', func: 'stack' },
  {
    start:
      /^(?:\[ )?(?:WARNING|INFO): (possible circular locking dependency|possible recursive locking|possible irq lock inversion dependency|SOFTIRQ-safe -> SOFTIRQ-unsafe lock order|inconsistent lock state)/,
    title: (m) => (m[1] === 'inconsistent lock state' ? 'inconsistent lock state' : 'possible deadlock'),
    func: 'lock',
  },
  {
    start: /^WARNING: (?:CPU: \d+ PID: \d+ )?(?:at )?\S+?:\d+ (?:at )?([A-Za-z_][\w.]*)(?:\+0x|\(\))/,
    title: () => 'WARNING',
    headerFunc: 1,
    func: 'stack',
  },
  { start: /^WARNING: (?:CPU: \d+ PID: \d+ )?at /, title: () => 'WARNING', func: 'stack' },
  {
    start:
      /^WARNING: (held lock freed|bad unlock balance detected|lock held when returning to user space|suspicious RCU usage)!?/,
    title: (m) => `WARNING: ${m[1]}`,
    func: 'stack',
  },
  {
    start: /^WARNING: (\S.*?)\s*$/,
    title: (m) => `WARNING: ${normalizeMessage(m[1] as string)}`,
    func: 'stack',
  },
  {
    start: /^(?:rcu: )?INFO: rcu_(?:preempt|sched|bh|tasks) (?:self-)?detected(?: expedited)? stall/,
    title: () => 'INFO: rcu detected stall',
    func: 'stall',
  },
  {
    start: /^UBSAN: (Undefined behaviour|[\w-]+) in /,
    title: (m) => `UBSAN: ${m[1] === 'Undefined behaviour' ? 'undefined-behaviour' : m[1]}`,
    func: 'stack',
  },
  {
    start:
      /^Unable to handle kernel (paging request|NULL pointer dereference|execute from non-executable memory|read from unreadable memory|write to read-only memory|access to user memory outside uaccess routines)\b/,
    // The same bug kinds as x86's "BUG: unable to handle ..." (syzkaller titles both alike).
    title: (m) =>
      m[1] === 'paging request' || m[1] === 'NULL pointer dereference'
        ? `BUG: unable to handle kernel ${m[1]}`
        : `unable to handle kernel ${m[1]}`,
    func: 'stack',
  },
  // arch/arm64/kernel/traps.c and arch/arm/kernel/traps.c die() -> __die(): "Internal error: %s: %x [#%d]"
  // (`Oops`, `Oops - BUG`, `Oops - Undefined instruction`, `synchronous external abort`...), which follows
  // "Unable to handle kernel ..." for a bad access and stands alone for the rest; syzkaller titles all of
  // them "Internal error in FUNC".
  { start: /^Internal error: ([^:]+): /, title: () => 'Internal error', func: 'stack' },
  {
    start: /^Kernel panic - not syncing: (.*?)\s*$/,
    title: (m) => `panic: ${normalizeMessage(m[1] as string)}`,
    func: 'none',
    panic: true,
  },
];

/** Any line that might start a report (cheap test before the table). */
export const REPORT_HINT =
  /BUG|WARNING: |INFO: rcu|INFO: (?:possible|inconsistent|SOFTIRQ)|protection fault|Kernel panic - not syncing|divide error|invalid opcode|stack segment|double fault|UBSAN: |Unable to handle kernel|hard LOCKUP|Internal error: /;
