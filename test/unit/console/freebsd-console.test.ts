// The real console engine against a fake FreeBSD console whose every line comes from a transcript.
import { describe, expect, it } from 'vitest';
import { SerialConsole } from '../../../src/console/serial-console.js';
import { BootLoopError } from '../../../src/console/errors.js';
import { awaitDdbPrompt, describeDdbSteps, runDdbCommands } from '../../../src/console/ddb.js';
import { FREEBSD_CONSOLE, FreeBSDGuest } from '../../../src/guest/freebsd.js';
import { FakeFreeBSDConsole, type FakeResponder } from '../freebsd/fake-freebsd-console.js';
import { FakeFreeBSDShell, section } from '../freebsd/fake-freebsd-shell.js';

function consoleOver(stream: FakeFreeBSDConsole, lines: string[] = []) {
  return new SerialConsole(stream, {
    profile: FREEBSD_CONSOLE,
    nonce: 'f00dfeed0001',
    onLine: (line) => lines.push(line),
    panicCollectMs: 200,
  });
}

const BANNER = /Copyright \(c\) 1992-\d{4} The FreeBSD Project\./;

describe('FreeBSD console: boot phases', () => {
  it('logs in, reboots into a new kernel (a second banner) and logs in again', async () => {
    const lines: string[] = [];
    const uname = [
      'FreeBSD 14.3-RELEASE releng/14.3-n271432-8c9ce319fef7 GENERIC',
      'FreeBSD 14.3-STABLE stable/14-n271999-0123456789ab GENERIC',
    ];
    const respond: FakeResponder = (command) =>
      command === 'uname -v'
        ? { output: `${uname[fake.boots - 1]}\n`, status: 0 }
        : { output: '', status: 0 };
    const fake = new FakeFreeBSDConsole(respond);
    const con = consoleOver(fake, lines);
    const first = con.login(5000);
    fake.boot();
    await first;
    expect((await con.run('uname -v', { timeoutMs: 2000 })).output).toContain('14.3-RELEASE');
    await con.reboot(FREEBSD_CONSOLE.rebootCommand!, 5000);
    expect(fake.boots).toBe(2);
    expect(lines.filter((l) => BANNER.test(l))).toHaveLength(2);
    expect(fake.written.filter((w) => w === 'root\n')).toHaveLength(2);
    expect((await con.run('uname -v', { timeoutMs: 2000 })).output).toContain('14.3-STABLE');
  });

  it('still calls two banners within one boot phase a boot loop', async () => {
    const fake = new FakeFreeBSDConsole();
    const con = consoleOver(fake);
    const login = con.login(5000);
    fake.emit(
      'Copyright (c) 1992-2025 The FreeBSD Project.\r\nCopyright (c) 1992-2025 The FreeBSD Project.\r\n',
    );
    await expect(login).rejects.toBeInstanceOf(BootLoopError);
  });

  it('a reboot that loops (the new kernel reboots again before login) is a boot loop of that phase', async () => {
    const fake = new FakeFreeBSDConsole();
    const con = consoleOver(fake);
    const first = con.login(5000);
    fake.boot();
    await first;
    // The second boot's kernel resets before getty: its banner twice in the reboot's phase.
    fake.write = (data: string) => {
      if (data.startsWith('shutdown'))
        fake.emit(
          `${section('console-session.txt', 'SHUTDOWN').replace(/\n/g, '\r\n')}Copyright (c) 1992-2025 The FreeBSD Project.\r\nCopyright (c) 1992-2025 The FreeBSD Project.\r\n`,
        );
    };
    await expect(con.reboot('shutdown -r now', 5000)).rejects.toBeInstanceOf(BootLoopError);
  });
});

