import {
  type Activity,
  COUNTRY_CODES,
  type CountryCode,
  isCountryCode,
  type Participant,
  type Viewer,
} from '@coop/domain';
import type Database from 'better-sqlite3';
import type { CommentQueries } from './comment.queries.js';
import { activityCounts } from './activity-counts.js';
import { ITEM_COLUMNS, type ItemColumns, itemViewOfRow } from './item-row.js';
import { pageSize, toPage } from './page-cursor.js';
import type { CommentView, CountryActivity, FeedEntryView, FeedFilter, Page, PageArgs } from './read-model.types.js';
import { feedCursor, feedCursorPosition } from './read-model.views.js';
import { inList, listParameter, StatementVariants, visibleTo } from './sql-filters.js';
import { viewerGrants } from './visibility-grants.js';

const DEFAULT_FEED_PAGE = 20;

interface FeedRow extends ItemColumns {
  position: string;
  activity: Activity;
  occurred_at: string;
  actor: string;
  item_id: string;
  comment_id: string | null;
  answer_id: string | null;
}

type Order = 'newest' | 'oldest';

export class FeedQueries {
  private readonly variants: StatementVariants;
  private readonly stats: StatementVariants;
  private readonly atPositions: Database.Statement<{ positions: string }, FeedRow>;

  constructor(
    db: Database.Database,
    private readonly comments: CommentQueries,
  ) {
    this.variants = new StatementVariants(db);
    this.stats = new StatementVariants(db);
    this.atPositions = db.prepare(
      `SELECT f.position, f.activity, f.occurred_at, f.actor, f.item_id, f.comment_id, f.answer_id, ${ITEM_COLUMNS}
       FROM feed_entries f JOIN items i ON i.id = f.item_id
       WHERE f.position IN (SELECT value FROM json_each(@positions))`,
    );
  }

  /** The entries at these positions, by position; whether the viewer may see them is the caller's check. */
  entriesAt(positions: readonly string[]): Map<string, FeedEntryView> {
    if (positions.length === 0) return new Map();
    const entries = this.views(this.atPositions.all({ positions: JSON.stringify(positions) }));
    return new Map(entries.map((entry) => [entry.position, entry]));
  }

  /** Newest first; without a subregion, everything the viewer may see. */
  feed(viewer: Viewer, filter: FeedFilter & PageArgs = {}): Page<FeedEntryView> {
    const size = pageSize(filter.first, DEFAULT_FEED_PAGE);
    const after = filter.after == null ? null : feedCursorPosition(filter.after);
    return toPage(this.entries(viewer, filter, after, size + 1, 'newest'), size, (node) => ({
      cursor: node.cursor,
      node,
    }));
  }

