import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  answerQuestion,
  askQuestion,
  dataOf,
  expectError,
  feedItemIds,
  feedPage,
  itemFor,
  postComment,
  proposeJointProject,
  sharePractice,
  unique,
} from './support/api.js';
import {
  EDIT_ANSWER,
  FEED,
  FEED_SUBJECTS,
  FEED_SUBREGIONS,
  RETRACT_COMMENT,
  REVISE_PRACTICE,
  SEARCH,
} from './support/documents.js';
import { cast } from './support/people.js';
import type { Connection, FeedNode, FeedSubjectNode, Subregion } from './support/types.js';

const {
  kzExpert,
  kzColleague,
  kzFocalPoint,
  uzFocalPoint,
  kgExpert,
  rsExpert,
  uaFocalPoint,
  byExpert,
  geExpert,
  amExpert,
  mdExpert,
  secretariat,
} = cast;

/*
 * The feed is shared by every test of this file, so each test checks its own
 * items: a just-written item is among the newest entries of every feed it
 * belongs to, and a topic no other test uses isolates the paging tests.
 */

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

const everyone: Participant[] = [
  kzColleague,
  uzFocalPoint,
  rsExpert,
  uaFocalPoint,
  byExpert,
  geExpert,
  amExpert,
  secretariat,
];

async function expectInFeed(who: Participant, itemId: string, subregion?: Subregion): Promise<void> {
  expect(await feedItemIds(app, who, subregion ? { subregion } : {})).toContain(itemId);
}

async function expectNotInFeed(who: Participant, itemId: string, subregion?: Subregion): Promise<void> {
  expect(await feedItemIds(app, who, subregion ? { subregion } : {})).not.toContain(itemId);
}

/** Every page of a feed, following endCursor. */
async function allPages(who: Participant, args: { topics?: string[]; kinds?: string[] }, first: number) {
  const pages: Connection<FeedNode>[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await feedPage(app, who, { ...args, first, ...(after ? { after } : {}) });
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor ?? undefined;
    if (pages.length > 50) throw new Error('the feed does not end');
  }
}

