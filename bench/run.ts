/**
 * `npm run bench -- <scenario> [args]`: runs one benchmark scenario.
 *
 *   npm run bench -- append [eventsPerRound] [rounds]
 *   npm run bench -- fanout [--subscribers N] [--rounds R] [--appends A]
 *   npm run bench -- http [--seconds S] [--connections C]
 */
const SCENARIOS: Record<string, string> = {
  append: './append/append.bench.ts',
  fanout: './fanout/fanout.bench.ts',
  http: './http/http.bench.ts',
};

const [scenario] = process.argv.splice(2, 1);
const module = scenario === undefined ? undefined : SCENARIOS[scenario];
if (module === undefined) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(SCENARIOS).join('|')}> [args]\n`);
  process.exit(2);
}
// Scenarios read their own arguments from process.argv[2...], as when run directly.
await import(module);
