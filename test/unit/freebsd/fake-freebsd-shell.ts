// A fake guest shell that replays FreeBSD transcripts (test/fixtures/freebsd) keyed by command
// regexps. It records every command, and a command no rule matches fails the test loudly.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunOptions, RunResult, Shell } from '../../../src/guest/shell.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/freebsd');

/** A transcript without its `#@` source header lines. */
export function transcript(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#@'))
    .join('\n');
}

/** One section (`=== NAME` ... ) of a multi-part transcript. */
export function section(name: string, part: string): string {
  const text = transcript(name);
  const m = new RegExp(`^=== ${part}\\n([\\s\\S]*?)(?=^=== |$(?![\\s\\S]))`, 'm').exec(text);
  if (!m) throw new Error(`no section ${part} in ${name}`);
  return m[1]!;
}

export interface FakeRule {
  match: RegExp;
  exit?: number;
  output?: string | ((command: string) => string);
  /** Used once, then the next matching rule answers. */
  once?: boolean;
  /** Answers exit status and output together (a rule that acts, like the fake kernel's). */
  run?: (command: string) => { exit: number; output: string };
}

export class FakeFreeBSDShell implements Shell {
  readonly commands: string[] = [];
  private readonly used = new Set<FakeRule>();

  constructor(private readonly rules: FakeRule[]) {}

  async run(command: string, _options: RunOptions): Promise<RunResult> {
    this.commands.push(command);
    const rule = this.rules.find((r) => r.match.test(command) && !(r.once && this.used.has(r)));
    if (!rule) throw new Error(`FakeFreeBSDShell: no transcript for command: ${command}`);
    this.used.add(rule);
    if (rule.run) {
      const { exit, output } = rule.run(command);
      return { exitStatus: exit, output, durationMs: 1 };
    }
    const output = typeof rule.output === 'function' ? rule.output(command) : (rule.output ?? '');
    return { exitStatus: rule.exit ?? 0, output, durationMs: 1 };
  }

  ran(re: RegExp): string[] {
    return this.commands.filter((c) => re.test(c));
  }
}

