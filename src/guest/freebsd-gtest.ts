// The tree's write.cc googletest program in the guest: how it runs under the watchdog and how its
// XML report or console log becomes per-case results.
import type { TestResult } from '../report/model.js';
import type { TestSpec } from './adapter.js';
import { FREEBSD_PATHS } from './freebsd-paths.js';
import { parseGtestConsole, parseGtestXml } from './freebsd-parse.js';
import { shJoin, shQuote } from './quote.js';

/** The gtest run: in its own work folder (mockfs mounts under the cwd), output to the console and a log. */
export function gtestSpec(filter: string): TestSpec {
  const argv = [
    FREEBSD_PATHS.gtestBinary,
    `--gtest_filter=${filter}`,
    `--gtest_output=xml:${FREEBSD_PATHS.gtestXml}`,
  ];
  const status = `${FREEBSD_PATHS.work}/gtest.status`;
  // The pipeline's status would be tee's; the subshell keeps the test's own.
  const inner = `mkdir -p ${FREEBSD_PATHS.work}/gtest && cd ${FREEBSD_PATHS.work}/gtest && rm -f ${FREEBSD_PATHS.gtestXml} && ( ${shJoin(argv)}; echo $? > ${status} ) 2>&1 | tee ${FREEBSD_PATHS.gtestLog}; exit $(cat ${status})`;
  return {
    name: 'gtest/write',
    kind: 'gtest',
    command: `/bin/sh -c ${shQuote(inner)}`,
    xmlPath: FREEBSD_PATHS.gtestXml,
  };
}

export function filterOf(spec: TestSpec): string {
  return /--gtest_filter=([^ ']*)/.exec(spec.command)?.[1] ?? '*';
}

/**
 * Per-case results of one gtest run. With the XML: one result per case; a run that reported no
 * case is `error` "no test ran" (ARCHITECTURE: nothing ran is never a pass). Without the XML (the
 * run hung or died before writing it): the console's `[ RUN      ]` lines without an end name the
 * case that did not finish.
 */
export function gtestResultsFromRun(run: {
  xml?: string | undefined;
  consoleText: string;
  iteration: number;
  filter: string;
}): TestResult[] {
  const { iteration } = run;
  if (run.xml !== undefined) {
    let parsed: ReturnType<typeof parseGtestXml>;
    try {
      parsed = parseGtestXml(run.xml);
    } catch (e) {
      return [
        {
          name: 'gtest/write',
          status: 'error',
          durationMs: 0,
          iteration,
          message: `unreadable gtest XML: ${(e as Error).message}`,
        },
      ];
    }
    if (parsed.total === 0 || parsed.cases.length === 0) {
      return [
        {
          name: 'gtest/write',
          status: 'error',
          durationMs: 0,
          iteration,
          message: `no test ran: --gtest_filter=${run.filter} matched no test in write`,
        },
      ];
    }
    const results = parsed.cases.map((c) => {
      const r: TestResult = {
        name: `gtest/${c.name}`,
        status: c.status,
        durationMs: c.durationMs,
        iteration,
      };
      if (c.message) r.message = c.message;
      return r;
    });
    return [...results, ...allSkipped(results, run.filter, iteration)];
  }
  const con = parseGtestConsole(run.consoleText);
  if (con.started.length === 0) {
    return [
      {
        name: 'gtest/write',
        status: 'error',
        durationMs: 0,
        iteration,
        message: 'no test ran: no XML report and no [ RUN ] line on the console',
      },
    ];
  }
  const results: TestResult[] = [];
  for (const name of con.started) {
    const end = con.finished.get(name);
    if (end)
      results.push({
        name: `gtest/${name}`,
        status: end === 'OK' ? 'pass' : end === 'FAILED' ? 'fail' : 'skipped',
        durationMs: 0,
        iteration,
      });
    else
      results.push({
        name: `gtest/${name}`,
        status: 'hang',
        durationMs: 0,
        iteration,
        message: `started ([ RUN      ] ${name}) and never finished; no XML report was written`,
      });
  }
  return [...results, ...allSkipped(results, run.filter, iteration)];
}

/**
 * A run whose every case was skipped tested nothing: `error` "no test ran", never a pass (skipped
 * results decide no verdict, gate/verdict.ts). The tree's tests skip themselves when the machine
 * does not suit them (tests/sys/fs/fusefs/utils.cc check_environment: no or no accessible
 * /dev/fuse, mac_bsdextended enabled, a user not allowed to mount) and exit 0.
 */
function allSkipped(results: TestResult[], filter: string, iteration: number): TestResult[] {
  if (results.length === 0 || results.some((r) => r.status !== 'skipped')) return [];
  const why = results
    .find((r) => r.message)
    ?.message?.split('\n')
    .pop();
  return [
    {
      name: 'gtest/write',
      status: 'error',
      durationMs: 0,
      iteration,
      message: `no test ran: every case --gtest_filter=${filter} selected was skipped${why ? ` (${why})` : ''}`,
    },
  ];
}
