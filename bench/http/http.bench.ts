/**
 * "mutation" and "feed query": req/s of `sharePractice` and
 * of `feed(first: 20)` over HTTP with 32 connections, each divided by the req/s
 * of `{ __typename }` on the same server, measured right before it in the same
 * run. Every request carries the same viewer's token, so the ratio prices the
 * operation, not authentication. A response that is not a 200 without GraphQL
 * errors counts as failed, and any failure fails the run.
 *
 *   npm run bench -- http [--seconds 10] [--connections 32]
 */
import autocannon from 'autocannon';
import { signToken } from '../../apps/api/src/auth/token-signer.js';
import { buildService, startBuiltService } from '../support/built-service.js';
import { option } from '../support/options.js';

const SECRET = 'http-bench-signs-with-this-secret-of-32-bytes-long';
const MUTATION_RATIO_TARGET = 0.5;
const MUTATION_P99_TARGET_MS = 50;
const FEED_RATIO_TARGET = 0.6;
/** Practices shared before the feed is read, so that every page is full. */
const SEEDED_PRACTICES = 500;

const SECONDS = option('seconds', 10);
const CONNECTIONS = option('connections', 32);

const TYPENAME = '{ __typename }';
const SHARE = `mutation Share($input: SharePracticeInput!) { sharePractice(input: $input) { id version } }`;
const SHARE_INPUT = {
  input: {
    title: 'How our competent authority identifies hazardous activities',
    summary: 'A register of hazardous activities, reviewed every year with the operators.',
    body: 'We keep a register of hazardous activities and review it every year with the operators and neighbours.',
    topics: ['IDENTIFICATION'],
    audience: { scope: 'NETWORK' },
  },
};
const FEED = `query Feed { feed(first: 20, subregion: CENTRAL_ASIA) {
  edges { cursor node { activity occurredAt actor { name country { name } } item { id kind title topics } } }
  pageInfo { hasNextPage endCursor }
} }`;

interface Figure {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
}

async function load(url: string, token: string, query: string, variables: object = {}): Promise<Figure> {
  let failed = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    requests: [
      {
        onResponse: (status, body) => {
          if (status !== 200 || body.includes('"errors"')) failed += 1;
        },
      },
    ],
  });
  failed += result.errors + result.timeouts + result.non2xx;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed,
  };
}

async function main(): Promise<void> {
  buildService();
  const service = await startBuiltService(SECRET);
  try {
    const secret = new TextEncoder().encode(SECRET);
    const token = await signToken(secret, { id: 'bench-kz', name: 'Bench KZ', country: 'KZ', roles: ['PARTICIPANT'] });
    const url = service.graphqlUrl;
    console.log(`sharing ${SEEDED_PRACTICES} practices for the feed to read…`);
    for (let shared = 0; shared < SEEDED_PRACTICES; shared += 1) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: SHARE, variables: SHARE_INPUT }),
      });
      if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    }

    console.log(`${CONNECTIONS} connections, ${SECONDS} s a phase…`);
    // A short warm-up, so that the first floor does not pay for the JIT.
    await load(url, token, TYPENAME);
    const mutationFloor = await load(url, token, TYPENAME);
    const mutation = await load(url, token, SHARE, SHARE_INPUT);
    const feedFloor = await load(url, token, TYPENAME);
    const feed = await load(url, token, FEED);

    const row = (name: string, figure: Figure) =>
      `  ${name.padEnd(24)} ${Math.round(figure.requestsPerSecond).toString().padStart(7)} req/s   p50 ${figure.p50} ms   p99 ${figure.p99} ms   failed ${figure.failed}`;
    const mutationRatio = mutation.requestsPerSecond / mutationFloor.requestsPerSecond;
    const feedRatio = feed.requestsPerSecond / feedFloor.requestsPerSecond;
    console.log(row('{ __typename }', mutationFloor));
    console.log(row('sharePractice', mutation));
    console.log(row('{ __typename }', feedFloor));
    console.log(row('feed(first: 20)', feed));
    const failed = [mutationFloor, mutation, feedFloor, feed].reduce((sum, figure) => sum + figure.failed, 0);
    const mutationPass = mutationRatio >= MUTATION_RATIO_TARGET && mutation.p99 <= MUTATION_P99_TARGET_MS;
    const feedPass = feedRatio >= FEED_RATIO_TARGET;
    console.log(
      `mutation ratio ${mutationRatio.toFixed(3)} (target >= ${MUTATION_RATIO_TARGET}), p99 ${mutation.p99} ms (target <= ${MUTATION_P99_TARGET_MS}) ${mutationPass ? 'PASS' : 'FAIL'}`,
    );
    console.log(
      `feed query ratio ${feedRatio.toFixed(3)} (target >= ${FEED_RATIO_TARGET}) ${feedPass ? 'PASS' : 'FAIL'}`,
    );
    if (failed > 0) console.log(`FAIL: ${failed} requests failed`);
    process.exitCode = mutationPass && feedPass && failed === 0 ? 0 : 1;
  } finally {
    await service.stop();
  }
}

await main();
