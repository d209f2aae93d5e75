import type { Decider } from '../shared/decider.types.js';
import { Forbidden } from '../shared/domain.errors.js';
import type { Issued } from '../shared/event.types.js';
import { INPUT_LIMITS, InputValidator } from '../shared/input.validation.js';
import { isFocalPointOf, isSecretariat, participantOf } from '../shared/participant.types.js';
import type { CountryProfileCommand } from './country-profile.commands.js';
import { type CountryProfileEvent, type CountryProfileFields, PROGRESS_STATUSES } from './country-profile.events.js';

/**
 * Every country has a profile, empty until its first update, so the state has
 * one shape: the fields and when they last changed.
 */
export interface CountryProfile extends CountryProfileFields {
  /** Null while nothing was ever recorded. */
  readonly updatedAt: string | null;
}

export type CountryProfileState = CountryProfile;

export const EMPTY_COUNTRY_PROFILE: CountryProfile = {
  competentAuthorities: [],
  focalPoint: null,
  ianPointOfContact: null,
  selfAssessment: 'NOT_STARTED',
  actionPlan: 'NOT_STARTED',
  updatedAt: null,
};

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/*
 * An update that changes nothing records nothing: a form sent back as it
 * was is no act worth a line in the history or the statistics.
 */
function update(command: Issued<CountryProfileCommand>, profile: CountryProfile): CountryProfileEvent[] {
  const { actor } = command;
  const input = new InputValidator();
  const country = input.country('country', command.country);
  if (!isSecretariat(actor) && !isFocalPointOf(actor, country)) {
    throw new Forbidden(`Only a focal point of ${command.country} or the secretariat may update its profile`);
  }
  const changes: { -readonly [Field in keyof CountryProfileFields]?: CountryProfileFields[Field] } = {};
  if (command.competentAuthorities != null) {
    const authorities = input.texts(
      'competentAuthorities',
      command.competentAuthorities,
      INPUT_LIMITS.competentAuthority,
      INPUT_LIMITS.competentAuthorities,
    );
    if (!sameList(authorities, profile.competentAuthorities)) changes.competentAuthorities = authorities;
  }
  for (const field of ['focalPoint', 'ianPointOfContact'] as const) {
    const value = command[field];
    if (value === undefined) continue;
    const text = input.optionalText(field, value, INPUT_LIMITS.contact);
    if (text !== profile[field]) changes[field] = text;
  }
  for (const field of ['selfAssessment', 'actionPlan'] as const) {
    const value = command[field];
    if (value == null) continue;
    const status = input.oneOf(field, value, PROGRESS_STATUSES);
    if (status !== profile[field]) changes[field] = status;
  }
  input.throwIfInvalid();
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'CountryProfileUpdated',
      data: { country, changes, by: participantOf(actor), occurredAt: command.now.toISOString() },
    },
  ];
}

const evolve = (profile: CountryProfile, event: CountryProfileEvent): CountryProfile => ({
  ...profile,
  ...event.data.changes,
  updatedAt: event.data.occurredAt,
});

export const countryProfileDecider: Decider<CountryProfileCommand, CountryProfileEvent, CountryProfileState> = {
  decide: update,
  evolve,
  initialState: () => EMPTY_COUNTRY_PROFILE,
};
