import { people } from '../support/participants.js';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { FEED_UPDATED, LiveSubscription, liveClient } from './support/live-client.js';

const VIEWER = `{ viewer { id } }`;

describe('the per-viewer rate limit across transports', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
  });

  afterAll(async () => {
    await app?.dispose();
  });

  it('counts HTTP operations and socket subscriptions against one budget', async () => {
    for (let request = 0; request < 3; request++) {
      expect((await app.gql(people.kzExpert, VIEWER)).errors).toBeUndefined();
    }
    const client = await liveClient(app, people.kzExpert);
    const live = new LiveSubscription(client, FEED_UPDATED, {});
    try {
      await live.until('the refusal', () => live.errors !== null);
      expect(live.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      live.dispose();
      await client.dispose();
    }
  });
});
