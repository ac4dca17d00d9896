// ustar headers as POSIX (pax, "ustar Interchange Format") and GNU tar define them (issue 16):
// octal fields NUL- or space-terminated, base-256 for numbers octal cannot hold, the checksum
// with its own field counted as spaces (GNU tar also accepts a signed-byte sum), typeflags, the
// prefix/name split, GNU long-name records. GNU tar itself writes some of the headers read here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BLOCK,
  TarFormatError,
  decodeHeader,
  encodeHeader,
  entryHeaderBlocks,
  isZeroBlock,
  paddedSize,
  parsePaxRecords,
  splitUstarName,
} from '../../../src/payload/tar-format.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fg-tar-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const raw = {
  name: 'a.txt',
  prefix: '',
  mode: 0o640,
  uid: 1234,
  gid: 567,
  size: 10,
  mtime: 1_700_000_000,
  typeflag: '0',
  linkname: '',
};

function withChecksum(block: Buffer, signed = false): Buffer {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++)
    sum += i >= 148 && i < 156 ? 0x20 : signed ? (block[i]! << 24) >> 24 : block[i]!;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
  return block;
}

describe('headers GNU tar writes', () => {
  it('decode to the same name, mode, owner, size, time, type and link', () => {
    writeFileSync(path.join(dir, 'data.bin'), 'x'.repeat(700));
    const tar = execFileSync('tar', [
      '--format=ustar',
      '--owner=1234',
      '--group=567',
      '--mode=0640',
      '--mtime=@1700000000',
      '-cf',
      '-',
      '-C',
      dir,
      'data.bin',
    ]);
    const header = decodeHeader(tar.subarray(0, BLOCK), 0);
    expect(header).toMatchObject({
      name: 'data.bin',
      mode: 0o640,
      uid: 1234,
      gid: 567,
      size: 700,
      mtime: 1_700_000_000,
      type: 'file',
      typeflag: '0',
      ustar: true,
      linkname: '',
    });
  });

  it('decode a uid too large for octal, which GNU tar stores base-256', () => {
    writeFileSync(path.join(dir, 'big-owner'), '');
    const tar = execFileSync('tar', [
      '--format=gnu',
      '--owner=3000000000',
      '--group=0',
      '-cf',
      '-',
      '-C',
      dir,
      'big-owner',
    ]);
    expect(tar[108]! & 0x80).toBe(0x80);
    expect(decodeHeader(tar.subarray(0, BLOCK), 0).uid).toBe(3_000_000_000);
  });
});

describe('encodeHeader and decodeHeader', () => {
  it('round-trip every field, the prefix joined to the name with a slash', () => {
    const block = encodeHeader({ ...raw, prefix: 'deep/dir', linkname: 'target', typeflag: '2' });
    expect(decodeHeader(block, 0)).toEqual({
      name: 'deep/dir/a.txt',
      prefix: 'deep/dir',
      mode: 0o640,
      uid: 1234,
      gid: 567,
      size: 10,
      mtime: 1_700_000_000,
      typeflag: '2',
      type: 'symlink',
      linkname: 'target',
      ustar: true,
    });
  });

  it('store a size past 8 GiB base-256 and read it back', () => {
    const size = 2 ** 33 + 5;
    const block = encodeHeader({ ...raw, size });
    expect(block[124]).toBe(0x80);
    expect(decodeHeader(block, 0).size).toBe(size);
    expect(decodeHeader(encodeHeader({ ...raw, size: 0o77777777777 }), 0).size).toBe(0o77777777777);
  });

  it('refuse what no field can hold', () => {
    expect(() => encodeHeader({ ...raw, uid: -1 })).toThrow(
      new TarFormatError('cannot store -1 in a tar header'),
    );
    expect(() => encodeHeader({ ...raw, name: 'n'.repeat(101) })).toThrow(TarFormatError);
    expect(() => encodeHeader({ ...raw, name: 'n'.repeat(101) })).toThrow(
      /name "n+" is longer than 100 bytes/,
    );
  });

  it('keep only whole seconds of a time, and no negative one', () => {
    expect(decodeHeader(encodeHeader({ ...raw, mtime: 12.9 }), 0).mtime).toBe(12);
    expect(decodeHeader(encodeHeader({ ...raw, mtime: -5 }), 0).mtime).toBe(0);
  });

  it('read octal fields padded with spaces or NULs, and an empty one as 0', () => {
    const block = encodeHeader(raw);
    block.write('  644 \0\0', 100, 8, 'latin1');
    block.fill(0, 108, 116);
    const header = decodeHeader(withChecksum(block), 0);
    expect(header.mode).toBe(0o644);
    expect(header.uid).toBe(0);
  });

  it('refuse a field that is not octal, naming the field and where the header is', () => {
    const block = encodeHeader(raw);
    block.write('0000089\0', 116, 8, 'latin1');
    expect(() => decodeHeader(withChecksum(block), 1024)).toThrow(
      new TarFormatError('tar header at byte 1024: gid is not an octal number ("0000089")'),
    );
  });

  it('refuse a base-256 number past what JavaScript counts exactly', () => {
    const block = encodeHeader(raw);
    block.fill(0xff, 124, 136);
    block[124] = 0x80 | 0x7f;
    expect(() => decodeHeader(withChecksum(block), 0)).toThrow(
      new TarFormatError('tar header at byte 0: size is too large'),
    );
  });

  it('refuse a wrong checksum, saying both sums in octal; accept the signed-byte sum old writers used', () => {
    const block = encodeHeader({ ...raw, name: 'é.txt' });
    const good = decodeHeader(block, 0);
    expect(good.name).toBe('é.txt');
    const broken = Buffer.from(block);
    broken[0] = 'x'.charCodeAt(0);
    expect(() => decodeHeader(broken, 512)).toThrow(
      /^not a valid tar header at byte 512: checksum \d+ stored, \d+ computed$/,
    );
    const signed = withChecksum(Buffer.from(block), true);
    expect(decodeHeader(signed, 0).name).toBe('é.txt');
  });

  it('map typeflags: 0, NUL and 7 are files; 1 hard link; 2 symlink; 5 directory; anything else other', () => {
    const typeOf = (flag: string) => {
      const block = encodeHeader(raw);
      block[156] = flag.charCodeAt(0);
      return decodeHeader(withChecksum(block), 0).type;
    };
    expect(['0', '\0', '7', '1', '2', '5', '3', '4', '6', 'x', 'L'].map(typeOf)).toEqual([
      'file',
      'file',
      'file',
      'hardlink',
      'symlink',
      'dir',
      'other',
      'other',
      'other',
      'other',
      'other',
    ]);
  });

  it('ignore the prefix of a header that is not ustar (old GNU or v7)', () => {
    const block = encodeHeader({ ...raw, prefix: 'pre' });
    block.write('ustar  \0', 257, 8, 'latin1');
    block.write('GNUtar', 257, 6, 'latin1');
    const header = decodeHeader(withChecksum(block), 0);
    expect(header).toMatchObject({ name: 'a.txt', prefix: '', ustar: false });
  });
});

