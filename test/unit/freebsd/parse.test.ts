// The FreeBSD readers (src/guest/freebsd-parse.ts) on transcripts whose every line kind follows a
// format string of the FreeBSD sources (test/fixtures/freebsd/README.md names them): kldstat in its
// current, old and plain forms, googletest's console and XML printers, clang's diagnostics.
import { describe, expect, it } from 'vitest';
import {
  findFusefs,
  parseCompilerErrors,
  parseLinkErrors,
  undefinedKernelSymbols,
  parseGtestConsole,
  parseGtestXml,
  parseKldstat,
} from '../../../src/guest/freebsd-parse.js';
import { section, transcript } from './fake-freebsd-shell.js';

describe('kldstat', () => {
  it('-v on main: every file with its path and modules, ids and refs of any width; dependencies are not modules', () => {
    const files = parseKldstat(transcript('kldstat-v-main.txt'));
    expect(files).toStrictEqual([
      {
        id: 1,
        refs: 57,
        address: '0xffffffff80200000',
        size: '1f3e2b0',
        name: 'kernel',
        path: '/boot/kernel/kernel',
        modules: ['elf64', 'shell', 'virtio_pci', 'vtblk'],
      },
      {
        id: 12,
        refs: 1,
        address: '0xffffffff82e40000',
        size: '21c38',
        name: 'fusefs.ko',
        path: '/gate/obj/gate/src/amd64.amd64/sys/modules/fusefs/fusefs.ko',
        modules: ['fusefs'],
      },
    ]);
    expect(findFusefs(files)?.id).toBe(12);
  });

  it('-v of the FreeBSD 8/9 years: a left-justified size column and two-wide module ids', () => {
    const files = parseKldstat(transcript('kldstat-v-old.txt'));
    expect(files.map((f) => [f.id, f.size, f.name, f.path, f.modules])).toEqual([
      [1, '11b4c48', 'kernel', '/boot/kernel/kernel', ['elf64', 'shell']],
      [2, '2178', 'smbus.ko', '/boot/kernel/smbus.ko', ['smbus']],
    ]);
  });

  it('without -v: files without path or modules, and fusefs.ko is found by its name', () => {
    const files = parseKldstat(transcript('kldstat-plain.txt'));
    expect(files.map((f) => f.name)).toEqual(['kernel', 'intpm.ko', 'smbus.ko', 'fusefs.ko']);
    for (const file of files) {
      expect('path' in file, file.name).toBe(false);
      expect(file.modules).toEqual([]);
    }
    expect(findFusefs(files)).toMatchObject({ id: 4, name: 'fusefs.ko' });
  });

  it('finds no fusefs where no file provides it or is named so', () => {
    const files = parseKldstat(transcript('kldstat-v-old.txt'));
    expect(findFusefs(files)).toBeUndefined();
    expect(findFusefs(parseKldstat(transcript('kldstat-plain.txt')).slice(0, 3))).toBeUndefined();
  });
});

describe('googletest console', () => {
  it('a failed value-parameterized test ends at its name, before ", where GetParam() = ..."; the hung test is the one left', () => {
    const log = parseGtestConsole(section('gtest-console-forms.txt', 'PARAM_FAIL_THEN_HANG'));
    expect(log.started).toEqual([
      'RA/TimeGran.timestamps_during_setattr/0',
      'RA/TimeGran.timestamps_during_setattr/1',
      'WriteBack.mmap_direct_io',
    ]);
    expect(log.finished.get('RA/TimeGran.timestamps_during_setattr/0')).toBe('OK');
    expect(log.finished.get('RA/TimeGran.timestamps_during_setattr/1')).toBe('FAILED');
    expect(log.unfinished).toEqual(['WriteBack.mmap_direct_io']);
    expect('ran' in log).toBe(false);
  });

  it('with --gtest_print_time=0 (no times) every test still ends', () => {
    const log = parseGtestConsole(section('gtest-console-forms.txt', 'NO_PRINT_TIME'));
    expect(log.started).toEqual(['Write.append', 'Write.mmap']);
    expect(log.finished.get('Write.append')).toBe('OK');
    expect(log.finished.get('Write.mmap')).toBe('SKIPPED');
    expect(log.unfinished).toEqual([]);
    expect(log.ran).toBe(2);
  });

  it.each([
    ['ONE_TEST', 1],
    ['MANY_SUITES', 117],
    ['OLD_TEST_CASE', 1],
    ['OLD_TEST_CASES', 12],
  ])('counts what ran: %s', (name, ran) => {
    expect(parseGtestConsole(section('gtest-console-forms.txt', name)).ran).toBe(ran);
  });

  it('a failed, a passed and a skipped test of the fail transcript, and nothing left unfinished', () => {
    const log = parseGtestConsole(transcript('gtest-fail.txt'));
    expect(log.started).toEqual(['Write.append_direct_io', 'Write.direct_io_short_write', 'Write.mmap']);
    expect([...log.finished].filter(([name]) => log.started.includes(name))).toEqual([
      ['Write.append_direct_io', 'FAILED'],
      ['Write.direct_io_short_write', 'OK'],
      ['Write.mmap', 'SKIPPED'],
    ]);
    expect(log.unfinished).toEqual([]);
    expect(log.ran).toBe(3);
  });
});

