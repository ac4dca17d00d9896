// Helpers for integration tests that run the real gate on the Linux test guest.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig, type RawInputs } from '../../src/config/parse.js';
import { packageRoot } from '../../src/package-root.js';
import type { GateIO } from '../../src/gate/run.js';
import type { GateReport } from '../../src/report/model.js';
import { runningVmPids } from '../../src/vm/registry.js';

// Found by the package manifest, so the helpers work from test/ and when compiled under lib/ (benches).
export const repoRoot = packageRoot();
export const cliPath = path.join(repoRoot, 'dist', 'cli', 'index.js');

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `fg-${prefix}-`));
}

/** A validated config for the Linux test guest, evidence in a fresh folder. */
export function linuxConfig(raw: RawInputs = {}) {
  return parseConfig(
    { guest: 'linux', 'output-dir': tempDir('out'), 'upload-artifact': 'false', ...raw },
    { cwd: repoRoot, env: process.env },
  );
}

export interface RecordingIO extends GateIO {
  lines: string[];
  notes: string[];
  warnings: string[];
}

export function recordingIO(
  onLine?: (line: string) => void,
  signal: AbortSignal = new AbortController().signal,
): RecordingIO {
  const io: RecordingIO = {
    lines: [],
    notes: [],
    warnings: [],
    note: (m) => void io.notes.push(m),
    warn: (m) => void io.warnings.push(m),
    consoleLine: (line) => {
      io.lines.push(line);
      onLine?.(line);
    },
    group: (_name, work) => work(),
    signal,
  };
  return io;
}

/** QEMU processes this test process started that are still alive. */
export function livingVms(): number[] {
  return runningVmPids().filter((pid) => existsSync(`/proc/${pid}`));
}

/** Every live qemu-system process whose command line mentions `needle`. */
export function qemuProcessesMentioning(needle: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmdline.includes('qemu-system') && cmdline.includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

export function readReport(outDir: string): GateReport {
  return JSON.parse(readFileSync(path.join(outDir, 'report.json'), 'utf8')) as GateReport;
}

export interface CliRun {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Spawns the bundled CLI as a user would (in `env`); the test bounds it with `timeoutMs`. */
export function spawnCli(args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = process.env): CliRun {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run 'npm run bundle' first`);
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: CliRun = {
    child,
    stdout: '',
    stderr: '',
    done: new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout: run.stdout, stderr: run.stderr });
      });
    }),
  };
  child.stdout!.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return run;
}
