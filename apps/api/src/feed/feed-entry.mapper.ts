import type { FeedEntryView } from '@coop/read-model';
import { itemModel } from '../item-queries/item-model.mapper.js';
import { participantModel } from '../reference/reference.types.js';
import type { FeedEntry } from './feed.types.js';

export function feedEntryModel(entry: FeedEntryView): FeedEntry {
  return {
    cursor: entry.cursor,
    activity: entry.activity,
    occurredAt: entry.occurredAt,
    actor: participantModel(entry.actor),
    item: itemModel(entry.item),
    subregions: [...entry.subregions],
  };
}
