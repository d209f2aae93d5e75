import type { Client } from 'graphql-ws';
import { answerQuestion, askQuestion, feedPage, postComment, sharePractice } from '../api/support/api.js';
import { cast } from '../api/support/people.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FEED_UPDATED, headCursor, ITEM_UPDATED, liveClient, LiveSubscription } from './support/live-client.js';

const { kzExpert, kzColleague, uzFocalPoint, kgExpert, rsExpert, geExpert, secretariat } = cast;

let app: TestApp;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp();
  // `headCursor` needs one entry in the log.
  await sharePractice(app, kzExpert);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

afterAll(async () => {
  await app?.dispose();
});

async function subscribe(
  who: (typeof cast)[keyof typeof cast],
  variables: Record<string, unknown>,
  query = FEED_UPDATED,
  field = 'feedUpdated',
): Promise<LiveSubscription> {
  const client = await liveClient(app, who);
  clients.push(client);
  // Since the head: whatever is appended after this line is delivered, however late the subscribe lands.
  return new LiveSubscription(client, query, { since: await headCursor(app, secretariat), ...variables }, field);
}

const itemIds = (subscription: LiveSubscription) => subscription.entries.map((entry) => entry.item.id);
const has = (subscription: LiveSubscription, id: string) => () => itemIds(subscription).includes(id);

describe('feedUpdated by subregion', () => {
  it('delivers the entries of its subregion and none of the others', async () => {
    const centralAsia = await subscribe(kgExpert, { subregion: 'CENTRAL_ASIA' });
    const southEast = await subscribe(kgExpert, { subregion: 'SOUTH_EASTERN_EUROPE' });
    const fromSerbia = await sharePractice(app, rsExpert);
    const fromKazakhstan = await sharePractice(app, kzExpert);
    await centralAsia.until('the Kazakh practice', has(centralAsia, fromKazakhstan.id));
    await southEast.until('the Serbian practice', has(southEast, fromSerbia.id));
    // In log order: the Serbian practice would have come before the Kazakh one.
    expect(itemIds(centralAsia)).toEqual([fromKazakhstan.id]);
    expect(centralAsia.entries[0]?.activity).toBe('PRACTICE_SHARED');
    // The Serbian feed may see the Kazakh practice only later; it never sees it first.
    expect(itemIds(southEast)[0]).toBe(fromSerbia.id);
    expect(itemIds(southEast)).not.toContain(fromKazakhstan.id);
  });

  it('applies kinds and topics', async () => {
    const questions = await subscribe(kgExpert, { subregion: 'CENTRAL_ASIA', kinds: ['QUESTION'] });
    const onTailings = await subscribe(kgExpert, { subregion: 'CENTRAL_ASIA', topics: ['TAILINGS_SAFETY'] });
    const practice = await sharePractice(app, kzExpert, { topics: ['IDENTIFICATION'] });
    const question = await askQuestion(app, kzExpert, { topics: ['TAILINGS_SAFETY'] });
    await questions.until('the question', has(questions, question.id));
    await onTailings.until('the question', has(onTailings, question.id));
    expect(itemIds(questions)).toEqual([question.id]);
    expect(itemIds(onTailings)).toEqual([question.id]);
    expect(itemIds(questions)).not.toContain(practice.id);
  });
});

