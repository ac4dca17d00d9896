// The CLI's flags are the action's inputs, read from action.yml itself so the two never drift: every
// input is `--NAME`, described and defaulted as in action.yml.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { Input } from '../constants.js';
import { packageRoot } from '../package-root.js';

export interface InputSpec {
  name: Input;
  description: string;
  /** The default as action.yml states it ('' for none). */
  default: string;
  /** A true/false input: on the CLI a bare `--NAME` means true. */
  boolean: boolean;
}

/** What the CLI does differently from the action, and says so in its help. */
export const CLI_DEFAULTS: Partial<Record<Input, string>> = {
  // The CLI never runs sudo apt-get on a laptop unless asked to.
  [Input.InstallQemu]: 'false',
  [Input.OutputDir]: './fusefs-gate-out',
  [Input.MatrixLeg]: '',
};

export function readActionInputs(
  text = readFileSync(path.join(packageRoot(), 'action.yml'), 'utf8'),
): InputSpec[] {
  const action = parse(text) as { inputs?: Record<string, { description?: string; default?: unknown }> };
  const known = new Set<string>(Object.values(Input));
  return Object.entries(action.inputs ?? {})
    .filter(([name]) => known.has(name))
    .map(([name, spec]) => {
      const value = spec.default === undefined ? '' : String(spec.default);
      return {
        name: name as Input,
        description: String(spec.description ?? '').trim(),
        default: value,
        boolean: value === 'true' || value === 'false',
      };
    });
}

/** The default the CLI applies, for its help: action.yml's, unless the CLI differs. */
export function cliDefault(spec: InputSpec): string {
  const own = CLI_DEFAULTS[spec.name];
  if (own !== undefined) return own;
  // `${{ ... }}` defaults are evaluated by GitHub's runner; the CLI has none.
  return spec.default.includes('${{') ? '' : spec.default;
}
