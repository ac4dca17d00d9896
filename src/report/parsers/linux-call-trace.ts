// The `Call Trace:` block that every Linux stack dump shares (hung task, sysrq-t, panic, oops),
// in the forms of every era and architecture.
//
// Formats, from torvalds/linux:
// - x86 arch/x86/kernel/dumpstack.c show_trace_log_lvl(): "%sCall Trace:\n", then for each stack
//   the unwinder visits a " <TASK>" / " <IRQ>" / " <NMI>" / " <SOFTIRQ>" line and its closing
//   " </...>" (older kernels: " <EOI>", " <<EOE>>", " <#DF>").
// - printk_stack_address(): "%s %s%pBb\n": one space, "? " when the frame is unreliable (found by
//   scanning, not by unwinding), then %pBb (lib/vsprintf.c): "func+0xoff/0xsize", plus " [module]"
//   (or " [module buildid]"). Before 4.x (print_trace_address/printk_address) the frame was
//   " [<ffffffff81234567>] ? func+0x12/0x34 [module]", the address first.
// - arm64 arch/arm64/kernel/stacktrace.c dump_backtrace(): "%sCall trace:\n" (lower case), frames
//   " func+0xoff/0xsize" and, since 6.13, a " (P)"/" (L)"/" (T)"... suffix telling where the pc came from.
// - A pc without a symbol prints as a bare address (%pB of unknown text): not a function name.
// - 32-bit ARM arch/arm/kernel/traps.c dump_backtrace_entry(): "[<%08lx>] (%ps) from [<%08lx>] (%pS)\n"
//   before 5.x, "%ps from %pS\n" since; the frame is the first function, frames follow the task line
//   directly or a "Backtrace: " line.
// - Symbolized reports (scripts/decode_stacktrace.sh, syzbot): "func+0xoff/0xsize file.c:123" and
//   inlined callers as "func file.c:123 [inline]".
// - Pre-4.x x86 printed a context mark and the first frame on one line: " <IRQ>  [<ffffffff...>] func+...".
// - show_regs_if_on_stack()/show_iret_regs(): a user or interrupted context prints "RIP: ...",
//   "Code: ...", "RSP: ...", "RAX: ..." register lines inside the block.
// Lines carry log prefixes (printk time, syslog...): splitLines() removed them already.

import type { Frame } from '../model.js';
import { callersOf, parseSymbol, UNNAMED } from './common.js';

export const CALL_TRACE = /^\s*(?:Call Trace|Call trace|Backtrace):?\s*$/;

/** Does the line hold a frame (so a trace starts here even without a `Call Trace:` header)? */
export function isFrameLine(line: string): boolean {
  return parseTraceLine(line) !== undefined;
}
const CONTEXT_MARK = /^<{1,2}\/?(?:TASK|IRQ|NMI|SOFTIRQ|EOI|EOE|UNK|#[A-Z]+|DF)>{1,2}$/;
const REGISTER_LINE =
  /^(?:RIP|EIP|RSP|ESP|RAX|EAX|RBX|EBX|RCX|ECX|RDX|EDX|RSI|ESI|RDI|EDI|RBP|EBP|R\d\d?|Code|FS|GS|CS|DS|ES|SS|CR\d|DR\d|PKRU|ORIG_RAX|EFLAGS)\b/;
/** `[<addr>] ? sym [mod]`, `? sym [mod buildid]`, `sym (P)`, `sym file.c:12`, `0xaddr`; the line is already trimmed. */
const FRAME =
  /^(?:\[<([0-9a-fA-F]+)>\]\s*)?(\? )?(?:\[<[0-9a-fA-F]+>\]\s*)?(\S+?)(?: \[([^\]\s]+)(?: [0-9a-f]+)?\])?(?: \S+\.\w+:\d+(?::\d+)?)?(?: \[inline\])?(?: \([A-Z]\))?$/;
/** `func file.c:123 [inline]`: a function the compiler inlined into the frame below. */
const INLINE_FRAME = /^(?:\? )?([A-Za-z_][\w.]*) \S+\.\w+:\d+(?::\d+)? \[inline\]$/;
/** 32-bit ARM: `[<c0123456>] (func [mod]) from [<...>] (caller+0x1/0x2 [mod])` and `func from caller+0x1/0x2`. */
const ARM_FRAME =
  /^(?:\[<([0-9a-fA-F]+)>\] )?\(?([A-Za-z_][\w.]*)(?: \[([^\]\s]+)\])?\)? from (?:\[<[0-9a-fA-F]+>\] )?\(?[A-Za-z_$][\w.]*\+0x[0-9a-fA-F]+\/0x[0-9a-fA-F]+(?: \[[^\]]+\])?\)?$/;
/**
 * A context mark printed on the frame's own line by old kernels: print_trace_stack() "%s <%s> " before the
 * frame, with the ids "IRQ", "EOI", an exception stack's ("NMI", "#DF", "#DB", "#MC"), "<EOE>" (so
 * `<<EOE>>`; 2.6.2x printed " <EOE>") and "UNK" for a stack dump_trace() could not place.
 */
