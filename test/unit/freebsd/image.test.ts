import { createOverlay } from '../../../src/vm/overlay.js';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  folderStore,
  toolCacheStore,
  actionsCacheKey,
  toolCacheCoordinates,
  type RemoteCache,
} from '../../../src/image/cache.js';
import {
  ImageError,
  detectFormat,
  obtainFreeBSDImage,
  xzDecompress,
  type Decompressor,
  type Downloader,
} from '../../../src/image/freebsd-image.js';

const BASE = 'https://download.example.test/';
const FOLDER = `${BASE}releases/CI-IMAGES/14.3-RELEASE/amd64/Latest/`;
const NAME = 'FreeBSD-14.3-RELEASE-amd64-BASIC-CI.raw.xz';

const ARCHIVE = 'http://archive.example.test/old-releases/';

/** An HTTP 404 as @actions/tool-cache downloadTool reports it (HTTPError with httpStatusCode). */
class FakeHttpError extends Error {
  constructor(readonly httpStatusCode: number) {
    super(`Unexpected HTTP response: ${httpStatusCode}`);
  }
}

/** A fake download: serves local files for URLs, counts calls, fails for unknown URLs (404 for `gone`). */
function fakeDownloadFrom(files: Record<string, string>, gone: string[] = []) {
  const calls: string[] = [];
  const downloader: Downloader = {
    async download(url, dest) {
      calls.push(url);
      if (gone.includes(url)) throw new FakeHttpError(404);
      const src = files[url];
      if (!src) throw new Error(`getaddrinfo ENOTFOUND ${new URL(url).host}`);
      copyFileSync(src, dest);
      return dest;
    },
  };
  return { downloader, calls };
}

function countingDecompress() {
  let count = 0;
  const decompress: Decompressor = async (src, dest) => {
    count++;
    await xzDecompress(src, dest);
  };
  return { decompress, count: () => count };
}

let dir: string;
let rawImage: string;
let xzImage: string;
let sha: string;
const savedEnv = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fg-image-'));
  rawImage = path.join(dir, 'disk.raw');
  // A small "disk": 1 MiB with a recognisable first sector.
  const buf = Buffer.alloc(1024 * 1024);
  buf.write('FreeBSD BASIC-CI test disk', 0);
  writeFileSync(rawImage, buf);
  execFileSync('xz', ['-k', '-0', rawImage]);
  xzImage = `${rawImage}.xz`;
  sha = createHash('sha512').update(readFileSync(xzImage)).digest('hex');
  writeFileSync(path.join(dir, 'CHECKSUM.SHA512'), `SHA512 (${NAME}) = ${sha}\n`);
  process.env.RUNNER_TOOL_CACHE = path.join(dir, 'tool-cache');
  process.env.RUNNER_TEMP = path.join(dir, 'runner-temp');
});

afterEach(() => {
  process.env = { ...savedEnv };
});

