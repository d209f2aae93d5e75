import { type CountryCode, type Subregion, SUBREGIONS, subregionOfCountry } from '../reference/reference-data.js';
import type { Audience } from '../shared/item.types.js';
import { isSecretariat, type Viewer } from '../shared/participant.types.js';

/**
 * What visibility and feed membership depend on, small enough for a read model
 * to store next to each item (`visibilityOf` an item's state). A proposal's
 * partner countries are every country invited so far, whatever they answered,
 * so that a country that declined keeps seeing what it was invited to; an
 * invitation adds one, and nothing takes one away. A consultation's are the
 * countries it consults.
 */
export interface VisibilityItem {
  /** The originating country (a proposal's lead country). */
  readonly country: CountryCode;
  readonly audience: Audience;
  /** Countries that see the item whatever its audience: a proposal's partners, a consultation's consulted countries. */
  readonly partnerCountries: readonly CountryCode[];
}

/** Who sees an item (docs/architecture.md). An item a viewer may not see does not exist for them. */
export function canSee(viewer: Viewer, item: VisibilityItem): boolean {
  if (isSecretariat(viewer)) return true;
  const country = viewer.country;
  if (country === null) return false;
  if (country === item.country || item.partnerCountries.includes(country)) return true;
  switch (item.audience.scope) {
    case 'NETWORK':
      return true;
    case 'SUBREGIONS':
      return item.audience.subregions.includes(subregionOfCountry(country));
    case 'COUNTRIES':
      return item.audience.countries.includes(country);
  }
}

/**
 * The subregional feeds the item appears in: those of the
 * originating country, of its partner or consulted countries, and those the audience names
 * or names a country of. A NETWORK audience names none; such an item is in the
 * feed without a subregion for everyone. Reference order, no duplicates.
 */
export function subregionsOf(item: VisibilityItem): Subregion[] {
  const relevant = new Set<Subregion>([
    subregionOfCountry(item.country),
    ...item.partnerCountries.map(subregionOfCountry),
    ...namedByAudience(item.audience),
  ]);
  return SUBREGIONS.filter((subregion) => relevant.has(subregion));
}

// Like canSee, reads only the list the scope uses.
function namedByAudience(audience: Audience): readonly Subregion[] {
  switch (audience.scope) {
    case 'NETWORK':
      return [];
    case 'SUBREGIONS':
      return audience.subregions;
    case 'COUNTRIES':
      return audience.countries.map(subregionOfCountry);
  }
}
