import { join } from 'node:path';
import { STREAM_PREFIXES, type Participant } from '@coop/domain';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import Database from 'better-sqlite3';
import { READ_MODEL_FILE } from '../../apps/api/src/config/app-config.js';
import { AUDIT_TRAIL, VERIFY_INTEGRITY } from '../api/support/documents.js';
import type { AuditEventFields, Connection, IntegrityReport } from '../api/support/types.js';
import { EventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double.server.js';
import { FEED_UPDATED, LiveSubscription, headCursor, liveClient } from '../live/support/live-client.js';
import { people } from '../support/participants.js';
import { type GraphqlResponse, type TestApp, startTestApp } from '../support/test-app.js';

/**
 * The whole service with EVENT_STORE=eventstoredb, against the gRPC double of
 * EventStoreDB: the production adapter on the wire, unchanged. The server is
 * shared with other applications, whose streams are there before the service
 * starts and keep coming while it runs.
 */

const SHARE = `mutation ($input: SharePracticeInput!) { sharePractice(input: $input) { id version country { code } } }`;
const ASK = `mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;
const ANSWER = `mutation ($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id questionId accepted } }`;
const FEED = `query ($subregion: Subregion) { feed(subregion: $subregion, first: 50) { edges { node { activity item { id } } } } }`;

function data<Data>(response: GraphqlResponse<Data>): Data {
  if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors ?? response));
  return response.data;
}

function practiceInput(title: string) {
  return {
    title,
    summary: 'Checklist for tailings dams',
    body: 'Inspect the dam twice a year.',
    topics: ['TAILINGS_SAFETY'],
    audience: { scope: 'NETWORK' },
  };
}

/**
 * Another application's writes: a stream with a hash chain of its own making
 * (which is not the service's), streams with no hash at all, one named like a
 * category of the service's but in another case, and one using the service's
 * own event type.
 */
async function writeOtherApplicationStreams(connectionString: string, round: number): Promise<string[]> {
  const client = EventStoreDBClient.connectionString(connectionString);
  const streams = [`billing-${round}`, `inventory-${round}`, `Practice-${round}`, `crm.practice-${round}`];
  try {
    await client.appendToStream(streams[0]!, [
      jsonEvent({
        type: 'InvoiceIssued',
        data: { amount: 120 },
        metadata: { hash: 'sha1:0be1c2', previousHash: null },
      }),
      jsonEvent({ type: 'InvoicePaid', data: { amount: 120 }, metadata: { hash: 'sha1:77ad01', previousHash: 'x' } }),
    ]);
    await client.appendToStream(streams[1]!, [jsonEvent({ type: 'StockCounted', data: { items: 3 } })]);
    await client.appendToStream(streams[2]!, [jsonEvent({ type: 'Noted', data: {}, metadata: { actorId: 'x' } })]);
    await client.appendToStream(streams[3]!, [jsonEvent({ type: 'PracticeShared', data: { title: 42 } })]);
  } finally {
    await client.dispose();
  }
  return streams;
}

async function feedItemIds(app: TestApp, viewer: Participant, subregion: string): Promise<string[]> {
  const { feed } = data(
    await app.gql<{ feed: { edges: { node: { item: { id: string } } }[] } }>(viewer, FEED, { subregion }),
  );
  return feed.edges.map((edge) => edge.node.item.id);
}

describe('the service on EventStoreDB (over the gRPC double)', () => {
  let double: EventStoreDbDouble;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    double = await EventStoreDbDouble.start();
    await writeOtherApplicationStreams(double.connectionString, 1);
    const env = { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: double.connectionString };
    first = await startTestApp({ env });
    second = await startTestApp({ env });
  });

  afterAll(async () => {
    await first?.dispose();
    await second?.dispose();
    await double?.stop();
  });

  it('shares, asks, answers and shows them in the feed', async () => {
    const { sharePractice } = data(
      await first.gql<{ sharePractice: { id: string; version: number } }>(people.kzExpert, SHARE, {
        input: practiceInput('Tailings dam inspections'),
      }),
    );
    expect(sharePractice.version).toBe(1);
    const { askQuestion } = data(
      await first.gql<{ askQuestion: { id: string } }>(people.kzExpert, ASK, {
        input: {
          title: 'Who inspects tailings dams?',
          body: 'Which authority inspects them in your country?',
          topics: ['TAILINGS_SAFETY'],
          audience: { scope: 'NETWORK' },
        },
      }),
    );
    const { answerQuestion } = data(
      await first.gql<{ answerQuestion: { questionId: string; accepted: boolean } }>(people.uzFocalPoint, ANSWER, {
        input: { questionId: askQuestion.id, body: 'The state industrial safety committee.' },
      }),
    );
    expect(answerQuestion).toEqual({ id: expect.any(String), questionId: askQuestion.id, accepted: false });
    expect(await feedItemIds(first, people.kgExpert, 'CENTRAL_ASIA')).toEqual([
      askQuestion.id,
      askQuestion.id,
      sharePractice.id,
    ]);
  });

  it('shows a write made through one instance in the other instance’s feed', async () => {
    const { sharePractice } = data(
      await first.gql<{ sharePractice: { id: string } }>(people.rsExpert, SHARE, {
        input: practiceInput('Seveso III alignment in Serbia'),
      }),
    );
    // The second instance follows $all on its own; poll its read model until it has caught up, bounded.
    const deadline = Date.now() + 20_000;
    let seen: string[] = [];
    while (Date.now() < deadline && !seen.includes(sharePractice.id)) {
      seen = await feedItemIds(second, people.byExpert, 'SOUTH_EASTERN_EUROPE');
      if (!seen.includes(sharePractice.id)) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(seen).toContain(sharePractice.id);
  });

  it.each([
    ['the instance that took the write', () => first],
    ['another instance on the same EventStoreDB', () => second],
  ])('delivers the write live to a subscriber of %s', async (_where, subscriberApp) => {
    const watcher = subscriberApp();
    const since = await headCursor(watcher, people.secretariat);
    const client = await liveClient(watcher, people.kgExpert);
    const live = new LiveSubscription(client, FEED_UPDATED, { subregion: 'CENTRAL_ASIA', since });
    try {
      const { sharePractice } = data(
        await first.gql<{ sharePractice: { id: string } }>(people.kzExpert, SHARE, {
          input: practiceInput('Emergency drills at a Kazakh refinery'),
        }),
      );
      await live.until('the new practice', () => live.entries.some((entry) => entry.item.id === sharePractice.id));
      expect(live.entries.map((entry) => entry.item.id)).toEqual([sharePractice.id]);
      expect(live.errors).toBeNull();
    } finally {
      live.dispose();
      await client.dispose();
    }
  });

  it('ignores other applications’ streams: not projected, not audited, not checked for integrity', async () => {
    const { sharePractice } = data(
      await first.gql<{ sharePractice: { id: string } }>(people.kzExpert, SHARE, {
        input: practiceInput('Tailings dam monitoring by satellite'),
      }),
    );
    // The log now ends with another application's events.
    const foreign = await writeOtherApplicationStreams(double.connectionString, 2);

    const { auditTrail } = data(
      await first.gql<{ auditTrail: Connection<AuditEventFields> }>(people.secretariat, AUDIT_TRAIL, { first: 500 }),
    );
    const audited = auditTrail.edges.map((edge) => edge.node);
    expect(audited.map((event) => event.streamId)).toContain(`practice-${sharePractice.id}`);
    const isOwn = (streamId: string) => STREAM_PREFIXES.some((prefix) => streamId.startsWith(prefix));
    expect(audited.map((event) => event.streamId).filter((streamId) => !isOwn(streamId))).toEqual([]);
    expect(foreign.filter(isOwn)).toEqual([]);

    const { verifyIntegrity } = data(
      await first.gql<{ verifyIntegrity: IntegrityReport }>(people.secretariat, VERIFY_INTEGRITY),
    );
    expect(verifyIntegrity).toEqual({
      valid: true,
      streamsChecked: new Set(audited.map((event) => event.streamId)).size,
      eventsChecked: audited.length,
      problems: [],
    });

    // The projector stands at the service's last event, past which only other streams lie, and skipped nothing.
    const health = (await (await fetch(first.url.replace('/graphql', '/health/ready'))).json()) as {
      projector: { position: string; caughtUp: boolean };
    };
    expect(health.projector).toMatchObject({ position: audited.at(-1)?.position, caughtUp: true });
    const readModel = new Database(join(first.dataDir, READ_MODEL_FILE), { readonly: true });
    try {
      expect(readModel.prepare('SELECT events_skipped FROM checkpoint').pluck().get()).toBe(0);
    } finally {
      readModel.close();
    }
  });

  it('reports not ready while EventStoreDB is unreachable, and ready again once it is back', async () => {
    const ready = () => fetch(first.url.replace('/graphql', '/health/ready'));
    expect((await ready()).status).toBe(200);
    await double.stop();
    try {
      const down = await ready();
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'not ready', store: 'down' });
    } finally {
      await double.start();
    }
    expect((await ready()).status).toBe(200);
  });
});
