import { WalCheckpointer, type WalCheckpointerOptions } from '@coop/event-store';
import Database from 'better-sqlite3';
import { PROJECTION_VERSION, READ_MODEL_SCHEMA } from './read-model.schema.js';
import { type ReadModelLogger, silentLogger } from './read-model.logger.js';

export interface Checkpoint {
  /** Last applied global position; null before the first event. */
  readonly position: string | null;
  /** When the store recorded that event (for the lag figure). */
  readonly recordedAt: string | null;
  /** Events the projection knew and applied. */
  readonly eventsProjected: number;
  /** Events of unknown types: recorded in the audit trail only. */
  readonly eventsSkipped: number;
}

interface CheckpointRow {
  position: string | null;
  recorded_at: string | null;
  events_projected: number;
  events_skipped: number;
}

/**
 * The read model's own SQLite file, one connection shared by the projector
 * (writes, in transactions) and the queries (synchronous reads between them,
 * so they only ever see whole batches); in the service, a second one on a
 * thread of its own only checkpoints the WAL.
 */
export class ReadModelDatabase {
  /** True when the file was new or built by another projection version, and was emptied for a rebuild. */
  readonly rebuilding: boolean;
  private readonly readCheckpoint: Database.Statement<[], CheckpointRow>;

  private constructor(
    readonly db: Database.Database,
    rebuilding: boolean,
    private readonly checkpointer: WalCheckpointer | null,
  ) {
    this.rebuilding = rebuilding;
    this.readCheckpoint = db.prepare<[], CheckpointRow>(
      'SELECT position, recorded_at, events_projected, events_skipped FROM checkpoint WHERE id = 1',
    );
  }

  static open(
    file: string,
    options: {
      readonly logger?: ReadModelLogger;
      readonly projectionVersion?: number;
      /** When given, a thread of its own checkpoints the WAL, and a batch's commit never waits for it. */
      readonly backgroundCheckpoints?: WalCheckpointerOptions;
    } = {},
  ) {
    const logger = options.logger ?? silentLogger;
    const version = options.projectionVersion ?? PROJECTION_VERSION;
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      // The read model is rebuilt from the log, so a commit lost to an OS crash costs only re-applying it.
      db.pragma('synchronous = NORMAL');
      db.pragma('cache_size = -65536');
      db.pragma('temp_store = MEMORY');
      // A catch-up writes tens of megabytes; checkpointing the WAL every 4 MB (the default) made it several times slower.
      db.pragma('wal_autocheckpoint = 16384');
      const stored = storedVersion(db);
      const rebuilding = stored !== version;
      if (rebuilding) {
        logger.info(
          { file, storedVersion: stored, projectionVersion: version },
          'read model: rebuilding from the start of the log',
        );
        db.transaction(() => {
          dropEverything(db);
          db.exec(READ_MODEL_SCHEMA);
          db.prepare("INSERT INTO meta (key, value) VALUES ('projection_version', ?)").run(String(version));
        }).immediate();
      }
      const checkpointer = options.backgroundCheckpoints
        ? WalCheckpointer.start(db, options.backgroundCheckpoints)
        : null;
      return new ReadModelDatabase(db, rebuilding, checkpointer);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  checkpoint(): Checkpoint {
    const row = this.readCheckpoint.get();
    if (row === undefined) throw new Error('The read model has no checkpoint row');
    return {
      position: row.position,
      recordedAt: row.recorded_at,
      eventsProjected: row.events_projected,
      eventsSkipped: row.events_skipped,
    };
  }

  /** After each commit: lets the background checkpointer, if any, copy what it wrote. */
  committed(): void {
    this.checkpointer?.committed();
  }

  /** What the writer awaits before its next commit while the WAL is over its limit (WalCheckpointer.drained). */
  drained(): Promise<void> | null {
    return this.checkpointer?.drained() ?? null;
  }

  /** The checkpointer's connection first, so that this one, the last, checkpoints everything and removes the WAL. */
  async close(): Promise<void> {
    await this.checkpointer?.close();
    if (this.db.open) this.db.close();
  }
}

function storedVersion(db: Database.Database): number | null {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get() !== undefined;
  if (!hasMeta) return null;
  const value = db.prepare<[], string>("SELECT value FROM meta WHERE key = 'projection_version'").pluck().get();
  return value === undefined ? null : Number(value);
}

/** Virtual tables first: dropping one drops its shadow tables, which cannot be dropped on their own. */
function dropEverything(db: Database.Database): void {
  const tables = db
    .prepare<[], { name: string; virtual: number }>(
      "SELECT name, sql LIKE 'CREATE VIRTUAL TABLE%' AS virtual FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY virtual DESC",
    )
    .all();
  for (const { name } of tables) db.exec(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`);
}
