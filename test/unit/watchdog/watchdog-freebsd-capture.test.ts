// guest/watchdog.sh in its FreeBSD branch, run by a real POSIX sh (dash) on this host with fake
// FreeBSD tools first on PATH: `uname -s` says FreeBSD, and fake `procstat` and `ps` print the line
// shapes of usr.bin/procstat/procstat_kstack.c and bin/ps (test/fixtures/freebsd/README.md) for the
// host's real processes. What is tested is the script: which blocks a FreeBSD sample holds, in which
// order, for which pids, and that the adapter reads a progress counter out of them.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FreeBSDGuest } from '../../../src/guest/freebsd.js';

const WATCHDOG = path.resolve(import.meta.dirname, '../../../guest/watchdog.sh');
const NONCE = 'q7k2m9x4z1';

/** The fake FreeBSD tools; each prints only what the watchdog asks of it, in FreeBSD's formats. */
function fakeFreebsdTools(): string {
  const bin = path.join(mkdtempSync(path.join(tmpdir(), 'fake-freebsd-tools-')), 'bin');
  mkdirSync(bin);
  const tool = (name: string, body: string) => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  tool('uname', 'if [ "$1" = -s ]; then echo FreeBSD; else exec /usr/bin/uname "$@"; fi');
  // procstat_kstack.c: header "%5s %6s %-19s %-19s %-29s" (not with -h), rows "%5d %6d %-19s %-19s "
  // and the frames; -a: every process (here one thread asleep in fuse_device_read).
  tool(
    'procstat',
    [
      'h=1; a=0; pids=',
      'for x; do case $x in -h) h=0 ;; -a) a=1 ;; -kk) ;; *) pids="$pids $x" ;; esac; done',
      '[ $h = 1 ] && printf "%5s %6s %-19s %-19s %-29s\\n" PID TID COMM TDNAME KSTACK',
      'for p in $pids; do printf "%5d %6d %-19s %-19s %s\\n" "$p" $((100000 + p)) sleep - "mi_switch+0x172 sleepq_switch+0x109 sleepq_catch_signals+0x2f3 sleepq_timedwait_sig+0x12 _sleep+0x1d1 kern_clock_nanosleep+0x1c1 sys_nanosleep+0x3b amd64_syscall+0x14e fast_syscall_common+0xf8 "; done',
      '[ $a = 1 ] && printf "%5d %6d %-19s %-19s %s\\n" 1 100001 fusefs-fixture - "mi_switch+0x172 sleepq_switch+0x109 sleepq_catch_signals+0x2f3 sleepq_wait_sig+0x9 _sleep+0x1ef fuse_device_read+0x1c6 devfs_read_f+0xe1 dofileread+0x80 kern_readv+0x4b sys_read+0xc1 amd64_syscall+0x14e fast_syscall_common+0xf8 "',
      'exit 0',
    ].join('\n'),
  );
  // bin/ps: `-axo pid=,ppid=` the real table; `-axlww` lfmt's header and rows (TIME 0:00.01);
  // `-axH -o pid,lwp,nvcsw,nivcsw,time` keyword.c's LWP/NVCSW/NIVCSW/TIME, a line a thread (the fake
  // procstat's tid 100000 + pid), here 40, 2 and 0:00.01 for each.
  tool(
    'ps',
    [
      'case "$*" in',
      '"-axo pid=,ppid=") exec /usr/bin/ps -eo pid=,ppid= ;;',
      '-axlww) printf "%3s %5s %5s %1s %3s %2s %5s %4s %-6s %-4s %-3s %7s %s\\n" UID PID PPID C PRI NI VSZ RSS MWCHAN STAT TT TIME COMMAND',
      '  /usr/bin/ps -eo pid=,ppid= | while read -r p pp; do printf "%3d %5d %5d %1d %3d %2d %5d %4d %-6s %-4s %-3s %7s %s\\n" 0 "$p" "$pp" 0 20 0 14044 2892 nanslp S+ u0 0:00.01 sleep; done ;;',
      '"-axH -o pid,lwp,nvcsw,nivcsw,time") printf "%5s %6s %5s %6s %7s\\n" PID LWP NVCSW NIVCSW TIME',
      '  /usr/bin/ps -eo pid= | while read -r p; do printf "%5d %6d %5d %6d %7s\\n" "$p" $((100000 + p)) 40 2 0:00.01; done ;;',
      '*) echo "fake ps: unexpected arguments: $*" >&2; exit 2 ;;',
      'esac',
    ].join('\n'),
  );
  return bin;
}

describe('watchdog.sh on FreeBSD (fake FreeBSD tools, real sh)', () => {
  it("samples procstat -kk, ps -axlww and the threads' switches and times, in that order, and the adapter reads the counter", () => {
    const bin = fakeFreebsdTools();
    const run = spawnSync('dash', [WATCHDOG, NONCE, 't1', '0.2', '1', '--', 'sleep', '30'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
      timeout: 60_000,
    });
    expect(run.status).toBe(124);
    expect(run.stderr).not.toContain('fake ps: unexpected arguments');
    const sample = (n: number) => {
      const m = new RegExp(
        `@@fg:${NONCE}:sample:${n}:begin@@\\n([\\s\\S]*?)@@fg:${NONCE}:sample:${n}:end@@`,
      ).exec(run.stdout);
      expect(m, `sample ${n} in:\n${run.stdout}`).not.toBeNull();
      return m![1]!;
    };
    for (const n of [1, 2]) {
      const blocks = [...sample(n).matchAll(new RegExp(`@@fg:${NONCE}:capture:([\\w-]+):begin@@`, 'g'))].map(
        (m) => m[1],
      );
      expect(blocks).toEqual(['procstat-kk', 'ps-axlww', 'ps-threads']);
    }
    const tree = new RegExp(`@@fg:${NONCE}:tree:(\\d+)@@`).exec(sample(1))?.[1];
    expect(tree).toMatch(/^\d+$/);
    const threads = new FreeBSDGuest().parseSample(sample(1));
    // TIME 0:00.01 is one hundredth, and 40 + 2 switches.
    expect(threads.find((t) => t.pid === Number(tree))).toMatchObject({ comm: 'sleep', cpuTicks: 43 });
  });
});
