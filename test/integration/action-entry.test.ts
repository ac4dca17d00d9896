// The action's entry as GitHub runs it: inputs arrive as INPUT_* variables, outputs and state go to
// the files named by GITHUB_OUTPUT and GITHUB_STATE.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uploadEvidence } from '../../src/action/artifact.js';
import type { GateReport } from '../../src/report/model.js';
import {
  mainEntry as main,
  parseOutputs,
  postEntry as post,
  runEntry as runEntryWith,
  withDefaults,
} from '../helpers/action-entry.js';
import { neverAShellGuestCache } from '../helpers/broken-guest.js';
import { qemuProcessesMentioning, tempDir } from '../helpers/gate.js';

const runEntry = (
  entry: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  timeout = 60_000,
) => runEntryWith(entry, inputs, extraEnv, { timeout });

describe('the action entry', () => {
  it('gives one clear error naming a bad input, and starts nothing', () => {
    const result = runEntry(main, { guest: 'linux', timeout: 'tomorrow' });
    expect(result.status).not.toBe(0);
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/invalid input 'timeout': "tomorrow" is not a positive number/);
    expect(result.state).toBe('');
    expect(result.outputs).toMatch(/^verdict<<.*\nerror\n/m);
  });

  it('names the input for an unknown enum and a missing source tree', () => {
    expect(runEntry(main, { guest: 'linux', accel: 'hvf' }).stdout).toMatch(/::error::invalid input 'accel'/);
    expect(runEntry(main, { guest: 'freebsd', 'source-tree': '/no/such/tree' }).stdout).toMatch(
      /::error::invalid input 'source-tree'/,
    );
  });

  it("the README's required check (fail-on: hang,panic) on a boot that never reaches a shell: red, verdict error, guest commands inert", () => {
    const cache = neverAShellGuestCache('::error::x');
    // The README's required-check example, on the Linux test guest (this machine cannot boot FreeBSD).
    // Its `gtest-filter` is left out: the Linux guest has no write.cc tests, and says so (exit 64).
    const inputs = withDefaults({
      guest: 'linux',
      'source-tree': '.',
      repeat: '3',
      'fail-on': 'hang,panic',
      'job-timeout': '4800',
      // Long enough for the kernel to boot and the shell to print its line under a loaded TCG.
      'boot-timeout': '20',
      'cache-dir': cache,
      // No artifact service here; the upload is not what this test is about.
      'upload-artifact': 'false',
    });
    const result = runEntry(main, inputs, {}, 120_000);
    expect(result.status, result.stdout.slice(-3000)).toBe(125);
    expect(parseOutputs(result.outputs).verdict).toBe('error');

    // Walk the log as GitHub's runner does: nothing between ::stop-commands::TOKEN and ::TOKEN:: is a command.
    const lines = result.stdout.split('\n');
    let token: string | undefined;
    const guestLineStates: boolean[] = [];
    const commands: string[] = [];
    for (const line of lines) {
      if (token !== undefined) {
        if (line === `::${token}::`) token = undefined;
        else if (line === '::error::x') guestLineStates.push(true);
        continue;
      }
      const stop = /^::stop-commands::(\S+)$/.exec(line);
      if (stop) token = stop[1];
      else if (line === '::error::x') guestLineStates.push(false);
      else if (line.startsWith('::')) commands.push(line);
    }
    // The guest printed it on both boot attempts; each time it is plain text inside a span.
    expect(guestLineStates.length, result.stdout.slice(-4000)).toBeGreaterThanOrEqual(1);
    expect(guestLineStates.every(Boolean)).toBe(true);
    expect(token).toBeUndefined();
    // One error annotation, the verdict's; no second one repeating it.
    const errors = commands.filter((c) => c.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^::error title=fusefs-gate%3A error::fusefs-gate verdict error: boot did not reach a shell/,
    );
    expect(qemuProcessesMentioning(cache)).toEqual([]);
  }, 150_000);

  it('allow-error: true lets the same undecided run through, with a warning that says so', () => {
    const cache = neverAShellGuestCache('guest-says-hello');
    const result = runEntry(
      main,
      withDefaults({
        guest: 'linux',
        'fail-on': 'hang,panic',
        'allow-error': 'true',
        'boot-timeout': '8',
        'cache-dir': cache,
        'upload-artifact': 'false',
      }),
      {},
      120_000,
    );
    expect(result.status, result.stdout.slice(-3000)).toBe(0);
    expect(parseOutputs(result.outputs).verdict).toBe('error');
    expect(result.stdout).not.toMatch(/^::error/m);
    expect(result.stdout).toMatch(
      /^::warning title=fusefs-gate%3A error::.*An undecided run was let through \(allow-error: true\)/m,
    );
  }, 150_000);

  it('QEMU missing and apt failing: error naming what to install, exit 125 even with fail-on: hang,panic', () => {
    // A PATH with no QEMU, and fake sudo and apt-get that record their arguments and fail.
    const bin = tempDir('fake-bin');
    for (const name of ['sudo', 'apt-get']) {
      writeFileSync(path.join(bin, name), `#!/bin/sh\necho "${name} $*" >> ${bin}/calls.log\nexit 1\n`);
      chmodSync(path.join(bin, name), 0o755);
    }
    const result = runEntry(
      main,
      withDefaults({ guest: 'linux', 'fail-on': 'hang,panic', 'upload-artifact': 'false' }),
      { PATH: bin },
    );
    expect(result.status, result.stdout).toBe(125);
    expect(parseOutputs(result.outputs).verdict).toBe('error');
    expect(result.stdout).toMatch(/^::group::Install QEMU$/m);
    // Root runs apt-get itself; anyone else goes through sudo -n.
    const calls = readFileSync(path.join(bin, 'calls.log'), 'utf8');
    expect(calls).toMatch(
      /^(apt-get|sudo -n env DEBIAN_FRONTEND=noninteractive apt-get) -qq -o Dpkg::Use-Pty=0 install -y --no-install-recommends qemu-system-x86 qemu-utils$/m,
    );
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /fusefs-gate verdict error: qemu-system-x86_64 and qemu-img not found on PATH: install qemu-system-x86 qemu-utils .*could not install it/,
    );

    const off = runEntry(
      main,
      withDefaults({ guest: 'linux', 'install-qemu': 'false', 'upload-artifact': 'false' }),
      { PATH: tempDir('empty-bin') },
    );
    expect(off.status).toBe(125);
    expect(off.stdout).not.toMatch(/::group::Install QEMU/);
    expect(off.stdout).toMatch(/^::error .*install qemu-system-x86 qemu-utils.*\(install-qemu is false\)/m);
  });

  it('post step: with no recorded QEMU it does nothing and succeeds', () => {
    const result = runEntry(post, {});
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/::error/);
  });
});

