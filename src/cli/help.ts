// `fusefs-gate --help`, `fusefs-gate run --help`, `--version`: generated from action.yml and package.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CliFlag } from '../constants.js';
import { packageRoot } from '../package-root.js';
import { cliDefault, type InputSpec } from './action-inputs.js';

export const EXIT_LINE =
  'exit status: 0 pass, 1 fail, 2 hang, 3 panic, 64 bad usage or input, 125 undecided (git bisect run skips it), 130/143 cancelled';

export function version(): string {
  const manifest = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return `fusefs-gate ${manifest.version}`;
}

export function mainUsage(): string {
  return [
    'usage: fusefs-gate run [--NAME VALUE]...   run the gate once; the exit status is the verdict',
    '       fusefs-gate bisect --source-tree DIR --good REF --bad REF [run flags]   first commit that fails like --bad',
    '       fusefs-gate stacks FILE             parse kernel stacks from a saved log or procstat -kk output; print JSON',
    '       fusefs-gate --help | --version',
    '',
    `'fusefs-gate run --help' lists every flag with its default.`,
    EXIT_LINE,
  ].join('\n');
}

const WIDTH = 100;
const FLAG_COLUMN = 28;

export function runHelp(inputs: readonly InputSpec[]): string {
  const out = [
    'usage: fusefs-gate run [--NAME VALUE]...',
    '',
    'Boots the guest, runs the selected tests under the watchdog and exits with the verdict.',
    'Every input of the GitHub Action (action.yml) is a flag of the same name:',
    '',
  ];
  for (const spec of inputs) {
    const value = spec.boolean ? '[true|false]' : 'VALUE';
    const dflt = cliDefault(spec);
    out.push(
      ...option(`--${spec.name} ${value}`, `${spec.description} (default: ${dflt === '' ? 'empty' : dflt})`),
    );
  }
  out.push('', 'CLI only:');
  out.push(...option(`--${CliFlag.Out} DIR`, 'Same as --output-dir.'));
  out.push(
    ...option(
      `--${CliFlag.Verbose}`,
      'Show the guest console live (it is always saved to serial.log); the default on a terminal is one line per phase.',
    ),
  );
  out.push(
    ...option(
      `--${CliFlag.Quiet}`,
      'Neither the guest console nor log headings; notes and the verdict only.',
    ),
  );
  out.push(...option(`-h, --${CliFlag.Help}`, 'This help.'));
  out.push(...option(`--${CliFlag.Version}`, 'Print the version.'));
  out.push('', EXIT_LINE);
  return out.join('\n');
}

function option(flag: string, text: string): string[] {
  const lines = wrap(text, WIDTH - FLAG_COLUMN);
  const first =
    flag.length < FLAG_COLUMN - 2
      ? `  ${flag.padEnd(FLAG_COLUMN - 2)}${lines[0]}`
      : `  ${flag}\n${' '.repeat(FLAG_COLUMN)}${lines[0]}`;
  return [first, ...lines.slice(1).map((line) => `${' '.repeat(FLAG_COLUMN)}${line}`)];
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}
