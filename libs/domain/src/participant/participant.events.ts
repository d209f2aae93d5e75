import type { CountryCode } from '../reference/reference-data.js';
import type { EventOf } from '../shared/event.types.js';
import type { ItemKind } from '../shared/item.types.js';
import type { Role } from '../shared/participant.types.js';

/** The participant's directory entry, as their token said on their first request or when it last said otherwise. */
export type ParticipantRecorded = EventOf<
  'ParticipantRecorded',
  { participantId: string; name: string; country: CountryCode | null; roles: readonly Role[] }
>;

export type ItemWatched = EventOf<'ItemWatched', { participantId: string; itemId: string; itemKind: ItemKind }>;

export type ItemUnwatched = EventOf<'ItemUnwatched', { participantId: string; itemId: string; itemKind: ItemKind }>;

/**
 * Every notification of the participant up to and including the one caused by
 * the event `upTo` is read; with `upTo` null, every notification caused by an
 * event before this one. An event id rather than a store position, so the mark
 * means the same in any store the log is copied to.
 */
export type NotificationsMarkedRead = EventOf<
  'NotificationsMarkedRead',
  { participantId: string; upTo: string | null }
>;

export type ParticipantEvent = ParticipantRecorded | ItemWatched | ItemUnwatched | NotificationsMarkedRead;

export const PARTICIPANT_EVENT_SCHEMA_VERSIONS = {
  ParticipantRecorded: 1,
  ItemWatched: 1,
  ItemUnwatched: 1,
  NotificationsMarkedRead: 1,
} as const satisfies Record<ParticipantEvent['type'], number>;
