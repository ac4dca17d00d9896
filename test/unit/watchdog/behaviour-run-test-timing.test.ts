// The host half of the watchdog against a guest that answers late, goes silent or goes away (issue
// 16), on fake timers: the real capture of guest/watchdog.sh (test/fixtures/linux/README.md), cut at
// its markers, is delivered piece by piece at chosen times by a stand-in serial port. What is tested
// is the protocol's contract (docs/guest-protocol.md, ARCHITECTURE "The watchdog, in layers"): the
// deadline and the stack samples get their bounds and not less, a guest that stops talking is the
// backstop's (GuestUnresponsiveError naming the stage and what was sampled), QEMU going away is
// ConsoleClosedError, and the adapter is handed each sample without its markers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleClosedError } from '../../../src/console/errors.js';
import { SerialConsole } from '../../../src/console/serial-console.js';
import type { GuestAdapter, TestSpec } from '../../../src/guest/adapter.js';
import { LINUX_CONSOLE, LinuxGuest } from '../../../src/guest/linux.js';
import type { LinuxGuestImage } from '../../../src/image/linux-guest.js';
import {
  DEFAULT_WATCHDOG,
  GuestUnresponsiveError,
  runUnderWatchdog,
  type WatchdogSettings,
  WatchdogBrokeError,
} from '../../../src/watchdog/run-test.js';
import { ListenerStream } from '../../helpers/scripted-stream.js';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/linux');
const STALL = readFileSync(path.join(FIXTURES, 'watchdog-stall-write.capture.txt'), 'latin1');
const PASS = readFileSync(path.join(FIXTURES, 'watchdog-pass.capture.txt'), 'latin1');
const NONCE = 'feedc0ffee42';

/** The capture renamed to the nonce and test id the gate chose. */
function renamed(capture: string, id: string): string {
  const captured = /@@fg:(\w+):/.exec(capture)![1]!;
  return capture.replaceAll(captured, NONCE).replace(/:t1([:@])/g, `:${id}$1`);
}

/**
 * The capture cut after each marker line that ends a stage the host waits for: the start, the
 * deadline (or the exit), each sample's end, the watchdog's word, the command's end.
 */
function stages(capture: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const line of capture.split(/(?<=\n)/)) {
    piece += line;
    if (
      /:test:\w+:start@@|:test:\w+:(exit|deadline):|:sample:\d:end@@|:(stuck|late-exit):|:end:\w+:\d+@@\r?\n$/.test(
        line,
      )
    ) {
      pieces.push(piece);
      piece = '';
    }
  }
  if (piece) pieces.push(piece);
  // Both `end` lines of the command belong to one piece.
  const last = pieces.length - 1;
  if (/:end:/.test(pieces[last]!) && /:end:/.test(pieces[last - 1]!))
    pieces.splice(last - 1, 2, pieces[last - 1]! + pieces[last]!);
  return pieces;
}

type Step = { at: number; text: (id: string) => string } | { at: number; close: true };

/** A serial port stand-in: when the watchdog command comes, it plays `steps` at their times (fake clock). */
class WatchdogGuestStandIn extends ListenerStream {
  commands: string[] = [];
  constructor(private readonly steps: Step[]) {
    super();
  }
  write(data: string): void {
    const framed = /^printf '@@fg:%s:begin:%s@@\\n@@fg:%s:begin:%s@@\\n' \w+ (\w+) \w+ \w+; \( (.*) \)/.exec(
      data,
    );
    if (!framed) return;
    const [, id, command] = framed;
    this.commands.push(command!);
    for (const step of this.steps)
      setTimeout(() => ('close' in step ? this.close() : this.emit(step.text(id!))), step.at);
  }
}

/** Steps that deliver the capture's pieces at the given times (ms after the command was sent); undefined stops. */
function play(capture: string, times: (number | undefined)[], closeAt?: number): Step[] {
  const pieces = stages(capture);
  const steps: Step[] = [];
  for (const [index, at] of times.entries()) {
    if (at === undefined) break;
    const piece = pieces[index]!;
    steps.push({ at, text: (id) => renamed(piece, id) });
  }
  if (closeAt !== undefined) steps.push({ at: closeAt, close: true });
  return steps;
}

const linux = new LinuxGuest({} as LinuxGuestImage);
const spec: TestSpec = {
  name: 'workload/mmap-write',
  kind: 'workload',
  command: '/gate/bin/fusefs-workloads mmap-write /mnt/fg',
};
const settings: WatchdogSettings = { ...DEFAULT_WATCHDOG, timeoutSec: 5 };

