import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { EventStoreDbDouble } from '../../../../test/eventstoredb-double/eventstoredb-double.server.js';
import { readAllFiltered } from './eventstoredb-all-filter.js';

/**
 * The double speaks to the real client with EventStoreDB's rules, which is
 * what makes the adapter's tests over it worth something. These are the rules
 * the adapter leans on, seen through `@eventstore/db-client` directly.
 */
describe('EventStoreDB double', () => {
  let double: EventStoreDbDouble;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    double = await EventStoreDbDouble.start();
    client = EventStoreDBClient.connectionString(double.connectionString);
  });

  afterEach(async () => {
    await client.dispose();
    await double.stop();
  });

  const event = () => jsonEvent({ id: randomUUID(), type: 'Tested', data: {} });
  const collect = async <E extends ResolvedEvent | AllStreamResolvedEvent>(read: AsyncIterable<E>) => {
    const events: E[] = [];
    for await (const resolved of read) events.push(resolved);
    return events;
  };

  const compare = (a: Position, b: Position): number =>
    a.commit === b.commit ? Number(a.prepare - b.prepare) : Number(a.commit - b.commit);

  it('writes an epoch record per start, which $all leaves out as servers since 21.10 do, and a $streams link per new stream, which it keeps', async () => {
    await client.appendToStream('a-1', [event()]);
    await double.stop();
    await double.start();
    expect((await collect(client.readAll())).map((resolved) => resolved.event?.type)).toEqual(['Tested', '$>']);
    expect(await collect(client.readStream('$epochs'))).toHaveLength(2);
  });

  it('answers a filtered read of $all with up to the count of matching events, however many others lie between', async () => {
    const own = [event(), event(), event()];
    await client.appendToStream('own-1', [own[0]!]);
    await client.appendToStream('other-1', Array.from({ length: 70 }, event));
    await client.appendToStream('own-2', [own[1]!, own[2]!]);
    await client.appendToStream('Own-3', [event()]);
    const read = (
      fromPosition: typeof START | typeof END,
      direction: typeof FORWARDS | typeof BACKWARDS,
      maxCount = 10,
    ) =>
      collect(
        readAllFiltered(client, {
          fromPosition,
          direction,
          maxCount,
          filter: streamNameFilter({ prefixes: ['own-'] }),
        }),
      );
    const ids = (events: AllStreamResolvedEvent[]) => events.map((resolved) => resolved.event?.id);

    expect(ids(await read(START, FORWARDS))).toEqual(own.map((e) => e.id));
    expect(ids(await read(START, FORWARDS, 2))).toEqual([own[0]!.id, own[1]!.id]);
    expect(ids(await read(END, BACKWARDS, 1))).toEqual([own[2]!.id]);
    const types = await collect(
      readAllFiltered(client, {
        fromPosition: START,
        direction: FORWARDS,
        maxCount: 1000,
        filter: excludeSystemEvents(),
      }),
    );
    expect(types.every((resolved) => resolved.event?.type === 'Tested')).toBe(true);
    expect(types).toHaveLength(74);
  });

  it('sends the checkpoints of a filtered subscription where and when EventStoreDB does', async () => {
    // The epoch, 64 other events and their stream's $streams link, then an own event and its link: 68 records.
    await client.appendToStream('other-1', Array.from({ length: 64 }, event));
    const ownEvent = event();
    await client.appendToStream('own-1', [ownEvent]);
    const other = await collect(client.readStream('other-1'));
    const position = (index: number): Position => other[index]?.event?.position as Position;

    const seen: Array<{ kind: 'event' | 'checkpoint'; position: Position } | { kind: 'caughtUp' }> = [];
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: streamNameFilter({
        prefixes: ['own-'],
        checkpointReached: (_subscription, at) => void seen.push({ kind: 'checkpoint', position: at }),
      }),
    });
    subscription.on('data', (resolved: AllStreamResolvedEvent) =>
      seen.push({ kind: 'event', position: resolved.event?.position as Position }),
    );
    await new Promise<void>((resolve) => subscription.once('caughtUp', resolve));
    seen.push({ kind: 'caughtUp' });

    // Catching up, in pages of 32 records: a checkpoint at the start of each full page (the first one at the
    // log's start), then the own event, then one at the last event sent on reaching the end.
    const ownPosition = (await collect(client.readStream('own-1')))[0]?.event?.position as Position;
    expect(seen.map((entry) => entry.kind)).toEqual(['checkpoint', 'checkpoint', 'event', 'checkpoint', 'caughtUp']);
    const [first, second, , last] = seen as Array<{ position: Position }>;
    expect(first?.position).toEqual({ commit: 0n, prepare: 0n });
    // The second page starts after the epoch and the first 31 other events.
    expect(compare(second!.position, position(30))).toBeGreaterThan(0);
    expect(compare(second!.position, position(31))).toBeLessThanOrEqual(0);
    expect(last?.position).toEqual(ownPosition);

    // Live: one checkpoint at the 32nd record committed since subscribing, matching or not.
    seen.length = 0;
    const laterArrived = new Promise((resolve) => subscription.once('data', resolve));
    await client.appendToStream('other-1', Array.from({ length: 40 }, event));
    await client.appendToStream('own-1', [event()]);
    await laterArrived;
    const liveOther = await collect(client.readStream('other-1', { fromRevision: 64n }));
    await subscription.unsubscribe();
    expect(seen).toEqual([
      { kind: 'checkpoint', position: liveOther[31]?.event?.position },
      { kind: 'event', position: (await collect(client.readStream('own-1')))[1]?.event?.position },
    ]);
  });

  it('honours the event-type filter of excludeSystemEvents on subscriptions, then confirms catching up', async () => {
    const events = [event(), event()];
    await client.appendToStream('a-1', events);
    const subscription = client.subscribeToAll({ fromPosition: START, filter: excludeSystemEvents() });
    const received: string[] = [];
    subscription.on('data', (resolved: AllStreamResolvedEvent) => received.push(resolved.event?.id ?? ''));
    await new Promise<void>((resolve) => subscription.once('caughtUp', resolve));
    await subscription.unsubscribe();
    expect(received).toEqual(events.map((e) => e.id));
  });

  it('follows the server on expected revisions and idempotent retries', async () => {
    const [a, b, c] = [event(), event(), event()];
    const written = await client.appendToStream('a-1', [a, b, c], { expectedRevision: NO_STREAM });
    // Same ids at the same expected revision: the original result, nothing written.
    await expect(client.appendToStream('a-1', [a, b], { expectedRevision: NO_STREAM })).resolves.toMatchObject({
      nextExpectedRevision: 1n,
    });
    // With `any`, ids found anywhere in the stream count, even out of order: the server's rule.
    await expect(client.appendToStream('a-1', [a, c])).resolves.toMatchObject({ nextExpectedRevision: 2n });
    // A partial duplicate is a wrong expected version.
    const partial = client.appendToStream('a-1', [b, c, event()], { expectedRevision: 0n });
    await expect(partial).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(partial).rejects.toMatchObject({ expectedVersion: 0n, actualVersion: 2n });
    await expect(client.appendToStream('b-1', [event()], { expectedRevision: 0n })).rejects.toMatchObject({
      actualVersion: NO_STREAM,
    });
    expect((await collect(client.readStream('a-1'))).map((resolved) => resolved.event?.id)).toEqual([a.id, b.id, c.id]);
    expect(written.nextExpectedRevision).toBe(2n);
  });

  it('reads $all forwards from a position inclusively and backwards strictly before it', async () => {
    await client.appendToStream('a-1', [event(), event(), event()]);
    const all = await collect(client.readAll());
    const middle = all[2]?.event?.position;
    if (middle === undefined) throw new Error('expected a third record');
    const forwards = await collect(client.readAll({ fromPosition: middle, direction: FORWARDS, maxCount: 1 }));
    const backwards = await collect(client.readAll({ fromPosition: middle, direction: BACKWARDS, maxCount: 1 }));
    expect(forwards[0]?.event?.id).toBe(all[2]?.event?.id);
    expect(backwards[0]?.event?.id).toBe(all[1]?.event?.id);
    expect(
      (await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })))[0]?.event?.type,
    ).toBe('$>');
  });

  it('ends subscriptions with UNAVAILABLE when it goes down', async () => {
    const subscription = client.subscribeToAll();
    const failed = new Promise<unknown>((resolve) => subscription.once('error', resolve));
    await new Promise<void>((resolve) => subscription.once('caughtUp', resolve));
    await double.stop();
    expect(await failed).toMatchObject({ type: 'unavailable' });
  });
});
