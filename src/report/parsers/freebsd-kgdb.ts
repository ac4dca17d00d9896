// Backtraces of a FreeBSD kernel read from a crash dump or a live kernel by a debugger: kgdb (gdb with
// FreeBSD's kernel target, ports devel/gdb) `bt`, `bt full` and `thread apply all bt`, and lldb's `bt`
// and `bt all` (lldb's FreeBSDKernel process plugin). A core.txt.N (crashinfo(8)) and most crash reports
// in bug trackers hold these. Both tools' threads are one format here, `freebsd-kgdb`.
//
// gdb, gdb/stack.c print_frame() (bminor/binutils-gdb, an older copy with wrap_hint ("   ") and a current
// one with wrap_hint (3); gdb 6.1.1's outputs in the corpus have the same shape):
// - "#" and the level, left-aligned in 2 columns (field_fmt_signed (2, ui_left, "level")): `#0  `,
//   `#10 `; then the pc and " in " only when the pc is not at the start of a line (frame_show_address())
//   or there is no line info: an inlined frame has none (`#1  doadump (textdump=...)`); print_pc() puts
//   " [" gdbarch_get_pc_address_flags() "]" after the pc, which only aarch64 gives (aarch64-tdep.c
//   aarch64_get_pc_address_flags(): "PAC" for a signed return address): `0x... [PAC] in `;
// - the function's name, "??" for a pc without a symbol (UNNAMED), then " (" the arguments ")", always;
// - " at " FILE ":" LINE when the pc has line info, else " from " LIB when it lies in a shared object
//   (a kernel module: `from /boot/modules/amdgpu.ko`);
// - on a narrow terminal the line breaks at a wrap hint: before " (" and " at " (wrap_hint (3): the
//   continuation starts with 3 blanks and the text's own, `    at /usr/src/...`), before " from "
//   (wrap_hint (2): `   from ...`), and between arguments (indented continuations);
// - frames of no function (print_frame_info()): "<signal handler called>" for a SIGTRAMP_FRAME, which is
//   how kgdb's trap frame unwinder marks the kernel's trap frames in newer copies (ports devel/gdb
//   files/kgdb/amd64fbsd-kern.c amd64fbsd_trapframe_unwind; older copies made them NORMAL_FRAMEs, and
//   `calltrap ()` is a frame), "<function called from gdb>", "<cross-architecture call>": a level, no frame;
// - `bt full` prints each frame's locals under it, indented ("        td = 0x..."), and where it has none
//   "No locals." (print_frame_local_vars()) or, without debug info, "No symbol table info available.":
//   both at the line's start, both inside the trace.
// gdb/thread.c thread_try_catch_cmd() (`thread apply all CMD`): "\nThread %s (%s):\n" with the thread's
// gdb id and thread_target_id_str(): target_pid_to_str(), then " (%s)" with target_extra_thread_info()
// when the target gives one (older copies, with TRY/CATCH, print target_pid_to_str() alone). kgdb's target:
// - ports devel/gdb files/kgdb/fbsd-kvm.c fbsd_kvm_target::pid_to_str(): "Thread %ld" (the kernel tid);
//   files/kgdb/fbsd-kthr.c kgdb_thr_extra_thread_info(): "PID=%d", then ": " and p_comm, then "/" and
//   td_name when it differs from p_comm: `Thread 12 (Thread 100123 (PID=1234: mmap-write))`;
// - kgdb as John Baldwin's gdb tree has it (bsdjhb/gdb gdb/fbsd-kvm.c, fbsd-kern-thread.c) names the
//   thread instead (fbsd_kvm_target::thread_name(): p_comm, "/" td_name when it differs) and keeps
//   "PID=%s" alone as the extra info, which thread_target_id_str() prints as "%s \"%s\" (%s)":
//   `Thread 12 (Thread 100123 "mmap-write" (PID=1234))`;
// - the old base-system kgdb (freebsd-src gnu/usr.bin/gdb/kgdb/trgt.c kgdb_trgt_pid_to_str()): "Thread
//   %d" with the tid (early copies "TID %d").
// gdb's pager (gdb/utils.c prompt_for_continue(); the source was not read, the prompts are from real
// outputs): "--Type <RET> for more, q to quit, c to continue without paging--" (gdb 9 and later), "---Type
// <return> to continue, or q <return> to quit---" before, on a line of their own, the key typed after;
// or at the end of a line the terminal had wrapped (a long name or argument without a wrap hint), whose
// rest then starts the next line (`...std::vecto--Type <RET> ... paging--` then `r, std::...` in real
// outputs): the two parts are one line. After "q" gdb prints "Quit" and the output stops.
//
// lldb, lldb/source/Core/Debugger.cpp (g_properties; CoreProperties.td in newer copies):
// - thread-stop-format, which `bt` prints above a thread: "thread #${thread.index}{, name =
//   '${thread.name}'}{, queue = ...}{, activity = ...}{, stop reason = ${thread.stop-reason}}", after
//   "* " for the selected thread and "  " for the others;
// - frame-format: "frame #${frame.index}: ${frame.pc}{ ${module.file.basename}{`${function.name-with-args}
//   {${function.pc-offset}}}}{ at ${line.file.basename}:${line.number}{:${line.column}}}{ [opt]}
//   {[artificial]}", indented under the thread, "* " before the selected frame; a pc without a symbol is
//   the pc alone (`frame #10: 0xfffffe01b50de8e0`) or with its module (`frame #3: 0x... amdgpu.ko`: the
//   module's scope printed, the function's empty), a symbol without debug info `name + 64`; newer lldb
//   adds " [inlined]" (seen in real outputs, the copy read is older).
// - lldb/source/Plugins/Process/FreeBSDKernel/ProcessFreeBSDKernel.cpp UpdateThreadList(): the thread's
//   name "(pid {0}) {1}" with p_comm, "/" and td_name when it differs, then " (crashed)" for the thread
//   that dumped (dumptid) or " (on CPU {0})" for one that was running on a CPU. No tid is in `bt`'s line.
//
// A `(kgdb) ` / `(gdb) ` / `(lldb) ` prompt before a frame (a session pasted whole) is dropped.
// A thread that ran on a CPU gets state `R`: lldb's " (crashed)" and " (on CPU N)" threads, and any thread
// in vpanic(), panic() or doadump() (sys/kern/kern_shutdown.c: a panicking thread stops the other CPUs
// and the scheduler and dumps on its own CPU; `call doadump` from ddb dumps on the CPU ddb runs on), so
// that a panic's backtrace, sleep frames and all, is never read as a hung thread (signature.ts isBlocked).

