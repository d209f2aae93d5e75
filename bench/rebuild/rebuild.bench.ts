/**
 * "rebuild": events/s replaying a realistic log of N events (a million by
 * default) into an empty read model through the real Projector and
 * ReadModelDatabase, in a process of its own, divided by a raw read of the
 * same rows (better-sqlite3, every row's data and metadata JSON-parsed) in the
 * same run, taken before and after the replay (the faster one counts). Also
 * the read model's size against the store's, the replaying process's peak
 * resident set, and the longest the event loop waited during the replay (what
 * a health check would have waited).
 *
 * The log is generated once through the deciders and the command handler
 * (bench/rebuild/network-activity.ts) and cached; the caught-up read model is
 * kept for the start scenario.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Figure, scenario } from '../support/scenario.js';
import { benchStore, fileMegabytes, keepReadModel, replayProcess } from './bench-store.js';

const RATIO_TARGET = 0.3;
const EVENTS_PER_SECOND_TARGET = 50_000;

async function measure(events: number): Promise<Figure[]> {
  const store = await benchStore(events);
  const scratch = join(store.directory, `replay-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch);
  try {
    const readModelFile = join(scratch, 'read-model.sqlite');
    console.log('raw read of the store (floor)…');
    const before = await replayProcess('raw-read', store.storeFile);
    console.log(`replaying ${events} events into an empty read model…`);
    const replay = await replayProcess('replay', store.storeFile, readModelFile);
    console.log('raw read of the store again (floor)…');
    const after = await replayProcess('raw-read', store.storeFile);
    const floor = [before, after].reduce((faster, read) => (read.seconds < faster.seconds ? read : faster));
    if (replay.events !== floor.events) {
      throw new Error(`the replay applied ${replay.events} events, the store holds ${floor.events}`);
    }
    const readModelMegabytes = fileMegabytes(readModelFile);
    keepReadModel(store, readModelFile);
    return [
      {
        name: `replay of ${events} events into an empty read model`,
        value: replay.events / replay.seconds,
        unit: 'events/s',
        floor: { name: 'raw read and JSON parse', value: floor.events / floor.seconds },
        targets: [
          { on: 'ratio', atLeast: RATIO_TARGET },
          { on: 'value', atLeast: EVENTS_PER_SECOND_TARGET },
        ],
        note: `${replay.seconds.toFixed(1)} s; floor ${floor.seconds.toFixed(1)} s`,
      },
      {
        name: 'read model size after the rebuild',
        value: readModelMegabytes,
        unit: 'MB',
        floor: { name: 'event store', value: fileMegabytes(store.storeFile) },
        targets: [{ on: 'ratio', atMost: 1 }],
      },
      { name: 'peak RSS of the replaying process', value: replay.peakResidentMegabytes, unit: 'MB' },
      { name: 'longest event-loop stall during the replay', value: replay.longestStallMs, unit: 'ms' },
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const rebuild = scenario({
  name: 'rebuild',
  summary: 'events/s replaying a realistic log into an empty read model against a raw read of the same rows',
  options: {
    events: { default: 1_000_000, meaning: 'events in the log (generated once per size and cached)' },
  },
  run: (options) => measure(options.events),
});
