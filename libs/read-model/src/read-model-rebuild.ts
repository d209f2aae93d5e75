import { renameSync, rmSync } from 'node:fs';
import type { EventStore } from '@coop/event-store';
import { Projector } from './projector.js';
import { ReadModelDatabase } from './read-model.database.js';

export interface RebuildProgress {
  readonly eventsApplied: number;
  readonly eventsPerSecond: number;
  /** Share of the log's history applied, by recording time (the store counts nothing cheaply). */
  readonly percent: number;
  /** At the rate so far; null until something is applied. */
  readonly secondsLeft: number | null;
  readonly seconds: number;
}

export interface RebuildOptions {
  /** Called every `progressEveryMs` while the rebuild runs, and once at its end with 100 %. */
  readonly onProgress?: (progress: RebuildProgress) => void;
  readonly progressEveryMs?: number;
}

export interface RebuildResult {
  readonly eventsApplied: number;
  readonly seconds: number;
}

/** A replay has no reason to take longer; waiting for ever would hide a stuck store. */
const REPLAY_TIMEOUT_MS = 24 * 60 * 60 * 1000;
const DEFAULT_PROGRESS_EVERY_MS = 1_000;

/** SQLite's own files beside a database in WAL mode. */
const filesOf = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];

/**
 * Rebuilds the read model in `file` from the whole log: projects every event
 * of `store` into a new file beside it, then puts that file in its place. The
 * old read model serves until the swap, and an interrupted rebuild leaves it
 * as it was (the next rebuild starts the new file again). The caller makes
 * sure no other process has `file` open.
 */
export async function rebuildReadModel(
  store: EventStore,
  file: string,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const building = `${file}.rebuilding`;
  for (const leftover of filesOf(building)) rmSync(leftover, { force: true });
  const database = ReadModelDatabase.open(building);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let result: RebuildResult;
  try {
    const projector = new Projector(store, database);
    const [head] = await store.readAll({ direction: 'backwards', limit: 1 });
    projector.start();
    const report = async (): Promise<void> => {
      const { eventsApplied, eventsPerSecond } = projector.catchUp;
      const { percent } = await projector.lag();
      const seconds = elapsed();
      const secondsLeft = percent > 0 ? (seconds * (100 - percent)) / percent : null;
      options.onProgress?.({ eventsApplied, eventsPerSecond, percent, secondsLeft, seconds });
    };
    const timer = setInterval(
      () => void report().catch(() => {}),
      options.progressEveryMs ?? DEFAULT_PROGRESS_EVERY_MS,
    );
    try {
      if (head !== undefined) await projector.waitFor(head.position, REPLAY_TIMEOUT_MS);
    } catch (error) {
      // What stopped the projector says more than that it stopped.
      throw projector.error ?? error;
    } finally {
      clearInterval(timer);
      await projector.stop();
    }
    const { eventsApplied } = projector.catchUp;
    const seconds = elapsed();
    result = { eventsApplied, seconds };
    options.onProgress?.({
      eventsApplied,
      eventsPerSecond: seconds > 0 ? Math.round(eventsApplied / seconds) : 0,
      percent: 100,
      secondsLeft: 0,
      seconds,
    });
  } catch (error) {
    await database.close();
    for (const leftover of filesOf(building)) rmSync(leftover, { force: true });
    throw error;
  }
  // Closing the last connection folds the WAL into the file: the new read model is one file.
  await database.close();
  // The old WAL must go before the new file takes the name, or SQLite would replay it into the new file.
  for (const old of filesOf(file).slice(1)) rmSync(old, { force: true });
  renameSync(building, file);
  return result;
}
