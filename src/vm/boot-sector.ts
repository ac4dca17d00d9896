// A 512-byte x86 boot sector assembled here as bytes: the smallest guest that proves a CPU runs.
// SeaBIOS loads sector 0 of the boot disk at 0000:7C00 and jumps to it in real mode when the
// sector ends with the signature 55 AA (the IBM PC boot convention SeaBIOS follows).
// The code writes a message byte by byte to COM1's transmit register (I/O port 0x3F8; QEMU's 16550
// model sends every byte written to THR to the serial backend, whatever the baud setting), then
// either halts for good (`cli; hlt`) or resets the machine through the keyboard controller
// (command 0xFE to port 0x64, the classic pulse-reset line), which a VM without -no-reboot turns
// into a reboot: a boot loop in miniature.

export interface BootSectorOptions {
  /** What happens after the message: stay halted (default), or reset the machine. */
  after?: 'halt' | 'reset';
}

/** Where the message starts inside the sector (right after the code). */
const MESSAGE_OFFSET = 0x20;
const LOAD_ADDRESS = 0x7c00;
/** The code may not run into the message, and the message must leave room for the signature. */
export const MAX_BOOT_MESSAGE_BYTES = 510 - MESSAGE_OFFSET - 1;

/**
 * The boot sector, exactly 512 bytes. `message` must not contain NUL (it terminates the string).
 * Booted from a disk shorter than one cylinder SeaBIOS refuses ("could not read the boot disk"),
 * so write it to a padded image: see `bootSectorImage`.
 */
export function bootSector(message: string, options: BootSectorOptions = {}): Buffer {
  const text = Buffer.from(message, 'latin1');
  if (text.includes(0)) throw new Error('boot sector message may not contain NUL bytes');
  if (text.length > MAX_BOOT_MESSAGE_BYTES) {
    throw new Error(`boot sector message is ${text.length} bytes; at most ${MAX_BOOT_MESSAGE_BYTES} fit`);
  }
  const messageAddress = LOAD_ADDRESS + MESSAGE_OFFSET;
  // prettier-ignore
  const code: number[] = [
    0xfa, // 00 cli
    0x31,
    0xc0, // 01 xor ax, ax
    0x8e,
    0xd8, // 03 mov ds, ax          ; DS = 0, so DS:SI addresses 0000:7Cxx
    0xfc, // 05 cld                 ; lodsb counts upwards
    0xbe,
    messageAddress & 0xff,
    messageAddress >> 8, // 06 mov si, message
    0xba,
    0xf8,
    0x03, // 09 mov dx, 0x3f8       ; COM1 transmit holding register
    // next:
    0xac, // 0C lodsb
    0x84,
    0xc0, // 0D test al, al
    0x74,
    0x03, // 0F jz done (0x14)
    0xee, // 11 out dx, al
    0xeb,
    0xf8, // 12 jmp next (0x0C)
    // done:
  ];
  if (options.after === 'reset') {
    code.push(
      0xb0,
      0xfe, // 14 mov al, 0xfe        ; 8042 command: pulse the CPU reset line
      0xe6,
      0x64, // 16 out 0x64, al
    );
  }
  const halt = code.length;
  code.push(
    0xfa, // cli
    0xf4, // hlt
    0xeb,
    0xfc, // jmp back to cli (an NMI or SMI would resume after hlt)
  );
  if (halt + 4 > MESSAGE_OFFSET) throw new Error('boot sector code overlaps its message');
  const sector = Buffer.alloc(512);
  Buffer.from(code).copy(sector, 0);
  text.copy(sector, MESSAGE_OFFSET);
  sector[510] = 0x55;
  sector[511] = 0xaa;
  return sector;
}

/** Size of a disk image SeaBIOS accepts for the boot sector (it wants at least one full cylinder). */
export const BOOT_SECTOR_IMAGE_BYTES = 1024 * 1024;

/** The boot sector padded with zeros to a 1 MiB raw image. */
export function bootSectorImage(message: string, options: BootSectorOptions = {}): Buffer {
  const image = Buffer.alloc(BOOT_SECTOR_IMAGE_BYTES);
  bootSector(message, options).copy(image, 0);
  return image;
}

/** Where the protected-mode probe keeps its GDT, GDTR and message inside the sector. */
const PM_GDT_OFFSET = 0xe0;
const PM_GDTR_OFFSET = 0xf8;
const PM_MESSAGE_OFFSET = 0x100;
export const MAX_PROBE_MESSAGE_BYTES = 510 - PM_MESSAGE_OFFSET - 1;

/**
 * A boot sector that does what a real kernel's early code does and a real-mode loop does not:
 * switches to 32-bit protected mode and runs a VEX-encoded BMI2 instruction (`shlx`), the kind of
 * instruction the Linux guest's decompressor stopped on here under a KVM that emulates instead of
 * running the guest ("KVM internal error. Suberror: 1 / emulation failure", bytes c4 42 69 f7 c0).
 * KVM's instruction emulator has no such instruction, so where KVM emulates guest code this probe
 * stops too, and where KVM really runs the guest it prints `message` on COM1 and halts.
 * It prints only when `shlx eax, eax, edx` computed 1 << 3 = 8. A CPU without BMI2 (CPUID leaf 7
 * EBX bit 8 clear, as Intel's SDM documents it) skips the instruction and prints.
 */
