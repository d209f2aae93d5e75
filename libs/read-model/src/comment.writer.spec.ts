import { discussionAggregate, discussionStreamId } from '@coop/domain';
import { CommentWriter } from './comment.writer.js';
import { ItemWriter } from './item.writer.js';
import { ProjectionBatch } from './projection-batch.js';
import { participantOf, SECRETARIAT } from './testing/read-model.fixtures.js';
import { applyEvents, WriterHarness } from './testing/projection.fixtures.js';

const UA = participantOf('UA');
const KZ = participantOf('KZ');

describe('CommentWriter', () => {
  let harness: WriterHarness;
  let comments: CommentWriter;

  beforeEach(() => {
    harness = new WriterHarness();
    comments = new CommentWriter(harness.db);
  });

  afterEach(() => harness.dispose());

  /** Applies the events appended since the last batch as one batch, over the items the table holds. */
  const batch = async () => {
    const items = new ItemWriter(harness.db);
    const current = new ProjectionBatch(items);
    applyEvents(current, [items, comments], await harness.newEvents());
    items.flush(current);
  };
  const rows = () => harness.db.prepare('SELECT * FROM comments ORDER BY position').all();

  it('writes a posted comment, then each edit and retraction over it, keeping its place', async () => {
    const itemId = await harness.share(KZ, { title: 'Discussed' });
    const first = await harness.comment(UA, itemId, 'PRACTICE', 'First');
    await batch();
    const [posted] = (await harness.store.readStream(discussionStreamId(itemId))).map((event) => event.position);
    const row = {
      seq: 1,
      id: first,
      item_id: itemId,
      position: posted,
      body: 'First',
      author: JSON.stringify(UA),
      country: 'UA',
      reply_to: null,
      posted_at: '2019-03-14T09:02:00.000Z',
      edited_at: null,
      retracted: 0,
    };
    expect(rows()).toEqual([row]);

    await harness.run(discussionAggregate, UA, {
      type: 'EditComment',
      itemId,
      commentId: first,
      body: 'First, edited',
    });
    await batch();
    const edited = { ...row, body: 'First, edited', edited_at: '2019-03-14T09:03:00.000Z' };
    expect(rows()).toEqual([edited]);

    await harness.run(discussionAggregate, SECRETARIAT, {
      type: 'RetractComment',
      itemId,
      commentId: first,
      reason: 'Off topic',
    });
    await batch();
    expect(rows()).toEqual([{ ...edited, body: null, retracted: 1 }]);
  });

  it('writes a reply with the comment it answers', async () => {
    const itemId = await harness.ask(KZ, { title: 'Discussed' });
    const first = await harness.comment(UA, itemId, 'QUESTION', 'First');
    const reply = await harness.run(discussionAggregate, KZ, {
      type: 'PostComment',
      itemId,
      itemKind: 'QUESTION',
      commentId: 'reply',
      body: 'A reply',
      replyTo: first,
    });
    await batch();
    expect(rows()).toEqual([
      expect.objectContaining({ id: first, reply_to: null }),
      expect.objectContaining({ id: 'reply', position: reply.position, reply_to: first, author: JSON.stringify(KZ) }),
    ]);
  });

  it('writes nothing for an edit of a comment it never saw, nor for item events', async () => {
    const itemId = await harness.share(KZ, { title: 'Discussed' });
    await harness.appendRaw(discussionStreamId(itemId), [
      {
        type: 'CommentEdited',
        data: {
          itemId,
          itemKind: 'PRACTICE',
          commentId: 'unknown',
          body: 'Edited',
          by: { id: UA.id, name: UA.name, country: 'UA', roles: ['PARTICIPANT'] },
          occurredAt: '2019-03-14T10:00:00.000Z',
        },
      },
    ]);
    await batch();
    expect(rows()).toEqual([]);
  });
});
