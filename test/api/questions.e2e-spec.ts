import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  answerQuestion,
  askQuestion,
  auditEventsOfItem,
  dataOf,
  expectError,
  expectFieldError,
  itemFor,
  questionInput,
  unique,
} from './support/api.js';
import { ACCEPT_ANSWER, ANSWER_QUESTION, ASK_QUESTION, CLOSE_QUESTION } from './support/documents.js';
import { cast } from './support/people.js';
import type { AnswerFields, QuestionFields } from './support/types.js';

const { kzExpert, kzColleague, kzFocalPoint, uzFocalPoint, rsExpert, geExpert, byExpert, secretariat } = cast;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

const accept = (who: Participant, questionId: string, answerId: string) =>
  app.gql<{ acceptAnswer: QuestionFields }>(who, ACCEPT_ANSWER, { questionId, answerId });
const close = (who: Participant, id: string, reason: string | null = 'Answered at the Minsk workshop') =>
  app.gql<{ closeQuestion: QuestionFields }>(who, CLOSE_QUESTION, { id, reason });
const answer = (who: Participant, questionId: string, body = 'We notify through the IAN system.') =>
  app.gql<{ answerQuestion: AnswerFields }>(who, ANSWER_QUESTION, { input: { questionId, body } });

describe('askQuestion', () => {
  it('records an open question for the asker’s country', async () => {
    const question = await askQuestion(app, kzExpert, { topics: ['NOTIFICATION', 'TRANSBOUNDARY_CONSULTATION'] });
    expect(question).toMatchObject({
      __typename: 'Question',
      kind: 'QUESTION',
      status: 'OPEN',
      version: 1,
      country: { code: 'KZ' },
      author: { id: kzExpert.id },
      topics: ['NOTIFICATION', 'TRANSBOUNDARY_CONSULTATION'],
      answers: [],
      acceptedAnswer: null,
    });
    expect(await itemFor(app, geExpert, question.id)).toEqual(question);
  });

  it('is refused to the secretariat', async () => {
    expectError(await app.gql(secretariat, ASK_QUESTION, { input: questionInput() }), 'FORBIDDEN');
  });

  it('answers BAD_USER_INPUT naming the body when it is blank', async () => {
    expectFieldError(await app.gql(kzExpert, ASK_QUESTION, { input: questionInput({ body: '   ' }) }), 'body');
  });
});

describe('answerQuestion', () => {
  it('records an answer from another country and shows it on the question', async () => {
    const question = await askQuestion(app, kzExpert);
    const given = await answerQuestion(app, rsExpert, question.id, { body: 'Serbia notifies through the IAN system.' });
    expect(given).toMatchObject({
      questionId: question.id,
      body: 'Serbia notifies through the IAN system.',
      author: { id: rsExpert.id },
      country: { code: 'RS' },
      accepted: false,
    });
    const seen = (await itemFor(app, kzExpert, question.id)) as QuestionFields;
    expect(seen.answers).toEqual([given]);
    expect(seen).toMatchObject({ status: 'OPEN', version: 2 });
  });

  it('lets the asker’s own country answer too', async () => {
    const question = await askQuestion(app, kzExpert);
    expect((await answerQuestion(app, kzColleague, question.id)).country).toEqual({ code: 'KZ' });
  });

  it('is refused to the secretariat', async () => {
    const question = await askQuestion(app, kzExpert);
    expectError(await answer(secretariat, question.id), 'FORBIDDEN');
  });

  it('answers NOT_FOUND for a question the answerer may not see', async () => {
    const question = await askQuestion(app, kzExpert, { audience: { scope: 'SUBREGIONS', subregions: ['CAUCASUS'] } });
    expectError(await answer(rsExpert, question.id), 'NOT_FOUND');
    expect((await answerQuestion(app, geExpert, question.id)).country).toEqual({ code: 'GE' });
  });

  it('answers INVALID_STATE on a closed question', async () => {
    const question = await askQuestion(app, kzExpert);
    dataOf(await close(kzExpert, question.id));
    expectError(await answer(rsExpert, question.id), 'INVALID_STATE');
  });

  it('answers the same answer for a retried idempotency key and records nothing the second time', async () => {
    const question = await askQuestion(app, kzExpert);
    const idempotencyKey = unique('answer-key');
    const first = await answerQuestion(app, rsExpert, question.id, { idempotencyKey });
    const retried = await answerQuestion(app, rsExpert, question.id, { idempotencyKey });
    expect(retried.id).toBe(first.id);
    const seen = (await itemFor(app, kzExpert, question.id)) as QuestionFields;
    expect(seen.answers).toHaveLength(1);
    expect(seen.version).toBe(2);
    expect(await auditEventsOfItem(app, secretariat, question.id)).toHaveLength(2);
    const other = await answerQuestion(app, geExpert, question.id, { idempotencyKey });
    expect(other.id).not.toBe(first.id);
  });
});

