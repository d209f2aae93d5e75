import type { CountryCode, Topic } from '../reference/reference-data.js';
import { requireFocalPoint, requireSecretariat } from '../shared/actor.guards.js';
import type { Decider } from '../shared/decider.types.js';
import type { Issued } from '../shared/event.types.js';
import { Forbidden, InvalidState } from '../shared/domain.errors.js';
import { INPUT_LIMITS, InputValidator } from '../shared/input.validation.js';
import type { Audience } from '../shared/item.types.js';
import { type Link, sameLinks } from '../shared/link.types.js';
import { type Actor, isFocalPointOf, type Participant, participantOf } from '../shared/participant.types.js';
import { requireSomeField, sameMembers } from '../shared/revision.js';
import { type EmptyState, requireExisting } from '../shared/state.guards.js';
import type {
  CompleteProject,
  InvitePartner,
  ProposalCommand,
  ProposeJointProject,
  RecordProjectActivity,
  RespondToInvitation,
  ReviewProposal,
  ReviseProposal,
  StartImplementation,
  SubmitProposal,
  WithdrawProposal,
} from './proposal.commands.js';
import {
  PROJECT_ACTIVITY_KINDS,
  type ProjectActivityKind,
  type ProposalChanges,
  type ProposalEvent,
  REVIEW_DECISIONS,
  type ReviewDecision,
} from './proposal.events.js';

