import type { AudienceInput } from '../shared/item.types.js';
import type { LinkInput } from '../shared/link.types.js';

export interface AskQuestion {
  readonly type: 'AskQuestion';
  readonly questionId: string;
  readonly title: string;
  readonly body: string;
  readonly topics: readonly string[];
  readonly audience: AudienceInput;
  readonly links?: readonly LinkInput[] | null;
}

/** Absent fields stay as they are. */
export interface ReviseQuestion {
  readonly type: 'ReviseQuestion';
  readonly questionId: string;
  /** The version the client edited: the command handler appends with it, so a stale edit is a conflict. */
  readonly expectedVersion: number;
  readonly title?: string | null;
  readonly body?: string | null;
  readonly topics?: readonly string[] | null;
  /** Replaces the links when given. */
  readonly links?: readonly LinkInput[] | null;
}

export interface AnswerQuestion {
  readonly type: 'AnswerQuestion';
  readonly questionId: string;
  readonly answerId: string;
  readonly body: string;
}

export interface EditAnswer {
  readonly type: 'EditAnswer';
  readonly questionId: string;
  readonly answerId: string;
  readonly body: string;
}

export interface AcceptAnswer {
  readonly type: 'AcceptAnswer';
  readonly questionId: string;
  readonly answerId: string;
}

export interface CloseQuestion {
  readonly type: 'CloseQuestion';
  readonly questionId: string;
  readonly reason?: string | null;
}

export interface ReopenQuestion {
  readonly type: 'ReopenQuestion';
  readonly questionId: string;
  readonly reason?: string | null;
}

export type QuestionCommand =
  AskQuestion | ReviseQuestion | AnswerQuestion | EditAnswer | AcceptAnswer | CloseQuestion | ReopenQuestion;
