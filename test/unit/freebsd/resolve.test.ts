import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/config/errors.js';
import { parseConfig } from '../../../src/config/parse.js';
import {
  defaultRelease,
  endOfLifeWarning,
  RELEASES,
  supportedReleases,
} from '../../../src/image/freebsd-releases.js';
import {
  formatVersionInput,
  osreldateMajor,
  parseVersionInput,
  parseChecksumFile,
  parseFreebsdVersion,
  parseNewvers,
  parseVersion,
  pickFromChecksums,
  resolveImage,
  resolveVersionInput,
  versionFromNewvers,
} from '../../../src/image/freebsd-resolve.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { transcript } from './fake-freebsd-shell.js';
import { makeFreebsdTree } from '../../helpers/freebsd-tree.js';

const DEC_1 = new Date('2026-12-01T12:00:00Z');

const CURRENT_NEWVERS = `#!/bin/sh -
#	-v	Print TYPE REVISION BRANCH RELEASE VERSION RELDATE variables

TYPE="FreeBSD"
REVISION="16.0"
BRANCH="CURRENT"
if [ -n "\${BRANCH_OVERRIDE}" ]; then
	BRANCH=\${BRANCH_OVERRIDE}
fi
unset RELEASE
`;

describe('parseVersion', () => {
  it.each([
    ['14.3-RELEASE', '14.3-RELEASE', 'releases'],
    ['15.0-STABLE', '15.0-STABLE', 'snapshots'],
    ['16.0-CURRENT', '16.0-CURRENT', 'snapshots'],
    ['15.0-PRERELEASE', '15.0-PRERELEASE', 'snapshots'],
    ['15.0-ALPHA3', '15.0-ALPHA3', 'snapshots'],
    ['15.0-BETA2', '15.0-BETA2', 'releases'],
    ['15.0-RC1', '15.0-RC1', 'releases'],
    ['14.3-RELEASE-p5', '14.3-RELEASE', 'releases'],
  ])('%s -> %s in %s/', (input, name, tree) => {
    const v = parseVersion(input);
    expect(v.name).toBe(name);
    expect(v.tree).toBe(tree);
  });

  it.each([
    '14.3',
    '14.3-release',
    'FreeBSD-14.3-RELEASE',
    '14-RELEASE',
    '15.0-BETA',
    '15.0-STABLE-p1',
    '14.3-RELEASE; rm -rf /',
    '',
  ])('rejects %j with a BadInputError naming freebsd-version', (input) => {
    let err: unknown;
    try {
      parseVersion(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as BadInputError).input).toBe('freebsd-version');
    expect((err as Error).message).toContain('freebsd-version');
  });
});

describe('resolveImage and the checksum file', () => {
  it('puts a release under releases/CI-IMAGES/<name>/amd64/Latest', () => {
    const r = resolveImage('14.3-RELEASE');
    expect(r.checksumUrl).toBe(
      'https://download.freebsd.org/releases/CI-IMAGES/14.3-RELEASE/amd64/Latest/CHECKSUM.SHA512',
    );
    expect(r.url).toBe(
      'https://download.freebsd.org/releases/CI-IMAGES/14.3-RELEASE/amd64/Latest/FreeBSD-14.3-RELEASE-amd64-BASIC-CI-ufs.raw.xz',
    );
  });

  it('reads the older release name (no file-system part) from the checksum file', () => {
    const r = pickFromChecksums(resolveImage('14.3-RELEASE'), transcript('CHECKSUM.SHA512-14.3-RELEASE'))!;
    expect(r.fileName).toBe('FreeBSD-14.3-RELEASE-amd64-BASIC-CI.raw.xz');
    expect(r.url).toBe(
      'https://download.freebsd.org/releases/CI-IMAGES/14.3-RELEASE/amd64/Latest/FreeBSD-14.3-RELEASE-amd64-BASIC-CI.raw.xz',
    );
    expect(r.sha512).toBe('a'.repeat(128));
  });

  it('prefers the -ufs name of current release trees', () => {
    const r = pickFromChecksums(resolveImage('15.1-RELEASE'), transcript('CHECKSUM.SHA512-15.1-RELEASE'))!;
    expect(r.fileName).toBe('FreeBSD-15.1-RELEASE-amd64-BASIC-CI-ufs.raw.xz');
  });

  it('resolves a snapshot to its dated file in its build-date folder and records it', () => {
    const r = pickFromChecksums(resolveImage('16.0-CURRENT'), transcript('CHECKSUM.SHA512-16.0-CURRENT'))!;
    expect(r.fileName).toBe('FreeBSD-16.0-CURRENT-amd64-BASIC-CI-20261112-5e0a9b8c1d2f-282431-ufs.raw.xz');
    expect(r.url).toBe(
      'https://download.freebsd.org/snapshots/CI-IMAGES/16.0-CURRENT/amd64/20261112/FreeBSD-16.0-CURRENT-amd64-BASIC-CI-20261112-5e0a9b8c1d2f-282431-ufs.raw.xz',
    );
    expect(r.why).toContain('20261112');
    expect(r.why).toContain('5e0a9b8c1d2f');
  });

  it('finds nothing for a version the checksum file does not list', () => {
    expect(
      pickFromChecksums(resolveImage('15.0-RELEASE'), transcript('CHECKSUM.SHA512-14.3-RELEASE')),
    ).toBeUndefined();
  });

  it('parses BSD and GNU checksum lines', () => {
    const bsd = parseChecksumFile(transcript('CHECKSUM.SHA512-15.1-RELEASE'));
    expect(bsd).toEqual([
      { algorithm: 'SHA512', name: 'FreeBSD-15.1-RELEASE-amd64-BASIC-CI-ufs.raw.xz', hash: 'b'.repeat(128) },
    ]);
    const gnu = parseChecksumFile(transcript('CHECKSUM.SHA512-gnu'));
    expect(gnu[0]).toMatchObject({
      algorithm: 'SHA512',
      name: 'FreeBSD-15.0-STABLE-amd64-BASIC-CI-20261105-a1b2c3d4e5f6-276002-ufs.raw.xz',
    });
    const r = pickFromChecksums(resolveImage('15.0-STABLE'), transcript('CHECKSUM.SHA512-gnu'))!;
    expect(r.url).toContain('/snapshots/CI-IMAGES/15.0-STABLE/amd64/20261105/');
  });
});

