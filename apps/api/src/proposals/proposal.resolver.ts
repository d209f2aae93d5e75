import { idFor } from '@coop/application';
import { proposalAggregate, type ProposalCommand, type ReviewDecision } from '@coop/domain';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, type AuthenticatedContext } from '../auth/current-viewer.decorator.js';
import { TextArg } from '../graphql/input-validation.js';
import { type CommandRequest, ItemCommandsService } from '../items/item-commands.service.js';
import { ProposeJointProjectInput } from './propose-joint-project.input.js';
import { proposalModel } from './proposal.mapper.js';
import { JointProjectProposal, ReviewDecisionEnum } from './proposal.types.js';

@Resolver(() => JointProjectProposal)
export class ProposalResolver {
  constructor(private readonly items: ItemCommandsService) {}

  private async proposal(
    context: AuthenticatedContext,
    id: string,
    request: CommandRequest<ProposalCommand>,
    creates = false,
  ): Promise<JointProjectProposal> {
    return proposalModel(
      await this.items.onItem(context, { kind: 'PROPOSAL', id, creates }, proposalAggregate, request),
    );
  }

  @Mutation(() => JointProjectProposal)
  proposeJointProject(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => ProposeJointProjectInput }) input: ProposeJointProjectInput,
  ): Promise<JointProjectProposal> {
    const { title, objectives, topics, durationMonths, partnerCountries, audience, idempotencyKey } = input;
    const proposalId = idFor(context.viewer, 'proposal', idempotencyKey);
    const command = {
      type: 'ProposeJointProject',
      proposalId,
      title,
      objectives,
      topics,
      durationMonths,
      partnerCountries,
      audience: audience ?? null,
    } as const;
    return this.proposal(context, proposalId, { command, idempotencyKey }, true);
  }

  @Mutation(() => JointProjectProposal)
  respondToInvitation(
    @Authenticated() context: AuthenticatedContext,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('accept', { type: () => Boolean }) accept: boolean,
    @TextArg('note', { nullable: true }) note?: string | null,
  ): Promise<JointProjectProposal> {
    return this.proposal(context, proposalId, { command: { type: 'RespondToInvitation', proposalId, accept, note } });
  }

  @Mutation(() => JointProjectProposal)
  submitProposal(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<JointProjectProposal> {
    return this.proposal(context, id, { command: { type: 'SubmitProposal', proposalId: id } });
  }

  @Mutation(() => JointProjectProposal)
  reviewProposal(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision', { type: () => ReviewDecisionEnum }) decision: ReviewDecision,
    @TextArg('note') note: string,
  ): Promise<JointProjectProposal> {
    return this.proposal(context, id, { command: { type: 'ReviewProposal', proposalId: id, decision, note } });
  }

  @Mutation(() => JointProjectProposal)
  withdrawProposal(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @TextArg('reason') reason: string,
  ): Promise<JointProjectProposal> {
    return this.proposal(context, id, { command: { type: 'WithdrawProposal', proposalId: id, reason } });
  }
}
