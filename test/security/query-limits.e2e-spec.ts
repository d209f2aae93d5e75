import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, ValidationContext } from 'graphql';
import type { Client } from 'graphql-ws';
import { queryLimitRules } from '../../apps/api/src/graphql/query-limits.js';
import { expectError } from '../api/support/api.js';
import { cast } from '../api/support/people.js';
import { liveClient, LiveSubscription } from '../live/support/live-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const { kzExpert } = cast;

/** The API's own schema, as committed (a test keeps it current). */
const schema = buildSchema(readFileSync(join(import.meta.dirname, '..', '..', 'schema.graphql'), 'utf8'));

/**
 * `query Q { ...F0 } fragment F0 on Query { ...F1 ...F1 } … fragment Fn on Query { __typename }`:
 * under 1 KB at 26 levels, it selects `__typename` 2^25 times once expanded.
 */
function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, level) =>
    level === levels - 1
      ? `fragment F${level} on Query { __typename }`
      : `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`,
  );
  return `query Q { ...F0 } ${fragments.join(' ')}`;
}

describe('the query limit rules', () => {
  const lookUp = ValidationContext.prototype.getFragment;

  afterEach(() => {
    ValidationContext.prototype.getFragment = lookUp;
  });

  /** Counts the rules' fragment look-ups; past `bound` it throws, so an exponential walk fails at once instead of running for minutes. */
  function countFragmentLookups(bound: number): { readonly count: number } {
    const counter = { count: 0 };
    ValidationContext.prototype.getFragment = function (this: ValidationContext, name: string) {
      counter.count += 1;
      if (counter.count > bound) throw new Error(`more than ${bound} fragment look-ups`);
      return lookUp.call(this, name);
    };
    return counter;
  }

  it.each([16, 21, 26])(
    'look up each fragment of a %i-level fragment bomb once, and refuse it for its cost',
    (levels) => {
      const lookups = countFragmentLookups(levels);
      const errors = validate(schema, parse(fragmentBomb(levels)), queryLimitRules());
      // Linear in the document: one measure per fragment definition, whatever the nesting.
      expect(lookups.count).toBe(levels);
      expect(errors.map((error) => error.extensions['limit'])).toEqual(['cost']);
    },
  );

  it('count aliases as the operation resolves them, through every spread of a fragment', () => {
    const twice = `query Q { ...A ...A } fragment A on Query { ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const errors = validate(schema, parse(twice), queryLimitRules());
    expect(errors.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', limit: 'aliases', max: 30, actual: 32 },
    ]);
  });
});

describe('a fragment bomb and a token flood, over both transports', () => {
  let app: TestApp;
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });

  afterAll(async () => {
    await app?.dispose();
  });

  async function overSocket(query: string) {
    const client = await liveClient(app, kzExpert);
    clients.push(client);
    const subscription = new LiveSubscription(client, query, {});
    await subscription.untilEnded();
    return subscription.errors ?? [];
  }

  const subscriptionBomb = (levels: number) =>
    fragmentBomb(levels)
      .replace('query Q { ...F0 }', 'subscription S { feedUpdated { ...F0 } }')
      .replaceAll(' on Query ', ' on FeedEntry ');

  it('refuses the 26-level fragment bomb as too costly, over HTTP and over graphql-ws', async () => {
    const overHttp = expectError(await app.gql(kzExpert, fragmentBomb(26)), 'BAD_USER_INPUT');
    expect(overHttp.extensions?.['limit']).toBe('cost');
    const [overSocketError] = await overSocket(subscriptionBomb(26));
    expect(overSocketError?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost' });
  });

  it('stops parsing a document at 2,000 tokens, over HTTP and over graphql-ws', async () => {
    // Valid under every other limit: the same field, selected again and again.
    const flood = `{ ${'__typename '.repeat(2_001)}}`;
    const overHttp = expectError(await app.gql(kzExpert, flood), 'BAD_USER_INPUT');
    expect(overHttp.message).toMatch(/2000 tokens/);
    const [overSocketError] = await overSocket(`subscription { feedUpdated { ${'cursor '.repeat(2_001)}} }`);
    expect(overSocketError?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(overSocketError?.message).toMatch(/2000 tokens/);
  });
});
