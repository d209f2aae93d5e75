import { canSee, type Viewer } from '@coop/domain';
import type { Projector } from '../projector.js';
import type { ReadModel } from '../read-model.js';
import type { FeedEntryView, FeedFilter } from '../read-model.types.js';
import { feedCursorPosition } from '../read-model.views.js';
import { itemGrants, viewerGrants } from '../visibility-grants.js';
import type { LiveFeed, LiveSource } from './live-feed.js';
import { LiveTopics, type LiveTopicsOptions } from './live-topics.js';

export type FeedBusOptions = LiveTopicsOptions;

/*
 * Topics: one per subregion, one per item, and one per visibility grant for
 * the feed without a subregion. A viewer-wide subscriber listens to its own
 * grants' topics, so an entry only reaches those allowed to see it, without a
 * global topic whose filter runs for every subscriber. An entry goes out with
 * its item's grants and subregions as its own event left them, so a country
 * invited to a proposal hears of it from its invitation on.
 */
const subregionTopic = (subregion: string): string => `subregion:${subregion}`;
const itemTopic = (itemId: string): string => `item:${itemId}`;
const grantTopic = (grant: string): string => `grant:${grant}`;

function topicsOf(entry: FeedEntryView): string[] {
  return [
    ...entry.subregions.map(subregionTopic),
    itemTopic(entry.itemId),
    ...itemGrants(entry.item.visibility).map(grantTopic),
  ];
}

function topicsFor(viewer: Viewer, filter: FeedFilter): string[] {
  if (filter.itemId != null) return [itemTopic(filter.itemId)];
  if (filter.subregion != null) return [subregionTopic(filter.subregion)];
  return viewerGrants(viewer).map(grantTopic);
}

function accepts(viewer: Viewer, { kinds, topics }: FeedFilter, entry: FeedEntryView): boolean {
  if (!canSee(viewer, entry.item.visibility)) return false;
  if (kinds && !kinds.includes(entry.itemKind)) return false;
  if (topics && !entry.item.state.topics.some((topic) => topics.includes(topic))) return false;
  return true;
}

/** The in-process bus between the projector's commits and live feed subscribers. */
export class FeedBus {
  private readonly live: LiveTopics<FeedEntryView>;

  constructor(
    private readonly readModel: ReadModel,
    options: FeedBusOptions,
  ) {
    this.live = new LiveTopics(options);
  }

  /** Feeds the bus from the projector's commits; returns the detach. */
  attach(projector: Projector): () => void {
    return projector.onCommitted(({ entries }) => this.publish(entries));
  }

  publish(entries: readonly FeedEntryView[]): void {
    for (const entry of entries) {
      for (const topic of topicsOf(entry)) for (const feed of this.live.listeners(topic)) feed.offer(entry);
    }
  }

  /**
   * A live feed for `viewer`: with `since`, the entries after that cursor
   * first, then what is committed from now on. A malformed `since` throws
   * InvalidCursor before anything is registered.
   */
  subscribe(viewer: Viewer, filter: FeedFilter, since: string | null): LiveFeed<FeedEntryView> {
    const start = since === null ? null : { cursor: since, position: feedCursorPosition(since, 'since') };
    const source: LiveSource<FeedEntryView> = {
      accepts: (entry) => accepts(viewer, filter, entry),
      after: (cursor, limit) => this.readModel.feedAfter(viewer, filter, cursor, limit),
    };
    return this.live.subscribe(topicsFor(viewer, filter), source, start);
  }

  get subscriberCount(): number {
    return this.live.subscriberCount;
  }

  /** For a shutdown: see `LiveTopics.drain`. */
  drain(reason: string): void {
    this.live.drain(reason);
  }
}
