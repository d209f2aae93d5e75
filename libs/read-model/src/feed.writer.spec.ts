import { discussionAggregate, questionAggregate } from '@coop/domain';
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

  it('writes a posted comment with the item as the table holds it, and nothing for edits or reopenings', async () => {
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
    expect(written.map(toFeedEntryView)).toEqual([
      expect.objectContaining({
        activity: 'COMMENT_POSTED',
        actor: UA_FOCAL,
        itemId: id,
        itemKind: 'PROPOSAL',
        item: expect.objectContaining({ version: 1 }),
      }),
    ]);

    const question = await harness.ask(AM, { title: 'Closed, then reopened' });
    await harness.run(questionAggregate, AM, {
      type: 'CloseQuestion',
      questionId: question,
    });
    await harness.run(questionAggregate, SECRETARIAT, {
      type: 'ReopenQuestion',
      questionId: question,
    });
    const { entries: later } = await batch();
    expect(later.map((entry) => entry.activity)).toEqual(['QUESTION_ASKED', 'QUESTION_CLOSED']);
    expect(entries()).toHaveLength(4);
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