describe('googletest XML', () => {
  it('leaves out a DISABLED_ test, names parameterized tests by suite and name, joins every failure, unescapes', () => {
    const report = parseGtestXml(transcript('gtest-param.xml'));
    expect(report.total).toBe(4);
    expect(report.cases).toStrictEqual([
      { name: 'RA/TimeGran.timestamps_during_setattr/0', status: 'pass', durationMs: 6 },
      {
        name: 'RA/TimeGran.timestamps_during_setattr/1',
        status: 'fail',
        durationMs: 7,
        message: [
          '/gate/src/tests/sys/fs/fusefs/write.cc:1072',
          'Expected: (0) <= (fd), actual: 0 vs -1',
          'Input/output error',
          '/gate/src/tests/sys/fs/fusefs/write.cc:1073',
          "Value of: r > 0 && buf[0] == 'a'",
          '  Actual: false',
          'Expected: true',
        ].join('\n'),
      },
      {
        name: 'Write.direct_io_evicts_cache',
        status: 'fail',
        durationMs: 21,
        message:
          '/gate/src/tests/sys/fs/fusefs/write.cc:345\nExpected equality of these values:\n  readbuf\n    Which is: "abcdefgh"\n  CONTENTS1\n    Which is: "ijklmnop"',
      },
    ]);
  });

  it('a skipped test keeps its message', () => {
    const skipped = parseGtestXml(transcript('gtest-fail.xml')).cases.find((c) => c.status === 'skipped');
    expect(skipped).toStrictEqual({
      name: 'Write.mmap',
      status: 'skipped',
      durationMs: 1,
      message: '/gate/src/tests/sys/fs/fusefs/utils.cc:75\n/dev/fuse does not exist',
    });
  });

  it('a file that is not a googletest report (the program died before writing it) is an error saying so', () => {
    for (const text of ['', 'Segmentation fault (core dumped)\n', '<?xml version="1.0" encoding="UTF-8"?>\n'])
      expect(() => parseGtestXml(text)).toThrow('not a googletest XML report (no <testsuites>)');
  });
});

describe('the kernel linker and lld', () => {
  it('names the undefined symbol of a failed module load (one a load: relocate_file stops at the first), each once', () => {
    expect(undefinedKernelSymbols(section('kldload-errors.txt', 'DMESG'))).toEqual(['vn_fsync_buf_tail']);
    const twice = `${section('kldload-errors.txt', 'DMESG')}${section('kldload-errors.txt', 'DMESG')}`;
    expect(undefinedKernelSymbols(twice)).toEqual(['vn_fsync_buf_tail']);
    expect(undefinedKernelSymbols(section('kldload-errors.txt', 'VERSION'))).toEqual([]);
  });

  it('names no missing symbol when the relocation failed for its type (elf_reloc printed why first)', () => {
    expect(undefinedKernelSymbols(section('kldload-errors.txt', 'RELOC'))).toEqual([]);
    // The same symbol line after an ordinary one is a missing symbol again.
    const next = `${section('kldload-errors.txt', 'RELOC')}${section('kldload-errors.txt', 'DMESG')}`;
    expect(undefinedKernelSymbols(next)).toEqual(['vn_fsync_buf_tail']);
  });

  it("reads lld's errors of a failed kernel link, files relative to the tree; no compiler error among them", () => {
    const text = transcript('make-kernel-link-error.txt');
    expect(parseLinkErrors(text).map((e) => [e.kind, e.symbol, e.file, e.line])).toEqual([
      ['undefined', 'vn_pages_remove_valid', 'sys/kern/vfs_subr.c', 2613],
      ['duplicate', 'vn_pages_remove', 'sys/vm/vm_object.c', 2150],
      ['duplicate', 'vn_pages_remove', 'sys/kern/vfs_subr.c', 2590],
    ]);
    expect(parseCompilerErrors(text)).toEqual([]);
  });
});

describe('clang diagnostics', () => {
  it('two errors on one line at different columns are two; the same error printed twice is one', () => {
    const text = [
      '--- fuse_io.o ---',
      "/gate/src/sys/fs/fuse/fuse_io.c:120:5: error: use of undeclared identifier 'bogus'",
      "/gate/src/sys/fs/fuse/fuse_io.c:120:18: error: use of undeclared identifier 'bogus'",
      '--- fuse_vnops.o ---',
      "/gate/src/sys/fs/fuse/fuse_internal.h:80:1: error: unknown type name 'fuse_bogus_t'",
      '--- fuse_io.o ---',
      "/gate/src/sys/fs/fuse/fuse_internal.h:80:1: error: unknown type name 'fuse_bogus_t'",
    ].join('\n');
    expect(parseCompilerErrors(text).map((e) => [e.file, e.line, e.column])).toEqual([
      ['sys/fs/fuse/fuse_io.c', 120, 5],
      ['sys/fs/fuse/fuse_io.c', 120, 18],
      ['sys/fs/fuse/fuse_internal.h', 80, 1],
    ]);
  });

  it('a bare #error (clang prints nothing after "error: ") is still the tree\'s error', () => {
    const text = ['/gate/src/sys/fs/fuse/fuse_vnops.c:10:2: error: ', '   10 | #error', '      |  ^'].join(
      '\n',
    );
    expect(parseCompilerErrors(text)).toStrictEqual([
      { file: 'sys/fs/fuse/fuse_vnops.c', line: 10, column: 2, message: '', severity: 'error' },
    ]);
  });

  it('a diagnostic without a column (-fno-show-column, or column 0) has none', () => {
    const [error] = parseCompilerErrors(
      "/gate/src/sys/fs/fuse/fuse_io.c:120: error: use of undeclared identifier 'bogus'\n",
    );
    expect(error).toStrictEqual({
      file: 'sys/fs/fuse/fuse_io.c',
      line: 120,
      message: "use of undeclared identifier 'bogus'",
      severity: 'error',
    });
  });
});
