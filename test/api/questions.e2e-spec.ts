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
import {
  ACCEPT_ANSWER,
  ANSWER_QUESTION,
  ASK_QUESTION,
  CLOSE_QUESTION,
  EDIT_ANSWER,
  REOPEN_QUESTION,
  REVISE_QUESTION,
} from './support/documents.js';
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
const revise = (who: Participant, input: Record<string, unknown>) =>
  app.gql<{ reviseQuestion: QuestionFields }>(who, REVISE_QUESTION, { input });
const reopen = (who: Participant, id: string) =>
  app.gql<{ reopenQuestion: QuestionFields }>(who, REOPEN_QUESTION, { id });
const editAnswer = (who: Participant, questionId: string, answerId: string, body: string) =>
  app.gql<{ editAnswer: AnswerFields }>(who, EDIT_ANSWER, { questionId, answerId, body });

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

describe('reviseQuestion', () => {
  it('lets the asker revise an open question, and answers CONFLICT to a stale version', async () => {
    const question = await askQuestion(app, kzExpert, { topics: ['NOTIFICATION'] });
    const revised = dataOf(
      await revise(kzExpert, {
        id: question.id,
        expectedVersion: 1,
        title: 'Notifying neighbours of a tailings facility',
        topics: ['NOTIFICATION', 'TAILINGS_SAFETY'],
      }),
    ).reviseQuestion;
    expect(revised).toMatchObject({
      status: 'OPEN',
      version: 2,
      title: 'Notifying neighbours of a tailings facility',
      body: question.body,
      topics: ['NOTIFICATION', 'TAILINGS_SAFETY'],
    });
    expect(await itemFor(app, rsExpert, question.id)).toEqual(revised);
    expectError(await revise(kzExpert, { id: question.id, expectedVersion: 1, body: 'Stale edit' }), 'CONFLICT');
  });

  it('lets a focal point of the asker’s country revise, also once answers came in', async () => {
    const question = await askQuestion(app, kzExpert);
    await answerQuestion(app, rsExpert, question.id);
    const revised = dataOf(
      await revise(kzFocalPoint, { id: question.id, expectedVersion: 2, body: 'Clarified body.' }),
    );
    expect(revised.reviseQuestion).toMatchObject({ version: 3, body: 'Clarified body.' });
  });

  it.each([
    ['another participant of the asker’s country', kzColleague],
    ['a participant of another country', rsExpert],
    ['the secretariat', secretariat],
  ])('is refused to %s', async (_who, who) => {
    const question = await askQuestion(app, kzExpert);
    expectError(await revise(who, { id: question.id, expectedVersion: 1, body: 'Not mine to change.' }), 'FORBIDDEN');
  });

  it('answers INVALID_STATE naming the status once an answer is accepted, or the question closed', async () => {
    const question = await askQuestion(app, kzExpert);
    const given = await answerQuestion(app, rsExpert, question.id);
    dataOf(await accept(kzExpert, question.id, given.id));
    const refused = expectError(
      await revise(kzExpert, { id: question.id, expectedVersion: 3, body: 'Too late.' }),
      'INVALID_STATE',
    );
    expect(refused.message).toContain('ANSWERED');
    dataOf(await close(kzExpert, question.id));
    expect(
      expectError(await revise(kzExpert, { id: question.id, expectedVersion: 4, body: 'Too late.' }), 'INVALID_STATE')
        .message,
    ).toContain('CLOSED');
  });

  it('answers BAD_USER_INPUT for a revision that names no field, or a title too short', async () => {
    const question = await askQuestion(app, kzExpert);
    expectFieldError(await revise(kzExpert, { id: question.id, expectedVersion: 1 }), 'input');
    expectFieldError(await revise(kzExpert, { id: question.id, expectedVersion: 1, title: 'Hi' }), 'title');
  });
});

describe('reopenQuestion', () => {
  it('lets the asker reopen a closed question, back to OPEN', async () => {
    const question = await askQuestion(app, kzExpert);
    dataOf(await close(kzExpert, question.id));
    expect(dataOf(await reopen(kzExpert, question.id)).reopenQuestion).toMatchObject({ status: 'OPEN', version: 3 });
    // Open again: answers are taken again.
    expect(dataOf(await answer(rsExpert, question.id)).answerQuestion.accepted).toBe(false);
  });

  it('returns a question whose answer was accepted to ANSWERED; a focal point or the secretariat may reopen too', async () => {
    const question = await askQuestion(app, kzExpert);
    const given = await answerQuestion(app, rsExpert, question.id);
    dataOf(await accept(kzExpert, question.id, given.id));
    dataOf(await close(kzExpert, question.id));
    const reopened = dataOf(await reopen(kzFocalPoint, question.id)).reopenQuestion;
    expect(reopened).toMatchObject({ status: 'ANSWERED', acceptedAnswer: { id: given.id } });
    dataOf(await close(kzExpert, question.id));
    expect(dataOf(await reopen(secretariat, question.id)).reopenQuestion.status).toBe('ANSWERED');
  });

  it.each([
    ['another participant of the asker’s country', kzColleague],
    ['a participant of another country', rsExpert],
  ])('is refused to %s', async (_who, who) => {
    const question = await askQuestion(app, kzExpert);
    dataOf(await close(kzExpert, question.id));
    expectError(await reopen(who, question.id), 'FORBIDDEN');
  });

  it('answers INVALID_STATE naming the status for a question that is not closed', async () => {
    const question = await askQuestion(app, kzExpert);
    expect(expectError(await reopen(kzExpert, question.id), 'INVALID_STATE').message).toContain('OPEN');
  });
});

describe('editAnswer', () => {
  it('lets the answer’s author edit it, keeping its acceptance, with editedAt', async () => {
    const question = await askQuestion(app, kzExpert);
    const given = await answerQuestion(app, rsExpert, question.id);
    expect(given.editedAt).toBeNull();
    dataOf(await accept(kzExpert, question.id, given.id));
    const edited = dataOf(
      await editAnswer(rsExpert, question.id, given.id, '  Serbia notifies within 24 hours.  '),
    ).editAnswer;
    expect(edited).toMatchObject({
      id: given.id,
      body: 'Serbia notifies within 24 hours.',
      answeredAt: given.answeredAt,
      editedAt: expect.any(String),
      accepted: true,
    });
    expect(((await itemFor(app, kzExpert, question.id)) as QuestionFields).answers).toEqual([edited]);
  });

  it.each([
    ['the asker', kzExpert],
    ['a focal point of the answer’s country', cast.rsFocalPoint],
    ['the secretariat', secretariat],
  ])('is refused to %s', async (_who, who) => {
    const question = await askQuestion(app, kzExpert);
    const given = await answerQuestion(app, rsExpert, question.id);
    expectError(await editAnswer(who, question.id, given.id, 'Rewritten by someone else.'), 'FORBIDDEN');
  });

  it('answers INVALID_STATE on a closed question, NOT_FOUND for an unknown answer, BAD_USER_INPUT for a blank body', async () => {
    const question = await askQuestion(app, kzExpert);
    const given = await answerQuestion(app, rsExpert, question.id);
    expectFieldError(await editAnswer(rsExpert, question.id, given.id, '   '), 'body');
    expectError(await editAnswer(rsExpert, question.id, 'no-such-answer', 'Text.'), 'NOT_FOUND');
    dataOf(await close(kzExpert, question.id));
    expect(
      expectError(await editAnswer(rsExpert, question.id, given.id, 'Too late.'), 'INVALID_STATE').message,
    ).toContain('CLOSED');
  });
});
