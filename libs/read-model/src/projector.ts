import { setImmediate as nextTurn } from 'node:timers/promises';
import { type EventStore, type Position, type RecordedEvent, StoreUnavailable } from '@coop/event-store';
import { toFeedEntryView, type WrittenEntry } from './feed.writer.js';
import { Projection } from './projection.js';
import type { Checkpoint, ReadModelDatabase } from './read-model.database.js';
import { ProjectionFailed, ProjectionTimeout, ProjectorNotRunning } from './read-model.errors.js';
import { type ReadModelLogger, silentLogger } from './read-model.logger.js';
import type { FeedEntryView, NotificationView } from './read-model.types.js';
import { notificationView } from './read-model.views.js';

export interface ProjectorOptions {
  readonly logger?: ReadModelLogger;
  /** Most events per transaction during catch-up. */
  readonly maxBatchSize?: number;
  /**
   * About how long applying one batch may take: the event loop waits while it
   * runs. Each batch is sized from the rate of the one before, up to `maxBatchSize`.
   */
  readonly targetBatchSeconds?: number;
  /** Told of each committed batch: its number of events and how long applying and committing it took. */
  readonly onBatchApplied?: (events: number, seconds: number) => void;
}

/**
 * `retrying`: stopped by a failure of its surroundings (a full disk, an I/O
 * error, the store out of reach), it starts again from its checkpoint after a
 * pause. `failed`: stopped by an event it cannot apply, for good.
 */
export type ProjectorStatus = 'idle' | 'running' | 'retrying' | 'stopped' | 'failed';

export interface ProjectorLag {
  /** Last position of the store; null when it is empty. */
  readonly head: Position | null;
  /** Last applied position; null before the first event. */
  readonly position: Position | null;
  readonly caughtUp: boolean;
  /** How long ago the oldest event not yet applied was recorded; 0 when caught up. */
  readonly seconds: number;
  /**
   * How much of the log's history the read model holds, by recording time
   * from the first event to the head: 100 when caught up. Positions are
   * opaque and the store counts nothing cheaply, so time is the measure.
   */
  readonly percent: number;
}

export interface CatchUpProgress {
  /** The read model holds every event the log held when the projector started. */
  readonly done: boolean;
  /** Events applied since the projector started. */
  readonly eventsApplied: number;
  /** Events applied per second since the projector started, or over the catch-up once it is done. */
  readonly eventsPerSecond: number;
}

/** What a committed batch wrote that live subscribers may be waiting for. */
export interface Committed {
  readonly entries: readonly FeedEntryView[];
  /** Each with the view of its entry from `entries`; unread, being new. */
  readonly notifications: readonly NotificationView[];
}

export type CommittedListener = (committed: Committed) => void;

interface Waiter {
  readonly position: Position;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

const DEFAULT_MAX_BATCH_SIZE = 1_000;
/**
 * A batch of a catch-up on a large read model took up to a second at 1,000
 * events (its writes land on pages all over indexes larger than the page
 * cache), so long that a health check with a one-second timeout could fail.
 */
const DEFAULT_TARGET_BATCH_SECONDS = 0.25;
/** The pause before the first retry; it doubles with each failure in a row, up to the maximum. */
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;
/**
 * SQLite's answers when the disk is full, an I/O fails or the file is locked:
 * nothing wrong with the events, and gone once the disk has room again.
 */
const PASSING_SQLITE_ERROR = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|NOMEM)/;

/**
 * Whether `error`, or an error it was caused by, is one that passes by itself.
 * Walked by shape: better-sqlite3's errors may come from another realm's
 * `Error` (Jest loads modules once per test file, the native addon once).
 */
