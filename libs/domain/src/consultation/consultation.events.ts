import type { CountryCode, Topic } from '../reference/reference-data.js';
import type { EventOf } from '../shared/event.types.js';
import type { Audience } from '../shared/item.types.js';
import type { Link } from '../shared/link.types.js';
import type { Participant } from '../shared/participant.types.js';

export const CONSULTATION_POSITIONS = ['NO_SIGNIFICANT_EFFECTS', 'POSSIBLE_EFFECTS', 'NEEDS_MORE_INFORMATION'] as const;
/** A consulted country's position on the possible transboundary effects. */
export type ConsultationPosition = (typeof CONSULTATION_POSITIONS)[number];

export type ConsultationRequested = EventOf<
  'ConsultationRequested',
  {
    consultationId: string;
    /** The originating country: the requesting focal point's. */
    country: CountryCode;
    author: Participant;
    title: string;
    hazardousActivity: string;
    location: string;
    body: string;
    topics: readonly Topic[];
    /** Each sees the consultation from now on, whatever the audience. */
    consultedCountries: readonly CountryCode[];
    respondBy: string;
    audience: Audience;
    links: readonly Link[];
  }
>;

/** A consulted country's response; a later one from the same country revises it. */
export type ConsultationResponded = EventOf<
  'ConsultationResponded',
  {
    consultationId: string;
    /** The responding country. */
    country: CountryCode;
    /** Who asked, so that a reader of this event alone knows whom it answers. */
    originatingCountry: CountryCode;
    position: ConsultationPosition;
    body: string;
    by: Participant;
  }
>;

export type ConsultationConcluded = EventOf<
  'ConsultationConcluded',
  { consultationId: string; conclusion: string; by: Participant }
>;

export type ConsultationWithdrawn = EventOf<
  'ConsultationWithdrawn',
  { consultationId: string; reason: string; by: Participant }
>;

export type ConsultationEvent =
  ConsultationRequested | ConsultationResponded | ConsultationConcluded | ConsultationWithdrawn;

export const CONSULTATION_EVENT_SCHEMA_VERSIONS = {
  ConsultationRequested: 1,
  ConsultationResponded: 1,
  ConsultationConcluded: 1,
  ConsultationWithdrawn: 1,
} as const satisfies Record<ConsultationEvent['type'], number>;
