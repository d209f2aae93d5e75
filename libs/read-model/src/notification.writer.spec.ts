import { discussionAggregate, proposalAggregate, questionAggregate } from '@coop/domain';
import { CommentWriter } from './comment.writer.js';
import { FeedWriter } from './feed.writer.js';
import { ItemWriter } from './item.writer.js';
import { NotificationWriter } from './notification.writer.js';
import { ParticipantWriter } from './participant.writer.js';
import { ProjectionBatch } from './projection-batch.js';
import { focalPointOf, participantOf } from './testing/read-model.fixtures.js';
import { applyEvents, WriterHarness } from './testing/projection.fixtures.js';

const KZ = participantOf('KZ');
const KG = participantOf('KG');
const UZ = participantOf('UZ');
const KZ_FOCAL = focalPointOf('KZ');
const KG_FOCAL = focalPointOf('KG');

describe('NotificationWriter', () => {
  let harness: WriterHarness;

  beforeEach(() => {
    harness = new WriterHarness();
  });

  afterEach(() => harness.dispose());

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
  const notifications = () =>
    harness.db
      .prepare<
        [],
        {
          addressee: string;
          reason: string;
          item_id: string;
          event_id: string;
          actor_id: string | null;
          position: string;
        }
      >(
        'SELECT addressee, reason, item_id, event_id, actor_id, position FROM notifications ORDER BY position, addressee',
      )
      .all();
  const positionsOf = async (streamId: string) =>
    (await harness.store.readStream(streamId)).map((event) => event.position);

  it("addresses a proposal's invitations and responses to countries' focal points, keeping the actor out of the group", async () => {
    const proposal = await harness.propose(KZ_FOCAL, { title: 'Joint training', partnerCountries: ['KG', 'TJ'] });
    await harness.run(proposalAggregate, KG_FOCAL, { type: 'RespondToInvitation', proposalId: proposal, accept: true });
    const { notifications: written, entries } = await batch();
    const [proposed, joined] = await harness.store.readStream(`proposal-${proposal}`);
    expect(notifications()).toEqual([
      {
        addressee: 'F:KG',
        reason: 'PARTNER_INVITATION',
        item_id: proposal,
        event_id: proposed?.id,
        actor_id: KZ_FOCAL.id,
        position: proposed?.position,
      },
      {
        addressee: 'F:TJ',
        reason: 'PARTNER_INVITATION',
        item_id: proposal,
        event_id: proposed?.id,
        actor_id: KZ_FOCAL.id,
        position: proposed?.position,
      },
      {
        addressee: 'F:KZ',
        reason: 'PARTNER_RESPONDED',
        item_id: proposal,
        event_id: joined?.id,
        actor_id: KG_FOCAL.id,
        position: joined?.position,
      },
    ]);
    expect(written.map((notification) => [notification.addressee, notification.entry])).toEqual([
      ['F:KG', entries[0]],
      ['F:TJ', entries[0]],
      ['F:KZ', entries[1]],
    ]);
    expect(harness.db.prepare('SELECT event_id, position FROM notifying_events ORDER BY position').all()).toEqual([
      { event_id: proposed?.id, position: proposed?.position },
      { event_id: joined?.id, position: joined?.position },
    ]);
  });

  it('notifies those who watch the item when the activity happens, and the author of the comment replied to', async () => {
    const question = await harness.ask(KZ, { title: 'Watched question' });
    await harness.watch(UZ, question, 'QUESTION');
    await harness.watch(KG, question, 'QUESTION');
    await harness.run(questionAggregate, KG, {
      type: 'AnswerQuestion',
      questionId: question,
      answerId: 'a-1',
      body: 'An answer',
    });
    await harness.watch(UZ, question, 'QUESTION', false);
    const first = await harness.comment(KZ, question, 'QUESTION', 'Thank you');
    await harness.run(discussionAggregate, KG, {
      type: 'PostComment',
      itemId: question,
      itemKind: 'QUESTION',
      commentId: 'reply-1',
      body: 'You are welcome',
      replyTo: first,
      mentions: [UZ],
    });
    await batch();
    const [, answered] = await positionsOf(`question-${question}`);
    const [commented, replied] = await positionsOf(`discussion-${question}`);
    expect(
      notifications().map(({ addressee, reason, actor_id, position }) => [position, addressee, reason, actor_id]),
    ).toEqual([
      [answered, `P:${KZ.id}`, 'ANSWER_RECEIVED', null],
      [answered, `P:${UZ.id}`, 'WATCHED_ITEM', null],
      [commented, `P:${KG.id}`, 'WATCHED_ITEM', null],
      [replied, `P:${KZ.id}`, 'REPLY', null],
      [replied, `P:${UZ.id}`, 'MENTION', null],
    ]);
  });

  it('notifies nobody of what makes no feed entry', async () => {
    const question = await harness.ask(KZ, { title: 'Discussed' });
    await harness.watch(KG, question, 'QUESTION');
    const commentId = await harness.comment(KZ, question, 'QUESTION', 'A first thought');
    await batch();
    await harness.run(discussionAggregate, KZ, {
      type: 'EditComment',
      itemId: question,
      commentId,
      body: 'A second thought',
    });
    await harness.run(discussionAggregate, KZ, {
      type: 'RetractComment',
      itemId: question,
      commentId,
      reason: 'Wrong item',
    });
    const { notifications: written } = await batch();
    expect(written).toEqual([]);
    expect(notifications().map((row) => row.reason)).toEqual(['WATCHED_ITEM']);
  });
});
