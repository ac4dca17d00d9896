// The known-deadlock catalogue, from what known-deadlocks.json says of bug 247276 (issue 16): the
// page-busy wait under a FUSE write, reached through fuse_io_dispatch (before r366121) or through
// fuse_vnop_write -> fuse_inval_buf_range -> v_inval_buf_range (today), whichever of those the
// compiler kept; blocked threads are looked at first.
import { describe, expect, it } from 'vitest';
import { loadCatalogue, matchKnownBug, type CatalogueEntry } from '../../../src/report/catalogue.js';
import type { Thread } from '../../../src/report/model.js';

const thread = (frames: string[], over: Partial<Thread> = {}): Thread => ({
  pid: 812,
  tid: 100_140,
  comm: 'mmap-write',
  format: 'freebsd-procstat',
  frames: frames.map((fn) => ({ fn })),
  ...over,
});
const head = ['mi_switch', 'sleepq_switch', 'sleepq_wait', '_sleep', 'vm_page_busy_sleep'];

describe('bug 247276', () => {
  it('matches the current tree through v_inval_buf_range when the FUSE helper between was inlined', () => {
    // fuse_inval_buf_range inlined into its caller: only v_inval_buf_range and a FUSE vnop remain.
    const t = thread([
      ...head,
      'vm_object_page_remove',
      'vn_pages_remove',
      'v_inval_buf_range',
      'fuse_vnop_setattr',
      'VOP_SETATTR_APV',
      'kern_truncate',
    ]);
    expect(matchKnownBug([t])?.id).toBe('freebsd-247276');
  });

  it('matches through each alternative of each group', () => {
    for (const busy of ['vm_page_busy_sleep', '_vm_page_busy_sleep']) {
      for (const remove of ['vm_object_page_remove', 'vn_pages_remove']) {
        for (const path of [
          'fuse_io_dispatch',
          'fuse_vnop_write',
          'fuse_inval_buf_range',
          'v_inval_buf_range',
        ]) {
          const t = thread([
            'mi_switch',
            'sleepq_wait',
            busy,
            remove,
            path,
            'fuse_write_biobackend',
            'VOP_WRITE_APV',
          ]);
          expect(matchKnownBug([t])?.id, `${busy} ${remove} ${path}`).toBe('freebsd-247276');
        }
      }
    }
  });

  it('gives the bug’s title and its Bugzilla link', () => {
    const t = thread([
      ...head,
      'vm_object_page_remove',
      'vn_pages_remove',
      'fuse_io_dispatch',
      'fuse_vnop_putpages',
    ]);
    expect(matchKnownBug([t])).toEqual({
      id: 'freebsd-247276',
      title: "fusefs: mmap'd write to a FOPEN_DIRECT_IO file deadlocks in vm_page_busy_sleep (bug 247276)",
      url: 'https://bugs.freebsd.org/bugzilla/show_bug.cgi?id=247276',
    });
  });

  it('does not match the same page-busy wait in another file system', () => {
    const ufs = thread([
      ...head,
      'vm_object_page_remove',
      'vn_pages_remove',
      'v_inval_buf_range',
      'ffs_truncate',
      'ufs_setattr',
      'VOP_SETATTR_APV',
    ]);
    expect(matchKnownBug([ufs])).toBeUndefined();
  });

  it('does not match a FUSE write that waits elsewhere', () => {
    expect(
      matchKnownBug([
        thread(['mi_switch', 'sleepq_wait', '_sleep', 'fticket_wait_answer', 'fuse_vnop_write']),
      ]),
    ).toBeUndefined();
    expect(matchKnownBug([thread([...head, 'vm_fault', 'fuse_vnop_write'])])).toBeUndefined();
    expect(
      matchKnownBug([thread(['vm_object_page_remove', 'vn_pages_remove', 'fuse_vnop_write'])]),
    ).toBeUndefined();
  });

  it('matches frames by name only, a thread’s frames in any order', () => {
    const t = thread(['fuse_vnop_write', 'vn_pages_remove', 'vm_page_busy_sleep'].reverse());
    expect(matchKnownBug([t])?.id).toBe('freebsd-247276');
  });
});