describe('auto: the tree decides', () => {
  it('reads TYPE, REVISION, BRANCH from newvers.sh', () => {
    expect(parseNewvers(CURRENT_NEWVERS)).toEqual({ type: 'FreeBSD', revision: '16.0', branch: 'CURRENT' });
  });

  it('maps a CURRENT tree to the newest snapshot of its branch', () => {
    const r = resolveVersionInput('auto', CURRENT_NEWVERS);
    expect(r.checksumUrl).toBe(
      'https://download.freebsd.org/snapshots/CI-IMAGES/16.0-CURRENT/amd64/Latest/CHECKSUM.SHA512',
    );
    expect(r.why).toContain('16.0-CURRENT');
  });

  it('maps a RELEASE-pN tree to its release image', () => {
    const { version, why } = versionFromNewvers({ type: 'FreeBSD', revision: '15.0', branch: 'RELEASE-p9' });
    expect(version.name).toBe('15.0-RELEASE');
    expect(version.tree).toBe('releases');
    expect(why).toContain('RELEASE-p9');
  });

  it('maps STABLE and PRERELEASE to snapshots, RC to the releases tree', () => {
    expect(versionFromNewvers({ type: 'FreeBSD', revision: '14.4', branch: 'STABLE' }).version.tree).toBe(
      'snapshots',
    );
    expect(versionFromNewvers({ type: 'FreeBSD', revision: '14.4', branch: 'PRERELEASE' }).version.tree).toBe(
      'snapshots',
    );
    expect(versionFromNewvers({ type: 'FreeBSD', revision: '15.1', branch: 'RC2' }).version).toMatchObject({
      name: '15.1-RC2',
      tree: 'releases',
    });
  });

  it("says what is missing when 'auto' has no tree", () => {
    expect(() => resolveVersionInput('auto')).toThrow(BadInputError);
    expect(() => parseNewvers('#!/bin/sh\n')).toThrow(/TYPE, REVISION, BRANCH/);
  });

  it('reads __FreeBSD_version and its major branch', () => {
    const v = parseFreebsdVersion(
      '#undef __FreeBSD_version\n#define __FreeBSD_version 1500068\t/* Master, propagated to newvers */\n',
    );
    expect(v).toBe(1500068);
    expect(osreldateMajor(v)).toBe(15);
    expect(osreldateMajor(1403000)).toBe(14);
  });

  it('defaults to the newest release supported on the day, from the release table', () => {
    expect(resolveVersionInput('', undefined, { today: DEC_1 }).version.name).toBe('15.1-RELEASE');
    expect(resolveVersionInput('latest', undefined, { today: DEC_1 }).why).toMatch(
      /newest release supported on 2026-12-01, 15\.1-RELEASE \(supported until 2027-03-31/,
    );
    // On 2026-05-01 15.1 was not out yet (June 2026) but 15.0 was supported.
    expect(defaultRelease(new Date('2026-05-01T00:00:00Z')).name).toBe('15.1-RELEASE');
    expect(supportedReleases(DEC_1).map((r) => r.name)).toEqual([
      '15.1-RELEASE',
      '14.5-RELEASE',
      '14.4-RELEASE',
    ]);
    expect(supportedReleases(new Date('2027-01-01T00:00:00Z')).map((r) => r.name)).toEqual([
      '15.1-RELEASE',
      '14.5-RELEASE',
    ]);
  });
});

describe('the release table', () => {
  it('holds the published schedule: 14.3 to 2026-06-30, 15.0 to 2026-09-30, 14.4 to 2026-12-31', () => {
    const eol = Object.fromEntries(RELEASES.map((r) => [r.name, r.eol]));
    expect(eol).toMatchObject({
      '14.3-RELEASE': '2026-06-30',
      '15.0-RELEASE': '2026-09-30',
      '14.4-RELEASE': '2026-12-31',
      '15.1-RELEASE': '2027-03-31',
      '14.5-RELEASE': '2027-06-30',
    });
    for (const r of RELEASES) expect(r.eolSource.length, r.name).toBeGreaterThan(10);
  });

  it('an end-of-life release gives the warning, naming its EoL, the archive and what is supported', () => {
    const w = endOfLifeWarning('14.3-RELEASE', DEC_1)!;
    expect(w).toMatch(/14\.3-RELEASE reached its end of life on 2026-06-30/);
    expect(w).toMatch(/archive mirror/);
    expect(w).toMatch(/Supported on 2026-12-01: 15\.1-RELEASE, 14\.5-RELEASE, 14\.4-RELEASE/);
    expect(endOfLifeWarning('15.0-RELEASE', DEC_1)).toMatch(/2026-09-30/);
    expect(endOfLifeWarning('14.4-RELEASE', DEC_1)).toBeUndefined();
    expect(endOfLifeWarning('14.4-RELEASE', new Date('2027-01-01T00:00:00Z'))).toMatch(/2026-12-31/);
  });

  it('a planned release is not a default while unpublished', () => {
    expect(supportedReleases(new Date('2027-01-15T00:00:00Z')).map((r) => r.name)).not.toContain(
      '15.2-RELEASE',
    );
  });
});

describe('the freebsd-version grammar: one for the input parser and the resolver', () => {
  const tree = makeFreebsdTree(path.join(mkdtempSync(path.join(tmpdir(), 'fg-grammar-')), 'src'));
  writeFileSync(path.join(tree, 'sys/sys/param.h'), '#define __FreeBSD_version 1404000\n');
  writeFileSync(
    path.join(tree, 'sys/conf/newvers.sh'),
    'TYPE="FreeBSD"\nREVISION="14.4"\nBRANCH="RELEASE-p3"\n',
  );
  const config = (version: string) =>
    parseConfig(
      {
        guest: 'freebsd',
        'source-tree': tree,
        'freebsd-version': version,
        build: 'none',
        'output-dir': path.join(tree, '..', 'out'),
      },
      { cwd: tree, env: {} },
    );

  it.each([
    'auto',
    'latest',
    '14.4-RELEASE',
    '14.4-RELEASE-p3',
    '15.1-STABLE',
    '16.0-CURRENT',
    '15.0-PRERELEASE',
    '15.0-ALPHA3',
    '15.0-BETA2',
    '15.0-RC1',
  ])('%s: accepted by the input parser and the resolver, and round-trips', (text) => {
    expect(config(text).freebsdVersion).toBe(text);
    const parsed = parseVersionInput(text);
    expect(formatVersionInput(parsed)).toBe(text);
    expect(parseVersionInput(formatVersionInput(parsed))).toEqual(parsed);
    const newvers = 'TYPE="FreeBSD"\nREVISION="14.4"\nBRANCH="RELEASE-p3"\n';
    expect(resolveVersionInput(text, newvers, { today: DEC_1 }).url).toMatch(
      /^https:\/\/download\.freebsd\.org\/(releases|snapshots)\/CI-IMAGES\//,
    );
  });

  it('14.4-RELEASE-p3 runs on the 14.4-RELEASE image, the only BASIC-CI image of that release', () => {
    const res = resolveVersionInput('14.4-RELEASE-p3');
    expect(res.version.name).toBe('14.4-RELEASE');
    expect(res.why).toMatch(/14\.4-RELEASE-p3 runs on the 14\.4-RELEASE image/);
    expect(res.archiveFolderUrl).toBe(
      'http://ftp-archive.freebsd.org/pub/FreeBSD-Archive/old-releases/CI-IMAGES/14.4-RELEASE/amd64/',
    );
  });

  it.each(['14.4', '15.0-ALPHA', '15.0-STABLE-p1', 'newest', '14.4-RELEASE-p'])(
    '%j: rejected by both with the same grammar',
    (text) => {
      expect(() => parseVersionInput(text)).toThrow(BadInputError);
      expect(() => config(text)).toThrow(
        /invalid input 'freebsd-version': .* is not 'auto' or a version: expected 'auto', 'latest', or a version like/,
      );
    },
  );
});
