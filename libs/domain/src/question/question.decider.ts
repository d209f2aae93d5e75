import type { CountryCode, Topic } from '../reference/reference-data.js';
import { requireAuthorOrFocalPoint, requireCountryParticipant } from '../shared/actor.guards.js';
import type { Decider } from '../shared/decider.types.js';
import type { Issued } from '../shared/event.types.js';
import { Forbidden, InvalidState, NotFound } from '../shared/domain.errors.js';
import { INPUT_LIMITS, InputValidator } from '../shared/input.validation.js';
import type { Audience } from '../shared/item.types.js';
import { type Link, sameLinks } from '../shared/link.types.js';
import { type Actor, isSecretariat, type Participant, participantOf } from '../shared/participant.types.js';
import { requireSomeField, sameMembers } from '../shared/revision.js';
import { type EmptyState, requireExisting } from '../shared/state.guards.js';
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
import type { QuestionChanges, QuestionEvent } from './question.events.js';

export const QUESTION_STATUSES = ['OPEN', 'ANSWERED', 'CLOSED'] as const;
/** ANSWERED: an answer is accepted. A question with answers but none accepted is still OPEN. */
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export interface Answer {
  readonly id: string;
  readonly body: string;
  readonly author: Participant;
  readonly answeredAt: string;
  /** When its author last edited it; null while never edited. */
  readonly editedAt: string | null;
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
  readonly links: readonly Link[];
  readonly answers: readonly Answer[];
  readonly acceptedAnswerId: string | null;
  readonly createdAt: string;
  /** When the question's latest event happened. */
  readonly updatedAt: string;
}

export type QuestionState = EmptyState | Question;

function requireStatus(question: Question, allowed: readonly QuestionStatus[], action: string): void {
  if (!allowed.includes(question.status)) throw new InvalidState(`A ${question.status} question cannot be ${action}`);
}

const NOT_CLOSED: readonly QuestionStatus[] = ['OPEN', 'ANSWERED'];

function requireAnswer(question: Question, answerId: string): Answer {
  const found = question.answers.find((existing) => existing.id === answerId);
  if (!found) throw new NotFound('Answer', answerId);
  return found;
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
    links: input.links('links', command.links),
    occurredAt: command.now.toISOString(),
  };
  input.throwIfInvalid();
  return [{ type: 'QuestionAsked', data }];
}

/** Only while OPEN: once an answer is accepted or the question closed, answerers rely on its wording. */
function revise(command: Issued<ReviseQuestion>, state: QuestionState): QuestionEvent[] {
  const question = requireExisting(state, 'Question', command.questionId);
  requireAuthorOrFocalPoint(command.actor, question, 'revise this question');
  requireStatus(question, ['OPEN'], 'revised');
  const input = new InputValidator();
  const { title, body, topics, links } = command;
  requireSomeField(input, { title, body, topics, links });
  const changes: { -readonly [K in keyof QuestionChanges]: QuestionChanges[K] } = {};
  if (title != null && input.text('title', title, INPUT_LIMITS.title) !== question.title) changes.title = title;
  if (body != null && input.text('body', body, INPUT_LIMITS.body) !== question.body) changes.body = body;
  if (topics != null) {
    const revised = input.topics('topics', topics);
    if (!sameMembers(revised, question.topics)) changes.topics = revised;
  }
  if (links != null) {
    const revised = input.links('links', links);
    if (!sameLinks(revised, question.links)) changes.links = revised;
  }
  input.throwIfInvalid();
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'QuestionRevised',
      data: {
        questionId: question.id,
        changes,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

/** Answers are country expertise: the asker's own country may answer too, the secretariat does not. */
function answer(command: Issued<AnswerQuestion>, state: QuestionState): QuestionEvent[] {
  const question = requireExisting(state, 'Question', command.questionId);
  requireCountryParticipant(command.actor, 'answer a question');
  requireStatus(question, NOT_CLOSED, 'answered');
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

/** The answer's own author only: an answer is their country's expertise, in their words. */
function editAnswer(command: Issued<EditAnswer>, state: QuestionState): QuestionEvent[] {
  const question = requireExisting(state, 'Question', command.questionId);
  const edited = requireAnswer(question, command.answerId);
  if (command.actor.id !== edited.author.id) throw new Forbidden('Only its author may edit an answer');
  requireStatus(question, NOT_CLOSED, 'given edited answers');
  const input = new InputValidator();
  const body = input.text('body', command.body, INPUT_LIMITS.body);
  input.throwIfInvalid();
  if (body === edited.body) return [];
  return [
    {
      type: 'AnswerEdited',
      data: {
        questionId: question.id,
        answerId: edited.id,
        body,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function accept(command: Issued<AcceptAnswer>, state: QuestionState): QuestionEvent[] {
  const question = requireExisting(state, 'Question', command.questionId);
  requireAuthorOrFocalPoint(command.actor, question, 'accept an answer to this question');
  requireStatus(question, NOT_CLOSED, 'given an accepted answer');
  const accepted = requireAnswer(question, command.answerId);
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
  requireStatus(question, NOT_CLOSED, 'closed');
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

/*
 * Those who may close a question may reopen it. The secretariat, which alone
 * could reopen one before, keeps the right: reopening a question closed too
 * early is moderation, and its past reopenings stay valid history.
 */
function requireMayReopen(actor: Actor, question: Question): void {
  if (isSecretariat(actor)) return;
  requireAuthorOrFocalPoint(actor, question, 'reopen this question');
}

function reopen(command: Issued<ReopenQuestion>, state: QuestionState): QuestionEvent[] {
  const question = requireExisting(state, 'Question', command.questionId);
  requireMayReopen(command.actor, question);
  requireStatus(question, ['CLOSED'], 'reopened');
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
    const { questionId, occurredAt, links, ...asked } = event.data;
    return {
      kind: 'QUESTION',
      status: 'OPEN',
      id: questionId,
      ...asked,
      links: links ?? [],
      answers: [],
      acceptedAnswerId: null,
      createdAt: occurredAt,
      updatedAt: occurredAt,
    };
  }
  if (state.status === 'EMPTY') return state;
  const updatedAt = event.data.occurredAt;
  switch (event.type) {
    case 'QuestionRevised':
      return { ...state, ...event.data.changes, updatedAt };
    case 'QuestionAnswered': {
      const { answerId, body, author } = event.data;
      return {
        ...state,
        answers: [...state.answers, { id: answerId, body, author, answeredAt: updatedAt, editedAt: null }],
        updatedAt,
      };
    }
    case 'AnswerEdited': {
      const { answerId, body } = event.data;
      return {
        ...state,
        answers: state.answers.map((answer) =>
          answer.id === answerId ? { ...answer, body, editedAt: updatedAt } : answer,
        ),
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
      case 'ReviseQuestion':
        return revise(command, state);
      case 'AnswerQuestion':
        return answer(command, state);
      case 'EditAnswer':
        return editAnswer(command, state);
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
