import type { RecordedEvent } from '../event-store.port.js';

/** What a subscription needs from the store: a bounded read of the log and a way to let go. */
export interface SubscriptionSource {
  /**
   * Up to `limit` rows of the log after `sequence`, system events and other
   * streams than the store's own filtered out. `lastSequence` covers filtered
   * rows too, so they are not read again;
   * `exhausted` says fewer than `limit` rows were there.
   */
  readAfter(sequence: number, limit: number): { events: RecordedEvent[]; lastSequence: number; exhausted: boolean };
  release(subscription: SqliteSubscription): void;
}

const BATCH_SIZE = 256;
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * A pull-based `subscribeToAll`: it holds at most one batch of rows and reads
 * the next one from the table only when the consumer asks, so a slow consumer
 * costs no memory and catch-up and live delivery are the same code path (no
 * hand-over, hence no gap or duplicate). Written by hand rather than as an
 * async generator so that `return()` takes effect even while a `next()` is
 * waiting for a commit.
 */
export class SqliteSubscription implements AsyncIterableIterator<RecordedEvent> {
  private batch: RecordedEvent[] = [];
  private index = 0;
  /** Something may have been committed since the last read that came back exhausted. */
  private stale = true;
  private finished = false;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly source: SubscriptionSource,
    private after: number,
  ) {}

  /** Called after any commit that may concern this subscription. */
  wake(): void {
    this.stale = true;
    this.resolveWaiters();
  }

  /** Ends the iteration from the store's side (on close). */
  end(): void {
    this.finished = true;
    this.batch = [];
    this.resolveWaiters();
  }

  async next(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.finished) return DONE;
      const event = this.batch[this.index];
      if (event !== undefined) {
        this.index += 1;
        return { done: false, value: event };
      }
      if (this.stale) {
        // Reads are synchronous, so no in-process commit can slip between this
        // read and clearing the flag: a later commit sets it again.
        const { events, lastSequence, exhausted } = this.source.readAfter(this.after, BATCH_SIZE);
        this.stale = !exhausted;
        this.after = lastSequence;
        this.batch = events;
        this.index = 0;
        continue;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    if (!this.finished) {
      this.end();
      this.source.release(this);
    }
    return DONE;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private resolveWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
