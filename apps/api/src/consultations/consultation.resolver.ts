import { idFor } from '@coop/application';
import { consultationAggregate, type ConsultationCommand, type ConsultationPosition } from '@coop/domain';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, type AuthenticatedContext } from '../auth/current-viewer.decorator.js';
import { TextArg } from '../graphql/input-validation.js';
import { type CommandRequest, ItemCommandsService } from '../items/item-commands.service.js';
import { consultationModel } from './consultation.mapper.js';
import { ConsultationPositionEnum, TransboundaryConsultation } from './consultation.types.js';
import { RequestConsultationInput } from './request-consultation.input.js';

@Resolver(() => TransboundaryConsultation)
export class ConsultationResolver {
  constructor(private readonly items: ItemCommandsService) {}

  private async consultation(
    context: AuthenticatedContext,
    id: string,
    request: CommandRequest<ConsultationCommand>,
    creates = false,
  ): Promise<TransboundaryConsultation> {
    return consultationModel(
      await this.items.onItem(context, { kind: 'CONSULTATION', id, creates }, consultationAggregate, request),
    );
  }

  @Mutation(() => TransboundaryConsultation)
  requestConsultation(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => RequestConsultationInput }) input: RequestConsultationInput,
  ): Promise<TransboundaryConsultation> {
    const { idempotencyKey, audience, ...fields } = input;
    const consultationId = idFor(context.viewer, 'consultation', idempotencyKey);
    const command = { type: 'RequestConsultation', consultationId, ...fields, audience: audience ?? null } as const;
    return this.consultation(context, consultationId, { command, idempotencyKey }, true);
  }

  @Mutation(() => TransboundaryConsultation)
  respondToConsultation(
    @Authenticated() context: AuthenticatedContext,
    @Args('consultationId', { type: () => ID }) consultationId: string,
    @Args('position', { type: () => ConsultationPositionEnum }) position: ConsultationPosition,
    @TextArg('body') body: string,
  ): Promise<TransboundaryConsultation> {
    const command = { type: 'RespondToConsultation', consultationId, position, body } as const;
    return this.consultation(context, consultationId, { command });
  }

  @Mutation(() => TransboundaryConsultation)
  concludeConsultation(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @TextArg('conclusion') conclusion: string,
  ): Promise<TransboundaryConsultation> {
    const command = { type: 'ConcludeConsultation', consultationId: id, conclusion } as const;
    return this.consultation(context, id, { command });
  }

  @Mutation(() => TransboundaryConsultation)
  withdrawConsultation(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @TextArg('reason') reason: string,
  ): Promise<TransboundaryConsultation> {
    const command = { type: 'WithdrawConsultation', consultationId: id, reason } as const;
    return this.consultation(context, id, { command });
  }
}
