// The host side of the watchdog against the real guest/watchdog.sh, run by busybox sh on this
// machine (the guest's shell), and against a watchdog that ends without its test marker.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SerialConsole } from '../../../src/console/serial-console.js';
import { LINUX_CONSOLE } from '../../../src/guest/linux.js';
import type { GuestAdapter, TestSpec } from '../../../src/guest/adapter.js';
import { runUnderWatchdog, WatchdogBrokeError, watchdogSeconds } from '../../../src/watchdog/run-test.js';
import { ScriptedStream } from '../../helpers/scripted-stream.js';

const WATCHDOG = path.resolve(import.meta.dirname, '../../../guest/watchdog.sh');
const adapter = { parseSample: () => [] } as unknown as GuestAdapter;
const spec: TestSpec = { name: 'workload/quick', kind: 'workload', command: 'sleep 0.1' };

/** Runs the watchdog command line the host sends with busybox sh, as the guest's shell would. */
function busyboxRuns(command: string): { output: string; status: number } {
  const local = command.replace('/gate/bin/watchdog.sh', WATCHDOG).replace(/^sh /, '');
  try {
    return {
      output: execFileSync('busybox', ['sh', '-c', `sh ${local} 2>&1`], {
        encoding: 'utf8',
        timeout: 20_000,
      }).replace(/\n/g, '\r\n'),
      status: 0,
    };
  } catch (error) {
    const failed = error as { stdout?: string; status?: number };
    return { output: (failed.stdout ?? '').replace(/\n/g, '\r\n'), status: failed.status ?? 1 };
  }
}

function consoleAnswering(respond: (command: string) => { output: string; status: number }) {
  return new SerialConsole(new ScriptedStream(respond), { profile: LINUX_CONSOLE, nonce: 'abc123def456' });
}

describe('runUnderWatchdog', () => {
  it('formats seconds as watchdog.sh reads them: whole numbers or up to three decimals, never an exponent', () => {
    expect(watchdogSeconds(60)).toBe('60');
    expect(watchdogSeconds(2.5)).toBe('2.5');
    expect(watchdogSeconds(0.125)).toBe('0.125');
    expect(watchdogSeconds(0.0000001)).toBe('0');
  });

  it('a fractional timeout runs the test under the real watchdog.sh and passes', async () => {
    const console = consoleAnswering(busyboxRuns);
    const run = await runUnderWatchdog(console, adapter, spec, 1, {
      timeoutSec: 2.5,
      gapSec: 1,
      graceMs: 5_000,
      captureMs: 5_000,
    });
    expect(run.result).toMatchObject({ name: 'workload/quick', status: 'pass' });
  });

  it("a watchdog that ends without its test marker is the gate's own error at once, never a wait that ends in hang", async () => {
    const console = consoleAnswering(() => ({ output: "watchdog.sh: bad TIMEOUT_S 'x'\r\n", status: 64 }));
    const started = Date.now();
    const outcome = runUnderWatchdog(console, adapter, spec, 1, {
      timeoutSec: 30,
      gapSec: 1,
      graceMs: 8_000,
      captureMs: 30_000,
    });
    await expect(outcome).rejects.toBeInstanceOf(WatchdogBrokeError);
    await expect(outcome).rejects.toThrow(
      /the guest watchdog ended \(exit 64\) while the host waited for the end or the deadline of workload\/quick: watchdog.sh: bad TIMEOUT_S 'x'/,
    );
    // Noticed on the marker, not at the 38 s deadline + grace.
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
