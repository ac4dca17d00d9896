// The commits a bisection searches, checked before anything is built: the tree is the top of a git
// repository, both ends name commits, the good end is an ancestor of the bad end. Every problem is
// bad input naming the input the way the caller spells it (`--good` on the CLI, `bisect-good` in a
// workflow).
import path from 'node:path';
import { BadInputError } from '../config/errors.js';
import { type Commit, commitsBetween, isAncestor, isShallow, repositoryTop, resolveCommit } from './git.js';

export interface RangeRequest {
  tree: string;
  goodRef: string;
  badRef: string;
  /** How the inputs are spelled for the user. */
  names: { tree: string; good: string; bad: string };
  /** How the bad end is named in prose: short (`--bad`) and with its ref (`--bad "HEAD"`). */
  badLabel: { short: string; full: string };
  /** What to do about a ref that names no commit or a good end that is no ancestor, when the caller knows. */
  hint?: (problem: 'unknown' | 'not-ancestor', shallow: boolean) => string | undefined;
}

export interface BisectRange {
  repo: string;
  good: string;
  bad: string;
  /** The commits after the good end up to the bad end, oldest first, along first parents. */
  commits: Commit[];
}

export async function resolveRange(request: RangeRequest): Promise<BisectRange> {
  const { tree, goodRef, badRef, names } = request;
  const repo = await repositoryTop(tree);
  if (!repo) throw new BadInputError(names.tree, `${JSON.stringify(tree)} is not in a git repository`);
  if (path.resolve(repo) !== path.resolve(tree)) {
    throw new BadInputError(
      names.tree,
      `${JSON.stringify(tree)} is not the top of its git repository (${repo})`,
    );
  }
  const hint = async (problem: 'unknown' | 'not-ancestor') => {
    const text = request.hint?.(problem, await isShallow(repo));
    return text ? `; ${text}` : '';
  };
  const noCommit = async (input: string, ref: string) =>
    new BadInputError(input, `${JSON.stringify(ref)} names no commit in ${repo}${await hint('unknown')}`);
  const good = await resolveCommit(repo, goodRef);
  if (!good) throw await noCommit(names.good, goodRef);
  const bad = await resolveCommit(repo, badRef);
  if (!bad) throw await noCommit(names.bad, badRef);
  if (good === bad)
    throw new BadInputError(
      names.good,
      `${JSON.stringify(goodRef)} is the same commit as ${request.badLabel.short}`,
    );
  if (!(await isAncestor(repo, good, bad))) {
    throw new BadInputError(
      names.good,
      `${JSON.stringify(goodRef)} is not an ancestor of ${request.badLabel.full}${await hint('not-ancestor')}`,
    );
  }
  const commits = await commitsBetween(repo, good, bad);
  if (commits.length === 0)
    throw new BadInputError(names.bad, `no commits after ${names.good} along first parents`);
  return { repo, good, bad, commits };
}
