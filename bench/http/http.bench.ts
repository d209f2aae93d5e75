/**
 * "mutation" and "feed query": req/s of `sharePractice` and
 * of `feed(first: 20)` over HTTP with 32 connections, each divided by the req/s
 * of `{ __typename }` on the same server, measured right before it in the same
 * run. Each connection sends the tokens of participants of all 16 countries in
 * turn, the floor's too, so the ratio prices the operation, not
 * authentication. A response that is not a 200 without GraphQL errors counts
 * as failed, and any failure fails the run.
 */
import { COUNTRY_CODES } from '@coop/domain';
import { signToken } from '../../apps/api/src/auth/token-signer.js';
import { buildService, startBuiltService } from '../support/built-service.js';
import { latencies, load, type LoadPhase } from '../support/http-load.js';
import { type Figure, scenario } from '../support/scenario.js';

const SECRET = 'http-bench-signs-with-this-secret-of-32-bytes-long';
const MUTATION_RATIO_TARGET = 0.5;
const MUTATION_P99_TARGET_MS = 50;
const FEED_RATIO_TARGET = 0.6;
/** Practices shared before the feed is read, so that every page is full. */
const SEEDED_PRACTICES = 500;

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

async function measure(phase: LoadPhase): Promise<Figure[]> {
  buildService();
  const service = await startBuiltService(SECRET);
  try {
    const secret = new TextEncoder().encode(SECRET);
    const tokens = await Promise.all(
      COUNTRY_CODES.map((country) =>
        signToken(secret, { id: `bench-${country}`, name: `Bench ${country}`, country, roles: ['PARTICIPANT'] }),
      ),
    );
    const url = service.graphqlUrl;
    console.log(`sharing ${SEEDED_PRACTICES} practices for the feed to read…`);
    for (let shared = 0; shared < SEEDED_PRACTICES; shared += 1) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[shared % tokens.length]}` },
        body: JSON.stringify({ query: SHARE, variables: SHARE_INPUT }),
      });
      if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    }

    console.log(`${phase.connections} connections, ${phase.seconds} s a phase…`);
    // A short warm-up, so that the first floor does not pay for the JIT.
    await load(phase, url, tokens, TYPENAME);
    const mutationFloor = await load(phase, url, tokens, TYPENAME);
    const mutation = await load(phase, url, tokens, SHARE, SHARE_INPUT);
    const feedFloor = await load(phase, url, tokens, TYPENAME);
    const feed = await load(phase, url, tokens, FEED);

    const failed = [mutationFloor, mutation, feedFloor, feed].reduce((sum, result) => sum + result.failed, 0);
    return [
      {
        name: 'sharePractice',
        value: mutation.requestsPerSecond,
        unit: 'req/s',
        floor: { name: '{ __typename }', value: mutationFloor.requestsPerSecond },
        targets: [{ on: 'ratio', atLeast: MUTATION_RATIO_TARGET }],
        note: `${latencies(mutation)}; floor ${latencies(mutationFloor)}`,
      },
      {
        name: 'sharePractice p99',
        value: mutation.p99,
        unit: 'ms',
        floor: { name: '{ __typename } p99', value: mutationFloor.p99 },
        targets: [{ on: 'value', atMost: MUTATION_P99_TARGET_MS }],
      },
      {
        name: 'feed(subregion, first: 20)',
        value: feed.requestsPerSecond,
        unit: 'req/s',
        floor: { name: '{ __typename }', value: feedFloor.requestsPerSecond },
        targets: [{ on: 'ratio', atLeast: FEED_RATIO_TARGET }],
        note: `${latencies(feed)}; floor ${latencies(feedFloor)}`,
      },
      { name: 'failed requests', value: failed, unit: 'requests', targets: [{ on: 'value', atMost: 0 }] },
    ];
  } finally {
    await service.stop();
  }
}

export const http = scenario({
  name: 'http',
  summary: 'sharePractice and feed(first: 20) req/s over HTTP against { __typename } on the same server',
  options: {
    seconds: { default: 10, meaning: 'length of each load phase' },
    connections: { default: 32, meaning: 'concurrent HTTP connections' },
  },
  run: (options) => measure({ seconds: options.seconds, connections: options.connections }),
});
