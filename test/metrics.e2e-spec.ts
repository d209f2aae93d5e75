import { sharePractice } from './api/support/api.js';
import { SHARE_PRACTICE } from './api/support/documents.js';
import { FEED_UPDATED, ITEM_UPDATED, LiveSubscription, liveClient } from './live/support/live-client.js';
import { people } from './support/participants.js';
import { type TestApp, startTestApp } from './support/test-app.js';

type Samples = ReadonlyMap<string, number>;

/** GET /metrics through the HTTP server, as Prometheus scrapes it: each sample by its name and labels as printed. */
async function scrape(app: TestApp): Promise<Samples> {
  const response = await fetch(new URL('/metrics', app.url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

/** What moved between two scrapes (a sample absent before counts from 0). */
const moved = (before: Samples, after: Samples, sample: string): number =>
  (after.get(sample) ?? 0) - (before.get(sample) ?? 0);

/** Scrapes until `sample` reads `value`: the server updates a gauge when it has handled the socket's message. */
async function until(app: TestApp, sample: string, value: number): Promise<Samples> {
  for (;;) {
    const samples = await scrape(app);
    if ((samples.get(sample) ?? 0) === value) return samples;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const OPERATIONS = 'coop_graphql_operation_duration_seconds_count';

/** The sum of a metric's samples over all its labels. */
const sumOf = (samples: Samples, metric: string): number =>
  [...samples]
    .filter(([name]) => name === metric || name.startsWith(`${metric}{`))
    .reduce((sum, [, value]) => sum + value, 0);

describe('GET /metrics', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.dispose();
  });

  it('moves with a mutation: the events appended, the operation and its outcome, the projector', async () => {
    const before = await scrape(app);

    await sharePractice(app, people.kzExpert);
    const refused = await app.gql(people.kzExpert, SHARE_PRACTICE, { input: { title: '', summary: '', body: '' } });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');

    const after = await scrape(app);
    expect(moved(before, after, 'coop_events_appended_total{type="PracticeShared"}')).toBe(1);
    expect(moved(before, after, `${OPERATIONS}{operation="SharePractice",outcome="OK"}`)).toBe(1);
    expect(moved(before, after, `${OPERATIONS}{operation="SharePractice",outcome="BAD_USER_INPUT"}`)).toBe(1);
    expect(
      moved(
        before,
        after,
        'coop_graphql_operation_duration_seconds_bucket{le="+Inf",operation="SharePractice",outcome="OK"}',
      ),
    ).toBe(1);
    // A participant's first request also records them in the directory: every event appended counts.
    const appended = sumOf(after, 'coop_events_appended_total') - sumOf(before, 'coop_events_appended_total');
    expect(appended).toBeGreaterThanOrEqual(1);
    expect(moved(before, after, 'coop_projector_position_events')).toBe(appended);
    expect(moved(before, after, 'coop_projector_events_applied_total')).toBe(appended);
    expect(moved(before, after, 'coop_projector_batch_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(after.get('coop_projector_lag_events')).toBe(0);
    expect(after.get('coop_projector_lag_seconds')).toBe(0);
    expect(after.get('coop_projector_running')).toBe(1);
  });

  it('counts an anonymous operation and one refused before GraphQL ran, and no request that is not GraphQL', async () => {
    const before = await scrape(app);
    await app.gql(people.kzExpert, '{ viewer { id } }');
    await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: 'query Viewer { viewer { id } }' }),
    });
    await fetch(new URL('/health/live', app.url));

    const after = await scrape(app);
    expect(moved(before, after, `${OPERATIONS}{operation="(anonymous)",outcome="OK"}`)).toBe(1);
    expect(moved(before, after, `${OPERATIONS}{operation="(anonymous)",outcome="UNAUTHENTICATED"}`)).toBe(1);
    expect(sumOf(after, OPERATIONS) - sumOf(before, OPERATIONS)).toBe(2);
  });

  it('moves with live connections and subscriptions, by kind, and back when they end', async () => {
    const practice = await sharePractice(app, people.kzExpert);
    const before = await scrape(app);
    const client = await liveClient(app, people.kgExpert);
    const feed = new LiveSubscription(client, FEED_UPDATED, {});
    const item = new LiveSubscription(client, ITEM_UPDATED, { id: practice.id }, 'itemUpdated');
    try {
      await until(
        app,
        'coop_live_subscriptions{kind="itemUpdated"}',
        (before.get('coop_live_subscriptions{kind="itemUpdated"}') ?? 0) + 1,
      );
      const live = await until(
        app,
        'coop_live_subscriptions{kind="feedUpdated"}',
        (before.get('coop_live_subscriptions{kind="feedUpdated"}') ?? 0) + 1,
      );
      expect(moved(before, live, 'coop_live_connections')).toBe(1);

      item.dispose();
      await until(
        app,
        'coop_live_subscriptions{kind="itemUpdated"}',
        before.get('coop_live_subscriptions{kind="itemUpdated"}') ?? 0,
      );
    } finally {
      feed.dispose();
      item.dispose();
      await client.dispose();
    }
    const ended = await until(app, 'coop_live_connections', before.get('coop_live_connections') ?? 0);
    expect(moved(before, ended, 'coop_live_subscriptions{kind="feedUpdated"}')).toBe(0);
  });

  it("reports Node's process metrics", async () => {
    const samples = await scrape(app);
    expect(samples.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(samples.get('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(samples.has('nodejs_eventloop_lag_p99_seconds')).toBe(true);
  });
});

describe('GET /metrics with a tight rate limit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
  });

  afterAll(async () => {
    await app?.dispose();
  });

  it('counts rate-limit refusals over HTTP and graphql-ws', async () => {
    const before = await scrape(app);
    for (let request = 0; request < 3; request++) await app.gql(people.kzExpert, 'query Viewer { viewer { id } }');
    const client = await liveClient(app, people.kzExpert);
    const live = new LiveSubscription(client, FEED_UPDATED, {});
    try {
      await live.until('the refusal', () => live.errors !== null);
    } finally {
      live.dispose();
      await client.dispose();
    }

    const after = await scrape(app);
    expect(moved(before, after, 'coop_rate_limit_refusals_total')).toBe(2);
    // Refused before its body is parsed: its operation has no name yet.
    expect(moved(before, after, `${OPERATIONS}{operation="(anonymous)",outcome="RATE_LIMITED"}`)).toBe(1);
  });
});

describe('METRICS_ENABLED=false', () => {
  it('serves no /metrics', async () => {
    const app = await startTestApp({ env: { METRICS_ENABLED: 'false' } });
    try {
      expect((await fetch(new URL('/metrics', app.url))).status).toBe(404);
    } finally {
      await app.dispose();
    }
  });
});
