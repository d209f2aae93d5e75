import WebSocket from 'ws';
import { dataOf, expectError } from '../api/support/api.js';
import { VIEWER } from '../api/support/documents.js';
import { cast } from '../api/support/people.js';
import { bearer } from '../api/support/tokens.js';
import { rawSocket, sendInit, wsUrl } from '../live/support/live-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const { kzExpert, rsExpert } = cast;
const BUDGET = 5;

/** POSTs a raw body to the GraphQL path, for the answers `app.gql` cannot send or does not show (headers). */
async function post(app: TestApp, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

async function expectRateLimited(response: Response): Promise<void> {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
  expect(body.errors.map((error) => error.extensions)).toEqual([
    { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
  ]);
}

describe('every HTTP request spends its sender’s budget, before it is parsed', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(BUDGET) } });
  });

  afterEach(async () => {
    await app?.dispose();
  });

  it('counts requests with a bad token against the client’s address, then answers 429 with Retry-After', async () => {
    for (let request = 0; request < BUDGET; request++) {
      expect((await app.gql(null, VIEWER, {}, bearer('not-a-token'))).status).toBe(401);
    }
    await expectRateLimited(await post(app, JSON.stringify({ query: VIEWER }), bearer('not-a-token')));
    // A viewer with a valid token has a budget of their own.
    expect(dataOf(await app.gql(kzExpert, VIEWER))).toBeDefined();
  });

  it('counts documents that fail validation or parsing, and bodies that are not JSON, against the viewer', async () => {
    const token = bearer(await app.token(kzExpert));
    expectError(await app.gql(kzExpert, '{ viewer { password } }'), 'BAD_USER_INPUT');
    expectError(await app.gql(kzExpert, '{ viewer { id } } query Second { viewer { id } }'), 'BAD_USER_INPUT');
    expectError(await app.gql(kzExpert, '{ viewer { '), 'BAD_USER_INPUT');
    expect((await post(app, '{"query": ', token)).status).toBe(400);
    expect((await post(app, '', token)).status).toBe(400);
    await expectRateLimited(await post(app, JSON.stringify({ query: VIEWER }), token));
    expect(dataOf(await app.gql(rsExpert, VIEWER))).toBeDefined();
  });

  it('counts audit exports with a bad token against the same budget as GraphQL requests', async () => {
    const exportUrl = new URL('/audit/export', app.url).href;
    for (let request = 0; request < BUDGET - 1; request++) {
      expect((await fetch(exportUrl, { headers: bearer('not-a-token') })).status).toBe(401);
    }
    expect((await app.gql(null, VIEWER, {}, bearer('not-a-token'))).status).toBe(401);
    await expectRateLimited(await fetch(exportUrl, { headers: bearer('not-a-token') }));
  });
});

describe('failed connection_init attempts', () => {
  let app: TestApp;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(BUDGET) } });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await app?.dispose();
  });

  it('spend the address’s budget; past it, the upgrade itself is answered 429 with Retry-After', async () => {
    for (let attempt = 0; attempt < BUDGET; attempt++) {
      const { socket, closed } = await rawSocket(app);
      sockets.push(socket);
      sendInit(socket, 'Bearer not-a-token');
      expect(await closed).toBe(4403);
    }
    const refused = await new Promise<{ status: number | undefined; retryAfter: string | undefined }>(
      (resolve, reject) => {
        const socket = new WebSocket(wsUrl(app), 'graphql-transport-ws');
        socket.once('unexpected-response', (request, response) => {
          resolve({ status: response.statusCode, retryAfter: response.headers['retry-after'] });
          request.destroy();
        });
        socket.once('open', () => reject(new Error('the upgrade was accepted')));
      },
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(dataOf(await app.gql(kzExpert, VIEWER))).toBeDefined();
  });
});
