import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { FeedBus, type FeedEntryView, type LiveFeed } from '@coop/read-model';
import { participantOf, ReadModelHarness, SECRETARIAT } from '@coop/read-model/testing/read-model.fixtures.js';
import { buildSchema, type ExecutionArgs, type ExecutionResult, parse } from 'graphql';
import { WebSocket, WebSocketServer } from 'ws';
import { countHandleWrites } from '../../../../test/support/handle-writes.js';
import { groupKeyOf, LiveExecution } from './live-execution.js';

/** Just enough of a schema to execute a selection of a feed entry (the entry is the root value). */
const schema = buildSchema('type Query { cursor: String! itemId: ID! }');
const args: ExecutionArgs = { schema, document: parse('{ cursor itemId }') };
const KZ = participantOf('KZ');

let harness: ReadModelHarness;
let server: WebSocketServer;
let serverSide: WebSocket;
let connection: Duplex;
let clientSide: WebSocket;
const received: unknown[] = [];

beforeEach(async () => {
  harness = new ReadModelHarness();
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const connected = new Promise<[WebSocket, IncomingMessage]>((resolve) =>
    server.once('connection', (socket, request) => resolve([socket, request])),
  );
  clientSide = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  clientSide.on('message', (data) => received.push(JSON.parse(String(data))));
  await new Promise((resolve) => clientSide.once('open', resolve));
  [serverSide, { socket: connection }] = await connected;
  received.length = 0;
});

afterEach(async () => {
  clientSide.terminate();
  await new Promise((resolve) => server.close(resolve));
  await harness.dispose();
});

async function untilReceived(count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (received.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${received.length} of ${count} messages arrived`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

it('writes each entry as a graphql-transport-ws next message, in log order, replay then live', async () => {
  const { readModel, projector } = await harness.openCaughtUp();
  const bus = new FeedBus(readModel, { queueLimit: 16 });
  bus.attach(projector);
  const first = await harness.share(KZ, { title: 'Before the subscription' });
  await harness.caughtUp(projector);
  const [since] = readModel.feedAfter(SECRETARIAT, {}, null, 1);
  const feed = bus.subscribe(SECRETARIAT, {}, since?.cursor ?? null);
  const execution = new LiveExecution((errors) => errors.map((error) => error.toJSON()));

  execution.deliver({ feed, groupKey: 'all' }, args, { socket: serverSide, connection, id: 'sub-1' });
  const second = await harness.share(KZ, { title: 'After the subscription' });
  await harness.caughtUp(projector);
  await untilReceived(1);

  const entries = readModel.feedAfter(SECRETARIAT, {}, null, 10);
  expect(entries.map((entry) => entry.itemId)).toEqual([first, second]);
  expect(received).toEqual([
    { id: 'sub-1', type: 'next', payload: { data: { cursor: entries[1]?.cursor, itemId: second } } },
  ]);
});

it("writes a commit's entries for one subscriber to its connection in one go", async () => {
  const { readModel, projector } = await harness.openCaughtUp();
  const bus = new FeedBus(readModel, { queueLimit: 16 });
  const feed = bus.subscribe(SECRETARIAT, {}, null);
  const execution = new LiveExecution((errors) => errors.map((error) => error.toJSON()));
  execution.deliver({ feed, groupKey: 'all' }, args, { socket: serverSide, connection, id: 'sub-1' });
  await harness.share(KZ, { title: 'First of the batch' });
  await harness.share(KZ, { title: 'Second of the batch' });
  await harness.caughtUp(projector);
  const entries = readModel.feedAfter(SECRETARIAT, {}, null, 10);
  const writes = countHandleWrites(connection);

  // What the projector's commit does with a batch of two entries.
  bus.publish(entries);
  await untilReceived(2);

  expect(received).toEqual(
    entries.map((entry) => ({
      id: 'sub-1',
      type: 'next',
      payload: { data: { cursor: entry.cursor, itemId: entry.itemId } },
    })),
  );
  // One write of both messages, each a frame header and its payload.
  expect(writes.chunksPerWrite).toEqual([4]);
});

it('ends a subscription whose feed fails with an error result, without throwing into its caller', async () => {
  await harness.share(KZ, { title: 'The cursor to resume from' });
  await harness.share(KZ, { title: 'Something to replay' });
  const { readModel, database } = await harness.openCaughtUp();
  const [since] = readModel.feedAfter(SECRETARIAT, {}, null, 1);
  const bus = new FeedBus(readModel, { queueLimit: 16 });
  const feed: LiveFeed<FeedEntryView> = bus.subscribe(SECRETARIAT, {}, since?.cursor ?? null);
  // The replay reads a closed read model: the kind of failure a disk error would cause.
  await database.close();
  const execution = new LiveExecution((errors) => errors.map((error) => error.toJSON()));

  const delivery = execution.deliver({ feed, groupKey: 'all' }, args, { socket: serverSide, connection, id: 'sub-1' });
  const ending: IteratorResult<ExecutionResult> = await delivery.next();

  expect(ending.done).toBe(false);
  expect(ending.value?.errors?.[0]?.message).toBe('Live delivery failed');
  expect(await delivery.next()).toEqual({ value: undefined, done: true });
  expect(bus.subscriberCount).toBe(0);
  expect(received).toEqual([]);
});

describe('groupKeyOf', () => {
  const context = (viewer: ReturnType<typeof participantOf>) => ({ viewer, clientAddress: '::1', correlationId: 'c' });
  const query = '{ cursor itemId }';

  it('groups viewers who may see the same by document and variables, unless the selection depends on who asks', () => {
    const one = participantOf('KZ', 'kz-one');
    const other = participantOf('KZ', 'kz-other');
    const elsewhere = participantOf('UA', 'ua-one');
    expect(groupKeyOf(args, query, context(one))).toBe(groupKeyOf(args, query, context(other)));
    expect(groupKeyOf(args, query, context(one))).not.toBe(groupKeyOf(args, query, context(elsewhere)));
    const watching = '{ cursor item { watching } }';
    const personal: ExecutionArgs = { schema, document: parse(watching) };
    expect(groupKeyOf(personal, watching, context(one))).not.toBe(groupKeyOf(personal, watching, context(other)));
    expect(groupKeyOf(personal, watching, context(one))).toBe(groupKeyOf(personal, watching, context(one)));
  });
});
