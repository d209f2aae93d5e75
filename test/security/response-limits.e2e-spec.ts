import type { Client } from 'graphql-ws';
import { expectError, practiceInput } from '../api/support/api.js';
import { SHARE_PRACTICE } from '../api/support/documents.js';
import { cast } from '../api/support/people.js';
import { FEED_UPDATED, liveClient, LiveSubscription } from '../live/support/live-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const { kzExpert } = cast;
const clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

async function overSocket(app: TestApp, query: string, variables: Record<string, unknown> = {}) {
  const client = await liveClient(app, kzExpert);
  clients.push(client);
  const subscription = new LiveSubscription(client, query, variables);
  await subscription.untilEnded();
  return subscription.errors ?? [];
}

describe('in production, errors do not describe the schema', () => {
  let production: TestApp;

  beforeAll(async () => {
    production = await startTestApp({ env: { NODE_ENV: 'production' } });
  });

  afterAll(async () => {
    await production?.dispose();
  });

  it('suggests no field, argument or enum value over HTTP', async () => {
    const field = expectError(await production.gql(kzExpert, '{ viewr { id } }'), 'BAD_USER_INPUT');
    expect(field.message).toBe('Cannot query field "viewr" on type "Query".');
    const argument = expectError(
      await production.gql(kzExpert, '{ feed(frist: 1) { pageInfo { hasNextPage } } }'),
      'BAD_USER_INPUT',
    );
    expect(argument.message).not.toMatch(/Did you mean/);
    const value = expectError(
      await production.gql(
        kzExpert,
        'query ($kinds: [ItemKind!]) { feed(kinds: $kinds) { pageInfo { hasNextPage } } }',
        {
          kinds: ['PRACTISE'],
        },
      ),
      'BAD_USER_INPUT',
    );
    expect(value.message).not.toMatch(/Did you mean/);
  });

  it('suggests nothing over graphql-ws either', async () => {
    const [field] = await overSocket(production, 'subscription { feedUpdatd { cursor } }');
    expect(field?.message).toBe('Cannot query field "feedUpdatd" on type "Subscription".');
    const [value] = await overSocket(production, FEED_UPDATED, { kinds: ['PRACTISE'] });
    expect(value?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(value?.message).not.toMatch(/Did you mean/);
  });
});

describe('an input that lists thousands of elements', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.dispose();
  });

  const countries = Array.from({ length: 50_000 }, () => 'KZ');

  it('is refused for its length, in an answer of a few hundred bytes, over HTTP', async () => {
    const input = practiceInput({ audience: { scope: 'COUNTRIES', countries } });
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.token(kzExpert)}` },
      body: JSON.stringify({ query: SHARE_PRACTICE, variables: { input } }),
    });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text.length).toBeLessThan(1_000);
    expect(JSON.parse(text)).toEqual({
      errors: [
        {
          message: 'A list may hold at most 100 elements: $.input.audience.countries holds 50000',
          extensions: { code: 'BAD_USER_INPUT', limit: 'listLength', max: 100, actual: 50_000 },
        },
      ],
    });
  });

  it('is refused for its length over graphql-ws', async () => {
    const [error] = await overSocket(app, FEED_UPDATED, { topics: Array.from({ length: 1_000 }, () => 'NATECH') });
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'listLength', max: 100, actual: 1_000 });
  });

  it('is refused for its length when the list is written in the document', async () => {
    const kinds = Array.from({ length: 500 }, () => 'PRACTICE').join(' ');
    const error = expectError(
      await app.gql(kzExpert, `{ feed(kinds: [${kinds}]) { pageInfo { hasNextPage } } }`),
      'BAD_USER_INPUT',
    );
    expect(error.extensions).toMatchObject({ limit: 'listLength', max: 100, actual: 500 });
  });

  it('answers at most 20 errors, however many the document holds', async () => {
    const unknown = Array.from({ length: 90 }, (_, index) => `f${index}: nothing${index}`).join(' ');
    const response = await app.gql(kzExpert, `{ ${unknown} }`);
    expect(response.errors?.length).toBeLessThanOrEqual(21);
    expect(response.errors?.at(-1)?.message).toMatch(/Too many validation errors/);
  });
});
