import { foldItem, proposalAggregate } from '@coop/domain';
import type { RecordedEvent } from '@coop/event-store';
import { ItemWriter } from './item.writer.js';
import { ProjectionBatch } from './projection-batch.js';
import { ProjectionFailed } from './read-model.errors.js';
import { focalPointOf, participantOf } from './testing/read-model.fixtures.js';
import { applyEvents, logWrites, rowsChangedBy, WriterHarness } from './testing/projection.fixtures.js';

const AM = participantOf('AM');
const UA = participantOf('UA');
const KZ = participantOf('KZ');

interface ItemRow {
  seq: number;
  id: string;
  kind: string;
  version: number;
  state: string;
  title: string;
  visibility: string;
  subregions: string;
  created_at: string;
  updated_at: string;
}

describe('ItemWriter', () => {
  let harness: WriterHarness;
  let items: ItemWriter;

  beforeEach(() => {
    harness = new WriterHarness();
    items = new ItemWriter(harness.db);
  });

  afterEach(() => harness.dispose());

  const apply = (events: readonly RecordedEvent[]): void => {
    const current = new ProjectionBatch(items);
    applyEvents(current, [items], events);
    items.flush(current);
  };
  /** Applies the events appended since the last batch as one batch. */
  const batch = async (): Promise<void> => apply(await harness.newEvents());
  /** How many rows the next batch changes. */
  const rowsChangedByBatch = async (): Promise<number> => {
    const events = await harness.newEvents();
    return rowsChangedBy(harness.db, () => apply(events));
  };
  const row = (id: string) => harness.db.prepare<[string], ItemRow>('SELECT * FROM items WHERE id = ?').get(id);
  const topics = (id: string) =>
    harness.db
      .prepare<[string], string>('SELECT topic FROM item_topics WHERE item_id = ? ORDER BY topic')
      .pluck()
      .all(id);
  const grants = (id: string) =>
    harness.db
      .prepare<[string], string>('SELECT access FROM item_grants WHERE item_id = ? ORDER BY access')
      .pluck()
      .all(id);
  const stateOf = async (id: string) => JSON.stringify(foldItem(await harness.store.readStream(`practice-${id}`)));

  it('writes a new item: its row, its grants and its topics', async () => {
    const id = await harness.share(AM, {
      title: 'Notification drills',
      summary: 'Yearly drills',
      body: 'With the neighbours',
      topics: ['TAILINGS_SAFETY', 'PREVENTION'],
      audience: { scope: 'COUNTRIES', countries: ['UA'] },
    });
    await batch();
    expect(row(id)).toEqual({
      seq: 1,
      id,
      kind: 'PRACTICE',
      version: 1,
      state: await stateOf(id),
      title: 'Notification drills',
      visibility: JSON.stringify({
        country: 'AM',
        audience: { scope: 'COUNTRIES', subregions: [], countries: ['UA'] },
        partnerCountries: [],
      }),
      subregions: JSON.stringify(['EASTERN_EUROPE', 'CAUCASUS']),
      created_at: '2019-03-14T09:01:00.000Z',
      updated_at: '2019-03-14T09:01:00.000Z',
    });
    expect(grants(id)).toEqual(['#', 'C:AM', 'C:UA']);
    expect(topics(id)).toEqual(['PREVENTION', 'TAILINGS_SAFETY']);
  });

  it('writes each item once per batch, folding every event of the batch into it', async () => {
    const writes = logWrites(harness.db, 'items', 'id');
    const first = await harness.share(AM, { title: 'First' });
    await harness.revise(AM, first, { title: 'First, revised' });
    await harness.adopt(UA, first);
    const second = await harness.share(KZ, { title: 'Second' });
    await batch();
    expect(writes()).toEqual([
      ['INSERT', first],
      ['INSERT', second],
    ]);
    expect(row(first)).toMatchObject({ version: 3, title: 'First, revised', state: await stateOf(first) });

    await harness.adopt(KZ, first);
    await harness.revise(AM, first, { summary: 'Revised again' });
    await batch();
    expect(writes().slice(2)).toEqual([['UPDATE', first]]);
    expect(row(first)).toMatchObject({ version: 5, state: await stateOf(first) });
  });

  it('rewrites topics only when they change', async () => {
    const id = await harness.share(AM, { title: 'Stable words', topics: ['PREVENTION', 'TRAINING'] });
    await batch();

    await harness.adopt(UA, id);
    // The item row alone.
    expect(await rowsChangedByBatch()).toBe(1);

    await harness.revise(AM, id, { topics: ['LAND_USE_PLANNING'] });
    // The item row, two topics out, one in.
    expect(await rowsChangedByBatch()).toBe(4);
    expect(topics(id)).toEqual(['LAND_USE_PLANNING']);

    await harness.revise(AM, id, { title: 'Changed words' });
    expect(await rowsChangedByBatch()).toBe(1);
    expect(topics(id)).toEqual(['LAND_USE_PLANNING']);
  });

  it('rewrites the grants and the subregions when a proposal invites another country, in the same row write', async () => {
    const lead = focalPointOf('KZ');
    const id = await harness.propose(lead, {
      title: 'Tailings safety',
      partnerCountries: ['KG'],
      audience: { scope: 'COUNTRIES', countries: ['UZ'] },
    });
    await batch();
    expect(grants(id)).toEqual(['#', 'C:KG', 'C:KZ', 'C:UZ']);
    expect(row(id)?.subregions).toBe(JSON.stringify(['CENTRAL_ASIA']));

    const writes = logWrites(harness.db, 'items', 'id');
    const grantWrites = logWrites(harness.db, 'item_grants', 'access');
    await harness.run(proposalAggregate, lead, { type: 'InvitePartner', proposalId: id, country: 'MD' });
    await harness.run(proposalAggregate, focalPointOf('MD'), {
      type: 'RespondToInvitation',
      proposalId: id,
      accept: false,
    });
    await batch();
    expect(writes()).toEqual([['UPDATE', id]]);
    expect(grants(id)).toEqual(['#', 'C:KG', 'C:KZ', 'C:MD', 'C:UZ']);
    const grantsRewritten = grantWrites().length;
    expect(grantsRewritten).toBeGreaterThan(0);
    expect(row(id)).toMatchObject({
      subregions: JSON.stringify(['EASTERN_EUROPE', 'CENTRAL_ASIA']),
      visibility: JSON.stringify({
        country: 'KZ',
        audience: { scope: 'COUNTRIES', subregions: [], countries: ['UZ'] },
        partnerCountries: ['KG', 'MD'],
      }),
    });

    // Declining changes nothing of who sees the proposal: the item row alone is written.
    await harness.run(proposalAggregate, focalPointOf('KG'), {
      type: 'RespondToInvitation',
      proposalId: id,
      accept: false,
    });
    await batch();
    expect(writes()).toEqual([
      ['UPDATE', id],
      ['UPDATE', id],
    ]);
    expect(grantWrites()).toHaveLength(grantsRewritten);
    expect(grants(id)).toEqual(['#', 'C:KG', 'C:KZ', 'C:MD', 'C:UZ']);
  });

  it('writes nothing for an item its stream has not created, nor for comment events', async () => {
    await harness.appendRaw('practice-ghost', [
      {
        type: 'PracticeAdopted',
        data: { practiceId: 'ghost', country: 'UA', note: null, by: null, occurredAt: '2019-03-14T10:00:00.000Z' },
      },
    ]);
    const id = await harness.share(AM, { title: 'Discussed' });
    await harness.comment(UA, id, 'PRACTICE', 'One');
    await harness.comment(KZ, id, 'PRACTICE', 'Two');
    await batch();
    expect(harness.db.prepare('SELECT id, version FROM items').all()).toEqual([{ id, version: 1 }]);
  });

  it('blames a failed write on the last event folded into the item', async () => {
    const failing = await harness.share(AM, { title: 'Cannot be written' });
    await harness.adopt(UA, failing);
    await harness.share(KZ, { title: 'Fine' });
    const events = await harness.newEvents();
    harness.db.exec(`CREATE TRIGGER crash BEFORE INSERT ON items WHEN NEW.id = '${failing}'
                     BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
    expect(() => apply(events)).toThrow(ProjectionFailed);
    expect(() => apply(events)).toThrow(
      expect.objectContaining({
        position: events[1]?.position,
        streamId: `practice-${failing}`,
        type: 'PracticeAdopted',
      }),
    );
  });

  it('leaves the blame to the projection for an item no event of the batch folded', async () => {
    const id = await harness.share(AM, { title: 'Written, then only discussed' });
    await batch();
    await harness.comment(UA, id, 'PRACTICE', 'A comment loads the item into the batch');
    const events = await harness.newEvents();
    harness.db.exec(`CREATE TRIGGER crash BEFORE UPDATE ON items BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
    expect(() => apply(events)).toThrow('simulated crash');
    expect(() => apply(events)).not.toThrow(ProjectionFailed);
  });
});
