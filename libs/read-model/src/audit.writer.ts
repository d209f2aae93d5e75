import type { JsonObject } from '@coop/event-store';
import type Database from 'better-sqlite3';
import type { PlacedEvent } from './projection-batch.js';

/** Writes `audit_events`: every recorded event, known to the domain or not, under the item its stream concerns. */
export class AuditWriter {
  private readonly insert: Database.Statement;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO audit_events (position, event_id, stream_id, version, type, occurred_at, actor_id, actor_country,
         correlation_id, causation_id, data, metadata, hash, previous_hash, item_id, item_kind)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  record({ recorded, occurredAt, itemId, item }: PlacedEvent): void {
    const metadata = recorded.metadata;
    this.insert.run(
      recorded.position,
      recorded.id,
      recorded.streamId,
      recorded.version,
      recorded.type,
      occurredAt,
      stringOrNull(metadata, 'actorId'),
      stringOrNull(metadata, 'actorCountry'),
      stringOrNull(metadata, 'correlationId'),
      stringOrNull(metadata, 'causationId'),
      JSON.stringify(recorded.data),
      JSON.stringify(metadata),
      stringOrNull(metadata, 'hash') ?? '',
      stringOrNull(metadata, 'previousHash'),
      itemId,
      item?.kind ?? null,
    );
  }
}

function stringOrNull(metadata: JsonObject, key: string): string | null {
  const value = metadata[key];
  return typeof value === 'string' ? value : null;
}