function isPassing(error: unknown): boolean {
  let cause = error;
  // A few links are enough (ProjectionFailed, then SQLite's error); a chain that loops ends here too.
  for (let link = 0; link < 8 && typeof cause === 'object' && cause !== null; link++) {
    if (cause instanceof StoreUnavailable) return true;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && PASSING_SQLITE_ERROR.test(code)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

const IDLE = Symbol('idle');
const STOPPING = Symbol('stopping');

/** Settles on the event loop's next turn: if the source's next event has not come by then, none is ready. */
const idle = (): Promise<typeof IDLE> => nextTurn(IDLE);

/**
 * Follows `$all` from the read model's checkpoint and applies events in
 * batches, each batch and the checkpoint in one transaction. A batch takes
 * every event the subscription has ready without waiting (many during
 * catch-up, one or a few when live), up to `maxBatchSize`, and fewer when
 * the last batch's rate says it would take longer than `targetBatchSeconds`.
 *
 * Between two batches the projector gives the event loop a turn. A store
 * whose reads resolve without I/O (the SQLite adapter's) would otherwise keep
 * the whole catch-up in one run of microtasks: no timer, socket or request of
 * the process would be served until it ended, and each batch's pending
 * `idle` race would keep every event read reachable until then.
 */
export class Projector {
  private readonly logger: ReadModelLogger;
  private readonly maxBatchSize: number;
  private readonly targetBatchSeconds: number;
  /** What the next batch may hold: `maxBatchSize`, less when batches take longer than `targetBatchSeconds`. */
  private batchSize: number;
  private readonly onBatchApplied: (events: number, seconds: number) => void;
  private readonly projection: Projection;
  private readonly listeners = new Set<CommittedListener>();
  private waiters: Waiter[] = [];
  private current: Position | null;
  private state: ProjectorStatus = 'idle';
  private failure: Error | null = null;
  /** Failures in a row since the last commit, for the pause before the next retry. */
  private failuresInARow = 0;
  private loop: Promise<void> | null = null;
  private stopRequested = false;
  /** Ends the wait for a batch's first event when a stop is requested; set only during that wait. */
  private interruptWait: (() => void) | null = null;
  /** The log's last position when the projector started; the catch-up is done once it is applied. */
  private catchUpTarget: Position | null = null;
  private catchUpDone = false;
  private startedAt = 0;
  private doneAt: number | null = null;
  private eventsApplied = 0;
  /** Recording time of the log's first event, for the percentage of `lag()`; it never changes once known. */
  private firstRecordedAt: number | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly database: ReadModelDatabase,
    options: ProjectorOptions = {},
  ) {
    this.logger = options.logger ?? silentLogger;
    this.maxBatchSize = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
    this.targetBatchSeconds = options.targetBatchSeconds ?? DEFAULT_TARGET_BATCH_SECONDS;
    this.batchSize = this.maxBatchSize;
    this.onBatchApplied = options.onBatchApplied ?? (() => {});
    if (!Number.isSafeInteger(this.maxBatchSize) || this.maxBatchSize < 1) {
      throw new RangeError(`Not a batch size: ${this.maxBatchSize}`);
    }
    if (!(this.targetBatchSeconds > 0)) throw new RangeError(`Not a batch duration: ${this.targetBatchSeconds}`);
    this.projection = new Projection(database.db);
    this.current = database.checkpoint().position;
  }

  /** Last applied global position; null before the first event. */
  get position(): Position | null {
    return this.current;
  }

  get status(): ProjectorStatus {
    return this.state;
  }

  /** Why the projector stopped by itself, or why it is retrying. */
  get error(): Error | null {
    return this.failure;
  }

  /** The stored checkpoint with its counters of projected and skipped events. */
  checkpoint(): Checkpoint {
    return this.database.checkpoint();
  }

  start(): void {
    if (this.state !== 'idle') throw new Error(`The projector cannot start: it is ${this.state}`);
    this.state = 'running';
    this.logger.info({ position: this.current, rebuilding: this.database.rebuilding }, 'projector: starting');
    this.loop = this.run();
  }

  /** Finishes the batch in hand, commits it, ends the subscription. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.interruptWait?.();
    if (this.state === 'idle') this.halt('stopped', null);
    await this.loop;
  }

  get catchUp(): CatchUpProgress {
    const seconds = ((this.doneAt ?? performance.now()) - this.startedAt) / 1000;
    return {
      done: this.catchUpDone,
      eventsApplied: this.eventsApplied,
      eventsPerSecond: seconds > 0 ? Math.round(this.eventsApplied / seconds) : 0,
    };
  }

  /**
   * Resolves once the read model holds `position` (read-your-writes after an
   * append); rejects with ProjectionTimeout after `timeoutMs`, or with
   * ProjectorNotRunning when the projector stops first.
   */
  waitFor(position: Position, timeoutMs: number): Promise<void> {
    if (this.current !== null && position <= this.current) return Promise.resolve();
    if (this.state === 'stopped' || this.state === 'failed') {
      return Promise.reject(new ProjectorNotRunning(position, this.failure ?? undefined));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((other) => other !== waiter);
          reject(new ProjectionTimeout(position, timeoutMs));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Calls `listener` after each commit that wrote feed entries, with them and their notifications; returns the unsubscribe. */
  onCommitted(listener: CommittedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async lag(): Promise<ProjectorLag> {
    const position = this.current;
    const [head] = await this.store.readAll({ direction: 'backwards', limit: 1 });
    if (head === undefined || (position !== null && head.position <= position)) {
      return { head: head?.position ?? null, position, caughtUp: true, seconds: 0, percent: 100 };
    }
    // readAll starts at its position inclusive: the checkpoint's own event comes first.
    const next = (
      await this.store.readAll(position === null ? { limit: 1 } : { fromPosition: position, limit: 2 })
    ).find((event) => position === null || event.position > position);
    const since = Date.parse((next ?? head).recordedAt);
    return {
      head: head.position,
      position,
      caughtUp: false,
      seconds: Math.max(0, (Date.now() - since) / 1000),
      percent: await this.percentOfHistory(Date.parse(head.recordedAt)),
    };
  }

  /**
   * Events of the log after the read model's position, counted up to `limit`
   * (the store counts nothing cheaply, so they are read): a catch-up far
   * behind reports the limit.
   */
  async eventsBehind(limit: number): Promise<number> {
    const position = this.current;
    // readAll starts at its position inclusive: the checkpoint's own event is read and left out.
    const events = await this.store.readAll(
      position === null ? { limit } : { fromPosition: position, limit: limit + 1 },
    );
    return events.filter((event) => position === null || event.position > position).length;
  }

  /** Below 100 until caught up, whatever the clock says of the recording times. */
  private async percentOfHistory(headRecordedAt: number): Promise<number> {
    const applied = this.database.checkpoint().recordedAt;
    if (applied === null) return 0;
    if (this.firstRecordedAt === null) {
      const [first] = await this.store.readAll({ limit: 1 });
      if (first === undefined) return 0;
      this.firstRecordedAt = Date.parse(first.recordedAt);
    }
    const span = headRecordedAt - this.firstRecordedAt;
    const share = span > 0 ? (Date.parse(applied) - this.firstRecordedAt) / span : 0;
    return Math.min(99.9, Math.max(0, Math.floor(share * 1000) / 10));
  }

  /** Follows the store until stopped; a passing failure is retried from the checkpoint, any other ends it. */
  private async run(): Promise<void> {
    this.startedAt = performance.now();
    for (;;) {
      try {
        await this.follow();
        this.halt('stopped', null);
        this.logger.info({ position: this.current }, 'projector: stopped at a checkpoint');
        return;
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        const event =
          error instanceof ProjectionFailed
            ? { position: error.position, streamId: error.streamId, type: error.type }
            : {};
        if (!isPassing(failure)) {
          this.halt('failed', failure);
          this.logger.error(
            { err: failure, ...event, checkpoint: this.current },
            'projector: stopped by a failure; the checkpoint stays before the failed batch',
          );
          return;
        }
        const pauseMs = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failuresInARow);
        this.failuresInARow += 1;
        this.state = 'retrying';
        this.failure = failure;
        this.logger.error(
          { err: failure, ...event, checkpoint: this.current, retryInMs: pauseMs },
          'projector: a batch failed; retrying from the checkpoint',
        );
        if ((await this.pause(pauseMs)) === STOPPING) {
          this.halt('stopped', null);
          return;
        }
        this.state = 'running';
      }
    }
  }

  /** Resolves after `ms`, or with STOPPING as soon as a stop is requested. */
  private async pause(ms: number): Promise<void | typeof STOPPING> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await this.unlessStopped(new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))));
    } finally {
      clearTimeout(timer);
    }
  }

  /** Applies the store's events from the checkpoint until stopped or the store's stream ends. */
  private async follow(): Promise<void> {
    let iterator: AsyncIterator<RecordedEvent> | null = null;
    try {
      const [head] = await this.store.readAll({ direction: 'backwards', limit: 1 });
      this.catchUpTarget = head?.position ?? null;
      this.checkCaughtUp();
      const subscription = this.store.subscribeToAll(this.current === null ? {} : { fromPosition: this.current });
      iterator = subscription[Symbol.asyncIterator]();
      let pending: Promise<IteratorResult<RecordedEvent>> | null = null;
      for (;;) {
        pending ??= iterator.next();
        const first = await this.unlessStopped(pending);
        if (first === STOPPING) return;
        pending = null;
        if (first.done === true) return;
        const batch = [first.value];
        const nothingReady = idle();
        let ended = false;
        while (batch.length < this.batchSize) {
          pending = iterator.next();
          const next = await Promise.race([pending, nothingReady]);
          // The pending read is kept: its event opens the next batch.
          if (next === IDLE) break;
          pending = null;
          if (next.done === true) {
            ended = true;
            break;
          }
          batch.push(next.value);
        }
        this.commit(batch);
        if (ended) return;
        // Lets the process serve what waits (requests, timers) and lets this batch's idle race settle,
        // which releases the events it holds.
        await nextTurn();
        const drained = this.database.drained();
        if (drained !== null && (await this.unlessStopped(drained)) === STOPPING) return;
      }
    } finally {
      await iterator?.return?.();
    }
  }

  /**
   * Races the wait with a stop request through a promise made for this wait
   * alone: a race with one promise that lives as long as the projector would
   * keep every race's result, hence an event per batch, until the stop.
   */
  private async unlessStopped<T>(wait: Promise<T>): Promise<T | typeof STOPPING> {
    if (this.stopRequested) return STOPPING;
    const stopped = new Promise<typeof STOPPING>((resolve) => {
      this.interruptWait = () => resolve(STOPPING);
    });
    try {
      return await Promise.race([wait, stopped]);
    } finally {
      this.interruptWait = null;
    }
  }

  private checkCaughtUp(): void {
    if (this.catchUpDone) return;
    const target = this.catchUpTarget;
    if (target !== null && (this.current === null || this.current < target)) return;
    this.catchUpDone = true;
    this.doneAt = performance.now();
    this.logger.info({ position: this.current, ...this.catchUp }, 'projector: caught up');
  }

  private commit(batch: readonly RecordedEvent[]): void {
    const started = performance.now();
    const applied = this.projection.apply(batch);
    this.database.committed();
    const seconds = (performance.now() - started) / 1000;
    this.onBatchApplied(batch.length, seconds);
    this.batchSize = Math.max(
      1,
      Math.min(this.maxBatchSize, Math.floor((batch.length * this.targetBatchSeconds) / Math.max(seconds, 1e-6))),
    );
    this.current = applied.position;
    this.failuresInARow = 0;
    this.failure = null;
    this.eventsApplied += batch.length;
    this.checkCaughtUp();
    if (applied.skipped > 0) {
      this.logger.warn(
        { skipped: applied.skipped, position: applied.position },
        'projector: skipped events of unknown types',
      );
    }
    this.resolveWaiters();
    // A notification always comes with its entry: a batch without entries has neither.
    if (this.listeners.size === 0 || applied.entries.length === 0) return;
    const views = new Map<WrittenEntry, FeedEntryView>();
    const entries = applied.entries.map((written) => {
      const view = toFeedEntryView(written);
      views.set(written, view);
      return view;
    });
    const notifications = applied.notifications.flatMap((written) => {
      const entry = views.get(written.entry);
      return entry === undefined ? [] : [notificationView(written, entry, null)];
    });
    const committed: Committed = { entries, notifications };
    for (const listener of this.listeners) {
      try {
        listener(committed);
      } catch (error) {
        this.logger.error({ err: error, position: applied.position }, 'projector: a commit listener failed');
      }
    }
  }

  private resolveWaiters(): void {
    const position = this.current;
    if (position === null) return;
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position > position) return true;
      clearTimeout(waiter.timer);
      waiter.resolve();
      return false;
    });
  }

  private halt(status: 'stopped' | 'failed', failure: Error | null): void {
    this.state = status;
    this.failure = failure;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new ProjectorNotRunning(waiter.position, failure ?? undefined));
    }
    this.waiters = [];
  }
}
