import type { CountryCode, Topic } from '../reference/reference-data.js';
import type { EventOf } from '../shared/event.types.js';
import type { Audience } from '../shared/item.types.js';
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
    /** Every invited country; each sees the proposal from now on, whatever it answers. */
    partnerCountries: readonly CountryCode[];
    audience: Audience;
  }
>;

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

export type ProposalEvent =
  JointProjectProposed | PartnerJoined | PartnerDeclined | ProposalSubmitted | ProposalReviewed | ProposalWithdrawn;

export const PROPOSAL_EVENT_SCHEMA_VERSIONS = {
  JointProjectProposed: 1,
  PartnerJoined: 1,
  PartnerDeclined: 1,
  ProposalSubmitted: 1,
  ProposalReviewed: 1,
  ProposalWithdrawn: 1,
} as const satisfies Record<ProposalEvent['type'], number>;
