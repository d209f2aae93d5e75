import type { Participant } from '@coop/domain';
import { signToken } from '../../apps/api/src/auth/token-signer.js';

export const TEST_SECRET = 'end-to-end-tests-sign-with-this-secret';

export interface GraphqlResponse<Data = Record<string, unknown>> {
  readonly status: number;
  readonly data?: Data | null;
  readonly errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** Sends GraphQL operations over HTTP as a given participant: the test app, or a service in its own process. */
export interface GraphqlClient {
  /** POSTs one GraphQL operation as `participant` (anonymous when null). */
  gql<Data = Record<string, unknown>>(
    participant: Participant | null,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<Data>>;
}

/** Tokens signed with the test secret, one per participant. */
export function testTokens(): (participant: Participant) => Promise<string> {
  const secret = new TextEncoder().encode(TEST_SECRET);
  const tokens = new Map<string, Promise<string>>();
  return (participant) => {
    const key = JSON.stringify(participant);
    if (!tokens.has(key)) tokens.set(key, signToken(secret, participant));
    return tokens.get(key) as Promise<string>;
  };
}

/** GraphQL over HTTP to the service at `url`, with each participant's token. */
export function graphqlClient(url: string, token: (participant: Participant) => Promise<string>): GraphqlClient {
  return {
    async gql(participant, query, variables = {}, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(participant ? { authorization: `Bearer ${await token(participant)}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphqlResponse, 'status'>;
      return { status: response.status, ...body } as GraphqlResponse<never>;
    },
  };
}
