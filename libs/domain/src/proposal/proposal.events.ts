import type { CountryCode, Topic } from '../reference/reference-data.js';
import type { EventOf } from '../shared/event.types.js';
import type { Audience } from '../shared/item.types.js';
import type { Link } from '../shared/link.types.js';
import type { Participant } from '../shared/participant.types.js';

export const REVIEW_DECISIONS = ['ENDORSE', 'REQUEST_CHANGES', 'DECLINE'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export type JointProjectProposed = EventOf<
  'JointProjectProposed',
  {
    proposalId: string;
    /** The lead country: the proposing focal point's. */
    country: CountryCode;
    author: Participant;
    title: string;
    objectives: string;
    topics: readonly Topic[];
    durationMonths: number;
    /** The countries invited at creation; each sees the proposal from now on, whatever it answers. */
    partnerCountries: readonly CountryCode[];
    audience: Audience;
    /** Absent from events of schema version 1, written before items had links. */
    links?: readonly Link[];
  }
>;

export interface ProposalChanges {
  readonly title?: string;
  readonly objectives?: string;
  readonly topics?: readonly Topic[];
  readonly durationMonths?: number;
  readonly links?: readonly Link[];
}

/** Carries the new value of each field that changed, and only those. */
export type ProposalRevised = EventOf<
  'ProposalRevised',
  { proposalId: string; changes: ProposalChanges; by: Participant }
>;

/** One more partner country, which sees the proposal from now on, whatever it answers. */
export type PartnerInvited = EventOf<'PartnerInvited', { proposalId: string; country: CountryCode; by: Participant }>;

export type PartnerJoined = EventOf<
  'PartnerJoined',
  { proposalId: string; country: CountryCode; note: string | null; by: Participant }
>;

export type PartnerDeclined = EventOf<
  'PartnerDeclined',
  { proposalId: string; country: CountryCode; note: string | null; by: Participant }
>;

export type ProposalSubmitted = EventOf<
  'ProposalSubmitted',
  {
    proposalId: string;
    /** The partners that had joined when it was submitted: what the secretariat reviews. */
    joinedCountries: readonly CountryCode[];
    by: Participant;
  }
>;

export type ProposalReviewed = EventOf<
  'ProposalReviewed',
  { proposalId: string; decision: ReviewDecision; note: string; by: Participant }
>;

export type ProposalWithdrawn = EventOf<'ProposalWithdrawn', { proposalId: string; reason: string; by: Participant }>;

export type ProjectStarted = EventOf<
  'ProjectStarted',
  { proposalId: string; startedOn: string; donor: string | null; by: Participant }
>;

export const PROJECT_ACTIVITY_KINDS = [
  'INCEPTION_WORKSHOP',
  'NATIONAL_EXPERT_GROUP_MEETING',
  'SUBREGIONAL_WORKSHOP',
  'TRAINING',
  'SITE_VISIT',
  'FACT_FINDING_MISSION',
  'HIGH_LEVEL_MISSION',
  'POLICY_DIALOGUE',
  'PUBLICATION',
  'EVALUATION',
  'OTHER',
] as const;
export type ProjectActivityKind = (typeof PROJECT_ACTIVITY_KINDS)[number];

/** Something the project did, as recorded; `startsOn` and `endsOn` are when it happened, `occurredAt` when it was recorded. */
export type ProjectActivityRecorded = EventOf<
  'ProjectActivityRecorded',
  {
    proposalId: string;
    activityId: string;
    kind: ProjectActivityKind;
    title: string;
    startsOn: string;
    endsOn: string;
    venue: string | null;
    countries: readonly CountryCode[];
    outcome: string | null;
    links: readonly Link[];
    by: Participant;
  }
>;

export type ProjectCompleted = EventOf<
  'ProjectCompleted',
  { proposalId: string; completedOn: string; evaluation: string; by: Participant }
>;

export type ProposalEvent =
  | JointProjectProposed
  | ProposalRevised
  | PartnerInvited
  | PartnerJoined
  | PartnerDeclined
  | ProposalSubmitted
  | ProposalReviewed
  | ProposalWithdrawn
  | ProjectStarted
  | ProjectActivityRecorded
  | ProjectCompleted;

/** Version 2 of JointProjectProposed carries links. */
export const PROPOSAL_EVENT_SCHEMA_VERSIONS = {
  JointProjectProposed: 2,
  ProposalRevised: 1,
  PartnerInvited: 1,
  PartnerJoined: 1,
  PartnerDeclined: 1,
  ProposalSubmitted: 1,
  ProposalReviewed: 1,
  ProposalWithdrawn: 1,
  ProjectStarted: 1,
  ProjectActivityRecorded: 1,
  ProjectCompleted: 1,
} as const satisfies Record<ProposalEvent['type'], number>;
