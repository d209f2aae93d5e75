/**
 * A process that writes to a WAL database with a WalCheckpointer and closes
 * both at the top level, as the service and the tools do on their way out:
 * `wal-checkpointer.spec.ts` checks that it ends by itself, with everything
 * in the file.
 *
 *   checkpointed-writer.process.ts <database file>
 */
import Database from 'better-sqlite3';
import { WalCheckpointer } from '../wal-checkpointer.js';

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: checkpointed-writer.process.ts <database file>');
const db = new Database(file);
db.pragma('journal_mode = WAL');
const checkpointer = WalCheckpointer.start(db);
db.exec('CREATE TABLE rows (body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
db.transaction(() => {
  for (let row = 0; row < 1_000; row++) insert.run(`row ${row}`);
})();
checkpointer.committed();
// Nothing else keeps the event loop alive here: only the wait for the thread does.
await checkpointer.close();
db.close();
console.log('closed');
