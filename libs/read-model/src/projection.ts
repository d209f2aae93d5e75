import type { RecordedEvent } from '@coop/event-store';
import type Database from 'better-sqlite3';
import { AuditWriter } from './audit.writer.js';
import { CommentWriter } from './comment.writer.js';
import { CooperationWriter } from './cooperation.writer.js';
import { CountryProfileWriter } from './country-profile.writer.js';
import { FeedWriter, type WrittenEntry } from './feed.writer.js';
import { ItemWriter } from './item.writer.js';
import { NotificationWriter, type WrittenNotification } from './notification.writer.js';
import { ParticipantWriter } from './participant.writer.js';
import { type PlacedEvent, ProjectionBatch } from './projection-batch.js';
import { SearchWriter } from './search.writer.js';
import type { ProjectionWriter } from './projection-writer.js';
import { ProjectionFailed } from './read-model.errors.js';

export interface AppliedBatch {
  readonly position: string;
  readonly entries: readonly WrittenEntry[];
  readonly notifications: readonly WrittenNotification[];
  readonly skipped: number;
}

const failedOn = (event: RecordedEvent, error: unknown): ProjectionFailed =>
  new ProjectionFailed(event.position, event.streamId, event.type, error);

/**
 * Writes batches of events into the read model, each batch and its checkpoint
 * in one transaction. Every event goes to the audit trail; an event its stream
 * holds by right goes, by type, to the writers that handle it: an item's or a
 * discussion's with its item, a country's or a participant's without one.
 */
export class Projection {
  private readonly audit: AuditWriter;
  private readonly items: ItemWriter;
  /**
   * In the order they apply each event: the item writer first, so that the
   * others read the item with the event folded in; notifications last, as
   * they read the comment, the feed entry and the watches written before them.
   * A new family of tables is one more writer here.
   */
  private readonly writers: readonly ProjectionWriter[];
  private readonly checkpoint: Database.Statement<[string, string, number, number]>;
  private readonly applyInTransaction: (events: readonly RecordedEvent[]) => AppliedBatch;

  constructor(db: Database.Database) {
    this.audit = new AuditWriter(db);
    this.items = new ItemWriter(db);
    this.writers = [
      this.items,
      new CommentWriter(db),
      new FeedWriter(db),
      new SearchWriter(db),
      new CooperationWriter(db),
      new CountryProfileWriter(db),
      new ParticipantWriter(db),
      new NotificationWriter(db),
    ];
    this.checkpoint = db.prepare(
      `UPDATE checkpoint SET position = ?, recorded_at = ?, events_projected = events_projected + ?,
         events_skipped = events_skipped + ? WHERE id = 1`,
    );
    this.applyInTransaction = db.transaction((events: readonly RecordedEvent[]) => this.applyAll(events));
  }

  /** Applies the events and moves the checkpoint to the last one, all or nothing. Throws ProjectionFailed. */
  apply(events: readonly RecordedEvent[]): AppliedBatch {
    return this.applyInTransaction(events);
  }

  private applyAll(events: readonly RecordedEvent[]): AppliedBatch {
    const batch = new ProjectionBatch(this.items);
    let skipped = 0;
    for (const event of events) {
      try {
        if (!this.applyEvent(event, batch)) skipped += 1;
      } catch (error) {
        throw failedOn(event, error);
      }
    }
    const last = events.at(-1);
    if (last === undefined) throw new RangeError('An empty batch has no position to move the checkpoint to');
    for (const writer of this.writers) {
      try {
        writer.flush?.(batch);
      } catch (error) {
        throw error instanceof ProjectionFailed ? error : failedOn(last, error);
      }
    }
    this.checkpoint.run(last.position, last.recordedAt, events.length - skipped, skipped);
    return { position: last.position, entries: batch.entries, notifications: batch.notifications, skipped };
  }

  private applyEvent(recorded: RecordedEvent, batch: ProjectionBatch): boolean {
    const placed = batch.place(recorded);
    this.audit.record(placed);
    return dispatch(this.writers, placed, batch);
  }
}

/**
 * Hands the event to each writer that handles it, in order; false when none
 * does: only the audit has it. The batch places an item's event only with its item.
 */
export function dispatch(writers: readonly ProjectionWriter[], placed: PlacedEvent, batch: ProjectionBatch): boolean {
  const { event } = placed;
  if (event === null) return false;
  const handling = writers.filter((writer) => writer.handles(event));
  for (const writer of handling) writer.apply({ ...placed, event }, batch);
  return handling.length > 0;
}
