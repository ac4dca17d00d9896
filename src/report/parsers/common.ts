// Helpers shared by the stack parsers: line cleaning (console and log prefixes), symbol+offset tokens.

import type { Frame } from '../model.js';

/**
 * Split console text into clean lines: CR handling, ANSI colour codes and log prefixes removed. The
 * parsers of one text all ask for its lines: the last text's lines are kept, so a chunk of a big log
 * is split and cleaned once, not once per parser.
 */
export function splitLines(text: string): readonly string[] {
  if (text !== lastText) {
    const raw = text.split('\n');
    lastLines = dropWallHeaders(stripLineTags(raw.map(cleanLine)));
    const callers = raw.length === lastLines.length ? printkCallers(text, raw) : undefined;
    if (callers) CALLERS.set(lastLines, callers);
    lastText = text;
  }
  return lastLines;
}

/**
 * The printk caller id of each line of splitLines()' result (CONFIG_PRINTK_CALLER, kernel/printk/printk.c
 * print_caller(): `T<pid>` of a task, `C<cpu>` of an interrupt context), or undefined when the text has
 * none. Two contexts printing at once interleave their lines; the id tells whose a line is.
 */
export function callersOf(lines: readonly string[]): readonly (string | undefined)[] | undefined {
  return CALLERS.get(lines);
}
const CALLERS = new WeakMap<readonly string[], readonly (string | undefined)[]>();
/** The caller id printk prints right after its time: `[   34.404245][ T3083] `. */
const PRINTK_CALLER = /\[\s*\d+\.\d+\]\[\s*([TC]\d+)\]/;

function printkCallers(text: string, raw: readonly string[]): (string | undefined)[] | undefined {
  if (!text.includes('][')) return undefined;
  let any = false;
  const callers = raw.map((l) => {
    const m = l.includes('][') ? PRINTK_CALLER.exec(l) : null;
    if (m) any = true;
    return m?.[1];
  });
  return any ? callers : undefined;
}
let lastText: string | undefined;
let lastLines: readonly string[] = [];

/**
 * One raw console line as a person would read it: the terminal's view of `\r` overwrites,
 * without ANSI escape sequences or other control bytes, without the log prefixes below.
 */
export function cleanLine(raw: string): string {
  let line = raw;
  // One test for the common case of a line with no control byte at all.
  if (CONTROL.test(line)) {
    if (line.includes('\r')) line = cleanCarriageReturns(line);
    if (line.includes('\x1b')) line = line.replace(ANSI, '');
    line = line.replace(CONTROL_ALL, '');
  }
  // A log quoted through a web page or an HTML mail archive keeps its markup escapes
  // (`[&lt;ffffffffa00f58e6&gt;] ? dbuf_rele+0x4b/0x52 [zfs]`): no kernel line holds an entity itself.
  if (line.includes('&')) line = line.replace(HTML_ENTITY, (e) => HTML_ENTITIES[e] ?? e);
  const out = stripLogPrefix(line);
  // rsyslog escapes a control character as `#` and three octal digits: a message the kernel began
  // with a newline (lockdep's "\nbut task is already holding lock:") arrives as `#012but task ...`.
  return out.startsWith('#012') ? out.replace(/^(?:#012)+/, '') : out;
}

const HTML_ENTITY = /&(?:lt|gt|amp|quot|apos|#39|nbsp);/g;
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
  '&#39;': "'",
  '&nbsp;': ' ',
};

/**
 * ECMA-48 control sequences: CSI `ESC [`, parameter bytes 0x30-0x3F (digits, `;`, and the private `<=>?`:
 * OVMF's terminal sets its mode with `ESC [=3h`), intermediates, a final byte; and the other escapes
 * (ECMA-35): `ESC`, intermediates 0x20-0x2F, one final byte 0x30-0x7E (`ESC c` reset, `ESC 7` save
 * cursor, `ESC ( B` of `tput sgr0`); and operating system commands, OSC `ESC ]` up to BEL or ST
 * (`ESC \\`), with which shells and terminals set a window title (`ESC ]0;root@freebsd: ~ BEL`).
 */
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -/]*[0-~])/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/;
const CONTROL_ALL = /[\x00-\x08\x0b-\x1f\x7f]/g;

