// Fixed GateReports for the summary and JUnit tests: threads from the stack fixtures, the signature
// and known bug written out.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GateReport, Thread } from '../../../src/report/model.js';
import { parseStacks } from '../../../src/report/stacks.js';

const STACKS = path.join(import.meta.dirname, '../../fixtures/stacks');

export function fixtureThreads(name: string): Thread[] {
  return parseStacks(readFileSync(path.join(STACKS, name), 'utf8'));
}

/**
 * The fixture's one stuck thread, chosen by hand, not by the code under test: tid 100154, the
 * workload asleep in vm_page_busy_sleep (ps STAT `D`). The other two are the FUSE daemon reading
 * /dev/fuse and the watchdog's shell in wait4, both in an interruptible sleep.
 */
const STUCK_TID = 100_154;

/** A FreeBSD run that hung on bug 247276 in the mmap-write workload. */
export function hangReport(): GateReport {
  const threads = fixtureThreads('freebsd-watchdog-247276-current-tree.transcript.txt');
  return {
    verdict: 'hang',
    reason:
      'workload/mmap-write did not finish within 30 s; the same threads were asleep at the same frames in both samples.',
    exitCode: 1,
    guest: 'freebsd',
    accelerator: 'tcg',
    acceleratorNote: '/dev/kvm opened but a probe guest failed: failed to set MSR 0x10a',
    image: {
      description: 'FreeBSD 15.0-CURRENT amd64 BASIC-CI ufs (snapshot 20251120-abc123def-271234)',
      url: 'https://download.freebsd.org/snapshots/CI-IMAGES/15.0-CURRENT/amd64/20251120/FreeBSD-15.0-CURRENT-amd64-BASIC-CI-20251120-abc123def-271234-ufs.raw.xz',
      sha512:
        '9f2c4a1be07d3e5f60718293a4b5c6d7e8f9012345678abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab',
    },
    build: { mode: 'module', why: 'only sys/fs/fuse changed', ok: true },
    proof: {
      ok: true,
      details: [
        'kldstat -v: fusefs.ko loaded from /gate/build/fusefs.ko',
        'SHA-256 of the loaded module matches the build: 3b1f0c…',
      ],
    },
    tests: [
      { name: 'workload/write-readback', status: 'pass', durationMs: 812, iteration: 1 },
      {
        name: 'workload/mmap-write',
        status: 'hang',
        durationMs: 30_012,
        iteration: 1,
        message: 'no exit after 30 s (watchdog: stuck)',
        output: 'mmap-write: open /mnt/fg/mmap-write.dat\nmmap-write: munmap\nmmap-write: close',
        threads: threads.filter((t) => t.tid === STUCK_TID),
      },
      {
        name: 'gtest/WriteBack.mmap_direct_io',
        status: 'skipped',
        durationMs: 0,
        iteration: 1,
        message: 'not run after a hang',
      },
    ],
    // Written out, not computed with the code under test: what a person reads off the fixture's
    // stuck thread (vm_page_busy_sleep under fuse_inval_buf_range) and the catalogue entry it is.
    signature: 'hang in vm_page_busy_sleep from fuse_inval_buf_range',
    knownBug: {
      id: 'freebsd-247276',
      title: "fusefs: mmap'd write to a FOPEN_DIRECT_IO file deadlocks in vm_page_busy_sleep (bug 247276)",
      url: 'https://bugs.freebsd.org/bugzilla/show_bug.cgi?id=247276',
    },
    threads,
    phases: [
      { phase: 'image', durationMs: 41_200, outcome: 'ok', note: 'cache hit' },
      { phase: 'boot', durationMs: 48_900, outcome: 'ok' },
      { phase: 'build', durationMs: 95_300, outcome: 'ok' },
      { phase: 'tests', durationMs: 36_100, outcome: 'timeout', note: 'workload/mmap-write hung' },
      { phase: 'teardown', durationMs: 1_100, outcome: 'ok' },
    ],
    bootAttempts: 1,
    startedAt: '2025-11-24T18:00:00.000Z',
    finishedAt: '2025-11-24T18:03:43.000Z',
    files: {
      report: 'out/report.json',
      serialLog: 'out/serial.log',
      stacks: 'out/stacks.txt',
      junit: 'out/junit.xml',
    },
  };
}

/** A hang whose capture holds 200 blocked threads (and a few idle ones). */
export function bigHangReport(): GateReport {
  const report = hangReport();
  const bug = report.threads.find((t) => t.tid === STUCK_TID);
  const idle = report.threads.filter((t) => t.tid !== STUCK_TID);
  const many: Thread[] = [];
  for (let i = 0; i < 200; i++) {
    const t = structuredClone(bug) as Thread;
    t.pid = 2000 + i;
    t.tid = 102000 + i;
    t.comm = `worker-${i}`;
    many.push(t);
  }
  report.threads = [...many, ...idle];
  report.tests = Array.from({ length: 120 }, (_, i) => ({
    name: `gtest/Write.case_${String(i).padStart(3, '0')}`,
    status: i === 117 ? ('hang' as const) : ('pass' as const),
    durationMs: 100 + i,
    iteration: 1,
  }));
  return report;
}
