import { join } from 'node:path';
import { rebuildReadModel } from '@coop/read-model';
import { ConfigError, loadConfig, READ_MODEL_FILE } from '../config/app-config.js';
import { DataDirectoryInUse, DataDirectoryLock } from '../store/data-directory-lock.js';
import { openEventStore, warningsOnStandardError } from '../store/open-event-store.js';
import { RebuildProgressReporter } from './rebuild-progress.js';

/*
 * `npm run projections:rebuild`: rebuilds the read model of DATA_DIR from the
 * whole log of the store the service is configured with, while no service
 * uses DATA_DIR. The old read model stays until the new one is complete.
 */

/** A terminal redraws its bar often; a log gets a line now and then. */
const TERMINAL_REFRESH_MS = 250;
const LOG_LINE_EVERY_MS = 5_000;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
  throw error;
}
let lock: DataDirectoryLock;
try {
  lock = DataDirectoryLock.acquire(config.dataDir, 'npm run projections:rebuild');
} catch (error) {
  if (error instanceof DataDirectoryInUse)
    fail(`${error.message}: stop it first (the read model is rebuilt only while no service uses it).`);
  throw error;
}
const store = openEventStore(config.eventStore, warningsOnStandardError);
try {
  const reporter = new RebuildProgressReporter(process.stdout);
  const source = config.eventStore.kind === 'sqlite' ? config.eventStore.file : 'EventStoreDB';
  process.stdout.write(`Rebuilding the read model of ${config.dataDir} from ${source}…\n`);
  const result = await rebuildReadModel(store, join(config.dataDir, READ_MODEL_FILE), {
    onProgress: reporter.report,
    progressEveryMs: reporter.terminal ? TERMINAL_REFRESH_MS : LOG_LINE_EVERY_MS,
  });
  reporter.done(result);
} finally {
  await store.close();
  lock.release();
}
