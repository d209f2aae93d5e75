import { itemStreamId, type Participant, practiceAggregate, type RevisePractice } from '@coop/domain';
import type { RecordedEvent } from '@coop/event-store';
import type Database from 'better-sqlite3';
import { dispatch } from '../projection.js';
import type { ProjectionBatch } from '../projection-batch.js';
import type { ProjectionWriter } from '../projection-writer.js';
import { ReadModelDatabase } from '../read-model.database.js';
import { ReadModelHarness } from './read-model.fixtures.js';

/**
 * A harness's real event store with a read model database beside it and no
 * projector, so that a test drives one writer by hand.
 */
export class WriterHarness extends ReadModelHarness {
  readonly database = ReadModelDatabase.open(this.readModelFile);
  private seen: string | null = null;

  get db(): Database.Database {
    return this.database.db;
  }

  /** The events appended since the last call, oldest first. */
  async newEvents(): Promise<RecordedEvent[]> {
    const seen = this.seen;
    const events = await this.store.readAll(seen === null ? {} : { fromPosition: seen });
    const fresh = events.filter((event) => seen === null || event.position > seen);
    this.seen = fresh.at(-1)?.position ?? seen;
    return fresh;
  }

  async revise(
    actor: Participant,
    practiceId: string,
    changes: Pick<RevisePractice, 'title' | 'summary' | 'body' | 'topics'>,
  ) {
    const expectedVersion = (await this.store.readStream(itemStreamId('PRACTICE', practiceId))).length;
    await this.run(practiceAggregate, actor, {
      type: 'RevisePractice',
      practiceId,
      expectedVersion,
      ...changes,
    });
  }

  async adopt(actor: Participant, practiceId: string) {
    await this.run(practiceAggregate, actor, {
      type: 'AdoptPractice',
      practiceId,
    });
  }

  override async dispose(): Promise<void> {
    await this.database.close();
    await super.dispose();
  }
}

/** Places each event in the batch and hands it to those of `writers` that handle it, as the projection does. */
export function applyEvents(
  batch: ProjectionBatch,
  writers: readonly ProjectionWriter[],
  events: readonly RecordedEvent[],
): void {
  for (const event of events) dispatch(writers, batch.place(event), batch);
}

/** How many rows `write` inserted, updated or deleted, counting full-text index rows and trigger writes. */
export function rowsChangedBy(db: Database.Database, write: () => void): number {
  const total = db.prepare<[], number>('SELECT total_changes()').pluck();
  const before = total.get() ?? 0;
  write();
  return (total.get() ?? 0) - before;
}

/** Logs every insert, update and delete on `table` from now on; the returned function reads the log, oldest first. */
export function logWrites(db: Database.Database, table: string, key: string): () => [string, string][] {
  const log = `${table}_writes`;
  db.exec(`CREATE TABLE ${log} (n INTEGER PRIMARY KEY, operation TEXT NOT NULL, row_key TEXT NOT NULL)`);
  for (const [operation, row] of [
    ['INSERT', 'NEW'],
    ['UPDATE', 'NEW'],
    ['DELETE', 'OLD'],
  ]) {
    db.exec(`CREATE TRIGGER ${log}_${operation} AFTER ${operation} ON ${table}
             BEGIN INSERT INTO ${log} (operation, row_key) VALUES ('${operation}', ${row}.${key}); END`);
  }
  const read = db.prepare<[], [string, string]>(`SELECT operation, row_key FROM ${log} ORDER BY n`).raw();
  return () => read.all();
}
