export const id = 562;
export const ids = [562];
export const modules = {

/***/ 18562:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planFreebsdGuest: () => (/* binding */ planFreebsdGuest)
});

// UNUSED EXPORTS: freebsdPayload

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./.build/src/guest/freebsd.js + 3 modules
var freebsd = __webpack_require__(11368);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./.build/src/image/cache.js
// Where verified images are kept between runs: the runner's tool cache (every run, every machine)
// and, on GitHub only, the Actions cache (across jobs). Both are behind small interfaces so the
// image code is tested without a runner.



/** An image could not be had or failed its check: verdict `error` (the gate's fault, never the tree's). */
class ImageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ImageError';
    }
}
/** The Actions cache key of an image: `fusefs-gate-image-<fileName>-<sha512 prefix>`. */
function actionsCacheKey(key) {
    return `fusefs-gate-image-${key.fileName}-${key.sha512.slice(0, 16)}`;
}
/**
 * Tool-cache coordinates. @actions/tool-cache wants a semver version (find() resolves a
 * non-semver spec through semver ranges), so the checksum goes into a prerelease tag; the `h`
 * keeps an all-digit prefix from being a numeric identifier with a leading zero.
 */
function toolCacheCoordinates(key) {
    const tool = `fusefs-gate-${key.fileName.replace(/\.xz$/, '').replace(/[^A-Za-z0-9._-]/g, '_')}`;
    return { tool, version: `0.0.0-h${key.sha512.slice(0, 16).toLowerCase()}` };
}
/**
 * The runner tool cache (@actions/tool-cache cacheFile/find). Outside Actions (the CLI) it lives
 * under `cacheDir`: tool-cache reads RUNNER_TOOL_CACHE / RUNNER_TEMP, so they are set when absent.
 */