describe('private items', () => {
  it('reach only those who may see them, in the subregional and the viewer-wide feed', async () => {
    const watchers = {
      kzColleague: await subscribe(kzColleague, { subregion: 'CENTRAL_ASIA' }),
      uzSubregion: await subscribe(uzFocalPoint, { subregion: 'CENTRAL_ASIA' }),
      kgSubregion: await subscribe(kgExpert, { subregion: 'CENTRAL_ASIA' }),
      kgEverything: await subscribe(kgExpert, {}),
      geEverything: await subscribe(geExpert, {}),
      rsEverything: await subscribe(rsExpert, {}),
      secretariat: await subscribe(secretariat, { subregion: 'CENTRAL_ASIA' }),
    };
    const forUzbekistan = await sharePractice(app, kzExpert, { audience: { scope: 'COUNTRIES', countries: ['UZ'] } });
    const forCaucasus = await askQuestion(app, kzExpert, {
      audience: { scope: 'SUBREGIONS', subregions: ['CAUCASUS'] },
    });
    const comment = await postComment(app, uzFocalPoint, forUzbekistan.id);
    expect(comment.id).toBeDefined();
    const marker = await sharePractice(app, kzExpert);
    for (const [name, watcher] of Object.entries(watchers))
      await watcher.until(`the marker for ${name}`, has(watcher, marker.id));

    const seen = (name: keyof typeof watchers) => itemIds(watchers[name]);
    // The Uzbek-only practice, shared then commented on, is two entries: for Uzbekistan, the author's country and the secretariat.
    expect(seen('kzColleague')).toEqual([forUzbekistan.id, forCaucasus.id, forUzbekistan.id, marker.id]);
    expect(seen('secretariat')).toEqual([forUzbekistan.id, forCaucasus.id, forUzbekistan.id, marker.id]);
    expect(seen('uzSubregion')).toEqual([forUzbekistan.id, forUzbekistan.id, marker.id]);
    // Kyrgyzstan shares Central Asia with the author, not the author's country: neither private item reaches it.
    expect(seen('kgSubregion')).toEqual([marker.id]);
    expect(seen('kgEverything')).toEqual([marker.id]);
    expect(seen('geEverything')).toEqual([forCaucasus.id, marker.id]);
    expect(seen('rsEverything')).toEqual([marker.id]);
  });

  it('itemUpdated answers NOT_FOUND for an item the viewer may not see, and follows one it may', async () => {
    const secret = await sharePractice(app, kzExpert, { audience: { scope: 'COUNTRIES', countries: ['UZ'] } });
    const refused = await subscribe(rsExpert, { id: secret.id }, ITEM_UPDATED, 'itemUpdated');
    await refused.untilEnded();
    expect(refused.errors?.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);

    const followed = await subscribe(uzFocalPoint, { id: secret.id }, ITEM_UPDATED, 'itemUpdated');
    await sharePractice(app, kzExpert);
    const comment = await postComment(app, uzFocalPoint, secret.id);
    expect(comment.id).toBeDefined();
    await followed.until('the comment', () => followed.entries.some((entry) => entry.activity === 'COMMENT_POSTED'));
    expect(followed.entries.map((entry) => [entry.item.id, entry.activity])).toEqual([[secret.id, 'COMMENT_POSTED']]);
  });
});

describe('entries with their comment or answer', () => {
  const WITH_SUBJECT = /* GraphQL */ `
    subscription WithSubject($id: ID!, $since: String) {
      itemUpdated(id: $id, since: $since) {
        activity
        item {
          id
        }
        comment {
          id
          body
          author {
            id
          }
          replyTo
        }
        answer {
          id
          questionId
          body
          accepted
        }
      }
    }
  `;
  interface WithSubject {
    activity: string;
    item: { id: string };
    comment: { id: string; body: string | null; author: { id: string }; replyTo: string | null } | null;
    answer: { id: string; questionId: string; body: string; accepted: boolean } | null;
  }

  it('deliver the comment body in COMMENT_POSTED and the answer in QUESTION_ANSWERED, live', async () => {
    const question = await askQuestion(app, kzExpert);
    const client = await liveClient(app, geExpert);
    clients.push(client);
    const live = new LiveSubscription<WithSubject>(
      client,
      WITH_SUBJECT,
      { id: question.id, since: await headCursor(app, secretariat) },
      'itemUpdated',
    );
    const answer = await answerQuestion(app, rsExpert, question.id, {
      body: 'Serbia notifies through the IAN system.',
    });
    const comment = await postComment(app, uzFocalPoint, question.id, { body: 'Uzbekistan would like to know too.' });
    await live.until('the comment', () => live.entries.length === 2);
    expect(live.entries).toEqual([
      {
        activity: 'QUESTION_ANSWERED',
        item: { id: question.id },
        comment: null,
        answer: {
          id: answer.id,
          questionId: question.id,
          body: 'Serbia notifies through the IAN system.',
          accepted: false,
        },
      },
      {
        activity: 'COMMENT_POSTED',
        item: { id: question.id },
        comment: {
          id: comment.id,
          body: 'Uzbekistan would like to know too.',
          author: { id: uzFocalPoint.id },
          replyTo: null,
        },
        answer: null,
      },
    ]);
  });
});

