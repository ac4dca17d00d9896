// Shared by the bench scripts: a config and an IO for in-process runGate on the Linux test guest,
// QEMU bookkeeping (only the processes this bench started), the machine's description, statistics.
// Figures are printed, never asserted: speed targets live here, not in the tests.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type RawInputs } from '../src/config/parse.js';
import type { GateConfig } from '../src/config/types.js';
import type { GateIO } from '../src/gate/run.js';
import type { VmInstance } from '../src/vm/instance.js';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** A fresh folder under the system temp dir (short, so QEMU's unix sockets fit under .work). */
export function benchDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `fg-${prefix}-`));
}

/** A validated config for the Linux test guest, as the CLI would build it from `--guest linux ...`. */
export function linuxConfig(outDir: string, raw: RawInputs = {}): GateConfig {
  return parseConfig(
    { guest: 'linux', 'output-dir': outDir, 'upload-artifact': 'false', ...raw },
    { cwd: repoRoot, env: process.env },
  );
}

export interface BenchIO extends GateIO {
  warnings: string[];
  /** Every VM the gate started during this run (normally one; two after a boot retry). */
  vms: VmInstance[];
  /** [performance.now(), line] for each console line. */
  lines: [number, string][];
}

/** An IO that keeps warnings, console lines with their arrival time, and the VMs; prints nothing. */
export function benchIO(onLine?: (line: string, at: number) => void): BenchIO {
  const io: BenchIO = {
    warnings: [],
    vms: [],
    lines: [],
    note: () => undefined,
    warn: (message) => void io.warnings.push(message),
    consoleLine: (line) => {
      const at = performance.now();
      io.lines.push([at, line]);
      onLine?.(line, at);
    },
    group: (_name, work) => work(),
    signal: new AbortController().signal,
    onVm: (vm) => void io.vms.push(vm),
  };
  return io;
}

/** Is this pid a live (not zombie) process? */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Live qemu-system processes whose command line mentions `needle` (this run's own folder). */
export function qemuMentioning(needle: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmdline.includes('qemu-system') && cmdline.includes(needle) && alive(Number(name)))
        found.push(Number(name));
    } catch {
      // gone
    }
  }
  return found;
}

/** Every live qemu-system process on the machine (ours or not): only counted, never touched. */
export function allQemu(): number[] {
  return qemuMentioning('');
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

export function machine(): string[] {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? 'unknown';
  const qemu = (() => {
    try {
      return execFileSync('qemu-system-x86_64', ['--version'], { encoding: 'utf8' }).split('\n')[0];
    } catch (error) {
      return `unknown (${(error as Error).message})`;
    }
  })();
  const manifestPath = path.join(
    process.env.FUSEFS_GATE_CACHE ?? path.join(os.homedir(), '.cache', 'fusefs-gate'),
    'linux-guest',
    'current',
    'manifest.json',
  );
  const kernel = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { kernelRelease: string }).kernelRelease
    : 'not built';
  return [
    `date: ${new Date().toISOString()}`,
    `cpus: ${os.cpus().length} (nproc), model: ${model}`,
    `memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(os.freemem() / 2 ** 30).toFixed(1)} GiB free`,
    `load average (1/5/15 min): ${loadAverage()}; qemu-system processes running now: ${allQemu().length}`,
    `${qemu}; node ${process.version}; guest kernel ${kernel}`,
  ];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "median M (min A, max B, n N)" in seconds. */
export function spread(all: number[], unit: 's' | 'ms' = 's'): string {
  const valuesMs = all.filter((v) => Number.isFinite(v));
  if (valuesMs.length === 0) return 'n/a';
  const f = (ms: number) => (unit === 's' ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
  return `median ${f(median(valuesMs))} (min ${f(Math.min(...valuesMs))}, max ${f(Math.max(...valuesMs))}, n ${valuesMs.length})`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
