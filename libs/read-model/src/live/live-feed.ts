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
 * One subscriber's live feed: entries in global log order, taken with `pull`
 * (a push consumer, woken by `whenReadable`) or as an async iterator. It is
 * registered on the bus before the replay starts, so what is committed during
 * the replay is buffered; the replay reads the read model page by page until
 * it is caught up, then the buffer is drained, skipping what the replay
 * already delivered. Every entry passes `canSee` and the filter on the way in.
 */
export class LiveFeed implements AsyncIterableIterator<FeedEntryView> {
  private readonly queue: FeedEntryView[] = [];
  private replayPage: FeedEntryView[] = [];
  /** Position of the last entry handed out (or of `since`): the replay continues, and the buffer skips, from here. */
  private delivered: Position | null;
  private deliveredCursor: string | null;
  private replaying: boolean;
  private ended: ResumeRequired | 'done' | null = null;
  private wake: (() => void) | null = null;

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
    if (this.queue.length >= this.queueLimit) {
      if (!this.replaying) {
        this.end('The subscriber fell behind; resubscribe with since = cursor');
        return;
      }
      // Mid-replay the read model still holds whatever is dropped: the replay just reads further.
      this.queue.length = 0;
    }
    this.queue.push(entry);
    this.wakeUp();
  }

  /**
   * The next entry, if one can be had now; null when the consumer must wait
   * for `whenReadable`, or when the feed has ended (see `ending`).
   */
  pull(): FeedEntryView | null {
    if (this.ended !== null) return null;
    const entry = this.take();
    if (entry === undefined) return null;
    this.delivered = entry.position;
    this.deliveredCursor = entry.cursor;
    return entry;
  }

  /** Why the feed ended, once it has: RESUME_REQUIRED with the last delivered cursor, or done (returned). */
  get ending(): ResumeRequired | 'done' | null {
    return this.ended;
  }

  /** Calls `wake` once, at the next entry offered or at the end; one consumer waits at a time. */
  whenReadable(wake: () => void): void {
    if (this.ended !== null) wake();
    else this.wake = wake;
  }

  async next(): Promise<IteratorResult<FeedEntryView>> {
    for (;;) {
      const entry = this.pull();
      if (entry !== null) return { value: entry, done: false };
      const ending = this.ended;
      if (ending instanceof ResumeRequired) {
        this.ended = 'done';
        throw ending;
      }
      if (ending === 'done') return { value: undefined, done: true };
      await new Promise<void>((resolve) => this.whenReadable(resolve));
    }
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
    this.ended = reason;
    this.unsubscribe(this);
    this.queue.length = 0;
    this.replayPage = [];
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
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

  private accepts(entry: FeedEntryView): boolean {
    const { kinds, topics } = this.filter;
    if (!canSee(this.viewer, entry.item.visibility)) return false;
    if (kinds && !kinds.includes(entry.itemKind)) return false;
    if (topics && !entry.item.state.topics.some((topic) => topics.includes(topic))) return false;
    return true;
  }
}
