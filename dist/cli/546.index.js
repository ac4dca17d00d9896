export const id = 546;
export const ids = [546];
export const modules = {

/***/ 1546:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ moduleBuildDir),
  planLinuxTreeGuest: () => (/* binding */ planLinuxTreeGuest)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/guest/common.js
var common = __webpack_require__(5943);
// EXTERNAL MODULE: ./.build/src/guest/linux.js
var linux = __webpack_require__(8938);
;// CONCATENATED MODULE: ./.build/src/guest/linux-tree.js


/** Where the payload puts the built module (under /gate). */
const TREE_MODULE_PAYLOAD_PATH = 'target/fuse.ko';
const MODULE_IN_GUEST = `${common/* GATE_DIR */.Wd}/${TREE_MODULE_PAYLOAD_PATH}`;
/** kernel/module/sysfs.c: the notes of a loaded module, one binary file per ELF note section. */
const BUILD_ID_NOTE = '/sys/module/fuse/notes/.note.gnu.build-id';
class LinuxTreeGuest extends linux/* LinuxGuest */.l {
    build;
    why;
    constructor(image, build, why) {
        super(image);
        this.build = build;
        this.why = why;
    }
    async buildTarget(shell, _config) {
        const b = this.build;
        const built = `fs/fuse built on the host in ${(b.durationMs / 1000).toFixed(1)} s (${b.changed.length} file(s) changed since the last build)`;
        if (!b.ok)
            return {
                mode: 'module',
                why: this.why,
                ok: false,
                tail: b.tail,
                blame: b.blame ?? 'gate',
                compilerErrors: b.compilerErrors,
            };
        // A FUSE driver already there (never expected) would make the proof meaningless: say so.
        const load = await shell.run(`if [ -e /sys/module/fuse ]; then echo 'a fuse module is already loaded'; exit 1; fi; insmod ${MODULE_IN_GUEST} && cat /sys/module/fuse/initstate`, {
            timeoutMs: 60_000,
            purpose: 'loading the built fuse.ko',
        });
        if (load.exitStatus !== 0) {
            const dmesg = await shell
                .run('dmesg | tail -n 15', { timeoutMs: 10_000 })
                .catch(() => ({ output: '' }));
            return {
                mode: 'module',
                why: this.why,
                ok: false,
                blame: 'gate',
                tail: `insmod ${MODULE_IN_GUEST} failed (exit ${load.exitStatus}): ${load.output.trim()}\n${dmesg.output.trim()}`,
            };
        }
        return { mode: 'module', why: `${this.why}; ${built}`, ok: true, artifact: MODULE_IN_GUEST };
    }
    async proveTarget(shell, config, target) {
        const base = await super.proveTarget(shell, config, target);
        const details = [...base.details];
        let ok = base.ok;
        // od prints the note's bytes (header, "GNU", descriptor); the descriptor is the build id.
        const answer = await shell.run(`od -An -tx1 -v ${BUILD_ID_NOTE} | tr -d ' \\n'; echo; sha256sum ${MODULE_IN_GUEST}; cat /sys/module/fuse/taint`, { timeoutMs: 30_000 });
        const [noteHex = '', hashLine = '', taint = ''] = answer.output
            .trim()
            .split('\n')
            .map((line) => line.trim());
        const loadedHash = hashLine.split(/\s+/)[0] ?? '';
        if (this.build.buildId && noteHex.endsWith(this.build.buildId))
            details.push(`loaded fuse module has build id ${this.build.buildId}, the build's`);
        else {
            ok = false;
            details.push(`loaded fuse module's build id note is ${noteHex || 'missing'}, the build's is ${this.build.buildId ?? 'unknown'}`);
        }
        if (loadedHash === this.build.sha256)
            details.push(`loaded fuse.ko sha256 ${loadedHash.slice(0, 16)}... as built (vermagic ${this.build.vermagic ?? '?'}; taint ${taint || 'none'})`);
        else {
            ok = false;
            details.push(`fuse.ko in the guest has sha256 ${loadedHash || 'nothing'}, the build's is ${this.build.sha256}`);
        }
        return { ok, details };
    }
}
//# sourceMappingURL=linux-tree.js.map
// EXTERNAL MODULE: ./.build/src/image/linux-guest.js
var linux_guest = __webpack_require__(6914);
// EXTERNAL MODULE: ./.build/src/linux-tree/module-build.js + 1 modules
var module_build = __webpack_require__(5426);
;// CONCATENATED MODULE: ./.build/src/gate/linux-tree-plan.js
// guest linux with a Linux FUSE tree: the generic guest kernel (CONFIG_FUSE_FS=m) and its headers,
// the tree's fs/fuse built on the host against them, and the built module in the payload.






