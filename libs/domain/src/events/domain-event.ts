import { CONSULTATION_EVENT_SCHEMA_VERSIONS, type ConsultationEvent } from '../consultation/consultation.events.js';
import {
  COUNTRY_PROFILE_EVENT_SCHEMA_VERSIONS,
  type CountryProfileEvent,
} from '../country-profile/country-profile.events.js';
import { DISCUSSION_EVENT_SCHEMA_VERSIONS, type DiscussionEvent } from '../discussion/discussion.events.js';
import { PARTICIPANT_EVENT_SCHEMA_VERSIONS, type ParticipantEvent } from '../participant/participant.events.js';
import { PRACTICE_EVENT_SCHEMA_VERSIONS, type PracticeEvent } from '../practice/practice.events.js';
import { PROPOSAL_EVENT_SCHEMA_VERSIONS, type ProposalEvent } from '../proposal/proposal.events.js';
import { QUESTION_EVENT_SCHEMA_VERSIONS, type QuestionEvent } from '../question/question.events.js';
import { readEvent, type StoredEvent } from '../shared/event.types.js';
import type { ItemKind } from '../shared/item.types.js';

export type DomainEvent =
  | PracticeEvent
  | QuestionEvent
  | ProposalEvent
  | ConsultationEvent
  | DiscussionEvent
  | CountryProfileEvent
  | ParticipantEvent;
export type DomainEventType = DomainEvent['type'];

/**
 * The shape version of each event type's data, recorded in the event's
 * metadata. A type's number goes up when its data changes shape, so that a
 * reader can upcast old events; each type moves on its own.
 */
export const EVENT_SCHEMA_VERSIONS = {
  ...PRACTICE_EVENT_SCHEMA_VERSIONS,
  ...QUESTION_EVENT_SCHEMA_VERSIONS,
  ...PROPOSAL_EVENT_SCHEMA_VERSIONS,
  ...CONSULTATION_EVENT_SCHEMA_VERSIONS,
  ...DISCUSSION_EVENT_SCHEMA_VERSIONS,
  ...COUNTRY_PROFILE_EVENT_SCHEMA_VERSIONS,
  ...PARTICIPANT_EVENT_SCHEMA_VERSIONS,
} as const satisfies Record<DomainEventType, number>;

export const DOMAIN_EVENT_TYPES = Object.keys(EVENT_SCHEMA_VERSIONS) as DomainEventType[];

export const isDomainEventType = (type: string): type is DomainEventType => Object.hasOwn(EVENT_SCHEMA_VERSIONS, type);

/** A stored event as a domain event, or null for a type this domain does not know (system events, other writers). */
export const toDomainEvent = (stored: StoredEvent): DomainEvent | null =>
  readEvent<DomainEvent>(EVENT_SCHEMA_VERSIONS, stored);

export interface ItemRef {
  readonly kind: ItemKind;
  readonly id: string;
}

/** The events of a country's own stream, which concern no item. */
export const isCountryProfileEvent = (event: DomainEvent): event is CountryProfileEvent =>
  event.type === 'CountryProfileUpdated';

/** The events of a participant's own stream, which concern no item's stream. */
export const isParticipantEvent = (event: DomainEvent): event is ParticipantEvent =>
  event.type === 'ParticipantRecorded' ||
  event.type === 'ItemWatched' ||
  event.type === 'ItemUnwatched' ||
  event.type === 'NotificationsMarkedRead';

/** The events of an item's stream or of its discussion. */
export type ItemConcernedEvent = Exclude<DomainEvent, CountryProfileEvent | ParticipantEvent>;

export const isItemConcernedEvent = (event: DomainEvent): event is ItemConcernedEvent =>
  !isCountryProfileEvent(event) && !isParticipantEvent(event);

/** The item an event concerns; for comment events, the item discussed. */
export function itemOf(event: ItemConcernedEvent): ItemRef {
  switch (event.type) {
    case 'PracticeShared':
    case 'PracticeRevised':
    case 'PracticeWithdrawn':
    case 'PracticeAdopted':
      return { kind: 'PRACTICE', id: event.data.practiceId };
    case 'QuestionAsked':
    case 'QuestionRevised':
    case 'QuestionAnswered':
    case 'AnswerEdited':
    case 'AnswerAccepted':
    case 'QuestionClosed':
    case 'QuestionReopened':
      return { kind: 'QUESTION', id: event.data.questionId };
    case 'JointProjectProposed':
    case 'ProposalRevised':
    case 'PartnerInvited':
    case 'PartnerJoined':
    case 'PartnerDeclined':
    case 'ProposalSubmitted':
    case 'ProposalReviewed':
    case 'ProposalWithdrawn':
    case 'ProjectStarted':
    case 'ProjectActivityRecorded':
    case 'ProjectCompleted':
      return { kind: 'PROPOSAL', id: event.data.proposalId };
    case 'ConsultationRequested':
    case 'ConsultationResponded':
    case 'ConsultationConcluded':
    case 'ConsultationWithdrawn':
      return { kind: 'CONSULTATION', id: event.data.consultationId };
    case 'CommentPosted':
    case 'CommentEdited':
    case 'CommentRetracted':
      return { kind: event.data.itemKind, id: event.data.itemId };
  }
}

export const isDiscussionEvent = (event: DomainEvent): event is DiscussionEvent =>
  event.type === 'CommentPosted' || event.type === 'CommentEdited' || event.type === 'CommentRetracted';
