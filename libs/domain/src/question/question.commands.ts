import type { CommandContext } from '../shared/event.types.js';
import type { AudienceInput } from '../shared/item.types.js';

export interface AskQuestion extends CommandContext {
  readonly type: 'AskQuestion';
  readonly questionId: string;
  readonly title: string;
  readonly body: string;
  readonly topics: readonly string[];
  readonly audience: AudienceInput;
}

export interface AnswerQuestion extends CommandContext {
  readonly type: 'AnswerQuestion';
  readonly questionId: string;
  readonly answerId: string;
  readonly body: string;
}

export interface AcceptAnswer extends CommandContext {
  readonly type: 'AcceptAnswer';
  readonly questionId: string;
  readonly answerId: string;
}

export interface CloseQuestion extends CommandContext {
  readonly type: 'CloseQuestion';
  readonly questionId: string;
  readonly reason?: string | null;
}

export interface ReopenQuestion extends CommandContext {
  readonly type: 'ReopenQuestion';
  readonly questionId: string;
  readonly reason?: string | null;
}

export type QuestionCommand = AskQuestion | AnswerQuestion | AcceptAnswer | CloseQuestion | ReopenQuestion;
