import { idFor } from '@coop/application';
import { questionAggregate, type QuestionCommand } from '@coop/domain';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, type AuthenticatedContext } from '../auth/current-viewer.decorator.js';
import { TextArg } from '../graphql/input-validation.js';
import { type CommandRequest, ItemCommandsService } from '../items/item-commands.service.js';
import { AnswerQuestionInput } from './answer-question.input.js';
import { AskQuestionInput } from './ask-question.input.js';
import { questionModel } from './question.mapper.js';
import { Answer, Question } from './question.types.js';
import { ReviseQuestionInput } from './revise-question.input.js';

/** The answer a mutation just wrote or edited, as the read model now shows it. */
function answerOf(question: Question, answerId: string): Answer {
  const answer = question.answers.find((candidate) => candidate.id === answerId);
  if (!answer) throw new Error(`answer ${answerId} is missing from the read model after its append`);
  return answer;
}

@Resolver(() => Question)
export class QuestionResolver {
  constructor(private readonly items: ItemCommandsService) {}

  private async question(
    context: AuthenticatedContext,
    id: string,
    request: CommandRequest<QuestionCommand>,
    creates = false,
  ): Promise<Question> {
    return questionModel(
      await this.items.onItem(context, { kind: 'QUESTION', id, creates }, questionAggregate, request),
    );
  }

  @Mutation(() => Question)
  askQuestion(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => AskQuestionInput }) input: AskQuestionInput,
  ): Promise<Question> {
    const { title, body, topics, audience, links, idempotencyKey } = input;
    const questionId = idFor(context.viewer, 'question', idempotencyKey);
    const command = { type: 'AskQuestion', questionId, title, body, topics, audience, links } as const;
    return this.question(context, questionId, { command, idempotencyKey }, true);
  }

  @Mutation(() => Question)
  reviseQuestion(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => ReviseQuestionInput }) input: ReviseQuestionInput,
  ): Promise<Question> {
    const { id, expectedVersion, title, body, topics, links } = input;
    const command = { type: 'ReviseQuestion', questionId: id, expectedVersion, title, body, topics, links } as const;
    return this.question(context, id, { command, expectedVersion });
  }

  @Mutation(() => Answer)
  async answerQuestion(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => AnswerQuestionInput }) input: AnswerQuestionInput,
  ): Promise<Answer> {
    const { questionId, body, idempotencyKey } = input;
    const answerId = idFor(context.viewer, `answer\u0000${questionId}`, idempotencyKey);
    const command = { type: 'AnswerQuestion', questionId, answerId, body } as const;
    return answerOf(await this.question(context, questionId, { command, idempotencyKey }), answerId);
  }

  @Mutation(() => Answer)
  async editAnswer(
    @Authenticated() context: AuthenticatedContext,
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('answerId', { type: () => ID }) answerId: string,
    @TextArg('body') body: string,
  ): Promise<Answer> {
    const command = { type: 'EditAnswer', questionId, answerId, body } as const;
    return answerOf(await this.question(context, questionId, { command }), answerId);
  }

  @Mutation(() => Question)
  acceptAnswer(
    @Authenticated() context: AuthenticatedContext,
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('answerId', { type: () => ID }) answerId: string,
  ): Promise<Question> {
    return this.question(context, questionId, { command: { type: 'AcceptAnswer', questionId, answerId } });
  }

  @Mutation(() => Question)
  closeQuestion(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @TextArg('reason', { nullable: true }) reason?: string | null,
  ): Promise<Question> {
    return this.question(context, id, { command: { type: 'CloseQuestion', questionId: id, reason } });
  }

  @Mutation(() => Question)
  reopenQuestion(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @TextArg('reason', { nullable: true }) reason?: string | null,
  ): Promise<Question> {
    return this.question(context, id, { command: { type: 'ReopenQuestion', questionId: id, reason } });
  }
}