async function toolCacheStore(cacheDir, arch = 'x64') {
    process.env['RUNNER_TOOL_CACHE'] ||= external_node_path_.join(cacheDir, 'tool-cache');
    process.env['RUNNER_TEMP'] ||= external_node_path_.join(cacheDir, 'tmp');
    external_node_fs_.mkdirSync(process.env['RUNNER_TOOL_CACHE'], { recursive: true });
    external_node_fs_.mkdirSync(process.env['RUNNER_TEMP'], { recursive: true });
    const tc = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 59805));
    return {
        find(key, targetName) {
            const { tool, version } = toolCacheCoordinates(key);
            const dir = tc.find(tool, version, arch);
            if (!dir)
                return undefined;
            const file = external_node_path_.join(dir, targetName);
            return external_node_fs_.existsSync(file) ? file : undefined;
        },
        async put(file, key, targetName) {
            const { tool, version } = toolCacheCoordinates(key);
            const dir = await tc.cacheFile(file, targetName, tool, version, arch);
            return external_node_path_.join(dir, targetName);
        },
    };
}
/** A plain folder store (tests, and runs that want no tool-cache semantics). */
function folderStore(root) {
    const dirOf = (key) => {
        const { tool, version } = toolCacheCoordinates(key);
        return path.join(root, tool, version);
    };
    return {
        find(key, targetName) {
            const file = path.join(dirOf(key), targetName);
            return fs.existsSync(file) && fs.existsSync(`${dirOf(key)}.complete`) ? file : undefined;
        },
        async put(file, key, targetName) {
            const dir = dirOf(key);
            await fs.promises.mkdir(dir, { recursive: true });
            const dest = path.join(dir, targetName);
            await fs.promises.copyFile(file, dest);
            await fs.promises.writeFile(`${dir}.complete`, '');
            return dest;
        },
    };
}
/** True when the job runs on GitHub with the cache service reachable (env set by the runner). */
function onGitHubWithCache(env = process.env) {
    return Boolean(env['ACTIONS_CACHE_URL'] || env['ACTIONS_RESULTS_URL']);
}
/** The Actions cache through @actions/cache, or undefined when not on GitHub. Failures only warn. */
async function githubActionsCache(warn, env = process.env) {
    if (!onGitHubWithCache(env))
        return undefined;
    const cache = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
    return {
        async restore(paths, key) {
            try {
                return (await cache.restoreCache(paths, key)) === key;
            }
            catch (e) {
                warn(`Actions cache restore of ${key} failed, downloading instead: ${e.message}`);
                return false;
            }
        },
        async save(paths, key) {
            try {
                await cache.saveCache(paths, key);
            }
            catch (e) {
                warn(`Actions cache save of ${key} failed (the run goes on): ${e.message}`);
            }
        },
    };
}
/** A scratch folder for downloads and decompression. */
function scratchDir(cacheDir) {
    const dir = external_node_path_.join(cacheDir || external_node_os_.tmpdir(), 'scratch');
    external_node_fs_.mkdirSync(dir, { recursive: true });
    return dir;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./.build/src/config/errors.js
var errors = __webpack_require__(15259);
// EXTERNAL MODULE: ./.build/src/image/freebsd-resolve.js
var freebsd_resolve = __webpack_require__(1983);
;// CONCATENATED MODULE: ./.build/src/image/freebsd-image.js
// FreeBSD image: resolve -> download -> SHA-512 check (before any use) -> xz -dc -> cache -> overlay.
// Every failure here is an ImageError (verdict `error`): the image is the gate's business, never the tree's.








/** The production downloader: @actions/tool-cache downloadTool (retries, redirects). */
async function toolCacheDownloader() {
    const tc = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 59805));
    return { download: (url, dest) => tc.downloadTool(url, dest) };
}
/** `xz -dc SRC > DEST`, spawned with an argument array (no shell). */
const xzDecompress = (src, dest) => new Promise((resolve, reject) => {
    const out = external_node_fs_.createWriteStream(dest);
    const child = (0,external_node_child_process_.spawn)('xz', ['-dc', '--', src], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d.toString()));
    child.stdout.pipe(out);
    child.on('error', (e) => reject(new ImageError(`cannot run xz to decompress ${src}: ${e.message}`)));
    child.on('close', (code) => {
        out.close(() => {
            if (code === 0)
                resolve();
            else
                reject(new ImageError(`xz -dc ${src} failed (exit ${code}): ${stderr.trim()}`));
        });
    });
});
const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
// qcow2 header magic 'QFI\xfb' (QEMU docs/interop/qcow2.txt).
const QCOW2_MAGIC = Buffer.from([0x51, 0x46, 0x49, 0xfb]);
async function head(file, n) {
    const fh = await external_node_fs_.promises.open(file, 'r');
    try {
        const buf = Buffer.alloc(n);
        const { bytesRead } = await fh.read(buf, 0, n, 0);
        return buf.subarray(0, bytesRead);
    }
    finally {
        await fh.close();
    }
}
/** raw or qcow2, by the qcow2 magic bytes; never by the file name. */
async function detectFormat(file) {
    const h = await head(file, 4);
    return h.equals(QCOW2_MAGIC) ? 'qcow2' : 'raw';
}
async function isXz(file) {
    return (await head(file, 6)).equals(XZ_MAGIC);
}
async function sha512File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha512');
    await new Promise((resolve, reject) => {
        external_node_fs_.createReadStream(file)
            .on('data', (d) => hash.update(d))
            .on('end', () => resolve())
            .on('error', reject);
    });
    return hash.digest('hex');
}
const SHA512_RE = /^[0-9a-f]{128}$/;
function normalizeSha(input, name = 'image-sha512') {
    if (input === undefined || input.trim() === '')
        return undefined;
    const s = input.trim().toLowerCase();
    if (!SHA512_RE.test(s))
        throw new errors/* BadInputError */.Y(name, 'expected 128 hexadecimal digits (a SHA-512)');
    return s;
}
function isUrl(s) {
    return /^(https?|ftp):\/\//i.test(s);
}
async function downloadOrFail(deps, url, dest, what) {
    try {
        return await deps.download.download(url, dest);
    }
    catch (e) {
        throw new ImageError(`could not download ${what} from ${url}: ${e.message}`);
    }
}
/**
 * Get the verified, decompressed image for a run. The second run with the same key neither
 * downloads nor decompresses: the tool cache answers before anything is fetched.
 */