export function protectedModeProbeSector(message: string): Buffer {
  const text = Buffer.from(message, 'latin1');
  if (text.includes(0)) throw new Error('boot sector message may not contain NUL bytes');
  if (text.length > MAX_PROBE_MESSAGE_BYTES)
    throw new Error(`probe message is ${text.length} bytes; at most ${MAX_PROBE_MESSAGE_BYTES} fit`);
  const gdtr = LOAD_ADDRESS + PM_GDTR_OFFSET;
  const pm32 = LOAD_ADDRESS + 0x17;
  const msg = LOAD_ADDRESS + PM_MESSAGE_OFFSET;
  const le32 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];
  // prettier-ignore
  const code: number[] = [
    // 16-bit real mode, as SeaBIOS leaves it
    0xfa, // 00 cli
    0x31,
    0xc0, // 01 xor ax, ax
    0x8e,
    0xd8, // 03 mov ds, ax
    0x0f,
    0x01,
    0x16,
    gdtr & 0xff,
    gdtr >> 8, // 05 lgdt [gdtr]
    0x0f,
    0x20,
    0xc0, // 0A mov eax, cr0
    0x0c,
    0x01, // 0D or al, 1            ; CR0.PE
    0x0f,
    0x22,
    0xc0, // 0F mov cr0, eax
    0xea,
    pm32 & 0xff,
    pm32 >> 8,
    0x08,
    0x00, // 12 jmp 0x08:pm32     ; 32-bit code segment
    // pm32: 32-bit protected mode
    0x66,
    0xb8,
    0x10,
    0x00, // 17 mov ax, 0x10        ; flat data segment
    0x8e,
    0xd8, // 1B mov ds, ax
    0x8e,
    0xc0, // 1D mov es, ax
    0x8e,
    0xd0, // 1F mov ss, ax
    0xb8,
    0x07,
    0x00,
    0x00,
    0x00, // 21 mov eax, 7
    0x31,
    0xc9, // 26 xor ecx, ecx
    0x0f,
    0xa2, // 28 cpuid               ; leaf 7, subleaf 0
    0xf7,
    0xc3,
    0x00,
    0x01,
    0x00,
    0x00, // 2A test ebx, 1 << 8    ; BMI2
    0x74,
    0x14, // 30 jz print (0x46)
    0xb8,
    0x01,
    0x00,
    0x00,
    0x00, // 32 mov eax, 1
    0xba,
    0x03,
    0x00,
    0x00,
    0x00, // 37 mov edx, 3
    0xc4,
    0xe2,
    0x69,
    0xf7,
    0xc0, // 3C shlx eax, eax, edx  ; VEX.LZ.66.0F38.W0 F7 /r
    0x83,
    0xf8,
    0x08, // 41 cmp eax, 8
    0x75,
    0x11, // 44 jne halt (0x57)
    // print:
    0xbe,
    ...le32(msg), // 46 mov esi, message
    0x66,
    0xba,
    0xf8,
    0x03, // 4B mov dx, 0x3f8
    // next:
    0xac, // 4F lodsb
    0x84,
    0xc0, // 50 test al, al
    0x74,
    0x03, // 52 jz halt (0x57)
    0xee, // 54 out dx, al
    0xeb,
    0xf8, // 55 jmp next (0x4F)
    // halt:
    0xfa,
    0xf4,
    0xeb,
    0xfc, // 57 cli; hlt; jmp back to cli
  ];
  // prettier-ignore
  const gdt = [
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0, // null descriptor
    0xff,
    0xff,
    0x00,
    0x00,
    0x00,
    0x9a,
    0xcf,
    0x00, // 0x08: code, base 0, limit 4 GiB, 32-bit
    0xff,
    0xff,
    0x00,
    0x00,
    0x00,
    0x92,
    0xcf,
    0x00, // 0x10: data, base 0, limit 4 GiB
  ];
  const sector = Buffer.alloc(512);
  Buffer.from(code).copy(sector, 0);
  Buffer.from(gdt).copy(sector, PM_GDT_OFFSET);
  Buffer.from([gdt.length - 1, 0, ...le32(LOAD_ADDRESS + PM_GDT_OFFSET)]).copy(sector, PM_GDTR_OFFSET);
  text.copy(sector, PM_MESSAGE_OFFSET);
  sector[510] = 0x55;
  sector[511] = 0xaa;
  return sector;
}

/** The protected-mode probe padded to a 1 MiB raw image, like bootSectorImage. */
export function protectedModeProbeImage(message: string): Buffer {
  const image = Buffer.alloc(BOOT_SECTOR_IMAGE_BYTES);
  protectedModeProbeSector(message).copy(image, 0);
  return image;
}