  /** Oldest first, strictly after the cursor (from the start without one): the backlog of a `since` replay. */
  feedAfter(viewer: Viewer, filter: FeedFilter, after: string | null, limit: number): FeedEntryView[] {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`Not a feed replay limit: ${limit}`);
    return this.entries(viewer, filter, after === null ? null : feedCursorPosition(after, 'since'), limit, 'oldest');
  }

  /**
   * Activities per actor country in [from, to): feed entries and profile
   * updates; the secretariat acts for no country and is left out. Every
   * beneficiary country, in reference order, with only the activities it
   * had, in the contract's order.
   */
  cooperationStats(from: Date | null, to: Date | null): CountryActivity[] {
    const conditions = ['actor_country IS NOT NULL'];
    const parameters: Record<string, string> = {};
    if (from !== null) {
      conditions.push('occurred_at >= @from');
      parameters['from'] = from.toISOString();
    }
    if (to !== null) {
      conditions.push('occurred_at < @to');
      parameters['to'] = to.toISOString();
    }
    const statement = this.stats.get(
      `${from !== null}:${to !== null}`,
      () =>
        `SELECT actor_country AS country, activity, count(*) AS count FROM feed_entries
       WHERE ${conditions.join(' AND ')} GROUP BY actor_country, activity
       UNION ALL
       SELECT actor_country AS country, 'COUNTRY_PROFILE_UPDATED' AS activity, count(*) AS count
       FROM country_profile_updates WHERE ${conditions.join(' AND ')} GROUP BY actor_country`,
    );
    const counts = new Map<CountryCode, Map<Activity, number>>(COUNTRY_CODES.map((code) => [code, new Map()]));
    for (const row of statement.all(parameters) as { country: string; activity: Activity; count: number }[]) {
      if (isCountryCode(row.country)) counts.get(row.country)?.set(row.activity, row.count);
    }
    return COUNTRY_CODES.map((country) => ({ country, ...activityCounts(counts.get(country) ?? new Map()) }));
  }

  private entries(
    viewer: Viewer,
    filter: FeedFilter,
    after: string | null,
    limit: number,
    order: Order,
  ): FeedEntryView[] {
    const kinds = listParameter(filter.kinds);
    const topics = listParameter(filter.topics);
    const subregion = filter.subregion ?? null;
    const itemId = filter.itemId ?? null;
    const parameters: Record<string, string | number> = { grants: JSON.stringify(viewerGrants(viewer)), limit };
    if (subregion !== null) parameters['subregion'] = subregion;
    if (itemId !== null) parameters['itemId'] = itemId;
    if (kinds !== null) parameters['kinds'] = kinds;
    if (topics !== null) parameters['topics'] = topics;
    if (after !== null) parameters['after'] = after;
    const key = [order, subregion !== null, itemId !== null, kinds !== null, topics !== null, after !== null].join(':');
    const statement = this.variants.get(key, () =>
      feedSql(order, {
        subregion: subregion !== null,
        itemId: itemId !== null,
        kinds: kinds !== null,
        topics: topics !== null,
        after: after !== null,
      }),
    );
    return this.views(statement.all(parameters) as FeedRow[]);
  }

  private views(rows: readonly FeedRow[]): FeedEntryView[] {
    // The page's comments in one query, whatever the number of COMMENT_POSTED entries on it.
    const comments = this.comments.commentsById(
      rows.flatMap((row) => (row.comment_id === null ? [] : [row.comment_id])),
    );
    return rows.map((row) => feedEntryOfRow(row, comments));
  }
}

/*
 * A subregion's feed scans feed_subregions (subregion, position) in order; an
 * item's scans feed_entries (item_id, position); otherwise feed_entries by
 * its key. Visibility, kinds and topics are checked per row on the way.
 */
function feedSql(
  order: Order,
  has: { subregion: boolean; itemId: boolean; kinds: boolean; topics: boolean; after: boolean },
): string {
  const position = has.subregion ? 's.position' : 'f.position';
  const from = has.subregion ? 'feed_subregions s JOIN feed_entries f ON f.position = s.position' : 'feed_entries f';
  const conditions = [visibleTo('f.item_id')];
  if (has.subregion) conditions.push('s.subregion = @subregion');
  if (has.itemId) conditions.push('f.item_id = @itemId');
  if (has.after) conditions.push(`${position} ${order === 'newest' ? '<' : '>'} @after`);
  if (has.kinds) conditions.push(inList('f.item_kind', 'kinds'));
  if (has.topics) {
    conditions.push(
      `EXISTS (SELECT 1 FROM item_topics t WHERE t.item_id = f.item_id AND ${inList('t.topic', 'topics')})`,
    );
  }
  return `
    SELECT f.position, f.activity, f.occurred_at, f.actor, f.item_id, f.comment_id, f.answer_id, ${ITEM_COLUMNS}
    FROM ${from} JOIN items i ON i.id = f.item_id
    WHERE ${conditions.join(' AND ')}
    ORDER BY ${position} ${order === 'newest' ? 'DESC' : 'ASC'}
    LIMIT @limit`;
}

function feedEntryOfRow(row: FeedRow, comments: ReadonlyMap<string, CommentView>): FeedEntryView {
  const item = itemViewOfRow(row);
  return {
    cursor: feedCursor(row.position),
    position: row.position,
    activity: row.activity,
    occurredAt: row.occurred_at,
    actor: JSON.parse(row.actor) as Participant,
    itemId: row.item_id,
    itemKind: item.kind,
    subregions: item.subregions,
    item,
    comment: row.comment_id === null ? null : (comments.get(row.comment_id) ?? null),
    answerId: row.answer_id,
  };
}