async function obtainFreeBSDImage(req, deps) {
    const log = deps.log ?? (() => { });
    const scratch = scratchDir(req.cacheDir);
    const wantedSha = normalizeSha(req.imageSha512);
    let source;
    let fileName;
    let why;
    let expected;
    let checksumUrl;
    if (req.image) {
        source = req.image;
        fileName = external_node_path_.basename(isUrl(source) ? new URL(source).pathname : source) || 'image';
        why = `the image input: ${source}`;
        expected = wantedSha;
        if (!isUrl(source) && !external_node_fs_.existsSync(source)) {
            throw new errors/* BadInputError */.Y('image', `${source} does not exist`);
        }
    }
    else {
        const res = (0,freebsd_resolve/* resolveVersionInput */.Bv)(req.version, req.newversText, req.base ? { base: req.base } : {});
        checksumUrl = res.checksumUrl;
        const sumsPath = await downloadOrFail(deps, res.checksumUrl, external_node_path_.join(scratch, `CHECKSUM.SHA512-${res.version.name}-${process.pid}`), 'the checksum file');
        const sums = await external_node_fs_.promises.readFile(sumsPath, 'utf8');
        const picked = (0,freebsd_resolve/* pickFromChecksums */.YX)(res, sums);
        if (!picked?.sha512) {
            throw new ImageError(`${res.checksumUrl} lists no ${res.osRelease}-BASIC-CI raw image; is ${res.version.name} published?`);
        }
        if (wantedSha && wantedSha !== picked.sha512) {
            throw new ImageError(`image-sha512 ${wantedSha} does not match the SHA-512 ${picked.sha512} that ${res.checksumUrl} lists for ${picked.fileName}`);
        }
        source = picked.url;
        fileName = picked.fileName;
        why = picked.why;
        expected = picked.sha512;
    }
    const targetName = fileName.replace(/\.xz$/, '');
    // 1. The tool cache, keyed by file name + expected checksum: no download, no decompression.
    if (expected) {
        const key = { fileName, sha512: expected };
        const hit = deps.store.find(key, targetName);
        if (hit) {
            log(`image ${fileName} found in the tool cache (sha512 ${expected.slice(0, 16)}...)`);
            return { path: hit, format: await detectFormat(hit), sha512: expected, source, fileName, why, from: 'tool-cache', ...(checksumUrl ? { checksumUrl } : {}) };
        }
    }
    // 2. Get the bytes: a local file, the Actions cache, or a download.
    let file;
    let from;
    if (!isUrl(source)) {
        file = source;
        from = 'local';
    }
    else {
        file = external_node_path_.join(scratch, `${fileName}.${process.pid}.download`);
        from = 'download';
        if (expected && deps.remote) {
            const ak = actionsCacheKey({ fileName, sha512: expected });
            const cached = external_node_path_.join(scratch, fileName);
            if ((await deps.remote.restore([cached], ak)) && external_node_fs_.existsSync(cached)) {
                file = cached;
                from = 'actions-cache';
                log(`image ${fileName} restored from the Actions cache (${ak})`);
            }
        }
        if (from === 'download') {
            log(`downloading ${source}`);
            file = await downloadOrFail(deps, source, file, 'the image');
        }
    }
    // 3. Verify BEFORE use.
    const actual = await sha512File(file);
    if (expected && actual !== expected) {
        throw new ImageError(`SHA-512 mismatch for ${fileName} (${source}): expected ${expected}${checksumUrl ? ` (from ${checksumUrl})` : ' (image-sha512)'}, got ${actual}`);
    }
    const sha512 = expected ?? actual;
    if (!expected)
        log(`image ${fileName} has no expected SHA-512 (no image-sha512 input): recorded ${actual}, not verified`);
    if (from === 'download' && deps.remote) {
        const ak = actionsCacheKey({ fileName, sha512 });
        const keep = external_node_path_.join(scratch, fileName);
        await external_node_fs_.promises.rename(file, keep);
        file = keep;
        await deps.remote.save([keep], ak);
    }
    // 4. Decompress (xz magic, not the name), then keep it in the tool cache.
    let raw = file;
    if (await isXz(file)) {
        raw = external_node_path_.join(scratch, `${targetName}.${process.pid}.tmp`);
        log(`decompressing ${fileName}`);
        await (deps.decompress ?? xzDecompress)(file, raw);
    }
    const stored = await deps.store.put(raw, { fileName, sha512 }, targetName);
    if (raw !== file)
        await external_node_fs_.promises.rm(raw, { force: true });
    if (from === 'download' && !deps.remote)
        await external_node_fs_.promises.rm(file, { force: true });
    return { path: stored, format: await detectFormat(stored), sha512, source, fileName, why, from, ...(checksumUrl ? { checksumUrl } : {}) };
}

