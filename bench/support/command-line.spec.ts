import { parseCommandLine, UsageError } from './command-line.js';
import { type Scenario, scenario } from './scenario.js';

describe('the command line', () => {
  const run = async () => [];
  const registered: Scenario[] = [
    scenario({ name: 'rebuild', summary: '', options: { events: { default: 1_000_000, meaning: '' } }, run }),
    scenario({
      name: 'start',
      summary: '',
      options: { events: { default: 1_000_000, meaning: '' }, starts: { default: 3, meaning: '' } },
      run,
    }),
    scenario({ name: 'append', summary: '', options: {}, run }),
  ];

  it('runs every scenario with their defaults when none is named', () => {
    const { scenarios, options } = parseCommandLine([], registered);
    expect(scenarios.map(({ name }) => name)).toEqual(['rebuild', 'start', 'append']);
    expect(options).toEqual({ events: 1_000_000, starts: 3 });
  });

  it('runs the named ones, in the order named, an option applying to each that takes it', () => {
    const { scenarios, options } = parseCommandLine(['start', 'rebuild', '--events', '200000'], registered);
    expect(scenarios.map(({ name }) => name)).toEqual(['start', 'rebuild']);
    expect(options).toEqual({ events: 200_000, starts: 3 });
  });

  it.each([
    [['nope'], /no scenario nope/],
    [['rebuild', '--starts', '2'], /no selected scenario takes --starts/],
    [['rebuild', '--events'], /--events needs a positive integer/],
    [['rebuild', '--events', '0'], /--events needs a positive integer/],
    [['--events', '5', 'rebuild'], /scenario names come before options/],
  ])('refuses %j', (args, message) => {
    expect(() => parseCommandLine(args, registered)).toThrow(UsageError);
    expect(() => parseCommandLine(args, registered)).toThrow(message);
  });
});