function start(steps: Step[], options: { adapter?: GuestAdapter; settings?: WatchdogSettings } = {}) {
  const stream = new WatchdogGuestStandIn(steps);
  const console = new SerialConsole(stream, { profile: LINUX_CONSOLE, nonce: NONCE, panicCollectMs: 200 });
  const run = runUnderWatchdog(console, options.adapter ?? linux, spec, 1, options.settings ?? settings);
  // Settled state, readable at any time without an unhandled rejection.
  const state: { value?: Awaited<typeof run>; error?: unknown; done: boolean } = { done: false };
  run.then(
    (value) => Object.assign(state, { value, done: true }),
    (error: unknown) => Object.assign(state, { error, done: true }),
  );
  return { stream, state };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the capture cut into stages', () => {
  it('has the start, the deadline, two samples, the verdict and the end; a pass has the start, the exit and the end', () => {
    const stall = stages(STALL);
    expect(stall).toHaveLength(6);
    expect(stall.join('')).toBe(STALL);
    expect(stages(PASS)).toHaveLength(3);
  });
});

describe('bounds: each wait gets what the settings give it, and not less', () => {
  it('a deadline marker that comes late, within the timeout plus the grace, is still the watchdog speaking', async () => {
    // 5 s timeout + 8 s grace: the deadline marker at 12 s is in time.
    const at = [0, 12_000, 41_000, 71_500, 85_000, 99_000];
    const { state, stream } = start(play(STALL, at));
    await vi.advanceTimersByTimeAsync(100_000);
    expect(state.error).toBeUndefined();
    expect(state.value?.result).toMatchObject({ status: 'hang', durationMs: 6240 });
    // The guest watchdog is told the timeout and the gap between the samples.
    expect(stream.commands[0]).toBe(
      `sh /gate/bin/watchdog.sh ${NONCE} ${/t\d+/.exec(stream.commands[0]!)?.[0]} 5 1 -- ${spec.command}`,
    );
  });

  it('the second sample gets the gap plus a capture’s time, the first a capture’s time', async () => {
    // First sample 29 s after the deadline (bound 30 s); second 30.5 s after the first (bound 1 + 30 s).
    const { state } = start(play(STALL, [0, 5_000, 34_000, 64_500, 64_600, 64_700]));
    await vi.advanceTimersByTimeAsync(70_000);
    expect(state.error).toBeUndefined();
    expect(state.value?.result.status).toBe('hang');
  });

  it('a guest silent past the timeout plus the grace is unresponsive: the backstop’s, not a verdict here', async () => {
    const { state } = start(play(STALL, [0]));
    await vi.advanceTimersByTimeAsync(12_990);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(state.error).toBeInstanceOf(GuestUnresponsiveError);
    expect(state.error).toMatchObject({
      name: 'GuestUnresponsiveError',
      message: 'the guest stopped responding during workload/mmap-write (the end or the deadline)',
      test: 'workload/mmap-write',
      stage: 'the end or the deadline',
      partialSamples: [],
    });
    expect((state.error as GuestUnresponsiveError).lastOutput).toMatch(/:test:t\d+:start@@/);
  });
});

describe('a guest that goes silent: which stage, and what was sampled before', () => {
  const cases: [string, (number | undefined)[], number, string, number][] = [
    ['before the watchdog starts', [], 15_000, 'the start', 0],
    ['after the deadline', [0, 5_000], 5_000 + 30_000, 'the first stack sample', 0],
    ['after the first sample', [0, 5_000, 6_000], 6_000 + 31_000, 'the second stack sample', 1],
    ['after both samples', [0, 5_000, 6_000, 7_000], 7_000 + 15_000, 'the watchdog verdict', 2],
    ['after its verdict', [0, 5_000, 6_000, 7_000, 7_100], 7_100 + 15_000, 'the watchdog exit', 2],
  ];
  for (const [when, times, silentUntil, stage, sampled] of cases)
    it(`${when}: unresponsive during ${stage}, with ${sampled} sample(s)`, async () => {
      const { state } = start(play(STALL, times));
      await vi.advanceTimersByTimeAsync(silentUntil - 10);
      expect(state.done).toBe(false);
      await vi.advanceTimersByTimeAsync(20);
      expect(state.error).toBeInstanceOf(GuestUnresponsiveError);
      const error = state.error as GuestUnresponsiveError;
      expect(error.stage).toBe(stage);
      expect(error.message).toBe(`the guest stopped responding during workload/mmap-write (${stage})`);
      expect(error.partialSamples).toHaveLength(sampled);
      for (const sample of error.partialSamples)
        expect(sample).toContain('[<0>] fuse_set_nowrite+0xdb/0x110');
    });

  it('after a test that exited, silent instead of ending the command: unresponsive at the watchdog exit, nothing sampled', async () => {
    const { state } = start(play(PASS, [0, 200]));
    await vi.advanceTimersByTimeAsync(200 + 14_990);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(state.error).toMatchObject({ stage: 'the watchdog exit', partialSamples: [] });
  });
});

