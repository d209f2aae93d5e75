import type { CountryCode } from '../reference/reference-data.js';

export const ROLES = ['PARTICIPANT', 'FOCAL_POINT', 'SECRETARIAT'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/**
 * Someone authenticated. `country` is null only for the secretariat. The same
 * shape is the actor of a command, the viewer of a query and the author
 * recorded in an event.
 */
export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly country: CountryCode | null;
  readonly roles: readonly Role[];
}

export type Actor = Participant;
export type Viewer = Participant;

export const isSecretariat = (participant: Participant): boolean => participant.roles.includes('SECRETARIAT');

export const isFocalPointOf = (participant: Participant, country: CountryCode): boolean =>
  participant.country === country && participant.roles.includes('FOCAL_POINT');

/**
 * The participant as recorded in an event: exactly these fields, copied, so
 * whatever else the caller's object carries (token claims, …) never lands in
 * the immutable log.
 */
export const participantOf = (actor: Actor): Participant => ({
  id: actor.id,
  name: actor.name,
  country: actor.country,
  roles: [...actor.roles],
});
