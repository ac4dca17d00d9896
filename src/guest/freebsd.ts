// The FreeBSD guest adapter: what to run in an official BASIC-CI image to build the fusefs tree
// under test, load it, prove it runs, mount a FUSE file system and run the tests; and how to read
// what comes back. Every fact about FreeBSD's formats is cited to its source file; docs/freebsd.md
// lists them with their tests.

import { KERNEL_BUILD_NEEDS, readTreeFacts, type TreeFacts } from '../config/freebsd-tree.js';
import type { GateConfig } from '../config/types.js';
import type { ProofOfCode, TestResult, Thread } from '../report/model.js';
import type {
  BackstopPlan,
  ConsoleProfile,
  DiskLayout,
  GuestAdapter,
  ReuseReset,
  TargetOutcome,
  TestSpec,
} from './adapter.js';
import {
  BIN_DIR,
  DETACH,
  GATE_DIR,
  RESULTS_DIR,
  fixtureMountCommand,
  MOUNTPOINT,
  MountError,
  FUSE_SERVER_MOUNT_TIMEOUT_MS,
  fuseMountGone,
  mountFuseServer,
  mustRun,
  workloadTests,
} from './common.js';
import {
  decideBuild,
  findFusefs,
  parseCompilerErrors,
  parseKldstat,
  parseLinkErrors,
  undefinedKernelSymbols,
  type CompilerError,
  type LinkError,
} from './freebsd-parse.js';
import { parseFreebsdVersion } from '../image/freebsd-resolve.js';
import { parseStacks } from '../report/stacks.js';
import { shQuote } from './quote.js';
import { endServerSessionCommand, recordFixtureSession } from './server-session.js';
import type { Shell } from './shell.js';
import { FREEBSD_PATHS } from './freebsd-paths.js';
import { filterOf, gtestResultsFromRun, gtestSpec } from './freebsd-gtest.js';

export { FREEBSD_PATHS } from './freebsd-paths.js';
export { gtestResultsFromRun, gtestSpec } from './freebsd-gtest.js';

/**
 * The console of a BASIC-CI image:
 * - bootBanner: sys/conf/newvers.sh writes `Copyright (c) 1992-<year> The FreeBSD Project.` into
 *   vers.c and the kernel prints it once per boot (the `---<<BOOT>>---` tag of
 *   sys/kern/subr_prf.c BOOT_TAG is printed once too, but only by newer kernels; one pattern only,
 *   or a single boot would count twice).
 * - login: etc/ttys runs `/usr/libexec/getty 3wire` on ttyu0 `onifconsole`; BASIC-CI sets
 *   console="comconsole,vidconsole" (release/tools/basic-ci.conf); getty's default gettytab `lm`
 *   is `login: ` (libexec/getty/main.c), printed once: a syslog or kernel line may follow it on
 *   the same line or after it (BASIC-CI's etc/syslog.conf sends auth.notice and kern.warning to
 *   /dev/console), so the prompt is matched at a line start, never at the end of the buffer.
 *   The banner names the host `freebsd`: release/tools/vmimage.subr vm_install_base writes
 *   hostname="$(uname -o | lowercase)" into rc.conf.
 * - no Password: prompt: root's password is empty in etc/master.passwd and pam_unix returns
 *   PAM_SUCCESS for an empty password with `nullok` before prompting
 *   (lib/libpam/modules/pam_unix/pam_unix.c); basic-ci.conf relies on it (PermitEmptyPasswords).
 * - shell: root's shell is /bin/sh from 14.0 on (etc/master.passwd), csh before; root's
 *   /root/.shrc (bin/sh/dot.shrc: `PS1="\u@\h:\w \\$ "`, read through ENV from .profile) and
 *   /root/.cshrc (`%N@%m:%~ %# `; third-party 13.x sessions show `root@freebsd-13:~ #`) both give
 *   `root@freebsd:~ # `, matched at a line start: login(1) logs `ROOT LOGIN (root) ON ttyu0`
 *   (usr.bin/login/login.c, LOG_NOTICE to auth) and syslogd writes it to the console right after
 *   the prompt. Before the prompt, /root/.profile (bin/sh/dot.profile) runs `resizewin -z`: the
 *   serial tty is 0x0, so it writes ESC 7 ... ESC [ 6 n ESC 8 and after 2 s without a reply
 *   `resizewin: timeout reading from terminal` (usr.bin/resizewin/resizewin.c); the console engine
 *   drops the escapes. The console engine then sets its own prompt and frames every command.
 * - panic start: sys/kern/kern_shutdown.c vpanic() prints `panic: %s` (after `Fatal trap N: ...`
 *   from the trap handler); on the serial console it can follow a `login: ` prompt on one line.
 * - panic end: `KDB: enter: panic` (sys/kern/subr_kdb.c kdb_enter, only with a debugger backend,
 *   then `db> `), else kern_reboot's `Uptime: ...`, the dump's `Dumping N out of M MB`,
 *   shutdown_panic's `Automatic reboot in %d seconds` (sys/kern/kern_shutdown.c).
 */
export const FREEBSD_CONSOLE: ConsoleProfile = {
  loginPrompt: /^login: /m,
  loginUser: 'root',
  shellPrompt: /^root@[\w.-]+:\S* # /m,
  bootBanner: /Copyright \(c\) 1992-\d{4} The FreeBSD Project\./,
  // shutdown(8) -r: reboot through init's rc.shutdown; `now` takes effect at once.
  rebootCommand: 'shutdown -r now',
  panicStart: /^(?:.*login: )?panic: |^Fatal trap \d+: /m,
  panicEnd: /KDB: enter: panic|^db> |^Uptime: \d|^Dumping \d+ out of \d+ MB|Automatic reboot in \d+ seconds/m,
};

/** sys/sys/mount.h: `MFSNAMELEN 16` "length of type name including null" (statfs f_fstypename). */
export const MFSNAMELEN = 16;

/** The subtype guest/fuse_fixture's mount passes (`subtype=` in guest/fixture_mount.c). */
export const FIXTURE_SUBTYPE = 'fusefs-fixture';

/**
 * The type a fusefs mount shows: sys/fs/fuse/fuse_vfsops.c fuse_vfsop_mount strlcat()s "." and
 * the `subtype=` option onto f_fstypename ("fusefs"), both bounded by MFSNAMELEN, so the name is
 * cut to 15 characters: subtype `fusefs-fixture` shows as `fusefs.fusefs-f`.
 */
export function fusefsTypeName(subtype?: string): string {
  return subtype === undefined ? 'fusefs' : `fusefs.${subtype}`.slice(0, MFSNAMELEN - 1);
}

