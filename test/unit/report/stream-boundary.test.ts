// Where a chunk of a big log ends must not change what is read: every case of the stack corpus, put
// after enough ordinary console lines that a chunk boundary falls inside it, reads as the case alone.
// This is what cutting chunks only before a record start (src/report/analyze.ts) is for: a cut
// anywhere else splits a report and loses its frames, its title or its panic.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStacks, CHUNK_CHARS, StackAnalyzer } from '../../../src/report/analyze.js';

const DIR = path.join(import.meta.dirname, '../../fixtures/stacks');
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt') && f !== 'README.md')
  .sort();

/** Console lines that are no record and hold none of a record's words, without blank lines. */
function filler(chars: number): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const line = `[${(i / 10).toFixed(6).padStart(12)}] usb 1-1: new high-speed usb device number ${i % 128} using xhci_hcd`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/**
 * The case after filler, long enough that the first chunk ends `into` characters into the case (the
 * analyzer cuts once its buffer holds CHUNK_CHARS): the filler is trimmed to end on a line.
 */
function placed(text: string, into: number): string {
  const before = filler(CHUNK_CHARS - into);
  const cut = before.lastIndexOf('\n', CHUNK_CHARS - into - 1);
  return `${before.slice(0, cut)}\n${text}`;
}

/** Where a boundary could split a report: inside each of the case's first lines that start something. */
function boundaries(text: string): number[] {
  const out = new Set<number>();
  const lines = text.split('\n');
  let at = 0;
  for (let i = 0; i < lines.length && out.size < 3; i++) {
    const line = lines[i]!;
    // Two lines into each of the first few blocks that follow a header-like line.
    if (i > 0 && /\S/.test(line) && !/^\s/.test(line) && lines[i + 2] !== undefined) {
      const end = at + line.length + 1 + (lines[i + 1]?.length ?? 0) + 1 + Math.min(5, lines[i + 2]!.length);
      if (end < text.length) out.add(end);
    }
    at += line.length + 1;
  }
  out.add(Math.floor(text.length / 2));
  return [...out];
}

function pushed(text: string): ReturnType<StackAnalyzer['end']> {
  const analyzer = new StackAnalyzer();
  // Pushed a line at a time, as the serial log reader does.
  for (const line of text.split(/(?<=\n)/)) analyzer.push(line);
  return analyzer.end();
}

describe('a chunk boundary inside a report', { timeout: 600_000 }, () => {
  for (const name of cases) {
    it(name, () => {
      const text = readFileSync(path.join(DIR, name), 'utf8').replace(/\r\n/g, '\n');
      const alone = analyzeStacks(text);
      for (const into of boundaries(text)) {
        const log = placed(text, into);
        expect(log.length).toBeGreaterThan(CHUNK_CHARS);
        const read = pushed(log);
        expect({ at: into, ...read }).toEqual({ at: into, ...alone });
      }
    });
  }
});
