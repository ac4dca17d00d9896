// The known-deadlock catalogue (known-deadlocks.json): data, typed and checked once at load.

import type { KnownBug, Thread } from './model.js';
import { matchesAny } from './frame-classes.js';
import { isBlocked } from './signature.js';
import raw from './known-deadlocks.json' with { type: 'json' };

export interface CatalogueEntry extends KnownBug {
  os?: 'freebsd' | 'linux';
  notes?: string;
  /** Every group must have one of its frame names (`name` or `prefix*`) in the thread's stack. */
  match: { allOf: string[][] };
}

/** Check the shape of catalogue data; throws naming the first bad entry. */
export function loadCatalogue(data: unknown): CatalogueEntry[] {
  const entries = (data as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) throw new Error('known-deadlocks: `entries` must be an array');
  return entries.map((e: unknown, i: number) => {
    const entry = e as Partial<CatalogueEntry>;
    const where = `known-deadlocks entry ${i} (${String(entry.id)})`;
    if (typeof entry.id !== 'string' || entry.id === '')
      throw new Error(`${where}: id must be a non-empty string`);
    if (typeof entry.title !== 'string') throw new Error(`${where}: title must be a string`);
    if (typeof entry.url !== 'string' || !/^https:\/\//.test(entry.url))
      throw new Error(`${where}: url must be https`);
    const allOf = entry.match?.allOf;
    if (
      !Array.isArray(allOf) ||
      allOf.length === 0 ||
      !allOf.every(
        (g) => Array.isArray(g) && g.length > 0 && g.every((n) => typeof n === 'string' && n !== ''),
      )
    ) {
      throw new Error(`${where}: match.allOf must be a non-empty list of non-empty lists of frame names`);
    }
    return entry as CatalogueEntry;
  });
}

export const CATALOGUE: readonly CatalogueEntry[] = loadCatalogue(raw);

/** Does one thread's set of frames satisfy the entry? */
export function entryMatches(entry: CatalogueEntry, thread: Thread): boolean {
  const fns = thread.frames.map((f) => f.fn);
  return entry.match.allOf.every((group) => fns.some((fn) => matchesAny(fn, group)));
}

/**
 * The first catalogue entry one of the threads matches, blocked threads first (a known deadlock
 * is about a stuck thread; an unblocked match is still reported, e.g. from a single `bt`).
 */
export function matchKnownBug(
  threads: readonly Thread[],
  catalogue: readonly CatalogueEntry[] = CATALOGUE,
): KnownBug | undefined {
  const ordered = [...threads.filter(isBlocked), ...threads.filter((t) => !isBlocked(t))];
  for (const t of ordered) {
    for (const entry of catalogue) {
      if (entryMatches(entry, t)) return { id: entry.id, title: entry.title, url: entry.url };
    }
  }
  return undefined;
}