describe('FreeBSD console: chatter', () => {
  it("logs in when a syslog line follows getty's login: prompt on its line", async () => {
    const fake = new FakeFreeBSDConsole();
    const con = consoleOver(fake);
    const login = con.login(3000);
    fake.boot(section('console-session.txt', 'AFTER_LOGIN_PROMPT').replace(/\n/g, '\r\n'));
    await expect(login).resolves.toBeUndefined();
    expect(fake.written).toContain('root\n');
  });

  it('the ROOT LOGIN line after the shell prompt does not stop the login', async () => {
    const fake = new FakeFreeBSDConsole();
    const con = consoleOver(fake);
    const login = con.login(3000);
    fake.boot();
    await expect(login).resolves.toBeUndefined();
  });

  it("resizewin's terminal query from root's .profile leaves no escape bytes in the console lines", async () => {
    expect(section('console-session.txt', 'LOGIN')).toContain(
      '\x1b7\x1b[r\x1b[999;999H\x1b[6n\x1b8resizewin: timeout reading from terminal',
    );
    const lines: string[] = [];
    const fake = new FakeFreeBSDConsole();
    const con = consoleOver(fake, lines);
    const login = con.login(3000);
    fake.boot();
    await expect(login).resolves.toBeUndefined();
    expect(lines).toContain('resizewin: timeout reading from terminal');
    expect(lines.filter((l) => l.includes('\x1b'))).toEqual([]);
  });

  it('a shell prompt right after ESC 7 ... ESC 8 on its line is still a prompt at a line start', async () => {
    // Root's login answered with the query alone (its warning elsewhere): the prompt follows ESC 8 directly.
    class QueryOnly extends FakeFreeBSDConsole {
      override write(data: string): void {
        if (data === 'root\n') this.emit('root\r\n\x1b7\x1b[r\x1b[999;999H\x1b[6n\x1b8root@freebsd:~ # ');
        else super.write(data);
      }
    }
    const fake = new QueryOnly();
    const con = consoleOver(fake);
    const login = con.login(3000);
    fake.boot();
    await expect(login).resolves.toBeUndefined();
  });

  it("a console line inside a framed command's output does not break sysctl -n or a hash", async () => {
    const sha = 'a'.repeat(64);
    const fake = new FakeFreeBSDConsole((command) => {
      if (command === 'sysctl -n kern.osreldate') return { output: '1403000\n', status: 0 };
      if (command.startsWith('sha256 -q')) return { output: `${sha}\n`, status: 0 };
      if (command.startsWith('sysctl -n debug.kdb.available')) return { output: '', status: 0 };
      return { output: '', status: 0 };
    });
    const con = consoleOver(fake);
    const login = con.login(3000);
    fake.boot();
    await login;
    // The adapter reads values through the real console; the ROOT LOGIN line lands in the output.
    const rootLogin = 'Dec  1 23:14:02 freebsd login[812]: ROOT LOGIN (root) ON ttyu0';
    fake.chatterInOutput = rootLogin;
    const raw = await con.run('sysctl -n kern.osreldate', { timeoutMs: 2000 });
    expect(raw.output).toContain('ROOT LOGIN');
    const { lineOfShape } = await import('../../../src/guest/freebsd.js');
    expect(lineOfShape(raw.output, /^\d+$/)).toBe('1403000');
    fake.chatterInOutput = rootLogin;
    expect(
      lineOfShape(
        (await con.run(`sha256 -q /boot/kernel/kernel`, { timeoutMs: 2000 })).output,
        /^[0-9a-f]{64}$/,
      ),
    ).toBe(sha);
  });

  it('the adapter takes build decisions from values of their own shape, with chatter around them', async () => {
    const chatter = 'Dec  1 23:14:02 freebsd login[812]: ROOT LOGIN (root) ON ttyu0\n';
    const shell = new FakeFreeBSDShell([
      {
        match: /^grep -E/,
        output: '#define __FreeBSD_version 1403000\t/* Master, propagated to newvers */\n',
      },
      { match: /^sysctl -n kern\.osreldate$/, output: `${chatter}1403000\n` },
      { match: /^kldstat -q -m fusefs \|\| kldload fusefs/ },
    ]);
    const outcome = await new FreeBSDGuest().buildTarget(shell, {
      build: 'none',
      tests: ['workloads'],
    } as never);
    expect(outcome.why).toContain("the image's kern.osreldate is 1403000");
  });
});

