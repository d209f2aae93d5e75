import type { ItemKind } from '@coop/domain';
import { type EventStore, metadataString, type Position, type RecordedEvent } from '@coop/event-store';
import type Database from 'better-sqlite3';
import { decodeCursor, encodeCursor, pageSize, toPage } from './page-cursor.js';
import type { AuditEventView, AuditFilter, Page, PageArgs } from './read-model.types.js';
import { actorOfMetadata } from './read-model.views.js';
import { inList, listParameter, StatementVariants } from './sql-filters.js';

const DEFAULT_AUDIT_PAGE = 100;
const AUDIT_CURSOR = 'audit';
const COLUMNS = 'seq, position, occurred_at, item_id, item_kind';

interface AuditRow {
  seq: number;
  position: Position;
  occurred_at: string;
  item_id: string | null;
  item_kind: ItemKind | null;
}

/**
 * Finds events in `audit_events` and reads them from the store: the rows say
 * which events, in what order and under which item, the store what they are.
 */
export class AuditQueries {
  private readonly variants: StatementVariants;
  private readonly ofItem: Database.Statement<[string], AuditRow>;
  private readonly ofOtherStream: Database.Statement<[string], AuditRow>;

  constructor(
    db: Database.Database,
    private readonly store: EventStore,
  ) {
    this.variants = new StatementVariants(db);
    this.ofItem = db.prepare(`SELECT ${COLUMNS} FROM audit_events WHERE item_id = ? ORDER BY seq`);
    this.ofOtherStream = db.prepare(
      `SELECT ${COLUMNS} FROM audit_events WHERE stream_id = ? AND item_id IS NULL ORDER BY seq`,
    );
  }

  /** Every event of the item's stream and of its discussion, oldest first. Visibility is the caller's. */
  history(itemId: string): Promise<AuditEventView[]> {
    return this.views(this.ofItem.all(itemId));
  }

  /** Every event of a stream that concerns no item (a country's profile), oldest first. */
  streamHistory(streamId: string): Promise<AuditEventView[]> {
    return this.views(this.ofOtherStream.all(streamId));
  }

  /** Oldest first; each filter present narrows, `from` inclusive, `to` exclusive. */
  async auditTrail(filter: AuditFilter | null = {}, page: PageArgs = {}): Promise<Page<AuditEventView>> {
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
    const found = toPage(rows, size, (row) => ({ cursor: encodeCursor(AUDIT_CURSOR, [row.seq]), node: row }));
    const edges = await Promise.all(
      found.edges.map(async ({ cursor, node }) => ({ cursor, node: await this.view(node) })),
    );
    return { edges, pageInfo: found.pageInfo };
  }

  private views(rows: readonly AuditRow[]): Promise<AuditEventView[]> {
    return Promise.all(rows.map((row) => this.view(row)));
  }

  private async view(row: AuditRow): Promise<AuditEventView> {
    return auditEventView(row, await this.eventAt(row.position));
  }

  private async eventAt(position: Position): Promise<RecordedEvent> {
    // readAll starts at its position inclusive: the first event is the one recorded there.
    const [event] = await this.store.readAll({ fromPosition: position, limit: 1 });
    if (event?.position !== position) {
      throw new Error(`The audit trail lists an event at ${position} that the store does not hold`);
    }
    return event;
  }
}

function auditEventView(row: AuditRow, event: RecordedEvent): AuditEventView {
  const { metadata } = event;
  return {
    position: event.position,
    eventId: event.id,
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    occurredAt: row.occurred_at,
    actor: actorOfMetadata(metadata),
    correlationId: metadataString(metadata, 'correlationId'),
    causationId: metadataString(metadata, 'causationId'),
    data: event.data,
    metadata,
    hash: metadataString(metadata, 'hash') ?? '',
    previousHash: metadataString(metadata, 'previousHash'),
    itemId: row.item_id,
    itemKind: row.item_kind,
  };
}