describe('feed membership by audience', () => {
  it('NETWORK: in the originating country’s subregional feed and in everyone’s own feed', async () => {
    const practice = await sharePractice(app, kzExpert);
    expect(practice.subregions).toEqual(['CENTRAL_ASIA']);
    for (const who of everyone) await expectInFeed(who, practice.id);
    await expectInFeed(rsExpert, practice.id, 'CENTRAL_ASIA');
    await expectInFeed(kzColleague, practice.id, 'CENTRAL_ASIA');
    await expectNotInFeed(rsExpert, practice.id, 'SOUTH_EASTERN_EUROPE');
    await expectNotInFeed(kzColleague, practice.id, 'CAUCASUS');
  });

  it('SUBREGIONS: in the listed subregions’ feeds and the origin’s; invisible to a country outside them', async () => {
    const question = await askQuestion(app, kzExpert, { audience: { scope: 'SUBREGIONS', subregions: ['CAUCASUS'] } });
    expect(question.subregions).toEqual(['CAUCASUS', 'CENTRAL_ASIA']);
    await expectInFeed(geExpert, question.id, 'CAUCASUS');
    await expectInFeed(geExpert, question.id, 'CENTRAL_ASIA');
    await expectInFeed(amExpert, question.id);
    await expectInFeed(kzColleague, question.id, 'CENTRAL_ASIA');
    await expectInFeed(secretariat, question.id, 'CAUCASUS');
    await expectNotInFeed(geExpert, question.id, 'EASTERN_EUROPE');
    // The originating country sees it, not its whole subregion: Kyrgyzstan is outside the audience.
    for (const outsider of [rsExpert, uaFocalPoint, kgExpert]) {
      await expectNotInFeed(outsider, question.id);
      await expectNotInFeed(outsider, question.id, 'CAUCASUS');
      await expectNotInFeed(outsider, question.id, 'CENTRAL_ASIA');
      expect(await itemFor(app, outsider, question.id)).toBeNull();
    }
  });

  it('COUNTRIES: seen only by the listed countries and the origin, in the subregions of the listed countries', async () => {
    const practice = await sharePractice(app, kzExpert, { audience: { scope: 'COUNTRIES', countries: ['UA', 'GE'] } });
    expect(practice.subregions).toEqual(['EASTERN_EUROPE', 'CAUCASUS', 'CENTRAL_ASIA']);
    await expectInFeed(uaFocalPoint, practice.id, 'EASTERN_EUROPE');
    await expectInFeed(uaFocalPoint, practice.id);
    await expectInFeed(geExpert, practice.id, 'CAUCASUS');
    await expectInFeed(kzColleague, practice.id, 'CENTRAL_ASIA');
    await expectInFeed(secretariat, practice.id, 'EASTERN_EUROPE');
    for (const outsider of [byExpert, mdExpert, amExpert, kgExpert, rsExpert]) {
      await expectNotInFeed(outsider, practice.id);
      expect(await itemFor(app, outsider, practice.id)).toBeNull();
    }
    await expectNotInFeed(byExpert, practice.id, 'EASTERN_EUROPE');
  });

  it('proposals: partner countries always see it, and it appears in the partners’ subregions', async () => {
    const proposal = await proposeJointProject(app, kzFocalPoint, {
      partnerCountries: ['GE', 'RS'],
      audience: { scope: 'COUNTRIES', countries: ['UZ'] },
    });
    expect(proposal.subregions).toEqual(['SOUTH_EASTERN_EUROPE', 'CAUCASUS', 'CENTRAL_ASIA']);
    await expectInFeed(geExpert, proposal.id, 'CAUCASUS');
    await expectInFeed(rsExpert, proposal.id, 'SOUTH_EASTERN_EUROPE');
    await expectInFeed(rsExpert, proposal.id);
    await expectInFeed(uzFocalPoint, proposal.id, 'CENTRAL_ASIA');
    for (const outsider of [amExpert, uaFocalPoint, kgExpert]) {
      await expectNotInFeed(outsider, proposal.id);
      expect(await itemFor(app, outsider, proposal.id)).toBeNull();
    }
  });

  it('gives each entry the subregional feeds its item appears in', async () => {
    const topic = 'LAND_USE_PLANNING';
    const practice = await sharePractice(app, kzExpert, {
      topics: [topic],
      audience: { scope: 'COUNTRIES', countries: ['MD'] },
    });
    const response = await app.gql<{
      feed: { edges: { node: { subregions: Subregion[]; item: { id: string; subregions: Subregion[] } } }[] };
    }>(mdExpert, FEED_SUBREGIONS, { subregion: 'EASTERN_EUROPE', topics: [topic] });
    const entry = dataOf(response).feed.edges.find((edge) => edge.node.item.id === practice.id);
    expect(entry?.node.subregions).toEqual(['EASTERN_EUROPE', 'CENTRAL_ASIA']);
    expect(entry?.node.item.subregions).toEqual(['EASTERN_EUROPE', 'CENTRAL_ASIA']);
  });

  it('entries of later activity on an item keep the item’s audience', async () => {
    const practice = await sharePractice(app, kzExpert, {
      audience: { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA'] },
    });
    await postComment(app, kgExpert, practice.id);
    const ownFeed = await feedPage(app, kzColleague, { first: 5 });
    expect(ownFeed.edges[0]?.node).toMatchObject({
      activity: 'COMMENT_POSTED',
      actor: { id: kgExpert.id },
      item: { id: practice.id },
    });
    expect(await feedItemIds(app, rsExpert)).not.toContain(practice.id);
  });
});

describe('feed order, filters and paging', () => {
  it('lists the newest first, one entry per activity', async () => {
    const topic = 'HOT_SPOTS';
    const practice = await sharePractice(app, kzExpert, { topics: [topic] });
    const question = await askQuestion(app, rsExpert, { topics: [topic] });
    await answerQuestion(app, geExpert, question.id);
    dataOf(
      await app.gql(kzExpert, REVISE_PRACTICE, {
        input: { id: practice.id, expectedVersion: 1, body: 'Updated body' },
      }),
    );
    const page = await feedPage(app, uaFocalPoint, { topics: [topic] });
    expect(page.edges.map((edge) => [edge.node.activity, edge.node.item.id, edge.node.actor.id])).toEqual([
      ['PRACTICE_REVISED', practice.id, kzExpert.id],
      ['QUESTION_ANSWERED', question.id, geExpert.id],
      ['QUESTION_ASKED', question.id, rsExpert.id],
      ['PRACTICE_SHARED', practice.id, kzExpert.id],
    ]);
    const times = page.edges.map((edge) => edge.node.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.edges.map((edge) => edge.cursor)).toEqual(page.edges.map((edge) => edge.node.cursor));
  });

  it('filters by kinds and by topics (an entry matches when its item has any of the topics)', async () => {
    const practice = await sharePractice(app, kzExpert, { topics: ['NATECH', 'SEVESO_III'] });
    const question = await askQuestion(app, kzExpert, { topics: ['NATECH'] });
    const proposal = await proposeJointProject(app, kzFocalPoint, { topics: ['ACCIDENTAL_WATER_POLLUTION'] });

    const questionsOnly = await feedPage(app, rsExpert, { kinds: ['QUESTION'], first: 100 });
    expect(questionsOnly.edges.every((edge) => edge.node.item.kind === 'QUESTION')).toBe(true);
    expect(questionsOnly.edges.map((edge) => edge.node.item.id)).toContain(question.id);

    const twoKinds = await feedItemIds(app, rsExpert, { kinds: ['PRACTICE', 'PROPOSAL'] });
    expect(twoKinds).toEqual(expect.arrayContaining([practice.id, proposal.id]));
    expect(twoKinds).not.toContain(question.id);

    expect(await feedItemIds(app, rsExpert, { topics: ['NATECH'] })).toEqual([question.id, practice.id]);
    expect(await feedItemIds(app, rsExpert, { topics: ['SEVESO_III', 'ACCIDENTAL_WATER_POLLUTION'] })).toEqual([
      proposal.id,
      practice.id,
    ]);
    expect(await feedItemIds(app, rsExpert, { topics: ['NATECH'], kinds: ['PRACTICE'] })).toEqual([practice.id]);
  });

  it('pages with first/after: no duplicate, no gap, the same entries as one page', async () => {
    const topic = 'IAN_SYSTEM';
    for (let index = 0; index < 7; index++)
      await sharePractice(app, index % 2 ? rsExpert : kzExpert, { topics: [topic] });
    const whole = await feedPage(app, geExpert, { topics: [topic], first: 100 });
    expect(whole.edges).toHaveLength(7);
    expect(whole.pageInfo.hasNextPage).toBe(false);

    const pages = await allPages(geExpert, { topics: [topic] }, 3);
    expect(pages.map((page) => page.edges.length)).toEqual([3, 3, 1]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    const paged = pages.flatMap((page) => page.edges);
    expect(paged.map((edge) => edge.cursor)).toEqual(whole.edges.map((edge) => edge.cursor));
    expect(new Set(paged.map((edge) => edge.node.item.id)).size).toBe(7);
  });

  it('does not shift pages when entries are added between two page reads', async () => {
    const topic = 'MUTUAL_ASSISTANCE';
    for (let index = 0; index < 4; index++) await sharePractice(app, kzExpert, { topics: [topic] });
    const first = await feedPage(app, rsExpert, { topics: [topic], first: 2 });
    const newer = await sharePractice(app, kzExpert, { topics: [topic] });
    const second = await feedPage(app, rsExpert, {
      topics: [topic],
      first: 2,
      after: first.pageInfo.endCursor ?? undefined,
    });
    const ids = [...first.edges, ...second.edges].map((edge) => edge.node.item.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids).not.toContain(newer.id);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('caps first at 100', async () => {
    const topic = 'TRAINING';
    for (let index = 0; index < 101; index++) await sharePractice(app, kzExpert, { topics: [topic] });
    const page = await feedPage(app, rsExpert, { topics: [topic], first: 500 });
    expect(page.edges).toHaveLength(100);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = await feedPage(app, rsExpert, {
      topics: [topic],
      first: 500,
      after: page.pageInfo.endCursor ?? undefined,
    });
    expect(rest.edges).toHaveLength(1);
  });

  it('defaults to a page of 20', async () => {
    const page = await feedPage(app, secretariat, {});
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('answers BAD_USER_INPUT for a cursor it did not hand out', async () => {
    expectError(await app.gql(rsExpert, FEED, { after: 'not-a-cursor' }), 'BAD_USER_INPUT');
  });

  it('takes a page of 100 entries with their subregions and items within the cost limit', async () => {
    const response = await app.gql(
      rsExpert,
      `query { feed(first: 100) { edges { cursor node { activity occurredAt actor { id } subregions item { id kind title } } }
        pageInfo { hasNextPage endCursor } } }`,
    );
    expect(dataOf(response)).toBeDefined();
  });
});

describe('what an entry is about', () => {
  it('carries the comment of COMMENT_POSTED as it now stands, and the answer of QUESTION_ANSWERED and ANSWER_EDITED', async () => {
    const question = await askQuestion(app, kzExpert, { topics: ['SELF_ASSESSMENT'] });
    const answer = await answerQuestion(app, geExpert, question.id, { body: 'We used the self-assessment guide.' });
    dataOf(
      await app.gql(geExpert, EDIT_ANSWER, {
        questionId: question.id,
        answerId: answer.id,
        body: 'We used the guide twice.',
      }),
    );
    const kept = await postComment(app, rsExpert, question.id, { body: 'Serbia did the same.' });
    const retracted = await postComment(app, byExpert, question.id, { body: 'Off topic.' });
    dataOf(await app.gql(secretariat, RETRACT_COMMENT, { id: retracted.id, reason: 'Off topic' }));

    const page = dataOf(
      await app.gql<{ feed: Connection<FeedSubjectNode> }>(uaFocalPoint, FEED_SUBJECTS, {
        first: 100,
        kinds: ['QUESTION'],
      }),
    ).feed;
    const ofQuestion = page.edges.map((edge) => edge.node).filter((node) => node.item.id === question.id);
    const editedAnswer = {
      id: answer.id,
      questionId: question.id,
      body: 'We used the guide twice.',
      editedAt: expect.any(String),
      accepted: false,
    };
    expect(ofQuestion).toEqual([
      {
        activity: 'COMMENT_POSTED',
        item: { id: question.id },
        comment: {
          id: retracted.id,
          itemId: question.id,
          body: null,
          author: { id: byExpert.id },
          editedAt: null,
          retracted: true,
        },
        answer: null,
      },
      {
        activity: 'COMMENT_POSTED',
        item: { id: question.id },
        comment: {
          id: kept.id,
          itemId: question.id,
          body: 'Serbia did the same.',
          author: { id: rsExpert.id },
          editedAt: null,
          retracted: false,
        },
        answer: null,
      },
      { activity: 'ANSWER_EDITED', item: { id: question.id }, comment: null, answer: editedAnswer },
      { activity: 'QUESTION_ANSWERED', item: { id: question.id }, comment: null, answer: editedAnswer },
      { activity: 'QUESTION_ASKED', item: { id: question.id }, comment: null, answer: null },
    ]);
  });
});

describe('search', () => {
  it('finds what the viewer may see by words of the title, summary or body, best match first', async () => {
    const word = unique('Tailingsdam').replace(/[^A-Za-z0-9]/g, '');
    const inTitle = await sharePractice(app, kzExpert, { title: `Inspecting ${word} facilities ${word}` });
    const inBody = await askQuestion(app, rsExpert, { body: `Who inspects ${word} sites?` });
    const hidden = await sharePractice(app, kzExpert, {
      summary: `A ${word} summary`,
      audience: { scope: 'COUNTRIES', countries: ['UZ'] },
    });
    const search = async (who: Participant, text: string, first?: number, after?: string | null) =>
      dataOf(
        await app.gql<{ search: Connection<{ id: string; kind: string; title: string }> }>(who, SEARCH, {
          text,
          first,
          after,
        }),
      ).search;

    const forGeorgia = await search(geExpert, word.toLowerCase());
    expect(forGeorgia.edges.map((edge) => edge.node.id)).toEqual([inTitle.id, inBody.id]);
    expect((await search(uzFocalPoint, word)).edges.map((edge) => edge.node.id)).toEqual(
      expect.arrayContaining([inTitle.id, inBody.id, hidden.id]),
    );

    const firstPage = await search(uzFocalPoint, word, 2);
    const secondPage = await search(uzFocalPoint, word, 2, firstPage.pageInfo.endCursor);
    const paged = [...firstPage.edges, ...secondPage.edges].map((edge) => edge.node.id);
    expect(new Set(paged)).toEqual(new Set([inTitle.id, inBody.id, hidden.id]));
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
  });

  it('treats query syntax as plain words', async () => {
    const response = await app.gql(rsExpert, SEARCH, { text: 'NEAR( "unbalanced * OR' });
    expect(dataOf(response)).toBeDefined();
  });
});
