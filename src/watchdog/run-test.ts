// Layer 1 of the watchdog seen from the host: start a test under guest/watchdog.sh, follow its
// markers, and turn them into a TestResult. When the markers stop coming, the guest itself is
// wedged: that is for the host backstop (GuestUnresponsiveError), not for this layer.

import { stripMarkerLines, type SerialConsole } from '../console/serial-console.js';
import { markerPattern, framedCommand } from '../console/markers.js';
import { CommandTimeoutError } from '../guest/shell.js';
import type { GuestAdapter, TestSpec } from '../guest/adapter.js';
import type { TestResult, Thread } from '../report/model.js';
import { BIN_DIR } from '../guest/common.js';
import { compareSamples } from './compare.js';

export interface WatchdogSettings {
  /** The test's deadline. */
  timeoutSec: number;
  /** Seconds between the two stack samples. */
  gapSec: number;
  /** How long past the deadline the host waits for the guest watchdog to speak before calling the guest wedged. */
  graceMs: number;
  /** How long one stack capture may take. */
  captureMs: number;
}

export const DEFAULT_WATCHDOG: Omit<WatchdogSettings, 'timeoutSec'> = {
  gapSec: 1,
  graceMs: 8_000,
  captureMs: 30_000,
};

/** The guest stopped answering during a test; carries what was seen before it went silent. */
export class GuestUnresponsiveError extends Error {
  constructor(
    readonly test: string,
    readonly stage: string,
    readonly partialSamples: string[],
    readonly lastOutput: string,
  ) {
    super(`the guest stopped responding during ${test} (${stage})`);
    this.name = 'GuestUnresponsiveError';
  }
}

/**
 * The guest watchdog ended (its command's `end:` marker) without the test marker it should have
 * printed first: it refused its arguments or broke. The gate's own failure, never the tree's.
 */
export class WatchdogBrokeError extends Error {
  constructor(
    readonly test: string,
    readonly stage: string,
    readonly exitStatus: number,
    readonly output: string,
  ) {
    super(
      `the guest watchdog ended (exit ${exitStatus}) while the host waited for ${stage} of ${test}${output.trim() ? `: ${output.trim().split('\n').slice(-3).join(' | ')}` : ''}`,
    );
    this.name = 'WatchdogBrokeError';
  }
}

/** Seconds as watchdog.sh reads TIMEOUT_S: a whole number or up to three decimals, never an exponent. */
export function watchdogSeconds(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(3).replace(/0+$/, '');
}

export interface WatchedRun {
  result: TestResult;
  /** Both samples' threads, for the report's full stack file. */
  samples: Thread[][];
}

let testCounter = 0;
const MAX_OUTPUT = 64 * 1024;

