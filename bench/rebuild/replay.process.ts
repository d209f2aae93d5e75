/**
 * One side of the rebuild scenario, in a process of its own so that its
 * resident set is its own; prints its figures as the last line of JSON.
 *
 *   replay <store> <read model>: the real Projector replays the whole store
 *     into an empty read model (the file must not exist);
 *   raw-read <store>: every row of the store read and its data and metadata
 *     parsed, with better-sqlite3 and nothing else: the floor.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@coop/event-store';
import { Projector, ReadModelDatabase } from '@coop/read-model';
import type { Replay } from './bench-store.js';

/** A rebuild that has not ended in this long is not going to. */
const REPLAY_TIMEOUT_MS = 6 * 60 * 60 * 1000;

const peakResidentMegabytes = () => (process.resourceUsage().maxRSS * 1024) / 1e6;

function rawRead(storeFile: string): Omit<Replay, 'longestStallMs' | 'peakResidentMegabytes'> {
  const db = new Database(storeFile, { readonly: true });
  try {
    const rows = db.prepare<[], { data: string; metadata: string }>(
      'SELECT position, stream_id, version, event_id, type, data, metadata, recorded_at FROM events ORDER BY position',
    );
    const started = performance.now();
    let events = 0;
    for (const row of rows.iterate()) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      events += 1;
    }
    return { events, seconds: (performance.now() - started) / 1000 };
  } finally {
    db.close();
  }
}

async function replay(
  storeFile: string,
  readModelFile: string,
): Promise<Omit<Replay, 'longestStallMs' | 'peakResidentMegabytes'>> {
  const store = new SqliteEventStore(storeFile);
  // As the service opens it.
  const database = ReadModelDatabase.open(readModelFile, { backgroundCheckpoints: {} });
  try {
    if (!database.rebuilding) throw new Error(`${readModelFile} is not an empty read model`);
    const [head] = await store.readAll({ direction: 'backwards', limit: 1 });
    if (head === undefined) throw new Error(`${storeFile} holds no event`);
    const projector = new Projector(store, database);
    const started = performance.now();
    projector.start();
    await projector.waitFor(head.position, REPLAY_TIMEOUT_MS);
    const seconds = (performance.now() - started) / 1000;
    await projector.stop();
    return { events: projector.catchUp.eventsApplied, seconds };
  } finally {
    await database.close();
    await store.close();
  }
}

const [mode, storeFile, readModelFile] = process.argv.slice(2);
const stalls = monitorEventLoopDelay({ resolution: 10 });
stalls.enable();
let measured;
if (mode === 'raw-read' && storeFile) measured = rawRead(storeFile);
else if (mode === 'replay' && storeFile && readModelFile) measured = await replay(storeFile, readModelFile);
else throw new Error('usage: replay.process.ts replay <store> <read model> | raw-read <store>');
stalls.disable();
const figures: Replay = {
  ...measured,
  peakResidentMegabytes: peakResidentMegabytes(),
  longestStallMs: stalls.max / 1e6,
};
console.log(JSON.stringify(figures));
