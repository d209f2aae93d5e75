import { discussionAggregate, proposalAggregate, questionAggregate } from '@coop/domain';
import { FeedWriter, toFeedEntryView } from './feed.writer.js';
import { ItemWriter } from './item.writer.js';
import { ProjectionBatch } from './projection-batch.js';
import { focalPointOf, participantOf, SECRETARIAT } from './testing/read-model.fixtures.js';
import { applyEvents, WriterHarness } from './testing/projection.fixtures.js';

const AM = participantOf('AM');
const KZ_FOCAL = focalPointOf('KZ');
const UA_FOCAL = focalPointOf('UA');

describe('FeedWriter', () => {
  let harness: WriterHarness;
  let feed: FeedWriter;

  beforeEach(() => {
    harness = new WriterHarness();
    feed = new FeedWriter(harness.db);
  });

  afterEach(() => harness.dispose());

  /** Applies the events appended since the last batch as one batch, after the item writer; returns the batch. */
  const batch = async () => {
    const items = new ItemWriter(harness.db);
    const current = new ProjectionBatch(items);
    applyEvents(current, [items, feed], await harness.newEvents());
    items.flush(current);
    return current;
  };
  const entries = () =>
    harness.db
      .prepare('SELECT position, activity, occurred_at, actor, actor_country, item_id, item_kind FROM feed_entries')
      .all();
  const subjects = () =>
    harness.db.prepare('SELECT activity, comment_id, answer_id FROM feed_entries ORDER BY position').raw().all();
  const subregions = () =>
    harness.db.prepare('SELECT subregion, position FROM feed_subregions ORDER BY position, subregion').raw().all();

  it('writes an entry per activity in each subregion of its item, with the item as that event left it', async () => {
    const id = await harness.share(AM, { title: 'Before', audience: { scope: 'COUNTRIES', countries: ['UA'] } });
    await harness.revise(AM, id, { title: 'After' });
    const { entries: written } = await batch();
    const [shared, revised] = (await harness.store.readStream(`practice-${id}`)).map((event) => event.position);
    expect(entries()).toEqual([
      {
        position: shared,
        activity: 'PRACTICE_SHARED',
        occurred_at: '2019-03-14T09:01:00.000Z',
        actor: JSON.stringify(AM),
        actor_country: 'AM',
        item_id: id,
        item_kind: 'PRACTICE',
      },
      expect.objectContaining({
        position: revised,
        activity: 'PRACTICE_REVISED',
        occurred_at: '2019-03-14T09:02:00.000Z',
      }),
    ]);
    expect(subregions()).toEqual([
      ['CAUCASUS', shared],
      ['EASTERN_EUROPE', shared],
      ['CAUCASUS', revised],
      ['EASTERN_EUROPE', revised],
    ]);
    expect(written.map(toFeedEntryView)).toEqual([
      expect.objectContaining({
        position: shared,
        activity: 'PRACTICE_SHARED',
        actor: AM,
        itemId: id,
        itemKind: 'PRACTICE',
        subregions: ['EASTERN_EUROPE', 'CAUCASUS'],
        item: expect.objectContaining({ version: 1, state: expect.objectContaining({ title: 'Before' }) }),
      }),
      expect.objectContaining({
        position: revised,
        activity: 'PRACTICE_REVISED',
        item: expect.objectContaining({ version: 2, state: expect.objectContaining({ title: 'After' }) }),
      }),
    ]);
  });

  it('writes a posted comment, carrying the comment as posted, and nothing for its edits', async () => {
    const id = await harness.propose(KZ_FOCAL, { title: 'Joint training', partnerCountries: ['UA'] });
    await batch();
    const commentId = await harness.comment(UA_FOCAL, id, 'PROPOSAL', 'Count us in');
    await harness.run(discussionAggregate, UA_FOCAL, {
      type: 'EditComment',
      itemId: id,
      commentId,
      body: 'Count us in, twice',
    });
    const { entries: written } = await batch();
    const [posted] = await harness.store.readStream(`discussion-${id}`);
    expect(written.map(toFeedEntryView)).toEqual([
      expect.objectContaining({
        activity: 'COMMENT_POSTED',
        actor: UA_FOCAL,
        itemId: id,
        itemKind: 'PROPOSAL',
        item: expect.objectContaining({ version: 1 }),
        comment: {
          id: commentId,
          itemId: id,
          body: 'Count us in',
          author: UA_FOCAL,
          country: 'UA',
          replyTo: null,
          postedAt: posted?.data && (posted.data as { occurredAt: string }).occurredAt,
          editedAt: null,
          retracted: false,
        },
        answerId: null,
      }),
    ]);
    expect(subjects()).toEqual([
      ['PROPOSAL_CREATED', null, null],
      ['COMMENT_POSTED', commentId, null],
    ]);
  });

  it('names the answer of an entry that answers or edits an answer, and reports a reopening', async () => {
    const question = await harness.ask(AM, { title: 'Answered, edited, closed, reopened' });
    await harness.run(questionAggregate, UA_FOCAL, {
      type: 'AnswerQuestion',
      questionId: question,
      answerId: 'answer-1',
      body: 'First words',
    });
    await harness.run(questionAggregate, UA_FOCAL, {
      type: 'EditAnswer',
      questionId: question,
      answerId: 'answer-1',
      body: 'Better words',
    });
    await harness.run(questionAggregate, AM, { type: 'CloseQuestion', questionId: question });
    await harness.run(questionAggregate, SECRETARIAT, { type: 'ReopenQuestion', questionId: question });
    const { entries: written } = await batch();
    expect(subjects()).toEqual([
      ['QUESTION_ASKED', null, null],
      ['QUESTION_ANSWERED', null, 'answer-1'],
      ['ANSWER_EDITED', null, 'answer-1'],
      ['QUESTION_CLOSED', null, null],
      ['QUESTION_REOPENED', null, null],
    ]);
    const [, answered, edited] = written.map(toFeedEntryView);
    // Each live entry holds the question as its own event left it, so the answer as it was then.
    const bodyOf = (entry: typeof answered) =>
      entry?.item.state.kind === 'QUESTION' ? entry.item.state.answers.map((answer) => answer.body) : null;
    expect([answered?.answerId, bodyOf(answered)]).toEqual(['answer-1', ['First words']]);
    expect([edited?.answerId, bodyOf(edited)]).toEqual(['answer-1', ['Better words']]);
  });

  it('lists the entries from an invitation on in the invited country’s subregion, not those before it', async () => {
    const id = await harness.propose(KZ_FOCAL, {
      title: 'Tailings safety',
      partnerCountries: ['KG'],
      audience: { scope: 'COUNTRIES', countries: ['UZ'] },
    });
    await harness.run(proposalAggregate, KZ_FOCAL, { type: 'InvitePartner', proposalId: id, country: 'UA' });
    await harness.run(proposalAggregate, UA_FOCAL, { type: 'RespondToInvitation', proposalId: id, accept: true });
    const { entries: written } = await batch();
    const [proposed, invited, joined] = (await harness.store.readStream(`proposal-${id}`)).map(
      (event) => event.position,
    );
    expect(subregions()).toEqual([
      ['CENTRAL_ASIA', proposed],
      ['CENTRAL_ASIA', invited],
      ['EASTERN_EUROPE', invited],
      ['CENTRAL_ASIA', joined],
      ['EASTERN_EUROPE', joined],
    ]);
    expect(written.map((entry) => [entry.activity, entry.subregions, entry.visibility.partnerCountries])).toEqual([
      ['PROPOSAL_CREATED', ['CENTRAL_ASIA'], ['KG']],
      ['PARTNER_INVITED', ['EASTERN_EUROPE', 'CENTRAL_ASIA'], ['KG', 'UA']],
      ['PARTNER_JOINED', ['EASTERN_EUROPE', 'CENTRAL_ASIA'], ['KG', 'UA']],
    ]);
  });

  it('keeps the topics the item had when each entry was written', async () => {
    const id = await harness.share(AM, { title: 'Topical', topics: ['PREVENTION', 'TRAINING'] });
    await harness.revise(AM, id, { topics: ['LAND_USE_PLANNING'] });
    await batch();
    const [shared, revised] = (await harness.store.readStream(`practice-${id}`)).map((event) => event.position);
    expect(harness.db.prepare('SELECT position, topic FROM feed_topics ORDER BY position, topic').raw().all()).toEqual([
      [shared, 'PREVENTION'],
      [shared, 'TRAINING'],
      [revised, 'LAND_USE_PLANNING'],
    ]);
  });

  it('writes nothing for an item that does not exist, and fails on an activity that names no actor', async () => {
    await harness.appendRaw('practice-ghost', [
      {
        type: 'PracticeAdopted',
        data: { practiceId: 'ghost', country: 'UA', note: null, by: null, occurredAt: '2019-03-14T10:00:00.000Z' },
      },
    ]);
    expect((await batch()).entries).toEqual([]);
    expect(entries()).toEqual([]);

    await harness.appendRaw('practice-anonymous', [
      {
        type: 'PracticeShared',
        data: {
          practiceId: 'anonymous',
          country: 'UA',
          title: 'No author',
          summary: '',
          body: '',
          topics: [],
          audience: { scope: 'NETWORK' },
          occurredAt: '2019-03-14T10:00:00.000Z',
        },
      },
    ]);
    await expect(batch()).rejects.toThrow('The event names no actor');
  });
});