describe('shared execution', () => {
  it('gives every subscription of one selection its own message, and each selection its own fields', async () => {
    const shared = await liveClient(app, kgExpert);
    clients.push(shared);
    const since = await headCursor(app, secretariat);
    const variables = { subregion: 'CENTRAL_ASIA', since };
    // Two subscriptions with the same document and variables on one socket, a third on another socket.
    const sameSocket = [
      new LiveSubscription(shared, FEED_UPDATED, variables),
      new LiveSubscription(shared, FEED_UPDATED, variables),
    ];
    const otherSocket = await subscribe(kzColleague, { subregion: 'CENTRAL_ASIA' });
    const titlesOnly = await subscribe(
      kgExpert,
      { subregion: 'CENTRAL_ASIA' },
      /* GraphQL */ `
        subscription Titles($subregion: Subregion, $since: String) {
          feedUpdated(subregion: $subregion, since: $since) {
            cursor
            item {
              title
            }
          }
        }
      `,
    );
    const practice = await sharePractice(app, kzExpert);
    for (const subscription of [...sameSocket, otherSocket])
      await subscription.until('the practice', has(subscription, practice.id));
    await titlesOnly.until('the practice', () => titlesOnly.entries.length === 1);

    for (const subscription of [...sameSocket, otherSocket]) {
      expect(subscription.entries).toEqual([
        {
          cursor: expect.any(String),
          activity: 'PRACTICE_SHARED',
          item: { id: practice.id, kind: 'PRACTICE', title: practice.title },
        },
      ]);
    }
    expect(titlesOnly.entries).toEqual([
      { cursor: sameSocket[0]?.entries[0]?.cursor, item: { title: practice.title } },
    ]);
  });
});

describe('since', () => {
  it('resumes across an append burst with no gap and no duplicate, in log order', async () => {
    const topics = ['LAND_USE_PLANNING'];
    const first = await subscribe(kgExpert, { topics });
    const before = [await sharePractice(app, kzExpert, { topics }), await sharePractice(app, kzExpert, { topics })];
    await first.until('the first two practices', () => first.entries.length === 2);
    const resumeFrom = first.entries[0]?.cursor;
    first.dispose();

    // The burst runs while the second subscription replays and switches to live.
    const burst = Array.from({ length: 24 }, () => sharePractice(app, kzExpert, { topics }));
    const client = await liveClient(app, kgExpert);
    clients.push(client);
    const resumed = new LiveSubscription(client, FEED_UPDATED, { topics, since: resumeFrom });
    const appended = await Promise.all(burst);
    const last = await sharePractice(app, kzExpert, { topics });
    await resumed.until('the last practice', has(resumed, last.id));

    const page = await feedPage(app, secretariat, { topics, first: 100 });
    const inLogOrder = page.edges.map((edge) => edge.node.item.id).reverse();
    const expected = inLogOrder.slice(inLogOrder.indexOf(before[0]?.id ?? '') + 1);
    expect(expected).toHaveLength(appended.length + 2);
    expect(itemIds(resumed)).toEqual(expected);
  });

  it('refuses a malformed since with BAD_USER_INPUT', async () => {
    const client = await liveClient(app, kgExpert);
    clients.push(client);
    const subscription = new LiveSubscription(client, FEED_UPDATED, { since: 'not-a-cursor' });
    await subscription.untilEnded();
    expect(subscription.errors?.map((error) => error.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
  });
});
