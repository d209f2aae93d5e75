import type { CountryCode, Subregion } from '../reference/reference-data.js';

export const ITEM_KINDS = ['PRACTICE', 'QUESTION', 'PROPOSAL', 'CONSULTATION'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const AUDIENCE_SCOPES = ['NETWORK', 'SUBREGIONS', 'COUNTRIES'] as const;
export type AudienceScope = (typeof AUDIENCE_SCOPES)[number];

/** A validated audience: the list the scope needs is non-empty, the other one is empty. */
export interface Audience {
  readonly scope: AudienceScope;
  readonly subregions: readonly Subregion[];
  readonly countries: readonly CountryCode[];
}

/** The audience as a client sends it (contract `AudienceInput`); the deciders validate it into an `Audience`. */
export interface AudienceInput {
  readonly scope: string;
  readonly subregions?: readonly string[] | null;
  readonly countries?: readonly string[] | null;
}
