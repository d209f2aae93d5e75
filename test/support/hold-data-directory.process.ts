/**
 * Child process main: `node --import tsx hold-data-directory.process.ts <dir>`.
 * Takes the data directory's lock, says `held` on standard output, and keeps
 * it until killed: what a service does, and what a crash leaves behind.
 */
import { DataDirectoryLock } from '../../apps/api/src/store/data-directory-lock.js';

const [dataDir] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: hold-data-directory.process.ts <dir>');
DataDirectoryLock.acquire(dataDir, 'a test holder');
process.stdout.write('held\n');
setInterval(() => {}, 60_000);
