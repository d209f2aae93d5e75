import type { VisibilityItem } from '../visibility/visibility.js';
import type { ItemState } from './item-fold.js';

/**
 * Who may see the item as it now stands, and which feeds it is in: its
 * country, its audience, and for a proposal every country ever invited to it.
 * It changes with the item (an invitation adds a country) but never shrinks:
 * a country that declined keeps seeing what it was invited to.
 */
export function visibilityOf(item: ItemState): VisibilityItem {
  return {
    country: item.country,
    audience: item.audience,
    partnerCountries: item.kind === 'PROPOSAL' ? item.partners.map((partner) => partner.country) : [],
  };
}
