// The README's workflows and bisect recipe as a user copies them, and the release that makes the
// pinned major tag exist: a drift shows up here, not in a user's first run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from '../helpers/actionlint.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const workflowDir = path.join(ROOT, '.github', 'workflows');
const workflowTexts = readdirSync(workflowDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => readFileSync(path.join(workflowDir, name), 'utf8'));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  strategy?: { matrix?: { include?: Record<string, string>[] } };
  steps: Step[];
}

/** The README's yaml blocks that are whole workflows (they have jobs). */
const readmeWorkflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m) => parse(m[1]!) as { jobs?: Record<string, Job> })
  .filter((w) => w.jobs !== undefined);

/** Every `uses: OWNER/NAME@REF` in a text, as [OWNER/NAME, REF]. */
function usesOf(text: string): [string, string][] {
  return [...text.matchAll(/uses:\s*([\w.-]+\/[\w.-]+)@([\w.-]+)/g)].map((m) => [m[1]!, m[2]!]);
}

describe('the README workflows', () => {
  it('are there: fork CI, the required check, the nightly matrix', () => {
    expect(readmeWorkflows.length).toBeGreaterThanOrEqual(3);
  });

  it('pass actionlint as they are', async () => {
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1]!)
      .filter((b) => /^jobs:/m.test(b));
    expect(blocks.length).toBe(readmeWorkflows.length);
    for (const block of blocks) expect(await actionlint(block, 'README.md')).toEqual([]);
  });

  it("pass shellcheck in their run: scripts (scripts/shellcheck-workflows.mjs, as on this repository's own)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fg-readme-workflows-'));
    const files = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1]!)
      .filter((b) => /^jobs:/m.test(b))
      .map((block, i) => {
        const file = path.join(dir, `readme-${i}.yml`);
        writeFileSync(file, block);
        return file;
      });
    const result = spawnSync('node', [path.join(ROOT, 'scripts', 'shellcheck-workflows.mjs'), ...files], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(result.stdout).toContain(`${files.length} workflow(s), no findings`);
  });

  it('check out the whole history wherever they give bisect-good (a shallow clone is bad input)', () => {
    const bisecting = readmeWorkflows
      .flatMap((w) => Object.values(w.jobs!))
      .filter((job) => job.steps.some((s) => s.with?.['bisect-good'] !== undefined));
    expect(bisecting.length).toBeGreaterThanOrEqual(2);
    for (const job of bisecting) {
      const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
      expect(checkout?.with?.['fetch-depth']).toBe(0);
    }
  });

  it('the nightly records HEAD as the last good commit only when it passed, and restores it by prefix', () => {
    const nightly = readmeWorkflows
      .flatMap((w) => Object.values(w.jobs!))
      .find((job) => job.steps.some((s) => s.uses?.startsWith('actions/cache/save@')))!;
    expect(nightly).toBeDefined();
    const save = nightly.steps.find((s) => s.uses?.startsWith('actions/cache/save@'))!;
    const restore = nightly.steps.find((s) => s.uses?.startsWith('actions/cache/restore@'))!;
    expect((save as { if?: string }).if).toBe("steps.gate.outputs.verdict == 'pass'");
    expect(restore.with?.path).toBe(save.with?.path);
    expect(String(save.with?.key).startsWith(String(restore.with?.['restore-keys']))).toBe(true);
  });

  it("the nightly passes on the recorded commit only when it is an older commit of HEAD's history", () => {
    const nightly = readmeWorkflows
      .flatMap((w) => Object.values(w.jobs!))
      .find((job) => job.steps.some((s) => s.uses?.startsWith('actions/cache/save@')))!;
    const passOn = nightly.steps.find((s) => (s as { id?: string }).id === 'good')!.run!;
    const repo = mkdtempSync(path.join(tmpdir(), 'fg-nightly-'));
    const git = (...args: string[]) =>
      spawnSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@invalid', ...args], {
        encoding: 'utf8',
      }).stdout.trim();
    git('init', '-q', '-b', 'main');
    for (const n of [1, 2]) git('commit', '-q', '--allow-empty', '-m', `c${n}`);
    const older = git('rev-parse', 'HEAD~1');
    const head = git('rev-parse', 'HEAD');
    git('checkout', '-q', '-b', 'side', older);
    git('commit', '-q', '--allow-empty', '-m', 'side');
    const side = git('rev-parse', 'HEAD');
    git('checkout', '-q', 'main');
    // The step as GitHub runs it: bash -e, in the checkout, with RUNNER_TEMP and GITHUB_OUTPUT.
    const passedOn = (recorded: string | undefined) => {
      const temp = mkdtempSync(path.join(tmpdir(), 'fg-runner-temp-'));
      const output = path.join(temp, 'output');
      writeFileSync(output, '');
      if (recorded !== undefined) writeFileSync(path.join(temp, 'fusefs-last-good'), `${recorded}\n`);
      const result = spawnSync('bash', ['-e', '-c', passOn], {
        cwd: repo,
        env: { PATH: process.env.PATH ?? '', RUNNER_TEMP: temp, GITHUB_OUTPUT: output },
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(output, 'utf8');
    };
    expect(passedOn(older)).toBe(`sha=${older}\n`);
    expect(passedOn(undefined)).toBe('');
    expect(passedOn(head)).toBe('');
    expect(passedOn(side)).toBe('');
    expect(passedOn('not-a-commit')).toBe('');
  });

  it('pin the action by the major of the current version', () => {
    const major = `v${pkg.version.split('.')[0]}`;
    const pins = usesOf(readme).filter(([name]) => name === 'fusefs-gate/fusefs-gate');
    expect(pins.length).toBeGreaterThan(0);
    for (const [, ref] of pins) expect(ref).toBe(major);
  });

  it("use the newest major of each actions/* action that this repository's own workflows use", () => {
    const newest = new Map<string, number>();
    for (const [name, ref] of workflowTexts.flatMap(usesOf).filter(([n]) => n.startsWith('actions/'))) {
      newest.set(name, Math.max(newest.get(name) ?? 0, Number(/^v(\d+)/.exec(ref)?.[1] ?? 0)));
    }
    const copied = usesOf(readme).filter(([n]) => n.startsWith('actions/'));
    expect(copied.length).toBeGreaterThan(0);
    for (const [name, ref] of copied) {
      expect(ref, name).toMatch(/^v\d+$/);
      if (newest.has(name)) expect(ref, name).toBe(`v${newest.get(name)}`);
    }
  });

  it('give the gate a job-timeout below the job timeout, so the gate reports the phase first', () => {
    for (const workflow of readmeWorkflows) {
      for (const [name, job] of Object.entries(workflow.jobs!)) {
        const gate = job.steps.find((s) => s.uses?.startsWith('fusefs-gate/fusefs-gate@'));
        if (!gate) continue;
        expect(job['timeout-minutes'], name).toBeDefined();
        const jobTimeout = Number(gate.with?.['job-timeout']);
        expect(jobTimeout, `${name}: job-timeout`).toBeGreaterThan(0);
        expect(jobTimeout, name).toBeLessThan(job['timeout-minutes']! * 60);
      }
    }
  });

  it('pair each release of the nightly matrix with its own releng branch', () => {
    const legs = readmeWorkflows
      .flatMap((w) => Object.values(w.jobs!))
      .flatMap((j) => j.strategy?.matrix?.include ?? []);
    const releases = legs.filter((leg) => /-RELEASE$/.test(leg.version ?? ''));
    expect(releases.length).toBeGreaterThan(0);
    for (const leg of releases) expect(leg.ref).toBe(`releng/${leg.version!.replace(/-RELEASE$/, '')}`);
    for (const leg of legs.filter((l) => l.version === 'auto'))
      expect(leg.ref).toMatch(/^(stable\/\d+|main)$/);
  });
});

