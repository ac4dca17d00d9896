// A fake guest shell that replays FreeBSD transcripts (test/fixtures/freebsd) keyed by command
// regexps. It records every command, and a command no rule matches fails the test loudly.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunOptions, RunResult, Shell } from '../../../src/guest/shell.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/freebsd');

/** A transcript without its `#@` source header lines. */
export function transcript(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#@'))
    .join('\n');
}

/** One section (`=== NAME` ... ) of a multi-part transcript. */
export function section(name: string, part: string): string {
  const text = transcript(name);
  const m = new RegExp(`^=== ${part}\\n([\\s\\S]*?)(?=^=== |$(?![\\s\\S]))`, 'm').exec(text);
  if (!m) throw new Error(`no section ${part} in ${name}`);
  return m[1]!;
}

export interface FakeRule {
  match: RegExp;
  exit?: number;
  output?: string | ((command: string) => string);
  /** Used once, then the next matching rule answers. */
  once?: boolean;
}

export class FakeFreeBSDShell implements Shell {
  readonly commands: string[] = [];
  private readonly used = new Set<FakeRule>();

  constructor(private readonly rules: FakeRule[]) {}

  async run(command: string, _options: RunOptions): Promise<RunResult> {
    this.commands.push(command);
    const rule = this.rules.find((r) => r.match.test(command) && !(r.once && this.used.has(r)));
    if (!rule) throw new Error(`FakeFreeBSDShell: no transcript for command: ${command}`);
    this.used.add(rule);
    const output = typeof rule.output === 'function' ? rule.output(command) : (rule.output ?? '');
    return { exitStatus: rule.exit ?? 0, output, durationMs: 1 };
  }

  ran(re: RegExp): string[] {
    return this.commands.filter((c) => re.test(c));
  }
}
