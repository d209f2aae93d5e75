import { canSee, type Viewer } from '@coop/domain';
import type { Position } from '@coop/event-store';
import type { ReadModel } from '../read-model.js';
import type { FeedEntryView, FeedFilter } from '../read-model.types.js';

/** The subscriber fell too far behind; it resumes with `since` = `cursor` and loses nothing. */
export class ResumeRequired extends Error {
  readonly code = 'RESUME_REQUIRED';

  constructor(
    /** The last entry delivered; null when nothing was delivered yet (resume with the `since` it started from). */
    readonly cursor: string | null,
    reason: string,
  ) {
    super(reason);
    this.name = 'ResumeRequired';
  }
}

/** Entries of a `since` replay read from the read model at a time: the replay's memory stays this small. */
const REPLAY_PAGE = 100;

/**
 * One subscriber's live feed: an async iterator of entries in global log
 * order. It is registered on the bus before the replay starts, so what is
 * committed during the replay is buffered; the replay reads the read model
 * page by page until it is caught up, then the buffer is drained, skipping
 * what the replay already delivered. Every entry passes `canSee` and the
 * filter on the way in.
 */
export class LiveFeed implements AsyncIterableIterator<FeedEntryView> {
  private readonly queue: FeedEntryView[] = [];
  private replayPage: FeedEntryView[] = [];
  /** Position of the last entry handed out (or of `since`): the replay continues, and the buffer skips, from here. */
  private delivered: Position | null;
  private deliveredCursor: string | null;
  private replaying: boolean;
  private ended: ResumeRequired | 'done' | null = null;
  private waiting: ((result: IteratorResult<FeedEntryView>) => void) | null = null;
  private failWaiting: ((error: Error) => void) | null = null;

  constructor(
    readonly viewer: Viewer,
    private readonly filter: FeedFilter,
    since: { readonly cursor: string; readonly position: Position } | null,
    private readonly readModel: ReadModel,
    private readonly queueLimit: number,
    private readonly unsubscribe: (feed: LiveFeed) => void,
  ) {
    this.delivered = since?.position ?? null;
    this.deliveredCursor = since?.cursor ?? null;
    this.replaying = since !== null;
  }

  /** Called by the bus for every committed entry of a topic this feed listens to (several topics may carry one entry). */
  offer(entry: FeedEntryView): void {
    if (this.ended !== null || !this.accepts(entry)) return;
    const newest = this.queue[this.queue.length - 1]?.position ?? this.delivered;
    if (newest !== null && entry.position <= newest) return;
    // Someone waits only once the replay is over and the buffer is empty.
    if (this.waiting !== null) {
      this.hand(entry);
      return;
    }
    if (this.queue.length >= this.queueLimit) {
      if (!this.replaying) {
        this.end('The subscriber fell behind; resubscribe with since = cursor');
        return;
      }
      // Mid-replay the read model still holds whatever is dropped: the replay just reads further.
      this.queue.length = 0;
    }
    this.queue.push(entry);
  }

  next(): Promise<IteratorResult<FeedEntryView>> {
    if (this.ended instanceof ResumeRequired) {
      const error = this.ended;
      this.ended = 'done';
      return Promise.reject(error);
    }
    if (this.ended === 'done') return Promise.resolve({ value: undefined, done: true });
    const entry = this.take();
    if (entry !== undefined) return Promise.resolve(this.deliver(entry));
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<FeedEntryView>> {
    this.finish('done');
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Ends the feed with RESUME_REQUIRED at the last delivered cursor (slow consumer, or the service draining). */
  end(reason: string): void {
    this.finish(new ResumeRequired(this.deliveredCursor, reason));
  }

  private finish(reason: ResumeRequired | 'done'): void {
    if (this.ended !== null) return;
    this.unsubscribe(this);
    this.queue.length = 0;
    this.replayPage = [];
    const waiting = this.waiting;
    const failWaiting = this.failWaiting;
    this.waiting = null;
    this.failWaiting = null;
    if (waiting === null || failWaiting === null) {
      this.ended = reason;
      return;
    }
    this.ended = 'done';
    if (reason === 'done') waiting({ value: undefined, done: true });
    else failWaiting(reason);
  }

  private take(): FeedEntryView | undefined {
    while (this.replaying) {
      const fromReplay = this.replayPage.shift();
      if (fromReplay !== undefined) return fromReplay;
      this.replayPage = this.readModel.feedAfter(this.viewer, this.filter, this.deliveredCursor, REPLAY_PAGE);
      // An empty page means caught up: everything committed so far was delivered, later entries are buffered.
      if (this.replayPage.length === 0) this.replaying = false;
    }
    for (;;) {
      const entry = this.queue.shift();
      if (entry === undefined || this.delivered === null || entry.position > this.delivered) return entry;
    }
  }

  private hand(entry: FeedEntryView): void {
    const waiting = this.waiting;
    this.waiting = null;
    this.failWaiting = null;
    waiting?.(this.deliver(entry));
  }

  private deliver(entry: FeedEntryView): IteratorResult<FeedEntryView> {
    this.delivered = entry.position;
    this.deliveredCursor = entry.cursor;
    return { value: entry, done: false };
  }

  private accepts(entry: FeedEntryView): boolean {
    const { kinds, topics } = this.filter;
    if (!canSee(this.viewer, entry.item.visibility)) return false;
    if (kinds && !kinds.includes(entry.itemKind)) return false;
    if (topics && !entry.item.state.topics.some((topic) => topics.includes(topic))) return false;
    return true;
  }
}
