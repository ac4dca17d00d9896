// Upload the run's evidence as one workflow artifact.
import { DefaultArtifactClient } from '@actions/artifact';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GateReport } from '../report/model.js';

export async function uploadEvidence(name: string, report: GateReport, outDir: string): Promise<void> {
  const files = [report.files.report, report.files.stacks, report.files.junit, report.files.summary, report.files.serialLog].filter(
    (file): file is string => !!file && existsSync(file),
  );
  files.push(...listFiles(path.join(outDir, 'results')));
  const client = new DefaultArtifactClient();
  await client.uploadArtifact(name, files, outDir, { retentionDays: 14 });
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
