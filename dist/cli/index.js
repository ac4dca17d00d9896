#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 5259:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ BadInputError)
/* harmony export */ });
// Bad input found before any work starts: one message naming the input, exit 64 (EX_USAGE).
class BadInputError extends Error {
    input;
    problem;
    constructor(
    /** The input's name as the user wrote it: `timeout`, `freebsd-version`, `--out`. */
    input, problem) {
        super(`invalid input '${input}': ${problem}`);
        this.input = input;
        this.problem = problem;
        this.name = 'BadInputError';
    }
}


/***/ }),

/***/ 5943:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hz: () => (/* binding */ fuseServerMountCommand),
/* harmony export */   Kq: () => (/* binding */ MountError),
/* harmony export */   Pv: () => (/* binding */ mustRun),
/* harmony export */   SE: () => (/* binding */ fixtureMountCommand),
/* harmony export */   Wd: () => (/* binding */ GATE_DIR),
/* harmony export */   b7: () => (/* binding */ workloadTests),
/* harmony export */   k6: () => (/* binding */ BIN_DIR),
/* harmony export */   qg: () => (/* binding */ MOUNTPOINT),
/* harmony export */   z5: () => (/* binding */ RESULTS_DIR)
/* harmony export */ });
/* unused harmony export fixtureOptions */
/* harmony import */ var _quote_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(736);

/** docs/guest-protocol.md: the guest layout. */
const GATE_DIR = '/gate';
const BIN_DIR = '/gate/bin';
const RESULTS_DIR = '/gate/results';
const MOUNTPOINT = '/mnt/fg';
/** The fixture's `-o` options: the user's fixture options plus an injected fault. */
function fixtureOptions(config) {
    return [...config.fixtureOptions, ...(config.fault ? [config.fault] : [])];
}
/** Mounts the built-in fixture, then checks the mount table with `mountCheck`. */
function fixtureMountCommand(config, mountCheck) {
    const options = fixtureOptions(config);
    const optionArgs = options.length ? ` -o ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shQuote */ .U)(options.join(','))}` : '';
    return `mkdir -p ${MOUNTPOINT} && ${BIN_DIR}/fusefs-fixture${optionArgs} -l ${RESULTS_DIR}/fixture.log ${MOUNTPOINT} && ${mountCheck}`;
}
/**
 * Mounts the user's own FUSE server: `{mountpoint}` is replaced, the rest is the user's command line
 * (it is theirs to write, so it is run as written). A server that stays in the foreground is
 * put in the background; the mount table is checked within a bounded wait.
 */
function fuseServerMountCommand(commandLine, mountCheck) {
    const command = commandLine.split('{mountpoint}').join(MOUNTPOINT);
    return (`mkdir -p ${MOUNTPOINT} && ( ${command} ) >${RESULTS_DIR}/fuse-server.log 2>&1 & ` +
        // A subshell, so that `exit` ends the wait and not the guest's login shell.
        `( i=0; until ${mountCheck}; do i=$((i+1)); [ $i -gt 100 ] && { cat ${RESULTS_DIR}/fuse-server.log; echo 'the FUSE server did not mount within 10 s'; exit 1; }; sleep 0.1; done )`);
}
function workloadTests(config, mountpoint) {
    return config.workloads.map((name) => ({
        name: `workload/${name}`,
        kind: 'workload',
        command: `${BIN_DIR}/fusefs-workloads ${name} ${mountpoint}`,
    }));
}
/** The FUSE file system did not mount: the tree's fault once its code is loaded, the gate's before. */
class MountError extends Error {
    constructor(message) {
        super(message);
        this.name = 'MountError';
    }
}
/** Runs a command that must succeed; otherwise throws naming what it was for, with its last output. */
async function mustRun(shell, command, timeoutMs, purpose) {
    const result = await shell.run(command, { timeoutMs, purpose });
    if (result.exitStatus !== 0)
        throw new Error(`${purpose} failed (exit ${result.exitStatus}): ${result.output.trim().slice(-800)}`);
}


/***/ }),

/***/ 1368:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  kF: () => (/* binding */ FreeBSDGuest),
  f7: () => (/* binding */ missingTreePaths)
});

// UNUSED EXPORTS: BuildError, FREEBSD_CONSOLE, FREEBSD_MOUNT_CHECK, FREEBSD_PATHS, FREEBSD_TREE_PATHS, gtestResultsFromRun, gtestSpec

// EXTERNAL MODULE: ./.build/src/guest/common.js
var common = __nccwpck_require__(5943);
// EXTERNAL MODULE: ./.build/src/image/freebsd-resolve.js
var freebsd_resolve = __nccwpck_require__(1983);
;// CONCATENATED MODULE: ./.build/src/guest/freebsd-parse.js
// Readers of FreeBSD command output that the adapter needs to decide things: compiler errors,
// kldstat -v, googletest XML and console lines, and the module-vs-kernel decision. Pure: text in, data out. (Kernel stacks are parsed in src/report.)

/**
 * clang/gcc diagnostics `FILE:LINE[:COL]: [fatal ]error: MESSAGE` in make output (bsd.kmod.mk
 * builds with -Werror, so warnings promoted to errors end the same way). `treeRoot` is stripped.
 */
function parseCompilerErrors(text, treeRoot = '/gate/src/') {
    const out = [];
    const seen = new Set();
    const re = /^(\S[^:\n]*?):(\d+):(?:(\d+):)?\s+(fatal error|error):\s+(.*)$/gm;
    for (const m of text.matchAll(re)) {
        let file = m[1].replace(/^(?:\.\.\/)+/, '');
        if (file.startsWith(treeRoot))
            file = file.slice(treeRoot.length);
        const e = { file, line: Number(m[2]), message: m[5].trim(), severity: m[4] };
        if (m[3] !== undefined)
            e.col = Number(m[3]);
        const k = `${e.file}:${e.line}:${e.col ?? ''}:${e.message}`;
        if (seen.has(k))
            continue;
        seen.add(k);
        out.push(e);
    }
    return out;
}
/**
 * sbin/kldstat/kldstat.c: header `Id Refs Address%*c %8s Name`, one line per file
 * `%2d %4d %*p %8zx %s`, with -v followed by ` (%s)` (the path), `\tContains modules:`,
 * `\t\t Id Name` and `\t\t%3d %s` per module (older kldstat: `\t\t%2d %s`).
 */
function parseKldstat(text) {
    const files = [];
    let current;
    for (const line of text.split(/\r?\n/)) {
        const f = /^\s*(\d+)\s+(\d+)\s+(0x[0-9a-fA-F]+)\s+([0-9a-fA-F]+)\s+(\S+)(?:\s+\((.*)\))?\s*$/.exec(line);
        if (f) {
            current = { id: Number(f[1]), refs: Number(f[2]), address: f[3], size: f[4], name: f[5], modules: [] };
            if (f[6] !== undefined)
                current.path = f[6];
            files.push(current);
            continue;
        }
        const mod = /^\t\t\s*(\d+)\s+(\S+)\s*$/.exec(line);
        if (mod && current)
            current.modules.push(mod[2]);
    }
    return files;
}
/** The loaded file that provides the `fusefs` module (or is named fusefs.ko). */
function findFusefs(files) {
    return files.find((f) => f.modules.includes('fusefs')) ?? files.find((f) => f.name === 'fusefs.ko');
}
function xmlUnescape(s) {
    return s
        .replace(/&#x([0-9a-fA-F]+);/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}
function attrs(tag) {
    const out = {};
    for (const m of tag.matchAll(/([\w:-]+)="([^"]*)"/g))
        out[m[1]] = xmlUnescape(m[2]);
    return out;
}
/**
 * googletest's --gtest_output=xml report: <testsuites tests=N ...><testsuite name=S ...>
 * <testcase name=T classname=S status="run|notrun" result="completed|skipped|suppressed" time="s">
 * with <failure message=...> children for failures and <skipped .../> for GTEST_SKIP.
 */
function parseGtestXml(xml) {
    const root = /<testsuites\b[^>]*>/.exec(xml);
    if (!root)
        throw new Error('not a googletest XML report (no <testsuites>)');
    const total = Number(attrs(root[0])['tests'] ?? 0);
    const cases = [];
    const re = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
    for (const m of xml.matchAll(re)) {
        const a = attrs(m[1]);
        const body = m[3] ?? '';
        const name = `${a['classname'] ?? ''}.${a['name'] ?? ''}`;
        const durationMs = Math.round(Number(a['time'] ?? 0) * 1000);
        if (a['status'] === 'notrun')
            continue; // DISABLED_ tests
        const failures = [...body.matchAll(/<failure\b([^>]*)>/g)].map((f) => attrs(f[1])['message'] ?? '');
        if (failures.length) {
            cases.push({ name, status: 'fail', durationMs, message: failures.join('\n') });
        }
        else if (a['result'] === 'skipped' || /<skipped\b/.test(body)) {
            const sk = /<skipped\b([^>]*)/.exec(body);
            const c = { name, status: 'skipped', durationMs };
            const msg = sk ? attrs(sk[1])['message'] : undefined;
            if (msg)
                c.message = msg;
            cases.push(c);
        }
        else {
            cases.push({ name, status: 'pass', durationMs });
        }
    }
    return { total, cases };
}
/** googletest's console: `[ RUN      ] Suite.name`, `[       OK ] Suite.name (N ms)`, `[  FAILED  ]`, `[  SKIPPED ]`. */
function parseGtestConsole(text) {
    const started = [];
    const finished = new Map();
    let ran;
    for (const line of text.split(/\r?\n/)) {
        const run = /^\[ RUN      \] (\S+)/.exec(line);
        if (run) {
            started.push(run[1]);
            continue;
        }
        const end = /^\[ {2}(?: {5}(OK)|(FAILED)|(SKIPPED)) {1,2}\] (\S+)(?: \(\d+ ms\))?/.exec(line);
        if (end) {
            const what = (end[1] ?? end[2] ?? end[3]);
            if (!finished.has(end[4]) || what !== 'FAILED')
                finished.set(end[4], what);
            continue;
        }
        const total = /^\[==========\] (\d+) tests? from \d+ test (?:suites?|cases?) ran/.exec(line);
        if (total)
            ran = Number(total[1]);
    }
    const unfinished = started.filter((n) => !finished.has(n));
    const out = { started, finished, unfinished };
    if (ran !== undefined)
        out.ran = ran;
    return out;
}
/**
 * build: auto -> a module when the tree is of the running kernel's major branch and not newer
 * than it (`__FreeBSD_version` vs `sysctl -n kern.osreldate`; KBI is stable within a branch, a
 * newer tree may use kernel interfaces the running kernel lacks), else a kernel.
 */
function decideBuild(build, treeVersion, osreldate) {
    const tree = `the tree's __FreeBSD_version is ${treeVersion}`;
    const running = `the image's kern.osreldate is ${osreldate}`;
    if (build !== 'auto')
        return { mode: build, why: `build: ${build} was asked for (${tree}, ${running})` };
    const tm = (0,freebsd_resolve/* osreldateMajor */.BV)(treeVersion);
    const rm = (0,freebsd_resolve/* osreldateMajor */.BV)(osreldate);
    if (tm !== rm) {
        return { mode: 'kernel', why: `${tree} (FreeBSD ${tm}) and ${running} (FreeBSD ${rm}): a module cannot load into another major branch's kernel, so a kernel build` };
    }
    if (treeVersion > osreldate) {
        return { mode: 'kernel', why: `${tree}, newer than ${running} on the same branch: it may need kernel interfaces the image lacks, so a kernel build` };
    }
    return { mode: 'module', why: `${tree}, same branch as and not newer than ${running}: fusefs.ko built as a module and loaded` };
}

// EXTERNAL MODULE: ./.build/src/report/stacks.js + 6 modules
var stacks = __nccwpck_require__(3754);
// EXTERNAL MODULE: ./.build/src/guest/quote.js
var quote = __nccwpck_require__(736);
;// CONCATENATED MODULE: ./.build/src/guest/freebsd-paths.js
// Where the payload puts things in a FreeBSD guest (docs/guest-protocol.md "Guest layout").

const FREEBSD_PATHS = {
    src: `${common/* GATE_DIR */.Wd}/src`,
    guestSrc: `${common/* GATE_DIR */.Wd}/guest`,
    fuseServerSrc: `${common/* GATE_DIR */.Wd}/fuse-server`,
    obj: `${common/* GATE_DIR */.Wd}/obj`,
    work: `${common/* GATE_DIR */.Wd}/work`,
    gtestBinary: `${common/* BIN_DIR */.k6}/fusefs-gtest-write`,
    gtestXml: `${common/* RESULTS_DIR */.z5}/gtest-write.xml`,
    gtestLog: `${common/* RESULTS_DIR */.z5}/gtest-write.log`,
};

;// CONCATENATED MODULE: ./.build/src/guest/freebsd-gtest.js



/** The gtest run: in its own work folder (mockfs mounts under the cwd), output to the console and a log. */
function gtestSpec(filter) {
    const argv = [FREEBSD_PATHS.gtestBinary, `--gtest_filter=${filter}`, `--gtest_output=xml:${FREEBSD_PATHS.gtestXml}`];
    const status = `${FREEBSD_PATHS.work}/gtest.status`;
    // The pipeline's status would be tee's; the subshell keeps the test's own.
    const inner = `mkdir -p ${FREEBSD_PATHS.work}/gtest && cd ${FREEBSD_PATHS.work}/gtest && rm -f ${FREEBSD_PATHS.gtestXml} && ( ${(0,quote/* shJoin */.q)(argv)}; echo $? > ${status} ) 2>&1 | tee ${FREEBSD_PATHS.gtestLog}; exit $(cat ${status})`;
    return { name: 'gtest/write', kind: 'gtest', command: `/bin/sh -c ${(0,quote/* shQuote */.U)(inner)}`, xmlPath: FREEBSD_PATHS.gtestXml };
}
function filterOf(spec) {
    return /--gtest_filter=([^ ']*)/.exec(spec.command)?.[1] ?? '*';
}
/**
 * Per-case results of one gtest run. With the XML: one result per case; a run that reported no
 * case is `error` "no test ran" (ARCHITECTURE: nothing ran is never a pass). Without the XML (the
 * run hung or died before writing it): the console's `[ RUN      ]` lines without an end name the
 * case that did not finish.
 */
function gtestResultsFromRun(run) {
    const { iteration } = run;
    if (run.xml !== undefined) {
        let parsed;
        try {
            parsed = parseGtestXml(run.xml);
        }
        catch (e) {
            return [{ name: 'gtest/write', status: 'error', durationMs: 0, iteration, message: `unreadable gtest XML: ${e.message}` }];
        }
        if (parsed.total === 0 || parsed.cases.length === 0) {
            return [{ name: 'gtest/write', status: 'error', durationMs: 0, iteration, message: `no test ran: --gtest_filter=${run.filter} matched no test in write` }];
        }
        return parsed.cases.map((c) => {
            const r = { name: `gtest/${c.name}`, status: c.status, durationMs: c.durationMs, iteration };
            if (c.message)
                r.message = c.message;
            return r;
        });
    }
    const con = parseGtestConsole(run.consoleText);
    if (con.started.length === 0) {
        return [{ name: 'gtest/write', status: 'error', durationMs: 0, iteration, message: 'no test ran: no XML report and no [ RUN ] line on the console' }];
    }
    const results = [];
    for (const name of con.started) {
        const end = con.finished.get(name);
        if (end)
            results.push({ name: `gtest/${name}`, status: end === 'OK' ? 'pass' : end === 'FAILED' ? 'fail' : 'skipped', durationMs: 0, iteration });
        else
            results.push({ name: `gtest/${name}`, status: 'hang', durationMs: 0, iteration, message: `started ([ RUN      ] ${name}) and never finished; no XML report was written` });
    }
    return results;
}

;// CONCATENATED MODULE: ./.build/src/guest/freebsd.js
// The FreeBSD guest adapter: what to run in an official BASIC-CI image to build the fusefs tree
// under test, load it, prove it runs, mount a FUSE file system and run the tests; and how to read
// what comes back. Every fact about FreeBSD's formats is cited to its source file; docs/freebsd.md
// lists them with their tests.









/**
 * The console of a BASIC-CI image:
 * - bootBanner: sys/conf/newvers.sh writes `Copyright (c) 1992-<year> The FreeBSD Project.` into
 *   vers.c and the kernel prints it once per boot (the `---<<BOOT>>---` tag of
 *   sys/kern/subr_prf.c BOOT_TAG is printed once too, but only by newer kernels; one pattern only,
 *   or a single boot would count twice).
 * - login: etc/ttys runs `/usr/libexec/getty 3wire` on ttyu0 `onifconsole`; BASIC-CI sets
 *   console="comconsole,vidconsole" (release/tools/basic-ci.conf); getty's default gettytab `lm`
 *   is `login: ` and the banner names the host `Amnesiac` when no hostname is set
 *   (libexec/getty/main.c).
 * - no Password: prompt: root's password is empty in etc/master.passwd and pam_unix returns
 *   PAM_SUCCESS for an empty password with `nullok` before prompting
 *   (lib/libpam/modules/pam_unix/pam_unix.c); basic-ci.conf relies on it (PermitEmptyPasswords).
 * - shell: root's shell is /bin/sh from 14.0 on (etc/master.passwd), csh before; both prompts end
 *   in `# ` for root; the console engine then sets its own prompt.
 * - panic start: sys/kern/kern_shutdown.c vpanic() prints `panic: %s` (after `Fatal trap N: ...`
 *   from the trap handler); on the serial console it can follow a `login: ` prompt on one line.
 * - panic end: `KDB: enter: panic` (sys/kern/subr_kdb.c kdb_enter, only with a debugger backend,
 *   then `db> `), else kern_reboot's `Uptime: ...`, the dump's `Dumping N out of M MB`,
 *   shutdown_panic's `Automatic reboot in %d seconds` (sys/kern/kern_shutdown.c).
 */
const FREEBSD_CONSOLE = {
    loginPrompt: /login: $/,
    loginUser: 'root',
    shellPrompt: /[#$%>] $/,
    bootBanner: /Copyright \(c\) 1992-\d{4} The FreeBSD Project\./,
    panicStart: /^(?:.*login: )?panic: |^Fatal trap \d+: /m,
    panicEnd: /KDB: enter: panic|^db> |^Uptime: \d|^Dumping \d+ out of \d+ MB|Automatic reboot in \d+ seconds/m,
};
/** `mount -p` prints the mount table in fstab(5) form: device, mount point, type, options (sbin/mount/mount.c putfsent). */
const FREEBSD_MOUNT_CHECK = `mount -p | awk '$2 == "${common/* MOUNTPOINT */.qg}" && $3 == "fusefs" { found = 1 } END { exit !found }'`;
class BuildError extends Error {
    constructor(message) {
        super(message);
        this.name = 'BuildError';
    }
}
const tail = (s, n = 3000) => (s.length > n ? s.slice(-n) : s);
class FreeBSDGuest {
    options;
    os = 'freebsd';
    console = FREEBSD_CONSOLE;
    state = {};
    constructor(options = {}) {
        this.options = options;
    }
    /** virtio-blk disks are `vtbd0, vtbd1, ...` (sys/dev/virtio/block/virtio_blk.c VTBLK_DISK_NAME "vtbd"); the boot disk is vtbd0. */
    disks(diskIndexOfPayload) {
        return { payload: `/dev/vtbd${diskIndexOfPayload}`, results: `/dev/vtbd${diskIndexOfPayload + 1}` };
    }
    async prepare(shell, disks, config) {
        await (0,common/* mustRun */.Pv)(shell, `mkdir -p ${common/* RESULTS_DIR */.z5} ${common/* BIN_DIR */.k6} ${FREEBSD_PATHS.work} && tar -xf ${(0,quote/* shQuote */.U)(disks.payload)} -C ${common/* GATE_DIR */.Wd}`, 600_000, 'unpacking the payload disk');
        // Record what the image is: the gate's report and the proof need it.
        await shell.run(`{ uname -a; sysctl kern.osreldate kern.bootfile debug.kdb.available debug.kdb.current; } > ${common/* RESULTS_DIR */.z5}/guest-info.txt 2>&1`, {
            timeoutMs: 10_000,
        });
        // Which debugger the booted kernel has decides what the host backstop may do (debug.kdb.available
        // lists the KDB backends, sys/kern/subr_kdb.c; debug.witness exists only with WITNESS).
        const kdb = await shell.run('sysctl -n debug.kdb.available; sysctl -n debug.witness.watch', { timeoutMs: 10_000 });
        this.state.hasDdb = /\bddb\b/.test(kdb.output);
        this.state.hasWitness = /^-?\d+\s*$/m.test(kdb.output);
        const needPrograms = config.tests.includes('workloads') || !config.fuseServer;
        if (needPrograms) {
            // guest/ is built with the image's base cc; its Makefile leaves the programs in /gate/bin.
            await (0,common/* mustRun */.Pv)(shell, `make -C ${FREEBSD_PATHS.guestSrc} SYSDIR=${FREEBSD_PATHS.src}/sys BINDIR=${common/* BIN_DIR */.k6} && test -x ${common/* BIN_DIR */.k6}/fusefs-fixture && test -x ${common/* BIN_DIR */.k6}/fusefs-workloads`, 600_000, 'building the guest programs (guest/)');
        }
        await shell.run(`if [ -f ${FREEBSD_PATHS.guestSrc}/watchdog.sh ]; then install -m 0755 ${FREEBSD_PATHS.guestSrc}/watchdog.sh ${common/* BIN_DIR */.k6}/watchdog.sh; fi`, { timeoutMs: 10_000 });
    }
    async buildTarget(shell, config) {
        const param = await shell.run(`grep -E '^#define[[:space:]]+__FreeBSD_version' ${FREEBSD_PATHS.src}/sys/sys/param.h`, { timeoutMs: 10_000 });
        const osrel = await shell.run('sysctl -n kern.osreldate', { timeoutMs: 10_000 });
        const treeVersion = (0,freebsd_resolve/* parseFreebsdVersion */.V6)(param.output);
        const osreldate = Number(osrel.output.trim());
        if (!Number.isFinite(osreldate) || osreldate <= 0)
            throw new BuildError(`sysctl -n kern.osreldate gave ${JSON.stringify(osrel.output.trim())}`);
        this.state.treeVersion = treeVersion;
        this.state.osreldate = osreldate;
        const decision = decideBuild(config.build, treeVersion, osreldate);
        let outcome;
        if (decision.mode === 'module')
            outcome = await this.buildModule(shell, config, decision.why);
        else if (decision.mode === 'kernel')
            outcome = await this.buildKernel(shell, config, decision.why);
        else
            outcome = { mode: 'none', why: `${decision.why}: the image's own fusefs.ko is under test`, ok: true };
        if (outcome.ok && config.tests.includes('gtest')) {
            const note = await this.prepareGtest(shell, config);
            outcome.why += `; ${note}`;
        }
        return outcome;
    }
    makeEnv() {
        // MAKEOBJDIRPREFIX must come from the environment (bmake ignores it on the command line).
        return `env MAKEOBJDIRPREFIX=${FREEBSD_PATHS.obj}`;
    }
    failedBuild(mode, why, what, status, output) {
        const errors = parseCompilerErrors(output, `${FREEBSD_PATHS.src}/`);
        if (errors.length) {
            return {
                mode,
                why,
                ok: false,
                blame: 'tree',
                compilerErrors: errors,
                tail: `${what} failed (exit ${status}) with ${errors.length} compiler error(s):\n${tail(output)}`,
            };
        }
        return { mode, why, ok: false, blame: 'gate', tail: `${what} failed (exit ${status}) without a compiler error:\n${tail(output)}` };
    }
    async buildModule(shell, config, why) {
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
        const objdir = (await shell.run(`${make} -V .OBJDIR`, { timeoutMs: 30_000 })).output.trim().split('\n').pop().trim();
        const ko = `${objdir}/fusefs.ko`;
        const hash = await shell.run(`sha256 -q ${(0,quote/* shQuote */.U)(ko)}`, { timeoutMs: 30_000 });
        if (hash.exitStatus !== 0)
            return { mode: 'module', why, ok: false, blame: 'gate', tail: `the build said it succeeded but ${ko} is missing: ${hash.output.trim()}` };
        this.state.modulePath = ko;
        this.state.moduleSha256 = hash.output.trim();
        // Unload whatever fusefs is there (the stock module if something auto-loaded it), then load ours by path.
        const load = await shell.run(`if kldstat -q -m fusefs; then kldunload fusefs.ko || exit 1; fi; kldload -v ${(0,quote/* shQuote */.U)(ko)} 2>&1`, {
            timeoutMs: 60_000,
            purpose: 'loading the built fusefs.ko',
        });
        if (load.exitStatus !== 0) {
            const dmesg = await shell.run('dmesg | tail -n 20', { timeoutMs: 10_000 });
            return {
                mode: 'module',
                why,
                ok: false,
                blame: 'gate',
                artifact: ko,
                tail: `kldload ${ko} failed (exit ${load.exitStatus}): ${load.output.trim()}\n--- dmesg ---\n${dmesg.output.trim()}`,
            };
        }
        return { mode: 'module', why, ok: true, artifact: ko };
    }
    async buildKernel(shell, config, why) {
        // GENERIC-NODEBUG exists only on HEAD (its own header says so) and turns off INVARIANTS/WITNESS
        // (sys/conf/std.nodebug); elsewhere GENERIC is the release kernel's config.
        let kernconf = config.kernconf;
        if (!kernconf) {
            const nodebug = await shell.run(`test -f ${FREEBSD_PATHS.src}/sys/amd64/conf/GENERIC-NODEBUG`, { timeoutMs: 10_000 });
            kernconf = nodebug.exitStatus === 0 ? 'GENERIC-NODEBUG' : 'GENERIC';
        }
        this.state.kernconf = kernconf;
        why = `${why} (KERNCONF=${kernconf})`;
        // buildkernel/installkernel from the top of a full tree (Makefile.inc1); MODULES_OVERRIDE keeps
        // the module build to fusefs, which is all the tests load.
        const vars = [`KERNCONF=${(0,quote/* shQuote */.U)(kernconf)}`, 'MODULES_OVERRIDE=fusefs'];
        this.state.uname = (await shell.run('uname -v', { timeoutMs: 10_000 })).output.trim();
        const build = await shell.run(`make -C ${FREEBSD_PATHS.src} -j${Math.max(1, config.cpus)} buildkernel ${vars.join(' ')} 2>&1`, {
            timeoutMs: config.buildTimeoutSec * 1000,
            purpose: `building the ${kernconf} kernel`,
        });
        if (build.exitStatus !== 0)
            return this.failedBuild('kernel', why, 'make buildkernel', build.exitStatus, build.output);
        const install = await shell.run(`make -C ${FREEBSD_PATHS.src} installkernel ${vars.join(' ')} 2>&1`, {
            timeoutMs: 600_000,
            purpose: 'installing the kernel',
        });
        if (install.exitStatus !== 0)
            return { mode: 'kernel', why, ok: false, blame: 'gate', tail: `make installkernel failed (exit ${install.exitStatus}):\n${tail(install.output)}` };
        const sums = await shell.run('sha256 -q /boot/kernel/kernel /boot/kernel/fusefs.ko', { timeoutMs: 60_000 });
        const [kernelSha, moduleSha] = sums.output.trim().split(/\s+/);
        if (sums.exitStatus !== 0 || !kernelSha || !moduleSha) {
            return { mode: 'kernel', why, ok: false, blame: 'gate', tail: `installkernel left no /boot/kernel/kernel or fusefs.ko: ${sums.output.trim()}` };
        }
        this.state.kernelSha256 = kernelSha;
        this.state.moduleSha256 = moduleSha;
        this.state.modulePath = '/boot/kernel/fusefs.ko';
        return { mode: 'kernel', why, ok: true, rebootRequired: true, artifact: `/boot/kernel/kernel (${kernconf})` };
    }
    /**
     * Build the tree's tests/sys/fs/fusefs/write (Makefile: GTESTS+= write; SRCS write.cc getmntopts.c
     * mockfs.cc utils.cc; -I${SRCTOP}/tests -I${SRCTOP}/sys/fs/fuse -I${SRCTOP}/sbin/mount;
     * .PATH ${SRCTOP}/sbin/mount; LIBADD pthread gmock gtest util; <bsd.test.mk>). GTESTS=write on the
     * command line overrides the list. Falls back to the image's /usr/tests/sys/fs/fusefs/write.
     */
    async prepareGtest(shell, config) {
        const dir = `${FREEBSD_PATHS.src}/tests/sys/fs/fusefs`;
        const make = `${this.makeEnv()} make -C ${dir} SRCTOP=${FREEBSD_PATHS.src} GTESTS=write`;
        const build = await shell.run(`${make} -j${Math.max(1, config.cpus)} all 2>&1`, { timeoutMs: config.buildTimeoutSec * 1000, purpose: 'building the write tests' });
        if (build.exitStatus === 0) {
            const objdir = (await shell.run(`${make} -V .OBJDIR`, { timeoutMs: 30_000 })).output.trim().split('\n').pop().trim();
            const link = await shell.run(`ln -sf ${(0,quote/* shQuote */.U)(`${objdir}/write`)} ${FREEBSD_PATHS.gtestBinary} && test -x ${FREEBSD_PATHS.gtestBinary}`, { timeoutMs: 10_000 });
            if (link.exitStatus === 0)
                return (this.state.gtestNote = `the tree's tests/sys/fs/fusefs/write was built in the guest (${objdir}/write)`);
        }
        const fallback = await shell.run(`test -x /usr/tests/sys/fs/fusefs/write && ln -sf /usr/tests/sys/fs/fusefs/write ${FREEBSD_PATHS.gtestBinary}`, { timeoutMs: 10_000 });
        if (fallback.exitStatus !== 0) {
            throw new BuildError(`the tree's write tests did not build and the image has no /usr/tests/sys/fs/fusefs/write:\n${tail(build.output, 1500)}`);
        }
        return (this.state.gtestNote = `the tree's write tests did not build in the guest, so the image's /usr/tests/sys/fs/fusefs/write runs against the tree's module (build output tail: ${tail(build.output, 300).trim()})`);
    }
    async proveTarget(shell, _config, target) {
        const details = [];
        if (target.mode === 'none') {
            const k = parseKldstat((await shell.run('kldstat -v', { timeoutMs: 10_000 })).output);
            const f = findFusefs(k);
            details.push('build: none: the image\'s own fusefs is under test, nothing of the tree was built');
            details.push(f ? `kldstat -v: fusefs from ${f.path ?? f.name}` : 'kldstat -v: fusefs not loaded yet (mounting loads /boot/kernel/fusefs.ko)');
            return { ok: true, details };
        }
        let ok = true;
        if (target.mode === 'kernel') {
            const bootfile = (await shell.run('sysctl -n kern.bootfile', { timeoutMs: 10_000 })).output.trim();
            const uname = (await shell.run('uname -v', { timeoutMs: 10_000 })).output.trim();
            const osrel = Number((await shell.run('sysctl -n kern.osreldate', { timeoutMs: 10_000 })).output.trim());
            const kernSha = (await shell.run('sha256 -q /boot/kernel/kernel', { timeoutMs: 30_000 })).output.trim();
            details.push(`sysctl kern.bootfile: ${bootfile}`, `uname -v: ${uname}${this.state.uname ? ` (before the reboot: ${this.state.uname})` : ''}`);
            // The loader boots /boot/kernel/kernel unless it fell back (kernel.old); installkernel put the built one there.
            if (bootfile !== '/boot/kernel/kernel') {
                ok = false;
                details.push(`the kernel booted from ${bootfile}, not /boot/kernel/kernel where installkernel put the built one`);
            }
            if (!this.state.kernelSha256 || kernSha !== this.state.kernelSha256) {
                ok = false;
                details.push(`/boot/kernel/kernel sha256 ${kernSha || '(unreadable)'} is not the installed ${this.state.kernelSha256 ?? '(no hash recorded)'}`);
            }
            else
                details.push(`/boot/kernel/kernel sha256 ${kernSha} is the installed kernel`);
            // kern.osreldate is the running kernel's __FreeBSD_version (sys/conf/newvers.sh RELDATE from sys/sys/param.h).
            if (this.state.treeVersion !== undefined && osrel !== this.state.treeVersion) {
                ok = false;
                details.push(`kern.osreldate ${osrel} is not the tree's __FreeBSD_version ${this.state.treeVersion}: the stock kernel is running`);
            }
            else
                details.push(`kern.osreldate ${osrel} is the tree's __FreeBSD_version`);
            // Load the installed module by name (it is the built one) so that mounting auto-loads nothing else.
            await shell.run('kldstat -q -m fusefs || kldload fusefs', { timeoutMs: 60_000 });
        }
        const expectedPath = this.state.modulePath ?? (target.mode === 'kernel' ? '/boot/kernel/fusefs.ko' : undefined);
        const files = parseKldstat((await shell.run('kldstat -v', { timeoutMs: 10_000 })).output);
        const loaded = findFusefs(files);
        if (!loaded) {
            return { ok: false, details: [...details, `kldstat -v shows no fusefs module loaded; expected ${expectedPath ?? 'the built fusefs.ko'}`] };
        }
        const loadedPath = loaded.path ?? loaded.name;
        if (expectedPath && loadedPath !== expectedPath) {
            return { ok: false, details: [...details, `kldstat -v shows fusefs loaded from ${loadedPath}, not from the built ${expectedPath}`] };
        }
        details.push(`kldstat -v: fusefs loaded from ${loadedPath} (file id ${loaded.id})`);
        const sha = await shell.run(`sha256 -q ${(0,quote/* shQuote */.U)(loadedPath)}`, { timeoutMs: 30_000 });
        const actual = sha.output.trim();
        if (sha.exitStatus !== 0 || !this.state.moduleSha256 || actual !== this.state.moduleSha256) {
            ok = false;
            details.push(`sha256 of ${loadedPath} is ${actual || '(unreadable)'}, the build produced ${this.state.moduleSha256 ?? '(no hash recorded)'}`);
        }
        else {
            details.push(`sha256 ${actual} matches the build`);
        }
        return { ok, details };
    }
    async mount(shell, config) {
        if (config.fuseServer && config.fuseServerSource) {
            await (0,common/* mustRun */.Pv)(shell, `make -C ${FREEBSD_PATHS.fuseServerSrc} 2>&1`, config.buildTimeoutSec * 1000, 'building the FUSE server (fuse-server-source)');
        }
        const command = config.fuseServer ? (0,common/* fuseServerMountCommand */.Hz)(config.fuseServer, FREEBSD_MOUNT_CHECK) : (0,common/* fixtureMountCommand */.SE)(config, FREEBSD_MOUNT_CHECK);
        const result = await shell.run(command, { timeoutMs: 60_000, purpose: 'mounting the FUSE file system' });
        if (result.exitStatus !== 0)
            throw new common/* MountError */.Kq(`mounting the FUSE file system failed (exit ${result.exitStatus}): ${result.output.trim().slice(-800)}`);
        return common/* MOUNTPOINT */.qg;
    }
    tests(config, mountpoint) {
        const specs = [];
        if (config.tests.includes('workloads'))
            specs.push(...(0,common/* workloadTests */.b7)(config, mountpoint));
        if (config.tests.includes('gtest'))
            specs.push(gtestSpec(config.gtestFilter));
        return specs;
    }
    async gtestResults(shell, spec, iteration) {
        const xmlPath = spec.xmlPath ?? FREEBSD_PATHS.gtestXml;
        const xml = await shell.run(`cat ${(0,quote/* shQuote */.U)(xmlPath)}`, { timeoutMs: 30_000 });
        const log = await shell.run(`cat ${FREEBSD_PATHS.gtestLog}`, { timeoutMs: 30_000 });
        return gtestResultsFromRun({
            xml: xml.exitStatus === 0 ? xml.output : undefined,
            consoleText: log.exitStatus === 0 ? log.output : '',
            iteration,
            filter: filterOf(spec),
        });
    }
    /**
     * `fuse_*+0xOFF` frames -> `sys/fs/fuse/FILE.c:LINE` of the tree, with the module's debug info:
     * kmod.mk keeps it in `${KMOD}.ko.debug` beside the module (installkernel puts it under
     * /usr/lib/debug), elftoolchain's nm prints `ADDRESS TYPE NAME`, and addr2line prints one
     * `FILE:LINE` per address. A stack frame's offset is a return address, so the call is one byte before.
     */
    async resolveSourceLines(shell, threads) {
        const module = this.state.modulePath;
        const frames = threads.flatMap((t) => t.frames).filter((f) => f.fn.startsWith('fuse_') && f.offset && /^0x[0-9a-f]+$/i.test(f.offset));
        if (!module || frames.length === 0)
            return;
        const names = [...new Set(frames.map((f) => f.fn))].slice(0, 16);
        const candidates = [`${module}.debug`, `/usr/lib/debug${module}.debug`, module].map(quote/* shQuote */.U).join(' ');
        const found = await shell.run(`for f in ${candidates}; do if [ -f "$f" ]; then echo "$f"; break; fi; done`, { timeoutMs: 10_000 });
        const debugFile = found.output.trim().split('\n').pop();
        if (!debugFile)
            return;
        const symbols = await shell.run(`nm ${(0,quote/* shQuote */.U)(debugFile)} | awk '${names.map((n) => `$3 == "${n}"`).join(' || ')} { print $1, $3 }'`, { timeoutMs: 30_000 });
        const base = new Map(symbols.output.trim().split('\n').map((line) => line.trim().split(/\s+/)).filter((p) => p.length === 2).map(([addr, name]) => [name, BigInt(`0x${addr}`)]));
        const wanted = frames.filter((f) => base.has(f.fn));
        if (wanted.length === 0)
            return;
        const addresses = wanted.map((f) => `0x${(base.get(f.fn) + BigInt(f.offset) - 1n).toString(16)}`);
        const lines = (await shell.run(`addr2line -e ${(0,quote/* shQuote */.U)(debugFile)} ${addresses.join(' ')}`, { timeoutMs: 30_000 })).output.trim().split('\n');
        wanted.forEach((frame, index) => {
            const match = /^(.*):(\d+)/.exec(lines[index]?.trim() ?? '');
            if (!match || match[1] === '??')
                return;
            frame.file = match[1].replace(new RegExp(`^${FREEBSD_PATHS.src}/`), '');
            frame.line = Number(match[2]);
        });
    }
    /**
     * Release kernels have KDB but no ddb (sys/conf/std.debug adds DDB on HEAD only): an NMI gets no
     * stacks from them, so the backstop says so and keeps the serial log. With ddb: `set $lines 0`
     * turns the pager off (sys/ddb/db_output.c db_enable_pager), then the threads' stacks and locks.
     */
    backstop() {
        if (!this.state.hasDdb)
            return { kind: 'none', why: 'the booted kernel has no ddb (debug.kdb.available), so an NMI would get no stacks' };
        return { kind: 'ddb', commands: ['set $lines 0', 'bt all', ...(this.state.hasWitness ? ['show alllocks'] : []), 'show lockedvnods'] };
    }
    /**
     * A watchdog sample (docs/guest-protocol.md "Capture, FreeBSD"): the report's parsers read the
     * procstat -kk block and add state and wait channel from the ps -axlww block.
     */
    parseSample(text) {
        return (this.options.parseStacks ?? stacks/* parseStacks */.Hf)(text);
    }
    async collect(shell, disks) {
        await shell.run(`dmesg > ${common/* RESULTS_DIR */.z5}/dmesg.txt 2>&1; kldstat -v > ${common/* RESULTS_DIR */.z5}/kldstat.txt 2>&1; tar -cf ${(0,quote/* shQuote */.U)(disks.results)} -C ${common/* RESULTS_DIR */.z5} . && sync`, { timeoutMs: 120_000, purpose: 'packing the results disk' });
    }
}
/**
 * What the payload must carry of the tree under test (under /gate/src). A module build needs sys/
 * (sys/modules/fusefs, sys/conf/kmod.mk, the headers) and share/mk (make's .../share/mk search
 * finds the tree's own mk files); the write tests also need tests/sys/fs/fusefs,
 * tests/freebsd_test_suite (-I${SRCTOP}/tests) and sbin/mount (getmntopts.c, mntopts.h). A kernel
 * build (Makefile.inc1 buildkernel) needs the whole tree.
 */
const FREEBSD_TREE_PATHS = {
    module: ['sys/sys/param.h', 'sys/conf/newvers.sh', 'sys/modules/fusefs/Makefile', 'sys/fs/fuse', 'share/mk'],
    gtest: ['tests/sys/fs/fusefs/Makefile', 'tests/freebsd_test_suite', 'sbin/mount/getmntopts.c'],
    kernel: ['Makefile', 'Makefile.inc1', 'sys/amd64/conf/GENERIC', 'lib', 'usr.bin'],
};
/** Host side, before any work: which required paths the tree lacks for this build and these tests. */
function missingTreePaths(exists, build, tests) {
    const need = [...FREEBSD_TREE_PATHS.module];
    if (build === 'kernel')
        need.push(...FREEBSD_TREE_PATHS.kernel);
    if (tests.includes('gtest'))
        need.push(...FREEBSD_TREE_PATHS.gtest);
    return need.filter((p) => !exists(p));
}


/***/ }),

/***/ 736:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ shQuote),
/* harmony export */   q: () => (/* binding */ shJoin)
/* harmony export */ });
// POSIX shell quoting for command strings sent to a guest shell: every argument the gate did not
// write itself goes through here, so a path with spaces or `$(...)` is data, never code.
function shQuote(argument) {
    if (/^[\w@%+=:,./-]+$/.test(argument))
        return argument;
    return `'${argument.replace(/'/g, `'\\''`)}'`;
}
function shJoin(argv) {
    return argv.map(shQuote).join(' ');
}


/***/ }),

/***/ 1983:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BV: () => (/* binding */ osreldateMajor),
/* harmony export */   Bv: () => (/* binding */ resolveVersionInput),
/* harmony export */   V6: () => (/* binding */ parseFreebsdVersion),
/* harmony export */   YX: () => (/* binding */ pickFromChecksums)
/* harmony export */ });
/* unused harmony exports FREEBSD_DOWNLOAD_BASE, FREEBSD_VERSION_INPUT, SUPPORTED_RELEASES, parseVersion, resolveImage, defaultVersion, parseChecksumFile, parseNewvers, versionFromNewvers */
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5259);
// FreeBSD version string -> official amd64 BASIC-CI image. Pure: text in, data out; no network.
//
// Facts relied on (freebsd/freebsd-src):
// - release/Makefile.mirrors: BRANCH STABLE, CURRENT, PRERELEASE and ALPHA* are snapshots
//   (TLD=${FTPDIR}/snapshots); everything else, including BETAn and RCn, goes to ${FTPDIR}/releases.
//   target `ci-images-stage` publishes under `CI-IMAGES/${REVISION}-${BRANCH}/${TARGET_ARCH}/`:
//   releases copy `${OSRELEASE}-${CW}-${FS}.${VMFORMAT}.xz` and `CHECKSUM.SHA512` into `Latest/`;
//   snapshots rename each image to `${OSRELEASE}-${CW}-${SNAP_SUFFIX}-${FS}.${VMFORMAT}.xz`
//   (SNAP_SUFFIX = ${BUILDDATE}-${GITREV}-${GITCOUNT}), store it in `${BUILDDATE}/`, symlink the
//   undated name into `Latest/`, and write CHECKSUM.SHA512 (via `sha512 ${OSRELEASE}*`) after the
//   rename, so the checksum file lists only the dated names.
// - release/Makefile.vm: BASIC-CI_FORMAT=raw, BASIC-CI_FSLIST?=ufs, and `cloud-install-BASIC-CI`
//   names the file `${OSRELEASE}-BASIC-CI-${_FS}.${_FMT}` then xz-compresses it, then
//   `sha512 ${OSRELEASE}* > CHECKSUM.SHA512` (BSD format: `SHA512 (name) = hex`).
//   Older release trees named it `${OSRELEASE}-BASIC-CI.raw.xz` (no FS part); public CI scripts
//   still download e.g. FreeBSD-14.3-RELEASE-amd64-BASIC-CI.raw.xz, while
//   FreeBSD-15.1-RELEASE-amd64-BASIC-CI-ufs.raw.xz carries the FS part. So the file name is read
//   from the checksum file, never guessed.
// - OSRELEASE is `${TYPE}-${REVISION}-${BRANCH}-${TARGET}` for amd64 (TARGET == TARGET_ARCH),
//   e.g. FreeBSD-14.3-RELEASE-amd64 (as in the published names above).
// - sys/conf/newvers.sh: `TYPE="FreeBSD"`, `REVISION="15.0"`, `BRANCH="CURRENT"` (or
//   "STABLE", "RELEASE-p9", "BETA2", ...); release/Makefile.vm reads them with
//   awk '/^${_V}=/{print}' — one assignment at the start of a line, which is what we read too.
// - sys/sys/param.h: `#define __FreeBSD_version 1500068	/* Master, propagated to newvers */`;
//   scheme <major><two digit minor>Rxx, so major = floor(v / 100000).

const FREEBSD_DOWNLOAD_BASE = 'https://download.freebsd.org/';
const FREEBSD_VERSION_INPUT = 'freebsd-version';
/**
 * Supported releases, newest first. The first entry is the default. Update this one constant when
 * the FreeBSD security officer's list (https://www.freebsd.org/security/#sup) changes.
 * What we could verify (2026-11, from stored public sources, not live):
 * - 15.1-RELEASE and 14.4-RELEASE: public CI code pins
 *   releases/CI-IMAGES/15.1-RELEASE/amd64/Latest/FreeBSD-15.1-RELEASE-amd64-BASIC-CI-ufs.raw.xz and
 *   releases/CI-IMAGES/14.4-RELEASE/amd64/Latest/FreeBSD-14.4-RELEASE-amd64-BASIC-CI.raw.xz.
 * - 15.0-RELEASE: releng/15.0 at RELEASE-p9 (newvers.sh quoted by a third party);
 *   14.3-RELEASE: used by OpenZFS CI. Their end-of-life dates were NOT verified here: the
 *   security page's "Supported FreeBSD releases" table is the authority.
 */
const SUPPORTED_RELEASES = ['15.1-RELEASE', '15.0-RELEASE', '14.4-RELEASE', '14.3-RELEASE'];
const VERSION_RE = /^(\d+)\.(\d+)-(RELEASE|STABLE|CURRENT|PRERELEASE|(?:BETA|RC|ALPHA)(\d+))(?:-p(\d+))?$/;
/** Parse and validate a version; malformed is a BadInputError naming `freebsd-version`. */
function parseVersion(input) {
    const text = input.trim();
    const m = VERSION_RE.exec(text);
    if (!m) {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Y(FREEBSD_VERSION_INPUT, `'${input}' is not a FreeBSD version; expected e.g. 14.3-RELEASE, 15.0-STABLE, 16.0-CURRENT, 15.0-PRERELEASE, 15.0-BETA2, 15.0-RC1, 15.0-ALPHA3 or 'auto'`);
    }
    const [, maj, min, br, num, patch] = m;
    const major = Number(maj);
    const minor = Number(min);
    const branch = (num !== undefined ? br.replace(/\d+$/, '') : br);
    if (patch !== undefined && branch !== 'RELEASE') {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Y(FREEBSD_VERSION_INPUT, `'${input}': only a RELEASE has patch levels (-pN)`);
    }
    const revision = `${major}.${minor}`;
    const name = num !== undefined ? `${revision}-${branch}${Number(num)}` : `${revision}-${branch}`;
    const snapshot = branch === 'STABLE' || branch === 'CURRENT' || branch === 'PRERELEASE' || branch === 'ALPHA';
    const v = { revision, major, minor, branch, name, tree: snapshot ? 'snapshots' : 'releases' };
    if (num !== undefined)
        v.n = Number(num);
    return v;
}
/**
 * Where the image of a version lives. Before the checksum file is read the file name is the
 * `Latest/` name; call `pickFromChecksums` with the checksum file to get the real (dated) one.
 */
function resolveImage(version, options = {}, why) {
    const v = typeof version === 'string' ? parseVersion(version) : version;
    const base = (options.base ?? FREEBSD_DOWNLOAD_BASE).replace(/\/?$/, '/');
    const arch = options.arch ?? 'amd64';
    const fs = options.fs ?? 'ufs';
    const folderUrl = `${base}${v.tree}/CI-IMAGES/${v.name}/${arch}/`;
    const osRelease = `FreeBSD-${v.name}-${arch}`;
    const fileName = `${osRelease}-BASIC-CI-${fs}.raw.xz`;
    return {
        url: `${folderUrl}Latest/${fileName}`,
        checksumUrl: `${folderUrl}Latest/CHECKSUM.SHA512`,
        fileName,
        why: why ?? `${v.name} is published in the ${v.tree}/ tree (release/Makefile.mirrors ci-images-stage)`,
        version: v,
        osRelease,
        folderUrl,
    };
}
/** The default version: the newest supported release. */
function defaultVersion() {
    return SUPPORTED_RELEASES[0];
}
/**
 * Parse a checksum file, BSD style (`SHA512 (name) = hex`, what sha512(1) prints) or GNU style
 * (`hex  name` or `hex *name`, what sha512sum prints). Lines that are neither are ignored.
 */
function parseChecksumFile(text) {
    const out = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line)
            continue;
        const bsd = /^(SHA\d+|MD5)\s*\((.+)\)\s*=\s*([0-9a-fA-F]+)$/.exec(line);
        if (bsd) {
            out.push({ algorithm: bsd[1].toUpperCase(), name: bsd[2], hash: bsd[3].toLowerCase() });
            continue;
        }
        const gnu = /^([0-9a-fA-F]{32,128})\s+\*?(.+)$/.exec(line);
        if (gnu) {
            const hash = gnu[1].toLowerCase();
            const algorithm = hash.length === 128 ? 'SHA512' : hash.length === 64 ? 'SHA256' : hash.length === 32 ? 'MD5' : 'UNKNOWN';
            out.push({ algorithm, name: gnu[2].trim(), hash });
        }
    }
    return out;
}
function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Choose the image file from the folder's CHECKSUM.SHA512 and return the resolution with the real
 * file name, its SHA-512 and a URL that names that exact file (snapshots: the dated file in its
 * `${BUILDDATE}/` folder, so the run can be repeated on the same snapshot).
 * Returns undefined when the checksum file lists no BASIC-CI raw image for this version.
 */
