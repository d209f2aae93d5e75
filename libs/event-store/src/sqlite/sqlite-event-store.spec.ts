import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { InvalidAppend, StoreClosed } from '../event-store.errors.js';
import { describeEventStoreConformance } from '../testing/event-store.conformance.js';
import { SqliteEventStore } from './sqlite-event-store.adapter.js';
import { sqliteConformanceTarget } from './testing/sqlite-event-store.conformance-target.js';
import { WalCheckpointer } from './wal-checkpointer.js';

describeEventStoreConformance(sqliteConformanceTarget);

describe('SqliteEventStore', () => {
  let directory: string;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sqlite-event-store-'));
    file = join(directory, 'events.sqlite');
    store = new SqliteEventStore(file);
  });

  afterEach(async () => {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  });

  const event = () => ({ id: randomUUID(), type: 'Tested', data: {}, metadata: {} });

  it('runs in WAL mode', () => {
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('with background checkpoints, keeps every append and leaves one file on close, its thread closed first', async () => {
    const checkpointed = new SqliteEventStore(join(directory, 'checkpointed.sqlite'), { backgroundCheckpoints: {} });
    try {
      await checkpointed.append('checkpointed-1', [event(), event()]);
      await checkpointed.append('checkpointed-1', [event()]);
    } finally {
      await checkpointed.close();
    }
    expect(existsSync(join(directory, 'checkpointed.sqlite-wal'))).toBe(false);
    const reopened = new SqliteEventStore(join(directory, 'checkpointed.sqlite'));
    try {
      expect(await reopened.readStream('checkpointed-1')).toHaveLength(3);
    } finally {
      await reopened.close();
    }
  });

  it('with background checkpoints, holds appends while the WAL is being copied, and fails them if the store closes', async () => {
    const checkpointed = new SqliteEventStore(join(directory, 'held.sqlite'), { backgroundCheckpoints: {} });
    const { drained } = WalCheckpointer.prototype;
    let release = () => {};
    let copying = Promise.resolve();
    const copyAgain = () => {
      copying = new Promise<void>((resolve) => (release = resolve));
    };
    // As the checkpointer answers once a checkpoint finds the WAL over its limit.
    WalCheckpointer.prototype.drained = () => copying;
    try {
      copyAgain();
      const held = [checkpointed.append('held-1', [event()]), checkpointed.append('held-2', [event()])];
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await checkpointed.readAll()).toEqual([]);
      release();
      await Promise.all(held);
      expect((await checkpointed.readAll()).map((recorded) => recorded.streamId)).toEqual(['held-1', 'held-2']);

      copyAgain();
      const refused = expect(checkpointed.append('held-3', [event()])).rejects.toBeInstanceOf(StoreClosed);
      const closed = checkpointed.close();
      release();
      await closed;
      await refused;
    } finally {
      WalCheckpointer.prototype.drained = drained;
      await checkpointed.close();
    }
  });

  it('releases a subscription when its consumer breaks, and all of them on close', async () => {
    await store.append('a-1', [event(), event()]);
    for await (const _event of store.subscribeToAll()) break;
    expect(store.liveSubscriptions).toBe(0);

    const iterators = [store.subscribeToAll(), store.subscribeToAll()].map((subscription) =>
      subscription[Symbol.asyncIterator](),
    );
    await Promise.all(iterators.map((iterator) => iterator.next()));
    expect(store.liveSubscriptions).toBe(2);
    await store.close();
    expect(store.liveSubscriptions).toBe(0);
    for (const iterator of iterators) expect(await iterator.next()).toMatchObject({ done: true });
  });

  it('registers nothing for a subscription that is never iterated', () => {
    store.subscribeToAll();
    expect(store.liveSubscriptions).toBe(0);
  });

  it('refuses an id already stored in another stream, or elsewhere in this one, with InvalidAppend', async () => {
    const [a, b] = [event(), event()];
    await store.append('a-1', [a, b]);
    const before = await store.readAll();
    await expect(store.append('b-1', [a], { expectedVersion: 'noStream' })).rejects.toBeInstanceOf(InvalidAppend);
    await expect(store.append('b-1', [event(), b])).rejects.toBeInstanceOf(InvalidAppend);
    await expect(store.append('a-1', [event(), a], { expectedVersion: 2 })).rejects.toBeInstanceOf(InvalidAppend);
    expect(await store.readAll()).toEqual(before);
  });

  it('compares event ids as UUIDs, whatever their case', async () => {
    const id = randomUUID();
    const original = await store.append('a-1', [{ ...event(), id }]);
    await expect(store.append('a-1', [{ ...event(), id: id.toUpperCase() }], { expectedVersion: 0 })).resolves.toEqual(
      original,
    );
    expect((await store.readAll()).map((recorded) => recorded.id)).toEqual([id]);
  });

  it('refuses a position that is not one of its own', async () => {
    await expect(store.readAll({ fromPosition: 'C:1/P:1' })).rejects.toBeInstanceOf(RangeError);
    expect(() => store.subscribeToAll({ fromPosition: '12' })).toThrow(RangeError);
  });

  it('takes any characters in stream prefixes, quotes and wildcards of SQL included', async () => {
    const streams = ["o'neil-1", 'o-1', '100%-1', '1000-1', 'a_b-1', 'axb-1'];
    for (const streamId of streams) await store.append(streamId, [event()]);
    const own = new SqliteEventStore(file, { streamPrefixes: ["o'neil-", '100%-', 'a_b-'] });
    try {
      expect((await own.readAll()).map((recorded) => recorded.streamId)).toEqual(["o'neil-1", '100%-1', 'a_b-1']);
    } finally {
      await own.close();
    }
  });

  it('refuses an empty list of stream prefixes, or an empty prefix, which would show nothing or everything', () => {
    expect(() => new SqliteEventStore(file, { streamPrefixes: [] })).toThrow(RangeError);
    expect(() => new SqliteEventStore(file, { streamPrefixes: ['a-', ''] })).toThrow(RangeError);
  });

  it('encodes positions so that string order is numeric order past a power of ten', async () => {
    for (let i = 0; i < 11; i += 1) await store.append('a-1', [event()]);
    const positions = (await store.readAll()).map((recorded) => recorded.position);
    expect([...positions].sort()).toEqual(positions);
    expect(positions[9]).toBe('0000000000000010');
  });
});
