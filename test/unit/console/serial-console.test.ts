import { describe, expect, it } from 'vitest';
import { SerialConsole } from '../../../src/console/serial-console.js';
import { BootLoopError, ConsoleClosedError, GuestPanicError } from '../../../src/console/errors.js';
import { CommandTimeoutError } from '../../../src/guest/shell.js';
import type { ConsoleProfile } from '../../../src/guest/adapter.js';
import { ListenerStream, ScriptedStream } from '../../helpers/scripted-stream.js';

const profile: ConsoleProfile = {
  shellPrompt: /# $/,
  bootBanner: /^Linux version /,
  panicStart: /Kernel panic - not syncing/,
  panicEnd: /---\[ end Kernel panic/,
};

function consoleOver(stream: ListenerStream, lines: string[] = []) {
  return new SerialConsole(stream, {
    profile,
    nonce: 'abc123def456',
    onLine: (line) => lines.push(line),
    panicCollectMs: 200,
  });
}

/**
 * A guest shell that prints both copies of each marker, as framedCommand asks, with a kernel line
 * landing in the middle of the first copy of each (the kernel console shares the serial port).
 */
class ChattyShell extends ListenerStream {
  constructor(private readonly kernelLine: string) {
    super();
  }

  write(data: string): void {
    this.written.push(data);
    const framed =
      /^printf '@@fg:%s:begin:%s@@\\n@@fg:%s:begin:%s@@\\n' (\w+) (\w+) \w+ \w+; \( (.*) \) <\/dev\/null 2>&1; printf/.exec(
        data.trim(),
      );
    if (!framed) return;
    const [, nonce, id, command] = framed;
    const status = command === 'false' ? 1 : 0;
    const broken = (marker: string) =>
      `${marker.slice(0, 9)}\r\n${this.kernelLine}\r\n${marker.slice(9)}\r\n`;
    const begin = `@@fg:${nonce}:begin:${id}@@`;
    const end = `@@fg:${nonce}:end:${id}:${status}@@`;
    this.emit(`${broken(begin)}${begin}\r\nvalue-${id}\r\n${broken(end)}${end}\r\nfg# `);
  }
}

describe('SerialConsole.run', () => {
  it('a kernel line inside one copy of a marker: the other copy frames the command, and the next command is not confused', async () => {
    const con = consoleOver(new ChattyShell('ROOT LOGIN (root) ON ttyu0'));
    const first = await con.run('true', { timeoutMs: 2000 });
    expect(first.exitStatus).toBe(0);
    expect(first.output.split('\n')).toContain('value-c1');
    const second = await con.run('false', { timeoutMs: 2000 });
    expect(second.exitStatus).toBe(1);
    expect(second.output.split('\n')).toContain('value-c2');
    expect(second.output).not.toContain('value-c1');
  });

  it('returns exit status and output framed by the nonce markers', async () => {
    const stream = new ScriptedStream((cmd) =>
      cmd === 'false7' ? { output: 'oops\r\n', status: 7 } : { output: 'hello\r\nworld\r\n', status: 0 },
    );
    const con = consoleOver(stream);
    await expect(con.run('echo hi', { timeoutMs: 1000 })).resolves.toMatchObject({
      exitStatus: 0,
      output: 'hello\nworld\n',
    });
    await expect(con.run('false7', { timeoutMs: 1000 })).resolves.toMatchObject({
      exitStatus: 7,
      output: 'oops\n',
    });
  });

  it('is exact when markers are split across reads, one byte at a time, with CRLF', async () => {
    const stream = new ScriptedStream(() => ({ output: 'a\r\nb\r\n', status: 3 }));
    stream.chunker = (text) => [...text];
    const con = consoleOver(stream);
    await expect(con.run('x', { timeoutMs: 2000 })).resolves.toMatchObject({
      exitStatus: 3,
      output: 'a\nb\n',
    });
  });

  it('ignores a fake end marker with the wrong nonce and keeps kernel lines in the output', async () => {
    const stream = new ScriptedStream(() => ({
      output: '@@fg:000000000000:end:c1:0@@\r\n[   12.3] fuse: init (API version 7.41)\r\nreal\r\n',
      status: 5,
    }));
    const con = consoleOver(stream);
    const result = await con.run('y', { timeoutMs: 1000 });
    expect(result.exitStatus).toBe(5);
    expect(result.output).toContain('@@fg:000000000000:end:c1:0@@');
    expect(result.output).toContain('real');
  });

  it('does not take the echoed command line for output when echo is on', async () => {
    const stream = new ScriptedStream(() => ({ output: 'only this\r\n', status: 0 }));
    stream.echo = true;
    const con = consoleOver(stream);
    await expect(con.run('echo only this', { timeoutMs: 1000 })).resolves.toMatchObject({
      output: 'only this\n',
    });
  });

  it('times out naming what it waited for and what it saw last', async () => {
    const stream = new ScriptedStream();
    stream.write = () => stream.emit('still booting\r\n');
    const con = consoleOver(stream);
    const error = await con
      .run('sleep 100', { timeoutMs: 50, purpose: 'a slow command' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    expect(String((error as Error).message)).toMatch(/a slow command/);
    expect((error as CommandTimeoutError).lastOutput).toContain('still booting');
  });

  it('fails the wait with the console closed when QEMU goes away', async () => {
    const stream = new ScriptedStream();
    stream.write = () => stream.close();
    const con = consoleOver(stream);
    await expect(con.run('true', { timeoutMs: 1000 })).rejects.toBeInstanceOf(ConsoleClosedError);
  });

  it('rejects multi-line and over-long commands instead of sending them', async () => {
    const con = consoleOver(new ScriptedStream());
    await expect(con.run('a\nb', { timeoutMs: 100 })).rejects.toThrow(/multi-line/);
    await expect(con.run('x'.repeat(2000), { timeoutMs: 100 })).rejects.toThrow(/too long/);
  });
});

describe('SerialConsole panic and boot watching', () => {
  it('turns a kernel panic into GuestPanicError with the text before and after it', async () => {
    const stream = new ScriptedStream();
    stream.write = () =>
      stream.emit(
        'sysrq: Trigger a crash\r\nKernel panic - not syncing: sysrq triggered crash\r\nCall Trace:\r\n---[ end Kernel panic - not syncing: sysrq triggered crash ]---\r\n',
      );
    const con = consoleOver(stream);
    const error = (await con
      .run('echo c > /proc/sysrq-trigger', { timeoutMs: 1000 })
      .catch((e: unknown) => e)) as GuestPanicError;
    expect(error).toBeInstanceOf(GuestPanicError);
    expect(error.text).toContain('sysrq: Trigger a crash');
    expect(error.text).toContain('---[ end Kernel panic');
  });

  it("quotes the panic's own line, not an earlier line that mentions panic", async () => {
    // The boot retry warning (src/gate/boot.ts) quotes this message's first line.
    const stream = new ScriptedStream();
    stream.write = () =>
      stream.emit(
        'kernel.panic_on_oops = 1\r\nsysrq: Trigger a crash\r\nKernel panic - not syncing: sysrq triggered crash\r\n---[ end Kernel panic - not syncing: sysrq triggered crash ]---\r\n',
      );
    const con = consoleOver(stream);
    const error = (await con
      .run('echo c > /proc/sysrq-trigger', { timeoutMs: 1000 })
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('guest kernel panicked: Kernel panic - not syncing: sysrq triggered crash');
  });

  it("quotes FreeBSD's panic line after the trap report that started the capture", () => {
    // sys/amd64/amd64/trap.c trap_fatal(): the "Fatal trap" report, then panic("%s", trap_msg(type)).
    const text = [
      'debug.debugger_on_panic: 1 -> 0',
      '',
      'Fatal trap 12: page fault while in kernel mode',
      'cpuid = 1; apic id = 01',
      'trap number\t\t= 12',
      'panic: page fault',
    ].join('\n');
    expect(new GuestPanicError(text, 2).message).toBe('guest kernel panicked: panic: page fault');
    // A capture whose panic line never came quotes the line that started it.
    expect(new GuestPanicError(text.split('\n').slice(0, 5).join('\n'), 2).message).toBe(
      'guest kernel panicked: Fatal trap 12: page fault while in kernel mode',
    );
  });

  it('ends a panic capture after a bounded time when no end line comes', async () => {
    const stream = new ScriptedStream();
    stream.write = () => stream.emit('Kernel panic - not syncing: VFS: Unable to mount root fs\r\n');
    const con = consoleOver(stream);
    await expect(con.run('x', { timeoutMs: 5000 })).rejects.toBeInstanceOf(GuestPanicError);
  });

  it('logs in: answers the login prompt and syncs on a framed command', async () => {
    const stream = new ScriptedStream(() => ({ output: '', status: 0 }));
    const con = new SerialConsole(stream, {
      profile: { ...profile, loginPrompt: /login: $/, loginUser: 'root', passwordPrompt: /Password:$/ },
      nonce: 'n0nce0000001',
    });
    const done = con.login(2000);
    stream.emit('FreeBSD/amd64 (freebsd) (ttyu0)\r\n\r\nlogin: ');
    await new Promise((r) => setTimeout(r, 10));
    expect(stream.written).toContain('root\n');
    stream.emit('root@freebsd:~ # ');
    await done;
    expect(stream.written.join('')).toContain('exec /bin/sh');
    expect(stream.written.join('')).toContain('stty -echo');
  });

  it('reports a boot loop when the banner appears twice before a shell', async () => {
    const stream = new ScriptedStream();
    const con = consoleOver(stream);
    const done = con.login(2000);
    stream.emit('Linux version 6.12.0\r\nKernel panic - nope\r\nLinux version 6.12.0\r\n');
    await expect(done).rejects.toBeInstanceOf(BootLoopError);
  });

  it('streams every console line to the live listener', async () => {
    const lines: string[] = [];
    const stream = new ScriptedStream(() => ({ output: 'line one\r\n', status: 0 }));
    const con = consoleOver(stream, lines);
    await con.run('x', { timeoutMs: 1000 });
    expect(lines).toContain('line one');
  });
});

describe('SerialConsole terminal noise', () => {
  it('finds the prompt behind a cursor-position query, even when the escape is cut between reads', async () => {
    for (const cutAt of [0, 1, 2, 3, 4]) {
      const stream = new ScriptedStream(() => ({ output: '', status: 0 }));
      const con = consoleOver(stream);
      const done = con.login(1000);
      const text = "Enter 'help' for a list of built-in commands.\r\n\r\n# \x1b[6n";
      const at = text.length - 4 + cutAt;
      stream.emit(text.slice(0, at));
      stream.emit(text.slice(at));
      await expect(done).resolves.toBeUndefined();
    }
  });
});

describe('SerialConsole.waitForQuiet', () => {
  it('resolves after output stops, and says nothing came when nothing did', async () => {
    const stream = new ScriptedStream();
    const con = consoleOver(stream);
    const quietAfterDump = con.waitForQuiet(30, 2000);
    stream.emit('sysrq: Show Blocked State\r\n');
    stream.emit('task:fusefs-workload state:D\r\n');
    await expect(quietAfterDump).resolves.toBe(true);
    const started = Date.now();
    await expect(con.waitForQuiet(30, 100)).resolves.toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });
});