describe('QEMU going away is not a hang: the wait it broke is named', () => {
  const cases: [(number | undefined)[], number, string][] = [
    [[], 10, 'the start of workload/mmap-write'],
    [[0], 10, 'the end or the deadline of workload/mmap-write'],
    [[0, 5_000], 5_010, 'the first stack sample of workload/mmap-write'],
    [[0, 5_000, 6_000], 6_010, 'the second stack sample of workload/mmap-write'],
    [[0, 5_000, 6_000, 7_000], 7_010, 'the watchdog verdict of workload/mmap-write'],
    [[0, 5_000, 6_000, 7_000, 7_100], 7_110, 'the watchdog exit of workload/mmap-write'],
  ];
  for (const [times, closeAt, awaited] of cases)
    it(`while waiting for ${awaited}`, async () => {
      const { state } = start(play(STALL, times, closeAt));
      await vi.advanceTimersByTimeAsync(closeAt + 10);
      expect(state.error).toBeInstanceOf(ConsoleClosedError);
      expect((state.error as Error).message).toContain(`while waiting for ${awaited};`);
    });

  it('after a test that exited, while waiting for the watchdog exit', async () => {
    const { state } = start(play(PASS, [0, 200], 300));
    await vi.advanceTimersByTimeAsync(400);
    expect(state.error).toBeInstanceOf(ConsoleClosedError);
    expect((state.error as Error).message).toContain(
      'while waiting for the watchdog exit of workload/mmap-write;',
    );
  });
});

