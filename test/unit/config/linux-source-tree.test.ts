import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import { partialLinuxTree as linuxTree } from '../../helpers/partial-linux-tree.js';

const parse = (raw: Record<string, string>) =>
  parseConfig(
    { guest: 'linux', 'output-dir': mkdtempSync(path.join(tmpdir(), 'fg-out-')), ...raw },
    { cwd: tmpdir(), env: {}, spell: (input) => `--${input}` },
  );

describe('--source-tree on the Linux guest', () => {
  it('a Linux tree with fs/fuse becomes the tree under test; without --source-tree there is none', () => {
    const tree = linuxTree();
    expect(parse({ 'source-tree': tree }).linuxFuseTree).toBe(tree);
    expect(parse({ 'source-tree': tree, build: 'module' }).linuxFuseTree).toBe(tree);
    expect(parse({}).linuxFuseTree).toBeUndefined();
    // The action always passes its default '.': without fs/fuse there, the packaged driver runs.
    expect(parse({ 'source-tree': '.' }).linuxFuseTree).toBeUndefined();
  });

  it('a folder without fs/fuse, build kernel of a partial tree and build none are bad input naming the input', () => {
    expect(() => parse({ 'source-tree': mkdtempSync(path.join(tmpdir(), 'fg-empty-')) })).toThrow(
      /'--source-tree'.*has no fs\/fuse\/Makefile/,
    );
    expect(() => parse({ 'source-tree': linuxTree(), build: 'kernel' })).toThrow(
      /'--source-tree'.*lacks Makefile, Kconfig, .*which a kernel build reads/,
    );
    expect(() => parse({ 'source-tree': linuxTree(), build: 'none' })).toThrow(
      /'--build'.*would test nothing/,
    );
    expect(() => parse({ 'source-tree': '.', build: 'module' })).toThrow(
      /'--source-tree'.*has no fs\/fuse\/Makefile/,
    );
  });
});
