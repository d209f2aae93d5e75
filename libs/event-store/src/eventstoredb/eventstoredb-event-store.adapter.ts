import {
  ANY,
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamRecordedEvent,
  type AppendExpectedRevision,
  type EventData,
  type Filter,
  type JSONType,
  type Position as EventStoreDbPosition,
  type ReadPosition,
  type RecordedEvent as EventStoreDbRecordedEvent,
} from '@eventstore/db-client';
import { resolveLimits, validateAppend } from '../append-validation.js';
import {
  EventStoreError,
  PayloadTooLarge,
  StoreClosed,
  StoreUnavailable,
  VersionConflict,
} from '../event-store.errors.js';
import type {
  AppendResult,
  EventStore,
  EventStoreOptions,
  ExpectedVersion,
  JsonObject,
  JsonValue,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreLimits,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import { validateStreamPrefixes } from '../stream-prefixes.js';
import { allFilter, isSystemEvent, readAllFiltered } from './eventstoredb-all-filter.js';
import { decodePosition, encodePosition } from './eventstoredb-position.js';
import {
  EventStoreDbSubscription,
  type SubscriptionLogger,
  type SubscriptionRetry,
} from './eventstoredb-subscription.js';

const DEFAULT_PING_TIMEOUT_MS = 5_000;
/** `$all` is read in pages of this many events while system events are skipped. */
const READ_ALL_PAGE = 1_000;

export interface EventStoreDbEventStoreOptions extends EventStoreOptions {
  /** Told about dropped subscriptions and their resubscription; silent by default. */
  readonly logger?: SubscriptionLogger;
  readonly retry?: SubscriptionRetry;
  /** How long `ping` waits for the server before reporting it unavailable. */
  readonly pingTimeoutMs?: number;
}

const silent: SubscriptionLogger = { warn: () => undefined };

/**
 * The event store on EventStoreDB (22.10 or later: older servers report no
 * positions on stream reads), through `@eventstore/db-client`. Versions are
 * the port's 1-based counts, the server's revisions are 0-based.
 *
 * Two rules of the port rest on the server: idempotent retries are
 * EventStoreDB's own, and it does not keep event ids unique across streams,
 * so reusing an id elsewhere than at its idempotent place is not detected.
 *
 * `$all` is read and followed through a server-side filter (`allFilter`): on
 * a server other applications share, their streams never leave the server.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly limits: Required<StoreLimits>;
  private readonly logger: SubscriptionLogger;
  private readonly retry: SubscriptionRetry | undefined;
  private readonly pingTimeoutMs: number;
  private readonly filter: Filter;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private closed = false;

  /** `connectionString` as EventStoreDB clients take it: `esdb://host:2113?tls=false`, or a cluster's `esdb+discover://…`. */
  constructor(connectionString: string, options: EventStoreDbEventStoreOptions = {}) {
    this.filter = allFilter(validateStreamPrefixes(options.streamPrefixes));
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.limits = resolveLimits(options.limits);
    this.logger = options.logger ?? silent;
    this.retry = options.retry;
    this.pingTimeoutMs = options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedVersion?: ExpectedVersion } = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedVersion ?? 'any';
    const prepared = this.prepareAppend(streamId, events, expected);
    try {
      const result = await this.client.appendToStream(streamId, prepared.events, {
        expectedRevision: toExpectedRevision(expected),
      });
      if ((expected === 'any' || expected === 'streamExists') && prepared.events.length > 1) {
        await this.assertInPlace(streamId, expected, prepared.events, result.nextExpectedRevision);
      }
      const position = result.position ?? (await this.positionOf(streamId, result.nextExpectedRevision));
      return { nextVersion: Number(result.nextExpectedRevision) + 1, position: encodePosition(position) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion === NO_STREAM ? 0 : Number(error.actualVersion) + 1;
        throw new VersionConflict(streamId, expected, actual);
      }
      if (error instanceof MaxAppendSizeExceededError) {
        // The server's own limit is below this store's: deployments raise MaxAppendSize.
        throw new PayloadTooLarge('append', prepared.bytes, error.maxAppendSize);
      }
      throw this.toStoreError(error);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = readLimit(options.limit);
    const backwards = options.direction === 'backwards';
    if (limit === 0 || (options.from !== undefined && backwards && options.from < 1)) return [];
    const fromRevision = options.from === undefined ? (backwards ? END : START) : BigInt(Math.max(options.from, 1) - 1);
    try {
      const events: RecordedEvent[] = [];
      const read = this.client.readStream(streamId, {
        fromRevision,
        direction: backwards ? BACKWARDS : FORWARDS,
        maxCount: limit,
      });
      for await (const resolved of read) {
        if (resolved.event !== undefined) events.push(toRecordedEvent(resolved.event));
      }
      return events;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw this.toStoreError(error);
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = readLimit(options.limit);
    const backwards = options.direction === 'backwards';
    const start = options.fromPosition === undefined ? undefined : decodePosition(options.fromPosition);
    const events: RecordedEvent[] = [];
    try {
      // The server reads backwards strictly before a position; the port starts at it.
      if (backwards && start !== undefined && limit > 0) {
        const [at] = await this.readAllPage(start, FORWARDS, 1);
        if (at !== undefined && samePosition(at.position, start) && !isSystemEvent(at))
          events.push(toRecordedEvent(at));
      }
      // With stream prefixes the server leaves in the system events of those streams: they are skipped here, page by page.
      let from: ReadPosition = start ?? (backwards ? END : START);
      let skip: EventStoreDbPosition | undefined;
      while (events.length < limit) {
        const count = Math.min(limit - events.length, READ_ALL_PAGE) + (skip === undefined ? 0 : 1);
        const page = await this.readAllPage(from, backwards ? BACKWARDS : FORWARDS, count);
        for (const event of page) {
          if (events.length === limit) break;
          if ((skip === undefined || !samePosition(event.position, skip)) && !isSystemEvent(event))
            events.push(toRecordedEvent(event));
        }
        const last = page[page.length - 1];
        if (last === undefined || page.length < count) break;
        from = last.position;
        // Forwards includes the event at `from`, which this page already held.
        skip = backwards ? undefined : last.position;
      }
      return events;
    } catch (error) {
      throw this.toStoreError(error);
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const after = options.fromPosition === undefined ? START : decodePosition(options.fromPosition);
    // Registered when iteration starts, so an iterable that is never iterated holds nothing.
    return {
      [Symbol.asyncIterator]: () => {
        this.assertOpen();
        const subscription = new EventStoreDbSubscription({
          client: this.client,
          after,
          filter: this.filter,
          toRecordedEvent,
          toStoreError: (error) => this.toStoreError(error),
          isTransient,
          logger: this.logger,
          retry: this.retry,
          onEnd: () => this.subscriptions.delete(subscription),
        });
        this.subscriptions.add(subscription);
        return subscription;
      },
    };
  }

  /** Reads the last event of `$all`: cheap, and it needs the server to answer. */
  async ping(): Promise<void> {
    this.assertOpen();
    const read = this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailable(`EventStoreDB did not answer within ${this.pingTimeoutMs} ms`)),
        this.pingTimeoutMs,
      );
    });
    try {
      await Promise.race([read.toArray(), timeout]);
    } catch (error) {
      throw error instanceof StoreUnavailable ? error : new StoreUnavailable('EventStoreDB is unreachable', error);
    } finally {
      clearTimeout(timer);
      void read.cancel();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.return()));
    await this.client.dispose();
  }

  /** Live subscriptions of this instance (for metrics, and to check that ending an iteration releases it). */
  get liveSubscriptions(): number {
    return this.subscriptions.size;
  }

  private async readAllPage(
    from: ReadPosition,
    direction: typeof FORWARDS | typeof BACKWARDS,
    maxCount: number,
  ): Promise<AllStreamRecordedEvent[]> {
    const events: AllStreamRecordedEvent[] = [];
    const read = readAllFiltered(this.client, { fromPosition: from, direction, maxCount, filter: this.filter });
    for await (const resolved of read) {
      if (resolved.event !== undefined) events.push(resolved.event);
    }
    return events;
  }

  /**
   * With `any` and `streamExists` the server calls an append idempotent when
   * every id is somewhere in the stream, and answers with the last one's
   * revision; the port wants them in order, ending there. A write of its own
   * always passes; ids found out of order were a partial duplicate, and
   * nothing was written.
   */
  private async assertInPlace(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly EventData[],
    lastRevision: bigint,
  ): Promise<void> {
    const first = lastRevision - BigInt(events.length - 1);
    const stored = first < 0n ? [] : await this.readRevisions(streamId, first, events.length);
    if (stored.length === events.length && stored.every((event, index) => event.id === events[index]?.id)) return;
    const [last] = await this.readStream(streamId, { direction: 'backwards', limit: 1 });
    throw new VersionConflict(streamId, expected, last?.version ?? 0);
  }

  private async readRevisions(
    streamId: string,
    fromRevision: bigint,
    maxCount: number,
  ): Promise<EventStoreDbRecordedEvent[]> {
    const events: EventStoreDbRecordedEvent[] = [];
    for await (const resolved of this.client.readStream(streamId, { fromRevision, maxCount })) {
      if (resolved.event !== undefined) events.push(resolved.event);
    }
    return events;
  }

  /** Servers before 22.6 answer an idempotent append without a position: the event's own read has it. */
  private async positionOf(streamId: string, revision: bigint): Promise<EventStoreDbPosition> {
    const [event] = await this.readRevisions(streamId, revision, 1);
    if (event?.position !== undefined) return event.position;
    throw new StoreUnavailable(`EventStoreDB reported no position for revision ${revision} of ${streamId}`);
  }

  /** The port's checks, then the client's shape; the client serialises `data` itself, so the event's own value goes. */
  private prepareAppend(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): { events: EventData[]; bytes: number } {
    const { events: validated, bytes } = validateAppend(streamId, events, expected, this.limits);
    return {
      events: validated.map(({ id, type, event }) => ({
        id,
        contentType: 'application/json',
        type,
        data: event.data as JSONType,
        metadata: event.metadata,
      })),
      bytes,
    };
  }

  private toStoreError(error: unknown): EventStoreError {
    if (error instanceof EventStoreError) return error;
    if (this.closed) return new StoreClosed();
    return new StoreUnavailable(
      `EventStoreDB failed: ${error instanceof Error ? error.message : String(error)}`,
      error,
    );
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosed();
  }
}