describe('what the watchdog said, read from its markers (captures edited, so named)', () => {
  const edit = (change: (capture: string) => string) => (id: string) => renamed(change(PASS), id);

  it('an exit marker without the guest’s elapsed time: the duration is the host’s own clock', async () => {
    const noElapsed = (text: string) => text.replace(/(:exit:0):200@@/, '$1@@');
    const { state } = start([
      { at: 0, text: (id) => renamed(stages(noElapsed(PASS))[0]!, id) },
      { at: 3_000, text: (id) => renamed(stages(noElapsed(PASS))[1]!, id) },
      { at: 3_100, text: (id) => renamed(stages(noElapsed(PASS))[2]!, id) },
    ]);
    await vi.advanceTimersByTimeAsync(3_200);
    expect(state.value?.result).toMatchObject({ status: 'pass', durationMs: 3_000 });
  });

  it('a late exit without the elapsed time counts the deadline', async () => {
    const late = STALL.replace(/:stuck:6240@@/, ':late-exit:0@@');
    const { state } = start(play(late, [0, 5_000, 6_000, 7_000, 7_100, 7_200]));
    await vi.advanceTimersByTimeAsync(7_300);
    expect(state.value?.result).toMatchObject({ status: 'fail', durationMs: 5_000 });
  });

  it('a hang is decided by the test’s own threads: a kernel worker asleep in the first sample only is not progress', async () => {
    const worker = (nonce: string) =>
      `@@fg:${nonce}:task:41:41:D:12:rpm_resume:kworker/u4:1@@\r\n[<0>] rpm_resume+0x1/0x2\r\n[<0>] worker_thread+0x1/0x2\r\n`;
    const captured = /@@fg:(\w+):/.exec(STALL)![1]!;
    const edited = STALL.replace(/(sample:1:begin@@\r?\n)/, `$1${worker(captured)}`);
    const { state } = start(play(edited, [0, 5_000, 6_000, 7_000, 7_100, 7_200]));
    await vi.advanceTimersByTimeAsync(7_300);
    expect(state.value?.result).toMatchObject({
      status: 'hang',
      message: 'did not finish within 5 s: 1 thread(s) asleep at the same frames in both samples',
    });
    expect(state.value?.samples.map((s) => s.map((t) => t.pid))).toEqual([[41, 167], [167]]);
  });

  it('hands the adapter each sample’s text between its markers', async () => {
    const seen: string[] = [];
    const adapter = {
      parseSample: (text: string) => {
        seen.push(text);
        return linux.parseSample(text);
      },
    } as unknown as GuestAdapter;
    const { state } = start(play(STALL, [0, 5_000, 6_000, 7_000, 7_100, 7_200]), { adapter });
    await vi.advanceTimersByTimeAsync(7_300);
    expect(state.value?.result.status).toBe('hang');
    expect(seen).toHaveLength(2);
    for (const text of seen) {
      expect(text).not.toMatch(/sample:\d:begin/);
      expect(text).toContain(`@@fg:${NONCE}:task:167:167:D:30:fuse_set_nowrite:fusefs-workload@@`);
    }
  });

  it('a failure names the last line that says `failed`, else the last line, trimmed; no output, just the status', async () => {
    const failing = (lines: string) =>
      edit((c) =>
        c
          .replace(/mmap-write: ok, 65536 bytes verified\r?\n/, lines)
          .replace(/:exit:0:200@@/, ':exit:3:200@@'),
      );
    const run = async (text: (id: string) => string) => {
      const { state } = start([{ at: 0, text }]);
      await vi.advanceTimersByTimeAsync(100);
      return state.value?.result.message;
    };
    expect(await run(failing('  mmap-write: verify says 0x00 at 4096  \r\n\t\r\n'))).toBe(
      'exited with status 3: mmap-write: verify says 0x00 at 4096',
    );
    expect(await run(failing('mmap-write: msync failed: EIO\r\nmmap-write: cleanup\r\n'))).toBe(
      'exited with status 3: mmap-write: msync failed: EIO',
    );
    const silent = (id: string) =>
      `fg# @@fg:${NONCE}:begin:${id}@@\r\n@@fg:${NONCE}:test:${id}:start@@\r\n@@fg:${NONCE}:test:${id}:exit:3:10@@\r\n@@fg:${NONCE}:end:${id}:3@@\r\n`;
    expect(await run(silent)).toBe('exited with status 3');
  });

  it('keeps the last 64 KiB of a test’s output and says how much was cut; 64 KiB exactly is kept whole', async () => {
    const output = (bytes: number) => (id: string) =>
      `fg# @@fg:${NONCE}:begin:${id}@@\r\n@@fg:${NONCE}:test:${id}:start@@\r\n${'x'.repeat(bytes - 4)}END\n@@fg:${NONCE}:test:${id}:exit:0:10@@\r\n@@fg:${NONCE}:end:${id}:0@@\r\n`;
    const run = async (bytes: number) => {
      const { state } = start([{ at: 0, text: output(bytes) }]);
      await vi.advanceTimersByTimeAsync(100);
      return state.value!.result.output!;
    };
    const whole = await run(64 * 1024);
    expect(whole).toBe(`${'x'.repeat(64 * 1024 - 4)}END\n`);
    const cut = await run(64 * 1024 + 1000);
    expect(cut).toBe(`[... 1000 bytes cut ...]\n${'x'.repeat(64 * 1024 - 4)}END\n`);
  });
});

describe('a watchdog that broke says what it printed last', () => {
  const broke = (output: string) => (id: string) =>
    `fg# @@fg:${NONCE}:begin:${id}@@\r\n${output}@@fg:${NONCE}:end:${id}:64@@\r\n`;
  const run = async (output: string) => {
    const { state } = start([{ at: 0, text: broke(output) }]);
    await vi.advanceTimersByTimeAsync(100);
    return state.error as WatchdogBrokeError;
  };

  it('its last three lines, trimmed, joined', async () => {
    const error = await run('one\r\ntwo\r\nthree\r\nfour\r\nwatchdog.sh: bad TIMEOUT_S x\r\n\r\n');
    expect(error).toBeInstanceOf(WatchdogBrokeError);
    expect(error.name).toBe('WatchdogBrokeError');
    expect(error.message).toBe(
      'the guest watchdog ended (exit 64) while the host waited for the end or the deadline of workload/mmap-write: three | four | watchdog.sh: bad TIMEOUT_S x',
    );
  });

  it('nothing at all when it printed only blank lines', async () => {
    const error = await run('\r\n  \r\n');
    expect(error.message).toBe(
      'the guest watchdog ended (exit 64) while the host waited for the end or the deadline of workload/mmap-write',
    );
  });
});
