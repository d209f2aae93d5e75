import { createWriteStream, existsSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { auditExportStream } from '@coop/event-store';
import { parseAuditExportRange } from '../audit/audit-export-range.js';
import { ConfigError, loadEventStoreConfig } from '../config/app-config.js';
import { openEventStore, warningsOnStandardError } from '../store/open-event-store.js';

const usage = `Usage: npm run audit:export -- [--from <date or date-time>] [--to <date or date-time>] --out <file>
Writes the events that occurred in [from, to) as JSON Lines, in log order with their hash chain, read
directly from the configured event store (EVENT_STORE, DATA_DIR, EVENTSTORE_CONNECTION_STRING, as the service).
Check the file with: npm run audit:verify -- <file>`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(code);
}

function readOptions() {
  try {
    return parseArgs({
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

const values = readOptions();
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (values.out === undefined || values.out === '') fail('--out is required');
const parsed = parseAuditExportRange({ from: values.from, to: values.to });
if ('problems' in parsed) {
  fail(
    Object.entries(parsed.problems)
      .map(([name, messages]) => `--${name} ${messages.join('; ')}`)
      .join('\n'),
  );
}

function readStoreConfig() {
  try {
    return loadEventStoreConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
    throw error;
  }
}

const config = readStoreConfig();
// Opening a missing SQLite file would create an empty store and export nothing, silently.
if (config.kind === 'sqlite' && !existsSync(config.file)) fail(`No event store at ${config.file} (set DATA_DIR)`);

const store = openEventStore(config, warningsOnStandardError);
let events = 0;
try {
  await pipeline(
    auditExportStream(store, parsed.range),
    async function* countLines(chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) events += 1;
        yield chunk;
      }
    },
    createWriteStream(values.out, { flags: 'wx' }),
  );
} catch (error) {
  process.stderr.write(`Export failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await store.close();
}
if (process.exitCode !== 1) process.stderr.write(`exported ${events} events to ${values.out}\n`);
