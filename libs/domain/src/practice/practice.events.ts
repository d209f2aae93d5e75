import type { CountryCode, Topic } from '../reference/reference-data.js';
import type { EventOf } from '../shared/event.types.js';
import type { Audience } from '../shared/item.types.js';
import type { Link } from '../shared/link.types.js';
import type { Participant } from '../shared/participant.types.js';

export type PracticeShared = EventOf<
  'PracticeShared',
  {
    practiceId: string;
    /** The originating country: the author's. */
    country: CountryCode;
    author: Participant;
    title: string;
    summary: string;
    body: string;
    topics: readonly Topic[];
    audience: Audience;
    /** Absent from events of schema version 1, written before items had links. */
    links?: readonly Link[];
  }
>;

export interface PracticeChanges {
  readonly title?: string;
  readonly summary?: string;
  readonly body?: string;
  readonly topics?: readonly Topic[];
  readonly links?: readonly Link[];
}

/** Carries the new value of each field that changed, and only those. */
export type PracticeRevised = EventOf<
  'PracticeRevised',
  { practiceId: string; changes: PracticeChanges; by: Participant }
>;

export type PracticeWithdrawn = EventOf<'PracticeWithdrawn', { practiceId: string; reason: string; by: Participant }>;

export type PracticeAdopted = EventOf<
  'PracticeAdopted',
  {
    practiceId: string;
    /** The adopting country. */
    country: CountryCode;
    note: string | null;
    by: Participant;
  }
>;

export type PracticeEvent = PracticeShared | PracticeRevised | PracticeWithdrawn | PracticeAdopted;

/**
 * The shape version of each event's data, recorded in its metadata: a type's number goes up when its data changes shape.
 * Version 2 of PracticeShared and PracticeRevised carries links.
 */
export const PRACTICE_EVENT_SCHEMA_VERSIONS = {
  PracticeShared: 2,
  PracticeRevised: 2,
  PracticeWithdrawn: 1,
  PracticeAdopted: 1,
} as const satisfies Record<PracticeEvent['type'], number>;
