import { VersionConflict } from '../../event-store.errors.js';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../../event-store.port.js';

/** What a scope needs to look like an empty store on a server other tests share. */
export interface Scope {
  /** Prepended to every stream name; unique to one storage. */
  readonly prefix: string;
  /** Position of the last event of `$all` when the scope began, if any: nothing at or before it is the scope's. */
  readonly floor: Position | undefined;
}

const PAGE = 500;

/**
 * Test-only view of a shared EventStoreDB server as if it held only one
 * storage's streams: stream names get the scope's prefix, and `$all` shows
 * only those streams, from the scope's floor on. Everything else is the
 * wrapped store's own behaviour.
 */
export class ScopedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly scope: Scope,
  ) {}

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedVersion?: ExpectedVersion },
  ): Promise<AppendResult> {
    try {
      return await this.inner.append(this.scoped(streamId), events, options);
    } catch (error) {
      if (error instanceof VersionConflict) throw new VersionConflict(streamId, error.expected, error.actual);
      throw error;
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(this.scoped(streamId), options)).map((event) => this.unscoped(event));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const backwards = options.direction === 'backwards';
    const floor = this.scope.floor;
    const events: RecordedEvent[] = [];
    let from = options.fromPosition ?? (backwards ? undefined : floor);
    let skip: Position | undefined;
    while (events.length < limit) {
      const page = await this.inner.readAll({ fromPosition: from, direction: options.direction, limit: PAGE });
      for (const event of page) {
        if (events.length === limit || (backwards && floor !== undefined && event.position <= floor)) return events;
        if (event.position !== skip && this.inScope(event)) events.push(this.unscoped(event));
      }
      const last = page[page.length - 1];
      if (last === undefined || page.length < PAGE) break;
      // Both directions start at `from`, inclusive, which this page already held.
      from = last.position;
      skip = last.position;
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AsyncIterable<RecordedEvent> {
    const inner = this.inner.subscribeToAll({ fromPosition: options.fromPosition ?? this.scope.floor });
    return {
      [Symbol.asyncIterator]: () => {
        const events = inner[Symbol.asyncIterator]();
        const next = async (): Promise<IteratorResult<RecordedEvent>> => {
          for (;;) {
            const step = await events.next();
            if (step.done) return step;
            if (this.inScope(step.value)) return { done: false, value: this.unscoped(step.value) };
          }
        };
        const iterator: AsyncIterableIterator<RecordedEvent> = {
          next,
          return: async () => (await events.return?.()) ?? { done: true, value: undefined },
          [Symbol.asyncIterator]: () => iterator,
        };
        return iterator;
      },
    };
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** The empty name stays empty, so that the store still refuses it. */
  private scoped(streamId: string): string {
    return streamId === '' ? streamId : `${this.scope.prefix}${streamId}`;
  }

  private inScope(event: RecordedEvent): boolean {
    return event.streamId.startsWith(this.scope.prefix);
  }

  private unscoped(event: RecordedEvent): RecordedEvent {
    return { ...event, streamId: event.streamId.slice(this.scope.prefix.length) };
  }
}
