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

export const BLOCK = 512;

export type TarEntryType = 'file' | 'hardlink' | 'symlink' | 'dir' | 'other';

export interface TarHeader {
  /** Full path as stored (after prefix, GNU long name or pax path are applied by the reader). */
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
  type: TarEntryType;
  /** The raw typeflag character. */
  typeflag: string;
  linkname: string;
}

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

const TYPEFLAG: Record<Exclude<TarEntryType, 'other'>, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  dir: '5',
};
const LONG_NAME = '././@LongLink';

export function paddedSize(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK;
}

export function isZeroBlock(block: Uint8Array): boolean {
  for (const byte of block) if (byte !== 0) return false;
  return true;
}

/**
 * The header blocks that introduce one entry: a GNU long-name record (and long-link record) when
 * the name (link name) does not fit ustar, then the ustar header. File data follows them.
 */
export function entryHeaderBlocks(header: Omit<TarHeader, 'typeflag'>): Buffer[] {
  if (header.type === 'other') throw new TarFormatError(`cannot write entry type other (${header.name})`);
  const blocks: Buffer[] = [];
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
  blocks.push(
    encodeHeader({
      name: split.name,
      prefix: split.prefix,
      mode: header.mode,
      uid: header.uid,
      gid: header.gid,
      size: header.type === 'file' ? header.size : 0,
      mtime: header.mtime,
      typeflag: TYPEFLAG[header.type],
      linkname,
    }),
  );
  return blocks;
}

/** name (<= 100 bytes) alone, or prefix (<= 155) '/' name (<= 100), or undefined if neither fits. */
export function splitUstarName(name: string): { prefix: string; name: string } | undefined {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', name };
  // Try each '/' from the right that leaves a non-empty name part of <= 100 bytes.
  for (
    let slash = name.lastIndexOf('/', name.length - 2);
    slash > 0;
    slash = name.lastIndexOf('/', slash - 1)
  ) {
    const prefix = name.slice(0, slash);
    const rest = name.slice(slash + 1);
    if (Buffer.byteLength(rest) > 100) break;
    if (Buffer.byteLength(prefix) <= 155) return { prefix, name: rest };
  }
  return undefined;
}

function longRecord(typeflag: 'L' | 'K', value: string): Buffer[] {
  const data = Buffer.concat([Buffer.from(value, 'utf8'), Buffer.alloc(1)]);
  const header = encodeHeader({
    name: LONG_NAME,
    prefix: '',
    mode: 0,
    uid: 0,
    gid: 0,
    size: data.length,
    mtime: 0,
    typeflag,
    linkname: '',
  });
  return [header, Buffer.concat([data, Buffer.alloc(paddedSize(data.length) - data.length)])];
}

function truncateBytes(text: string, bytes: number): string {
  const buffer = Buffer.from(text, 'utf8');
  if (buffer.length <= bytes) return text;
  // Cut on a character boundary: drop continuation bytes (10xxxxxx) at the cut.
  let end = bytes;
  while (end > 0 && (buffer[end]! & 0xc0) === 0x80) end--;
  return buffer.subarray(0, end).toString('utf8');
}

export interface RawHeader {
  name: string;
  prefix: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname: string;
}

export function encodeHeader(header: RawHeader): Buffer {
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

function writeString(block: Buffer, offset: number, length: number, value: string, field: string): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length)
    throw new TarFormatError(`${field} ${JSON.stringify(value)} is longer than ${length} bytes`);
  bytes.copy(block, offset);
}

/** Octal with a NUL terminator when it fits, else GNU base-256 (high bit set, big-endian). */
function writeNumber(block: Buffer, offset: number, length: number, value: number): void {
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

function checksum(block: Uint8Array): number {
  let sum = 0;
  for (let index = 0; index < BLOCK; index++) sum += index >= 148 && index < 156 ? 0x20 : block[index]!;
  return sum;
}

function readString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? length : end).toString('utf8');
}

function readNumber(block: Buffer, offset: number, length: number, field: string, at: number): number {
  const bytes = block.subarray(offset, offset + length);
  if (bytes[0]! & 0x80) {
    let value = BigInt(bytes[0]! & 0x7f);
    for (let index = 1; index < length; index++) value = (value << 8n) | BigInt(bytes[index]!);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
      throw new TarFormatError(`tar header at byte ${at}: ${field} is too large`);
    return Number(value);
  }
  const text = bytes
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .replace(/^[\0 ]+/, '');
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text))
    throw new TarFormatError(
      `tar header at byte ${at}: ${field} is not an octal number (${JSON.stringify(text)})`,
    );
  return parseInt(text, 8);
}

/** Decodes one header block (the caller has checked it is not a zero block). `at` is its byte offset, for messages. */
export function decodeHeader(block: Buffer, at: number): TarHeader & { prefix: string; ustar: boolean } {
  const stored = readNumber(block, 148, 8, 'chksum', at);
  const computed = checksum(block);
  if (stored !== computed) {
    // Some old writers summed signed bytes; accept that too (POSIX: "unsigned", GNU tar checks both).
    let signed = 0;
    for (let index = 0; index < BLOCK; index++)
      signed += index >= 148 && index < 156 ? 0x20 : (block[index]! << 24) >> 24;
    if (stored !== signed) {
      throw new TarFormatError(
        `not a valid tar header at byte ${at}: checksum ${stored.toString(8)} stored, ${computed.toString(8)} computed`,
      );
    }
  }
  const typeflag = String.fromCharCode(block[156]!);
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

function typeOf(typeflag: string): TarEntryType {
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
export function parsePaxRecords(data: Buffer, at: number): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < data.length) {
    if (data[offset] === 0) break; // padding
    const space = data.indexOf(0x20, offset);
    const length = space < 0 ? NaN : Number(data.subarray(offset, space).toString('latin1'));
    if (
      !Number.isInteger(length) ||
      length <= 0 ||
      offset + length > data.length ||
      data[offset + length - 1] !== 0x0a
    ) {
      throw new TarFormatError(`malformed pax extended header at byte ${at}`);
    }
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals < 0) throw new TarFormatError(`malformed pax record ${JSON.stringify(record)} at byte ${at}`);
    records[record.slice(0, equals)] = record.slice(equals + 1);
    offset += length;
  }
  return records;
}
