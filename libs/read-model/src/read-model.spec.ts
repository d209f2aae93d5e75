import { join } from 'node:path';
import {
  discussionAggregate,
  type Participant,
  proposalAggregate,
  type ProposalCommand,
  questionAggregate,
} from '@coop/domain';
import { SqliteEventStore } from '@coop/event-store';
import { InvalidCursor, InvalidPageSize } from './read-model.errors.js';
import type { ReadModelDatabase } from './read-model.database.js';
import { ReadModel } from './read-model.js';
import type { FeedEntryView, Page } from './read-model.types.js';
import { focalPointOf, participantOf, ReadModelHarness, SECRETARIAT } from './testing/read-model.fixtures.js';

const KZ = participantOf('KZ');
const GE = participantOf('GE');
const AM = participantOf('AM');
const UA = participantOf('UA');
const RS = participantOf('RS');
const TJ = participantOf('TJ');
const KZ_FOCAL = focalPointOf('KZ');
const UA_FOCAL = focalPointOf('UA');

const ids = (page: Page<{ id: string }>) => page.edges.map((edge) => edge.node.id);

async function allPages<T>(fetch: (after: string | null) => Page<T> | Promise<Page<T>>): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetch(after);
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

describe('ReadModel', () => {
  let harness: ReadModelHarness;
  let readModel: ReadModel;
  let database: ReadModelDatabase;
  // KZ, NETWORK: the Central Asian feed only, everyone sees it.
  let network: string;
  // GE, SUBREGIONS [CENTRAL_ASIA]: Caucasus and Central Asia; seen by GE and Central Asia.
  let toCentralAsia: string;
  // AM, COUNTRIES [UA]: Caucasus and Eastern Europe; seen by AM and UA.
  let toUkraine: string;
  // KZ lead, partner UA, COUNTRIES [TJ]: Central Asia and Eastern Europe; seen by KZ, UA, TJ.
  let proposal: string;
  let commentIds: string[];

  beforeAll(async () => {
    harness = new ReadModelHarness();
    network = await harness.share(KZ, {
      title: 'Tailings safety checklist for Kazakhstan',
      summary: 'Inspecting tailings management facilities',
      body: 'How the pilot in Ust-Kamenogorsk used the checklist',
      topics: ['TAILINGS_SAFETY', 'PREVENTION'],
    });
    toCentralAsia = await harness.share(GE, {
      title: 'Land-use planning around hazardous sites',
      body: 'Zoning rules; a mention of tailings in the body only',
      topics: ['LAND_USE_PLANNING'],
      audience: { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA'] },
    });
    toUkraine = await harness.ask(AM, {
      title: 'Notification of transboundary effects',
      topics: ['NOTIFICATION'],
      audience: { scope: 'COUNTRIES', countries: ['UA'] },
    });
    proposal = await harness.propose(KZ_FOCAL, {
      title: 'Joint training on industrial safety',
      partnerCountries: ['UA'],
      audience: { scope: 'COUNTRIES', countries: ['TJ'] },
    });
    await harness.run(proposalAggregate, UA_FOCAL, {
      type: 'RespondToInvitation',
      proposalId: proposal,
      accept: true,
    });
    await harness.run(questionAggregate, UA, {
      type: 'AnswerQuestion',
      questionId: toUkraine,
      answerId: 'answer-1',
      body: 'We notify through the UNECE IAN System',
    });
    commentIds = [
      await harness.comment(UA, network, 'PRACTICE', 'First comment'),
      await harness.comment(GE, network, 'PRACTICE', 'Second comment'),
      await harness.comment(KZ, network, 'PRACTICE', 'Third comment'),
    ];
    await harness.run(discussionAggregate, UA, {
      type: 'EditComment',
      itemId: network,
      commentId: commentIds[0] as string,
      body: 'First comment, edited',
    });
    await harness.run(discussionAggregate, SECRETARIAT, {
      type: 'RetractComment',
      itemId: network,
      commentId: commentIds[1] as string,
      reason: 'Off topic',
    });
    ({ readModel, database } = await harness.openCaughtUp());
  });

  afterAll(() => harness.dispose());

  const feedItems = async (viewer: Participant, filter = {}) =>
    new Set((await allPages((after) => readModel.feed(viewer, { ...filter, after }))).map((entry) => entry.itemId));

  describe('item', () => {
    it('is the folded state of the item stream with its version and visibility', () => {
      const view = readModel.item(UA, proposal);
      expect(view).toMatchObject({
        id: proposal,
        kind: 'PROPOSAL',
        version: 2,
        visibility: { country: 'KZ', partnerCountries: ['UA'], audience: { scope: 'COUNTRIES', countries: ['TJ'] } },
        subregions: ['EASTERN_EUROPE', 'CENTRAL_ASIA'],
      });
      expect(view?.state.kind === 'PROPOSAL' && view.state.partners).toEqual([
        expect.objectContaining({ country: 'UA', status: 'JOINED' }),
      ]);
    });

    it.each([
      ['the originating country', AM, 'toUkraine', true],
      ['an audience country', UA, 'toUkraine', true],
      ['another country of the audience subregion', GE, 'toUkraine', false],
      ['an audience subregion country', TJ, 'toCentralAsia', true],
      ['a country outside the audience subregions', UA, 'toCentralAsia', false],
      ['a partner country', UA, 'proposal', true],
      ['a country outside the proposal', RS, 'proposal', false],
      ['anyone, for a NETWORK item', RS, 'network', true],
      ['the secretariat, for any item', SECRETARIAT, 'toUkraine', true],
    ] as const)('shows or hides it for %s', (_, viewer, which, visible) => {
      const id = { network, toCentralAsia, toUkraine, proposal }[which];
      expect(readModel.item(viewer, id)?.id ?? null).toBe(visible ? id : null);
    });

    it('is null for an unknown id and for a participant without a country', () => {
      expect(readModel.item(SECRETARIAT, 'nope')).toBeNull();
      expect(readModel.item({ id: 'x', name: 'x', country: null, roles: ['PARTICIPANT'] }, network)).toBeNull();
    });
  });

  describe('feed', () => {
    it('puts each entry in the subregional feeds of its item', async () => {
      expect(await feedItems(SECRETARIAT, { subregion: 'CENTRAL_ASIA' })).toEqual(
        new Set([network, toCentralAsia, proposal]),
      );
      expect(await feedItems(SECRETARIAT, { subregion: 'CAUCASUS' })).toEqual(new Set([toCentralAsia, toUkraine]));
      expect(await feedItems(SECRETARIAT, { subregion: 'EASTERN_EUROPE' })).toEqual(new Set([toUkraine, proposal]));
      expect(await feedItems(SECRETARIAT, { subregion: 'SOUTH_EASTERN_EUROPE' })).toEqual(new Set());
    });

    it('without a subregion, holds everything the viewer may see and nothing else', async () => {
      expect(await feedItems(RS)).toEqual(new Set([network]));
      expect(await feedItems(UA)).toEqual(new Set([network, toUkraine, proposal]));
      expect(await feedItems(TJ)).toEqual(new Set([network, toCentralAsia, proposal]));
      expect(await feedItems(SECRETARIAT)).toEqual(new Set([network, toCentralAsia, toUkraine, proposal]));
    });

    it('applies visibility inside a subregion feed too', async () => {
      expect(await feedItems(RS, { subregion: 'EASTERN_EUROPE' })).toEqual(new Set());
      expect(await feedItems(UA, { subregion: 'CAUCASUS' })).toEqual(new Set([toUkraine]));
    });

    it('is newest first, one entry per activity, with the actor of each', () => {
      const entries = readModel.feed(SECRETARIAT, { first: 100 }).edges.map((edge) => edge.node);
      expect(entries.map((entry) => entry.activity)).toEqual([
        'COMMENT_POSTED',
        'COMMENT_POSTED',
        'COMMENT_POSTED',
        'QUESTION_ANSWERED',
        'PARTNER_JOINED',
        'PROPOSAL_CREATED',
        'QUESTION_ASKED',
        'PRACTICE_SHARED',
        'PRACTICE_SHARED',
      ]);
      const positions = entries.map((entry) => entry.position);
      expect([...positions].sort().reverse()).toEqual(positions);
      expect(entries[4]).toMatchObject({ actor: UA_FOCAL, itemId: proposal, itemKind: 'PROPOSAL' });
    });

    it('filters by kinds and by the item topics', async () => {
      expect(await feedItems(SECRETARIAT, { kinds: ['QUESTION', 'PROPOSAL'] })).toEqual(new Set([toUkraine, proposal]));
      expect(await feedItems(SECRETARIAT, { topics: ['TAILINGS_SAFETY', 'NOTIFICATION'] })).toEqual(
        new Set([network, toUkraine]),
      );
      expect(
        await feedItems(SECRETARIAT, { subregion: 'CENTRAL_ASIA', kinds: ['PRACTICE'], topics: ['LAND_USE_PLANNING'] }),
      ).toEqual(new Set([toCentralAsia]));
      expect((await feedItems(SECRETARIAT, { kinds: [], topics: [] })).size).toBe(4);
    });

    it('carries the comment of a COMMENT_POSTED entry as it now stands, and the answer id of an answer', () => {
      const entries = readModel.feed(SECRETARIAT, { first: 100 }).edges.map((edge) => edge.node);
      const posted = entries.filter((entry) => entry.activity === 'COMMENT_POSTED');
      expect(posted.map((entry) => [entry.comment?.id, entry.comment?.body, entry.comment?.retracted])).toEqual([
        [commentIds[2], 'Third comment', false],
        [commentIds[1], null, true],
        [commentIds[0], 'First comment, edited', false],
      ]);
      expect(posted[2]?.comment).toMatchObject({
        itemId: network,
        author: UA,
        country: 'UA',
        editedAt: expect.any(String),
      });
      expect(
        entries.filter((entry) => entry.answerId !== null).map((entry) => [entry.activity, entry.answerId]),
      ).toEqual([['QUESTION_ANSWERED', 'answer-1']]);
      expect(
        entries.filter((entry) => entry.activity !== 'COMMENT_POSTED').every((entry) => entry.comment === null),
      ).toBe(true);
      expect(
        readModel.feedAfter(SECRETARIAT, { itemId: network }, null, 10).map((entry) => entry.comment?.body),
      ).toEqual([undefined, 'First comment, edited', null, 'Third comment']);
    });

    it('filters by item, and replays oldest first after a cursor', () => {
      const ofProposal = readModel.feedAfter(SECRETARIAT, { itemId: proposal }, null, 10);
      expect(ofProposal.map((entry) => entry.activity)).toEqual(['PROPOSAL_CREATED', 'PARTNER_JOINED']);
      const all = readModel.feedAfter(UA, {}, null, 100);
      const after = readModel.feedAfter(UA, {}, all[1]?.cursor ?? null, 100);
      expect(after).toEqual(all.slice(2));
      expect(readModel.feedAfter(RS, { subregion: 'EASTERN_EUROPE' }, null, 100)).toEqual([]);
    });
  });

  describe('search', () => {
    it('finds words in titles, summaries, objectives and bodies, best match first', () => {
      const page = readModel.search(SECRETARIAT, 'tailings');
      expect(ids(page)).toEqual([network, toCentralAsia]);
      expect(ids(readModel.search(SECRETARIAT, 'joint objectives'))).toEqual([proposal]);
    });

    it('only finds what the viewer may see', () => {
      expect(ids(readModel.search(UA, 'tailings'))).toEqual([network]);
      expect(ids(readModel.search(RS, 'notification transboundary'))).toEqual([]);
      expect(ids(readModel.search(UA, 'notification transboundary'))).toEqual([toUkraine]);
    });

    it('matches word prefixes and ignores case and diacritics', () => {
      expect(ids(readModel.search(SECRETARIAT, 'TAIL'))).toEqual([network, toCentralAsia]);
      expect(ids(readModel.search(SECRETARIAT, 'Kazákhstan'))).toEqual([network]);
    });

    it.each([
      '"',
      'tailings"',
      'AND',
      'OR NOT',
      '*',
      '(',
      'title:tailings',
      'NEAR(a b)',
      '^x',
      '🏭',
      '',
      '   ',
      "'; DROP TABLE items; --",
    ])('takes %j without an error', (text) => {
      expect(() => readModel.search(UA, text)).not.toThrow();
    });

    it('pages by keyset without overlap', () => {
      const first = readModel.search(SECRETARIAT, 'tailings', { first: 1 });
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = readModel.search(SECRETARIAT, 'tailings', { first: 1, after: first.pageInfo.endCursor });
      expect([...ids(first), ...ids(second)]).toEqual([network, toCentralAsia]);
      expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0]?.cursor });
    });
  });

  describe('comments', () => {
    it('lists an item comments oldest first, edited and retracted as they now stand', () => {
      const page = readModel.comments(network);
      expect(page.edges.map((edge) => edge.node)).toEqual([
        expect.objectContaining({
          id: commentIds[0],
          body: 'First comment, edited',
          editedAt: expect.any(String),
          retracted: false,
          country: 'UA',
          author: UA,
        }),
        expect.objectContaining({ id: commentIds[1], body: null, retracted: true, country: 'GE' }),
        expect.objectContaining({ id: commentIds[2], body: 'Third comment', editedAt: null, retracted: false }),
      ]);
    });

    it('pages by keyset', () => {
      const first = readModel.comments(network, { first: 2 });
      const rest = readModel.comments(network, { first: 2, after: first.pageInfo.endCursor });
      expect([...first.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual(commentIds);
      expect(rest.pageInfo.hasNextPage).toBe(false);
    });

    it('finds one comment with its item', () => {
      expect(readModel.comment(commentIds[2] as string)).toMatchObject({ itemId: network, body: 'Third comment' });
      expect(readModel.comment('unknown')).toBeNull();
    });
  });

  describe('history and audit trail', () => {
    it('gives an item history: its stream and its discussion, oldest first', async () => {
      const history = await readModel.history(network);
      expect(history.map((event) => [event.streamId.split('-')[0], event.version, event.type])).toEqual([
        ['practice', 1, 'PracticeShared'],
        ['discussion', 1, 'CommentPosted'],
        ['discussion', 2, 'CommentPosted'],
        ['discussion', 3, 'CommentPosted'],
        ['discussion', 4, 'CommentEdited'],
        ['discussion', 5, 'CommentRetracted'],
      ]);
      expect(history[5]).toMatchObject({
        actor: SECRETARIAT,
        itemId: network,
        itemKind: 'PRACTICE',
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        previousHash: history[4]?.hash,
        correlationId: expect.any(String),
        data: expect.objectContaining({ reason: 'Off topic' }),
        metadata: expect.objectContaining({ actorId: 'secretariat' }),
      });
    });

    const trail = (filter: Parameters<ReadModel['auditTrail']>[0]) =>
      allPages((after) => readModel.auditTrail(filter, { first: 3, after }));

    it('lists every event oldest first, page by page', async () => {
      const stored = await harness.store.readAll();
      expect((await trail({})).map((event) => event.position)).toEqual(stored.map((event) => event.position));
    });

    it('fails naming the position when the store does not hold an event the trail lists', async () => {
      const emptyStore = new SqliteEventStore(join(harness.readModelFile, '..', 'empty-events.sqlite'));
      try {
        const [first] = await harness.store.readAll({ limit: 1 });
        const elsewhere = new ReadModel(database, emptyStore);
        await expect(elsewhere.auditTrail({}, { first: 1 })).rejects.toThrow(
          `The audit trail lists an event at ${first?.position} that the store does not hold`,
        );
        await expect(elsewhere.history(network)).rejects.toThrow(/that the store does not hold/);
      } finally {
        await emptyStore.close();
      }
    });

    it('filters by item, kinds, actor countries, actor, types and instants', async () => {
      expect((await trail({ itemId: proposal })).map((event) => event.type)).toEqual([
        'JointProjectProposed',
        'PartnerJoined',
      ]);
      expect(new Set((await trail({ kinds: ['QUESTION'] })).map((event) => event.itemId))).toEqual(
        new Set([toUkraine]),
      );
      expect(new Set((await trail({ countries: ['UA'] })).map((event) => event.actor?.id))).toEqual(
        new Set([UA.id, UA_FOCAL.id]),
      );
      expect((await trail({ actorId: GE.id })).map((event) => event.type)).toEqual(['PracticeShared', 'CommentPosted']);
      expect(await trail({ types: ['CommentEdited', 'CommentRetracted'] })).toHaveLength(2);
      const all = await trail({});
      const from = new Date(all[2]?.occurredAt as string);
      const to = new Date(all[4]?.occurredAt as string);
      expect((await trail({ from, to })).map((event) => event.position)).toEqual(
        all.slice(2, 4).map((event) => event.position),
      );
      expect(await trail({ itemId: network, types: ['CommentPosted'], countries: ['KZ'] })).toHaveLength(1);
    });
  });

  describe('cooperation statistics', () => {
    it('counts activities per actor country, leaving the secretariat out', () => {
      const stats = readModel.cooperationStats(null, null);
      expect(stats.map((row) => row.country)).toHaveLength(16);
      expect(stats.find((row) => row.country === 'KZ')).toEqual({
        country: 'KZ',
        total: 3,
        counts: [
          { activity: 'PRACTICE_SHARED', count: 1 },
          { activity: 'PROPOSAL_CREATED', count: 1 },
          { activity: 'COMMENT_POSTED', count: 1 },
        ],
      });
      expect(stats.find((row) => row.country === 'UA')?.counts).toEqual([
        { activity: 'QUESTION_ANSWERED', count: 1 },
        { activity: 'PARTNER_JOINED', count: 1 },
        { activity: 'COMMENT_POSTED', count: 1 },
      ]);
      expect(stats.find((row) => row.country === 'RS')).toEqual({ country: 'RS', total: 0, counts: [] });
      expect(stats.reduce((sum, row) => sum + row.total, 0)).toBe(9);
    });

    it('counts only the interval [from, to)', () => {
      const entries = readModel.feedAfter(SECRETARIAT, {}, null, 100);
      const from = new Date((entries[1] as FeedEntryView).occurredAt);
      const to = new Date((entries[3] as FeedEntryView).occurredAt);
      expect(readModel.cooperationStats(from, to).reduce((sum, row) => sum + row.total, 0)).toBe(2);
    });
  });

  describe('cursors and page sizes', () => {
    it.each(['garbage', '', 'eyJhIjoxfQ', Buffer.from('["audit","0001"]').toString('base64url')])(
      'rejects the feed cursor %j as InvalidCursor',
      (cursor) => {
        expect(() => readModel.feed(UA, { after: cursor })).toThrow(InvalidCursor);
      },
    );

    it('rejects a cursor of one list in another', async () => {
      const feedCursor = readModel.feed(UA, { first: 1 }).pageInfo.endCursor as string;
      expect(() => readModel.comments(network, { after: feedCursor })).toThrow(InvalidCursor);
      expect(() => readModel.search(UA, 'tailings', { after: feedCursor })).toThrow(InvalidCursor);
      await expect(readModel.auditTrail({}, { after: feedCursor })).rejects.toThrow(InvalidCursor);
    });

    it('rejects a negative or fractional first', () => {
      expect(() => readModel.feed(UA, { first: -1 })).toThrow(InvalidPageSize);
      expect(() => readModel.feed(UA, { first: 1.5 })).toThrow(InvalidPageSize);
    });
  });
});

