import { consultationDecider } from '../consultation/consultation.decider.js';
import { practiceDecider } from '../practice/practice.decider.js';
import { questionDecider } from '../question/question.decider.js';
import { focalPointOf, minutesAfterNow, participantOfCountry } from '../testing/domain.fixtures.js';
import { evolveItem, foldItem } from './item-fold.js';

const kz = participantOfCountry('KZ');
const kg = participantOfCountry('KG');

const practiceEvents = [
  ...practiceDecider.decide(
    {
      type: 'SharePractice',
      practiceId: 'p-1',
      title: 'Practice',
      summary: 'Summary',
      body: 'Body',
      topics: ['PREVENTION'],
      audience: { scope: 'NETWORK' },
      actor: kz,
      now: minutesAfterNow(0),
    },
    practiceDecider.initialState(),
  ),
];
const asked = questionDecider.decide(
  {
    type: 'AskQuestion',
    questionId: 'q-1',
    title: 'Question',
    body: 'Body',
    topics: ['NATECH'],
    audience: { scope: 'NETWORK' },
    actor: kg,
    now: minutesAfterNow(1),
  },
  questionDecider.initialState(),
);

const consultationRequested = consultationDecider.decide(
  {
    type: 'RequestConsultation',
    consultationId: 'tc-1',
    title: 'Consultation',
    hazardousActivity: 'Tailings facility',
    location: 'Chu river',
    body: 'Body',
    topics: ['TAILINGS_SAFETY'],
    consultedCountries: ['KG'],
    respondBy: minutesAfterNow(100),
    actor: focalPointOf('KZ'),
    now: minutesAfterNow(2),
  },
  consultationDecider.initialState(),
);

describe('item fold', () => {
  it("folds a stream with its kind's decider, picked by the events", () => {
    expect(foldItem(practiceEvents)).toMatchObject({ kind: 'PRACTICE', id: 'p-1', status: 'PUBLISHED' });
    expect(foldItem(asked)).toMatchObject({ kind: 'QUESTION', id: 'q-1', status: 'OPEN' });
    expect(foldItem(consultationRequested)).toMatchObject({ kind: 'CONSULTATION', id: 'tc-1', status: 'OPEN' });
  });

  it('is null before the item exists', () => {
    expect(foldItem([])).toBeNull();
    expect(foldItem([{ type: 'PracticeAdopted', data: { practiceId: 'p-1' } }])).toBeNull();
  });

  it("leaves the state as it is for another kind's event or a type the domain does not know", () => {
    const practice = foldItem(practiceEvents);
    expect(evolveItem(practice, asked[0]!)).toBe(practice);
    expect(evolveItem(practice, { type: 'SomethingElse', data: {} })).toBe(practice);
    expect(evolveItem(null, { type: 'CommentPosted', data: {} })).toBeNull();
    expect(evolveItem(null, { type: 'CountryProfileUpdated', data: {} })).toBeNull();
    expect(evolveItem(practice, consultationRequested[0]!)).toBe(practice);
  });
});
