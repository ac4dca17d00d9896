// Issue: a boot that stalls must never eat the job. Bounded boot, one clean retry, then `error`.
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

describe('a boot that stalls never eats the job', () => {
  it('a guest that reboots at once (early panic, panic=1) ends in error after one retry', async () => {
    const config = linuxConfig({ 'boot-timeout': '30' });
    const started = Date.now();
    const report = await runGate(config, recordingIO(), {
      planGuest: planWithAppend((append) => `${append.replace(/panic=\S+/, '')} panic=1 init=/nonexistent rdinit=/nonexistent`),
    });
    expect(report.verdict).toBe('error');
    expect(report.exitCode).toBe(125);
    expect(report.bootAttempts).toBe(2);
    expect(Date.now() - started).toBeLessThan(30_000 * 2 + 10_000);
    expect(livingVms()).toEqual([]);
  }, 120_000);

  it('a guest that never prints a prompt ends in error after one retry, within boot-timeout x 2 + 10 s', async () => {
    const config = linuxConfig({ 'boot-timeout': '8' });
    const started = Date.now();
    const report = await runGate(config, recordingIO(), { planGuest: planWithAppend((append) => append.replace('console=ttyS0', 'console=ttyS1')) });
    expect(report.verdict).toBe('error');
    expect(report.exitCode).toBe(125);
    expect(report.bootAttempts).toBe(2);
    expect(report.reason).toMatch(/boot/);
    expect(Date.now() - started).toBeLessThan(8_000 * 2 + 10_000);
    expect(livingVms()).toEqual([]);
  }, 60_000);
});
