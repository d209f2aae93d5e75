import { realpathSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type ValidatedEvent, resolveLimits, validateAppend } from '../append-validation.js';
import { InvalidAppend, StoreClosed, StoreUnavailable, VersionConflict } from '../event-store.errors.js';
import type {
  AppendResult,
  EventStore,
  EventStoreOptions,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreLimits,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import { validateStreamPrefixes } from '../stream-prefixes.js';
import { decodePosition, encodePosition } from './sqlite-position.js';
import { SqliteSubscription, type SubscriptionSource } from './sqlite-subscription.js';
import { WalCheckpointer, type WalCheckpointerOptions } from './wal-checkpointer.js';

/** Two processes on one file wait for each other's write lock this long before giving up. */
const BUSY_TIMEOUT_MS = 10_000;
/** How often a live subscription looks for commits made by other processes. */
const FOREIGN_COMMIT_POLL_MS = 50;

// The rowid is the global position: SQLite hands out max(rowid)+1 under the
// write lock and rows are never deleted, so positions grow in commit order
// across every connection and process. UNIQUE(event_id) makes ids unique
// across the store and turns id reuse into a constraint error, which keeps the
// common append free of an id lookup.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY,
    stream_id   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    event_id    TEXT    NOT NULL UNIQUE,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    UNIQUE (stream_id, version)
  ) STRICT;
