// FreeBSD releases and their lifetimes: one table (freebsd-releases.json, with a source per date),
// read here. Everything that picks or judges a release (the default version, the end-of-life
// warning, the e2e workflow's matrix) reads this table, so a new release is one new row.

import raw from './freebsd-releases.json' with { type: 'json' };

export interface FreeBSDRelease {
  /** `15.1-RELEASE` */
  name: string;
  /** `YYYY-MM-DD`, or `YYYY-MM` when only the month is known. */
  released: string;
  releasedEstimate: boolean;
  releasedSource: string;
  /** Last day of support, `YYYY-MM-DD`. */
  eol: string;
  eolEstimate: boolean;
  eolSource: string;
  /** False while FreeBSD has not published it (a planned release). */
  published: boolean;
  /** kern.osreldate of the RELEASE image, when a public source shows it. */
  osreldate?: number;
  osreldateSource?: string;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_OR_DAY_RE = /^\d{4}-\d{2}(-\d{2})?$/;

function checkRow(row: FreeBSDRelease): FreeBSDRelease {
  const bad = (what: string) => new Error(`freebsd-releases.json: ${row.name}: ${what}`);
  if (!/^\d+\.\d+-RELEASE$/.test(row.name)) throw bad('name is not X.Y-RELEASE');
  if (!DAY_RE.test(row.eol)) throw bad(`eol ${row.eol} is not YYYY-MM-DD`);
  if (!MONTH_OR_DAY_RE.test(row.released)) throw bad(`released ${row.released} is not YYYY-MM[-DD]`);
  if (!row.eolSource || !row.releasedSource) throw bad('a date without a source');
  if (
    row.osreldate !== undefined &&
    (!row.osreldateSource || Math.floor(row.osreldate / 100000) !== Number(row.name.split('.')[0]))
  ) {
    throw bad('osreldate without a source, or of another major branch');
  }
  return row;
}

/** Every release in the table, newest version first. */
export const RELEASES: readonly FreeBSDRelease[] = (raw.releases as FreeBSDRelease[])
  .map(checkRow)
  .sort((a, b) => compareReleaseNames(b.name, a.name));

/** The day the table was last checked against its sources. */
export const RELEASES_CHECKED: string = raw.checked;

function versionKey(name: string): [number, number] {
  const [major, minor] = name.replace(/-.*$/, '').split('.').map(Number);
  return [major ?? 0, minor ?? 0];
}

export function compareReleaseNames(a: string, b: string): number {
  const [am, an] = versionKey(a);
  const [bm, bn] = versionKey(b);
  return am !== bm ? am - bm : an - bn;
}

/** `YYYY-MM-DD` in UTC: the calendar day the security officer's dates are written in. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function releaseInfo(name: string): FreeBSDRelease | undefined {
  return RELEASES.find((r) => r.name === name);
}

/** Published and not past its EoL on `today`, newest version first. */
export function supportedReleases(today: Date = new Date()): FreeBSDRelease[] {
  const day = isoDay(today);
  return RELEASES.filter((r) => r.published && r.eol >= day);
}

/** The newest supported release: the default `freebsd-version`. */
export function defaultRelease(today: Date = new Date()): FreeBSDRelease {
  const newest = supportedReleases(today)[0];
  if (!newest)
    throw new Error(
      `freebsd-releases.json (checked ${RELEASES_CHECKED}) lists no release supported on ${isoDay(today)}: add the new ones`,
    );
  return newest;
}

/** Why a date is trusted: said next to every date the gate prints. */
function dated(day: string, estimate: boolean, source: string): string {
  return `${day} (${estimate ? 'a planned date, ' : ''}${source})`;
}

/**
 * A warning for a release past its end of life on `today`, or undefined. FreeBSD's download tree
 * serves supported releases only; an end-of-life release moves to the archive mirror, and the
 * security officer no longer fixes it.
 */
export function endOfLifeWarning(name: string, today: Date = new Date()): string | undefined {
  const row = releaseInfo(name);
  if (!row || row.eol >= isoDay(today)) return undefined;
  const live = supportedReleases(today).map((r) => r.name);
  return (
    `${name} reached its end of life on ${dated(row.eol, row.eolEstimate, row.eolSource)}: FreeBSD no longer fixes it, ` +
    `and its images leave the download tree for the archive mirror. Supported on ${isoDay(today)}: ${live.join(', ') || 'none in the table'}`
  );
}

/** A note for a release the table does not know or that FreeBSD has not published yet. */
export function unknownReleaseNote(name: string): string | undefined {
  const row = releaseInfo(name);
  if (!row)
    return `${name} is not in the gate's release table (src/image/freebsd-releases.json, checked ${RELEASES_CHECKED}); its lifetime is unknown here`;
  if (!row.published)
    return `${name} is planned for ${dated(row.released, row.releasedEstimate, row.releasedSource)} and was not published when the table was checked (${RELEASES_CHECKED})`;
  return undefined;
}
