// The Linux test guest a run boots, as every Linux plan asks for it: checked or built under the run's
// build timeout, the build's lines on the run's console, and given up when the run is cancelled.
import type { GateConfig } from '../config/types.js';
import { ensureLinuxGuest, type LinuxGuestFlavour, type LinuxGuestImage } from '../image/linux-guest.js';
import type { GateIO } from './guest-plan.js';

export function linuxGuestForRun(
  config: GateConfig,
  io: GateIO,
  flavour: LinuxGuestFlavour,
): Promise<LinuxGuestImage> {
  return ensureLinuxGuest(
    config.cacheDir,
    config.buildTimeoutSec * 1000,
    (line) => io.consoleLine(line),
    flavour,
    io.signal,
  );
}
