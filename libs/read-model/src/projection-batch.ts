import {
  type DomainEvent,
  isCountryProfileEvent,
  isDiscussionEvent,
  type ItemKind,
  isParticipantEvent,
  itemOf,
  type ParsedStreamId,
  parseStreamId,
  type Subregion,
  toDomainEvent,
  type VisibilityItem,
} from '@coop/domain';
import type { RecordedEvent } from '@coop/event-store';
import type { WrittenEntry } from './feed.writer.js';
import type { ItemState } from './item-kinds.js';
import type { WrittenNotification } from './notification.writer.js';
import { occurredAtOf } from './read-model.views.js';

/** An item as a batch holds it: folded in memory by the item writer, read by the writers after it. */
export interface BatchItem {
  /** Its row's number; null until the item writer first writes it. */
  seq: number | null;
  readonly kind: ItemKind;
  version: number;
  /** Null until the item's stream created it. */
  state: ItemState | null;
  /** The state before the last event folded in: what the writers after the item writer compare with. */
  before: ItemState | null;
  /** `visibilityOf` the item as folded so far; null until the item's stream created it. */
  visibility: VisibilityItem | null;
  subregions: readonly Subregion[];
  /** What the row holds, to rewrite topics and grants only when they change. */
  readonly stored: { readonly topics: string; readonly visibility: string } | null;
  /** The last event folded in, which a failure to write the item is blamed on. */
  lastEvent: RecordedEvent | null;
}

/** Where items not yet in the batch come from: the item writer's table. */
export interface ItemSource {
  load(id: string): BatchItem | undefined;
}

/** A recorded event with what the batch knows of it. */
export interface PlacedEvent {
  readonly recorded: RecordedEvent;
  /** When the actor acted. */
  readonly occurredAt: string;
  /** The item whose stream or discussion recorded the event; null for a stream of no item (a country's). */
  readonly itemId: string | null;
  /** That item as the batch has it so far; undefined for the discussion of an item that does not exist. */
  readonly item: BatchItem | undefined;
  /**
   * Null for a type the domain does not know, or for an event its stream does
   * not hold by right: only the audit trail records it.
   */
  readonly event: DomainEvent | null;
}

/** What the writers of one batch share: the items it touches, the feed entries and notifications it wrote. */
export class ProjectionBatch {
  readonly entries: WrittenEntry[] = [];
  readonly notifications: WrittenNotification[] = [];
  private readonly touched = new Map<string, BatchItem>();

  constructor(private readonly source: ItemSource) {}

  place(recorded: RecordedEvent): PlacedEvent {
    const stream = parseStreamId(recorded.streamId);
    const itemId = stream === null ? null : itemIdOf(stream);
    const item = itemId === null ? undefined : this.item(itemId, stream?.category === 'item' ? stream.kind : null);
    const occurredAt = occurredAtOf(recorded.data, recorded.metadata, recorded.recordedAt);
    const event = toDomainEvent(recorded);
    const own = event !== null && stream !== null && isOwnEvent(event, stream, item);
    return { recorded, occurredAt, itemId, item, event: own ? event : null };
  }

  /** The item from the batch or the table; a new one only for its own stream (`kind`), never for a discussion. */
  item(id: string, kind: ItemKind | null): BatchItem | undefined {
    const cached = this.touched.get(id);
    if (cached !== undefined) return cached;
    const item = this.source.load(id) ?? (kind === null ? undefined : newItem(kind));
    if (item !== undefined) this.touched.set(id, item);
    return item;
  }

  /** Every item the batch touched, in the order it first did. */
  items(): IterableIterator<BatchItem> {
    return this.touched.values();
  }
}

function itemIdOf(stream: ParsedStreamId): string | null {
  switch (stream.category) {
    case 'item':
      return stream.id;
    case 'discussion':
      return stream.itemId;
    case 'country':
    case 'participant':
      return null;
  }
}

/**
 * An item's events belong in its stream and comment events in its discussion,
 * each naming that item; a profile's events in the stream of the country they
 * name; a participant's in their own stream.
 */
function isOwnEvent(event: DomainEvent, stream: ParsedStreamId, item: BatchItem | undefined): boolean {
  if (isCountryProfileEvent(event)) return stream.category === 'country' && stream.country === event.data.country;
  if (isParticipantEvent(event)) {
    return stream.category === 'participant' && stream.participantId === event.data.participantId;
  }
  if (item === undefined || stream.category === 'country' || stream.category === 'participant') return false;
  const ref = itemOf(event);
  return (
    ref.id === itemIdOf(stream) &&
    ref.kind === item.kind &&
    isDiscussionEvent(event) === (stream.category === 'discussion')
  );
}

const newItem = (kind: ItemKind): BatchItem => ({
  seq: null,
  kind,
  version: 0,
  state: null,
  before: null,
  visibility: null,
  subregions: [],
  stored: null,
  lastEvent: null,
});
