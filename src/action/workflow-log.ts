// Guest output is untrusted: a line the guest prints must never act as a workflow command. GitHub's
// runner ignores commands between `::stop-commands::TOKEN` and `::TOKEN::` (GitHub's documentation,
// "Workflow commands: Stopping and starting workflow commands"), so guest text is echoed inside such a
// span with a random token, and the span is closed before any command the gate itself issues.
import { randomBytes } from 'node:crypto';

export class WorkflowLog {
  private token: string | undefined;

  constructor(
    private readonly write: (text: string) => void,
    private readonly newToken: () => string = () => randomBytes(16).toString('hex'),
  ) {}

  /** Text that may hold guest output, one or more lines, echoed verbatim with commands stopped. */
  text(text: string): void {
    if (this.token === undefined) {
      this.token = this.newToken();
      this.write(`::stop-commands::${this.token}\n`);
    }
    this.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Resumes command processing; call before every command the gate issues. */
  resume(): void {
    if (this.token === undefined) return;
    this.write(`::${this.token}::\n`);
    this.token = undefined;
  }

  /** Runs `issue` (something that writes a workflow command) with commands enabled. */
  command<T>(issue: () => T): T {
    this.resume();
    return issue();
  }
}

/** A workflow command line, escaped the way the toolkit escapes them (@actions/core command.ts). */
export function commandLine(
  name: string,
  message: string,
  properties: Record<string, string | number | undefined> = {},
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
