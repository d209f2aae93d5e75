import { AuditWriter } from './audit.writer.js';
import { ItemWriter } from './item.writer.js';
import { ProjectionBatch } from './projection-batch.js';
import { participantOf } from './testing/read-model.fixtures.js';
import { WriterHarness } from './testing/projection.fixtures.js';

const KZ = participantOf('KZ');

interface AuditRow {
  position: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  occurred_at: string;
  actor_id: string | null;
  actor_country: string | null;
  correlation_id: string | null;
  causation_id: string | null;
  data: string;
  metadata: string;
  hash: string;
  previous_hash: string | null;
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

  it('records a domain event whole, with its metadata and the item of its stream', async () => {
    const id = await harness.share(KZ, { title: 'Audited' });
    await recordAll();
    const [event] = await harness.store.readAll();
    const metadata = event?.metadata ?? {};
    expect(rows()).toEqual([
      {
        seq: 1,
        position: event?.position,
        event_id: event?.id,
        stream_id: `practice-${id}`,
        version: 1,
        type: 'PracticeShared',
        occurred_at: '2019-03-14T09:01:00.000Z',
        actor_id: KZ.id,
        actor_country: 'KZ',
        correlation_id: metadata['correlationId'],
        causation_id: metadata['causationId'],
        data: JSON.stringify(event?.data),
        metadata: JSON.stringify(metadata),
        hash: metadata['hash'],
        previous_hash: null,
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
      expect.objectContaining({
        stream_id: 'other-2',
        occurred_at: bare?.recordedAt,
        data: 'null',
        actor_id: null,
        actor_country: null,
        correlation_id: null,
        causation_id: null,
        item_id: null,
        item_kind: null,
      }),
      expect.objectContaining({ stream_id: 'other-2', version: 2 }),
    ]);
    const [first, second] = rows().slice(2);
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second?.previous_hash).toBe(first?.hash);
  });
});