describe('matching order', () => {
  const entry = (id: string, frame: string): CatalogueEntry => ({
    id,
    title: id,
    url: `https://example.invalid/${id}`,
    match: { allOf: [[frame]] },
  });
  const catalogue = [
    entry('first-in-catalogue', 'fuse_flush'),
    entry('second-in-catalogue', 'fuse_vnop_write'),
  ];
  const idle = thread(['mi_switch', 'sleepq_switch', 'sleepq_wait_sig', '_sleep', 'fuse_flush'], { tid: 1 });
  const stuck = thread(['mi_switch', 'sleepq_wait', '_sleep', 'vm_page_busy_sleep', 'fuse_vnop_write'], {
    tid: 2,
  });

  it('looks at blocked threads first, whatever order they were captured in', () => {
    expect(matchKnownBug([idle, stuck], catalogue)?.id).toBe('second-in-catalogue');
    expect(matchKnownBug([stuck, idle], catalogue)?.id).toBe('second-in-catalogue');
  });

  it('still reports a match on a thread that is not blocked (a single bt), when no blocked thread matches', () => {
    expect(matchKnownBug([idle], catalogue)?.id).toBe('first-in-catalogue');
  });

  it('takes the first entry a thread matches', () => {
    const both = thread([
      'mi_switch',
      'sleepq_wait',
      '_sleep',
      'vm_page_busy_sleep',
      'fuse_vnop_write',
      'fuse_flush',
    ]);
    expect(matchKnownBug([both], catalogue)?.id).toBe('first-in-catalogue');
  });

  it('finds nothing in no threads', () => {
    expect(matchKnownBug([], catalogue)).toBeUndefined();
  });
});

describe('loading catalogue data refuses each malformed entry, naming it', () => {
  const good = { id: 'x', title: 't', url: 'https://example.invalid/x', match: { allOf: [['a', 'b*']] } };
  const refuse = (entry: unknown) => () => loadCatalogue({ entries: [good, entry] });

  it('accepts well-formed entries as they are', () => {
    expect(loadCatalogue({ entries: [good, { ...good, id: 'y' }] })).toEqual([good, { ...good, id: 'y' }]);
    expect(loadCatalogue({ entries: [] })).toEqual([]);
  });

  it('refuses data without an entries list', () => {
    expect(() => loadCatalogue({})).toThrow('known-deadlocks: `entries` must be an array');
    expect(() => loadCatalogue({ entries: { id: 'x' } })).toThrow('`entries` must be an array');
  });

  it('refuses an entry without a non-empty string id', () => {
    expect(refuse({ ...good, id: '' })).toThrow('known-deadlocks entry 1 (): id must be a non-empty string');
    expect(refuse({ ...good, id: 7 })).toThrow('known-deadlocks entry 1 (7): id must be a non-empty string');
  });

  it('refuses an entry whose title is not a string', () => {
    expect(refuse({ ...good, id: 'z', title: undefined })).toThrow(
      'known-deadlocks entry 1 (z): title must be a string',
    );
  });

  it('refuses an entry whose url is not https, or not a string', () => {
    expect(refuse({ ...good, id: 'z', url: 'http://example.invalid/x' })).toThrow(
      'known-deadlocks entry 1 (z): url must be https',
    );
    expect(refuse({ ...good, id: 'z', url: 'see https://example.invalid/x' })).toThrow('url must be https');
    expect(refuse({ ...good, id: 'z', url: 42 })).toThrow('url must be https');
  });

  it('refuses a match that is not a non-empty list of non-empty lists of frame names', () => {
    const message =
      'known-deadlocks entry 1 (z): match.allOf must be a non-empty list of non-empty lists of frame names';
    for (const match of [
      undefined,
      {},
      { allOf: 'fuse_*' },
      { allOf: [] },
      { allOf: [[]] },
      { allOf: [['a'], []] },
      { allOf: ['fuse_*'] },
      { allOf: [['a', '']] },
      { allOf: [['a', 3]] },
    ]) {
      expect(refuse({ ...good, id: 'z', match }), JSON.stringify(match)).toThrow(message);
    }
  });
});

describe('one thread must hold every group', () => {
  const entry: CatalogueEntry = {
    id: 'two-groups',
    title: 'two groups',
    url: 'https://example.invalid/2',
    match: { allOf: [['vm_page_busy_sleep'], ['fuse_*']] },
  };
  it('no match when the groups are met by two different threads', () => {
    const a = thread(['mi_switch', 'sleepq_wait', 'vm_page_busy_sleep', 'ffs_write'], { tid: 1 });
    const b = thread(['mi_switch', 'sleepq_wait', 'fuse_vnop_write'], { tid: 2 });
    expect(matchKnownBug([a, b], [entry])).toBeUndefined();
    expect(
      matchKnownBug([a, b, thread(['vm_page_busy_sleep', 'fuse_vnop_write'], { tid: 3 })], [entry])?.id,
    ).toBe('two-groups');
  });

  it('names are compared without compiler suffixes', () => {
    const t = thread(['mi_switch', 'sleepq_wait', 'vm_page_busy_sleep.isra.0', 'fuse_vnop_write.cold']);
    expect(matchKnownBug([t], [entry])?.id).toBe('two-groups');
  });
});
