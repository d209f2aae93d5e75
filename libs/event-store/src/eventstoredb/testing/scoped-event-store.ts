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

/**
 * Test-only view of a shared EventStoreDB server as if it held only one
 * storage's streams: stream names get the scope's prefix, which the wrapped
 * store is opened with as its stream prefix, so that its `$all` holds only
 * the scope's streams. Everything else is the wrapped store's own behaviour.
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
    // The scope's events all come after its floor: a read from the start need not look earlier.
    const fromPosition = options.fromPosition ?? (options.direction === 'backwards' ? undefined : this.scope.floor);
    return (await this.inner.readAll({ ...options, fromPosition })).map((event) => this.unscoped(event));
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AsyncIterable<RecordedEvent> {
    const inner = this.inner.subscribeToAll({ fromPosition: options.fromPosition ?? this.scope.floor });
    return {
      [Symbol.asyncIterator]: () => {
        const events = inner[Symbol.asyncIterator]();
        const next = async (): Promise<IteratorResult<RecordedEvent>> => {
          const step = await events.next();
          return step.done ? step : { done: false, value: this.unscoped(step.value) };
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

  private unscoped(event: RecordedEvent): RecordedEvent {
    return { ...event, streamId: event.streamId.slice(this.scope.prefix.length) };
  }
}
