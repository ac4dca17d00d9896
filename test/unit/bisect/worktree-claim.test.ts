// Two bisections of one repository at once on one machine: the second must not empty the first
// one's worktree folder; it takes a folder of its own and says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimWorktree } from '../../../src/bisect/run-bisection.js';
import { lockPathOf, readOwner } from '../../../src/cache/lock.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fg-worktree-claim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('claimWorktree', () => {
  it('the first bisection gets the stable folder; one started while it runs gets its own, and says why', async () => {
    const stable = path.join(dir, 'bisect-worktrees', 'abcdef0123456789');
    const notes: string[] = [];
    const io = {
      note: (m: string) => notes.push(m),
      warn: () => {},
      consoleLine: () => {},
      group: <T>(_: string, w: () => Promise<T>) => w(),
    };
    const first = await claimWorktree(stable, io);
    expect(first.worktree).toBe(stable);
    expect(notes).toEqual([]);
    const second = await claimWorktree(stable, io);
    expect(second.worktree).toBe(`${stable}-${process.pid}`);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`${lockPathOf(stable)} is still held by pid ${process.pid}`);
    expect(notes[0]).toContain(`uses ${stable}-${process.pid} instead`);
    expect(readOwner(lockPathOf(second.worktree))).toMatchObject({ pid: process.pid });
    second.lock.release();
    first.lock.release();
    // Released: the next bisection gets the stable folder again.
    const third = await claimWorktree(stable, io);
    expect(third.worktree).toBe(stable);
    third.lock.release();
  });
});
