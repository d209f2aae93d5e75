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
  'QUESTION_REVISED',
  'ANSWER_EDITED',
  'QUESTION_REOPENED',
  'PROPOSAL_REVISED',
  'PARTNER_INVITED',
  'PROJECT_STARTED',
  'PROJECT_ACTIVITY_RECORDED',
  'PROJECT_COMPLETED',
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
 * advertise a comment that is gone). A participant's own events (directory,
 * watches, read marks) are nobody else's business.
 */
const ACTIVITY_OF_EVENT: Readonly<Record<DomainEventType, Activity | null>> = {
  PracticeShared: 'PRACTICE_SHARED',
  PracticeRevised: 'PRACTICE_REVISED',
  PracticeWithdrawn: 'PRACTICE_WITHDRAWN',
  PracticeAdopted: 'PRACTICE_ADOPTED',
  QuestionAsked: 'QUESTION_ASKED',
  QuestionRevised: 'QUESTION_REVISED',
  QuestionAnswered: 'QUESTION_ANSWERED',
  AnswerEdited: 'ANSWER_EDITED',
  AnswerAccepted: 'ANSWER_ACCEPTED',
  QuestionClosed: 'QUESTION_CLOSED',
  QuestionReopened: 'QUESTION_REOPENED',
  JointProjectProposed: 'PROPOSAL_CREATED',
  ProposalRevised: 'PROPOSAL_REVISED',
  PartnerInvited: 'PARTNER_INVITED',
  PartnerJoined: 'PARTNER_JOINED',
  PartnerDeclined: 'PARTNER_DECLINED',
  ProposalSubmitted: 'PROPOSAL_SUBMITTED',
  ProposalReviewed: 'PROPOSAL_REVIEWED',
  ProposalWithdrawn: 'PROPOSAL_WITHDRAWN',
  ProjectStarted: 'PROJECT_STARTED',
  ProjectActivityRecorded: 'PROJECT_ACTIVITY_RECORDED',
  ProjectCompleted: 'PROJECT_COMPLETED',
  ConsultationRequested: 'CONSULTATION_REQUESTED',
  ConsultationResponded: 'CONSULTATION_RESPONDED',
  ConsultationConcluded: 'CONSULTATION_CONCLUDED',
  ConsultationWithdrawn: 'CONSULTATION_WITHDRAWN',
  CommentPosted: 'COMMENT_POSTED',
  CommentEdited: null,
  CommentRetracted: null,
  CountryProfileUpdated: 'COUNTRY_PROFILE_UPDATED',
  ParticipantRecorded: null,
  ItemWatched: null,
  ItemUnwatched: null,
  NotificationsMarkedRead: null,
};

export const activityOf = (event: { readonly type: DomainEventType }): Activity | null => ACTIVITY_OF_EVENT[event.type];
