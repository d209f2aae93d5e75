import type { CountryCode } from '../reference/reference-data.js';
import { Forbidden } from './domain.errors.js';
import { type Actor, isFocalPointOf, isSecretariat, type Participant } from './participant.types.js';

/** The acting country of someone who acts for a beneficiary country, or Forbidden. */
export function requireCountryParticipant(actor: Actor, action: string): CountryCode {
  if (actor.country === null || !actor.roles.some((role) => role === 'PARTICIPANT' || role === 'FOCAL_POINT')) {
    throw new Forbidden(`Only a participant of a beneficiary country may ${action}`);
  }
  return actor.country;
}

export function requireFocalPoint(actor: Actor, action: string): CountryCode {
  if (actor.country === null || !actor.roles.includes('FOCAL_POINT')) {
    throw new Forbidden(`Only a focal point may ${action}`);
  }
  return actor.country;
}

/** Who may edit an item's own content and lifecycle: its author, or a focal point of its country. */
export function requireAuthorOrFocalPoint(
  actor: Actor,
  item: { readonly author: Participant; readonly country: CountryCode },
  action: string,
): void {
  if (actor.id !== item.author.id && !isFocalPointOf(actor, item.country)) {
    throw new Forbidden(`Only the author or a focal point of ${item.country} may ${action}`);
  }
}

export function requireSecretariat(actor: Actor, action: string): void {
  if (!isSecretariat(actor)) throw new Forbidden(`Only the secretariat may ${action}`);
}
