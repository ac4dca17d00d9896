// QEMU comes with the action: GitHub's Ubuntu images have xz but neither qemu-system-x86_64 nor
// qemu-img. When either is missing, install the two packages that ship them (Debian and Ubuntu:
// qemu-system-x86 and qemu-utils; `dpkg -S` on the binaries) with apt through `sudo -n`, without
// recommends (qemu-system-x86 recommends a GUI, OVMF and extra block drivers the gate never uses).
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { QEMU_COMMANDS } from '../constants.js';

export interface Missing {
  command: string;
  pkg: string;
}

/** Runs a host command with its output in the log; resolves to the exit status. */
export type HostRunner = (command: string, args: string[], env: Record<string, string>) => Promise<number>;

export function findOnPath(command: string, searchPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function missingQemu(searchPath?: string): Missing[] {
  return Object.entries(QEMU_COMMANDS)
    .filter(([command]) => !findOnPath(command, searchPath))
    .map(([command, pkg]) => ({ command, pkg }));
}

/** What to tell a user whose runner lacks QEMU. */
export function installHint(missing: readonly Missing[]): string {
  const pkgs = [...new Set(missing.map((m) => m.pkg))].join(' ');
  return `${missing.map((m) => m.command).join(' and ')} not found on PATH: install ${pkgs} (Debian/Ubuntu: sudo apt-get install --no-install-recommends ${pkgs}; other systems: your QEMU package with qemu-img)`;
}

export interface InstallOutcome {
  ok: boolean;
  /** One line for the log: what was installed and how long it took, or why it could not be. */
  message: string;
  seconds: number;
}

export interface InstallContext {
  run: HostRunner;
  isRoot: boolean;
  searchPath?: string;
  log(message: string): void;
}

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };
// -qq keeps apt to errors and dpkg's unpack lines; Use-Pty=0 drops the progress bar from the log.
const APT_QUIET = ['-qq', '-o', 'Dpkg::Use-Pty=0'];

export async function installQemu(
  missing: readonly Missing[],
  context: InstallContext,
): Promise<InstallOutcome> {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  const cannot = (why: string): InstallOutcome => ({
    ok: false,
    seconds: seconds(),
    message: `${installHint(missing)}. The action could not install it: ${why}`,
  });
  if (!findOnPath('apt-get', context.searchPath))
    return cannot('this runner has no apt-get (set install-qemu: false and bring QEMU yourself)');
  if (!context.isRoot && !findOnPath('sudo', context.searchPath))
    return cannot('no sudo, and the action does not run as root');
  const pkgs = [...new Set(missing.map((m) => m.pkg))];
  // sudo resets the environment; `env` carries DEBIAN_FRONTEND through it.
  const apt = (args: string[]) =>
    context.isRoot
      ? context.run('apt-get', args, APT_ENV)
      : context.run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], {});
  const install = () => apt([...APT_QUIET, 'install', '-y', '--no-install-recommends', ...pkgs]);
  context.log(`installing ${pkgs.join(' ')} (for ${missing.map((m) => m.command).join(', ')})`);
  let status = await install();
  if (status !== 0) {
    // A fresh runner's package lists can be stale (404 for a superseded version): refresh once.
    context.log(`apt-get install failed (exit ${status}); refreshing the package lists and trying again`);
    const update = await apt([...APT_QUIET, 'update']);
    if (update !== 0)
      return cannot(
        `apt-get update failed (exit ${update}${context.isRoot ? '' : '; sudo -n needs passwordless sudo'})`,
      );
    status = await install();
  }
  if (status !== 0) return cannot(`apt-get install failed (exit ${status})`);
  const still = missingQemu(context.searchPath);
  if (still.length)
    return cannot(
      `after installing ${pkgs.join(' ')}, ${still.map((m) => m.command).join(' and ')} is still not on PATH`,
    );
  return { ok: true, seconds: seconds(), message: `installed ${pkgs.join(' ')} in ${seconds()} s` };
}
