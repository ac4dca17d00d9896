// SIGINT/SIGTERM (a cancelled job, Ctrl-C): abort the run so it stops QEMU and writes what evidence
// it has; a second signal ends every QEMU at once and exits.
import { EXIT } from './constants.js';
import { stopAllVms } from './vm/registry.js';

export interface SignalScope {
  signal: AbortSignal;
  dispose(): void;
}

export function installSignalHandlers(): SignalScope {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      void stopAllVms().finally(() => process.exit(name === 'SIGINT' ? EXIT.sigint : EXIT.sigterm));
      return;
    }
    controller.abort(name);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