describe('splitUstarName', () => {
  it('keeps a name of up to 100 bytes whole, and splits a longer one at the last slash that fits', () => {
    expect(splitUstarName('n'.repeat(100))).toEqual({ prefix: '', name: 'n'.repeat(100) });
    const long = `${'p'.repeat(60)}/${'q'.repeat(60)}/${'r'.repeat(50)}`;
    expect(splitUstarName(long)).toEqual({
      prefix: `${'p'.repeat(60)}/${'q'.repeat(60)}`,
      name: 'r'.repeat(50),
    });
  });

  it('takes a prefix of exactly 155 bytes and refuses 156, or a last part over 100', () => {
    expect(splitUstarName(`${'p'.repeat(155)}/${'r'.repeat(10)}`)).toEqual({
      prefix: 'p'.repeat(155),
      name: 'r'.repeat(10),
    });
    expect(splitUstarName(`${'p'.repeat(156)}/${'r'.repeat(10)}`)).toBeUndefined();
    expect(splitUstarName(`p/${'r'.repeat(101)}`)).toBeUndefined();
    expect(splitUstarName(`/${'r'.repeat(101)}`)).toBeUndefined();
  });

  it('counts bytes, not characters', () => {
    expect(splitUstarName('é'.repeat(50))).toEqual({ prefix: '', name: 'é'.repeat(50) });
    expect(splitUstarName(`d/${'é'.repeat(51)}`)).toBeUndefined();
  });

  it('does not split at the slash that ends a directory name', () => {
    const dirName = `${'p'.repeat(60)}/${'q'.repeat(60)}/`;
    expect(splitUstarName(dirName)).toEqual({ prefix: 'p'.repeat(60), name: `${'q'.repeat(60)}/` });
  });
});

