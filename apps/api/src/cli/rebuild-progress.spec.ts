import { clock, type ProgressOutput, RebuildProgressReporter } from './rebuild-progress.js';

function output(isTTY: boolean): ProgressOutput & { readonly text: string[] } {
  const text: string[] = [];
  return { isTTY, text, write: (chunk: string) => text.push(chunk) };
}

const halfway = { eventsApplied: 52_300, eventsPerSecond: 61_200, percent: 52.3, secondsLeft: 0.8, seconds: 0.9 };
const started = { eventsApplied: 0, eventsPerSecond: 0, percent: 0, secondsLeft: null, seconds: 0.1 };

describe('RebuildProgressReporter', () => {
  it('draws one bar in place on a terminal: events done, events/s, time left', () => {
    const terminal = output(true);
    const reporter = new RebuildProgressReporter(terminal);
    reporter.report(started);
    reporter.report(halfway);
    reporter.done({ eventsApplied: 100_000, seconds: 1.7 });

    expect(terminal.text).toEqual([
      `\r[${'░'.repeat(30)}]   0.0 %  0 events  0 events/s  time left unknown\u001b[K`,
      `\r[${'█'.repeat(16)}${'░'.repeat(14)}]  52.3 %  52,300 events  61,200 events/s  0:01 left\u001b[K`,
      '\n',
      'Rebuilt the read model from 100,000 events in 0:02.\n',
    ]);
  });

  it('writes plain lines elsewhere, nothing a log would show as control characters', () => {
    const log = output(false);
    const reporter = new RebuildProgressReporter(log);
    reporter.report(halfway);
    reporter.done({ eventsApplied: 100_000, seconds: 1.7 });

    expect(log.text).toEqual([
      'rebuild:  52.3 %  52,300 events  61,200 events/s  0:01 left\n',
      'Rebuilt the read model from 100,000 events in 0:02.\n',
    ]);
  });

  it('tells time as m:ss, and h:mm:ss from an hour', () => {
    expect([clock(0), clock(59.4), clock(61), clock(3_600), clock(3 * 3_600 + 5 * 60 + 7)]).toEqual([
      '0:00',
      '0:59',
      '1:01',
      '1:00:00',
      '3:05:07',
    ]);
  });
});
