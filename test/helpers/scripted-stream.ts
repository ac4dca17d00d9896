// A scripted serial port for console-engine tests: it answers framed commands the way a shell
// on a serial line would, with hooks to split, corrupt or interleave what it sends back.
import type { ConsoleStream } from '../../src/console/serial-console.js';

export type Responder = (command: string) => { output: string; status: number } | undefined;

export class ScriptedStream implements ConsoleStream {
  private dataListeners: ((chunk: Buffer) => void)[] = [];
  private closeListeners: (() => void)[] = [];
  readonly written: string[] = [];
  /** How the bytes are cut before delivery (default: one chunk). */
  chunker: (text: string) => string[] = (text) => [text];
  echo = false;

  constructor(private readonly respond: Responder = () => undefined) {}

  write(data: string): void {
    this.written.push(data);
    for (const line of data.split('\n').filter(Boolean)) {
      if (this.echo) this.emit(`${line}\r\n`);
      const framed = /^printf '@@fg:%s:begin:%s@@\\n' (\w+) (\w+); \{ (.*) ; \} <\/dev\/null 2>&1; printf/.exec(line);
      if (!framed) continue;
      const [, nonce, id, command] = framed;
      const answer = this.respond(command!) ?? { output: '', status: 0 };
      this.emit(`@@fg:${nonce}:begin:${id}@@\r\n${answer.output}@@fg:${nonce}:end:${id}:${answer.status}@@\r\nfg# `);
    }
  }

  emit(text: string): void {
    for (const piece of this.chunker(text)) {
      const chunk = Buffer.from(piece);
      queueMicrotask(() => {
        for (const listener of this.dataListeners) listener(chunk);
      });
    }
  }

  close(): void {
    queueMicrotask(() => {
      for (const listener of this.closeListeners) listener();
    });
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.dataListeners.push(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }
}
