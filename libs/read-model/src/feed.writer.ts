import {
  type Activity,
  activityOf,
  type DomainEvent,
  type ItemConcernedEvent,
  isItemConcernedEvent,
  type ItemKind,
  type Participant,
  type Subregion,
  type VisibilityItem,
} from '@coop/domain';
import type Database from 'better-sqlite3';
import { commentAfter } from './comment.writer.js';
import type { ItemState } from './item-kinds.js';
import type { ProjectionBatch } from './projection-batch.js';
import type { ProjectedEvent, ProjectionWriter } from './projection-writer.js';
import type { CommentView, FeedEntryView } from './read-model.types.js';
import { actorOf, commentViewOf, feedCursor, itemView } from './read-model.views.js';

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
  readonly comment: CommentView | null;
  readonly answerId: string | null;
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
  comment: entry.comment,
  answerId: entry.answerId,
});

const hasActivity = (event: DomainEvent): event is ItemConcernedEvent =>
  isItemConcernedEvent(event) && activityOf(event) !== null;

/**
 * What an entry is about inside its item, carried with the entry so that no
 * reader of a feed looks it up again: the comment a COMMENT_POSTED entry
 * posted (as posted), the answer a QUESTION_ANSWERED or ANSWER_EDITED entry
 * gave (which the question's state holds).
 */
function subjectOf(event: DomainEvent): { comment: CommentView | null; answerId: string | null } {
  switch (event.type) {
    case 'CommentPosted': {
      const comment = commentAfter(event, null);
      return { comment: comment === undefined ? null : commentViewOf(event.data.itemId, comment), answerId: null };
    }
    case 'QuestionAnswered':
    case 'AnswerEdited':
      return { comment: null, answerId: event.data.answerId };
    default:
      return { comment: null, answerId: null };
  }
}

/**
 * Writes `feed_entries`, `feed_subregions` and `feed_topics`: one entry per
 * activity on an existing item, with the item's subregions and topics as this
 * event left them, and hands each entry to the batch for the live feed.
 */
export class FeedWriter implements ProjectionWriter {
  readonly handles = hasActivity;
  private readonly insertEntry: Database.Statement;
  private readonly insertSubregion: Database.Statement;
  private readonly insertTopic: Database.Statement;

  constructor(db: Database.Database) {
    this.insertEntry = db.prepare(
      `INSERT INTO feed_entries
         (position, activity, occurred_at, actor, actor_country, item_id, item_kind, comment_id, answer_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertSubregion = db.prepare('INSERT INTO feed_subregions (subregion, position) VALUES (?, ?)');
    this.insertTopic = db.prepare('INSERT INTO feed_topics (position, topic) VALUES (?, ?)');
  }

  apply({ recorded, event, occurredAt, item }: ProjectedEvent<ItemConcernedEvent>, batch: ProjectionBatch): void {
    const activity = activityOf(event);
    const { state, visibility, subregions } = item;
    if (activity === null || state === null || visibility === null) return;
    const actor = actorOf(recorded.data, recorded.metadata);
    if (actor === null) throw new Error('The event names no actor');
    const { position } = recorded;
    const { kind } = item;
    const { comment, answerId } = subjectOf(event);
    this.insertEntry.run(
      position,
      activity,
      occurredAt,
      JSON.stringify(actor),
      actor.country,
      state.id,
      kind,
      comment?.id ?? null,
      answerId,
    );
    for (const subregion of subregions) this.insertSubregion.run(subregion, position);
    for (const topic of new Set(state.topics)) this.insertTopic.run(position, topic);
    batch.entries.push({
      position,
      activity,
      occurredAt,
      actor,
      kind,
      version: item.version,
      state,
      visibility,
      subregions,
      comment,
      answerId,
    });
  }
}
