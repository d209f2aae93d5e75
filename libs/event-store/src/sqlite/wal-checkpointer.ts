import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * The least time between the starts of two checkpoints: a page written by
 * many commits in a row is copied once per checkpoint, not once per commit.
 * Under the mutation benchmark, checkpoints every 100 ms re-copied the same
 * hot pages so often that they cost throughput; every second they do not.
 */
const MIN_INTERVAL_MS = 1_000;

/**
 * The worker's whole program, as CommonJS source evaluated by the worker
 * itself: it needs no build step or module loader of its own, whatever runs
 * the process (the compiled service, tsx, Jest). It answers every message
 * but the last with what the checkpoint did, or with the error it met; one
 * that cannot open the database says why and ends.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { fileMustExist: true });
} catch (error) {
  parentPort.postMessage({ error: String(error) });
  parentPort.close();
}
if (db) parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ result });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;

export interface WalCheckpointerOptions {
  /** Told when the worker fails; the connection then checkpoints by itself again, as SQLite does by default. */
  readonly onFailure?: (error: Error) => void;
  /** Frames the WAL may hold before the writers wait for it to be copied (`drained`); 16,384 (64 MB of 4 KB pages). */
  readonly maxWalFrames?: number;
}

const DEFAULT_MAX_WAL_FRAMES = 16_384;

/** What a checkpoint did, as `PRAGMA wal_checkpoint` reports it. */
export interface CheckpointResult {
  /** 1 when another connection kept it from copying everything. */
  readonly busy: number;
  /** Frames in the WAL. */
  readonly log: number;
  /** Frames copied into the database, in this checkpoint or an earlier one. */
  readonly checkpointed: number;
}

interface Waiter {
  readonly resolve: (result: CheckpointResult) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Copies a WAL database's committed pages back into its file on a thread of
 * its own, with a connection of its own. SQLite otherwise checkpoints inside
 * the commit that crosses its threshold, on the thread that committed: the
 * event loop then stops while megabytes are copied, and every request waiting
 * on it pays (the mutation's p99, a catch-up's longest stall). A PASSIVE
 * checkpoint never blocks the writer or the readers; the writer restarts the
 * WAL from its beginning once a checkpoint has copied all of it, so the file
 * stays about the size of what is written between two checkpoints.
 *
 * Unless the writer never pauses: a checkpoint that copies while commits keep
 * coming never catches up with them, and the WAL is never restarted. A
 * catch-up of a million events grew the read model's WAL to ten gigabytes in
 * two minutes, ten times the read model itself. So once a checkpoint
 * finds more than `maxWalFrames` frames written since the WAL last restarted,
 * `drained` holds the writers until the next checkpoint has run; that one
 * copies everything, nothing being written, and the next commit restarts the
 * WAL.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private running = false;
  private lastStartedAt = -Infinity;
  private failure: Error | null = null;
  private closing = false;
  /** Waiting for the running checkpoint. */
  private current: Waiter[] = [];
  /** Waiting for one that starts after the running one, to cover commits it may have missed. */
  private next: Waiter[] = [];
  /** While the writers wait for the WAL to be copied: what they wait on, and what lets them go. */
  private gate: { readonly drained: Promise<void>; readonly open: () => void } | null = null;

