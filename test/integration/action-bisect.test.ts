// bisect-good through the real action entry (dist/main under node 24, inputs as INPUT_* variables)
// on the Linux test guest under real QEMU: a Linux FUSE tree with 4 commits after the good end, the
// second bringing the deliberate deadlock, HEAD on the fourth. The gate's run of HEAD hangs, the
// bisection names the deadlock commit, GITHUB_OUTPUT carries its sha and the job summary links it;
// the job stays red with HEAD's verdict (3 to 3.5 min under TCG on 2 cores at load 8-10). A bisection
// that cannot decide is a warning, not an error (35-75 s). A shallow clone is bad input before
// anything boots (seconds).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mainEntry, node24, parseOutputs, runEntry, withDefaults } from '../helpers/action-entry.js';
import { runCli, tail } from '../helpers/cli.js';
import { qemuProcessesMentioning, tempDir } from '../helpers/gate.js';
import {
  cachedLinuxFuseTree,
  copyTree,
  DEADLOCK_SUBJECT,
  DEADLOCKED_FUNCTION,
  gitIn,
  makeBisectHistory,
} from '../helpers/linux-tree.js';

const ENTRY_BOUND_MS = 900_000;
const GITHUB = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'fusefs-gate/linux-test' };

let repo = '';

beforeAll(async () => {
  repo = copyTree(await cachedLinuxFuseTree(), 'action-bisect-repo');
  await makeBisectHistory(repo, { commits: 4, deadlock: 2 });
}, 1_300_000);

const gateInputs = (tree: string, cache: string, out: string) =>
  withDefaults({
    guest: 'linux',
    'source-tree': tree,
    build: 'module',
    accel: 'tcg',
    timeout: '10',
    workloads: 'write-readback',
    'fixture-options': 'direct_io',
    'bisect-good': 'good',
    'upload-artifact': 'false',
    'output-dir': out,
    'cache-dir': cache,
  });