/** A runtime token as the artifact client reads it: only the Actions.Results scope of its payload matters. */
const RUNTIME_TOKEN = [
  Buffer.from('{"alg":"none"}').toString('base64url'),
  Buffer.from(
    JSON.stringify({
      scp: 'Actions.Results:ce7f54c7-61c7-4aae-887f-30da475f5f1a:ca395085-040a-526b-2ce8-bdc85f692774',
    }),
  ).toString('base64url'),
  'unsigned',
].join('.');

/**
 * A results service on loopback in its own process (runEntry blocks this one): it refuses every
 * request with 400, which the artifact client does not retry. Resolves to its URL and a stop.
 */
async function refusingResultsService(): Promise<{ url: string; stop: () => void }> {
  const script = `const s = require('node:http').createServer((q, r) => { r.writeHead(400, { 'content-type': 'application/json' }); r.end('{"code":"invalid_argument","msg":"refused by the test service"}'); });
s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', () => reject(new Error('the test results service did not start')));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

describe('the action entry on a runner whose files and services fail', () => {
  it('GITHUB_OUTPUT and GITHUB_STEP_SUMMARY unwritable, GITHUB_STATE missing, the artifact service refusing: error naming GITHUB_OUTPUT, warnings for the rest, no internal error', async () => {
    const service = await refusingResultsService();
    try {
      // Folders where files are expected: appending fails with EISDIR, for root too.
      const runnerFiles = tempDir('runner-files');
      const asFolder = (name: string) => {
        const dir = path.join(runnerFiles, name);
        mkdirSync(dir);
        return dir;
      };
      const out = tempDir('action-out');
      const result = runEntry(
        main,
        withDefaults({
          guest: 'linux',
          workloads: 'write-readback',
          timeout: '30',
          'output-dir': out,
          'artifact-name': 'host-faults',
        }),
        {
          GITHUB_OUTPUT: asFolder('output'),
          GITHUB_STEP_SUMMARY: asFolder('summary'),
          GITHUB_STATE: path.join(runnerFiles, 'no-such-state'),
          ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
          ACTIONS_RESULTS_URL: service.url,
        },
        150_000,
      );
      const log = result.stdout;
      expect(result.status, log.slice(-3000)).toBe(125);
      expect(log).not.toMatch(/fusefs-gate: internal error|^\s+at \S+ \(/m);
      const errors = log.split('\n').filter((line) => line.startsWith('::error'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /fusefs-gate verdict error: the step's outputs \(verdict and after it\) could not be written: GITHUB_OUTPUT ".*\/output": EISDIR; the run itself had decided pass: all 1 test\(s\) passed/,
      );
      // The warning carries the test service's own words: the upload really went to it.
      expect(log).toMatch(
        new RegExp(
          `^::warning::artifact upload failed: .*refused by the test service; the evidence stays in ${out} on the runner$`,
          'm',
        ),
      );
      expect(log).toMatch(/^::warning::job summary not written: EISDIR/m);
      expect(log).toMatch(
        /^::warning::state output-dir for the post step could not be saved: GITHUB_STATE ".*no-such-state": ENOENT \(no such file\)/m,
      );
      // The evidence itself was written: the run's own verdict is in it.
      expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'))).toMatchObject({
        verdict: 'pass',
      });
      expect(qemuProcessesMentioning(out)).toEqual([]);
    } finally {
      service.stop();
    }
  }, 160_000);

  it('an artifact upload whose service never answers gives up at its bound, naming it', async () => {
    // The real artifact client against a loopback service that takes the request and never answers.
    let asked = 0;
    const server = http.createServer(() => void asked++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const saved = { token: process.env.ACTIONS_RUNTIME_TOKEN, url: process.env.ACTIONS_RESULTS_URL };
    process.env.ACTIONS_RUNTIME_TOKEN = RUNTIME_TOKEN;
    process.env.ACTIONS_RESULTS_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const out = tempDir('upload');
      writeFileSync(path.join(out, 'report.json'), '{}\n');
      const report = { files: { report: path.join(out, 'report.json') } } as unknown as GateReport;
      await expect(uploadEvidence('never-answered', report, out, undefined, 2_000)).rejects.toThrow(
        'it did not finish within 2 s (the results service did not answer)',
      );
      expect(asked).toBe(1);
    } finally {
      process.env.ACTIONS_RUNTIME_TOKEN = saved.token;
      process.env.ACTIONS_RESULTS_URL = saved.url;
      if (saved.token === undefined) delete process.env.ACTIONS_RUNTIME_TOKEN;
      if (saved.url === undefined) delete process.env.ACTIONS_RESULTS_URL;
      server.closeAllConnections();
      server.close();
    }
  }, 30_000);
});