  private constructor(
    private readonly db: Database.Database,
    private readonly ownThreshold: number,
    private readonly maxWalFrames: number,
    private readonly onFailure: (error: Error) => void,
  ) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: db.name } });
    // The thread never keeps the process alive by itself.
    this.worker.unref();
    this.worker.on('message', (message: { result?: CheckpointResult; error?: string }) => this.finished(message));
    // What the thread threw comes across as a copy, not always an Error of this realm.
    this.worker.on('error', (error: unknown) =>
      this.fail(new Error(`The WAL checkpointer thread failed: ${messageOf(error)}`, { cause: error })),
    );
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        if (!this.closing) this.fail(new Error('The WAL checkpointer thread ended'));
        resolve();
      });
    });
  }

  /** Takes over `db`'s checkpoints: the connection no longer checkpoints in its commits. */
  static start(db: Database.Database, options: WalCheckpointerOptions = {}): WalCheckpointer {
    const ownThreshold = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    const maxWalFrames = options.maxWalFrames ?? DEFAULT_MAX_WAL_FRAMES;
    if (!Number.isSafeInteger(maxWalFrames) || maxWalFrames < 1)
      throw new RangeError(`Not a WAL size: ${maxWalFrames}`);
    const checkpointer = new WalCheckpointer(db, ownThreshold, maxWalFrames, options.onFailure ?? (() => {}));
    db.pragma('wal_autocheckpoint = 0');
    // A WAL that outgrew the limit is cut back to it when it restarts, not left at its largest.
    const pageBytes = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`journal_size_limit = ${maxWalFrames * pageBytes}`);
    return checkpointer;
  }

  /**
   * Null while the WAL is within its limit. Otherwise a promise that settles
   * once a checkpoint has run while the writers waited on it (however much it
   * could copy: a writer in another process or a reader's old snapshot may
   * hold frames back, and no writer here may wait for ever). Every writer of
   * the connection awaits it before it writes.
   */
  drained(): Promise<void> | null {
    return this.gate?.drained ?? null;
  }

  /** After a commit: starts a checkpoint unless one is running or one started less than MIN_INTERVAL_MS ago. */
  committed(): void {
    if (this.running || this.failure !== null || this.closing) return;
    const now = performance.now();
    if (now - this.lastStartedAt >= MIN_INTERVAL_MS) this.start(now);
  }

  /** A checkpoint of everything committed so far, whatever the interval; what it did. */
  checkpoint(): Promise<CheckpointResult> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      if (this.running) {
        this.next.push({ resolve, reject });
        return;
      }
      this.current.push({ resolve, reject });
      this.start(performance.now());
    });
  }

  /** Closes the thread's connection and ends the thread; the database's own connection is the caller's. */
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = true;
      // Waited for now: the process must not end before the thread has closed its connection.
      this.worker.ref();
      this.worker.postMessage('close');
      this.gate?.open();
    }
    return this.exited;
  }

  private start(now: number): void {
    this.running = true;
    this.lastStartedAt = now;
    this.worker.postMessage('checkpoint');
  }

  private finished({ result, error }: { result?: CheckpointResult; error?: string }): void {
    this.running = false;
    if (result === undefined) {
      this.fail(new Error(`The WAL checkpointer thread failed: ${error ?? 'no result'}`));
      return;
    }
    // The gate's own checkpoint reports the WAL as it was before the next commit restarts it.
    const heldWriters = this.gate !== null && this.current.some((waiter) => waiter.resolve === this.gate?.open);
    for (const waiter of this.current) waiter.resolve(result);
    this.current = this.next;
    this.next = [];
    // `log` counts the frames since the WAL last restarted: over the limit, the writers never let it.
    if (!heldWriters && this.gate === null && !this.closing && result.log > this.maxWalFrames) this.holdWriters();
    if (this.current.length > 0) this.start(performance.now());
  }

  /** Closes the gate until the next checkpoint, which starts at once, has run. */
  private holdWriters(): void {
    let open = () => {};
    const drained = new Promise<void>((resolve) => {
      open = () => {
        if (this.gate?.drained === drained) this.gate = null;
        resolve();
      };
    });
    this.gate = { drained, open };
    this.current.push({ resolve: open, reject: open });
  }

  private fail(error: Error): void {
    if (this.failure !== null) return;
    this.failure = error;
    this.running = false;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${this.ownThreshold}`);
    for (const waiter of [...this.current, ...this.next]) waiter.reject(error);
    this.current = [];
    this.next = [];
    this.onFailure(error);
  }
}

const messageOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