function pickFromChecksums(res, checksumText, fs = 'ufs') {
    const entries = parseChecksumFile(checksumText).filter((e) => e.algorithm === 'SHA512');
    const pre = escapeRe(`${res.osRelease}-BASIC-CI`);
    if (res.version.tree === 'releases') {
        // Current trees: -BASIC-CI-ufs.raw.xz; older trees: -BASIC-CI.raw.xz (release/Makefile.vm history).
        for (const [re, note] of [
            [new RegExp(`^${pre}-${fs}\\.raw\\.xz$`), `file system ${fs}`],
            [new RegExp(`^${pre}\\.raw\\.xz$`), 'the older name without a file-system part'],
        ]) {
            const e = entries.find((x) => re.test(x.name));
            if (e) {
                return {
                    ...res,
                    fileName: e.name,
                    url: `${res.folderUrl}Latest/${e.name}`,
                    sha512: e.hash,
                    why: `${res.why}; ${e.name} (${note}) from ${res.checksumUrl}`,
                };
            }
        }
        return undefined;
    }
    // Snapshots: ${OSRELEASE}-BASIC-CI-${BUILDDATE}-${GITREV}-${GITCOUNT}-${FS}.raw.xz
    const re = new RegExp(`^${pre}-(\\d{8})-([0-9a-f]+)-(\\d+)-${fs}\\.raw\\.xz$`);
    const dated = entries
        .map((e) => ({ e, m: re.exec(e.name) }))
        .filter((x) => x.m !== null)
        .sort((a, b) => b.m[1].localeCompare(a.m[1]));
    const best = dated[0];
    if (!best)
        return undefined;
    const [, buildDate, gitRev, gitCount] = best.m;
    return {
        ...res,
        fileName: best.e.name,
        url: `${res.folderUrl}${buildDate}/${best.e.name}`,
        sha512: best.e.hash,
        why: `${res.why}; snapshot built ${buildDate} from git ${gitRev} (commit count ${gitCount}), dated name read from ${res.checksumUrl}`,
    };
}
/** Read TYPE, REVISION and BRANCH from a tree's sys/conf/newvers.sh (first `NAME="..."` at line start). */
function parseNewvers(text) {
    const get = (name) => {
        const m = new RegExp(`^${name}="([^"]*)"`, 'm').exec(text);
        return m?.[1];
    };
    const type = get('TYPE');
    const revision = get('REVISION');
    const branch = get('BRANCH');
    if (!type || !revision || !branch) {
        const missing = [!type && 'TYPE', !revision && 'REVISION', !branch && 'BRANCH'].filter(Boolean).join(', ');
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Y('source-tree', `sys/conf/newvers.sh has no ${missing} assignment; is this a FreeBSD source tree?`);
    }
    return { type, revision, branch };
}
/**
 * `auto`: the image that matches a tree. RELEASE (and RELEASE-pN) trees -> that release; STABLE,
 * PRERELEASE, CURRENT and ALPHAn trees -> the branch's newest snapshot (snapshots/ tree, dated
 * name from its checksum file); BETAn and RCn trees -> the image of that BETA/RC, which
 * release/Makefile.mirrors publishes in the releases/ tree (it has no snapshot of a releng branch).
 */
function versionFromNewvers(nv) {
    if (nv.type !== 'FreeBSD') {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Y('source-tree', `sys/conf/newvers.sh says TYPE="${nv.type}", not FreeBSD`);
    }
    const v = parseVersion(`${nv.revision}-${nv.branch}`);
    const tree = `the tree's sys/conf/newvers.sh says ${nv.revision}-${nv.branch}`;
    switch (v.branch) {
        case 'RELEASE':
            return { version: v, why: `${tree}: a release tree, so the ${v.name} image (patch levels share the release image)` };
        case 'BETA':
        case 'RC':
            return { version: v, why: `${tree}: a ${v.branch} tree, so the ${v.name} image, which FreeBSD publishes in releases/ (release/Makefile.mirrors)` };
        default:
            return { version: v, why: `${tree}: a ${v.branch} tree, so the newest ${v.name} snapshot` };
    }
}
/** `__FreeBSD_version` from a tree's sys/sys/param.h. */
function parseFreebsdVersion(paramH) {
    const m = /^#define[ \t]+__FreeBSD_version[ \t]+(\d+)/m.exec(paramH);
    if (!m)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Y('source-tree', 'sys/sys/param.h defines no __FreeBSD_version; is this a FreeBSD source tree?');
    return Number(m[1]);
}
/** Major branch of a `__FreeBSD_version` / `kern.osreldate` value (<major><2-digit minor>Rxx). */
function osreldateMajor(v) {
    return Math.floor(v / 100000);
}
/**
 * The image for a `freebsd-version` input: `auto` needs the tree's newvers.sh text; an empty
 * input or `latest` means the newest supported release.
 */
function resolveVersionInput(input, newversText, options = {}) {
    const text = input.trim();
    if (text === 'auto') {
        if (newversText === undefined) {
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Y(FREEBSD_VERSION_INPUT, "'auto' needs a source tree with sys/conf/newvers.sh");
        }
        const { version, why } = versionFromNewvers(parseNewvers(newversText));
        return resolveImage(version, options, why);
    }
    if (text === '' || text === 'latest') {
        return resolveImage(defaultVersion(), options, `no version given: the newest supported release, ${defaultVersion()} (SUPPORTED_RELEASES)`);
    }
    const v = parseVersion(text);
    if (/-p\d+$/.test(text)) {
        return resolveImage(v, options, `${text} runs on the ${v.name} image (patch levels share the release image)`);
    }
    return resolveImage(v, options, `freebsd-version ${v.name}: published in the ${v.tree}/ tree (release/Makefile.mirrors ci-images-stage)`);
}


/***/ }),

/***/ 7956:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ packageRoot)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3136);
// The folder this package is installed in (the repo, or the action's checkout), found from this
// module's own location so that the bundled dist/ and the sources under src/ both find scripts/ and guest/.



let cached;
function packageRoot() {
    if (cached)
        return cached;
    let dir = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
    for (;;) {
        const manifest = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'package.json');
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(manifest) && JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(manifest, 'utf8')).name === 'fusefs-gate')
            return (cached = dir);
        const parent = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(dir);
        if (parent === dir)
            throw new Error('cannot find the fusefs-gate package root above ' + (0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
        dir = parent;
    }
}


/***/ }),

/***/ 4052:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ stripPrintkPrefix),
/* harmony export */   Fl: () => (/* binding */ baseName),
/* harmony export */   RI: () => (/* binding */ toInt),
/* harmony export */   aS: () => (/* binding */ parseSymbol),
/* harmony export */   uz: () => (/* binding */ splitLines)
/* harmony export */ });
// Helpers shared by the stack parsers: line splitting, console prefixes, symbol+offset tokens.
/** Split console text into lines, dropping `\r` (serial consoles send CRLF). */
function splitLines(text) {
    return text.split('\n').map((l) => cleanCarriageReturns(l));
}
/**
 * A line with `\r` in the middle was overwritten on a terminal (ddb's `--More--` pager prints
 * `--More--\r` and then blanks it). Keep what the terminal would show last: the last non-blank
 * segment. A trailing `\r` (CRLF) is just dropped.
 */
function cleanCarriageReturns(line) {
    if (!line.includes('\r'))
        return line;
    const parts = line.split('\r').filter((p) => p.trim() !== '');
    return parts.length === 0 ? '' : parts[parts.length - 1];
}
/**
 * Linux printk prefixes: `[   12.345678] ` (CONFIG_PRINTK_TIME) optionally followed by the
 * caller id `[  T123] ` / `[    C0] ` (CONFIG_PRINTK_CALLER), see kernel/printk/printk.c
 * print_time() / print_caller().
 */
const PRINTK_PREFIX = /^\[\s*\d+\.\d+\](?:\[\s*[TC]\d+\])?\s?/;
/** Remove a Linux printk timestamp (and caller id) from the start of a line. */
function stripPrintkPrefix(line) {
    return line.replace(PRINTK_PREFIX, '');
}
/**
 * A symbol as printed by the kernels: `name`, `name+0xoff`, Linux `%pB` `name+0xoff/0xsize`.
 * FreeBSD `%#lx` prints `0x0` for a zero offset, so offsets are always hex with a prefix.
 */
const SYMBOL = /^([^\s+/]+)(?:\+(0x[0-9a-fA-F]+)(?:\/(0x[0-9a-fA-F]+))?)?$/;
/** Parse `name+0xoff[/0xsize]` into a frame; undefined when the token does not look like one. */
function parseSymbol(token) {
    const m = SYMBOL.exec(token);
    if (!m)
        return undefined;
    const frame = { fn: m[1] };
    if (m[2] !== undefined)
        frame.offset = m[2];
    if (m[3] !== undefined)
        frame.size = m[3];
    return frame;
}
/**
 * The function name without compiler suffixes (`.isra.0`, `.constprop.0`, `.part.0`, `.cold`,
 * `.llvm.123`): the same function for signatures and catalogue matching.
 */
function baseName(fn) {
    const dot = fn.indexOf('.', 1);
    return dot > 0 ? fn.slice(0, dot) : fn;
}
/** Parse an integer field; undefined when absent or not a number. */
function toInt(s) {
    if (s === undefined)
        return undefined;
    const n = Number.parseInt(s, 10);
    return Number.isFinite(n) ? n : undefined;
}


/***/ }),

/***/ 6565:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ parseWatchdogLinuxSample),
/* harmony export */   w: () => (/* binding */ linuxProcStackParser)
/* harmony export */ });
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4052);
// Linux `/proc/PID/stack` (and `/proc/PID/task/TID/stack`), plain or framed by the guest watchdog.
//
// Format, from torvalds/linux fs/proc/base.c proc_pid_stack(): one line a frame,
// seq_printf(m, "[<0>] %pB\n", ...): the address is hidden as 0 since 4.16 (older kernels print it),
// %pB (lib/vsprintf.c) is "func+0xoff/0xsize" plus " [module]" for module text. The trace is
// saved with stack_trace_save_tsk(), which skips the scheduler's own frames.
//
// The guest watchdog (docs/guest-protocol.md, "Capture, Linux") prints before each task's lines:
//   @@fg:NONCE:task:PID:TID:STATE:PROGRESS:WCHAN:COMM@@
// STATE is the letter of /proc/PID/task/TID/stat, PROGRESS utime+stime plus finished read/write calls (Thread.cpuTicks), WCHAN /proc/.../wchan
// (`0` when not sleeping), COMM last because it may hold `:`. Samples are framed by
// `@@fg:NONCE:sample:N:begin@@` ... `@@fg:NONCE:sample:N:end@@`.

const STACK_LINE = /^\[<([0-9a-fA-Fx]+)>\] (\? )?(\S+)(?: \[([^\]\s]+)(?: [0-9a-f]+)?\])?\s*$/;
const TASK_MARKER = /^@@fg:([a-z0-9]+):task:(\d+):(\d+):([^:]*):(\d*):([^:]*):(.*)@@\s*$/;
const SAMPLE_BEGIN = /^@@fg:[a-z0-9]+:sample:(\d+):begin@@\s*$/;
const SAMPLE_END = /^@@fg:[a-z0-9]+:sample:(\d+):end@@\s*$/;
const PROC_PATH = /\/proc\/(\d+)(?:\/task\/(\d+))?\/stack\b/;
function parseStackLine(line) {
    const m = STACK_LINE.exec(line.trim());
    if (!m)
        return undefined;
    const frame = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSymbol */ .aS)(m[3]);
    if (!frame)
        return undefined;
    if (!/^0+$/.test(m[1]))
        frame.address = m[1];
    if (m[4] !== undefined)
        frame.module = m[4];
    return frame;
}
/**
 * Parse framed watchdog captures (or plain stack files) into threads. `sample` tags every thread
 * when the text is one sample; otherwise the sample markers in the text decide.
 */
function parseAll(text, sample) {
    const threads = [];
    let current;
    let currentSample = sample;
    let pendingPath;
    /** The current thread came from a watchdog task marker. */
    let framed = false;
    for (const raw of (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .splitLines */ .uz)(text)) {
        const line = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .stripPrintkPrefix */ .FI)(raw).trim();
        const begin = SAMPLE_BEGIN.exec(line);
        if (begin) {
            currentSample = sample ?? Number(begin[1]);
            current = undefined;
            framed = false;
            continue;
        }
        if (SAMPLE_END.test(line)) {
            currentSample = sample;
            current = undefined;
            framed = false;
            continue;
        }
        const task = TASK_MARKER.exec(line);
        if (task) {
            current = {
                pid: (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(task[2]),
                tid: (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(task[3]),
                comm: task[7],
                frames: [],
                format: 'linux-proc-stack',
            };
            if (task[4] !== '')
                current.state = task[4];
            const ticks = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(task[5]);
            if (ticks !== undefined)
                current.cpuTicks = ticks;
            if (task[6] !== '' && task[6] !== '0')
                current.wchan = task[6];
            if (currentSample !== undefined)
                current.sample = currentSample;
            threads.push(current);
            framed = true;
            continue;
        }
        if (line.startsWith('@@fg:')) {
            // Any other marker (test end, command end) closes the capture.
            current = undefined;
            framed = false;
            continue;
        }
        const frame = parseStackLine(line);
        if (frame) {
            if (!current) {
                current = { comm: '', frames: [], format: 'linux-proc-stack' };
                if (pendingPath?.pid !== undefined)
                    current.pid = pendingPath.pid;
                if (pendingPath?.tid !== undefined)
                    current.tid = pendingPath.tid;
                if (currentSample !== undefined)
                    current.sample = currentSample;
                threads.push(current);
            }
            current.frames.push(frame);
            continue;
        }
        // A framed task runs to the next marker: kernel messages may interleave on the console.
        if (framed)
            continue;
        // A line naming the file (`==> /proc/123/stack <==`, `/proc/123/task/124/stack:`) starts a
        // new plain thread; any other line ends the current plain one.
        const path = PROC_PATH.exec(line);
        pendingPath = path ? { pid: (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(path[1]), tid: (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(path[2] ?? path[1]) } : undefined;
        current = undefined;
    }
    return threads;
}
/** One watchdog sample (the text between its begin and end markers, or a whole capture). */
function parseWatchdogLinuxSample(text, sample) {
    return parseAll(text, sample);
}
const linuxProcStackParser = {
    format: 'linux-proc-stack',
    matches(text) {
        return (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .splitLines */ .uz)(text).some((l) => {
            const line = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .stripPrintkPrefix */ .FI)(l).trim();
            return TASK_MARKER.test(line) || STACK_LINE.test(line);
        });
    },
    parse(text) {
        return parseAll(text);
    },
};


/***/ }),

/***/ 3754:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Ll: () => (/* binding */ extractPanic),
  Hf: () => (/* binding */ parseStacks)
});

// UNUSED EXPORTS: PARSERS

// EXTERNAL MODULE: ./.build/src/report/parsers/common.js
var common = __nccwpck_require__(4052);
;// CONCATENATED MODULE: ./.build/src/report/parsers/freebsd-ddb.js
// FreeBSD ddb(4) `bt` and `bt all` output (also reached from the host's backstop: NMI, then `bt all`).
//
// Formats, from freebsd-src:
// - sys/ddb/db_command.c db_stack_trace(): "Tracing pid %d tid %ld td %p\n" before `bt [tid]`,
//   db_stack_trace_all(): "\nTracing command %s pid %d tid %ld td %p\n" before each thread of
//   `bt all` (%s is p_comm, which may hold spaces).
// - sys/amd64/amd64/db_trace.c db_print_stack_entry(): "%s() at " name (or "??"), then
//   db_printsym(pc, DB_STGY_PROC), then "/frame 0x%lx" when the frame is known.
//   db_nextframe() prints "--- trap %#r, rip = ..., rsp = ..., rbp = ... ---",
//   "--- syscall (%d, %s, %s), rip = ..." or "--- interrupt, rip = ..." between kernel and the
//   trapped context.
// - sys/ddb/db_sym.c db_printsym(): "name" then "+%+#lr" offset (only when non-zero), then
//   " [file:line]" when line info exists; "%#lr" (a bare address) when there is no symbol;
//   with options DDB_NUMSYM the name is preceded by "0x... = ".

const TRACING_ALL = /^Tracing command (.*) pid (\d+) tid (\d+) td (0x[0-9a-fA-F]+)\s*$/;
const TRACING_ONE = /^Tracing pid (-?\d+) tid (\d+) td (0x[0-9a-fA-F]+)\s*$/;
const FRAME_LINE = /^(\S+?)\(\) at (?:(0x[0-9a-fA-F]+) = )?([^\s+/[]+)(?:\+(0x[0-9a-fA-F]+))?(?: \[([^\]:]+):(\d+)\])?(?:\/frame (0x[0-9a-fA-F]+))?\s*$/;
/** `--- trap 0xc, rip = ...`, `--- syscall (...)`, `--- interrupt, ...` separators. */
const DDB_SEPARATOR = /^--- (trap|syscall|interrupt)\b.*---\s*$/;
/** Parse one `func() at func+0xoff/frame 0x...` line; undefined when the line is not a frame. */
function parseDdbFrameLine(line) {
    const m = FRAME_LINE.exec(line.trim());
    if (!m)
        return undefined;
    const caller = m[1];
    const sym = m[3];
    // db_printsym prints a bare address when the pc has no symbol: keep the caller's name.
    const frame = { fn: /^0x[0-9a-fA-F]+$/.test(sym) ? caller : sym };
    if (/^0x[0-9a-fA-F]+$/.test(sym))
        frame.address = sym;
    if (m[2] !== undefined)
        frame.address = m[2];
    if (m[4] !== undefined)
        frame.offset = m[4];
    if (m[5] !== undefined)
        frame.file = m[5];
    if (m[6] !== undefined)
        frame.line = Number(m[6]);
    return frame;
}
function stripPagerNoise(line) {
    // db_pager() prints "--More--" and waits for a key; a captured console keeps it in the text.
    return line.replace(/--More--\s*/g, '').replace(/^db>\s*$/, '');
}
const freebsdDdbParser = {
    format: 'freebsd-ddb',
    matches(text) {
        return (0,common/* splitLines */.uz)(text).some((l) => TRACING_ALL.test(l.trim()) || TRACING_ONE.test(l.trim()));
    },
    parse(text) {
        const threads = [];
        let current;
        for (const raw of (0,common/* splitLines */.uz)(text)) {
            const line = stripPagerNoise(raw).trim();
            const all = TRACING_ALL.exec(line);
            const one = all ? undefined : TRACING_ONE.exec(line);
            if (all || one) {
                current = all
                    ? { pid: (0,common/* toInt */.RI)(all[2]), tid: (0,common/* toInt */.RI)(all[3]), comm: all[1], frames: [], format: 'freebsd-ddb' }
                    : { pid: (0,common/* toInt */.RI)(one?.[1]), tid: (0,common/* toInt */.RI)(one?.[2]), comm: '', frames: [], format: 'freebsd-ddb' };
                threads.push(current);
                continue;
            }
            if (!current)
                continue;
            if (line === '' || DDB_SEPARATOR.test(line))
                continue;
            const frame = parseDdbFrameLine(line);
            if (frame) {
                current.frames.push(frame);
                continue;
            }
            // Anything else (a db> prompt with a new command, console noise) ends this thread.
            current = undefined;
        }
        return threads;
    },
};

