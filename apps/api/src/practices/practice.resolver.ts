import { idFor } from '@coop/application';
import { practiceAggregate, type PracticeCommand } from '@coop/domain';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, type AuthenticatedContext } from '../auth/current-viewer.decorator.js';
import { TextArg } from '../graphql/input-validation.js';
import { type CommandRequest, ItemCommandsService } from '../items/item-commands.service.js';
import { practiceModel } from './practice.mapper.js';
import { Practice } from './practice.types.js';
import { RevisePracticeInput } from './revise-practice.input.js';
import { SharePracticeInput } from './share-practice.input.js';

@Resolver(() => Practice)
export class PracticeResolver {
  constructor(private readonly items: ItemCommandsService) {}

  private async practice(
    context: AuthenticatedContext,
    id: string,
    request: CommandRequest<PracticeCommand>,
    creates = false,
  ): Promise<Practice> {
    return practiceModel(
      await this.items.onItem(context, { kind: 'PRACTICE', id, creates }, practiceAggregate, request),
    );
  }

  @Mutation(() => Practice)
  sharePractice(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => SharePracticeInput }) input: SharePracticeInput,
  ): Promise<Practice> {
    const { title, summary, body, topics, audience, links, idempotencyKey } = input;
    const practiceId = idFor(context.viewer, 'practice', idempotencyKey);
    const command = { type: 'SharePractice', practiceId, title, summary, body, topics, audience, links } as const;
    return this.practice(context, practiceId, { command, idempotencyKey }, true);
  }

  @Mutation(() => Practice)
  revisePractice(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => RevisePracticeInput }) input: RevisePracticeInput,
  ): Promise<Practice> {
    const { id, expectedVersion, title, summary, body, topics, links } = input;
    const practiceId = id;
    const command = {
      type: 'RevisePractice',
      practiceId,
      expectedVersion,
      title,
      summary,
      body,
      topics,
      links,
    } as const;
    return this.practice(context, id, { command, expectedVersion });
  }

  @Mutation(() => Practice)
  withdrawPractice(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @TextArg('reason') reason: string,
  ): Promise<Practice> {
    return this.practice(context, id, { command: { type: 'WithdrawPractice', practiceId: id, reason } });
  }

  @Mutation(() => Practice)
  adoptPractice(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @TextArg('note', { nullable: true }) note?: string | null,
  ): Promise<Practice> {
    return this.practice(context, id, { command: { type: 'AdoptPractice', practiceId: id, note } });
  }
}
