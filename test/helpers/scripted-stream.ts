// A scripted serial port for console-engine tests: it answers framed commands the way a shell
// on a serial line would, with hooks to split, corrupt or interleave what it sends back.
import type { ConsoleStream } from '../../src/console/serial-console.js';

export type Responder = (command: string) => { output: string; status: number } | undefined;

/**
 * The listener half of a serial port stand-in: bytes are delivered on a microtask, as a socket's
 * data events would be, cut by `chunker` (default: one chunk).
 */
export abstract class ListenerStream implements ConsoleStream {
  private dataListeners: ((chunk: Buffer) => void)[] = [];
  private closeListeners: (() => void)[] = [];
  readonly written: string[] = [];
  /** How the bytes are cut before delivery (default: one chunk). */
  chunker: (text: string) => string[] = (text) => [text];

  abstract write(data: string): void;

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

export class ScriptedStream extends ListenerStream {
  echo = false;

  constructor(private readonly respond: Responder = () => undefined) {
    super();
  }

  write(data: string): void {
    this.written.push(data);
    for (const line of data.split('\n').filter(Boolean)) {
      if (this.echo) this.emit(`${line}\r\n`);
      const framed =
        /^printf '@@fg:%s:begin:%s@@\\n@@fg:%s:begin:%s@@\\n' (\w+) (\w+) \w+ \w+; \( (.*) \) <\/dev\/null 2>&1; printf/.exec(
          line,
        );
      if (!framed) continue;
      const [, nonce, id, command] = framed;
      const answer = this.respond(command!) ?? { output: '', status: 0 };
      this.emit(
        `@@fg:${nonce}:begin:${id}@@\r\n${answer.output}@@fg:${nonce}:end:${id}:${answer.status}@@\r\nfg# `,
      );
    }
  }
}
