export const id = 171;
export const ids = [171];
export const modules = {

/***/ 40171:
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
// EXTERNAL MODULE: ./.build/src/config/freebsd-tree.js
var freebsd_tree = __webpack_require__(24294);
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
/** One entry folder with a `<folder>.complete` marker: the layout @actions/tool-cache uses. */
function folderEntries(dirOf, find) {
    return {
        find,
        async reserve(key, targetName) {
            const dir = dirOf(key);
            await external_node_fs_.promises.rm(`${dir}.complete`, { force: true });
            await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
            await external_node_fs_.promises.mkdir(dir, { recursive: true });
            const partial = external_node_path_.join(dir, `${targetName}.partial`);
            return {
                path: partial,
                async commit() {
                    const dest = external_node_path_.join(dir, targetName);
                    await external_node_fs_.promises.rename(partial, dest);
                    await external_node_fs_.promises.writeFile(`${dir}.complete`, '');
                    return dest;
                },
                async abort() {
                    await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
                },
            };
        },
        async evict(key) {
            const dir = dirOf(key);
            await external_node_fs_.promises.rm(`${dir}.complete`, { force: true });
            await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
        },
    };
}
/**
 * The runner tool cache. Found with @actions/tool-cache `find`; written in its layout
 * (`$RUNNER_TOOL_CACHE/<tool>/<version>/<arch>` plus `<that>.complete`, tool-cache.js
 * `_createToolPath`/`_completeToolPath`) but without `cacheFile`, which copies the file in: the
 * image is written in place and renamed. Outside Actions (the CLI) it lives under `cacheDir`:
 * tool-cache reads RUNNER_TOOL_CACHE / RUNNER_TEMP, so they are set when absent.
 */
async function toolCacheStore(cacheDir, arch = 'x64') {
    process.env.RUNNER_TOOL_CACHE ||= external_node_path_.join(cacheDir, 'tool-cache');
    process.env.RUNNER_TEMP ||= external_node_path_.join(cacheDir, 'tmp');
    const root = process.env.RUNNER_TOOL_CACHE;
    external_node_fs_.mkdirSync(root, { recursive: true });
    external_node_fs_.mkdirSync(process.env.RUNNER_TEMP, { recursive: true });
    const tc = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 59805));
    const dirOf = (key) => {
        const { tool, version } = toolCacheCoordinates(key);
        return external_node_path_.join(root, tool, version, arch);
    };
    return folderEntries(dirOf, (key, targetName) => {
        const { tool, version } = toolCacheCoordinates(key);
        const dir = tc.find(tool, version, arch);
        if (!dir)
            return undefined;
        const file = external_node_path_.join(dir, targetName);
        return external_node_fs_.existsSync(file) ? file : undefined;
    });
}
/** A plain folder store (tests, and runs that want no tool-cache semantics). */
function folderStore(root) {
    const dirOf = (key) => {
        const { tool, version } = toolCacheCoordinates(key);
        return path.join(root, tool, version);
    };
    return folderEntries(dirOf, (key, targetName) => {
        const file = path.join(dirOf(key), targetName);
        return fs.existsSync(file) && fs.existsSync(`${dirOf(key)}.complete`) ? file : undefined;
    });
}
/** True when the job runs on GitHub with the cache service reachable (env set by the runner). */
function onGitHubWithCache(env = process.env) {
    return Boolean(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL);
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
//# sourceMappingURL=cache.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./.build/src/cache/lock.js
var lock = __webpack_require__(21659);
// EXTERNAL MODULE: ./.build/src/config/errors.js
var errors = __webpack_require__(15259);
// EXTERNAL MODULE: ./.build/src/image/freebsd-releases.js + 1 modules
var freebsd_releases = __webpack_require__(45685);
// EXTERNAL MODULE: ./.build/src/image/freebsd-resolve.js
var freebsd_resolve = __webpack_require__(1983);
;// CONCATENATED MODULE: ./.build/src/image/image-integrity.js
// A cheap integrity record for a cached disk image: its size and SHA-256 of its first and last
// MiB, written beside it when it is cached and checked on every cache hit. A full hash of a 6 GiB
// image would cost a minute per run. The size catches a truncated file; the first MiB holds the
// partition table and boot code, and on a GPT disk the last sectors hold the backup header: what a
// partly written or overwritten file loses first.


const SPAN = 1024 * 1024;
function integrityPath(image) {
    return `${image}.integrity.json`;
}
async function spanHash(fh, position, length) {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, position);
    return (0,external_node_crypto_.createHash)('sha256').update(buf.subarray(0, bytesRead)).digest('hex');
}
async function measure(image, sourceSha512) {
    const fh = await external_node_fs_.promises.open(image, 'r');
    try {
        const { size } = await fh.stat();
        const head = Math.min(SPAN, size);
        const tail = Math.min(SPAN, size);
        return {
            size,
            headSha256: await spanHash(fh, 0, head),
            tailSha256: await spanHash(fh, size - tail, tail),
            sourceSha512,
        };
    }
    finally {
        await fh.close();
    }
}
/** Writes the record beside the image (before the cache entry is marked complete). */
async function recordIntegrity(image, recordFor, sourceSha512) {
    await external_node_fs_.promises.writeFile(integrityPath(recordFor), `${JSON.stringify(await measure(image, sourceSha512), null, 2)}\n`);
}
/** Undefined when the cached image matches its record, else what is wrong with it. */
async function checkIntegrity(image, sourceSha512) {
    let record;
    try {
        record = JSON.parse(await external_node_fs_.promises.readFile(integrityPath(image), 'utf8'));
    }
    catch {
        return `no readable integrity record ${integrityPath(image)}`;
    }
    if (record.sourceSha512 !== sourceSha512)
        return 'its integrity record belongs to another download';
    const now = await measure(image, sourceSha512);
    if (now.size !== record.size)
        return `its size is ${now.size} bytes, ${record.size} when it was cached`;
    if (now.headSha256 !== record.headSha256)
        return 'its first MiB changed since it was cached';
    if (now.tailSha256 !== record.tailSha256)
        return 'its last MiB changed since it was cached';
    return undefined;
}
//# sourceMappingURL=image-integrity.js.map
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./.build/src/image/sparse-xz.js
// `xz -dc SRC` into DEST, keeping DEST sparse: all-zero blocks are skipped (a hole), so a 6 GiB
// BASIC-CI raw image (5 GiB root file system plus swap, mostly never written: release/tools/
// basic-ci.conf, release/Makefile.vm) takes only the disk its data needs. xz is spawned with an
// argument array (no shell); its output is read in blocks and written at their offsets.


