// A QEMU that did not start, said in the user's terms: what to install, which input to change.
// QEMU's own line stays in the message; this adds what the user can do about it.
import { readFileSync } from 'node:fs';
import { installHint, missingQemu } from '../action/host-deps.js';
import type { GateConfig } from '../config/types.js';
import { VmStartError } from '../vm/instance.js';
import { lastLine, runBounded } from '../vm/process.js';

/** MemAvailable of /proc/meminfo (proc(5): "An estimate of how much memory is available for starting new applications"), in MiB. */
export function availableMemoryMiB(meminfo = readMeminfo()): number | undefined {
  const kib = /^MemAvailable:\s+(\d+) kB$/m.exec(meminfo ?? '')?.[1];
  return kib === undefined ? undefined : Math.floor(Number(kib) / 1024);
}

function readMeminfo(): string | undefined {
  try {
    return readFileSync('/proc/meminfo', 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * QEMU's words for an option or a value it does not know (QEMU 7.2 qapi/qmp/qerror.h QERR_*, and
 * qemu-options handling in softmmu/vl.c): an older or differently built QEMU than the gate expects.
 */
const REFUSED_OPTION =
  /invalid option|Invalid parameter|Parameter '[^']+' (expects|is missing)|is not a valid|unsupported|property '[^']+' not found|not found|unknown/i;

/** The QEMU the gate was developed and tested with (Debian 12's qemu-system-x86). */
export const TESTED_QEMU = '7.2';

/**
 * A QEMU that refused the gate's command line: the same failure, saying which QEMU it is (its
 * `--version` line) and which one the gate is tested with; the error as it was otherwise.
 */
export async function withQemuVersion(error: unknown, qemuBinary = 'qemu-system-x86_64'): Promise<unknown> {
  if (!(error instanceof VmStartError) || !REFUSED_OPTION.test(lastLine(error.stderr))) return error;
  const version = await runBounded(qemuBinary, ['--version'], { timeoutMs: 5_000 });
  const line = version.stdout.split('\n')[0]?.trim();
  if (!line) return error;
  return new VmStartError(
    `${error.message} [${qemuBinary} is ${line}; the gate is tested with QEMU ${TESTED_QEMU}]`,
    error.stderr,
    error.argv,
  );
}

/** The same failure with what to do about it, or the error as it was. */
export function explainVmStartFailure(
  error: unknown,
  config: Pick<GateConfig, 'memoryMiB'>,
  meminfo?: string,
): unknown {
  if (!(error instanceof VmStartError)) return error;
  const missing = missingQemu().filter((m) => m.command === 'qemu-system-x86_64');
  if (missing.length > 0 && /could not run qemu-system-x86_64/.test(error.message))
    return new VmStartError(`${installHint(missing)} (${error.message})`, error.stderr, error.argv);
  // QEMU 7.2 softmmu/vl.c / backends: "cannot set up guest memory 'pc.ram': Cannot allocate memory".
  if (/cannot set up guest memory|Cannot allocate memory/.test(error.stderr)) {
    const available = availableMemoryMiB(meminfo ?? readMeminfo());
    return new VmStartError(
      `the guest's memory (the memory input, ${config.memoryMiB} MiB) is more than this host could give QEMU` +
        `${available === undefined ? '' : ` (${available} MiB available now)`}: lower memory. ${error.message}`,
      error.stderr,
      error.argv,
    );
  }
  return error;
}
