// The bisection itself, pure: commits in history order, a tester that answers good / bad / skip for
// one commit, and the bounds. "Bad" means the bad end's own failure (same verdict and signature);
// any other outcome (another failure, a compile error, an undecided run) is a skip, as with
// `git bisect skip`: the commit is set aside and a neighbour nearest the middle is tested instead.

export type StepOutcome = 'good' | 'bad' | 'skip';

export interface StepResult {
  outcome: StepOutcome;
  /** Why, for the report: the verdict and signature, or what made it a skip. */
  why: string;
}

export interface BisectBounds {
  /** Builds allowed before skips: ceil(log2(N)) + 2 by default, or the user's limit. */
  maxBuilds: number;
  /** A hard limit that skips do not raise (the user's --bisect-max-builds), when given. */
  hardMaxBuilds?: number;
  /** Whether there is time for one more step. */
  timeLeft(): boolean;
}

export type BisectEnd =
  | { kind: 'found'; index: number }
  | {
      kind: 'undecided';
      why: string /** The commits the first bad one is among, in order. */;
      candidates: number[];
    };

export interface BisectTrace {
  end: BisectEnd;
  /** Index -> outcome of every commit tested, in test order. */
  tested: { index: number; result: StepResult }[];
}

/** The default bound for N commits after the good end: the bad end's test plus a binary search, plus one spare. */
export function defaultMaxBuilds(commitCount: number): number {
  return Math.ceil(Math.log2(Math.max(1, commitCount))) + 2;
}

/**
 * Finds the first bad commit among `count` commits (index count-1 is the bad end, tested first to
 * learn its failure). The good end is not a member and is not tested: the user says it passed.
 */
export async function bisect(
  count: number,
  test: (index: number) => Promise<StepResult>,
  bounds: BisectBounds,
): Promise<BisectTrace> {
  const tested: BisectTrace['tested'] = [];
  const skipped = new Set<number>();
  let builds = 0;
  const limit = () =>
    Math.min(bounds.maxBuilds + skipped.size, bounds.hardMaxBuilds ?? Number.POSITIVE_INFINITY);
  const run = async (index: number) => {
    builds++;
    const result = await test(index);
    tested.push({ index, result });
    if (result.outcome === 'skip') skipped.add(index);
    return result;
  };

  const last = count - 1;
  const badEnd = await run(last);
  if (badEnd.outcome !== 'bad') {
    return {
      tested,
      end: { kind: 'undecided', why: `the bad end is not bad: ${badEnd.why}`, candidates: [] },
    };
  }
  // Invariant: every commit <= good is good (good = -1 is the good end), the commit at `bad` is bad.
  let good = -1;
  let bad = last;
  for (;;) {
    const open = range(good + 1, bad).filter((index) => !skipped.has(index));
    if (open.length === 0) {
      if (bad === good + 1) return { tested, end: { kind: 'found', index: bad } };
      return {
        tested,
        end: {
          kind: 'undecided',
          why: 'every commit that could be the first bad one was skipped',
          candidates: range(good + 1, bad + 1),
        },
      };
    }
    if (builds >= limit()) {
      return {
        tested,
        end: {
          kind: 'undecided',
          why: `the build limit (${limit()}) was reached`,
          candidates: range(good + 1, bad + 1),
        },
      };
    }
    if (!bounds.timeLeft())
      return {
        tested,
        end: { kind: 'undecided', why: 'the time budget ran out', candidates: range(good + 1, bad + 1) },
      };
    const index = bestSplit(open, good, bad, skipped);
    const result = await run(index);
    if (result.outcome === 'good') good = index;
    else if (result.outcome === 'bad') bad = index;
  }
}

/**
 * The open commit that halves the possible answers best. A skipped commit cannot be told apart from
 * the commit after it, so it is no answer of its own: the answers in a range are its untested-or-
 * testable commits, and the pick minimises the larger side.
 */
function bestSplit(open: number[], good: number, bad: number, skipped: Set<number>): number {
  const answers = (from: number, to: number) =>
    range(from, to + 1).filter((index) => !skipped.has(index)).length;
  let best = open[0]!;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const index of open) {
    // Good: the first bad one is after it; bad: it is at or before it.
    const cost = Math.max(answers(index + 1, bad), answers(good + 1, index));
    if (cost < bestCost) {
      best = index;
      bestCost = cost;
    }
  }
  return best;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
