import {
  type Activity,
  activityOf,
  type Comment as DomainComment,
  discussionDecider,
  type DiscussionEvent,
  type DomainEvent,
  isDiscussionEvent,
  isItemCreatedEvent,
  type ItemKind,
  itemOf,
  type Participant,
  parseStreamId,
  type Subregion,
  subregionsOf,
  toDomainEvent,
  type VisibilityItem,
  visibilityOfCreatedItem,
} from '@coop/domain';
import type { JsonObject, RecordedEvent } from '@coop/event-store';
import type Database from 'better-sqlite3';
import {
  type ItemKindProjection,
  itemKindProjection,
  type ItemState,
  parseItemState,
  type SearchText,
} from './item-kinds.js';
import { ProjectionFailed } from './read-model.errors.js';
import type { FeedEntryView } from './read-model.types.js';
import { actorOf, feedCursor, itemView, occurredAtOf } from './read-model.views.js';
import { itemGrants } from './visibility-grants.js';

/** A feed entry written by a batch, before it is turned into a view (only when someone listens). */
export interface WrittenEntry {
  readonly position: string;
  readonly activity: Activity;
  readonly occurredAt: string;
  readonly actor: Participant;
  readonly kind: ItemKind;
  readonly version: number;
  readonly state: ItemState;
  readonly visibility: VisibilityItem;
  readonly subregions: readonly Subregion[];
}

export const toFeedEntryView = (entry: WrittenEntry): FeedEntryView => ({
  cursor: feedCursor(entry.position),
  position: entry.position,
  activity: entry.activity,
  occurredAt: entry.occurredAt,
  actor: entry.actor,
  itemId: entry.state.id,
  itemKind: entry.kind,
  subregions: entry.subregions,
  item: itemView(entry.version, entry.state, entry.visibility, entry.subregions),
});

export interface AppliedBatch {
  readonly position: string;
  readonly entries: readonly WrittenEntry[];
  readonly skipped: number;
}

/** An item as loaded into a batch: folded in memory, written once when the batch ends. */
interface BatchItem {
  seq: number | null;
  readonly kind: ItemKindProjection;
  version: number;
  state: ItemState | null;
  /** Fixed by the item's first event for its whole life (the domain's rule). */
  visibility: VisibilityItem | null;
  subregions: readonly Subregion[];
  /** What the row holds, to rewrite topics and search text only when they change. */
  readonly stored: { readonly topics: string; readonly text: SearchText } | null;
  /** The last event folded in, which a failure to write the item is blamed on. */
  lastEvent: RecordedEvent | null;
}

interface ItemRow {
  seq: number;
  kind: ItemKind;
  version: number;
  state: string;
  visibility: string;
  subregions: string;
}

interface CommentRow {
  id: string;
  body: string | null;
  author: string;
  reply_to: string | null;
  posted_at: string;
  edited_at: string | null;
  retracted: number;
}

const sortedJson = (values: readonly string[]): string => JSON.stringify([...values].sort());

/**
 * Writes batches of events into the read model, each batch and its checkpoint
 * in one transaction. Item states are folded in memory during a batch and
 * written once at its end, so a catch-up batch touching an item many times
 * costs one row write.
 */
export class Projection {
  private readonly statements;
  private readonly applyInTransaction: (events: readonly RecordedEvent[]) => AppliedBatch;

