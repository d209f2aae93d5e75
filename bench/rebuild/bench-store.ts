/**
 * The logs the rebuild and start scenarios run on, generated once and kept
 * in `bench/.cache/` (git-ignored), keyed by the generator's version and the
 * number of events; and the read model a rebuild left caught up with each,
 * keyed by the projection's version, for the start scenario.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@coop/event-store';
import { PROJECTION_VERSION } from '@coop/read-model';
import { ROOT } from '../support/built-service.js';
import { GENERATOR_VERSION, writeNetworkActivity } from './network-activity.js';

const CACHE = join(ROOT, 'bench', '.cache', 'rebuild');

export interface BenchStore {
  readonly directory: string;
  readonly storeFile: string;
  /** Where a read model caught up with this store is kept, whether or not one is there yet. */
  readonly readModelFile: string;
}

function paths(events: number): BenchStore {
  const directory = join(CACHE, `generator-v${GENERATOR_VERSION}-${events}-events`);
  return {
    directory,
    storeFile: join(directory, 'events.sqlite'),
    readModelFile: join(directory, `read-model-v${PROJECTION_VERSION}.sqlite`),
  };
}

/** A store of `events` events of the network's activity: the cached one, or one generated now. */
export async function benchStore(events: number): Promise<BenchStore> {
  const store = paths(events);
  if (existsSync(store.storeFile)) return store;
  // Generated aside and moved in whole, so that an interrupted generation is never taken for a log.
  const partial = `${store.directory}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  console.log(`generating ${events} events through the deciders and the command handler (cached for later runs)…`);
  const started = performance.now();
  const generated = new SqliteEventStore(join(partial, 'events.sqlite'));
  try {
    await writeNetworkActivity(generated, events, (written) => {
      const rate = Math.round(written / ((performance.now() - started) / 1000));
      console.log(`  ${written} events (${rate} events/s)`);
    });
  } finally {
    await generated.close();
  }
  renameSync(partial, store.directory);
  return store;
}

/** Megabytes of a SQLite file with its write-ahead log, if any. */
export function fileMegabytes(file: string): number {
  const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  return (size(file) + size(`${file}-wal`)) / 1e6;
}

export interface Replay {
  readonly events: number;
  readonly seconds: number;
  readonly peakResidentMegabytes: number;
  /** The longest the event loop waited for a turn, as a request to /health/live would. */
  readonly longestStallMs: number;
}

/**
 * Runs `bench/rebuild/replay.process.ts` in a process of its own, so that its
 * resident set is its own, and resolves with the figures it prints.
 */
export function replayProcess(mode: 'replay' | 'raw-read', storeFile: string, readModelFile = ''): Promise<Replay> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/rebuild/replay.process.ts', mode, storeFile, readModelFile],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`${mode} exited with ${code}: ${output.slice(-2_000)}`));
      else resolve(JSON.parse(last) as Replay);
    });
  });
}

/**
 * A read model caught up with the store, as the rebuild scenario leaves one:
 * the cached one, or one replayed now.
 */
export async function caughtUpReadModel(store: BenchStore): Promise<string> {
  if (existsSync(store.readModelFile)) return store.readModelFile;
  const scratch = join(store.directory, `replay-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch);
  try {
    const file = join(scratch, 'read-model.sqlite');
    console.log('replaying the store into a read model, for the start scenario…');
    await replayProcess('replay', store.storeFile, file);
    keepReadModel(store, file);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return store.readModelFile;
}

/** Keeps a read model a replay caught up with the store (closed, so without its WAL). */
export function keepReadModel(store: BenchStore, file: string): void {
  renameSync(file, store.readModelFile);
}
