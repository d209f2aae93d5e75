import { fold } from '../shared/decider.types.js';
import type { Issued } from '../shared/event.types.js';
import { Forbidden, InvalidState, NotFound, ValidationFailed } from '../shared/domain.errors.js';
import type { Participant } from '../shared/participant.types.js';
import { deciderSpec } from '../testing/decider.specification.js';
import {
  focalPointOf,
  minutesAfterNow,
  NOW,
  participantOfCountry,
  roleless,
  SECRETARIAT,
} from '../testing/domain.fixtures.js';
import type {
  AcceptAnswer,
  AnswerQuestion,
  AskQuestion,
  CloseQuestion,
  EditAnswer,
  QuestionCommand,
  ReopenQuestion,
  ReviseQuestion,
} from './question.commands.js';
import { questionDecider, type QuestionStatus } from './question.decider.js';
import type {
  AnswerAccepted,
  AnswerEdited,
  QuestionAnswered,
  QuestionAsked,
  QuestionChanges,
  QuestionClosed,
  QuestionEvent,
  QuestionReopened,
  QuestionRevised,
} from './question.events.js';

const spec = deciderSpec(questionDecider);
const asker = participantOfCountry('MD', 'asker');
const askerColleague = participantOfCountry('MD', 'colleague');
const mdFocalPoint = focalPointOf('MD');
const expertUA = participantOfCountry('UA', 'expert-ua');
const expertBY = participantOfCountry('BY', 'expert-by');
const questionId = 'q-1';
const at = (minutes: number) => minutesAfterNow(minutes).toISOString();

const ask = (overrides: Partial<Issued<AskQuestion>> = {}): Issued<AskQuestion> => ({
  type: 'AskQuestion',
  questionId,
  actor: asker,
  now: NOW,
  title: 'Notifying a hazardous activity near the Dniester',
  body: 'How do you notify neighbours about a new hazardous activity close to a shared river?',
  topics: ['NOTIFICATION', 'ACCIDENTAL_WATER_POLLUTION'],
  audience: { scope: 'COUNTRIES', countries: ['UA'] },
  ...overrides,
});

const asked: QuestionAsked = {
  type: 'QuestionAsked',
  data: {
    questionId,
    country: 'MD',
    author: asker,
    title: 'Notifying a hazardous activity near the Dniester',
    body: 'How do you notify neighbours about a new hazardous activity close to a shared river?',
    topics: ['NOTIFICATION', 'ACCIDENTAL_WATER_POLLUTION'],
    audience: { scope: 'COUNTRIES', subregions: [], countries: ['UA'] },
    links: [],
    occurredAt: NOW.toISOString(),
  },
};

const revise = (overrides: Partial<Issued<ReviseQuestion>> = {}): Issued<ReviseQuestion> => ({
  type: 'ReviseQuestion',
  questionId,
  expectedVersion: 1,
  actor: asker,
  now: minutesAfterNow(5),
  ...overrides,
});

const revised = (changes: QuestionChanges, by: Participant = asker): QuestionRevised => ({
  type: 'QuestionRevised',
  data: { questionId, changes, by, occurredAt: at(5) },
});

const editAnswer = (answerId: string, actor: Participant, body = 'Answer, corrected'): Issued<EditAnswer> => ({
  type: 'EditAnswer',
  questionId,
  answerId,
  actor,
  now: minutesAfterNow(15),
  body,
});

const answerEdited = (answerId: string, by: Participant, body = 'Answer, corrected'): AnswerEdited => ({
  type: 'AnswerEdited',
  data: { questionId, answerId, body, by, occurredAt: at(15) },
});

const answerBy = (author: Participant, answerId: string, minutes = 1): Issued<AnswerQuestion> => ({
  type: 'AnswerQuestion',
  questionId,
  answerId,
  actor: author,
  now: minutesAfterNow(minutes),
  body: `Answer ${answerId}`,
});

const answeredBy = (author: Participant, answerId: string, minutes = 1): QuestionAnswered => ({
  type: 'QuestionAnswered',
  data: { questionId, answerId, body: `Answer ${answerId}`, author, occurredAt: at(minutes) },
});

const accept = (answerId: string, actor: Participant = asker): Issued<AcceptAnswer> => ({
  type: 'AcceptAnswer',
  questionId,
  answerId,
  actor,
  now: minutesAfterNow(10),
});