describe('entryHeaderBlocks', () => {
  const base = { mode: 0o644, uid: 0, gid: 0, size: 3, mtime: 0, linkname: '' };

  it('gives a directory its trailing slash and no size, a file its size', () => {
    const [dirBlock] = entryHeaderBlocks({ ...base, name: 'sub', type: 'dir' });
    expect(decodeHeader(dirBlock!, 0)).toMatchObject({ name: 'sub/', type: 'dir', size: 0 });
    const [fileBlock] = entryHeaderBlocks({ ...base, name: 'f', type: 'file' });
    expect(decodeHeader(fileBlock!, 0)).toMatchObject({ name: 'f', type: 'file', size: 3 });
    const [linkBlock] = entryHeaderBlocks({ ...base, name: 'l', type: 'symlink', linkname: 'f' });
    expect(decodeHeader(linkBlock!, 0)).toMatchObject({ type: 'symlink', size: 0, linkname: 'f' });
  });

  it('puts a name that fits no ustar split into a GNU long-name record first, NUL-terminated', () => {
    const name = 'n'.repeat(300);
    const blocks = entryHeaderBlocks({ ...base, name, type: 'file' });
    expect(blocks).toHaveLength(3);
    const long = decodeHeader(blocks[0]!, 0);
    expect(long).toMatchObject({ name: '././@LongLink', typeflag: 'L', size: 301 });
    expect(blocks[1]!.length).toBe(512);
    expect(blocks[1]!.subarray(0, 301).toString()).toBe(`${name}\0`);
    expect(decodeHeader(blocks[2]!, 0).name).toBe('n'.repeat(100));
  });

  it('puts a link name over 100 bytes into a long-link record', () => {
    const target = 't'.repeat(150);
    const blocks = entryHeaderBlocks({ ...base, name: 'l', type: 'symlink', linkname: target });
    expect(blocks).toHaveLength(3);
    expect(decodeHeader(blocks[0]!, 0)).toMatchObject({ typeflag: 'K', size: 151 });
    expect(decodeHeader(blocks[2]!, 0).linkname).toBe('t'.repeat(100));
  });

  it('cuts a long name on a character boundary in the ustar header', () => {
    const name = `${'a'}${'é'.repeat(200)}`;
    const blocks = entryHeaderBlocks({ ...base, name, type: 'file' });
    const cut = decodeHeader(blocks.at(-1)!, 0).name;
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(100);
    expect(cut).toBe(`a${'é'.repeat(49)}`);
  });

  it('refuses an entry of type other', () => {
    expect(() => entryHeaderBlocks({ ...base, name: 'dev', type: 'other' })).toThrow(
      new TarFormatError('cannot write entry type other (dev)'),
    );
  });
});

describe('blocks and pax records', () => {
  it('pads to whole blocks and tells a zero block', () => {
    expect([0, 1, 511, 512, 513].map(paddedSize)).toEqual([0, 512, 512, 512, 1024]);
    expect(isZeroBlock(Buffer.alloc(BLOCK))).toBe(true);
    const one = Buffer.alloc(BLOCK);
    one[511] = 1;
    expect(isZeroBlock(one)).toBe(false);
  });

  it('reads several records, a multi-byte value counted in bytes, and stops at NUL padding', () => {
    const data = Buffer.concat([Buffer.from('20 path=évidence/a\n11 uid=123\n', 'utf8'), Buffer.alloc(20)]);
    expect(parsePaxRecords(data, 0)).toEqual({ path: 'évidence/a', uid: '123' });
  });

  it('refuses a record without "=" and one whose length is not a number', () => {
    expect(() => parsePaxRecords(Buffer.from('8 pathx\n'), 1536)).toThrow(
      new TarFormatError('malformed pax record "pathx" at byte 1536'),
    );
    expect(() => parsePaxRecords(Buffer.from('x path=a\n'), 0)).toThrow(
      new TarFormatError('malformed pax extended header at byte 0'),
    );
    expect(() => parsePaxRecords(Buffer.from('0 \n'), 0)).toThrow(TarFormatError);
    expect(() => parsePaxRecords(Buffer.from('10 path=ab'), 0)).toThrow(TarFormatError);
  });

  it('splits exactly at the limits: a last part of 100 bytes, a link of 100 bytes, a leading slash', () => {
    expect(splitUstarName(`${'p'.repeat(10)}/${'r'.repeat(100)}`)).toEqual({
      prefix: 'p'.repeat(10),
      name: 'r'.repeat(100),
    });
    // A slash at the very start would leave an empty prefix: ustar cannot say "/" + name that way.
    expect(splitUstarName(`/${'r'.repeat(100)}`)).toBeUndefined();
    const blocks = entryHeaderBlocks({
      mode: 0o777,
      uid: 0,
      gid: 0,
      size: 0,
      mtime: 0,
      name: 'l',
      type: 'symlink',
      linkname: 't'.repeat(100),
    });
    expect(blocks).toHaveLength(1);
    expect(decodeHeader(blocks[0]!, 0).linkname).toBe('t'.repeat(100));
  });

  it('does not double the slash of a directory name that has one', () => {
    const [block] = entryHeaderBlocks({
      mode: 0o755,
      uid: 0,
      gid: 0,
      size: 0,
      mtime: 0,
      name: 'sub/',
      type: 'dir',
      linkname: '',
    });
    expect(decodeHeader(block!, 0).name).toBe('sub/');
  });

  it('reads the largest exact base-256 number, and refuses blanks inside an octal field', () => {
    const block = encodeHeader(raw);
    block.fill(0, 124, 136);
    block[124] = 0x80;
    block.writeBigUInt64BE(BigInt(Number.MAX_SAFE_INTEGER), 128);
    expect(decodeHeader(withChecksum(block), 0).size).toBe(Number.MAX_SAFE_INTEGER);
    const inner = encodeHeader(raw);
    inner.write('0 644\0\0\0', 100, 8, 'latin1');
    expect(() => decodeHeader(withChecksum(inner), 0)).toThrow(/mode is not an octal number/);
  });
});
