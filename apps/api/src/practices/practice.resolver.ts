import { practiceDecider } from '@coop/domain';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, type AuthenticatedContext } from '../auth/current-viewer.decorator.js';
import { idFor } from '../commands/command-handler.js';
import { blankToNull } from '../graphql/input-validation.js';
import { ItemCommandsService } from '../items/item-commands.service.js';
import { Practice } from './practice.types.js';
import { RevisePracticeInput } from './revise-practice.input.js';
import { SharePracticeInput } from './share-practice.input.js';

@Resolver(() => Practice)
export class PracticeResolver {
  constructor(private readonly items: ItemCommandsService) {}

  @Mutation(() => Practice)
  async sharePractice(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => SharePracticeInput }) input: SharePracticeInput,
  ): Promise<Practice> {
    const { viewer } = context;
    const practiceId = idFor(viewer, 'practice', input.idempotencyKey);
    const { title, summary, body, topics, audience, idempotencyKey } = input;
    return (await this.items.onItem(
      context,
      { kind: 'PRACTICE', id: practiceId, creates: true },
      {
        decider: practiceDecider,
        idempotencyKey,
        command: {
          type: 'SharePractice',
          practiceId,
          title,
          summary,
          body,
          topics,
          audience,
        },
      },
    )) as Practice;
  }

  @Mutation(() => Practice)
  async revisePractice(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => RevisePracticeInput }) input: RevisePracticeInput,
  ): Promise<Practice> {
    const { id, expectedVersion, title, summary, body, topics } = input;
    return (await this.items.onItem(
      context,
      { kind: 'PRACTICE', id },
      {
        decider: practiceDecider,
        expectedVersion,
        command: {
          type: 'RevisePractice',
          practiceId: id,
          expectedVersion,
          title,
          summary,
          body,
          topics,
        },
      },
    )) as Practice;
  }

  @Mutation(() => Practice)
  async withdrawPractice(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<Practice> {
    return (await this.items.onItem(
      context,
      { kind: 'PRACTICE', id },
      {
        decider: practiceDecider,
        command: {
          type: 'WithdrawPractice',
          practiceId: id,
          reason: reason.trim(),
        },
      },
    )) as Practice;
  }

  @Mutation(() => Practice)
  async adoptPractice(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<Practice> {
    return (await this.items.onItem(
      context,
      { kind: 'PRACTICE', id },
      {
        decider: practiceDecider,
        command: {
          type: 'AdoptPractice',
          practiceId: id,
          note: blankToNull(note),
        },
      },
    )) as Practice;
  }
}
