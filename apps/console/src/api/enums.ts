/*
 * The values of the public schema's enums, in the order the console shows
 * them. A test compares them with the service's schema.graphql, so a value the
 * API adds shows up as a failing test until it has its catalogue entries.
 */

export const SUBREGIONS = ['SOUTH_EASTERN_EUROPE', 'EASTERN_EUROPE', 'CAUCASUS', 'CENTRAL_ASIA'] as const;
export type Subregion = (typeof SUBREGIONS)[number];

export const ITEM_KINDS = ['PRACTICE', 'QUESTION', 'PROPOSAL', 'CONSULTATION'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const TOPICS = [
  'IDENTIFICATION',
  'NOTIFICATION',
  'TRANSBOUNDARY_CONSULTATION',
  'PREVENTION',
  'LAND_USE_PLANNING',
  'PREPAREDNESS',
  'RESPONSE',
  'MUTUAL_ASSISTANCE',
  'IAN_SYSTEM',
  'PUBLIC_INFORMATION',
  'COMPETENT_AUTHORITIES',
  'LEGISLATION',
  'INSTITUTIONAL_CAPACITY',
  'SELF_ASSESSMENT',
  'ACTION_PLAN',
  'RISK_ASSESSMENT',
  'TAILINGS_SAFETY',
  'NATECH',
  'HOT_SPOTS',
  'ACCIDENTAL_WATER_POLLUTION',
  'SEVESO_III',
  'CHEMICALS_MANAGEMENT',
  'TRAINING',
] as const;
export type Topic = (typeof TOPICS)[number];

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
export type Activity = (typeof ACTIVITIES)[number];

export const ROLES = ['PARTICIPANT', 'FOCAL_POINT', 'SECRETARIAT'] as const;
export type Role = (typeof ROLES)[number];

export const AUDIENCE_SCOPES = ['NETWORK', 'SUBREGIONS', 'COUNTRIES'] as const;
export const PRACTICE_STATUSES = ['PUBLISHED', 'WITHDRAWN'] as const;
export const QUESTION_STATUSES = ['OPEN', 'ANSWERED', 'CLOSED'] as const;
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
export const PARTNER_STATUSES = ['INVITED', 'JOINED', 'DECLINED'] as const;
export const REVIEW_DECISIONS = ['ENDORSE', 'REQUEST_CHANGES', 'DECLINE'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
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
export const LINK_KINDS = ['GUIDE', 'TEMPLATE', 'REPORT', 'MAP', 'PRESENTATION', 'LEGISLATION', 'OTHER'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const CONSULTATION_STATUSES = ['OPEN', 'CONCLUDED', 'WITHDRAWN'] as const;
export const CONSULTATION_POSITIONS = ['NO_SIGNIFICANT_EFFECTS', 'POSSIBLE_EFFECTS', 'NEEDS_MORE_INFORMATION'] as const;
export type ConsultationPosition = (typeof CONSULTATION_POSITIONS)[number];
export const PROGRESS_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
export const NOTIFICATION_REASONS = [
  'PARTNER_INVITATION',
  'PARTNER_RESPONDED',
  'PROPOSAL_REVIEWED',
  'ANSWER_RECEIVED',
  'ANSWER_ACCEPTED',
  'PRACTICE_ADOPTED',
  'REPLY',
  'MENTION',
  'CONSULTATION_REQUESTED',
  'CONSULTATION_RESPONSE',
  'WATCHED_ITEM',
] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

/** Every schema enum the console names, by its GraphQL name; the catalogues hold `enum.<name>.<value>` for each. */
export const SCHEMA_ENUMS = {
  Subregion: SUBREGIONS,
  ItemKind: ITEM_KINDS,
  Topic: TOPICS,
  Activity: ACTIVITIES,
  Role: ROLES,
  AudienceScope: AUDIENCE_SCOPES,
  PracticeStatus: PRACTICE_STATUSES,
  QuestionStatus: QUESTION_STATUSES,
  ProposalStatus: PROPOSAL_STATUSES,
  PartnerStatus: PARTNER_STATUSES,
  ReviewDecision: REVIEW_DECISIONS,
  ProjectActivityKind: PROJECT_ACTIVITY_KINDS,
  LinkKind: LINK_KINDS,
  ConsultationStatus: CONSULTATION_STATUSES,
  ConsultationPosition: CONSULTATION_POSITIONS,
  ProgressStatus: PROGRESS_STATUSES,
  NotificationReason: NOTIFICATION_REASONS,
} as const satisfies Record<string, readonly string[]>;

export type SchemaEnum = keyof typeof SCHEMA_ENUMS;
