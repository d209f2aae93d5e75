import type { Client } from 'graphql-ws';
import type WebSocket from 'ws';
import { cast } from '../api/support/people.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  FEED_UPDATED,
  liveClient,
  LiveSubscription,
  type RawSocket,
  rawSocket as openRawSocket,
  sendInit,
} from './support/live-client.js';

const { kgExpert, rsExpert } = cast;

let app: TestApp;
const clients: Client[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  app = await startTestApp();
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

afterAll(async () => {
  await app?.dispose();
});

async function rawSocket(): Promise<RawSocket> {
  const opened = await openRawSocket(app);
  sockets.push(opened.socket);
  return opened;
}

async function refusal(query: string, variables: Record<string, unknown> = {}) {
  const client = await liveClient(app, kgExpert);
  clients.push(client);
  const subscription = new LiveSubscription(client, query, variables);
  await subscription.untilEnded();
  expect(subscription.entries).toEqual([]);
  return subscription.errors ?? [];
}

describe('operations over the socket', () => {
  it('refuses a query: only subscriptions are served there', async () => {
    const errors = await refusal('query { viewer { id } }');
    expect(errors.map((error) => error.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    expect(errors[0]?.message).toMatch(/only subscriptions/i);
  });

  it('refuses a mutation', async () => {
    const errors = await refusal('mutation { retractComment(id: "x", reason: "no") { id } }');
    expect(errors.map((error) => error.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
  });

  it('applies the HTTP validation rules: cost and alias limits, schema validation', async () => {
    // The subscription fields cannot nest past the depth limit (the schema has no cycle below FeedEntry); cost can be exceeded.
    const comments = (alias: string) =>
      `${alias}: comments(first: 100) { edges { node { id body postedAt author { id name country { name } } country { name } } } }`;
    const costly = `subscription { feedUpdated { item { ${Array.from({ length: 20 }, (_, i) => comments(`c${i}`)).join(' ')} } } }`;
    const [cost] = await refusal(costly);
    expect(cost?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost' });
    // Documents are kept parsed and validated by their text: the same one again is refused alike.
    expect(await refusal(costly)).toEqual([cost]);

    const aliased = `subscription { feedUpdated { ${Array.from({ length: 31 }, (_, i) => `a${i}: cursor`).join(' ')} } }`;
    const [aliases] = await refusal(aliased);
    expect(aliases?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'aliases' });

    const unknownField = await refusal('subscription { feedUpdated { noSuchField } }');
    expect(unknownField.map((error) => error.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
  });

  it('caps subscriptions per connection at 20', async () => {
    const client = await liveClient(app, rsExpert);
    clients.push(client);
    const open = Array.from({ length: 20 }, () => new LiveSubscription(client, FEED_UPDATED, {}));
    const extra = new LiveSubscription(client, FEED_UPDATED, {});
    await extra.untilEnded();
    expect(extra.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'subscriptions', max: 20 });
    expect(open.filter((subscription) => subscription.completed)).toEqual([]);
  });
});

describe('connections', () => {
  it('closes with 4403 on a bad or missing token', async () => {
    const bad = await rawSocket();
    sendInit(bad.socket, 'Bearer not-a-token');
    expect(await bad.closed).toBe(4403);
    const missing = await rawSocket();
    sendInit(missing.socket);
    expect(await missing.closed).toBe(4403);
  });

  it('closes with 4408 when connection_init does not come', async () => {
    const { closed } = await rawSocket();
    expect(await closed).toBe(4408);
  });

  it('closes a socket that sends a message over 64 KiB (1009), before parsing it', async () => {
    const { socket, acked, closed } = await rawSocket();
    sendInit(socket, `Bearer ${await app.token(kgExpert)}`);
    expect(await acked).toBe(true);
    socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `# ${'x'.repeat(65 * 1024)}\n{ __typename }` } }),
    );
    expect(await closed).toBe(1009);
  });

  it('caps connections per viewer at 10', async () => {
    const token = `Bearer ${await app.token(kgExpert)}`;
    const connections = await Promise.all(Array.from({ length: 10 }, () => rawSocket()));
    for (const { socket } of connections) sendInit(socket, token);
    expect(await Promise.all(connections.map(({ acked }) => acked))).toEqual(connections.map(() => true));
    const eleventh = await rawSocket();
    sendInit(eleventh.socket, token);
    expect(await eleventh.closed).toBe(4430);
    expect(await eleventh.acked).toBe(false);
  });
});
