import type { EventOf } from '../shared/event.types.js';
import type { ItemKind } from '../shared/item.types.js';
import type { Participant } from '../shared/participant.types.js';

/** Every comment event names its item, so a projection files it without reading the discussion. */
interface OnItem {
  itemId: string;
  itemKind: ItemKind;
  commentId: string;
}

/** Version 2 added `mentions`; a version 1 event mentions nobody. */
export type CommentPosted = EventOf<
  'CommentPosted',
  OnItem & { body: string; replyTo: string | null; author: Participant; mentions?: readonly Participant[] }
>;

export type CommentEdited = EventOf<'CommentEdited', OnItem & { body: string; by: Participant }>;

/** The body leaves the current state; the events before this one keep it for the audit. */
export type CommentRetracted = EventOf<'CommentRetracted', OnItem & { reason: string; by: Participant }>;

export type DiscussionEvent = CommentPosted | CommentEdited | CommentRetracted;

export const DISCUSSION_EVENT_SCHEMA_VERSIONS = {
  CommentPosted: 2,
  CommentEdited: 1,
  CommentRetracted: 1,
} as const satisfies Record<DiscussionEvent['type'], number>;