/** The build folder kept for one tree and one guest kernel, so rebuilds are incremental. */
function moduleBuildDir(cacheDir, tree, kernelRelease) {
    const key = (0,external_node_crypto_.createHash)('sha256')
        .update(`${(0,external_node_fs_.realpathSync)(tree)}\n${kernelRelease}`)
        .digest('hex')
        .slice(0, 16);
    return external_node_path_.join(cacheDir, 'linux-fuse-build', key);
}
async function planLinuxTreeGuest(config, io, paths) {
    const tree = config.linuxFuseTree;
    const image = await (0,linux_guest/* ensureLinuxGuest */.Lr)(config.cacheDir, config.buildTimeoutSec * 1000, (line) => io.consoleLine(line), 'generic');
    if (!image.moduleBuildDir)
        throw new linux_guest/* GuestBuildError */.P1(`the generic Linux guest in ${image.dir} names no kernel headers for module builds`, '');
    const why = `build ${config.build}: the guest kernel ${image.kernelRelease} has CONFIG_FUSE_FS=m and the tree has fs/fuse, so its fuse.ko replaces the packaged driver`;
    // Built before the boot: the module travels on the payload disk. A compile error still boots the
    // guest, so the verdict comes from the same place as every other build outcome.
    const build = await io.group('Build fs/fuse on the host', () => (0,module_build/* buildFuseModule */.kc)({
        tree,
        kernelBuildDir: image.moduleBuildDir,
        buildDir: moduleBuildDir(config.cacheDir, tree, image.kernelRelease),
        timeoutMs: config.buildTimeoutSec * 1000,
    }));
    io.note(`fusefs-gate: fs/fuse build ${build.ok ? 'ok' : 'failed'} in ${(build.durationMs / 1000).toFixed(1)} s${build.ok ? `, build id ${build.buildId}` : ''}`);
    if (!build.ok)
        for (const line of build.tail.split('\n'))
            io.consoleLine(line);
    const payload = [{ hostPath: paths.configFile, guestPath: 'gate-config.json' }];
    if (build.module)
        payload.push({ hostPath: build.module, guestPath: TREE_MODULE_PAYLOAD_PATH });
    if (config.fuseServerSource)
        payload.push({ hostPath: config.fuseServerSource, guestPath: 'fuse-server' });
    (0,external_node_fs_.writeFileSync)(external_node_path_.join(paths.workDir, 'module-build.json'), JSON.stringify({ tree, ...build }, null, 2));
    return {
        adapter: new LinuxTreeGuest(image, build, why),
        media: async () => ({ kind: 'kernel', kernel: image.kernel, initrd: image.initrd, append: image.append }),
        imageInfo: {
            description: `Linux test guest (generic), kernel ${image.kernelRelease}`,
            path: image.dir,
            why: 'guest linux with a source tree: the generic kernel, whose FUSE driver is a module',
        },
        tcgThread: 'single',
        payload,
        serialLogPath: paths.serialLogPath,
        workDir: paths.workDir,
    };
}
//# sourceMappingURL=linux-tree-plan.js.map

/***/ })

};

//# sourceMappingURL=546.index.js.map