`;

const COLUMNS = 'position, stream_id, version, event_id, type, data, metadata, recorded_at';
const NOT_SYSTEM = "substr(type, 1, 1) <> '$'";

interface EventRow {
  position: number;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

interface LogRow extends EventRow {
  /** 1 when the row is in one of the store's own streams (see `ownStreamSql`). */
  own: number;
}

export interface SqliteEventStoreOptions extends EventStoreOptions {
  /**
   * When given, a thread of its own checkpoints the WAL (WalCheckpointer), so
   * that no append waits while a checkpoint copies megabytes; the service
   * gives it, tests that open hundreds of stores need not.
   */
  readonly backgroundCheckpoints?: WalCheckpointerOptions;
}

/** Live stores per database file, so that a commit wakes subscribers of every instance in this process. */
const storesByFile = new Map<string, Set<SqliteEventStore>>();

/**
 * The embedded event store: one SQLite file in WAL mode.
 *
 * Durability: `synchronous=NORMAL`. In WAL mode a commit has written its
 * frames to the WAL file (in the OS page cache) before it returns, so every
 * acknowledged append survives the process being killed; only an OS crash or
 * power loss before the next checkpoint could lose the latest commits. FULL
 * would add an fsync per append, several times slower, to cover that case.
 */
export class SqliteEventStore implements EventStore, SubscriptionSource {
  private readonly db: Database.Database;
  private readonly checkpointer: WalCheckpointer | null;
  private readonly limits: Required<StoreLimits>;
  private readonly fileKey: string;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly clock = new IsoClock();
  private foreignCommitTimer: NodeJS.Timeout | undefined;
  private lastDataVersion = 0;
  private closed = false;

  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;
  private readonly streamVersion: Database.Statement<[string], number | null>;
  private readonly insert: Database.Statement<[string, number, string, string, string, string, string]>;
  private readonly eventIdsFrom: Database.Statement<[string, number, number], { event_id: string; position: number }>;
  private readonly versionOfEvent: Database.Statement<[string, string, number], number>;
  private readonly streamForwards: Database.Statement<[string, number, number], EventRow>;
  private readonly streamBackwards: Database.Statement<[string, number, number], EventRow>;
  private readonly allForwards: Database.Statement<[number, number], EventRow>;
  private readonly allBackwards: Database.Statement<[number, number], EventRow>;
  /** Every row, own streams or not, so that a subscription reads past other streams' rows once. */
  private readonly logAfter: Database.Statement<[number, number], LogRow>;
  private readonly dataVersion: Database.Statement<[], number>;
  private readonly select1: Database.Statement<[], number>;

  constructor(file: string, options: SqliteEventStoreOptions = {}) {
    this.limits = resolveLimits(options.limits);
    const own = ownStreamSql(validateStreamPrefixes(options.streamPrefixes));
    try {
      this.db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(SCHEMA);
    } catch (error) {
      throw new StoreUnavailable(`Cannot open the event store at ${file}`, error);
    }
    const db = this.db;
    this.checkpointer = options.backgroundCheckpoints ? WalCheckpointer.start(db, options.backgroundCheckpoints) : null;
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.streamVersion = db
      .prepare<[string], number | null>('SELECT max(version) FROM events WHERE stream_id = ?')
      .pluck();
    this.insert = db.prepare(
      'INSERT INTO events (stream_id, version, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.eventIdsFrom = db.prepare(
      'SELECT event_id, position FROM events WHERE stream_id = ? AND version >= ? ORDER BY version LIMIT ?',
    );
    this.versionOfEvent = db
      .prepare<[string, string, number], number>(
        'SELECT version FROM events WHERE event_id = ? AND stream_id = ? AND version <= ?',
      )
      .pluck();
    this.streamForwards = db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND version >= ? ORDER BY version LIMIT ?`,
    );
    this.streamBackwards = db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND version <= ? ORDER BY version DESC LIMIT ?`,
    );
    this.allForwards = db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE position >= ? AND ${NOT_SYSTEM} AND ${own} ORDER BY position LIMIT ?`,
    );
    this.allBackwards = db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE position <= ? AND ${NOT_SYSTEM} AND ${own} ORDER BY position DESC LIMIT ?`,
    );
    this.logAfter = db.prepare(
      `SELECT ${COLUMNS}, ${own} AS own FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    );
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.select1 = db.prepare<[], number>('SELECT 1').pluck();

    this.fileKey = realpathSync(file);
    let stores = storesByFile.get(this.fileKey);
    if (stores === undefined) {
      stores = new Set();
      storesByFile.set(this.fileKey, stores);
    }
    stores.add(this);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedVersion?: ExpectedVersion } = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedVersion ?? 'any';
    const { events: validated } = validateAppend(streamId, events, expected, this.limits);
    const drained = this.checkpointer?.drained();
    if (drained) {
      await drained;
      this.assertOpen();
    }
    const { result, written } = this.write(streamId, validated, expected);
    if (written) this.wakeSubscribersOfFile();
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = sqlLimit(options.limit);
    const rows =
      options.direction === 'backwards'
        ? this.streamBackwards.all(streamId, options.from ?? Number.MAX_SAFE_INTEGER, limit)
        : this.streamForwards.all(streamId, options.from ?? 1, limit);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = sqlLimit(options.limit);
    const from = options.fromPosition === undefined ? undefined : decodePosition(options.fromPosition);
    const rows =
      options.direction === 'backwards'
        ? this.allBackwards.all(from ?? Number.MAX_SAFE_INTEGER, limit)
        : this.allForwards.all(from ?? 0, limit);
    return rows.map(toRecordedEvent);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const after = options.fromPosition === undefined ? 0 : decodePosition(options.fromPosition);
    // Registered when iteration starts, so an iterable that is never iterated holds nothing.
    return {
      [Symbol.asyncIterator]: () => {
        this.assertOpen();
        const subscription = new SqliteSubscription(this, after);
        this.subscriptions.add(subscription);
        if (this.subscriptions.size === 1) this.watchForeignCommits();
        return subscription;
      },
    };
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.select1.get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const subscription of this.subscriptions) subscription.end();
    this.subscriptions.clear();
    this.stopWatchingForeignCommits();
    const stores = storesByFile.get(this.fileKey);
    stores?.delete(this);
    if (stores?.size === 0) storesByFile.delete(this.fileKey);
    await this.checkpointer?.close();
    this.db.close();
  }

  /** Live subscriptions of this instance (for metrics, and to check that ending an iteration releases it). */
  get liveSubscriptions(): number {
    return this.subscriptions.size;
  }

  /** @internal SubscriptionSource */
  readAfter(sequence: number, limit: number): { events: RecordedEvent[]; lastSequence: number; exhausted: boolean } {
    const rows = this.logAfter.all(sequence, limit);
    const events: RecordedEvent[] = [];
    for (const row of rows) {
      if (row.own === 1 && !row.type.startsWith('$')) events.push(toRecordedEvent(row));
    }
    const last = rows[rows.length - 1];
    return { events, lastSequence: last === undefined ? sequence : last.position, exhausted: rows.length < limit };
  }

  /** @internal SubscriptionSource */
  release(subscription: SqliteSubscription): void {
    this.subscriptions.delete(subscription);
    if (this.subscriptions.size === 0) this.stopWatchingForeignCommits();
  }

  /** One `BEGIN IMMEDIATE` transaction: the write lock is taken before the version is read. */
  private write(
    streamId: string,
    events: ValidatedEvent[],
    expected: ExpectedVersion,
  ): { result: AppendResult; written: boolean } {
    try {
      this.rollBackIfOpen();
      this.begin.run();
      const outcome = this.writeInTransaction(streamId, events, expected);
      (outcome.written ? this.commit : this.rollback).run();
      if (outcome.written) this.checkpointer?.committed();
      return outcome;
    } catch (error) {
      this.rollBackIfOpen();
      throw translateError(error);
    }
  }

  /**
   * After a failed statement or COMMIT (a full disk, an I/O error) SQLite may
   * have rolled the transaction back itself, or left it open; one left open
   * would make every later BEGIN fail, long after the disk has room again. A
   * ROLLBACK that fails too must not hide the first error: the next write
   * tries again before it begins.
   */
  private rollBackIfOpen(): void {
    if (!this.db.inTransaction) return;
    try {
      this.rollback.run();
    } catch {
      // Still open: the next write's own call rolls it back.
    }
  }

  private writeInTransaction(
    streamId: string,
    events: ValidatedEvent[],
    expected: ExpectedVersion,
  ): { result: AppendResult; written: boolean } {
    const current = this.streamVersion.get(streamId) ?? 0;
    const exact = expected === 'noStream' ? 0 : typeof expected === 'number' ? expected : undefined;
    if (exact !== undefined && current !== exact) {
      const original = this.originalResult(streamId, exact + 1, events);
      if (original === undefined) throw new VersionConflict(streamId, expected, current);
      return { result: original, written: false };
    }
    if (expected === 'streamExists' && current === 0) throw new VersionConflict(streamId, expected, current);

    const recordedAt = this.clock.now();
    let position = 0;
    try {
      for (let i = 0; i < events.length; i += 1) {
        const event = events[i] as ValidatedEvent;
        const row = this.insert.run(
          streamId,
          current + i + 1,
          event.id,
          event.type,
          event.dataJson,
          event.metadataJson,
          recordedAt,
        );
        position = Number(row.lastInsertRowid);
      }
    } catch (error) {
      if (!isEventIdTaken(error)) throw error;
      // Only now is it worth looking for the ids: an exact version that holds
      // leaves no place for them, `any` and `streamExists` look where the
      // first id stands. Rows above `current` are this append's own inserts,
      // which the rollback undoes; if the first id is among the stored ones,
      // its insert was the one that failed and nothing was inserted.
      const firstId = (events[0] as ValidatedEvent).id;
      const firstVersion = exact === undefined ? this.versionOfEvent.get(firstId, streamId, current) : undefined;
      if (firstVersion === undefined)
        throw new InvalidAppend(`An event id of the append to ${streamId} is already stored`);
      const original = this.originalResult(streamId, firstVersion, events);
      if (original === undefined) throw new VersionConflict(streamId, expected, current);
      return { result: original, written: false };
    }
    return { result: { nextVersion: current + events.length, position: encodePosition(position) }, written: true };
  }

  /** The result of the earlier append of exactly these ids from `version` on, if they stand there. */
  private originalResult(streamId: string, version: number, events: ValidatedEvent[]): AppendResult | undefined {
    const stored = this.eventIdsFrom.all(streamId, version, events.length);
    if (stored.length !== events.length) return undefined;
    for (let i = 0; i < events.length; i += 1) {
      if (stored[i]?.event_id !== events[i]?.id) return undefined;
    }
    const last = stored[stored.length - 1] as { position: number };
    return { nextVersion: version + events.length - 1, position: encodePosition(last.position) };
  }

  private wakeSubscribersOfFile(): void {
    const stores = storesByFile.get(this.fileKey);
    if (stores === undefined) return;
    for (const store of stores) {
      for (const subscription of store.subscriptions) subscription.wake();
    }
  }

  /**
   * Commits by other processes wake nobody, so while subscriptions are live a
   * timer compares `PRAGMA data_version`, which changes only when another
   * connection has committed: one cheap pragma per tick, no read of the log.
   */
  private watchForeignCommits(): void {
    this.lastDataVersion = this.dataVersion.get() as number;
    this.foreignCommitTimer = setInterval(() => {
      const version = this.dataVersion.get() as number;
      if (version === this.lastDataVersion) return;
      this.lastDataVersion = version;
      for (const subscription of this.subscriptions) subscription.wake();
    }, FOREIGN_COMMIT_POLL_MS);
  }

  private stopWatchingForeignCommits(): void {
    clearInterval(this.foreignCommitTimer);
    this.foreignCommitTimer = undefined;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosed();
  }
}

