// A QEMU that did not start, said in the user's terms. QEMU 7.2's line for guest RAM it cannot get is
// the one a real run printed here (`--memory 200000` on a 24 GiB host).
import { describe, expect, it } from 'vitest';
import { availableMemoryMiB, explainVmStartFailure } from '../../../src/gate/vm-start-failure.js';
import { VmStartError } from '../../../src/vm/instance.js';

const NO_RAM = "qemu-system-x86_64: cannot set up guest memory 'pc.ram': Cannot allocate memory";
const MEMINFO = 'MemTotal:       24684000 kB\nMemFree:        15000000 kB\nMemAvailable:   22323200 kB\n';

describe('explainVmStartFailure', () => {
  it('guest memory QEMU cannot get names the memory input, its size and what the host has available', () => {
    const error = new VmStartError(
      `QEMU did not start: ${NO_RAM} (QMP connection closed; exit 1)`,
      `${NO_RAM}\n`,
      [],
    );
    const explained = explainVmStartFailure(error, { memoryMiB: 200_000 }, MEMINFO) as VmStartError;
    expect(explained).toBeInstanceOf(VmStartError);
    expect(explained.message).toBe(
      `the guest's memory (the memory input, 200000 MiB) is more than this host could give QEMU (21800 MiB available now): lower memory. ${error.message}`,
    );
  });

  it('leaves other failures as they are', () => {
    const error = new VmStartError(
      'QEMU did not start: qemu-system-x86_64: -blockdev: invalid option',
      '',
      [],
    );
    expect(explainVmStartFailure(error, { memoryMiB: 2048 }, MEMINFO)).toBe(error);
    const other = new Error('ENOSPC');
    expect(explainVmStartFailure(other, { memoryMiB: 2048 }, MEMINFO)).toBe(other);
  });

  it('reads MemAvailable in MiB, undefined without it', () => {
    expect(availableMemoryMiB(MEMINFO)).toBe(21800);
    expect(availableMemoryMiB('MemTotal: 1 kB\n')).toBeUndefined();
  });
});