;// CONCATENATED MODULE: ./.build/src/report/parsers/freebsd-panic.js
// FreeBSD kernel panics on the console, with the backtrace of the panicking thread.
//
// Format, from freebsd-src:
// - sys/kern/kern_shutdown.c vpanic(): "panic: %s\n" (the message), then "cpuid = %d\n",
//   "time = %jd\n", then kdb_backtrace() when KDB_TRACE is configured.
// - sys/kern/subr_kdb.c kdb_backtrace(): "KDB: stack backtrace:\n", then either the debugger
//   backend's trace (ddb: db_trace_self(), frames "func() at func+0xoff/frame 0x...", see
//   freebsd-ddb.ts) or, in kernels with options STACK but no DDB (release kernels),
//   stack_print_ddb() from sys/kern/subr_stack.c: "#%d %p at %s+%#lx\n".
// - The trace ends at "--- syscall (...) ---" (user context) or simply stops; "--- trap ..."
//   and "--- interrupt ..." lines separate the panic machinery from the trapped kernel code
//   and the trace goes on after them.
// - A trap first prints "Fatal trap N: ... while in kernel mode" and, among its fields,
//   "current process\t\t= %d (%s)" (sys/amd64/amd64/trap.c trap_fatal()); with a debugger,
//   "KDB: enter: panic" and "[ thread pid %d tid %ld ]" follow the trace.


const PANIC = /^panic: (.*)$/;
const STACK_FRAME = /^#(\d+) (0x[0-9a-fA-F]+) at (\S+)\s*$/;
const CURRENT_PROCESS = /^current process\s*=\s*(\d+) \((.*)\)\s*$/;
const KDB_THREAD = /^\[ thread pid (\d+) tid (\d+) \]\s*$/;
const CPUID = /^cpuid = (\d+)/;
/** Parse one `#N 0x... at func+0xoff` line (stack_print_ddb). */
function parseStackPrintLine(line) {
    const m = STACK_FRAME.exec(line);
    if (!m)
        return undefined;
    const frame = (0,common/* parseSymbol */.aS)(m[3]);
    if (!frame)
        return undefined;
    frame.address = m[2];
    return frame;
}
/** The first panic in the text: its message and the panicking thread's stack. */
function extractFreebsdPanic(text) {
    const lines = (0,common/* splitLines */.uz)(text).map((l) => l.trim());
    const at = lines.findIndex((l) => PANIC.test(l));
    if (at < 0)
        return undefined;
    const message = (PANIC.exec(lines[at])?.[1]).trim();
    const thread = { comm: '', frames: [], format: 'freebsd-panic' };
    const panic = { os: 'freebsd', message, threads: [thread] };
    // The trap report just above the panic line names the process.
    for (let i = Math.max(0, at - 30); i < at; i++) {
        const cp = CURRENT_PROCESS.exec(lines[i]);
        if (cp) {
            thread.pid = (0,common/* toInt */.RI)(cp[1]);
            thread.comm = cp[2];
        }
    }
    let inTrace = false;
    let done = false;
    for (let i = at + 1; i < lines.length && i < at + 400; i++) {
        const line = lines[i];
        const cpu = CPUID.exec(line);
        if (cpu && panic.cpu === undefined)
            panic.cpu = Number(cpu[1]);
        const kdbThread = KDB_THREAD.exec(line);
        if (kdbThread) {
            thread.pid = (0,common/* toInt */.RI)(kdbThread[1]);
            thread.tid = (0,common/* toInt */.RI)(kdbThread[2]);
            break;
        }
        if (line.startsWith('KDB: stack backtrace')) {
            inTrace = true;
            continue;
        }
        if (!inTrace || done)
            continue;
        const frame = parseDdbFrameLine(line) ?? parseStackPrintLine(line);
        if (frame) {
            thread.frames.push(frame);
            continue;
        }
        if (DDB_SEPARATOR.test(line)) {
            if (line.startsWith('--- syscall'))
                done = true;
            continue;
        }
        if (thread.frames.length > 0)
            done = true;
    }
    return panic;
}
const freebsdPanicParser = {
    format: 'freebsd-panic',
    matches(text) {
        return (0,common/* splitLines */.uz)(text).some((l) => PANIC.test(l.trim()));
    },
    parse(text) {
        return extractFreebsdPanic(text)?.threads.filter((t) => t.frames.length > 0) ?? [];
    },
};

;// CONCATENATED MODULE: ./.build/src/report/parsers/freebsd-procstat.js
// FreeBSD `procstat -kk` (kernel stacks of threads), with `ps -axlww` to add state and wait channel.
//
// Format, from freebsd-src usr.bin/procstat/procstat_kstack.c, procstat_kstack():
//   header  xo_emit("{T:/%5s %6s %-19s %-19s %-29s}\n", "PID", "TID", "COMM", "TDNAME", "KSTACK")
//   a line  "%5d " pid, "%6d " tid, "%-19s " ki_comm, "%-19s " thread name (or "-"), then the
//           stack as "%-29s": `<running>`, `<swapped>`, `<unknown>`, or the frames that
//           kstack_cleanup() reduced from stack(9)'s "#N 0x... at func+0xoff" lines to
//           space-separated `func+0xoff` (with -kk) or `func` (with -k).
// Older releases printed COMM and TDNAME as %-16s; both widths are handled. COMM and TDNAME are
// at most 19 characters (MAXCOMLEN) but may hold spaces, so the fixed columns decide, and a
// whitespace split is only the fallback for text whose padding was mangled (mail, bug reports).
//
// `ps -axlww` (bin/ps/ps.c lfmt "uid,pid,ppid,cpu,pri,nice,vsz,rss,mwchan,state,tt,time,command")
// prints `UID PID PPID C PRI NI VSZ RSS MWCHAN STAT TT TIME COMMAND`; when the same text holds
// it, each procstat thread gets its process's STAT (first letter, e.g. `D`) and MWCHAN.

const HEADER = /^\s*PID\s+TID\s+COMM\s+TDNAME\s+KSTACK\s*$/;
const LINE_START = /^(\s*)(\d+)\s+(\d+) /;
const STACK_STATES = {
    '<running>': 'R',
    '<swapped>': undefined,
    '<unknown>': undefined,
};
/** A frame token: `func+0xoff` (-kk) or `func` (-k). */
const FRAME_TOKEN = /^[A-Za-z_$.][\w$.]*(?:\+0x[0-9a-fA-F]+)?$/;
const FRAME_WITH_OFFSET = /^[A-Za-z_$.][\w$.]*\+0x[0-9a-fA-F]+$/;
const freebsdProcstatParser = {
    format: 'freebsd-procstat',
    matches(text) {
        return (0,common/* splitLines */.uz)(text).some((l) => HEADER.test(l) || parseLine(l, undefined) !== undefined);
    },
    parse(text) {
        const threads = [];
        let columns;
        for (const line of (0,common/* splitLines */.uz)(text)) {
            if (HEADER.test(line)) {
                columns = {
                    comm: line.indexOf('COMM'),
                    tdname: line.indexOf('TDNAME'),
                    kstack: line.indexOf('KSTACK'),
                };
                continue;
            }
            const thread = parseLine(line, columns);
            if (thread)
                threads.push(thread);
        }
        return addPsInfo(threads, parsePsAxl(text));
    },
};
function parseLine(line, columns) {
    const start = LINE_START.exec(line);
    if (!start)
        return undefined;
    const pid = (0,common/* toInt */.RI)(start[2]);
    const tid = (0,common/* toInt */.RI)(start[3]);
    const fields = byHeader(line, columns) ?? byWidth(line.slice(start[0].length)) ?? bySplit(line.slice(start[0].length));
    if (!fields)
        return undefined;
    const stack = fields.stack.trim();
    const thread = { pid, tid, comm: fields.comm, frames: [], format: 'freebsd-procstat' };
    if (fields.tdname !== '' && fields.tdname !== '-')
        thread.tdname = fields.tdname;
    if (stack in STACK_STATES) {
        const state = STACK_STATES[stack];
        if (state !== undefined)
            thread.state = state;
        return thread;
    }
    const tokens = stack.split(/\s+/).filter((t) => t !== '');
    // A procstat stack is frames only; anything else (a ps line, a shell prompt) is not ours.
    if (tokens.length === 0 || !tokens.every((t) => FRAME_TOKEN.test(t)))
        return undefined;
    if (!tokens.some((t) => FRAME_WITH_OFFSET.test(t)) && columns === undefined)
        return undefined;
    thread.frames = tokens.map((t) => (0,common/* parseSymbol */.aS)(t)).filter((f) => f !== undefined);
    return thread;
}
/** Columns as placed by the header line seen before (both trimmed the same way when pasted). */
function byHeader(line, c) {
    if (!c || c.comm < 0 || c.tdname <= c.comm || c.kstack <= c.tdname)
        return undefined;
    if (line.length <= c.kstack)
        return undefined;
    if (!/^\s*\d+\s+\d+ $/.test(line.slice(0, c.comm)))
        return undefined;
    if (line[c.tdname - 1] !== ' ' || line[c.kstack - 1] !== ' ' || line[c.kstack] === ' ')
        return undefined;
    return plausible({
        comm: line.slice(c.comm, c.tdname - 1).trimEnd(),
        tdname: line.slice(c.tdname, c.kstack - 1).trimEnd(),
        stack: line.slice(c.kstack),
    });
}
/** Fixed widths after the TID: %-19s (current) or %-16s (older procstat). */
function byWidth(rest) {
    for (const w of [19, 16]) {
        if (rest.length <= 2 * w + 2)
            continue;
        if (rest[w] !== ' ' || rest[2 * w + 1] !== ' ' || rest[2 * w + 2] === ' ')
            continue;
        const fields = plausible({
            comm: rest.slice(0, w).trimEnd(),
            tdname: rest.slice(w + 1, 2 * w + 1).trimEnd(),
            stack: rest.slice(2 * w + 2),
        });
        if (fields)
            return fields;
    }
    return undefined;
}
/** Whitespace split: COMM and TDNAME without spaces, for text whose padding was collapsed. */
function bySplit(rest) {
    const m = /^\s*(\S+)\s+(\S+)\s+(.*)$/.exec(rest);
    if (!m)
        return undefined;
    return { comm: m[1], tdname: m[2], stack: m[3] };
}
/** Padding never leaves two spaces inside a name; a column guess that does was wrong. */
function plausible(f) {
    if (f.comm.trim() === '' || f.tdname.trim() === '')
        return undefined;
    if (f.comm.startsWith(' ') || f.tdname.startsWith(' '))
        return undefined;
    if (/\s{2}/.test(f.comm) || /\s{2}/.test(f.tdname))
        return undefined;
    return f;
}
const PS_HEADER = /^\s*UID\s+PID\s+PPID\s+C\s+PRI\s+NI\s+VSZ\s+RSS\s+MWCHAN\s+STAT\s+TT\s+TIME\s+COMMAND\s*$/;
/** Parse `ps -axlww` output (FreeBSD bin/ps lfmt); empty when the text has none. */
function parsePsAxl(text) {
    const out = [];
    let inPs = false;
    for (const line of (0,common/* splitLines */.uz)(text)) {
        if (PS_HEADER.test(line)) {
            inPs = true;
            continue;
        }
        if (!inPs)
            continue;
        // UID PID PPID C PRI NI VSZ RSS MWCHAN STAT TT TIME COMMAND...
        const m = /^\s*\d+\s+(\d+)\s+(\d+)\s+-?\d+\s+-?\d+\s+-?\d+\s+\d+\s+\d+\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(.*)$/.exec(line);
        if (!m) {
            inPs = false;
            continue;
        }
        const proc = { pid: Number(m[1]), ppid: Number(m[2]), state: m[4], command: m[7] };
        if (m[3] !== '-')
            proc.wchan = m[3];
        out.push(proc);
    }
    return out;
}
function addPsInfo(threads, ps) {
    if (ps.length === 0)
        return threads;
    const byPid = new Map(ps.map((p) => [p.pid, p]));
    const perPid = new Map();
    for (const t of threads)
        if (t.pid !== undefined)
            perPid.set(t.pid, (perPid.get(t.pid) ?? 0) + 1);
    for (const t of threads) {
        const p = t.pid === undefined ? undefined : byPid.get(t.pid);
        // ps -axl without -H shows one line a process: its state says nothing about which of
        // several threads is asleep where, so only a single-threaded process takes it.
        if (!p || perPid.get(p.pid) !== 1)
            continue;
        // STAT's first letter is the state (D, I, L, R, S, T, W, Z); the rest are flags.
        if (t.state === undefined)
            t.state = p.state.charAt(0);
        if (t.wchan === undefined && p.wchan !== undefined)
            t.wchan = p.wchan;
    }
    return threads;
}

;// CONCATENATED MODULE: ./.build/src/report/parsers/linux-call-trace.js
// The x86 `Call Trace:` block that every Linux stack dump shares (hung task, sysrq-t, panic, oops).
//
// Format, from torvalds/linux arch/x86/kernel/dumpstack.c:
// - show_trace_log_lvl(): "%sCall Trace:\n", then for each stack the unwinder visits a
//   " <TASK>" / " <IRQ>" / " <NMI>" / " <SOFTIRQ>" line and its closing " </...>".
// - printk_stack_address(): "%s %s%pBb\n": one space, "? " when the frame is unreliable (found
//   by scanning, not by unwinding), then %pBb from lib/vsprintf.c: "func+0xoff/0xsize", plus
//   " [module]" (or " [module buildid]") for module text.
// - show_regs_if_on_stack()/show_iret_regs(): a user or interrupted context prints "RIP: ...",
//   "Code: ...", "RSP: ...", "RAX: ..." register lines inside the block.
// Lines carry printk timestamps (`[   12.345678] `) when CONFIG_PRINTK_TIME is on.

const CALL_TRACE = /^\s*Call Trace:\s*$/;
const CONTEXT_MARK = /^\s*<\/?(TASK|IRQ|NMI|SOFTIRQ|EOI|#[A-Z]+)>\s*$/;
const REGISTER_LINE = /^\s*(RIP|RSP|RAX|RDX|RBP|R10|R13|Code|FS|CS|CR2|DR0|DR3|PKRU|ORIG_RAX)\b.*$/;
const FRAME = /^\s(\? )?(\S+?)(?: \[([^\]\s]+)(?: [0-9a-f]+)?\])?\s*$/;
/** Parse one frame line of a Call Trace; `unreliable` for `? ` frames. */
function parseTraceLine(line) {
    const m = FRAME.exec(line);
    if (!m)
        return undefined;
    const frame = (0,common/* parseSymbol */.aS)(m[2]);
    // A frame always prints an offset and size (`func+0x1/0x2`); other text is not a frame.
    if (!frame || frame.offset === undefined || frame.size === undefined)
        return undefined;
    if (m[3] !== undefined)
        frame.module = m[3];
    return { frame, unreliable: m[1] !== undefined };
}
/**
 * Read the Call Trace block whose header is at `lines[start]` (already split, raw). Stops at
 * the first line that is none of: a frame, a context mark, a register line.
 */
function readCallTrace(lines, start) {
    const frames = [];
    let i = start + 1;
    for (; i < lines.length; i++) {
        const line = (0,common/* stripPrintkPrefix */.FI)(lines[i]);
        if (/^\s*<\/TASK>\s*$/.test(line)) {
            i++;
            break;
        }
        if (CONTEXT_MARK.test(line) || REGISTER_LINE.test(line))
            continue;
        const parsed = parseTraceLine(line);
        if (!parsed)
            break;
        if (!parsed.unreliable)
            frames.push(parsed.frame);
    }
    return { frames, end: i };
}

;// CONCATENATED MODULE: ./.build/src/report/parsers/linux-hung-task.js
// Linux hung-task reports and sysrq task dumps (sysrq-t "Show State", sysrq-w "Show Blocked State").
//
// Format, from torvalds/linux (6.12):
// - kernel/hung_task.c check_hung_task(): pr_err("INFO: task %s:%d blocked for more than %ld
//   seconds.\n", comm, pid, secs); pr_err("      %s %s %.*s\n", print_tainted(), release,
//   version up to its first space); pr_err("\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\"
//   disables this message.\n"); then sched_show_task(t).
// - kernel/sched/core.c sched_show_task(): "task:%-15.15s state:%c" comm and state letter,
//   "  running task    " for a running task, then " stack:%-5lu pid:%-5d tgid:%-5d ppid:%-6d
//   flags:0x%08lx\n" (tgid since 6.7, `task_flags:` since 6.15 — the fields are read by name),
//   then show_stack(): the Call Trace block (linux-call-trace.ts).
// - drivers/tty/sysrq.c: "sysrq: Show State" / "sysrq: Show Blocked State" before the dumps.
// Only the hung-task detector's tasks are format `linux-hung-task`; other task dumps are
// `linux-sysrq`. Unreliable (`? `) frames are skipped.


const HUNG = /^INFO: task (.+):(\d+) blocked for more than (\d+) seconds\.\s*$/;
const TASK = /^task:(.+?)\s+state:(\S)(.*)$/;
const linuxHungTaskParser = {
    format: 'linux-hung-task',
    matches(text) {
        return (0,common/* splitLines */.uz)(text).some((l) => {
            const line = (0,common/* stripPrintkPrefix */.FI)(l).trim();
            return HUNG.test(line) || TASK.test(line);
        });
    },
    parse(text) {
        const lines = (0,common/* splitLines */.uz)(text);
        const threads = [];
        let hung;
        let task;
        for (let i = 0; i < lines.length; i++) {
            const line = (0,common/* stripPrintkPrefix */.FI)(lines[i]).trim();
            const h = HUNG.exec(line);
            if (h) {
                hung = { comm: h[1], pid: Number(h[2]) };
                task = undefined;
                continue;
            }
            const t = TASK.exec(line);
            if (t) {
                const fields = t[3];
                const pid = (0,common/* toInt */.RI)(/\bpid:\s*(\d+)/.exec(fields)?.[1]);
                const tgid = (0,common/* toInt */.RI)(/\btgid:\s*(\d+)/.exec(fields)?.[1]);
                const isHung = hung !== undefined && pid === hung.pid;
                task = {
                    pid: tgid ?? pid,
                    tid: pid,
                    comm: t[1].trimEnd(),
                    state: t[2],
                    frames: [],
                    format: isHung ? 'linux-hung-task' : 'linux-sysrq',
                };
                // sched_show_task prints at most 15 characters of comm; the INFO line has all of it.
                if (isHung && hung)
                    task.comm = hung.comm;
                hung = undefined;
                continue;
            }
            if (task && CALL_TRACE.test(line)) {
                const trace = readCallTrace(lines, i);
                task.frames = trace.frames;
                threads.push(task);
                task = undefined;
                i = trace.end - 1;
            }
        }
        return threads;
    },
};

;// CONCATENATED MODULE: ./.build/src/report/parsers/linux-panic.js
// Linux kernel panics on the console (e.g. `echo c > /proc/sysrq-trigger`, hung_task_panic, an oops
// with panic_on_oops), with the panicking task's Call Trace.
//
// Format, from torvalds/linux (6.12):
// - kernel/panic.c panic(): pr_emerg("Kernel panic - not syncing: %s\n", buf), then
//   dump_stack() unless an oops already printed one (test_taint(TAINT_DIE)), ..., and last
//   pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf).
// - lib/dump_stack.c dump_stack_print_info(): "CPU: %d UID: %u PID: %d Comm: %.20s %s%s %s %.*s"
//   (UID since 6.10), then "Hardware name: ...", then the Call Trace block (linux-call-trace.ts).
// - drivers/tty/sysrq.c sysrq_handle_crash(): "sysrq: Trigger a crash" then
//   panic("sysrq triggered crash\n").
// - arch/x86/kernel/dumpstack.c __die()/show_regs(): an oops prints "Oops: ...", the CPU line,
//   "RIP: 0010:func+0xoff/0xsize" and its own Call Trace before panic("Fatal exception").


const linux_panic_PANIC = /^Kernel panic - not syncing: (.*?)\s*$/;
const END = /^---\[ end Kernel panic - not syncing: (.*) \]---\s*$/;
const CPU_LINE = /^CPU: (\d+) (?:UID: \d+ )?PID: (\d+) Comm: (.*?) (?:Not tainted|Tainted:)/;
const KERNEL_RIP = /^RIP: 0010:(\S+)/;
/** Every `CPU: N ... PID: N Comm: X` header with the Call Trace that follows it. */
function blocks(lines) {
    const out = [];
    let current;
    for (let i = 0; i < lines.length; i++) {
        const line = (0,common/* stripPrintkPrefix */.FI)(lines[i]).trim();
        const cpu = CPU_LINE.exec(line);
        if (cpu) {
            current = { header: i, cpu: Number(cpu[1]), pid: (0,common/* toInt */.RI)(cpu[2]), comm: cpu[3], frames: [] };
            out.push(current);
            continue;
        }
        if (!current)
            continue;
        const rip = KERNEL_RIP.exec(line);
        if (rip && current.frames.length === 0) {
            const frame = (0,common/* parseSymbol */.aS)(rip[1]);
            if (frame)
                current.rip = frame;
            continue;
        }
        if (CALL_TRACE.test(line) && current.frames.length === 0) {
            const trace = readCallTrace(lines, i);
            current.frames = trace.frames;
            i = trace.end - 1;
            current = undefined;
        }
    }
    return out;
}
/** The first panic in the text: its message and the panicking task's stack. */
function extractLinuxPanic(text) {
    const lines = (0,common/* splitLines */.uz)(text);
    const stripped = lines.map((l) => (0,common/* stripPrintkPrefix */.FI)(l).trim());
    const at = stripped.findIndex((l) => linux_panic_PANIC.test(l));
    if (at < 0)
        return undefined;
    const message = (linux_panic_PANIC.exec(stripped[at])?.[1]).trim();
    const end = stripped.findIndex((l, i) => i > at && END.test(l));
    const all = blocks(lines);
    // panic()'s own dump_stack() comes after the panic line; after an oops it is skipped and the
    // oops's dump (just before) is the panicking task's.
    const own = all.find((b) => b.header > at && (end < 0 || b.header < end));
    const before = [...all].reverse().find((b) => b.header < at);
    const block = own ?? before;
    const panic = { os: 'linux', message, threads: [] };
    if (block) {
        const thread = { comm: block.comm, frames: [...block.frames], format: 'linux-panic' };
        if (block.pid !== undefined) {
            thread.pid = block.pid;
            thread.tid = block.pid;
        }
        // An oops's faulting function is in RIP, not in the Call Trace.
        if (!own && block.rip)
            thread.frames.unshift(block.rip);
        panic.threads.push(thread);
        if (block.cpu !== undefined)
            panic.cpu = block.cpu;
    }
    return panic;
}
const linuxPanicParser = {
    format: 'linux-panic',
    matches(text) {
        return (0,common/* splitLines */.uz)(text).some((l) => linux_panic_PANIC.test((0,common/* stripPrintkPrefix */.FI)(l).trim()));
    },
    parse(text) {
        return extractLinuxPanic(text)?.threads.filter((t) => t.frames.length > 0) ?? [];
    },
};

// EXTERNAL MODULE: ./.build/src/report/parsers/linux-proc-stack.js
var linux_proc_stack = __nccwpck_require__(6565);
;// CONCATENATED MODULE: ./.build/src/report/stacks.js
// Every stack parser behind one call: text in (a capture, a serial log), threads out.






/** One parser a capture format; adding a format is adding a file and a line here. */
const PARSERS = [
    freebsdProcstatParser,
    freebsdDdbParser,
    freebsdPanicParser,
    linux_proc_stack/* linuxProcStackParser */.w,
    linuxHungTaskParser,
    linuxPanicParser,
];
function threadKey(t) {
    return [t.pid ?? '', t.tid ?? '', t.sample ?? '', t.frames.map((f) => `${f.fn}+${f.offset ?? ''}`).join(' ')].join('|');
}
/**
 * Every thread any parser finds in the text, in parser order, without duplicates (the same
 * thread and stack printed twice, e.g. a panic's trace repeated by `bt`).
 */
function parseStacks(text) {
    const seen = new Set();
    const out = [];
    for (const parser of PARSERS) {
        if (!parser.matches(text))
            continue;
        for (const thread of parser.parse(text)) {
            const key = threadKey(thread);
            if (seen.has(key))
                continue;
            seen.add(key);
            out.push(thread);
        }
    }
    return out;
}
/** The first kernel panic in the text, FreeBSD or Linux. */
function extractPanic(text) {
    return extractFreebsdPanic(text) ?? extractLinuxPanic(text);
}


/***/ }),

/***/ 9620:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bb: () => (/* binding */ runBounded),
/* harmony export */   fM: () => (/* binding */ lastLine),
/* harmony export */   vX: () => (/* binding */ TailBuffer),
/* harmony export */   zE: () => (/* binding */ waitForExit)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
// Small helpers for child processes: always argv arrays (never a shell), always a bounded wait.

/** Keeps the last `limit` bytes of a stream (QEMU's stderr), decoded on demand. */
class TailBuffer {
    limit;
    chunks = [];
    size = 0;
    constructor(limit = 16 * 1024) {
        this.limit = limit;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size - (this.chunks[0]?.length ?? 0) >= this.limit && this.chunks.length > 1) {
            this.size -= this.chunks.shift().length;
        }
    }
    text() {
        const all = Buffer.concat(this.chunks);
        return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
    }
}
/** The last non-empty line of a text (QEMU puts its reason for failing there). */
function lastLine(text) {
    const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    return lines.at(-1) ?? '';
}
/** Resolves when the child has exited (and been reaped by Node), or with undefined after `ms`. */
function waitForExit(child, ms) {
    if (child.exitCode !== null || child.signalCode !== null) {
        return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
    }
    return new Promise((resolve) => {
        const timer = setTimeout(() => {
            child.off('exit', onExit);
            resolve(undefined);
        }, ms);
        const onExit = (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal });
        };
        child.once('exit', onExit);
    });
}
/**
 * Runs a program to completion within `timeoutMs`; on timeout it is killed (SIGKILL) and reaped.
 * Never rejects: the caller decides what a failure means.
 */
function runBounded(binary, args, options) {
    return new Promise((resolve) => {
        const stdout = new TailBuffer(64 * 1024);
        const stderr = new TailBuffer(64 * 1024);
        let timedOut = false;
        let spawnError;
        let child;
        try {
            child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        }
        catch (error) {
            resolve({ code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: error });
            return;
        }
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => stderr.push(chunk));
        child.on('error', (error) => {
            spawnError = error;
        });
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, options.timeoutMs);
        // 'close' comes after 'exit' and after the pipes have drained; also after a spawn 'error'.
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stdout: stdout.text(), stderr: stderr.text(), timedOut, ...(spawnError ? { spawnError } : {}) });
        });
    });
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./.build/src/config/errors.js
var errors = __nccwpck_require__(5259);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./.build/src/constants.js
// Every action input, output and saved state named once; action.yml and the code must agree
// (test/unit/action-yml.test.ts checks that they do).
var Input;
(function (Input) {
    Input["Guest"] = "guest";
    Input["FreebsdVersion"] = "freebsd-version";
    Input["Image"] = "image";
    Input["ImageSha512"] = "image-sha512";
    Input["SourceTree"] = "source-tree";
    Input["Build"] = "build";
    Input["Kernconf"] = "kernconf";
    Input["Tests"] = "tests";
    Input["GtestFilter"] = "gtest-filter";
    Input["Workloads"] = "workloads";
    Input["FixtureOptions"] = "fixture-options";
    Input["Fault"] = "fault";
    Input["FuseServer"] = "fuse-server";
    Input["FuseServerSource"] = "fuse-server-source";
    Input["Timeout"] = "timeout";
    Input["BootTimeout"] = "boot-timeout";
    Input["BuildTimeout"] = "build-timeout";
    Input["JobTimeout"] = "job-timeout";
    Input["Cpus"] = "cpus";
    Input["Memory"] = "memory";
    Input["DiskSize"] = "disk-size";
    Input["Accel"] = "accel";
    Input["Repeat"] = "repeat";
    Input["FailOn"] = "fail-on";
    Input["UploadArtifact"] = "upload-artifact";
    Input["ArtifactName"] = "artifact-name";
    Input["OutputDir"] = "output-dir";
    Input["CacheDir"] = "cache-dir";
})(Input || (Input = {}));
var Output;
(function (Output) {
    Output["Verdict"] = "verdict";
    Output["Signature"] = "signature";
    Output["Report"] = "report";
    Output["Stacks"] = "stacks";
    Output["SerialLog"] = "serial-log";
    Output["Junit"] = "junit";
    Output["Summary"] = "summary";
})(Output || (Output = {}));
var State;
(function (State) {
    /** Path of the pidfile of the QEMU this run started; the post step ends it if still there. */
    State["QemuPidfile"] = "qemu-pidfile";
    State["OutputDir"] = "output-dir";
    State["MainFinished"] = "main-finished";
})(State || (State = {}));
/** Exit codes: 0 pass, 1 fail, 2 hang, 3 panic, 64 bad usage, 125 undecided (git bisect run skips). */
const EXIT = {
    pass: 0,
    fail: 1,
    hang: 2,
    panic: 3,
    usage: 64,
    error: 125,
    sigint: 130,
    sigterm: 143,
};

;// CONCATENATED MODULE: ./.build/src/report/model.js
// The one data model every stage shares: verdicts, threads and frames, test results, the report.
const VERDICTS = ['pass', 'fail', 'hang', 'panic', 'error'];

// EXTERNAL MODULE: ./.build/src/guest/freebsd.js + 3 modules
var freebsd = __nccwpck_require__(1368);
;// CONCATENATED MODULE: ./.build/src/config/types.js
// The validated, typed configuration of one gate run. Built by config/parse.ts from
// action inputs or CLI flags; nothing downstream re-validates it.
const GUESTS = ['linux', 'freebsd'];
const WORKLOADS = ['mmap-write', 'mmap-msync', 'write-readback', 'truncate-mmap', 'mmap-while-write'];
const TEST_KINDS = ['workloads', 'gtest'];
const BUILD_MODES = ['auto', 'module', 'kernel', 'none'];
const ACCELERATORS = ['auto', 'kvm', 'tcg'];

;// CONCATENATED MODULE: ./.build/src/config/parse.js
// Raw inputs (action inputs or CLI flags, by their action input names) -> a validated GateConfig.
// Everything wrong is found here, before any work starts, with one message naming the input.








