import { type FeedEntryView, isItemViewOf } from '@coop/read-model';
import { commentModel } from '../discussions/comment.mapper.js';
import { itemModel } from '../item-queries/item-model.mapper.js';
import { answerModel } from '../questions/question.mapper.js';
import type { Answer } from '../questions/question.types.js';
import { participantModel } from '../reference/reference.types.js';
import type { FeedEntry } from './feed.types.js';

/** The answer an entry names, from the question the entry carries: no lookup. */
function answerOf({ answerId, item }: FeedEntryView): Answer | null {
  if (answerId === null || !isItemViewOf(item, 'QUESTION')) return null;
  const answer = item.state.answers.find((candidate) => candidate.id === answerId);
  return answer === undefined ? null : answerModel(item.state, answer);
}

export function feedEntryModel(entry: FeedEntryView): FeedEntry {
  return {
    cursor: entry.cursor,
    activity: entry.activity,
    occurredAt: entry.occurredAt,
    actor: participantModel(entry.actor),
    item: itemModel(entry.item),
    subregions: [...entry.subregions],
    comment: entry.comment === null ? null : commentModel(entry.comment),
    answer: answerOf(entry),
  };
}
