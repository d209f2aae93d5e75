import { randomUUID } from 'node:crypto';
import { InvalidAppend, PayloadTooLarge, StoreClosed, VersionConflict } from '../event-store.errors.js';
import type {
  EventStore,
  EventStoreOptions,
  ExpectedVersion,
  JsonObject,
  JsonValue,
  NewEvent,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import { chainEvents } from '../hash-chain.js';
import { checkIntegrity } from '../integrity-check.js';
import { AppendLoopProcess } from './append-loop.process.js';
import type { ConformanceStorage, ConformanceTarget } from './conformance-target.js';

/** Bounds every wait, only so that a broken adapter fails instead of hanging. */
const HANG_GUARD_MS = 15_000;
const MULTI_PROCESS_TIMEOUT_MS = 60_000;

function newEvent(type = 'Tested', data: JsonValue = {}, metadata: JsonObject = {}): NewEvent {
  return { id: randomUUID(), type, data, metadata };
}

function newEvents(count: number, type = 'Tested'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { index }));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, got a result');
}

async function expectConflict(
  promise: Promise<unknown>,
  conflict: { streamId: string; expected: ExpectedVersion; actual: number },
): Promise<void> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(VersionConflict);
  expect(error).toMatchObject(conflict);
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

/** The first `count` events of a subscription, then ends it with `break`. */
function take(store: EventStore, count: number, options?: SubscribeToAllOptions): Promise<RecordedEvent[]> {
  const collect = async (): Promise<RecordedEvent[]> => {
    const received: RecordedEvent[] = [];
    if (count === 0) return received;
    for await (const event of store.subscribeToAll(options)) {
      received.push(event);
      if (received.length === count) break;
    }
    return received;
  };
  return withinGuard(collect(), `waiting for ${count} events from subscribeToAll`);
}

/**
 * The store under test is opened with these stream prefixes, which cover
 * every stream the suite writes as its own, and shares its storage with the
 * streams of `writeOtherApplicationStreams`: every test shows, among the
 * rest, that those never show through.
 */
const OWN_STREAM_PREFIXES = ['a-', 'b-', 'c-', 's-', 'shared-', 'practice-', 'unicode-', 'big-', 'nobody-'];

/**
 * Another application's streams on the same storage. None begins with an own
 * prefix, some come close (another case, a longer category); one carries a
 * hash chain of that application's own making, which is not this service's,
 * the others no hash at all.
 */
async function writeOtherApplicationStreams(store: EventStore): Promise<void> {
  await store.append('billing-1', [
    newEvent('InvoiceIssued', { amount: 120 }, { hash: 'sha1:0be1c2', previousHash: null }),
    newEvent('InvoicePaid', { amount: 120 }, { hash: 'sha1:77ad01', previousHash: 'sha1:0be1c2' }),
  ]);
  await store.append('A-1', [newEvent('Tested', { foreign: true })]);
  await store.append('ab-1', [newEvent('Tested', { foreign: true }, { correlationId: 'elsewhere' })]);
}

const isOwn = (event: RecordedEvent): boolean =>
  OWN_STREAM_PREFIXES.some((prefix) => event.streamId.startsWith(prefix));

const ids = (events: readonly { id: string }[]): string[] => events.map((event) => event.id);
const positions = (events: readonly RecordedEvent[]): string[] => events.map((event) => event.position);

function expectStrictlyIncreasing(values: readonly string[]): void {
  for (let i = 1; i < values.length; i += 1) {
    expect((values[i - 1] as string) < (values[i] as string)).toBe(true);
  }
}

/** Yields to timers and I/O, so that appends and subscribers really interleave. */
const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function appendInBackground(store: EventStore, streams: readonly string[], count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await store.append(streams[i % streams.length] as string, [newEvent('Tested', { i })]);
    if (i % 7 === 0) await macrotask();
  }
}

/**
 * The behaviour every `EventStore` adapter must show, written against the port
 * only. Each test gets fresh, empty storage from the target.
 */
