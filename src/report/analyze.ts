// `fusefs-gate stacks FILE`: everything the report layer can say about a capture or a serial log.

import { matchKnownBug } from './catalogue.js';
import type { KernelPanic, KnownBug, Thread } from './model.js';
import { blockedThreads, type HangFocus, panicSignature, signatureOf } from './signature.js';
import { extractPanic, parseStacks } from './stacks.js';

export interface StackAnalysis {
  threads: Thread[];
  blocked: Thread[];
  /** The panic's signature when the text holds a panic, else the hang's; undefined when neither. */
  signature?: string;
  knownBug?: KnownBug;
  panic?: KernelPanic;
}

export function analyzeStacks(text: string, focus?: HangFocus): StackAnalysis {
  const threads = parseStacks(text);
  const blocked = blockedThreads(threads);
  const panic = extractPanic(text);
  const result: StackAnalysis = { threads, blocked };
  const signature = panic ? panicSignature(panic) : signatureOf(threads, focus);
  if (signature !== undefined) result.signature = signature;
  const knownBug = matchKnownBug(threads);
  if (knownBug) result.knownBug = knownBug;
  if (panic) result.panic = panic;
  return result;
}
