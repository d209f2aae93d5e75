import type { CountryCode } from '../reference/reference-data.js';
import type { EventOf } from '../shared/event.types.js';
import type { Participant } from '../shared/participant.types.js';

export const PROGRESS_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const;
/** How far a country is with its self-assessment or its national action plan. */
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** What a profile records. */
export interface CountryProfileFields {
  readonly competentAuthorities: readonly string[];
  readonly focalPoint: string | null;
  readonly ianPointOfContact: string | null;
  readonly selfAssessment: ProgressStatus;
  readonly actionPlan: ProgressStatus;
}

export type CountryProfileUpdated = EventOf<
  'CountryProfileUpdated',
  {
    country: CountryCode;
    /** Only the fields that changed, with their new values. */
    changes: Partial<CountryProfileFields>;
    by: Participant;
  }
>;

export type CountryProfileEvent = CountryProfileUpdated;

export const COUNTRY_PROFILE_EVENT_SCHEMA_VERSIONS = {
  CountryProfileUpdated: 1,
} as const satisfies Record<CountryProfileEvent['type'], number>;
