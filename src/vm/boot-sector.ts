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
    0xfa,                   // 00 cli
    0x31, 0xc0,             // 01 xor ax, ax
    0x8e, 0xd8,             // 03 mov ds, ax          ; DS = 0, so DS:SI addresses 0000:7Cxx
    0xfc,                   // 05 cld                 ; lodsb counts upwards
    0xbe, messageAddress & 0xff, messageAddress >> 8, // 06 mov si, message
    0xba, 0xf8, 0x03,       // 09 mov dx, 0x3f8       ; COM1 transmit holding register
    // next:
    0xac,                   // 0C lodsb
    0x84, 0xc0,             // 0D test al, al
    0x74, 0x03,             // 0F jz done (0x14)
    0xee,                   // 11 out dx, al
    0xeb, 0xf8,             // 12 jmp next (0x0C)
    // done:
  ];
  if (options.after === 'reset') {
    code.push(
      0xb0, 0xfe,           // 14 mov al, 0xfe        ; 8042 command: pulse the CPU reset line
      0xe6, 0x64,           // 16 out 0x64, al
    );
  }
  const halt = code.length;
  code.push(
    0xfa,                   // cli
    0xf4,                   // hlt
    0xeb, 0xfc,             // jmp back to cli (an NMI or SMI would resume after hlt)
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