export const PROPOSAL_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'CHANGES_REQUESTED',
  'ENDORSED',
  'DECLINED',
  'WITHDRAWN',
  'IN_IMPLEMENTATION',
  'COMPLETED',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PARTNER_STATUSES = ['INVITED', 'JOINED', 'DECLINED'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/*
 * The contract's ProposalStatus machine:
 *   DRAFT -submit-> SUBMITTED -review-> ENDORSED | CHANGES_REQUESTED | DECLINED
 *   CHANGES_REQUESTED -submit-> SUBMITTED (reviewed again)
 *   DRAFT | SUBMITTED | CHANGES_REQUESTED -withdraw-> WITHDRAWN
 *   ENDORSED -start-> IN_IMPLEMENTATION -complete-> COMPLETED
 * DECLINED, WITHDRAWN and COMPLETED are final. The lead revises the proposal
 * and invites more partners only while it is its to change (DRAFT,
 * CHANGES_REQUESTED); invited countries may answer until a decision, also
 * while the proposal is under review; activities are recorded only while the
 * project is in implementation.
 */
const UNDECIDED: readonly ProposalStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'];
const EDITABLE: readonly ProposalStatus[] = ['DRAFT', 'CHANGES_REQUESTED'];

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

export interface ProjectActivity {
  readonly id: string;
  readonly kind: ProjectActivityKind;
  readonly title: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly venue: string | null;
  readonly countries: readonly CountryCode[];
  readonly outcome: string | null;
  readonly links: readonly Link[];
  readonly recordedBy: Participant;
  readonly recordedAt: string;
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
  readonly links: readonly Link[];
  /** Every invited country, in the order invited; a country that declined stays. */
  readonly partners: readonly ProposalPartner[];
  readonly reviews: readonly ProposalReview[];
  readonly donor: string | null;
  readonly startedOn: string | null;
  /** In the order recorded. */
  readonly activities: readonly ProjectActivity[];
  readonly completedOn: string | null;
  readonly evaluation: string | null;
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

/** The lead and the partners that joined: who runs the project once it is endorsed. */
const projectCountries = (proposal: JointProjectProposal): CountryCode[] => [
  proposal.country,
  ...proposal.partners.filter((partner) => partner.status === 'JOINED').map((partner) => partner.country),
];

function requireProjectFocalPoint(actor: Actor, proposal: JointProjectProposal, action: string): void {
  if (!projectCountries(proposal).some((country) => isFocalPointOf(actor, country))) {
    throw new Forbidden(`Only a focal point of the lead country or of a partner that joined may ${action}`);
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
    links: input.links('links', command.links),
    occurredAt: command.now.toISOString(),
  };
  input.throwIfInvalid();
  return [{ type: 'JointProjectProposed', data }];
}

function revise(command: Issued<ReviseProposal>, state: ProposalState): ProposalEvent[] {
  const proposal = requireExisting(state, 'Proposal', command.proposalId);
  requireLeadFocalPoint(command.actor, proposal, 'revise this proposal');
  requireStatus(proposal, EDITABLE, 'revised');
  const input = new InputValidator();
  const { title, objectives, topics, durationMonths, links } = command;
  requireSomeField(input, { title, objectives, topics, durationMonths, links });
  const changes: { -readonly [K in keyof ProposalChanges]: ProposalChanges[K] } = {};
  if (title != null && input.text('title', title, INPUT_LIMITS.title) !== proposal.title) changes.title = title;
  if (objectives != null && input.text('objectives', objectives, INPUT_LIMITS.body) !== proposal.objectives) {
    changes.objectives = objectives;
  }
  if (topics != null) {
    const revised = input.topics('topics', topics);
    if (!sameMembers(revised, proposal.topics)) changes.topics = revised;
  }
  if (
    durationMonths != null &&
    input.integer('durationMonths', durationMonths, INPUT_LIMITS.durationMonths) !== proposal.durationMonths
  ) {
    changes.durationMonths = durationMonths;
  }
  if (links != null) {
    const revised = input.links('links', links);
    if (!sameLinks(revised, proposal.links)) changes.links = revised;
  }
  input.throwIfInvalid();
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'ProposalRevised',
      data: {
        proposalId: proposal.id,
        changes,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function invite(command: Issued<InvitePartner>, state: ProposalState): ProposalEvent[] {
  const proposal = requireExisting(state, 'Proposal', command.proposalId);
  requireLeadFocalPoint(command.actor, proposal, 'invite partners to this proposal');
  requireStatus(proposal, EDITABLE, 'given new partners');
  const input = new InputValidator();
  const [country] = input.partnerCountries('country', [command.country], proposal.country);
  input.throwIfInvalid();
  if (country === undefined) throw new RangeError('A valid partner list of one names one country');
  if (proposal.partners.some((partner) => partner.country === country)) {
    throw new InvalidState(`${country} is already invited to this proposal`);
  }
  if (proposal.partners.length >= INPUT_LIMITS.partnerCountries.max) {
    throw new InvalidState(`A proposal has at most ${INPUT_LIMITS.partnerCountries.max} partner countries`);
  }
  return [
    {
      type: 'PartnerInvited',
      data: {
        proposalId: proposal.id,
        country,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
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
  requireStatus(proposal, EDITABLE, 'submitted');
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

function start(command: Issued<StartImplementation>, state: ProposalState): ProposalEvent[] {
  const proposal = requireExisting(state, 'Proposal', command.proposalId);
  requireLeadFocalPoint(command.actor, proposal, 'start this project');
  requireStatus(proposal, ['ENDORSED'], 'started');
  const input = new InputValidator();
  const startedOn = input.instant('startedOn', command.startedOn);
  const donor = input.optionalText('donor', command.donor, INPUT_LIMITS.name);
  input.throwIfInvalid();
  return [
    {
      type: 'ProjectStarted',
      data: {
        proposalId: proposal.id,
        startedOn,
        donor,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

function recordActivity(command: Issued<RecordProjectActivity>, state: ProposalState): ProposalEvent[] {
  const proposal = requireExisting(state, 'Proposal', command.proposalId);
  requireProjectFocalPoint(command.actor, proposal, 'record an activity of this project');
  requireStatus(proposal, ['IN_IMPLEMENTATION'], 'given activities');
  if (proposal.activities.some((activity) => activity.id === command.activityId)) {
    throw new InvalidState(`Activity ${command.activityId} already exists`);
  }
  const input = new InputValidator();
  const ends = command.endsOn ?? command.startsOn;
  const startsOn = input.instant('startsOn', command.startsOn);
  const endsOn = input.instant('endsOn', ends);
  if (ends.getTime() < command.startsOn.getTime()) input.reject('endsOn', 'must not precede startsOn');
  const data = {
    proposalId: proposal.id,
    activityId: command.activityId,
    kind: input.oneOf('kind', command.kind, PROJECT_ACTIVITY_KINDS),
    title: input.text('title', command.title, INPUT_LIMITS.title),
    startsOn,
    endsOn,
    venue: input.optionalText('venue', command.venue, INPUT_LIMITS.name),
    countries: input.activityCountries('countries', command.countries, projectCountries(proposal)),
    outcome: input.optionalText('outcome', command.outcome, INPUT_LIMITS.summary),
    links: input.links('links', command.links),
    by: participantOf(command.actor),
    occurredAt: command.now.toISOString(),
  };
  input.throwIfInvalid();
  return [{ type: 'ProjectActivityRecorded', data }];
}

function complete(command: Issued<CompleteProject>, state: ProposalState): ProposalEvent[] {
  const proposal = requireExisting(state, 'Proposal', command.proposalId);
  requireLeadFocalPoint(command.actor, proposal, 'complete this project');
  requireStatus(proposal, ['IN_IMPLEMENTATION'], 'completed');
  const input = new InputValidator();
  const completedOn = input.instant('completedOn', command.completedOn);
  if (proposal.startedOn !== null && command.completedOn.getTime() < Date.parse(proposal.startedOn)) {
    input.reject('completedOn', 'must not precede the start of implementation');
  }
  const evaluation = input.text('evaluation', command.evaluation, INPUT_LIMITS.body);
  input.throwIfInvalid();
  return [
    {
      type: 'ProjectCompleted',
      data: {
        proposalId: proposal.id,
        completedOn,
        evaluation,
        by: participantOf(command.actor),
        occurredAt: command.now.toISOString(),
      },
    },
  ];
}

const invitedPartner = (country: CountryCode): ProposalPartner => ({
  country,
  status: 'INVITED',
  note: null,
  respondedAt: null,
  respondedBy: null,
});

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
    const { proposalId, partnerCountries, occurredAt, links, ...proposed } = event.data;
    return {
      kind: 'PROPOSAL',
      status: 'DRAFT',
      id: proposalId,
      ...proposed,
      links: links ?? [],
      partners: partnerCountries.map(invitedPartner),
      reviews: [],
      donor: null,
      startedOn: null,
      activities: [],
      completedOn: null,
      evaluation: null,
      createdAt: occurredAt,
      updatedAt: occurredAt,
    };
  }
  if (state.status === 'EMPTY') return state;
  const updatedAt = event.data.occurredAt;
  switch (event.type) {
    case 'ProposalRevised':
      return { ...state, ...event.data.changes, updatedAt };
    case 'PartnerInvited':
      return { ...state, partners: [...state.partners, invitedPartner(event.data.country)], updatedAt };
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
    case 'ProjectStarted': {
      const { startedOn, donor } = event.data;
      return { ...state, status: 'IN_IMPLEMENTATION', startedOn, donor, updatedAt };
    }
    case 'ProjectActivityRecorded': {
      const { proposalId: _, activityId, by, occurredAt, ...recorded } = event.data;
      const activity = { id: activityId, ...recorded, recordedBy: by, recordedAt: occurredAt };
      return { ...state, activities: [...state.activities, activity], updatedAt };
    }
    case 'ProjectCompleted': {
      const { completedOn, evaluation } = event.data;
      return { ...state, status: 'COMPLETED', completedOn, evaluation, updatedAt };
    }
  }
}

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState> = {
  decide(command, state) {
    switch (command.type) {
      case 'ProposeJointProject':
        return propose(command, state);
      case 'ReviseProposal':
        return revise(command, state);
      case 'InvitePartner':
        return invite(command, state);
      case 'RespondToInvitation':
        return respond(command, state);
      case 'SubmitProposal':
        return submit(command, state);
      case 'ReviewProposal':
        return review(command, state);
      case 'WithdrawProposal':
        return withdraw(command, state);
      case 'StartImplementation':
        return start(command, state);
      case 'RecordProjectActivity':
        return recordActivity(command, state);
      case 'CompleteProject':
        return complete(command, state);
    }
  },
  evolve,
  initialState: () => ({ status: 'EMPTY' }),
};
