import type { ItemKind } from '../shared/item.types.js';

/**
 * Records the participant in the directory as their token says: name, country
 * and roles come from the actor, who must be the participant.
 */
export interface RecordParticipant {
  readonly type: 'RecordParticipant';
  readonly participantId: string;
}

/** Known to the caller, which has checked that the item exists and that the participant sees it. */
export interface WatchItem {
  readonly type: 'WatchItem';
  readonly participantId: string;
  readonly itemId: string;
  readonly itemKind: ItemKind;
  readonly watching: boolean;
}

export interface MarkNotificationsRead {
  readonly type: 'MarkNotificationsRead';
  readonly participantId: string;
  /** The id of the event behind the newest notification read; null for every notification so far. */
  readonly upTo: string | null;
}

export type ParticipantCommand = RecordParticipant | WatchItem | MarkNotificationsRead;
