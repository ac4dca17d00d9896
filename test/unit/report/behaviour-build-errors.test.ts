// Build errors as the tree's own: what a reader of a failed build must be told (which file and line
// the compiler or linker blamed, once each), from real output of this host's gcc 12, GNU as and GNU ld
// 2.40 (test/fixtures/compiler-errors/gcc-12-real.txt, test/fixtures/link-errors/gnu-ld-2.40-data-real.txt,
// each naming the commands that made it) and from lines written from the tools' sources where the
// tool cannot run here (clang, lld: the source is named beside each such line).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCompilerErrors, relativeTo } from '../../../src/report/compiler-errors.js';
import { parseLinkErrors } from '../../../src/report/link-errors.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** One `=== NAME` section of a fixture, without its `#@` provenance lines. */
function section(file: string, name: string): string {
  const lines = readFileSync(path.join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#@'));
  const start = lines.indexOf(`=== ${name}`);
  if (start < 0) throw new Error(`no section ${name} in ${file}`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('=== '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

const GCC = 'compiler-errors/gcc-12-real.txt';
const LD = 'link-errors/gnu-ld-2.40-data-real.txt';
const tree = relativeTo('/tmp/mrb-tree');

describe('compiler errors (gcc 12, real)', () => {
  it('each error at its file, line and column, with its message; notes, carets and cc1 lines are not errors', () => {
    expect(parseCompilerErrors(section(GCC, 'FILE'), tree)).toStrictEqual([
      {
        file: 'fs/fuse/fuse_i.h',
        line: 1,
        column: 51,
        message:
          "'fuse_gate_undeclared' undeclared (first use in this function); did you mean 'fuse_gate_helper'?",
        severity: 'error',
      },
      // The same warning made an error twice on one line: two mistakes, told apart by their columns.
      {
        file: 'fs/fuse/file.c',
        line: 2,
        column: 21,
        message:
          "initialization of 'char *' from 'int' makes pointer from integer without a cast [-Werror=int-conversion]",
        severity: 'error',
      },
      {
        file: 'fs/fuse/file.c',
        line: 2,
        column: 39,
        message:
          "initialization of 'char *' from 'int' makes pointer from integer without a cast [-Werror=int-conversion]",
        severity: 'error',
      },
      {
        file: 'fs/fuse/file.c',
        line: 4,
        column: 10,
        message: "'fuse_gate_bogus' undeclared (first use in this function); did you mean 'fuse_gate_b'?",
        severity: 'error',
      },
      // gcc prints `error: #error ` with a blank after the bare directive: not part of what it said.
      { file: 'fs/fuse/file.c', line: 6, column: 2, message: '#error', severity: 'error' },
    ]);
  });

  it('a header error that two files print is one error; a missing header is a fatal error of the tree', () => {
    const both = `${section(GCC, 'FILE')}\n${section(GCC, 'DIR')}`;
    const errors = parseCompilerErrors(both, tree);
    expect(errors.filter((e) => e.file === 'fs/fuse/fuse_i.h')).toHaveLength(1);
    expect(errors.at(-1)).toStrictEqual({
      file: 'fs/fuse/dir.c',
      line: 2,
      column: 10,
      message: 'fuse_gate_missing.h: No such file or directory',
      severity: 'fatal error',
    });
    expect(errors).toHaveLength(6);
  });

  it("GNU as's error in the tree's assembly source is the tree's error, at its line (as prints no column)", () => {
    expect(parseCompilerErrors(section(GCC, 'ASM'), tree)).toStrictEqual([
      {
        file: 'fs/fuse/asm.S',
        line: 3,
        message: "no such instruction: `bogus_insn %rax'",
        severity: 'error',
      },
    ]);
  });

  it('without columns (-fno-show-column): no column; the two same errors of one line can no longer be told apart', () => {
    const errors = parseCompilerErrors(section(GCC, 'NOCOLUMN'), tree);
    expect(errors.map((e) => [e.file, e.line, e.message.slice(0, 20)])).toEqual([
      ['fs/fuse/fuse_i.h', 1, "'fuse_gate_undeclare"],
      ['fs/fuse/file.c', 2, "initialization of 'c"],
      ['fs/fuse/file.c', 4, "'fuse_gate_bogus' un"],
      ['fs/fuse/file.c', 6, '#error'],
    ]);
    for (const e of errors) expect(Object.keys(e)).not.toContain('column');
  });

  it("clang's bare #error: an error with an empty message", () => {
    // clang/lib/Frontend/TextDiagnostic.cpp: emitDiagnosticLoc prints `FILE:LINE:COL: `,
    // printDiagnosticLevel `error: `, then the message: err_pp_hash_error is "%0", empty for a bare #error.
    expect(
      parseCompilerErrors('/gate/src/sys/fs/fuse/fuse_vnops.c:10:2: error: \n', relativeTo('/gate/src/')),
    ).toStrictEqual([
      { file: 'sys/fs/fuse/fuse_vnops.c', line: 10, column: 2, message: '', severity: 'error' },
    ]);
  });

  it('warnings of gcc and GNU as, and what the driver and make print, are no compiler errors', () => {
    expect(parseCompilerErrors(section(GCC, 'WARNINGS'), tree)).toEqual([]);
    const noise = [
      // gcc's driver when the linker failed (the link errors say why): real, this host's gcc 12.
      'collect2: error: ld returned 1 exit status',
      // GNU make's line for the failed target: real, test/fixtures/link-errors/gnu-ld-linux-6.1-vmlinux-real.txt.
      'make[1]: *** [/root/.cache/fusefs-gate/test-trees/linux-kernel-6.1.176-1/Makefile:1281: vmlinux] Error 2',
    ].join('\n');
    expect(parseCompilerErrors(noise, tree)).toEqual([]);
  });
});

describe('file names relative to the tree', () => {
  it('a file under the folder loses the folder (with or without its slash); one outside is kept as printed', () => {
    for (const folder of ['/tmp/mrb-tree', '/tmp/mrb-tree/']) {
      const rel = relativeTo(folder);
      expect(rel('/tmp/mrb-tree/fs/fuse/file.c')).toBe('fs/fuse/file.c');
      expect(rel('/usr/include/stdio.h')).toBe('/usr/include/stdio.h');
      // A sibling folder whose name starts the same is not inside the tree.
      expect(rel('/tmp/mrb-tree2/fs/fuse/file.c')).toBe('/tmp/mrb-tree2/fs/fuse/file.c');
    }
  });

  it('a replacement names the folder as the tree knows it (the module build copies fs/fuse out)', () => {
    const rel = relativeTo('/cache/linux-fuse-build/fuse', 'fs/fuse/');
    expect(rel('/cache/linux-fuse-build/fuse/file.c')).toBe('fs/fuse/file.c');
    expect(rel('/cache/linux-fuse-build/other/file.c')).toBe('/cache/linux-fuse-build/other/file.c');
  });
});

describe('GNU ld 2.40 data references and definitions (real)', () => {
  it('no function (a data symbol): the source file and line of the object, not the object', () => {
    expect(parseLinkErrors(section(LD, 'DATA'), tree)).toStrictEqual([
      {
        kind: 'duplicate',
        symbol: 'fuse_gate_event',
        file: 'fs/fuse/control.c',
        line: 1,
        message:
          'multiple definition of fuse_gate_event in fs/fuse/control.o:/tmp/mrb-tree/fs/fuse/control.c:1, first defined at fs/fuse/inode.o:/tmp/mrb-tree/fs/fuse/inode.c:1',
      },
      {
        kind: 'undefined',
        symbol: 'fuse_gate_table_entry',
        file: 'fs/fuse/control.c',
        line: 3,
        message:
          'undefined reference to fuse_gate_table_entry in fs/fuse/control.o:/tmp/mrb-tree/fs/fuse/control.c:3',
      },
    ]);
  });

  it('without debug info: the errors, with no file or line (a section offset is no source place)', () => {
    expect(parseLinkErrors(section(LD, 'DATA-NODEBUG'), tree)).toStrictEqual([
      {
        kind: 'duplicate',
        symbol: 'fuse_gate_event',
        message:
          'multiple definition of fuse_gate_event in fs/fuse/control-nodebug.o:(.data+0x0), first defined at fs/fuse/inode-nodebug.o:(.bss+0x0)',
      },
      {
        kind: 'undefined',
        symbol: 'fuse_gate_table_entry',
        message: 'undefined reference to fuse_gate_table_entry in fs/fuse/control-nodebug.o:(.data.rel+0x0)',
      },
    ]);
  });

  it('a source file named warning.c is not a warning: its undefined reference is an error', () => {
    expect(parseLinkErrors(section(LD, 'WARNING-NAMED'), tree)).toStrictEqual([
      {
        kind: 'undefined',
        symbol: 'fusefs_gate_nowhere',
        message: 'undefined reference to fusefs_gate_nowhere in fuse_gate_caller (fs/fuse/warning.o)',
      },
    ]);
  });

  it('an object named warning.o is not a warning either: both errors of its data symbols are kept', () => {
    expect(parseLinkErrors(section(LD, 'WARNING-OBJECT'), tree).map((e) => [e.kind, e.symbol])).toEqual([
      ['duplicate', 'fuse_gate_event'],
      ['undefined', 'fuse_gate_table_entry'],
    ]);
  });

  it('--warn-unresolved-symbols: the references are warnings, the multiple definition stays an error', () => {
    expect(parseLinkErrors(section(LD, 'WARN-UNRESOLVED'), tree).map((e) => [e.kind, e.symbol])).toEqual([
      ['duplicate', 'fuse_gate_event'],
    ]);
  });

  it('the same output with CRLF line ends (a log saved on Windows) reads the same', () => {
    const real = section(LD, 'DATA');
    expect(parseLinkErrors(real.replace(/\n/g, '\r\n'), tree)).toStrictEqual(parseLinkErrors(real, tree));
    const modpost = readFileSync(path.join(FIXTURES, 'link-errors/modpost-6.1-real.txt'), 'utf8');
    expect(parseLinkErrors(modpost.replace(/\n/g, '\r\n'), (f) => f).map((e) => e.symbol)).toEqual([
      'fusefs_gate_defined_nowhere',
    ]);
  });

  it('a multiple definition with no first definition to name', () => {
    // binutils ld/ldmain.c multiple_definition: `%X%P: %C: multiple definition of `%pT'`, and
    // `; %D: first defined here` only when the old definition has a bfd (obfd != NULL).
    const line =
      "ld: fs/fuse/control.o:/tmp/mrb-tree/fs/fuse/control.c:1: multiple definition of `fuse_gate_event'";
    expect(parseLinkErrors(line, tree)).toStrictEqual([
      {
        kind: 'duplicate',
        symbol: 'fuse_gate_event',
        file: 'fs/fuse/control.c',
        line: 1,
        message:
          'multiple definition of fuse_gate_event in fs/fuse/control.o:/tmp/mrb-tree/fs/fuse/control.c:1',
      },
    ]);
  });
});

describe('lld forms (written from lld/ELF: Relocations.cpp reportUndefinedSymbol, Symbols.cpp reportDuplicate, InputFiles.cpp createFileLineMsg)', () => {
  const gate = relativeTo('/gate/src');

  it('a reference without a place has no file or line at all', () => {
    // getSrcMsg empty (no debug info, no STT_FILE): `>>> referenced by ` + getObjMsg directly.
    const text = [
      'ld: error: undefined symbol: fusefs_gate_nowhere',
      '>>> referenced by fuse_vnops.o:(fuse_vnop_write)',
    ];
    expect(parseLinkErrors(text.join('\n'), gate)).toStrictEqual([
      {
        kind: 'undefined',
        symbol: 'fusefs_gate_nowhere',
        message: 'undefined symbol fusefs_gate_nowhere, referenced by fuse_vnops.o:(fuse_vnop_write)',
      },
    ]);
  });

  it('a bare NAME:LINE (the path has no folder, so createFileLineMsg prints it once) is a place', () => {
    const text = [
      'ld: error: undefined symbol: vn_pages_remove_valid',
      '>>> referenced by vfs_subr.c:2613',
      '>>>               vfs_subr.o:(v_inval_buf_range)',
    ];
    expect(parseLinkErrors(text.join('\n'), gate)).toStrictEqual([
      {
        kind: 'undefined',
        symbol: 'vn_pages_remove_valid',
        file: 'vfs_subr.c',
        line: 2613,
        message: 'undefined symbol vn_pages_remove_valid, referenced by vfs_subr.o:(v_inval_buf_range)',
      },
    ]);
  });

  it('two references from one function at the same line of two files (an inline from a header) are two', () => {
    const text = [
      'ld: error: undefined symbol: vn_pages_remove_valid',
      '>>> referenced by buf.h:120 (/gate/src/sys/sys/buf.h:120)',
      '>>>               vfs_subr.o:(v_inval_buf_range)',
      '>>> referenced by vfs_subr.c:120 (/gate/src/sys/kern/vfs_subr.c:120)',
      '>>>               vfs_subr.o:(v_inval_buf_range)',
    ];
    expect(parseLinkErrors(text.join('\n'), gate).map((e) => `${e.file}:${e.line}`)).toEqual([
      'sys/sys/buf.h:120',
      'sys/kern/vfs_subr.c:120',
    ]);
  });

  it('a duplicate of which only one definition has a source line: one place, the message names both', () => {
    // reportDuplicate: `>>> defined at ` + src + `\n>>>            ` + obj, or obj directly when src is empty.
    const text = [
      'ld: error: duplicate symbol: vn_pages_remove',
      '>>> defined at vm_object.c:2150 (/gate/src/sys/vm/vm_object.c:2150)',
      '>>>            vm_object.o:(vn_pages_remove)',
      '>>> defined at fuse_blob.o:(vn_pages_remove)',
    ];
    expect(parseLinkErrors(text.join('\n'), gate)).toStrictEqual([
      {
        kind: 'duplicate',
        symbol: 'vn_pages_remove',
        file: 'sys/vm/vm_object.c',
        line: 2150,
        message:
          'duplicate symbol vn_pages_remove, defined in vm_object.o:(vn_pages_remove) and in fuse_blob.o:(vn_pages_remove)',
      },
    ]);
  });

  it('output that ends inside an error (a cut log, no final newline) still gives the error', () => {
    // The error's first line only: the references were cut off.
    expect(parseLinkErrors('ld: error: undefined symbol: fusefs_gate_nowhere', gate)).toStrictEqual([
      { kind: 'undefined', symbol: 'fusefs_gate_nowhere', message: 'undefined symbol fusefs_gate_nowhere' },
    ]);
    const cut = [
      'ld: error: undefined symbol: fusefs_gate_nowhere',
      '>>> referenced by fuse_vnops.o:(fuse_vnop_write)',
    ];
    expect(parseLinkErrors(cut.join('\n'), gate).map((e) => e.message)).toEqual([
      'undefined symbol fusefs_gate_nowhere, referenced by fuse_vnops.o:(fuse_vnop_write)',
    ]);
  });
});
