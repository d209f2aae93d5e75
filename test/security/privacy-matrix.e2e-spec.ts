import { randomBytes } from 'node:crypto';
import type { Participant } from '@coop/domain';
import type { Client } from 'graphql-ws';
import {
  answerQuestion,
  askQuestion,
  dataOf,
  expectError,
  feedItemIds,
  itemFor,
  postComment,
  proposeJointProject,
  sharePractice,
} from '../api/support/api.js';
import {
  AUDIT_TRAIL,
  COOPERATION_STATS,
  ITEM_AS_OF,
  ITEM_HISTORY,
  SEARCH,
  VERIFY_INTEGRITY,
} from '../api/support/documents.js';
import { cast } from '../api/support/people.js';
import type { Connection, Subregion } from '../api/support/types.js';
import { FEED_UPDATED, headCursor, ITEM_UPDATED, liveClient, LiveSubscription } from '../live/support/live-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every read path, over both transports, as seen by people of every
 * subregion and the secretariat, against items of every audience: each sees
 * exactly the items they may see, and of the others not even a trace.
 */

const viewers = {
  kzExpert: cast.kzExpert,
  uzFocalPoint: cast.uzFocalPoint,
  kgExpert: cast.kgExpert,
  geExpert: cast.geExpert,
  rsExpert: cast.rsExpert,
  uaFocalPoint: cast.uaFocalPoint,
  secretariat: cast.secretariat,
} satisfies Record<string, Participant>;
type Viewer = keyof typeof viewers;
const VIEWERS = Object.keys(viewers) as Viewer[];
const SUBREGIONS: Subregion[] = ['SOUTH_EASTERN_EUROPE', 'EASTERN_EUROPE', 'CAUCASUS', 'CENTRAL_ASIA'];

/** A word no other item holds, for `search` to find exactly one item. */
const word = () => `zq${randomBytes(6).toString('hex')}`;

interface Case {
  readonly label: string;
  readonly id: string;
  readonly word: string;
  /** Who may see it, written out by hand from the visibility rules rather than computed by them. */
  readonly seenBy: readonly Viewer[];
}

let app: TestApp;
/** The head of the log before any item of the matrix was written. */
let since: string;
const cases: Case[] = [];
const clients: Client[] = [];
/** Per viewer: the whole feed, and one subscription per subregion, all from before the items were written. */
const live = new Map<Viewer, { all: LiveSubscription; bySubregion: Map<Subregion, LiveSubscription> }>();

beforeAll(async () => {
  app = await startTestApp();
  await sharePractice(app, cast.kzExpert);
  since = await headCursor(app, cast.secretariat);
  for (const viewer of VIEWERS) {
    const client = await liveClient(app, viewers[viewer]);
    clients.push(client);
    live.set(viewer, {
      all: new LiveSubscription(client, FEED_UPDATED, { since }),
      bySubregion: new Map(
        SUBREGIONS.map((subregion) => [subregion, new LiveSubscription(client, FEED_UPDATED, { since, subregion })]),
      ),
    });
  }

  const network = word();
  const caucasus = word();
  const uzOnly = word();
  const proposal = word();
  const practice = await sharePractice(app, cast.kzExpert, { title: `Network ${network}` });
  cases.push({ label: 'a practice shared with the network', id: practice.id, word: network, seenBy: VIEWERS });
  const forCaucasus = await sharePractice(app, cast.kzExpert, {
    title: `Caucasus ${caucasus}`,
    audience: { scope: 'SUBREGIONS', subregions: ['CAUCASUS'] },
  });
  cases.push({
    label: 'a practice shared with the Caucasus',
    id: forCaucasus.id,
    word: caucasus,
    seenBy: ['kzExpert', 'geExpert', 'secretariat'],
  });
  const question = await askQuestion(app, cast.kzExpert, {
    title: `Uzbekistan ${uzOnly}`,
    audience: { scope: 'COUNTRIES', countries: ['UZ'] },
  });
  await answerQuestion(app, cast.uzFocalPoint, question.id);
  await postComment(app, cast.uzFocalPoint, question.id);
  cases.push({
    label: 'a question asked of Uzbekistan only, answered and commented',
    id: question.id,
    word: uzOnly,
    seenBy: ['kzExpert', 'uzFocalPoint', 'secretariat'],
  });
  const joint = await proposeJointProject(app, cast.kzFocalPoint, {
    title: `Joint ${proposal}`,
    partnerCountries: ['UZ'],
    audience: { scope: 'COUNTRIES', countries: ['KG'] },
  });
  cases.push({
    label: 'a proposal with Uzbekistan, shown to Kyrgyzstan',
    id: joint.id,
    word: proposal,
    seenBy: ['kzExpert', 'uzFocalPoint', 'kgExpert', 'secretariat'],
  });

  // Last, seen by all: once a subscription has it, it has had every entry before it (delivery is in log order).
  const sentinel = await sharePractice(app, cast.kzExpert);
  for (const { all } of live.values()) {
    await all.until('the last practice', () => all.entries.some((entry) => entry.item.id === sentinel.id));
  }
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await app?.dispose();
});

