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
}

/** What a checkpoint did, as `PRAGMA wal_checkpoint` reports it. */
export interface CheckpointResult {
  /** 1 when another connection kept it from copying everything. */
  readonly busy: number;
  /** Frames in the WAL. */
  readonly log: number;
  /** Frames copied into the database, in this checkpoint or an earlier one. */
  readonly checkpointed: number;
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
 */
interface Waiter {
  readonly resolve: (result: CheckpointResult) => void;
  readonly reject: (error: Error) => void;
}

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

  private constructor(
    private readonly db: Database.Database,
    private readonly ownThreshold: number,
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
    const checkpointer = new WalCheckpointer(db, ownThreshold, options.onFailure ?? (() => {}));
    db.pragma('wal_autocheckpoint = 0');
    return checkpointer;
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
    for (const waiter of this.current) waiter.resolve(result);
    this.current = this.next;
    this.next = [];
    if (this.current.length > 0) this.start(performance.now());
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
