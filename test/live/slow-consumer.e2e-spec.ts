import { FeedBus } from '@coop/read-model';
import type { Client } from 'graphql-ws';
import { sharePractice } from '../api/support/api.js';
import { cast } from '../api/support/people.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FEED_UPDATED, headCursor, liveClient, LiveSubscription, TrackedSocket } from './support/live-client.js';

const { kzExpert, kgExpert, secretariat } = cast;

/** Small, so that a consumer that stops reading overflows after a few entries. */
const QUEUE_LIMIT = 4;
const topics = ['TAILINGS_SAFETY'];
/** The longest body a practice may have: with the aliases below each message is about half a megabyte, so socket buffers fill fast. */
const body = 'Tailings dam inspection. '.repeat(800);
const HEAVY = `subscription Heavy($since: String, $topics: [Topic!]) {
  feedUpdated(since: $since, topics: $topics) {
    cursor item { id } ${Array.from({ length: 25 }, (_, i) => `b${i}: item { ... on Practice { body } }`).join(' ')}
  }
}`;

let app: TestApp;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp({ env: { LIVE_QUEUE_LIMIT: String(QUEUE_LIMIT) } });
  await sharePractice(app, kzExpert);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await app?.dispose();
});

it('ends a consumer that stops reading with RESUME_REQUIRED and its cursor; resuming from it loses nothing', async () => {
  const bus = app.app.get(FeedBus);
  const slowClient = await liveClient(app, kgExpert, TrackedSocket);
  clients.push(slowClient);
  const slow = new LiveSubscription<{ cursor: string; item: { id: string } }>(slowClient, HEAVY, {
    since: await headCursor(app, secretariat),
    topics,
  });
  const appended = [await sharePractice(app, kzExpert, { topics, body })];
  await slow.until('the first practice', () => slow.entries.length === 1);
  const socket = TrackedSocket.opened[TrackedSocket.opened.length - 1];
  socket?.pause();

  // Bounded: the socket buffers and the queue fill after a few dozen half-megabyte messages.
  while (bus.subscriberCount > 0 && appended.length < 300)
    appended.push(await sharePractice(app, kzExpert, { topics, body }));
  expect(bus.subscriberCount).toBe(0);
  socket?.resume();
  await slow.untilEnded();
  const error = slow.errors?.[0];
  expect(error?.extensions?.['code']).toBe('RESUME_REQUIRED');
  const cursor = error?.extensions?.['cursor'];
  expect(cursor).toBe(slow.entries[slow.entries.length - 1]?.cursor);
  expect(slow.entries.length).toBeLessThan(appended.length);

  const client = await liveClient(app, kgExpert);
  clients.push(client);
  const resumed = new LiveSubscription(client, FEED_UPDATED, { since: cursor, topics });
  const last = appended[appended.length - 1]?.id;
  await resumed.until('the last practice', () => resumed.entries.some((entry) => entry.item.id === last));
  const received = [...slow.entries, ...resumed.entries].map((entry) => entry.item.id);
  expect(received).toEqual(appended.map((practice) => practice.id));
});
