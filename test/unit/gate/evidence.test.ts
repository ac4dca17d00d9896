// Evidence on a full disk: a real tmpfs too small for the report (we run as root on the CI machine;
// mounting needs it). What fits stays; the verdict becomes `error` and says where and how much.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertOutputSpace, formatBytes, writeEvidence } from '../../../src/gate/evidence.js';
import { folderWriteProblem } from '../../../src/gate/host-files.js';
import type { GateReport } from '../../../src/report/model.js';

const root = process.getuid?.() === 0;
let mountpoint: string;

function hangReport(threads: number): GateReport {
  return {
    verdict: 'hang',
    reason: 'mmap-write: did not finish within 10 s',
    exitCode: 2,
    guest: 'linux',
    tests: [{ name: 'mmap-write', status: 'hang', durationMs: 10_000, iteration: 1 }],
    // Many threads with long frames: stacks.txt and summary.md are far larger than the tmpfs.
    threads: Array.from({ length: threads }, (_, i) => ({
      comm: `worker-${i}`,
      pid: 100 + i,
      state: 'D',
      format: 'linux-proc-stack' as const,
      frames: Array.from({ length: 20 }, (_, j) => ({
        fn: `fuse_some_long_function_name_number_${j}_${'x'.repeat(40)}`,
        offset: '0x1a/0x200',
      })),
    })),
    phases: [],
    bootAttempts: 1,
    startedAt: new Date(0).toISOString(),
    finishedAt: new Date(0).toISOString(),
    files: {},
  } as GateReport;
}

describe('writeEvidence after the serial log was cut short', () => {
  it('keeps the partial log, writes the rest, and turns a pass into an error naming the log and why', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fg-cut-log-'));
    const log = path.join(dir, 'serial.log');
    writeFileSync(log, 'the part that was written\n');
    const report = {
      ...hangReport(0),
      verdict: 'pass',
      reason: 'all 2 test(s) passed',
      exitCode: 0,
    } as GateReport;
    const files = writeEvidence(dir, report, log, { code: 'ENOSPC', missingBytes: 12_345 });
    expect(report.verdict).toBe('error');
    expect(report.exitCode).toBe(125);
    expect(report.reason).toMatch(
      new RegExp(
        `^could not write the evidence in ${dir}: the end of serial\\.log \\(12\\.1 KiB\\) not written, the file system was full during the run \\(.* is free now\\); the run itself had decided pass: all 2 test\\(s\\) passed$`,
      ),
    );
    expect(files).toMatchObject({ serialLog: log, report: path.join(dir, 'report.json') });
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'))).toMatchObject({
      verdict: 'error',
    });
    expect(readFileSync(log, 'utf8')).toBe('the part that was written\n');
    rmSync(dir, { recursive: true, force: true });
  });

  it('EFBIG (a file size limit) is named as such', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fg-cut-log-'));
    const report = { ...hangReport(0), verdict: 'pass', reason: 'ok', exitCode: 0 } as GateReport;
    writeEvidence(dir, report, undefined, { code: 'EFBIG', missingBytes: 100 });
    expect(report.reason).toMatch(
      /the end of serial\.log \(100 B\) not written, EFBIG \(larger than this process may write: /,
    );
    rmSync(dir, { recursive: true, force: true });
  });
});

