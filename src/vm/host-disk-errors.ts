// A guest disk whose host file cannot be written (the output folder's file system filled up, went
// read-only, or failed): QEMU emits the QMP event BLOCK_IO_ERROR (qapi/block-core.json: device,
// node-name, operation, action, nospace, reason). With the devices' default werror ("enospc": stop
// on ENOSPC, report anything else) a full disk pauses the VM, so the console simply goes silent
// and a command waits out its whole timeout; any other error reaches the guest as an I/O error,
// which can fail a build or a test that the tree is then blamed for. Either way it is the host's
// fault, and this watch says so at once, naming the host file.

import type { VmInstance } from './instance.js';

/** The host could not read or write a guest disk's file: the gate's (the runner's) fault, never the tree's. */
export class HostDiskError extends Error {
  constructor(
    readonly file: string,
    readonly operation: string,
    readonly reason: string,
    readonly noSpace: boolean,
    readonly paused: boolean,
  ) {
    super(
      `the host could not ${operation} the guest disk ${file}: ${reason}` +
        (noSpace ? ' (the file system holding it is full)' : '') +
        (paused ? '; QEMU paused the guest' : '; QEMU passed the I/O error to the guest'),
    );
    this.name = 'HostDiskError';
  }
}

interface BlockIoErrorData {
  device?: string;
  'node-name'?: string;
  operation?: string;
  action?: string;
  nospace?: boolean;
  reason?: string;
}

/**
 * Calls `onError` once, at the first BLOCK_IO_ERROR. `files` maps QEMU's node names (`disk0`,
 * `disk1`: src/vm/qemu-argv.ts) to the host files behind them. Returns a function that stops watching.
 */
export async function watchHostDiskErrors(
  vm: Pick<VmInstance, 'qmp'>,
  files: Readonly<Record<string, string>>,
  onError: (error: HostDiskError) => void,
): Promise<() => void> {
  let active = true;
  const qmp = await vm.qmp();
  qmp.onEvent((event) => {
    if (!active || event.event !== 'BLOCK_IO_ERROR') return;
    active = false;
    const data = (event.data ?? {}) as BlockIoErrorData;
    const node = data['node-name'] ?? data.device ?? '';
    onError(
      new HostDiskError(
        files[node] ?? (node ? `node ${node}` : 'of unknown node'),
        data.operation === 'read' ? 'read' : 'write',
        data.reason ?? 'I/O error',
        data.nospace === true,
        data.action === 'stop',
      ),
    );
  });
  return () => {
    active = false;
  };
}
