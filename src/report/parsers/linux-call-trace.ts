// The x86 `Call Trace:` block that every Linux stack dump shares (hung task, sysrq-t, panic, oops).
//
// Format, from torvalds/linux arch/x86/kernel/dumpstack.c:
// - show_trace_log_lvl(): "%sCall Trace:\n", then for each stack the unwinder visits a
//   " <TASK>" / " <IRQ>" / " <NMI>" / " <SOFTIRQ>" line and its closing " </...>".
// - printk_stack_address(): "%s %s%pBb\n": one space, "? " when the frame is unreliable (found
//   by scanning, not by unwinding), then %pBb from lib/vsprintf.c: "func+0xoff/0xsize", plus
//   " [module]" (or " [module buildid]") for module text.
// - show_regs_if_on_stack()/show_iret_regs(): a user or interrupted context prints "RIP: ...",
//   "Code: ...", "RSP: ...", "RAX: ..." register lines inside the block.
// Lines carry printk timestamps (`[   12.345678] `) when CONFIG_PRINTK_TIME is on.

import type { Frame } from '../model.js';
import { parseSymbol, stripPrintkPrefix } from './common.js';

export const CALL_TRACE = /^\s*Call Trace:\s*$/;
const CONTEXT_MARK = /^\s*<\/?(TASK|IRQ|NMI|SOFTIRQ|EOI|#[A-Z]+)>\s*$/;
const REGISTER_LINE = /^\s*(RIP|RSP|RAX|RDX|RBP|R10|R13|Code|FS|CS|CR2|DR0|DR3|PKRU|ORIG_RAX)\b.*$/;
const FRAME = /^\s(\? )?(\S+?)(?: \[([^\]\s]+)(?: [0-9a-f]+)?\])?\s*$/;

export interface CallTrace {
  /** Reliable frames, innermost first (`?` frames skipped). */
  frames: Frame[];
  /** Index of the first line after the block. */
  end: number;
}

/** Parse one frame line of a Call Trace; `unreliable` for `? ` frames. */
export function parseTraceLine(line: string): { frame: Frame; unreliable: boolean } | undefined {
  const m = FRAME.exec(line);
  if (!m) return undefined;
  const frame = parseSymbol(m[2] as string);
  // A frame always prints an offset and size (`func+0x1/0x2`); other text is not a frame.
  if (!frame || frame.offset === undefined || frame.size === undefined) return undefined;
  if (m[3] !== undefined) frame.module = m[3];
  return { frame, unreliable: m[1] !== undefined };
}

/**
 * Read the Call Trace block whose header is at `lines[start]` (already split, raw). Stops at
 * the first line that is none of: a frame, a context mark, a register line.
 */
export function readCallTrace(lines: readonly string[], start: number): CallTrace {
  const frames: Frame[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = stripPrintkPrefix(lines[i] as string);
    if (/^\s*<\/TASK>\s*$/.test(line)) {
      i++;
      break;
    }
    if (CONTEXT_MARK.test(line) || REGISTER_LINE.test(line)) continue;
    const parsed = parseTraceLine(line);
    if (!parsed) break;
    if (!parsed.unreliable) frames.push(parsed.frame);
  }
  return { frames, end: i };
}
