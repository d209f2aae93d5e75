import { ItemWriter } from './item.writer.js';
import { ProjectionBatch } from './projection-batch.js';
import { focalPointOf, participantOf } from './testing/read-model.fixtures.js';
import { applyEvents, WriterHarness } from './testing/projection.fixtures.js';

const KZ = participantOf('KZ');
const author = { id: KZ.id, name: KZ.name, country: 'KZ', roles: ['PARTICIPANT'] };
const at = '2019-03-14T10:00:00.000Z';

describe('ProjectionBatch', () => {
  let harness: WriterHarness;
  let items: ItemWriter;

  beforeEach(() => {
    harness = new WriterHarness();
    items = new ItemWriter(harness.db);
  });

  afterEach(() => harness.dispose());

  it('places an event with the item of its stream, one item per id for the whole batch', async () => {
    const id = await harness.share(KZ, { title: 'Placed' });
    await harness.comment(KZ, id, 'PRACTICE', 'On it');
    await harness.comment(KZ, 'absent', 'PRACTICE', 'On nothing');
    const batch = new ProjectionBatch(items);
    const [shared, commented, orphan] = (await harness.newEvents()).map((event) => batch.place(event));
    expect(shared).toMatchObject({
      itemId: id,
      event: { type: 'PracticeShared' },
      occurredAt: '2019-03-14T09:01:00.000Z',
    });
    expect(commented).toMatchObject({ itemId: id, event: { type: 'CommentPosted' } });
    expect(commented?.item).toBe(shared?.item);
    expect(orphan).toMatchObject({ itemId: 'absent', item: undefined, event: null });
    expect([...batch.items()]).toEqual([shared?.item]);
  });

  it("places a participant's event in their own stream with no item", async () => {
    const id = await harness.share(KZ, { title: 'Watched' });
    await harness.watch(KZ, id, 'PRACTICE');
    const batch = new ProjectionBatch(items);
    const [, watched] = (await harness.newEvents()).map((event) => batch.place(event));
    expect(watched).toMatchObject({ itemId: null, item: undefined, event: { type: 'ItemWatched' } });
  });

  it('loads an item an earlier batch wrote from the table', async () => {
    const id = await harness.share(KZ, { title: 'Written before' });
    const first = new ProjectionBatch(items);
    applyEvents(first, [items], await harness.newEvents());
    items.flush(first);
    await harness.comment(KZ, id, 'PRACTICE', 'Later');
    const [placed] = (await harness.newEvents()).map((event) => new ProjectionBatch(items).place(event));
    expect(placed?.item).toMatchObject({
      seq: 1,
      version: 1,
      state: expect.objectContaining({ title: 'Written before' }),
    });
  });

  it("places a profile event of its country's stream with no item", async () => {
    await harness.updateProfile(focalPointOf('KG'), { country: 'KG', actionPlan: 'IN_PROGRESS' });
    const [placed] = (await harness.newEvents()).map((event) => new ProjectionBatch(items).place(event));
    expect(placed).toMatchObject({ itemId: null, item: undefined, event: { type: 'CountryProfileUpdated' } });
  });

  it.each([
    ['a type the domain does not know', 'practice-p1', { type: 'SomethingNew', data: { occurredAt: at } }, 'p1'],
    [
      'an event of another item',
      'practice-p1',
      { type: 'PracticeAdopted', data: { practiceId: 'p2', country: 'UA', note: null, by: author, occurredAt: at } },
      'p1',
    ],
    [
      'a comment event in the item stream',
      'practice-p1',
      {
        type: 'CommentPosted',
        data: { itemId: 'p1', itemKind: 'PRACTICE', commentId: 'c', body: 'x', replyTo: null, author, occurredAt: at },
      },
      'p1',
    ],
    [
      'a comment on an item of another kind',
      'discussion-p1',
      {
        type: 'CommentPosted',
        data: { itemId: 'p1', itemKind: 'QUESTION', commentId: 'c', body: 'x', replyTo: null, author, occurredAt: at },
      },
      'p1',
    ],
    ['an event of a stream of no item', 'other-p1', { type: 'PracticeShared', data: { practiceId: 'p1' } }, null],
    ['an item event in a country stream', 'country-KZ', { type: 'PracticeShared', data: { practiceId: 'p1' } }, null],
    [
      "a profile event in another country's stream",
      'country-KZ',
      { type: 'CountryProfileUpdated', data: { country: 'KG', changes: {}, by: author, occurredAt: at } },
      null,
    ],
    [
      'a profile event in an item stream',
      'practice-p1',
      { type: 'CountryProfileUpdated', data: { country: 'KZ', changes: {}, by: author, occurredAt: at } },
      'p1',
    ],
    [
      "a participant's event in another participant's stream",
      'participant-someone-else',
      { type: 'ItemWatched', data: { participantId: KZ.id, itemId: 'p1', itemKind: 'PRACTICE', occurredAt: at } },
      null,
    ],
    [
      "a participant's event in an item stream",
      'practice-p1',
      { type: 'ItemWatched', data: { participantId: KZ.id, itemId: 'p1', itemKind: 'PRACTICE', occurredAt: at } },
      'p1',
    ],
    [
      "an item's event in a participant's stream",
      `participant-${KZ.id}`,
      { type: 'PracticeAdopted', data: { practiceId: 'p1', country: 'UA', note: null, by: author, occurredAt: at } },
      null,
    ],
  ] as const)('hands the writers no event for %s', async (_, streamId, event, itemId) => {
    await harness.appendRaw('practice-p1', [
      {
        type: 'PracticeShared',
        data: {
          practiceId: 'p1',
          country: 'KZ',
          author,
          title: 'p1',
          summary: '',
          body: '',
          topics: [],
          audience: { scope: 'NETWORK' },
          occurredAt: at,
        },
      },
    ]);
    await harness.appendRaw(streamId, [event]);
    const batch = new ProjectionBatch(items);
    const placed = (await harness.newEvents()).map((recorded) => batch.place(recorded));
    expect(placed[0]?.event).not.toBeNull();
    expect(placed[1]).toMatchObject({ itemId, event: null });
  });
});
