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
] as const;
/** The contract's `Activity`: what a feed entry reports. */
export type Activity = (typeof ACTIVITIES)[number];

/*
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
  CommentPosted: 'COMMENT_POSTED',
  CommentEdited: null,
  CommentRetracted: null,
};

export const activityOf = (event: { readonly type: DomainEventType }): Activity | null => ACTIVITY_OF_EVENT[event.type];