/**
 * How the gate lists the mount table on FreeBSD: `mount` without arguments, which reads the
 * kernel's cached mount list and asks no file system anything. sbin/mount/mount.c main calls
 * getmntinfo(3) with `verbose ? MNT_WAIT : MNT_NOWAIT`, and `-p` (like `-v`) sets verbose;
 * lib/libc/gen/getmntinfo.c passes the mode to getfsstat(2), and sys/kern/vfs_syscalls.c
 * kern_getfsstat with MNT_WAIT calls VFS_STATFS on every mount and leaves out a mount whose statfs
 * fails. For fusefs that is a FUSE_STATFS request (sys/fs/fuse/fuse_vfsops.c fuse_vfsop_statfs,
 * faked only before INIT and after the daemon died): `mount -p` then sleeps in fticket_wait_answer
 * (sys/fs/fuse/fuse_ipc.c, all signals but SIGKILL blocked) until a busy or stalled server answers,
 * up to its daemon_timeout (none with timeout=0), and does not list a mount whose server answers
 * STATFS with an error (a server on /dev/fuse without STATFS: ENOSYS). With MNT_NOWAIT,
 * kern_getfsstat copies mnt_stat as the mount left it (vfs_busy MBF_NOWAIT: only a mount being
 * unmounted is left out). Without -v, `mount` also leaves out a mount made with MNT_IGNORE.
 */
export const FREEBSD_MOUNT_LIST = 'mount';

/**
 * `mount` prints a line a mount (sbin/mount/mount.c prmount): `FROM on ON (TYPE`, then `, FLAG` for
 * each flag it names, then `)`. FROM is a fusefs mount's `from` option, the path of the fuse device
 * (fuse_vfsop_mount: fuse_getdevice accepts only a fuse cdev; mount_fusefs passes "/dev/" +
 * devname_r, sbin/mount_fusefs/mount_fusefs.c), so no blank in it, and TYPE is f_fstypename. So the
 * mount point is the third blank-separated field, after `on`, and the fourth is `(TYPE` ended by `,`
 * or `)`. With `type` it must be exactly it; without (a user's server, whose subtype is its own), any
 * fusefs mount: `fusefs` without a subtype, `fusefs.` and at most 8 characters of one with it.
 */
export function freebsdMountCheck(type?: string): string {
  const test = type
    ? `t == "${type}"`
    : `(t == "fusefs" || (substr(t, 1, 7) == "fusefs." && length(t) <= ${MFSNAMELEN - 1}))`;
  return (
    `${FREEBSD_MOUNT_LIST} | awk '{ t = $4; sub(/^[(]/, "", t); sub(/[,)]$/, "", t) } ` +
    `$2 == "on" && $3 == "${MOUNTPOINT}" && ${test} { found = 1 } END { exit !found }'`
  );
}

/**
 * The fixture's `daemon_timeout=` (the kernel's `timeout=` mount option): every FUSE request
 * times out after the session's daemon_timeout (sys/fs/fuse/fuse_ipc.c fticket_wait_answer:
 * msleep(..., daemon_timeout * hz), EWOULDBLOCK becomes ETIMEDOUT), 60 s by default
 * (FUSE_DEFAULT_DAEMON_TIMEOUT, sys/fs/fuse/fuse.h), and the gate's default test timeout is also
 * 60 s. fuse_vfsop_mount reads `timeout=` with "%u" and clamps it to FUSE_MIN_DAEMON_TIMEOUT (0)
 * .. FUSE_MAX_DAEMON_TIMEOUT (600). So: the test timeout plus the watchdog's samples and the
 * host's grace, and 0 (msleep without a timeout: no daemon timeout at all) when that is more than
 * the kernel's 600 s, rather than a cap that would turn a stall into ETIMEDOUT before the verdict.
 */
export const FUSE_MAX_DAEMON_TIMEOUT_SEC = 600;
export const DAEMON_TIMEOUT_MARGIN_SEC = 60;
export function fixtureDaemonTimeout(testTimeoutSec: number): number {
  const wanted = Math.ceil(testTimeoutSec) + DAEMON_TIMEOUT_MARGIN_SEC;
  return wanted > FUSE_MAX_DAEMON_TIMEOUT_SEC ? 0 : wanted;
}

/**
 * The last line of `output` that is wholly of `shape`. The console also carries kernel and syslog
 * lines (the serial line is the kernel's console), and one can land inside a command's output;
 * a value is only taken from a line of its own shape.
 */
export function lineOfShape(output: string, shape: RegExp): string | undefined {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => shape.test(line))
    .pop();
}

const SHA256 = /^[0-9a-f]{64}$/;
const NUMBER = /^\d+$/;
const ABSOLUTE_PATH = /^\/\S*$/;
/**
 * `make -V .OBJDIR`: under MAKEOBJDIRPREFIX, or the source folder itself when make made no object
 * folder (share/mk/bsd.obj.mk); both are under the gate's folder (and may hold spaces).
 */
const OBJ_PATH = new RegExp(`^${GATE_DIR}/.+$`);
/** sys/conf/newvers.sh VERSTR: `FreeBSD ${RELEASE} ${BRANCH}-... ${KERNCONF}`; uname -v prints it. */
const UNAME_V = /^FreeBSD \S+/;

/** TargetOutcome plus what the gate needs to blame the right party (see the report: interface change). */
export interface FreeBSDTargetOutcome extends TargetOutcome {
  /** `tree`: the tree did not compile or link (verdict fail); `gate`: anything else that broke (verdict error). */
  blame?: 'tree' | 'gate';
  compilerErrors?: CompilerError[];
  linkErrors?: LinkError[];
  /** What runs: the built module's path, or the installed kernel's config. */
  artifact?: string;
}

export interface FreeBSDGuestOptions {
  /** The stack parser; default src/report/stacks.ts `parseStacks` (the adapter holds none of its own). */
  parseStacks?: (text: string) => Thread[];
  /** What the host's tree holds (default: read from config.sourceTree when the build is decided). */
  tree?: TreeFacts;
}

export class BuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildError';
  }
}

interface State {
  treeVersion?: number;
  osreldate?: number;
  /** module: the built fusefs.ko (kldload'ed by path). kernel: /boot/kernel/fusefs.ko after installkernel. */
  modulePath?: string;
  moduleSha256?: string;
  kernconf?: string;
  kernelSha256?: string;
  uname?: string;
  gtestNote?: string;
  hasDdb?: boolean;
  /** debug.debugger_on_panic is not 0: an NMI of unknown source goes to ddb, not to panic("NMI"). */
  nmiEntersDdb?: boolean;
  hasWitness?: boolean;
}

const tail = (s: string, n = 3000) => (s.length > n ? s.slice(-n) : s);