/**
 * A line with `\r` in the middle was overwritten on a terminal (ddb's `--More--` pager prints
 * `--More--\r` and then blanks it). Keep what the terminal would show last: the last non-blank
 * segment. A trailing `\r` (CRLF) is just dropped.
 */
function cleanCarriageReturns(line: string): string {
  const parts = line.split('\r').filter((p) => p.trim() !== '');
  return parts.length === 0 ? '' : (parts[parts.length - 1] as string);
}

/**
 * Prefixes that loggers put before a kernel line, as data. Each is tried at the start of the line,
 * repeatedly (journalctl's prefix may precede a printk time, `<N>` a timestamp):
 * - printk `<N>` log level (kernel/printk/printk.c, /dev/kmsg readers and `dmesg -r`);
 * - printk time `[   12.345678]` (CONFIG_PRINTK_TIME, print_time()) and caller `[  T123]`/`[    C0]`
 *   (CONFIG_PRINTK_CALLER, print_caller());
 * - util-linux dmesg: `-T` `[Tue Dec  1 12:00:00 2026]`, `-H` `[Dec 1 12:00]` and `[  +0.000012]`,
 *   `-d` `[   12.345678 <    0.000012>]`,
 *   `-x` `kern  :err   : `;
 * - syslog / journalctl short: `Dec  1 12:00:00 host kernel: `, short-iso `2026-12-01T12:00:00+0000 host kernel: `,
 *   short-monotonic `[ 12.345678] host kernel: ` (the bracket first, then this); a syslog without host;
 * - runit's svlogd/socklog `2015-10-03T12:10:17.00878 kern.warn: `;
 * - a CI job log's own time stamps (GitHub Actions, Jenkins) and `dmesg --time-format iso`;
 * - what carried the log: a mail's quote marks, indentation (a markdown block, a quote indented in a
 *   mail, LAVA's console), a CI line tag before a stamp (Jenkins `[branch] `, pdsh `host: `; more in
 *   stripLineTags()), syslogd's broadcast ` kernel:`, raw /dev/kmsg records, a pager's gutter;
 * - FreeBSD's message buffer with kern.msgbuf_show_timestamp=1: "[%jd] " (uptime seconds, no
 *   fraction) before every line, also an empty one (sys/kern/subr_msgbuf.c msgbuf_addstr()); `dmesg`
 *   and a crash dump's "Unread portion of the kernel message buffer" show it. Newer copies print
 *   "[%jd.%06d] " (microseconds) for any other non-zero value, which the printk time pattern strips;
 *   a priority's "<%d>" comes before either. Only the message buffer has them, never the console.
 */
