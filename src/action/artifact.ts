// Upload the run's evidence as one workflow artifact.
import { DefaultArtifactClient } from '@actions/artifact';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GateReport } from '../report/model.js';

/** Uploads the evidence; returns the artifact's web address when GitHub says where it is. */
/**
 * How long the upload may take. The client retries a refused connection a few times (about 25 s),
 * but it sets no timeout on a request: a results service that accepts and never answers would hold
 * the step until GitHub ends the job. The evidence is a few MiB; ten minutes is ample.
 */
export const UPLOAD_TIMEOUT_MS = 10 * 60_000;

export async function uploadEvidence(
  name: string,
  report: GateReport,
  outDir: string,
  retentionDays?: number,
  timeoutMs = UPLOAD_TIMEOUT_MS,
): Promise<string | undefined> {
  const files = evidenceFiles(report, outDir);
  if (files.length === 0) return undefined;
  const client = new DefaultArtifactClient();
  // Without retentionDays GitHub applies the repository's setting.
  const upload = client.uploadArtifact(
    name,
    files,
    outDir,
    retentionDays === undefined ? {} : { retentionDays },
  );
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `it did not finish within ${Math.round(timeoutMs / 1000)} s (the results service did not answer)`,
          ),
        ),
      timeoutMs,
    );
  });
  // The abandoned request's socket would keep the process alive: src/main.ts exits when the step is done.
  const { id } = await Promise.race([upload, bound]).finally(() => clearTimeout(timer));
  return artifactUrl(id, process.env);
}

/** The files the artifact holds: the run's evidence, the guest's results, a bisection's record and steps. */
export function evidenceFiles(report: GateReport, outDir: string): string[] {
  const files = [
    report.files.report,
    report.files.stacks,
    report.files.junit,
    report.files.summary,
    report.files.serialLog,
  ].filter((file): file is string => !!file && existsSync(file));
  files.push(...listFiles(path.join(outDir, 'results')));
  // The bisection's record and its steps' evidence; not their work folders (disks, overlays).
  files.push(...listFiles(path.join(outDir, 'bisect'), (name) => name === '.work'));
  return files;
}

export function artifactUrl(id: number | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  if (id === undefined || !GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}/artifacts/${id}`;
}

function listFiles(dir: string, skip: (name: string) => boolean = () => false): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (skip(name)) return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, skip) : [full];
  });
}
