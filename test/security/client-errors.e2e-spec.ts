import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Client } from 'graphql-ws';
import pino from 'pino';
import type WebSocket from 'ws';
import { expectError, practiceInput, sharePractice } from '../api/support/api.js';
import { AUDIT_TRAIL, ITEM_AS_OF, SHARE_PRACTICE, WITHDRAW_PRACTICE } from '../api/support/documents.js';
import { cast } from '../api/support/people.js';
import { bearer } from '../api/support/tokens.js';
import { FEED_UPDATED, liveClient, LiveSubscription, rawSocket, sendInit } from '../live/support/live-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const { kgExpert, kzExpert } = cast;
const UNKNOWN_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

let app: TestApp;
const sockets: WebSocket[] = [];
const clients: Client[] = [];
/** Every line the service logged, parsed. */
const logs: { level: number; msg: string }[] = [];

beforeAll(async () => {
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  app = await startTestApp({ logger });
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

afterAll(async () => {
  await app?.dispose();
});

/** An acknowledged graphql-transport-ws socket of kgExpert's. */
async function acknowledgedSocket() {
  const opened = await rawSocket(app);
  sockets.push(opened.socket);
  sendInit(opened.socket, `Bearer ${await app.token(kgExpert)}`);
  expect(await opened.acked).toBe(true);
  return opened;
}

describe('messages a client may not send over the socket are its error (4400), not the server’s', () => {
  it.each([
    ['next', { id: '1', type: 'next', payload: { data: {} } }],
    ['error', { id: '1', type: 'error', payload: [{ message: 'from the client' }] }],
    ['connection_ack', { type: 'connection_ack' }],
    ['an unknown type', { type: 'shout' }],
  ])('closes with 4400 on %s', async (_case, message) => {
    const { socket, closed } = await acknowledgedSocket();
    socket.send(JSON.stringify(message));
    expect(await closed).toBe(4400);
  });

  it('closes with 4400 on a message that is not JSON', async () => {
    const { socket, closed } = await acknowledgedSocket();
    socket.send('{not json');
    expect(await closed).toBe(4400);
  });
});

/** One subscription over graphql-ws as kgExpert; its refusal, if it is refused. */
async function subscriptionErrors(query: string, variables: Record<string, unknown>) {
  const client = await liveClient(app, kgExpert);
  clients.push(client);
  const subscription = new LiveSubscription(client, query, variables);
  await subscription.untilEnded();
  return subscription.errors ?? [];
}

describe('operations sent over the wrong transport or with the wrong variables', () => {
  it('answers BAD_USER_INPUT (HTTP 400) to a subscription sent over HTTP, pointing to graphql-ws', async () => {
    const response = await app.gql(kgExpert, FEED_UPDATED);
    const error = expectError(response, 'BAD_USER_INPUT');
    expect(response.status).toBe(400);
    expect(error.message).toMatch(/graphql-ws/);
  });

  it('answers BAD_USER_INPUT to variables of the wrong type, over graphql-ws as over HTTP', async () => {
    for (const variables of [{ kinds: 'NOPE' }, { kinds: [42] }, { since: { not: 'a cursor' } }]) {
      const overSocket = await subscriptionErrors(FEED_UPDATED, variables);
      expect(overSocket.map((error) => error.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    }
    expectError(
      await app.gql(kgExpert, 'query ($kinds: [ItemKind!]) { feed(kinds: $kinds) { pageInfo { hasNextPage } } }', {
        kinds: 'NOPE',
      }),
      'BAD_USER_INPUT',
    );
  });
});

describe('what Fastify refuses before Apollo sees it is answered as a GraphQL error', () => {
  async function refusal(body: string | Buffer, contentType: string) {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': contentType, ...bearer(await app.token(kgExpert)) },
      body,
    });
    return { status: response.status, body: (await response.json()) as { errors?: unknown[] } };
  }

  it.each([
    ['a body over 1 MiB', 413, () => JSON.stringify({ query: `# ${'x'.repeat(1_100_000)}\n{ __typename }` })],
    ['a body that is not JSON', 400, () => '{"query": '],
    ['an empty JSON body', 400, () => ''],
    ['a body with a __proto__ key', 400, () => '{"query": "{ __typename }", "__proto__": { "admin": true }}'],
  ])('%s: HTTP %i with BAD_USER_INPUT', async (_case, status, body) => {
    const answer = await refusal(body(), 'application/json');
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('a body of another media type: HTTP 415 with BAD_USER_INPUT', async () => {
    const answer = await refusal('<query>{ __typename }</query>', 'application/xml');
    expect(answer.status).toBe(415);
    expect(answer.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('logging', () => {
  it('logs the client’s mistakes below error level, and the server’s own faults at error level', async () => {
    const practice = await sharePractice(app, kzExpert);
    logs.length = 0;
    expectError(await app.gql(kzExpert, AUDIT_TRAIL), 'FORBIDDEN');
    expectError(await app.gql(kzExpert, WITHDRAW_PRACTICE, { id: UNKNOWN_ID, reason: 'Gone' }), 'NOT_FOUND');
    expectError(await app.gql(kzExpert, SHARE_PRACTICE, { input: practiceInput({ title: 'ab' }) }), 'BAD_USER_INPUT');
    expectError(await app.gql(null, AUDIT_TRAIL), 'UNAUTHENTICATED');
    expectError(await app.gql(null, AUDIT_TRAIL, {}, bearer('not-a-token')), 'UNAUTHENTICATED');
    expectError(await app.gql(kzExpert, '{ viewer { password } }'), 'BAD_USER_INPUT');
    expect(logs.filter((line) => line.level >= 50)).toEqual([]);

    // A damaged row in the event store: the log can no longer be read back for this practice.
    const store = new Database(join(app.dataDir, 'events.sqlite'));
    try {
      store.prepare("UPDATE events SET data = '{damaged' WHERE stream_id = ?").run(`practice-${practice.id}`);
    } finally {
      store.close();
    }
    expectError(
      await app.gql(kzExpert, ITEM_AS_OF, { id: practice.id, at: new Date().toISOString() }),
      'INTERNAL_SERVER_ERROR',
    );
    expect(logs.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual([
      'unexpected error in a GraphQL operation',
    ]);
  });
});
