// Which Linux test guest a run asks for: the packaged-driver run boots the cloud guest, a Linux tree
// run only the generic one (with module headers). Asking for both made a tree run on a fresh cache
// build a guest it never boots, minutes under the build timeout.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { partialLinuxTree as linuxTree } from '../../helpers/partial-linux-tree.js';

const asked: string[] = [];
const rebuilt: { because?: string } = {};

vi.mock('../../../src/image/linux-guest.js', async (original) => ({
  ...(await original<typeof import('../../../src/image/linux-guest.js')>()),
  ensureLinuxGuest: async (_cache: string, _timeout: number, _log: unknown, flavour: string) => {
    asked.push(flavour);
    if (rebuilt.because && flavour === 'generic') return { rebuiltBecause: rebuilt.because, dir: '/nowhere' };
    // Stop the plan here: what was asked for is what this test is about.
    throw new Error('stop after the guest was asked for');
  },
}));

const { planGuest } = await import('../../../src/gate/boot.js');
const { parseConfig } = await import('../../../src/config/parse.js');
const { recordingIO } = await import('../../helpers/gate.js');

const config = (raw: Record<string, string>) =>
  parseConfig(
    { guest: 'linux', 'output-dir': mkdtempSync(path.join(tmpdir(), 'fg-out-')), ...raw },
    { cwd: tmpdir(), env: {}, spell: (input) => `--${input}` },
  );

beforeEach(() => {
  asked.length = 0;
  delete rebuilt.because;
});

describe('the Linux test guest a run asks for', () => {
  it('a run of the packaged driver asks for the cloud guest only', async () => {
    await expect(planGuest(config({}), recordingIO())).rejects.toThrow(/stop after/);
    expect(asked).toEqual(['cloud']);
  });

  it('a Linux tree run (module build) asks for the generic guest only', async () => {
    await expect(planGuest(config({ 'source-tree': linuxTree() }), recordingIO())).rejects.toThrow(
      /stop after/,
    );
    expect(asked).toEqual(['generic']);
  });

  it('a rebuilt guest is said as a warning, for the tree run too', async () => {
    rebuilt.because = 'the kernel package changed';
    const io = recordingIO();
    // The fake image is not a whole one: the plan stops on it after the warning.
    await planGuest(config({ 'source-tree': linuxTree() }), io).catch(() => undefined);
    expect(io.warnings).toContain('Linux test guest: the kernel package changed');
  });
});