describe('obtainFreeBSDImage', () => {
  it('downloads, verifies and decompresses once; the second run neither downloads the image nor decompresses', async () => {
    const { downloader, calls } = fakeDownloadFrom({
      [`${FOLDER}CHECKSUM.SHA512`]: path.join(dir, 'CHECKSUM.SHA512'),
      [`${FOLDER}${NAME}`]: xzImage,
    });
    const dec = countingDecompress();
    const store = await toolCacheStore(path.join(dir, 'cache'));
    const req = { version: '14.3-RELEASE', cacheDir: path.join(dir, 'cache'), base: BASE };

    const first = await obtainFreeBSDImage(req, { download: downloader, store, decompress: dec.decompress });
    expect(first.from).toBe('download');
    expect(first.fileName).toBe(NAME);
    expect(first.sha512).toBe(sha);
    expect(first.format).toBe('raw');
    expect(readFileSync(first.path).equals(readFileSync(rawImage))).toBe(true);
    expect(first.path.startsWith(process.env.RUNNER_TOOL_CACHE!)).toBe(true);
    expect(dec.count()).toBe(1);

    const second = await obtainFreeBSDImage(req, {
      download: downloader,
      store: await toolCacheStore(path.join(dir, 'cache')),
      decompress: dec.decompress,
    });
    expect(second.from).toBe('tool-cache');
    expect(second.path).toBe(first.path);
    expect(dec.count()).toBe(1);
    // The checksum file is read on every run (it names the image); the image itself was fetched once.
    expect(calls.filter((u) => u.endsWith(NAME))).toHaveLength(1);
    expect(calls.filter((u) => u.endsWith('CHECKSUM.SHA512'))).toHaveLength(2);
  });

  it('two runs at once: one waits for the other (its log says so) and takes the cached image; one download, one decompression', async () => {
    const { downloader, calls } = fakeDownloadFrom({
      [`${FOLDER}CHECKSUM.SHA512`]: path.join(dir, 'CHECKSUM.SHA512'),
      [`${FOLDER}${NAME}`]: xzImage,
    });
    const cacheDir = path.join(dir, 'cache');
    const req = { version: '14.3-RELEASE', cacheDir, base: BASE, lockWaitMs: 60_000 };
    // The decompression goes on only once the other run has said that it waits.
    let someoneWaits: () => void = () => {};
    const waiting = new Promise<void>((resolve) => (someoneWaits = resolve));
    let decompressions = 0;
    const slowDecompress: Decompressor = async (src, dest) => {
      decompressions++;
      await waiting;
      await xzDecompress(src, dest);
    };
    const logs: string[][] = [[], []];
    const run = async (n: number) =>
      obtainFreeBSDImage(req, {
        download: downloader,
        store: await toolCacheStore(cacheDir),
        decompress: slowDecompress,
        log: (line) => {
          logs[n]!.push(line);
          if (line.includes('waiting')) someoneWaits();
        },
      });
    const images = await Promise.all([run(0), run(1)]);
    expect(images.map((image) => image.from).sort()).toEqual(['download', 'tool-cache']);
    expect(images[1]!.path).toBe(images[0]!.path);
    expect(readFileSync(images[0]!.path).equals(readFileSync(rawImage))).toBe(true);
    expect(decompressions).toBe(1);
    expect(calls.filter((u) => u.endsWith(NAME))).toHaveLength(1);
    const waiter = images.findIndex((image) => image.from === 'tool-cache');
    expect(logs[waiter]!.find((l) => l.includes('waiting'))).toContain(`pid ${process.pid}`);
    expect(logs[1 - waiter]!.some((l) => l.includes('waiting'))).toBe(false);
    // Released: no lock is left behind.
    expect(readdirSync(path.join(cacheDir, 'freebsd-images'))).toEqual([]);
  });

  it('with image + image-sha512 the second run fetches nothing at all', async () => {
    const url = `${BASE}custom/my-image.raw.xz`;
    const { downloader, calls } = fakeDownloadFrom({ [url]: xzImage });
    const store = folderStore(path.join(dir, 'store'));
    const req = { version: 'auto', image: url, imageSha512: sha, cacheDir: path.join(dir, 'cache') };
    await obtainFreeBSDImage(req, { download: downloader, store });
    const again = await obtainFreeBSDImage(req, { download: downloader, store });
    expect(again.from).toBe('tool-cache');
    expect(calls).toEqual([url]);
  });

  it('a checksum mismatch is an ImageError naming both sums, and nothing is cached', async () => {
    const wrong = 'f'.repeat(128);
    writeFileSync(path.join(dir, 'CHECKSUM.SHA512'), `SHA512 (${NAME}) = ${wrong}\n`);
    const { downloader } = fakeDownloadFrom({
      [`${FOLDER}CHECKSUM.SHA512`]: path.join(dir, 'CHECKSUM.SHA512'),
      [`${FOLDER}${NAME}`]: xzImage,
    });
    const dec = countingDecompress();
    const store = folderStore(path.join(dir, 'store'));
    const err = await obtainFreeBSDImage(
      { version: '14.3-RELEASE', cacheDir: dir, base: BASE },
      { download: downloader, store, decompress: dec.decompress },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as Error).message).toContain(wrong);
    expect((err as Error).message).toContain(sha);
    expect(dec.count()).toBe(0);
    expect(store.find({ fileName: NAME, sha512: wrong }, NAME.replace(/\.xz$/, ''))).toBeUndefined();
  });

  it('an image-sha512 that disagrees with the checksum file is an ImageError before any image download', async () => {
    const { downloader, calls } = fakeDownloadFrom({
      [`${FOLDER}CHECKSUM.SHA512`]: path.join(dir, 'CHECKSUM.SHA512'),
      [`${FOLDER}${NAME}`]: xzImage,
    });
    const err = await obtainFreeBSDImage(
      { version: '14.3-RELEASE', imageSha512: 'e'.repeat(128), cacheDir: dir, base: BASE },
      { download: downloader, store: folderStore(path.join(dir, 'store')) },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as Error).message).toMatch(new RegExp(`${'e'.repeat(128)}[\\s\\S]*${sha}`));
    expect(calls.some((u) => u.endsWith(NAME))).toBe(false);
  });

  it('an unreachable URL is an ImageError saying what could not be fetched', async () => {
    const { downloader } = fakeDownloadFrom({});
    const err = await obtainFreeBSDImage(
      { version: '15.0-RELEASE', cacheDir: dir, base: BASE },
      { download: downloader, store: folderStore(path.join(dir, 'store')) },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as Error).message).toContain(
      `${BASE}releases/CI-IMAGES/15.0-RELEASE/amd64/Latest/CHECKSUM.SHA512`,
    );
    expect((err as Error).message).toContain('ENOTFOUND');
  });

  it('on GitHub, a new machine restores the verified download from the Actions cache instead of downloading', async () => {
    const saved = new Map<string, Buffer>();
    const fakeActionsCache: RemoteCache = {
      async restore(paths, key) {
        const b = saved.get(key);
        if (!b) return false;
        writeFileSync(paths[0]!, b);
        return true;
      },
      async save(paths, key) {
        saved.set(key, readFileSync(paths[0]!));
      },
    };
    const files = {
      [`${FOLDER}CHECKSUM.SHA512`]: path.join(dir, 'CHECKSUM.SHA512'),
      [`${FOLDER}${NAME}`]: xzImage,
    };
    const a = fakeDownloadFrom(files);
    await obtainFreeBSDImage(
      { version: '14.3-RELEASE', cacheDir: path.join(dir, 'm1'), base: BASE },
      { download: a.downloader, store: folderStore(path.join(dir, 's1')), remote: fakeActionsCache },
    );
    expect([...saved.keys()]).toEqual([actionsCacheKey({ fileName: NAME, sha512: sha })]);
    expect([...saved.keys()][0]).toBe(`fusefs-gate-image-${NAME}-${sha.slice(0, 16)}`);
    const b = fakeDownloadFrom(files);
    const img = await obtainFreeBSDImage(
      { version: '14.3-RELEASE', cacheDir: path.join(dir, 'm2'), base: BASE },
      { download: b.downloader, store: folderStore(path.join(dir, 's2')), remote: fakeActionsCache },
    );
    expect(img.from).toBe('actions-cache');
    expect(b.calls.some((u) => u.endsWith(NAME))).toBe(false);
  });

  it('an end-of-life release gives the warning (EoL date, archive mirror) and still runs while the image is served', async () => {
    const files = {
      [`${FOLDER}CHECKSUM.SHA512`]: path.join(dir, 'CHECKSUM.SHA512'),
      [`${FOLDER}${NAME}`]: xzImage,
    };
    const warnings: string[] = [];
    const img = await obtainFreeBSDImage(
      {
        version: '14.3-RELEASE',
        cacheDir: path.join(dir, 'c'),
        base: BASE,
        today: new Date('2026-12-01T00:00:00Z'),
      },
      {
        download: fakeDownloadFrom(files).downloader,
        store: folderStore(path.join(dir, 's')),
        warn: (w) => warnings.push(w),
      },
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/14\.3-RELEASE reached its end of life on 2026-06-30 .*archive mirror/);
    expect(img.endOfLife).toBe(warnings[0]);
    const quiet: string[] = [];
    await obtainFreeBSDImage(
      {
        version: '14.3-RELEASE',
        cacheDir: path.join(dir, 'c2'),
        base: BASE,
        today: new Date('2026-06-01T00:00:00Z'),
      },
      {
        download: fakeDownloadFrom(files).downloader,
        store: folderStore(path.join(dir, 's2')),
        warn: (w) => quiet.push(w),
      },
    );
    expect(quiet).toEqual([]);
  });

  it('a gone image (404) is an ImageError naming both places looked at: the download tree and the archive', async () => {
    const sums = `${FOLDER}CHECKSUM.SHA512`;
    const archiveSums = `${ARCHIVE}CI-IMAGES/14.3-RELEASE/amd64/Latest/CHECKSUM.SHA512`;
    const req = {
      version: '14.3-RELEASE',
      cacheDir: dir,
      base: BASE,
      archiveBase: ARCHIVE,
      today: new Date('2026-12-01T00:00:00Z'),
    };
    // Not in the archive either.
    const none = fakeDownloadFrom({}, [sums, archiveSums]);
    const err = (await obtainFreeBSDImage(req, {
      download: none.downloader,
      store: folderStore(path.join(dir, 'store')),
      warn: () => undefined,
    }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ImageError);
    expect(err.message).toContain(
      `looked at ${sums} (Unexpected HTTP response: 404) and at ${archiveSums} (Unexpected HTTP response: 404)`,
    );
    expect(err.message).toMatch(/reached its end of life on 2026-06-30/);
    expect(none.calls).toEqual([sums, archiveSums]);
    // In the archive: named, with what to do, and nothing fetched from there but its checksum file.
    const there = fakeDownloadFrom({ [archiveSums]: path.join(dir, 'CHECKSUM.SHA512') }, [sums]);
    const err2 = (await obtainFreeBSDImage(req, {
      download: there.downloader,
      store: folderStore(path.join(dir, 'store')),
      warn: () => undefined,
    }).catch((e: unknown) => e)) as Error;
    expect(err2).toBeInstanceOf(ImageError);
    expect(err2.message).toContain(`and at ${archiveSums} (found: ${NAME})`);
    expect(err2.message).toContain(
      `The archive has it at ${ARCHIVE}CI-IMAGES/14.3-RELEASE/amd64/Latest/${NAME}, over plain HTTP`,
    );
    expect(err2.message).toMatch(/pass it as `image` with `image-sha512`/);
    expect(there.calls).toEqual([sums, archiveSums]);
  });

  it('a damaged cached image is found out, said ("cache damaged, re-downloading") and replaced', async () => {
    const files = {
      [`${FOLDER}CHECKSUM.SHA512`]: path.join(dir, 'CHECKSUM.SHA512'),
      [`${FOLDER}${NAME}`]: xzImage,
    };
    const store = folderStore(path.join(dir, 'store'));
    const req = { version: '14.3-RELEASE', cacheDir: path.join(dir, 'c'), base: BASE };
    const first = await obtainFreeBSDImage(req, { download: fakeDownloadFrom(files).downloader, store });
    truncateSync(first.path, 4096); // as a full disk or a killed copy would leave it
    const warnings: string[] = [];
    const again = fakeDownloadFrom(files);
    const second = await obtainFreeBSDImage(req, {
      download: again.downloader,
      store,
      warn: (w) => warnings.push(w),
    });
    expect(warnings.join('\n')).toMatch(
      /is damaged \(its size is 4096 bytes, 1048576 when it was cached\): cache damaged, re-downloading/,
    );
    expect(second.from).toBe('download');
    expect(again.calls.filter((u) => u.endsWith(NAME))).toHaveLength(1);
    expect(readFileSync(second.path).equals(readFileSync(rawImage))).toBe(true);
    // Overwritten in place, same size: the head hash finds it.
    writeFileSync(second.path, Buffer.alloc(1024 * 1024, 1));
    const w2: string[] = [];
    await obtainFreeBSDImage(req, {
      download: fakeDownloadFrom(files).downloader,
      store,
      warn: (w) => w2.push(w),
    });
    expect(w2.join('\n')).toMatch(/first MiB changed since it was cached\): cache damaged, re-downloading/);
  });

  it('decompresses sparse, straight into the cache entry (no copy), and drops the .xz', async () => {
    // 64 MiB with data at the start, in the middle and at the end; the rest is zeros.
    const big = path.join(dir, 'big.raw');
    const buf = Buffer.alloc(64 * 1024 * 1024);
    buf.write('boot', 0);
    buf.fill(7, 32 * 1024 * 1024, 32 * 1024 * 1024 + 100_000);
    buf.write('end', buf.length - 3);
    writeFileSync(big, buf);
    execFileSync('xz', ['-k', '-0', big]);
    const bigSha = createHash('sha512')
      .update(readFileSync(`${big}.xz`))
      .digest('hex');
    const bigName = 'FreeBSD-14.4-RELEASE-amd64-BASIC-CI-ufs.raw.xz';
    const folder = `${BASE}releases/CI-IMAGES/14.4-RELEASE/amd64/Latest/`;
    writeFileSync(path.join(dir, 'SUMS'), `SHA512 (${bigName}) = ${bigSha}\n`);
    const cacheDir = path.join(dir, 'cache');
    const img = await obtainFreeBSDImage(
      { version: '14.4-RELEASE', cacheDir, base: BASE, today: new Date('2026-12-01T00:00:00Z') },
      {
        download: fakeDownloadFrom({
          [`${folder}CHECKSUM.SHA512`]: path.join(dir, 'SUMS'),
          [`${folder}${bigName}`]: `${big}.xz`,
        }).downloader,
        store: folderStore(path.join(dir, 'store')),
      },
    );
    const st = statSync(img.path);
    expect(st.size).toBe(buf.length);
    expect(st.blocks * 512).toBeLessThan(2 * 1024 * 1024); // three data blocks of 64 KiB, not 64 MiB
    expect(readFileSync(img.path).equals(buf)).toBe(true);
    expect(readdirSync(path.join(cacheDir, 'scratch'))).toEqual([]); // the .xz and the checksum file are gone
    expect(readdirSync(path.dirname(img.path)).sort()).toEqual([
      path.basename(img.path),
      `${path.basename(img.path)}.integrity.json`,
    ]);
  });

  it('without xz on PATH the decompression is an ImageError (no unhandled rejection), and the partial entry is removed', async () => {
    const files = {
      [`${FOLDER}CHECKSUM.SHA512`]: path.join(dir, 'CHECKSUM.SHA512'),
      [`${FOLDER}${NAME}`]: xzImage,
    };
    const store = folderStore(path.join(dir, 'store'));
    process.env.PATH = path.join(dir, 'no-bin');
    const err = (await obtainFreeBSDImage(
      { version: '14.3-RELEASE', cacheDir: path.join(dir, 'c'), base: BASE },
      { download: fakeDownloadFrom(files).downloader, store },
    ).catch((e: unknown) => e)) as Error;
    process.env.PATH = savedEnv.PATH;
    expect(err).toBeInstanceOf(ImageError);
    expect(err.message).toMatch(/cannot run xz to decompress .*ENOENT/);
    expect(store.find({ fileName: NAME, sha512: sha }, NAME.replace(/\.xz$/, ''))).toBeUndefined();
    expect(readdirSync(path.join(dir, 'c', 'scratch'))).toEqual([]);
  });

  it('a local uncompressed image is used where it is, not copied into the cache', async () => {
    const img = await obtainFreeBSDImage(
      { version: 'auto', image: rawImage, cacheDir: path.join(dir, 'c') },
      { download: fakeDownloadFrom({}).downloader, store: folderStore(path.join(dir, 'store')) },
    );
    expect(img.path).toBe(rawImage);
    expect(img.from).toBe('local');
    expect(existsSync(path.join(dir, 'store'))).toBe(false);
  });

  it('a local image path that does not exist is bad input naming `image`', async () => {
    const err = await obtainFreeBSDImage(
      { version: 'auto', image: path.join(dir, 'nope.raw'), cacheDir: dir },
      { download: fakeDownloadFrom({}).downloader, store: folderStore(dir) },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/invalid input 'image'/);
  });

  it('tool-cache coordinates are valid semver even for an all-digit hash prefix', () => {
    expect(
      toolCacheCoordinates({ fileName: NAME, sha512: `0123456789012345${'a'.repeat(112)}` }).version,
    ).toBe('0.0.0-h0123456789012345');
  });
});

