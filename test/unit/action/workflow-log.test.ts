import { describe, expect, it } from 'vitest';
import { WorkflowLog, commandLine } from '../../../src/action/workflow-log.js';

function recorder() {
  const out: string[] = [];
  let n = 0;
  const log = new WorkflowLog(
    (text) => out.push(text),
    () => `token${++n}`,
  );
  return { out, log };
}

describe('WorkflowLog', () => {
  it('puts guest text inside one stop-commands span and closes it before a command', () => {
    const { out, log } = recorder();
    log.text('::error::x');
    log.text('::set-env name=A::b');
    log.command(() => out.push('::group::Tests\n'));
    log.text('more');
    log.resume();
    expect(out.join('')).toBe(
      '::stop-commands::token1\n::error::x\n::set-env name=A::b\n::token1::\n::group::Tests\n::stop-commands::token2\nmore\n::token2::\n',
    );
  });

  it('uses a fresh random token for each span by default', () => {
    const out: string[] = [];
    const log = new WorkflowLog((text) => out.push(text));
    log.text('a');
    log.resume();
    log.text('b');
    log.resume();
    const tokens = out.join('').match(/^::stop-commands::(\w+)$/gm) ?? [];
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(tokens[0]).toMatch(/^::stop-commands::[0-9a-f]{32}$/);
  });

  it('resume without an open span writes nothing', () => {
    const { out, log } = recorder();
    log.resume();
    expect(out).toEqual([]);
  });
});

describe('commandLine', () => {
  it('escapes data and properties the way the toolkit does', () => {
    expect(commandLine('warning', 'a%b\nc', { title: 'x: y, z' })).toBe(
      '::warning title=x%3A y%2C z::a%25b%0Ac\n',
    );
    expect(commandLine('endgroup', '')).toBe('::endgroup::\n');
  });
});
