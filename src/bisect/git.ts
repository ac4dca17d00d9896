// The git operations a bisection needs, each a bounded `git` run with an argument array (no shell).
// The user's working copy is never touched: steps check commits out in a separate worktree.
import { runBounded } from '../vm/process.js';

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly output: string,
  ) {
    super(`git ${args.join(' ')} failed: ${output.trim().split('\n').slice(-3).join(' / ')}`);
    this.name = 'GitError';
  }
}

const GIT_TIMEOUT_MS = 120_000;

export async function git(repo: string, args: readonly string[]): Promise<string> {
  const result = await runBounded('git', ['-C', repo, ...args], { timeoutMs: GIT_TIMEOUT_MS });
  if (result.spawnError) throw new GitError(args, `cannot run git: ${result.spawnError.message}`);
  if (result.code !== 0)
    throw new GitError(args, `${result.stderr}${result.stdout}${result.timedOut ? ' (timed out)' : ''}`);
  return result.stdout;
}

/** Exit status only: for questions git answers with 0 or 1. */
async function gitStatus(repo: string, args: readonly string[]): Promise<number | null> {
  const result = await runBounded('git', ['-C', repo, ...args], { timeoutMs: GIT_TIMEOUT_MS });
  return result.code;
}

/** The top of the work tree `dir` belongs to, or undefined when it is not in a git repository. */
export async function repositoryTop(dir: string): Promise<string | undefined> {
  const result = await runBounded('git', ['-C', dir, 'rev-parse', '--show-toplevel'], {
    timeoutMs: GIT_TIMEOUT_MS,
  });
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** The commit a ref names, or undefined when it names none. */
export async function resolveCommit(repo: string, ref: string): Promise<string | undefined> {
  if (ref.startsWith('-')) return undefined;
  const result = await runBounded(
    'git',
    ['-C', repo, 'rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
    { timeoutMs: GIT_TIMEOUT_MS },
  );
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** A shallow clone (actions/checkout's default, one commit deep) lacks the history a bisection needs. */
export async function isShallow(repo: string): Promise<boolean> {
  const result = await runBounded('git', ['-C', repo, 'rev-parse', '--is-shallow-repository'], {
    timeoutMs: GIT_TIMEOUT_MS,
  });
  return result.code === 0 && result.stdout.trim() === 'true';
}

/** Whether the working copy differs from HEAD in any way, untracked files included. */
export async function workingCopyDiffers(repo: string): Promise<boolean> {
  const out = await git(repo, ['status', '--porcelain']);
  return out.trim() !== '';
}

/** The fetch URL of the repository's `origin` remote, or undefined when it has none. */
export async function originUrl(repo: string): Promise<string | undefined> {
  const result = await runBounded('git', ['-C', repo, 'remote', 'get-url', 'origin'], {
    timeoutMs: GIT_TIMEOUT_MS,
  });
  return result.code === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : undefined;
}

export async function isAncestor(repo: string, ancestor: string, descendant: string): Promise<boolean> {
  return (await gitStatus(repo, ['merge-base', '--is-ancestor', ancestor, descendant])) === 0;
}

export interface Commit {
  sha: string;
  subject: string;
}

/** The commits after `good` up to and including `bad`, oldest first, along first parents. */
export async function commitsBetween(repo: string, good: string, bad: string): Promise<Commit[]> {
  const out = await git(repo, ['log', '--first-parent', '--reverse', '--format=%H %s', `${good}..${bad}`]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ sha: line.slice(0, 40), subject: line.slice(41) }));
}

/** A detached worktree of `repo` at `commit` in `dir` (which must not exist). */
export async function addWorktree(repo: string, dir: string, commit: string): Promise<void> {
  await git(repo, ['worktree', 'add', '--detach', '--quiet', dir, commit]);
}

export async function checkoutInWorktree(worktree: string, commit: string): Promise<void> {
  // --force: a step's build never writes into the tree, but a stale file must not stop the bisection.
  await git(worktree, ['checkout', '--detach', '--force', '--quiet', commit]);
}

export async function removeWorktree(repo: string, dir: string): Promise<void> {
  await git(repo, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
  await git(repo, ['worktree', 'prune']).catch(() => undefined);
}
