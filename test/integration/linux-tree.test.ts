// A real Linux FUSE tree as the target (--guest linux --source-tree): the tree's fs/fuse built on
// the host as fuse.ko against the generic guest kernel, loaded in place of the packaged driver and
// proved by build id and hash; the clean tree passes, the same tree with a deliberate deadlock in the
// direct-I/O write path hangs with the patched function in the title. Both runs use one tree folder,
// so the second build is incremental (one file). About 2.5 min under TCG on 2 cores.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qemuProcessesMentioning, runCli, tail, tempDir } from '../helpers/cli.js';
import {
  applyDeadlock,
  applyUndefinedFunction,
  cachedLinuxFuseTree,
  copyTree,
  DEADLOCKED_FUNCTION,
  runTreeModuleGate,
  UNDEFINED_FUNCTION,
} from '../helpers/linux-tree.js';

const RUN_BOUND_MS = 420_000;
let tree = '';

beforeAll(async () => {
  tree = copyTree(await cachedLinuxFuseTree(), 'linux-tree');
}, 1_300_000);

const gate = (label: string) => runTreeModuleGate(tree, label, RUN_BOUND_MS);

describe('a Linux FUSE tree built as a module (Debian linux-source-6.1 fs/fuse on the generic 6.1 kernel)', () => {
  it(
    'the clean tree passes, and the proof shows the loaded fuse module is the build (build id, sha256)',
    async () => {
      const run = await gate('linux-tree-clean');
      expect(run.result.code, tail(run.result)).toBe(0);
      expect(run.report.verdict).toBe('pass');
      expect(run.report.build).toMatchObject({ mode: 'module', ok: true });
      const build = JSON.parse(readFileSync(path.join(run.out, '.work', 'module-build.json'), 'utf8')) as {
        buildId: string;
        sha256: string;
      };
      expect(build.buildId).toMatch(/^[0-9a-f]{40}$/);
      expect(run.report.proof?.ok).toBe(true);
      expect(run.report.proof?.details).toContain(
        `loaded fuse module has build id ${build.buildId}, the build's`,
      );
      expect(run.report.proof?.details.join('\n')).toContain(
        `loaded fuse.ko sha256 ${build.sha256.slice(0, 16)}`,
      );
      expect(qemuProcessesMentioning(run.out)).toEqual([]);
    },
    RUN_BOUND_MS + 20_000,
  );

  it(
    'the same tree with a deliberate deadlock in the direct-I/O write path hangs, titled by the patched function; one file rebuilt',
    async () => {
      await applyDeadlock(tree);
      const run = await gate('linux-tree-deadlock');
      expect(run.result.code, tail(run.result)).toBe(2);
      expect(run.report.verdict).toBe('hang');
      expect(run.report.signature).toContain(DEADLOCKED_FUNCTION);
      expect(run.report.proof?.ok).toBe(true);
      const build = JSON.parse(readFileSync(path.join(run.out, '.work', 'module-build.json'), 'utf8')) as {
        changed: string[];
      };
      expect(build.changed).toEqual(['file.c']);
      expect(qemuProcessesMentioning(run.out)).toEqual([]);
    },
    RUN_BOUND_MS + 20_000,
  );

  it(
    "a tree that calls a function defined nowhere is the tree's fail: modpost's undefined symbol is the link error reported",
    async () => {
      await applyUndefinedFunction(tree);
      try {
        const run = await gate('linux-tree-undefined');
        expect(run.result.code, tail(run.result)).toBe(1);
        expect(run.report.verdict).toBe('fail');
        expect(run.report.reason).toContain(UNDEFINED_FUNCTION);
        expect(run.report.build).toMatchObject({ mode: 'module', ok: false });
        // fuse.ko links (`ld -r`); modpost finds the symbol no one exports, and names no source line.
        expect(run.report.build?.compilerErrors ?? []).toEqual([]);
        expect(run.report.build?.linkErrors).toEqual([
          {
            kind: 'undefined',
            symbol: UNDEFINED_FUNCTION,
            message: expect.stringMatching(
              new RegExp(`^undefined symbol ${UNDEFINED_FUNCTION} in \\S*fuse\\.ko \\(modpost: `),
            ),
          },
        ]);
        const build = JSON.parse(readFileSync(path.join(run.out, '.work', 'module-build.json'), 'utf8')) as {
          blame: string;
          tail: string;
        };
        expect(build.blame).toBe('tree');
        expect(build.tail).toMatch(
          new RegExp(`ERROR: modpost: "${UNDEFINED_FUNCTION}" \\[\\S+\\] undefined!`),
        );
        expect(qemuProcessesMentioning(run.out)).toEqual([]);
      } finally {
        await applyUndefinedFunction(tree, true);
      }
    },
    RUN_BOUND_MS + 20_000,
  );

  it('a --source-tree without fs/fuse is bad input (exit 64) naming the input', async () => {
    const result = await runCli(['run', '--guest', 'linux', '--source-tree', tempDir('not-linux')], {
      timeoutMs: 60_000,
    });
    expect(result.code, tail(result)).toBe(64);
    expect(result.stderr).toMatch(/'--source-tree'.*has no fs\/fuse\/Makefile/);
  }, 70_000);
});