/** Defaults that depend on the guest: a FreeBSD boot under TCG is far slower than the Linux test guest. */
const DEFAULTS = {
    freebsd: { bootTimeout: 600, tests: 'workloads,gtest' },
    linux: { bootTimeout: 60, tests: 'workloads' },
};
const FAULT_PATTERN = /^(stall|crash|eio|panic|slow)=(write|read|flush)$|^stall_after=\d+$/;
const FIXTURE_OPTION_PATTERN = /^(direct_io|backing=[\w./-]+|stall=(write|read|flush)|stall_after=\d+|crash=(write|read|flush)|eio=(write|read|flush))$/;
function parseConfig(raw, context) {
    const spell = context.spell ?? ((input) => input);
    const value = (input) => {
        const v = raw[input]?.trim();
        return v === undefined || v === '' ? undefined : v;
    };
    const fail = (input, problem) => {
        throw new errors/* BadInputError */.Y(spell(input), problem);
    };
    const oneOf = (input, allowed, fallback) => {
        const v = value(input) ?? fallback;
        if (!allowed.includes(v))
            fail(input, `${JSON.stringify(v)} is not one of ${allowed.join(', ')}`);
        return v;
    };
    const listOf = (input, allowed, fallback) => {
        const items = splitList(value(input) ?? fallback);
        for (const item of items) {
            if (!allowed.includes(item))
                fail(input, `${JSON.stringify(item)} is not one of ${allowed.join(', ')}`);
        }
        if (items.length === 0)
            fail(input, 'the list is empty: nothing would run, and nothing ran is never a pass');
        return [...new Set(items)];
    };
    const positive = (input, fallback, max, integer = false) => {
        const v = value(input);
        if (v === undefined)
            return fallback;
        const n = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || !Number.isFinite(n) || n <= 0)
            fail(input, `${JSON.stringify(v)} is not a positive number`);
        if (integer && !Number.isInteger(n))
            fail(input, `${JSON.stringify(v)} is not a whole number`);
        if (n > max)
            fail(input, `${v} is more than the maximum ${max}`);
        return n;
    };
    const guest = oneOf(Input.Guest, GUESTS, 'freebsd');
    const defaults = DEFAULTS[guest];
    const tests = listOf(Input.Tests, TEST_KINDS, defaults.tests);
    if (guest === 'linux' && tests.includes('gtest')) {
        fail(Input.Tests, "'gtest' runs the FreeBSD tree's write.cc tests and needs guest 'freebsd'");
    }
    const fixtureOptions = splitList(value(Input.FixtureOptions) ?? 'direct_io');
    for (const option of fixtureOptions) {
        if (!FIXTURE_OPTION_PATTERN.test(option))
            fail(Input.FixtureOptions, `${JSON.stringify(option)} is not a fixture option (direct_io, backing=DIR)`);
    }
    const fault = value(Input.Fault);
    if (fault !== undefined && !FAULT_PATTERN.test(fault)) {
        fail(Input.Fault, `${JSON.stringify(fault)} is not a fault (stall=|crash=|eio=|panic=|slow= write|read|flush, stall_after=N)`);
    }
    const fuseServer = value(Input.FuseServer);
    if (fuseServer !== undefined && !fuseServer.includes('{mountpoint}')) {
        fail(Input.FuseServer, 'the command line must contain {mountpoint}, where the gate puts the mount point');
    }
    const fuseServerSource = value(Input.FuseServerSource);
    if (fuseServerSource !== undefined) {
        requireDirectory(external_node_path_.resolve(context.cwd, fuseServerSource), () => fail(Input.FuseServerSource, `${JSON.stringify(fuseServerSource)} is not a directory`));
    }
    const sourceTree = external_node_path_.resolve(context.cwd, value(Input.SourceTree) ?? '.');
    if (guest === 'freebsd') {
        requireDirectory(sourceTree, () => fail(Input.SourceTree, `${JSON.stringify(sourceTree)} is not a directory`));
        if (!(0,external_node_fs_.existsSync)(external_node_path_.join(sourceTree, 'sys', 'fs', 'fuse'))) {
            fail(Input.SourceTree, `${JSON.stringify(sourceTree)} has no sys/fs/fuse: point it at a FreeBSD source tree checkout`);
        }
        const build = oneOf(Input.Build, BUILD_MODES, 'auto');
        const missing = (0,freebsd/* missingTreePaths */.f7)((relative) => (0,external_node_fs_.existsSync)(external_node_path_.join(sourceTree, relative)), build, tests);
        if (missing.length)
            fail(Input.SourceTree, `${JSON.stringify(sourceTree)} lacks what build '${build}' and tests '${tests.join(',')}' need: ${missing.join(', ')}`);
    }
    const image = value(Input.Image);
    if (image !== undefined && !/^https?:\/\//.test(image) && !(0,external_node_fs_.existsSync)(external_node_path_.resolve(context.cwd, image))) {
        fail(Input.Image, `${JSON.stringify(image)} is neither an http(s) URL nor an existing file`);
    }
    const imageSha512 = value(Input.ImageSha512)?.toLowerCase();
    if (imageSha512 !== undefined && !/^[0-9a-f]{128}$/.test(imageSha512))
        fail(Input.ImageSha512, 'expected 128 hexadecimal digits');
    if (imageSha512 !== undefined && image === undefined)
        fail(Input.ImageSha512, "only means something together with 'image'");
    const freebsdVersion = value(Input.FreebsdVersion) ?? 'auto';
    if (freebsdVersion !== 'auto' && !/^\d+\.\d+-(RELEASE|STABLE|CURRENT|PRERELEASE|ALPHA\d*|BETA\d+|RC\d+)$/.test(freebsdVersion)) {
        fail(Input.FreebsdVersion, `${JSON.stringify(freebsdVersion)} is not 'auto' or a version like 14.3-RELEASE, 15.0-STABLE, 16.0-CURRENT`);
    }
    const failOn = listOf(Input.FailOn, VERDICTS.filter((v) => v !== 'pass'), 'fail,hang,panic,error');
    const outDir = external_node_path_.resolve(context.cwd, value(Input.OutputDir) ?? defaultOutputDir(context.env));
    requireWritableDirectory(outDir, (problem) => fail(Input.OutputDir, `${JSON.stringify(outDir)} cannot be written: ${problem}`));
    return {
        guest,
        freebsdVersion,
        image: image && !/^https?:\/\//.test(image) ? external_node_path_.resolve(context.cwd, image) : image,
        imageSha512,
        sourceTree,
        build: oneOf(Input.Build, BUILD_MODES, 'auto'),
        kernconf: value(Input.Kernconf) ?? '',
        tests,
        gtestFilter: value(Input.GtestFilter) ?? '*',
        workloads: listOf(Input.Workloads, WORKLOADS, WORKLOADS.join(',')),
        fixtureOptions,
        fault,
        fuseServer,
        fuseServerSource: fuseServerSource && external_node_path_.resolve(context.cwd, fuseServerSource),
        timeoutSec: positive(Input.Timeout, 60, 86_400),
        bootTimeoutSec: positive(Input.BootTimeout, defaults.bootTimeout, 86_400),
        buildTimeoutSec: positive(Input.BuildTimeout, 3600, 86_400),
        jobTimeoutSec: positive(Input.JobTimeout, 5400, 7 * 86_400),
        cpus: positive(Input.Cpus, 2, 64, true),
        memoryMiB: parseSize(Input.Memory, value(Input.Memory) ?? '2048', 'M', fail, 128, 1 << 20),
        diskSizeGiB: value(Input.DiskSize) === undefined ? undefined : parseSize(Input.DiskSize, value(Input.DiskSize), 'G', fail, 1, 4096),
        accel: oneOf(Input.Accel, ACCELERATORS, 'auto'),
        repeat: positive(Input.Repeat, 1, 10_000, true),
        failOn,
        outDir,
        uploadArtifact: parseBoolean(Input.UploadArtifact, value(Input.UploadArtifact) ?? 'true', fail),
        artifactName: value(Input.ArtifactName) ?? defaultArtifactName(guest, freebsdVersion, context.env),
        cacheDir: external_node_path_.resolve(context.cwd, value(Input.CacheDir) ?? context.env.FUSEFS_GATE_CACHE ?? external_node_path_.join((0,external_node_os_.homedir)(), '.cache', 'fusefs-gate')),
    };
}
function splitList(text) {
    return text
        .split(/[\s,]+/)
        .map((item) => item.trim())
        .filter(Boolean);
}
/** `2048`, `2048M`, `2G` -> a number in `unit` (M: MiB, G: GiB). */
function parseSize(input, text, unit, fail, min, max) {
    const match = /^(\d+)\s*([MG])?i?B?$/i.exec(text);
    if (!match)
        return fail(input, `${JSON.stringify(text)} is not a size like ${unit === 'M' ? '2048, 2048M or 2G' : '20 or 20G'}`);
    const amount = Number(match[1]);
    const given = (match[2]?.toUpperCase() ?? unit);
    const result = given === unit ? amount : given === 'G' ? amount * 1024 : amount / 1024;
    if (!Number.isInteger(result) || result < min || result > max)
        return fail(input, `${text} is outside ${min}..${max}${unit}`);
    return result;
}
function parseBoolean(input, text, fail) {
    if (/^(true|yes|1)$/i.test(text))
        return true;
    if (/^(false|no|0)$/i.test(text))
        return false;
    return fail(input, `${JSON.stringify(text)} is not true or false`);
}
function requireDirectory(dir, onMissing) {
    try {
        if ((0,external_node_fs_.statSync)(dir).isDirectory())
            return;
    }
    catch {
        // fall through
    }
    onMissing();
}
function requireWritableDirectory(dir, onProblem) {
    try {
        makeDirectories(dir);
        (0,external_node_fs_.accessSync)(dir, external_node_fs_.constants.W_OK);
    }
    catch (error) {
        onProblem(error.code ?? String(error));
    }
}
/** mkdir -p one level at a time: node's recursive mkdirSync spins forever under /proc. */
function makeDirectories(dir) {
    if ((0,external_node_fs_.existsSync)(dir)) {
        if (!(0,external_node_fs_.statSync)(dir).isDirectory())
            throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
        return;
    }
    makeDirectories(external_node_path_.dirname(dir));
    (0,external_node_fs_.mkdirSync)(dir);
}
function defaultOutputDir(env) {
    return env.RUNNER_TEMP ? external_node_path_.join(env.RUNNER_TEMP, 'fusefs-gate') : 'fusefs-gate-out';
}
/** Unique per job in a matrix: guest/version, job id, matrix leg (run attempt). */
function defaultArtifactName(guest, version, env) {
    const parts = ['fusefs-gate', guest === 'freebsd' ? version : 'linux', env.GITHUB_JOB, env.GITHUB_RUN_ATTEMPT && `attempt${env.GITHUB_RUN_ATTEMPT}`];
    return parts
        .filter(Boolean)
        .join('-')
        .replace(/[^\w.-]+/g, '_');
}

;// CONCATENATED MODULE: ./.build/src/console/errors.js
// Why a wait on the console ended without what it waited for.
/** The guest kernel panicked; `text` holds the panic report as printed. */
class GuestPanicError extends Error {
    text;
    constructor(text) {
        super(`guest kernel panicked: ${firstLineMatching(text, /panic/i) ?? text.slice(0, 200)}`);
        this.text = text;
        this.name = 'GuestPanicError';
    }
}
/** The console stream ended: QEMU exited or was killed. */
class ConsoleClosedError extends Error {
    awaited;
    lastOutput;
    constructor(awaited, lastOutput) {
        super(`the guest console closed (QEMU exited) while waiting for ${awaited}; last output: ${JSON.stringify(lastOutput.slice(-300))}`);
        this.awaited = awaited;
        this.lastOutput = lastOutput;
        this.name = 'ConsoleClosedError';
    }
}
/** The guest printed its boot banner twice within one boot phase. */
class BootLoopError extends Error {
    banner;
    lastOutput;
    constructor(banner, lastOutput) {
        super(`the guest rebooted during boot (banner ${JSON.stringify(banner)} seen twice)`);
        this.banner = banner;
        this.lastOutput = lastOutput;
        this.name = 'BootLoopError';
    }
}
/** The wait was abandoned because the run was cancelled. */
class CancelledError extends Error {
    signal;
    constructor(signal) {
        super(`cancelled by ${signal}`);
        this.signal = signal;
        this.name = 'CancelledError';
    }
}
function firstLineMatching(text, re) {
    return text.split('\n').find((line) => re.test(line))?.trim();
}

