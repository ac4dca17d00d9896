// GitHub-hosted Linux runners have /dev/kvm, owned by root:kvm with mode 0660, and the runner user
// is not in the kvm group; passwordless sudo is available. Open it up before the accelerator probe
// (which still decides whether KVM really works).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

export async function ensureKvmAccess(log: (message: string) => void): Promise<void> {
  if (!existsSync('/dev/kvm')) return;
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
    return;
  } catch {
    // not accessible yet
  }
  const result = spawnSync('sudo', ['-n', 'chmod', '0666', '/dev/kvm'], {
    timeout: 15_000,
    encoding: 'utf8',
  });
  log(
    result.status === 0
      ? 'made /dev/kvm accessible to the runner user'
      : `could not make /dev/kvm accessible (${(result.stderr || result.error?.message || '').trim()}); QEMU will use TCG`,
  );
}
