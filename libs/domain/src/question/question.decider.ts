import type { CountryCode, Topic } from '../reference/reference-data.js';
import { requireAuthorOrFocalPoint, requireCountryParticipant, requireSecretariat } from '../shared/actor.guards.js';
import type { Decider } from '../shared/decider.types.js';
import type { Issued } from '../shared/event.types.js';
import { InvalidState, NotFound } from '../shared/domain.errors.js';
import { INPUT_LIMITS, InputValidator } from '../shared/input.validation.js';
import type { Audience } from '../shared/item.types.js';
import { type Participant, participantOf } from '../shared/participant.types.js';
import { type EmptyState, requireExisting } from '../shared/state.guards.js';
import type {
  AcceptAnswer,
  AnswerQuestion,
  AskQuestion,
  CloseQuestion,
  QuestionCommand,
  ReopenQuestion,
} from './question.commands.js';
import type { QuestionEvent } from './question.events.js';

export const QUESTION_STATUSES = ['OPEN', 'ANSWERED', 'CLOSED'] as const;
/** ANSWERED: an answer is accepted. A question with answers but none accepted is still OPEN. */
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export interface Answer {
  readonly id: string;
  readonly body: string;
  readonly author: Participant;
  readonly answeredAt: string;
}

export interface Question {
  readonly kind: 'QUESTION';
  readonly status: QuestionStatus;
  readonly id: string;
  readonly country: CountryCode;
  readonly author: Participant;
  readonly audience: Audience;
  readonly title: string;
  readonly body: string;
  readonly topics: readonly Topic[];
  readonly answers: readonly Answer[];
  readonly acceptedAnswerId: string | null;
  readonly createdAt: string;
  /** When the question's latest event happened. */
  readonly updatedAt: string;
}

export type QuestionState = EmptyState | Question;

function requireNotClosed(question: Question, action: string): void {
  if (question.status === 'CLOSED') throw new InvalidState(`A closed question cannot be ${action}`);
}

function ask(command: Issued<AskQuestion>, state: QuestionState): QuestionEvent[] {
  const country = requireCountryParticipant(command.actor, 'ask a question');
  if (state.status !== 'EMPTY') throw new InvalidState(`Question ${command.questionId} already exists`);
  const input = new InputValidator();
  const data = {
    questionId: command.questionId,
    country,
    author: participantOf(command.actor),
    title: input.text('title', command.title, INPUT_LIMITS.title),
    body: input.text('body', command.body, INPUT_LIMITS.body),
    topics: input.topics('topics', command.topics),
    audience: input.audience('audience', command.audience),
    occurredAt: command.now.toISOString(),
  };
  input.throwIfInvalid();
  return [{ type: 'QuestionAsked', data }];
}

/** Answers are country expertise: the asker's own country may answer too, the secretariat does not. */
function answer(command: Issued<AnswerQuestion>, state: QuestionState): QuestionEvent[] {
  const question = requireExisting(state, 'Question', command.questionId);
  requireCountryParticipant(command.actor, 'answer a question');
  requireNotClosed(question, 'answered');
  if (question.answers.some((existing) => existing.id === command.answerId)) {
    throw new InvalidState(`Answer ${command.answerId} already exists`);
  }
  const input = new InputValidator();
  const body = input.text('body', command.body, INPUT_LIMITS.body);
  input.throwIfInvalid();
  return [
    {
      type: 'QuestionAnswered',
      data: {
        questionId: question.id,
        answerId: command.answerId,
        body,
        author: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function accept(command: Issued<AcceptAnswer>, state: QuestionState): QuestionEvent[] {
  const question = requireExisting(state, 'Question', command.questionId);
  requireAuthorOrFocalPoint(command.actor, question, 'accept an answer to this question');
  requireNotClosed(question, 'given an accepted answer');
  const accepted = question.answers.find((existing) => existing.id === command.answerId);
  if (!accepted) throw new NotFound('Answer', command.answerId);
  if (question.acceptedAnswerId === accepted.id) throw new InvalidState(`Answer ${accepted.id} is already accepted`);
  return [
    {
      type: 'AnswerAccepted',
      data: {
        questionId: question.id,
        answerId: accepted.id,
        answerAuthor: accepted.author,
        previousAnswerId: question.acceptedAnswerId,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function close(command: Issued<CloseQuestion>, state: QuestionState): QuestionEvent[] {
  const question = requireExisting(state, 'Question', command.questionId);
  requireAuthorOrFocalPoint(command.actor, question, 'close this question');
  requireNotClosed(question, 'closed again');
  const input = new InputValidator();
  const reason = input.optionalText('reason', command.reason, INPUT_LIMITS.note);
  input.throwIfInvalid();
  return [
    {
      type: 'QuestionClosed',
      data: {
        questionId: question.id,
        reason,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function reopen(command: Issued<ReopenQuestion>, state: QuestionState): QuestionEvent[] {
  const question = requireExisting(state, 'Question', command.questionId);
  requireSecretariat(command.actor, 'reopen a question');
  if (question.status !== 'CLOSED') throw new InvalidState('Only a closed question can be reopened');
  const input = new InputValidator();
  const reason = input.optionalText('reason', command.reason, INPUT_LIMITS.note);
  input.throwIfInvalid();
  return [
    {
      type: 'QuestionReopened',
      data: {
        questionId: question.id,
        reason,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

/*
 * An event the state cannot take leaves it unchanged: the log is the truth,
 * the deciders never write such an event, and a read must not fail on history.
 */
function evolve(state: QuestionState, event: QuestionEvent): QuestionState {
  if (event.type === 'QuestionAsked') {
    const { questionId, occurredAt, ...asked } = event.data;
    return {
      kind: 'QUESTION',
      status: 'OPEN',
      id: questionId,
      ...asked,
      answers: [],
      acceptedAnswerId: null,
      createdAt: occurredAt,
      updatedAt: occurredAt,
    };
  }
  if (state.status === 'EMPTY') return state;
  const updatedAt = event.data.occurredAt;
  switch (event.type) {
    case 'QuestionAnswered': {
      const { answerId, body, author } = event.data;
      return {
        ...state,
        answers: [...state.answers, { id: answerId, body, author, answeredAt: updatedAt }],
        updatedAt,
      };
    }
    case 'AnswerAccepted':
      return { ...state, status: 'ANSWERED', acceptedAnswerId: event.data.answerId, updatedAt };
    case 'QuestionClosed':
      return { ...state, status: 'CLOSED', updatedAt };
    case 'QuestionReopened':
      return { ...state, status: state.acceptedAnswerId === null ? 'OPEN' : 'ANSWERED', updatedAt };
  }
}

export const questionDecider: Decider<QuestionCommand, QuestionEvent, QuestionState> = {
  decide(command, state) {
    switch (command.type) {
      case 'AskQuestion':
        return ask(command, state);
      case 'AnswerQuestion':
        return answer(command, state);
      case 'AcceptAnswer':
        return accept(command, state);
      case 'CloseQuestion':
        return close(command, state);
      case 'ReopenQuestion':
        return reopen(command, state);
    }
  },
  evolve,
  initialState: () => ({ status: 'EMPTY' }),
};
