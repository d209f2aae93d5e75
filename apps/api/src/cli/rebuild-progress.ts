import type { RebuildProgress, RebuildResult } from '@coop/read-model';

/** Where progress goes: standard output, or a test's stand-in; a terminal has `isTTY`. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const BAR_WIDTH = 30;
const number = new Intl.NumberFormat('en-GB');

/** `m:ss`, or `h:mm:ss` from an hour up. */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

function figures(progress: RebuildProgress): string {
  const left = progress.secondsLeft === null ? 'time left unknown' : `${clock(progress.secondsLeft)} left`;
  return `${progress.percent.toFixed(1).padStart(5)} %  ${number.format(progress.eventsApplied)} events  ${number.format(progress.eventsPerSecond)} events/s  ${left}`;
}

/**
 * On a terminal, one bar redrawn in place; otherwise (a log, a pipe) one
 * plain line per report, so that nothing but text lands in a file.
 */
export class RebuildProgressReporter {
  private drawn = false;

  constructor(private readonly output: ProgressOutput) {}

  get terminal(): boolean {
    return this.output.isTTY === true;
  }

  readonly report = (progress: RebuildProgress): void => {
    if (!this.terminal) {
      this.output.write(`rebuild: ${figures(progress)}\n`);
      return;
    }
    const filled = Math.round((Math.min(100, progress.percent) / 100) * BAR_WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
    // Back to the start of the line, then clear what a longer previous line left.
    this.output.write(`\r[${bar}] ${figures(progress)}\u001b[K`);
    this.drawn = true;
  };

  done(result: RebuildResult): void {
    if (this.drawn) this.output.write('\n');
    this.output.write(
      `Rebuilt the read model from ${number.format(result.eventsApplied)} events in ${clock(result.seconds)}.\n`,
    );
  }
}
