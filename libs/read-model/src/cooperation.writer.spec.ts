import { consultationAggregate, proposalAggregate, questionAggregate } from '@coop/domain';
import type { RecordedEvent } from '@coop/event-store';
import { CooperationWriter } from './cooperation.writer.js';
import { ItemWriter } from './item.writer.js';
import { ProjectionBatch } from './projection-batch.js';
import { focalPointOf, participantOf, SECRETARIAT } from './testing/read-model.fixtures.js';
import { applyEvents, WriterHarness } from './testing/projection.fixtures.js';

const KZ = participantOf('KZ');
const UZ = participantOf('UZ');
const GE = participantOf('GE');

describe('CooperationWriter', () => {
  let harness: WriterHarness;

  beforeEach(() => {
    harness = new WriterHarness();
  });

  afterEach(() => harness.dispose());

  const apply = (events: readonly RecordedEvent[]): void => {
    const items = new ItemWriter(harness.db);
    const current = new ProjectionBatch(items);
    applyEvents(current, [items, new CooperationWriter(harness.db)], events);
    items.flush(current);
  };
  const batch = async (): Promise<void> => apply(await harness.newEvents());
  const links = () =>
    harness.db
      .prepare('SELECT kind, occurred_at, item_id, item_country, actor_country FROM country_links ORDER BY position')
      .all();
  const milestones = () =>
    harness.db.prepare('SELECT item_id, milestone, at FROM project_milestones ORDER BY item_id, milestone').all();

  it('records answers, adoptions and consultation responses by another country, with when they happened', async () => {
    const question = await harness.ask(KZ, { title: 'Dams' });
    await harness.run(questionAggregate, UZ, {
      type: 'AnswerQuestion',
      questionId: question,
      answerId: 'a-1',
      body: 'Yes',
    });
    // The asker's own country answering is no link between countries.
    await harness.run(questionAggregate, KZ, {
      type: 'AnswerQuestion',
      questionId: question,
      answerId: 'a-2',
      body: 'Also',
    });
    const practice = await harness.share(GE, { title: 'Drills' });
    await harness.adopt(KZ, practice);
    const consultation = await harness.consult(focalPointOf('KZ'), { title: 'Dam raise', consultedCountries: ['UZ'] });
    await harness.run(consultationAggregate, focalPointOf('UZ'), {
      type: 'RespondToConsultation',
      consultationId: consultation,
      position: 'POSSIBLE_EFFECTS',
      body: 'Downstream irrigation',
    });
    await batch();
    expect(links()).toEqual([
      {
        kind: 'ANSWER',
        occurred_at: '2019-03-14T09:02:00.000Z',
        item_id: question,
        item_country: 'KZ',
        actor_country: 'UZ',
      },
      {
        kind: 'ADOPTION',
        occurred_at: '2019-03-14T09:05:00.000Z',
        item_id: practice,
        item_country: 'GE',
        actor_country: 'KZ',
      },
      {
        kind: 'CONSULTATION',
        occurred_at: '2019-03-14T09:07:00.000Z',
        item_id: consultation,
        item_country: 'KZ',
        actor_country: 'UZ',
      },
    ]);
  });

  it('keeps each joint project’s endorsement, start and completion', async () => {
    const proposal = await harness.propose(focalPointOf('KZ'), { title: 'Joint drills', partnerCountries: ['UZ'] });
    await harness.run(proposalAggregate, focalPointOf('UZ'), {
      type: 'RespondToInvitation',
      proposalId: proposal,
      accept: true,
    });
    await harness.run(proposalAggregate, focalPointOf('KZ'), { type: 'SubmitProposal', proposalId: proposal });
    await harness.run(proposalAggregate, SECRETARIAT, {
      type: 'ReviewProposal',
      proposalId: proposal,
      decision: 'REQUEST_CHANGES',
      note: 'Budget',
    });
    await harness.run(proposalAggregate, focalPointOf('KZ'), { type: 'SubmitProposal', proposalId: proposal });
    await harness.run(proposalAggregate, SECRETARIAT, {
      type: 'ReviewProposal',
      proposalId: proposal,
      decision: 'ENDORSE',
      note: 'Good',
    });
    await batch();
    expect(milestones()).toEqual([{ item_id: proposal, milestone: 'ENDORSED', at: '2019-03-14T09:06:00.000Z' }]);

    await harness.run(proposalAggregate, focalPointOf('KZ'), {
      type: 'StartImplementation',
      proposalId: proposal,
      startedOn: new Date('2019-01-15T00:00:00.000Z'),
      donor: 'A donor',
    });
    await harness.run(proposalAggregate, focalPointOf('KZ'), {
      type: 'CompleteProject',
      proposalId: proposal,
      completedOn: new Date('2019-03-01T00:00:00.000Z'),
      evaluation: 'Done',
    });
    await batch();
    expect(milestones()).toEqual([
      { item_id: proposal, milestone: 'COMPLETED', at: '2019-03-01T00:00:00.000Z' },
      { item_id: proposal, milestone: 'ENDORSED', at: '2019-03-14T09:06:00.000Z' },
      { item_id: proposal, milestone: 'STARTED', at: '2019-01-15T00:00:00.000Z' },
    ]);
  });
});
