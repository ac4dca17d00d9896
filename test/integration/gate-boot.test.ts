// Issue: a boot that stalls must never eat the job. Bounded boot, one clean retry, then `error`.
import { afterAll, describe, expect, it } from 'vitest';
import type { GateConfig } from '../../src/config/types.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { planGuest } from '../../src/gate/boot.js';
import { runGate, type GateIO } from '../../src/gate/run.js';
import { stopAll } from '../../src/vm/registry.js';
import { linuxConfig, livingVms, recordingIO, tempDir } from '../helpers/gate.js';

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
      planGuest: planWithAppend(
        (append) => `${append.replace(/panic=\S+/, '')} panic=1 init=/nonexistent rdinit=/nonexistent`,
      ),
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
    const report = await runGate(config, recordingIO(), {
      // The kernel boots and talks on the console, but init is `sleep 3600`: no shell, no prompt, ever
      // (the kernel hands what follows `--` to init as its arguments).
      planGuest: planWithAppend((append) => `${append} rdinit=/bin/sleep -- 3600`),
    });
    expect(report.verdict).toBe('error');
    expect(report.exitCode).toBe(125);
    expect(report.bootAttempts).toBe(2);
    expect(report.reason).toMatch(/^boot did not reach a shell in 8 s \(2 attempts\); last console lines: /);
    expect(Date.now() - started).toBeLessThan(8_000 * 2 + 10_000);
    expect(livingVms()).toEqual([]);
  }, 60_000);
});

/** The real plan with another kernel file. */
function planWithKernel(kernel: string) {
  return async (config: GateConfig, io: GateIO) => {
    const plan = await planGuest(config, io);
    return { ...plan, media: async (attempt: number) => ({ ...(await plan.media(attempt)), kernel }) };
  };
}

describe('the gate itself failing is error, never pass', () => {
  it("QEMU that cannot start (the kernel file is missing) is error, exit 125, naming QEMU's complaint", async () => {
    const report = await runGate(linuxConfig(), recordingIO(), {
      planGuest: planWithKernel('/no/such/vmlinuz'),
    });
    expect(report.verdict).toBe('error');
    expect(report.exitCode).toBe(125);
    expect(report.reason).toMatch(/boot: .*vmlinuz/);
    expect(livingVms()).toEqual([]);
  }, 60_000);

  it('a corrupt kernel image is error, exit 125', async () => {
    const corrupt = path.join(tempDir('corrupt'), 'vmlinuz');
    writeFileSync(corrupt, Buffer.alloc(4 * 1024 * 1024, 0x5a));
    const report = await runGate(linuxConfig({ 'boot-timeout': '10' }), recordingIO(), {
      planGuest: planWithKernel(corrupt),
    });
    expect(report.verdict).toBe('error');
    expect(report.exitCode).toBe(125);
    expect(livingVms()).toEqual([]);
  }, 60_000);

  it('job-timeout bounds the whole run and names the phase it ran out in', async () => {
    const report = await runGate(
      linuxConfig({ 'job-timeout': '4', timeout: '60', fault: 'stall=write', workloads: 'mmap-write' }),
      recordingIO(),
    );
    expect(report.verdict).toBe('error');
    expect(report.reason).toMatch(/job-timeout ran out during (boot|prepare|prove|mount|tests)/);
    expect(Date.parse(report.finishedAt) - Date.parse(report.startedAt)).toBeLessThan(4_000 + 15_000);
    expect(livingVms()).toEqual([]);
  }, 60_000);
});
