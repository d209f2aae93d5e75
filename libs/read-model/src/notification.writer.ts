import {
  activityOf,
  type DomainEvent,
  type ItemConcernedEvent,
  isItemConcernedEvent,
  type NotificationReason,
  notificationsOf,
} from '@coop/domain';
import type Database from 'better-sqlite3';
import type { WrittenEntry } from './feed.writer.js';
import { addresseeKey } from './notification-addressees.js';
import type { ProjectionBatch } from './projection-batch.js';
import type { ProjectedEvent, ProjectionWriter } from './projection-writer.js';
import { actorOf } from './read-model.views.js';

/** A notification written by a batch, for the live bus. */
export interface WrittenNotification {
  readonly position: string;
  readonly eventId: string;
  /** `addresseeKey` of whom it is for. */
  readonly addressee: string;
  readonly reason: NotificationReason;
  /** Set on a group's notification: the actor, who is not notified as a member of the group. */
  readonly actorId: string | null;
  /** The feed entry of the same event: what the notification shows. */
  readonly entry: WrittenEntry;
}

const isNotifying = (event: DomainEvent): event is ItemConcernedEvent =>
  isItemConcernedEvent(event) && activityOf(event) !== null;

/**
 * Writes `notifications` and `notifying_events`: for each activity, the
 * notices the domain decides (with the item's watchers as the log has them at
 * that event), one row per addressee. It runs after the feed writer and reads
 * the entry that writer just wrote: an event that made no feed entry notifies
 * nobody, since a notification shows its entry.
 */
export class NotificationWriter implements ProjectionWriter<ItemConcernedEvent> {
  readonly handles = isNotifying;
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      watchers: db
        .prepare<[string], string>('SELECT participant_id FROM watches WHERE item_id = ? ORDER BY participant_id')
        .pluck(),
      commentAuthor: db
        .prepare<[string, string], string>("SELECT author ->> '$.id' FROM comments WHERE id = ? AND item_id = ?")
        .pluck(),
      insert: db.prepare(
        `INSERT INTO notifications (addressee, position, reason, item_id, event_id, actor_id)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertEvent: db.prepare('INSERT INTO notifying_events (event_id, position) VALUES (?, ?)'),
    };
  }

  apply({ recorded, event, item }: ProjectedEvent<ItemConcernedEvent>, batch: ProjectionBatch): void {
    const { state } = item;
    const entry = batch.entries.at(-1);
    if (state === null || entry?.position !== recorded.position) return;
    const actor = actorOf(recorded.data, recorded.metadata);
    if (actor === null) throw new Error('The event names no actor');
    const s = this.statements;
    const notices = notificationsOf(event, actor.id, {
      item: state,
      watchers: s.watchers.all(state.id),
      commentAuthor: (commentId) => s.commentAuthor.get(commentId, state.id) ?? null,
    });
    const written = new Set<string>();
    for (const { addressee, reason } of notices) {
      const key = addresseeKey(addressee);
      if (written.has(key)) continue;
      written.add(key);
      const actorId = addressee.to === 'PARTICIPANT' ? null : actor.id;
      s.insert.run(key, recorded.position, reason, state.id, recorded.id, actorId);
      batch.notifications.push({
        position: recorded.position,
        eventId: recorded.id,
        addressee: key,
        reason,
        actorId,
        entry,
      });
    }
    if (written.size > 0) s.insertEvent.run(recorded.id, recorded.position);
  }
}
