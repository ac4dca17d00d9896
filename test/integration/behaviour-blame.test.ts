// Blame (ARCHITECTURE "Rules that decide between verdicts", issue 16): what the tree under test
// causes is its verdict; what the stock guest, the gate or the runner causes is `error`, exit 125;
// and a run where nothing ran is never a pass. On the real Linux test guest (TCG), where no tree
// is loaded, so every one of these is the gate's side.
import { afterAll, describe, expect, it } from 'vitest';
import type { GateConfig } from '../../src/config/types.js';
import { planGuest } from '../../src/gate/boot.js';
import { runGate, type GateIO } from '../../src/gate/run.js';
import { stopAll } from '../../src/vm/registry.js';
import { linuxConfig, livingVms, recordingIO } from '../helpers/gate.js';

afterAll(async () => {
  await stopAll();
});

/** The real plan with the kernel command line changed. */
function planWithAppend(change: (append: string) => string) {
  return async (config: GateConfig, io: GateIO) => {
    const plan = await planGuest(config, io);
    return {
      ...plan,
      media: async (attempt: number) => {
        const media = await plan.media(attempt);
        return media.kind === 'kernel' ? { ...media, append: change(media.append) } : media;
      },
    };
  };
}

describe('blame on the Linux test guest', () => {
  it('a panic of the stock kernel before any code under test is loaded is `error`, not `panic`', async () => {
    // panic=0 keeps the panicked kernel on the console; no init at all: "Kernel panic - not syncing".
    const report = await runGate(linuxConfig({ 'boot-timeout': '60' }), recordingIO(), {
      planGuest: planWithAppend(
        (append) => `${append.replace(/panic=\S+/, '')} panic=0 init=/nonexistent rdinit=/nonexistent`,
      ),
    });
    expect(report.verdict).toBe('error');
    expect(report.exitCode).toBe(125);
    expect(report.reason).toMatch(
      /^the stock guest kernel panicked during boot, before the code under test was loaded/,
    );
    expect(livingVms()).toEqual([]);
  }, 200_000);

  it('a selection that runs no test is `error`, never `pass`', async () => {
    const config = { ...linuxConfig({ timeout: '20' }), workloads: [] };
    const report = await runGate(config, recordingIO());
    expect(report.verdict).toBe('error');
    expect(report.exitCode).toBe(125);
    expect(report.reason).toMatch(/nothing ran is never a pass/);
    expect(report.tests).toEqual([]);
    expect(livingVms()).toEqual([]);
  }, 200_000);

  it('a FUSE mount that fails with no code under test loaded is the gate’s `error`, not the tree’s `fail`', async () => {
    const config = linuxConfig({
      timeout: '20',
      'fixture-options': 'direct_io,backing=/nonexistent/backing-dir',
    });
    const report = await runGate(config, recordingIO());
    expect(report.verdict).toBe('error');
    expect(report.exitCode).toBe(125);
    expect(report.phases.find((p) => p.phase === 'mount')?.outcome).not.toBe('ok');
    expect(report.tests).toEqual([]);
    expect(livingVms()).toEqual([]);
  }, 200_000);
});
