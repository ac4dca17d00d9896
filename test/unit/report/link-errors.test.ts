// The linker-error reader against lld's and GNU ld's formats: the files in test/fixtures/link-errors say
// where each line kind comes from (gnu-ld-2.40-real.txt is real output of this host's ld).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeTo } from '../../../src/report/compiler-errors.js';
import { parseLinkErrors } from '../../../src/report/link-errors.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/link-errors');

/** One `=== NAME` section of a fixture, without its `#@` provenance lines. */
function section(file: string, name: string): string {
  const text = readFileSync(path.join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#@'))
    .join('\n');
  const m = new RegExp(`^=== ${name}\\n([\\s\\S]*?)(?=^=== |$(?![\\s\\S]))`, 'm').exec(text);
  if (!m) throw new Error(`no section ${name} in ${file}`);
  return m[1]!;
}

const underGate = relativeTo('/gate/src');

describe('lld (FreeBSD ld)', () => {
  it('an undefined symbol: one entry per reference lld printed, at the full path relative to the tree', () => {
    expect(parseLinkErrors(section('lld-formats.txt', 'UNDEFINED'), underGate)).toEqual([
      {
        kind: 'undefined',
        symbol: 'vn_pages_remove_valid',
        file: 'sys/kern/vfs_subr.c',
        line: 2613,
        message: 'undefined symbol vn_pages_remove_valid, referenced by vfs_subr.o:(v_inval_buf_range)',
      },
      {
        kind: 'undefined',
        symbol: 'vn_pages_remove_valid',
        file: 'sys/kern/vfs_subr.c',
        line: 2640,
        message: 'undefined symbol vn_pages_remove_valid, referenced by vfs_subr.o:(v_inval_buf_range)',
      },
      {
        kind: 'undefined',
        symbol: 'vn_pages_remove_valid',
        file: 'sys/vm/vm_object.c',
        line: 2101,
        message: 'undefined symbol vn_pages_remove_valid, referenced by vm_object.o:(vm_object_page_remove)',
      },
    ]);
  });

  it('lld run as ld.lld (an external toolchain) is read as when run as ld', () => {
    expect(parseLinkErrors(section('lld-formats.txt', 'LLDNAME'), underGate)).toEqual([
      {
        kind: 'undefined',
        symbol: 'vn_pages_remove_valid',
        file: 'sys/kern/vfs_subr.c',
        line: 2613,
        message: 'undefined symbol vn_pages_remove_valid, referenced by vfs_subr.o:(v_inval_buf_range)',
      },
    ]);
  });

  it('a reference without a source line has no file, and a hidden symbol is read like any other', () => {
    expect(parseLinkErrors(section('lld-formats.txt', 'NOSOURCE'), underGate)).toEqual([
      {
        kind: 'undefined',
        symbol: 'fusefs_gate_nowhere',
        message: 'undefined symbol fusefs_gate_nowhere, referenced by fuse_vnops.o:(fuse_vnop_write)',
      },
    ]);
    // A source name without a line (the STT_FILE symbol) is no place to annotate either.
    expect(parseLinkErrors(section('lld-formats.txt', 'FILEONLY'), underGate)).toEqual([
      {
        kind: 'undefined',
        symbol: 'fusefs_gate_nowhere',
        message: 'undefined symbol fusefs_gate_nowhere, referenced by fuse_vnops.o:(fuse_vnop_write)',
      },
    ]);
    expect(parseLinkErrors(section('lld-formats.txt', 'HIDDEN'), underGate)).toMatchObject([
      { kind: 'undefined', symbol: '__start_set_sysinit_set', file: 'sys/kern/kern_linker.c', line: 140 },
    ]);
  });

  it('a duplicate symbol: both definitions with a line, one message naming both objects', () => {
    const message =
      'duplicate symbol vn_pages_remove, defined in vm_object.o:(vn_pages_remove) and in vfs_subr.o:(.text+0x1a40)';
    expect(parseLinkErrors(section('lld-formats.txt', 'DUPLICATE'), underGate)).toEqual([
      { kind: 'duplicate', symbol: 'vn_pages_remove', file: 'sys/vm/vm_object.c', line: 2150, message },
      { kind: 'duplicate', symbol: 'vn_pages_remove', file: 'sys/kern/vfs_subr.c', line: 2590, message },
    ]);
    expect(parseLinkErrors(section('lld-formats.txt', 'DUPLICATE-NOSECTION'), underGate)).toEqual([
      {
        kind: 'duplicate',
        symbol: 'kern_build_id',
        message: 'duplicate symbol kern_build_id, defined in vers.o and in kern_mib.o',
      },
    ]);
  });

  it('"too many errors emitted" names no symbol: the errors before it are kept, it adds none', () => {
    const errors = parseLinkErrors(section('lld-formats.txt', 'LIMIT'), underGate);
    expect(errors.map((e) => e.symbol)).toEqual(['vn_pages_remove_valid']);
  });

  it('the same error printed twice (make output repeated) is reported once', () => {
    const text = section('lld-formats.txt', 'NOSOURCE');
    expect(parseLinkErrors(`${text}\n${text}`, underGate)).toHaveLength(1);
  });
});

describe('GNU ld (Linux)', () => {
  const underTmp = relativeTo('/tmp/lk');

  it('real 2.40 output: each undefined reference at its file and line, in its function; a multiple definition with where it was first', () => {
    expect(parseLinkErrors(section('gnu-ld-2.40-real.txt', 'DEBUG'), underTmp)).toEqual([
      {
        kind: 'duplicate',
        symbol: 'shared_thing',
        file: 'b.c',
        line: 2,
        message:
          'multiple definition of shared_thing in shared_thing (b.o), first defined at a.o:/tmp/lk/a.c:1',
      },
      {
        kind: 'undefined',
        symbol: 'fusefs_gate_nowhere',
        file: 'b.c',
        line: 3,
        message: 'undefined reference to fusefs_gate_nowhere in caller (b.o)',
      },
      {
        kind: 'undefined',
        symbol: 'fusefs_gate_nowhere',
        file: 'c.c',
        line: 2,
        message: 'undefined reference to fusefs_gate_nowhere in helper (c.o)',
      },
      {
        kind: 'undefined',
        symbol: 'fusefs_gate_nowhere',
        file: 'c.c',
        line: 3,
        message: 'undefined reference to fusefs_gate_nowhere in caller2 (c.o)',
      },
    ]);
  });

  it('real 2.40 output without debug info: the error without a file (a section offset is not a source line)', () => {
    expect(parseLinkErrors(section('gnu-ld-2.40-real.txt', 'NODEBUG'), underTmp)).toEqual([
      {
        kind: 'undefined',
        symbol: 'fusefs_gate_nowhere',
        message: 'undefined reference to fusefs_gate_nowhere in caller (b-nodebug.o)',
      },
    ]);
  });

  it('real Linux 6.1 vmlinux link: the undefined reference in its function and object, no source line without debug info', () => {
    const real = readFileSync(path.join(FIXTURES, 'gnu-ld-linux-6.1-vmlinux-real.txt'), 'utf8');
    expect(
      parseLinkErrors(real, relativeTo('/root/.cache/fusefs-gate/test-trees/linux-kernel-6.1.176-1')),
    ).toEqual([
      {
        kind: 'undefined',
        symbol: 'fusefs_gate_defined_nowhere',
        message: 'undefined reference to fusefs_gate_defined_nowhere in fuse_ctl_init (fs/fuse/control.o)',
      },
    ]);
  });

  it("newer binutils' %H form: the line before the section offset; one line without a function", () => {
    const tree = relativeTo('/src/linux');
    expect(parseLinkErrors(section('gnu-ld-h-form.txt', 'H'), tree)).toEqual([
      {
        kind: 'undefined',
        symbol: 'fusefs_gate_nowhere',
        file: 'fs/fuse/file.c',
        line: 1210,
        message: 'undefined reference to fusefs_gate_nowhere in fuse_perform_write (fs/fuse/file.o)',
      },
    ]);
    expect(parseLinkErrors(section('gnu-ld-h-form.txt', 'NOFUNCTION'), tree)).toEqual([
      {
        kind: 'undefined',
        symbol: 'fusefs_gate_table',
        message:
          'undefined reference to fusefs_gate_table in fs/fuse/file.o:/src/linux/fs/fuse/file.c:(.data+0x40)',
      },
    ]);
  });

  it('a warning is not an error, and "more undefined references follow" adds no entry', () => {
    const tree = relativeTo('/src/linux');
    expect(parseLinkErrors(section('gnu-ld-h-form.txt', 'WARNING'), tree)).toEqual([]);
    expect(parseLinkErrors(section('gnu-ld-h-form.txt', 'MORE'), tree).map((e) => e.line)).toEqual([1210]);
  });
});

describe('modpost (Linux modules)', () => {
  it('an undefined symbol of a module is an error without a file; the WARNING form is not', () => {
    expect(parseLinkErrors(section('modpost-formats.txt', 'ERROR'), (f) => f)).toEqual([
      {
        kind: 'undefined',
        symbol: 'fusefs_gate_nowhere',
        message:
          'undefined symbol fusefs_gate_nowhere in /cache/linux-fuse-build/fuse/fuse.ko (modpost: no kernel or module exports it)',
      },
    ]);
    expect(parseLinkErrors(section('modpost-formats.txt', 'WARN'), (f) => f)).toEqual([]);
  });

  it('compiler errors and make noise are not link errors', () => {
    const noise = [
      "/src/linux/fs/fuse/file.c:12:5: error: 'x' undeclared (first use in this function)",
      'make[2]: *** [scripts/Makefile.build:250: fs/fuse/file.o] Error 1',
      'ld: error: unable to find library -lfoo',
      'cc: error: linker command failed with exit code 1 (use -v to see invocation)',
    ].join('\n');
    expect(parseLinkErrors(noise, (f) => f)).toEqual([]);
  });
});
