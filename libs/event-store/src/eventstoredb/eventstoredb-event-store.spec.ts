import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  EventStoreDbDouble,
  type EventStoreDbDoubleOptions,
} from '../../../../test/eventstoredb-double/eventstoredb-double.server.js';
import { PayloadTooLarge, StoreUnavailable, VersionConflict } from '../event-store.errors.js';
import type { NewEvent, RecordedEvent } from '../event-store.port.js';
import { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './eventstoredb-event-store.adapter.js';
import { decodePosition, encodePosition } from './eventstoredb-position.js';

/** Bounds waits only so that a broken adapter fails instead of hanging. */
const HANG_GUARD_MS = 20_000;

const newEvent = (index = 0): NewEvent => ({ id: randomUUID(), type: 'Tested', data: { index }, metadata: {} });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, got a result');
}

async function withinGuard<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still waiting after ${HANG_GUARD_MS} ms`)), HANG_GUARD_MS);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}

/** Consumes a subscription in the background; `reached(n)` resolves once n events have arrived. */
function consume(iterable: AsyncIterable<RecordedEvent>, count: number) {
  const received: RecordedEvent[] = [];
  let waiters: Array<() => void> = [];
  const done = (async () => {
    for await (const event of iterable) {
      received.push(event);
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
      if (received.length === count) break;
    }
    return received;
  })();
  const reached = async (n: number): Promise<void> => {
    while (received.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return {
    reached: (n: number) => withinGuard(reached(n), `waiting for ${n} events`),
    done: () => withinGuard(done, `waiting for ${count} events`),
  };
}

describe('EventStoreDbEventStore', () => {
  let double: EventStoreDbDouble;
  const stores: EventStoreDbEventStore[] = [];

  const start = async (options: EventStoreDbDoubleOptions = {}): Promise<void> => {
    double = await EventStoreDbDouble.start({ maxAppendSize: 8 * 1024 * 1024, ...options });
  };
  const open = (options: EventStoreDbEventStoreOptions = {}): EventStoreDbEventStore => {
    const store = new EventStoreDbEventStore(double.connectionString, {
      retry: { initialDelayMs: 10, maxDelayMs: 200 },
      ...options,
    });
    stores.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await double.stop();
  });

  it('resumes a subscription across a server restart while appends continue, with no gap and no repeat, and logs the drop', async () => {
    await start();
    const warnings: string[] = [];
    const store = open({ logger: { warn: (_details, message) => warnings.push(message) } });
    const total = 120;
    for (let i = 0; i < 20; i += 1) await store.append(`s-${i % 3}`, [newEvent(i)]);

    const subscriber = consume(store.subscribeToAll(), total);
    const appended: string[] = [];
    const appendRest = async (): Promise<void> => {
      for (let i = 20; i < total; i += 1) {
        const event = newEvent(i);
        // A retry of an append whose answer was lost is idempotent: same id, same place.
        for (;;) {
          try {
            await store.append(`s-${i % 3}`, [event]);
            break;
          } catch (error) {
            if (!(error instanceof StoreUnavailable)) throw error;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        }
        appended.push(event.id);
      }
    };

    await subscriber.reached(20);
    const appender = appendRest();
    await subscriber.reached(40);
    await double.stop();
    // The appender is not done: it waits for the server, as the subscriber does.
    expect(appended.length).toBeLessThan(total - 20);
    await double.start();
    await withinGuard(appender, 'appends after the restart');

    const delivered = await subscriber.done();
    const all = await store.readAll();
    expect(all).toHaveLength(total);
    expect(delivered.map((event) => event.id)).toEqual(all.map((event) => event.id));
    expect(delivered.map((event) => event.position)).toEqual(all.map((event) => event.position));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('answers StoreUnavailable while the server is down and works again once it is back', async () => {
    await start();
    const store = open({ pingTimeoutMs: 5_000 });
    await store.append('a-1', [newEvent()]);
    await double.stop();
    expect(await rejection(store.ping())).toBeInstanceOf(StoreUnavailable);
    expect(await rejection(store.readStream('a-1'))).toBeInstanceOf(StoreUnavailable);
    expect(await rejection(store.append('a-1', [newEvent()]))).toBeInstanceOf(StoreUnavailable);
    await double.start();
    await expect(store.ping()).resolves.toBeUndefined();
    await expect(store.append('a-1', [newEvent()], { expectedVersion: 1 })).resolves.toMatchObject({ nextVersion: 2 });
  });

  it.each([true, false])(
    'maps the server refusing an append over its MaxAppendSize to PayloadTooLarge (BatchAppend: %s)',
    async (batchAppend) => {
      await start({ maxAppendSize: 2_000, batchAppend });
      const store = open();
      const big = { ...newEvent(), data: { text: 'x'.repeat(3_000) } };
      const error = await rejection(store.append('a-1', [big]));
      expect(error).toBeInstanceOf(PayloadTooLarge);
      expect(error).toMatchObject({ what: 'append', limit: 2_000 });
      expect(await store.readStream('a-1')).toEqual([]);
    },
  );

  it('appends, detects conflicts and retries idempotently through Append when the server offers no BatchAppend', async () => {
    await start({ batchAppend: false });
    const store = open();
    const events = [newEvent(1), newEvent(2)];
    const first = await store.append('a-1', events, { expectedVersion: 'noStream' });
    expect(first.nextVersion).toBe(2);
    await expect(store.append('a-1', events, { expectedVersion: 'noStream' })).resolves.toEqual(first);
    const conflict = await rejection(store.append('a-1', [newEvent()], { expectedVersion: 1 }));
    expect(conflict).toBeInstanceOf(VersionConflict);
    expect(conflict).toMatchObject({ streamId: 'a-1', expected: 1, actual: 2 });
    expect((await store.readStream('a-1')).map((event) => event.position)).toEqual([
      expect.any(String),
      first.position,
    ]);
  });
});

describe('EventStoreDB positions', () => {
  const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });

  it('round-trip losslessly and order as strings as (commit, prepare) order', () => {
    fc.assert(
      fc.property(uint64, uint64, uint64, uint64, (c1, p1, c2, p2) => {
        const a = { commit: c1, prepare: p1 };
        const b = { commit: c2, prepare: p2 };
        expect(decodePosition(encodePosition(a))).toEqual(a);
        const byNumbers = c1 === c2 ? Math.sign(Number(p1 - p2)) : Math.sign(Number(c1 - c2));
        const [x, y] = [encodePosition(a), encodePosition(b)];
        expect(x === y ? 0 : x < y ? -1 : 1).toBe(byNumbers);
      }),
    );
  });

  it('refuses a position the adapter did not issue', () => {
    expect(() => decodePosition('0000000000000001')).toThrow(RangeError);
  });
});
