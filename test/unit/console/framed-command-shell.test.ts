// framedCommand run for real by the console engine against an interactive shell of the ash family
// on a pseudo-terminal (util-linux script(1)), with job control on, as the guest's root shell on the
// serial console is. FreeBSD's /bin/sh (an ash too) cannot run here; dash and busybox sh share the
// code path the framing relies on (evalsubshell: fork, redirections in the child, the parent's
// waitforjob sets $?; FreeBSD bin/sh/eval.c, jobs.c), which this checks on them.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleStream, SerialConsole } from '../../../src/console/serial-console.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

const shells: [string, string][] = [
  ['dash', 'dash -i'],
  ['busybox sh', 'busybox sh -i'],
].filter(([, command]) => spawnSync('sh', ['-c', `command -v ${command.split(' ')[0]}`]).status === 0) as [
  string,
  string,
][];

let child: ChildProcess | undefined;
let dir: string | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** An interactive `shell` on a pty, driven by the real console engine, synced on a first framed command. */
async function consoleOn(shell: string): Promise<SerialConsole> {
  const proc = spawn('script', ['-qfec', shell, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child = proc;
  const stream: ConsoleStream = {
    write: (data) => proc.stdin!.write(data),
    onData: (listener) => {
      proc.stdout!.on('data', listener);
      proc.stderr!.on('data', listener);
    },
    onClose: (listener) => proc.on('close', listener),
  };
  const console = new SerialConsole(stream, {
    profile: { shellPrompt: /fg# $/, bootBanner: /^never$/, panicStart: /^never$/, panicEnd: /^never$/ },
    nonce: 'a1b2c3d4e5f6',
  });
  console.send("stty -echo; PS1='fg# '; PS2=''\n");
  await console.run('true', { timeoutMs: 20_000 });
  return console;
}

describe.skipIf(!hasScript || shells.length === 0)(
  'framed commands in an interactive ash-family shell',
  () => {
    it.each(shells)(
      '%s: an exit ends the command with its status, not the shell; cd and variables do not reach the next command',
      async (_name, shell) => {
        const console = await consoleOn(shell);
        const run = (command: string) => console.run(command, { timeoutMs: 20_000 });
        await expect(run('cd /proc; X=set; echo three; exit 3')).resolves.toMatchObject({
          exitStatus: 3,
          output: 'three\n',
        });
        // The same shell answers: it was not the one that exited.
        expect((await run('pwd; echo "x=${X:-unset}"')).output).not.toMatch(/^\/proc$|x=set/m);
        await expect(run('false')).resolves.toMatchObject({ exitStatus: 1 });
        // A command ended by a signal: 128 + the signal, as waitforjob reports it.
        await expect(run("sh -c 'kill -TERM $$'")).resolves.toMatchObject({ exitStatus: 143 });
        // stdin is /dev/null: a reader gets end of file, not the next command line.
        await expect(run('cat; echo read-done')).resolves.toMatchObject({
          exitStatus: 0,
          output: 'read-done\n',
        });
      },
    );

    it.each(shells)(
      '%s: a background job started in a command outlives the command',
      async (_name, shell) => {
        const console = await consoleOn(shell);
        dir = mkdtempSync(path.join(tmpdir(), 'fg-frame-'));
        const pidFile = path.join(dir, 'pid');
        const run = (command: string) => console.run(command, { timeoutMs: 20_000 });
        await expect(run(`sleep 60 >/dev/null 2>&1 & echo $! >${pidFile}`)).resolves.toMatchObject({
          exitStatus: 0,
        });
        await expect(run(`kill -0 $(cat ${pidFile})`)).resolves.toMatchObject({ exitStatus: 0 });
        await expect(run(`kill $(cat ${pidFile})`)).resolves.toMatchObject({ exitStatus: 0 });
      },
    );
  },
);