const visibleTo = (viewer: Viewer) => cases.filter((item) => item.seenBy.includes(viewer)).map((item) => item.id);
const hiddenFrom = (viewer: Viewer) => cases.filter((item) => !item.seenBy.includes(viewer)).map((item) => item.id);
/** The matrix's items among `ids` (a feed holds an entry per activity: the question is asked, answered, commented). */
const ofCases = (ids: readonly string[]) => [...new Set(ids)].filter((id) => cases.some((item) => item.id === id));

describe.each(VIEWERS)('%s', (viewer) => {
  const who = () => viewers[viewer];

  describe('over HTTP', () => {
    it('item and itemAsOf: the items they may see, null for the others', async () => {
      for (const { id, seenBy } of cases) {
        const item = await itemFor(app, who(), id);
        const asOf = dataOf(await app.gql(who(), ITEM_AS_OF, { id, at: new Date().toISOString() })).itemAsOf;
        expect({ id, item: item?.id ?? null, asOf: (asOf as { id: string } | null)?.id ?? null }).toEqual(
          seenBy.includes(viewer) ? { id, item: id, asOf: id } : { id, item: null, asOf: null },
        );
      }
    });

    it('item history: only through an item they may see', async () => {
      for (const { id, seenBy } of cases) {
        const { item } = dataOf(await app.gql<{ item: { history: unknown[] } | null }>(who(), ITEM_HISTORY, { id }));
        expect(item === null).toBe(!seenBy.includes(viewer));
      }
    });

    it('feed: exactly what they may see, and nothing hidden in any subregion’s feed', async () => {
      expect(ofCases(await feedItemIds(app, who())).sort()).toEqual(visibleTo(viewer).sort());
      for (const subregion of SUBREGIONS) {
        const ids = await feedItemIds(app, who(), { subregion });
        expect(ids.filter((id) => hiddenFrom(viewer).includes(id))).toEqual([]);
      }
    });

    it('search: finds what they may see, never the others', async () => {
      for (const { id, word: text, seenBy } of cases) {
        const found = dataOf(
          await app.gql<{ search: Connection<{ id: string }> }>(who(), SEARCH, { text, first: 10 }),
        ).search.edges.map((edge) => edge.node.id);
        expect({ text, found }).toEqual({ text, found: seenBy.includes(viewer) ? [id] : [] });
      }
    });

    it('the audit, the statistics and the integrity check: the secretariat’s only', async () => {
      for (const document of [AUDIT_TRAIL, COOPERATION_STATS, VERIFY_INTEGRITY]) {
        const response = await app.gql(who(), document);
        if (viewer === 'secretariat') expect(dataOf(response)).toBeDefined();
        else expectError(response, 'FORBIDDEN');
      }
    });
  });

  describe('over graphql-ws', () => {
    it('feedUpdated, replayed then live: exactly what they may see, in every subregion’s feed too', () => {
      const subscriptions = live.get(viewer);
      if (subscriptions === undefined) throw new Error(`no subscriptions for ${viewer}`);
      const ids = (subscription: LiveSubscription) => subscription.entries.map((entry) => entry.item.id);
      expect(ofCases(ids(subscriptions.all)).sort()).toEqual(visibleTo(viewer).sort());
      for (const [subregion, subscription] of subscriptions.bySubregion) {
        expect({ subregion, hidden: ids(subscription).filter((id) => hiddenFrom(viewer).includes(id)) }).toEqual({
          subregion,
          hidden: [],
        });
      }
    });

    it('itemUpdated: NOT_FOUND for an item they may not see, its activity for one they may', async () => {
      const client = await liveClient(app, who());
      clients.push(client);
      for (const { id, seenBy } of cases) {
        const subscription = new LiveSubscription(client, ITEM_UPDATED, { id, since }, 'itemUpdated');
        if (seenBy.includes(viewer)) {
          await subscription.until('its first entry', () => subscription.entries.length > 0);
          expect(subscription.entries.every((entry) => entry.item.id === id)).toBe(true);
          subscription.dispose();
        } else {
          await subscription.untilEnded();
          expect(subscription.entries).toEqual([]);
          expect(subscription.errors?.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);
        }
      }
    });
  });
});
