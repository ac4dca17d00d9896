// The summary's FUSE-server section as a reader sees it, line by line, and stack grouping that must not
// fold two different stacks into one (issue 16: survivors of summary.ts in report-render).
import { describe, expect, it } from 'vitest';
import type { GateReport, Thread } from '../../../src/report/model.js';
import { groupStacks, renderSummary } from '../../../src/report/summary.js';
import { gateReport } from '../../helpers/gate-report.js';

const COMMAND = '/gate/fuse-server/run/sshfs -o direct_io h:/x {mountpoint}';

/** The lines of the `### FUSE server` section, up to the next section's heading. */
function serverSection(report: GateReport): string[] {
  const md = renderSummary(report);
  const start = md.indexOf('### FUSE server');
  expect(start).toBeGreaterThanOrEqual(0);
  const next = md.indexOf('\n\n### ', start);
  return md
    .slice(start, next < 0 ? undefined : next)
    .replace(/\n+$/, '')
    .split('\n');
}

const withServer = (mountTable: string, logTail: string): GateReport =>
  gateReport({ verdict: 'error', exitCode: 125, fuseServer: { command: COMMAND, mountTable, logTail } });

describe('the FUSE server section', () => {
  it('shows the command, the /proc/mounts line of the mount and the end of the log, in that order', () => {
    // A /proc/mounts line as Linux prints it for an sshfs mount (fs/proc_namespace.c show_vfsmnt()).
    const mounts = 'h:/x /gate/mnt fuse.sshfs rw,nosuid,nodev,relatime,user_id=0,group_id=0 0 0';
    const log = Array.from({ length: 30 }, (_, i) => `log line ${i + 1}`).join('\n');
    expect(serverSection(withServer(mounts, log))).toEqual([
      '### FUSE server',
      '',
      'Command line:',
      '',
      '```text',
      COMMAND,
      '```',
      '',
      `Mount table: \`${mounts}\``,
      '',
      'Its output (the end of `fuse-server.log`):',
      '',
      '```text',
      // The last 20 lines, one a line, the newest last.
      ...Array.from({ length: 20 }, (_, i) => `log line ${i + 11}`),
      '```',
    ]);
  });

  it('says when the mount point had no mount table line', () => {
    const lines = serverSection(
      withServer('', 'fuse: bad mount point `/gate/mnt`: No such file or directory'),
    );
    expect(lines).toContain('Mount table: no line for the mount point when the mount ended');
    expect(lines.slice(-4)).toEqual([
      '',
      '```text',
      'fuse: bad mount point `/gate/mnt`: No such file or directory',
      '```',
    ]);
  });

  it('says the server printed nothing, with no code block, when its log is empty', () => {
    expect(serverSection(withServer('', ''))).toEqual([
      '### FUSE server',
      '',
      'Command line:',
      '',
      '```text',
      COMMAND,
      '```',
      '',
      'Mount table: no line for the mount point when the mount ended',
      '',
      'It printed nothing.',
    ]);
  });

  it('counts a log of blank lines alone as nothing printed', () => {
    const lines = serverSection(withServer('', '\n\n'));
    expect(lines.at(-1)).toBe('It printed nothing.');
    expect(lines.filter((l) => l.startsWith('```'))).toHaveLength(2); // the command's block only
  });
});

describe('grouping threads by stack', () => {
  const thread = (pid: number, fns: string[]): Thread => ({
    pid,
    tid: pid,
    comm: 'w',
    format: 'linux-proc-stack',
    frames: fns.map((fn) => ({ fn })),
  });

  it('keeps two stacks apart whose frame names would read alike run together', () => {
    const groups = groupStacks([thread(1, ['vfs_read', 'ksys_read']), thread(2, ['vfs_readk', 'sys_read'])]);
    expect(groups).toHaveLength(2);
    expect(groups.map((g) => g.count)).toEqual([1, 1]);
  });

  it('still folds the same stack seen in two threads', () => {
    const groups = groupStacks([thread(1, ['vfs_read', 'ksys_read']), thread(2, ['vfs_read', 'ksys_read'])]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.count).toBe(2);
  });
});