/**
 * What a module load that stopped at an undefined symbol means. The kernel linker checks the
 * module's MODULE_DEPEND on the kernel (its __FreeBSD_version, sys/sys/module.h DECLARE_MODULE)
 * in linker_load_dependencies before relocate_file resolves symbols (sys/kern/link_elf_obj.c
 * link_elf_load_file), so the version check passed: the tree's fusefs.ko, built against the tree's
 * own headers, names a symbol the running kernel does not have. Whose that is cannot be known here,
 * so it stays the gate's (`error`): the tree may call something defined nowhere (its own bug), or
 * its sys/ may be newer than the image's kernel without a __FreeBSD_version bump; and a textual
 * search of the tree's sys/ for a definition cannot tell those apart, because many kernel symbols
 * are generated and appear in no source as written (sys/tools/vnode_if.awk makes `vop_*_desc` and
 * `VOP_*_APV` from sys/kern/vnode_if.src; SYSCTL_NODE and kobj methods make names by macro), so a
 * `fail` from such a search would blame the tree for an image that is only older.
 */
function missingSymbolWords(symbols: string[]): string {
  return `fusefs.ko needs the kernel symbol ${symbols.join(', ')}, which the running kernel does not have (link_elf_obj: symbol undefined): either the tree's code calls something defined nowhere, or the tree is newer than the image's kernel and needs build: kernel to build and boot its own`;
}

export class FreeBSDGuest implements GuestAdapter {
  readonly os = 'freebsd' as const;
  readonly console = FREEBSD_CONSOLE;
  private readonly state: State = {};

  constructor(private readonly options: FreeBSDGuestOptions = {}) {}

  /** virtio-blk disks are `vtbd0, vtbd1, ...` (sys/dev/virtio/block/virtio_blk.c VTBLK_DISK_NAME "vtbd"); the boot disk is vtbd0. */
  disks(diskIndexOfPayload: number): DiskLayout {
    return { payload: `/dev/vtbd${diskIndexOfPayload}`, results: `/dev/vtbd${diskIndexOfPayload + 1}` };
  }

  async prepare(shell: Shell, disks: DiskLayout, config: GateConfig): Promise<void> {
    await mustRun(
      shell,
      `mkdir -p ${RESULTS_DIR} ${BIN_DIR} ${FREEBSD_PATHS.work} && tar -xf ${shQuote(disks.payload)} -C ${GATE_DIR}`,
      600_000,
      'unpacking the payload disk',
    );
    // Record what the image is: the gate's report and the proof need it.
    await shell.run(
      `{ uname -a; sysctl kern.osreldate kern.bootfile debug.kdb.available debug.kdb.current debug.debugger_on_panic; } > ${RESULTS_DIR}/guest-info.txt 2>&1`,
      {
        timeoutMs: 10_000,
      },
    );
    // Which debugger the booted kernel has decides what the host backstop may do (debug.kdb.available
    // lists the KDB backends, sys/kern/subr_kdb.c; debug.witness exists only with WITNESS).
    // Decided by exit status, which the end marker carries, not by output a console line could break into.
    const ddb = await shell.run('sysctl -n debug.kdb.available | tr -s " " "\\n" | grep -qx ddb', {
      timeoutMs: 10_000,
    });
    const witness = await shell.run('sysctl -n debug.witness.watch >/dev/null 2>&1', { timeoutMs: 10_000 });
    // An NMI of unknown source (QMP inject-nmi) reaches kdb_trap only while debug.debugger_on_panic
    // is set, and is panic("NMI") otherwise (sys/x86/x86/cpu_machdep.c nmi_call_kdb, panic_on_nmi
    // 0xff; the sysctl is in sys/kern/kern_shutdown.c, 0 with KDB_UNATTENDED).
    const onPanic = await shell.run('sysctl -n debug.debugger_on_panic | grep -qx "[1-9][0-9]*"', {
      timeoutMs: 10_000,
    });
    this.state.hasDdb = ddb.exitStatus === 0;
    this.state.nmiEntersDdb = onPanic.exitStatus === 0;
    this.state.hasWitness = witness.exitStatus === 0;
    const needPrograms = config.tests.includes('workloads') || !config.fuseServer;
    if (needPrograms) {
      // guest/ is built with the image's base cc; its Makefile leaves the programs in /gate/bin.
      await mustRun(
        shell,
        `make -C ${FREEBSD_PATHS.guestSrc} FUSEDIR=${FREEBSD_PATHS.src}/sys/fs/fuse BINDIR=${BIN_DIR} && test -x ${BIN_DIR}/fusefs-fixture && test -x ${BIN_DIR}/fusefs-workloads`,
        600_000,
        'building the guest programs (guest/)',
      );
    }
    await shell.run(
      `if [ -f ${FREEBSD_PATHS.guestSrc}/watchdog.sh ]; then install -m 0755 ${FREEBSD_PATHS.guestSrc}/watchdog.sh ${BIN_DIR}/watchdog.sh; fi`,
      { timeoutMs: 10_000 },
    );
  }

  async buildTarget(shell: Shell, config: GateConfig): Promise<FreeBSDTargetOutcome> {
    const param = await shell.run(
      `grep -E '^#define[[:space:]]+__FreeBSD_version' ${FREEBSD_PATHS.src}/sys/sys/param.h`,
      { timeoutMs: 10_000 },
    );
    const osrel = await this.readValue(shell, 'sysctl -n kern.osreldate', NUMBER);
    const treeVersion = parseFreebsdVersion(param.output);
    const osreldate = Number(osrel.value);
    if (!osrel.value || osreldate <= 0)
      throw new BuildError(`sysctl -n kern.osreldate gave ${JSON.stringify(osrel.output.trim())}`);
    this.state.treeVersion = treeVersion;
    this.state.osreldate = osreldate;
    const decision = decideBuild(
      config.build,
      treeVersion,
      osreldate,
      () => this.options.tree ?? readTreeFacts(config.sourceTree),
    );

    let outcome: FreeBSDTargetOutcome;
    // The tree cannot build the kernel the booted image needs: nothing to try, say what to change.
    if (decision.mode === 'refuse')
      return { mode: 'kernel', why: decision.why, ok: false, blame: 'gate', tail: decision.why };
    if (decision.mode === 'module') outcome = await this.buildModule(shell, config, decision.why);
    else if (decision.mode === 'kernel') outcome = await this.buildKernel(shell, config, decision.why);
    else outcome = await this.loadStockModule(shell, decision.why);

    if (outcome.ok && config.tests.includes('gtest')) {
      const note = await this.prepareGtest(shell, config);
      outcome.why += `; ${note}`;
    }
    return outcome;
  }

