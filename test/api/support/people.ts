import type { CountryCode, Participant, Role } from '@coop/domain';
import { people } from '../../support/participants.js';

/** Someone of `country` with `roles`, under an id of their own. */
export function person(id: string, country: CountryCode | null, roles: Role[] = ['PARTICIPANT']): Participant {
  return { id, name: `${id} (${country ?? 'secretariat'})`, country, roles };
}

/** The shared cast, plus the people the suites need beside them. */
export const cast = {
  ...people,
  /** Another Kazakh participant: same country as the authors, neither author nor focal point. */
  kzColleague: person('kz-colleague', 'KZ'),
  /** A second Kazakh focal point: not the author of what kzFocalPoint proposes. */
  kzFocalPoint2: person('kz-fp-2', 'KZ', ['FOCAL_POINT']),
  geFocalPoint: person('ge-fp', 'GE', ['FOCAL_POINT']),
  kgFocalPoint: person('kg-fp', 'KG', ['FOCAL_POINT']),
  tjFocalPoint: person('tj-fp', 'TJ', ['FOCAL_POINT']),
  amExpert: person('am-expert', 'AM'),
  mdExpert: person('md-expert', 'MD'),
  alExpert: person('al-expert', 'AL'),
} satisfies Record<string, Participant>;
