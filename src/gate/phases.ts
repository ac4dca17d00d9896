// Phase bookkeeping: every phase has a name, a duration and an outcome, and the run knows which
// phase it is in when something stops it (a timeout, a cancellation).
import type { PhaseTiming } from '../report/model.js';

export class PhaseClock {
  readonly phases: PhaseTiming[] = [];
  current: string | undefined;

  constructor(
    private readonly onStart: (phase: string) => void = () => {},
    private readonly onEnd: (timing: PhaseTiming) => void = () => {},
  ) {}

  async run<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    this.current = phase;
    this.onStart(phase);
    try {
      const result = await work();
      this.end({ phase, durationMs: Date.now() - started, outcome: 'ok' });
      return result;
    } catch (error) {
      this.end({
        phase,
        durationMs: Date.now() - started,
        outcome: outcomeOf(error),
        note: (error as Error).message?.slice(0, 300),
      });
      throw error;
    } finally {
      this.current = undefined;
    }
  }

  private end(timing: PhaseTiming): void {
    this.phases.push(timing);
    this.onEnd(timing);
  }
}

function outcomeOf(error: unknown): PhaseTiming['outcome'] {
  const name = (error as Error)?.name ?? '';
  if (name === 'CancelledError') return 'cancelled';
  if (/Timeout/.test(name)) return 'timeout';
  return 'failed';
}
