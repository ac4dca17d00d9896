// A fake FreeBSD serial console (a ConsoleStream) for the real console engine: it boots by printing
// the BASIC-CI boot transcript, answers getty's login, runs framed commands through a responder,
// reboots with a second banner, and, once sent an NMI, talks like ddb(4). Every line it prints comes
// from a transcript in test/fixtures/freebsd (provenance in its #@ header and the README there).

import { ListenerStream } from '../../helpers/scripted-stream.js';
import { section, transcript, type FakeRule } from './fake-freebsd-shell.js';

export type FakeResponder = (command: string) => { output: string; status: number };

/**
 * ddb's top-level command table (sys/ddb/db_command.c db_cmds, plus the DB_COMMAND/DB_SHOW_COMMAND
 * ones the backstop uses) and db_cmd_search's rule: an exact name wins, a unique prefix is taken,
 * two prefixes are "Ambiguous", none is "No such command; use \"help\" to list available commands".
 */
const DDB_COMMANDS = [
  'print',
  'p',
  'examine',
  'x',
  'search',
  'set',
  'write',
  'w',
  'delete',
  'd',
  'dump',
  'break',
  'b',
  'dwatch',
  'watch',
  'dhwatch',
  'hwatch',
  'step',
  's',
  'continue',
  'c',
  'until',
  'next',
  'match',
  'trace',
  't',
  'acttrace',
  'alltrace',
  'where',
  'bt',
  'call',
  'show',
  'ps',
  'gdb',
  'halt',
  'reboot',
  'reset',
  'kill',
  'watchdog',
  'thread',
  'run',
  'script',
  'scripts',
  'unscript',
  'capture',
  'textdump',
  'findstack',
  'panic',
];
const DDB_SHOW = [
  'active',
  'all',
  'registers',
  'breaks',
  'threads',
  'lockedvnods',
  'alllocks',
  'locks',
  'witness',
];

function search(name: string, table: string[]): string | 'none' | 'ambiguous' {
  if (table.includes(name)) return name;
  const prefixed = table.filter((c) => c.startsWith(name));
  if (prefixed.length === 0) return 'none';
  return prefixed.length === 1 ? prefixed[0]! : 'ambiguous';
}

export class FakeFreeBSDConsole extends ListenerStream {
  boots = 0;
  private inDdb = false;
  /** Whether the running kernel was built with WITNESS (`show alllocks` exists only then). */
  witness = false;
  /** The KDB backend: `none` is a release kernel (KDB and KDB_TRACE, no DDB), where an NMI panics. */
  debugger: 'ddb' | 'none' = 'ddb';
  /** A console line (kernel or syslog) printed in the middle of the next framed command's output. */
  chatterInOutput: string | undefined;
  /** The same, for every framed command's output. */
  chatterInEveryOutput: string | undefined;

  constructor(private readonly respond: FakeResponder = () => ({ output: '', status: 0 })) {
    super();
  }

  /** Power on: the loader and kernel output up to getty's `login: `, then `afterPrompt` if given. */
  boot(afterPrompt = ''): void {
    this.boots++;
    this.emit(
      `${transcript('boot-basic-ci-14.3.txt').replace(/\n+$/, '').replace(/\n/g, '\r\n')}${afterPrompt}`,
    );
  }

  /**
   * The host's QMP `nmi`: nmi_call_kdb (sys/x86/x86/cpu_machdep.c) hands it to kdb_trap, which
   * stops in ddb; without a backend kdb_trap returns 0 and the unclaimed NMI is panic("NMI").
   */
  nmi(): void {
    if (this.debugger === 'none') return this.emit(crlf(transcript('nmi-panic-noddb.txt')));
    this.inDdb = true;
    this.emit(`${crlf(section('ddb-session.txt', 'ENTER'))}db> `);
  }

  write(data: string): void {
    this.written.push(data);
    for (const line of data.split('\n').filter(Boolean)) this.line(line);
  }

  private line(line: string): void {
    if (this.inDdb) return this.ddb(line);
    // getty's tty echoes the name; login(1) then starts root's shell.
    if (line === 'root') return this.emit(crlf(section('console-session.txt', 'LOGIN')));
    if (line === 'shutdown -r now') {
      this.emit(crlf(section('console-session.txt', 'SHUTDOWN')));
      return this.boot();
    }
    const framed =
      /^printf '@@fg:%s:begin:%s@@\\n@@fg:%s:begin:%s@@\\n' (\w+) (\w+) \w+ \w+; \( (.*) \) <\/dev\/null 2>&1; printf/.exec(
        line,
      );
    if (!framed) return this.emit('fg# ');
    const [, nonce, id, command] = framed;
    const answer = this.respond(command!);
    let output = answer.output.replace(/\n/g, '\r\n');
    const chatter = this.chatterInOutput ?? this.chatterInEveryOutput;
    if (chatter !== undefined) {
      // A console line lands between two lines of the command's output.
      const cut = output.indexOf('\r\n');
      output =
        cut < 0
          ? `${chatter}\r\n${output}`
          : `${output.slice(0, cut + 2)}${chatter}\r\n${output.slice(cut + 2)}`;
      this.chatterInOutput = undefined;
    }
    this.emit(`@@fg:${nonce}:begin:${id}@@\r\n${output}@@fg:${nonce}:end:${id}:${answer.status}@@\r\nfg# `);
  }

  /** db_command: echo, look the command up, answer, then the next `db> `. */
  private ddb(line: string): void {
    const [name = '', ...args] = line.trim().split(/\s+/);
    let reply: string;
    const found = search(name, DDB_COMMANDS);
    if (found === 'none') reply = 'No such command; use "help" to list available commands\n';
    else if (found === 'ambiguous') reply = 'Ambiguous\n';
    else if (found === 'alltrace') reply = section('ddb-session.txt', 'ALLTRACE');
    else if (found === 'bt' || found === 'trace' || found === 'where' || found === 't') {
      // db_stack_trace parses its argument as an expression: a name that is no symbol ends in db_term's error.
      reply =
        args.length && !/^\d+$/.test(args[0]!)
          ? 'Symbol not found\n'
          : 'Tracing pid 11 tid 100003 td 0xfffff80003a8e740\n';
    } else if (found === 'set') {
      // db_set_cmd: "$name [=] expr"; $lines is one of db_vars.
      reply = /^\$lines$/.test(args[0] ?? '') && args.length >= 2 ? '' : 'Unknown variable\n';
    } else if (found === 'show') {
      const sub = search(
        args[0] ?? '',
        this.witness ? DDB_SHOW : DDB_SHOW.filter((s) => !['alllocks', 'locks', 'witness'].includes(s)),
      );
      if (sub === 'none') reply = 'No such command; use "help" to list available commands\n';
      else if (sub === 'ambiguous') reply = 'Ambiguous\n';
      else if (sub === 'lockedvnods') reply = section('ddb-session.txt', 'LOCKEDVNODS');
      else reply = '';
    } else reply = '';
    this.emit(`${line}\r\n${crlf(reply)}db> `);
  }
}

/** A responder that answers from FakeRules (first match; a rule with `run` acts), synchronously. */
export function respondWithRules(rules: FakeRule[]): FakeResponder {
  return (command) => {
    const rule = rules.find((r) => r.match.test(command));
    if (!rule) throw new Error(`FakeFreeBSDConsole: no transcript for command: ${command}`);
    if (rule.run) {
      const { exit, output } = rule.run(command);
      return { output, status: exit };
    }
    const output = typeof rule.output === 'function' ? rule.output(command) : (rule.output ?? '');
    return { output, status: rule.exit ?? 0 };
  };
}

function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}
