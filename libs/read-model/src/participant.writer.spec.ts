import { NotificationWriter } from './notification.writer.js';
import { FeedWriter } from './feed.writer.js';
import { ItemWriter } from './item.writer.js';
import { ParticipantWriter } from './participant.writer.js';
import { ProjectionBatch } from './projection-batch.js';
import { CommentWriter } from './comment.writer.js';
import { focalPointOf, participantOf } from './testing/read-model.fixtures.js';
import { applyEvents, WriterHarness } from './testing/projection.fixtures.js';

const KZ = participantOf('KZ');
const KG_FOCAL = focalPointOf('KG');
const KZ_FOCAL = focalPointOf('KZ');

describe('ParticipantWriter', () => {
  let harness: WriterHarness;

  beforeEach(() => {
    harness = new WriterHarness();
  });

  afterEach(() => harness.dispose());

  /** The events appended since the last batch, as one batch through every writer that notifications need. */
  const batch = async () => {
    const items = new ItemWriter(harness.db);
    const current = new ProjectionBatch(items);
    const writers = [
      items,
      new CommentWriter(harness.db),
      new FeedWriter(harness.db),
      new ParticipantWriter(harness.db),
      new NotificationWriter(harness.db),
    ];
    applyEvents(current, writers, await harness.newEvents());
    items.flush(current);
    return current;
  };
  const rows = (sql: string) => harness.db.prepare(sql).all();

  it('keeps each participant as their token last said, with the name folded for matching', async () => {
    await harness.record(KZ);
    await harness.record({ ...KG_FOCAL, name: 'Aïbek Ömürov' });
    await harness.record({ ...KZ, name: 'Nurlan', roles: ['FOCAL_POINT', 'PARTICIPANT'] });
    await batch();
    expect(rows('SELECT id, name, search_name, country, roles FROM participants ORDER BY id')).toEqual([
      {
        id: KG_FOCAL.id,
        name: 'Aïbek Ömürov',
        search_name: 'aibek omurov',
        country: 'KG',
        roles: '["PARTICIPANT","FOCAL_POINT"]',
      },
      { id: KZ.id, name: 'Nurlan', search_name: 'nurlan', country: 'KZ', roles: '["PARTICIPANT","FOCAL_POINT"]' },
    ]);
  });

  it('keeps the pairs of participant and watched item', async () => {
    const practice = await harness.share(KZ, { title: 'Watched' });
    await harness.watch(KG_FOCAL, practice, 'PRACTICE');
    await harness.watch(KZ, practice, 'PRACTICE');
    await harness.watch(KG_FOCAL, practice, 'PRACTICE', false);
    await batch();
    expect(rows('SELECT item_id, participant_id FROM watches')).toEqual([{ item_id: practice, participant_id: KZ.id }]);
  });

  it('moves a read mark to the notification named, never back, and over everything before it without one', async () => {
    const proposals = [
      await harness.propose(KZ_FOCAL, { title: 'First', partnerCountries: ['KG'] }),
      await harness.propose(KZ_FOCAL, { title: 'Second', partnerCountries: ['KG'] }),
    ];
    // Not a notification: marks nothing.
    await harness.markRead(KG_FOCAL, 'no-such-event');
    await batch();
    expect(rows('SELECT * FROM read_marks')).toEqual([]);

    const [first, second] = await Promise.all(
      proposals.map(async (id) => (await harness.store.readStream(`proposal-${id}`))[0]),
    );
    await harness.markRead(KG_FOCAL, second?.id ?? '');
    await harness.markRead(KG_FOCAL, first?.id ?? '');
    await batch();
    expect(rows('SELECT participant_id, position FROM read_marks')).toEqual([
      { participant_id: KG_FOCAL.id, position: second?.position },
    ]);

    await harness.markRead(KG_FOCAL, null);
    await batch();
    const [mark] = (await harness.store.readStream(`participant-${KG_FOCAL.id}`)).slice(-1);
    expect(rows('SELECT participant_id, position FROM read_marks')).toEqual([
      { participant_id: KG_FOCAL.id, position: mark?.position },
    ]);
  });
});