;// CONCATENATED MODULE: ./.build/src/guest/shell.js
// What a guest adapter needs from the console: run one command, get its exit status and output.
// The console implements it over the serial line; tests implement it with recorded transcripts.
/** A command ran out of its time; says what was awaited and what was seen last. */
class CommandTimeoutError extends Error {
    awaited;
    lastOutput;
    timeoutMs;
    constructor(awaited, lastOutput, timeoutMs) {
        super(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${awaited}; last output: ${JSON.stringify(lastOutput.slice(-300))}`);
        this.awaited = awaited;
        this.lastOutput = lastOutput;
        this.timeoutMs = timeoutMs;
        this.name = 'CommandTimeoutError';
    }
}

// EXTERNAL MODULE: ./.build/src/report/stacks.js + 6 modules
var stacks = __nccwpck_require__(3754);
// EXTERNAL MODULE: ./.build/src/report/parsers/common.js
var common = __nccwpck_require__(4052);
;// CONCATENATED MODULE: ./.build/src/report/frame-classes.js
// Knowledge about frame names, kept as data (syzkaller pkg/report style): which frames are the
// scheduler, sleep and lock machinery (never the "where" of a hang), which belong to FUSE and
// to the file system / VM layers, which mean "waiting for the FUSE daemon's answer".
// A name ending in `*` is a prefix. Names are compared without compiler suffixes (`.isra.0`).

/** Scheduler, sleep-queue and lock primitives: skipped when naming where a thread waits. */
const SLEEP_AND_LOCK_FRAMES = [
    // FreeBSD: sys/kern/kern_synch.c, subr_sleepqueue.c, kern_condvar.c, kern_lock.c,
    // kern_mutex.c, kern_sx.c, kern_rwlock.c, subr_turnstile.c, sched_ule.c
    'mi_switch',
    'sched_switch',
    'sleepq_*',
    '_sleep',
    'msleep_spin_sbt',
    'pause_sbt',
    'sleeplk',
    '__lockmgr_args',
    'lockmgr_*',
    '_lockmgr_*',
    '_cv_wait*',
    '_cv_timedwait*',
    '__mtx_lock_sleep',
    '_mtx_lock_sleep',
    'turnstile_wait',
    '_sx_xlock_hard',
    '_sx_slock_hard',
    '_sx_xlock',
    '_sx_slock_int',
    '__rw_wlock_hard',
    '__rw_rlock_hard',
    'vop_stdlock',
    'vop_lock',
    'VOP_LOCK1_APV',
    '_vn_lock',
    // Linux: kernel/sched/core.c, kernel/sched/completion.c, kernel/locking/*, kernel/time/*
    '__schedule',
    'schedule',
    'schedule_timeout*',
    'schedule_preempt_disabled',
    'schedule_hrtimeout*',
    'schedule_idle',
    'preempt_schedule*',
    'io_schedule',
    'io_schedule_timeout',
    '__switch_to',
    '__switch_to_asm',
    'context_switch',
    'wait_for_completion*',
    '__wait_for_common',
    'wait_for_common',
    'do_wait_for_common',
    'rwsem_down_*',
    'down_read*',
    'down_write*',
    '__down*',
    'down',
    'mutex_lock*',
    '__mutex_lock*',
    'rt_mutex_*',
    '__rt_mutex_*',
    'percpu_rwsem_wait',
    '__percpu_down_read',
    'bit_wait*',
    '__wait_on_bit*',
    'out_of_line_wait_on_bit*',
    'prepare_to_wait*',
    'finish_wait',
    'wait_woken',
    'do_nanosleep',
    'hrtimer_nanosleep',
];
/** FreeBSD sleeps that a signal can end (PCATCH): an idle wait, not a hang by itself. */
const INTERRUPTIBLE_SLEEP_FRAMES = [
    'sleepq_wait_sig',
    'sleepq_timedwait_sig',
    'sleepq_catch_signals',
    '_cv_wait_sig',
    '_cv_timedwait_sig*',
];
/** FreeBSD sleeps that no signal ends (no PCATCH), and lock waits. */
const UNINTERRUPTIBLE_SLEEP_FRAMES = ['sleepq_wait', 'sleepq_timedwait', 'turnstile_wait'];
/** FUSE driver code (FreeBSD sys/fs/fuse, Linux fs/fuse). */
const FUSE_FRAMES = [
    'fuse_*',
    '__fuse_*',
    'fticket_*',
    'fdisp_*',
    'fiov_*',
    'fdata_*',
    'fsess_*',
    'request_wait_answer',
    'fuse_dev_*',
];
/** FUSE's generic request plumbing: a hang there is named after the FUSE caller below it. */
const FUSE_IPC_FRAMES = [
    'fticket_*',
    'fdisp_*',
    'fiov_*',
    'fuse_ticket_*',
    'fuse_insert_*',
    'fuse_simple_request',
    '__fuse_simple_request',
    '__fuse_request_send',
    'fuse_request_send',
    'request_wait_answer',
];
/**
 * The requester waiting for the daemon's answer (FreeBSD sys/fs/fuse/fuse_ipc.c
 * fticket_wait_answer, Linux fs/fuse/dev.c request_wait_answer). Both sleep interruptibly
 * (FreeBSD msleep with PCATCH and signals blocked, Linux wait_event_interruptible first), yet a
 * thread there is stuck as long as the daemon does not answer.
 */
const FUSE_REQUEST_WAIT_FRAMES = ['fticket_wait_answer', 'request_wait_answer'];
/** The FUSE daemon reading /dev/fuse for the next request: idle, never hung. */
const FUSE_DAEMON_READ_FRAMES = [
    'fuse_device_read',
    'fuse_dev_do_read',
    'fuse_dev_read',
    'fuse_dev_splice_read',
];
/** File system and VM layers, for naming where a hang came from when no FUSE frame is there. */
const FS_VM_FRAMES = [
    ...FUSE_FRAMES,
    // FreeBSD
    'VOP_*',
    'vop_*',
    'vfs_*',
    'vn_*',
    'v_*',
    'vinactive',
    'vput*',
    'vrele',
    'vget*',
    'vnode_*',
    'vm_*',
    'vinvalbuf',
    'bufwait',
    'bufobj_*',
    'getblk*',
    'bwrite',
    'bufwrite',
    'brelse',
    'kern_*at',
    'namei',
    'ufs_*',
    'ffs_*',
    // Linux
    'filemap_*',
    'folio_*',
    '__folio_*',
    'generic_*',
    'truncate_*',
    'writeback_*',
    'do_writepages',
    'write_inode_now',
    'iterate_dir',
    'path_*',
    'filp_*',
    'do_sys_*',
    'do_filp_open',
];
function matcher(patterns) {
    const exact = new Set(patterns.filter((p) => !p.endsWith('*')));
    const prefixes = patterns.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));
    return (fn) => {
        const name = (0,common/* baseName */.Fl)(fn);
        return exact.has(name) || prefixes.some((p) => name.startsWith(p));
    };
}
/** Does the frame name match one of the patterns (`name` or `prefix*`)? */
function matchesAny(fn, patterns) {
    return matcher(patterns)(fn);
}
const isSleepOrLock = matcher(SLEEP_AND_LOCK_FRAMES);
const isInterruptibleSleep = matcher(INTERRUPTIBLE_SLEEP_FRAMES);
const isUninterruptibleSleep = matcher(UNINTERRUPTIBLE_SLEEP_FRAMES);
const isFuse = matcher(FUSE_FRAMES);
const isFuseIpc = matcher(FUSE_IPC_FRAMES);
const isFuseRequestWait = matcher(FUSE_REQUEST_WAIT_FRAMES);
const isFuseDaemonRead = matcher(FUSE_DAEMON_READ_FRAMES);
const isFsVm = matcher(FS_VM_FRAMES);

;// CONCATENATED MODULE: ./.build/src/report/signature.js
// Naming a hang (or a panic) with a stable title, in the spirit of syzkaller's report titles:
// skip the sleep and lock machinery, take the first remaining frame as where the thread waits,
// and the first FUSE (else file-system/VM) frame below it as where that wait came from.
// Offsets, addresses and numbers are never part of a title, so the same bug gets the same title
// on every build.


function names(t) {
    return t.frames.map((f) => (0,common/* baseName */.Fl)(f.fn));
}
function sleepKind(fns) {
    if (fns.some(isInterruptibleSleep))
        return 'interruptible';
    if (fns.some(isUninterruptibleSleep))
        return 'uninterruptible';
    return 'unknown';
}
/**
 * Is this thread stuck in the kernel in a way that can make a test hang?
 * - `D` (uninterruptible) state: yes. Running, zombie, stopped or idle (`R Z X T t`): no.
 * - waiting for a FUSE answer (fticket_wait_answer / request_wait_answer): yes, even though
 *   that sleep is interruptible.
 * - the FUSE daemon reading /dev/fuse: never (that is its idle state); a panicking thread: never.
 * - no state printed (procstat, ddb): FreeBSD sleep-queue frames decide: `sleepq_wait` (no
 *   PCATCH) in file-system/VM code is blocked, `sleepq_wait_sig`/`sleepq_catch_signals` is not.
 *   A Linux /proc/PID/stack (no scheduler frames) counts when it is in FUSE code.
 */
function isBlocked(t) {
    if (t.frames.length === 0)
        return false;
    // A panicking thread is not asleep: the panic is its own verdict.
    if (t.format === 'freebsd-panic' || t.format === 'linux-panic')
        return false;
    const fns = names(t);
    if (fns.some(isFuseDaemonRead))
        return false;
    const state = t.state?.charAt(0);
    if (state === 'D')
        return true;
    if (state !== undefined && 'RZXTt'.includes(state))
        return false;
    if (fns.some(isFuseRequestWait))
        return true;
    if (state === 'S' || state === 'I')
        return false;
    const kind = sleepKind(fns);
    if (kind === 'interruptible')
        return false;
    if (kind === 'uninterruptible')
        return fns.some(isFsVm);
    return fns.some(isFuse);
}
/** Uninterruptible for sure: `D`, or a FreeBSD sleep without PCATCH. */
function isUninterruptible(t) {
    if (t.state !== undefined)
        return t.state.charAt(0) === 'D';
    return sleepKind(names(t)) === 'uninterruptible';
}
function blockedThreads(threads) {
    return threads.filter(isBlocked);
}
function inFocus(t, focus) {
    if (!focus)
        return false;
    if (t.pid !== undefined && focus.pids?.includes(t.pid))
        return true;
    return focus.comms !== undefined && focus.comms.includes(t.comm);
}
/**
 * "The" hung thread: among the blocked ones, prefer the test's own threads, then
 * uninterruptible sleepers, then threads in FUSE code, then file-system/VM code; the first
 * captured wins a tie.
 */
function pickHungThread(threads, focus) {
    let best;
    let bestScore = -1;
    for (const t of threads) {
        if (!isBlocked(t))
            continue;
        const fns = names(t);
        const score = (inFocus(t, focus) ? 8 : 0) +
            (isUninterruptible(t) ? 4 : 0) +
            (fns.some(isFuse) ? 2 : 0) +
            (fns.some(isFsVm) ? 1 : 0);
        if (score > bestScore) {
            best = t;
            bestScore = score;
        }
    }
    return best;
}
/** Where a thread waits, and where that wait was called from. */
function hangFrames(t) {
    const fns = names(t);
    if (fns.length === 0)
        return undefined;
    let at = fns.findIndex((fn) => !isSleepOrLock(fn));
    if (at < 0)
        return { where: fns[0] };
    // A static `_name` helper called by its `name` wrapper (FreeBSD `_vm_page_busy_sleep` under
    // `vm_page_busy_sleep`) is named after the wrapper: the title stays the same whether or not
    // the compiler inlined the helper.
    while (at + 1 < fns.length && fns[at].replace(/^_+/, '') === fns[at + 1])
        at++;
    const where = fns[at];
    const below = fns.slice(at + 1).filter((fn) => !isSleepOrLock(fn));
    let from = below.find((fn) => isFuse(fn) && !isFuseIpc(fn) && !isFuseDaemonRead(fn));
    if (from === undefined && !isFuse(where)) {
        from = below.find((fn) => isFsVm(fn) && family(fn) !== family(where));
    }
    return from === undefined ? { where } : { where, from };
}
/** `vm_page_busy_sleep` -> `vm`, `VOP_WRITE_APV` -> `VOP`: one subsystem's naming prefix. */
function family(fn) {
    const m = /^_*([A-Za-z0-9]+)_/.exec(fn);
    return m ? m[1] : fn;
}
/** `hang in WHERE from FROM` for one thread. */
function hangTitle(t) {
    const hf = hangFrames(t);
    if (!hf)
        return undefined;
    return hf.from === undefined ? `hang in ${hf.where}` : `hang in ${hf.where} from ${hf.from}`;
}
/** The signature of a hang from the captured threads; undefined when no thread is blocked. */
function signatureOf(threads, focus) {
    const t = pickHungThread(threads, focus);
    return t ? hangTitle(t) : undefined;
}
/** Strip what differs between runs (addresses, numbers) from a message. */
function normalizeMessage(message) {
    return message
        .replace(/0x[0-9a-fA-F]+/g, 'ADDR')
        .replace(/\b(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,16}\b/g, 'ADDR')
        .replace(/\b\d+\b/g, 'NUM')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 200);
}
/** `panic: <message>`, normalized. */
function panicSignature(panic) {
    return `panic: ${normalizeMessage(panic.message)}`;
}

;// CONCATENATED MODULE: ./.build/src/report/known-deadlocks.json
const known_deadlocks_namespaceObject = /*#__PURE__*/JSON.parse('{"$comment":"Known kernel deadlocks, matched on the SET of frame names of one blocked thread (order and offsets ignored; static functions may be inlined away, so give alternatives). Each allOf group must have at least one of its names in the thread\'s frames; a name ending in * is a prefix. Add an entry, add a fixture in test/fixtures/stacks/ that it must match and one it must not.","entries":[{"id":"freebsd-247276","title":"fusefs: mmap\'d write to a FOPEN_DIRECT_IO file deadlocks in vm_page_busy_sleep (bug 247276)","url":"https://bugs.freebsd.org/bugzilla/show_bug.cgi?id=247276","os":"freebsd","notes":"The pager\'s putpages calls VOP_WRITE with IO_VMIO; the direct_io write invalidates the very pages the pager holds busy (vn_pages_remove -> vm_object_page_remove -> vm_page_busy_sleep). Fixed in r366121 (fuse_io.c, 2020: fuse_io_dispatch); today the path is fuse_vnop_write -> fuse_inval_buf_range -> v_inval_buf_range -> vn_pages_remove (fuse_vnops.c, vfs_subr.c). The last group keeps a v_inval_buf_range page-busy wait of another file system out.","match":{"allOf":[["vm_page_busy_sleep","_vm_page_busy_sleep"],["vm_object_page_remove","vn_pages_remove"],["fuse_io_dispatch","fuse_vnop_write","fuse_inval_buf_range","v_inval_buf_range"],["fuse_*"]]}}]}');
;// CONCATENATED MODULE: ./.build/src/report/catalogue.js
// The known-deadlock catalogue (known-deadlocks.json): data, typed and checked once at load.



/** Check the shape of catalogue data; throws naming the first bad entry. */
function loadCatalogue(data) {
    const entries = data.entries;
    if (!Array.isArray(entries))
        throw new Error('known-deadlocks: `entries` must be an array');
    return entries.map((e, i) => {
        const entry = e;
        const where = `known-deadlocks entry ${i} (${String(entry.id)})`;
        if (typeof entry.id !== 'string' || entry.id === '')
            throw new Error(`${where}: id must be a non-empty string`);
        if (typeof entry.title !== 'string')
            throw new Error(`${where}: title must be a string`);
        if (typeof entry.url !== 'string' || !/^https:\/\//.test(entry.url))
            throw new Error(`${where}: url must be https`);
        const allOf = entry.match?.allOf;
        if (!Array.isArray(allOf) ||
            allOf.length === 0 ||
            !allOf.every((g) => Array.isArray(g) && g.length > 0 && g.every((n) => typeof n === 'string' && n !== ''))) {
            throw new Error(`${where}: match.allOf must be a non-empty list of non-empty lists of frame names`);
        }
        return entry;
    });
}
const CATALOGUE = loadCatalogue(known_deadlocks_namespaceObject);
/** Does one thread's set of frames satisfy the entry? */
function entryMatches(entry, thread) {
    const fns = thread.frames.map((f) => f.fn);
    return entry.match.allOf.every((group) => fns.some((fn) => matchesAny(fn, group)));
}
/**
 * The first catalogue entry one of the threads matches, blocked threads first (a known deadlock
 * is about a stuck thread; an unblocked match is still reported, e.g. from a single `bt`).
 */
function matchKnownBug(threads, catalogue = CATALOGUE) {
    const ordered = [...threads.filter(isBlocked), ...threads.filter((t) => !isBlocked(t))];
    for (const t of ordered) {
        for (const entry of catalogue) {
            if (entryMatches(entry, t))
                return { id: entry.id, title: entry.title, url: entry.url };
        }
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./.build/src/console/markers.js
// The nonce-framed markers of the guest protocol (docs/guest-protocol.md).

function newNonce() {
    // 12 lowercase hex characters: within the protocol's [a-z0-9]{8,16}.
    return (0,external_node_crypto_.randomBytes)(6).toString('hex');
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Matches a whole marker line `@@fg:<nonce>:<fields>@@`; `fieldsPattern` is a regexp source. */
function markerPattern(nonce, fieldsPattern) {
    return new RegExp(`@@fg:${escapeRegExp(nonce)}:${fieldsPattern}@@`);
}
/**
 * One line of shell that frames `command` between a begin and an end marker carrying its exit status.
 * The markers are printed through printf formats, so an echo of this line never contains them,
 * and stdin is /dev/null so a command cannot swallow the next one.
 */
function framedCommand(nonce, id, command) {
    return (`printf '@@fg:%s:begin:%s@@\\n' ${nonce} ${id}; ` +
        `{ ${command} ; } </dev/null 2>&1; ` +
        `printf '@@fg:%s:end:%s:%d@@\\n' ${nonce} ${id} $?`);
}

;// CONCATENATED MODULE: ./.build/src/console/serial-console.js
// A small expect engine over the guest's serial byte stream. It owns prompts, markers, echo,
// timeouts and the raw log; it never sleeps for a fixed time: every wait is on a pattern with a deadline.



/** Longest command line sent: FreeBSD's and Linux's canonical tty input buffers are bounded. */
const MAX_COMMAND_LENGTH = 900;
const CONTEXT_LINES = 120;
class SerialConsole {
    stream;
    options;
    /** Decoded text not yet consumed by a wait. */
    pending = '';
    partialLine = '';
    escapeCarry = '';
    recentLines = [];
    decoder = new TextDecoder('utf-8');
    waiter;
    closed = false;
    failure;
    panicLines;
    panicTimer;
    bannerCount = 0;
    watchBanner = false;
    commandCounter = 0;
    lastDataAt = Date.now();
    quietWaiters = new Set();
    constructor(stream, options) {
        this.stream = stream;
        this.options = options;
        stream.onData((chunk) => this.receive(chunk));
        stream.onClose(() => this.close());
    }
    get nonce() {
        return this.options.nonce;
    }
    /** Milliseconds since the guest last printed anything. */
    get idleMs() {
        return Date.now() - this.lastDataAt;
    }
    /** The last console lines, for error messages and the report. */
    lastLines(count = 20) {
        const lines = [...this.recentLines];
        if (this.partialLine)
            lines.push(this.partialLine);
        return lines.slice(-count);
    }
    /**
     * Resolves once the guest has printed something and then been quiet for `quietMs`, or at
     * `maxMs`; true when anything arrived. For collecting a dump whose end has no marker.
     */
    waitForQuiet(quietMs, maxMs) {
        return new Promise((resolve) => {
            let seen = false;
            let quiet;
            const finish = () => {
                clearTimeout(quiet);
                clearTimeout(bound);
                this.quietWaiters.delete(onData);
                resolve(seen);
            };
            const onData = () => {
                seen = true;
                clearTimeout(quiet);
                quiet = setTimeout(finish, quietMs);
            };
            const bound = setTimeout(finish, maxMs);
            this.quietWaiters.add(onData);
        });
    }
    /** Fails every current and future wait, e.g. on SIGTERM. */
    abort(error) {
        this.fail(error);
    }
    send(text) {
        if (this.closed)
            throw new ConsoleClosedError('sending input', this.lastLines().join('\n'));
        this.stream.write(text);
    }
    /**
     * Waits until the boot reaches a root shell: answers the login prompt when the profile has one,
     * switches to /bin/sh, turns echo off and syncs on a first framed command.
     */
    async login(timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        const remaining = () => Math.max(1, deadline - Date.now());
        const { profile } = this.options;
        this.watchBanner = true;
        try {
            let atShell = false;
            if (profile.loginPrompt && profile.loginUser) {
                await this.expect(profile.loginPrompt, { timeoutMs: remaining(), awaited: 'the login prompt' });
                this.send(`${profile.loginUser}\n`);
                if (profile.passwordPrompt) {
                    const prompt = new RegExp(`${profile.passwordPrompt.source}|${profile.shellPrompt.source}`);
                    const seen = await this.expect(prompt, { timeoutMs: remaining(), awaited: 'a password prompt or a shell' });
                    atShell = !profile.passwordPrompt.test(seen[0]);
                    if (!atShell)
                        this.send('\n');
                }
            }
            if (!atShell)
                await this.expect(profile.shellPrompt, { timeoutMs: remaining(), awaited: 'a root shell prompt' });
        }
        finally {
            this.watchBanner = false;
        }
        // csh (root's shell before FreeBSD 14) and sh both accept `exec /bin/sh`; then protocol settings.
        this.send('exec /bin/sh\n');
        this.send("stty -echo; PS1='fg# '; PS2=''; export PS1 PS2\n");
        await this.run('true', { timeoutMs: remaining(), purpose: 'the first framed command after login' });
    }
    /** Runs one command in the guest's shell and returns its exit status and output. */
    async run(command, options) {
        if (command.length > MAX_COMMAND_LENGTH || command.includes('\n')) {
            throw new Error(`command too long or multi-line for the serial console (${command.length} chars): put it in a script on the payload disk`);
        }
        const id = `c${++this.commandCounter}`;
        const nonce = this.options.nonce;
        const started = Date.now();
        const awaited = options.purpose ? `${options.purpose} (${JSON.stringify(command.slice(0, 80))})` : JSON.stringify(command.slice(0, 80));
        this.send(`${framedCommand(nonce, id, command)}\n`);
        await this.expect(markerPattern(nonce, `begin:${id}`), { timeoutMs: options.timeoutMs, awaited: `the start of ${awaited}` });
        const remaining = Math.max(1, options.timeoutMs - (Date.now() - started));
        const end = await this.expect(markerPattern(nonce, `end:${id}:(\\d+)`), { timeoutMs: remaining, awaited: `the end of ${awaited}` });
        return { exitStatus: Number(end[1]), output: stripMarkerLines(end.before, nonce), durationMs: Date.now() - started };
    }
    /**
     * Waits for `pattern` in the text that arrived since the last wait; consumes through the match.
     * The returned match carries `before`: the text between the previous consumption and the match.
     */
    expect(pattern, opts) {
        if (this.waiter)
            return Promise.reject(new Error(`console: already waiting for ${this.waiter.awaited}`));
        return new Promise((resolve, reject) => {
            if (this.failure)
                return reject(this.failure);
            const timer = setTimeout(() => {
                this.waiter = undefined;
                reject(new CommandTimeoutError(opts.awaited, this.lastLines(8).join('\n'), opts.timeoutMs));
            }, opts.timeoutMs);
            this.waiter = {
                pattern,
                awaited: opts.awaited,
                timer,
                resolve: (match, before) => resolve(Object.assign(match, { before })),
                reject,
            };
            if (this.closed)
                return this.settle(new ConsoleClosedError(opts.awaited, this.lastLines(8).join('\n')));
            this.check();
        });
    }
    receive(chunk) {
        this.lastDataAt = Date.now();
        this.options.rawLog?.(chunk);
        for (const waiter of this.quietWaiters)
            waiter();
        const text = this.stripTerminalControls(this.decoder.decode(chunk, { stream: true }));
        this.pending += text;
        this.scanLines(text);
        this.check();
    }
    /**
     * Drops carriage returns and terminal control sequences (busybox ash asks for the cursor position
     * with ESC [ 6 n after its prompt), keeping an escape sequence cut by a read for the next chunk.
     */
    stripTerminalControls(text) {
        let all = this.escapeCarry + text;
        this.escapeCarry = '';
        const cut = /\x1b(\[[0-9;?]*)?$/.exec(all);
        if (cut) {
            this.escapeCarry = cut[0];
            all = all.slice(0, cut.index);
        }
        return all.replace(/\x1b\[[0-9;?]*[ -\/]*[@-~]|\x1b[@-Z\\-_]|\r/g, '');
    }
    scanLines(text) {
        const parts = (this.partialLine + text).split('\n');
        this.partialLine = parts.pop() ?? '';
        for (const line of parts) {
            this.options.onLine?.(line);
            this.recentLines.push(line);
            if (this.recentLines.length > CONTEXT_LINES)
                this.recentLines.shift();
            this.watchForPanic(line);
            if (this.watchBanner && this.options.profile.bootBanner.test(line) && ++this.bannerCount >= 2) {
                this.fail(new BootLoopError(line.trim(), this.lastLines(20).join('\n')));
            }
        }
    }
    watchForPanic(line) {
        const { panicStart, panicEnd } = this.options.profile;
        if (this.panicLines) {
            this.panicLines.push(line);
            if (panicEnd.test(line))
                this.finishPanic();
            return;
        }
        if (!panicStart.test(line))
            return;
        // Keep what came before the panic line too: the oops and its call trace precede it on Linux.
        this.panicLines = [...this.recentLines];
        if (panicEnd.test(line))
            return this.finishPanic();
        this.panicTimer = setTimeout(() => this.finishPanic(), this.options.panicCollectMs ?? 5000);
    }
    finishPanic() {
        if (!this.panicLines || this.failure)
            return;
        clearTimeout(this.panicTimer);
        this.fail(new GuestPanicError(this.panicLines.join('\n')));
    }
    check() {
        const waiter = this.waiter;
        if (!waiter)
            return;
        const match = waiter.pattern.exec(this.pending);
        if (!match)
            return;
        const before = this.pending.slice(0, match.index);
        this.pending = this.pending.slice(match.index + match[0].length);
        this.waiter = undefined;
        clearTimeout(waiter.timer);
        waiter.resolve(match, before);
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        const rest = this.decoder.decode();
        if (rest)
            this.receive(Buffer.from(rest));
        if (this.partialLine)
            this.scanLines('\n');
        if (this.panicLines)
            this.finishPanic();
        if (this.waiter)
            this.settle(new ConsoleClosedError(this.waiter.awaited, this.lastLines(8).join('\n')));
    }
    fail(error) {
        if (this.failure && !(error instanceof CancelledError))
            return;
        this.failure = error;
        this.settle(error);
    }
    settle(error) {
        const waiter = this.waiter;
        if (!waiter)
            return;
        this.waiter = undefined;
        clearTimeout(waiter.timer);
        waiter.reject(error);
    }
}
/** Removes protocol marker lines of this run (and blank leftovers of the echo) from command output. */
function stripMarkerLines(text, nonce) {
    return text
        .split('\n')
        .filter((line) => !line.includes(`@@fg:${nonce}:`))
        .join('\n')
        .replace(/^\n+/, '');
}

// EXTERNAL MODULE: ./.build/src/guest/common.js
var guest_common = __nccwpck_require__(5943);
;// CONCATENATED MODULE: ./.build/src/watchdog/compare.js
function threadKey(thread) {
    return `${thread.pid ?? '?'}/${thread.tid ?? '?'}`;
}
function frameNames(thread) {
    return thread.frames.map((frame) => frame.fn).join(' ');
}
function compareSamples(first, second) {
    if (first.length === 0)
        return { stuck: false, explanation: 'the first sample found no thread of the test' };
    const later = new Map(second.map((thread) => [threadKey(thread), thread]));
    for (const thread of first) {
        const again = later.get(threadKey(thread));
        if (!again)
            return { stuck: false, explanation: `thread ${threadKey(thread)} (${thread.comm}) was gone in the second sample` };
        if (frameNames(again) !== frameNames(thread)) {
            return { stuck: false, explanation: `thread ${threadKey(thread)} (${thread.comm}) moved from ${thread.frames[0]?.fn ?? '?'} to ${again.frames[0]?.fn ?? '?'}` };
        }
        if (thread.cpuTicks !== undefined && again.cpuTicks !== undefined && again.cpuTicks !== thread.cpuTicks) {
            return { stuck: false, explanation: `thread ${threadKey(thread)} (${thread.comm}) made progress between the samples (CPU time or finished system calls: ${thread.cpuTicks} -> ${again.cpuTicks})` };
        }
        if (thread.state !== undefined && again.state !== undefined && again.state !== thread.state) {
            return { stuck: false, explanation: `thread ${threadKey(thread)} (${thread.comm}) changed state ${thread.state} -> ${again.state}` };
        }
    }
    return { stuck: true, explanation: `${first.length} thread(s) asleep at the same frames in both samples` };
}

;// CONCATENATED MODULE: ./.build/src/watchdog/run-test.js
// Layer 1 of the watchdog seen from the host: start a test under guest/watchdog.sh, follow its
// markers, and turn them into a TestResult. When the markers stop coming, the guest itself is
// wedged: that is for the host backstop (GuestUnresponsiveError), not for this layer.





const DEFAULT_WATCHDOG = { gapSec: 1, graceMs: 8_000, captureMs: 30_000 };
/** The guest stopped answering during a test; carries what was seen before it went silent. */
class GuestUnresponsiveError extends Error {
    test;
    stage;
    partialSamples;
    lastOutput;
    constructor(test, stage, partialSamples, lastOutput) {
        super(`the guest stopped responding during ${test} (${stage})`);
        this.test = test;
        this.stage = stage;
        this.partialSamples = partialSamples;
        this.lastOutput = lastOutput;
        this.name = 'GuestUnresponsiveError';
    }
}
let testCounter = 0;
const MAX_OUTPUT = 64 * 1024;
async function runUnderWatchdog(console, adapter, spec, iteration, settings) {
    const nonce = console.nonce;
    const id = `t${++testCounter}`;
    const started = Date.now();
    const watchdog = `sh ${guest_common/* BIN_DIR */.k6}/watchdog.sh ${nonce} ${id} ${settings.timeoutSec} ${settings.gapSec} -- ${spec.command}`;
    const name = spec.name;
    const step = async (pattern, timeoutMs, stage, partial = []) => {
        try {
            return await console.expect(markerPattern(nonce, pattern), { timeoutMs, awaited: `${stage} of ${name}` });
        }
        catch (error) {
            if (error instanceof CommandTimeoutError)
                throw new GuestUnresponsiveError(name, stage, partial, error.lastOutput);
            throw error;
        }
    };
    console.send(`${framedCommand(nonce, id, watchdog)}\n`);
    await step(`begin:${id}`, 15_000, 'the start');
    const first = await step(`test:${id}:(exit|deadline):(\\d+)(?::(\\d+))?`, settings.timeoutSec * 1000 + settings.graceMs, 'the end or the deadline');
    const output = trimOutput(stripMarkerLines(first.before, nonce));
    if (first[1] === 'exit') {
        const status = Number(first[2]);
        const elapsed = Number(first[3] ?? Date.now() - started);
        await step(`end:${id}:\\d+`, 15_000, 'the watchdog exit');
        return {
            result: {
                name,
                status: status === 0 ? 'pass' : 'fail',
                durationMs: elapsed,
                iteration,
                output,
                ...(status === 0 ? {} : { message: `exited with status ${status}${failureLineOf(output) ? `: ${failureLineOf(output)}` : ''}` }),
            },
            samples: [],
        };
    }
    // Past the deadline: two samples, then the guest watchdog's word on whether the test is still there.
    const samplesText = [];
    const sample1 = await step('sample:1:end', settings.captureMs, 'the first stack sample', samplesText);
    samplesText.push(sample1.before);
    const sample2 = await step('sample:2:end', settings.gapSec * 1000 + settings.captureMs, 'the second stack sample', samplesText);
    samplesText.push(sample2.before);
    const last = await step(`test:${id}:(late-exit|stuck):(\\d+)(?::(\\d+))?`, 15_000, 'the watchdog verdict', samplesText);
    await step(`end:${id}:\\d+`, 15_000, 'the watchdog exit', samplesText);
    const samples = samplesText.map((text, index) => adapter.parseSample(sampleBody(text, nonce)).map((thread) => ({ ...thread, sample: index + 1 })));
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
    const comparison = compareSamples(before, after);
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
/** The text of a sample block, without its begin marker line. */
function sampleBody(text, nonce) {
    const begin = markerPattern(nonce, 'sample:\\d+:begin').exec(text);
    return begin ? text.slice(begin.index + begin[0].length) : text;
}
function trimOutput(text) {
    return text.length > MAX_OUTPUT ? `[... ${text.length - MAX_OUTPUT} bytes cut ...]\n${text.slice(-MAX_OUTPUT)}` : text;
}
/**
 * The line that says why a test failed: the last one saying `failed` (the workloads' error format,
 * docs/guest-protocol.md), since a second process may print after it; else the last line.
 */
function failureLineOf(text) {
    const lines = text.trim().split('\n').map((line) => line.trim()).filter(Boolean);
    return lines.findLast((line) => /\bfailed\b/.test(line)) ?? lines.at(-1);
}

;// CONCATENATED MODULE: ./.build/src/gate/phases.js
class PhaseClock {
    onStart;
    phases = [];
    current;
    constructor(onStart = () => { }) {
        this.onStart = onStart;
    }
    async run(phase, work) {
        const started = Date.now();
        this.current = phase;
        this.onStart(phase);
        try {
            const result = await work();
            this.phases.push({ phase, durationMs: Date.now() - started, outcome: 'ok' });
            return result;
        }
        catch (error) {
            this.phases.push({ phase, durationMs: Date.now() - started, outcome: outcomeOf(error), note: error.message?.slice(0, 300) });
            throw error;
        }
        finally {
            this.current = undefined;
        }
    }
}
function outcomeOf(error) {
    const name = error?.name ?? '';
    if (name === 'CancelledError')
        return 'cancelled';
    if (/Timeout/.test(name))
        return 'timeout';
    return 'failed';
}

;// CONCATENATED MODULE: ./.build/src/gate/verdict.js
// One run, one verdict (ARCHITECTURE "Rules that decide between verdicts").

/**
 * panic > hang > fail > pass, and `error` only when nothing else was decided: it loses to a failure the
 * tree caused, but it beats `pass`, since a gate must never turn an undecided run into a pass.
 */
const RANK = { pass: 0, error: 1, fail: 2, hang: 3, panic: 4 };
function worstOf(verdicts) {
    if (verdicts.length === 0)
        return undefined;
    return verdicts.reduce((worst, v) => (RANK[v] > RANK[worst] ? v : worst));
}
/** The verdict the tests decided, or undefined when none ran: nothing ran is never a pass. */
function verdictOfTests(tests) {
    return worstOf(tests.filter((t) => t.status !== 'skipped').map((t) => t.status));
}
function exitCodeFor(verdict, failOn) {
    if (verdict === 'pass' || !failOn.includes(verdict))
        return EXIT.pass;
    return EXIT[verdict];
}

// EXTERNAL MODULE: ./.build/src/report/parsers/linux-proc-stack.js
var linux_proc_stack = __nccwpck_require__(6565);
;// CONCATENATED MODULE: ./.build/src/guest/linux.js
// The Linux test guest adapter: Debian's kernel (its built-in FUSE driver) and a busybox initramfs.
// It stands in for FreeBSD wherever a real kernel is needed in our CI: same console protocol,
// same fixture, workloads and watchdog, real hangs with real stacks.


const LINUX_CONSOLE = {
    // guest/linux-init.sh sets PS1='# ' for the root shell on ttyS0.
    shellPrompt: /# $/,
    // init/version.c: linux_banner "Linux version %s ..." is printed once per boot.
    bootBanner: /Linux version \d+\.\d+/,
    // kernel/panic.c: "Kernel panic - not syncing: %s" ... "---[ end Kernel panic - not syncing: %s ]---".
    panicStart: /Kernel panic - not syncing/,
    panicEnd: /---\[ end Kernel panic/,
};
class LinuxGuest {
    image;
    os = 'linux';
    console = LINUX_CONSOLE;
    constructor(image) {
        this.image = image;
    }
    disks(diskIndexOfPayload) {
        // virtio-blk disks are named vda, vdb, ... in PCI order; the test guest boots from -kernel, no disk.
        const letter = (index) => String.fromCharCode('a'.charCodeAt(0) + index);
        return { payload: `/dev/vd${letter(diskIndexOfPayload)}`, results: `/dev/vd${letter(diskIndexOfPayload + 1)}` };
    }
    async prepare(shell, disks, config) {
        // Warnings and worse reach the console (the kernel's hung-task reports are KERN_ERR); chatter does not.
        await (0,guest_common/* mustRun */.Pv)(shell, 'dmesg -n 4', 10_000, 'setting the console log level');
        await (0,guest_common/* mustRun */.Pv)(shell, `mkdir -p /gate/results && tar -xf ${disks.payload} -C /gate`, 60_000, 'unpacking the payload disk');
        // The kernel's own hung-task detector prints blocked tasks' stacks even when userland is stuck.
        const hungTaskSecs = Math.max(2, Math.ceil(config.timeoutSec));
        await shell.run(`echo ${hungTaskSecs} > /proc/sys/kernel/hung_task_timeout_secs; echo 0 > /proc/sys/kernel/hung_task_panic`, {
            timeoutMs: 10_000,
        });
    }
    async buildTarget() {
        return { mode: 'none', why: "the Linux test guest runs its packaged kernel's FUSE driver; there is no tree to build", ok: true };
    }
    async proveTarget(shell) {
        const details = [];
        let ok = true;
        const release = (await shell.run('uname -r', { timeoutMs: 10_000 })).output.trim();
        if (release === this.image.kernelRelease)
            details.push(`kernel ${release} is the one the guest was built with`);
        else {
            ok = false;
            details.push(`kernel ${release} is running, but the guest was built with ${this.image.kernelRelease}`);
        }
        const names = Object.keys(this.image.programs).sort();
        const hashes = await shell.run(`sha256sum ${names.map((name) => `/gate/bin/${name}`).join(' ')}`, { timeoutMs: 30_000 });
        const found = new Map(hashes.output
            .split('\n')
            .map((line) => line.trim().split(/\s+/))
            .filter((parts) => parts.length === 2)
            .map(([hash, file]) => [file.replace('/gate/bin/', ''), hash]));
        for (const name of names) {
            const expected = this.image.programs[name];
            const actual = found.get(name);
            if (actual === expected)
                details.push(`${name} sha256 ${expected.slice(0, 16)}... as built`);
            else {
                ok = false;
                details.push(`${name}: expected sha256 ${expected}, found ${actual ?? 'nothing'}`);
            }
        }
        return { ok, details };
    }
    async mount(shell, config) {
        const command = config.fuseServer ? (0,guest_common/* fuseServerMountCommand */.Hz)(config.fuseServer, LINUX_MOUNT_CHECK) : (0,guest_common/* fixtureMountCommand */.SE)(config, LINUX_MOUNT_CHECK);
        const result = await shell.run(command, { timeoutMs: 30_000, purpose: 'mounting the FUSE file system' });
        if (result.exitStatus !== 0)
            throw new guest_common/* MountError */.Kq(`mounting the FUSE file system failed (exit ${result.exitStatus}): ${result.output.trim().slice(-500)}`);
        return guest_common/* MOUNTPOINT */.qg;
    }
    tests(config, mountpoint) {
        return (0,guest_common/* workloadTests */.b7)(config, mountpoint);
    }
    backstop() {
        // Alt+SysRq+W (drivers/tty/sysrq.c "show-blocked-tasks") dumps the tasks in D state.
        return { kind: 'sysrq', key: 'w' };
    }
    parseSample(text) {
        return (0,linux_proc_stack/* parseWatchdogLinuxSample */.L)(text);
    }
    async collect(shell, disks) {
        await shell.run(`dmesg > /gate/results/dmesg.txt 2>&1; tar -cf ${disks.results} -C /gate/results . && sync`, { timeoutMs: 60_000, purpose: 'packing the results disk' });
    }
}
/** Linux: the mount table is /proc/mounts; a FUSE mount has type `fuse` (or `fuse.NAME` for libfuse servers). */
const LINUX_MOUNT_CHECK = `grep -q ' ${guest_common/* MOUNTPOINT */.qg} fuse' /proc/mounts`;

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
// EXTERNAL MODULE: ./.build/src/package-root.js
var package_root = __nccwpck_require__(7956);
;// CONCATENATED MODULE: ./.build/src/image/linux-guest.js
// The Linux test guest: a Debian kernel and a busybox initramfs built by scripts/build-linux-guest.sh
// into the cache. Built on first use; rebuilt by the script only when its inputs changed.




class GuestBuildError extends Error {
    outputTail;
    constructor(message, outputTail) {
        super(message);
        this.outputTail = outputTail;
        this.name = 'GuestBuildError';
    }
}
function readLinuxGuest(dir) {
    const manifest = JSON.parse((0,external_node_fs_.readFileSync)(external_node_path_.join(dir, 'manifest.json'), 'utf8'));
    return {
        dir,
        kernel: external_node_path_.join(dir, 'vmlinuz'),
        initrd: external_node_path_.join(dir, 'initramfs.cpio.gz'),
        append: manifest.append,
        kernelRelease: manifest.kernelRelease,
        programs: manifest.programs,
    };
}
/**
 * Runs the build script (a no-op when nothing changed) and returns the guest it names.
 * Bounded: a build that does not finish in `timeoutMs` is an error, and its process group is killed.
 */
async function ensureLinuxGuest(cacheDir, timeoutMs, onLine) {
    const script = external_node_path_.join((0,package_root/* packageRoot */.Z)(), 'scripts', 'build-linux-guest.sh');
    const lines = [];
    const code = await new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)('bash', [script], {
            env: { ...process.env, FUSEFS_GATE_CACHE: cacheDir },
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
        });
        const timer = setTimeout(() => {
            try {
                process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                // already gone
            }
            resolve(`did not finish within ${Math.round(timeoutMs / 1000)} s`);
        }, timeoutMs);
        const collect = (chunk) => {
            for (const line of chunk.toString().split('\n').filter(Boolean)) {
                lines.push(line);
                if (lines.length > 200)
                    lines.shift();
                onLine?.(line);
            }
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        child.on('error', (error) => {
            clearTimeout(timer);
            resolve(error.message);
        });
        child.on('close', (status) => {
            clearTimeout(timer);
            resolve(status ?? 'killed');
        });
    });
    const tail = lines.slice(-15).join('\n');
    if (code !== 0)
        throw new GuestBuildError(`building the Linux test guest failed (${code}); last lines:\n${tail}`, tail);
    const dir = lines.at(-1)?.trim() ?? '';
    if (!(0,external_node_fs_.existsSync)(external_node_path_.join(dir, 'manifest.json'))) {
        throw new GuestBuildError(`the Linux test guest build did not name an output folder with a manifest (got ${JSON.stringify(dir)})`, tail);
    }
    return readLinuxGuest(dir);
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./.build/src/vm/boot-sector.js
// A 512-byte x86 boot sector assembled here as bytes: the smallest guest that proves a CPU runs.
// SeaBIOS loads sector 0 of the boot disk at 0000:7C00 and jumps to it in real mode when the
// sector ends with the signature 55 AA (the IBM PC boot convention SeaBIOS follows).
// The code writes a message byte by byte to COM1's transmit register (I/O port 0x3F8; QEMU's 16550
// model sends every byte written to THR to the serial backend, whatever the baud setting), then
// either halts for good (`cli; hlt`) or resets the machine through the keyboard controller
// (command 0xFE to port 0x64, the classic pulse-reset line), which a VM without -no-reboot turns
// into a reboot: a boot loop in miniature.
/** Where the message starts inside the sector (right after the code). */
const MESSAGE_OFFSET = 0x20;
const LOAD_ADDRESS = 0x7c00;
/** The code may not run into the message, and the message must leave room for the signature. */
const MAX_BOOT_MESSAGE_BYTES = 510 - MESSAGE_OFFSET - 1;
/**
 * The boot sector, exactly 512 bytes. `message` must not contain NUL (it terminates the string).
 * Booted from a disk shorter than one cylinder SeaBIOS refuses ("could not read the boot disk"),
 * so write it to a padded image: see `bootSectorImage`.
 */
function bootSector(message, options = {}) {
    const text = Buffer.from(message, 'latin1');
    if (text.includes(0))
        throw new Error('boot sector message may not contain NUL bytes');
    if (text.length > MAX_BOOT_MESSAGE_BYTES) {
        throw new Error(`boot sector message is ${text.length} bytes; at most ${MAX_BOOT_MESSAGE_BYTES} fit`);
    }
    const messageAddress = LOAD_ADDRESS + MESSAGE_OFFSET;
    // prettier-ignore
    const code = [
        0xfa, // 00 cli
        0x31, 0xc0, // 01 xor ax, ax
        0x8e, 0xd8, // 03 mov ds, ax          ; DS = 0, so DS:SI addresses 0000:7Cxx
        0xfc, // 05 cld                 ; lodsb counts upwards
        0xbe, messageAddress & 0xff, messageAddress >> 8, // 06 mov si, message
        0xba, 0xf8, 0x03, // 09 mov dx, 0x3f8       ; COM1 transmit holding register
        // next:
        0xac, // 0C lodsb
        0x84, 0xc0, // 0D test al, al
        0x74, 0x03, // 0F jz done (0x14)
        0xee, // 11 out dx, al
        0xeb, 0xf8, // 12 jmp next (0x0C)
        // done:
    ];
    if (options.after === 'reset') {
        code.push(0xb0, 0xfe, // 14 mov al, 0xfe        ; 8042 command: pulse the CPU reset line
        0xe6, 0x64);
    }
    const halt = code.length;
    code.push(0xfa, // cli
    0xf4, // hlt
    0xeb, 0xfc);
    if (halt + 4 > MESSAGE_OFFSET)
        throw new Error('boot sector code overlaps its message');
    const sector = Buffer.alloc(512);
    Buffer.from(code).copy(sector, 0);
    text.copy(sector, MESSAGE_OFFSET);
    sector[510] = 0x55;
    sector[511] = 0xaa;
    return sector;
}
/** Size of a disk image SeaBIOS accepts for the boot sector (it wants at least one full cylinder). */
const BOOT_SECTOR_IMAGE_BYTES = 1024 * 1024;
/** The boot sector padded with zeros to a 1 MiB raw image. */
function bootSectorImage(message, options = {}) {
    const image = Buffer.alloc(BOOT_SECTOR_IMAGE_BYTES);
    bootSector(message, options).copy(image, 0);
    return image;
}

// EXTERNAL MODULE: ./.build/src/vm/process.js
var vm_process = __nccwpck_require__(9620);
;// CONCATENATED MODULE: ./.build/src/vm/qemu-argv.js
// The argv of `qemu-system-x86_64`, built from typed options. Pure: no file system, no process.
// Every flag is an argv element of its own (QEMU is spawned without a shell), so a path needs no
// shell quoting; where a value goes through QEMU's own option parser (QemuOpts) a comma must be
// doubled, and -blockdev is given as JSON so a path needs no escaping at all.
// Facts cited below are from the QEMU 7.2 manual, "Invocation" (qemu-options.hx), which is what
// the Debian bookworm host here ships (QEMU 7.2.22); GitHub's ubuntu-24.04 runners ship 8.2.
/**
 * q35 by default. Both FreeBSD (BASIC-CI images, SeaBIOS boot from virtio-blk) and the Linux test
 * guest (kernel boot, VIRTIO_PCI=y) run on q35 and on pc alike: nothing the gate needs differs.
 * q35 is the modern machine (PCIe root complex, ICH9), the one libvirt and the QEMU docs steer new
 * x86 guests to, while `pc` (i440FX, 1996 chipset) is kept for compatibility. Measured here: the
 * boot-sector guest boots from a virtio-blk disk under SeaBIOS on both.
 * The one thing to know: the PCI bus is `pcie.0` on q35 and `pci.0` on pc.
 */
const DEFAULT_MACHINE = 'q35';
/** First PCI slot given to a disk; disks take consecutive slots in the order given. */
const FIRST_DISK_SLOT = 0x04;
/** Slots 0x04..0x0f: more than the gate ever uses (boot, payload, results, scratch). */
const MAX_DISKS = 12;
const RNG_SLOT = 0x10;
/** sockaddr_un.sun_path is 108 bytes with the terminating NUL (unix(7)). */
const MAX_SOCKET_PATH_BYTES = 107;
class QemuArgvError extends Error {
    constructor(message) {
        super(message);
        this.name = 'QemuArgvError';
    }
}
/** A value that QEMU parses with QemuOpts: a literal comma is written `,,` (qemu-options.hx, "-chardev"). */
function escapeOptValue(value) {
    return value.replace(/,/g, ',,');
}
/** The disks in guest order: the boot disk first when booting from a disk, then the data disks. */
function guestDisks(options) {
    const boot = options.boot.kind === 'disk' ? [{ path: options.boot.path, format: options.boot.format }] : [];
    return [...boot, ...options.disks];
}
function buildQemuArgv(options) {
    validate(options);
    const machine = options.machine ?? DEFAULT_MACHINE;
    const bus = machine === 'q35' ? 'pcie.0' : 'pci.0';
    const argv = [
        // "-nodefaults: Don't create default devices. Normally, QEMU sets the default devices like
        // serial port, parallel port, virtual console, monitor device, VGA adapter, floppy and CD-ROM
        // drive and others." Also no default NIC: the guest gets no network at all.
        '-nodefaults',
        // "-no-user-config: ... QEMU will not load any of the user-provided config files on sysconfdir."
        '-no-user-config',
        // "-display none: Do not display video output."
        '-display', 'none',
        '-machine', machine,
        // "-accel name: This is used to enable an accelerator. Depending on the target architecture,
        // kvm, xen, hax, hvf, nvmm, whpx or tcg can be available."
        '-accel', options.accel === 'tcg' && options.tcgThread ? `tcg,thread=${options.tcgThread}` : options.accel,
        // `host` passes the host CPU through and needs KVM; `max` is "all features the accelerator
        // supports", the richest model TCG can emulate (docs/system/cpu-models-x86).
        '-cpu', options.accel === 'kvm' ? 'host' : 'max',
        '-smp', String(options.cpus),
        '-m', `${options.memoryMiB}M`,
    ];
    if (options.noReboot)
        argv.push('-no-reboot'); // "-no-reboot: Exit instead of rebooting."
    // QMP first, so its socket exists as early as possible. It still answers only once QEMU's main
    // loop runs, which is after the serial client has connected (measured on 7.2: the greeting
    // arrives right after the console connection).
    // "-mon [chardev=]name[,mode=readline|control]": control mode is QMP; `-qmp dev` is its shorthand.
    argv.push('-chardev', `socket,id=qmp0,path=${escapeOptValue(options.qmpSocket)},server=on,wait=off`, '-mon', 'chardev=qmp0,mode=control');
    // The serial console: "server=on|off specifies that the socket shall be a listening socket.
    // wait=on|off specifies that QEMU should not block waiting for a client to connect to a
    // listening socket." With wait=on QEMU prints "QEMU waiting for connection on: ..." and does not
    // start the guest until the host has connected (measured on 7.2), so no console byte is lost.
    argv.push('-chardev', `socket,id=con0,path=${escapeOptValue(options.serialSocket)},server=on,wait=on`, '-serial', 'chardev:con0');
    if (options.boot.kind === 'kernel') {
        // "-kernel bzImage", "-initrd file", "-append cmdline": direct Linux boot, no boot loader.
        // These values are taken verbatim (not QemuOpts), so commas are literal.
        argv.push('-kernel', options.boot.kernel, '-initrd', options.boot.initrd, '-append', options.boot.append);
    }
    guestDisks(options).forEach((disk, index) => {
        const node = `disk${index}`;
        const readOnly = disk.readonly === true;
        // "-blockdev option[,option[,...]]: Define a new block driver node"; like -device it also
        // takes the QAPI JSON form (BlockdevOptions), which needs no comma escaping for the path.
        argv.push('-blockdev', JSON.stringify({
            driver: disk.format,
            'node-name': node,
            'read-only': readOnly,
            file: { driver: 'file', filename: disk.path, 'read-only': readOnly },
        }));
        // Explicit PCI slots: the guest enumerates virtio-blk devices in PCI order, so slot order is
        // disk order whatever other devices are added. bootindex 0 makes SeaBIOS boot the boot disk
        // ("bootindex=N ... lower number means higher priority", docs/system/bootindex).
        const device = [`virtio-blk-pci`, `drive=${node}`, `id=vd${index}`, `bus=${bus}`, `addr=0x${(FIRST_DISK_SLOT + index).toString(16)}`];
        if (index === 0 && options.boot.kind === 'disk')
            device.push('bootindex=0');
        argv.push('-device', device.join(','));
    });
    if (options.rng ?? true) {
        // A guest without an entropy source can block early in boot waiting for randomness;
        // "-object rng-random,id=id,filename=/dev/random: Creates a random number generator backend
        // which obtains entropy from a device on the host." /dev/urandom never blocks on the host.
        argv.push('-object', 'rng-random,id=rng0,filename=/dev/urandom', '-device', `virtio-rng-pci,rng=rng0,bus=${bus},addr=0x${RNG_SLOT.toString(16)}`);
    }
    if (options.extra)
        argv.push(...options.extra);
    return argv;
}
function validate(options) {
    if (!Number.isInteger(options.cpus) || options.cpus < 1 || options.cpus > 64) {
        throw new QemuArgvError(`cpus must be an integer from 1 to 64, got ${options.cpus}`);
    }
    if (!Number.isInteger(options.memoryMiB) || options.memoryMiB < 16) {
        throw new QemuArgvError(`memoryMiB must be an integer of at least 16, got ${options.memoryMiB}`);
    }
    for (const [name, path] of [['serialSocket', options.serialSocket], ['qmpSocket', options.qmpSocket]]) {
        if (!path)
            throw new QemuArgvError(`${name} is empty`);
        if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
            throw new QemuArgvError(`${name} path is longer than ${MAX_SOCKET_PATH_BYTES} bytes (a unix socket limit): ${path}`);
        }
    }
    if (options.serialSocket === options.qmpSocket)
        throw new QemuArgvError('serialSocket and qmpSocket must differ');
    const disks = guestDisks(options);
    if (disks.length > MAX_DISKS)
        throw new QemuArgvError(`at most ${MAX_DISKS} disks, got ${disks.length}`);
    disks.forEach((disk, index) => {
        if (!disk.path)
            throw new QemuArgvError(`disk ${index} has an empty path`);
        if (disk.format !== 'raw' && disk.format !== 'qcow2')
            throw new QemuArgvError(`disk ${index} (${disk.path}) has unknown format ${String(disk.format)}`);
    });
    if (options.boot.kind === 'kernel' && (!options.boot.kernel || !options.boot.initrd)) {
        throw new QemuArgvError('kernel boot needs both a kernel and an initrd path');
    }
}

;// CONCATENATED MODULE: ./.build/src/vm/accel.js
// Which accelerator to use is a probe, not a guess: /dev/kvm can exist, open, and still not run a
// guest (nested KVM here: QEMU aborts with "failed to set MSR 0x10a" under -cpu host, or the guest
// wedges). The probe boots a real guest under KVM, the boot sector of boot-sector.ts, and counts
// KVM as usable only when that guest's bytes come out of its serial port in time.








/** KVM was asked for explicitly and does not work. */
class AccelUnavailableError extends Error {
    reason;
    constructor(reason) {
        super(`accel=kvm was requested but KVM is not usable here: ${reason}. Use accel=auto to fall back to TCG, or accel=tcg.`);
        this.reason = reason;
        this.name = 'AccelUnavailableError';
    }
}
const KVM_PROBE_MESSAGE = 'KVM-OK\n';
const DEFAULT_PROBE_TIMEOUT_MS = 8_000;
/** After SIGKILL the kernel ends the process promptly; this bounds the wait to reap it. */
const REAP_TIMEOUT_MS = 5_000;
const probeCache = new Map();
/**
 * Boots the boot-sector guest with `-accel kvm -cpu host` and waits for KVM_PROBE_MESSAGE on its
 * serial port (stdio). Never throws; always reaps QEMU. Results are cached per binary and device for
 * the life of the process (clearKvmProbeCache forgets them).
 */
function probeKvm(options = {}) {
    const qemuBinary = options.qemuBinary ?? 'qemu-system-x86_64';
    const kvmDevice = options.kvmDevice ?? '/dev/kvm';
    const key = `${qemuBinary}\0${kvmDevice}`;
    let result = probeCache.get(key);
    if (!result) {
        result = runKvmProbe(qemuBinary, kvmDevice, options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
        probeCache.set(key, result);
    }
    return result;
}
function clearKvmProbeCache() {
    probeCache.clear();
}
async function runKvmProbe(qemuBinary, kvmDevice, timeoutMs) {
    const started = Date.now();
    const done = (usable, reason) => ({ usable, reason, elapsedMs: Date.now() - started });
    try {
        // QEMU opens /dev/kvm read-write (KVM's API doc: "open /dev/kvm" then ioctls).
        await (0,promises_namespaceObject.access)(kvmDevice, external_node_fs_.constants.R_OK | external_node_fs_.constants.W_OK);
    }
    catch (error) {
        const code = error.code;
        return done(false, code === 'ENOENT' ? `${kvmDevice} does not exist` : `${kvmDevice} is not accessible (${code ?? error.message})`);
    }
    const dir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'fg-kvm-probe-'));
    try {
        const image = external_node_path_.join(dir, 'boot.img');
        await (0,promises_namespaceObject.writeFile)(image, bootSectorImage(KVM_PROBE_MESSAGE));
        const argv = [
            '-nodefaults', '-no-user-config', '-display', 'none',
            // The machine and CPU the real run uses, so a pass here means the real guest can start.
            '-machine', 'q35', '-accel', 'kvm', '-cpu', 'host', '-smp', '1', '-m', '64M',
            // A triple fault or reset ends the probe instead of looping.
            '-no-reboot',
            // "-serial stdio": the guest's COM1 bytes arrive on QEMU's stdout.
            '-serial', 'stdio',
            '-drive', `file=${escapeOptValue(image)},format=raw,if=virtio,readonly=on`,
        ];
        return await new Promise((resolve) => {
            const stderr = new vm_process/* TailBuffer */.vX(4096);
            let stdout = '';
            let settled = false;
            const child = (0,external_node_child_process_.spawn)(qemuBinary, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
            const finish = (usable, reason) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                const result = done(usable, reason);
                // Always reap: the probe guest halts forever, so it is killed, never asked.
                if (child.exitCode === null && child.signalCode === null)
                    child.kill('SIGKILL');
                void (0,vm_process/* waitForExit */.zE)(child, REAP_TIMEOUT_MS).then(() => resolve(result));
            };
            const timer = setTimeout(() => {
                const said = (0,vm_process/* lastLine */.fM)(stderr.text());
                finish(false, `guest did not run within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} under KVM${said ? ` (QEMU said: ${said})` : ''}`);
            }, timeoutMs);
            child.stdout.on('data', (chunk) => {
                stdout += chunk.toString('latin1');
                if (stdout.includes(KVM_PROBE_MESSAGE))
                    finish(true, `a guest ran under KVM (-cpu host) and printed on its serial port`);
                if (stdout.length > 64 * 1024)
                    stdout = stdout.slice(-1024);
            });
            child.stderr.on('data', (chunk) => stderr.push(chunk));
            child.on('error', (error) => finish(false, `could not start ${qemuBinary}: ${error.message}`));
            child.on('close', (code, signal) => {
                const said = describeStderr(stderr.text());
                finish(false, `QEMU exited (${signal ? `signal ${signal}` : `code ${code}`}) before the guest ran${said ? `: ${said}` : ''}`);
            });
        });
    }
    finally {
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
}
/**
 * The last stderr line; when QEMU aborted on an assertion, the error line just before it says more
 * ("error: failed to set MSR 0x10a to 0x69" before "kvm_buf_set_msrs: Assertion ... failed.").
 */
function describeStderr(text) {
    const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    const last = lines.at(-1) ?? '';
    if (/Assertion .* failed/.test(last) && lines.length > 1) {
        const error = lines.slice(0, -1).reverse().find((line) => /error/i.test(line));
        if (error)
            return `${error} / ${last}`;
    }
    return last;
}
/**
 * auto: probe KVM; use it when a guest really ran, else TCG with a note saying why.
 * kvm: probe; unusable is an AccelUnavailableError (the user asked for it; falling back silently
 * would turn a 10-minute job into an hour). tcg: no probe.
 */
async function chooseAccelerator(choice, options = {}) {
    if (choice === 'tcg')
        return { accelerator: 'tcg', note: 'TCG (software emulation) as requested' };
    const probe = await (options.probe ?? probeKvm)(options);
    if (probe.usable) {
        return { accelerator: 'kvm', note: `KVM: a probe guest ran under KVM in ${probe.elapsedMs} ms`, probe };
    }
    if (choice === 'kvm')
        throw new AccelUnavailableError(probe.reason);
    return {
        accelerator: 'tcg',
        note: `KVM is not usable (${probe.reason}); falling back to TCG (software emulation, much slower)`,
        probe,
    };
}

;// CONCATENATED MODULE: ./.build/src/vm/pidfile.js
// A record of a started QEMU, so a later process (the action's post step, a cleanup after the
// main step was killed) can end it. A pid alone is not enough: pids are recycled, and other QEMUs
// may run on the same machine. killRecorded kills only a process whose command line, read from
// /proc/PID/cmdline (NUL-separated argv, proc(5)), contains `qemu-system` AND the recorded hint
// (the run's unique serial socket path).



async function writePidfile(file, record) {
    await (0,promises_namespaceObject.writeFile)(file, `${JSON.stringify(record)}\n`, { mode: 0o644 });
}
/** The record, or undefined when the file does not exist. A malformed file is an error. */
async function readPidfile(file) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new Error(`pidfile ${file} is not JSON: ${JSON.stringify(text.slice(0, 100))}`);
    }
    const record = value;
    if (!Number.isInteger(record.pid) || (record.pid ?? 0) <= 1 || typeof record.startedAt !== 'string' || typeof record.cmdlineHint !== 'string' || !record.cmdlineHint) {
        throw new Error(`pidfile ${file} does not hold {pid, startedAt, cmdlineHint}: ${text.slice(0, 200)}`);
    }
    return record;
}
/** The argv of a live process, or undefined when it does not exist (or is a zombie with none). */
async function processCmdline(pid) {
    try {
        const raw = await readFile(`/proc/${pid}/cmdline`);
        if (raw.length === 0)
            return undefined;
        return raw.toString('utf8').replace(/\0$/, '').split('\0');
    }
    catch {
        return undefined;
    }
}
/** True when /proc/PID/cmdline is that of the recorded QEMU. */
function cmdlineMatches(argv, record) {
    return (argv[0] ?? '').includes('qemu-system') && argv.join(' ').includes(record.cmdlineHint);
}
/**
 * Ends the QEMU recorded in `file`: SIGTERM, then SIGKILL after graceMs; waits (bounded) until
 * the process is gone; removes the pidfile. A pid whose command line does not match is left alone.
 */
async function killRecorded(file, options = {}) {
    const graceMs = options.graceMs ?? 5_000;
    const record = await readPidfile(file);
    if (!record)
        return { killed: false, note: `no pidfile at ${file}` };
    const argv = await processCmdline(record.pid);
    if (!argv) {
        await rm(file, { force: true });
        return { killed: false, pid: record.pid, note: `pid ${record.pid} is not running (already exited)` };
    }
    if (!cmdlineMatches(argv, record)) {
        await rm(file, { force: true });
        return { killed: false, pid: record.pid, note: `pid ${record.pid} is now another program (${argv[0] ?? '?'}); not killed` };
    }
    for (const [signal, waitMs] of [['SIGTERM', graceMs], ['SIGKILL', 5_000]]) {
        try {
            process.kill(record.pid, signal);
        }
        catch (error) {
            if (error.code === 'ESRCH')
                break;
            throw error;
        }
        if (await gone(record.pid, record, waitMs)) {
            await rm(file, { force: true });
            return { killed: true, pid: record.pid, note: `QEMU pid ${record.pid} ended with ${signal}` };
        }
    }
    if (await gone(record.pid, record, 0)) {
        await rm(file, { force: true });
        return { killed: true, pid: record.pid, note: `QEMU pid ${record.pid} exited` };
    }
    return { killed: false, pid: record.pid, note: `QEMU pid ${record.pid} did not exit within ${graceMs + 5_000} ms of SIGTERM and SIGKILL` };
}
/** Polls until the recorded process no longer runs (its cmdline is gone or differs), within waitMs. */
async function gone(pid, record, waitMs) {
    const deadline = Date.now() + waitMs;
    for (;;) {
        const argv = await processCmdline(pid);
        if (!argv || !cmdlineMatches(argv, record))
            return true;
        if (Date.now() >= deadline)
            return false;
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
/** The pidfile's name inside a work folder. */
const PIDFILE_NAME = 'qemu.pid.json';
/**
 * Synchronous variant for the main step's state hand-off: writes DIR/qemu.pid.json and returns its
 * path. Given only a pid, the hint is taken from the running process's own command line (its serial
 * chardev argument, else its whole argv), which must be a qemu-system program.
 */
function recordPidfile(dir, pidOrRecord) {
    let record;
    if (typeof pidOrRecord === 'number') {
        let argv;
        try {
            argv = readFileSync(`/proc/${pidOrRecord}/cmdline`).toString('utf8').replace(/\0$/, '').split('\0');
        }
        catch {
            throw new Error(`cannot record pid ${pidOrRecord}: it is not running`);
        }
        if (!(argv[0] ?? '').includes('qemu-system'))
            throw new Error(`cannot record pid ${pidOrRecord}: it is ${argv[0] ?? 'unknown'}, not QEMU`);
        const hint = argv.find((arg) => arg.includes('id=con0,path=')) ?? argv.join(' ');
        record = { pid: pidOrRecord, startedAt: new Date().toISOString(), cmdlineHint: hint };
    }
    else {
        record = pidOrRecord;
    }
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, PIDFILE_NAME);
    writeFileSync(file, `${JSON.stringify(record)}\n`, { mode: 0o644 });
    return file;
}

;// CONCATENATED MODULE: ./.build/src/vm/registry.js
// Every QEMU this process started and that has not exited yet, so the gate's signal handlers and
// teardown can end them all. Only our own children are here: nothing is ever found by name.
const live = new Set();
let exitHookInstalled = false;
function registerVm(vm) {
    live.add(vm);
    installExitHook();
}
function unregisterVm(vm) {
    live.delete(vm);
}
/** The pids of every QEMU started by this process that has not exited yet. */
function runningVmPids() {
    return [...live].map((vm) => vm.pid);
}
/**
 * Stops every QEMU started by this process (QMP quit, SIGTERM, SIGKILL; each bounded). Rejects
 * with an AggregateError naming those that would not die; never waits forever.
 */
async function stopAll(options = {}) {
    const results = await Promise.allSettled([...live].map((vm) => vm.stop(options)));
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length > 0) {
        throw new AggregateError(failed.map((result) => result.reason), `could not stop ${failed.length} QEMU process(es)`);
    }
}
/** The name the signal handlers use. */
const stopAllVms = stopAll;
/**
 * Last resort when Node exits with QEMUs still running (an uncaught error, process.exit): an
 * 'exit' handler cannot wait, so SIGKILL them; the kernel reparents them and init reaps them.
 */
function installExitHook() {
    if (exitHookInstalled)
        return;
    exitHookInstalled = true;
    process.once('exit', () => {
        for (const vm of live) {
            try {
                process.kill(vm.pid, 'SIGKILL');
            }
            catch {
                // already gone
            }
        }
    });
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
;// CONCATENATED MODULE: ./.build/src/vm/unix-socket.js
// Connecting to a unix socket that another process (QEMU) creates a little later.

/** Connecting ended without a connection; says what was awaited and the last error seen. */
class SocketConnectError extends Error {
    what;
    path;
    lastError;
    timedOut;
    constructor(what, path, lastError, timedOut) {
        super(`${timedOut ? 'timed out connecting' : 'could not connect'} to ${what} at ${path}: ${lastError}`);
        this.what = what;
        this.path = path;
        this.lastError = lastError;
        this.timedOut = timedOut;
        this.name = 'SocketConnectError';
    }
}
/**
 * Connects, retrying while the socket does not exist yet (ENOENT) or nobody listens yet
 * (ECONNREFUSED), until timeoutMs has passed. Other errors fail at once.
 */
async function connectUnixWithRetry(path, options) {
    const deadline = Date.now() + options.timeoutMs;
    let lastError = 'not tried yet';
    for (;;) {
        const stop = options.shouldStop?.();
        if (stop !== undefined)
            throw new SocketConnectError(options.what, path, stop, false);
        try {
            return await new Promise((resolve, reject) => {
                const socket = external_node_net_.createConnection({ path });
                socket.once('connect', () => {
                    socket.off('error', reject);
                    resolve(socket);
                });
                socket.once('error', reject);
            });
        }
        catch (error) {
            const code = error.code;
            lastError = error.message;
            if (code !== 'ENOENT' && code !== 'ECONNREFUSED')
                throw new SocketConnectError(options.what, path, lastError, false);
        }
        const left = deadline - Date.now();
        if (left <= 0)
            throw new SocketConnectError(options.what, path, `nothing listening after ${options.timeoutMs} ms (last: ${lastError})`, true);
        await new Promise((resolve) => setTimeout(resolve, Math.min(options.retryMs, left)));
    }
}

;// CONCATENATED MODULE: ./.build/src/vm/qmp.js
// A small QMP client over QEMU's unix socket. Protocol facts from QEMU's docs/interop/qmp-spec:
// - on connect the server sends a greeting `{"QMP": {"version": ..., "capabilities": [...]}}`;
// - the client must leave capabilities negotiation with `{"execute": "qmp_capabilities"}` before
//   any other command is accepted;
// - a command is `{"execute": NAME, "arguments": {...}, "id": ID}` and its answer is
//   `{"return": ...,"id": ID}` or `{"error": {"class": ..., "desc": ...}, "id": ID}`;
// - asynchronous events `{"event": NAME, "data": ..., "timestamp": {...}}` may arrive at any time;
// - every message is one JSON object on one line, ended by CRLF.
// Every wait here is bounded and says what it waited for.

/** QEMU answered a command with an error object. */
class QmpCommandError extends Error {
    command;
    errorClass;
    desc;
    constructor(command, errorClass, desc) {
        super(`QMP ${command} failed: ${errorClass}: ${desc}`);
        this.command = command;
        this.errorClass = errorClass;
        this.desc = desc;
        this.name = 'QmpCommandError';
    }
}
/** A QMP wait ran out of time. */
class QmpTimeoutError extends Error {
    awaited;
    timeoutMs;
    constructor(awaited, timeoutMs) {
        super(`QMP: timed out after ${timeoutMs} ms waiting for ${awaited}`);
        this.awaited = awaited;
        this.timeoutMs = timeoutMs;
        this.name = 'QmpTimeoutError';
    }
}
/** The QMP connection is closed (QEMU exited or the socket broke). */
class QmpClosedError extends Error {
    awaited;
    why;
    constructor(awaited, why) {
        super(`QMP connection closed while waiting for ${awaited}: ${why}`);
        this.awaited = awaited;
        this.why = why;
        this.name = 'QmpClosedError';
    }
}
/** Events kept for inspection; older ones are dropped. */
const MAX_KEPT_EVENTS = 1000;
class QmpClient {
    socket;
    commandTimeoutMs;
    /** Asynchronous events received so far, oldest first (bounded to the last 1000). */
    events = [];
    buffer = '';
    nextId = 1;
    pending = new Map();
    eventWaiters = [];
    eventListeners = [];
    closedWhy;
    greetingWaiter;
    greetingValue;
    closeListeners = [];
    constructor(socket, commandTimeoutMs) {
        this.socket = socket;
        this.commandTimeoutMs = commandTimeoutMs;
        socket.on('data', (chunk) => this.receive(chunk.toString('utf8')));
        socket.on('error', (error) => this.markClosed(error.message));
        socket.on('close', () => this.markClosed('socket closed'));
    }
    /**
     * Connects to the QMP socket at `path`, reads the greeting and negotiates capabilities.
     * Retries while the socket does not exist or refuses (QEMU is still starting), within timeoutMs.
     */
    static async connect(path, options = {}) {
        const timeoutMs = options.timeoutMs ?? 10_000;
        const deadline = Date.now() + timeoutMs;
        const socket = await connectUnixWithRetry(path, {
            timeoutMs,
            retryMs: options.retryMs ?? 50,
            what: 'the QMP socket',
            ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
        });
        const client = new QmpClient(socket, options.commandTimeoutMs ?? 10_000);
        try {
            await client.awaitGreeting(Math.max(1, deadline - Date.now()));
            await client.execute('qmp_capabilities', undefined, { timeoutMs: Math.max(1, deadline - Date.now()) });
        }
        catch (error) {
            client.close();
            throw error;
        }
        return client;
    }
    get greeting() {
        return this.greetingValue;
    }
    get closed() {
        return this.closedWhy !== undefined;
    }
    /** Runs one command; resolves with its `return` value, rejects with QmpCommandError / QmpTimeoutError / QmpClosedError. */
    execute(command, args, options = {}) {
        const awaited = `the answer to ${command}`;
        if (this.closedWhy !== undefined)
            return Promise.reject(new QmpClosedError(awaited, this.closedWhy));
        const id = `fg-${this.nextId++}`;
        const timeoutMs = options.timeoutMs ?? this.commandTimeoutMs;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new QmpTimeoutError(awaited, timeoutMs));
            }, timeoutMs);
            this.pending.set(id, { command, resolve: resolve, reject, timer });
            const message = args === undefined ? { execute: command, id } : { execute: command, arguments: args, id };
            this.socket.write(`${JSON.stringify(message)}\r\n`);
        });
    }
    /** Calls `listener` for each event from now on. */
    onEvent(listener) {
        this.eventListeners.push(listener);
    }
    onClose(listener) {
        if (this.closedWhy !== undefined)
            listener();
        else
            this.closeListeners.push(listener);
    }
    /**
     * The first event named `name` at or after index `since` of `events` (default: only new ones),
     * within timeoutMs.
     */
    waitForEvent(name, options) {
        const seen = this.events.slice(options.since ?? this.events.length).find((event) => event.event === name);
        if (seen)
            return Promise.resolve(seen);
        const awaited = `event ${name}`;
        if (this.closedWhy !== undefined)
            return Promise.reject(new QmpClosedError(awaited, this.closedWhy));
        return new Promise((resolve, reject) => {
            const waiter = {
                name,
                resolve,
                reject,
                timer: setTimeout(() => {
                    this.eventWaiters = this.eventWaiters.filter((other) => other !== waiter);
                    reject(new QmpTimeoutError(awaited, options.timeoutMs));
                }, options.timeoutMs),
            };
            this.eventWaiters.push(waiter);
        });
    }
    close() {
        this.markClosed('closed by the host');
        this.socket.destroy();
    }
    awaitGreeting(timeoutMs) {
        if (this.greetingValue)
            return Promise.resolve(this.greetingValue);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.greetingWaiter = undefined;
                reject(new QmpTimeoutError('the greeting', timeoutMs));
            }, timeoutMs);
            this.greetingWaiter = (greeting) => {
                clearTimeout(timer);
                resolve(greeting);
            };
            this.onClose(() => {
                clearTimeout(timer);
                if (!this.greetingValue)
                    reject(new QmpClosedError('the greeting', this.closedWhy ?? 'closed'));
            });
        });
    }
    receive(text) {
        this.buffer += text;
        let newline;
        while ((newline = this.buffer.indexOf('\n')) >= 0) {
            const line = this.buffer.slice(0, newline).trim();
            this.buffer = this.buffer.slice(newline + 1);
            if (line)
                this.handle(line);
        }
    }
    handle(line) {
        let message;
        try {
            message = JSON.parse(line);
        }
        catch {
            return; // not QMP; nothing to match it to
        }
        if ('QMP' in message) {
            this.greetingValue = message['QMP'];
            this.greetingWaiter?.(this.greetingValue);
            this.greetingWaiter = undefined;
            return;
        }
        if (typeof message['event'] === 'string') {
            const event = message;
            this.events.push(event);
            if (this.events.length > MAX_KEPT_EVENTS)
                this.events.splice(0, this.events.length - MAX_KEPT_EVENTS);
            for (const waiter of this.eventWaiters.filter((w) => w.name === event.event)) {
                clearTimeout(waiter.timer);
                waiter.resolve(event);
            }
            this.eventWaiters = this.eventWaiters.filter((w) => w.name !== event.event);
            for (const listener of this.eventListeners)
                listener(event);
            return;
        }
        const id = typeof message['id'] === 'string' ? message['id'] : undefined;
        const pending = id === undefined ? undefined : this.pending.get(id);
        if (!pending || id === undefined)
            return;
        this.pending.delete(id);
        clearTimeout(pending.timer);
        if ('error' in message) {
            const error = message['error'];
            pending.reject(new QmpCommandError(pending.command, error.class ?? 'GenericError', error.desc ?? JSON.stringify(error)));
        }
        else {
            pending.resolve(message['return']);
        }
    }
    markClosed(why) {
        if (this.closedWhy !== undefined)
            return;
        this.closedWhy = why;
        for (const pending of this.pending.values()) {
            clearTimeout(pending.timer);
            pending.reject(new QmpClosedError(`the answer to ${pending.command}`, why));
        }
        this.pending.clear();
        for (const waiter of this.eventWaiters) {
            clearTimeout(waiter.timer);
            waiter.reject(new QmpClosedError(`event ${waiter.name}`, why));
        }
        this.eventWaiters = [];
        for (const listener of this.closeListeners.splice(0))
            listener();
    }
}

;// CONCATENATED MODULE: ./.build/src/vm/instance.js
// One running QEMU: start, console, QMP, diagnose (NMI, sysrq), stop. Knows QEMU, nothing of the
// guest OS. Every started QEMU is in a module-level registry so signal handlers and the post step
// can end them all (stopAll); every wait is bounded; stop() always ends with a reaped process.
//
// Start sequence (measured on QEMU 7.2): QEMU creates the QMP socket, then the serial socket and
// blocks (wait=on) until the host connects to it; only then does it open the disks, realize the
// devices and start its main loop, after which the QMP greeting is sent. So: spawn -> connect the
// console (retrying while the socket does not exist yet) -> QMP greeting + capabilities. The QMP
// greeting is the signal that QEMU got through its setup: a missing disk or a bad device makes
// QEMU exit before it, and that exit is a VmStartError carrying QEMU's stderr.











/** QEMU did not get as far as running the guest. */
class VmStartError extends Error {
    stderr;
    argv;
    constructor(message, stderr, argv) {
        super(message);
        this.stderr = stderr;
        this.argv = argv;
        this.name = 'VmStartError';
    }
}
/** QEMU survived SIGKILL for longer than the bound (a process stuck in the kernel). */
class VmStopError extends Error {
    pid;
    waitedMs;
    constructor(pid, waitedMs) {
        super(`QEMU pid ${pid} did not exit within ${waitedMs} ms of SIGTERM and SIGKILL`);
        this.pid = pid;
        this.waitedMs = waitedMs;
        this.name = 'VmStopError';
    }
}
const DEFAULT_START_TIMEOUT_MS = 30_000;
const DEFAULT_GRACE_MS = 5_000;
/** After SIGKILL the kernel ends the process promptly unless it is stuck in uninterruptible I/O. */
const KILL_WAIT_MS = 5_000;
const QMP_COMMAND_TIMEOUT_MS = 10_000;

async function startVm(options) {
    const qemuBinary = options.qemuBinary ?? 'qemu-system-x86_64';
    const decision = await chooseAccelerator(options.accel, { qemuBinary, ...options.accelOptions });
    const { runDir, ownRunDir } = await socketFolder(options.workDir);
    const serialSocket = external_node_path_.join(runDir, 'console.sock');
    const qmpSocket = external_node_path_.join(runDir, 'qmp.sock');
    const { accel: _choice, qemuBinary: _binary, workDir: _dir, startTimeoutMs: _timeout, pidfile: _pidfile, accelOptions: _accelOptions, ...argvOptions } = options;
    let argv;
    try {
        argv = buildQemuArgv({ ...argvOptions, accel: decision.accelerator, serialSocket, qmpSocket });
    }
    catch (error) {
        if (ownRunDir)
            await (0,promises_namespaceObject.rm)(runDir, { recursive: true, force: true });
        throw new VmStartError(`invalid VM options: ${error.message}`, '', []);
    }
    const vm = new QemuVm(qemuBinary, argv, decision.accelerator, decision.note, runDir, ownRunDir, serialSocket, qmpSocket, options.pidfile);
    await vm.start(options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
    return vm;
}
/** sockaddr_un.sun_path holds 107 bytes and a NUL (unix(7)); leave room for the file names. */
const MAX_SOCKET_DIR_BYTES = 107 - 'console.sock'.length - 1;
async function socketFolder(workDir) {
    if (workDir !== undefined) {
        const absolute = external_node_path_.resolve(workDir);
        if (Buffer.byteLength(absolute) <= MAX_SOCKET_DIR_BYTES) {
            await (0,promises_namespaceObject.mkdir)(absolute, { recursive: true });
            return { runDir: absolute, ownRunDir: false };
        }
    }
    return { runDir: await (0,promises_namespaceObject.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'fg-vm-')), ownRunDir: true };
}
class QemuVm {
    qemuBinary;
    argv;
    accelerator;
    accelNote;
    runDir;
    ownRunDir;
    serialSocket;
    qmpSocket;
    pidfile;
    exited;
    console;
    child;
    stderr = new vm_process/* TailBuffer */.vX(16 * 1024);
    exitValue;
    spawnError;
    qmpClient;
    qmpConnecting;
    stopping;
    pidRecord;
    constructor(qemuBinary, argv, accelerator, accelNote, runDir, ownRunDir, serialSocket, qmpSocket, pidfile) {
        this.qemuBinary = qemuBinary;
        this.argv = argv;
        this.accelerator = accelerator;
        this.accelNote = accelNote;
        this.runDir = runDir;
        this.ownRunDir = ownRunDir;
        this.serialSocket = serialSocket;
        this.qmpSocket = qmpSocket;
        this.pidfile = pidfile;
        this.console = new SocketConsole();
        // An argv array, no shell. stdin is /dev/null: QEMU has no stdio chardev here.
        this.child = (0,external_node_child_process_.spawn)(this.qemuBinary, [...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
        this.child.stderr.on('data', (chunk) => this.stderr.push(chunk));
        this.exited = new Promise((resolve) => {
            this.child.on('error', (error) => {
                // Spawning failed (ENOENT, EACCES): there is no process; 'close' still follows.
                this.spawnError = error;
            });
            // 'close' follows 'exit' once stderr has drained, so the tail is complete.
            this.child.on('close', (code, signal) => {
                this.exitValue = { code, signal, stderrTail: this.stderr.text() };
                unregisterVm(this);
                this.console.destroy();
                this.qmpClient?.close();
                void this.cleanupFiles().finally(() => resolve(this.exitValue));
            });
        });
        // The serial chardev argument holds the run's unique socket path: what a pidfile matches on.
        this.pidRecord = { pid: this.child.pid ?? -1, startedAt: new Date().toISOString(), cmdlineHint: escapeOptValue(serialSocket) };
        if (this.child.pid !== undefined)
            registerVm(this);
    }
    get pid() {
        return this.child.pid ?? -1;
    }
    async start(timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        const exitedReason = () => {
            if (this.spawnError)
                return `could not start QEMU: ${this.spawnError.message}`;
            if (this.child.exitCode !== null || this.child.signalCode !== null || this.exitValue)
                return 'QEMU exited';
            return undefined;
        };
        try {
            if (this.child.pid === undefined) {
                await this.exited;
                throw new Error(`could not start QEMU: ${this.spawnError?.message ?? 'no pid'}`);
            }
            if (this.pidfile) {
                await writePidfile(this.pidfile, this.pidRecord);
            }
            const socket = await connectUnixWithRetry(this.serialSocket, {
                timeoutMs: Math.max(1, deadline - Date.now()),
                retryMs: 25,
                what: 'the serial console socket',
                shouldStop: exitedReason,
            });
            this.console.attach(socket);
            this.qmpClient = await this.raceExit(QmpClient.connect(this.qmpSocket, { timeoutMs: Math.max(1, deadline - Date.now()), commandTimeoutMs: QMP_COMMAND_TIMEOUT_MS, shouldStop: exitedReason }));
        }
        catch (error) {
            // Whatever failed, QEMU must not outlive the failed start.
            const exit = await this.stop({ graceMs: 1_000 }).catch(() => this.exitValue);
            const stderr = exit?.stderrTail ?? this.stderr.text();
            const said = (0,vm_process/* lastLine */.fM)(stderr);
            if (this.spawnError) {
                throw new VmStartError(`could not run ${this.qemuBinary}: ${this.spawnError.message}`, stderr, this.argv);
            }
            const exitText = exit ? `; exit ${exit.signal ?? exit.code}` : '';
            throw new VmStartError(`QEMU did not start${said ? `: ${said}` : ''} (${error.message}${exitText})`, stderr, this.argv);
        }
    }
    /** Rejects as soon as QEMU exits, so a start step never waits out its whole bound on a dead QEMU. */
    raceExit(promise) {
        return Promise.race([
            promise,
            this.exited.then((exit) => {
                throw new Error(`QEMU exited (${exit.signal ?? `code ${exit.code}`})`);
            }),
        ]);
    }
    qmp() {
        if (this.qmpClient && !this.qmpClient.closed)
            return Promise.resolve(this.qmpClient);
        if (this.exitValue)
            return Promise.reject(new Error(`QEMU pid ${this.pid} has exited; no QMP`));
        const exited = () => (this.exitValue ? 'QEMU exited' : undefined);
        this.qmpConnecting ??= this.raceExit(QmpClient.connect(this.qmpSocket, { timeoutMs: 10_000, commandTimeoutMs: QMP_COMMAND_TIMEOUT_MS, shouldStop: exited }))
            .then((client) => {
            this.qmpClient = client;
            return client;
        })
            .finally(() => {
            this.qmpConnecting = undefined;
        });
        return this.qmpConnecting;
    }
    stop(options = {}) {
        this.stopping ??= this.doStop(options.graceMs ?? DEFAULT_GRACE_MS);
        return this.stopping;
    }
    async doStop(graceMs) {
        if (this.exitValue)
            return this.exited;
        if (this.child.pid === undefined)
            return this.exited;
        // 1. Ask QEMU to quit (QMP "quit": "This command will cause the QEMU process to exit
        //    gracefully"). Only when QMP is already up: connecting now could itself take the grace.
        if (this.qmpClient && !this.qmpClient.closed) {
            // The answer may not come before the socket closes; the exit is what counts.
            void this.qmpClient.execute('quit', undefined, { timeoutMs: graceMs }).catch(() => undefined);
            if (await (0,vm_process/* waitForExit */.zE)(this.child, graceMs))
                return this.exited;
        }
        // 2. SIGTERM: QEMU catches it and exits cleanly ("terminating on signal 15").
        this.child.kill('SIGTERM');
        if (await (0,vm_process/* waitForExit */.zE)(this.child, graceMs))
            return this.exited;
        // 3. SIGKILL.
        this.child.kill('SIGKILL');
        if (await (0,vm_process/* waitForExit */.zE)(this.child, KILL_WAIT_MS))
            return this.exited;
        throw new VmStopError(this.pid, graceMs + KILL_WAIT_MS);
    }
    async wedge() {
        // QMP "stop": "Stop all guest VCPU execution."
        await (await this.qmp()).execute('stop');
    }
    async resume() {
        await (await this.qmp()).execute('cont');
    }
    async sendSysrq(key) {
        if (!/^[a-z0-9]$/.test(key))
            throw new Error(`sysrq key must be one lower-case letter or digit, got ${JSON.stringify(key)}`);
        // QMP "send-key": keys are pressed in order and released in reverse; QKeyCode names "alt",
        // "sysrq", "a".."z", "0".."9" (qapi/ui.json). hold-time is the press duration in ms.
        await (await this.qmp()).execute('send-key', {
            keys: [
                { type: 'qcode', data: 'alt' },
                { type: 'qcode', data: 'sysrq' },
                { type: 'qcode', data: key },
            ],
            'hold-time': 200,
        });
    }
    async nmi() {
        // QMP "inject-nmi": "Injects a Non-Maskable Interrupt into the default CPU (x86/s390) or - all CPUs (ppc64)."
        await (await this.qmp()).execute('inject-nmi');
    }
    async queryStatus() {
        const status = await (await this.qmp()).execute('query-status');
        return { status: status.status, running: status.running };
    }
    async cleanupFiles() {
        const removals = [];
        if (this.pidfile)
            removals.push((0,promises_namespaceObject.rm)(this.pidfile, { force: true }));
        if (this.ownRunDir)
            removals.push((0,promises_namespaceObject.rm)(this.runDir, { recursive: true, force: true }));
        else
            removals.push((0,promises_namespaceObject.rm)(this.serialSocket, { force: true }), (0,promises_namespaceObject.rm)(this.qmpSocket, { force: true }));
        await Promise.allSettled(removals);
    }
}
const MAX_EARLY_BYTES = 16 * 1024 * 1024;
/** The serial console over the unix socket; keeps early bytes until someone listens. */
class SocketConsole {
    socket;
    dataListeners = [];
    closeListeners = [];
    early = [];
    earlyBytes = 0;
    isClosed = false;
    get closed() {
        return this.isClosed;
    }
    attach(socket) {
        this.socket = socket;
        socket.on('data', (chunk) => {
            if (this.dataListeners.length > 0) {
                for (const listener of this.dataListeners)
                    listener(chunk);
                return;
            }
            // Nobody listens yet: keep the bytes (bounded; a console nobody reads is a caller's bug).
            this.early.push(chunk);
            this.earlyBytes += chunk.length;
            while (this.earlyBytes > MAX_EARLY_BYTES && this.early.length > 1)
                this.earlyBytes -= this.early.shift().length;
        });
        socket.on('error', () => this.markClosed());
        socket.on('close', () => this.markClosed());
    }
    write(data) {
        if (this.isClosed || !this.socket)
            return;
        this.socket.write(data);
    }
    onData(listener) {
        this.dataListeners.push(listener);
        if (this.dataListeners.length === 1 && this.early.length > 0) {
            const early = this.early;
            this.early = [];
            this.earlyBytes = 0;
            for (const chunk of early)
                listener(chunk);
        }
    }
    onClose(listener) {
        if (this.isClosed)
            listener();
        else
            this.closeListeners.push(listener);
    }
    destroy() {
        this.socket?.destroy();
        this.markClosed();
    }
    markClosed() {
        if (this.isClosed)
            return;
        this.isClosed = true;
        for (const listener of this.closeListeners.splice(0))
            listener();
    }
}

;// CONCATENATED MODULE: ./.build/src/payload/tar-format.js
// The tar format, as far as the gate writes and reads it. Pure: bytes in, bytes out.
//
// Facts, from POSIX.1-2017 `pax` ("ustar Interchange Format", "pax Interchange Format") and GNU
// tar's manual ("Basic Tar Format", GNU extensions):
// - an archive is a sequence of 512-byte blocks: a header block, then the file's data rounded up
//   to whole blocks; it ends with two blocks of zeros;
// - header fields (offset, length): name 0/100, mode 100/8, uid 108/8, gid 116/8, size 124/12,
//   mtime 136/12, chksum 148/8, typeflag 156/1, linkname 157/100, magic 257/6, version 263/2,
//   uname 265/32, gname 297/32, devmajor 329/8, devminor 337/8, prefix 345/155;
// - numbers are octal ASCII, NUL- or space-terminated; GNU tar (and bsdtar, busybox) also read a
//   field whose first byte has the high bit set as a big-endian base-256 number (for sizes >= 8 GiB);
// - the checksum is the sum of the header's bytes as unsigned values, with the chksum field
//   counted as eight spaces, written as six octal digits, NUL, space;
// - typeflag '0' (or NUL, or '7') regular file, '1' hard link, '2' symlink, '5' directory;
//   'x' a pax extended header for the next entry ("LEN key=value\n" records: path, linkpath, size,
//   mtime ...), 'g' a global one; GNU 'L' / 'K': the data is the next entry's long name / link name;
// - ustar magic is "ustar\0" + version "00"; old GNU tar writes "ustar  \0". A name longer than
//   100 bytes can be split at a '/' into prefix (<= 155) and name (<= 100).
//
// The gate writes ustar headers, and for a path that does not fit ustar's name + prefix, a GNU
// 'L' long-name record in front of it (busybox tar reads these with FEATURE_TAR_GNU_EXTENSIONS,
// as Debian's busybox does; FreeBSD's bsdtar reads them; both checked in test/unit/payload). It
// reads ustar, GNU ('L', 'K') and pax ('x') records, which covers what busybox tar and bsdtar write.
const BLOCK = 512;
class TarFormatError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TarFormatError';
    }
}
const TYPEFLAG = { file: '0', hardlink: '1', symlink: '2', dir: '5' };
const LONG_NAME = '././@LongLink';
function paddedSize(size) {
    return Math.ceil(size / BLOCK) * BLOCK;
}
function isZeroBlock(block) {
    for (const byte of block)
        if (byte !== 0)
            return false;
    return true;
}
/**
 * The header blocks that introduce one entry: a GNU long-name record (and long-link record) when
 * the name (link name) does not fit ustar, then the ustar header. File data follows them.
 */
function entryHeaderBlocks(header) {
    if (header.type === 'other')
        throw new TarFormatError(`cannot write entry type other (${header.name})`);
    const blocks = [];
    const name = header.type === 'dir' && !header.name.endsWith('/') ? `${header.name}/` : header.name;
    let split = splitUstarName(name);
    if (!split) {
        blocks.push(...longRecord('L', name));
        split = { prefix: '', name: truncateBytes(name, 100) };
    }
    let linkname = header.linkname;
    if (Buffer.byteLength(linkname) > 100) {
        blocks.push(...longRecord('K', linkname));
        linkname = truncateBytes(linkname, 100);
    }
    blocks.push(encodeHeader({
        name: split.name,
        prefix: split.prefix,
        mode: header.mode,
        uid: header.uid,
        gid: header.gid,
        size: header.type === 'file' ? header.size : 0,
        mtime: header.mtime,
        typeflag: TYPEFLAG[header.type],
        linkname,
    }));
    return blocks;
}
/** name (<= 100 bytes) alone, or prefix (<= 155) '/' name (<= 100), or undefined if neither fits. */
function splitUstarName(name) {
    if (Buffer.byteLength(name) <= 100)
        return { prefix: '', name };
    // Try each '/' from the right that leaves a non-empty name part of <= 100 bytes.
    for (let slash = name.lastIndexOf('/', name.length - 2); slash > 0; slash = name.lastIndexOf('/', slash - 1)) {
        const prefix = name.slice(0, slash);
        const rest = name.slice(slash + 1);
        if (Buffer.byteLength(rest) > 100)
            break;
        if (Buffer.byteLength(prefix) <= 155)
            return { prefix, name: rest };
    }
    return undefined;
}
function longRecord(typeflag, value) {
    const data = Buffer.concat([Buffer.from(value, 'utf8'), Buffer.alloc(1)]);
    const header = encodeHeader({ name: LONG_NAME, prefix: '', mode: 0, uid: 0, gid: 0, size: data.length, mtime: 0, typeflag, linkname: '' });
    return [header, Buffer.concat([data, Buffer.alloc(paddedSize(data.length) - data.length)])];
}
function truncateBytes(text, bytes) {
    const buffer = Buffer.from(text, 'utf8');
    if (buffer.length <= bytes)
        return text;
    // Cut on a character boundary: drop continuation bytes (10xxxxxx) at the cut.
    let end = bytes;
    while (end > 0 && (buffer[end] & 0xc0) === 0x80)
        end--;
    return buffer.subarray(0, end).toString('utf8');
}
function encodeHeader(header) {
    const block = Buffer.alloc(BLOCK);
    writeString(block, 0, 100, header.name, 'name');
    writeNumber(block, 100, 8, header.mode & 0o7777);
    writeNumber(block, 108, 8, header.uid);
    writeNumber(block, 116, 8, header.gid);
    writeNumber(block, 124, 12, header.size);
    writeNumber(block, 136, 12, Math.max(0, Math.floor(header.mtime)));
    block.write(header.typeflag, 156, 1, 'latin1');
    writeString(block, 157, 100, header.linkname, 'linkname');
    block.write('ustar\0', 257, 6, 'latin1');
    block.write('00', 263, 2, 'latin1');
    writeString(block, 345, 155, header.prefix, 'prefix');
    block.write(`${checksum(block).toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
    return block;
}
function writeString(block, offset, length, value, field) {
    const bytes = Buffer.from(value, 'utf8');
    if (bytes.length > length)
        throw new TarFormatError(`${field} ${JSON.stringify(value)} is longer than ${length} bytes`);
    bytes.copy(block, offset);
}
/** Octal with a NUL terminator when it fits, else GNU base-256 (high bit set, big-endian). */
function writeNumber(block, offset, length, value) {
    if (!Number.isSafeInteger(value) || value < 0)
        throw new TarFormatError(`cannot store ${value} in a tar header`);
    const octal = value.toString(8);
    if (octal.length <= length - 1) {
        block.write(`${octal.padStart(length - 1, '0')}\0`, offset, length, 'latin1');
        return;
    }
    let rest = BigInt(value);
    for (let index = offset + length - 1; index > offset; index--) {
        block[index] = Number(rest & 0xffn);
        rest >>= 8n;
    }
    block[offset] = 0x80;
}
function checksum(block) {
    let sum = 0;
    for (let index = 0; index < BLOCK; index++)
        sum += index >= 148 && index < 156 ? 0x20 : block[index];
    return sum;
}
function readString(block, offset, length) {
    const field = block.subarray(offset, offset + length);
    const end = field.indexOf(0);
    return field.subarray(0, end < 0 ? length : end).toString('utf8');
}
function readNumber(block, offset, length, field, at) {
    const bytes = block.subarray(offset, offset + length);
    if (bytes[0] & 0x80) {
        let value = BigInt(bytes[0] & 0x7f);
        for (let index = 1; index < length; index++)
            value = (value << 8n) | BigInt(bytes[index]);
        if (value > BigInt(Number.MAX_SAFE_INTEGER))
            throw new TarFormatError(`tar header at byte ${at}: ${field} is too large`);
        return Number(value);
    }
    const text = bytes.toString('latin1').replace(/[\0 ]+$/, '').replace(/^[\0 ]+/, '');
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw new TarFormatError(`tar header at byte ${at}: ${field} is not an octal number (${JSON.stringify(text)})`);
    return parseInt(text, 8);
}
/** Decodes one header block (the caller has checked it is not a zero block). `at` is its byte offset, for messages. */
function decodeHeader(block, at) {
    const stored = readNumber(block, 148, 8, 'chksum', at);
    const computed = checksum(block);
    if (stored !== computed) {
        // Some old writers summed signed bytes; accept that too (POSIX: "unsigned", GNU tar checks both).
        let signed = 0;
        for (let index = 0; index < BLOCK; index++)
            signed += index >= 148 && index < 156 ? 0x20 : ((block[index] << 24) >> 24);
        if (stored !== signed) {
            throw new TarFormatError(`not a valid tar header at byte ${at}: checksum ${stored.toString(8)} stored, ${computed.toString(8)} computed`);
        }
    }
    const typeflag = String.fromCharCode(block[156]);
    const ustar = block.subarray(257, 262).toString('latin1') === 'ustar';
    const prefix = ustar ? readString(block, 345, 155) : '';
    const name = readString(block, 0, 100);
    return {
        name: prefix ? `${prefix}/${name}` : name,
        prefix,
        mode: readNumber(block, 100, 8, 'mode', at),
        uid: readNumber(block, 108, 8, 'uid', at),
        gid: readNumber(block, 116, 8, 'gid', at),
        size: readNumber(block, 124, 12, 'size', at),
        mtime: readNumber(block, 136, 12, 'mtime', at),
        typeflag,
        type: typeOf(typeflag),
        linkname: readString(block, 157, 100),
        ustar,
    };
}
function typeOf(typeflag) {
    switch (typeflag) {
        case '0':
        case '\0':
        case '7':
            return 'file';
        case '1':
            return 'hardlink';
        case '2':
            return 'symlink';
        case '5':
            return 'dir';
        default:
            return 'other';
    }
}
/** Parses pax extended header records: "LEN key=value\n", LEN counting the whole record in bytes. */
function parsePaxRecords(data, at) {
    const records = {};
    let offset = 0;
    while (offset < data.length) {
        if (data[offset] === 0)
            break; // padding
        const space = data.indexOf(0x20, offset);
        const length = space < 0 ? NaN : Number(data.subarray(offset, space).toString('latin1'));
        if (!Number.isInteger(length) || length <= 0 || offset + length > data.length || data[offset + length - 1] !== 0x0a) {
            throw new TarFormatError(`malformed pax extended header at byte ${at}`);
        }
        const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
        const equals = record.indexOf('=');
        if (equals < 0)
            throw new TarFormatError(`malformed pax record ${JSON.stringify(record)} at byte ${at}`);
        records[record.slice(0, equals)] = record.slice(equals + 1);
        offset += length;
    }
    return records;
}

;// CONCATENATED MODULE: ./.build/src/payload/tar-disk.js
// Bulk data in and out of the guest: a tar archive written straight onto a raw disk. The guest
// reads the payload disk with `tar -xf /dev/vtbd1` (FreeBSD bsdtar) or `tar -xf /dev/vdb`
// (busybox), and writes its results with `tar -cf DEV ...` onto a blank disk the host reads back.
//
// Why our own tar writer and reader (tar-format.ts) instead of the host's `tar`:
// - the output must not depend on which tar the runner has (GNU tar on Ubuntu, bsdtar on a Mac
//   laptop): their defaults differ (GNU tar's default format, pax headers for mtimes, sparse files);
//   here the format is fixed: ustar, plus a GNU long-name record only for a path that needs it;
// - names come from argv arrays either way, but mapping many host paths onto guest paths with
//   --transform is GNU-only and its sed syntax turns special characters into a quoting problem;
// - the reader must enforce safety rules GNU tar does not apply by default (refuse symlinks that
//   lead out of the folder, never write through a symlink), stop at the end-of-archive zeros,
//   treat an all-zero disk as "nothing written" and name the byte where a corrupt archive breaks.
// Both are small and stream file data in 1 MiB chunks, so a large tree is never held in memory.





/** A path in the archive that would leave the destination folder, or be written through a symlink. */
class UnsafeTarEntryError extends Error {
    entry;
    why;
    constructor(entry, why) {
        super(`refusing tar entry ${JSON.stringify(entry)}: ${why}`);
        this.entry = entry;
        this.why = why;
        this.name = 'UnsafeTarEntryError';
    }
}
const MIB = 1024 * 1024;
const CHUNK = MIB;
/**
 * Writes a tar archive of `entries` to `diskPath` (replacing it), padded with zeros to a whole
 * number of MiB so it can be attached as a raw disk. Directories are walked in sorted order;
 * symlinks inside a walked folder are kept as symlinks, a top-level hostPath is followed.
 */
async function writeTarDisk(entries, diskPath) {
    const plan = await planEntries(entries);
    const out = await (0,promises_namespaceObject.open)(diskPath, 'w');
    const summary = { files: 0, dirs: 0, symlinks: 0, dataBytes: 0, diskBytes: 0 };
    let position = 0;
    const write = async (buffer) => {
        let done = 0;
        while (done < buffer.length) {
            const { bytesWritten } = await out.write(buffer, done, buffer.length - done, position);
            done += bytesWritten;
            position += bytesWritten;
        }
    };
    try {
        for (const item of plan) {
            for (const block of entryHeaderBlocks(item.header))
                await write(block);
            if (item.header.type === 'dir')
                summary.dirs++;
            else if (item.header.type === 'symlink')
                summary.symlinks++;
            else {
                summary.files++;
                summary.dataBytes += item.header.size;
                await copyFileData(item.source, item.header.size, write);
            }
        }
        // End of archive: two zero blocks; then zeros up to a whole MiB (ftruncate leaves a hole).
        await write(Buffer.alloc(2 * BLOCK));
        summary.diskBytes = Math.ceil(position / MIB) * MIB;
        await out.truncate(summary.diskBytes);
    }
    finally {
        await out.close();
    }
    return summary;
}
async function planEntries(entries) {
    const planned = [];
    const seen = new Map();
    const add = (item, from) => {
        const key = item.header.name;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
            if (item.header.type === 'dir' && planned.find((p) => p.header.name === key)?.header.type === 'dir')
                return;
            throw new Error(`two payload entries map to the same guest path ${JSON.stringify(key)}: ${earlier} and ${from}`);
        }
        seen.set(key, from);
        planned.push(item);
    };
    const addParents = (guestPath) => {
        const parts = guestPath.split('/');
        for (let index = 1; index < parts.length; index++) {
            const dir = parts.slice(0, index).join('/');
            if (!seen.has(dir))
                add({ header: dirHeader(dir, 0o755, Date.now() / 1000) }, '(parent folder)');
        }
    };
    const walk = async (hostDir, guestDir) => {
        const names = (await (0,promises_namespaceObject.readdir)(hostDir)).sort();
        for (const name of names) {
            const hostPath = external_node_path_.join(hostDir, name);
            const guestPath = guestDir ? `${guestDir}/${name}` : name;
            await addPath(hostPath, guestPath, false);
        }
    };
    const addPath = async (hostPath, guestPath, follow) => {
        const info = follow ? await (0,promises_namespaceObject.stat)(hostPath) : await (0,promises_namespaceObject.lstat)(hostPath);
        const mtime = Math.floor(info.mtimeMs / 1000);
        if (info.isDirectory()) {
            add({ header: dirHeader(guestPath, info.mode & 0o777, mtime) }, hostPath);
            await walk(hostPath, guestPath);
        }
        else if (info.isFile()) {
            add({ header: { name: guestPath, mode: info.mode & 0o777, uid: 0, gid: 0, size: info.size, mtime, type: 'file', linkname: '' }, source: hostPath }, hostPath);
        }
        else if (info.isSymbolicLink()) {
            add({ header: { name: guestPath, mode: 0o777, uid: 0, gid: 0, size: 0, mtime, type: 'symlink', linkname: await (0,promises_namespaceObject.readlink)(hostPath) } }, hostPath);
        }
        // Sockets, FIFOs and devices are not payload: left out.
    };
    for (const entry of entries) {
        if ('dir' in entry) {
            const as = guestRelative(entry.as, true);
            const info = await (0,promises_namespaceObject.stat)(entry.dir);
            if (!info.isDirectory())
                throw new Error(`payload folder ${entry.dir} is not a folder`);
            if (as) {
                addParents(as);
                add({ header: dirHeader(as, info.mode & 0o777, Math.floor(info.mtimeMs / 1000)) }, entry.dir);
            }
            await walk(entry.dir, as);
        }
        else {
            const guestPath = guestRelative(entry.guestPath, false);
            addParents(guestPath);
            await addPath(entry.hostPath, guestPath, true);
        }
    }
    return planned;
}
function dirHeader(name, mode, mtime) {
    return { name, mode, uid: 0, gid: 0, size: 0, mtime: Math.floor(mtime), type: 'dir', linkname: '' };
}
/** A guest path relative to the archive root: no leading '/', no '..', normalized. */
function guestRelative(guestPath, allowRoot) {
    const normalized = external_node_path_.posix.normalize(guestPath.replace(/^\/+/, '')).replace(/\/+$/, '');
    if (normalized === '.' || normalized === '') {
        if (allowRoot)
            return '';
        throw new Error(`payload guest path ${JSON.stringify(guestPath)} is empty`);
    }
    if (normalized.split('/').includes('..'))
        throw new Error(`payload guest path ${JSON.stringify(guestPath)} leaves the archive root`);
    if (guestPath.includes('\0'))
        throw new Error(`payload guest path ${JSON.stringify(guestPath)} contains NUL`);
    return normalized;
}
async function copyFileData(source, size, write) {
    const input = await (0,promises_namespaceObject.open)(source, 'r');
    try {
        const buffer = Buffer.alloc(CHUNK);
        let copied = 0;
        while (copied < size) {
            const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, size - copied), copied);
            if (bytesRead === 0)
                throw new Error(`${source} shrank while it was archived (${copied} of ${size} bytes)`);
            await write(buffer.subarray(0, bytesRead));
            copied += bytesRead;
        }
        const padding = paddedSize(size) - size;
        if (padding > 0)
            await write(Buffer.alloc(padding));
    }
    finally {
        await input.close();
    }
}
/** A blank raw disk of `sizeMiB` MiB: a sparse file (a hole) that reads as zeros. Replaces `diskPath`. */
async function createBlankDisk(diskPath, sizeMiB) {
    if (!Number.isInteger(sizeMiB) || sizeMiB < 1)
        throw new Error(`blank disk size must be a whole number of MiB of at least 1, got ${sizeMiB}`);
    const handle = await (0,promises_namespaceObject.open)(diskPath, 'w');
    try {
        await handle.truncate(sizeMiB * MIB);
    }
    finally {
        await handle.close();
    }
}
/**
 * Extracts the tar archive the guest wrote to the raw disk `diskPath` into `destDir` (created if
 * missing). Stops at the first zero block (the end-of-archive marker). A disk that is all zeros
 * where the archive would start means the guest wrote nothing: an empty list, not an error.
 * A bad header checksum, a truncated member, or an entry that would leave destDir (absolute path,
 * '..', a symlink pointing outside, a path through a symlink) is an error.
 */
