import type { CountryCode, Topic } from '../reference/reference-data.js';
import { requireFocalPoint, requireSecretariat } from '../shared/actor.guards.js';
import type { Decider } from '../shared/decider.types.js';
import type { Issued } from '../shared/event.types.js';
import { Forbidden, InvalidState } from '../shared/domain.errors.js';
import { INPUT_LIMITS, InputValidator } from '../shared/input.validation.js';
import type { Audience } from '../shared/item.types.js';
import { type Actor, type Participant, participantOf } from '../shared/participant.types.js';
import { type EmptyState, requireExisting } from '../shared/state.guards.js';
import type {
  ProposalCommand,
  ProposeJointProject,
  RespondToInvitation,
  ReviewProposal,
  SubmitProposal,
  WithdrawProposal,
} from './proposal.commands.js';
import { type ProposalEvent, REVIEW_DECISIONS, type ReviewDecision } from './proposal.events.js';

export const PROPOSAL_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'CHANGES_REQUESTED',
  'ENDORSED',
  'DECLINED',
  'WITHDRAWN',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PARTNER_STATUSES = ['INVITED', 'JOINED', 'DECLINED'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/*
 * The contract's ProposalStatus machine:
 *   DRAFT -submit-> SUBMITTED -review-> ENDORSED | CHANGES_REQUESTED | DECLINED
 *   CHANGES_REQUESTED -submit-> SUBMITTED
 *   DRAFT | SUBMITTED | CHANGES_REQUESTED -withdraw-> WITHDRAWN
 * ENDORSED, DECLINED and WITHDRAWN are final. Invited countries may answer
 * until then, also while the proposal is under review.
 */
const UNDECIDED: readonly ProposalStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'];
const SUBMITTABLE: readonly ProposalStatus[] = ['DRAFT', 'CHANGES_REQUESTED'];

const STATUS_AFTER_REVIEW: Readonly<Record<ReviewDecision, ProposalStatus>> = {
  ENDORSE: 'ENDORSED',
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
  DECLINE: 'DECLINED',
};

export interface ProposalPartner {
  readonly country: CountryCode;
  readonly status: PartnerStatus;
  readonly note: string | null;
  readonly respondedAt: string | null;
  readonly respondedBy: Participant | null;
}

export interface ProposalReview {
  readonly decision: ReviewDecision;
  readonly note: string;
  readonly reviewer: Participant;
  readonly reviewedAt: string;
}

export interface JointProjectProposal {
  readonly kind: 'PROPOSAL';
  readonly status: ProposalStatus;
  readonly id: string;
  /** The lead country. */
  readonly country: CountryCode;
  readonly author: Participant;
  readonly audience: Audience;
  readonly title: string;
  readonly objectives: string;
  readonly topics: readonly Topic[];
  readonly durationMonths: number;
  readonly partners: readonly ProposalPartner[];
  readonly reviews: readonly ProposalReview[];
  readonly createdAt: string;
  /** When the proposal's latest event happened. */
  readonly updatedAt: string;
}

export type ProposalState = EmptyState | JointProjectProposal;

const NETWORK_AUDIENCE = { scope: 'NETWORK' } as const;

function requireLeadFocalPoint(actor: Actor, proposal: JointProjectProposal, action: string): void {
  if (requireFocalPoint(actor, action) !== proposal.country) {
    throw new Forbidden(`Only a focal point of the lead country ${proposal.country} may ${action}`);
  }
}

function requireStatus(proposal: JointProjectProposal, allowed: readonly ProposalStatus[], action: string): void {
  if (!allowed.includes(proposal.status)) throw new InvalidState(`A ${proposal.status} proposal cannot be ${action}`);
}

function propose(command: Issued<ProposeJointProject>, state: ProposalState): ProposalEvent[] {
  const lead = requireFocalPoint(command.actor, 'propose a joint project');
  if (state.status !== 'EMPTY') throw new InvalidState(`Proposal ${command.proposalId} already exists`);
  const input = new InputValidator();
  const data = {
    proposalId: command.proposalId,
    country: lead,
    author: participantOf(command.actor),
    title: input.text('title', command.title, INPUT_LIMITS.title),
    objectives: input.text('objectives', command.objectives, INPUT_LIMITS.body),
    topics: input.topics('topics', command.topics),
    durationMonths: input.integer('durationMonths', command.durationMonths, INPUT_LIMITS.durationMonths),
    partnerCountries: input.partnerCountries('partnerCountries', command.partnerCountries, lead),
    audience: input.audience('audience', command.audience ?? NETWORK_AUDIENCE),
    occurredAt: command.now.toISOString(),
  };
  input.throwIfInvalid();
  return [{ type: 'JointProjectProposed', data }];
}

function respond(command: Issued<RespondToInvitation>, state: ProposalState): ProposalEvent[] {
  const proposal = requireExisting(state, 'Proposal', command.proposalId);
  const country = requireFocalPoint(command.actor, 'respond to an invitation');
  const partner = proposal.partners.find((invited) => invited.country === country);
  if (!partner) throw new Forbidden(`${country} is not invited to this proposal`);
  requireStatus(proposal, UNDECIDED, 'joined or declined');
  if (partner.status !== 'INVITED') throw new InvalidState(`${country} has already responded to this invitation`);
  const input = new InputValidator();
  const note = input.optionalText('note', command.note, INPUT_LIMITS.note);
  input.throwIfInvalid();
  const data = {
    proposalId: proposal.id,
    country,
    note,
    by: participantOf(command.actor),
    occurredAt: command.now.toISOString(),
  };
  return [command.accept ? { type: 'PartnerJoined', data } : { type: 'PartnerDeclined', data }];
}

function submit(command: Issued<SubmitProposal>, state: ProposalState): ProposalEvent[] {
  const proposal = requireExisting(state, 'Proposal', command.proposalId);
  requireLeadFocalPoint(command.actor, proposal, 'submit this proposal');
  requireStatus(proposal, SUBMITTABLE, 'submitted');
  const joinedCountries = proposal.partners
    .filter((partner) => partner.status === 'JOINED')
    .map((partner) => partner.country);
  if (joinedCountries.length === 0)
    throw new InvalidState('A proposal is submitted only once a partner country has joined');
  return [
    {
      type: 'ProposalSubmitted',
      data: {
        proposalId: proposal.id,
        joinedCountries,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function review(command: Issued<ReviewProposal>, state: ProposalState): ProposalEvent[] {
  const proposal = requireExisting(state, 'Proposal', command.proposalId);
  requireSecretariat(command.actor, 'review a proposal');
  requireStatus(proposal, ['SUBMITTED'], 'reviewed');
  const input = new InputValidator();
  const decision = input.oneOf('decision', command.decision, REVIEW_DECISIONS);
  const note = input.text('note', command.note, INPUT_LIMITS.note);
  input.throwIfInvalid();
  return [
    {
      type: 'ProposalReviewed',
      data: {
        proposalId: proposal.id,
        decision,
        note,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function withdraw(command: Issued<WithdrawProposal>, state: ProposalState): ProposalEvent[] {
  const proposal = requireExisting(state, 'Proposal', command.proposalId);
  requireLeadFocalPoint(command.actor, proposal, 'withdraw this proposal');
  requireStatus(proposal, UNDECIDED, 'withdrawn');
  const input = new InputValidator();
  const reason = input.text('reason', command.reason, INPUT_LIMITS.note);
  input.throwIfInvalid();
  return [
    {
      type: 'ProposalWithdrawn',
      data: {
        proposalId: proposal.id,
        reason,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

const withResponse = (
  proposal: JointProjectProposal,
  status: PartnerStatus,
  { country, note, by, occurredAt }: { country: CountryCode; note: string | null; by: Participant; occurredAt: string },
): JointProjectProposal => ({
  ...proposal,
  partners: proposal.partners.map((partner) =>
    partner.country === country ? { country, status, note, respondedAt: occurredAt, respondedBy: by } : partner,
  ),
  updatedAt: occurredAt,
});

/*
 * An event the state cannot take leaves it unchanged: the log is the truth,
 * the deciders never write such an event, and a read must not fail on history.
 */
function evolve(state: ProposalState, event: ProposalEvent): ProposalState {
  if (event.type === 'JointProjectProposed') {
    const { proposalId, partnerCountries, occurredAt, ...proposed } = event.data;
    return {
      kind: 'PROPOSAL',
      status: 'DRAFT',
      id: proposalId,
      ...proposed,
      partners: partnerCountries.map((country) => ({
        country,
        status: 'INVITED',
        note: null,
        respondedAt: null,
        respondedBy: null,
      })),
      reviews: [],
      createdAt: occurredAt,
      updatedAt: occurredAt,
    };
  }
  if (state.status === 'EMPTY') return state;
  const updatedAt = event.data.occurredAt;
  switch (event.type) {
    case 'PartnerJoined':
      return withResponse(state, 'JOINED', event.data);
    case 'PartnerDeclined':
      return withResponse(state, 'DECLINED', event.data);
    case 'ProposalSubmitted':
      return { ...state, status: 'SUBMITTED', updatedAt };
    case 'ProposalReviewed': {
      const { decision, note, by } = event.data;
      return {
        ...state,
        status: STATUS_AFTER_REVIEW[decision],
        reviews: [...state.reviews, { decision, note, reviewer: by, reviewedAt: updatedAt }],
        updatedAt,
      };
    }
    case 'ProposalWithdrawn':
      return { ...state, status: 'WITHDRAWN', updatedAt };
  }
}

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState> = {
  decide(command, state) {
    switch (command.type) {
      case 'ProposeJointProject':
        return propose(command, state);
      case 'RespondToInvitation':
        return respond(command, state);
      case 'SubmitProposal':
        return submit(command, state);
      case 'ReviewProposal':
        return review(command, state);
      case 'WithdrawProposal':
        return withdraw(command, state);
    }
  },
  evolve,
  initialState: () => ({ status: 'EMPTY' }),
};
