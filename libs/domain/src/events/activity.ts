import type { DomainEventType } from './domain-event.js';

export const ACTIVITIES = [
  'PRACTICE_SHARED',
  'PRACTICE_REVISED',
  'PRACTICE_WITHDRAWN',
  'PRACTICE_ADOPTED',
  'QUESTION_ASKED',
  'QUESTION_ANSWERED',
  'ANSWER_ACCEPTED',
  'QUESTION_CLOSED',
  'PROPOSAL_CREATED',
  'PARTNER_JOINED',
  'PARTNER_DECLINED',
  'PROPOSAL_SUBMITTED',
  'PROPOSAL_REVIEWED',
  'PROPOSAL_WITHDRAWN',
  'COMMENT_POSTED',
  'CONSULTATION_REQUESTED',
  'CONSULTATION_RESPONDED',
  'CONSULTATION_CONCLUDED',
  'CONSULTATION_WITHDRAWN',
  'COUNTRY_PROFILE_UPDATED',
] as const;
/** The contract's `Activity`: what a feed entry reports and statistics count. */
export type Activity = (typeof ACTIVITIES)[number];

/*
 * COUNTRY_PROFILE_UPDATED is counted in statistics but is no feed entry: a
 * profile is not an item, and only events of an item make feed entries.
 * Null: the event changes an item without making a feed entry. The contract
 * has no activity for edits and retractions of comments (a feed must not
 * advertise a comment that is gone) nor for a question reopened by the
 * secretariat.
 */
const ACTIVITY_OF_EVENT: Readonly<Record<DomainEventType, Activity | null>> = {
  PracticeShared: 'PRACTICE_SHARED',
  PracticeRevised: 'PRACTICE_REVISED',
  PracticeWithdrawn: 'PRACTICE_WITHDRAWN',
  PracticeAdopted: 'PRACTICE_ADOPTED',
  QuestionAsked: 'QUESTION_ASKED',
  QuestionAnswered: 'QUESTION_ANSWERED',
  AnswerAccepted: 'ANSWER_ACCEPTED',
  QuestionClosed: 'QUESTION_CLOSED',
  QuestionReopened: null,
  JointProjectProposed: 'PROPOSAL_CREATED',
  PartnerJoined: 'PARTNER_JOINED',
  PartnerDeclined: 'PARTNER_DECLINED',
  ProposalSubmitted: 'PROPOSAL_SUBMITTED',
  ProposalReviewed: 'PROPOSAL_REVIEWED',
  ProposalWithdrawn: 'PROPOSAL_WITHDRAWN',
  ConsultationRequested: 'CONSULTATION_REQUESTED',
  ConsultationResponded: 'CONSULTATION_RESPONDED',
  ConsultationConcluded: 'CONSULTATION_CONCLUDED',
  ConsultationWithdrawn: 'CONSULTATION_WITHDRAWN',
  CommentPosted: 'COMMENT_POSTED',
  CommentEdited: null,
  CommentRetracted: null,
  CountryProfileUpdated: 'COUNTRY_PROFILE_UPDATED',
};

export const activityOf = (event: { readonly type: DomainEventType }): Activity | null => ACTIVITY_OF_EVENT[event.type];
