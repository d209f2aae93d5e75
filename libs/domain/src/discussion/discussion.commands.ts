import type { ItemKind } from '../shared/item.types.js';
import type { Participant } from '../shared/participant.types.js';

export interface PostComment {
  readonly type: 'PostComment';
  readonly itemId: string;
  /** Known to the caller, which has checked that the item exists and that the actor sees it. */
  readonly itemKind: ItemKind;
  readonly commentId: string;
  readonly body: string;
  readonly replyTo?: string | null;
  /**
   * Participants to notify, as the directory knows them: the caller has
   * resolved each id and checked that each may see the item.
   */
  readonly mentions?: readonly Participant[] | null;
}

export interface EditComment {
  readonly type: 'EditComment';
  readonly itemId: string;
  readonly commentId: string;
  readonly body: string;
}

export interface RetractComment {
  readonly type: 'RetractComment';
  readonly itemId: string;
  readonly commentId: string;
  readonly reason: string;
}

export type DiscussionCommand = PostComment | EditComment | RetractComment;
