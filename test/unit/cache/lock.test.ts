// The cache lock between real processes: node children that take the lock (src/cache/lock.ts and
// the gate's signal handlers, compiled with tsc for them) and hold it, exit, are SIGKILLed, or get
// the gate's double signal. Bounds are functional (a lock released within a minute is got), never
// speed targets.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  lstatSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireCacheLock,
  CacheLockError,
  lockPathOf,
  ownerGone,
  readOwner,
  withCacheLock,
} from '../../../src/cache/lock.js';
import { CancelledError } from '../../../src/console/errors.js';
import { processStartTicks } from '../../../src/vm/pidfile.js';
import { runProcess } from '../../helpers/cli.js';
import { repoRoot } from '../../helpers/gate.js';

let dir: string;
let compiled: string;
const children = new Set<ChildProcess>();

/** A node child running `body` (ESM) with `lock` (the compiled src/cache/lock.js) and `signals` imported. */
function child(
  body: string,
  ...args: string[]
): { proc: ChildProcess; line: (re: RegExp) => Promise<string> } {
  const script = path.join(compiled, `child-${children.size}-${Date.now()}.mjs`);
  writeFileSync(
    script,
    `import * as lock from './src/cache/lock.js';\nimport * as signals from './src/signals.js';\nconst args = process.argv.slice(2);\n${body}\n`,
  );
  const proc = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(proc);
  proc.on('exit', () => children.delete(proc));
  let out = '';
  const waiters: Array<() => void> = [];
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const w of waiters.splice(0)) w();
  });
  const line = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = out.split('\n').find((l) => re.test(l));
        if (found !== undefined) return resolve(found);
        if (proc.exitCode !== null || proc.signalCode !== null)
          return reject(new Error(`child exited (${proc.exitCode ?? proc.signalCode}) before ${re}: ${out}`));
        waiters.push(check);
      };
      proc.once('exit', check);
      check();
    });
  return { proc, line };
}

function exited(proc: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (proc.exitCode !== null || proc.signalCode !== null)
    return Promise.resolve({ code: proc.exitCode, signal: proc.signalCode });
  return new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Takes the lock on args[0], says so with its pid, then holds it until killed (or for args[1] ms, then exits). */
const HOLDER = `
const held = await lock.acquireCacheLock(args[0], { waitMs: 60_000 });
console.log('held ' + process.pid);
if (args[1]) setTimeout(() => process.exit(0), Number(args[1]));
else setInterval(() => {}, 1_000);
`;

const exists = (file: string) => {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fg-lock-'));
  compiled = mkdtempSync(path.join(tmpdir(), 'fg-lock-js-'));
  // Node 20 runs no TypeScript: the children get the real modules compiled.
  const tsc = await runProcess(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
      '--outDir',
      compiled,
      '--rootDir',
      repoRoot,
      '--module',
      'NodeNext',
      '--moduleResolution',
      'NodeNext',
      '--target',
      'ES2023',
      '--types',
      'node',
      '--typeRoots',
      path.join(repoRoot, 'node_modules', '@types'),
      '--skipLibCheck',
      path.join(repoRoot, 'src', 'cache', 'lock.ts'),
      path.join(repoRoot, 'src', 'signals.ts'),
    ],
    // Run outside the repository: tsc refuses file arguments beside a tsconfig.json.
    { timeoutMs: 120_000, cwd: compiled },
  );
  if (tsc.code !== 0) throw new Error(`tsc failed: ${tsc.stdout}\n${tsc.stderr}`);
  writeFileSync(path.join(compiled, 'package.json'), '{"type": "module"}\n');
}, 150_000);

afterAll(() => {
  for (const proc of children) proc.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  rmSync(compiled, { recursive: true, force: true });
});

