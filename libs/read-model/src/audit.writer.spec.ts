import { AuditWriter } from './audit.writer.js';
import { ItemWriter } from './item.writer.js';
import { ProjectionBatch } from './projection-batch.js';
import { participantOf } from './testing/read-model.fixtures.js';
import { WriterHarness } from './testing/projection.fixtures.js';

const KZ = participantOf('KZ');

interface AuditRow {
  seq: number;
  position: string;
  stream_id: string;
  type: string;
  occurred_at: string;
  actor_id: string | null;
  actor_country: string | null;
  item_id: string | null;
  item_kind: string | null;
}

describe('AuditWriter', () => {
  let harness: WriterHarness;
  let audit: AuditWriter;
  let batch: ProjectionBatch;

  beforeEach(() => {
    harness = new WriterHarness();
    audit = new AuditWriter(harness.db);
    batch = new ProjectionBatch(new ItemWriter(harness.db));
  });

  afterEach(() => harness.dispose());

  const rows = () => harness.db.prepare<[], AuditRow>('SELECT * FROM audit_events ORDER BY seq').all();
  const recordAll = async () => {
    for (const event of await harness.newEvents()) audit.record(batch.place(event));
  };

  it('indexes a domain event by what the filters select on, under the item of its stream, without a copy of it', async () => {
    const id = await harness.share(KZ, { title: 'Audited' });
    await recordAll();
    const [event] = await harness.store.readAll();
    expect(rows()).toEqual([
      {
        seq: 1,
        position: event?.position,
        stream_id: `practice-${id}`,
        type: 'PracticeShared',
        occurred_at: '2019-03-14T09:01:00.000Z',
        actor_id: KZ.id,
        actor_country: 'KZ',
        item_id: id,
        item_kind: 'PRACTICE',
      },
    ]);
  });

  it('files a discussion event under its item, with the kind of the item once it exists', async () => {
    await harness.comment(KZ, 'not-yet', 'PRACTICE', 'Before its item');
    const id = await harness.ask(KZ, { title: 'Discussed' });
    await harness.comment(KZ, id, 'QUESTION', 'After its item');
    await recordAll();
    expect(rows().map((row) => [row.stream_id, row.item_id, row.item_kind])).toEqual([
      ['discussion-not-yet', 'not-yet', null],
      [`question-${id}`, id, 'QUESTION'],
      [`discussion-${id}`, id, 'QUESTION'],
    ]);
  });

  it('records events the domain does not know, in streams of no item too, with what their metadata holds', async () => {
    await harness.appendRaw('practice-p1', [
      { type: 'SomethingNew', data: { occurredAt: '2019-03-14T10:00:00.000Z' } },
    ]);
    await harness.appendRaw('other-1', [{ type: 'PracticeShared', data: [], metadata: { occurredAt: 'from-meta' } }]);
    await harness.appendRaw('other-2', [
      { type: 'Bare', data: null },
      { type: 'Bare', data: null },
    ]);
    await recordAll();
    const bare = (await harness.store.readStream('other-2'))[0];
    expect(rows()).toEqual([
      expect.objectContaining({
        stream_id: 'practice-p1',
        type: 'SomethingNew',
        occurred_at: '2019-03-14T10:00:00.000Z',
        item_id: 'p1',
        item_kind: 'PRACTICE',
      }),
      expect.objectContaining({ stream_id: 'other-1', occurred_at: 'from-meta', item_id: null, item_kind: null }),
      {
        seq: 3,
        position: bare?.position,
        stream_id: 'other-2',
        type: 'Bare',
        occurred_at: bare?.recordedAt,
        actor_id: null,
        actor_country: null,
        item_id: null,
        item_kind: null,
      },
      expect.objectContaining({ stream_id: 'other-2', seq: 4 }),
    ]);
  });
});
