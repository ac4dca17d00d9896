// The action's side of a bisection: its outputs and the links the job summary gives its commits.
import type { HeadBisection } from '../bisect/after-run.js';
import type { CommitUrl } from '../report/bisect-summary.js';

/** The bisection's outputs: the first bad commit's full sha and found / undecided / not-run. */
export function bisectOutputs(bisection: HeadBisection | undefined): {
  firstBad: string;
  result: 'found' | 'undecided' | 'not-run';
  report: string;
} {
  if (!bisection || bisection.kind === 'not-run') return { firstBad: '', result: 'not-run', report: '' };
  if (bisection.kind === 'failed') return { firstBad: '', result: 'undecided', report: '' };
  return {
    firstBad: bisection.firstBad?.sha ?? '',
    result: bisection.kind === 'found' ? 'found' : 'undecided',
    report: bisection.reportFile,
  };
}

/**
 * Commit links for the summary: `${GITHUB_SERVER_URL}/OWNER/NAME/commit/SHA`. OWNER/NAME is the
 * repository the tree was cloned from when that is on the same server (a nightly that checks out
 * freebsd/freebsd-src runs in another repository), else GITHUB_REPOSITORY; no link without them.
 */
export function commitUrlFor(env: NodeJS.ProcessEnv, origin: string | undefined): CommitUrl {
  const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
  if (!server) return () => undefined;
  const cloned =
    origin?.startsWith(`${server}/`) === true
      ? origin
          .slice(server.length + 1)
          .replace(/\.git$/, '')
          .replace(/\/+$/, '')
      : undefined;
  const repository = cloned && /^[\w.-]+\/[\w.-]+$/.test(cloned) ? cloned : env.GITHUB_REPOSITORY;
  if (!repository) return () => undefined;
  return (sha) => `${server}/${repository}/commit/${sha}`;
}
