// What the artifact holds: the run's evidence files, the guest's results, and a bisection's record
// with its steps' evidence, but never a step's work folder (disk images, overlays).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceFiles } from '../../../src/action/artifact.js';
import type { GateReport } from '../../../src/report/model.js';

function touch(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'x');
  return file;
}

describe('the artifact', () => {
  it("holds the report, results, bisect.json and each step's evidence; not .work folders", () => {
    const out = mkdtempSync(path.join(tmpdir(), 'fg-artifact-'));
    const report = touch(path.join(out, 'report.json'));
    const serial = touch(path.join(out, 'serial.log'));
    touch(path.join(out, '.work', 'payload.tar'));
    const result = touch(path.join(out, 'results', 'write-readback.out'));
    const record = touch(path.join(out, 'bisect', 'bisect.json'));
    const stepReport = touch(path.join(out, 'bisect', 'step-02-aaaaaaaaaaaa', 'report.json'));
    const stepBuild = touch(path.join(out, 'bisect', 'step-03-bbbbbbbbbbbb', 'build.txt'));
    touch(path.join(out, 'bisect', 'step-02-aaaaaaaaaaaa', '.work', 'results.img'));
    touch(path.join(out, 'bisect', 'step-02-aaaaaaaaaaaa', '.work', 'vm1', 'overlay.qcow2'));
    const files = evidenceFiles(
      {
        files: { report, serialLog: serial, stacks: path.join(out, 'missing.txt') },
      } as unknown as GateReport,
      out,
    );
    expect(files.sort()).toEqual([report, serial, result, record, stepReport, stepBuild].sort());
  });
});
