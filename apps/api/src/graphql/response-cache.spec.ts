import { ApolloServer } from '@apollo/server';
import type { Participant } from '@coop/domain';
import { focalPointOf, participantOfCountry, SECRETARIAT } from '@coop/domain/testing/domain.fixtures.js';
import type { GraphqlContext } from '../auth/graphql-context.js';
import { ResponseCache, responseCachePlugin } from './response-cache.js';

/** Each field counts its executions; `failing` answers with an error; `slow` lets the test move the read model mid-answer. */
const typeDefs = `
  type Query { items(a: Int): Int! viewer: String! overdue: Boolean! failing: Int slow: Int! }
  type Mutation { write: Int! }
`;

let position: string | null;
let executions: number;
let duringSlow: () => void;

const resolvers = {
  Query: {
    items: () => ++executions,
    viewer: (_: unknown, __: unknown, context: GraphqlContext) => `${++executions}:${context.viewer?.name ?? 'nobody'}`,
    overdue: () => ++executions > 0,
    failing: () => {
      executions += 1;
      throw new Error('no');
    },
    slow: async () => {
      await Promise.resolve();
      duringSlow();
      return ++executions;
    },
  },
  Mutation: { write: () => ++executions },
};

let server: ApolloServer<GraphqlContext>;
let cache: ResponseCache;

beforeEach(async () => {
  position = 'p1';
  executions = 0;
  duringSlow = () => undefined;
  cache = new ResponseCache(1024 * 1024);
  server = new ApolloServer<GraphqlContext>({
    typeDefs,
    resolvers,
    plugins: [responseCachePlugin(cache, () => position)],
  });
  await server.start();
});

afterEach(async () => {
  await server.stop();
});

async function ask(query: string, viewer: Participant | null, variables?: Record<string, unknown>): Promise<unknown> {
  const response = await server.executeOperation(
    { query, variables },
    { contextValue: { viewer, clientAddress: '::1', correlationId: 'c' } },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

const KZ = participantOfCountry('KZ', 'kz-one');
const KZ_OTHER = participantOfCountry('KZ', 'kz-other');
const UA = participantOfCountry('UA');

describe('responseCachePlugin', () => {
  it('answers the same query at the same position from the cache, for every viewer with the same grants', async () => {
    expect(await ask('{ items }', KZ)).toEqual({ data: { items: 1 } });
    expect(await ask('{ items }', KZ)).toEqual({ data: { items: 1 } });
    expect(await ask('{ items }', KZ_OTHER)).toEqual({ data: { items: 1 } });
    expect(executions).toBe(1);
  });

  it('executes again once the read model has moved', async () => {
    await ask('{ items }', KZ);
    position = 'p2';
    expect(await ask('{ items }', KZ)).toEqual({ data: { items: 2 } });
    expect(await ask('{ items }', KZ)).toEqual({ data: { items: 2 } });
    expect(cache.size).toBe(1);
  });

  it('never serves one visibility class what another was answered', async () => {
    await ask('{ items }', KZ);
    expect(await ask('{ items }', UA)).toEqual({ data: { items: 2 } });
    expect(await ask('{ items }', SECRETARIAT)).toEqual({ data: { items: 3 } });
    expect(await ask('{ items }', null)).toEqual({ data: { items: 4 } });
    expect(await ask('{ items }', focalPointOf('KZ'))).toEqual({ data: { items: 1 } });
  });

  it('keys answers by document text, operation and variables', async () => {
    await ask('{ items }', KZ);
    expect(await ask('{ n: items }', KZ)).toEqual({ data: { n: 2 } });
    expect(await ask('query Q($a: Int) { items(a: $a) }', KZ, { a: 1 })).toEqual({ data: { items: 3 } });
    expect(await ask('query Q($a: Int) { items(a: $a) }', KZ, { a: 2 })).toEqual({ data: { items: 4 } });
    expect(await ask('query Q($a: Int) { items(a: $a) }', KZ, { a: 1 })).toEqual({ data: { items: 3 } });
  });

  it('keeps an answer that depends on who asks to that participant, as the token describes them', async () => {
    expect(await ask('{ viewer }', KZ)).toEqual({ data: { viewer: '1:Participant of KZ' } });
    expect(await ask('{ viewer }', KZ_OTHER)).toEqual({ data: { viewer: '2:Participant of KZ' } });
    expect(await ask('{ viewer }', KZ)).toEqual({ data: { viewer: '1:Participant of KZ' } });
    expect(await ask('{ viewer }', { ...KZ, name: 'Renamed' })).toEqual({ data: { viewer: '3:Renamed' } });
  });

  it('always executes a query that reads the clock, and never a mutation from the cache', async () => {
    await ask('{ overdue }', KZ);
    await ask('{ overdue }', KZ);
    await ask('mutation { write }', KZ);
    await ask('mutation { write }', KZ);
    expect(executions).toBe(4);
  });

  it('keeps no answer with an error', async () => {
    await ask('{ failing }', KZ);
    await ask('{ failing }', KZ);
    expect(executions).toBe(2);
  });

  it('keeps no answer begun before the read model moved and finished after', async () => {
    duringSlow = () => {
      position = 'p2';
    };
    await ask('{ slow }', KZ);
    duringSlow = () => undefined;
    expect(await ask('{ slow }', KZ)).toEqual({ data: { slow: 2 } });
    expect(await ask('{ slow }', KZ)).toEqual({ data: { slow: 2 } });
  });
});

describe('ResponseCache', () => {
  const answer = (text: string) => ({ text });
  const bytesOf = (key: string, text: string) => 2 * (key.length + JSON.stringify(answer(text)).length);

  it('drops the least recently used answers past its size', () => {
    const small = new ResponseCache(2 * bytesOf('a', 'xx'));
    small.lookup('p', 'a');
    small.store('p', 'a', answer('xx'));
    small.store('p', 'b', answer('xx'));
    expect(small.lookup('p', 'a')).toEqual(answer('xx'));
    small.store('p', 'c', answer('xx'));
    expect(small.lookup('p', 'b')).toBeUndefined();
    expect(small.lookup('p', 'a')).toEqual(answer('xx'));
    expect(small.lookup('p', 'c')).toEqual(answer('xx'));
  });

  it('keeps nothing larger than itself, and nothing for a position it has left', () => {
    const small = new ResponseCache(bytesOf('a', 'xx'));
    small.lookup('p', 'a');
    small.store('p', 'a', answer('xxx'));
    expect(small.size).toBe(0);
    small.lookup('q', 'a');
    small.store('p', 'a', answer('xx'));
    expect(small.size).toBe(0);
  });
});
