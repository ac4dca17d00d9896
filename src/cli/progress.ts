// What the CLI prints while a run goes on, on stderr (stdout holds only the verdict lines):
// - on a terminal: one line per phase with its elapsed time; the guest console stays in serial.log
//   (--verbose shows it live);
// - in a pipe or a file: phase headings and the guest console as it arrives, for logs;
// - under GITHUB_ACTIONS: log groups, warnings as annotations, guest lines inside stop-commands spans.
import { WorkflowLog, commandLine } from '../action/workflow-log.js';
import type { GateIO } from '../gate/run.js';
import { formatDuration } from '../report/summary.js';

export interface ProgressOptions {
  write: (text: string) => void;
  terminal: boolean;
  github: boolean;
  verbose: boolean;
  quiet: boolean;
  signal: AbortSignal;
}

export interface CliProgress {
  io: GateIO;
  /** Ends whatever is still open (a phase line, a stop-commands span) before the verdict is printed. */
  finish(): void;
}

export function cliProgress(options: ProgressOptions): CliProgress {
  if (options.github) return githubProgress(options);
  const { write, quiet } = options;
  const compact = options.terminal && !options.verbose;
  // On a terminal a phase's line is written when it starts and finished when it ends.
  let open: string | undefined;
  const closeOpen = () => {
    if (open !== undefined) write('\n');
    open = undefined;
  };
  const line = (text: string) => {
    closeOpen();
    write(`${text}\n`);
  };
  const io: GateIO = {
    note: (message) => line(message),
    warn: (message) => line(`warning: ${message}`),
    consoleLine: (text) => {
      if (!quiet && !compact) line(`  | ${text}`);
    },
    group: async (name, work) => {
      if (!quiet && !compact) line(`== ${name}`);
      return work();
    },
    signal: options.signal,
    phaseStarted: (phase) => {
      if (!compact || quiet) return line(`fusefs-gate: ${phase}...`);
      closeOpen();
      open = phase;
      write(`fusefs-gate: ${phase}...`);
    },
    phaseEnded: (timing) => {
      const outcome = `${timing.outcome === 'ok' ? 'ok' : timing.outcome} (${formatDuration(timing.durationMs)})`;
      if (open === timing.phase) {
        write(` ${outcome}\n`);
        open = undefined;
      } else if (!quiet) line(`fusefs-gate: ${timing.phase} ${outcome}`);
    },
  };
  return { io, finish: closeOpen };
}

function githubProgress(options: ProgressOptions): CliProgress {
  const { write, quiet } = options;
  const log = new WorkflowLog(write);
  const io: GateIO = {
    note: (message) => log.text(message),
    warn: (message) => log.command(() => write(commandLine('warning', message))),
    consoleLine: (text) => {
      if (!quiet) log.text(text);
    },
    group: async (name, work) => {
      log.command(() => write(commandLine('group', name)));
      try {
        return await work();
      } finally {
        log.command(() => write(commandLine('endgroup', '')));
      }
    },
    signal: options.signal,
    phaseStarted: (phase) => log.text(`fusefs-gate: ${phase}...`),
    phaseEnded: (timing) =>
      log.text(
        `fusefs-gate: ${timing.phase} ${timing.outcome === 'ok' ? 'done' : timing.outcome} in ${formatDuration(timing.durationMs)}`,
      ),
  };
  return { io, finish: () => log.resume() };
}
