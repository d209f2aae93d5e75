import { proposalDecider, type ReviewDecision } from '@coop/domain';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, type AuthenticatedContext } from '../auth/current-viewer.decorator.js';
import { idFor } from '../commands/command-handler.js';
import { blankToNull } from '../graphql/input-validation.js';
import { ItemCommandsService } from '../items/item-commands.service.js';
import { ProposeJointProjectInput } from './propose-joint-project.input.js';
import { JointProjectProposal, ReviewDecisionEnum } from './proposal.types.js';

@Resolver(() => JointProjectProposal)
export class ProposalResolver {
  constructor(private readonly items: ItemCommandsService) {}

  @Mutation(() => JointProjectProposal)
  async proposeJointProject(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => ProposeJointProjectInput }) input: ProposeJointProjectInput,
  ): Promise<JointProjectProposal> {
    const { viewer } = context;
    const proposalId = idFor(viewer, 'proposal', input.idempotencyKey);
    const { title, objectives, topics, durationMonths, partnerCountries, audience, idempotencyKey } = input;
    return (await this.items.onItem(
      context,
      { kind: 'PROPOSAL', id: proposalId, creates: true },
      {
        decider: proposalDecider,
        idempotencyKey,
        command: {
          type: 'ProposeJointProject',
          proposalId,
          title,
          objectives,
          topics,
          durationMonths,
          partnerCountries,
          audience: audience ?? null,
        },
      },
    )) as JointProjectProposal;
  }

  @Mutation(() => JointProjectProposal)
  async respondToInvitation(
    @Authenticated() context: AuthenticatedContext,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('accept', { type: () => Boolean }) accept: boolean,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<JointProjectProposal> {
    return (await this.items.onItem(
      context,
      { kind: 'PROPOSAL', id: proposalId },
      {
        decider: proposalDecider,
        command: {
          type: 'RespondToInvitation',
          proposalId,
          accept,
          note: blankToNull(note),
        },
      },
    )) as JointProjectProposal;
  }

  @Mutation(() => JointProjectProposal)
  async submitProposal(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<JointProjectProposal> {
    return (await this.items.onItem(
      context,
      { kind: 'PROPOSAL', id },
      {
        decider: proposalDecider,
        command: { type: 'SubmitProposal', proposalId: id },
      },
    )) as JointProjectProposal;
  }

  @Mutation(() => JointProjectProposal)
  async reviewProposal(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision', { type: () => ReviewDecisionEnum }) decision: ReviewDecision,
    @Args('note', { type: () => String }) note: string,
  ): Promise<JointProjectProposal> {
    return (await this.items.onItem(
      context,
      { kind: 'PROPOSAL', id },
      {
        decider: proposalDecider,
        command: {
          type: 'ReviewProposal',
          proposalId: id,
          decision,
          note: note.trim(),
        },
      },
    )) as JointProjectProposal;
  }

  @Mutation(() => JointProjectProposal)
  async withdrawProposal(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<JointProjectProposal> {
    return (await this.items.onItem(
      context,
      { kind: 'PROPOSAL', id },
      {
        decider: proposalDecider,
        command: {
          type: 'WithdrawProposal',
          proposalId: id,
          reason: reason.trim(),
        },
      },
    )) as JointProjectProposal;
  }
}
