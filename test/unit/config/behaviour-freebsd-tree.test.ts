// What the check before boot (src/config/freebsd-tree.ts) must tell a user whose tree cannot do the
// build asked for: which files are missing, why a kernel build is needed (another major branch, or a
// tree newer than the image's kern.osreldate), what to change in the workflow, and, for a sparse
// checkout, which folders it holds. Trees are described by their facts; sparse checkouts and git
// worktrees are made with real git.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkBuildBeforeBoot,
  type ImageKernel,
  imageKernelOf,
  parseSparsePatterns,
  readTreeFacts,
  type TreeFacts,
} from '../../../src/config/freebsd-tree.js';
import { parseVersion } from '../../../src/image/freebsd-resolve.js';

/** A checkout that lacks two of the files Makefile.inc1 buildkernel needs; __FreeBSD_version 1404001. */
const lacking = (extra: Partial<TreeFacts> = {}): TreeFacts => ({
  tree: '/w/src',
  newvers: { type: 'FreeBSD', revision: '14.4', branch: 'RELEASE-p3' },
  version: 1404001,
  missingForKernel: ['lib/libnv/Makefile', 'etc/mtree/BSD.usr.dist'],
  ...extra,
});
const whole = (extra: Partial<TreeFacts> = {}): TreeFacts => lacking({ missingForKernel: [], ...extra });

const release144: ImageKernel = {
  name: '14.4-RELEASE',
  major: 14,
  osreldate: 1404000,
  source: 'src/image/freebsd-releases.json: x',
};
const release151: ImageKernel = { name: '15.1-RELEASE', major: 15 };
const snapshot14: ImageKernel = { name: '14.4-STABLE', major: 14 };

describe('the image kernel known before boot', () => {
  it('a release from the table brings its kern.osreldate and where it was read', () => {
    const kernel = imageKernelOf(parseVersion('14.4-RELEASE'));
    expect(kernel.name).toBe('14.4-RELEASE');
    expect(kernel.major).toBe(14);
    expect(kernel.osreldate).toBeGreaterThanOrEqual(1404000);
    expect(kernel.source).toMatch(/^src\/image\/freebsd-releases\.json: \S/);
  });

  it('a snapshot has a major branch but no known kern.osreldate; a user image and no version, nothing', () => {
    expect(imageKernelOf(parseVersion('14.4-STABLE'))).toEqual({ name: '14.4-STABLE', major: 14 });
    expect(imageKernelOf(parseVersion('14.4-RELEASE'), '/img/my.qcow2')).toEqual({ name: '/img/my.qcow2' });
    expect(imageKernelOf(undefined)).toEqual({ name: 'the image' });
  });
});

describe('build: kernel', () => {
  it('is refused on a tree that lacks kernel files, naming each, and accepted on a whole tree', () => {
    const check = checkBuildBeforeBoot(lacking(), 'kernel', release144);
    expect(check.refuse).toContain(
      '/w/src lacks lib/libnv/Makefile, etc/mtree/BSD.usr.dist, which a kernel build needs (Makefile.inc1 buildkernel).',
    );
    // Not a sparse checkout: nothing is said about one.
    expect(check.refuse).toBe(
      'build: kernel, but /w/src lacks lib/libnv/Makefile, etc/mtree/BSD.usr.dist, which a kernel build needs (Makefile.inc1 buildkernel). Check out the whole tree (drop `sparse-checkout:`), or use `build: module`.',
    );
    expect(checkBuildBeforeBoot(whole(), 'kernel', release144)).toEqual({});
  });
});