// EXTERNAL MODULE: ./.build/src/vm/process.js
var vm_process = __webpack_require__(79620);
;// CONCATENATED MODULE: ./.build/src/vm/overlay.js
// A copy-on-write overlay over a cached base image, so every boot (and every retry) starts from
// the pristine image and the cache is never written. qemu-img(1): "create [-f FMT] [-b
// BACKING_FILE [-F BACKING_FMT]] FILENAME [SIZE]". -F is required: -b without -F was deprecated in
// 5.0 and removed by QEMU commit 497a30dbb ("qemu-img: Require -F with -b backing image",
// docs/about/removed-features); 7.2 here answers "Backing file specified without backing format"
// (measured). A relative backing path
// would be resolved relative to the overlay's folder, so the base is made absolute here.


class OverlayError extends Error {
    stderr;
    constructor(message, stderr) {
        super(message);
        this.stderr = stderr;
        this.name = 'OverlayError';
    }
}
/** `qemu-img info --output=json`: the virtual size of an image. */
async function virtualSize(file, format, options = {}) {
    const qemuImg = options.qemuImg ?? 'qemu-img';
    const result = await (0,vm_process/* runBounded */.Bb)(qemuImg, ['info', '--output=json', '-f', format, file], { timeoutMs: options.timeoutMs ?? 60_000 });
    if (result.spawnError)
        throw new OverlayError(`could not run ${qemuImg}: ${result.spawnError.message}`, '');
    if (result.timedOut || result.code !== 0)
        throw new OverlayError(`${qemuImg} info ${file} failed: ${result.stderr.trim() || `exit ${result.code ?? result.signal}`}`, result.stderr);
    return Number(JSON.parse(result.stdout)['virtual-size']);
}
/**
 * Creates a qcow2 overlay at `overlayPath` backed by `base`. With sizeGiB the overlay (the disk the
 * guest sees) is that large, which lets the guest grow its file system (BASIC-CI images run growfs,
 * release/tools/basic-ci.conf); a size below the image's is not applied (a smaller disk would cut
 * the file system off), and the note says so.
 */
async function createOverlay(base, format, overlayPath, sizeGiB, options = {}) {
    if (sizeGiB !== undefined && !(sizeGiB > 0)) {
        throw new OverlayError(`overlay size must be a positive number of GiB, got ${sizeGiB}`, '');
    }
    const qemuImg = options.qemuImg ?? 'qemu-img';
    const timeoutMs = options.timeoutMs ?? 60_000;
    const args = ['create', '-q', '-f', 'qcow2', '-b', external_node_path_.resolve(base), '-F', format, overlayPath];
    let note;
    if (sizeGiB !== undefined) {
        const baseSize = await virtualSize(base, format, options);
        const wanted = Math.round(sizeGiB * 1024 ** 3);
        if (wanted > baseSize)
            args.push(String(wanted));
        else
            note = `disk-size ${sizeGiB} GiB is not larger than the image (${(baseSize / 1024 ** 3).toFixed(1)} GiB): kept the image size`;
    }
    const result = await (0,vm_process/* runBounded */.Bb)(qemuImg, args, { timeoutMs });
    if (result.spawnError)
        throw new OverlayError(`could not run ${qemuImg}: ${result.spawnError.message}`, '');
    if (result.timedOut)
        throw new OverlayError(`${qemuImg} create did not finish within ${Math.round(timeoutMs / 1000)} s (overlay ${overlayPath} over ${base})`, result.stderr);
    if (result.code !== 0) {
        throw new OverlayError(`${qemuImg} create failed for overlay ${overlayPath} over ${base}: ${result.stderr.trim() || `exit ${result.code ?? result.signal}`}`, result.stderr);
    }
    return { path: overlayPath, virtualSize: await virtualSize(overlayPath, 'qcow2', options), ...(note ? { note } : {}) };
}

