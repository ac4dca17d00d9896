import { describe, expect, it } from 'vitest';
import { BOOT_SECTOR_IMAGE_BYTES, MAX_BOOT_MESSAGE_BYTES, bootSector, bootSectorImage } from '../../../src/vm/boot-sector.js';

describe('bootSector', () => {
  it('is 512 bytes with the 55 AA boot signature and the message at 0x20, NUL-terminated', () => {
    const sector = bootSector('KVM-OK\n');
    expect(sector.length).toBe(512);
    expect([sector[510], sector[511]]).toEqual([0x55, 0xaa]);
    expect(sector.subarray(0x20, 0x27).toString('latin1')).toBe('KVM-OK\n');
    expect(sector[0x27]).toBe(0);
  });

  it('assembles: DS=0, SI=0x7c20, DX=0x3f8, a lodsb/out loop, then cli; hlt forever', () => {
    const code = [...bootSector('x').subarray(0, 0x18)];
    expect(code).toEqual([
      0xfa, 0x31, 0xc0, 0x8e, 0xd8, 0xfc,
      0xbe, 0x20, 0x7c, // mov si, 0x7c20
      0xba, 0xf8, 0x03, // mov dx, 0x3f8
      0xac, 0x84, 0xc0, 0x74, 0x03, 0xee, 0xeb, 0xf8, // 0x0c: lodsb; test; jz 0x14; out; jmp 0x0c
      0xfa, 0xf4, 0xeb, 0xfc, // cli; hlt; jmp -4
    ]);
  });

  it('resets through the keyboard controller in the reset variant', () => {
    const code = [...bootSector('x', { after: 'reset' }).subarray(0x14, 0x1c)];
    expect(code).toEqual([0xb0, 0xfe, 0xe6, 0x64, 0xfa, 0xf4, 0xeb, 0xfc]);
  });

  it('refuses a NUL in the message and a message that does not fit', () => {
    expect(() => bootSector('a\0b')).toThrow(/NUL/);
    expect(() => bootSector('y'.repeat(MAX_BOOT_MESSAGE_BYTES + 1))).toThrow(/fit/);
    expect(bootSector('y'.repeat(MAX_BOOT_MESSAGE_BYTES))[509]).toBe(0);
  });

  it('pads the image to 1 MiB (SeaBIOS will not boot a one-sector disk)', () => {
    const image = bootSectorImage('hi\n');
    expect(image.length).toBe(BOOT_SECTOR_IMAGE_BYTES);
    expect(image.subarray(0, 512)).toEqual(bootSector('hi\n'));
    expect(image.subarray(512).every((byte) => byte === 0)).toBe(true);
  });
});