async function readTarDisk(diskPath, destDir) {
    const input = await (0,promises_namespaceObject.open)(diskPath, 'r');
    const extracted = [];
    try {
        const diskSize = (await input.stat()).size;
        const root = external_node_path_.resolve(destDir);
        await (0,promises_namespaceObject.mkdir)(root, { recursive: true });
        const header = Buffer.alloc(BLOCK);
        let offset = 0;
        let longName;
        let longLink;
        let pax = {};
        for (;;) {
            if (offset + BLOCK > diskSize)
                break; // end of the disk without a marker: GNU tar accepts that too
            await readExactly(input, header, offset);
            if (isZeroBlock(header))
                break;
            const at = offset;
            let entry;
            try {
                entry = decodeHeader(header, at);
            }
            catch (error) {
                if (error instanceof TarFormatError)
                    throw new TarFormatError(`${diskPath} is not a readable tar archive: ${error.message}`);
                throw error;
            }
            const meta = entry.typeflag === 'x' || entry.typeflag === 'g' || entry.typeflag === 'L' || entry.typeflag === 'K';
            // Data that follows the header: a file's contents (pax may override a size ustar cannot
            // hold), a meta record's payload, or an unknown type's data, which is skipped.
            const size = entry.type === 'file' && pax['size'] !== undefined ? Number(pax['size']) : entry.size;
            if (!Number.isSafeInteger(size) || size < 0)
                throw new TarFormatError(`${diskPath}: bad size ${JSON.stringify(pax['size'])} at byte ${at}`);
            const dataSize = meta || entry.type === 'file' || entry.type === 'other' ? size : 0;
            const dataStart = offset + BLOCK;
            const next = dataStart + paddedSize(dataSize);
            if (next > diskSize) {
                throw new TarFormatError(`${diskPath}: tar member ${JSON.stringify(entry.name)} at byte ${at} runs past the end of the disk (truncated archive)`);
            }
            offset = next;
            if (meta) {
                const data = Buffer.alloc(entry.size);
                await readExactly(input, data, dataStart);
                if (entry.typeflag === 'L')
                    longName = cString(data);
                else if (entry.typeflag === 'K')
                    longLink = cString(data);
                else if (entry.typeflag === 'x')
                    pax = parsePaxRecords(data, at);
                continue; // 'g' (global pax) carries nothing the gate uses
            }
            const name = pax['path'] ?? longName ?? entry.name;
            const linkname = pax['linkpath'] ?? longLink ?? entry.linkname;
            const mtime = pax['mtime'] !== undefined ? Number(pax['mtime']) : entry.mtime;
            longName = longLink = undefined;
            pax = {};
            if (entry.type === 'other')
                continue; // devices, FIFOs: not evidence
            const relative = safeRelative(name);
            if (relative === '') {
                if (entry.type === 'dir')
                    continue; // "./" itself
                throw new UnsafeTarEntryError(name, 'it names the destination folder itself');
            }
            const target = external_node_path_.join(root, ...relative.split('/'));
            await ensureParents(root, relative);
            switch (entry.type) {
                case 'dir':
                    await ensureDir(root, relative);
                    extracted.push({ path: relative, kind: 'dir', size: 0 });
                    break;
                case 'file':
                    await removeIfNotDir(target, relative);
                    await extractFile(input, dataStart, size, target, entry.mode & 0o777);
                    await (0,promises_namespaceObject.utimes)(target, mtime, mtime).catch(() => undefined);
                    extracted.push({ path: relative, kind: 'file', size });
                    break;
                case 'symlink': {
                    if (external_node_path_.posix.isAbsolute(linkname))
                        throw new UnsafeTarEntryError(relative, `symlink to the absolute path ${JSON.stringify(linkname)}`);
                    const resolved = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(relative), linkname));
                    if (resolved === '..' || resolved.startsWith('../'))
                        throw new UnsafeTarEntryError(relative, `symlink to ${JSON.stringify(linkname)} leads out of the folder`);
                    await removeIfNotDir(target, relative);
                    await (0,promises_namespaceObject.symlink)(linkname, target);
                    extracted.push({ path: relative, kind: 'symlink', size: 0 });
                    break;
                }
                case 'hardlink': {
                    const source = safeRelative(linkname);
                    const sourcePath = external_node_path_.join(root, ...source.split('/'));
                    const info = await (0,promises_namespaceObject.lstat)(sourcePath).catch(() => undefined);
                    if (!info?.isFile())
                        throw new UnsafeTarEntryError(relative, `hard link to ${JSON.stringify(linkname)}, which is not a file extracted before it`);
                    await removeIfNotDir(target, relative);
                    await (0,promises_namespaceObject.copyFile)(sourcePath, target);
                    extracted.push({ path: relative, kind: 'hardlink', size: info.size });
                    break;
                }
            }
        }
    }
    finally {
        await input.close();
    }
    return extracted;
}
function cString(data) {
    const end = data.indexOf(0);
    return data.subarray(0, end < 0 ? data.length : end).toString('utf8');
}
/** The archive path as a clean relative path, or UnsafeTarEntryError. */
function safeRelative(name) {
    if (name.includes('\0'))
        throw new UnsafeTarEntryError(name, 'the name contains NUL');
    if (name.startsWith('/'))
        throw new UnsafeTarEntryError(name, 'absolute path');
    const parts = name.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.includes('..'))
        throw new UnsafeTarEntryError(name, "'..' would leave the destination folder");
    return parts.join('/');
}
/** Creates the parent folders of `relative` under root, refusing to pass through a symlink. */
async function ensureParents(root, relative) {
    const parts = relative.split('/');
    for (let index = 1; index < parts.length; index++)
        await ensureDir(root, parts.slice(0, index).join('/'));
}
async function ensureDir(root, relative) {
    const dir = external_node_path_.join(root, ...relative.split('/'));
    const info = await (0,promises_namespaceObject.lstat)(dir).catch(() => undefined);
    if (info?.isSymbolicLink())
        throw new UnsafeTarEntryError(relative, 'a path through a symlink');
    if (info && !info.isDirectory())
        throw new UnsafeTarEntryError(relative, 'a folder where a file was extracted before');
    if (!info)
        await (0,promises_namespaceObject.mkdir)(dir);
}
async function removeIfNotDir(target, relative) {
    const info = await (0,promises_namespaceObject.lstat)(target).catch(() => undefined);
    if (!info)
        return;
    if (info.isDirectory())
        throw new UnsafeTarEntryError(relative, 'a file where a folder was extracted before');
    await (0,promises_namespaceObject.rm)(target, { force: true });
}
async function extractFile(input, start, size, target, mode) {
    // O_NOFOLLOW: never write through a symlink placed at the target; O_EXCL: the path was cleared above.
    const output = await (0,promises_namespaceObject.open)(target, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW, mode || 0o644);
    try {
        const buffer = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
        let copied = 0;
        while (copied < size) {
            const length = Math.min(buffer.length, size - copied);
            await readExactly(input, buffer.subarray(0, length), start + copied);
            let written = 0;
            while (written < length)
                written += (await output.write(buffer, written, length - written, copied + written)).bytesWritten;
            copied += length;
        }
    }
    finally {
        await output.close();
    }
}
async function readExactly(input, buffer, position) {
    let done = 0;
    while (done < buffer.length) {
        const { bytesRead } = await input.read(buffer, done, buffer.length - done, position + done);
        if (bytesRead === 0)
            throw new TarFormatError(`unexpected end of disk at byte ${position + done}`);
        done += bytesRead;
    }
}

