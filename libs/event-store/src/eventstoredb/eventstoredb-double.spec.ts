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
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { EventStoreDbDouble } from '../../../../test/eventstoredb-double/eventstoredb-double.server.js';

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

  it('keeps system events in $all: an epoch per start and a $streams link per new stream', async () => {
    await client.appendToStream('a-1', [event()]);
    await double.stop();
    await double.start();
    const types = (await collect(client.readAll())).map((resolved) => resolved.event?.type);
    expect(types).toEqual(['$epoch-information', 'Tested', '$>', '$epoch-information']);
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