describe('formats and overlays (real qemu-img)', () => {
  it('detects qcow2 by its magic bytes, whatever the name', async () => {
    const q = path.join(dir, 'looks-raw.raw');
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', q, '16M']);
    expect(await detectFormat(q)).toBe('qcow2');
    expect(await detectFormat(rawImage)).toBe('raw');
  });

  it('creates a qcow2 overlay backed by the raw base and grows it to disk-size', async () => {
    const overlay = path.join(dir, 'overlay.qcow2');
    const o = await createOverlay(rawImage, 'raw', overlay, 1);
    expect(o.virtualSize).toBe(1024 ** 3);
    const info = JSON.parse(
      execFileSync('qemu-img', ['info', '--output=json', overlay]).toString(),
    ) as Record<string, unknown>;
    expect(info.format).toBe('qcow2');
    expect(info['backing-filename']).toBe(path.resolve(rawImage));
    expect(info['backing-filename-format']).toBe('raw');
    expect(readFileSync(rawImage).subarray(0, 26).toString()).toBe('FreeBSD BASIC-CI test disk');
  });

  it('never shrinks: a disk-size below the image size keeps the image size and says so', async () => {
    const o = await createOverlay(rawImage, 'raw', path.join(dir, 'o2.qcow2'), 0.0001);
    expect(o.virtualSize).toBe(1024 * 1024);
    expect(o.note).toMatch(/not larger/);
  });
});