// EXTERNAL MODULE: ./.build/src/package-root.js
var package_root = __webpack_require__(27956);
;// CONCATENATED MODULE: ./.build/src/gate/freebsd-plan.js
// The FreeBSD guest: the official BASIC-CI image (verified, cached), a fresh copy-on-write overlay
// per boot attempt, and a payload with the parts of the target tree the build needs.







/** What a module build and the write tests read of the tree (see src/guest/freebsd.ts FREEBSD_TREE_PATHS). */
const MODULE_BUILD_PARTS = ['sys', 'share/mk', 'tests/sys/fs/fusefs', 'tests/freebsd_test_suite', 'sbin/mount'];
async function planFreebsdGuest(config, io, paths) {
    const newvers = external_node_path_.join(config.sourceTree, 'sys', 'conf', 'newvers.sh');
    const image = await obtainFreeBSDImage({
        version: config.freebsdVersion,
        image: config.image,
        imageSha512: config.imageSha512,
        newversText: (0,external_node_fs_.existsSync)(newvers) ? (0,external_node_fs_.readFileSync)(newvers, 'utf8') : undefined,
        cacheDir: config.cacheDir,
    }, {
        download: await toolCacheDownloader(),
        store: await toolCacheStore(config.cacheDir),
        remote: await githubActionsCache(io.warn),
        log: io.note,
    });
    io.note(`fusefs-gate: image ${image.fileName} (${image.from}): ${image.why}`);
    return {
        adapter: new freebsd/* FreeBSDGuest */.kF(),
        media: async (attempt) => {
            const overlay = external_node_path_.join(paths.workDir, `overlay-${attempt}.qcow2`);
            const made = await createOverlay(image.path, image.format, overlay, config.diskSizeGiB);
            if (made.note)
                io.warn(made.note);
            return { kind: 'disk', path: overlay, format: 'qcow2' };
        },
        imageInfo: { description: image.fileName, path: image.path, url: image.source, sha512: image.sha512, why: image.why },
        payload: freebsdPayload(config),
        serialLogPath: paths.serialLogPath,
        workDir: paths.workDir,
    };
}
/**
 * The tree goes to /gate/src: all of it but .git for a kernel build (or `auto` on a full checkout,
 * which may decide on a kernel build in the guest), else the parts a module build needs.
 */
function freebsdPayload(config) {
    const tree = config.sourceTree;
    const fullCheckout = (0,external_node_fs_.existsSync)(external_node_path_.join(tree, 'Makefile.inc1'));
    const wholeTree = config.build === 'kernel' || (config.build === 'auto' && fullCheckout);
    const parts = wholeTree ? (0,external_node_fs_.readdirSync)(tree).filter((name) => name !== '.git') : MODULE_BUILD_PARTS.filter((part) => (0,external_node_fs_.existsSync)(external_node_path_.join(tree, part)));
    return [
        ...parts.map((part) => ({ hostPath: external_node_path_.join(tree, part), guestPath: `src/${part}` })),
        { hostPath: external_node_path_.join((0,package_root/* packageRoot */.Z)(), 'guest'), guestPath: 'guest' },
        ...(config.fuseServerSource ? [{ hostPath: config.fuseServerSource, guestPath: 'fuse-server' }] : []),
    ];
}


/***/ })

};
