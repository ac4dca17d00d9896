import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCompilerErrors, parseLinkErrors } from '../../../src/guest/freebsd-parse.js';
import { annotationsFor } from '../../../src/action/annotations.js';
import type { GateReport } from '../../../src/report/model.js';
import { hangReport } from '../report/sample-reports.js';

const context = { sourceTree: '/ws/src', workspace: '/ws', failing: true };

describe('annotationsFor', () => {
  it('one error for a failing verdict, titled with the signature and naming the known bug', () => {
    const [first, ...rest] = annotationsFor(hangReport(), context);
    expect(first).toMatchObject({
      level: 'error',
      properties: { title: 'hang in vm_page_busy_sleep from fuse_inval_buf_range' },
    });
    expect(first!.message).toMatch(/^fusefs-gate verdict hang: .*Known bug: .*247276/);
    expect(rest).toEqual([]);
  });

  it('annotates compiler errors of the tree at file:line, relative to the workspace', () => {
    const report: GateReport = {
      ...hangReport(),
      verdict: 'fail',
      signature: undefined,
      knownBug: undefined,
      reason: 'the target tree did not compile',
      build: {
        mode: 'module',
        why: 'x',
        ok: false,
        compilerErrors: [
          {
            file: 'sys/fs/fuse/fuse_io.c',
            line: 412,
            column: 7,
            message: "use of undeclared identifier 'pages'",
          },
        ],
      },
    };
    const all = annotationsFor(report, context);
    // As the FreeBSD build parser hands them over from a failed module build.
    const errors = parseCompilerErrors(
      readFileSync(path.join(import.meta.dirname, '../../fixtures/freebsd/make-module-error.txt'), 'utf8'),
    );
    const parsed = annotationsFor(
      { ...report, build: { ...report.build!, compilerErrors: errors } },
      context,
    );
    expect(parsed.slice(1).map((a) => a.properties)).toEqual([
      {
        title: 'compiler error in the tree under test',
        file: 'src/sys/fs/fuse/fuse_vnops.c',
        startLine: 1873,
        startColumn: 8,
      },
      {
        title: 'compiler error in the tree under test',
        file: 'src/sys/fs/fuse/fuse_vnops.c',
        startLine: 1880,
        startColumn: 30,
      },
    ]);
    expect(all[1]).toEqual({
      level: 'error',
      message: "use of undeclared identifier 'pages'",
      properties: {
        title: 'compiler error in the tree under test',
        file: 'src/sys/fs/fuse/fuse_io.c',
        startLine: 412,
        startColumn: 7,
      },
    });
  });

  it('annotates link errors at file:line when the linker named a line, and on the step without a file otherwise', () => {
    // As the FreeBSD kernel build hands them over (lld's output), plus one with no source line.
    const linkErrors = [
      ...parseLinkErrors(
        readFileSync(
          path.join(import.meta.dirname, '../../fixtures/freebsd/make-kernel-link-error.txt'),
          'utf8',
        ),
      ).slice(0, 1),
      {
        kind: 'undefined' as const,
        symbol: 'fusefs_gate_nowhere',
        message: 'undefined symbol fusefs_gate_nowhere, referenced by fuse_vnops.o:(fuse_vnop_write)',
      },
    ];
    const report: GateReport = {
      ...hangReport(),
      verdict: 'fail',
      signature: undefined,
      knownBug: undefined,
      reason: 'the target tree did not build',
      build: { mode: 'kernel', why: 'x', ok: false, linkErrors },
    };
    expect(annotationsFor(report, context).slice(1)).toEqual([
      {
        level: 'error',
        message: 'undefined symbol vn_pages_remove_valid, referenced by vfs_subr.o:(v_inval_buf_range)',
        properties: {
          title: 'link error in the tree under test',
          file: 'src/sys/kern/vfs_subr.c',
          startLine: 2613,
        },
      },
      {
        level: 'error',
        message: 'undefined symbol fusefs_gate_nowhere, referenced by fuse_vnops.o:(fuse_vnop_write)',
        properties: { title: 'link error in the tree under test' },
      },
    ]);
  });

  it('warnings, not errors, when the verdict does not fail the job; an allowed error says it was let through', () => {
    const fail = annotationsFor(
      { ...hangReport(), verdict: 'fail', reason: 'workload/x: exit 1' },
      { ...context, failing: false },
    );
    expect(fail.map((a) => a.level)).toEqual(['warning']);
    const allowed = annotationsFor(
      {
        ...hangReport(),
        verdict: 'error',
        signature: undefined,
        knownBug: undefined,
        reason: 'boot did not reach a shell',
      },
      { ...context, failing: false },
    );
    expect(allowed).toHaveLength(1);
    expect(allowed[0]).toMatchObject({ level: 'warning', properties: { title: 'fusefs-gate: error' } });
    expect(allowed[0]!.message).toMatch(/An undecided run was let through \(allow-error: true\)/);
  });

  it('nothing for a pass', () => {
    expect(annotationsFor({ ...hangReport(), verdict: 'pass' }, context)).toEqual([]);
  });
});
