import type { Viewer } from '@coop/domain';
import type { Projector } from '../projector.js';
import type { ReadModel } from '../read-model.js';
import type { FeedEntryView, FeedFilter } from '../read-model.types.js';
import { feedCursorPosition } from '../read-model.views.js';
import { itemGrants, viewerGrants } from '../visibility-grants.js';
import { LiveFeed } from './live-feed.js';

export interface FeedBusOptions {
  /** Entries a subscriber may have waiting before it is ended with RESUME_REQUIRED. */
  readonly queueLimit: number;
}

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

/** The in-process bus between the projector's commits and live subscribers. */
export class FeedBus {
  private readonly topics = new Map<string, Set<LiveFeed>>();
  private readonly feeds = new Set<LiveFeed>();
  /** Set by `drain`: why every feed ends, including those subscribed after it. */
  private drained: string | null = null;

  constructor(
    private readonly readModel: ReadModel,
    private readonly options: FeedBusOptions,
  ) {
    if (!Number.isSafeInteger(options.queueLimit) || options.queueLimit < 1) {
      throw new RangeError(`Not a queue limit: ${options.queueLimit}`);
    }
  }

  /** Feeds the bus from the projector's commits; returns the detach. */
  attach(projector: Projector): () => void {
    return projector.onCommitted((entries) => this.publish(entries));
  }

  publish(entries: readonly FeedEntryView[]): void {
    for (const entry of entries) {
      for (const topic of topicsOf(entry)) {
        const listeners = this.topics.get(topic);
        if (listeners !== undefined) for (const feed of listeners) feed.offer(entry);
      }
    }
  }

  /**
   * A live feed for `viewer`: with `since`, the entries after that cursor
   * first, then what is committed from now on. A malformed `since` throws
   * InvalidCursor before anything is registered. Once the bus is drained,
   * the feed comes already ended with RESUME_REQUIRED at `since`.
   */
  subscribe(viewer: Viewer, filter: FeedFilter, since: string | null): LiveFeed {
    const start = since === null ? null : { cursor: since, position: feedCursorPosition(since, 'since') };
    const topics = topicsFor(viewer, filter);
    const feed = new LiveFeed(viewer, filter, start, this.readModel, this.options.queueLimit, (ended) => {
      this.feeds.delete(ended);
      for (const topic of topics) {
        const listeners = this.topics.get(topic);
        listeners?.delete(ended);
        if (listeners?.size === 0) this.topics.delete(topic);
      }
    });
    if (this.drained !== null) {
      feed.end(this.drained);
      return feed;
    }
    this.feeds.add(feed);
    for (const topic of topics) {
      let listeners = this.topics.get(topic);
      if (listeners === undefined) this.topics.set(topic, (listeners = new Set()));
      listeners.add(feed);
    }
    return feed;
  }

  get subscriberCount(): number {
    return this.feeds.size;
  }

  /**
   * For a shutdown: ends every feed with RESUME_REQUIRED at its last delivered
   * cursor, and every feed subscribed from now on at its `since` (a subscribe
   * may be on its way while the service drains).
   */
  drain(reason: string): void {
    this.drained = reason;
    for (const feed of [...this.feeds]) feed.end(reason);
  }
}
