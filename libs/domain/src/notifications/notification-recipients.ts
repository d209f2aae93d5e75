import { activityOf } from '../events/activity.js';
import { type DomainEvent, type ItemConcernedEvent, isItemConcernedEvent } from '../events/domain-event.js';
import type { ItemState } from '../items/item-fold.js';
import type { CountryCode } from '../reference/reference-data.js';
import type { Addressee, Notice, NotificationReason } from './notification.types.js';

/** What deciding the recipients of an event needs besides the event. */
export interface NotificationContext {
  /** The item the event concerns, with the event folded in. */
  readonly item: ItemState;
  /** Who wrote a comment of the item, by id; null for a comment the item does not have. */
  commentAuthor(commentId: string): string | null;
  /** Ids of the participants watching the item when the event happened. */
  readonly watchers: readonly string[];
}

type EventOfType<Type extends ItemConcernedEvent['type']> = Extract<ItemConcernedEvent, { readonly type: Type }>;
type NoticesOf<Event> = (event: Event, context: NotificationContext) => readonly Notice[];

const participant = (participantId: string | null | undefined, reason: NotificationReason): Notice[] =>
  participantId == null ? [] : [{ addressee: { to: 'PARTICIPANT', participantId }, reason }];

const focalPoints = (country: CountryCode, reason: NotificationReason): Notice => ({
  addressee: { to: 'FOCAL_POINTS', country },
  reason,
});

const countryParticipants = (country: CountryCode, reason: NotificationReason): Notice => ({
  addressee: { to: 'COUNTRY', country },
  reason,
});

const none: NoticesOf<unknown> = () => [];

/**
 * Whom each event addresses by right, beyond the item's watchers (the
 * contract's NotificationReason says whom each reason is for). One entry per
 * event type, so a new event type does not compile until it says.
 */
const DIRECT_NOTICES: { readonly [Type in ItemConcernedEvent['type']]: NoticesOf<EventOfType<Type>> } = {
  PracticeShared: none,
  PracticeRevised: none,
  PracticeWithdrawn: none,
  PracticeAdopted: (_, { item }) => participant(item.author.id, 'PRACTICE_ADOPTED'),
  QuestionAsked: none,
  QuestionRevised: none,
  QuestionAnswered: (_, { item }) => participant(item.author.id, 'ANSWER_RECEIVED'),
  AnswerEdited: none,
  AnswerAccepted: (event) => participant(event.data.answerAuthor.id, 'ANSWER_ACCEPTED'),
  QuestionClosed: none,
  QuestionReopened: none,
  JointProjectProposed: (event) =>
    event.data.partnerCountries.map((country) => focalPoints(country, 'PARTNER_INVITATION')),
  ProposalRevised: none,
  PartnerInvited: (event) => [focalPoints(event.data.country, 'PARTNER_INVITATION')],
  PartnerJoined: (_, { item }) => [focalPoints(item.country, 'PARTNER_RESPONDED')],
  PartnerDeclined: (_, { item }) => [focalPoints(item.country, 'PARTNER_RESPONDED')],
  ProposalSubmitted: none,
  ProposalReviewed: (_, { item }) => [focalPoints(item.country, 'PROPOSAL_REVIEWED')],
  ProposalWithdrawn: none,
  ProjectStarted: none,
  ProjectActivityRecorded: none,
  ProjectCompleted: none,
  ConsultationRequested: (event) =>
    event.data.consultedCountries.map((country) => countryParticipants(country, 'CONSULTATION_REQUESTED')),
  ConsultationResponded: (event, { item }) => [
    focalPoints(event.data.originatingCountry, 'CONSULTATION_RESPONSE'),
    ...participant(item.author.id, 'CONSULTATION_RESPONSE'),
  ],
  ConsultationConcluded: none,
  ConsultationWithdrawn: none,
  CommentPosted: (event, context) => [
    ...participant(event.data.replyTo === null ? null : context.commentAuthor(event.data.replyTo), 'REPLY'),
    ...(event.data.mentions ?? []).flatMap((mentioned) => participant(mentioned.id, 'MENTION')),
  ],
  CommentEdited: none,
  CommentRetracted: none,
};

const directNotices = (event: ItemConcernedEvent, context: NotificationContext): readonly Notice[] =>
  // The table's entry for this event's type takes this event: TypeScript does not see the correlation.
  (DIRECT_NOTICES[event.type] as NoticesOf<ItemConcernedEvent>)(event, context);

const participantKey = (addressee: Addressee): string | null =>
  addressee.to === 'PARTICIPANT' ? addressee.participantId : null;

/**
 * The notifications an event makes: whom it addresses by right, and every
 * watcher of its item with WATCHED_ITEM. Only an activity (a feed entry)
 * notifies, since a notification shows the entry. The actor is never notified
 * of their own act: they are left out here, and out of the groups when a
 * viewer reads. A participant addressed several ways gets one notice, with
 * the first reason: what the event addresses by right before watching, a
 * reply before a mention.
 */
export function notificationsOf(event: DomainEvent, actorId: string, context: NotificationContext): Notice[] {
  if (!isItemConcernedEvent(event) || activityOf(event) === null) return [];
  const candidates = [
    ...directNotices(event, context),
    ...context.watchers.flatMap((watcher) => participant(watcher, 'WATCHED_ITEM')),
  ];
  const byParticipant = new Map<string, Notice>();
  const groups: Notice[] = [];
  for (const notice of candidates) {
    const id = participantKey(notice.addressee);
    if (id === null) {
      groups.push(notice);
      continue;
    }
    if (id === actorId) continue;
    if (!byParticipant.has(id)) byParticipant.set(id, notice);
  }
  return [...groups, ...byParticipant.values()];
}