function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'noStream':
      return NO_STREAM;
    case 'streamExists':
      return STREAM_EXISTS;
    default:
      return expected === 0 ? NO_STREAM : BigInt(expected - 1);
  }
}

/** The connection dropping, the node going down or losing leadership: worth resubscribing. */
function isTransient(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof CancelledError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError
  );
}

function samePosition(a: EventStoreDbPosition | undefined, b: EventStoreDbPosition): boolean {
  return a !== undefined && a.commit === b.commit && a.prepare === b.prepare;
}

function toRecordedEvent(event: EventStoreDbRecordedEvent): RecordedEvent {
  if (event.position === undefined) {
    throw new StoreUnavailable(`EventStoreDB reported no position for event ${event.id}: it predates 22.6`);
  }
  return {
    id: event.id,
    streamId: event.streamId,
    version: Number(event.revision) + 1,
    position: encodePosition(event.position),
    type: event.type,
    data: event.data as JsonValue,
    // The client leaves out metadata it read as empty.
    metadata: (event.metadata ?? {}) as JsonObject,
    recordedAt: event.created.toISOString(),
  };
}

/** Every event when absent; the client counts with a number. */
function readLimit(limit: number | undefined): number {
  if (limit === undefined) return Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`Not a read limit: ${limit}`);
  return limit;
}
