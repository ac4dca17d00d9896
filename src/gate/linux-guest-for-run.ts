// The Linux test guest a run boots, as every Linux plan asks for it: checked or built under the run's
// build timeout, the build's lines on the run's console, a rebuild said as a warning, and given up
// when the run is cancelled.
import type { GateConfig } from '../config/types.js';
import { ensureLinuxGuest, type LinuxGuestFlavour, type LinuxGuestImage } from '../image/linux-guest.js';
import type { GateIO } from './guest-plan.js';

export async function linuxGuestForRun(
  config: GateConfig,
  io: GateIO,
  flavour: LinuxGuestFlavour,
): Promise<LinuxGuestImage> {
  const image = await ensureLinuxGuest(
    config.cacheDir,
    config.buildTimeoutSec * 1000,
    (line) => io.consoleLine(line),
    flavour,
    io.signal,
  );
  if (image.rebuiltBecause) io.warn(`Linux test guest: ${image.rebuiltBecause}`);
  return image;
}