// Up to three digits: `dmesg -r` prints facility and level in one number (`<12>` for a record user
// space wrote to /dev/kmsg, util-linux dmesg.c LOG_RAW_FAC_PRI()).
const LOGLEVEL = /^<\d{1,3}>/;
const BRACKETED: readonly RegExp[] = [
  /^\[\s*\d+\.\d+\](?:\[\s*[TC]\d+\])?\s?/,
  /^\[\s*[TC]\d+\]\s?/,
  /^\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}\]\s?/,
  /^\[[A-Z][a-z]{2} ?\d{1,2} \d\d:\d\d\]\s?/,
  /^\[\s*\+\d+\.\d+\]\s?/,
  // `dmesg -d` with the printk time: "[%5ld.%06ld <%12.06f>] " (util-linux dmesg.c print_record()).
  /^\[\s*\d+\.\d+ <\s*\d+\.\d+>\]\s?/,
  // Not a Linux OOM task table row, "[%7d] %5d %5d %8lu ..." (mm/oom_kill.c dump_task()): a 7-digit pid
  // fills the brackets, and numbers follow.
  /^\[\d+\](?: (?!\s*\d+\s+\d+\s+\d+\s)|$)/,
];
const DMESG_X = /^(?:kern|user|daemon|syslog)\s*:(?:emerg|alert|crit|err|warn|notice|info|debug)\s*: /;
const SYSLOG: readonly RegExp[] = [
  // The host is whatever token the logger was given (`src@linuxserver` seen): anything but a blank.
  // busybox syslogd puts facility.priority after it ("%s %.64s %s %s\n", sysklogd/syslogd.c
  // timestamp_and_log()): `Dec  1 12:00:00 buildroot kern.warn kernel: `.
  /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)? (?:\S+ )?(?:[a-z]+\.[a-z]+ )?kernel: (?:\[\s*\d+\.\d+\]\s?)?/,
  /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)? \S+ kernel: /,
  /^[\w.-]+ kernel: /,
];
// runit svlogd / socklog: `2015-10-03T12:10:17.00878 kern.warn: `
const SOCKLOG = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)? kern\.\w+: /;
// A CI runner's own time stamp on each line of a job log (GitHub Actions `2026-12-01T12:00:00.1234567Z `)
// and util-linux `dmesg --time-format iso` (`2026-12-01T12:00:00,123456+00:00 `).
const ISO_STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d) /;
// Jenkins' timestamper: `[2026-12-01T12:00:00.123Z] `
const BRACKETED_ISO = /^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]\s?/;

/**
 * A mail's quote marks (`> `, `>> `, `> > `): a kernel log quoted in a reply on a mailing list.
 * No kernel line the readers use starts with `>` (lockdep's chain lines start `-> #`).
 */
const QUOTE = /^(?:> ?)+/;
/**
 * Indentation before a quote mark, a printk or message buffer time, a log level or a caller id: a quote
 * indented inside a mail or a FAQ (`    > Fatal
 * trap 12: ...`), a CI runner (LAVA) indenting the console it relays (`    [  244.878944][   T74] ...`).
 * A kernel line's own leading blanks come before a frame or text, never before `>` or a printk time.
 * (The tab and the blank are tried first: most indented lines are frames, with no prefix after.)
 */
const INDENT_BEFORE_PREFIX = /^[ \t]+(?=>|\[\s*\d+(?:\.\d+)?\]|<\d{1,3}>|\[\s*[TC]\d+\])/;
/**
 * What one of the prefixes above starts with: a printk or msgbuf stamp, a log level, a `dmesg -T`/`-H`
 * date, a `dmesg -x` facility, an ISO or syslog date. A CI tag before one of them is a tag, not text.
 */
