import { consultationAggregate, discussionAggregate, practiceAggregate, questionAggregate } from '@coop/domain';
import type { RecordedEvent } from '@coop/event-store';
import { ItemWriter } from './item.writer.js';
import { ProjectionBatch } from './projection-batch.js';
import { SearchWriter } from './search.writer.js';
import { focalPointOf, participantOf } from './testing/read-model.fixtures.js';
import { applyEvents, WriterHarness } from './testing/projection.fixtures.js';

const KZ = participantOf('KZ');
const UA = participantOf('UA');
const GE = participantOf('GE');

/** A document with the words the index holds in each of its columns, in order (the index keeps no text). */
interface DocumentRow {
  seq: number;
  item_id: string;
  key: string;
  length: number;
  title: string;
  summary: string;
  body: string;
}

const indexedWords = (column: string): string =>
  `coalesce((SELECT group_concat(term, ' ' ORDER BY offset) FROM search_terms WHERE doc = d.seq AND col = '${column}'), '')`;

describe('SearchWriter', () => {
  let harness: WriterHarness;

  beforeEach(() => {
    harness = new WriterHarness();
  });

  afterEach(() => harness.dispose());

  /** Applies events as one batch, the item writer first as the projection does. */
  const apply = (events: readonly RecordedEvent[]): void => {
    const items = new ItemWriter(harness.db);
    const current = new ProjectionBatch(items);
    applyEvents(current, [items, new SearchWriter(harness.db)], events);
    items.flush(current);
  };
  const batch = async (): Promise<void> => apply(await harness.newEvents());
  const documents = (): DocumentRow[] =>
    harness.db
      .prepare<[], DocumentRow>(
        `SELECT d.seq, d.item_id, d.key, d.length, ${indexedWords('title')} AS title,
           ${indexedWords('summary')} AS summary, ${indexedWords('body')} AS body
         FROM search_documents d ORDER BY d.seq`,
      )
      .all();
  const matching = (query: string): number[] =>
    harness.db
      .prepare<[string], number>('SELECT rowid FROM search_text WHERE search_text MATCH ? ORDER BY rowid')
      .pluck()
      .all(query);
  const answer = (questionId: string, answerId: string, body: string) =>
    harness.run(questionAggregate, UA, { type: 'AnswerQuestion', questionId, answerId, body });

  it('indexes an item, each answer and each comment as a document of its own, numbered in log order', async () => {
    const practice = await harness.share(KZ, { title: 'tailings dam inspection', summary: 'yearly', body: 'drones' });
    const question = await harness.ask(GE, { title: 'who inspects dams', body: 'asking for georgia' });
    await answer(question, 'a-1', 'Our mining inspectorate does');
    const comment = await harness.comment(UA, practice, 'PRACTICE', 'We tried drones too');
    await batch();
    expect(documents()).toEqual([
      {
        seq: 1,
        item_id: practice,
        key: 'item',
        length: 5,
        title: 'tailings dam inspection',
        summary: 'yearly',
        body: 'drones',
      },
      {
        seq: 2,
        item_id: question,
        key: 'item',
        length: 6,
        title: 'who inspects dams',
        summary: '',
        body: 'asking for georgia',
      },
      {
        seq: 3,
        item_id: question,
        key: 'answer:a-1',
        length: 4,
        title: '',
        summary: '',
        body: 'our mining inspectorate does',
      },
      {
        seq: 4,
        item_id: practice,
        key: `comment:${comment}`,
        length: 4,
        title: '',
        summary: '',
        body: 'we tried drones too',
      },
    ]);
  });

  it('numbers documents alike whether the log comes in one batch or event by event', async () => {
    const practice = await harness.share(KZ, { title: 'First' });
    const question = await harness.ask(GE, { title: 'Second' });
    await harness.comment(UA, practice, 'PRACTICE', 'Third');
    await answer(question, 'a-1', 'Fourth');
    await harness.share(UA, { title: 'Fifth' });
    const events = await harness.newEvents();
    apply(events);
    const together = documents();
    harness.db.exec(
      'DELETE FROM search_documents; DELETE FROM search_text; DELETE FROM items; DELETE FROM item_grants; DELETE FROM item_topics;',
    );
    harness.db.exec("DELETE FROM sqlite_sequence WHERE name = 'search_documents'");
    for (const event of events) apply([event]);
    expect(documents()).toEqual(together);
    expect(together.map((document) => (document.key === 'item' ? document.title : document.body))).toEqual([
      'first',
      'second',
      'third',
      'fourth',
      'fifth',
    ]);
  });

  it('rewrites a revised text in place: the old words are no longer found', async () => {
    const practice = await harness.share(KZ, { title: 'Obsolete wording', body: 'Old body' });
    await batch();
    await harness.revise(KZ, practice, { title: 'current wording', body: 'new body' });
    await batch();
    expect(documents()).toEqual([
      expect.objectContaining({ seq: 1, title: 'current wording', body: 'new body', length: 6 }),
    ]);
    expect(matching('obsolete')).toEqual([]);
    expect(matching('current')).toEqual([1]);
  });

  it('rewrites an edited answer in place', async () => {
    const question = await harness.ask(GE, { title: 'Dams' });
    await answer(question, 'a-1', 'Inclinometers first');
    await batch();
    await harness.run(questionAggregate, UA, {
      type: 'EditAnswer',
      questionId: question,
      answerId: 'a-1',
      body: 'Piezometers first',
    });
    await batch();
    expect(documents()[1]).toMatchObject({ seq: 2, key: 'answer:a-1', body: 'piezometers first' });
    expect(matching('inclinometers')).toEqual([]);
  });

  it('follows a comment through its edit and takes it out when it is retracted', async () => {
    const practice = await harness.share(KZ, { title: 'Discussed' });
    const comment = await harness.comment(UA, practice, 'PRACTICE', 'Initial remark');
    await batch();
    await harness.run(discussionAggregate, UA, {
      type: 'EditComment',
      itemId: practice,
      commentId: comment,
      body: 'Edited remark',
    });
    await batch();
    expect(documents()[1]).toMatchObject({ seq: 2, key: `comment:${comment}`, body: 'edited remark' });
    expect(matching('initial')).toEqual([]);
    await harness.run(discussionAggregate, UA, {
      type: 'RetractComment',
      itemId: practice,
      commentId: comment,
      reason: 'Posted in error',
    });
    await batch();
    expect(documents().map((document) => document.key)).toEqual(['item']);
    expect(matching('remark')).toEqual([]);
  });

  it('takes a withdrawn practice out with its comments, and indexes no later comment on it', async () => {
    const practice = await harness.share(KZ, { title: 'Withdrawn advice', body: 'Unsafe steps' });
    const kept = await harness.share(KZ, { title: 'Kept advice' });
    await harness.comment(UA, practice, 'PRACTICE', 'Advice questioned');
    await batch();
    await harness.run(practiceAggregate, KZ, { type: 'WithdrawPractice', practiceId: practice, reason: 'Outdated' });
    await harness.comment(GE, practice, 'PRACTICE', 'Advice remembered');
    await batch();
    expect(documents()).toEqual([expect.objectContaining({ item_id: kept, key: 'item' })]);
    expect(matching('advice')).toEqual([2]);
  });

  it('indexes each consulted country’s current response', async () => {
    const consultation = await harness.consult(focalPointOf('KZ'), { title: 'Dam raise', consultedCountries: ['UZ'] });
    const respond = (body: string) =>
      harness.run(consultationAggregate, focalPointOf('UZ'), {
        type: 'RespondToConsultation',
        consultationId: consultation,
        position: 'POSSIBLE_EFFECTS',
        body,
      });
    await respond('Effects on the Syr Darya');
    await batch();
    await respond('Effects on irrigation downstream');
    await batch();
    expect(documents().map(({ key, body }) => ({ key, body }))).toEqual([
      { key: 'item', body: 'a consultation body' },
      { key: 'response:UZ', body: 'effects on irrigation downstream' },
    ]);
    expect(matching('darya')).toEqual([]);
  });
});