const LEADING_MARK = /^<(?:IRQ|EOI|NMI|SOFTIRQ|UNK|<EOE>|EOE|#[A-Z]+)>\s+/;

export interface CallTrace {
  /** Reliable frames, innermost first (`?` frames skipped). */
  frames: Frame[];
  /** Index of the first line after the block. */
  end: number;
  /**
   * The pc of each interrupted context the block printed registers for (x86 show_iret_regs():
   * "RIP: %04x:%pS" inside the trace), with the number of frames read before it.
   */
  pcs: { before: number; frame: Frame }[];
}

/** x86 "RIP: %04x:%pS", arm64 "pc : %pS" (a register line's own symbol). */
const TRACE_PC = /^(?:RIP: (?:[0-9a-f]{4}:)?|pc : )([A-Za-z_][\w.]*\+0x[0-9a-fA-F]+(?:\/0x[0-9a-fA-F]+)?)/;

/** Parse one frame line of a Call Trace; `unreliable` for `? ` frames. */
export function parseTraceLine(line: string): { frame: Frame; unreliable: boolean } | undefined {
  let text = line.trim();
  if (text.charCodeAt(0) === 60 /* < */) text = text.replace(LEADING_MARK, '');
  const inline = INLINE_FRAME.exec(text);
  if (inline) return { frame: { fn: inline[1] as string }, unreliable: text.startsWith('? ') };
  if (text.includes(' from ')) {
    const arm = ARM_FRAME.exec(text);
    if (arm) {
      const frame: Frame = { fn: arm[2] as string };
      if (arm[1] !== undefined) frame.address = arm[1];
      if (arm[3] !== undefined) frame.module = arm[3];
      return { frame, unreliable: false };
    }
  }
  const m = FRAME.exec(text);
  if (!m) return undefined;
  const token = m[3] as string;
  if (/^(?:0x)?(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,16}$/.test(token)) {
    // A pc without a symbol: a frame, but no name.
    const frame: Frame = { fn: UNNAMED, address: token };
    return { frame, unreliable: m[2] !== undefined };
  }
  const frame = parseSymbol(token);
  // A frame always prints an offset and size (`func+0x1/0x2`); other text is not a frame.
  if (!frame || frame.offset === undefined || frame.size === undefined) return undefined;
  if (m[1] !== undefined && !/^0+$/.test(m[1])) frame.address = m[1];
  if (m[4] !== undefined) frame.module = m[4];
  return { frame, unreliable: m[2] !== undefined };
}

/**
 * 32-bit ARM's saved registers under a frame, arch/arm/kernel/traps.c dump_backtrace_stm(): " r%d:%08x"
 * each (`r6:80000193 r5:8053b980 r4:b6062640`); and the exception stack both ARM ports dump in the middle
 * of a trace: "Exception stack(0x%08lx to 0x%08lx)" then dump_mem()'s "%04lx: " and words.
 */
const ARM_TRACE_NOISE =
  /^(?:r\d{1,2} ?:[0-9a-f]{8}(?:\s|$)|Exception stack\(0x[0-9a-f]+ to 0x[0-9a-f]+\)|[0-9a-f]{4}:(?: +(?:[0-9a-f]{8}|[0-9a-f]{16}))+\s*$)/;

/** Lines a dump prints inside a trace block that are neither frames nor its end. */
function isNoise(line: string): boolean {
  return line === ''
    ? false
    : CONTEXT_MARK.test(line) ||
        REGISTER_LINE.test(line) ||
        line.startsWith('---[ now ') ||
        ARM_TRACE_NOISE.test(line);
}

/**
 * Read the Call Trace block whose header is at `lines[start]` (clean lines). Stops at the first
 * line that is none of: a frame, a context mark, a register line; `</TASK>` ends it.
 */
export function readCallTrace(lines: readonly string[], start: number): CallTrace {
  const frames: Frame[] = [];
  const pcs: CallTrace['pcs'] = [];
  // Another context's lines in the middle of the block (two CPUs printing at once) are skipped when
  // printk's caller ids tell them apart.
  const callers = callersOf(lines);
  const own = callers?.[start];
  let i = start + 1;
  for (; i < lines.length; i++) {
    if (own !== undefined && callers?.[i] !== undefined && callers[i] !== own) continue;
    const line = (lines[i] as string).trim();
    if (line === '</TASK>') {
      i++;
      break;
    }
    if (isNoise(line)) {
      const pc = TRACE_PC.exec(line);
      const frame = pc ? parseSymbol(pc[1] as string) : undefined;
      if (frame) pcs.push({ before: frames.length, frame });
      continue;
    }
    const parsed = parseTraceLine(line);
    if (!parsed) break;
    if (!parsed.unreliable) frames.push(parsed.frame);
  }
  return { frames, end: i, pcs };
}
