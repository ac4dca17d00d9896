import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TailBuffer, lastLine, runBounded } from '../../../src/vm/process.js';

describe('process helpers', () => {
  it('TailBuffer keeps the last bytes', () => {
    const tail = new TailBuffer(10);
    for (const piece of ['0123456789', 'abcdef', 'XYZ']) tail.push(Buffer.from(piece));
    expect(tail.text()).toBe('9abcdefXYZ'.slice(-10));
  });

  it('lastLine skips blank lines', () => {
    expect(lastLine('first\nsecond\n\n  \n')).toBe('second');
    expect(lastLine('')).toBe('');
  });

  it('runBounded returns output and kills a program that runs past its bound', async () => {
    expect(await runBounded('sh', ['-c', 'echo out; echo err >&2; exit 3'], { timeoutMs: 5_000 })).toMatchObject({ code: 3, stdout: 'out\n', stderr: 'err\n', timedOut: false });
    // sleep 60 outlasts the test's own timeout (20 s): only the 200 ms bound can end it in time.
    const slow = await runBounded('sh', ['-c', 'echo $$; exec sleep 60'], { timeoutMs: 200 });
    expect(slow).toMatchObject({ timedOut: true, signal: 'SIGKILL' });
    expect(existsSync(`/proc/${slow.stdout.trim()}`)).toBe(false);
  });
});