const accepted = (
  answerId: string,
  answerAuthor: Participant,
  previousAnswerId: string | null = null,
): AnswerAccepted => ({
  type: 'AnswerAccepted',
  data: { questionId, answerId, answerAuthor, previousAnswerId, by: asker, occurredAt: at(10) },
});

const close = (overrides: Partial<Issued<CloseQuestion>> = {}): Issued<CloseQuestion> => ({
  type: 'CloseQuestion',
  questionId,
  actor: asker,
  now: minutesAfterNow(20),
  ...overrides,
});

const closed: QuestionClosed = {
  type: 'QuestionClosed',
  data: { questionId, reason: null, by: asker, occurredAt: at(20) },
};

const reopen = (actor: Participant = asker): Issued<ReopenQuestion> => ({
  type: 'ReopenQuestion',
  questionId,
  actor,
  now: minutesAfterNow(30),
  reason: 'Closed by mistake',
});

const reopened = (by: Participant = asker): QuestionReopened => ({
  type: 'QuestionReopened',
  data: { questionId, reason: 'Closed by mistake', by, occurredAt: at(30) },
});

/** A history reaching each status, with answers by the Ukrainian and the Belarusian experts. */
const HISTORY: Record<QuestionStatus, QuestionEvent[]> = {
  OPEN: [asked, answeredBy(expertUA, 'a-1'), answeredBy(expertBY, 'a-2', 2)],
  ANSWERED: [asked, answeredBy(expertUA, 'a-1'), answeredBy(expertBY, 'a-2', 2), accepted('a-1', expertUA)],
  CLOSED: [asked, answeredBy(expertUA, 'a-1'), answeredBy(expertBY, 'a-2', 2), closed],
};

