import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OverlayError, createOverlay } from '../../../src/vm/overlay.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fg-overlay-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function info(file: string): {
  format: string;
  'virtual-size': number;
  'backing-filename'?: string;
  'backing-filename-format'?: string;
} {
  return JSON.parse(execFileSync('qemu-img', ['info', '--output=json', '-U', file], { encoding: 'utf8' }));
}

describe('createOverlay', () => {
  it('creates a qcow2 overlay backed by the absolute base path with its format', async () => {
    const base = path.join(dir, 'base image, raw.img');
    await writeFile(base, Buffer.alloc(4 * 1024 * 1024));
    const overlay = path.join(dir, 'over.qcow2');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await createOverlay('base image, raw.img', 'raw', overlay);
    } finally {
      process.chdir(cwd);
    }
    expect(info(overlay)).toMatchObject({
      format: 'qcow2',
      'virtual-size': 4 * 1024 * 1024,
      'backing-filename': base,
      'backing-filename-format': 'raw',
    });
  });

  it('grows the guest-visible size when asked', async () => {
    const base = path.join(dir, 'small.img');
    await writeFile(base, Buffer.alloc(1024 * 1024));
    const overlay = path.join(dir, 'grown.qcow2');
    await createOverlay(base, 'raw', overlay, 2);
    expect(info(overlay)['virtual-size']).toBe(2 * 1024 ** 3);
    await expect(createOverlay(base, 'raw', overlay, 0)).rejects.toThrow(/positive number of GiB/);
  });

  it("a missing base is an OverlayError with qemu-img's message", async () => {
    const error = await createOverlay(path.join(dir, 'absent.img'), 'raw', path.join(dir, 'x.qcow2')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OverlayError);
    expect((error as OverlayError).stderr).toMatch(/absent\.img/);
    expect((error as Error).message).toMatch(/qemu-img create failed .*No such file/);
  });

  it('a missing qemu-img is an OverlayError', async () => {
    await expect(
      createOverlay('/x', 'raw', path.join(dir, 'y.qcow2'), undefined, {
        qemuImg: path.join(dir, 'no-qemu-img'),
      }),
    ).rejects.toThrow(/could not run .*ENOENT/);
  });
});
