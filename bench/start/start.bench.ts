/**
 * "start": time from spawning the built service to its first 200 from
 * /health/ready, on the rebuild scenario's log of N events with a read model
 * caught up with it (a current checkpoint), beside the same on an empty data
 * directory; the median of a few starts each. Each start runs on copies, so
 * the cached files stay as they are.
 */
import { constants, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE_FILE } from '../../apps/api/src/config/app-config.js';
import { READ_MODEL_FILE } from '../../apps/api/src/config/app-config.js';
import { benchStore, caughtUpReadModel } from '../rebuild/bench-store.js';
import { buildService, startBuiltService } from '../support/built-service.js';
import { type Figure, scenario } from '../support/scenario.js';
import { median } from '../support/statistics.js';

const SECRET = 'start-bench-signs-with-this-secret-of-32-bytes';
const TARGET_MS = 3_000;
const POLL_MS = 10;

/** Milliseconds from spawning the service on `dataDir` to its first ready answer. */
async function timeToReady(dataDir: string): Promise<number> {
  const started = performance.now();
  const service = await startBuiltService(SECRET, { dataDir });
  try {
    const ready = `http://127.0.0.1:${service.port}/health/ready`;
    while ((await fetch(ready)).status !== 200) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    return performance.now() - started;
  } finally {
    await service.stop();
  }
}

async function medianStart(starts: number, dataDir: () => string): Promise<number> {
  const times: number[] = [];
  for (let start = 0; start < starts; start += 1) {
    const directory = dataDir();
    try {
      times.push(await timeToReady(directory));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }
  return median(times);
}

async function measure(events: number, starts: number): Promise<Figure[]> {
  const store = await benchStore(events);
  const readModelFile = await caughtUpReadModel(store);
  buildService();
  const copy = () => {
    const directory = mkdtempSync(join(store.directory, 'start-'));
    // A copy-on-write clone where the file system has them.
    copyFileSync(store.storeFile, join(directory, EVENT_STORE_FILE), constants.COPYFILE_FICLONE);
    copyFileSync(readModelFile, join(directory, READ_MODEL_FILE), constants.COPYFILE_FICLONE);
    return directory;
  };
  console.log(`starting the service ${starts} times on ${events} events with a current checkpoint…`);
  const withLog = await medianStart(starts, copy);
  console.log(`starting the service ${starts} times on an empty data directory…`);
  const empty = await medianStart(starts, () => mkdtempSync(join(store.directory, 'start-empty-')));
  return [
    {
      name: `time to ready with ${events} events and a current checkpoint`,
      value: withLog,
      unit: 'ms',
      floor: { name: 'empty data directory', value: empty },
      targets: [{ on: 'value', atMost: TARGET_MS }],
      note: `median of ${starts} starts`,
    },
  ];
}

export const start = scenario({
  name: 'start',
  summary: 'time to /health/ready 200 on the rebuild log with a current checkpoint, beside an empty store',
  options: {
    events: { default: 1_000_000, meaning: 'events in the log (generated once per size and cached)' },
    starts: { default: 3, meaning: 'starts of each kind, the median counts' },
  },
  run: (options) => measure(options.events, options.starts),
});
