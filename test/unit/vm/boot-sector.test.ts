import { describe, expect, it } from 'vitest';
import {
  BOOT_SECTOR_IMAGE_BYTES,
  MAX_BOOT_MESSAGE_BYTES,
  MAX_PROBE_MESSAGE_BYTES,
  bootSector,
  bootSectorImage,
  protectedModeProbeImage,
  protectedModeProbeSector,
} from '../../../src/vm/boot-sector.js';

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
      0xfa,
      0x31,
      0xc0,
      0x8e,
      0xd8,
      0xfc,
      0xbe,
      0x20,
      0x7c, // mov si, 0x7c20
      0xba,
      0xf8,
      0x03, // mov dx, 0x3f8
      0xac,
      0x84,
      0xc0,
      0x74,
      0x03,
      0xee,
      0xeb,
      0xf8, // 0x0c: lodsb; test; jz 0x14; out; jmp 0x0c
      0xfa,
      0xf4,
      0xeb,
      0xfc, // cli; hlt; jmp -4
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

describe('protectedModeProbeSector', () => {
  it('enters protected mode through its own GDT, then runs shlx eax, eax, edx (c4 e2 69 f7 c0)', () => {
    const sector = protectedModeProbeSector('KVM-OK\n');
    expect(sector.length).toBe(512);
    expect([sector[510], sector[511]]).toEqual([0x55, 0xaa]);
    // lgdt [0x7cf8]; the GDTR there: limit 23, base 0x7ce0.
    expect([...sector.subarray(0x05, 0x0a)]).toEqual([0x0f, 0x01, 0x16, 0xf8, 0x7c]);
    expect([...sector.subarray(0xf8, 0xfe)]).toEqual([23, 0, 0xe0, 0x7c, 0, 0]);
    // CR0.PE set, then a far jump to 0x08:0x7c17, the 32-bit code descriptor.
    expect([...sector.subarray(0x0d, 0x17)]).toEqual([
      0x0c, 0x01, 0x0f, 0x22, 0xc0, 0xea, 0x17, 0x7c, 0x08, 0x00,
    ]);
    expect([...sector.subarray(0xe8, 0xf8)]).toEqual([
      0xff, 0xff, 0, 0, 0, 0x9a, 0xcf, 0, 0xff, 0xff, 0, 0, 0, 0x92, 0xcf, 0,
    ]);
    // The BMI2 instruction, and the check that it computed 1 << 3.
    expect([...sector.subarray(0x3c, 0x46)]).toEqual([
      0xc4, 0xe2, 0x69, 0xf7, 0xc0, 0x83, 0xf8, 0x08, 0x75, 0x11,
    ]);
    expect(sector.subarray(0x100, 0x107).toString('latin1')).toBe('KVM-OK\n');
    expect(sector[0x107]).toBe(0);
  });

  it('refuses a NUL and a message that does not fit', () => {
    expect(() => protectedModeProbeSector('a\0b')).toThrow(/NUL/);
    expect(() => protectedModeProbeSector('y'.repeat(MAX_PROBE_MESSAGE_BYTES + 1))).toThrow(/fit/);
    expect(protectedModeProbeImage('y').length).toBe(BOOT_SECTOR_IMAGE_BYTES);
  });
});
