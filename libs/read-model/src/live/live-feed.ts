import type { Position } from '@coop/event-store';

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

/** What a live feed carries: feed entries, notifications. */
export interface LiveEntry {
  /** Log order. */
  readonly position: Position;
  /** Opaque; a subscriber resumes with it as `since`. */
  readonly cursor: string;
}

/** Where one subscriber's entries come from besides the bus. */
export interface LiveSource<Entry extends LiveEntry> {
  /** Whether an entry of a topic the feed listens to is for this subscriber. */
  accepts(entry: Entry): boolean;
  /** From the read model: oldest first, strictly after the cursor (from the first without one). */
  after(cursor: string | null, limit: number): Entry[];
}

/** A live feed as its consumer sees it, whatever it carries. */
export interface LiveStream<Entry extends LiveEntry> extends AsyncIterableIterator<Entry> {
  /** The next entry if one can be had now; null when the consumer must wait, or when the stream ended. */
  pull(): Entry | null;
  /** Why the stream ended, once it has. */
  readonly ending: ResumeRequired | 'done' | null;
  /** Calls `wake` once, at the next entry or at the end. */
  whenReadable(wake: () => void): void;
  /** Ends the stream: it takes nothing more. */
  return(): Promise<IteratorResult<Entry>>;
}

/**
 * One subscriber's live feed: entries in global log order, taken with `pull`
 * (a push consumer, woken by `whenReadable`) or as an async iterator. It is
 * registered on the bus before the replay starts, so what is committed during
 * the replay is buffered; the replay reads the read model page by page until
 * it is caught up, then the buffer is drained, skipping what the replay
 * already delivered. Every entry passes the source's `accepts` on the way in.
 */
export class LiveFeed<Entry extends LiveEntry> implements LiveStream<Entry> {
  private readonly queue: Entry[] = [];
  private replayPage: Entry[] = [];
  /** Position of the last entry handed out (or of `since`): the replay continues, and the buffer skips, from here. */
  private delivered: Position | null;
  private deliveredCursor: string | null;
  private replaying: boolean;
  private ended: ResumeRequired | 'done' | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly source: LiveSource<Entry>,
    since: { readonly cursor: string; readonly position: Position } | null,
    private readonly queueLimit: number,
    private readonly unsubscribe: (feed: LiveFeed<Entry>) => void,
  ) {
    this.delivered = since?.position ?? null;
    this.deliveredCursor = since?.cursor ?? null;
    this.replaying = since !== null;
  }

  /** Called by the bus for every committed entry of a topic this feed listens to (several topics may carry one entry). */
  offer(entry: Entry): void {
    if (this.ended !== null || !this.source.accepts(entry)) return;
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
  pull(): Entry | null {
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

  async next(): Promise<IteratorResult<Entry>> {
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

  return(): Promise<IteratorResult<Entry>> {
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

  private take(): Entry | undefined {
    while (this.replaying) {
      const fromReplay = this.replayPage.shift();
      if (fromReplay !== undefined) return fromReplay;
      this.replayPage = this.source.after(this.deliveredCursor, REPLAY_PAGE);
      // An empty page means caught up: everything committed so far was delivered, later entries are buffered.
      if (this.replayPage.length === 0) this.replaying = false;
    }
    for (;;) {
      const entry = this.queue.shift();
      if (entry === undefined || this.delivered === null || entry.position > this.delivered) return entry;
    }
  }
}