describe('the README bisect recipe', () => {
  const script = /<<'SCRIPT'\n([\s\S]*?)\nSCRIPT\n/.exec(readme)?.[1];

  it('runs the CLI from the clone with the default fail-on', () => {
    expect(script).toBeDefined();
    expect(script).toMatch(/node ~\/src\/fusefs-gate\/dist\/cli\/index\.js run /);
    expect(script).not.toMatch(/--fail-on/);
    expect(readme).not.toMatch(/npx fusefs-gate/);
  });

  it("turns the gate's statuses into git bisect run's: pass good, hang and panic bad, fail and error skipped", () => {
    // The recipe's script with the gate replaced by a command that exits with a given status.
    const fake = script!.replace(/node [^\n]*\\\n[^\n]*\n/, '(exit "$GATE_STATUS")\n');
    expect(fake).not.toContain('dist/cli');
    const bisectStatus = (gate: number) =>
      spawnSync('sh', ['-c', fake], { env: { PATH: process.env.PATH ?? '', GATE_STATUS: String(gate) } })
        .status;
    expect(bisectStatus(0)).toBe(0);
    expect(bisectStatus(2)).toBe(1);
    expect(bisectStatus(3)).toBe(1);
    expect(bisectStatus(1)).toBe(125);
    expect(bisectStatus(125)).toBe(125);
    // Bad input or a cancelled run stops the bisect (git bisect run aborts on 128 and above).
    expect(bisectStatus(64)).toBeGreaterThanOrEqual(128);
    expect(bisectStatus(130)).toBeGreaterThanOrEqual(128);
  });
});

describe('the release', () => {
  const release = parse(readFileSync(path.join(workflowDir, 'release.yml'), 'utf8')) as {
    permissions: Record<string, string>;
    jobs: Record<string, Job>;
  };

  it('has a dated CHANGELOG section for the version in package.json', () => {
    const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    const escaped = pkg.version.replace(/\./g, '\\.');
    expect(changelog).toMatch(new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });

  it('gives write access only to the job that moves the major tag', () => {
    expect(release.permissions).toEqual({ contents: 'read' });
    const writers = Object.entries(release.jobs).filter(([, job]) => job.permissions?.contents === 'write');
    expect(writers).toHaveLength(1);
    const [, writer] = writers[0]!;
    expect(writer.steps.some((s) => /git push -f origin "refs\/tags\/\$major"/.test(s.run ?? ''))).toBe(true);
    for (const [, job] of Object.entries(release.jobs).filter(([, j]) => j !== writer)) {
      expect(job.steps.some((s) => /git push/.test(s.run ?? ''))).toBe(false);
    }
  });
});