/**
 * A fake of the FreeBSD kernel state the gate depends on, behind the commands the adapter sends.
 * Each behaviour follows the kernel source named beside it, not the adapter's expectations:
 * - /dev/fuse exists only while fusefs.ko is loaded (sys/fs/fuse/fuse_device.c fuse_device_init:
 *   make_dev at MOD_LOAD); a server that opens it earlier gets ENOENT.
 * - a mount's type is "fusefs" + "." + subtype, cut to MFSNAMELEN - 1 (fuse_vfsop_mount, strlcat);
 *   `mount -p` prints it as putfsent does (sbin/mount/mount.c: tabs by length, "rw" + flags2opts,
 *   "\t0 0" for a file system not in fstab). Current fuse_vfsop_mount sets no flag flags2opts names
 *   (it clears MNT_LOCAL; the MNT_SYNCHRONOUS of the pre-2019 fuse4bsd code is gone), so "rw" alone.
 *   `mount -p` is getmntinfo(MNT_WAIT) (mount.c main: -p sets verbose), so it lists only mounts whose
 *   VFS_STATFS succeeded (sys/kern/vfs_syscalls.c kern_getfsstat); plain `mount` is MNT_NOWAIT and
 *   prints every mount as prmount does: `FROM on ON (TYPE)` when no flag is named (14.x and main).
 * - `timeout=` (0..600, default 60) bounds how long a request waits for the daemon; an unanswered
 *   request fails with ETIMEDOUT after it, never with timeout 0 (fuse_ipc.c fticket_wait_answer).
 * - kldstat -q -m exits 0 exactly when the module is loaded; kldload -v prints
 *   "Loaded %s, id=%d" (sbin/kldload/kldload.c); kldstat -v lines follow printfile/printmod.
 * - kldunload NAME finds the file as "NAME.ko" or NAME (sys/kern/kern_linker.c sys_kldfind,
 *   linker_find_file_by_name), else errx "can't find file %s"; -v prints "Unloading %s, id=%d" with
 *   the file's name (sbin/kldunload/kldunload.c). While any fusefs mount exists the unload is
 *   refused: fuse_loader's MOD_UNLOAD (sys/fs/fuse/fuse_main.c) -> vfs_modevent -> vfs_unregister
 *   returns EBUSY for a vfsconf with mounts (sys/kern/vfs_init.c, vfc_refcount), and kldunload's
 *   err(3) prints "can't unload file: Device busy" (EBUSY's text, lib/libc/gen/errlst.c), exit 1.
 *   After an unload kldstat -v lists no fusefs.ko and /dev/fuse is gone.
 * - umount of a mount point removes its row from the mount table and prints nothing
 *   (sbin/umount/umount.c prints only on failure or with -v). The fixture's daemon then exits: its
 *   next read of /dev/fuse fails with ENODEV (fuse_vfsop_unmount -> fdata_set_dead,
 *   sys/fs/fuse/fuse_device.c fuse_device_read) and guest/fuse_fixture.c daemon_main leaves its loop.
 * - processes and sessions: the fixture's daemon calls setsid(2), so its session id is its pid
 *   (sys/kern/kern_prot.c sys_setsid). `pgrep -d D -s SID` prints the session's pids with D between
 *   them and a newline after the last, and exits 1 when none matches; `pkill -SIG -s SID` sends SIG to each and exits 0 when it
 *   signalled one (bin/pkill/pkill.c grepact, main's putchar('\n') after a match, killact, STATUS_MATCH /
 *   STATUS_NOMATCH; the same in 14.x and main). SIGTERM ends
 *   a process unless it ignores or catches it; SIGKILL ends it unless a thread sleeps without
 *   PCATCH (sys/kern/kern_sig.c tdsigwakeup: no TDF_SINTR, not woken).
 */
export class FakeFreeBSDKernel {
  /** Where the loaded fusefs.ko came from; undefined while not loaded. */
  fusefsPath: string | undefined;
  /**
   * A kernel built with fusefs in it: the module's container is the kernel file, so kldstat -v lists
   * `fusefs` under `kernel` (sbin/kldstat/kldstat.c printfile: kldfirstmod/modfnext per file) and
   * `kldstat -q -m fusefs` exits 0 (modfind), but no linker file is named fusefs(.ko): kldunload
   * cannot find one (sys/kern/kern_linker.c linker_find_file_by_name compares file names only).
   */
  fusefsInKernel = false;
  /**
   * The kernel message buffer dmesg(8) prints (kern.msgbuf); writing kern.msgbuf_clear empties it
   * (sys/kern/subr_prf.c sysctl_kern_msgbuf_clear: msgbuf_clear). sysctl(8) with its stdout on
   * /dev/null prints nothing on success.
   */
  readonly msgbuf: string[] = ['Copyright (c) 1992-2025 The FreeBSD Project.'];
  /**
   * `busy`: a process still has a vnode of the mount (its cwd or an open file): vflush without
   * FORCECLOSE returns EBUSY (sys/kern/vfs_subr.c vflush), fuse_vfsop_unmount returns it
   * (sys/fs/fuse/fuse_vfsops.c) and umount(8) warns "unmount of %s failed" (sbin/umount/umount.c
   * umountfs), exit 1.
   */
  readonly mounts: {
    from: string;
    on: string;
    type: string;
    daemonTimeout: number;
    busy?: boolean;
    /**
     * How the server answers FUSE_STATFS (fuse_vfsop_statfs): with the numbers, with an error (a
     * server on /dev/fuse that does not implement it: ENOSYS; or ETIMEDOUT once a stalled server
     * outlasted its daemon timeout). `mount -p` (getmntinfo MNT_WAIT, kern_getfsstat) leaves out a
     * mount whose VFS_STATFS failed; `mount` (MNT_NOWAIT) lists it from mnt_stat.
     */
    statfs?: 'answers' | 'fails';
  }[] = [];
  /**
   * fusefs.ko's linker refs: above 1 (another file depends on it) linker_file_unload only drops one
   * and returns 0, leaving the file loaded (sys/kern/kern_linker.c).
   */
  fusefsRefs = 1;
  /**
   * fusefs.ko loaded by the loader or the kernel (userrefs 0): kern_kldunload prints "kldunload:
   * attempt to unload file that was loaded by the kernel" on the console and fails with EBUSY.
   */
  fusefsLoadedByKernel = false;

