import { metadataString } from '@coop/event-store';
import type Database from 'better-sqlite3';
import type { PlacedEvent } from './projection-batch.js';

/**
 * Writes `audit_events`: every recorded event, known to the domain or not,
 * under the item its stream concerns. A row holds what the audit's filters
 * select on and the event's position; the event itself stays in the store.
 */
export class AuditWriter {
  private readonly insert: Database.Statement;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO audit_events (position, stream_id, type, occurred_at, actor_id, actor_country, item_id, item_kind)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  record({ recorded, occurredAt, itemId, item }: PlacedEvent): void {
    const metadata = recorded.metadata;
    this.insert.run(
      recorded.position,
      recorded.streamId,
      recorded.type,
      occurredAt,
      metadataString(metadata, 'actorId'),
      metadataString(metadata, 'actorCountry'),
      itemId,
      item?.kind ?? null,
    );
  }
}
