import type { Client } from 'graphql-ws';
import { sharePractice } from '../api/support/api.js';
import { cast } from '../api/support/people.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FEED_UPDATED, headCursor, liveClient, LiveSubscription } from './support/live-client.js';

const { kzExpert, kgExpert, secretariat } = cast;

let app: TestApp;
let restarted: TestApp | undefined;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp();
  await sharePractice(app, kzExpert);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await restarted?.dispose();
  await app?.dispose();
});

it('ends live subscriptions at shutdown with RESUME_REQUIRED and their cursor; after a restart they resume from it', async () => {
  const client = await liveClient(app, kgExpert);
  clients.push(client);
  const live = new LiveSubscription(client, FEED_UPDATED, {
    subregion: 'CENTRAL_ASIA',
    since: await headCursor(app, secretariat),
  });
  const before = [await sharePractice(app, kzExpert), await sharePractice(app, kzExpert)];
  await live.until('both practices', () => live.entries.length === before.length);

  await app.close();
  await live.untilEnded();
  expect(live.errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({ code: 'RESUME_REQUIRED', cursor: live.entries[1]?.cursor }),
    }),
  ]);

  restarted = await startTestApp({ dataDir: app.dataDir });
  const after = await sharePractice(restarted, kzExpert);
  const resumedClient = await liveClient(restarted, kgExpert);
  clients.push(resumedClient);
  const resumed = new LiveSubscription(resumedClient, FEED_UPDATED, {
    subregion: 'CENTRAL_ASIA',
    since: live.errors?.[0]?.extensions?.['cursor'],
  });
  await resumed.until('the practice shared after the restart', () => resumed.entries.length === 1);
  expect([...live.entries, ...resumed.entries].map((entry) => entry.item.id)).toEqual(
    [...before, after].map((practice) => practice.id),
  );
});
