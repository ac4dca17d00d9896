import { describe, expect, it } from 'vitest';
import { tableRows } from '../../../bench/mutation-current.js';

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
