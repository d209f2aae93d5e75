import {
  type DomainEvent,
  isCountryProfileEvent,
  isDiscussionEvent,
  isParticipantEvent,
  itemOf,
} from '../events/domain-event.js';
import { type CountryCode, isCountryCode } from '../reference/reference-data.js';
import { ITEM_KINDS, type ItemKind } from '../shared/item.types.js';

/*
 * Streams are `<category>-<id>`. Item ids are plain ids
 * (UUIDs, which contain dashes themselves), so the category before the first
 * dash is what tells an item's kind.
 */

const CATEGORY_OF_KIND = {
  PRACTICE: 'practice',
  QUESTION: 'question',
  PROPOSAL: 'proposal',
  CONSULTATION: 'consultation',
} as const satisfies Record<ItemKind, string>;

export const DISCUSSION_CATEGORY = 'discussion';
/** A country's own streams: its profile. */
export const COUNTRY_CATEGORY = 'country';
/** A participant's own stream: their directory entry, watches and read marks. */
export const PARTICIPANT_CATEGORY = 'participant';

/** Every category of stream the domain writes: a new category is added here. */
const STREAM_CATEGORIES: readonly string[] = [
  ...Object.values(CATEGORY_OF_KIND),
  DISCUSSION_CATEGORY,
  COUNTRY_CATEGORY,
  PARTICIPANT_CATEGORY,
];

/**
 * What the names of the service's own streams begin with, one per category:
 * an event store that other applications share shows the service only these
 * streams, so no other application may name a stream so.
 */
export const STREAM_PREFIXES: readonly string[] = STREAM_CATEGORIES.map((category) => `${category}-`);

export const itemStreamId = (kind: ItemKind, id: string): string => `${CATEGORY_OF_KIND[kind]}-${id}`;

export const discussionStreamId = (itemId: string): string => `${DISCUSSION_CATEGORY}-${itemId}`;

/** A country's profile; the code is the id, written as the domain writes it (upper case). */
export const countryStreamId = (country: string): string => `${COUNTRY_CATEGORY}-${country}`;

export const participantStreamId = (participantId: string): string => `${PARTICIPANT_CATEGORY}-${participantId}`;

/** The stream a decider's event belongs to. */
export function streamIdOf(event: DomainEvent): string {
  if (isCountryProfileEvent(event)) return countryStreamId(event.data.country);
  if (isParticipantEvent(event)) return participantStreamId(event.data.participantId);
  const item = itemOf(event);
  return isDiscussionEvent(event) ? discussionStreamId(item.id) : itemStreamId(item.kind, item.id);
}

export type ParsedStreamId =
  | { readonly category: 'item'; readonly kind: ItemKind; readonly id: string }
  | { readonly category: 'discussion'; readonly itemId: string }
  | { readonly category: 'country'; readonly country: CountryCode }
  | { readonly category: 'participant'; readonly participantId: string };

/** Null for a stream this domain does not write (system streams, other categories, an empty id). */
export function parseStreamId(streamId: string): ParsedStreamId | null {
  const dash = streamId.indexOf('-');
  if (dash <= 0 || dash === streamId.length - 1) return null;
  const category = streamId.slice(0, dash);
  const id = streamId.slice(dash + 1);
  if (category === DISCUSSION_CATEGORY) return { category: 'discussion', itemId: id };
  if (category === COUNTRY_CATEGORY) return isCountryCode(id) ? { category: 'country', country: id } : null;
  if (category === PARTICIPANT_CATEGORY) return { category: 'participant', participantId: id };
  const kind = ITEM_KINDS.find((candidate) => CATEGORY_OF_KIND[candidate] === category);
  return kind === undefined ? null : { category: 'item', kind, id };
}