describe('question decider', () => {
  describe('ask', () => {
    it('records the question with its country, author, content and audience', () => {
      spec.given([]).when(ask()).then([asked]);
    });

    it('lets a focal point ask', () => {
      spec
        .given([])
        .when(ask({ actor: mdFocalPoint }))
        .then([{ ...asked, data: { ...asked.data, author: mdFocalPoint } }]);
    });

    it.each([
      ['the secretariat', SECRETARIAT],
      ['an actor without a participant role', roleless('MD')],
    ])('forbids %s', (_, actor) => {
      spec.given([]).when(ask({ actor })).thenThrows(Forbidden);
    });

    it('rejects asking twice under the same id', () => {
      spec.given([asked]).when(ask()).thenThrows(InvalidState);
    });

    it('records its links', () => {
      const guide = { url: 'https://unece.org/notification-guide.pdf', title: 'Guide', kind: 'GUIDE' } as const;
      spec
        .given([])
        .when(ask({ links: [guide] }))
        .then([{ ...asked, data: { ...asked.data, links: [guide] } }]);
    });

    it('validates title, body, topics and audience', () => {
      spec
        .given([])
        .when(
          ask({
            title: 'Hi',
            body: '',
            topics: ['NOTIFICATION', 'X'],
            audience: { scope: 'SUBREGIONS', subregions: [] },
          }),
        )
        .thenThrows(ValidationFailed, (error) =>
          expect(Object.keys(error.fields).sort()).toEqual(['audience.subregions', 'body', 'title', 'topics']),
        );
    });
  });

  describe('answer', () => {
    it('records the answer with its id, body and author', () => {
      spec
        .given([asked])
        .when(answerBy(expertUA, 'a-1'))
        .then([answeredBy(expertUA, 'a-1')]);
    });

    it("lets the asker's own country answer too", () => {
      spec
        .given([asked])
        .when(answerBy(askerColleague, 'a-1'))
        .then([answeredBy(askerColleague, 'a-1')]);
    });

    it('accepts more answers once one is accepted', () => {
      spec
        .given([asked, answeredBy(expertUA, 'a-1'), accepted('a-1', expertUA)])
        .when(answerBy(expertBY, 'a-2', 11))
        .then([answeredBy(expertBY, 'a-2', 11)]);
    });

    it('rejects an answer to a closed question', () => {
      spec.given([asked, closed]).when(answerBy(expertUA, 'a-1')).thenThrows(InvalidState);
    });

    it.each([
      ['the secretariat', SECRETARIAT],
      ['an actor without a participant role', roleless('UA')],
    ])('forbids %s', (_, actor) => {
      spec.given([asked]).when(answerBy(actor, 'a-1')).thenThrows(Forbidden);
    });

    it('answers NotFound for a question that does not exist', () => {
      spec.given([]).when(answerBy(expertUA, 'a-1')).thenThrows(NotFound);
    });

    it('rejects reusing an answer id', () => {
      spec
        .given([asked, answeredBy(expertUA, 'a-1')])
        .when(answerBy(expertBY, 'a-1'))
        .thenThrows(InvalidState);
    });

    it('validates the body', () => {
      spec
        .given([asked])
        .when({ ...answerBy(expertUA, 'a-1'), body: 'x'.repeat(20_001) })
        .thenThrows(ValidationFailed, (error) =>
          expect(error.fields).toEqual({ body: ['must be at most 20000 characters'] }),
        );
    });
  });

  describe('revise', () => {
    it('records only the fields that changed', () => {
      spec
        .given([asked])
        .when(revise({ title: asked.data.title, body: 'Which authority notifies, and when?' }))
        .then([revised({ body: 'Which authority notifies, and when?' })]);
    });

    it('records new topics and links, but not the same topics in another order', () => {
      const map = { url: 'https://example.org/dniester-map', title: 'Map of the basin', kind: 'MAP' } as const;
      spec
        .given([asked])
        .when(revise({ topics: ['ACCIDENTAL_WATER_POLLUTION', 'NOTIFICATION'], links: [map] }))
        .then([revised({ links: [map] })]);
      spec
        .given([asked])
        .when(revise({ topics: ['NOTIFICATION'] }))
        .then([revised({ topics: ['NOTIFICATION'] })]);
    });

    it('records nothing when nothing changes', () => {
      spec
        .given([asked])
        .when(revise({ body: asked.data.body, links: [] }))
        .then([]);
    });

    it("lets a focal point of the asker's country revise, also once answers came in", () => {
      spec
        .given(HISTORY.OPEN)
        .when(revise({ actor: mdFocalPoint, title: 'Notifying neighbours' }))
        .then([revised({ title: 'Notifying neighbours' }, mdFocalPoint)]);
    });

    it.each([
      ['another participant of the asker country', askerColleague],
      ['a focal point of another country', focalPointOf('UA')],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec
        .given([asked])
        .when(revise({ actor, title: 'Another title' }))
        .thenThrows(Forbidden);
    });

    it.each([
      ['no field', {}, 'input'],
      ['a short title', { title: 'Hi' }, 'title'],
      ['an empty body', { body: '' }, 'body'],
      ['an unknown topic', { topics: ['X'] }, 'topics'],
      ['a javascript: link', { links: [{ url: 'javascript:alert(1)', title: 'Run' }] }, 'links.0.url'],
    ])('rejects %s', (_, overrides: Partial<Issued<ReviseQuestion>>, field) => {
      spec
        .given([asked])
        .when(revise(overrides))
        .thenThrows(ValidationFailed, (error) => expect(Object.keys(error.fields)).toEqual([field]));
    });

    it('answers NotFound for a question that does not exist', () => {
      spec
        .given([])
        .when(revise({ title: 'Another title' }))
        .thenThrows(NotFound);
    });
  });

  describe('edit an answer', () => {
    it('records the new body, by the answer’s author', () => {
      spec
        .given(HISTORY.OPEN)
        .when(editAnswer('a-1', expertUA))
        .then([answerEdited('a-1', expertUA)]);
    });

    it('lets the author edit an accepted answer, which stays accepted', () => {
      spec
        .given(HISTORY.ANSWERED)
        .when(editAnswer('a-1', expertUA))
        .then([answerEdited('a-1', expertUA)]);
      expect(fold(questionDecider, [...HISTORY.ANSWERED, answerEdited('a-1', expertUA)])).toMatchObject({
        status: 'ANSWERED',
        acceptedAnswerId: 'a-1',
        answers: [{ id: 'a-1', body: 'Answer, corrected', answeredAt: at(1), editedAt: at(15) }, { id: 'a-2' }],
      });
    });

    it('records nothing when the body is the same', () => {
      spec
        .given(HISTORY.OPEN)
        .when(editAnswer('a-1', expertUA, 'Answer a-1'))
        .then([]);
    });

    it.each([
      ['another participant of the author’s country', participantOfCountry('UA', 'another-ua')],
      ['a focal point of the author’s country', focalPointOf('UA')],
      ['the asker', asker],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given(HISTORY.OPEN).when(editAnswer('a-1', actor)).thenThrows(Forbidden);
    });

    it('validates the body', () => {
      spec
        .given(HISTORY.OPEN)
        .when(editAnswer('a-1', expertUA, ''))
        .thenThrows(ValidationFailed, (error) => expect(error.fields).toEqual({ body: ['must not be empty'] }));
    });

    it('answers NotFound for an answer the question does not have, and for a question that does not exist', () => {
      spec
        .given(HISTORY.OPEN)
        .when(editAnswer('a-9', expertUA))
        .thenThrows(NotFound, (error) => expect(error.what).toBe('Answer'));
      spec
        .given([])
        .when(editAnswer('a-1', expertUA))
        .thenThrows(NotFound, (error) => expect(error.what).toBe('Question'));
    });
  });

  describe('accept an answer', () => {
    const answered = [asked, answeredBy(expertUA, 'a-1'), answeredBy(expertBY, 'a-2', 2)];

    it('records the accepted answer and its author', () => {
      spec
        .given(answered)
        .when(accept('a-1'))
        .then([accepted('a-1', expertUA)]);
    });

    it("lets a focal point of the asker's country accept", () => {
      spec
        .given(answered)
        .when(accept('a-2', mdFocalPoint))
        .then([{ ...accepted('a-2', expertBY), data: { ...accepted('a-2', expertBY).data, by: mdFocalPoint } }]);
    });

    it('moves the acceptance when another answer is accepted', () => {
      spec
        .given([...answered, accepted('a-1', expertUA)])
        .when(accept('a-2'))
        .then([accepted('a-2', expertBY, 'a-1')]);
      expect(
        fold(questionDecider, [...answered, accepted('a-1', expertUA), accepted('a-2', expertBY, 'a-1')]),
      ).toMatchObject({
        status: 'ANSWERED',
        acceptedAnswerId: 'a-2',
      });
    });

    it('rejects accepting the accepted answer again', () => {
      spec
        .given([...answered, accepted('a-1', expertUA)])
        .when(accept('a-1'))
        .thenThrows(InvalidState);
    });

    it('answers NotFound for an answer the question does not have', () => {
      spec
        .given(answered)
        .when(accept('a-9'))
        .thenThrows(NotFound, (error) => expect(error.what).toBe('Answer'));
    });

    it('answers NotFound for a question that does not exist', () => {
      spec
        .given([])
        .when(accept('a-1'))
        .thenThrows(NotFound, (error) => expect(error.what).toBe('Question'));
    });

    it('rejects accepting on a closed question', () => {
      spec
        .given([...answered, closed])
        .when(accept('a-1'))
        .thenThrows(InvalidState);
    });

    it.each([
      ['another participant of the asker country', askerColleague],
      ['the author of the answer', expertUA],
      ['a focal point of another country', focalPointOf('UA')],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given(answered).when(accept('a-1', actor)).thenThrows(Forbidden);
    });
  });

  describe('close', () => {
    it('records who closed it, without a reason', () => {
      spec.given([asked]).when(close()).then([closed]);
    });

    it('records a reason and lets a focal point of the asker country close', () => {
      spec
        .given([asked, answeredBy(expertUA, 'a-1'), accepted('a-1', expertUA)])
        .when(close({ actor: mdFocalPoint, reason: 'Answered at the Minsk workshop' }))
        .then([
          {
            type: 'QuestionClosed',
            data: { questionId, reason: 'Answered at the Minsk workshop', by: mdFocalPoint, occurredAt: at(20) },
          },
        ]);
    });

    it.each([
      ['another participant of the asker country', askerColleague],
      ['a participant of another country', expertUA],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given([asked]).when(close({ actor })).thenThrows(Forbidden);
    });

    it('rejects closing twice', () => {
      spec.given([asked, closed]).when(close()).thenThrows(InvalidState);
    });

    it('answers NotFound for a question that does not exist', () => {
      spec.given([]).when(close()).thenThrows(NotFound);
    });

    it('validates a reason when there is one', () => {
      spec
        .given([asked])
        .when(close({ reason: 'done\u0000' }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('reopen', () => {
    it.each([
      ['the asker', asker],
      ["a focal point of the asker's country", mdFocalPoint],
      ['the secretariat, which could reopen questions before anyone else could', SECRETARIAT],
    ])('lets %s reopen a closed question', (_, actor) => {
      spec
        .given([asked, closed])
        .when(reopen(actor))
        .then([reopened(actor)]);
    });

    it('returns to OPEN without an accepted answer and to ANSWERED with one', () => {
      expect(fold(questionDecider, [asked, closed, reopened()]).status).toBe('OPEN');
      expect(fold(questionDecider, [...HISTORY.ANSWERED, closed, reopened()]).status).toBe('ANSWERED');
    });

    it('reads a reopening recorded before the rule changed', () => {
      expect(fold(questionDecider, [asked, closed, reopened(SECRETARIAT)]).status).toBe('OPEN');
    });

    it.each([
      ['another participant of the asker country', askerColleague],
      ['a participant of another country', expertUA],
      ['a focal point of another country', focalPointOf('UA')],
    ])('forbids %s', (_, actor) => {
      spec.given([asked, closed]).when(reopen(actor)).thenThrows(Forbidden);
    });

    it('answers NotFound for a question that does not exist', () => {
      spec.given([]).when(reopen()).thenThrows(NotFound);
    });
  });

  describe('the status machine', () => {
    const transitions: Array<[string, Issued<QuestionCommand>, readonly QuestionStatus[]]> = [
      ['revise', revise({ title: 'Another title' }), ['OPEN']],
      ['answer', answerBy(expertBY, 'a-3', 12), ['OPEN', 'ANSWERED']],
      ['edit an answer', editAnswer('a-1', expertUA), ['OPEN', 'ANSWERED']],
      ['accept', accept('a-2', mdFocalPoint), ['OPEN', 'ANSWERED']],
      ['close', close(), ['OPEN', 'ANSWERED']],
      ['reopen', reopen(), ['CLOSED']],
    ];
    const cases = transitions.flatMap(([name, command, allowed]) =>
      (Object.keys(HISTORY) as QuestionStatus[]).map(
        (status) => [name, status, allowed.includes(status), command] as const,
      ),
    );

    it.each(cases)('%s from %s: allowed %s', (_, status, allowed, command) => {
      if (allowed) expect(questionDecider.decide(command, fold(questionDecider, HISTORY[status]))).toHaveLength(1);
      else {
        spec
          .given(HISTORY[status])
          .when(command)
          .thenThrows(InvalidState, (error) => expect(error.message).toContain(`A ${status} question`));
      }
    });

    it('moves through the statuses of the contract', () => {
      for (const status of Object.keys(HISTORY) as QuestionStatus[]) {
        expect(fold(questionDecider, HISTORY[status]).status).toBe(status);
      }
    });
  });

  describe('evolve', () => {
    it('folds the question as it stands after each event', () => {
      expect(fold(questionDecider, [asked, answeredBy(expertUA, 'a-1'), accepted('a-1', expertUA), closed])).toEqual({
        kind: 'QUESTION',
        status: 'CLOSED',
        id: questionId,
        country: 'MD',
        author: asker,
        audience: asked.data.audience,
        title: asked.data.title,
        body: asked.data.body,
        topics: asked.data.topics,
        links: [],
        answers: [{ id: 'a-1', body: 'Answer a-1', author: expertUA, answeredAt: at(1), editedAt: null }],
        acceptedAnswerId: 'a-1',
        createdAt: NOW.toISOString(),
        updatedAt: at(20),
      });
    });

    it('applies a revision', () => {
      expect(
        fold(questionDecider, [asked, revised({ title: 'Notifying neighbours', topics: ['NOTIFICATION'] })]),
      ).toMatchObject({
        title: 'Notifying neighbours',
        topics: ['NOTIFICATION'],
        body: asked.data.body,
        updatedAt: at(5),
      });
    });

    it('reads a question asked before items had links (schema version 1) as having none', () => {
      const { links: _, ...withoutLinks } = asked.data;
      const state = fold(questionDecider, [{ type: 'QuestionAsked', data: withoutLinks }]);
      expect(state.status !== 'EMPTY' && state.links).toEqual([]);
    });

    it('ignores an event the state cannot take', () => {
      expect(fold(questionDecider, [closed])).toEqual({ status: 'EMPTY' });
    });
  });
});
