import { type NotificationReason, precedenceOf, type Viewer } from '@coop/domain';
import type { Position } from '@coop/event-store';
import type Database from 'better-sqlite3';
import type { FeedQueries } from './feed.queries.js';
import { addresseeKeysOf } from './notification-addressees.js';
import { pageSize, toPage } from './page-cursor.js';
import { InvalidCursor } from './read-model.errors.js';
import type { NotificationFilter, NotificationView, Page, PageArgs } from './read-model.types.js';
import { type NotificationRecord, notificationCursorKey, notificationView } from './read-model.views.js';
import { StatementVariants, visibleTo } from './sql-filters.js';
import { viewerGrants } from './visibility-grants.js';

const DEFAULT_NOTIFICATION_PAGE = 20;

interface NotificationRow {
  position: string;
  addressee: string;
  reason: NotificationReason;
  event_id: string;
}

type Order = 'newest' | 'oldest';

interface RowsQuery {
  readonly order: Order;
  /** Keyset bound, exclusive: older than it when newest first, newer when oldest first. */
  readonly after: Position | null;
  /** Only rows newer than this read mark. */
  readonly newerThan: Position | null;
  readonly limit: number;
}

/*
 * A viewer's notifications are the rows of every addressee they answer to
 * (themselves, their country, their country's focal points) whose item they
 * may still see and whose act is not their own. Each addressee's rows are one
 * key range of the primary key, read in order with its own LIMIT, so a page
 * costs a few short index scans however many notifications are stored; an
 * event that reached the viewer by several addressees is one notification,
 * with the reason that takes precedence.
 */
export class NotificationQueries {
  private readonly variants: StatementVariants;
  private readonly readMark: Database.Statement<[string], string>;
  private readonly notifyingEvent: Database.Statement<[string], string>;

  constructor(
    db: Database.Database,
    private readonly feeds: FeedQueries,
  ) {
    this.variants = new StatementVariants(db);
    this.readMark = db.prepare<[string], string>('SELECT position FROM read_marks WHERE participant_id = ?').pluck();
    this.notifyingEvent = db
      .prepare<[string], string>('SELECT position FROM notifying_events WHERE event_id = ?')
      .pluck();
  }

  /** Newest first (default 20). */
  notifications(viewer: Viewer, filter: NotificationFilter & PageArgs = {}): Page<NotificationView> {
    const size = pageSize(filter.first, DEFAULT_NOTIFICATION_PAGE);
    const after = filter.after == null ? null : notificationCursorKey(filter.after, 'after').position;
    const mark = this.readMarkOf(viewer);
    const newerThan = filter.unreadOnly === true ? mark : null;
    const rows = this.rows(viewer, { order: 'newest', after, newerThan, limit: size + 1 });
    return toPage(this.views(rows, mark), size, (node) => ({ cursor: node.cursor, node }));
  }

  /** Oldest first, strictly after `since` (from the first without it): a subscription's backlog. */
  notificationsAfter(viewer: Viewer, since: string | null, limit: number): NotificationView[] {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`Not a notification replay limit: ${limit}`);
    const after = since === null ? null : notificationCursorKey(since, 'since').position;
    return this.views(this.rows(viewer, { order: 'oldest', after, newerThan: null, limit }), this.readMarkOf(viewer));
  }

  /** Notifications the viewer may see that are newer than their read mark. */
  unreadCount(viewer: Viewer): number {
    const keys = addresseeKeysOf(viewer);
    const mark = this.readMarkOf(viewer);
    const statement = this.variants.get(`count:${keys.length}:${mark !== null}`, () => {
      const arms = keys.map(
        (_, index) => `SELECT n.position FROM notifications n WHERE ${conditions(index, { mark: mark !== null })}`,
      );
      // UNION, not UNION ALL: an event that reached the viewer by two addressees counts once.
      return `SELECT count(*) AS count FROM (${arms.join(' UNION ')})`;
    });
    const row = statement.get(this.parameters(viewer, keys, { mark })) as { count: number };
    return row.count;
  }

  /**
   * The event id a notification cursor names, once checked to be a
   * notification's (a forged one is refused as a bad cursor).
   */
  notifyingEventOf(cursor: string, field: string): string {
    const { position, eventId } = notificationCursorKey(cursor, field);
    if (this.notifyingEvent.get(eventId) !== position) throw new InvalidCursor(field);
    return eventId;
  }

  private readMarkOf(viewer: Viewer): Position | null {
    return this.readMark.get(viewer.id) ?? null;
  }

  private rows(viewer: Viewer, query: RowsQuery): NotificationRow[] {
    const keys = addresseeKeysOf(viewer);
    const has = { after: query.after !== null, mark: query.newerThan !== null };
    // The limit is written into the SQL: bound as a parameter, it made each range's scan twice as slow.
    const key = `${query.order}:${keys.length}:${has.after}:${has.mark}:${query.limit}`;
    const statement = this.variants.get(key, () =>
      keys.map((_, index) => `SELECT * FROM (${armSql(index, query.order, has, query.limit)})`).join(' UNION ALL '),
    );
    const parameters = this.parameters(viewer, keys, { mark: query.newerThan, after: query.after });
    const best = new Map<string, NotificationRow>();
    for (const row of statement.all(parameters) as NotificationRow[]) {
      const kept = best.get(row.position);
      if (kept === undefined || precedenceOf(row.reason) < precedenceOf(kept.reason)) best.set(row.position, row);
    }
    const newestFirst = query.order === 'newest';
    return [...best.values()].sort((a, b) => (a.position < b.position === newestFirst ? 1 : -1)).slice(0, query.limit);
  }

  private views(rows: readonly NotificationRow[], mark: Position | null): NotificationView[] {
    const entries = this.feeds.entriesAt(rows.map((row) => row.position));
    return rows.flatMap((row) => {
      const entry = entries.get(row.position);
      const record: NotificationRecord = {
        position: row.position,
        eventId: row.event_id,
        addressee: row.addressee,
        reason: row.reason,
      };
      return entry === undefined ? [] : [notificationView(record, entry, mark)];
    });
  }

  private parameters(
    viewer: Viewer,
    keys: readonly string[],
    bounds: { mark?: Position | null; after?: Position | null },
  ): Record<string, string> {
    const parameters: Record<string, string> = {
      viewer: viewer.id,
      grants: JSON.stringify(viewerGrants(viewer)),
    };
    keys.forEach((key, index) => (parameters[`a${index}`] = key));
    if (bounds.mark != null) parameters['mark'] = bounds.mark;
    if (bounds.after != null) parameters['after'] = bounds.after;
    return parameters;
  }
}

/** One addressee's rows the viewer may see, not of their own act. */
function conditions(index: number, has: { mark: boolean }): string {
  return [
    `n.addressee = @a${index}`,
    ...(has.mark ? ['n.position > @mark'] : []),
    'n.actor_id IS NOT @viewer',
    visibleTo('n.item_id'),
  ].join(' AND ');
}

function armSql(index: number, order: Order, has: { after: boolean; mark: boolean }, limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`Not a row limit: ${limit}`);
  const after = has.after ? ` AND n.position ${order === 'newest' ? '<' : '>'} @after` : '';
  return `SELECT n.position, n.addressee, n.reason, n.event_id FROM notifications n
    WHERE ${conditions(index, has)}${after}
    ORDER BY n.position ${order === 'newest' ? 'DESC' : 'ASC'} LIMIT ${limit}`;
}