  /**
   * Runs `command` and takes its value from the last output line of `shape`; once more when no
   * line has it (a kernel message can break into a line: it is printed straight to the UART,
   * around the tty's output queue). `value` is undefined when neither run gave one.
   */
  private async readValue(
    shell: Shell,
    command: string,
    shape: RegExp,
    timeoutMs = 10_000,
  ): Promise<{ value?: string; output: string; exitStatus: number }> {
    let result = await shell.run(command, { timeoutMs });
    let value = lineOfShape(result.output, shape);
    if (value === undefined) {
      result = await shell.run(command, { timeoutMs });
      value = lineOfShape(result.output, shape);
    }
    return value === undefined
      ? { output: result.output, exitStatus: result.exitStatus }
      : { value, output: result.output, exitStatus: result.exitStatus };
  }

  /**
   * build: none: the image's own fusefs.ko, loaded before the fixture opens /dev/fuse. The device
   * exists only once the module is loaded (sys/fs/fuse/fuse_device.c fuse_device_init, make_dev
   * "fuse", called from fuse_loader at MOD_LOAD in fuse_main.c); nmount would auto-load the module,
   * but a server opens /dev/fuse before it mounts. `kldstat -q -m fusefs` exits 0 exactly when the
   * module is there (sbin/kldstat/kldstat.c: modfind, quiet); kldload by name finds
   * /boot/kernel/fusefs.ko through the module path (sbin/kldload/kldload.c).
   */
  private async loadStockModule(shell: Shell, why: string): Promise<FreeBSDTargetOutcome> {
    const load = await shell.run('kldstat -q -m fusefs || kldload fusefs 2>&1', {
      timeoutMs: 60_000,
      purpose: "loading the image's fusefs.ko",
    });
    if (load.exitStatus !== 0) {
      return {
        mode: 'none',
        why,
        ok: false,
        blame: 'gate',
        tail: `kldload fusefs failed (exit ${load.exitStatus}): ${load.output.trim()}`,
      };
    }
    return {
      mode: 'none',
      why: `${why}: the image's own fusefs.ko is under test (loaded before mounting)`,
      ok: true,
      artifact: '/boot/kernel/fusefs.ko',
    };
  }

  private makeEnv(): string {
    // MAKEOBJDIRPREFIX must come from the environment (bmake ignores it on the command line).
    return `env MAKEOBJDIRPREFIX=${FREEBSD_PATHS.obj}`;
  }

  private failedBuild(
    mode: 'module' | 'kernel',
    why: string,
    what: string,
    status: number,
    output: string,
  ): FreeBSDTargetOutcome {
    const errors = parseCompilerErrors(output, `${FREEBSD_PATHS.src}/`);
    // The linker rejecting the tree's objects (the kernel's final link; a module's duplicates) is
    // the tree's as much as the compiler rejecting its sources.
    const linkErrors = parseLinkErrors(output, `${FREEBSD_PATHS.src}/`);
    if (errors.length || linkErrors.length) {
      const found = [
        ...(errors.length ? [`${errors.length} compiler error(s)`] : []),
        ...(linkErrors.length ? [`${linkErrors.length} link error(s) (${linkErrors[0]!.message})`] : []),
      ];
      return {
        mode,
        why,
        ok: false,
        blame: 'tree',
        ...(errors.length ? { compilerErrors: errors } : {}),
        ...(linkErrors.length ? { linkErrors } : {}),
        tail: `${what} failed (exit ${status}) with ${found.join(' and ')}:\n${tail(output)}`,
      };
    }
    return {
      mode,
      why,
      ok: false,
      blame: 'gate',
      tail: `${what} failed (exit ${status}) without a compiler or link error:\n${tail(output)}`,
    };
  }

  private async buildModule(shell: Shell, config: GateConfig, why: string): Promise<FreeBSDTargetOutcome> {
    const dir = `${FREEBSD_PATHS.src}/sys/modules/fusefs`;
    // sys/modules/fusefs/Makefile: KMOD=fusefs, .PATH ${SRCTOP}/sys/fs/fuse, .include <bsd.kmod.mk>;
    // sys/conf/kmod.mk needs SYSDIR (else it searches ../.. and /usr/src/sys). make finds the tree's
    // own share/mk through its default .../share/mk system path, so the payload carries share/mk.
    const vars = [`SYSDIR=${FREEBSD_PATHS.src}/sys`, `SRCTOP=${FREEBSD_PATHS.src}`];
    const make = `${this.makeEnv()} make -C ${dir} ${vars.join(' ')}`;
    const build = await shell.run(`${make} -j${Math.max(1, config.cpus)} all 2>&1`, {
      timeoutMs: config.buildTimeoutSec * 1000,
      purpose: 'building fusefs.ko',
    });
    if (build.exitStatus !== 0)
      return this.failedBuild('module', why, 'make -C sys/modules/fusefs', build.exitStatus, build.output);

    const objdir = (await this.readValue(shell, `${make} -V .OBJDIR`, OBJ_PATH, 30_000)).value;
    if (!objdir)
      return {
        mode: 'module',
        why,
        ok: false,
        blame: 'gate',
        tail: `make -V .OBJDIR named no folder under ${GATE_DIR}`,
      };
    const ko = `${objdir}/fusefs.ko`;
    const hash = await this.readValue(shell, `sha256 -q ${shQuote(ko)}`, SHA256, 30_000);
    if (hash.exitStatus !== 0 || !hash.value)
      return {
        mode: 'module',
        why,
        ok: false,
        blame: 'gate',
        tail: `the build said it succeeded but ${ko} is missing: ${hash.output.trim()}`,
      };
    this.state.modulePath = ko;
    this.state.moduleSha256 = hash.value;

    // Unload whatever fusefs is there (the stock module if something auto-loaded it), then load ours by path.
    const load = await shell.run(
      `if kldstat -q -m fusefs; then kldunload fusefs.ko || exit 1; fi; kldload -v ${shQuote(ko)} 2>&1`,
      {
        timeoutMs: 60_000,
        purpose: 'loading the built fusefs.ko',
      },
    );
    if (load.exitStatus !== 0) {
      const dmesg = await shell.run('dmesg | tail -n 20', { timeoutMs: 10_000 });
      const missing = undefinedKernelSymbols(dmesg.output);
      const first = `kldload ${ko} failed (exit ${load.exitStatus})${missing.length ? `: ${missingSymbolWords(missing)}` : ''}`;
      return {
        mode: 'module',
        why,
        ok: false,
        blame: 'gate',
        artifact: ko,
        tail: `${first}\n${load.output.trim()}\n--- dmesg ---\n${dmesg.output.trim()}`,
      };
    }
    return { mode: 'module', why, ok: true, artifact: ko };
  }