describe.skipIf(!root)('writeEvidence on a full file system', () => {
  beforeAll(() => {
    mountpoint = mkdtempSync(path.join(os.tmpdir(), 'fg-evidence-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountpoint]);
  });
  afterAll(() => {
    execFileSync('umount', [mountpoint]);
    rmSync(mountpoint, { recursive: true, force: true });
  });

  it('keeps what fits, never throws, and turns the verdict into an error naming the folder, the files and the space', () => {
    const report = hangReport(400);
    const files = writeEvidence(mountpoint, report, undefined);
    expect(report.verdict).toBe('error');
    expect(report.exitCode).toBe(125);
    expect(report.reason).toContain(`could not write the evidence in ${mountpoint}`);
    // report.json holds every thread too, so it does not fit either.
    expect(report.reason).toMatch(
      /stacks\.txt \([\d.]+ KiB\), the full report\.json \([\d.]+ MiB\) not written/,
    );
    expect(report.reason).toMatch(
      /the file system is full: they needed [\d.]+ MiB, [\d.]+ (KiB|B) is free \([\d.]+ MiB missing at least\)/,
    );
    expect(report.reason).toMatch(/the run itself had decided hang: mmap-write: did not finish/);
    // No truncated file is left; what is listed exists.
    expect(existsSync(path.join(mountpoint, 'stacks.txt'))).toBe(false);
    expect(files.stacks).toBeUndefined();
    expect(files.junit).toBe(path.join(mountpoint, 'junit.xml'));
    expect(readFileSync(files.junit!, 'utf8')).toMatch(/<testsuite/);
    // A compact report.json (no stacks) took its place.
    const saved = JSON.parse(readFileSync(files.report!, 'utf8')) as GateReport;
    expect(saved).toMatchObject({ verdict: 'error', reason: report.reason, threads: [], files });
  });

  it('when the full report.json does not fit, a compact one without the stacks says error and lists the files', () => {
    for (const name of ['junit.xml', 'summary.md']) rmSync(path.join(mountpoint, name), { force: true });
    // The bulk is the panic text: stacks.txt (written first) takes the room the full report needed.
    const report = { ...hangReport(0), verdict: 'panic' as const, panicText: 'p'.repeat(40 * 1024) };
    const files = writeEvidence(mountpoint, report, undefined);
    expect(report.verdict).toBe('error');
    expect(report.reason).toMatch(/the full report\.json \([\d.]+ KiB\) not written.*decided panic/);
    expect(files.report).toBe(path.join(mountpoint, 'report.json'));
    expect(files.stacks).toBe(path.join(mountpoint, 'stacks.txt'));
    const saved = JSON.parse(readFileSync(files.report!, 'utf8')) as GateReport;
    expect(saved).toMatchObject({
      verdict: 'error',
      exitCode: 125,
      reason: report.reason,
      files,
      threads: [],
    });
    expect(saved.panicText).toBeUndefined();
  });

  it('an output folder made read-only during the run: error naming the files and that the file system is read-only', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fg-ro-evidence-'));
    execFileSync('mount', ['--bind', dir, dir]);
    try {
      execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
      const report = hangReport(1);
      const files = writeEvidence(dir, report, undefined);
      expect(files).toEqual({});
      expect(report.verdict).toBe('error');
      expect(report.exitCode).toBe(125);
      expect(folderWriteProblem(path.join(dir, 'results'))).toBe(
        `${dir}: EROFS (the file system holding it is read-only)`,
      );
      expect(report.reason).toMatch(
        new RegExp(
          `^could not write the evidence in ${dir}: stacks\\.txt \\(.*\\), junit\\.xml \\(.*\\), summary\\.md \\(.*\\), the full report\\.json \\(.*\\) not written, EROFS \\(the file system holding it is read-only\\); the run itself had decided hang: mmap-write: did not finish within 10 s$`,
        ),
      );
    } finally {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('assertOutputSpace says how much is free and how much is missing', () => {
    expect(() => assertOutputSpace(mountpoint, 8 * 1024 * 1024)).toThrow(
      new RegExp(
        `not enough free space in the output folder ${mountpoint}: [\\d.]+ KiB free, a run needs at least 8\\.0 MiB \\([\\d.]+ MiB missing\\)`,
      ),
    );
    expect(() => assertOutputSpace(mountpoint, 1)).not.toThrow();
  });
});

describe('formatBytes', () => {
  it('picks a unit', () => {
    expect([formatBytes(512), formatBytes(36 * 1024), formatBytes(8 * 1024 * 1024)]).toEqual([
      '512 B',
      '36.0 KiB',
      '8.0 MiB',
    ]);
  });
});
