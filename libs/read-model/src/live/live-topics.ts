import type { Position } from '@coop/event-store';
import { type LiveEntry, LiveFeed, type LiveSource } from './live-feed.js';

export interface LiveTopicsOptions {
  /** Entries a subscriber may have waiting before it is ended with RESUME_REQUIRED. */
  readonly queueLimit: number;
}

/**
 * The subscribers of one kind of live entry, by topic: a bus offers each
 * committed entry only to the feeds of its topics, with no global topic whose
 * filter runs for every subscriber. Drained for a shutdown, it ends every
 * feed, those subscribed afterwards included.
 */
export class LiveTopics<Entry extends LiveEntry> {
  private readonly topics = new Map<string, Set<LiveFeed<Entry>>>();
  private readonly feeds = new Set<LiveFeed<Entry>>();
  /** Set by `drain`: why every feed ends, including those subscribed after it. */
  private drained: string | null = null;

  constructor(private readonly options: LiveTopicsOptions) {
    if (!Number.isSafeInteger(options.queueLimit) || options.queueLimit < 1) {
      throw new RangeError(`Not a queue limit: ${options.queueLimit}`);
    }
  }

  /**
   * A feed listening to `topics`, replaying from `since` first. Once drained,
   * the feed comes already ended with RESUME_REQUIRED at `since`.
   */
  subscribe(
    topics: readonly string[],
    source: LiveSource<Entry>,
    since: { readonly cursor: string; readonly position: Position } | null,
  ): LiveFeed<Entry> {
    const feed = new LiveFeed(source, since, this.options.queueLimit, (ended) => {
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

  /** The feeds listening to a topic; none is an empty set. */
  listeners(topic: string): ReadonlySet<LiveFeed<Entry>> {
    return this.topics.get(topic) ?? NO_FEEDS;
  }

  get subscriberCount(): number {
    return this.feeds.size;
  }

  /** Ends every feed with RESUME_REQUIRED at its last delivered cursor, and every feed subscribed from now on at its `since`. */
  drain(reason: string): void {
    this.drained = reason;
    for (const feed of [...this.feeds]) feed.end(reason);
  }
}

const NO_FEEDS: ReadonlySet<never> = new Set();