describe('FreeBSD console: the ddb backstop', () => {
  async function inDdb(witness = false) {
    const fake = new FakeFreeBSDConsole();
    fake.witness = witness;
    const con = consoleOver(fake);
    const entered = awaitDdbPrompt(con, 2000);
    fake.nmi();
    await entered;
    return { fake, con };
  }

  it("sends alltrace, which ddb knows, and gets the threads' traces", async () => {
    const head = new FreeBSDGuest();
    await head.prepare(
      new FakeFreeBSDShell([
        { match: /^sysctl -n debug\.kdb\.available/, exit: 0 },
        { match: /^sysctl -n debug\.witness\.watch/, exit: 1 },
        { match: /./ },
      ]),
      { payload: '/dev/vtbd1', results: '/dev/vtbd2' },
      { tests: ['workloads'], fuseServer: undefined } as never,
    );
    const plan = head.backstop();
    expect(plan.kind).toBe('ddb');
    const commands = plan.kind === 'ddb' ? plan.commands : [];
    expect(commands).toContain('alltrace');
    expect(commands).not.toContain('bt all');
    const lines: string[] = [];
    const fake = new FakeFreeBSDConsole();
    const con = consoleOver(fake, lines);
    const entered = awaitDdbPrompt(con, 2000);
    fake.nmi();
    await entered;
    const steps = await runDdbCommands(con, commands, 2000);
    expect(steps.every((s) => s.ok)).toBe(true);
    expect(describeDdbSteps(steps)).toContain('ddb: alltrace');
    expect(lines.join('\n')).toContain('Tracing command fusefs-workloads pid 1321 tid 100112');
  });

  it("reports ddb's error replies instead of taking the next prompt for success", async () => {
    const { con } = await inDdb();
    const steps = await runDdbCommands(con, ['bt all', 'btall', 'show alllocks', 'set $lines 0'], 2000);
    expect(steps).toEqual([
      { command: 'bt all', ok: false, error: 'Symbol not found' },
      { command: 'btall', ok: false, error: 'No such command; use "help" to list available commands' },
      // No WITNESS in this kernel: no `show alllocks`.
      {
        command: 'show alllocks',
        ok: false,
        error: 'No such command; use "help" to list available commands',
      },
      { command: 'set $lines 0', ok: true },
    ]);
    expect(describeDdbSteps(steps)[0]).toBe('ddb rejected bt all: Symbol not found');
  });

  it('an NMI to a release kernel (no ddb) is a panic, which is why its backstop sends none', async () => {
    const fake = new FakeFreeBSDConsole();
    fake.debugger = 'none';
    const con = consoleOver(fake);
    const entered = awaitDdbPrompt(con, 2000);
    fake.nmi();
    await expect(entered).rejects.toMatchObject({
      name: 'GuestPanicError',
      message: expect.stringContaining('panic: NMI'),
    });
    const release = new FreeBSDGuest();
    await release.prepare(
      new FakeFreeBSDShell([
        { match: /^sysctl -n debug\.kdb\.available/, exit: 1 },
        { match: /^sysctl -n debug\.witness\.watch/, exit: 1 },
        { match: /./ },
      ]),
      { payload: '/dev/vtbd1', results: '/dev/vtbd2' },
      { tests: ['workloads'], fuseServer: undefined } as never,
    );
    expect(release.backstop()).toMatchObject({ kind: 'none', why: expect.stringContaining('panic("NMI")') });
  });

  it('a WITNESS kernel accepts show alllocks', async () => {
    const { con } = await inDdb(true);
    expect(await runDdbCommands(con, ['show alllocks'], 2000)).toEqual([
      { command: 'show alllocks', ok: true },
    ]);
  });
});

describe('FreeBSD console: the adapter through the real engine with chatter in every output', () => {
  it("builds, loads, proves and mounts with a ROOT LOGIN line inside each command's output", async () => {
    const { FakeFreeBSDKernel, transcript } = await import('../freebsd/fake-freebsd-shell.js');
    const { respondWithRules } = await import('../freebsd/fake-freebsd-console.js');
    const ko = '/gate/obj/gate/src/amd64.amd64/sys/modules/fusefs/fusefs.ko';
    const sha = '3f6a1c0d9e8b7a6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7';
    const kernel = new FakeFreeBSDKernel();
    const fake = new FakeFreeBSDConsole(
      respondWithRules([
        { match: /^true$/ },
        ...kernel.rules(),
        {
          match: /^grep -E '\^#define/,
          output: '#define __FreeBSD_version 1403000\t/* Master, propagated to newvers */\n',
        },
        { match: /^sysctl -n kern\.osreldate$/, output: '1403000\n' },
        { match: /modules\/fusefs .* all 2>&1$/, output: transcript('make-module-ok.txt') },
        { match: /-V \.OBJDIR$/, output: '/gate/obj/gate/src/amd64.amd64/sys/modules/fusefs\n' },
        { match: /^sha256 -q /, output: `${sha}\n` },
      ]),
    );
    fake.chatterInEveryOutput = 'Dec  1 23:14:02 freebsd login[812]: ROOT LOGIN (root) ON ttyu0';
    const con = consoleOver(fake);
    const login = con.login(3000);
    fake.boot();
    await login;
    const guest = new FreeBSDGuest();
    const config = {
      build: 'auto',
      tests: ['workloads'],
      cpus: 2,
      buildTimeoutSec: 60,
      timeoutSec: 60,
      fixtureOptions: ['direct_io'],
    } as never;
    const outcome = await guest.buildTarget(con, config);
    expect(outcome).toMatchObject({ mode: 'module', ok: true, artifact: ko });
    const proof = await guest.proveTarget(con, config, outcome);
    expect(proof.details.join('\n')).toContain(`sha256 ${sha} matches the build`);
    expect(proof.ok).toBe(true);
    await expect(guest.mount(con, config)).resolves.toBe('/mnt/fg');
  });
});
