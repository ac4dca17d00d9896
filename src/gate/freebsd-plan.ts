// Placeholder until the FreeBSD image stage lands: resolves nothing.
import type { GateConfig } from '../config/types.js';
import type { GuestPlan } from './boot.js';
import type { GateIO } from './run.js';

export async function planFreebsdGuest(_config: GateConfig, _io: GateIO, _paths: { workDir: string; serialLogPath: string }): Promise<GuestPlan> {
  throw new Error('the FreeBSD guest is not wired yet');
}
