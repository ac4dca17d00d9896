export const id = 761;
export const ids = [761];
export const modules = {

/***/ 9761:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planLinuxKernelGuest: () => (/* binding */ planLinuxKernelGuest)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./.build/src/guest/linux.js
var linux = __webpack_require__(18938);
;// CONCATENATED MODULE: ./.build/src/guest/linux-kernel.js

class LinuxKernelGuest extends linux/* LinuxGuest */.lj {
    build;
    why;
    /** `image`: the guest whose initramfs boots the built kernel, with the built kernel's release. */
    constructor(image, build, why) {
        super(image);
        this.build = build;
        this.why = why;
    }
    async buildTarget(_shell, _config) {
        const b = this.build;
        if (!b.ok)
            return {
                mode: 'kernel',
                why: this.why,
                ok: false,
                tail: b.tail,
                blame: b.blame ?? 'gate',
                compilerErrors: b.compilerErrors,
                ...(b.linkErrors.length ? { linkErrors: b.linkErrors } : {}),
            };
        const how = `bzImage built on the host in ${(b.durationMs / 1000).toFixed(1)} s (${b.configured ? 'configured from guest/linux-kernel.config' : 'incremental'}${b.ccache ? ', ccache' : ''}) and booted`;
        return { mode: 'kernel', why: `${this.why}; ${how}`, ok: true, artifact: this.image.kernel };
    }
    async proveTarget(shell, config, target) {
        const base = await super.proveTarget(shell, config, target);
        const details = [...base.details];
        let ok = base.ok;
        const running = (await shell.run('cat /proc/version', { timeoutMs: 10_000 })).output.trim();
        details.push(`guest /proc/version: ${running}`);
        details.push(`build's linux_banner (vmlinux): ${this.build.banner ?? 'unknown'}`);
        if (this.build.banner && running === this.build.banner)
            details.push(`the running kernel is this build (bzImage sha256 ${this.build.sha256?.slice(0, 16)}...)`);
        else {
            ok = false;
            details.push("the running kernel's /proc/version is not the build's banner");
        }
        return { ok, details };
    }
}
//# sourceMappingURL=linux-kernel.js.map
// EXTERNAL MODULE: ./.build/src/image/linux-guest.js
var linux_guest = __webpack_require__(76914);
// EXTERNAL MODULE: ./.build/src/gate/linux-guest-for-run.js
var linux_guest_for_run = __webpack_require__(23418);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./.build/src/cache/lock.js
var lock = __webpack_require__(21659);
// EXTERNAL MODULE: ./.build/src/package-root.js
var package_root = __webpack_require__(27956);
// EXTERNAL MODULE: ./.build/src/linux-tree/host-run.js
var host_run = __webpack_require__(74079);
// EXTERNAL MODULE: ./.build/src/report/compiler-errors.js
var compiler_errors = __webpack_require__(49101);
// EXTERNAL MODULE: ./.build/src/report/link-errors.js
var link_errors = __webpack_require__(65730);
;// CONCATENATED MODULE: ./.build/src/linux-tree/kernel-build.js
// `build: kernel` on the Linux guest: a bzImage built from the user's tree with the gate's own small
// config (guest/linux-kernel.config applied to allnoconfig), out of tree in a build folder kept in
// the cache, so a one-file change recompiles one file and relinks (seconds, not minutes). ccache,
// when the host has it, turns a recompile of unchanged content (a touched header) into a cache hit.
// Every run of the same tree on this machine shares the folder: the build holds its lock
// (src/cache/lock.ts) and copies the bzImage into the run's own folder under it, so a run boots the
// kernel it built, not one another run is relinking. ccache needs no lock: it is made for
// concurrent compilers sharing one cache.









/** The config fragment the gate owns; every line of it must hold in the built .config. */
function kernelConfigFragment() {
    return external_node_path_.join((0,package_root/* packageRoot */.Z)(), 'guest', 'linux-kernel.config');
}
/** The build folder kept for one tree (by its real path), so rebuilds are incremental. */
function kernelBuildDir(cacheDir, tree) {
    const key = (0,external_node_crypto_.createHash)('sha256').update((0,external_node_fs_.realpathSync)(tree)).digest('hex').slice(0, 16);
    return external_node_path_.join(cacheDir, 'linux-kernel-build', key);
}
/** Stamp in the build folder: the fragment's hash the .config was made from. */
const FRAGMENT_STAMP = '.fusefs-gate-fragment';
async function buildKernel(options) {
    const started = Date.now();
    return (0,lock/* withBuildFolderLock */.ao)(options.buildDir, options, () => buildHoldingLock(options), (message) => ({
        ok: false,
        blame: 'gate',
        tail: message,
        compilerErrors: [],
        linkErrors: [],
        configMismatches: [],
        configured: false,
        ccache: false,
        durationMs: Date.now() - started,
    }));
}
async function buildHoldingLock(options) {
    const started = Date.now();
    const fragment = options.fragment ?? kernelConfigFragment();
    const fragmentText = (0,external_node_fs_.readFileSync)(fragment, 'utf8');
    const tree = (0,external_node_fs_.realpathSync)(options.tree);
    (0,external_node_fs_.mkdirSync)(options.buildDir, { recursive: true });
    const deadline = started + options.timeoutMs;
    const ccache = options.ccacheDir !== undefined && (await hasCcache());
    // The same CC for the config step and the build: kconfig records the compiler (CC_VERSION_TEXT)
    // and reconfigures when it changes.
    const common = ['-C', tree, `O=${options.buildDir}`, 'ARCH=x86_64', ...(ccache ? ['CC=ccache gcc'] : [])];
    const env = {
        ...process.env,
        LC_ALL: 'C',
        // Fixed, so two builds of the same tree differ in their banner only by build number and time.
        KBUILD_BUILD_USER: 'fusefs-gate',
        KBUILD_BUILD_HOST: 'host',
        ...(ccache ? { CCACHE_DIR: options.ccacheDir, CCACHE_MAXSIZE: '2G' } : {}),
    };
    let configured = false;
    const done = (result) => ({
        configMismatches: [],
        linkErrors: [],
        ...result,
        configured,
        ccache,
        durationMs: Date.now() - started,
    });
    const remaining = () => Math.max(1, deadline - Date.now());
    const timeoutSec = Math.round(options.timeoutMs / 1000);
    const timeoutWords = `did not finish within ${timeoutSec} s (build-timeout)`;
    const stamp = external_node_path_.join(options.buildDir, FRAGMENT_STAMP);
    const fragmentHash = (0,external_node_crypto_.createHash)('sha256').update(fragmentText).digest('hex');
    const dotConfig = external_node_path_.join(options.buildDir, '.config');
    if (!(0,external_node_fs_.existsSync)(dotConfig) || !(0,external_node_fs_.existsSync)(stamp) || (0,external_node_fs_.readFileSync)(stamp, 'utf8').trim() !== fragmentHash) {
        configured = true;
        const config = await (0,host_run/* runInGroup */.Se)('make', [...common, `KCONFIG_ALLCONFIG=${fragment}`, 'allnoconfig'], {
            timeoutMs: remaining(),
            env,
            ...(options.signal ? { signal: options.signal } : {}),
        });
        if (config.spawnError)
            return done({
                ok: false,
                blame: 'gate',
                tail: `cannot run make: ${config.spawnError.message}`,
                compilerErrors: [],
            });
        if (config.timedOut || config.code !== 0 || !(0,external_node_fs_.existsSync)(dotConfig))
            return done({
                ok: false,
                blame: 'gate',
                tail: `make allnoconfig with ${fragment} ${config.timedOut ? timeoutWords : `failed (exit ${config.code})`}:\n${(0,host_run/* lastLines */.w$)(config.output, 30)}`,
                compilerErrors: [],
            });
        const mismatches = configMismatches(fragmentText, (0,external_node_fs_.readFileSync)(dotConfig, 'utf8'));
        if (mismatches.length)
            return done({
                ok: false,
                blame: 'gate',
                configMismatches: mismatches,
                tail: mismatchMessage(fragment, mismatches),
                compilerErrors: [],
            });
        (0,external_node_fs_.writeFileSync)(stamp, `${fragmentHash}\n`);
    }
    const make = await (0,host_run/* runInGroup */.Se)('make', [...common, `-j${Math.max(1, (0,external_node_os_.availableParallelism)())}`, 'bzImage'], {
        timeoutMs: remaining(),
        env,
        ...(options.signal ? { signal: options.signal } : {}),
    });
    if (options.signal?.aborted)
        return done({ ok: false, blame: 'gate', tail: 'the kernel build was cancelled', compilerErrors: [] });
    const tail = (0,host_run/* lastLines */.w$)(make.output, 40);
    const unfinished = (0,host_run/* runDidNotFinish */.Pk)(make, 'make bzImage', `${timeoutSec} s (build-timeout)`);
    if (unfinished)
        return done({ ok: false, blame: 'gate', tail: unfinished, compilerErrors: [] });
    const bzImage = external_node_path_.join(options.buildDir, 'arch', 'x86', 'boot', 'bzImage');
    if (make.code !== 0 || !(0,external_node_fs_.existsSync)(bzImage)) {
        const compilerErrors = kernelCompilerErrors(make.output, tree);
        // The compiler or the linker rejecting the tree's code is the tree's; anything else is ours.
        // The final links (.tmp_vmlinux*, vmlinux: scripts/link-vmlinux.sh) are executable links, so
        // GNU ld reports undefined references there; vmlinux.o is `ld -r` and reports only duplicates.
        const linkErrors = (0,link_errors/* parseLinkErrors */.f)(make.output, (0,compiler_errors/* relativeTo */.M)(tree));
        if (compilerErrors.length || linkErrors.length)
            return done({
                ok: false,
                blame: 'tree',
                tail: `${(0,host_run/* treeFaultHeadline */.Rx)('make bzImage', make.code, compilerErrors, linkErrors)}:\n${tail}`,
                compilerErrors,
                linkErrors,
            });
        return done({ ok: false, blame: 'gate', tail, compilerErrors });
    }
    // A tree's Kconfig change makes make re-run syncconfig: the fragment must still hold.
    const after = configMismatches(fragmentText, (0,external_node_fs_.readFileSync)(dotConfig, 'utf8'));
    if (after.length)
        return done({
            ok: false,
            blame: 'gate',
            configMismatches: after,
            tail: mismatchMessage(fragment, after),
            compilerErrors: [],
        });
    const utsHeader = external_node_path_.join(options.buildDir, 'include', 'generated', 'utsversion.h');
    const utsVersion = (0,external_node_fs_.existsSync)(utsHeader) ? utsVersionOf((0,external_node_fs_.readFileSync)(utsHeader, 'utf8')) : undefined;
    const banner = utsVersion
        ? linuxBanner((0,external_node_fs_.readFileSync)(external_node_path_.join(options.buildDir, 'vmlinux')), utsVersion)
        : undefined;
    const releaseFile = external_node_path_.join(options.buildDir, 'include', 'config', 'kernel.release');
    const release = (0,external_node_fs_.existsSync)(releaseFile) ? (0,external_node_fs_.readFileSync)(releaseFile, 'utf8').trim() : undefined;
    if (!banner)
        return done({
            ok: false,
            blame: 'gate',
            tail: `no linux_banner ("Linux version ... ${utsVersion ?? '(no include/generated/utsversion.h)'}") in ${options.buildDir}/vmlinux`,
            compilerErrors: [],
        });
    (0,external_node_fs_.mkdirSync)(options.imageDir, { recursive: true });
    const copy = external_node_path_.join(options.imageDir, 'bzImage');
    (0,external_node_fs_.copyFileSync)(bzImage, copy);
    return done({
        ok: true,
        tail,
        compilerErrors: [],
        bzImage: copy,
        sha256: (0,external_node_crypto_.createHash)('sha256').update((0,external_node_fs_.readFileSync)(copy)).digest('hex'),
        banner,
        ...(release ? { release } : {}),
    });
}
/**
 * The fragment's lines that the resulting .config does not hold: `CONFIG_X=v` must appear as is;
 * `# CONFIG_X is not set` means X must not be set to anything (kconfig also leaves an option out
 * entirely when its dependencies are off).
 */
function configMismatches(fragment, dotConfig) {
    const have = new Map();
    for (const line of dotConfig.split('\n')) {
        const set = /^(CONFIG_\w+)=(.*)$/.exec(line);
        if (set)
            have.set(set[1], set[2]);
    }
    const problems = [];
    for (const raw of fragment.split('\n')) {
        const line = raw.trim();
        const unset = /^# (CONFIG_\w+) is not set$/.exec(line);
        if (unset) {
            const got = have.get(unset[1]);
            if (got !== undefined && got !== 'n')
                problems.push(`${unset[1]} is not set (got ${unset[1]}=${got})`);
            continue;
        }
        const set = /^(CONFIG_\w+)=(.*)$/.exec(line);
        if (!set)
            continue;
        const got = have.get(set[1]);
        if (got !== set[2])
            problems.push(`${line} (got ${got === undefined ? 'not set' : `${set[1]}=${got}`})`);
    }
    return problems;
}
function mismatchMessage(fragment, mismatches) {
    return `the tree's Kconfig does not give what ${fragment} asks for: ${mismatches.join('; ')} (the option is missing from the tree, or its dependencies are off)`;
}
/** gcc's errors, FILE relative to the tree (kbuild names sources by absolute path out of tree). */
function kernelCompilerErrors(output, tree) {
    return (0,compiler_errors/* parseCompilerErrors */.w)(output, (0,compiler_errors/* relativeTo */.M)(tree));
}
/**
 * init/version-timestamp.c (6.1): `linux_banner[] = "Linux version " UTS_RELEASE " (" LINUX_COMPILE_BY
 * "@" LINUX_COMPILE_HOST ") (" LINUX_COMPILER ") " UTS_VERSION "\n"`, the same text fs/proc/version.c
 * prints as /proc/version. vmlinux holds that string twice: init/version.o includes
 * version-timestamp.c with a temporary UTS_VERSION (`# SMP `, no build number nor time) under
 * __weak, and the final link adds version-timestamp.o with the real one
 * (include/generated/utsversion.h). With `utsVersion`, the banner that ends with it; else the last.
 * Without its newline.
 */
function linuxBanner(vmlinux, utsVersion) {
    const found = [];
    for (let at = vmlinux.indexOf('Linux version ', 0, 'latin1'); at >= 0; at = vmlinux.indexOf('Linux version ', at + 1, 'latin1')) {
        const end = vmlinux.indexOf(0, at);
        const text = vmlinux.subarray(at, end < 0 ? undefined : end).toString('latin1');
        if (text.endsWith('\n') && !text.includes('%'))
            found.push(text.slice(0, -1));
    }
    return utsVersion === undefined ? found.at(-1) : found.find((text) => text.endsWith(` ${utsVersion}`));
}
/** `#define UTS_VERSION "#3 SMP Wed Dec  2 02:38:41 UTC 2026"` of include/generated/utsversion.h. */
function utsVersionOf(header) {
    return /^#define UTS_VERSION "(.*)"$/m.exec(header)?.[1];
}
async function hasCcache() {
    const probe = await (0,host_run/* runInGroup */.Se)('ccache', ['--version'], { timeoutMs: 10_000 });
    return probe.code === 0;
}
//# sourceMappingURL=kernel-build.js.map
;// CONCATENATED MODULE: ./.build/src/gate/linux-kernel-plan.js
// guest linux, build kernel: a bzImage built on the host from the user's Linux tree with the gate's
// config fragment, booted with the generic guest's busybox initramfs (its /init loads no modules
// when the kernel has none: the virtio and FUSE drivers are built in).






async function planLinuxKernelGuest(config, io, paths) {
    const tree = config.linuxFuseTree;
    const why = config.linuxTreeBuild?.why ?? 'build: kernel';
    const image = await (0,linux_guest_for_run/* linuxGuestForRun */.N)(config, io, 'generic');
    const buildDir = kernelBuildDir(config.cacheDir, tree);
    const build = await io.group('Build the kernel on the host', () => buildKernel({
        tree,
        buildDir,
        imageDir: paths.workDir,
        timeoutMs: config.buildTimeoutSec * 1000,
        log: (message) => io.note(message),
        // The user's own ccache when they name one, as ccache itself would.
        ccacheDir: process.env.CCACHE_DIR || external_node_path_.join(config.cacheDir, 'ccache'),
        signal: io.signal,
    }));
    (0,external_node_fs_.writeFileSync)(external_node_path_.join(paths.workDir, 'kernel-build.json'), JSON.stringify({ tree, buildDir, ...build }, null, 2));
    io.note(`fusefs-gate: kernel build ${build.ok ? 'ok' : 'failed'} in ${(build.durationMs / 1000).toFixed(1)} s${build.ok ? `: ${build.banner}` : ''}`);
    // The gate's fragment not holding in the tree's Kconfig is neither the tree's code nor a verdict.
    if (build.configMismatches.length)
        throw new linux_guest/* GuestBuildError */.P1(build.tail, build.tail);
    if (!build.ok)
        for (const line of build.tail.split('\n'))
            io.consoleLine(line);
    // A compile error still boots (the packaged kernel), so the verdict comes from the same place as
    // every other build outcome. The run boots its own copy (made under the build folder's lock).
    const kernel = build.bzImage ?? image.kernel;
    const booted = build.ok ? { ...image, kernel, kernelRelease: build.release ?? image.kernelRelease } : image;
    const payload = [{ hostPath: paths.configFile, guestPath: 'gate-config.json' }];
    if (config.fuseServerSource)
        payload.push({ hostPath: config.fuseServerSource, guestPath: 'fuse-server' });
    return {
        adapter: new LinuxKernelGuest(booted, build, why),
        media: async () => ({
            kind: 'kernel',
            kernel: booted.kernel,
            initrd: image.initrd,
            append: image.append,
        }),
        imageInfo: {
            description: build.ok
                ? `Linux kernel ${build.release ?? '?'} built from ${tree}, with the generic test guest's initramfs`
                : `Linux test guest (generic), kernel ${image.kernelRelease}: the tree's kernel did not build`,
            path: build.ok ? buildDir : image.dir,
            why: 'guest linux with build kernel: a kernel built from the tree, FUSE built in',
        },
        tcgThread: 'single',
        payload,
        serialLogPath: paths.serialLogPath,
        workDir: paths.workDir,
    };
}
//# sourceMappingURL=linux-kernel-plan.js.map

/***/ })

};

//# sourceMappingURL=761.index.js.map