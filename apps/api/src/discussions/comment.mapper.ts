import { countryInfo } from '@coop/domain';
import type { CommentView } from '@coop/read-model';
import { participantModel } from '../reference/reference.types.js';
import type { Comment } from './comment.types.js';

export function commentModel(comment: CommentView): Comment {
  return {
    id: comment.id,
    itemId: comment.itemId,
    body: comment.body,
    author: participantModel(comment.author),
    country: comment.country ? countryInfo(comment.country) : null,
    replyTo: comment.replyTo,
    postedAt: comment.postedAt,
    editedAt: comment.editedAt,
    retracted: comment.retracted,
  };
}
