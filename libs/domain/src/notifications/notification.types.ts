import type { CountryCode } from '../reference/reference-data.js';
import type { Viewer } from '../shared/participant.types.js';

/**
 * Why someone is notified, in the contract's order, which is also the order
 * of precedence: when one event concerns a participant in several ways, their
 * notification gives the first of these reasons.
 */
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

/** Lower goes first. */
export const precedenceOf = (reason: NotificationReason): number => NOTIFICATION_REASONS.indexOf(reason);

/**
 * Whom a notification is for. A country's focal points and a country's
 * participants are groups resolved when a viewer reads, not when the event is
 * projected: someone who joins the group later, or has never used the service,
 * finds what was addressed to it.
 */
export type Addressee =
  | { readonly to: 'PARTICIPANT'; readonly participantId: string }
  | { readonly to: 'FOCAL_POINTS'; readonly country: CountryCode }
  | { readonly to: 'COUNTRY'; readonly country: CountryCode };

export interface Notice {
  readonly addressee: Addressee;
  readonly reason: NotificationReason;
}

/**
 * Every addressee a viewer, as their token says now, answers to: themselves,
 * and the groups of their country their roles put them in.
 */
export function addresseesOf(viewer: Viewer): Addressee[] {
  const own: Addressee = { to: 'PARTICIPANT', participantId: viewer.id };
  if (viewer.country === null) return [own];
  const country: Addressee = { to: 'COUNTRY', country: viewer.country };
  return viewer.roles.includes('FOCAL_POINT')
    ? [own, country, { to: 'FOCAL_POINTS', country: viewer.country }]
    : [own, country];
}