/** Hole granularity: a multiple of every common file-system block size. */
const SPARSE_BLOCK = 64 * 1024;
class DecompressError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DecompressError';
    }
}
const ZERO = Buffer.alloc(SPARSE_BLOCK);
/** Decompresses `src` (.xz) to `dest` (created or truncated), sparse. */
async function xzToSparseFile(src, dest) {
    const child = (0,external_node_child_process_.spawn)('xz', ['-dc', '--', src], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d.toString()).slice(-4000)));
    const exited = new Promise((resolve, reject) => {
        child.on('error', (e) => reject(new DecompressError(`cannot run xz to decompress ${src}: ${e.message}`)));
        child.on('close', (code) => resolve(code));
    });
    // Awaited after the output is read; a spawn failure must not count as unhandled meanwhile.
    exited.catch(() => undefined);
    const out = await external_node_fs_.promises.open(dest, 'w');
    const block = Buffer.alloc(SPARSE_BLOCK);
    let fill = 0;
    let offset = 0;
    let written = 0;
    const flush = async (length) => {
        const part = block.subarray(0, length);
        if (!(length === SPARSE_BLOCK ? part.equals(ZERO) : part.equals(ZERO.subarray(0, length)))) {
            await out.write(part, 0, length, offset);
            written += length;
        }
        offset += length;
    };
    try {
        for await (const chunk of child.stdout) {
            let at = 0;
            while (at < chunk.length) {
                const n = Math.min(SPARSE_BLOCK - fill, chunk.length - at);
                chunk.copy(block, fill, at, at + n);
                fill += n;
                at += n;
                if (fill === SPARSE_BLOCK) {
                    await flush(SPARSE_BLOCK);
                    fill = 0;
                }
            }
        }
        if (fill > 0)
            await flush(fill);
        // A trailing hole has no block to write: the length comes from truncate.
        await out.truncate(offset);
    }
    catch (error) {
        child.kill('SIGKILL');
        await exited.catch(() => undefined);
        throw error;
    }
    finally {
        await out.close();
    }
    const code = await exited;
    if (code !== 0)
        throw new DecompressError(`xz -dc ${src} failed (exit ${code}): ${stderr.trim()}`);
    return { size: offset, written };
}
//# sourceMappingURL=sparse-xz.js.map
;// CONCATENATED MODULE: ./.build/src/image/freebsd-image.js
// FreeBSD image: resolve -> download -> SHA-512 check (before any use) -> xz -dc -> cache -> overlay.
// Every failure here is an ImageError (verdict `error`): the image is the gate's business, never the tree's.