describe('ReadModel.itemAsOf', () => {
  const harness = new ReadModelHarness();
  let readModel: ReadModel;
  let project: string;
  let invitedLater: string;
  /** When each event of the project's stream was recorded. */
  let recordedAt: string[];

  beforeAll(async () => {
    project = await harness.propose(KZ_FOCAL, { title: 'Tailings safety in Central Asia', partnerCountries: ['UA'] });
    const act = (actor: Participant, command: ProposalCommand) => harness.run(proposalAggregate, actor, command);
    await act(UA_FOCAL, { type: 'RespondToInvitation', proposalId: project, accept: true });
    await act(KZ_FOCAL, { type: 'SubmitProposal', proposalId: project });
    await act(SECRETARIAT, { type: 'ReviewProposal', proposalId: project, decision: 'ENDORSE', note: 'Fits' });
    await act(KZ_FOCAL, {
      type: 'StartImplementation',
      proposalId: project,
      startedOn: new Date('2017-09-01T00:00:00.000Z'),
    });
    for (const [index, title] of ['Inception workshop', 'Hazard rating list', 'Site visit'].entries()) {
      await act(UA_FOCAL, {
        type: 'RecordProjectActivity',
        proposalId: project,
        activityId: `activity-${index}`,
        kind: 'OTHER',
        title,
        startsOn: new Date(Date.UTC(2017, 10 + index, 1)),
        countries: ['KZ', 'UA'],
      });
    }
    recordedAt = (await harness.store.readStream(`proposal-${project}`)).map((event) =>
      String(event.metadata['occurredAt']),
    );
    invitedLater = await harness.propose(KZ_FOCAL, {
      title: 'Hazard map',
      partnerCountries: ['UA'],
      audience: { scope: 'COUNTRIES', countries: ['TJ'] },
    });
    await act(KZ_FOCAL, { type: 'InvitePartner', proposalId: invitedLater, country: 'MD' });
    ({ readModel } = await harness.openCaughtUp());
  });

  afterAll(() => harness.dispose());

  const activityTitles = async (at: string) => {
    const view = await readModel.itemAsOf(TJ, project, new Date(at));
    return view?.state.kind === 'PROPOSAL' ? view.state.activities.map((activity) => activity.title) : null;
  };

  it('shows exactly the activities recorded by then, whatever dates they happened on', async () => {
    const [, , , , started, first, second, third] = recordedAt;
    expect(await activityTitles(started as string)).toEqual([]);
    expect(await activityTitles(first as string)).toEqual(['Inception workshop']);
    const between = new Date(Date.parse(second as string) - 1).toISOString();
    expect(await activityTitles(between)).toEqual(['Inception workshop']);
    expect(await activityTitles(second as string)).toEqual(['Inception workshop', 'Hazard rating list']);
    expect(await activityTitles(third as string)).toEqual(['Inception workshop', 'Hazard rating list', 'Site visit']);
    expect(await readModel.itemAsOf(TJ, project, new Date(first as string))).toMatchObject({
      version: 6,
      state: { status: 'IN_IMPLEMENTATION' },
    });
  });

  it('hides a proposal from a country invited later, as it stood before the invitation', async () => {
    const MD = focalPointOf('MD');
    const [proposed, invited] = (await harness.store.readStream(`proposal-${invitedLater}`)).map((event) =>
      String(event.metadata['occurredAt']),
    );
    expect(await readModel.itemAsOf(MD, invitedLater, new Date(proposed as string))).toBeNull();
    expect(await readModel.itemAsOf(MD, invitedLater, new Date(invited as string))).toMatchObject({
      visibility: { partnerCountries: ['UA', 'MD'] },
      subregions: ['EASTERN_EUROPE', 'CENTRAL_ASIA'],
    });
    expect(await readModel.itemAsOf(TJ, invitedLater, new Date(proposed as string))).toMatchObject({
      visibility: { partnerCountries: ['UA'] },
      subregions: ['EASTERN_EUROPE', 'CENTRAL_ASIA'],
    });
  });
});