describe('the cache lock', () => {
  it('is a symlink beside the folder naming this process (pid, host, start time, boot, pid namespace), removed on release', async () => {
    const folder = path.join(dir, 'free');
    const logged: string[] = [];
    const lock = await acquireCacheLock(folder, { waitMs: 10_000, log: (m) => logged.push(m) });
    expect(lock.path).toBe(`${folder}.lock`);
    expect(readOwner(lock.path)).toMatchObject({
      pid: process.pid,
      host: hostname(),
      startTicks: processStartTicks(process.pid),
      bootId: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
      pidNamespace: readlinkSync('/proc/self/ns/pid'),
    });
    expect(lock.waitedMs).toBeLessThan(10_000);
    expect(logged).toEqual([]);
    lock.release();
    expect(exists(lock.path)).toBe(false);
    lock.release();
  });

  it("waits for a live child's lock, says once that it waits naming the child's pid, and gets it when the child exits", async () => {
    const folder = path.join(dir, 'live');
    const holder = child(HOLDER, folder, '1500');
    const pid = Number((await holder.line(/^held /)).split(' ')[1]);
    const logged: string[] = [];
    const lock = await acquireCacheLock(folder, { waitMs: 60_000, log: (m) => logged.push(m) });
    try {
      expect(readOwner(lock.path)).toMatchObject({ pid: process.pid });
      expect(await exited(holder.proc)).toEqual({ code: 0, signal: null });
      expect(lock.waitedMs).toBeGreaterThan(0);
      expect(logged.filter((m) => /^fusefs-gate: waiting/.test(m))).toHaveLength(1);
      expect(logged[0]).toContain(`pid ${pid} on ${hostname()}`);
      expect(logged[0]).toContain(lockPathOf(folder));
      expect(logged[1]).toMatch(/got .* after waiting/);
    } finally {
      lock.release();
    }
  }, 90_000);

  it('takes over the lock of a SIGKILLed child (its pid is dead) without waiting', async () => {
    const folder = path.join(dir, 'killed');
    const holder = child(HOLDER, folder);
    const pid = Number((await holder.line(/^held /)).split(' ')[1]);
    holder.proc.kill('SIGKILL');
    expect((await exited(holder.proc)).signal).toBe('SIGKILL');
    // SIGKILL runs no exit handler: the lock is still there, naming the dead pid.
    expect(readOwner(lockPathOf(folder))).toMatchObject({ pid });
    const logged: string[] = [];
    const lock = await acquireCacheLock(folder, { waitMs: 60_000, log: (m) => logged.push(m) });
    expect(readOwner(lock.path)).toMatchObject({ pid: process.pid });
    expect(logged).toEqual([]);
    expect(exists(`${lock.path}.break`)).toBe(false);
    lock.release();
  }, 90_000);

  it("ends in CacheLockError naming the lock and the owner's pid when the bound passes", async () => {
    const folder = path.join(dir, 'bound');
    const holder = child(HOLDER, folder);
    const pid = Number((await holder.line(/^held /)).split(' ')[1]);
    const failure = await acquireCacheLock(folder, { waitMs: 1_500 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CacheLockError);
    expect((failure as Error).message).toContain(lockPathOf(folder));
    expect((failure as Error).message).toContain(`pid ${pid} on ${hostname()}`);
    // The holder's lock is untouched.
    expect(readOwner(lockPathOf(folder))).toMatchObject({ pid });
    holder.proc.kill('SIGKILL');
    await exited(holder.proc);
  }, 90_000);

  it('a cancelled run stops waiting with CancelledError', async () => {
    const folder = path.join(dir, 'cancel');
    const holder = child(HOLDER, folder);
    await holder.line(/^held /);
    const controller = new AbortController();
    const waiting = acquireCacheLock(folder, { waitMs: 600_000, signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    setTimeout(() => controller.abort('SIGTERM'), 300);
    const failure = await waiting;
    expect(failure).toBeInstanceOf(CancelledError);
    expect((failure as Error).message).toBe('cancelled by SIGTERM');
    holder.proc.kill('SIGKILL');
    await exited(holder.proc);
  }, 90_000);

  it("the gate's second signal ends the child through process.exit, and its exit hook removes the lock", async () => {
    const folder = path.join(dir, 'signal');
    const holder = child(
      `
const scope = signals.installSignalHandlers();
scope.signal.addEventListener('abort', () => console.log('aborted ' + scope.signal.reason));
await lock.acquireCacheLock(args[0], { waitMs: 60_000 });
console.log('held ' + process.pid);
setInterval(() => {}, 1_000);
`,
      folder,
    );
    await holder.line(/^held /);
    expect(exists(lockPathOf(folder))).toBe(true);
    holder.proc.kill('SIGTERM');
    await holder.line(/^aborted SIGTERM/);
    holder.proc.kill('SIGTERM');
    expect(await exited(holder.proc)).toEqual({ code: 143, signal: null });
    expect(exists(lockPathOf(folder))).toBe(false);
  }, 90_000);

  it('released by withCacheLock however the work ends', async () => {
    const folder = path.join(dir, 'finally');
    await expect(
      withCacheLock(folder, { waitMs: 10_000 }, async () => {
        throw new Error('the build broke');
      }),
    ).rejects.toThrow('the build broke');
    expect(exists(lockPathOf(folder))).toBe(false);
    expect(
      await withCacheLock(folder, { waitMs: 10_000 }, async (lock) => readOwner(lock.path)),
    ).toMatchObject({
      pid: process.pid,
    });
    expect(exists(lockPathOf(folder))).toBe(false);
  });

  it('a recorded pid that now belongs to another process (another start time) is stale; a lock of another host is not', async () => {
    const live = child('setInterval(() => {}, 1_000); console.log("up");');
    await live.line(/^up/);
    const pid = live.proc.pid!;
    const ticks = processStartTicks(pid)!;
    expect(ticks).toBeGreaterThan(0);
    const record = { pid, host: hostname(), since: new Date().toISOString(), nonce: 'x' };
    expect(ownerGone({ ...record, startTicks: ticks })).toBe(false);
    expect(ownerGone({ ...record, startTicks: ticks + 1 })).toBe(true);
    expect(ownerGone({ ...record, host: `not-${hostname()}`, startTicks: ticks + 1 })).toBe(false);

    // Another boot of this host: gone whatever its pid. Another pid namespace (a container sharing
    // the cache): its pids mean nothing here, so even a pid that does not run here is not judged.
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const pidNamespace = readlinkSync('/proc/self/ns/pid');
    expect(ownerGone({ ...record, startTicks: ticks, bootId, pidNamespace })).toBe(false);
    expect(ownerGone({ ...record, startTicks: ticks, bootId: 'another-boot', pidNamespace })).toBe(true);
    expect(ownerGone({ ...record, pid: 999_999_999, bootId, pidNamespace })).toBe(true);
    expect(ownerGone({ ...record, pid: 999_999_999, bootId, pidNamespace: 'pid:[1]' })).toBe(false);

    // Through acquire: the recycled pid's lock is taken over, another host's is waited for.
    const recycled = path.join(dir, 'recycled');
    symlinkSync(JSON.stringify({ ...record, startTicks: ticks + 1 }), lockPathOf(recycled));
    const lock = await acquireCacheLock(recycled, { waitMs: 30_000 });
    expect(readOwner(lock.path)).toMatchObject({ pid: process.pid });
    lock.release();
    const remote = path.join(dir, 'remote');
    symlinkSync(JSON.stringify({ ...record, pid: 999_999_999, host: 'elsewhere' }), lockPathOf(remote));
    await expect(acquireCacheLock(remote, { waitMs: 500 })).rejects.toThrow(/pid 999999999 on elsewhere/);
    live.proc.kill('SIGKILL');
    await exited(live.proc);
  }, 90_000);

  it('children that all start at a stale lock hold it one at a time', async () => {
    const folder = path.join(dir, 'race');
    // A stale lock of a pid that is not running on this host.
    const dead = child('console.log("pid " + process.pid);');
    const deadPid = Number((await dead.line(/^pid /)).split(' ')[1]);
    await exited(dead.proc);
    symlinkSync(
      JSON.stringify({ pid: deadPid, host: hostname(), since: new Date().toISOString(), nonce: 'dead' }),
      lockPathOf(folder),
    );
    const journal = path.join(dir, 'race-journal');
    writeFileSync(journal, '');
    const body = `
import { appendFileSync } from 'node:fs';
await lock.withCacheLock(args[0], { waitMs: 120_000 }, async () => {
  appendFileSync(args[1], 'in ' + process.pid + '\\n');
  await new Promise((r) => setTimeout(r, 200));
  appendFileSync(args[1], 'out ' + process.pid + '\\n');
});
`;
    const racers = Array.from({ length: 4 }, () => child(body, folder, journal));
    for (const racer of racers) expect(await exited(racer.proc)).toEqual({ code: 0, signal: null });
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(8);
    for (let i = 0; i < lines.length; i += 2) {
      const pid = lines[i]!.split(' ')[1];
      expect([lines[i], lines[i + 1]]).toEqual([`in ${pid}`, `out ${pid}`]);
    }
    expect(exists(lockPathOf(folder))).toBe(false);
    expect(exists(`${lockPathOf(folder)}.break`)).toBe(false);
  }, 180_000);
});
