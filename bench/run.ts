/**
 * `npm run bench` runs every scenario, `npm run bench -- <scenario>…` the
 * named ones, each with its floor measured in the same run; `--<option> N`
 * scales them (`npm run bench -- --help` lists them). One table at the end;
 * the exit code is 1 when a target is missed or a scenario fails, 2 on a bad
 * command line. docs/benchmarks.md says what each scenario measures.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { append } from './append/append.bench.js';
import { fanoutCapacity } from './fanout/fanout-capacity.bench.js';
import { fanout } from './fanout/fanout.bench.js';
import { http } from './http/http.bench.js';
import { notifications } from './notifications/notifications.bench.js';
import { rebuild } from './rebuild/rebuild.bench.js';
import { start } from './start/start.bench.js';
import { parseCommandLine, UsageError, usage } from './support/command-line.js';
import { allMet, type Failure, formatTable, type Row } from './support/report.js';
import type { Scenario } from './support/scenario.js';

/** In the order of the run; a new scenario is one more entry. */
const SCENARIOS: readonly Scenario[] = [append, http, notifications, fanout, rebuild, start, fanoutCapacity];

const machine = () =>
  `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
  `Node.js ${process.version}, load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log(usage(SCENARIOS));
    return 0;
  }
  let selection;
  try {
    selection = parseCommandLine(args, SCENARIOS);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage(SCENARIOS)}`);
    return 2;
  }
  const { scenarios, options } = selection;
  const optionList = Object.entries(options).map(([name, value]) => `--${name} ${value}`);
  console.log(`machine: ${machine()}`);
  console.log(`scenarios: ${scenarios.map(({ name }) => name).join(', ')}; ${optionList.join(' ')}`);
  const rows: Row[] = [];
  const failures: Failure[] = [];
  for (const { name, run } of scenarios) {
    console.log(`\n== ${name}`);
    try {
      for (const figure of await run(options)) rows.push({ scenario: name, figure });
    } catch (error) {
      console.error(error);
      failures.push({ scenario: name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  console.log(`\nmachine at the end: ${machine()}\n`);
  console.log(formatTable(rows, failures));
  return allMet(rows, failures) ? 0 : 1;
}

// Explicitly: a socket or timer a scenario left behind must not keep the run from ending.
process.exit(await main());
