import { idFor } from '@coop/application';
import { proposalAggregate, type ProposalCommand, type ReviewDecision } from '@coop/domain';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, type AuthenticatedContext } from '../auth/current-viewer.decorator.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { TextArg } from '../graphql/input-validation.js';
import { type CommandRequest, ItemCommandsService } from '../items/item-commands.service.js';
import { ProposeJointProjectInput } from './propose-joint-project.input.js';
import { proposalModel } from './proposal.mapper.js';
import { JointProjectProposal, ReviewDecisionEnum } from './proposal.types.js';
import { RecordProjectActivityInput } from './record-project-activity.input.js';
import { ReviseProposalInput } from './revise-proposal.input.js';

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
    const { title, objectives, topics, durationMonths, partnerCountries, audience, links, idempotencyKey } = input;
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
      links,
    } as const;
    return this.proposal(context, proposalId, { command, idempotencyKey }, true);
  }

  @Mutation(() => JointProjectProposal)
  reviseProposal(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => ReviseProposalInput }) input: ReviseProposalInput,
  ): Promise<JointProjectProposal> {
    const { id, expectedVersion, title, objectives, topics, durationMonths, links } = input;
    const command = {
      type: 'ReviseProposal',
      proposalId: id,
      expectedVersion,
      title,
      objectives,
      topics,
      durationMonths,
      links,
    } as const;
    return this.proposal(context, id, { command, expectedVersion });
  }

  @Mutation(() => JointProjectProposal)
  invitePartner(
    @Authenticated() context: AuthenticatedContext,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('country', { type: () => ID }) country: string,
  ): Promise<JointProjectProposal> {
    return this.proposal(context, proposalId, { command: { type: 'InvitePartner', proposalId, country } });
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

  @Mutation(() => JointProjectProposal)
  startImplementation(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('startedOn', { type: () => DateTimeScalar }) startedOn: Date,
    @TextArg('donor', { nullable: true }) donor?: string | null,
  ): Promise<JointProjectProposal> {
    const command = { type: 'StartImplementation', proposalId: id, startedOn, donor } as const;
    return this.proposal(context, id, { command });
  }

  @Mutation(() => JointProjectProposal)
  recordProjectActivity(
    @Authenticated() context: AuthenticatedContext,
    @Args('input', { type: () => RecordProjectActivityInput }) input: RecordProjectActivityInput,
  ): Promise<JointProjectProposal> {
    const { proposalId, kind, title, startsOn, endsOn, venue, countries, outcome, links, idempotencyKey } = input;
    const activityId = idFor(context.viewer, `activity\u0000${proposalId}`, idempotencyKey);
    const command = {
      type: 'RecordProjectActivity',
      proposalId,
      activityId,
      kind,
      title,
      startsOn,
      endsOn,
      venue,
      countries,
      outcome,
      links,
    } as const;
    return this.proposal(context, proposalId, { command, idempotencyKey });
  }

  @Mutation(() => JointProjectProposal)
  completeProject(
    @Authenticated() context: AuthenticatedContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('completedOn', { type: () => DateTimeScalar }) completedOn: Date,
    @TextArg('evaluation') evaluation: string,
  ): Promise<JointProjectProposal> {
    const command = { type: 'CompleteProject', proposalId: id, completedOn, evaluation } as const;
    return this.proposal(context, id, { command });
  }
}