/** The production downloader: @actions/tool-cache downloadTool (retries, redirects). */
async function toolCacheDownloader() {
    const tc = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 59805));
    return { download: (url, dest) => tc.downloadTool(url, dest) };
}
/** `xz -dc SRC` into DEST, sparse (sparse-xz.ts): zero blocks become holes, nothing is copied. */
const xzDecompress = async (src, dest) => {
    try {
        await xzToSparseFile(src, dest);
    }
    catch (error) {
        throw error instanceof DecompressError ? new ImageError(error.message) : error;
    }
};
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
/**
 * The folder whose lock guards one image file name. The entries themselves live in the tool cache
 * (perhaps outside cacheDir); the lock lives in cacheDir, beside the scratch folder the downloads use.
 */
function imageLockFolder(cacheDir, fileName) {
    return external_node_path_.join(cacheDir || external_node_os_.tmpdir(), 'freebsd-images', fileName.replace(/[^A-Za-z0-9._-]/g, '_'));
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
/** rename, or a copy when the two folders are on different file systems. */
async function moveFile(from, to) {
    try {
        await external_node_fs_.promises.rename(from, to);
    }
    catch (error) {
        if (error.code !== 'EXDEV')
            throw error;
        await external_node_fs_.promises.copyFile(from, to);
        await external_node_fs_.promises.rm(from, { force: true });
    }
}
function httpStatus(error) {
    // @actions/tool-cache downloadTool rejects with an HTTPError carrying httpStatusCode.
    const code = error.httpStatusCode;
    return typeof code === 'number' ? code : undefined;
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
 * The download tree answered 404 for a release's checksum file: look in the archive (where
 * FreeBSD moves end-of-life releases) and say what both places gave. The gate does not take the
 * image from the archive itself: the archive serves plain HTTP, so the checksum file it serves
 * authenticates nothing.
 */
async function goneError(deps, res, scratch, first, eol) {
    const looked = [`${res.checksumUrl} (${first.message})`];
    let found = '';
    if (res.archiveFolderUrl) {
        const archiveSums = `${res.archiveFolderUrl}Latest/CHECKSUM.SHA512`;
        try {
            const file = await deps.download.download(archiveSums, external_node_path_.join(scratch, `CHECKSUM.SHA512-archive-${res.version.name}-${process.pid}`));
            const names = (0,freebsd_resolve/* parseChecksumFile */.j7)(await external_node_fs_.promises.readFile(file, 'utf8'))
                .map((e) => e.name)
                .filter((n) => n.includes('-BASIC-CI'));
            await external_node_fs_.promises.rm(file, { force: true });
            looked.push(`${archiveSums} (found${names.length ? `: ${names.join(', ')}` : ', but it lists no BASIC-CI image'})`);
            if (names.length) {
                found =
                    ` The archive has it at ${res.archiveFolderUrl}Latest/${names[0]}, over plain HTTP: check that file against the SHA-512 in FreeBSD's PGP-signed ` +
                        `release announcement and pass it as \`image\` with \`image-sha512\`, or pick a supported release.`;
            }
        }
        catch (e) {
            looked.push(`${archiveSums} (${e.message})`);
        }
    }
    return new ImageError(`no ${res.osRelease}-BASIC-CI image for ${res.version.name}: looked at ${looked.join(' and at ')}.${eol ? ` ${eol}.` : ''}${found}`);
}
/**
 * Get the verified, decompressed image for a run. The second run with the same key neither
 * downloads nor decompresses: the tool cache answers before anything is fetched.
 */
async function obtainFreeBSDImage(req, deps) {
    const log = deps.log ?? (() => { });
    const warn = deps.warn ?? log;
    const scratch = scratchDir(req.cacheDir);
    const wantedSha = normalizeSha(req.imageSha512);
    let source;
    let fileName;
    let why;
    let expected;
    let checksumUrl;
    let endOfLife;
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
        const options = {
            ...(req.base ? { base: req.base } : {}),
            ...(req.archiveBase ? { archiveBase: req.archiveBase } : {}),
            ...(req.today ? { today: req.today } : {}),
        };
        const res = (0,freebsd_resolve/* resolveVersionInput */.Bv)(req.version, req.newversText, options);
        if (res.version.branch === 'RELEASE') {
            endOfLife = (0,freebsd_releases/* endOfLifeWarning */.XW)(res.version.name, req.today);
            if (endOfLife)
                warn(endOfLife);
            const note = (0,freebsd_releases/* unknownReleaseNote */.Am)(res.version.name);
            if (note)
                log(note);
        }
        checksumUrl = res.checksumUrl;
        let sumsPath;
        try {
            sumsPath = await deps.download.download(res.checksumUrl, external_node_path_.join(scratch, `CHECKSUM.SHA512-${res.version.name}-${process.pid}`));
        }
        catch (e) {
            if (httpStatus(e) === 404)
                throw await goneError(deps, res, scratch, e, endOfLife);
            throw new ImageError(`could not download the checksum file from ${res.checksumUrl}: ${e.message}`);
        }
        const sums = await external_node_fs_.promises.readFile(sumsPath, 'utf8');
        await external_node_fs_.promises.rm(sumsPath, { force: true });
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
    const extra = { ...(checksumUrl ? { checksumUrl } : {}), ...(endOfLife ? { endOfLife } : {}) };
    // One run at a time per image file name, from the cache lookup to the committed entry: two runs
    // must not download into the same Actions-cache file, nor reserve (which empties the entry) an
    // entry another run is decompressing into, nor judge an entry damaged while it is being written.
    const lockOptions = {
        waitMs: req.lockWaitMs ?? 3_600_000,
        log,
        ...(req.signal ? { signal: req.signal } : {}),
    };
    return (0,lock/* withCacheLock */.Op)(imageLockFolder(req.cacheDir, fileName), lockOptions, async () => {
        // 1. The tool cache, keyed by file name + expected checksum: no download, no decompression, as
        //    long as the cached image still matches the record made when it was cached.
        if (expected) {
            const key = { fileName, sha512: expected };
            const hit = deps.store.find(key, targetName);
            if (hit) {
                const damage = await checkIntegrity(hit, expected);
                if (!damage) {
                    log(`image ${fileName} found in the tool cache (sha512 ${expected.slice(0, 16)}...)`);
                    return {
                        path: hit,
                        format: await detectFormat(hit),
                        sha512: expected,
                        source,
                        fileName,
                        why,
                        from: 'tool-cache',
                        ...extra,
                    };
                }
                warn(`cached image ${hit} is damaged (${damage}): cache damaged, re-downloading`);
                await deps.store.evict(key);
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
        const dropDownload = async () => {
            if (from !== 'local')
                await external_node_fs_.promises.rm(file, { force: true });
        };
        // 3. Verify BEFORE use.
        const actual = await sha512File(file);
        if (expected && actual !== expected) {
            await dropDownload();
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
        const xz = await isXz(file);
        // 4a. A local uncompressed image is used where it is: the overlay only reads it.
        if (from === 'local' && !xz) {
            return { path: file, format: await detectFormat(file), sha512, source, fileName, why, from, ...extra };
        }
        // 4b. Decompress (xz magic, not the name) straight into the cache entry, sparse; or move a
        //     downloaded uncompressed image there. Then the compressed download is dropped.
        const key = { fileName, sha512 };
        const entry = await deps.store.reserve(key, targetName);
        try {
            if (xz) {
                log(`decompressing ${fileName} (sparse) into the tool cache`);
                await (deps.decompress ?? xzDecompress)(file, entry.path);
            }
            else {
                await moveFile(file, entry.path);
            }
            await recordIntegrity(entry.path, external_node_path_.join(external_node_path_.dirname(entry.path), targetName), sha512);
        }
        catch (error) {
            await entry.abort();
            await dropDownload();
            throw error;
        }
        const stored = await entry.commit();
        if (xz)
            await dropDownload();
        return {
            path: stored,
            format: await detectFormat(stored),
            sha512,
            source,
            fileName,
            why,
            from,
            ...extra,
        };
    });
}
//# sourceMappingURL=freebsd-image.js.map
// EXTERNAL MODULE: ./.build/src/package-root.js
var package_root = __webpack_require__(27956);
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
    const result = await (0,vm_process/* runBounded */.Bb)(qemuImg, ['info', '--output=json', '-f', format, file], {
        timeoutMs: options.timeoutMs ?? 60_000,
    });
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
    return {
        path: overlayPath,
        virtualSize: await virtualSize(overlayPath, 'qcow2', options),
        ...(note ? { note } : {}),
    };
}
//# sourceMappingURL=overlay.js.map
// EXTERNAL MODULE: ./.build/src/guest/freebsd.js + 3 modules
var freebsd = __webpack_require__(11368);
;// CONCATENATED MODULE: ./.build/src/guest/freebsd-plan.js
// The FreeBSD guest: the official BASIC-CI image (verified, cached), a fresh copy-on-write overlay
// per boot attempt, and a payload with the parts of the target tree the build needs. Planning sits
// next to the FreeBSD adapter; the gate (gate/boot.ts) loads it on demand and shares only the plan
// types (gate/guest-plan.ts) with it, so the gate's modules do not import each other in a circle.









/** What a module build and the write tests read of the tree (see src/guest/freebsd.ts FREEBSD_TREE_PATHS). */
const MODULE_BUILD_PARTS = [
    'sys',
    'share/mk',
    'tests/sys/fs/fusefs',
    'tests/freebsd_test_suite',
    'sbin/mount',
];
async function planFreebsdGuest(config, io, paths) {
    const newvers = external_node_path_.join(config.sourceTree, 'sys', 'conf', 'newvers.sh');
    // The config refused a build that cannot work (config/parse.ts); what is left undecided before
    // boot is said here, so the log explains a later refusal by the booted kernel.
    const facts = (0,freebsd_tree/* readTreeFacts */.sx)(config.sourceTree);
    const input = (0,freebsd_resolve/* parseVersionInput */.gX)(config.freebsdVersion);
    const version = input.kind === 'version'
        ? input.version
        : input.kind === 'auto' && facts.newvers
            ? (0,freebsd_resolve/* versionFromNewvers */.TN)(facts.newvers).version
            : undefined;
    const check = (0,freebsd_tree/* checkBuildBeforeBoot */.Kt)(facts, config.build, (0,freebsd_tree/* imageKernelOf */.SX)(version, config.image));
    if (check.note)
        io.note(`fusefs-gate: ${check.note}`);
    const image = await obtainFreeBSDImage({
        version: config.freebsdVersion,
        image: config.image,
        imageSha512: config.imageSha512,
        newversText: (0,external_node_fs_.existsSync)(newvers) ? (0,external_node_fs_.readFileSync)(newvers, 'utf8') : undefined,
        cacheDir: config.cacheDir,
        lockWaitMs: config.buildTimeoutSec * 1000,
        signal: io.signal,
    }, {
        download: await toolCacheDownloader(),
        store: await toolCacheStore(config.cacheDir),
        remote: config.cacheImages ? await githubActionsCache(io.warn) : undefined,
        log: io.note,
        warn: io.warn,
    });
    io.note(`fusefs-gate: image ${image.fileName} (${image.from}): ${image.why}`);
    return {
        adapter: new freebsd/* FreeBSDGuest */.kF({ tree: facts }),
        media: async (attempt) => {
            const overlay = external_node_path_.join(paths.workDir, `overlay-${attempt}.qcow2`);
            const made = await createOverlay(image.path, image.format, overlay, config.diskSizeGiB);
            if (made.note)
                io.warn(made.note);
            return { kind: 'disk', path: overlay, format: 'qcow2' };
        },
        imageInfo: {
            description: image.fileName,
            path: image.path,
            url: image.source,
            sha512: image.sha512,
            why: image.why,
        },
        payload: freebsdPayload(config),
        serialLogPath: paths.serialLogPath,
        workDir: paths.workDir,
    };
}
/**
 * The tree goes to /gate/src: all of it but .git for a kernel build (or `auto` on a tree that can
 * build a kernel, which may decide on one in the guest), else the parts a module build needs.
 * "Can build a kernel" is what the tree holds (config/freebsd-tree.ts KERNEL_BUILD_NEEDS), not
 * Makefile.inc1 alone: a cone-mode sparse checkout has every top file.
 */
function freebsdPayload(config) {
    const tree = config.sourceTree;
    const canBuildKernel = (0,freebsd_tree/* readTreeFacts */.sx)(tree).missingForKernel.length === 0;
    const wholeTree = config.build === 'kernel' || (config.build === 'auto' && canBuildKernel);
    const parts = wholeTree
        ? (0,external_node_fs_.readdirSync)(tree).filter((name) => name !== '.git')
        : MODULE_BUILD_PARTS.filter((part) => (0,external_node_fs_.existsSync)(external_node_path_.join(tree, part)));
    return [
        ...parts.map((part) => ({ hostPath: external_node_path_.join(tree, part), guestPath: `src/${part}` })),
        { hostPath: external_node_path_.join((0,package_root/* packageRoot */.Z)(), 'guest'), guestPath: 'guest' },
        ...(config.fuseServerSource ? [{ hostPath: config.fuseServerSource, guestPath: 'fuse-server' }] : []),
    ];
}
//# sourceMappingURL=freebsd-plan.js.map

/***/ })

};

//# sourceMappingURL=171.index.js.map