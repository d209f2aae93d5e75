import type { AudienceInput } from '../shared/item.types.js';

export interface AskQuestion {
  readonly type: 'AskQuestion';
  readonly questionId: string;
  readonly title: string;
  readonly body: string;
  readonly topics: readonly string[];
  readonly audience: AudienceInput;
}

export interface AnswerQuestion {
  readonly type: 'AnswerQuestion';
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

export type QuestionCommand = AskQuestion | AnswerQuestion | AcceptAnswer | CloseQuestion | ReopenQuestion;
