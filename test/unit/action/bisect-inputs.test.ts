// bisect-good and bisect-max-builds as a workflow gives them: what parseConfig refuses by itself, and
// what only git can tell (a shallow clone, a ref that is no commit, a good end that is not an
// ancestor of HEAD), checked on small real repositories before anything would boot.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planHeadBisection } from '../../../src/bisect/after-run.js';
import { BadInputError } from '../../../src/config/errors.js';
import { parseConfig, type RawInputs } from '../../../src/config/parse.js';
import { partialLinuxTree as linuxTree } from '../../helpers/partial-linux-tree.js';

const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@invalid', ...args], {
    encoding: 'utf8',
  }).trim();

/** A folder the Linux guest takes as a Linux FUSE tree. */

/** A Linux tree under git: a commit tagged `good`, then three more; HEAD on main. */
function repoWithHistory(): string {
  const repo = linuxTree();
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'import');
  git(repo, 'tag', 'good');
  for (const n of [1, 2, 3]) {
    writeFileSync(path.join(repo, 'fs', 'fuse', 'dir.c'), `/* change ${n} */\n`);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', `change ${n}`);
  }
  return repo;
}

const out = mkdtempSync(path.join(tmpdir(), 'fg-bisect-out-'));
const parse = (raw: RawInputs) =>
  parseConfig({ guest: 'linux', 'output-dir': out, ...raw }, { cwd: tmpdir(), env: {} });

function problemOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof BadInputError) return error.message;
    throw error;
  }
  throw new Error('expected a BadInputError');
}

async function planProblem(raw: RawInputs): Promise<string> {
  try {
    await planHeadBisection(parse(raw));
  } catch (error) {
    if (error instanceof BadInputError) return error.message;
    throw error;
  }
  throw new Error('expected a BadInputError');
}

describe('bisect inputs that parseConfig refuses', () => {
  const tree = linuxTree();

  it('bisect-max-builds is a whole number from 1 to 1000, and only with bisect-good', () => {
    expect(parse({ 'source-tree': tree, 'bisect-good': 'v1', 'bisect-max-builds': '7' })).toMatchObject({
      bisectGood: 'v1',
      bisectMaxBuilds: 7,
    });
    expect(problemOf(() => parse({ 'source-tree': tree, 'bisect-max-builds': '7' }))).toBe(
      "invalid input 'bisect-max-builds': only means something together with 'bisect-good'",
    );
    expect(
      problemOf(() => parse({ 'source-tree': tree, 'bisect-good': 'v1', 'bisect-max-builds': '0' })),
    ).toBe(`invalid input 'bisect-max-builds': "0" is not a positive number`);
    expect(
      problemOf(() => parse({ 'source-tree': tree, 'bisect-good': 'v1', 'bisect-max-builds': '2.5' })),
    ).toBe(`invalid input 'bisect-max-builds': "2.5" is not a whole number`);
    expect(
      problemOf(() => parse({ 'source-tree': tree, 'bisect-good': 'v1', 'bisect-max-builds': '5000' })),
    ).toBe("invalid input 'bisect-max-builds': 5000 is more than the maximum 1000");
  });

  it('an empty bisect-good is no bisection; one git would read as an option or two words is refused', () => {
    expect(parse({ 'source-tree': tree, 'bisect-good': '' }).bisectGood).toBeUndefined();
    expect(problemOf(() => parse({ 'source-tree': tree, 'bisect-good': '--all' }))).toBe(
      `invalid input 'bisect-good': "--all" is not a git revision (a sha, a tag or a branch)`,
    );
    expect(problemOf(() => parse({ 'source-tree': tree, 'bisect-good': 'v1 v2' }))).toBe(
      `invalid input 'bisect-good': "v1 v2" is not a git revision (a sha, a tag or a branch)`,
    );
  });

  it('nothing to bisect: the packaged Linux driver, or build none', () => {
    expect(problemOf(() => parse({ 'bisect-good': 'v1' }))).toBe(
      "invalid input 'bisect-good': guest 'linux' without a Linux source tree tests the packaged FUSE driver: there is no history to bisect",
    );
    expect(problemOf(() => parse({ 'bisect-good': 'v1', build: 'none' }))).toBe(
      "invalid input 'bisect-good': build 'none' tests the image's own fusefs, not the tree's history: nothing to bisect",
    );
  });
});

