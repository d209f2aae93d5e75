import {
  START,
  type AllStreamRecordedEvent,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type Filter,
  type Position,
} from '@eventstore/db-client';
import type { EventStoreError } from '../event-store.errors.js';
import type { RecordedEvent } from '../event-store.port.js';
import { isSystemEvent } from './eventstoredb-all-filter.js';
import { encodePosition } from './eventstoredb-position.js';

/** The subset of a pino logger the adapter uses. */
export interface SubscriptionLogger {
  warn(obj: object, msg: string): void;
}

/** Delays between resubscriptions after a drop: doubling from the first to the cap. */
export interface SubscriptionRetry {
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
}

export interface SubscriptionContext {
  readonly client: EventStoreDBClient;
  /** Where to resume: strictly after this position. */
  readonly after: typeof START | Position;
  /** The server-side filter (see `allFilter`). */
  readonly filter: Filter;
  readonly toRecordedEvent: (event: AllStreamRecordedEvent) => RecordedEvent;
  readonly toStoreError: (error: unknown) => EventStoreError;
  readonly isTransient: (error: unknown) => boolean;
  readonly logger: SubscriptionLogger;
  readonly retry: SubscriptionRetry | undefined;
  readonly onEnd: () => void;
}

const DEFAULT_INITIAL_DELAY_MS = 100;
const DEFAULT_MAX_DELAY_MS = 5_000;

interface Attempt {
  readonly subscription: AllStreamSubscription;
  readonly events: AsyncIterator<AllStreamResolvedEvent>;
}

/**
 * A catch-up subscription to `$all`, filtered by the server (see
 * `allFilter`), that outlives the connection: when the server drops it, it
 * subscribes again strictly after the last event it handed out, so the
 * consumer sees neither a gap nor a repeat. Pull-based: the server is read
 * only as fast as the consumer asks, and `return()` ends it even while a
 * `next()` waits for an event.
 */
export class EventStoreDbSubscription implements AsyncIterableIterator<RecordedEvent> {
  private after: typeof START | Position;
  private attempt: Attempt | undefined;
  private drops = 0;
  private ended = false;
  private readonly ending = new AbortController();
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly context: SubscriptionContext) {
    this.after = context.after;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<RecordedEvent> {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent, undefined>> {
    // Pulls run one at a time, so concurrent `next()` calls get events in order.
    const result = this.pending.then(() => this.pull());
    this.pending = result.catch(() => undefined);
    return result;
  }

  async return(): Promise<IteratorResult<RecordedEvent, undefined>> {
    await this.end();
    return { done: true, value: undefined };
  }

  private async pull(): Promise<IteratorResult<RecordedEvent, undefined>> {
    while (!this.ended) {
      const attempt = this.attempt ?? this.subscribe();
      let step: IteratorResult<AllStreamResolvedEvent>;
      try {
        step = await attempt.events.next();
      } catch (error) {
        if (this.ended) break;
        await this.release(attempt);
        if (!this.context.isTransient(error)) {
          const storeError = this.context.toStoreError(error);
          await this.end();
          throw storeError;
        }
        await this.backOff(error);
        continue;
      }
      if (this.ended) break;
      const event = step.done ? undefined : step.value.event;
      if (event === undefined) {
        if (step.done) {
          // The server ended the call without an error: a drop all the same.
          await this.release(attempt);
          await this.backOff(undefined);
        }
        continue;
      }
      this.after = event.position;
      if (isSystemEvent(event)) continue;
      return { done: false, value: this.context.toRecordedEvent(event) };
    }
    return { done: true, value: undefined };
  }

  private subscribe(): Attempt {
    const subscription = this.context.client.subscribeToAll({
      fromPosition: this.after,
      filter: this.context.filter,
    });
    // The server confirms a working subscription: the next drop starts the delays afresh.
    subscription.once('confirmation', () => {
      this.drops = 0;
    });
    this.attempt = { subscription, events: subscription[Symbol.asyncIterator]() };
    return this.attempt;
  }

  private async release(attempt: Attempt): Promise<void> {
    if (this.attempt === attempt) this.attempt = undefined;
    await attempt.subscription.unsubscribe();
  }

  private async backOff(error: unknown): Promise<void> {
    const initial = this.context.retry?.initialDelayMs ?? DEFAULT_INITIAL_DELAY_MS;
    const max = this.context.retry?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    const delayMs = Math.min(max, initial * 2 ** this.drops);
    this.drops += 1;
    this.context.logger.warn(
      { err: error, attempt: this.drops, delayMs, after: this.after === START ? 'start' : encodePosition(this.after) },
      'EventStoreDB subscription to $all dropped; resubscribing after the last delivered event',
    );
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.ending.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, delayMs);
      this.ending.signal.addEventListener('abort', done);
    });
  }

  private async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.ending.abort();
    const attempt = this.attempt;
    if (attempt !== undefined) await this.release(attempt);
    this.context.onEnd();
  }
}
