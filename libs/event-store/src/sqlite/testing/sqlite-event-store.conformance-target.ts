import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventStoreOptions, JsonValue } from '../../event-store.port.js';
import type { ConformanceTarget } from '../../testing/conformance-target.js';
import { SqliteEventStore } from '../sqlite-event-store.adapter.js';

/** Entry point of `childOpenSpec`: a child process opens the same file through it. */
export async function openSqliteEventStoreInChild(argument: JsonValue): Promise<SqliteEventStore> {
  const { file } = argument as { file: string };
  return new SqliteEventStore(file);
}

/** Each storage is a fresh file in its own temporary directory, removed on dispose. */
export const sqliteConformanceTarget: ConformanceTarget = {
  name: 'SqliteEventStore',
  async createStorage() {
    const directory = await mkdtemp(join(tmpdir(), 'event-store-'));
    const file = join(directory, 'events.sqlite');
    return {
      async open(options?: EventStoreOptions) {
        return new SqliteEventStore(file, options);
      },
      childOpenSpec: {
        module: fileURLToPath(import.meta.url),
        exportName: openSqliteEventStoreInChild.name,
        argument: { file },
      },
      async dispose() {
        await rm(directory, { recursive: true, force: true });
      },
    };
  },
};
