/**
 * The event store port. Its semantics are EventStoreDB's, so that the embedded
 * SQLite adapter and the EventStoreDB adapter are interchangeable; one
 * conformance suite (`testing/event-store.conformance.ts`) holds every adapter
 * to them.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Opaque global position in the log of all streams. Positions of different
 * events are distinct and their lexicographic (code unit) order is the log
 * order, so callers may compare them as strings but must not parse them.
 */
export type Position = string;

/**
 * What the writer believes about the stream:
 * - `any`: no check;
 * - `noStream`: the stream has no events;
 * - `streamExists`: the stream has at least one event;
 * - a number: exactly that many events (0 is the same as `noStream`).
 */
export type ExpectedVersion = 'any' | 'noStream' | 'streamExists' | number;

export interface NewEvent {
  /** UUID. Re-appending the same ids at the same place is an idempotent success. */
  readonly id: string;
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata: JsonObject;
}

export interface RecordedEvent {
  readonly id: string;
  readonly streamId: string;
  /** 1-based number of the event in its stream. */
  readonly version: number;
  readonly position: Position;
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata: JsonObject;
  /** ISO 8601 instant at which the store recorded the event. */
  readonly recordedAt: string;
}

export interface AppendResult {
  /** Number of events in the stream after the append (the last event's version). */
  readonly nextVersion: number;
  /** Global position of the last event of the append. */
  readonly position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** 1-based version to start at, inclusive. Defaults to the first event (forwards) or the last (backwards). */
  readonly from?: number;
  readonly direction?: Direction;
  readonly limit?: number;
}

export interface ReadAllOptions {
  /** Position to start at, inclusive. Defaults to the start (forwards) or the end (backwards) of the log. */
  readonly fromPosition?: Position;
  readonly direction?: Direction;
  readonly limit?: number;
}

export interface SubscribeToAllOptions {
  /** Deliver events strictly after this position; from the start of the log when absent. */
  readonly fromPosition?: Position;
}

/** Size limits an adapter enforces before writing; see `EventStore.append` for how size is counted. */
export interface StoreLimits {
  /** Largest event (JSON data plus metadata, UTF-8 bytes) an append accepts. */
  readonly maxEventBytes?: number;
  /** Largest append (sum of its events) accepted. */
  readonly maxAppendBytes?: number;
}

/** How an adapter is set up, whichever storage it sits on. */
export interface EventStoreOptions {
  readonly limits?: StoreLimits;
  /**
   * What the names of this service's own streams begin with. When given,
   * `readAll` and `subscribeToAll` show only events of streams whose name
   * starts with one of them (case-sensitive),
   * so that a store shared with other applications never shows this service
   * their streams; `append` and `readStream` still take any stream by name.
   * When absent, every stream is the service's own.
   */
  readonly streamPrefixes?: readonly string[];
}

export interface EventStore {
  /**
   * Appends all events or none. Throws `VersionConflict` when `expectedVersion`
   * does not hold, unless the same event ids already stand at that place in
   * the stream, in which case nothing is written and the original result is
   * returned. A partial duplicate is a `VersionConflict`.
   *
   * "That place", as in EventStoreDB: for an exact version N (`noStream` is 0)
   * the events at versions N+1..N+k carry exactly these k ids in order; for
   * `any` and `streamExists`, the first id is found in the stream and the
   * following events carry the following ids. The result is then the one the
   * original append of those events returned (`nextVersion` is the version of
   * the last of them). When some but not all ids stand there, or the append
   * runs past the end of the stream, it is a partial duplicate.
   *
   * Throws `PayloadTooLarge` (nothing written) when an event or the whole
   * append exceeds the store's limits, counted as the UTF-8 bytes of
   * `JSON.stringify(data)` plus `JSON.stringify(metadata)`.
   *
   * Throws `InvalidAppend` (nothing written) for an empty stream id, no events,
   * an id that is not a UUID, or an id repeated within the append.
   *
   * An id already stored anywhere other than the idempotent place above (in
   * another stream, or elsewhere in this one) is the caller's error, which
   * not every adapter can see: the SQLite adapter refuses it with
   * `InvalidAppend`, EventStoreDB stores it. Callers keep ids unique, e.g. by
   * deriving deterministic ids from the stream as well as the key.
   */
  append(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedVersion?: ExpectedVersion },
  ): Promise<AppendResult>;

  /** Events of one stream; an unknown stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Events of every stream (or of the `streamPrefixes` ones) in log order, system events (type starting with `$`) excluded. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /**
   * Catches up from `fromPosition` (exclusive), then goes live with no gap and
   * no duplicate; system events and other streams than the `streamPrefixes`
   * ones excluded, as in `readAll`. Ending the iteration (break, return,
   * throw) releases everything the subscription holds.
   */
  subscribeToAll(options?: SubscribeToAllOptions): AsyncIterable<RecordedEvent>;

  /** Cheap reachability check for readiness probes. */
  ping(): Promise<void>;

  /** Ends every live subscription and releases the store's resources. */
  close(): Promise<void>;
}
