import { questionDecider } from '@coop/domain';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, type AuthenticatedContext } from '../auth/current-viewer.decorator.js';
import { idFor } from '../commands/command-handler.js';
import { blankToNull } from '../graphql/input-validation.js';
import { ItemCommandsService } from '../items/item-commands.service.js';
import { AnswerQuestionInput } from './answer-question.input.js';
import { AskQuestionInput } from './ask-question.input.js';
import { Answer, Question } from './question.types.js';

@Resolver(() => Question)
export class QuestionResolver {
  constructor(private readonly items: ItemCommandsService) {}

  @Mutation(() => Question)
  async askQuestion(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => AskQuestionInput }) input: AskQuestionInput,
  ): Promise<Question> {
    const { viewer } = context;
    const questionId = idFor(viewer, 'question', input.idempotencyKey);
    const { title, body, topics, audience, idempotencyKey } = input;
    return (await this.items.onItem(
      context,
      { kind: 'QUESTION', id: questionId, creates: true },
      {
        decider: questionDecider,
        idempotencyKey,
        command: { type: 'AskQuestion', questionId, title, body, topics, audience },
      },
    )) as Question;
  }

  @Mutation(() => Answer)
  async answerQuestion(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => AnswerQuestionInput }) input: AnswerQuestionInput,
  ): Promise<Answer> {
    const { questionId, body, idempotencyKey } = input;
    const answerId = idFor(context.viewer, `answer\u0000${questionId}`, idempotencyKey);
    const question = (await this.items.onItem(
      context,
      { kind: 'QUESTION', id: questionId },
      {
        decider: questionDecider,
        idempotencyKey,
        command: { type: 'AnswerQuestion', questionId, answerId, body },
      },
    )) as Question;
    const answer = question.answers.find((candidate) => candidate.id === answerId);
    if (!answer) throw new Error(`answer ${answerId} is missing from the read model after its append`);
    return answer;
  }

  @Mutation(() => Question)
  async acceptAnswer(
    @Authenticated() context: AuthenticatedContext,
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('answerId', { type: () => ID }) answerId: string,
  ): Promise<Question> {
    return (await this.items.onItem(
      context,
      { kind: 'QUESTION', id: questionId },
      {
        decider: questionDecider,
        command: { type: 'AcceptAnswer', questionId, answerId },
      },
    )) as Question;
  }

  @Mutation(() => Question)
  async closeQuestion(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<Question> {
    return (await this.items.onItem(
      context,
      { kind: 'QUESTION', id },
      {
        decider: questionDecider,
        command: {
          type: 'CloseQuestion',
          questionId: id,
          reason: blankToNull(reason),
        },
      },
    )) as Question;
  }
}