describe('acceptAnswer', () => {
  it('lets the asker accept an answer, which answers the question', async () => {
    const question = await askQuestion(app, kzExpert);
    const given = await answerQuestion(app, rsExpert, question.id);
    const accepted = dataOf(await accept(kzExpert, question.id, given.id)).acceptAnswer;
    expect(accepted).toMatchObject({ status: 'ANSWERED', acceptedAnswer: { id: given.id }, version: 3 });
    expect(accepted.answers[0]?.accepted).toBe(true);
  });

  it('lets a focal point of the asker’s country accept', async () => {
    const question = await askQuestion(app, kzExpert);
    const given = await answerQuestion(app, byExpert, question.id);
    expect(dataOf(await accept(kzFocalPoint, question.id, given.id)).acceptAnswer.acceptedAnswer).toEqual({
      id: given.id,
    });
  });

  it.each([
    ['a participant of the asker’s country who did not ask', kzColleague],
    ['the author of the answer', rsExpert],
    ['a focal point of another country', uzFocalPoint],
    ['the secretariat', secretariat],
  ])('is refused to %s', async (_who, who) => {
    const question = await askQuestion(app, kzExpert);
    const given = await answerQuestion(app, rsExpert, question.id);
    expectError(await accept(who, question.id, given.id), 'FORBIDDEN');
    expect(((await itemFor(app, kzExpert, question.id)) as QuestionFields).status).toBe('OPEN');
  });

  it('answers INVALID_STATE on a closed question', async () => {
    const question = await askQuestion(app, kzExpert);
    const given = await answerQuestion(app, rsExpert, question.id);
    dataOf(await close(kzExpert, question.id));
    expectError(await accept(kzExpert, question.id, given.id), 'INVALID_STATE');
  });

  it('answers NOT_FOUND for an answer the question does not have', async () => {
    const question = await askQuestion(app, kzExpert);
    const elsewhere = await askQuestion(app, kzExpert);
    const given = await answerQuestion(app, rsExpert, elsewhere.id);
    expectError(await accept(kzExpert, question.id, given.id), 'NOT_FOUND');
  });
});

describe('closeQuestion', () => {
  it('lets the asker close the question', async () => {
    const question = await askQuestion(app, kzExpert);
    expect(dataOf(await close(kzExpert, question.id)).closeQuestion).toMatchObject({ status: 'CLOSED', version: 2 });
    expect(((await itemFor(app, rsExpert, question.id)) as QuestionFields).status).toBe('CLOSED');
  });

  it('lets a focal point of the asker’s country close it without a reason', async () => {
    const question = await askQuestion(app, kzExpert);
    expect(dataOf(await close(kzFocalPoint, question.id, null)).closeQuestion.status).toBe('CLOSED');
  });

  it.each([
    ['a participant of the asker’s country who did not ask', kzColleague],
    ['a participant of another country', rsExpert],
    ['the secretariat', secretariat],
  ])('is refused to %s', async (_who, who) => {
    const question = await askQuestion(app, kzExpert);
    expectError(await close(who, question.id), 'FORBIDDEN');
  });

  it('answers INVALID_STATE when the question is closed already', async () => {
    const question = await askQuestion(app, kzExpert);
    dataOf(await close(kzExpert, question.id));
    expectError(await close(kzExpert, question.id), 'INVALID_STATE');
  });

  it('answers NOT_FOUND for a question of a country the closer may not see', async () => {
    const question = await askQuestion(app, geExpert, { audience: { scope: 'COUNTRIES', countries: ['AM'] } });
    expectError(await close(kzFocalPoint, question.id), 'NOT_FOUND');
  });
});
