import { describe, expect, it } from 'vitest';
import { codeOf, tableRows } from '../../../bench/mutation-current.js';

describe('mutation-current: the rows of the mutation tables', () => {
  it('reads each module row with the commit of its last column, not its per-file rows', () => {
    const table = [
      '| module / file | score | killed | survived | no coverage | target 85% | commit |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| **report-stacks** | **96.4%** | 460 | 17 | 0 | met | `e4a74e8` |',
      '| &nbsp;&nbsp;src/report/stacks.ts | 96.8% | 30 | 1 | 0 | | |',
      '| **gate-blame** | **98.9%** | 184 | 2 | 0 | met | `9fd77c6` |',
      '| **gate/floor (medians)** | 1.2x | | | | | |',
    ].join('\n');
    expect(tableRows(table)).toEqual([
      { module: 'report-stacks', commit: 'e4a74e8' },
      { module: 'gate-blame', commit: '9fd77c6' },
    ]);
  });
});

describe('mutation-current: the same code is the same mutants', () => {
  const original = [
    'const TYPEFLAG: Record<string, string> = { file: "0", dir: "5" };',
    'export function signed(b: number[]): number { return ((b[0]! << 24) >> 24) + 1; }',
  ].join('\n');

  it('a reflow, a comment and redundant parentheses change nothing', () => {
    const reflowed = [
      '// the tar type flags',
      'const TYPEFLAG: Record<string, string> = {',
      '  file: "0",',
      '  dir: "5",',
      '};',
      'export function signed(b: number[]): number {',
      '  return ((b[0] as number) << 24 >> 24) + 1;',
      '}',
    ].join('\n');
    expect(codeOf('a.ts', reflowed)).toBe(codeOf('a.ts', original));
  });

  it('an operator or a literal changed is another code', () => {
    expect(codeOf('a.ts', original.replace('+ 1', '- 1'))).not.toBe(codeOf('a.ts', original));
    expect(codeOf('a.ts', original.replace('"5"', '"6"'))).not.toBe(codeOf('a.ts', original));
  });

  it('a Stryker directive added is another set of mutants', () => {
    const marked = `// Stryker disable next-line StringLiteral: a name no reader uses\n${original}`;
    expect(codeOf('a.ts', marked)).not.toBe(codeOf('a.ts', original));
  });
});