const STAMP_AHEAD =
  /^(?:\[\s*[+\d]|<\d{1,3}>|\[[A-Z][a-z]{2} |\d{4}-\d\d-\d\d[T ]\d|(?:kern|user|daemon|syslog)\s*:|[A-Z][a-z]{2} [ \d]\d \d\d:)/;
/**
 * Line tags of the tools that run one command on many branches or hosts, before each line of its output:
 * a Jenkins pipeline's parallel branch `[branch] ` (a name that starts with a letter: the kernel's own
 * bracketed starts are stamps, `[<addr>]` frames, or start with a blank, as `[ thread pid`, `[ cut
 * here ]` and the OOM task table's `[  pid  ]` do), and pdsh(1)'s `host: ` (`host:` alone on an empty
 * line). A kernel line may start the same way (`[drm] `, `rcu: `), so one line alone is taken for a
 * tag only when a stamp follows (`node1: [ 12.345678] ...`); splitLines() also strips a tag that nearby
 * lines share (stripLineTags). A host is a host name (letters, digits, `-`, `.`; RFC 1123), never a word
 * with `_`: the FreeBSD kernel's own subsystem prefixes, which repeat on consecutive lines
 * (sys/vm/vm_fault.c "vm_fault: pager read error", sys/vm/swap_pager.c "swap_pager: indefinite wait
 * buffer", sys/kern/link_elf_obj.c "link_elf_obj: symbol %s undefined"), keep their word.
 */
const LINE_TAG = /^(?:\[([A-Za-z][\w.:@/+-]*(?: [\w.:@/+-]+)*)\] |([A-Za-z0-9][A-Za-z0-9.-]{0,62}):(?: |$))/;
/**
 * Words the kernels start their own lines with (`BUG: KASAN: ...` twice for an inlined header,
 * `rcu: INFO: ...`, x86's `IP: [<...>]`, FreeBSD's `panic: `), never taken for a host: any all-capitals
 * word, and these.
 */
const KERNEL_WORD =
  /^(?:[A-Z0-9_]+|rcu|watchdog|sysrq|traps|hung_task|panic|kernel|Kernel|Code|Workqueue|Stack|Oops)$/;

/** The line's CI tag (`[branch] ` or `host: `) and its length, or undefined. */
function lineTag(line: string): { tag: string; length: number } | undefined {
  // Most lines are ruled out before the pattern: a host tag is one word ending in `:`, a branch tag a
  // bracket closed before a blank.
  if (line.charCodeAt(0) === 91 /* [ */) {
    if (!line.includes('] ')) return undefined;
  } else {
    const colon = line.indexOf(':');
    const blank = line.indexOf(' ');
    if (colon < 1 || colon > 63 || (blank !== -1 && blank < colon)) return undefined;
  }
  const m = LINE_TAG.exec(line);
  if (!m) return undefined;
  if (m[1] !== undefined) return { tag: `[${m[1]}]`, length: m[0].length };
  const host = m[2] as string;
  return KERNEL_WORD.test(host) ? undefined : { tag: `${host}:`, length: m[0].length };
}

/** Can a stamp (STAMP_AHEAD) start with this character: `[`, `<`, a digit, a capital, `k u d s`? */
function mayStartStamp(c: number): boolean {
  return (
    c === 91 ||
    c === 60 ||
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    c === 107 ||
    c === 117 ||
    c === 100 ||
    c === 115
  );
}

/** A tag's length when a stamp follows it on the line (stripped in any text), else 0. */
function stampedTagLength(line: string): number {
  const tag = lineTag(line);
  return tag && STAMP_AHEAD.test(line.slice(tag.length)) ? tag.length : 0;
}

/**
 * syslogd's broadcast of an emergency message to the logged-in terminals (rsyslog omusrmsg, sysklogd
 * wallmsg()): "Message from syslogd@HOST at DATE ..." then " " and the message with its tag, no blank
 * after the colon (` kernel:[  622.405154] Internal error: ...`), each message under its own header.
 */
const WALL_KERNEL = /^ ?kernel: ?(?=\[\s*\d+\.\d+\])/;
const WALL_HEADER = /^\s*Message from syslogd@\S+ at .*\.\.\.\s*$/;

/**
 * A /dev/kmsg record as read raw (`cat /dev/kmsg`, Documentation/ABI/testing/dev-kmsg): "level,sequence,
 * timestamp,flags[,more];" then the message (`4,5005,12915307506,-; ? __pfx_watchdog_timer_fn+0x10/0x10`).
 */
const KMSG_RECORD = /^\d{1,3},\d+,\d+,[^;,\s]*(?:,[^;]*)?;/;
/** A pager's line-number gutter (bat, `less -N` with a box-drawing rule): `7344   │ `. */
const PAGER_GUTTER = /^\s*\d+\s+│ ?/;

/** The prefix at the start of the line, tried by its first character (most lines have none). */
function prefixLength(line: string, syslog: boolean): number {
  const c = line.charCodeAt(0);
  if (c === 60 /* < */) return LOGLEVEL.exec(line)?.[0].length ?? 0;
  if (c === 62 /* > */) return QUOTE.exec(line)?.[0].length ?? 0;
  if (c === 32 || c === 9) {
    const indent = INDENT_BEFORE_PREFIX.exec(line);
    if (indent) return indent[0].length;
    // Indentation before any other prefix (a markdown code block's `    May 17 18:48:11 host kernel: `):
    // a kernel line's own indentation is followed by its text, which no prefix matches. An indented
    // frame (` schedule+0x27/0xf0`, `? ` ones) holds no colon: no prefix to look for.
    if (line.includes(':') || line.includes('>') || line.includes(';')) {
      const text = line.trimStart();
      if (text.length < line.length && prefixLength(text, syslog) > 0) return line.length - text.length;
    }
  }
  if ((c === 32 || c === 107) /* ' ', k */ && line.includes('kernel:[')) {
    const wall = WALL_KERNEL.exec(line);
    if (wall) return wall[0].length;
  }
  if (c === 91 /* [ */) {
    const iso = line.charCodeAt(1) === 50 /* 2 */ ? BRACKETED_ISO.exec(line) : null;
    if (iso) return iso[0].length;
    for (const re of BRACKETED) {
      const m = re.exec(line);
      if (m) return m[0].length;
    }
    return stampedTagLength(line);
  }
  const colon = line.indexOf(': ');
  if (colon > 0 && colon < 64 && mayStartStamp(line.charCodeAt(colon + 2))) {
    const n = stampedTagLength(line);
    if (n > 0) return n;
  }
  if (syslog && line.includes('kernel: ')) {
    for (const re of SYSLOG) {
      const m = re.exec(line);
      if (m) return m[0].length;
    }
  }
  if (c >= 48 && c <= 57) {
    if (line.includes(';')) {
      const kmsg = KMSG_RECORD.exec(line);
      if (kmsg) return kmsg[0].length;
    }
    if (line.includes('│')) {
      const gutter = PAGER_GUTTER.exec(line);
      if (gutter) return gutter[0].length;
    }
    // A line with ` kern.` that is not socklog's may still carry a CI stamp before a FreeBSD message
    // that names a sysctl (`kern.ipc.maxpipekva exceeded; see tuning(7)`, sys/kern/sys_pipe.c).
    const m = (line.includes(' kern.') ? SOCKLOG.exec(line) : null) ?? ISO_STAMP.exec(line);
    return m?.[0].length ?? 0;
  }
  if ((c === 107 || c === 117 || c === 100 || c === 115) && line.includes(':'))
    return DMESG_X.exec(line)?.[0].length ?? 0;
  return 0;
}

/**
 * One raw line as a test for a record's start sees it: cleaned as cleanLine() does, without a CI line
 * tag (`[branch] `, `host: `) even when no stamp follows it, without indentation (a markdown code block
 * indents the whole text). For a reader that sees one line alone and must not miss where a record
 * starts (the chunk cutter, src/report/analyze.ts); a kernel line that loses a leading word or its
 * indentation there loses nothing a record start is made of.
 */
export function recordLine(raw: string): string {
  const line = cleanLine(raw);
  const tag = lineTag(line);
  return (tag ? cleanLine(line.slice(tag.length)) : line).trimStart();
}

/** Remove log prefixes (printk time and caller, syslog, journalctl, dmesg) from the start of a line. */
export function stripLogPrefix(line: string): string {
  let out = line;
  // A line without `kernel: ` anywhere has no syslog prefix in any round.
  const syslog = line.includes('kernel: ');
  // As many rounds as there are prefixes: `dmesg -x` with two --time-format options and caller ids
  // prints four before the text, and a CI runner's stamp makes five. Each round removes at least one
  // character, so the loop ends.
  for (;;) {
    const n = prefixLength(out, syslog);
    if (n === 0) return out;
    out = out.slice(n);
  }
}

/** Kept for the callers that strip prefixes of their own lines (the same rules). */
export const stripPrintkPrefix = stripLogPrefix;

/**
 * A symbol as printed by the kernels: `name`, `name+0xoff`, Linux `%pB` `name+0xoff/0xsize`.
 * FreeBSD `%#lx` prints a zero offset as `0` (no `0x`: printf's `#` flag adds nothing to 0), and
 * stack(9) names an unresolved pc `??` (sys/kern/subr_stack.c), so `??+0` is a frame.
 */
const SYMBOL = /^([^\s+/]+)(?:\+(0x[0-9a-fA-F]+|0)(?:\/(0x[0-9a-fA-F]+))?)?$/;

/** The name given to a frame whose pc has no symbol (FreeBSD prints `??`, Linux a bare address). */
export const UNNAMED = '??';

/** Parse `name+0xoff[/0xsize]` into a frame; undefined when the token does not look like one. */
export function parseSymbol(token: string): Frame | undefined {
  const m = SYMBOL.exec(token);
  if (!m) return undefined;
  const name = m[1] as string;
  // A bare address is not a function name (Linux prints one for text without a symbol).
  if (/^(?:0x)?(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,16}$/.test(name) && m[2] === undefined)
    return { fn: UNNAMED, address: name };
  const frame: Frame = { fn: name };
  if (m[2] !== undefined) frame.offset = m[2];
  if (m[3] !== undefined) frame.size = m[3];
  return frame;
}

/** Does the frame name a function (not `??`, not an address)? */
export function isNamed(fn: string): boolean {
  return fn !== UNNAMED && fn !== '' && !/^0x[0-9a-fA-F]+$/.test(fn);
}

/**
 * The function name without compiler suffixes (`.isra.0`, `.constprop.0`, `.part.0`, `.cold`,
 * `.llvm.123`): the same function for signatures and catalogue matching.
 */
export function baseName(fn: string): string {
  const dot = fn.indexOf('.', 1);
  return dot > 0 ? fn.slice(0, dot) : fn;
}

/** Parse an integer field; undefined when absent or not a number. */
export function toInt(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** How many lines around a line are looked at for the same tag. */
const TAG_WINDOW = 3;

/**
 * The CI line tags (LINE_TAG) stripped where at least one other line within TAG_WINDOW lines has the
 * same tag: a kernel subsystem that prints two lines in a row (`[drm] `, `fuse: `) loses a word no
 * reader looks at. Several hosts interleave; each host's lines are near each other. Clean lines in
 * and out: what follows a tag may carry prefixes of its own.
 */
function stripLineTags(lines: readonly string[]): readonly string[] {
  // The tagged lines by index; most texts have none, and then nothing more is allocated.
  let tags: Map<number, { tag: string; length: number }> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const c = line.charCodeAt(0);
    // A tag starts with `[` and a letter, or with a letter or digit: most lines are ruled out here.
    if (!(c === 91 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) continue;
    const t = lineTag(line);
    if (!t) continue;
    tags ??= new Map();
    tags.set(i, t);
  }
  if (!tags) return lines;
  const found = tags;
  return lines.map((line, i) => {
    const t = found.get(i);
    if (t === undefined) return line;
    let same = 0;
    for (let j = Math.max(0, i - TAG_WINDOW); j <= i + TAG_WINDOW; j++)
      if (found.get(j)?.tag === t.tag) same++;
    return same >= 2 ? cleanLine(line.slice(t.length)) : line;
  });
}

/**
 * The clean lines without syslogd's broadcast headers (WALL_HEADER) and the blank line before each:
 * the broadcast messages of one report read as the report's consecutive lines.
 */
function dropWallHeaders(lines: readonly string[]): readonly string[] {
  if (!lines.some((l) => l.includes('Message from syslogd@') && WALL_HEADER.test(l))) return lines;
  const out: string[] = [];
  for (const line of lines) {
    if (!WALL_HEADER.test(line)) {
      out.push(line);
      continue;
    }
    while (out.length > 0 && (out[out.length - 1] as string).trim() === '') out.pop();
  }
  return out;
}