import type { Frame, StackParser, Thread } from '../model.js';
import { splitLines, toInt, UNNAMED } from './common.js';

/** gdb's `Thread N (TARGET-ID):` header of `thread apply all`; also a chunk cut point (chunk-cut.ts). */
export const GDB_THREAD =
  /^Thread \d+(?:\.\d+)? \((?:Thread|TID) (\d+)(?: "([^"]*)")?(?: \(PID=(\d+)(?:: (.*))?\))?\):\s*$/;
/** lldb's thread line above a `bt`; also a chunk cut point. */
export const LLDB_THREAD =
  /^(?:\* )?thread #\d+(?:, name = '(.*?)')?(?:, (?:queue|activity|stop reason) = .*)?\s*$/;
/** The start of a gdb frame: its level. */
const GDB_LEVEL = /^#(\d+)\s/;
/** A whole gdb frame, continuation lines joined: level, pc, and what print_frame() printed after. */
const GDB_FRAME = /^#(\d+)\s+(?:(0x[0-9a-fA-F]+|<unavailable>)(?: \[PAC\])? in )?(.*)/;
/** The function and the opening of its arguments. */
const GDB_NAME = /^([^\s(]+) \(/;
/** What follows the arguments: the source line, or the shared object (a kernel module). */
const GDB_WHERE = /^ at (\S+):(\d+)$/;
const LLDB_FRAME =
  /^(?:\* )?frame #(\d+): (0x[0-9a-fA-F]+)(?: [^\s`[][^\s`]*(?:`(.+?))?)?(?: at ([^\s:]+):(\d+)(?::\d+)?)?(?: \[(?:opt|inlined|artificial)\])*$/;
/** The first character of a line that may start a trace: `#N`, `(kgdb) `, `* thread`, `Thread`, `frame #`. */
const MAY_START = /^\s*[#(*Ttf]/;
/** A source line gdb lists under a frame: its number, a tab (or the blanks a paste made of it), the text. */
const SOURCE_LINE = /^\d+\s/;
/** What `bt full` prints at a line's start in place of a frame's locals (gdb/stack.c print_frame_local_vars()). */
const NO_LOCALS = /^(?:No locals|No symbol table info available)\.$/;
const PROMPT = /^\s*(?:\((?:kgdb|gdb|lldb)\) )+/;
const PAGER =
  /^-{2,3}Type <(?:RET|return)> (?:for more, q to quit, c to continue without paging|to continue, or q <return> to quit)-{2,3}/;
/** The pager prompt at a line's end, the key typed after it ("c", or "Quit" for "q"). */
const PAGER_TAIL =
  /-{2,3}Type <(?:RET|return)> (?:for more, q to quit, c to continue without paging|to continue, or q <return> to quit)-{2,3}(c|Quit)?\s*$/;
/** The lldb thread name FreeBSDKernel gives: pid, comm[/tdname], crashed or on a CPU. */
const LLDB_NAME = /^\(pid (\d+)\) (.*?)(?: \((crashed|on CPU \d+)\))?$/;
/** Where a thread ran on its CPU when the dump was taken (kern_shutdown.c). */
const ON_CPU_FRAMES = new Set(['vpanic', 'panic', 'doadump']);

/**
 * Lines of a kgdb or lldb trace for the chunk cutter (chunk-cut.ts): a gdb frame, an lldb frame, and
 * gdb's continuation lines (` at FILE:LINE`, ` from LIB`, an argument `name=`) and `bt full` locals,
 * "No locals." among them, and a local's value wrapped onto more lines at its wrap hints, "2 + 2 *
 * recurse" blanks (gdb/valprint.c value_print_array_elements(), cp-valprint.c cp_print_value_fields()):
 * 10 or more under a local (the corpus case drm-kmod-385). Not 8: gdb 6's "\tin FILE" under a source line.
 */
export const KGDB_TRACE_LINE =
  /^\s*(?:\((?:kgdb|gdb|lldb)\) )*(?:#\d+ +(?:0x[0-9a-fA-F]+(?: \[PAC\])? in |[^\s(]+ \(|<)|(?:\* )?frame #\d+: 0x)|^\s+(?:at \S+:\d|from \/\S|\(?[A-Za-z_]\w*(?:@entry)? ?=)|^(?:No locals|No symbol table info available)\.$|^ {10} *\S/;

/** Does the text hold a gdb or lldb frame? (An unanchored test: log prefixes may precede the frames.) */
const HINT = /#\d+ +(?:0x[0-9a-fA-F]+(?: \[PAC\])? in |[^\s(]+ \()|frame #\d+: 0x/;

/**
 * Where the first parenthesis of a frame's text (its arguments) closes, quoted strings and characters
 * (`"%s"`, `'\001'`) not counted, for a frame read whole or line by line: each character is read once,
 * so that a frame cut inside its arguments and followed by many indented lines costs their length, not
 * their length times their number.
 */
class ArgsScan {
  /** The index of the closing `)` in all the text fed; -1 while the text fed ends first or has none. */
  end = -1;
  private fed = 0;
  private depth = 0;
  private quote = '';
  private escaped = false;

  get closed(): boolean {
    return this.end >= 0;
  }

  feed(text: string): void {
    for (let i = 0; i < text.length && this.end < 0; i++) {
      const c = text[i] as string;
      if (this.escaped) this.escaped = false;
      else if (this.quote !== '') {
        if (c === '\\') this.escaped = true;
        else if (c === this.quote) this.quote = '';
      } else if (c === '"' || c === "'") this.quote = c;
      else if (c === '(') this.depth++;
      else if (c === ')' && --this.depth === 0) this.end = this.fed + i;
    }
    this.fed += text.length;
  }
}

/** ArgsScan's end for a whole frame's text. */
function argsEnd(text: string): number {
  const scan = new ArgsScan();
  scan.feed(text);
  return scan.end;
}

/** One gdb frame: its level, and the frame (undefined for a frame of no function: a signal handler). */
export function parseGdbFrame(text: string): { level: number; frame?: Frame } | undefined {
  const m = GDB_FRAME.exec(text);
  if (!m) return undefined;
  const level = Number(m[1]);
  const rest = m[3] as string;
  if (rest.startsWith('<')) return { level };
  const name = GDB_NAME.exec(rest);
  if (!name) return undefined;
  // gdb names a pc without a symbol "??", which is UNNAMED.
  const frame: Frame = { fn: name[1] as string };
  if (m[2]?.startsWith('0x')) frame.address = m[2];
  // Cut inside its arguments (-1): the slice is the whole frame, which starts with the name, not " at ".
  const where = GDB_WHERE.exec(rest.slice(argsEnd(rest) + 1));
  if (where) {
    frame.file = where[1] as string;
    frame.line = Number(where[2]);
  }
  return { level, frame };
}

/** One lldb frame line (trimmed): its level and frame, or undefined. */
export function parseLldbFrame(line: string): { level: number; frame: Frame } | undefined {
  const m = LLDB_FRAME.exec(line);
  if (!m) return undefined;
  const fn = m[3] === undefined ? UNNAMED : (/^[^\s(]+/.exec(m[3]) as RegExpExecArray)[0];
  const frame: Frame = { fn, address: m[2] as string };
  if (m[4] !== undefined) {
    frame.file = m[4];
    frame.line = Number(m[5]);
  }
  return { level: Number(m[1]), frame };
}

/** The thread a gdb `Thread N (...)` or an lldb `thread #N` line starts, or undefined. */
export function threadHeader(line: string): Thread | undefined {
  const gdb = GDB_THREAD.exec(line);
  if (gdb) {
    const t: Thread = { tid: toInt(gdb[1]), comm: '', frames: [], format: 'freebsd-kgdb' };
    if (gdb[3] !== undefined) t.pid = toInt(gdb[3]);
    // The thread's name (newer kgdb) or the comm after the pid (ports kgdb): the same names.
    const names = gdb[2] ?? gdb[4];
    if (names !== undefined) setNames(t, names);
    return t;
  }
  const lldb = LLDB_THREAD.exec(line);
  if (!lldb) return undefined;
  const t: Thread = { comm: '', frames: [], format: 'freebsd-kgdb' };
  const name = lldb[1] === undefined ? null : LLDB_NAME.exec(lldb[1]);
  if (name) {
    t.pid = toInt(name[1]);
    setNames(t, name[2] as string);
    if (name[3] !== undefined) t.state = 'R';
  }
  return t;
}

/** `comm` or `comm/tdname` (td_name printed only when it differs from p_comm). */
function setNames(t: Thread, names: string): void {
  const slash = names.indexOf('/');
  t.comm = slash < 0 ? names : names.slice(0, slash);
  if (slash >= 0) t.tdname = names.slice(slash + 1);
}

/** Should an indented line continue the gdb frame being read (a wrapped line), not be a local of it? */
function continues(frame: ArgsScan, next: string): boolean {
  if (GDB_LEVEL.test(next)) return false;
  // The arguments not printed yet (a break before " ("), or not closed yet; or the source line, the module,
  // whole (`bt full`'s first local may be named `at` or `from`: "from = 0").
  return !frame.closed || /^(?:at \S+:\d+|from \S+)$/.test(next);
}

/** Reads the lines of one text: threads as headers and frames come. */
class Reader {
  private readonly threads: Thread[] = [];
  /** The threads that came with a header (`Thread N (...)`, `thread #N`). */
  private readonly headed = new Set<Thread>();
  private current: Thread | undefined;
  /** The last frame's level in the current thread (start() sets it). */
  private lastLevel = 0;
  /** The gdb frame being read, its continuation lines joined. */
  private pending: string | undefined;
  /** Whether the pending frame's arguments have closed. */
  private pendingArgs = new ArgsScan();
  /** The parts of a line the pager prompt interrupted, which the next line goes on (joined once). */
  private carry: string[] | undefined;

  line(next: string): void {
    // Outside a trace only a header, a frame or a prompt starts something: most lines of a log are none.
    const idle = this.current === undefined && this.pending === undefined && this.carry === undefined;
    if (idle && !MAY_START.test(next)) return;
    let raw = next;
    // Looked for in this line alone, so that a chain of interrupted lines is read once.
    const pager = next.includes('Type <') ? PAGER_TAIL.exec(next) : null;
    // Text before the prompt: carried from above (never blank), or this line's own.
    if (pager && (this.carry !== undefined || next.slice(0, pager.index).trim() !== '')) {
      const carry = this.carry ?? [];
      carry.push(next.slice(0, pager.index));
      if (pager[1] !== 'Quit') {
        this.carry = carry;
        return;
      }
      this.carry = undefined;
      raw = carry.join('');
    } else if (this.carry !== undefined) {
      this.carry.push(next);
      raw = this.carry.join('');
      this.carry = undefined;
    }
    const line = raw.replace(PROMPT, '');
    const text = line.trim();
    if (PAGER.test(text)) return;
    if (this.pending !== undefined && /^\s/.test(line) && continues(this.pendingArgs, text)) {
      this.pending += ` ${text}`;
      this.pendingArgs.feed(` ${text}`);
      return;
    }
    this.flush();
    const header = threadHeader(text);
    if (header) {
      this.start(header);
      this.headed.add(header);
      return;
    }
    if (GDB_LEVEL.test(text)) {
      this.pending = text;
      this.pendingArgs = new ArgsScan();
      this.pendingArgs.feed(text);
      return;
    }
    const lldb = parseLldbFrame(text);
    if (lldb) {
      this.add(lldb.level, lldb.frame);
      return;
    }
    // `bt full` says so at the line's start where a frame has no locals (or no debug info to find them).
    if (this.current !== undefined && NO_LOCALS.test(text)) return;
    // Blank lines, `bt full`'s locals and anything else indented stay inside the trace; any other line
    // (a prompt, with a new command or none, "Backtrace stopped: ...", the tool's other output) ends it.
    if (line === raw && (text === '' || /^\s/.test(line))) return;
    // A frame printed alone and then its source line (print_source_lines(): "%d\t%s"; gdb 6 prints
    // "%d\t%s: No such file or directory." for a missing file) is gdb's `frame`: the frame kgdb prints
    // when it opens the dump (fbsd_kvm_target_open(): print_stack_frame()), `frame N`, `up`. No trace.
    const thread = this.current;
    if (thread?.frames.length === 1 && !this.headed.has(thread) && SOURCE_LINE.test(line)) this.threads.pop();
    this.current = undefined;
  }

  result(): Thread[] {
    if (this.carry !== undefined) this.line('');
    this.flush();
    return this.threads;
  }

  private flush(): void {
    const text = this.pending;
    if (text === undefined) return;
    this.pending = undefined;
    const parsed = parseGdbFrame(text);
    if (!parsed) {
      // A cut line (`#11 0xffffffff80c085f3 i`) or another tool's `#N` line (stack(9)'s "#N 0x... at").
      this.current = undefined;
      return;
    }
    this.add(parsed.level, parsed.frame);
  }

  private start(thread: Thread): void {
    this.threads.push(thread);
    this.current = thread;
    this.lastLevel = -1;
  }

  private add(level: number, frame: Frame | undefined): void {
    // A level that does not go on from the last starts another trace (another `bt`, a quote cut above).
    if (this.current === undefined || level <= this.lastLevel) {
      this.start({ comm: '', frames: [], format: 'freebsd-kgdb' });
    }
    this.lastLevel = level;
    if (!frame) return;
    const thread = this.current as Thread;
    thread.frames.push(frame);
    if (ON_CPU_FRAMES.has(frame.fn)) thread.state = 'R';
  }
}

export const freebsdKgdbParser: StackParser = {
  format: 'freebsd-kgdb',
  matches(text: string): boolean {
    return HINT.test(text);
  },
  parse(text: string): Thread[] {
    const reader = new Reader();
    for (const line of splitLines(text)) reader.line(line);
    return reader.result();
  },
};