describe('bisect-good in the action (real QEMU, a Linux FUSE tree)', () => {
  it(
    'HEAD hangs: the bisection names the commit that brought the deadlock in the outputs and links it in the summary; the job stays red',
    () => {
      const out = tempDir('action-bisect-out');
      const cache = path.join(process.env.HOME ?? '/root', '.cache', 'fusefs-gate');
      const result = runEntry(mainEntry, gateInputs(repo, cache, out), GITHUB, {
        node: node24,
        timeout: ENTRY_BOUND_MS,
      });
      const log = `${result.stdout.slice(-4000)}\n${result.stderr.slice(-2000)}`;
      // HEAD's verdict decides the job: hang, exit 2, whatever the bisection found.
      expect(result.status, log).toBe(2);
      const outputs = parseOutputs(result.outputs);
      expect(outputs.verdict).toBe('hang');
      const deadlock = execFileSync('git', ['-C', repo, 'rev-parse', 'bad~2'], { encoding: 'utf8' }).trim();
      expect(
        execFileSync('git', ['-C', repo, 'log', '-1', '--format=%s', deadlock], { encoding: 'utf8' }).trim(),
      ).toBe(DEADLOCK_SUBJECT);
      expect(outputs['first-bad-commit'], log).toBe(deadlock);
      expect(outputs['bisect-result']).toBe('found');
      expect(outputs['bisect-report']).toBe(path.join(out, 'bisect', 'bisect.json'));

      expect(result.summary).toContain(
        `**First bad commit:** [\`${deadlock}\`](https://github.com/fusefs-gate/linux-test/commit/${deadlock}) ${DEADLOCK_SUBJECT}`,
      );
      expect(result.summary).toMatch(new RegExp(`\\*\\*Failure:\\*\\* \`hang: [^\`]*${DEADLOCKED_FUNCTION}`));
      // The first step is HEAD's own run (no second build of it); the others ran in the worktree.
      const record = JSON.parse(readFileSync(outputs['bisect-report']!, 'utf8')) as {
        steps: { commit: string; outcome: string; outDir: string }[];
      };
      const head = execFileSync('git', ['-C', repo, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
      expect(record.steps[0]).toMatchObject({ commit: head, outcome: 'bad', outDir: out });
      expect(record.steps.length).toBeLessThanOrEqual(4);
      for (const step of record.steps.slice(1))
        expect(existsSync(path.join(step.outDir, 'report.json')), step.outDir).toBe(true);
      expect(result.summary).toContain('| Step | Commit | Subject | Outcome | Why | Build | Test | Runs |');
      // Found is a notice; the one error annotation is HEAD's verdict.
      expect(result.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(1);
      expect(result.stdout).toMatch(
        /^::notice title=fusefs-gate bisect%3A first bad commit::first bad commit: /m,
      );
      expect(qemuProcessesMentioning(out)).toEqual([]);
    },
    ENTRY_BOUND_MS + 30_000,
  );

  it("a bisection that cannot decide (bisect-max-builds: 1, spent on HEAD) is a warning; the job stays red with HEAD's verdict", () => {
    const out = tempDir('action-bisect-undecided');
    const cache = path.join(process.env.HOME ?? '/root', '.cache', 'fusefs-gate');
    const result = runEntry(
      mainEntry,
      { ...gateInputs(repo, cache, out), 'bisect-max-builds': '1' },
      GITHUB,
      { node: node24, timeout: 400_000 },
    );
    expect(result.status, result.stdout.slice(-3000)).toBe(2);
    const outputs = parseOutputs(result.outputs);
    expect(outputs.verdict).toBe('hang');
    expect(outputs['bisect-result']).toBe('undecided');
    expect(outputs['first-bad-commit']).toBe('');
    expect(result.stdout).toMatch(
      /^::warning title=fusefs-gate bisect%3A undecided::the bisection could not decide: the build limit \(1\) was reached/m,
    );
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(1);
    expect(result.summary).toContain(
      "**Undecided:** the build limit (1) was reached. The job's verdict is HEAD's.",
    );
    expect(qemuProcessesMentioning(out)).toEqual([]);
  }, 430_000);

  it('a shallow clone: exit 64 naming bisect-good and saying fetch-depth: 0, before anything boots', async () => {
    const shallow = path.join(mkdtempSync(path.join(tempDir('action-bisect-shallow'), 'c-')), 'linux');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const good = await gitIn(repo, ['rev-parse', 'good']);
    const out = tempDir('action-bisect-shallow-out');
    const result = runEntry(
      mainEntry,
      { ...gateInputs(shallow, tempDir('action-bisect-cache'), out), 'bisect-good': good },
      GITHUB,
      { node: node24 },
    );
    expect(result.status, result.stdout).toBe(64);
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`invalid input 'bisect-good': "${good}" names no commit in ${shallow}`);
    expect(errors[0]).toContain('shallow clone (git rev-parse --is-shallow-repository: true)');
    expect(errors[0]).toContain('fetch-depth: 0');
    expect(parseOutputs(result.outputs).verdict).toBe('error');
    // Nothing started: no QEMU pidfile was recorded, no evidence written.
    expect(result.state).toBe('');
    expect(existsSync(path.join(out, 'report.json'))).toBe(false);
  }, 120_000);

  it('fusefs-gate run --bisect-good checks the history the same way, naming the flag', async () => {
    const shallow = path.join(tempDir('cli-bisect-shallow'), 'linux');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const good = await gitIn(repo, ['rev-parse', 'good']);
    const result = await runCli(
      [
        'run',
        '--guest',
        'linux',
        '--source-tree',
        shallow,
        '--bisect-good',
        good,
        '--out',
        tempDir('cli-bisect-out'),
      ],
      { timeoutMs: 60_000 },
    );
    expect(result.code, tail(result)).toBe(64);
    expect(result.stderr).toContain(`invalid input '--bisect-good': "${good}" names no commit in ${shallow}`);
    expect(result.stderr).toContain('shallow clone');
  }, 90_000);
});
