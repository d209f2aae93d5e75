import type { CountryCode } from '../reference/reference-data.js';
import type { Participant } from '../shared/participant.types.js';

/** A fixed instant: tests never read the clock. */
export const NOW = new Date('2019-03-14T09:00:00.000Z');

export const minutesAfterNow = (minutes: number): Date => new Date(NOW.getTime() + minutes * 60_000);

export const participantOfCountry = (
  country: CountryCode,
  id = `participant-${country.toLowerCase()}`,
): Participant => ({
  id,
  name: `Participant of ${country}`,
  country,
  roles: ['PARTICIPANT'],
});

export const focalPointOf = (country: CountryCode, id = `focal-point-${country.toLowerCase()}`): Participant => ({
  id,
  name: `Focal point of ${country}`,
  country,
  roles: ['PARTICIPANT', 'FOCAL_POINT'],
});

export const SECRETARIAT: Participant = {
  id: 'secretariat',
  name: 'Secretariat',
  country: null,
  roles: ['SECRETARIAT'],
};

/** Authenticated, but with no role a command accepts. */
export const roleless = (country: CountryCode): Participant => ({
  id: `roleless-${country}`,
  name: 'No role',
  country,
  roles: [],
});
