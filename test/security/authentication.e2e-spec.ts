import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type WebSocket from 'ws';
import { dataOf, expectError, practiceInput, questionInput } from '../api/support/api.js';
import {
  ASK_QUESTION,
  AUDIT_TRAIL,
  COOPERATION_STATS,
  COUNTRIES,
  FEED,
  ITEM,
  ITEM_AS_OF,
  SEARCH,
  SHARE_PRACTICE,
  VERIFY_INTEGRITY,
  VIEWER,
} from '../api/support/documents.js';
import { cast } from '../api/support/people.js';
import { bearer, REFUSED_AUTHORIZATIONS, tokenWith } from '../api/support/tokens.js';
import { FEED_UPDATED, rawSocket, sendInit } from '../live/support/live-client.js';
import { startTestApp, TEST_SECRET, type TestApp } from '../support/test-app.js';

const { kzFocalPoint, secretariat } = cast;
const UNKNOWN_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

let app: TestApp;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  app = await startTestApp();
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});

afterAll(async () => {
  await app?.dispose();
});

describe('over HTTP', () => {
  it('answers viewer with the token’s participant', async () => {
    expect(dataOf(await app.gql(kzFocalPoint, VIEWER)).viewer).toEqual({
      id: kzFocalPoint.id,
      name: kzFocalPoint.name,
      country: { code: 'KZ', name: 'Kazakhstan', subregion: 'CENTRAL_ASIA' },
      roles: ['FOCAL_POINT'],
    });
    expect(dataOf(await app.gql(secretariat, VIEWER)).viewer).toMatchObject({
      id: secretariat.id,
      country: null,
      roles: ['SECRETARIAT'],
    });
  });

  it('answers countries without a token, all of them or one subregion’s', async () => {
    const all = dataOf(await app.gql<{ countries: { code: string }[] }>(null, COUNTRIES)).countries;
    expect(all).toHaveLength(16);
    expect(all).toContainEqual({ code: 'KZ', name: 'Kazakhstan', subregion: 'CENTRAL_ASIA' });
    const caucasus = dataOf(
      await app.gql<{ countries: { code: string }[] }>(null, COUNTRIES, { subregion: 'CAUCASUS' }),
    ).countries;
    expect(caucasus.map((country) => country.code)).toEqual(['AM', 'AZ', 'GE']);
  });

  it.each([
    ['viewer', VIEWER, {}],
    ['feed', FEED, {}],
    ['item', ITEM, { id: UNKNOWN_ID }],
    ['search', SEARCH, { text: 'safety' }],
    ['itemAsOf', ITEM_AS_OF, { id: UNKNOWN_ID, at: '2019-01-01T00:00:00Z' }],
    ['auditTrail', AUDIT_TRAIL, {}],
    ['verifyIntegrity', VERIFY_INTEGRITY, {}],
    ['cooperationStats', COOPERATION_STATS, {}],
    ['sharePractice', SHARE_PRACTICE, { input: practiceInput() }],
    ['askQuestion', ASK_QUESTION, { input: questionInput() }],
  ])('answers UNAUTHENTICATED to %s without a token', async (_operation, document, variables) => {
    expectError(await app.gql(null, document, variables), 'UNAUTHENTICATED');
  });

  it.each(REFUSED_AUTHORIZATIONS)('answers UNAUTHENTICATED (HTTP 401) to %s', async (_case, authorization) => {
    const response = await app.gql(null, FEED, {}, { authorization: await authorization() });
    expectError(response, 'UNAUTHENTICATED');
    expect(response.status).toBe(401);
  });

  it('answers UNAUTHENTICATED to a bad token even on the public countries query', async () => {
    expectError(await app.gql(null, COUNTRIES, {}, bearer('not-a-token')), 'UNAUTHENTICATED');
  });

  it('accepts a token valid for the whole maximum lifetime, 24 hours', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await tokenWith(
      { sub: 'day-long', name: 'Day long', country: 'KZ', roles: ['PARTICIPANT'] },
      { issuedAt: now, expiresAt: now + 24 * 3600 },
    );
    expect(dataOf(await app.gql(null, VIEWER, {}, bearer(token))).viewer).toMatchObject({ id: 'day-long' });
  });
});

describe('the development token command', () => {
  const command = join(import.meta.dirname, '..', '..', 'apps', 'api', 'src', 'cli', 'token.command.ts');
  const token = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', command, ...args], {
      env: { PATH: process.env['PATH'] ?? '', DATA_DIR: app.dataDir, AUTH_JWT_SECRET: TEST_SECRET },
      encoding: 'utf8',
    });

  it('prints tokens the service accepts, and refuses to print one it would refuse', async () => {
    const printed = token('--sub', 'cli-kz', '--name', 'Aigerim', '--country', 'KZ', '--roles', 'FOCAL_POINT');
    expect(printed.status).toBe(0);
    const viewer = dataOf(await app.gql(null, VIEWER, {}, bearer(printed.stdout.trim()))).viewer;
    expect(viewer).toMatchObject({ id: 'cli-kz', name: 'Aigerim', roles: ['FOCAL_POINT'] });
    for (const refused of [
      ['--country', 'KZ', '--expires', '48h'],
      ['--roles', 'SECRETARIAT', '--country', 'KZ'],
    ]) {
      const answer = token(...refused);
      expect(answer.status).toBe(2);
      expect(answer.stdout).toBe('');
    }
  });
});

describe('over graphql-ws', () => {
  it.each(REFUSED_AUTHORIZATIONS)('closes with 4403 at connection_init for %s', async (_case, authorization) => {
    const { socket, closed, acked } = await rawSocket(app);
    sockets.push(socket);
    sendInit(socket, await authorization());
    // Whichever comes first: an acknowledgement fails at once rather than waiting for a close that never comes.
    const outcome = acked.then((yes): Promise<number | 'acknowledged'> | 'acknowledged' =>
      yes ? 'acknowledged' : closed,
    );
    expect(await Promise.race([closed, outcome])).toBe(4403);
  });

  it('closes with 4403 at connection_init without a token', async () => {
    const { socket, closed } = await rawSocket(app);
    sockets.push(socket);
    sendInit(socket);
    expect(await closed).toBe(4403);
  });

  it('closes a live socket with 4403 when its token expires, ending its subscriptions', async () => {
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const token = await tokenWith(
      { sub: 'short-lived', name: 'Short lived', country: 'KG', roles: ['PARTICIPANT'] },
      { expiresAt },
    );
    const { socket, closed, acked, messages } = await rawSocket(app);
    sockets.push(socket);
    sendInit(socket, `Bearer ${token}`);
    expect(await acked).toBe(true);
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: FEED_UPDATED } }));
    // A bound, so that a socket left open fails the test instead of hanging it.
    const bound = new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), 10_000).unref());
    expect(await Promise.race([closed, bound])).toBe(4403);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt * 1000);
    expect(messages.filter((message) => message.type === 'next')).toEqual([]);
  });
});
