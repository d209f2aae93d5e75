import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DataDirectoryInUse, DataDirectoryLock } from './data-directory-lock.js';

const HOLDER = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'support', 'hold-data-directory.process.ts');

/** Another process that takes the lock and keeps it until killed. */
async function holderProcess(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  expect(line).toBe('held');
  return child;
}

describe('DataDirectoryLock', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'coop-lock-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is held by one holder at a time, and says who holds it', () => {
    const lock = DataDirectoryLock.acquire(dataDir, 'a service');

    let refusal: unknown;
    try {
      DataDirectoryLock.acquire(dataDir, 'a rebuild');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirectoryInUse);
    expect((refusal as Error).message).toBe(
      `DATA_DIR ${dataDir} is in use by a service (pid ${process.pid}, since ${(refusal as DataDirectoryInUse).holder?.since})`,
    );

    lock.release();
    DataDirectoryLock.acquire(dataDir, 'a rebuild').release();
  });

  it('is refused while another process holds it, and free once that process is killed', async () => {
    const holder = await holderProcess(dataDir);
    try {
      expect(() => DataDirectoryLock.acquire(dataDir, 'a rebuild')).toThrow(
        new RegExp(`in use by a test holder \\(pid ${holder.pid}, since `),
      );
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }

    // A crash left its holder file behind; the lock itself went with the process.
    DataDirectoryLock.acquire(dataDir, 'a rebuild').release();
  });
});
