import type { ItemKind } from '@coop/domain';
import type { JsonObject, JsonValue } from '@coop/event-store';
import type Database from 'better-sqlite3';
import { decodeCursor, encodeCursor, pageSize, toPage } from './page-cursor.js';
import type { AuditEventView, AuditFilter, Page, PageArgs } from './read-model.types.js';
import { actorOfMetadata } from './read-model.views.js';
import { inList, listParameter, StatementVariants } from './sql-filters.js';

const DEFAULT_AUDIT_PAGE = 100;
const AUDIT_CURSOR = 'audit';
const COLUMNS = `seq, position, event_id, stream_id, version, type, occurred_at, correlation_id, causation_id,
  data, metadata, hash, previous_hash, item_id, item_kind`;

interface AuditRow {
  seq: number;
  position: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  occurred_at: string;
  correlation_id: string | null;
  causation_id: string | null;
  data: string;
  metadata: string;
  hash: string;
  previous_hash: string | null;
  item_id: string | null;
  item_kind: ItemKind | null;
}

export class AuditQueries {
  private readonly variants: StatementVariants;
  private readonly ofItem: Database.Statement<[string], AuditRow>;
  private readonly ofOtherStream: Database.Statement<[string], AuditRow>;

  constructor(db: Database.Database) {
    this.variants = new StatementVariants(db);
    this.ofItem = db.prepare(`SELECT ${COLUMNS} FROM audit_events WHERE item_id = ? ORDER BY seq`);
    this.ofOtherStream = db.prepare(
      `SELECT ${COLUMNS} FROM audit_events WHERE stream_id = ? AND item_id IS NULL ORDER BY seq`,
    );
  }

  /** Every event of the item's stream and of its discussion, oldest first. Visibility is the caller's. */
  history(itemId: string): AuditEventView[] {
    return this.ofItem.all(itemId).map(auditEventView);
  }

  /** Every event of a stream that concerns no item (a country's profile), oldest first. */
  streamHistory(streamId: string): AuditEventView[] {
    return this.ofOtherStream.all(streamId).map(auditEventView);
  }

  /** Oldest first; each filter present narrows, `from` inclusive, `to` exclusive. */
  auditTrail(filter: AuditFilter | null = {}, page: PageArgs = {}): Page<AuditEventView> {
    const size = pageSize(page.first, DEFAULT_AUDIT_PAGE);
    const parameters: Record<string, string | number> = { limit: size + 1 };
    const conditions: string[] = [];
    const add = (name: string, value: string | number | null | undefined, condition: string) => {
      if (value === null || value === undefined) return;
      parameters[name] = value;
      conditions.push(condition);
    };
    add('after', page.after == null ? null : decodeCursor(AUDIT_CURSOR, page.after, ['number'])[0], 'seq > @after');
    add('itemId', filter?.itemId, 'item_id = @itemId');
    add('actorId', filter?.actorId, 'actor_id = @actorId');
    add('kinds', listParameter(filter?.kinds), inList('item_kind', 'kinds'));
    add('countries', listParameter(filter?.countries), inList('actor_country', 'countries'));
    add('types', listParameter(filter?.types), inList('type', 'types'));
    add('from', filter?.from?.toISOString(), 'occurred_at >= @from');
    add('to', filter?.to?.toISOString(), 'occurred_at < @to');
    const statement = this.variants.get(
      conditions.join(' AND '),
      () =>
        `SELECT ${COLUMNS} FROM audit_events ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY seq LIMIT @limit`,
    );
    const rows = statement.all(parameters) as AuditRow[];
    return toPage(rows, size, (row) => ({ cursor: encodeCursor(AUDIT_CURSOR, [row.seq]), node: auditEventView(row) }));
  }
}

function auditEventView(row: AuditRow): AuditEventView {
  const metadata = JSON.parse(row.metadata) as JsonObject;
  return {
    position: row.position,
    eventId: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    occurredAt: row.occurred_at,
    actor: actorOfMetadata(metadata),
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    data: JSON.parse(row.data) as JsonValue,
    metadata,
    hash: row.hash,
    previousHash: row.previous_hash,
    itemId: row.item_id,
    itemKind: row.item_kind,
  };
}