/**
 * SQL true for a row of one of the store's own streams. The prefixes are
 * fixed for the store's life, so they go into the statements as quoted
 * literals; `instr` compares case-sensitively, as EventStoreDB's filter does.
 */
function ownStreamSql(prefixes: readonly string[] | undefined): string {
  if (prefixes === undefined) return '1';
  return `(${prefixes.map((prefix) => `instr(stream_id, '${prefix.replaceAll("'", "''")}') = 1`).join(' OR ')})`;
}

/** `new Date().toISOString()`, formatted once per millisecond: at thousands of appends a second it showed in profiles. */
class IsoClock {
  private millis = Number.NaN;
  private iso = '';

  now(): string {
    const millis = Date.now();
    if (millis !== this.millis) {
      this.millis = millis;
      this.iso = new Date(millis).toISOString();
    }
    return this.iso;
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    position: encodePosition(row.position),
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
  };
}

/** SQLite reads a negative LIMIT as "no limit". */
function sqlLimit(limit: number | undefined): number {
  if (limit === undefined) return -1;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`Not a read limit: ${limit}`);
  return limit;
}

/**
 * Recognised by shape rather than `instanceof`: the native addon keeps the
 * `SqliteError` class (and with it the realm's `Error`) of the first copy of
 * better-sqlite3 loaded in the process, which is not the one in scope
 * wherever modules load more than once (Jest gives each test file its own).
 */
function sqliteError(error: unknown): { code: string; message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && code.startsWith('SQLITE_') ? { code, message: String(message) } : undefined;
}

function isEventIdTaken(error: unknown): boolean {
  const sqlite = sqliteError(error);
  return sqlite?.code === 'SQLITE_CONSTRAINT_UNIQUE' && sqlite.message.includes('events.event_id');
}

function translateError(error: unknown): unknown {
  const sqlite = sqliteError(error);
  return sqlite === undefined ? error : new StoreUnavailable(`The event store failed: ${sqlite.message}`, error);
}
