import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The file whose SQLite lock is the data directory's. */
export const DATA_DIRECTORY_LOCK_FILE = 'data-directory.lock';
/** Who holds the lock, written once it is taken: read only while it is held, so never stale. */
const HOLDER_FILE = 'data-directory.lock.holder';

interface Holder {
  readonly pid: number;
  readonly purpose: string;
  readonly since: string;
}

/** Another process (a service, a rebuild, a demo recording) holds the data directory. */
export class DataDirectoryInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Holder | null,
  ) {
    const by = holder === null ? 'another process' : `${holder.purpose} (pid ${holder.pid}, since ${holder.since})`;
    super(`DATA_DIR ${dataDir} is in use by ${by}`);
    this.name = 'DataDirectoryInUse';
  }
}

/**
 * One process at a time owns a data directory: its read model has one writer,
 * and the embedded store wakes only the subscribers of the process that
 * appends. The lock is SQLite's own exclusive lock on a file of the
 * directory, held by an open connection: the operating system lets go of it
 * when the process ends, however it ends, so a crash never leaves a stale lock.
 */
export class DataDirectoryLock {
  private constructor(
    private readonly db: Database.Database,
    private readonly holderFile: string,
  ) {}

  /** Takes the lock at once or throws `DataDirectoryInUse`; `purpose` names the holder in that message. */
  static acquire(dataDir: string, purpose: string): DataDirectoryLock {
    const db = new Database(join(dataDir, DATA_DIRECTORY_LOCK_FILE), { timeout: 0 });
    try {
      // Exclusive locking mode keeps the lock of the first write transaction until the connection closes.
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = MEMORY');
      db.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (error) {
      db.close();
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
        throw new DataDirectoryInUse(dataDir, readHolder(join(dataDir, HOLDER_FILE)));
      }
      throw error;
    }
    const holderFile = join(dataDir, HOLDER_FILE);
    const holder: Holder = { pid: process.pid, purpose, since: new Date().toISOString() };
    writeFileSync(holderFile, `${JSON.stringify(holder)}\n`);
    return new DataDirectoryLock(db, holderFile);
  }

  release(): void {
    if (!this.db.open) return;
    rmSync(this.holderFile, { force: true });
    this.db.close();
  }
}

function readHolder(file: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.purpose === 'string' && typeof holder.since === 'string'
      ? { pid: holder.pid, purpose: holder.purpose, since: holder.since }
      : null;
  } catch {
    return null;
  }
}
