// The host half of the watchdog against what the real guest printed (issue 16): a real capture of
// guest/watchdog.sh on the Linux test guest (test/fixtures/linux/README.md) is replayed on a serial
// console when the gate sends the watchdog command, with the capture's nonce and test id swapped
// for the ones the gate chose. A stalled test must come out `hang` and a finished one `pass`; the
// captures edited below (named so: no longer real captures) must not come out `hang`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SerialConsole, type ConsoleStream } from '../../../src/console/serial-console.js';
import { LINUX_CONSOLE, LinuxGuest } from '../../../src/guest/linux.js';
import type { LinuxGuestImage } from '../../../src/image/linux-guest.js';
import { runUnderWatchdog } from '../../../src/watchdog/run-test.js';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/linux');
const STALL = readFileSync(path.join(FIXTURES, 'watchdog-stall-write.capture.txt'), 'latin1');
const PASS = readFileSync(path.join(FIXTURES, 'watchdog-pass.capture.txt'), 'latin1');

/** Answers the first framed command it is sent with `capture`, renamed to that command's nonce and id. */
class ReplayStream implements ConsoleStream {
  private listeners: ((chunk: Buffer) => void)[] = [];
  constructor(private readonly capture: string) {}
  write(data: string): void {
    const framed = /@@fg:%s:begin:%s@@\\n@@fg:%s:begin:%s@@\\n' (\w+) (\w+) \w+ \w+;/.exec(data);
    if (!framed) return;
    const [, nonce, id] = framed;
    const captured = /@@fg:(\w+):/.exec(this.capture)![1]!;
    const text = this.capture.replaceAll(captured, nonce!).replace(/:t1([:@])/g, `:${id}$1`);
    setImmediate(() => {
      for (const listener of this.listeners) listener(Buffer.from(text, 'latin1'));
    });
  }
  onData(listener: (chunk: Buffer) => void): void {
    this.listeners.push(listener);
  }
  onClose(): void {}
}

// parseSample needs no image; the adapter is built around a stand-in one.
const adapter = new LinuxGuest({} as LinuxGuestImage);
const spec = {
  name: 'workload/mmap-write',
  kind: 'workload' as const,
  command: '/gate/bin/fusefs-workload mmap-write /mnt/fg',
};
const settings = { timeoutSec: 5, gapSec: 1, graceMs: 5_000, captureMs: 5_000 };

function replay(capture: string) {
  const console = new SerialConsole(new ReplayStream(capture), {
    profile: LINUX_CONSOLE,
    nonce: 'feedc0ffee42',
    panicCollectMs: 200,
  });
  return runUnderWatchdog(console, adapter, spec, 1, settings);
}

describe('runUnderWatchdog on a real capture', () => {
  it('calls the stalled mmap write a hang, with the stuck thread’s stack and both samples', async () => {
    const { result, samples } = await replay(STALL);
    expect(result).toMatchObject({
      name: 'workload/mmap-write',
      status: 'hang',
      durationMs: 6240,
      iteration: 1,
    });
    expect(result.message).toBe(
      'did not finish within 5 s: 1 thread(s) asleep at the same frames in both samples',
    );
    expect(result.output).toContain('mmap-write: munmap');
    expect(result.threads?.map((t) => t.frames[0]?.fn)).toEqual(['fuse_set_nowrite']);
    expect(samples.map((s) => s.map((t) => [t.pid, t.sample]))).toEqual([[[167, 1]], [[167, 2]]]);
  });

  it('calls the workload that finished in time a pass, with its output and the guest’s own duration', async () => {
    const { result, samples } = await replay(PASS);
    expect(result).toMatchObject({
      name: 'workload/mmap-write',
      status: 'pass',
      durationMs: 200,
      iteration: 1,
    });
    expect(result.message).toBeUndefined();
    expect(result.output).toContain('mmap-write: close');
    expect(result.output).not.toContain('@@fg:');
    expect(samples).toEqual([]);
  });

  it('calls a workload that exited non-zero a failure naming the status and its failing line (capture edited)', async () => {
    const edited = PASS.replace(
      /mmap-write: close\r?\n/,
      'mmap-write: msync failed: Input/output error\r\nmmap-write: close\r\n',
    ).replace(/:exit:0:200@@/, ':exit:3:200@@');
    const { result } = await replay(edited);
    expect(result).toMatchObject({
      status: 'fail',
      message: 'exited with status 3: mmap-write: msync failed: Input/output error',
    });
  });

  it('calls it progress, not a hang, when the second sample differs in an outer frame (capture edited)', async () => {
    const edited = STALL.replace(/(sample:2:begin[\s\S]*?)__x64_sys_close/, '$1__x64_sys_dup2');
    const { result } = await replay(edited);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(
      /^timed out while making progress \(5 s deadline\): thread 167\/167 \(fusefs-workload\) moved/,
    );
  });

  it('calls it progress when the thread’s counter grew between the samples (capture edited)', async () => {
    const edited = STALL.replace(/(sample:2:begin@@\r?\n@@fg:\w+:task:167:167:D:)30/, '$131');
    const { result } = await replay(edited);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(
      /made progress between the samples \(CPU time or finished system calls: 30 -> 31\)/,
    );
  });

  it('calls a test that finished during the second sample a failure that was making progress (capture edited)', async () => {
    const edited = STALL.replace(/:stuck:6240@@/, ':late-exit:0:6240@@');
    const { result } = await replay(edited);
    expect(result).toMatchObject({ status: 'fail', durationMs: 6240 });
    expect(result.message).toBe(
      'timed out while making progress: passed its 5 s deadline and finished during the second sample (status 0)',
    );
  });
});
