import { describe, expect, it, vi } from 'vitest';
import type { GateReport } from '../../../src/report/model.js';
import { formatDuration, renderSummary } from '../../../src/report/summary.js';
import { bigHangReport, hangReport } from './sample-reports.js';

describe('renderSummary', () => {
  it('renders a hang report (snapshot)', async () => {
    const md = renderSummary(hangReport(), { stacksFile: 'stacks.txt' });
    await expect(md).toMatchFileSnapshot('./__snapshots__/summary-hang.md');
  });

  it('says what a reader needs first: verdict, signature, known bug, the blocked stack', () => {
    const md = renderSummary(hangReport());
    const lines = md.split('\n');
    expect(lines[0]).toBe(
      '## ⏳ fusefs-gate: HANG · FreeBSD 15.0-CURRENT amd64 BASIC-CI ufs (snapshot 20251120-abc123def-271234)',
    );
    expect(md).toContain('**Signature:** `hang in vm_page_busy_sleep from fuse_inval_buf_range`');
    expect(md).toContain('[fusefs: mmap');
    expect(md).toContain('(https://bugs.freebsd.org/bugzilla/show_bug.cgi?id=247276)');
    expect(md).toContain('vm_page_busy_sleep+0x94\nvm_object_page_remove+0x1a5');
    expect(md).toContain('| workload/mmap-write | ⏳ hang | 30.0 s | 1 |');
    // The idle daemon is not shown as blocked.
    expect(md).not.toContain('fuse_device_read');
    // Failing tests come before passing ones.
    expect(md.indexOf('workload/mmap-write |')).toBeLessThan(md.indexOf('workload/write-readback |'));
  });

  it('prints a stack that 200 threads share once, with the thread count (snapshot)', async () => {
    const md = renderSummary(bigHangReport(), {
      stacksFile: 'stacks.txt',
      stacksUrl: 'https://example.invalid/artifacts/1',
    });
    expect(md).toContain('200 blocked threads of 202 captured, in one stack.');
    expect((md.match(/^```text$/gm) ?? []).length).toBe(1);
    expect(md.match(/^vm_page_busy_sleep\+0x94$/gm)).toHaveLength(1);
    expect(md).toContain(
      '**200 threads share this stack** (pid 2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007 and 192 more)',
    );
    expect(md.split('\n').length).toBeLessThan(400);
    expect(md.length).toBeLessThan(40_000);
    await expect(md).toMatchFileSnapshot('./__snapshots__/summary-200-threads.md');
  });

  it('keeps the failing test open and folds the passing ones into <details>', () => {
    const md = renderSummary(bigHangReport());
    const open = md.indexOf('| gtest/Write.case_117 | ⏳ hang |');
    const fold = md.indexOf('<details>\n<summary>119 passed</summary>');
    expect(open).toBeGreaterThan(0);
    expect(fold).toBeGreaterThan(open);
    expect(md.indexOf('| gtest/Write.case_000 | ✅ pass |')).toBeGreaterThan(fold);
    expect(md).toContain('_69 more not listed; see the JUnit XML._');
  });

  it('folds other distinct stacks, keeping the hung one open', () => {
    const report = bigHangReport();
    const other = structuredClone(report.threads[0]!);
    other.pid = 9;
    other.frames = [{ fn: 'mi_switch' }, { fn: 'sleepq_wait' }, { fn: 'vn_lock' }];
    other.state = 'D';
    report.threads.push(other);
    const md = renderSummary(report);
    expect(md).toContain('201 blocked threads of 203 captured, in 2 distinct stacks.');
    expect(md.indexOf('<summary>1 more distinct stack</summary>')).toBeLessThan(md.indexOf('\nvn_lock\n'));
    expect(md.indexOf('\nvm_page_busy_sleep+0x94\n')).toBeLessThan(
      md.indexOf('<summary>1 more distinct stack</summary>'),
    );
  });

  it('names the run in its heading and links the artifact, not runner paths', () => {
    const md = renderSummary(hangReport(), {
      version: '15.0-CURRENT',
      artifact: { name: 'fusefs-gate-15.0-CURRENT-gate-leg1', url: 'https://example.invalid/a/7' },
    });
    expect(md.split('\n')[0]).toBe(
      '## ⏳ fusefs-gate: HANG · FreeBSD 15.0-CURRENT · [fusefs-gate-15.0-CURRENT-gate-leg1](https://example.invalid/a/7)',
    );
    expect(md).toContain(
      '`report.json`, `serial.log`, `stacks.txt`, `junit.xml` in the artifact [fusefs-gate-15.0-CURRENT-gate-leg1](https://example.invalid/a/7).',
    );
    expect(md).not.toContain('out/');
  });

  it('says so when allow-error let an undecided run through', () => {
    const md = renderSummary(
      { ...hangReport(), verdict: 'error', reason: 'boot did not reach a shell', threads: [] },
      { errorAllowed: true },
    );
    expect(md).toContain('let through by `allow-error: true`');
  });

  it('uses no clock: the same report renders the same text an hour later', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      const before = renderSummary(hangReport());
      vi.setSystemTime(new Date('2030-01-01T01:00:00Z'));
      expect(renderSummary(hangReport())).toBe(before);
      expect(before).not.toContain('2030');
    } finally {
      vi.useRealTimers();
    }
  });

  it('marks errors as infrastructure and escapes table cells and code', () => {
    const report: GateReport = {
      ...hangReport(),
      verdict: 'error',
      reason: 'checksum mismatch for <image>',
      signature: undefined,
      knownBug: undefined,
      threads: [],
      tests: [
        { name: 'workload/a|b', status: 'error', durationMs: 5, iteration: 1, message: 'line1\nline2' },
      ],
    };
    const md = renderSummary(report);
    expect(md.split('\n')[0]).toMatch(/^## ⚠️ fusefs-gate: ERROR · /);
    expect(md).toContain('Infrastructure error');
    expect(md).toContain('checksum mismatch for &lt;image&gt;');
    expect(md).toContain('| workload/a\\|b | ⚠️ error |');
    expect(md).toContain('line1 line2');
    expect(md).not.toContain('### Blocked threads');
  });

  it("shows the user's FUSE server: its command line, the mount table line and the end of its output", () => {
    const log = Array.from({ length: 30 }, (_, i) => `log line ${i + 1}`).join('\n');
    const md = renderSummary({
      ...hangReport(),
      verdict: 'error',
      fuseServer: {
        command: '/gate/fuse-server/run/sshfs -o direct_io h:/x {mountpoint}',
        mountTable: '',
        logTail: log,
      },
    });
    const section = md.slice(md.indexOf('### FUSE server'));
    expect(section).toContain('/gate/fuse-server/run/sshfs -o direct_io h:/x {mountpoint}');
    expect(section).toContain('Mount table: no line for the mount point');
    // The last 20 lines, the newest last.
    expect(section).toContain('log line 30');
    expect(section).toContain('log line 11');
    expect(section).not.toContain('log line 10\n');
    expect(md.indexOf('### FUSE server')).toBeLessThan(md.indexOf('### Phases'));
  });

  it('has no FUSE server section when the built-in fixture was mounted', () => {
    expect(renderSummary(hangReport())).not.toContain('### FUSE server');
  });

  it('says so when a hang has no blocked thread captured', () => {
    const md = renderSummary({ ...hangReport(), threads: [] });
    expect(md).toContain('No kernel stacks were captured.');
  });

  it('formats durations', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(30_012)).toBe('30.0 s');
    expect(formatDuration(123_000)).toBe('2 min 03 s');
  });
});