  private async buildKernel(shell: Shell, config: GateConfig, why: string): Promise<FreeBSDTargetOutcome> {
    // GENERIC-NODEBUG exists only on HEAD (its own header says so) and turns off INVARIANTS/WITNESS
    // (sys/conf/std.nodebug); elsewhere GENERIC is the release kernel's config.
    let kernconf = config.kernconf;
    if (!kernconf) {
      const nodebug = await shell.run(`test -f ${FREEBSD_PATHS.src}/sys/amd64/conf/GENERIC-NODEBUG`, {
        timeoutMs: 10_000,
      });
      kernconf = nodebug.exitStatus === 0 ? 'GENERIC-NODEBUG' : 'GENERIC';
    }
    this.state.kernconf = kernconf;
    why = `${why} (KERNCONF=${kernconf})`;
    // buildkernel/installkernel from the top of a full tree (Makefile.inc1); MODULES_OVERRIDE keeps
    // the module build to fusefs, which is all the tests load.
    const vars = [`KERNCONF=${shQuote(kernconf)}`, 'MODULES_OVERRIDE=fusefs'];
    this.state.uname = (await this.readValue(shell, 'uname -v', UNAME_V)).value ?? '(unreadable)';
    const build = await shell.run(
      `make -C ${FREEBSD_PATHS.src} -j${Math.max(1, config.cpus)} buildkernel ${vars.join(' ')} 2>&1`,
      {
        timeoutMs: config.buildTimeoutSec * 1000,
        purpose: `building the ${kernconf} kernel`,
      },
    );
    if (build.exitStatus !== 0)
      return this.failedBuild('kernel', why, 'make buildkernel', build.exitStatus, build.output);
    const install = await shell.run(`make -C ${FREEBSD_PATHS.src} installkernel ${vars.join(' ')} 2>&1`, {
      timeoutMs: 600_000,
      purpose: 'installing the kernel',
    });
    if (install.exitStatus !== 0)
      return {
        mode: 'kernel',
        why,
        ok: false,
        blame: 'gate',
        tail: `make installkernel failed (exit ${install.exitStatus}):\n${tail(install.output)}`,
      };
    const sums = await shell.run('sha256 -q /boot/kernel/kernel /boot/kernel/fusefs.ko', {
      timeoutMs: 60_000,
    });
    const [kernelSha, moduleSha] = sums.output
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => SHA256.test(line));
    if (sums.exitStatus !== 0 || !kernelSha || !moduleSha) {
      return {
        mode: 'kernel',
        why,
        ok: false,
        blame: 'gate',
        tail: `installkernel left no /boot/kernel/kernel or fusefs.ko: ${sums.output.trim()}`,
      };
    }
    this.state.kernelSha256 = kernelSha;
    this.state.moduleSha256 = moduleSha;
    this.state.modulePath = '/boot/kernel/fusefs.ko';
    return {
      mode: 'kernel',
      why,
      ok: true,
      rebootRequired: true,
      artifact: `/boot/kernel/kernel (${kernconf})`,
    };
  }

  /**
   * Build the tree's tests/sys/fs/fusefs/write (Makefile: GTESTS+= write; SRCS write.cc getmntopts.c
   * mockfs.cc utils.cc; -I${SRCTOP}/tests -I${SRCTOP}/sys/fs/fuse -I${SRCTOP}/sbin/mount;
   * .PATH ${SRCTOP}/sbin/mount; LIBADD pthread gmock gtest util; <bsd.test.mk>). GTESTS=write on the
   * command line overrides the list. Falls back to the image's /usr/tests/sys/fs/fusefs/write.
   */
  private async prepareGtest(shell: Shell, config: GateConfig): Promise<string> {
    const dir = `${FREEBSD_PATHS.src}/tests/sys/fs/fusefs`;
    const make = `${this.makeEnv()} make -C ${dir} SRCTOP=${FREEBSD_PATHS.src} GTESTS=write`;
    const build = await shell.run(`${make} -j${Math.max(1, config.cpus)} all 2>&1`, {
      timeoutMs: config.buildTimeoutSec * 1000,
      purpose: 'building the write tests',
    });
    if (build.exitStatus === 0) {
      const objdir =
        (await this.readValue(shell, `${make} -V .OBJDIR`, OBJ_PATH, 30_000)).value ??
        `${FREEBSD_PATHS.obj}/(unknown)`;
      const link = await shell.run(
        `ln -sf ${shQuote(`${objdir}/write`)} ${FREEBSD_PATHS.gtestBinary} && test -x ${FREEBSD_PATHS.gtestBinary}`,
        { timeoutMs: 10_000 },
      );
      if (link.exitStatus === 0) {
        this.state.gtestNote = `the tree's tests/sys/fs/fusefs/write was built in the guest (${objdir}/write)`;
        return this.state.gtestNote;
      }
    }
    const fallback = await shell.run(
      `test -x /usr/tests/sys/fs/fusefs/write && ln -sf /usr/tests/sys/fs/fusefs/write ${FREEBSD_PATHS.gtestBinary}`,
      { timeoutMs: 10_000 },
    );
    if (fallback.exitStatus !== 0) {
      throw new BuildError(
        `the tree's write tests did not build and the image has no /usr/tests/sys/fs/fusefs/write:\n${tail(build.output, 1500)}`,
      );
    }
    this.state.gtestNote = `the tree's write tests did not build in the guest, so the image's /usr/tests/sys/fs/fusefs/write runs against the tree's module (build output tail: ${tail(build.output, 300).trim()})`;
    return this.state.gtestNote;
  }

  async proveTarget(shell: Shell, _config: GateConfig, target: TargetOutcome): Promise<ProofOfCode> {
    const details: string[] = [];
    if (target.mode === 'none') {
      const k = parseKldstat((await shell.run('kldstat -v', { timeoutMs: 10_000 })).output);
      const f = findFusefs(k);
      details.push("build: none: the image's own fusefs is under test, nothing of the tree was built");
      if (!f)
        return {
          ok: false,
          details: [...details, 'kldstat -v shows no fusefs module, though it was loaded before'],
        };
      details.push(`kldstat -v: fusefs from ${f.path ?? f.name}`);
      return { ok: true, details };
    }
    let ok = true;
    if (target.mode === 'kernel') {
      const bootfile =
        (await this.readValue(shell, 'sysctl -n kern.bootfile', ABSOLUTE_PATH)).value ?? '(unreadable)';
      const uname = (await this.readValue(shell, 'uname -v', UNAME_V)).value ?? '(unreadable)';
      const osrel = Number((await this.readValue(shell, 'sysctl -n kern.osreldate', NUMBER)).value ?? NaN);
      const kernSha =
        (await this.readValue(shell, 'sha256 -q /boot/kernel/kernel', SHA256, 30_000)).value ?? '';
      details.push(
        `sysctl kern.bootfile: ${bootfile}`,
        `uname -v: ${uname}${this.state.uname ? ` (before the reboot: ${this.state.uname})` : ''}`,
      );
      // The loader boots /boot/kernel/kernel unless it fell back (kernel.old); installkernel put the built one there.
      if (bootfile !== '/boot/kernel/kernel') {
        ok = false;
        details.push(
          `the kernel booted from ${bootfile}, not /boot/kernel/kernel where installkernel put the built one`,
        );
      }
      if (!this.state.kernelSha256 || kernSha !== this.state.kernelSha256) {
        ok = false;
        details.push(
          `/boot/kernel/kernel sha256 ${kernSha || '(unreadable)'} is not the installed ${this.state.kernelSha256 ?? '(no hash recorded)'}`,
        );
      } else details.push(`/boot/kernel/kernel sha256 ${kernSha} is the installed kernel`);
      // kern.osreldate is the running kernel's __FreeBSD_version (sys/conf/newvers.sh RELDATE from sys/sys/param.h).
      if (this.state.treeVersion !== undefined && osrel !== this.state.treeVersion) {
        ok = false;
        details.push(
          `kern.osreldate ${osrel} is not the tree's __FreeBSD_version ${this.state.treeVersion}: the stock kernel is running`,
        );
      } else details.push(`kern.osreldate ${osrel} is the tree's __FreeBSD_version`);
      // Load the installed module by its path: a name with a '/' is a file, used as it is
      // (sys/kern/kern_linker.c kern_kldload, linker_search_kld), so the file that loads or refuses is
      // the one installkernel put there and the build hashed, whatever kern.module_path or a
      // linker.hints says; once loaded, mounting auto-loads nothing else.
      const installed = '/boot/kernel/fusefs.ko';
      // dmesg prints the message buffer oldest line first (sbin/dmesg/dmesg.c): the lines after this
      // count are the load's own, not an earlier boot message (another module that did not link).
      const before = Number((await this.readValue(shell, 'dmesg | wc -l', NUMBER)).value ?? NaN);
      const load = await shell.run(`kldstat -q -m fusefs || kldload ${installed} 2>&1`, {
        timeoutMs: 60_000,
      });
      if (load.exitStatus !== 0) {
        details.push(`kldload ${installed} failed (exit ${load.exitStatus}): ${load.output.trim()}`);
        if (!Number.isInteger(before))
          details.push(
            "dmesg | wc -l was unreadable before the load: which kernel lines are the load's is not known",
          );
        else {
          const dmesg = await shell.run(`dmesg | tail -n +${before + 1} | tail -n 20`, { timeoutMs: 10_000 });
          const lines = dmesg.output.trim();
          if (lines) details.push(`dmesg since the load: ${lines.split('\n').join(' | ')}`);
          const missing = undefinedKernelSymbols(dmesg.output);
          // Kernel and module are both the tree's (installkernel, MODULES_OVERRIDE=fusefs), and the
          // bootfile, hash and osreldate checks above passed: a symbol the module needs and this
          // kernel lacks is the tree's.
          if (missing.length && ok)
            return {
              ok: false,
              details,
              treeFault: `the tree's fusefs.ko does not load into the tree's own kernel: it needs the kernel symbol ${missing.join(', ')}, which that kernel does not define (link_elf_obj: symbol undefined, sys/kern/link_elf_obj.c)`,
            };
        }
      }
    }
    const expectedPath =
      this.state.modulePath ?? (target.mode === 'kernel' ? '/boot/kernel/fusefs.ko' : undefined);
    const files = parseKldstat((await shell.run('kldstat -v', { timeoutMs: 10_000 })).output);
    const loaded = findFusefs(files);
    if (!loaded) {
      return {
        ok: false,
        details: [
          ...details,
          `kldstat -v shows no fusefs module loaded; expected ${expectedPath ?? 'the built fusefs.ko'}`,
        ],
      };
    }
    const loadedPath = loaded.path ?? loaded.name;
    if (expectedPath && loadedPath !== expectedPath) {
      return {
        ok: false,
        details: [
          ...details,
          `kldstat -v shows fusefs loaded from ${loadedPath}, not from the built ${expectedPath}`,
        ],
      };
    }
    details.push(`kldstat -v: fusefs loaded from ${loadedPath} (file id ${loaded.id})`);
    const sha = await this.readValue(shell, `sha256 -q ${shQuote(loadedPath)}`, SHA256, 30_000);
    const actual = sha.value ?? '';
    if (sha.exitStatus !== 0 || !this.state.moduleSha256 || actual !== this.state.moduleSha256) {
      ok = false;
      details.push(
        `sha256 of ${loadedPath} is ${actual || '(unreadable)'}, the build produced ${this.state.moduleSha256 ?? '(no hash recorded)'}`,
      );
    } else {
      details.push(`sha256 ${actual} matches the build`);
    }
    return { ok, details };
  }

  async mount(shell: Shell, config: GateConfig): Promise<string> {
    if (config.fuseServer && config.fuseServerSource) {
      await mustRun(
        shell,
        `make -C ${FREEBSD_PATHS.fuseServerSrc} 2>&1`,
        config.buildTimeoutSec * 1000,
        'building the FUSE server (fuse-server-source)',
      );
    }
    // The fixture's type is known exactly (its subtype, cut as the kernel cuts it); a user's server's is not.
    // A user's server is started detached (daemon(8): its own session, stdio on /dev/null) from a guest script.
    const result = config.fuseServer
      ? await mountFuseServer(
          shell,
          config.fuseServer,
          freebsdMountCheck(),
          DETACH.freebsd,
          FUSE_SERVER_MOUNT_TIMEOUT_MS,
        )
      : await shell.run(
          fixtureMountCommand(config, freebsdMountCheck(fusefsTypeName(FIXTURE_SUBTYPE)), [
            `daemon_timeout=${fixtureDaemonTimeout(config.timeoutSec)}`,
          ]),
          {
            timeoutMs: 60_000,
            purpose: 'mounting the FUSE file system',
          },
        );
    if (result.exitStatus !== 0)
      throw new MountError(
        `mounting the FUSE file system failed (exit ${result.exitStatus}): ${result.output.trim().slice(-800)}`,
      );
    if (!config.fuseServer) await recordFixtureSession(shell, result.output);
    return MOUNTPOINT;
  }

  /**
   * The same mount-table check as the mount's wait (freebsdMountCheck: `mount`, MNT_NOWAIT): it never
   * waits on the server, so a busy, slow or stalled server cannot hang it or hide its mount.
   */
  fuseMountGone(shell: Shell): Promise<string | undefined> {
    return fuseMountGone(shell, freebsdMountCheck());
  }

  tests(config: GateConfig, mountpoint: string): TestSpec[] {
    const specs: TestSpec[] = [];
    if (config.tests.includes('workloads')) specs.push(...workloadTests(config, mountpoint));
    if (config.tests.includes('gtest')) specs.push(gtestSpec(config.gtestFilter));
    return specs;
  }

  async gtestResults(shell: Shell, spec: TestSpec, iteration: number): Promise<TestResult[]> {
    const xmlPath = spec.xmlPath ?? FREEBSD_PATHS.gtestXml;
    const xml = await shell.run(`cat ${shQuote(xmlPath)}`, { timeoutMs: 30_000 });
    const log = await shell.run(`cat ${FREEBSD_PATHS.gtestLog}`, { timeoutMs: 30_000 });
    return gtestResultsFromRun({
      xml: xml.exitStatus === 0 ? xml.output : undefined,
      consoleText: log.exitStatus === 0 ? log.output : '',
      iteration,
      filter: filterOf(spec),
    });
  }

  // No resolveSourceLines: fusefs.ko (and its .ko.debug) is a relocatable object on amd64
  // (sys/conf/kmod.mk: "amd64 uses direct linking", __KLD_SHARED=no, `ld -r`; the kernel links it
  // itself, sys/kern/link_elf_obj.c), so nm gives section offsets and the debug
  // info's addresses are section-relative too; nm + addr2line on the file can point at the wrong
  // line, and a wrong source line is worse than none. Frames keep function+offset.

  /**
   * Release kernels have KDB but no ddb (sys/conf/std.debug adds DDB on HEAD only): an NMI gets no
   * stacks from them, so the backstop says so and keeps the serial log. With ddb: `set $lines 0`
   * turns the pager off (sys/ddb/db_output.c db_enable_pager), then the threads' stacks and locks.
   */
  backstop(): BackstopPlan {
    // Without a ddb backend kdb_trap returns 0 and nmi_call_kdb panics ("NMI"; sys/x86/x86/cpu_machdep.c,
    // sys/kern/subr_kdb.c): the NMI would turn a hang into a panic, so it is not sent.
    if (!this.state.hasDdb)
      return {
        kind: 'none',
        why: 'the booted kernel has no ddb (debug.kdb.available), so an NMI would get no stacks, only panic("NMI")',
      };
    if (!this.state.nmiEntersDdb)
      return {
        kind: 'none',
        why: 'debug.debugger_on_panic is 0, so an NMI would panic the guest ("NMI") instead of entering ddb',
      };
    // `alltrace` is ddb's all-threads trace (sys/ddb/db_command.c db_cmds: "alltrace" ->
    // db_stack_trace_all, also `show all trace`); `bt` takes one thread and parses its argument as
    // an expression, so `bt all` is "Symbol not found". `show alllocks` exists only with WITNESS
    // (sys/kern/subr_witness.c DB_SHOW_ALL_COMMAND), `show lockedvnods` with DDB (sys/kern/vfs_subr.c).
    return {
      kind: 'ddb',
      commands: [
        'set $lines 0',
        'alltrace',
        ...(this.state.hasWitness ? ['show alllocks'] : []),
        'show lockedvnods',
      ],
    };
  }

  /**
   * A watchdog sample (docs/guest-protocol.md "Capture, FreeBSD"): the report's parsers read the
   * procstat -kk block and add state and wait channel from the ps -axlww block.
   */
  parseSample(text: string): Thread[] {
    return (this.options.parseStacks ?? parseStacks)(text);
  }

  async collect(shell: Shell, disks: DiskLayout): Promise<void> {
    await shell.run(
      `dmesg > ${RESULTS_DIR}/dmesg.txt 2>&1; kldstat -v > ${RESULTS_DIR}/kldstat.txt 2>&1; tar -cf ${shQuote(disks.results)} -C ${RESULTS_DIR} . && sync`,
      { timeoutMs: 120_000, purpose: 'packing the results disk' },
    );
  }
  /**
   * Back to the state of a fresh boot of the same overlay, one command a step so a failure names it:
   * 1. unmount /mnt/fg when `mount` lists it (third field, after `on`: sbin/mount/mount.c prmount;
   *    FREEBSD_MOUNT_LIST, so a server still busy from a slow test cannot hold the reset up):
   *    fuse_vfsop_unmount (sys/fs/fuse/fuse_vfsops.c) marks the session dead (fdata_set_dead), so
   *    the server's next read of /dev/fuse returns ENODEV (sys/fs/fuse/fuse_device.c
   *    fuse_device_read) and the fixture exits;
   * 1b. end what is left of the FUSE server's session (src/guest/server-session.ts: pkill/pgrep -s,
   *    SIGTERM then SIGKILL, each with a bounded wait). A server that outlived its mount would hold
   *    /dev/fuse open into the unload below (destroy_dev waits for threads inside the device) or
   *    write into the next run's files. A process of it that survives SIGKILL (asleep in the kernel
   *    without PCATCH: sys/kern/kern_sig.c tdsigwakeup does not wake a thread without TDF_SINTR)
   *    fails the reset, and the next run boots fresh;
   * 2. when `kldstat -q -m fusefs` finds the module: if kldstat -v lists it inside another file
   *    (`kernel`: a kernel built with fusefs), stop here, it cannot be unloaded; else
   *    `kldunload -v fusefs`: kldfind(2) finds the file by name with or without `.ko`
   *    (sys/kern/kern_linker.c sys_kldfind, linker_find_file_by_name), kern_kldunload ->
   *    linker_file_unload -> MOD_UNLOAD -> fuse_loader (sys/fs/fuse/fuse_main.c) -> vfs_modevent ->
   *    vfs_unregister (sys/kern/vfs_init.c), which refuses with EBUSY while any fusefs mount exists
   *    (vfc_refcount, counted per mount by sys/kern/vfs_mount.c); kldunload then exits 1 with
   *    err(3)'s "kldunload: can't unload file: Device busy" (sbin/kldunload/kldunload.c, EBUSY's
   *    text from lib/libc/gen/errlst.c), and the guest is not reused. `-v` prints
   *    "Unloading %s, id=%d" first. A file the kernel itself loaded is refused too (userrefs 0);
   * 3. `kldstat -v` must list no fusefs any more (sbin/kldstat/kldstat.c), so the next run's
   *    kldload -v is a load, not "already loaded". The unload's fuse_bringdown -> fuse_device_destroy
   *    -> destroy_dev (fuse_main.c, fuse_device.c) waits for threads still inside /dev/fuse; the
   *    command's own timeout bounds that, and a timeout means a fresh boot;
   * 4. the kernel message buffer emptied (kern.msgbuf_clear, sys/kern/subr_prf.c), so the next
   *    run's dmesg.txt does not carry this run's kernel lines;
   * 5. /gate removed: the next payload is unpacked into an empty folder and built from nothing, as on
   *    a fresh boot (no file of the previous commit's tree or objects is left behind).
   * The disks need no cache dropping: FreeBSD disks are character devices whose reads go straight to
   * GEOM (sys/geom/geom_dev.c g_dev_cdevsw: d_read = physread, sys/kern/kern_physio.c), with no
   * buffer cache in between, so `tar -xf /dev/vtbdN` reads what the host wrote.
   * A guest that booted a kernel the run built is never handed on (the session's rule), so the
   * running kernel is always the image's.
   */
  async resetForReuse(shell: Shell, _disks: DiskLayout): Promise<ReuseReset> {
    const details: string[] = [];
    const fail = (step: string, result: { exitStatus: number; output: string }): ReuseReset => ({
      ok: false,
      why: `${step} failed (exit ${result.exitStatus}): ${result.output.trim().slice(-300)}`,
    });
    const table = await shell.run(FREEBSD_MOUNT_LIST, {
      timeoutMs: 10_000,
      purpose: 'reading the mount table',
    });
    const mounted = table.output.split('\n').some((line) => {
      const fields = line.trim().split(/\s+/);
      return fields[1] === 'on' && fields[2] === MOUNTPOINT;
    });
    if (mounted) {
      const umount = await shell.run(`umount ${MOUNTPOINT} 2>&1`, {
        timeoutMs: 30_000,
        purpose: 'unmounting',
      });
      if (umount.exitStatus !== 0) return fail(`umount ${MOUNTPOINT}`, umount);
      details.push(`unmounted ${MOUNTPOINT}`);
    }
    const ended = await shell.run(endServerSessionCommand('freebsd'), {
      timeoutMs: 30_000,
      purpose: "ending the FUSE server's session",
    });
    if (ended.exitStatus !== 0) return fail("ending the FUSE server's session", ended);
    if (ended.output.trim()) details.push(ended.output.trim());
    const loaded = await shell.run('kldstat -q -m fusefs', { timeoutMs: 10_000 });
    if (loaded.exitStatus === 0) {
      // modfind finds a module wherever it is; kldunload finds linker files by name (fusefs.ko or
      // fusefs, linker_find_file_by_name). A kernel built with fusefs holds the module in the
      // `kernel` file (kldstat -v lists it there): nothing can unload it, so say that, not
      // kldunload's "can't find file".
      const holder = findFusefs(parseKldstat((await shell.run('kldstat -v', { timeoutMs: 10_000 })).output));
      if (holder && holder.name !== 'fusefs.ko')
        return {
          ok: false,
          why: `fusefs is compiled into ${holder.name} (${holder.path ?? holder.name}), not loaded from a fusefs.ko: it cannot be unloaded`,
        };
      const unload = await shell.run('kldunload -v fusefs 2>&1', {
        timeoutMs: 60_000,
        purpose: 'unloading fusefs.ko',
      });
      if (unload.exitStatus !== 0) return fail('kldunload -v fusefs', unload);
      details.push(lineOfShape(unload.output, /^Unloading \S+, id=\d+$/) ?? 'kldunload -v fusefs');
    }
    const left = findFusefs(parseKldstat((await shell.run('kldstat -v', { timeoutMs: 10_000 })).output));
    if (left)
      return { ok: false, why: `kldstat -v still lists fusefs (${left.path ?? left.name}) after kldunload` };
    // dmesg(8) prints the kernel message buffer (kern.msgbuf), which still holds the previous run's
    // kernel lines; each run's dmesg.txt must hold only its own. Writing kern.msgbuf_clear empties
    // it (sys/kern/subr_prf.c sysctl_kern_msgbuf_clear; CTLFLAG_SECURE, allowed at the default
    // securelevel -1). Only sysctl's errors are kept (its stdout goes to /dev/null).
    const msgbuf = await shell.run('sysctl kern.msgbuf_clear=1 2>&1 >/dev/null', { timeoutMs: 10_000 });
    if (msgbuf.exitStatus !== 0) return fail('sysctl kern.msgbuf_clear=1', msgbuf);
    details.push('kernel message buffer cleared');
    const clear = await shell.run(`rm -rf ${GATE_DIR} && mkdir -p ${GATE_DIR}`, {
      timeoutMs: 300_000,
      purpose: `clearing ${GATE_DIR}`,
    });
    if (clear.exitStatus !== 0) return fail(`clearing ${GATE_DIR}`, clear);
    details.push(`${GATE_DIR} cleared`);
    return { ok: true, details };
  }
}

