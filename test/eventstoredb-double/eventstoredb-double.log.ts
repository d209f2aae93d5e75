import { randomUUID } from 'node:crypto';

/**
 * The in-memory transaction log behind the EventStoreDB double. It follows
 * the server's rules (IndexCommitter.CheckCommit in EventStoreDB) for expected
 * revisions and idempotent retries, and numbers records with log positions the
 * way the server does: every record has a prepare position (its offset in the
 * log) and the commit position of its transaction, and `$all` is ordered by
 * (commit, prepare).
 */

export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export interface LogRecord {
  readonly streamName: string;
  /** 0-based, as the server numbers events. */
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as the server reports `created`. */
  readonly createdTicks: bigint;
  readonly position: LogPosition;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export type ExpectedRevision =
  | { readonly kind: 'any' }
  | { readonly kind: 'noStream' }
  | { readonly kind: 'streamExists' }
  | { readonly kind: 'exact'; readonly revision: bigint };

export type AppendOutcome =
  | {
      readonly kind: 'success';
      /** Undefined when the stream still has no event (an empty append to no stream). */
      readonly currentRevision: bigint | undefined;
      /** Undefined when nothing was written and no event stands for the result. */
      readonly position: LogPosition | undefined;
    }
  | { readonly kind: 'wrongExpectedVersion'; readonly currentRevision: bigint | undefined };

export type ReadFrom<T> = 'start' | 'end' | T;

export type RecordFilter = (record: LogRecord) => boolean;

/** Streams the double writes to on its own, as a real node does (epochs, the `$streams` projection). */
const EPOCHS_STREAM = '$epochs';
const STREAMS_STREAM = '$streams';
/** Bytes a prepare record takes on top of its payload; only its order of magnitude matters. */
const RECORD_OVERHEAD = 96n;

export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** After `position` and at or before every later record: where a read that stopped at `position` goes on. */
export function positionJustAfter(position: LogPosition): LogPosition {
  return { commit: position.commit, prepare: position.prepare + 1n };
}

/**
 * What every read and subscription of `$all` leaves out, filtered or not, as
 * servers since 21.10 do (their `DefaultAllFilter`): the epoch records. The
 * other system streams, `$streams` among them, stay in.
 */
export function isVisibleInAll(record: LogRecord): boolean {
  return record.streamName !== EPOCHS_STREAM;
}

export class DoubleLog {
  private readonly records: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  /** Latest record of each event id per stream: the server's committed-events cache, without its bound. */
  private readonly idsByStream = new Map<string, Map<string, LogRecord>>();
  private nextLogPosition = 0n;
  private epochNumber = 0;
  private readonly listeners = new Set<() => void>();

  get length(): number {
    return this.records.length;
  }

  recordAt(index: number): LogRecord | undefined {
    return this.records[index];
  }

  /** Index of the first record at or after `position`. */
  indexAtOrAfter(position: LogPosition): number {
    let low = 0;
    let high = this.records.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comparePositions(this.records[middle]!.position, position) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Called after every committed transaction, so subscriptions go live without polling. */
  onCommit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A node writes an epoch record each time it becomes leader: a system event in `$all`. */
  writeEpoch(): void {
    const epoch = this.epochNumber++;
    const data = Buffer.from(
      JSON.stringify({ epochNumber: epoch, epochId: randomUUID(), epochPosition: this.nextLogPosition.toString() }),
    );
    this.commit(EPOCHS_STREAM, [
      {
        id: randomUUID(),
        type: '$epoch-information',
        contentType: 'application/json',
        data,
        customMetadata: new Uint8Array(),
      },
    ]);
  }

  append(streamName: string, expected: ExpectedRevision, events: readonly ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length === 0 ? undefined : BigInt(stream.length - 1);
    const wrongExpectedVersion: AppendOutcome = { kind: 'wrongExpectedVersion', currentRevision: current };

    if (expected.kind === 'streamExists' && current === undefined) return wrongExpectedVersion;

    if (expected.kind === 'any' || expected.kind === 'streamExists') {
      // The server looks each id up in this stream: none found is a new write,
      // all found is the earlier write's result, some found is corrupted idempotency.
      const ids = this.idsByStream.get(streamName);
      const found = events.map((event) => ids?.get(event.id));
      if (found[0] === undefined) return this.write(streamName, events, current);
      const last = found[found.length - 1];
      if (last === undefined || found.some((record) => record === undefined)) return wrongExpectedVersion;
      return { kind: 'success', currentRevision: last.revision, position: last.position };
    }

    const expectedRevision = expected.kind === 'noStream' ? -1n : expected.revision;
    const currentRevision = current ?? -1n;
    if (expectedRevision > currentRevision) return wrongExpectedVersion;
    if (expectedRevision === currentRevision) return this.write(streamName, events, current);

    // Behind the stream: a retry of the events already stored right after the
    // expected revision is idempotent; anything else (a partial match included) is a conflict.
    const stored = events.map((event, index) => {
      const record = stream[Number(expectedRevision) + 1 + index];
      return record?.id === event.id ? record : undefined;
    });
    const last = stored[stored.length - 1];
    if (last === undefined || stored.some((record) => record === undefined)) return wrongExpectedVersion;
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }

  readStream(
    streamName: string,
    from: ReadFrom<bigint>,
    direction: 'forwards' | 'backwards',
    count: bigint,
  ): LogRecord[] | undefined {
    const stream = this.streams.get(streamName);
    if (stream === undefined) return undefined;
    const limit = Number(count < BigInt(stream.length) ? count : BigInt(stream.length));
    if (direction === 'forwards') {
      const start =
        from === 'start'
          ? 0
          : from === 'end'
            ? stream.length
            : Number(from < BigInt(stream.length) ? from : BigInt(stream.length));
      return stream.slice(start, start + limit);
    }
    const last =
      from === 'end'
        ? stream.length - 1
        : from === 'start'
          ? 0
          : Number(from < BigInt(stream.length) ? from : BigInt(stream.length - 1));
    return stream.slice(Math.max(0, last + 1 - limit), last + 1).reverse();
  }

  /**
   * Up to `count` records that pass `filter`, however many others lie
   * between. Forwards from a position includes the record at it; backwards
   * reads strictly before it, as the server does.
   */
  readAll(
    from: ReadFrom<LogPosition>,
    direction: 'forwards' | 'backwards',
    count: bigint,
    filter: RecordFilter,
  ): LogRecord[] {
    const result: LogRecord[] = [];
    const take = (record: LogRecord): boolean => {
      if (filter(record)) result.push(record);
      return BigInt(result.length) < count;
    };
    if (direction === 'forwards') {
      const start = from === 'start' ? 0 : from === 'end' ? this.records.length : this.indexAtOrAfter(from);
      for (let index = start; index < this.records.length && count > 0n; index++) {
        if (!take(this.records[index]!)) break;
      }
    } else {
      const end = from === 'end' ? this.records.length : from === 'start' ? 0 : this.indexAtOrAfter(from);
      for (let index = end - 1; index >= 0 && count > 0n; index--) {
        if (!take(this.records[index]!)) break;
      }
    }
    return result;
  }

  private write(streamName: string, events: readonly ProposedEvent[], current: bigint | undefined): AppendOutcome {
    if (events.length === 0) return { kind: 'success', currentRevision: current, position: undefined };
    const last = this.commit(streamName, events);
    if (current === undefined && !streamName.startsWith('$')) {
      // The `$streams` system projection links the first event of every new stream.
      const data = Buffer.from(`0@${streamName}`);
      this.commit(STREAMS_STREAM, [
        {
          id: randomUUID(),
          type: '$>',
          contentType: 'application/octet-stream',
          data,
          customMetadata: new Uint8Array(),
        },
      ]);
    }
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }

  /** One transaction: every record shares the commit position of the transaction's first record. */
  private commit(streamName: string, events: readonly ProposedEvent[]): LogRecord {
    let stream = this.streams.get(streamName);
    if (stream === undefined) {
      stream = [];
      this.streams.set(streamName, stream);
    }
    let ids = this.idsByStream.get(streamName);
    if (ids === undefined) {
      ids = new Map();
      this.idsByStream.set(streamName, ids);
    }
    const commit = this.nextLogPosition;
    const createdTicks = BigInt(Date.now()) * 10_000n;
    let record: LogRecord | undefined;
    for (const event of events) {
      record = {
        streamName,
        revision: BigInt(stream.length),
        id: event.id,
        type: event.type,
        contentType: event.contentType,
        data: event.data,
        customMetadata: event.customMetadata,
        createdTicks,
        position: { commit, prepare: this.nextLogPosition },
      };
      this.nextLogPosition +=
        RECORD_OVERHEAD +
        BigInt(
          Buffer.byteLength(streamName) +
            Buffer.byteLength(event.type) +
            event.data.length +
            event.customMetadata.length,
        );
      stream.push(record);
      ids.set(event.id, record);
      this.records.push(record);
    }
    for (const listener of this.listeners) listener();
    if (record === undefined) throw new Error('A transaction has at least one record');
    return record;
  }
}
