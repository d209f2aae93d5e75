import type { CountryCode, Topic } from '../reference/reference-data.js';
import type { EventOf } from '../shared/event.types.js';
import type { Audience } from '../shared/item.types.js';
import type { Participant } from '../shared/participant.types.js';

export type QuestionAsked = EventOf<
  'QuestionAsked',
  {
    questionId: string;
    /** The originating country: the asker's. */
    country: CountryCode;
    author: Participant;
    title: string;
    body: string;
    topics: readonly Topic[];
    audience: Audience;
  }
>;

export type QuestionAnswered = EventOf<
  'QuestionAnswered',
  { questionId: string; answerId: string; body: string; author: Participant }
>;

export type AnswerAccepted = EventOf<
  'AnswerAccepted',
  {
    questionId: string;
    answerId: string;
    /** Whose expertise was accepted, for per-country statistics without a lookup. */
    answerAuthor: Participant;
    /** The answer that loses its acceptance, if another one had it. */
    previousAnswerId: string | null;
    by: Participant;
  }
>;

export type QuestionClosed = EventOf<'QuestionClosed', { questionId: string; reason: string | null; by: Participant }>;

export type QuestionReopened = EventOf<
  'QuestionReopened',
  { questionId: string; reason: string | null; by: Participant }
>;

export type QuestionEvent = QuestionAsked | QuestionAnswered | AnswerAccepted | QuestionClosed | QuestionReopened;

export const QUESTION_EVENT_SCHEMA_VERSIONS = {
  QuestionAsked: 1,
  QuestionAnswered: 1,
  AnswerAccepted: 1,
  QuestionClosed: 1,
  QuestionReopened: 1,
} as const satisfies Record<QuestionEvent['type'], number>;
