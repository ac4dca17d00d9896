import { describe, expect, it } from 'vitest';
import {
  BLOCK,
  TarFormatError,
  decodeHeader,
  encodeHeader,
  entryHeaderBlocks,
  parsePaxRecords,
  splitUstarName,
} from '../../../src/payload/tar-format.js';

const file = {
  mode: 0o644,
  uid: 0,
  gid: 0,
  size: 5,
  mtime: 1_700_000_000,
  type: 'file' as const,
  linkname: '',
};

describe('tar headers', () => {
  it('encodes ustar fields at their POSIX offsets with a valid checksum', () => {
    const [header, ...rest] = entryHeaderBlocks({ name: 'src/a.c', ...file });
    expect(rest).toEqual([]);
    expect(header!.length).toBe(BLOCK);
    expect(header!.subarray(0, 8).toString('latin1')).toBe('src/a.c\0');
    expect(header!.subarray(100, 108).toString('latin1')).toBe('0000644\0');
    expect(header!.subarray(124, 136).toString('latin1')).toBe('00000000005\0');
    expect(header!.subarray(136, 148).toString('latin1')).toBe(`${(1_700_000_000).toString(8)}\0`);
    expect(String.fromCharCode(header![156]!)).toBe('0');
    expect(header!.subarray(257, 265).toString('latin1')).toBe('ustar\x0000');
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header![i]!;
    expect(header!.subarray(148, 156).toString('latin1')).toBe(`${sum.toString(8).padStart(6, '0')}\0 `);
    expect(decodeHeader(header!, 0)).toMatchObject({
      name: 'src/a.c',
      mode: 0o644,
      size: 5,
      mtime: 1_700_000_000,
      type: 'file',
    });
  });

  it('splits a long path into prefix and name when a slash allows it', () => {
    const long = `${'d'.repeat(120)}/${'f'.repeat(90)}`;
    expect(splitUstarName(long)).toEqual({ prefix: 'd'.repeat(120), name: 'f'.repeat(90) });
    const [header, ...rest] = entryHeaderBlocks({ name: long, ...file });
    expect(rest).toEqual([]);
    expect(decodeHeader(header!, 0).name).toBe(long);
    expect(splitUstarName('x'.repeat(101))).toBeUndefined();
    expect(splitUstarName(`${'p'.repeat(156)}/name`)).toBeUndefined();
  });

  it('writes a GNU long-name record when ustar cannot hold the path', () => {
    const long = `${'a'.repeat(200)}/${'b'.repeat(150)} with space $(x);`;
    const blocks = entryHeaderBlocks({ name: long, ...file });
    const meta = decodeHeader(blocks[0]!, 0);
    expect(meta).toMatchObject({ name: '././@LongLink', typeflag: 'L', size: Buffer.byteLength(long) + 1 });
    expect(Buffer.concat(blocks.slice(1, -1)).subarray(0, meta.size).toString('utf8')).toBe(`${long}\0`);
    expect(decodeHeader(blocks.at(-1)!, 0).name).toBe(long.slice(0, 100));
  });

  it('marks directories with a trailing slash and type 5; symlinks with type 2 and their target', () => {
    expect(
      decodeHeader(entryHeaderBlocks({ ...file, name: 'dir', type: 'dir', size: 0 })[0]!, 0),
    ).toMatchObject({ name: 'dir/', type: 'dir', size: 0 });
    expect(
      decodeHeader(
        entryHeaderBlocks({ ...file, name: 'l', type: 'symlink', linkname: '../x', size: 0 })[0]!,
        0,
      ),
    ).toMatchObject({ type: 'symlink', linkname: '../x' });
  });

  it('stores sizes of 8 GiB and more in base-256 and reads them back', () => {
    const size = 9 * 1024 ** 3;
    const header = encodeHeader({
      name: 'big',
      prefix: '',
      mode: 0o644,
      uid: 0,
      gid: 0,
      size,
      mtime: 0,
      typeflag: '0',
      linkname: '',
    });
    expect(header[124]).toBe(0x80);
    expect(decodeHeader(header, 0).size).toBe(size);
  });

  it('names the byte of a corrupt header', () => {
    const header = entryHeaderBlocks({ name: 'x', ...file })[0]!;
    header[0] = 'y'.charCodeAt(0);
    expect(() => decodeHeader(header, 1536)).toThrow(TarFormatError);
    expect(() => decodeHeader(header, 1536)).toThrow(/not a valid tar header at byte 1536: checksum/);
  });

  it('parses pax records (length counts the whole record, in bytes)', () => {
    const path = 'dir/ünïcode name';
    const record = (key: string, value: string): string => {
      const body = ` ${key}=${value}\n`;
      let length = Buffer.byteLength(body) + 1;
      while (String(length).length + Buffer.byteLength(body) !== length)
        length = String(length).length + Buffer.byteLength(body);
      return `${length}${body}`;
    };
    const data = Buffer.from(record('path', path) + record('mtime', '1700000000.5'));
    expect(parsePaxRecords(data, 0)).toEqual({ path, mtime: '1700000000.5' });
    expect(() => parsePaxRecords(Buffer.from('99 path=x\n'), 512)).toThrow(
      /malformed pax extended header at byte 512/,
    );
  });
});
