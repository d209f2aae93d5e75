import { allMet, formatTable } from './report.js';
import { type Figure, isMet } from './scenario.js';

const replay: Figure = {
  name: 'replay',
  value: 60_000,
  unit: 'events/s',
  floor: { name: 'raw read', value: 150_000 },
  targets: [
    { on: 'ratio', atLeast: 0.3 },
    { on: 'value', atLeast: 50_000 },
  ],
  note: '20.0 s',
};

describe('the run table', () => {
  it('shows each figure with its floor, ratio, targets and whether they are met, in one Markdown table', () => {
    const table = formatTable(
      [
        { scenario: 'rebuild', figure: replay },
        { scenario: 'rebuild', figure: { name: 'peak RSS', value: 212.4, unit: 'MB' } },
        {
          scenario: 'start',
          figure: { name: 'time to ready', value: 3_412, unit: 'ms', targets: [{ on: 'value', atMost: 3_000 }] },
        },
      ],
      [{ scenario: 'fanout', error: 'only 3 of 4 deliveries arrived' }],
    );
    expect(table.split('\n')).toEqual([
      expect.stringMatching(
        /^\| scenario +\| figure +\| value +\| floor \(same run\) +\| ratio +\| target +\| met +\|$/,
      ),
      expect.stringMatching(/^\| -+ \| -+ \| -+ \| -+ \| -+ \| -+ \| -+ \|$/),
      expect.stringMatching(
        /^\| rebuild +\| replay \(20\.0 s\) +\| 60,000 events\/s +\| raw read: 150,000 events\/s +\| 0\.400 +\| ratio ≥ 0\.30, ≥ 50,000 events\/s +\| met +\|$/,
      ),
      expect.stringMatching(/^\| rebuild +\| peak RSS +\| 212 MB +\| — +\| — +\| — +\| — +\|$/),
      expect.stringMatching(/^\| start +\| time to ready +\| 3,412 ms +\| — +\| — +\| ≤ 3,000 ms +\| NOT MET +\|$/),
      expect.stringMatching(/^\| fanout +\| failed: only 3 of 4 deliveries arrived +\| — .*\| NOT MET +\|$/),
    ]);
    // Columns line up: every row is as long as the header.
    expect(new Set(table.split('\n').map((line) => line.length)).size).toBe(1);
  });

  it('meets a figure only when every target holds; a figure without targets neither meets nor misses', () => {
    expect(isMet(replay)).toBe(true);
    expect(isMet({ ...replay, value: 40_000 })).toBe(false);
    expect(isMet({ ...replay, floor: { name: 'raw read', value: 250_000 } })).toBe(false);
    expect(isMet({ name: 'peak RSS', value: 200, unit: 'MB' })).toBeNull();
    expect(isMet({ name: 'p99', value: Number.NaN, unit: 'ms', targets: [{ on: 'value', atMost: 250 }] })).toBe(false);
  });

  it('fails the run on a missed target or a failed scenario', () => {
    const met = { scenario: 'rebuild', figure: replay };
    expect(allMet([met], [])).toBe(true);
    expect(allMet([met, { scenario: 'rebuild', figure: { ...replay, value: 1 } }], [])).toBe(false);
    expect(allMet([met], [{ scenario: 'start', error: 'no' }])).toBe(false);
  });
});