describe('build: module', () => {
  it('is refused when the image runs another major branch, saying which', () => {
    const check = checkBuildBeforeBoot(whole({ version: 1404000 }), 'module', release151);
    expect(check.refuse).toMatch(/^build: module cannot work: the tree's __FreeBSD_version is 1404000/);
    expect(check.refuse).toContain('15.1-RELEASE runs FreeBSD 15');
  });

  it('is refused when the tree is newer than the known kern.osreldate, naming where that was read', () => {
    const check = checkBuildBeforeBoot(whole(), 'module', release144);
    expect(check.refuse).toContain(
      "14.4-RELEASE's kern.osreldate is 1404000 (src/image/freebsd-releases.json: x)",
    );
  });

  it('is accepted on the same branch when kern.osreldate is not known, or not older than the tree', () => {
    expect(checkBuildBeforeBoot(lacking(), 'module', snapshot14)).toEqual({});
    expect(checkBuildBeforeBoot(lacking({ version: 1404000 }), 'module', release144)).toEqual({});
    expect(checkBuildBeforeBoot(lacking(), 'module', { name: '/img/my.qcow2' })).toEqual({});
  });
});

describe('build: auto on a tree that cannot build a kernel', () => {
  it('another major branch: refused, and the way out is the whole tree or the tree’s own branch', () => {
    const check = checkBuildBeforeBoot(lacking({ version: 1404000 }), 'auto', release151);
    expect(check.refuse).toContain('FreeBSD 14, and 15.1-RELEASE runs FreeBSD 15');
    expect(check.refuse).toContain('/w/src lacks lib/libnv/Makefile, etc/mtree/BSD.usr.dist');
    expect(check.refuse).toContain('or a FreeBSD 14 version) so fusefs.ko is built as a module');
    expect(check.refuse).toContain('the kernel linker refuses a module built for another major branch');
    expect(check.refuse).not.toContain('ref: release/');
  });

  it('newer than the image: refused, and the way out names the release tag and a newer kernel of the branch', () => {
    const check = checkBuildBeforeBoot(lacking(), 'auto', release144);
    expect(check.refuse).toContain(
      "above 14.4-RELEASE's kern.osreldate 1404000 (src/image/freebsd-releases.json: x)",
    );
    expect(check.refuse).toContain('`ref: release/14.4.0`');
    expect(check.refuse).toContain('`freebsd-version: 14.N-STABLE`');
    expect(check.refuse).toContain('a kern.osreldate of at least 1404001');
    expect(check.refuse).toContain(
      'the kernel linker refuses a module built for a newer kernel (its __FreeBSD_version is above kern.osreldate)',
    );
    expect(check.refuse).not.toContain('so fusefs.ko is built as a module');
  });

  it('without newvers.sh the advice still reads, with placeholders for what is unknown', () => {
    const { newvers: _, ...bare } = lacking();
    const check = checkBuildBeforeBoot(bare, 'auto', release144);
    expect(check.refuse).toContain('`ref: release/X.Y.0`');
    expect(check.refuse).toContain('`freebsd-version: X.N-STABLE`');
  });

  it('kern.osreldate not known before boot: no refusal, a note that the booted kernel decides', () => {
    const check = checkBuildBeforeBoot(lacking(), 'auto', snapshot14);
    expect(check.refuse).toBeUndefined();
    expect(check.note).toBe(
      "the tree cannot build a kernel (it lacks lib/libnv/Makefile, etc/mtree/BSD.usr.dist); 14.4-STABLE's kern.osreldate is not known before boot, so the booted kernel decides, and a tree newer than it cannot be gated",
    );
  });

  it('same branch and not newer: nothing to say; a whole tree or no known version: nothing either', () => {
    expect(checkBuildBeforeBoot(lacking({ version: 1404000 }), 'auto', release144)).toEqual({});
    expect(checkBuildBeforeBoot(whole(), 'auto', release151)).toEqual({});
    const { version: _, ...unknown } = lacking();
    expect(checkBuildBeforeBoot(unknown, 'auto', release151)).toEqual({});
    expect(checkBuildBeforeBoot(lacking(), 'none', release151)).toEqual({});
  });

  it('a sparse checkout is named with up to eight of its folders', () => {
    const folders = ['sys', 'share/mk', 'tests/sys/fs/fusefs', 'sbin/mount', 'a', 'b', 'c', 'd', 'e'];
    const file = '/w/src/.git/info/sparse-checkout';
    const nine = checkBuildBeforeBoot(lacking({ sparse: { file, folders } }), 'auto', release151).refuse;
    expect(nine).toContain(
      ` It is a sparse checkout (${file} lists sys, share/mk, tests/sys/fs/fusefs, sbin/mount, a, b, c, d, ...); its top files, Makefile.inc1 among them, are there because cone mode always checks them out.`,
    );
    const eight = checkBuildBeforeBoot(
      lacking({ sparse: { file, folders: folders.slice(0, 8) } }),
      'kernel',
      release151,
    ).refuse;
    expect(eight).toContain(`(${file} lists sys, share/mk, tests/sys/fs/fusefs, sbin/mount, a, b, c, d);`);
    const none = checkBuildBeforeBoot(
      lacking({ sparse: { file, folders: [] } }),
      'kernel',
      release151,
    ).refuse;
    expect(none).toContain(`(${file} lists no folders);`);
    expect(checkBuildBeforeBoot(lacking(), 'kernel', release151).refuse).not.toContain('sparse checkout');
  });
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'init.defaultBranch=main', ...args],
    { cwd, encoding: 'utf8' },
  );

describe('sparse patterns', () => {
  it('comments and blank lines are no folders; non-cone patterns are kept as written, less their slashes', () => {
    // gitignore syntax (git sparse-checkout --no-cone reads the file as such): `#` starts a comment.
    expect(parseSparsePatterns('# the kernel\n\n/sys/\nshare/mk/\n  \n')).toEqual(['sys', 'share/mk']);
  });

  it('a git worktree with a sparse checkout of its own: the patterns are read from its git folder', () => {
    const origin = mkdtempSync(path.join(tmpdir(), 'fg-tree-wt-'));
    for (const rel of ['sys/fs/fuse/fuse_vnops.c', 'share/mk/bsd.prog.mk', 'lib/libnv/Makefile']) {
      mkdirSync(path.dirname(path.join(origin, rel)), { recursive: true });
      writeFileSync(path.join(origin, rel), '\n');
    }
    git(origin, 'init', '-q');
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'tree');
    const worktree = path.join(path.dirname(origin), `${path.basename(origin)}-wt`);
    git(origin, 'worktree', 'add', '-q', worktree);
    git(worktree, 'sparse-checkout', 'set', '--cone', 'sys', 'share/mk');
    const facts = readTreeFacts(worktree);
    // `.git` of a worktree is a file `gitdir: <repo>/.git/worktrees/<name>` (git worktree add).
    expect(realpathSync(path.dirname(path.dirname(facts.sparse?.file ?? '')))).toBe(
      realpathSync(git(worktree, 'rev-parse', '--git-dir').trim()),
    );
    expect(facts.sparse?.folders).toEqual(['share/mk', 'sys']);
    expect(facts.missingForKernel).toContain('lib/libnv/Makefile');
  });
});
