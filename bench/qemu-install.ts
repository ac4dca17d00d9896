// How long the action's QEMU install (src/action/host-deps.ts) takes on a machine without QEMU,
// measured without taking QEMU away from this shared machine (other runs use it right now):
//  1. The install set: a private copy of dpkg's status file with QEMU and what only QEMU needs taken
//     out (what `apt-get -s autoremove --purge` would remove) stands for "this machine without QEMU";
//     `apt-get -s --no-install-recommends install qemu-system-x86 qemu-utils` against it lists what
//     the action would install. The same with recommends shows what --no-install-recommends saves.
//  2. Download: `apt-get download` of that set from the machine's own apt sources into a temp folder.
//  3. Unpack: `dpkg-deb -x` of every package into a temp root (dpkg's unpack work; maintainer
//     scripts and triggers such as man-db and ldconfig are not run, so the real install is a bit slower).
//  4. `apt-get update` into private list folders (the action runs it only when the install fails).
// Nothing here touches the system's dpkg database, package lists or archive cache.
// Run: npx tsc -p . && node lib/bench/qemu-install.js [REPS=3]

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchDir, machine, median } from './common.js';

const PACKAGES = ['qemu-system-x86', 'qemu-utils'];

function apt(args: string[], options: { cwd?: string } = {}): string {
  return execFileSync('apt-get', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
    ...options,
  });
}

/** dpkg's status file without the stanzas of `remove`. */
function statusWithout(remove: Set<string>): string {
  return readFileSync('/var/lib/dpkg/status', 'utf8')
    .split(/\n(?=Package: )/)
    .filter((stanza) => !remove.has(/^Package: (\S+)/.exec(stanza)?.[1] ?? ''))
    .join('\n');
}

function simulatedInstall(status: string, recommends: boolean): string[] {
  const out = apt([
    '-s',
    '-o',
    `Dir::State::status=${status}`,
    'install',
    recommends ? '--install-recommends' : '--no-install-recommends',
    ...PACKAGES,
  ]);
  return [...out.matchAll(/^Inst (\S+)/gm)].map((m) => m[1]!);
}

function seconds(work: () => void): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

function main(): void {
  const reps = Number(process.argv[2] ?? 3);
  const dir = benchDir('qemu-install');
  const removed = new Set(
    [...apt(['-s', 'autoremove', '--purge', ...PACKAGES]).matchAll(/^Purg (\S+)/gm)].map((m) => m[1]!),
  );
  const status = path.join(dir, 'status');
  writeFileSync(status, statusWithout(removed));
  const installSet = simulatedInstall(status, false);
  const withRecommends = simulatedInstall(status, true);

  const downloads: number[] = [];
  const unpacks: number[] = [];
  let bytes = 0;
  for (let rep = 0; rep < reps; rep++) {
    const debs = path.join(dir, `debs-${rep}`);
    const root = path.join(dir, `root-${rep}`);
    mkdirSync(debs);
    mkdirSync(root);
    downloads.push(
      seconds(() => apt(['-o', 'APT::Sandbox::User=root', 'download', ...installSet], { cwd: debs })),
    );
    const files = readdirSync(debs).filter((name) => name.endsWith('.deb'));
    bytes = files.reduce((sum, name) => sum + statSync(path.join(debs, name)).size, 0);
    unpacks.push(
      seconds(() => {
        for (const name of files) execFileSync('dpkg-deb', ['-x', path.join(debs, name), root]);
      }),
    );
    rmSync(debs, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  }
  const lists = path.join(dir, 'lists');
  mkdirSync(path.join(lists, 'partial'), { recursive: true });
  mkdirSync(path.join(dir, 'cache', 'archives', 'partial'), { recursive: true });
  const update = seconds(() =>
    apt(['-qq', '-o', `Dir::State::Lists=${lists}`, '-o', `Dir::Cache=${path.join(dir, 'cache')}`, 'update']),
  );
  rmSync(dir, { recursive: true, force: true });

  const s = (v: number) => `${v.toFixed(1)} s`;
  const lines = [
    `## QEMU install on a machine without QEMU (\`node lib/bench/qemu-install.js ${reps}\`)`,
    '',
    `Measured on: ${machine().join('; ')}.`,
    '',
    `- Install set of \`apt-get install --no-install-recommends ${PACKAGES.join(' ')}\` on this machine with QEMU and what only QEMU needs taken out: **${installSet.length} packages**, ${(bytes / 1048576).toFixed(1)} MiB of .deb (${installSet.join(', ')}).`,
    `- With recommends it would be ${withRecommends.length} packages (${withRecommends.filter((p) => !installSet.includes(p)).join(', ') || 'none more'}).`,
    `- Download from the machine's apt sources: median ${s(median(downloads))} (${downloads.map(s).join(', ')}).`,
    `- Unpack (\`dpkg-deb -x\`, no maintainer scripts or triggers): median ${s(median(unpacks))} (${unpacks.map(s).join(', ')}).`,
    `- **Install estimate (download + unpack): ${s(median(downloads) + median(unpacks))}**; \`apt-get update\` (run only when the first install fails) adds ${s(update)}.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
