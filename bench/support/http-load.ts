/**
 * One phase of HTTP load with autocannon: every request the same GraphQL
 * operation, each connection sending the tokens in turn. A response that is
 * not a 200 without GraphQL errors counts as failed.
 */
import autocannon from 'autocannon';

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
}

export interface LoadPhase {
  readonly seconds: number;
  readonly connections: number;
}

export async function load(
  phase: LoadPhase,
  url: string,
  tokens: readonly string[],
  query: string,
  variables: object = {},
): Promise<LoadResult> {
  let failed = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: phase.connections,
    duration: phase.seconds,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    requests: tokens.map((token) => ({
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      onResponse: (status: number, body: string) => {
        if (status !== 200 || body.includes('"errors"')) failed += 1;
      },
    })),
  });
  failed += result.errors + result.timeouts + result.non2xx;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed,
  };
}

export const latencies = (result: LoadResult): string => `p50 ${result.p50} ms, p99 ${result.p99} ms`;