describe('bisect-good against the history of source-tree', () => {
  const repo = repoWithHistory();

  it('good..HEAD along first parents, oldest first, HEAD last', async () => {
    const range = await planHeadBisection(parse({ 'source-tree': repo, 'bisect-good': 'good' }));
    expect(range?.good).toBe(git(repo, 'rev-parse', 'good'));
    expect(range?.bad).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(range?.commits.map((c) => c.subject)).toEqual(['change 1', 'change 2', 'change 3']);
    expect(range?.commits.at(-1)?.sha).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(await planHeadBisection(parse({ 'source-tree': repo }))).toBeUndefined();
  });

  it('a ref that names no commit: says to fetch it', async () => {
    expect(await planProblem({ 'source-tree': repo, 'bisect-good': 'no-such-tag' })).toBe(
      `invalid input 'bisect-good': "no-such-tag" names no commit in ${repo}; fetch it first (actions/checkout with fetch-depth: 0 fetches every branch and tag)`,
    );
  });

  it('a shallow clone: names it, and says actions/checkout needs fetch-depth: 0', async () => {
    const shallow = path.join(mkdtempSync(path.join(tmpdir(), 'fg-shallow-')), 'tree');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const message = await planProblem({
      'source-tree': shallow,
      'bisect-good': git(repo, 'rev-parse', 'good'),
    });
    expect(message).toMatch(/^invalid input 'bisect-good': "[0-9a-f]{40}" names no commit in /);
    expect(message).toContain(
      'source-tree is a shallow clone (git rev-parse --is-shallow-repository: true), and actions/checkout fetches one commit unless told otherwise: give it fetch-depth: 0 so the history is there',
    );
  });

  it('a good end that is HEAD, or not an ancestor of HEAD', async () => {
    expect(await planProblem({ 'source-tree': repo, 'bisect-good': 'main' })).toBe(
      `invalid input 'bisect-good': "main" is the same commit as HEAD of source-tree`,
    );
    git(repo, 'checkout', '-q', '-b', 'side', 'good');
    writeFileSync(path.join(repo, 'fs', 'fuse', 'inode.c'), '/* side */\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'side');
    git(repo, 'checkout', '-q', 'main');
    expect(await planProblem({ 'source-tree': repo, 'bisect-good': 'side' })).toBe(
      `invalid input 'bisect-good': "side" is not an ancestor of HEAD of source-tree`,
    );
  });

  it('on the CLI (fusefs-gate run --bisect-good) the same problems name the flags', async () => {
    const config = parse({ 'source-tree': repo, 'bisect-good': 'no-such-tag' });
    await expect(planHeadBisection(config, (input) => `--${input}`)).rejects.toThrow(
      `invalid input '--bisect-good': "no-such-tag" names no commit in ${repo}`,
    );
    const plain = linuxTree();
    await expect(
      planHeadBisection(parse({ 'source-tree': plain, 'bisect-good': 'good' }), (input) => `--${input}`),
    ).rejects.toThrow(`invalid input '--source-tree': ${JSON.stringify(plain)} is not in a git repository`);
  });

  it('a source tree that is not a git repository, or not its top', async () => {
    const plain = linuxTree();
    expect(await planProblem({ 'source-tree': plain, 'bisect-good': 'good' })).toBe(
      `invalid input 'source-tree': ${JSON.stringify(plain)} is not in a git repository`,
    );
    const inner = linuxTree(path.join(repo, 'sub'));
    expect(await planProblem({ 'source-tree': inner, 'bisect-good': 'good' })).toBe(
      `invalid input 'source-tree': ${JSON.stringify(inner)} is not the top of its git repository (${repo})`,
    );
  });
});
