import type { CountryCode, Topic } from '../reference/reference-data.js';
import type { EventOf } from '../shared/event.types.js';
import type { Audience } from '../shared/item.types.js';
import type { Link } from '../shared/link.types.js';
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
    /** Absent from events of schema version 1, written before items had links. */
    links?: readonly Link[];
  }
>;

export interface QuestionChanges {
  readonly title?: string;
  readonly body?: string;
  readonly topics?: readonly Topic[];
  readonly links?: readonly Link[];
}

/** Carries the new value of each field that changed, and only those. */
export type QuestionRevised = EventOf<
  'QuestionRevised',
  { questionId: string; changes: QuestionChanges; by: Participant }
>;

export type QuestionAnswered = EventOf<
  'QuestionAnswered',
  { questionId: string; answerId: string; body: string; author: Participant }
>;

/** The answer's author rewrote it; the events before keep the earlier text for the audit. */
export type AnswerEdited = EventOf<
  'AnswerEdited',
  { questionId: string; answerId: string; body: string; by: Participant }
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

export type QuestionEvent =
  | QuestionAsked
  | QuestionRevised
  | QuestionAnswered
  | AnswerEdited
  | AnswerAccepted
  | QuestionClosed
  | QuestionReopened;

/** Version 2 of QuestionAsked carries links. */
export const QUESTION_EVENT_SCHEMA_VERSIONS = {
  QuestionAsked: 2,
  QuestionRevised: 1,
  QuestionAnswered: 1,
  AnswerEdited: 1,
  AnswerAccepted: 1,
  QuestionClosed: 1,
  QuestionReopened: 1,
} as const satisfies Record<QuestionEvent['type'], number>;
