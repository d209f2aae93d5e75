import { CommandHandler } from '@coop/application';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { demoState, recordDemo } from '../demo/demo-recorder.js';
import { demoTokenCommands } from '../demo/demo-tokens.js';
import { DataDirectoryInUse, DataDirectoryLock } from '../store/data-directory-lock.js';
import { openEventStore, warningsOnStandardError } from '../store/open-event-store.js';

/*
 * `npm run demo`: records the Programme's demo (2017–2019) in the store of
 * DATA_DIR or EVENTSTORE_CONNECTION_STRING, as a development start does on an
 * empty store. On a store that holds it already it writes nothing; on one that
 * holds other events it adds the demo beside them. Never in production.
 */

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
if (config.production) fail('NODE_ENV=production: the demo is never recorded in a production store');

let lock: DataDirectoryLock | null = null;
// The embedded store wakes only its own process's subscribers: a running service would not show the demo.
if (config.eventStore.kind === 'sqlite') {
  try {
    lock = DataDirectoryLock.acquire(config.dataDir, 'npm run demo');
  } catch (error) {
    if (error instanceof DataDirectoryInUse) {
      fail(`${error.message}: stop it first (it would not show events another process records).`);
    }
    throw error;
  }
}
const store = openEventStore(config.eventStore, warningsOnStandardError);
try {
  const state = await demoState(store);
  if (state === 'complete') {
    process.stdout.write('The store holds the demo already: nothing recorded.\n');
  } else {
    const { actsRecorded, actsInDemo } = await recordDemo(store, new CommandHandler(store));
    const beside = state === 'absent' ? ', beside the events the store held' : '';
    process.stdout.write(
      `Recorded ${actsRecorded} of the demo's ${actsInDemo} acts (the Programme 2017–2019)${beside}.\n`,
    );
  }
  process.stdout.write(`\nTokens of demo participants (a KZ focal point, a KG participant, the secretariat):\n`);
  for (const command of demoTokenCommands(config.dataDir)) process.stdout.write(`  ${command}\n`);
} finally {
  await store.close();
  lock?.release();
}