/**
 * What the payload must carry of the tree under test (under /gate/src). A module build needs sys/
 * (sys/modules/fusefs, sys/conf/kmod.mk, the headers) and share/mk (make's .../share/mk search
 * finds the tree's own mk files); the write tests also need tests/sys/fs/fusefs,
 * tests/freebsd_test_suite (-I${SRCTOP}/tests) and sbin/mount (getmntopts.c, mntopts.h). A kernel
 * build (Makefile.inc1 buildkernel) needs the whole tree.
 */
export const FREEBSD_TREE_PATHS = {
  module: [
    'sys/sys/param.h',
    'sys/conf/newvers.sh',
    'sys/modules/fusefs/Makefile',
    'sys/fs/fuse',
    'share/mk',
  ],
  gtest: ['tests/sys/fs/fusefs/Makefile', 'tests/freebsd_test_suite', 'sbin/mount/getmntopts.c'],
  // Files deep in the folders buildkernel's legacy and kernel-tools stages build from, not the
  // folders: a sparse list such as `lib/libc` makes `lib` exist without lib/libnv.
  kernel: ['Makefile', ...KERNEL_BUILD_NEEDS],
} as const;

/** Host side, before any work: which required paths the tree lacks for this build and these tests. */
export function missingTreePaths(
  exists: (relPath: string) => boolean,
  build: GateConfig['build'],
  tests: GateConfig['tests'],
): string[] {
  const need: string[] = [...FREEBSD_TREE_PATHS.module];
  if (build === 'kernel') need.push(...FREEBSD_TREE_PATHS.kernel);
  if (tests.includes('gtest')) need.push(...FREEBSD_TREE_PATHS.gtest);
  return need.filter((p) => !exists(p));
}