export async function runUnderWatchdog(
  console: SerialConsole,
  adapter: GuestAdapter,
  spec: TestSpec,
  iteration: number,
  settings: WatchdogSettings,
): Promise<WatchedRun> {
  const nonce = console.nonce;
  const id = `t${++testCounter}`;
  const started = Date.now();
  const watchdog = `sh ${BIN_DIR}/watchdog.sh ${nonce} ${id} ${watchdogSeconds(settings.timeoutSec)} ${settings.gapSec} -- ${spec.command}`;
  const name = spec.name;
  // Every wait before the last also watches for the watchdog command's own end marker: once it is
  // there no test marker can follow, so waiting on would turn the gate's failure into a false hang.
  const endMarker = `end:${id}:(\\d+)`;
  const step = async (pattern: string, timeoutMs: number, stage: string, partial: string[] = []) => {
    let match: Awaited<ReturnType<SerialConsole['expect']>>;
    try {
      match = await console.expect(markerPattern(nonce, `(?:(?:${pattern})|${endMarker})`), {
        timeoutMs,
        awaited: `${stage} of ${name}`,
      });
    } catch (error) {
      if (error instanceof CommandTimeoutError)
        throw new GuestUnresponsiveError(name, stage, partial, error.lastOutput);
      throw error;
    }
    const ended = match[match.length - 1];
    if (ended !== undefined)
      throw new WatchdogBrokeError(name, stage, Number(ended), stripMarkerLines(match.before, nonce));
    return match;
  };
  const finalEnd = async (partial: string[] = []) => {
    try {
      await console.expect(markerPattern(nonce, endMarker), {
        timeoutMs: 15_000,
        awaited: `the watchdog exit of ${name}`,
      });
    } catch (error) {
      if (error instanceof CommandTimeoutError)
        throw new GuestUnresponsiveError(name, 'the watchdog exit', partial, error.lastOutput);
      throw error;
    }
  };

  console.send(`${framedCommand(nonce, id, watchdog)}\n`);
  await step(`begin:${id}`, 15_000, 'the start');
  const first = await step(
    `test:${id}:(exit|deadline):(\\d+)(?::(\\d+))?`,
    settings.timeoutSec * 1000 + settings.graceMs,
    'the end or the deadline',
  );
  const output = trimOutput(stripMarkerLines(first.before, nonce));

  if (first[1] === 'exit') {
    const status = Number(first[2]);
    const elapsed = Number(first[3] ?? Date.now() - started);
    await finalEnd();
    return {
      result: {
        name,
        status: status === 0 ? 'pass' : 'fail',
        durationMs: elapsed,
        iteration,
        output,
        ...(status === 0
          ? {}
          : {
              message: `exited with status ${status}${failureLineOf(output) ? `: ${failureLineOf(output)}` : ''}`,
            }),
      },
      samples: [],
    };
  }

  // Past the deadline: two samples, then the guest watchdog's word on whether the test is still there.
  const samplesText: string[] = [];
  const sample1 = await step('sample:1:end', settings.captureMs, 'the first stack sample', samplesText);
  samplesText.push(sample1.before);
  const sample2 = await step(
    'sample:2:end',
    settings.gapSec * 1000 + settings.captureMs,
    'the second stack sample',
    samplesText,
  );
  samplesText.push(sample2.before);
  const last = await step(
    `test:${id}:(late-exit|stuck):(\\d+)(?::(\\d+))?`,
    15_000,
    'the watchdog verdict',
    samplesText,
  );
  await finalEnd(samplesText);

  const samples = samplesText.map((text, index) =>
    adapter.parseSample(sampleBody(text, nonce)).map((thread) => ({ ...thread, sample: index + 1 })),
  );
  const [before, after] = [samples[0] ?? [], samples[1] ?? []];
  const deadlineMs = settings.timeoutSec * 1000;
  if (last[1] === 'late-exit') {
    return {
      result: {
        name,
        status: 'fail',
        durationMs: Number(last[3] ?? deadlineMs),
        iteration,
        output,
        message: `timed out while making progress: passed its ${settings.timeoutSec} s deadline and finished during the second sample (status ${last[2]})`,
        threads: before,
      },
      samples,
    };
  }
  const comparison = compareSamples(before, after, testTreeOf(samplesText[0] ?? '', nonce));
  return {
    result: {
      name,
      status: comparison.stuck ? 'hang' : 'fail',
      durationMs: Number(last[2]),
      iteration,
      output,
      message: comparison.stuck
        ? `did not finish within ${settings.timeoutSec} s: ${comparison.explanation}`
        : `timed out while making progress (${settings.timeoutSec} s deadline): ${comparison.explanation}`,
      threads: before,
    },
    samples,
  };
}

/** The test's process tree the watchdog printed in a sample (`tree:PID,PID,...`); empty when absent. */
export function testTreeOf(sampleText: string, nonce: string): Set<number> {
  const tree = markerPattern(nonce, 'tree:([0-9,]*)').exec(sampleText);
  return new Set((tree?.[1] ?? '').split(',').filter(Boolean).map(Number));
}

/** The text of a sample block, without its begin marker line. */
function sampleBody(text: string, nonce: string): string {
  const begin = markerPattern(nonce, 'sample:\\d+:begin').exec(text);
  return begin ? text.slice(begin.index + begin[0].length) : text;
}

function trimOutput(text: string): string {
  return text.length > MAX_OUTPUT
    ? `[... ${text.length - MAX_OUTPUT} bytes cut ...]\n${text.slice(-MAX_OUTPUT)}`
    : text;
}

/**
 * The line that says why a test failed: the last one saying `failed` (the workloads' error format,
 * docs/guest-protocol.md), since a second process may print after it; else the last line.
 */
function failureLineOf(text: string): string | undefined {
  const lines = text
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.findLast((line) => /\bfailed\b/.test(line)) ?? lines.at(-1);
}
