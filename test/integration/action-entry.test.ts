// The action's entry as GitHub runs it: inputs arrive as INPUT_* variables, outputs and state go to
// the files named by GITHUB_OUTPUT and GITHUB_STATE.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/gate.js';

const main = path.join(repoRoot, 'dist', 'main', 'index.js');
const post = path.join(repoRoot, 'dist', 'post', 'index.js');

function runEntry(entry: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run 'npm run bundle' first`);
  const dir = tempDir('action');
  const files = { GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STATE: path.join(dir, 'state'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', RUNNER_TEMP: dir, GITHUB_WORKSPACE: repoRoot, ...files, ...extraEnv };
  // GitHub passes each input as INPUT_<NAME upper-cased, spaces as _>; dashes stay dashes.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [entry], { env, encoding: 'utf8', timeout: 60_000 });
  return { ...result, outputs: readFileSync(files.GITHUB_OUTPUT, 'utf8'), state: readFileSync(files.GITHUB_STATE, 'utf8') };
}

describe('the action entry', () => {
  it('gives one clear error naming a bad input, and starts nothing', () => {
    const result = runEntry(main, { guest: 'linux', timeout: 'tomorrow' });
    expect(result.status).not.toBe(0);
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/invalid input 'timeout': "tomorrow" is not a positive number/);
    expect(result.state).toBe('');
    expect(result.outputs).toMatch(/^verdict<<.*\nerror\n/m);
  });

  it('names the input for an unknown enum and a missing source tree', () => {
    expect(runEntry(main, { guest: 'linux', accel: 'hvf' }).stdout).toMatch(/::error::invalid input 'accel'/);
    expect(runEntry(main, { guest: 'freebsd', 'source-tree': '/no/such/tree' }).stdout).toMatch(/::error::invalid input 'source-tree'/);
  });

  it('post step: with no recorded QEMU it does nothing and succeeds', () => {
    const result = runEntry(post, {});
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/::error/);
  });
});
