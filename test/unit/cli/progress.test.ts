import { describe, expect, it } from 'vitest';
import { cliProgress, type ProgressOptions } from '../../../src/cli/progress.js';

/** Drives a progress reporter through a short run: two phases, guest lines, a note and a warning. */
async function drive(options: Partial<ProgressOptions>): Promise<string> {
  let text = '';
  const progress = cliProgress({
    write: (t) => (text += t),
    terminal: false,
    github: false,
    verbose: false,
    quiet: false,
    signal: new AbortController().signal,
    ...options,
  });
  const { io } = progress;
  io.phaseStarted!('image');
  io.phaseEnded!({ phase: 'image', durationMs: 120, outcome: 'ok' });
  io.phaseStarted!('boot');
  await io.group('Boot', async () => {
    io.consoleLine('[    0.000000] Linux version 6.12');
    io.consoleLine('::error::from the guest');
    io.warn('using TCG');
  });
  io.phaseEnded!({ phase: 'boot', durationMs: 5300, outcome: 'ok' });
  io.note('fusefs-gate: build none');
  progress.finish();
  return text;
}

describe('CLI progress', () => {
  it('on a terminal: one line per phase with its time, no guest console', async () => {
    const text = await drive({ terminal: true });
    expect(text).toBe(
      'fusefs-gate: image... ok (120 ms)\nfusefs-gate: boot...\nwarning: using TCG\nfusefs-gate: boot ok (5.3 s)\nfusefs-gate: build none\n',
    );
  });

  it('on a terminal with --verbose, and in a pipe: headings and the guest console as it arrives', async () => {
    for (const options of [{ terminal: true, verbose: true }, { terminal: false }]) {
      const text = await drive(options);
      expect(text).toContain('== Boot\n  | [    0.000000] Linux version 6.12\n  | ::error::from the guest\n');
      expect(text).toContain('fusefs-gate: boot ok (5.3 s)\n');
    }
  });

  it('under GITHUB_ACTIONS: log groups, a warning annotation, guest lines inside a stop-commands span', async () => {
    const text = await drive({ github: true });
    const lines = text.split('\n');
    const group = lines.indexOf('::group::Boot');
    expect(group).toBeGreaterThan(0);
    const stop = /^::stop-commands::(\w+)$/.exec(lines[group + 1]!);
    expect(stop).not.toBeNull();
    expect(lines.slice(group + 2, group + 4)).toEqual([
      '[    0.000000] Linux version 6.12',
      '::error::from the guest',
    ]);
    expect(lines[group + 4]).toBe(`::${stop![1]}::`);
    expect(lines[group + 5]).toBe('::warning::using TCG');
    expect(lines).toContain('::endgroup::');
    // Everything is closed at the end: the last span's end token follows the last note.
    expect(lines.at(-2)).toMatch(/^::\w+::$/);
  });
});