  /** Processes the gate may have to end: `onTerm` what SIGTERM does, `unkillable` asleep without PCATCH. */
  readonly processes: { pid: number; sid: number; onTerm: 'exits' | 'survives'; unkillable?: boolean }[] = [];
  /**
   * What else of the fixture's session stays after the unmount (not the daemon itself, which exits):
   * a process that outlives its mount, as a user's server that does not exit might.
   */
  leftAfterUnmount: { onTerm: 'exits' | 'survives'; unkillable?: boolean }[] = [];
  /** Guest files the gate writes and reads back (`echo N >FILE`, `cat FILE`). */
  readonly files = new Map<string, string>();

  constructor(readonly mfsnamelen = 16) {}

  /**
   * The gate's end-of-session command (src/guest/server-session.ts), run for real by busybox sh here
   * with pgrep, pkill and sleep as shell functions over this kernel's process table (pkill.c's
   * semantics, above); the table is read back afterwards. Only the forms the FreeBSD tools take.
   */
  runWithProcessTools(command: string): { exit: number; output: string } {
    const dir = mkdtempSync(path.join(tmpdir(), 'fake-freebsd-procs-'));
    const table = path.join(dir, 'procs');
    writeFileSync(
      table,
      this.processes.map((p) => `${p.pid} ${p.sid} ${p.onTerm} ${p.unkillable ? 1 : 0}\n`).join(''),
    );
    const sidFile = path.join(dir, 'sid');
    const sid = this.files.get('/gate/fuse-server.sid');
    if (sid !== undefined) writeFileSync(sidFile, sid);
    const tools = [
      `T=${table}`,
      // pgrep -d DELIM -s SID: the pids with DELIM between them, then a newline; exit 1 when none.
      `pgrep() { [ "$1" = -d ] && [ "$3" = -s ] || { echo "fake pgrep: unexpected $*" >&2; return 2; }; ` +
        `o=$(awk -v s="$4" -v d="$2" '$2 == s { printf "%s%s", n++ ? d : "", $1 }' $T); [ -n "$o" ] || return 1; printf '%s\\n' "$o"; }`,
      // pkill -SIG -s SID: what SIG does to each process of the session; exit 1 when none was signalled.
      `pkill() { [ "$2" = -s ] || { echo "fake pkill: unexpected $*" >&2; return 2; }; ` +
        `awk -v s="$3" '$2 == s' $T | grep -q . || return 1; ` +
        `awk -v s="$3" -v g="$1" '$2 == s && ((g == "-TERM" && $3 == "exits") || (g == "-KILL" && $4 == 0)) { next } { print }' $T >$T.new; mv $T.new $T; }`,
      'sleep() { :; }',
    ].join('\n');
    const script = `${tools}\n${command.split('/gate/fuse-server.sid').join(sidFile)}`;
    const result = spawnSync('busybox', ['sh', '-c', script], { encoding: 'utf8', timeout: 30_000 });
    const left = readFileSync(table, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => Number(line.split(' ')[0]));
    this.processes.splice(0, this.processes.length, ...this.processes.filter((p) => left.includes(p.pid)));
    rmSync(dir, { recursive: true, force: true });
    return { exit: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
  }

  get devFuseExists(): boolean {
    return this.fusefsPath !== undefined || this.fusefsInKernel;
  }

  /** modfind("fusefs") finds a module: in a loaded fusefs.ko or in the kernel. */
  get fusefsModule(): boolean {
    return this.devFuseExists;
  }

  load(path: string): void {
    this.fusefsPath = path;
  }

  /** `kldunload -v NAME` (sbin/kldunload/kldunload.c, sys/kern/kern_linker.c, sys/kern/vfs_init.c). */
  kldunload(name: string): { exit: number; output: string } {
    const file = 'fusefs.ko';
    if (!this.fusefsPath || (name !== file && `${name}.ko` !== file))
      return {
        exit: 1,
        output: `kldunload: can't find file ${name}
`,
      };
    const verbose = `Unloading ${file}, id=4
`;
    if (this.fusefsLoadedByKernel)
      return {
        exit: 1,
        output: `${verbose}kldunload: attempt to unload file that was loaded by the kernel\nkldunload: can't unload file: Device busy\n`,
      };
    if (this.fusefsRefs > 1) {
      this.fusefsRefs--;
      return { exit: 0, output: verbose };
    }
    if (this.mounts.some((m) => m.type === 'fusefs' || m.type.startsWith('fusefs.')))
      return {
        exit: 1,
        output: `${verbose}kldunload: can't unload file: Device busy
`,
      };
    this.fusefsPath = undefined;
    return { exit: 0, output: verbose };
  }

  /** `umount DIR`: the mount's row goes; silent on success (sbin/umount/umount.c). */
  umount(on: string): { exit: number; output: string } {
    const index = this.mounts.findIndex((m) => m.on === on);
    if (index < 0)
      throw new Error(`FakeFreeBSDKernel: umount of ${on}, which is not mounted (no transcript)`);
    if (this.mounts[index]!.busy)
      return { exit: 1, output: `umount: unmount of ${on} failed: Device busy\n` };
    this.mounts.splice(index, 1);
    const daemon = this.processes.find((p) => p.pid === FIXTURE_DAEMON_PID);
    if (daemon) {
      this.processes.splice(this.processes.indexOf(daemon), 1);
      for (const [i, left] of this.leftAfterUnmount.entries())
        this.processes.push({ pid: FIXTURE_DAEMON_PID + 1 + i, sid: daemon.sid, ...left });
    }
    return { exit: 0, output: '' };
  }

  /** A fusefs mount made by something other than the gate's fixture (a user's own server elsewhere). */
  mountOther(on: string, subtype: string, statfs: 'answers' | 'fails' = 'answers'): void {
    this.mounts.push({
      from: '/dev/fuse',
      on,
      type: fusefsType(subtype, this.mfsnamelen),
      daemonTimeout: 60,
      statfs,
    });
  }

  /** The fixture's mount: open /dev/fuse, then nmount with subtype= and timeout= (fuse_vfsop_mount). */
  mountFixture(on: string, subtype: string, timeout?: number): { exit: number; output: string } {
    // guest/fuse_fixture.c daemon_main: fail("open /dev/fuse: %s", strerror(errno)) -> "fusefs-fixture: ..." on stderr.
    if (!this.devFuseExists)
      return { exit: 1, output: 'fusefs-fixture: open /dev/fuse: No such file or directory\n' };
    const type = fusefsType(subtype, this.mfsnamelen);
    const daemonTimeout = timeout === undefined ? 60 : Math.min(600, Math.max(0, timeout));
    this.mounts.push({ from: '/dev/fuse', on, type, daemonTimeout });
    this.processes.push({ pid: FIXTURE_DAEMON_PID, sid: FIXTURE_DAEMON_PID, onTerm: 'exits' });
    return { exit: 0, output: `fusefs-fixture: mounted ${on} (pid ${FIXTURE_DAEMON_PID}, direct_io=on)\n` };
  }

  /** sbin/mount/mount.c putfsent for each mount, after the root file system. */
  mountP(): string {
    const pad = (s: string) =>
      `${s}${s.length < 8 ? '\t' : ''}${s.length < 16 ? '\t' : ''}${s.length < 24 ? '\t' : ' '}`;
    const line = (from: string, on: string, type: string, opts: string, tail: string) =>
      `${pad(from)}${pad(on)}${type}\t${opts}${opts.length < 8 ? '\t' : ' '}${tail}\n`;
    // The root is in fstab ("1 1"). A fusefs mount has no flag that flags2opts names: current
    // fuse_vfsop_mount (sys/fs/fuse/fuse_vfsops.c) clears MNT_LOCAL and no longer sets MNT_SYNCHRONOUS.
    return (
      line('/dev/gpt/rootfs', '/', 'ufs', 'rw', '\t1 1') +
      this.mounts
        .filter((m) => m.statfs !== 'fails')
        .map((m) => line(m.from, m.on, m.type, 'rw', '\t0 0'))
        .join('')
    );
  }

  /**
   * sbin/mount/mount.c prmount for each mount (`mount`, MNT_NOWAIT: every mount, from mnt_stat):
   * `FROM on ON (TYPE`, `, NAME` for each flag MNTOPT_NAMES names, `)`. The root UFS has MNT_LOCAL
   * ("local"); a fusefs mount made by root has no flag it names (fuse_vfsop_mount clears MNT_LOCAL)
   * and no "mounted by" (f_owner 0, no MNT_USER).
   */
  mountList(): string {
    return (
      '/dev/gpt/rootfs on / (ufs, local)\n' +
      this.mounts.map((m) => `${m.from} on ${m.on} (${m.type})\n`).join('')
    );
  }

  /** What a request the daemon never answers does after `waitedSec` (fticket_wait_answer). */
  stalledRequest(on: string, waitedSec: number): 'sleeping in fu_ans' | 'ETIMEDOUT' {
    const m = this.mounts.find((x) => x.on === on);
    if (!m) throw new Error(`FakeFreeBSDKernel: nothing mounted on ${on}`);
    return m.daemonTimeout !== 0 && waitedSec >= m.daemonTimeout ? 'ETIMEDOUT' : 'sleeping in fu_ans';
  }

  /** sbin/kldstat/kldstat.c printfile/printmod with -v ('%2d %4d %*p %8zx %s', ' (%s)', '\t\t%3d %s'): the kernel, then fusefs.ko when loaded. */
  kldstatV(): string {
    const file = (
      id: number,
      refs: number,
      addr: string,
      size: string,
      name: string,
      path: string,
      mods: [number, string][],
    ) =>
      `${String(id).padStart(2)} ${String(refs).padStart(4)} ${addr} ${size.padStart(8)} ${name} (${path})\n\tContains modules:\n\t\t Id Name\n${mods.map(([i, n]) => `\t\t${String(i).padStart(3)} ${n}\n`).join('')}`;
    // 'Id Refs Address%*c %8s Name' with POINTER_WIDTH 18 (amd64): %*c is 11 wide.
    let out = `Id Refs Address${' '.repeat(11)} ${'Size'.padStart(8)} Name\n`;
    out += file(1, 9, '0xffffffff80200000', '1f3e2b0', 'kernel', '/boot/kernel/kernel', [
      [1, 'elf64'],
      [2, 'shell'],
      ...(this.fusefsInKernel ? ([[497, 'fusefs']] as [number, string][]) : []),
    ]);
    if (this.fusefsPath)
      out += file(4, this.fusefsRefs, '0xffffffff82a21000', '2c1b8', 'fusefs.ko', this.fusefsPath, [
        [498, 'fusefs'],
      ]);
    return out;
  }

  /** Rules for the kernel-facing commands the adapter sends; put them before transcript rules. */
  rules(): FakeRule[] {
    return [
      {
        match: /^kldstat -q -m fusefs \|\| kldload fusefs/,
        output: () => {
          if (!this.fusefsModule) this.load('/boot/kernel/fusefs.ko');
          return '';
        },
      },
      {
        match: /^if kldstat -q -m fusefs; then kldunload fusefs\.ko \|\| exit 1; fi; kldload -v (\S+)/,
        run: (command) => {
          // fusefs in the kernel: no file named fusefs.ko to unload (linker_find_file_by_name).
          if (this.fusefsInKernel) return { exit: 1, output: "kldunload: can't find file fusefs.ko\n" };
          const path = /kldload -v '?([^' ]+)'?/.exec(command)![1]!;
          this.load(path);
          return { exit: 0, output: `Loaded ${path}, id=4\n` };
        },
      },
      { match: /^kldstat -v$/, output: () => this.kldstatV() },
      { match: /^kldstat -q -m fusefs$/, run: () => ({ exit: this.fusefsModule ? 0 : 1, output: '' }) },
      {
        match: /^kldunload -v (\S+) 2>&1$/,
        run: (command) => this.kldunload(/^kldunload -v (\S+)/.exec(command)![1]!),
      },
      { match: /^umount (\S+) 2>&1$/, run: (command) => this.umount(/^umount (\S+)/.exec(command)![1]!) },
      { match: /^mount -p$/, output: () => this.mountP() },
      { match: /^mount$/, output: () => this.mountList() },
      {
        // src/guest/common.ts fuseMountGoneCommand around freebsdMountCheck: run for real, `mount`
        // and the server's status file answered from this kernel.
        match: /^if mount \| awk /,
        run: (command) => {
          const status = this.files.get('/gate/results/fuse-server.status');
          const script =
            `mount() { printf '%s' "$TABLE"; }; ` +
            `cat() { [ "$1" = /gate/results/fuse-server.status ] && [ -n "$STATUS" ] && printf '%s' "$STATUS"; }; ${command}`;
          const output = execFileSync('sh', ['-c', script], {
            env: { ...process.env, TABLE: this.mountList(), STATUS: status ?? '' },
            encoding: 'utf8',
          });
          return { exit: 0, output };
        },
      },
      {
        match: /^echo (\d+) >(\/gate\/\S+)$/,
        run: (command) => {
          const [, value, file] = /^echo (\d+) >(\S+)$/.exec(command)!;
          this.files.set(file!, `${value}\n`);
          return { exit: 0, output: '' };
        },
      },
      {
        match: /^\( s=\$\(cat \/gate\/fuse-server\.sid /,
        run: (command) => this.runWithProcessTools(command),
      },
      {
        match: /^sysctl kern\.msgbuf_clear=1 2>&1 >\/dev\/null$/,
        run: () => {
          this.msgbuf.length = 0;
          return { exit: 0, output: '' };
        },
      },
      {
        // The fixture's mount command line (src/guest/common.ts fixtureMountCommand), then its mount check for real.
        match: /\/gate\/bin\/fusefs-fixture /,
        run: (command) => {
          const options = /-o '?([^' ]+)'?/.exec(command)?.[1]?.split(',') ?? [];
          const timeout = options.find((o) => o.startsWith('daemon_timeout='));
          const mounted = this.mountFixture(
            '/mnt/fg',
            'fusefs-fixture',
            timeout ? Number(timeout.split('=')[1]) : undefined,
          );
          if (mounted.exit !== 0) return mounted;
          const check = command.slice(command.indexOf('mount | ') + 'mount | '.length);
          try {
            execFileSync('sh', ['-c', check], { input: this.mountList(), stdio: ['pipe', 'pipe', 'pipe'] });
            return mounted;
          } catch {
            return { exit: 1, output: mounted.output };
          }
        },
      },
    ];
  }
}

/** The pid the fake fixture's daemon gets. */
const FIXTURE_DAEMON_PID = 1304;

/** fuse_vfsop_mount: "fusefs" + "." + subtype, cut to MFSNAMELEN - 1 (sys/fs/fuse/fuse_vfsops.c). */
function fusefsType(subtype: string, mfsnamelen: number): string {
  return `fusefs.${subtype}`.slice(0, mfsnamelen - 1);
}