export function describeEventStoreConformance(target: ConformanceTarget): void {
  describe(`EventStore conformance: ${target.name}`, () => {
    let storage: ConformanceStorage;
    let store: EventStore;
    const opened: EventStore[] = [];

    /** The store as the suite's service opens it: its own streams only. */
    const open = async (options: EventStoreOptions = {}): Promise<EventStore> => {
      const instance = await storage.open({ streamPrefixes: OWN_STREAM_PREFIXES, ...options });
      opened.push(instance);
      return instance;
    };
    /** The same storage with every stream shown, as another application might open it. */
    const openShowingEveryStream = async (): Promise<EventStore> => {
      const instance = await storage.open();
      opened.push(instance);
      return instance;
    };

    beforeEach(async () => {
      storage = await target.createStorage();
      const otherApplication = await storage.open();
      await writeOtherApplicationStreams(otherApplication);
      await otherApplication.close();
      store = await open();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((instance) => instance.close()));
      await storage.dispose();
    });

    describe('append and expected versions', () => {
      it('appends to a new stream with any, noStream or 0, counting versions from 1', async () => {
        await expect(store.append('a-1', newEvents(2), { expectedVersion: 'any' })).resolves.toMatchObject({
          nextVersion: 2,
        });
        await expect(store.append('b-1', newEvents(1), { expectedVersion: 'noStream' })).resolves.toMatchObject({
          nextVersion: 1,
        });
        await expect(store.append('c-1', newEvents(3), { expectedVersion: 0 })).resolves.toMatchObject({
          nextVersion: 3,
        });
        expect((await store.readStream('c-1')).map((event) => event.version)).toEqual([1, 2, 3]);
      });

      it('returns the new version and the position of the last event appended', async () => {
        await store.append('a-1', newEvents(2));
        const result = await store.append('a-1', newEvents(3), { expectedVersion: 2 });
        const stored = await store.readStream('a-1');
        expect(result).toEqual({ nextVersion: 5, position: stored[4]?.position });
      });

      it('appends with any (the default) whatever the stream holds', async () => {
        await store.append('a-1', newEvents(2));
        await expect(store.append('a-1', newEvents(1))).resolves.toMatchObject({ nextVersion: 3 });
        await expect(store.append('a-1', newEvents(1), { expectedVersion: 'any' })).resolves.toMatchObject({
          nextVersion: 4,
        });
      });

      it('refuses noStream and 0 on a stream with events', async () => {
        await store.append('a-1', newEvents(2));
        await expectConflict(store.append('a-1', newEvents(1), { expectedVersion: 'noStream' }), {
          streamId: 'a-1',
          expected: 'noStream',
          actual: 2,
        });
        await expectConflict(store.append('a-1', newEvents(1), { expectedVersion: 0 }), {
          streamId: 'a-1',
          expected: 0,
          actual: 2,
        });
      });

      it('refuses streamExists on a stream without events and accepts it on one with events', async () => {
        await expectConflict(store.append('a-1', newEvents(1), { expectedVersion: 'streamExists' }), {
          streamId: 'a-1',
          expected: 'streamExists',
          actual: 0,
        });
        await store.append('a-1', newEvents(1));
        await expect(store.append('a-1', newEvents(1), { expectedVersion: 'streamExists' })).resolves.toMatchObject({
          nextVersion: 2,
        });
      });

      it('accepts an exact version only when it is the number of events in the stream', async () => {
        await store.append('a-1', newEvents(3));
        await expectConflict(store.append('a-1', newEvents(1), { expectedVersion: 2 }), {
          streamId: 'a-1',
          expected: 2,
          actual: 3,
        });
        await expectConflict(store.append('a-1', newEvents(1), { expectedVersion: 4 }), {
          streamId: 'a-1',
          expected: 4,
          actual: 3,
        });
        await expectConflict(store.append('b-1', newEvents(1), { expectedVersion: 1 }), {
          streamId: 'b-1',
          expected: 1,
          actual: 0,
        });
        await expect(store.append('a-1', newEvents(1), { expectedVersion: 3 })).resolves.toMatchObject({
          nextVersion: 4,
        });
      });

      it('writes nothing when the expected version does not hold', async () => {
        await store.append('a-1', newEvents(2));
        const before = await store.readAll();
        await rejection(store.append('a-1', newEvents(3), { expectedVersion: 1 }));
        await rejection(store.append('b-1', newEvents(3), { expectedVersion: 'streamExists' }));
        expect(await store.readAll()).toEqual(before);
        expect(await store.readStream('b-1')).toEqual([]);
      });

      it('refuses malformed appends with InvalidAppend and writes nothing', async () => {
        const bad = { ...newEvent(), id: 'not-a-uuid' };
        const repeated = newEvent();
        const attempts = [
          store.append('', newEvents(1)),
          store.append('a-1', []),
          store.append('a-1', [newEvent(), bad]),
          store.append('a-1', [repeated, newEvent(), repeated]),
        ];
        for (const attempt of attempts) expect(await rejection(attempt)).toBeInstanceOf(InvalidAppend);
        expect(await store.readAll()).toEqual([]);
      });
    });

    describe('idempotency', () => {
      it('succeeds without writing when the same ids stand at the same exact version, returning the original result', async () => {
        const first = newEvents(2);
        const second = newEvents(2);
        const original = await store.append('a-1', first, { expectedVersion: 'noStream' });
        const originalSecond = await store.append('a-1', second, { expectedVersion: 2 });
        await store.append('b-1', newEvents(1));
        const before = await store.readAll();

        await expect(store.append('a-1', first, { expectedVersion: 'noStream' })).resolves.toEqual(original);
        await expect(store.append('a-1', first, { expectedVersion: 0 })).resolves.toEqual(original);
        await expect(store.append('a-1', second, { expectedVersion: 2 })).resolves.toEqual(originalSecond);
        expect(await store.readAll()).toEqual(before);
        expect(ids(await store.readStream('a-1'))).toEqual(ids([...first, ...second]));
      });

      it('treats ids standing at the place from the expected version on as a duplicate, answering for those events', async () => {
        const events = newEvents(3);
        await store.append('a-1', events, { expectedVersion: 'noStream' });
        const stored = await store.readStream('a-1');
        await expect(store.append('a-1', events.slice(0, 2), { expectedVersion: 0 })).resolves.toEqual({
          nextVersion: 2,
          position: stored[1]?.position,
        });
        await expect(store.append('a-1', events.slice(1), { expectedVersion: 1 })).resolves.toEqual({
          nextVersion: 3,
          position: stored[2]?.position,
        });
        expect(await store.readStream('a-1')).toEqual(stored);
      });

      it('succeeds without writing with any or streamExists when the ids are found in order in the stream', async () => {
        const events = newEvents(3);
        await store.append('a-1', events);
        await store.append('a-1', newEvents(2));
        const stored = await store.readStream('a-1');

        await expect(store.append('a-1', events)).resolves.toEqual({ nextVersion: 3, position: stored[2]?.position });
        await expect(store.append('a-1', events.slice(1), { expectedVersion: 'streamExists' })).resolves.toEqual({
          nextVersion: 3,
          position: stored[2]?.position,
        });
        expect(await store.readStream('a-1')).toEqual(stored);
      });

      it('refuses a partial duplicate with VersionConflict and writes nothing', async () => {
        const events = newEvents(3);
        await store.append('a-1', events);
        const before = await store.readAll();
        const [a, b, c] = events as [NewEvent, NewEvent, NewEvent];

        // Some ids at the place, not all.
        await expectConflict(store.append('a-1', [a, newEvent()], { expectedVersion: 0 }), {
          streamId: 'a-1',
          expected: 0,
          actual: 3,
        });
        await expectConflict(store.append('a-1', [a, c]), { streamId: 'a-1', expected: 'any', actual: 3 });
        // Past the end of the stream.
        await expectConflict(store.append('a-1', [b, c, newEvent()], { expectedVersion: 1 }), {
          streamId: 'a-1',
          expected: 1,
          actual: 3,
        });
        await expectConflict(store.append('a-1', [c, newEvent()], { expectedVersion: 'streamExists' }), {
          streamId: 'a-1',
          expected: 'streamExists',
          actual: 3,
        });
        // The right ids at the wrong place.
        await expectConflict(store.append('a-1', [b, c], { expectedVersion: 0 }), {
          streamId: 'a-1',
          expected: 0,
          actual: 3,
        });
        expect(await store.readAll()).toEqual(before);
      });
    });

    describe('readStream', () => {
      it('reads an unknown stream as empty', async () => {
        await store.append('a-1', newEvents(1));
        expect(await store.readStream('nobody-1')).toEqual([]);
        expect(await store.readStream('nobody-1', { direction: 'backwards' })).toEqual([]);
      });

      it('reads forwards and backwards from a version, inclusive, up to a limit', async () => {
        const events = newEvents(6);
        await store.append('a-1', events.slice(0, 3));
        await store.append('b-1', newEvents(2));
        await store.append('a-1', events.slice(3));

        expect(ids(await store.readStream('a-1'))).toEqual(ids(events));
        expect(ids(await store.readStream('a-1', { from: 3, limit: 2 }))).toEqual(ids(events.slice(2, 4)));
        expect(ids(await store.readStream('a-1', { from: 5 }))).toEqual(ids(events.slice(4)));
        expect(ids(await store.readStream('a-1', { direction: 'backwards' }))).toEqual(ids(events).reverse());
        expect(ids(await store.readStream('a-1', { direction: 'backwards', from: 4, limit: 3 }))).toEqual(
          ids(events.slice(1, 4)).reverse(),
        );
        expect(ids(await store.readStream('a-1', { direction: 'backwards', limit: 1 }))).toEqual([events[5]?.id]);
        expect(await store.readStream('a-1', { from: 7 })).toEqual([]);
      });

      it('records stream, version, position, type, data, metadata and time of each event', async () => {
        const event = newEvent('PracticeShared', { title: 'Seveso' }, { actorId: 'u-1' });
        const { position } = await store.append('practice-1', [event]);
        const [recorded] = await store.readStream('practice-1');
        expect(recorded).toEqual({
          id: event.id,
          streamId: 'practice-1',
          version: 1,
          position,
          type: 'PracticeShared',
          data: { title: 'Seveso' },
          metadata: { actorId: 'u-1' },
          recordedAt: expect.any(String),
        });
        expect(Number.isNaN(Date.parse(recorded?.recordedAt ?? ''))).toBe(false);
      });
    });

    describe('readAll and positions', () => {
      it('gives every event a distinct position, increasing in append order across streams', async () => {
        const appended: NewEvent[] = [];
        for (let i = 0; i < 12; i += 1) {
          const events = newEvents(1 + (i % 3));
          appended.push(...events);
          await store.append(`s-${i % 4}`, events);
        }
        const all = await store.readAll();
        expect(ids(all)).toEqual(ids(appended));
        expectStrictlyIncreasing(positions(all));
      });

      it('reads forwards and backwards from a position, inclusive, up to a limit', async () => {
        for (let i = 0; i < 4; i += 1) await store.append(`s-${i % 2}`, newEvents(2));
        const all = await store.readAll();
        const at = (index: number): string => all[index]?.position as string;

        expect(await store.readAll({ fromPosition: at(3), limit: 3 })).toEqual(all.slice(3, 6));
        expect(await store.readAll({ fromPosition: at(6) })).toEqual(all.slice(6));
        expect(await store.readAll({ direction: 'backwards' })).toEqual([...all].reverse());
        expect(await store.readAll({ direction: 'backwards', fromPosition: at(4), limit: 2 })).toEqual([
          all[4],
          all[3],
        ]);
        expect(await store.readAll({ limit: 2 })).toEqual(all.slice(0, 2));
      });

      it('reads an empty store as empty', async () => {
        expect(await store.readAll()).toEqual([]);
        expect(await store.readAll({ direction: 'backwards' })).toEqual([]);
      });

      it('leaves system events out of readAll but keeps them in their stream', async () => {
        const before = newEvent();
        const system = newEvent('$metadata', { maxAge: 1 });
        const after = newEvent();
        await store.append('a-1', [before, system, after]);
        expect(ids(await store.readAll())).toEqual([before.id, after.id]);
        expect(ids(await store.readAll({ direction: 'backwards' }))).toEqual([after.id, before.id]);
        expect(ids(await store.readStream('a-1'))).toEqual([before.id, system.id, after.id]);
      });
    });

    describe('subscribeToAll', () => {
      it('delivers from the start of the log, or strictly after a given position, without system events', async () => {
        const events = [newEvent(), newEvent('$system'), newEvent(), newEvent()];
        await store.append('a-1', events);
        const [first, , third, fourth] = events as [NewEvent, NewEvent, NewEvent, NewEvent];

        expect(ids(await take(store, 3))).toEqual([first.id, third.id, fourth.id]);
        const [, fromThird] = await store.readAll();
        expect(ids(await take(store, 1, { fromPosition: fromThird?.position }))).toEqual([fourth.id]);
      });

      it('catches up and goes live without gap or duplicate while appends continue', async () => {
        for (let i = 0; i < 30; i += 1) await store.append(`s-${i % 3}`, newEvents(10));
        const received = take(store, 600);
        await appendInBackground(store, ['s-0', 's-1', 's-3'], 300);
        const delivered = await received;
        expect(ids(delivered)).toEqual(ids(await store.readAll()));
        expectStrictlyIncreasing(positions(delivered));
      });

      it('goes live from a position taken while appends continue', async () => {
        await store.append('a-1', newEvents(5));
        const { position } = await store.append('a-1', newEvents(1));
        const received = take(store, 40, { fromPosition: position });
        await appendInBackground(store, ['a-1', 'b-1'], 40);
        expect(await received).toEqual(await store.readAll({ fromPosition: position }).then((all) => all.slice(1)));
      });

      it('gives each of 50 concurrent subscribers the same ordered sequence', async () => {
        await store.append('a-1', newEvents(20));
        const subscribers = Array.from({ length: 50 }, () => take(store, 120));
        await appendInBackground(store, ['a-1', 'b-1', 'c-1'], 100);
        const expected = await store.readAll();
        for (const delivered of await Promise.all(subscribers)) expect(delivered).toEqual(expected);
      });

      it('delivers the appends of another instance over the same storage', async () => {
        const other = await open();
        const received = take(store, 30);
        await appendInBackground(other, ['a-1', 'b-1'], 30);
        expect(ids(await received)).toEqual(ids(await other.readAll()));
      });

      it('lets go on break: the iterator is done and appends and close go on', async () => {
        await store.append('a-1', newEvents(3));
        const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
        await withinGuard(iterator.next(), 'first event');
        for await (const _event of { [Symbol.asyncIterator]: () => iterator }) break;
        expect(await iterator.next()).toEqual({ done: true, value: undefined });
        await appendInBackground(store, ['a-1'], 50);
        await withinGuard(store.close(), 'close after break');
      });

      it('ends a subscription waiting for events when the consumer returns', async () => {
        const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
        const waiting = iterator.next();
        await macrotask();
        await withinGuard(Promise.resolve(iterator.return?.()), 'return while waiting');
        expect(await withinGuard(waiting, 'pending next after return')).toMatchObject({ done: true });
      });

      it('ends live subscriptions on close', async () => {
        await store.append('a-1', newEvents(2));
        let live!: () => void;
        const caughtUp = new Promise<void>((resolve) => (live = resolve));
        const consumed = withinGuard(
          (async () => {
            let count = 0;
            for await (const _event of store.subscribeToAll()) {
              count += 1;
              if (count === 2) live();
            }
            return count;
          })(),
          'subscription to end on close',
        );
        await withinGuard(caughtUp, 'catching up before close');
        await store.close();
        expect(await consumed).toBe(2);
      });
    });

    describe('a storage shared with other applications', () => {
      it('shows every stream to a store opened without stream prefixes', async () => {
        await store.append('a-1', newEvents(1));
        const everything = await openShowingEveryStream();
        expect((await everything.readAll()).map((event) => event.streamId)).toEqual([
          'billing-1',
          'billing-1',
          'A-1',
          'ab-1',
          'a-1',
        ]);
      });

      it('reads only its own streams from $all, forwards and backwards, from positions, within limits', async () => {
        const other = await openShowingEveryStream();
        await store.append('a-1', newEvents(2));
        await other.append('billing-1', newEvents(40, 'InvoiceIssued'));
        await store.append('b-1', newEvents(1));
        await other.append('A-1', newEvents(3));
        await store.append('a-1', newEvents(2));
        // The log ends with another application's events, as a shared server's often does.
        await other.append('ab-1', newEvents(40));

        const everything = await other.readAll();
        const own = everything.filter(isOwn);
        expect(own.map((event) => event.streamId)).toEqual(['a-1', 'a-1', 'b-1', 'a-1', 'a-1']);
        const at = (index: number): string => own[index]?.position as string;
        expect(await store.readAll()).toEqual(own);
        expect(await store.readAll({ direction: 'backwards' })).toEqual([...own].reverse());
        expect(await store.readAll({ direction: 'backwards', limit: 1 })).toEqual([own[4]]);
        expect(await store.readAll({ fromPosition: at(1), limit: 2 })).toEqual([own[1], own[2]]);
        expect(await store.readAll({ direction: 'backwards', fromPosition: at(3), limit: 2 })).toEqual([
          own[3],
          own[2],
        ]);
        expect(await store.readAll({ fromPosition: at(4) })).toEqual([own[4]]);
        // Any stream is still read and written by name.
        expect(await store.readStream('billing-1')).toEqual(await other.readStream('billing-1'));
      });

      it('follows only its own streams, catching up and live, while other applications keep writing', async () => {
        const other = await openShowingEveryStream();
        await store.append('a-1', newEvents(3));
        await other.append('billing-1', newEvents(100, 'InvoiceIssued'));
        await store.append('b-1', newEvents(2));
        const received = take(store, 5 + 30);
        await Promise.all([
          appendInBackground(store, ['a-1', 'c-1', 's-0'], 30),
          appendInBackground(other, ['billing-1', 'A-1', 'ab-1'], 90),
        ]);
        const delivered = await received;
        expect(delivered).toEqual(await store.readAll());
        expect(delivered.every(isOwn)).toBe(true);

        const [, second] = delivered;
        expect(await take(store, 3, { fromPosition: second?.position })).toEqual(delivered.slice(2, 5));
      });

      it('checks the hash chains of its own streams only: another application’s hashes, or none, are not its concern', async () => {
        const chained = async (streamId: string, count: number): Promise<void> => {
          const [last] = await store.readStream(streamId, { direction: 'backwards', limit: 1 });
          const hash = last?.metadata['hash'];
          const events = chainEvents(
            streamId,
            last?.version ?? 0,
            typeof hash === 'string' ? hash : null,
            newEvents(count),
          );
          await store.append(streamId, events, { expectedVersion: last?.version ?? 'noStream' });
        };
        await chained('practice-1', 2);
        await chained('a-1', 1);
        await chained('practice-1', 1);

        expect(await checkIntegrity(store)).toEqual({ valid: true, streamsChecked: 2, eventsChecked: 4, problems: [] });
        // Shown every stream, the same check finds the other application's events unsound.
        const everything = await checkIntegrity(await openShowingEveryStream());
        expect(everything.valid).toBe(false);
        expect(everything.problems.map((problem) => problem.split(' ')[0])).toEqual(
          expect.arrayContaining(['billing-1', 'A-1', 'ab-1']),
        );
      });
    });

    describe('payloads', () => {
      it('round-trips unicode byte-exact', async () => {
        const text =
          'emoji 😀👩🏽‍🔬🇺🇦 · RTL עברית العربية · combining e\u0301 a\u0308\u0323 · CJK 漢字 · ZWJ\u200d · BOM \ufeff · quotes "\\/';
        const data = { [text]: text, nested: [text, { deeper: text.normalize('NFD') }], nfc: text.normalize('NFC') };
        const metadata = { note: text };
        await store.append('unicode-1', [newEvent('Unicode', data, metadata)]);
        const [stored] = await store.readStream('unicode-1');
        expect(JSON.stringify(stored?.data)).toBe(JSON.stringify(data));
        expect(JSON.stringify(stored?.metadata)).toBe(JSON.stringify(metadata));
        const [fromAll] = await store.readAll();
        expect(JSON.stringify(fromAll?.data)).toBe(JSON.stringify(data));
      });

      it('round-trips a payload of about 1 MiB within the default limits', async () => {
        const chunk = 'Ψ😀a'; // 2 + 4 + 1 bytes in UTF-8
        const data = { text: chunk.repeat(Math.floor((1024 * 1024 - 200) / 7)) };
        expect(Buffer.byteLength(JSON.stringify(data))).toBeGreaterThan(1024 * 1024 - 300);
        await store.append('big-1', [newEvent('Big', data)]);
        const [stored] = await store.readStream('big-1');
        expect(JSON.stringify(stored?.data)).toBe(JSON.stringify(data));
      });

      it('round-trips metadata of any JSON shape', async () => {
        const metadata: JsonObject = {
          actorId: 'u-1',
          actorCountry: null,
          actorRoles: ['focal-point', 'reviewer'],
          schemaVersion: 3,
          ratio: 0.125,
          flags: { urgent: true, archived: false },
          nested: [[1, 2], { ключ: 'значение' }],
        };
        await store.append('a-1', [newEvent('Tested', null, metadata)]);
        const [stored] = await store.readAll();
        expect(stored?.metadata).toEqual(metadata);
        expect(stored?.data).toBeNull();
      });
    });

    describe('size limits', () => {
      const size = (event: NewEvent): number =>
        Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(event.metadata));
      /** An event of exactly `bytes` bytes as the port counts them. */
      const eventOfSize = (bytes: number): NewEvent => {
        const event = newEvent('Sized', { text: '' }, { m: 'é' });
        return { ...event, data: { text: 'x'.repeat(bytes - size(event)) } };
      };

      it('accepts an event at the limit and refuses one byte more with PayloadTooLarge, writing nothing', async () => {
        const limited = await open({ limits: { maxEventBytes: 1000, maxAppendBytes: 5000 } });
        await expect(limited.append('a-1', [eventOfSize(1000)])).resolves.toMatchObject({ nextVersion: 1 });
        const error = await rejection(limited.append('a-1', [eventOfSize(500), eventOfSize(1001)]));
        expect(error).toBeInstanceOf(PayloadTooLarge);
        expect(error).toMatchObject({ what: 'event', size: 1001, limit: 1000 });
        expect(await limited.readStream('a-1')).toHaveLength(1);
      });

      it('refuses an append over the limit with PayloadTooLarge, writing nothing', async () => {
        const limited = await open({ limits: { maxEventBytes: 1000, maxAppendBytes: 2500 } });
        await expect(
          limited.append('a-1', [eventOfSize(1000), eventOfSize(1000), eventOfSize(500)]),
        ).resolves.toMatchObject({
          nextVersion: 3,
        });
        const error = await rejection(limited.append('b-1', [eventOfSize(900), eventOfSize(900), eventOfSize(900)]));
        expect(error).toBeInstanceOf(PayloadTooLarge);
        expect(error).toMatchObject({ what: 'append', size: 2700, limit: 2500 });
        expect(await limited.readStream('b-1')).toEqual([]);
        expect(await limited.readAll()).toHaveLength(3);
      });

      it('counts bytes, not characters', async () => {
        const limited = await open({ limits: { maxEventBytes: 100, maxAppendBytes: 1000 } });
        // 64 UTF-16 code units, 124 bytes.
        expect(await rejection(limited.append('a-1', [newEvent('Sized', '😀'.repeat(30))]))).toBeInstanceOf(
          PayloadTooLarge,
        );
      });
    });

    describe('durability and lifecycle', () => {
      it('holds every acknowledged append after a close and reopen', async () => {
        for (let i = 0; i < 10; i += 1) await store.append(`s-${i % 3}`, newEvents(1 + (i % 3)));
        const before = await store.readAll();
        await store.close();
        const reopened = await open();
        expect(await reopened.readAll()).toEqual(before);
        await expect(reopened.append('s-0', newEvents(1), { expectedVersion: 'streamExists' })).resolves.toBeDefined();
      });

      it('answers ping while open and StoreClosed after close', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await expect(store.close()).resolves.toBeUndefined();
        for (const attempt of [
          store.ping(),
          store.append('a-1', newEvents(1)),
          store.readStream('a-1'),
          store.readAll(),
        ]) {
          expect(await rejection(attempt)).toBeInstanceOf(StoreClosed);
        }
      });

      it(
        'serialises two processes appending to one stream: no version taken twice, no acknowledged event lost',
        async () => {
          const appendsPerWriter = 40;
          // Waiting before the children start, so their commits have to wake it.
          const live = take(store, 2 * appendsPerWriter);
          const writers = ['left', 'right'].map((writer) =>
            AppendLoopProcess.start({
              open: storage.childOpenSpec,
              streams: ['shared-1'],
              appends: appendsPerWriter,
              writer,
            }),
          );
          await withinGuard(Promise.all(writers.map((writer) => writer.finished)), 'child writers');

          const acks = writers.flatMap((writer) => writer.acks).sort((x, y) => x.nextVersion - y.nextVersion);
          expect(acks).toHaveLength(2 * appendsPerWriter);
          const stream = await store.readStream('shared-1');
          // Acks laid end to end must be exactly the stream: a version taken twice or an event lost would show.
          expect(ids(stream)).toEqual(acks.flatMap((ack) => ack.ids));
          expect(acks.map((ack) => ack.nextVersion)).toEqual(stream.map((event) => event.version));
          expect(acks.map((ack) => ack.position)).toEqual(positions(stream));
          expect(await live).toEqual(stream);
        },
        MULTI_PROCESS_TIMEOUT_MS,
      );
    });
  });
}
