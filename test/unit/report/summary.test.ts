import { describe, expect, it } from 'vitest';
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
    expect(lines[0]).toBe('## ⏳ fusefs-gate: HANG');
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

  it('stays short with 200 blocked threads and points at the stacks file (snapshot)', async () => {
    const md = renderSummary(bigHangReport(), { stacksFile: 'stacks.txt', stacksUrl: 'https://example.invalid/artifacts/1' });
    expect(md).toContain('200 blocked threads of 202 captured.');
    expect(md).toContain('_192 more threads in [stacks.txt](https://example.invalid/artifacts/1)._');
    expect((md.match(/^```text$/gm) ?? []).length).toBe(8);
    expect(md).toContain('_70 more tests not listed (70 pass); see the JUnit XML._');
    expect(md.split('\n').length).toBeLessThan(400);
    expect(md.length).toBeLessThan(40_000);
    await expect(md).toMatchFileSnapshot('./__snapshots__/summary-200-threads.md');
  });

  it('is deterministic and uses no clock', () => {
    expect(renderSummary(hangReport())).toBe(renderSummary(hangReport()));
  });

  it('marks errors as infrastructure and escapes table cells and code', () => {
    const report: GateReport = {
      ...hangReport(),
      verdict: 'error',
      reason: 'checksum mismatch for <image>',
      signature: undefined,
      knownBug: undefined,
      threads: [],
      tests: [{ name: 'workload/a|b', status: 'error', durationMs: 5, iteration: 1, message: 'line1\nline2' }],
    };
    const md = renderSummary(report);
    expect(md.split('\n')[0]).toBe('## ⚠️ fusefs-gate: ERROR');
    expect(md).toContain('Infrastructure error');
    expect(md).toContain('checksum mismatch for &lt;image&gt;');
    expect(md).toContain('| workload/a\\|b | ⚠️ error |');
    expect(md).toContain('line1 line2');
    expect(md).not.toContain('### Blocked threads');
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
