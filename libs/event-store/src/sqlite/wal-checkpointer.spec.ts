import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WalCheckpointer } from './wal-checkpointer.js';

const PAGE = 4096;
const ROWS = 256;

describe('WalCheckpointer', () => {
  let dir: string;
  let file: string;
  let db: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'));
    file = join(dir, 'db.sqlite');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE pages (body BLOB NOT NULL)');
  });

  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A page's worth of data per row, in one commit. */
  const writeRows = () => {
    const insert = db.prepare('INSERT INTO pages (body) VALUES (?)');
    db.transaction(() => {
      for (let row = 0; row < ROWS; row++) insert.run(Buffer.alloc(PAGE, row));
    })();
  };
  const fileBytes = () => statSync(file).size;

  it('takes the checkpoints out of the connection’s commits and copies what they wrote on its own thread', async () => {
    const checkpointer = WalCheckpointer.start(db);
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      writeRows();
      // Still all in the WAL: the commit did not copy anything into the file.
      expect(fileBytes()).toBeLessThan(ROWS * PAGE);

      checkpointer.committed();
      const deadline = Date.now() + 10_000;
      while (fileBytes() < ROWS * PAGE && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(fileBytes()).toBeGreaterThanOrEqual(ROWS * PAGE);

      writeRows();
      const result = await checkpointer.checkpoint();
      expect(result.busy).toBe(0);
      expect(result.checkpointed).toBe(result.log);
      expect(fileBytes()).toBeGreaterThanOrEqual(2 * ROWS * PAGE);
    } finally {
      await checkpointer.close();
    }
    expect(db.prepare('SELECT count(*) FROM pages').pluck().get()).toBe(2 * ROWS);
  });

  it('gives the checkpoints back to the connection when its thread cannot open the database', async () => {
    const failures: Error[] = [];
    // The connection keeps its open file; a new one finds nothing there.
    unlinkSync(file);
    const checkpointer = WalCheckpointer.start(db, { onFailure: (error) => failures.push(error) });
    await expect(checkpointer.checkpoint()).rejects.toThrow(
      /^The WAL checkpointer thread failed: .*unable to open database file/,
    );
    expect(failures).toHaveLength(1);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await expect(checkpointer.checkpoint()).rejects.toBe(failures[0]);
    await checkpointer.close();
  });

  it('keeps a process that waits for its close alive until the thread has closed its connection', () => {
    db.close();
    const other = join(dir, 'other.sqlite');
    const writer = join(import.meta.dirname, 'testing', 'checkpointed-writer.process.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', writer, other], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: 'closed\n' });
    // The last connection to close folded the WAL into the file and removed it.
    expect(existsSync(`${other}-wal`)).toBe(false);
    const reopened = new Database(other, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(1_000);
    reopened.close();
  });

  it('holds the writers once the WAL has outgrown its limit, until a checkpoint has copied it, so that it restarts', async () => {
    const checkpointer = WalCheckpointer.start(db, { maxWalFrames: ROWS / 2 });
    try {
      expect(db.pragma('journal_size_limit', { simple: true })).toBe((ROWS / 2) * PAGE);
      expect(checkpointer.drained()).toBeNull();
      // Commits that never pause, as a catch-up's: the WAL is never restarted by itself.
      writeRows();
      const first = await checkpointer.checkpoint();
      expect(first.log).toBeGreaterThan(ROWS / 2);
      const drained = checkpointer.drained();
      expect(drained).not.toBeNull();
      await drained;
      expect(checkpointer.drained()).toBeNull();
      // The next commit starts the WAL over: it holds that commit's frames alone.
      writeRows();
      const after = await checkpointer.checkpoint();
      expect(after.log).toBeLessThan(first.log + ROWS / 2);
    } finally {
      await checkpointer.close();
    }
    expect(db.prepare('SELECT count(*) FROM pages').pluck().get()).toBe(2 * ROWS);
  });

  it('does not hold the writers while the WAL is within its limit', async () => {
    const checkpointer = WalCheckpointer.start(db, { maxWalFrames: 4 * ROWS });
    try {
      writeRows();
      const result = await checkpointer.checkpoint();
      expect(result.log).toBeLessThan(4 * ROWS);
      expect(checkpointer.drained()).toBeNull();
    } finally {
      await checkpointer.close();
    }
  });

  it('lets held writers go when it closes', async () => {
    const checkpointer = WalCheckpointer.start(db, { maxWalFrames: 1 });
    writeRows();
    await checkpointer.checkpoint();
    const drained = checkpointer.drained();
    expect(drained).not.toBeNull();
    await checkpointer.close();
    await expect(drained).resolves.toBeUndefined();
  });

  it('ends its thread on close, and starts nothing after', async () => {
    const checkpointer = WalCheckpointer.start(db);
    await checkpointer.close();
    writeRows();
    checkpointer.committed();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fileBytes()).toBeLessThan(ROWS * PAGE);
  });
});