;// CONCATENATED MODULE: ./.build/src/gate/boot.js
// From a configuration to a guest at a root shell: which guest and image (plan), then QEMU and
// the console (boot), with one clean retry from a fresh overlay when a boot fails.










async function planGuest(config, io) {
    const workDir = external_node_path_.join(config.outDir, '.work');
    (0,external_node_fs_.rmSync)(workDir, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(workDir, { recursive: true });
    const serialLogPath = external_node_path_.join(config.outDir, 'serial.log');
    if (config.guest === 'linux') {
        const image = await ensureLinuxGuest(config.cacheDir, config.buildTimeoutSec * 1000, (line) => io.consoleLine(line));
        const configFile = external_node_path_.join(workDir, 'gate-config.json');
        (0,external_node_fs_.writeFileSync)(configFile, JSON.stringify({ workloads: config.workloads, fixtureOptions: config.fixtureOptions, fault: config.fault ?? null }, null, 2));
        return {
            adapter: new LinuxGuest(image),
            media: async () => ({ kind: 'kernel', kernel: image.kernel, initrd: image.initrd, append: image.append }),
            imageInfo: { description: `Linux test guest, kernel ${image.kernelRelease}`, path: image.dir, why: 'guest linux: the test guest built from Debian packages' },
            tcgThread: 'single',
            // The user's server folder rides along as it is (prebuilt programs and their libraries).
            payload: [
                { hostPath: configFile, guestPath: 'gate-config.json' },
                ...(config.fuseServerSource ? [{ hostPath: config.fuseServerSource, guestPath: 'fuse-server' }] : []),
            ],
            serialLogPath,
            workDir,
        };
    }
    const { planFreebsdGuest } = await __nccwpck_require__.e(/* import() */ 562).then(__nccwpck_require__.bind(__nccwpck_require__, 8562));
    return planFreebsdGuest(config, io, { workDir, serialLogPath });
}
async function bootGuest(config, plan, io, stop, report) {
    const payloadDisk = external_node_path_.join(plan.workDir, 'payload.tar');
    const resultsDisk = external_node_path_.join(plan.workDir, 'results.img');
    await writeTarDisk(plan.payload, payloadDisk);
    const log = (0,external_node_fs_.createWriteStream)(plan.serialLogPath);
    const boot = async (attempt) => {
        report.bootAttempts = attempt;
        await createBlankDisk(resultsDisk, 256);
        const media = await plan.media(attempt);
        const vm = await startVm({
            accel: config.accel,
            cpus: config.cpus,
            memoryMiB: config.memoryMiB,
            boot: media,
            ...(plan.tcgThread ? { tcgThread: plan.tcgThread } : {}),
            disks: [
                { path: payloadDisk, format: 'raw', readonly: true },
                { path: resultsDisk, format: 'raw' },
            ],
            workDir: external_node_path_.join(plan.workDir, `vm${attempt}`),
            pidfile: external_node_path_.join(plan.workDir, `qemu${attempt}.pid.json`),
        });
        io.onVmStarted?.(external_node_path_.join(plan.workDir, `qemu${attempt}.pid.json`));
        io.onVm?.(vm);
        if (attempt === 1 && vm.accelerator === 'tcg' && config.accel === 'auto')
            io.warn(`using TCG software emulation: ${vm.accelNote}`);
        const console = new SerialConsole(vm.console, {
            profile: plan.adapter.console,
            nonce: newNonce(),
            rawLog: (chunk) => log.write(chunk),
            onLine: (line) => io.consoleLine(line),
        });
        const onStop = () => console.abort(new CancelledError(String(stop.reason ?? 'SIGTERM')));
        stop.addEventListener('abort', onStop, { once: true });
        try {
            await console.login(config.bootTimeoutSec * 1000);
        }
        catch (error) {
            stop.removeEventListener('abort', onStop);
            await vm.stop();
            throw error;
        }
        const disks = plan.adapter.disks(media.kind === 'disk' ? 1 : 0);
        const booted = {
            adapter: plan.adapter,
            console,
            disks,
            accelerator: vm.accelerator,
            acceleratorNote: vm.accelNote,
            serialLogPath: plan.serialLogPath,
            serialLogText: () => (0,external_node_fs_.readFileSync)(plan.serialLogPath, 'latin1'),
            reboot: async () => {
                await console.run('shutdown -r now', { timeoutMs: 10_000 }).catch(() => undefined);
                await console.login(config.bootTimeoutSec * 1000);
                return booted;
            },
            diagnose: () => diagnoseWedgedGuest(vm, console, plan.adapter.backstop()),
            teardown: async (resultsDir) => {
                stop.removeEventListener('abort', onStop);
                await vm.stop();
                await new Promise((resolve) => log.end(resolve));
                await readTarDisk(resultsDisk, resultsDir).catch((error) => io.warn(`reading the results disk: ${error.message}`));
            },
        };
        return booted;
    };
    try {
        try {
            return await boot(1);
        }
        catch (error) {
            if (!isRetryableBootFailure(error) || stop.aborted)
                throw error;
            io.warn(`boot attempt 1 failed (${error.message.split('\n')[0]}); retrying once from a fresh overlay`);
            log.write(`\n===== fusefs-gate: boot attempt 1 failed: ${error.message.split('\n')[0]}; retrying =====\n`);
            return await boot(2);
        }
    }
    catch (error) {
        // No guest to tear down later: finish the serial log here, so the evidence is complete.
        await new Promise((resolve) => log.end(resolve));
        throw error;
    }
}
/** How long the backstop waits for a wedged guest to print anything after it was poked. */
const DIAGNOSE_WAIT_MS = 3000;
async function diagnoseWedgedGuest(vm, console, plan) {
    const notes = [];
    const status = await vm.queryStatus().catch((error) => ({ status: `unknown (${error.message})`, running: false }));
    notes.push(`QEMU reports the guest ${status.status}`);
    if (!status.running)
        return notes;
    if (plan.kind === 'none')
        return [...notes, `no outside way to ask for stacks: ${plan.why}`];
    try {
        if (plan.kind === 'sysrq') {
            const answered = console.waitForQuiet(500, DIAGNOSE_WAIT_MS * 3);
            await vm.sendSysrq(plan.key);
            notes.push(`sent Alt+SysRq+${plan.key.toUpperCase()}`);
            notes.push((await answered) ? 'the guest printed a dump after it (see the serial log)' : 'the guest printed nothing after it');
            return notes;
        }
        // ddb: an NMI stops the kernel in the debugger; each command's output ends at the next prompt.
        await vm.nmi();
        notes.push('sent an NMI');
        await console.expect(/db> $/, { timeoutMs: DIAGNOSE_WAIT_MS, awaited: 'the ddb prompt after an NMI' });
        for (const command of plan.commands) {
            console.send(`${command}\n`);
            await console.expect(/db> $/, { timeoutMs: 30_000, awaited: `ddb's ${command}` });
            notes.push(`ddb: ${command}`);
        }
    }
    catch (error) {
        notes.push(`the backstop stopped: ${error.message.split('\n')[0]}`);
    }
    return notes;
}
/** A boot that never reached a shell, looped, or panicked in the stock kernel gets one more try. */
function isRetryableBootFailure(error) {
    return error instanceof CommandTimeoutError || error instanceof BootLoopError || error instanceof GuestPanicError || error instanceof ConsoleClosedError;
}

;// CONCATENATED MODULE: ./.build/src/report/junit.js
// JUnit XML for the run: one <testsuite>, one <testcase> per TestResult, in the common
// (Jenkins / junit-10) dialect that GitHub test reporters read.

/**
 * Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets): #x9 #xA #xD [#x20-#xD7FF]
 * [#xE000-#xFFFD] [#x10000-#x10FFFF]. Everything else (NUL, ESC from colored output, lone
 * surrogates, U+FFFE/U+FFFF) cannot appear even escaped, so it is written as visible text.
 */
function replaceIllegal(text) {
    let out = '';
    for (const ch of text) {
        const c = ch.codePointAt(0);
        const legal = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
        out += legal ? ch : `\\x{${c.toString(16)}}`;
    }
    return out;
}
/** Escape element text. */
function escapeText(text) {
    return replaceIllegal(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Escape an attribute value (double-quoted); newlines and tabs kept as character references. */
function escapeAttr(text) {
    return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
function seconds(ms) {
    return (Math.max(0, Number.isFinite(ms) ? ms : 0) / 1000).toFixed(3);
}
/** `workload/mmap-write` -> class `workload`, name `mmap-write`. */
function splitName(name) {
    const slash = name.indexOf('/');
    if (slash <= 0)
        return { classname: 'fusefs-gate', name };
    return { classname: name.slice(0, slash), name: name.slice(slash + 1) };
}
function formatStack(t) {
    const head = [t.pid !== undefined ? `pid ${t.pid}` : '', t.tid !== undefined ? `tid ${t.tid}` : '', t.comm, t.state ? `state ${t.state}` : '', t.wchan ? `wchan ${t.wchan}` : '']
        .filter((s) => s !== '')
        .join(' ');
    const frames = t.frames.map((f) => `  ${f.fn}${f.offset !== undefined ? `+${f.offset}` : ''}${f.size !== undefined ? `/${f.size}` : ''}${f.module ? ` [${f.module}]` : ''}`);
    return [head, ...frames].join('\n');
}
const MAX_BODY = 64 * 1024;
function failureBody(t, report) {
    const parts = [];
    if (t.message)
        parts.push(t.message);
    const sig = t.threads && t.threads.length > 0 ? signatureOf(t.threads) : report.signature;
    if ((t.status === 'hang' || t.status === 'panic') && sig)
        parts.push(`signature: ${sig}`);
    if ((t.status === 'hang' || t.status === 'panic') && report.knownBug)
        parts.push(`known bug: ${report.knownBug.title} ${report.knownBug.url}`);
    if (t.threads && t.threads.length > 0)
        parts.push(t.threads.map(formatStack).join('\n\n'));
    if (t.status === 'panic' && report.panicText)
        parts.push(report.panicText);
    if (t.output)
        parts.push(`--- output ---\n${t.output}`);
    const body = parts.join('\n\n');
    return body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}\n... (truncated)` : body;
}
function failureMessage(t, report) {
    const sig = t.threads && t.threads.length > 0 ? signatureOf(t.threads) : report.signature;
    if (t.status === 'hang')
        return sig ? `hang: ${sig}` : (t.message ?? 'hang');
    if (t.status === 'panic')
        return sig ?? t.message ?? 'kernel panic';
    return t.message ?? t.status;
}
/** The JUnit XML document for a report. */
function renderJunit(report) {
    const iterations = new Set(report.tests.map((t) => t.iteration)).size;
    const count = (pred) => report.tests.filter(pred).length;
    const failures = count((t) => t.status === 'fail' || t.status === 'hang' || t.status === 'panic');
    const errors = count((t) => t.status === 'error');
    const skipped = count((t) => t.status === 'skipped');
    const time = seconds(report.tests.reduce((s, t) => s + t.durationMs, 0));
    const suiteAttrs = `name="fusefs-gate" tests="${report.tests.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time}"`;
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites ${suiteAttrs}>`];
    const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.exec(report.startedAt)?.[0];
    lines.push(`  <testsuite ${suiteAttrs}${timestamp ? ` timestamp="${timestamp}"` : ''}>`);
    lines.push('    <properties>');
    const props = [
        ['verdict', report.verdict],
        ['reason', report.reason],
        ['guest', report.guest],
        ['accelerator', report.accelerator],
        ['signature', report.signature],
        ['known-bug', report.knownBug ? `${report.knownBug.id} ${report.knownBug.url}` : undefined],
    ];
    for (const [k, v] of props)
        if (v !== undefined)
            lines.push(`      <property name="${escapeAttr(k)}" value="${escapeAttr(v)}"/>`);
    lines.push('    </properties>');
    for (const t of report.tests) {
        const { classname, name } = splitName(t.name);
        const fullName = iterations > 1 ? `${name} [iteration ${t.iteration}]` : name;
        const open = `    <testcase name="${escapeAttr(fullName)}" classname="${escapeAttr(classname)}" time="${seconds(t.durationMs)}"`;
        switch (t.status) {
            case 'pass':
                lines.push(`${open}/>`);
                break;
            case 'skipped':
                lines.push(`${open}>`, `      <skipped${t.message ? ` message="${escapeAttr(t.message)}"` : ''}/>`, '    </testcase>');
                break;
            case 'error':
                lines.push(`${open}>`, `      <error message="${escapeAttr(t.message ?? 'error')}" type="error">${escapeText(failureBody(t, report))}</error>`, '    </testcase>');
                break;
            default:
                lines.push(`${open}>`, `      <failure message="${escapeAttr(failureMessage(t, report))}" type="${t.status}">${escapeText(failureBody(t, report))}</failure>`, '    </testcase>');
        }
    }
    lines.push('  </testsuite>', '</testsuites>');
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./.build/src/report/summary.js
// The job summary: one markdown page a person reads first. Deterministic (only what the report
// holds, no clock), bounded (a few blocked threads in full, the rest counted and pointed at the
// stacks file), readable with hundreds of threads.


const VERDICT_BADGE = {
    pass: '✅',
    fail: '❌',
    hang: '⏳',
    panic: '💥',
    error: '⚠️',
};
const STATUS_BADGE = {
    pass: '✅',
    fail: '❌',
    hang: '⏳',
    panic: '💥',
    error: '⚠️',
    skipped: '⏭️',
};
/** `1.234 s`, `2 min 03 s`, `850 ms`. */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '?';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const totalS = Math.round(ms / 1000);
    const min = Math.floor(totalS / 60);
    const s = totalS % 60;
    return `${min} min ${String(s).padStart(2, '0')} s`;
}
/** Text safe inside a table cell: no pipes, no newlines, no HTML. */
function cell(text) {
    return inline(text).replace(/\|/g, '\\|');
}
/** Text safe on one markdown line. */
function inline(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .trim();
}
/** Inline code that survives backticks in the text. */
function code(text) {
    const t = text.replace(/[\r\n]+/g, ' ');
    const runs = t.match(/`+/g) ?? [];
    const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
    const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${t}${pad}${fence}`;
}
/** A fenced block that survives fences in the text. */
function codeBlock(text) {
    const runs = text.match(/`{3,}/g) ?? [];
    const fence = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
    return `${fence}text\n${text.replace(/\n+$/, '')}\n${fence}`;
}
function threadLabel(t) {
    const parts = [];
    if (t.pid !== undefined)
        parts.push(`pid ${t.pid}`);
    if (t.tid !== undefined && t.tid !== t.pid)
        parts.push(`tid ${t.tid}`);
    parts.push(code(t.comm === '' ? '?' : t.comm));
    if (t.tdname !== undefined)
        parts.push(`(${code(t.tdname)})`);
    const extra = [];
    if (t.state !== undefined)
        extra.push(`state ${code(t.state)}`);
    if (t.wchan !== undefined)
        extra.push(`wchan ${code(t.wchan)}`);
    if (t.cpuTicks !== undefined)
        extra.push(`${t.cpuTicks} CPU ticks`);
    extra.push(t.format);
    return `${parts.join(' ')} — ${extra.join(', ')}`;
}
function frameLines(t, maxFrames) {
    const lines = t.frames.slice(0, maxFrames).map((f) => {
        let s = f.fn;
        if (f.offset !== undefined)
            s += `+${f.offset}`;
        if (f.size !== undefined)
            s += `/${f.size}`;
        if (f.module !== undefined)
            s += ` [${f.module}]`;
        if (f.file !== undefined)
            s += ` (${f.file}${f.line !== undefined ? `:${f.line}` : ''})`;
        return s;
    });
    if (t.frames.length > maxFrames)
        lines.push(`... ${t.frames.length - maxFrames} more frames`);
    return lines.join('\n');
}
/** Identity of a stack for grouping the same thread seen in both samples. */
function stackKey(t) {
    return `${t.pid ?? ''}|${t.tid ?? ''}|${t.frames.map((f) => (0,common/* baseName */.Fl)(f.fn)).join(' ')}`;
}
function groupThreads(threads) {
    const groups = new Map();
    for (const t of threads) {
        const key = stackKey(t);
        const g = groups.get(key);
        if (g) {
            if (t.sample !== undefined && !g.samples.includes(t.sample))
                g.samples.push(t.sample);
        }
        else {
            groups.set(key, { thread: t, samples: t.sample !== undefined ? [t.sample] : [] });
        }
    }
    return [...groups.values()];
}
function testRow(t) {
    return `| ${cell(t.name)} | ${STATUS_BADGE[t.status]} ${t.status} | ${formatDuration(t.durationMs)} | ${t.iteration} |`;
}
function testsSection(report, maxTests) {
    const out = ['### Tests', ''];
    if (report.tests.length === 0) {
        out.push('No test ran.');
        return out;
    }
    // Failures first so a long list never hides them.
    const rank = (t) => (t.status === 'pass' || t.status === 'skipped' ? 1 : 0);
    const sorted = report.tests.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i);
    out.push('| Test | Status | Duration | Iteration |', '| --- | --- | --- | --- |');
    for (const { t } of sorted.slice(0, maxTests))
        out.push(testRow(t));
    if (report.tests.length > maxTests) {
        const counts = new Map();
        for (const { t } of sorted.slice(maxTests))
            counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
        const summary = [...counts.entries()].map(([s, n]) => `${n} ${s}`).join(', ');
        out.push('', `_${report.tests.length - maxTests} more tests not listed (${summary}); see the JUnit XML._`);
    }
    const messages = report.tests.filter((t) => t.status !== 'pass' && t.status !== 'skipped' && t.message);
    for (const t of messages.slice(0, 10)) {
        out.push('', `**${inline(t.name)}** (iteration ${t.iteration}): ${inline(t.message ?? '')}`);
    }
    return out;
}
function stacksSection(report, opts) {
    const blocked = blockedThreads(report.threads);
    if (report.verdict !== 'hang' && blocked.length === 0)
        return [];
    const out = ['### Blocked threads', ''];
    if (blocked.length === 0) {
        out.push(report.threads.length === 0
            ? 'No kernel stacks were captured.'
            : `None of the ${report.threads.length} captured threads is blocked in the kernel; all stacks are in ${fileRef(opts)}.`);
        return out;
    }
    const hung = pickHungThread(blocked);
    const groups = groupThreads(hung ? [hung, ...blocked.filter((t) => t !== hung)] : blocked);
    const shown = groups.slice(0, opts.maxThreads);
    out.push(`${groups.length} blocked thread${groups.length === 1 ? '' : 's'} of ${report.threads.length} captured.`);
    for (const g of shown) {
        const title = hangTitle(g.thread);
        const seen = g.samples.length > 1 ? ` (same stack in samples ${g.samples.join(' and ')})` : '';
        out.push('', `**${threadLabel(g.thread)}**${seen}${title ? `<br>${code(title)}` : ''}`, '', codeBlock(frameLines(g.thread, opts.maxFrames)));
    }
    if (groups.length > shown.length) {
        const n = groups.length - shown.length;
        out.push('', `_${n} more thread${n === 1 ? '' : 's'} in ${fileRef(opts)}._`);
    }
    return out;
}
function fileRef(opts) {
    return opts.url ? `[${opts.file}](${opts.url})` : code(opts.file);
}
function panicSection(report) {
    if (!report.panicText)
        return [];
    const lines = report.panicText.split('\n');
    const max = 60;
    const text = lines.length > max ? [...lines.slice(0, max), `... ${lines.length - max} more lines in the serial log`].join('\n') : report.panicText;
    return ['### Panic', '', codeBlock(text)];
}
function phasesSection(report) {
    if (report.phases.length === 0)
        return [];
    const out = ['### Phases', '', '| Phase | Duration | Outcome | Note |', '| --- | --- | --- | --- |'];
    for (const p of report.phases) {
        out.push(`| ${cell(p.phase)} | ${formatDuration(p.durationMs)} | ${p.outcome === 'ok' ? 'ok' : `**${p.outcome}**`} | ${cell(p.note ?? '')} |`);
    }
    return out;
}
function environmentSection(report) {
    const out = ['### Environment', ''];
    out.push(`- **Guest:** ${report.guest}`);
    if (report.accelerator) {
        out.push(`- **Accelerator:** ${report.accelerator}${report.acceleratorNote ? ` (${inline(report.acceleratorNote)})` : ''}`);
    }
    if (report.image) {
        const img = report.image;
        const parts = [inline(img.description)];
        if (img.url)
            parts.push(`<${img.url}>`);
        if (img.sha512)
            parts.push(`SHA-512 ${code(img.sha512.slice(0, 16))}…`);
        if (img.why)
            parts.push(`(${inline(img.why)})`);
        out.push(`- **Image:** ${parts.join(' ')}`);
    }
    if (report.build) {
        const b = report.build;
        out.push(`- **Build:** ${code(b.mode)} ${b.ok ? 'ok' : '**failed**'} (${inline(b.why)})`);
        if (!b.ok && b.tail)
            out.push('', codeBlock(b.tail.split('\n').slice(-30).join('\n')), '');
    }
    if (report.proof) {
        out.push(`- **Code under test ran:** ${report.proof.ok ? '✅ proven' : '❌ not proven'}`);
        for (const d of report.proof.details)
            out.push(`  - ${inline(d)}`);
    }
    out.push(`- **Boot attempts:** ${report.bootAttempts}`);
    if (report.stoppedAtIteration !== undefined)
        out.push(`- **Stopped at iteration:** ${report.stoppedAtIteration}`);
    if (report.startedAt || report.finishedAt)
        out.push(`- **Run:** ${inline(report.startedAt)} → ${inline(report.finishedAt)}`);
    return out;
}
function filesSection(report) {
    const entries = Object.entries(report.files).filter(([, v]) => typeof v === 'string' && v !== '');
    if (entries.length === 0)
        return [];
    return ['### Files', '', ...entries.map(([k, v]) => `- ${k}: ${code(v)}`)];
}
/** The job summary markdown for a report. */
function renderSummary(report, options = {}) {
    const file = options.stacksFile ?? (report.files.stacks ? report.files.stacks.split(/[\\/]/).pop() : undefined) ?? 'stacks.txt';
    const stackOpts = {
        maxThreads: options.maxThreads ?? 8,
        maxFrames: options.maxFrames ?? 40,
        file,
        ...(options.stacksUrl !== undefined ? { url: options.stacksUrl } : {}),
    };
    const out = [];
    out.push(`## ${VERDICT_BADGE[report.verdict]} fusefs-gate: ${report.verdict.toUpperCase()}`, '');
    out.push(`**Verdict:** ${code(report.verdict)} — ${inline(report.reason)}`);
    if (report.verdict === 'error')
        out.push('', '_Infrastructure error: the gate could not decide. This is not a result about the tree under test._');
    if (report.signature)
        out.push('', `**Signature:** ${code(report.signature)}`);
    if (report.knownBug) {
        out.push('', `**Known bug:** [${inline(report.knownBug.title)}](${report.knownBug.url}) (${code(report.knownBug.id)})`);
    }
    const sections = [
        testsSection(report, options.maxTests ?? 50),
        stacksSection(report, stackOpts),
        panicSection(report),
        phasesSection(report),
        environmentSection(report),
        filesSection(report),
    ];
    for (const s of sections)
        if (s.length > 0)
            out.push('', ...s);
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./.build/src/gate/evidence.js
// The files a run leaves behind: report.json, stacks.txt, junit.xml, summary.md and serial.log,
// written whatever the verdict, so a workflow can upload them and a person can read them.




function writeEvidence(outDir, report, serialLogPath) {
    const files = {
        report: external_node_path_.join(outDir, 'report.json'),
        stacks: external_node_path_.join(outDir, 'stacks.txt'),
        junit: external_node_path_.join(outDir, 'junit.xml'),
        summary: external_node_path_.join(outDir, 'summary.md'),
        ...(serialLogPath && (0,external_node_fs_.existsSync)(serialLogPath) ? { serialLog: serialLogPath } : {}),
    };
    report.files = files;
    (0,external_node_fs_.writeFileSync)(files.stacks, renderStacksText(report));
    (0,external_node_fs_.writeFileSync)(files.junit, renderJunit(report));
    (0,external_node_fs_.writeFileSync)(files.summary, renderSummary(report, { stacksFile: external_node_path_.basename(files.stacks) }));
    (0,external_node_fs_.writeFileSync)(files.report, JSON.stringify(report, null, 2) + '\n');
    return files;
}
/** Every captured thread, one block each, for the full dump file the summary links to. */
function renderStacksText(report) {
    const parts = [];
    if (report.signature)
        parts.push(`signature: ${report.signature}`);
    if (report.knownBug)
        parts.push(`known bug: ${report.knownBug.title} ${report.knownBug.url}`);
    for (const thread of report.threads)
        parts.push(formatThread(thread));
    if (report.panicText)
        parts.push(`panic text:\n${report.panicText}`);
    if (parts.length === 0)
        parts.push('no kernel stacks were captured in this run');
    return parts.join('\n\n') + '\n';
}
function formatThread(thread) {
    const head = [
        thread.comm,
        thread.pid !== undefined ? `pid ${thread.pid}` : '',
        thread.tid !== undefined ? `tid ${thread.tid}` : '',
        thread.state ? `state ${thread.state}` : '',
        thread.wchan ? `wchan ${thread.wchan}` : '',
        thread.sample !== undefined ? `sample ${thread.sample}` : '',
        `(${thread.format})`,
    ]
        .filter(Boolean)
        .join(' ');
    const frames = thread.frames.map((f) => `  ${f.fn}${f.offset ? `+${f.offset}` : ''}${f.module ? ` [${f.module}]` : ''}${f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}`);
    return [head, ...frames].join('\n');
}

;// CONCATENATED MODULE: ./.build/src/gate/run.js
// One gate run, start to verdict: image -> payload -> boot -> prepare -> build -> prove -> mount ->
// tests -> collect -> teardown. All logic the action and the CLI share lives behind runGate().












/** A decided outcome that ends the run early: the verdict and why. */
class Decided extends Error {
    verdict;
    reason;
    constructor(verdict, reason) {
        super(reason);
        this.verdict = verdict;
        this.reason = reason;
    }
}
async function runGate(config, io, seams = {}) {
    const startedAt = new Date();
    (0,external_node_fs_.mkdirSync)(config.outDir, { recursive: true });
    const clock = new PhaseClock((phase) => io.note(`fusefs-gate: ${phase}...`));
    const report = {
        verdict: 'error',
        reason: 'the run did not finish',
        exitCode: 125,
        guest: config.guest,
        tests: [],
        threads: [],
        phases: clock.phases,
        bootAttempts: 0,
        startedAt: startedAt.toISOString(),
        finishedAt: startedAt.toISOString(),
        files: {},
    };
    let booted;
    let plan;
    let targetLoaded = false;
    const jobDeadline = setTimeout(() => jobTimeout.abort('job-timeout'), config.jobTimeoutSec * 1000);
    const jobTimeout = new AbortController();
    const stop = AbortSignal.any([io.signal, jobTimeout.signal]);
    const stopReason = () => (jobTimeout.signal.aborted ? 'job-timeout' : String(io.signal.reason ?? 'SIGTERM'));
    const abortConsole = () => booted?.console.abort(new CancelledError(stopReason()));
    stop.addEventListener('abort', abortConsole);
    const checkStop = () => {
        if (stop.aborted)
            throw new CancelledError(stopReason());
    };
    try {
        plan = await clock.run('image', () => io.group('Image', () => (seams.planGuest ?? planGuest)(config, io)));
        Object.assign(report, { image: plan.imageInfo });
        checkStop();
        booted = await clock.run('boot', () => io.group('Boot', () => bootGuest(config, plan, io, stop, report)));
        report.accelerator = booted.accelerator;
        report.acceleratorNote = booted.acceleratorNote;
        const { adapter, console } = booted;
        checkStop();
        await clock.run('prepare', () => io.group('Prepare the guest', () => adapter.prepare(console, booted.disks, config)));
        const target = await clock.run('build', () => io.group('Build the target', () => adapter.buildTarget(console, config)));
        report.build = { mode: target.mode, why: target.why, ok: target.ok, ...(target.tail ? { tail: target.tail } : {}) };
        io.note(`fusefs-gate: build ${target.mode}: ${target.why}`);
        if (!target.ok) {
            report.build.compilerErrors = target.compilerErrors;
            // Blame: compiler errors are the tree's (fail); a build that broke otherwise is the gate's (error).
            if (target.blame === 'tree')
                throw new Decided('fail', `the target tree did not compile: ${firstLine(target.tail) ?? 'see the build log'}`);
            throw new Decided('error', `building or loading the target failed: ${firstLine(target.tail) ?? 'see the build log'}`);
        }
        if (target.rebootRequired) {
            booted = await clock.run('reboot', () => io.group('Reboot into the built kernel', () => booted.reboot()));
        }
        targetLoaded = target.mode !== 'none';
        const proof = await clock.run('prove', () => adapter.proveTarget(booted.console, config, target));
        report.proof = proof;
        if (!proof.ok)
            throw new Decided('error', `the code under test is not what runs: ${proof.details.filter(Boolean).join('; ')}`);
        const mountpoint = await clock.run('mount', () => io.group('Mount the FUSE file system', () => adapter.mount(booted.console, config)));
        await clock.run('tests', () => io.group('Tests', () => runTests(config, adapter, booted.console, mountpoint, report, checkStop)));
        const decided = verdictOfTests(report.tests);
        if (!decided)
            throw new Decided('error', 'no test ran: nothing ran is never a pass');
        const worst = report.tests.find((t) => t.status === decided);
        settle(report, decided, decided === 'pass' ? `all ${report.tests.length} test(s) passed` : `${worst?.name}: ${worst?.message ?? worst?.status}`);
        await clock.run('collect', () => adapter.collect(booted.console, booted.disks)).catch((error) => io.warn(`collecting results: ${error.message}`));
    }
    catch (error) {
        if (error instanceof GuestUnresponsiveError && booted) {
            report.backstop = await clock.run('backstop', () => booted.diagnose()).catch((e) => [`backstop failed: ${e.message}`]);
        }
        classify(error, report, { targetLoaded, phase: clock.current ?? lastPhase(clock) });
    }
    finally {
        clearTimeout(jobDeadline);
        stop.removeEventListener('abort', abortConsole);
        await clock
            .run('teardown', async () => {
            await booted?.teardown(external_node_path_.join(config.outDir, 'results'));
        })
            .catch((error) => io.warn(`teardown: ${error.message}`));
        report.finishedAt = new Date().toISOString();
        describeStacks(report, booted?.serialLogText());
        report.exitCode = exitCodeFor(report.verdict, config.failOn);
        if (report.verdict === 'error' && report.reason.startsWith('cancelled by SIG'))
            report.exitCode = report.reason.includes('SIGINT') ? 130 : 143;
        report.files = writeEvidence(config.outDir, report, booted?.serialLogPath ?? plan?.serialLogPath);
    }
    return report;
}
async function runTests(config, adapter, console, mountpoint, report, checkStop) {
    const specs = adapter.tests(config, mountpoint);
    if (specs.length === 0)
        throw new Decided('error', 'the test selection is empty: nothing ran is never a pass');
    for (let iteration = 1; iteration <= config.repeat; iteration++) {
        for (const [index, spec] of specs.entries()) {
            checkStop();
            const started = Date.now();
            const run = await runUnderWatchdog(console, adapter, spec, iteration, { ...DEFAULT_WATCHDOG, timeoutSec: config.timeoutSec }).catch((error) => {
                // The run ends here; the test it ended in is part of the evidence.
                const interrupted = interruptedTest(error, spec.name, iteration, Date.now() - started);
                if (interrupted)
                    report.tests.push(interrupted);
                throw error;
            });
            const results = spec.kind === 'gtest' && adapter.gtestResults ? mergeGtest(run.result, await adapter.gtestResults(console, spec, iteration)) : [run.result];
            report.tests.push(...results);
            report.threads.push(...run.samples.flat());
            const worst = verdictOfTests(results);
            if (worst === 'hang') {
                // The shell still answers (only the mount's users are stuck): point the frames at source lines.
                await adapter.resolveSourceLines?.(console, run.result.threads ?? []).catch(() => undefined);
                // A hung FUSE mount wedges every later test on it: record them as skipped and stop.
                for (const rest of specs.slice(index + 1))
                    report.tests.push({ name: rest.name, status: 'skipped', durationMs: 0, iteration, message: 'not run: an earlier test hung' });
                report.stoppedAtIteration = iteration;
                return;
            }
        }
        // `repeat` stops at the first iteration that is not a pass.
        if (verdictOfTests(report.tests) !== 'pass') {
            report.stoppedAtIteration = iteration;
            return;
        }
    }
}
/**
 * One gtest program run holds many cases. The watchdog knows whether the program finished; the
 * XML or the console log knows the cases. A case that started and never ended is the hung one when
 * the program hung, and a crash (the program exited during it) otherwise.
 */
function mergeGtest(run, cases) {
    const unfinished = cases.filter((c) => c.status === 'hang');
    const finished = cases.filter((c) => c.status !== 'hang');
    if (run.status === 'hang')
        return [...finished, { ...run, name: unfinished[0]?.name ?? run.name }];
    if (run.status === 'fail' && run.message?.startsWith('timed out'))
        return [...finished, { ...run, name: unfinished[0]?.name ?? run.name }];
    return [
        ...finished,
        ...unfinished.map((c) => ({ ...c, status: 'fail', message: `the test program ended during this case (${run.message ?? 'exit status 0'}) without finishing it` })),
    ];
}
/** The test a guest-wide failure interrupted, with the status that failure gives it. */
function interruptedTest(error, name, iteration, durationMs) {
    if (error instanceof GuestPanicError)
        return { name, status: 'panic', durationMs, iteration, message: 'the guest kernel panicked during this test' };
    if (error instanceof GuestUnresponsiveError)
        return { name, status: 'hang', durationMs, iteration, message: `guest unresponsive: no console output while waiting for ${error.stage}` };
    if (error instanceof ConsoleClosedError)
        return { name, status: 'error', durationMs, iteration, message: 'QEMU exited during this test' };
    if (error instanceof CancelledError)
        return { name, status: 'error', durationMs, iteration, message: `cancelled (${error.signal}) during this test` };
    return undefined;
}
function settle(report, verdict, reason) {
    report.verdict = verdict;
    report.reason = reason;
}
/** Blame: what the tree causes is the tree's verdict; what the gate or the runner causes is `error`. */
function classify(error, report, context) {
    const message = error?.message ?? String(error);
    if (error instanceof Decided)
        return settle(report, error.verdict, error.reason);
    if (error instanceof CancelledError) {
        return settle(report, 'error', error.signal === 'job-timeout' ? `job-timeout ran out during ${context.phase}` : `cancelled by ${error.signal} during ${context.phase}`);
    }
    if (error instanceof GuestPanicError) {
        report.panicText = error.text;
        // A panic of the stock kernel before the tree's code is loaded is the runner's problem, not the tree's.
        const duringTests = context.phase === 'tests' || context.phase === 'mount' || context.targetLoaded;
        if (duringTests)
            return settle(report, 'panic', `the guest kernel panicked during ${context.phase}`);
        return settle(report, 'error', `the stock guest kernel panicked during ${context.phase}, before the code under test was loaded`);
    }
    if (error instanceof GuestUnresponsiveError) {
        return settle(report, 'hang', `guest unresponsive during ${error.test}: the guest stopped answering while waiting for ${error.stage}`);
    }
    if (error instanceof ConsoleClosedError)
        return settle(report, 'error', `QEMU exited during ${context.phase}: ${message}`);
    if (context.phase === 'boot' && error instanceof CommandTimeoutError) {
        const attempts = report.bootAttempts === 1 ? '1 attempt' : `${report.bootAttempts} attempts`;
        return settle(report, 'error', `boot did not reach a shell in ${Math.round(error.timeoutMs / 1000)} s (${attempts}); last console lines: ${error.lastOutput.trim().slice(-400)}`);
    }
    if (error instanceof BootLoopError)
        return settle(report, 'error', `boot: the guest rebooted in a loop (${report.bootAttempts} attempts): ${message}; last console lines: ${error.lastOutput.trim().slice(-400)}`);
    if (error instanceof CommandTimeoutError)
        return settle(report, 'error', `${context.phase}: ${message}`);
    if (error?.name === 'MountError') {
        return settle(report, context.targetLoaded ? 'fail' : 'error', message);
    }
    return settle(report, 'error', `${context.phase}: ${message}`);
}
/** Fills signature, known bug and panic details from what was captured. */
function describeStacks(report, serialText) {
    if (report.verdict === 'panic' && report.panicText) {
        const panic = (0,stacks/* extractPanic */.Ll)(report.panicText);
        if (panic) {
            report.threads.push(...panic.threads);
            report.signature = panicSignature(panic);
        }
        return;
    }
    if (report.verdict !== 'hang')
        return;
    const hung = report.tests.find((t) => t.status === 'hang');
    let threads = hung?.threads ?? [];
    if (threads.length === 0 && serialText) {
        // Guest unresponsive: whatever the kernel printed on its own (hung-task reports) is the evidence.
        threads = (0,stacks/* parseStacks */.Hf)(serialText);
        report.threads.push(...threads);
        if (hung)
            hung.threads = blockedThreads(threads);
    }
    report.signature = signatureOf(threads);
    report.knownBug = matchKnownBug(threads);
}
function lastPhase(clock) {
    return clock.phases.at(-1)?.phase ?? 'start';
}
function firstLine(text) {
    return text?.split('\n').find((line) => line.trim())?.trim();
}

;// CONCATENATED MODULE: ./.build/src/signals.js
// SIGINT/SIGTERM (a cancelled job, Ctrl-C): abort the run so it stops QEMU and writes what evidence
// it has; a second signal ends every QEMU at once and exits.


function installSignalHandlers() {
    const controller = new AbortController();
    const handler = (name) => {
        if (controller.signal.aborted) {
            void stopAllVms().finally(() => process.exit(name === 'SIGINT' ? EXIT.sigint : EXIT.sigterm));
            return;
        }
        controller.abort(name);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        },
    };
}

;// CONCATENATED MODULE: ./.build/src/report/analyze.js
// `fusefs-gate stacks FILE`: everything the report layer can say about a capture or a serial log.



function analyzeStacks(text, focus) {
    const threads = (0,stacks/* parseStacks */.Hf)(text);
    const blocked = blockedThreads(threads);
    const panic = (0,stacks/* extractPanic */.Ll)(text);
    const result = { threads, blocked };
    const signature = panic ? panicSignature(panic) : signatureOf(threads, focus);
    if (signature !== undefined)
        result.signature = signature;
    const knownBug = matchKnownBug(threads);
    if (knownBug)
        result.knownBug = knownBug;
    if (panic)
        result.panic = panic;
    return result;
}

;// CONCATENATED MODULE: ./.build/src/cli.js
// The CLI entry: flags -> GateConfig -> runGate -> exit status. `npx fusefs-gate run ...` on a laptop
// does exactly what the action does.








const USAGE = `usage:
  fusefs-gate run [--guest linux|freebsd] [--workloads LIST] [--fixture-options LIST] [--timeout SECONDS]
                  [--out DIR] [--fault FAULT] [--source-tree DIR] [--freebsd-version V] [--image PATH|URL]
                  [--build auto|module|kernel|none] [--tests workloads,gtest] [--gtest-filter F] [--repeat N]
                  [--fail-on LIST] [--accel auto|kvm|tcg] [--cpus N] [--memory SIZE] ...   (every action input as --NAME)
  fusefs-gate stacks FILE      parse kernel stacks from a saved log or procstat -kk output; print JSON
exit status: 0 pass, 1 fail, 2 hang, 3 panic, 64 bad usage or input, 125 undecided (git bisect run skips), 130/143 cancelled`;
const FLAG_ALIASES = { out: Input.OutputDir };
async function main(argv) {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? EXIT.usage : EXIT.pass;
    }
    if (command === 'stacks')
        return stacksCommand(rest);
    if (command !== 'run')
        return usageError(`unknown command ${JSON.stringify(command)}`);
    const options = { quiet: { type: 'boolean' } };
    for (const input of Object.values(Input))
        options[input] = { type: 'string' };
    for (const alias of Object.keys(FLAG_ALIASES))
        options[alias] = { type: 'string' };
    let values;
    try {
        ({ values } = (0,external_node_util_.parseArgs)({ args: rest, options, strict: true, allowPositionals: false }));
    }
    catch (error) {
        return usageError(error.message);
    }
    const raw = {};
    for (const [flag, value] of Object.entries(values)) {
        if (typeof value !== 'string')
            continue;
        raw[FLAG_ALIASES[flag] ?? flag] = value;
    }
    if (raw[Input.Guest] === undefined)
        raw[Input.Guest] = 'freebsd';
    let config;
    try {
        config = parseConfig(raw, { cwd: process.cwd(), env: process.env, spell: (input) => `--${input}` });
    }
    catch (error) {
        if (error instanceof errors/* BadInputError */.Y)
            return usageError(error.message, false);
        throw error;
    }
    const quiet = values.quiet === true;
    const signals = installSignalHandlers();
    try {
        const report = await runGate(config, {
            note: (message) => process.stderr.write(`${message}\n`),
            warn: (message) => process.stderr.write(`warning: ${message}\n`),
            consoleLine: (line) => {
                if (!quiet)
                    process.stderr.write(`  | ${line}\n`);
            },
            group: async (name, work) => {
                if (!quiet)
                    process.stderr.write(`== ${name}\n`);
                return work();
            },
            signal: signals.signal,
        });
        process.stdout.write(`verdict: ${report.verdict} (exit ${report.exitCode}): ${report.reason}\n`);
        if (report.signature)
            process.stdout.write(`signature: ${report.signature}${report.knownBug ? ` [${report.knownBug.title}]` : ''}\n`);
        process.stdout.write(`report: ${report.files.report}\n`);
        return report.exitCode;
    }
    finally {
        signals.dispose();
    }
}
function stacksCommand(args) {
    if (args.length !== 1)
        return usageError('stacks takes exactly one FILE');
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(args[0], 'latin1');
    }
    catch (error) {
        return usageError(`cannot read ${JSON.stringify(args[0])}: ${error.code ?? error}`);
    }
    process.stdout.write(`${JSON.stringify(analyzeStacks(text), null, 2)}\n`);
    return EXIT.pass;
}
function usageError(message, showUsage = true) {
    process.stderr.write(`fusefs-gate: ${message}\n${showUsage ? USAGE + '\n' : ''}`);
    return EXIT.usage;
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`fusefs-gate: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = EXIT.error;
});

var __webpack_exports__main = __webpack_exports__.i;
export { __webpack_exports__main as main };
