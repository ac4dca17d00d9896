import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/config/errors.js';
import {
  SUPPORTED_RELEASES,
  osreldateMajor,
  parseChecksumFile,
  parseFreebsdVersion,
  parseNewvers,
  parseVersion,
  pickFromChecksums,
  resolveImage,
  resolveVersionInput,
  versionFromNewvers,
} from '../../../src/image/freebsd-resolve.js';
import { transcript } from './fake-freebsd-shell.js';

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

  it.each(['14.3', '14.3-release', 'FreeBSD-14.3-RELEASE', '14-RELEASE', '15.0-BETA', '15.0-STABLE-p1', '14.3-RELEASE; rm -rf /', ''])(
    'rejects %j with a BadInputError naming freebsd-version',
    (input) => {
      let err: unknown;
      try {
        parseVersion(input);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(BadInputError);
      expect((err as BadInputError).input).toBe('freebsd-version');
      expect((err as Error).message).toContain('freebsd-version');
    },
  );
});

describe('resolveImage and the checksum file', () => {
  it('puts a release under releases/CI-IMAGES/<name>/amd64/Latest', () => {
    const r = resolveImage('14.3-RELEASE');
    expect(r.checksumUrl).toBe('https://download.freebsd.org/releases/CI-IMAGES/14.3-RELEASE/amd64/Latest/CHECKSUM.SHA512');
    expect(r.url).toBe('https://download.freebsd.org/releases/CI-IMAGES/14.3-RELEASE/amd64/Latest/FreeBSD-14.3-RELEASE-amd64-BASIC-CI-ufs.raw.xz');
  });

  it('reads the older release name (no file-system part) from the checksum file', () => {
    const r = pickFromChecksums(resolveImage('14.3-RELEASE'), transcript('CHECKSUM.SHA512-14.3-RELEASE'))!;
    expect(r.fileName).toBe('FreeBSD-14.3-RELEASE-amd64-BASIC-CI.raw.xz');
    expect(r.url).toBe('https://download.freebsd.org/releases/CI-IMAGES/14.3-RELEASE/amd64/Latest/FreeBSD-14.3-RELEASE-amd64-BASIC-CI.raw.xz');
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
    expect(pickFromChecksums(resolveImage('15.0-RELEASE'), transcript('CHECKSUM.SHA512-14.3-RELEASE'))).toBeUndefined();
  });

  it('parses BSD and GNU checksum lines', () => {
    const bsd = parseChecksumFile(transcript('CHECKSUM.SHA512-15.1-RELEASE'));
    expect(bsd).toEqual([{ algorithm: 'SHA512', name: 'FreeBSD-15.1-RELEASE-amd64-BASIC-CI-ufs.raw.xz', hash: 'b'.repeat(128) }]);
    const gnu = parseChecksumFile(transcript('CHECKSUM.SHA512-gnu'));
    expect(gnu[0]).toMatchObject({ algorithm: 'SHA512', name: 'FreeBSD-15.0-STABLE-amd64-BASIC-CI-20261105-a1b2c3d4e5f6-276002-ufs.raw.xz' });
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
    expect(r.checksumUrl).toBe('https://download.freebsd.org/snapshots/CI-IMAGES/16.0-CURRENT/amd64/Latest/CHECKSUM.SHA512');
    expect(r.why).toContain('16.0-CURRENT');
  });

  it('maps a RELEASE-pN tree to its release image', () => {
    const { version, why } = versionFromNewvers({ type: 'FreeBSD', revision: '15.0', branch: 'RELEASE-p9' });
    expect(version.name).toBe('15.0-RELEASE');
    expect(version.tree).toBe('releases');
    expect(why).toContain('RELEASE-p9');
  });

  it('maps STABLE and PRERELEASE to snapshots, RC to the releases tree', () => {
    expect(versionFromNewvers({ type: 'FreeBSD', revision: '14.4', branch: 'STABLE' }).version.tree).toBe('snapshots');
    expect(versionFromNewvers({ type: 'FreeBSD', revision: '14.4', branch: 'PRERELEASE' }).version.tree).toBe('snapshots');
    expect(versionFromNewvers({ type: 'FreeBSD', revision: '15.1', branch: 'RC2' }).version).toMatchObject({ name: '15.1-RC2', tree: 'releases' });
  });

  it("says what is missing when 'auto' has no tree", () => {
    expect(() => resolveVersionInput('auto')).toThrow(BadInputError);
    expect(() => parseNewvers('#!/bin/sh\n')).toThrow(/TYPE, REVISION, BRANCH/);
  });

  it('reads __FreeBSD_version and its major branch', () => {
    const v = parseFreebsdVersion('#undef __FreeBSD_version\n#define __FreeBSD_version 1500068\t/* Master, propagated to newvers */\n');
    expect(v).toBe(1500068);
    expect(osreldateMajor(v)).toBe(15);
    expect(osreldateMajor(1403000)).toBe(14);
  });

  it('defaults to the first supported release', () => {
    expect(resolveVersionInput('').version.name).toBe(SUPPORTED_RELEASES[0]);
    expect(SUPPORTED_RELEASES.every((r) => parseVersion(r).branch === 'RELEASE')).toBe(true);
  });
});