  constructor(db: Database.Database) {
    this.statements = {
      audit: db.prepare(
        `INSERT INTO audit_events (position, event_id, stream_id, version, type, occurred_at, actor_id, actor_country,
           correlation_id, causation_id, data, metadata, hash, previous_hash, item_id, item_kind)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      feed: db.prepare(
        `INSERT INTO feed_entries (position, activity, occurred_at, actor, actor_country, item_id, item_kind)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      feedSubregion: db.prepare('INSERT INTO feed_subregions (subregion, position) VALUES (?, ?)'),
      item: db.prepare<[string], ItemRow>(
        'SELECT seq, kind, version, state, visibility, subregions FROM items WHERE id = ?',
      ),
      insertItem: db.prepare(
        `INSERT INTO items (id, kind, version, state, title, visibility, subregions, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateItem: db.prepare('UPDATE items SET version = ?, state = ?, title = ?, updated_at = ? WHERE seq = ?'),
      insertGrant: db.prepare('INSERT INTO item_grants (item_id, access) VALUES (?, ?)'),
      deleteTopics: db.prepare('DELETE FROM item_topics WHERE item_id = ?'),
      insertTopic: db.prepare('INSERT INTO item_topics (item_id, topic) VALUES (?, ?)'),
      insertSearch: db.prepare('INSERT INTO item_search (rowid, title, summary, body) VALUES (?, ?, ?, ?)'),
      updateSearch: db.prepare('UPDATE item_search SET title = ?, summary = ?, body = ? WHERE rowid = ?'),
      comment: db.prepare<[string], CommentRow>(
        'SELECT id, body, author, reply_to, posted_at, edited_at, retracted FROM comments WHERE id = ?',
      ),
      insertComment: db.prepare(
        `INSERT INTO comments (id, item_id, position, body, author, country, reply_to, posted_at, edited_at, retracted)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateComment: db.prepare('UPDATE comments SET body = ?, edited_at = ?, retracted = ? WHERE id = ?'),
      checkpoint: db.prepare(
        `UPDATE checkpoint SET position = ?, recorded_at = ?, events_projected = events_projected + ?,
           events_skipped = events_skipped + ? WHERE id = 1`,
      ),
    };
    this.applyInTransaction = db.transaction((events: readonly RecordedEvent[]) => this.applyAll(events));
  }

  /** Applies the events and moves the checkpoint to the last one, all or nothing. Throws ProjectionFailed. */
  apply(events: readonly RecordedEvent[]): AppliedBatch {
    return this.applyInTransaction(events);
  }

  private applyAll(events: readonly RecordedEvent[]): AppliedBatch {
    const items = new Map<string, BatchItem>();
    const entries: WrittenEntry[] = [];
    let skipped = 0;
    let last: RecordedEvent | undefined;
    for (const event of events) {
      last = event;
      try {
        if (!this.applyEvent(event, items, entries)) skipped += 1;
      } catch (error) {
        throw new ProjectionFailed(event.position, event.streamId, event.type, error);
      }
    }
    if (last === undefined) throw new RangeError('An empty batch has no position to move the checkpoint to');
    for (const item of items.values()) {
      try {
        this.writeItem(item);
      } catch (error) {
        const event = item.lastEvent ?? last;
        throw new ProjectionFailed(event.position, event.streamId, event.type, error);
      }
    }
    this.statements.checkpoint.run(last.position, last.recordedAt, events.length - skipped, skipped);
    return { position: last.position, entries, skipped };
  }

  /** False when the projection does not know the event: it is then in the audit trail only. */
  private applyEvent(event: RecordedEvent, items: Map<string, BatchItem>, entries: WrittenEntry[]): boolean {
    const stream = parseStreamId(event.streamId);
    const domainEvent = toDomainEvent(event);
    const itemId = stream === null ? null : stream.category === 'item' ? stream.id : stream.itemId;
    const item =
      itemId === null ? undefined : this.batchItem(items, itemId, stream?.category === 'item' ? stream.kind : null);
    const occurredAt = occurredAtOf(event.data, event.metadata, event.recordedAt);
    this.writeAudit(event, occurredAt, itemId, item?.kind.kind ?? null);
    if (stream === null || domainEvent === null || item === undefined) return false;

    // An event filed under another item than its stream's is not this stream's to fold.
    const ref = itemOf(domainEvent);
    if (ref.id !== itemId || ref.kind !== item.kind.kind) return false;
    if (stream.category === 'item') {
      if (isDiscussionEvent(domainEvent)) return false;
      this.fold(item, domainEvent, event.version);
      item.lastEvent = event;
    } else {
      if (!isDiscussionEvent(domainEvent)) return false;
      this.applyComment(domainEvent, event.position);
    }
    const activity = activityOf(domainEvent);
    if (activity !== null && item.state !== null && item.visibility !== null) {
      const actor = actorOf(event.data, event.metadata);
      if (actor === null) throw new Error('The event names no actor');
      entries.push(this.writeFeedEntry(event.position, activity, occurredAt, actor, item, item.state, item.visibility));
    }
    return true;
  }

  private fold(item: BatchItem, event: DomainEvent, version: number): void {
    // The decider leaves its state as it was for an event it cannot take; the log still holds the event.
    item.state = item.kind.evolve(item.state, event);
    item.version = version;
    if (item.visibility === null && isItemCreatedEvent(event)) {
      item.visibility = visibilityOfCreatedItem(event);
      item.subregions = subregionsOf(item.visibility);
    }
  }

  /** The item from the batch or the table; a new one only for its own stream (`kind`), never for a discussion. */
  private batchItem(items: Map<string, BatchItem>, id: string, kind: ItemKind | null): BatchItem | undefined {
    const cached = items.get(id);
    if (cached !== undefined) return cached;
    const row = this.statements.item.get(id);
    let item: BatchItem;
    if (row !== undefined) {
      const rowKind = itemKindProjection(row.kind);
      const state = parseItemState(row.state);
      item = {
        seq: row.seq,
        kind: rowKind,
        version: row.version,
        state,
        visibility: JSON.parse(row.visibility) as VisibilityItem,
        subregions: JSON.parse(row.subregions) as Subregion[],
        stored: { topics: sortedJson(state.topics), text: rowKind.searchText(state) },
        lastEvent: null,
      };
    } else if (kind !== null) {
      item = {
        seq: null,
        kind: itemKindProjection(kind),
        version: 0,
        state: null,
        visibility: null,
        subregions: [],
        stored: null,
        lastEvent: null,
      };
    } else {
      return undefined;
    }
    items.set(id, item);
    return item;
  }

  private writeAudit(event: RecordedEvent, occurredAt: string, itemId: string | null, itemKind: ItemKind | null): void {
    const metadata = event.metadata;
    this.statements.audit.run(
      event.position,
      event.id,
      event.streamId,
      event.version,
      event.type,
      occurredAt,
      stringOrNull(metadata, 'actorId'),
      stringOrNull(metadata, 'actorCountry'),
      stringOrNull(metadata, 'correlationId'),
      stringOrNull(metadata, 'causationId'),
      JSON.stringify(event.data),
      JSON.stringify(metadata),
      stringOrNull(metadata, 'hash') ?? '',
      stringOrNull(metadata, 'previousHash'),
      itemId,
      itemKind,
    );
  }

  private writeFeedEntry(
    position: string,
    activity: Activity,
    occurredAt: string,
    actor: Participant,
    item: BatchItem,
    state: ItemState,
    visibility: VisibilityItem,
  ): WrittenEntry {
    const kind = item.kind.kind;
    this.statements.feed.run(position, activity, occurredAt, JSON.stringify(actor), actor.country, state.id, kind);
    for (const subregion of item.subregions) this.statements.feedSubregion.run(subregion, position);
    return {
      position,
      activity,
      occurredAt,
      actor,
      kind,
      version: item.version,
      state,
      visibility,
      subregions: item.subregions,
    };
  }

  /*
   * Each comment event touches only its own comment, so folding the
   * discussion decider over a discussion holding just that comment gives what
   * the whole discussion would: the domain's rules, without loading every
   * comment of the item.
   */
  private applyComment(event: DiscussionEvent, position: string): void {
    const { commentId, itemId, itemKind } = event.data;
    const row = this.statements.comment.get(commentId);
    const before =
      row === undefined
        ? discussionDecider.initialState()
        : { status: 'ACTIVE' as const, itemId, itemKind, comments: [commentOfRow(row)] };
    const after = discussionDecider.evolve(before, event);
    const comment =
      after.status === 'ACTIVE' ? after.comments.find((candidate) => candidate.id === commentId) : undefined;
    if (comment === undefined) return;
    const retracted = comment.retracted ? 1 : 0;
    if (row === undefined) {
      this.statements.insertComment.run(
        comment.id,
        itemId,
        position,
        comment.body,
        JSON.stringify(comment.author),
        comment.author.country,
        comment.replyTo,
        comment.postedAt,
        comment.editedAt,
        retracted,
      );
    } else {
      this.statements.updateComment.run(comment.body, comment.editedAt, retracted, commentId);
    }
  }

  private writeItem(item: BatchItem): void {
    const { state, kind, visibility } = item;
    if (state === null || visibility === null) return;
    const text = kind.searchText(state);
    const stateJson = JSON.stringify(state);
    const s = this.statements;
    if (item.seq === null) {
      const inserted = s.insertItem.run(
        state.id,
        kind.kind,
        item.version,
        stateJson,
        state.title,
        JSON.stringify(visibility),
        JSON.stringify(item.subregions),
        state.createdAt,
        state.updatedAt,
      );
      item.seq = Number(inserted.lastInsertRowid);
      s.insertSearch.run(item.seq, text.title, text.summary, text.body);
      for (const grant of itemGrants(visibility)) s.insertGrant.run(state.id, grant);
    } else {
      s.updateItem.run(item.version, stateJson, state.title, state.updatedAt, item.seq);
      const stored = item.stored?.text;
      if (stored?.title !== text.title || stored.summary !== text.summary || stored.body !== text.body) {
        s.updateSearch.run(text.title, text.summary, text.body, item.seq);
      }
    }
    const topics = sortedJson(state.topics);
    if (item.stored?.topics !== topics) {
      s.deleteTopics.run(state.id);
      for (const topic of new Set(state.topics)) s.insertTopic.run(state.id, topic);
    }
  }
}

function stringOrNull(metadata: JsonObject, key: string): string | null {
  const value = metadata[key];
  return typeof value === 'string' ? value : null;
}

function commentOfRow(row: CommentRow): DomainComment {
  const fields = {
    id: row.id,
    author: JSON.parse(row.author) as Participant,
    replyTo: row.reply_to,
    postedAt: row.posted_at,
    editedAt: row.edited_at,
  };
  return row.retracted === 1 || row.body === null
    ? { ...fields, retracted: true, body: null }
    : { ...fields, retracted: false, body: row.body };
}
