import {
  type Comment,
  isCountryCode,
  isRole,
  type NotificationReason,
  type Participant,
  type Subregion,
  type VisibilityItem,
} from '@coop/domain';
import type { JsonObject, JsonValue, Position } from '@coop/event-store';
import type { ItemState } from './item-kinds.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';
import type { CommentView, FeedEntryView, ItemView, NotificationView } from './read-model.types.js';

/** Feed cursors are positions, so that one cursor serves the newest-first pages and `since` replays alike. */
export const feedCursor = (position: Position): string => encodeCursor('feed', [position]);
export const feedCursorPosition = (cursor: string, field = 'after'): Position =>
  decodeCursor('feed', cursor, ['string'], field)[0];

/** Notification cursors carry the event's id besides its position: a read mark names the notification by it. */
export const notificationCursor = (position: Position, eventId: string): string =>
  encodeCursor('notification', [position, eventId]);
export function notificationCursorKey(cursor: string, field: string): { position: Position; eventId: string } {
  const [position, eventId] = decodeCursor('notification', cursor, ['string', 'string'], field);
  return { position, eventId };
}

/** What a notification is, wherever it is read from: the notifications table or a batch just written. */
export interface NotificationRecord {
  readonly position: Position;
  readonly eventId: string;
  readonly addressee: string;
  readonly reason: NotificationReason;
}

export const notificationView = (
  record: NotificationRecord,
  entry: FeedEntryView,
  readMark: Position | null,
): NotificationView => ({
  id: Buffer.from(JSON.stringify([record.eventId, record.addressee]), 'utf8').toString('base64url'),
  cursor: notificationCursor(record.position, record.eventId),
  position: record.position,
  eventId: record.eventId,
  addressee: record.addressee,
  reason: record.reason,
  createdAt: entry.occurredAt,
  read: readMark !== null && record.position <= readMark,
  entry,
});

export function itemView(
  version: number,
  state: ItemState,
  visibility: VisibilityItem,
  subregions: readonly Subregion[],
): ItemView {
  return {
    id: state.id,
    kind: state.kind,
    version,
    state,
    visibility,
    subregions,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
  };
}

/** A comment of the discussion of item `itemId` as the read model shows it. */
export const commentViewOf = (itemId: string, comment: Comment): CommentView => ({
  id: comment.id,
  itemId,
  body: comment.body,
  author: comment.author,
  country: comment.author.country,
  replyTo: comment.replyTo,
  postedAt: comment.postedAt,
  editedAt: comment.editedAt,
  retracted: comment.retracted,
});

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function participant(
  id: JsonValue | undefined,
  name: JsonValue | undefined,
  country: JsonValue | undefined,
  roles: JsonValue | undefined,
): Participant | null {
  if (typeof id !== 'string') return null;
  return {
    id,
    name: typeof name === 'string' ? name : id,
    country: typeof country === 'string' && isCountryCode(country) ? country : null,
    roles: Array.isArray(roles) ? roles.filter(isRole) : [],
  };
}

/** The actor an event's metadata names, or null when it names none. */
export const actorOfMetadata = ({ actorId, actorName, actorCountry, actorRoles }: JsonObject): Participant | null =>
  participant(actorId, actorName, actorCountry, actorRoles);

/** Who acted: the metadata's actor, else the participant the domain event records (`by`, or `author` on creation). */
export function actorOf(data: JsonValue, metadata: JsonObject): Participant | null {
  const fromMetadata = actorOfMetadata(metadata);
  if (fromMetadata !== null || !isObject(data)) return fromMetadata;
  const recorded = data['by'] ?? data['author'];
  return isObject(recorded)
    ? participant(recorded['id'], recorded['name'], recorded['country'], recorded['roles'])
    : null;
}

/** When the actor acted: the domain event's `occurredAt`, else the metadata's, else when the store recorded it. */
export function occurredAtOf(data: JsonValue, metadata: JsonObject, recordedAt: string): string {
  const fromData = isObject(data) ? data['occurredAt'] : undefined;
  if (typeof fromData === 'string') return fromData;
  return typeof metadata['occurredAt'] === 'string' ? metadata['occurredAt'] : recordedAt;
}
